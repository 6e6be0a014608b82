/* roneo-linebreak.h: the body line breaker.
 *
 * Pango 1.50 breaks lines greedily and its justification only stretches
 * spaces and overflows at soft hyphens (PITFALLS 4, 5). roneo breaks body
 * text itself: the paragraph is shaped once by Pango, every break
 * opportunity (space, soft hyphen, explicit hyphen, forced break) is
 * measured, and a total-fit (Knuth-Plass) pass chooses the breaks that make
 * the word spaces most even, with TeX's model (TYPOGRAPHY.md, body text):
 * glue, two passes, fitness classes, hyphen demerits, at most two hyphenated
 * lines in a row, no hyphen in a capitalised word, no single word alone on a
 * last line where it can be avoided. style->breaker = greedy breaks first
 * fit instead, as Pango wraps, to compare with. Lines are
 * then set in one PangoLayout with explicit breaks, the spaces of each
 * justified line widened or narrowed so it is exactly the measure. No line is
 * ever wider than the measure except a word that is wider on its own, which
 * is broken and reported.
 *
 * A RoneoLineSet owns its rich text (the text as broken); layouts built from
 * it are owned by the caller.
 */
#pragma once

#include "roneo-layout.h"
#include "roneo-rich-text.h"

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;     /* byte offset of the line's first character */
  guint end;       /* byte offset after its content (before the break space) */
  guint next;      /* where the next line starts */
  gboolean hyphen; /* broken at a soft hyphen: a hyphen is drawn */
  gboolean last;   /* last line of the paragraph or ends at a forced break */
  double natural;  /* natural width, pt (hyphen included) */
  double extra;    /* pt the breaker adds to each stretchable space (may be < 0); setting
                    * the line makes up what the shaped glyphs differ by (roneo-lineset.c) */
  guint spaces;    /* stretchable spaces in the line */
  double scale;    /* glyph expansion: the line is drawn this much wider (1 = none) */
} RoneoLine;

typedef struct _RoneoShaping RoneoShaping;

typedef struct
{
  RoneoRichText *rich;     /* owned: the text broken (with its soft hyphens) */
  const RoneoStyle *style; /* borrowed from the layout */
  double size;             /* pt */
  double measure;          /* pt */
  gboolean justify;
  GArray *lines;       /* RoneoLine */
  gboolean broke_word; /* a word wider than the measure had to be broken */
  /* the widths the lines were broken from, to break them again (looseness):
   * borrowed from the caller, or owned when the set shaped the text itself */
  const RoneoShaping *shaping;
  RoneoShaping *own_shaping;
} RoneoLineSet;

/* Makes running text safe to break, before it is shaped: each run of white
 * space holding a tab becomes one space (none at the start). A tab advances
 * to Pango's next tab stop, so its width depends on where its line starts:
 * measured in the whole paragraph it is not the width it has once the line
 * is set apart, and the set line would wrap again into more lines than were
 * broken. A tab in a paragraph is a word space that was typed differently. */
void roneo_line_set_normalize_text (RoneoRichText *rich);

/* The widths of a text shaped once at size pt, to break it at other sizes
 * without shaping it again: with unhinted metrics and unrounded positions
 * widths scale with the size, to a few thousandths of a point. Owned. */
RoneoShaping *roneo_shaping_new (PangoContext *context, const RoneoRichText *rich,
                                 const RoneoStyle *style, double size);
void roneo_shaping_free (RoneoShaping *shaping);

/* Breaks rich (taken) set in style at size into lines of measure pt.
 * justify: spaces are set so each line but the last is exactly the measure;
 * otherwise lines are ragged and aligned per style->align. shaping: the
 * same text shaped at some size (a draft), or NULL to shape it at size; it
 * keeps the last breakings made from it, to give them again when the same
 * text is broken at the same size, measure and style keys. */
RoneoLineSet *roneo_line_set_break (PangoContext *context, RoneoRichText *rich,
                                    const RoneoStyle *style, double size, double measure,
                                    gboolean justify, RoneoShaping *shaping);
void roneo_line_set_free (RoneoLineSet *set);

/* TeX's \looseness: breaks lines [from, end) of set again into looseness
 * (+1 or -1) lines more than they take now, every line within the
 * tolerance and no looser than max_badness (a line's badness: 100 is a
 * space 0.375 em wide), the lines before from kept. The flow asks for it
 * to end a paragraph on a page (one line shorter rather than carry one line
 * over) or to keep a widow off the next (one longer); roneo_line_set_break
 * to pull up or push down a last line of one short word. Returns FALSE,
 * the set unchanged, when no such breaking exists. */
gboolean roneo_line_set_loosen (RoneoLineSet *set, guint from, int looseness, double max_badness);

/* A layout of lines [first, last) with the chosen breaks and spacing. The
 * top of its first line box is at y = 0, lines are style pitch apart. */
PangoLayout *roneo_line_set_new_layout (const RoneoLineSet *set, PangoContext *context, guint first,
                                        guint last);

/* Baseline-to-baseline distance, pt. */
double roneo_line_set_get_pitch (const RoneoLineSet *set);

/* Note numbers called in lines [first, last), in order (guint). Owned. */
GArray *roneo_line_set_get_notes (const RoneoLineSet *set, guint first, guint last);

/* The widest line of layout (expanded lines at their scale) minus measure
 * (> 0 means overflow), pt. */
double roneo_layout_get_overflow (PangoLayout *layout, double measure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoLineSet, roneo_line_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoShaping, roneo_shaping_free)

G_END_DECLS
