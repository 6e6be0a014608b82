#include "roneo-fit-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-phrase.h"
#include "roneo-text-layout.h"

#include <math.h>
#include <string.h>

#define BALANCE_STEP (PANGO_SCALE / 2) /* width bisection stops at 0.5 pt */
#define SIZE_STEP (PANGO_SCALE / 16)   /* size bisection stops at 1/16 pt */

#define INK_GAP 0.05 /* of the size: the least ink gap between two lines of capitals */
#define INK_HANG                                                                                   \
  0.06 /* of the size: how far ink may hang left of the box (the hook of a j,                      \
        * an opening quote), as in optical margin alignment: refusing it sets                      \
        * "jeudi 6 octobre" a line longer and a size smaller than "Jeudi" */

#define WORD_NAME_MAX 50 /* characters of a word named in a message */

/* A copy of rich whose forced breaks (U+2028) end paragraphs (U+2029, as
 * long in UTF-8: the spans keep their bytes). Pango shapes a line
 * separator as a glyph no font has and sizes its empty box from a
 * monospace font: one more font set per size. A paragraph separator ends
 * the text Pango shapes; the lines, their breaks and their ink are the
 * same. Trials only: the fit's own layout keeps the line separators its
 * readers look for. Owned. */
static RoneoRichText *
rich_paragraphed (const RoneoRichText *rich)
{
  RoneoRichText *copy = roneo_rich_text_copy (rich);
  for (char *p = strstr (copy->text->str, "\u2028"); p != NULL; p = strstr (p + 3, "\u2028"))
    memcpy (p, "\u2029", 3);
  return copy;
}

/* breaking: a word wider than width may be cut (break-words); else Pango
 * lets it stick out, which the fit then refuses. trial: a layout only
 * measured, its forced breaks set as paragraph ends. */
