/* roneo-fit.h: headlines and slogans fitted to a box, then balanced.
 *
 * TYPOGRAPHY.md "Fitting": bisection on the point size, on integers in
 * Pango units so it is deterministic, down to 1/16 pt, measuring the ink
 * rectangle (PITFALLS 11); the largest size where the line count is within
 * max-lines, the ink fits the box and no word is broken. The lines end at
 * the phrase breaks of roneo-phrase.h: for each trial size the fewest lines
 * that fit, the breaks of least penalty plus raggedness, set as forced
 * breaks, so lines come out of similar length where the phrases allow.
 * Display text is never justified (PITFALLS 5). Only when no size fits with
 * phrase breaks does Pango wrap (balanced: the narrowest width that keeps
 * the line count). A word wider than the box at min-size is cut across
 * lines only when the style has break-words; otherwise the fit names it
 * (wide_word) and the caller refuses it: it would stick out of the page.
 * Lines of capitals are spaced from their ink at each trial size
 * (roneo_text_layout_space_capitals): an accent under a comma opens the
 * pitch, and the box holds the lines as they are set.
 *
 * A style with stack (placards) sets each line at its own size instead:
 * for each line count up to max-lines the phrase breaks are chosen, each
 * line is sized so that its ink fills the measure, no line more than
 * STACK_MAX_RATIO times the smallest, the whole scaled down together when
 * it is taller than the box; lines are spaced from their ink (an accent
 * never touches the line above). The line count whose stack covers the
 * most ink area wins, the phrasing deciding between near ties. max-size
 * does not cap a stack: the measure and the box do.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-layout.h"
#include "roneo-rich-text.h"
#include "roneo-style.h"

#include <pango/pango.h>

G_BEGIN_DECLS

/* A line of a stack (style->stack): a placard's slogan set line by line,
 * each line at the size that makes its ink fill the measure. */
typedef struct
{
  PangoLayout *layout; /* owned: the line alone, unwrapped, at size */
  double size;         /* pt */
  double x, y;         /* pt: the layout's origin from the top left of the stack's ink box,
                        * x aligned in the measure per the style */
} RoneoFitLine;

typedef struct
{
  PangoLayout *layout; /* owned: wrapped at width, aligned per the style */
  double size;         /* pt */
  double width;        /* pt: the balanced width the layout wraps at */
  PangoRectangle ink;  /* pt-free Pango units, relative to the layout origin */
  int lines;
  gboolean fits;     /* FALSE: even min-size breaks a rule; set at min-size */
  char *wide_word;   /* owned, NULL unless a word is wider than max_width at min-size and
                      * the style does not break words: the text would be cut off */
  double wide_width; /* pt: that word's width */
  GArray *stack;     /* owned RoneoFitLine, top to bottom; NULL unless the style stacks. Then
                      * layout is the text broken at the stack's lines at the smallest size
                      * (for glyph checks), size that smallest size, ink the stack's box */
} RoneoFit;

/* Fits rich (in the language lang) in style into max_width x max_height pt,
 * between style->min_size and style->size. Returns a fit to free with
 * roneo_fit_clear(). */
RoneoFit roneo_fit_text (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                         const char *lang, double max_width, double max_height);

/* Whether rich set at size fits (for tests: one step larger must not). */
gboolean roneo_fit_check (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                          const char *lang, double size, double max_width, double max_height);

void roneo_fit_clear (RoneoFit *fit);

/* Sets RONEO_ERROR_OVERFLOW for fit's wide word, found in block (of the
 * copy source) set in style, measure pt wide. */
void roneo_fit_set_wide_word_error (const RoneoFit *fit, const char *source,
                                    const RoneoBlock *block, RoneoStyleId style, double measure,
                                    GError **error);

/* The block of document's blocks whose text holds fit's wide word, else its
 * first block; borrowed. */
const RoneoBlock *roneo_fit_find_block (const RoneoFit *fit, const RoneoDocument *document);

G_END_DECLS
