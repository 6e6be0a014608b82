/* roneo-lineset.c: the lines of a RoneoLineSet set as Pango layouts.
 *
 * The broken text is rebuilt with explicit line breaks and hyphens, and each
 * justified line's spaces are widened or narrowed to end on the measure.
 */
#include "roneo-linebreak.h"

#include "roneo-page.h"
#include "roneo-text-layout.h"

#include <math.h>

#define LINE_SEPARATOR "\n"

/* The spaces roneo_shaping_new counts in RoneoLine.spaces: keep the two alike. */
static gboolean
is_stretchable (gunichar c)
{
  return c == ' ' || c == 0x00A0;
}

/* Copies bytes [from, to) of src to out, dropping soft hyphens; map[i]
 * is where byte i of src lands in out. */
static void
copy_range (GString *out, const char *src, gsize from, gsize to, guint *map)
{
  for (gsize i = from; i < to; i++)
    {
      map[i] = out->len;
      gboolean shy = (guchar) src[i] == 0xC2 && i + 1 < to && (guchar) src[i + 1] == 0xAD;
      if (shy)
        map[++i] = out->len;
      else
        g_string_append_c (out, src[i]);
    }
  map[to] = out->len;
}

/* The text of lines [first, last) in one pass: explicit breaks, a hyphen
 * where a soft hyphen was chosen, the unused soft hyphens dropped; spans
 * follow through the byte map. */
static RoneoRichText *
lines_text (const RoneoLineSet *set, guint first, guint last)
{
  const GString *src = set->rich->text;
  g_autofree guint *map = g_new0 (guint, src->len + 1);
  GString *out = g_string_sized_new (src->len);
  guint start = g_array_index (set->lines, RoneoLine, first).start;
  for (guint j = first; j < last; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      copy_range (out, src->str, line->start, line->end, map);
      /* the hyphen also where the lines stop at a page's foot mid-paragraph */
      if (line->hyphen)
        g_string_append (out, "-");
      if (j + 1 < last)
        g_string_append (out, LINE_SEPARATOR);
      for (guint i = line->end + 1; i <= line->next && i <= src->len; i++)
        map[i] = out->len;
    }
  guint end = g_array_index (set->lines, RoneoLine, last - 1).end;
  RoneoRichText *text = roneo_rich_text_new ("");
  g_string_free (text->text, TRUE);
  text->text = out;
  for (guint i = 0; i < set->rich->spans->len; i++)
    {
      RoneoSpan span = g_array_index (set->rich->spans, RoneoSpan, i);
      if (span.end <= start || span.start >= end)
        continue;
      span.start = map[MAX (span.start, start)];
      span.end = map[MIN (span.end, end)];
      if (span.end > span.start)
        g_array_append_val (text->spans, span);
    }
  return text;
}

static gboolean
has_scales (const RoneoLineSet *set, guint first, guint last)
{
  for (guint j = first; j < last; j++)
    if (g_array_index (set->lines, RoneoLine, j).scale != 1.0)
      return TRUE;
  return FALSE;
}

/* Whether lines [first, last) are set wider or narrower than they are
 * shaped: justified lines but a paragraph's last, and lines that shrink. */
static gboolean
has_set_lines (const RoneoLineSet *set, guint first, guint last)
{
  if (!set->justify)
    return FALSE;
  for (guint j = first; j < last; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      if (!line->last || line->natural > set->measure / line->scale)
        return TRUE;
    }
  return FALSE;
}

/* The width only aligns lines (right-to-left paragraphs flip "left" to the
 * right edge); a hair over the measure so rounding never re-wraps. A
 * narrowed line is set wider than the measure, to be drawn on it. The
 * scales are the set's lines': asking the layout would lay it out once
 * more (a tenth of the composition time). Lines set to the measure once
 * shaped (set_spaces) are laid out with no width, or Pango would wrap
 * those that shrink: they align on the measure they all end on, which the
 * layout keeps for its box (roneo_layout_set_measure). */
static void
set_measure (const RoneoLineSet *set, PangoLayout *layout, guint first, guint last)
{
  double least = 1.0;
  for (guint j = first; j < last; j++)
    least = MIN (least, g_array_index (set->lines, RoneoLine, j).scale);
  double width = (set->measure + 0.5) / least;
  if (has_set_lines (set, first, last))
    roneo_layout_set_measure (layout, width);
  else
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
}

/* The lines' glyph scales on the layout, when any line has one. */
static void
attach_scales (const RoneoLineSet *set, PangoLayout *layout, guint first, guint last)
{
  if (!has_scales (set, first, last))
    return;
  GArray *scales = g_array_sized_new (FALSE, FALSE, sizeof (double), last - first);
  for (guint j = first; j < last; j++)
    g_array_append_val (scales, g_array_index (set->lines, RoneoLine, j).scale);
  roneo_layout_set_line_scales (layout, scales);
}