static PangoLayout *
layout_at (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style, int size,
           int width, gboolean breaking, gboolean trial)
{
  g_autoptr (RoneoRichText) paragraphed = trial ? rich_paragraphed (rich) : NULL;
  PangoLayout *layout = roneo_text_layout_new (context, trial ? paragraphed : rich, style,
                                               (double) size / PANGO_SCALE, NULL);
  pango_layout_set_width (layout, width);
  pango_layout_set_wrap (layout, breaking ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  PangoAlignment alignment = style->align == RONEO_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
                             : style->align == RONEO_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                                 : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Trials are laid out at one reference size, the wrap width scaled instead
 * of the type: unhinted text at size s in width w is the text at size r in
 * width w * r / s, scaled by s / r. One font size means one font set to
 * load, not one per trial. */
/* The phrase breaks of the text (roneo-phrase.h) and the text unwrapped at
 * the reference size, where their lines are measured. */
typedef struct
{
  GArray *breaks;       /* owned: RoneoPhraseBreak */
  PangoLayout *measure; /* owned */
  gboolean strict;      /* never-breaks refused: FALSE once no size fits without them */
} Phrasing;

typedef struct
{
  PangoContext *context;
  const RoneoRichText *rich;
  const RoneoStyle *style;
  int reference;      /* size, Pango units */
  gboolean breaking;  /* words may be cut: break-words, once no size kept them whole */
  Phrasing *phrasing; /* NULL: Pango wraps (break-words, or no phrase breaks fit) */
} Prober;

/* The width of bytes [start, end) of the measured text on its line. */
double
roneo_fit_measure_line (gsize start, gsize end, gpointer data)
{
  PangoLayout *layout = data;
  const char *text = pango_layout_get_text (layout);
  int line, left, right;
  if (end <= start)
    return 0;
  pango_layout_index_to_line_x (layout, (int) start, FALSE, &line, &left);
  pango_layout_index_to_line_x (layout, (int) (g_utf8_prev_char (text + end) - text), TRUE, &line,
                                &right);
  return ABS (right - left);
}

/* A copy of rich with a forced break at each of the chosen breaks. Owned. */
RoneoRichText *
roneo_fit_rich_broken_at (const RoneoRichText *rich, const GArray *breaks, const GArray *chosen)
{
  RoneoRichText *broken = roneo_rich_text_copy (rich);
  for (guint i = chosen->len; i-- > 0;)
    {
      const RoneoPhraseBreak *br
          = &g_array_index (breaks, RoneoPhraseBreak, g_array_index (chosen, guint, i));
      if (!br->forced)
        roneo_rich_text_replace (broken, br->end, br->start, "\u2028");
    }
  return broken;
}

/* rich set at size with the chosen breaks, wrapped at its widest line: the
 * line count is the breaks', and any narrower width adds a line. */
static PangoLayout *
layout_broken (const Prober *p, int size, const GArray *chosen, gboolean trial)
{
  g_autoptr (RoneoRichText) broken
      = roneo_fit_rich_broken_at (p->rich, p->phrasing->breaks, chosen);
  PangoLayout *layout = layout_at (p->context, broken, p->style, size, -1, FALSE, trial);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  pango_layout_set_width (layout, logical.width + 1);
  return layout;
}

/* The fewest lines, within max-lines, in which the phrase breaks set the
 * text no wider than width (Pango units at the reference size); the breaks
 * in chosen. 0 when none. */
static int
choose_lines (const Prober *p, int width, GArray *chosen)
{
  const Phrasing *ph = p->phrasing;
  guint most = p->style->max_lines > 0 ? p->style->max_lines : ph->breaks->len + 1;
  for (guint lines = 1; lines <= most; lines++)
    if (roneo_phrase_choose (ph->breaks, p->rich->text->len, lines, width, ph->strict,
                             roneo_fit_measure_line, ph->measure, chosen))
      return (int) lines;
  return 0;
}

/* A layout at the reference size standing for size at width; *scale
 * turns its extents into those at size. NULL when the phrase breaks allow
 * no set of lines that narrow. */
static PangoLayout *
probe (const Prober *p, int size, int width, double *scale)
{
  *scale = (double) size / p->reference;
  int scaled_width = (int) ((gint64) width * p->reference / size);
  if (p->phrasing == NULL)
    return layout_at (p->context, p->rich, p->style, p->reference, scaled_width, p->breaking, TRUE);
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  if (choose_lines (p, scaled_width, chosen) == 0)
    return NULL;
  return layout_broken (p, p->reference, chosen, TRUE);
}

static PangoRectangle
scaled_ink (PangoLayout *layout, double scale)
{
  PangoRectangle ink;
  pango_layout_get_extents (layout, &ink, NULL);
  return (PangoRectangle){ (int) (ink.x * scale), (int) (ink.y * scale),
                           (int) ceil (ink.width * scale), (int) ceil (ink.height * scale) };
}

static gboolean
is_word_end (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2028 || c == 0x2029;
}

/* A wrapped line that does not start after a space, a hyphen or a forced
 * break cut a word in two. */
static gboolean
starts_inside_word (const char *text, const PangoLayoutLine *line)
{
  return line->start_index > 0
         && !is_word_end (g_utf8_get_char (g_utf8_prev_char (text + line->start_index)));
}

static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    if (starts_inside_word (text, l->data))
      return TRUE;
  return FALSE;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x2028 || c == 0x2029;
}

/* The word around byte at of text, shortened for a message. Owned. */
static char *
word_around (const char *text, const char *at)
{
  const char *start = at, *end = at;
  while (start > text && !is_space (g_utf8_get_char (g_utf8_prev_char (start))))
    start = g_utf8_prev_char (start);
  while (*end != '\0' && !is_space (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  if (g_utf8_strlen (start, end - start) <= WORD_NAME_MAX)
    return g_strndup (start, end - start);
  const char *cut = g_utf8_offset_to_pointer (start, WORD_NAME_MAX - 1);
  g_autofree char *head = g_strndup (start, cut - start);
  return g_strconcat (head, "\u2026", NULL);
}

/* The longest word of bytes [start, end) of text. */
static const char *
longest_word (const char *start, const char *end)
{
  const char *best = start;
  glong best_length = 0;
  for (const char *p = start; p < end;)
    {
      const char *q = p;
      while (q < end && !is_space (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (g_utf8_strlen (p, q - p) > best_length)
        best = p, best_length = g_utf8_strlen (p, q - p);
      p = q < end ? g_utf8_next_char (q) : end;
    }
  return best;
}

/* The first word layout could not keep within width: a line wider than
 * width holds one unbreakable run (Pango wraps at every space, not at a
 * no-break space), whose longest word is the culprit; a line that starts
 * inside a word cut it. NULL when none; *wide gets the line's width, pt. */
static char *
overwide_word (PangoLayout *layout, int width, double *wide)
{
  const char *text = pango_layout_get_text (layout);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;
      pango_layout_line_get_extents (line, NULL, &logical);
      *wide = pango_units_to_double (logical.width);
      const char *start = text + line->start_index;
      if (starts_inside_word (text, line))
        return word_around (text, start);
      if (logical.width > width && line->length > 0)
        return word_around (text, longest_word (start, start + line->length));
    }
  return NULL;
}

static gboolean
probe_fits (const Prober *p, int size, int width, int height)
{
  double scale;
  g_autoptr (PangoLayout) layout = probe (p, size, width, &scale);
  if (layout == NULL)
    return FALSE;
  /* The accents may open the lines: the box holds them as they will be set. */
  roneo_text_layout_space_capitals (layout, p->style, pango_units_to_double (p->reference),
                                    INK_GAP);
  PangoRectangle ink = scaled_ink (layout, scale);
  int lines = pango_layout_get_line_count (layout);
  return (p->breaking || !breaks_a_word (layout))
         && (p->style->max_lines == 0 || lines <= (int) p->style->max_lines)
         && ink.x >= -MAX (PANGO_SCALE, (int) (size * INK_HANG)) && ink.x + ink.width <= width
         && ink.height <= height;
}

/* Balancing only compares widths: the logical extents do (the ink, much
 * dearer to measure, differs by a side bearing, inside the 1 pt allowed). */
static int
probe_lines (const Prober *p, int size, int width, gboolean *broken, int *right)
{
  double scale;
  g_autoptr (PangoLayout) layout = probe (p, size, width, &scale);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  *broken = !p->breaking && breaks_a_word (layout);
  *right = (int) ((logical.x + logical.width) * scale);
  return pango_layout_get_line_count (layout);
}

/* The narrowest width, down to half a point, that keeps the line count. */
static int
balance_width (const Prober *p, int size, int width, int lines)
{
  int low = width / MAX (lines, 1) / 2, high = width;
  while (high - low > BALANCE_STEP)
    {
      int mid = low + (high - low) / 2;
      gboolean broken;
      int ink_right;
      if (probe_lines (p, size, mid, &broken, &ink_right) == lines && !broken
          && ink_right <= mid + PANGO_SCALE)
        high = mid;
      else
        low = mid;
    }
  return high;
}

/* The largest size in [low, high] that fits, to 1/16 pt, knowing low does. */
static int
largest_size (const Prober *p, int low, int high, int width, int height)
{
  if (probe_fits (p, high, width, height))
    return high;
  /* Invariant: low fits, high does not. */
  while (high - low > SIZE_STEP)
    {
      int mid = low + (high - low) / 2;
      if (probe_fits (p, mid, width, height))
        low = mid;
      else
        high = mid;
    }
  return low;
}

static void
phrasing_init (Phrasing *ph, const Prober *p, const char *lang)
{
  ph->breaks = roneo_phrase_breaks (p->rich->text->str, lang);
  ph->measure = layout_at (p->context, p->rich, p->style, p->reference, -1, FALSE, TRUE);
  pango_layout_set_alignment (ph->measure, PANGO_ALIGN_LEFT);
  ph->strict = TRUE;
}

static void
phrasing_clear (Phrasing *ph)
{
  g_clear_pointer (&ph->breaks, g_array_unref);
  g_clear_object (&ph->measure);
}

/* How the fit breaks lines, the first that fits at size low: the phrase
 * breaks without the forbidden ones, then with them, then Pango's, then
 * (break-words) Pango's cutting words. FALSE when none does: Pango's. */
static gboolean
choose_breaking (Prober *p, Phrasing *ph, int low, int width, int height)
{
  p->phrasing = ph;
  if (probe_fits (p, low, width, height))
    return TRUE;
  ph->strict = FALSE;
  if (probe_fits (p, low, width, height))
    return TRUE;
  p->phrasing = NULL;
  gboolean fits = probe_fits (p, low, width, height);
  if (fits || !p->style->break_words)
    return fits;
  p->breaking = TRUE;
  return probe_fits (p, low, width, height);
}

gboolean
roneo_fit_check (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                 const char *lang, double size, double max_width, double max_height)
{
  int width = pango_units_from_double (max_width);
  int height = pango_units_from_double (max_height);
  Prober p = { context, rich, style, pango_units_from_double (size), FALSE, NULL };
  Phrasing ph = { 0 };
  phrasing_init (&ph, &p, lang);
  choose_breaking (&p, &ph, pango_units_from_double (MIN (style->min_size, style->size)), width,
                   height);
  gboolean fits = probe_fits (&p, p.reference, width, height);
  phrasing_clear (&ph);
  return fits;
}

/* Pango's lines at size, balanced when they fit: the narrowest width that
 * keeps their count. Owned. */
static PangoLayout *
layout_wrapped (const Prober *p, int size, int width, gboolean fits)
{
  gboolean broken;
  int ink_right;
  int lines = probe_lines (p, size, width, &broken, &ink_right);
  int balanced = fits ? balance_width (p, size, width, lines) : width;
  PangoLayout *layout
      = layout_at (p->context, p->rich, p->style, size, balanced, p->breaking, FALSE);
  /* Set for real, a line may come out a hair wider than probed: give the
   * balanced width back rather than a different break. */
  if (pango_layout_get_line_count (layout) != lines)
    pango_layout_set_width (layout, width);
  return layout;
}

/* The phrase breaks' lines at size, the fewest that fit. Owned. */
static PangoLayout *
layout_phrased (const Prober *p, int size, int width)
{
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  choose_lines (p, (int) ((gint64) width * p->reference / size), chosen);
  return layout_broken (p, size, chosen, FALSE);
}

RoneoFit
roneo_fit_text (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                const char *lang, double max_width, double max_height)
{
  return roneo_fit_text_measured_at (context, rich, style, lang, max_width, max_height, style->size,
                                     0);
}

RoneoFit
roneo_fit_text_measured_at (PangoContext *context, const RoneoRichText *rich,
                            const RoneoStyle *style, const char *lang, double max_width,
                            double max_height, double reference, double larger_than)
{
  int width = pango_units_from_double (max_width);
  int height = pango_units_from_double (max_height);
  int low = pango_units_from_double (MIN (style->min_size, style->size));
  int high = pango_units_from_double (style->size);
  Prober p = { context, rich, style, pango_units_from_double (reference), FALSE, NULL };
  RoneoFit fit = { 0 };
  if (style->stack && roneo_fit_stack (context, rich, style, lang, max_width, max_height, &fit))
    return fit;
  Phrasing ph = { 0 };
  phrasing_init (&ph, &p, lang);
  fit.fits = choose_breaking (&p, &ph, low, width, height);
  int size = fit.fits ? largest_size (&p, low, high, width, height) : low;
  if (fit.fits && size <= pango_units_from_double (larger_than))
    {
      /* not wanted: no layout, no font at this size */
      phrasing_clear (&ph);
      fit.size = (double) size / PANGO_SCALE;
      return fit;
    }
  fit.layout
      = p.phrasing ? layout_phrased (&p, size, width) : layout_wrapped (&p, size, width, fit.fits);
  phrasing_clear (&ph);
  fit.size = (double) size / PANGO_SCALE;
  roneo_text_layout_space_capitals (fit.layout, style, fit.size, INK_GAP);
  fit.width = pango_units_to_double (pango_layout_get_width (fit.layout));
  fit.lines = pango_layout_get_line_count (fit.layout);
  pango_layout_get_extents (fit.layout, &fit.ink, NULL);
  if (!fit.fits && !p.breaking)
    fit.wide_word = overwide_word (fit.layout, width, &fit.wide_width);
  return fit;
}

void
roneo_fit_clear (RoneoFit *fit)
{
  g_clear_object (&fit->layout);
  g_clear_pointer (&fit->wide_word, g_free);
  g_clear_pointer (&fit->stack, g_array_unref);
}

/* The word of text that set (after the style's transform, maybe
 * shortened) gives word: where it starts in text, or NULL. */
static const char *
find_source_word (const char *text, const char *word)
{
  g_autofree char *head = g_str_has_suffix (word, "\u2026")
                              ? g_strndup (word, strlen (word) - strlen ("\u2026"))
                              : NULL;
  for (const char *p = text; *p != '\0';)
    {
      const char *q = p;
      while (*q != '\0' && !is_space (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      g_autofree char *token = g_strndup (p, q - p);
      g_autofree char *upper = g_utf8_strup (token, -1);
      if (head != NULL ? g_str_has_prefix (token, head) || g_str_has_prefix (upper, head)
                       : g_strcmp0 (token, word) == 0 || g_strcmp0 (upper, word) == 0)
        return p;
      p = *q != '\0' ? g_utf8_next_char (q) : q;
    }
  return NULL;
}

/* The line of the copy at at in block's text: each forced break in it
 * ended a line of the file. */
static guint
line_at (const RoneoBlock *block, const char *at)
{
  guint line = block->line;
  for (const char *p = strstr (block->text, "\u2028"); p != NULL && p < at;
       p = strstr (p + 1, "\u2028"))
    line++;
  return line;
}

void
roneo_fit_set_wide_word_error (const RoneoFit *fit, const char *source, const RoneoBlock *block,
                               RoneoStyleId style, double measure, GError **error)
{
  g_return_if_fail (fit->wide_word != NULL);
  const char *at = find_source_word (block->text, fit->wide_word);
  g_autofree char *word = at ? word_around (block->text, at) : g_strdup (fit->wide_word);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
               _ ("%s:%u: the word '%s' is too wide for the %s even at %.4g pt (%.0f mm on a "
                  "measure of %.0f mm); shorten it, or let it be cut across lines with "
                  "'break-words = true' in [%s]"),
               source, at ? line_at (block, at) : block->line, word, roneo_style_label (style),
               fit->size, fit->wide_width / RONEO_PT_PER_MM, measure / RONEO_PT_PER_MM,
               roneo_style_name (style));
}

const RoneoBlock *
roneo_fit_find_block (const RoneoFit *fit, const RoneoDocument *document)
{
  g_return_val_if_fail (fit->wide_word != NULL && document->blocks->len > 0, NULL);
  for (guint i = 0; i < document->blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (document->blocks, i);
      if (find_source_word (block->text, fit->wide_word) != NULL)
        return block;
    }
  return g_ptr_array_index (document->blocks, 0);
}