static PangoLayout *
layout_of_lines (const RoneoLineSet *set, PangoContext *context, const RoneoRichText *text,
                 guint first, guint lines)
{
  PangoLayout *layout = roneo_text_layout_new (context, text, set->style, set->size, NULL);
  attach_scales (set, layout, first, first + lines);
  set_measure (set, layout, first, first + lines);
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  if (!set->justify && set->style->align == RONEO_ALIGN_CENTER)
    alignment = PANGO_ALIGN_CENTER;
  else if (!set->justify && set->style->align == RONEO_ALIGN_RIGHT)
    alignment = PANGO_ALIGN_RIGHT;
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Whether glyph g of run starts a cluster of a stretchable space. */
static gboolean
is_space_glyph (const char *text, const PangoLayoutRun *run, int g)
{
  const PangoGlyphString *glyphs = run->glyphs;
  int cluster = glyphs->log_clusters[g];
  if (g > 0 && glyphs->log_clusters[g - 1] == cluster)
    return FALSE;
  return is_stretchable (g_utf8_get_char (text + run->item->offset + cluster));
}

/* The width of line's glyphs in Pango units, and its stretchable spaces. */
static int
line_natural (const char *text, const PangoLayoutLine *line, guint *spaces)
{
  int width = 0;
  *spaces = 0;
  for (GSList *r = line->runs; r != NULL; r = r->next)
    {
      const PangoLayoutRun *run = r->data;
      width += pango_glyph_string_get_width (run->glyphs);
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        *spaces += is_space_glyph (text, run, g);
    }
  return width;
}

/* Adds delta Pango units to line's stretchable spaces, spread evenly. */
static void
widen_spaces (const char *text, PangoLayoutLine *line, guint spaces, int delta)
{
  guint k = 0;
  for (GSList *r = line->runs; r != NULL; r = r->next)
    {
      PangoLayoutRun *run = r->data;
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        if (is_space_glyph (text, run, g))
          {
            PangoGlyphGeometry *geometry = &run->glyphs->glyphs[g].geometry;
            int share = (int) ((gint64) delta * (k + 1) / spaces - (gint64) delta * k / spaces);
            geometry->width = MAX (0, geometry->width + share);
            k++;
          }
    }
}

/* Each justified line's spaces widened or narrowed so it ends exactly on
 * the measure (an expanded line on the measure before its scale), and a
 * ragged or last line's narrowed only where it would pass it. The glyphs
 * Pango shaped are measured, so the few hundredths of a point the
 * breaker's scaled widths miss (kerning against a hyphen, rounding) and
 * the points a ligature across a break makes are made up too. Done on the
 * glyphs rather than as letter spacing on each space, which would split
 * every line into a run per word, each shaped apart (two thirds of the
 * time of setting), and rather than by Pango's justification, which only
 * stretches. The spaces stay spaces in the text layer. */
static void
set_spaces (const RoneoLineSet *set, PangoLayout *layout, guint first, guint lines)
{
  const char *text = pango_layout_get_text (layout);
  guint j = 0;
  /* pango_layout_get_lines, not _readonly: the lines' extents are then
   * measured from the glyphs as changed */
  for (GSList *l = pango_layout_get_lines (layout); l != NULL && j < lines; l = l->next, j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, first + j);
      guint spaces = 0;
      int natural = line_natural (text, l->data, &spaces);
      int target = (int) lround (set->measure / line->scale * PANGO_SCALE);
      gboolean full = set->justify && !line->last;
      if (spaces > 0 && (full || natural > target))
        widen_spaces (text, l->data, spaces, target - natural);
    }
}

/* The lines keep their breaks. A line still wider than the measure (a word
 * wider than it, a line with no space to narrow) widens the layout to it
 * rather than wrap once more, and roneo_layout_get_overflow reports it;
 * should Pango still break a line (its fit test is not the extents of the
 * line it then makes: seen with a word broken between two characters), the
 * layout gets no width at all: only the explicit breaks remain, and lines
 * align on their widest rather than on the measure. */
static void
keep_breaks (PangoLayout *layout, guint lines)
{
  if (pango_layout_get_line_count (layout) == (int) lines)
    return;
  pango_layout_set_width (layout, -1);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  pango_layout_set_width (layout, logical.width + PANGO_SCALE / 2);
  if (pango_layout_get_line_count (layout) != (int) lines)
    pango_layout_set_width (layout, -1);
  g_warn_if_fail (pango_layout_get_line_count (layout) == (int) lines);
}

PangoLayout *
roneo_line_set_new_layout (const RoneoLineSet *set, PangoContext *context, guint first, guint last)
{
  g_return_val_if_fail (first < last && last <= set->lines->len, NULL);
  guint lines = last - first;
  g_autoptr (RoneoRichText) text = lines_text (set, first, last);
  PangoLayout *layout = layout_of_lines (set, context, text, first, lines);
  keep_breaks (layout, lines);
  set_spaces (set, layout, first, lines);
  return layout;
}

GArray *
roneo_line_set_get_notes (const RoneoLineSet *set, guint first, guint last)
{
  GArray *notes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint start = g_array_index (set->lines, RoneoLine, first).start;
  guint end = g_array_index (set->lines, RoneoLine, last - 1).next;
  for (guint i = 0; i < set->rich->spans->len; i++)
    {
      const RoneoSpan *span = &g_array_index (set->rich->spans, RoneoSpan, i);
      if ((span->flags & RONEO_SPAN_NOTE_CALL) && span->start >= start && span->start < end)
        g_array_append_val (notes, span->note);
    }
  return notes;
}

double
roneo_layout_get_overflow (PangoLayout *layout, double measure)
{
  double widest = 0;
  guint j = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next, j++)
    {
      PangoRectangle logical;
      pango_layout_line_get_extents (l->data, NULL, &logical);
      double scale = roneo_layout_get_line_scale (layout, j);
      widest = MAX (widest, pango_units_to_double (logical.x + logical.width * scale));
    }
  return widest - measure;
}
