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

/* A separator Pango starts a new line at (CR LF counts once, at its LF);
 * roneo-linebreak.c breaks at the same ones. */
static gboolean
is_line_break (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  return c == '\n' || (c == '\r' && p[1] != '\n') || c == 0x2028 || c == 0x2029;
}

/* Letter spacing on each stretchable space of line j: extra[j] pt. */
static PangoAttrList *
spacing_attrs (const char *text, guint lines, const double *extra)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  guint line = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_line_break (p))
        line = MIN (line + 1, lines - 1);
      else if (is_stretchable (c) && extra[line] != 0)
        {
          PangoAttribute *attr
              = pango_attr_letter_spacing_new ((int) lround (extra[line] * PANGO_SCALE));
          attr->start_index = p - text;
          attr->end_index = g_utf8_next_char (p) - text;
          pango_attr_list_insert (attrs, attr);
        }
    }
  return attrs;
}

static gboolean
has_scales (const RoneoLineSet *set, guint first, guint last)
{
  for (guint j = first; j < last; j++)
    if (g_array_index (set->lines, RoneoLine, j).scale != 1.0)
      return TRUE;
  return FALSE;
}

/* The width only aligns lines (right-to-left paragraphs flip "left" to the
 * right edge); a hair over the measure so rounding never re-wraps. A
 * narrowed line is set wider than the measure, to be drawn on it. The
 * scales are the set's lines': asking the layout would lay it out once
 * more (a tenth of the composition time). */
static void
set_measure (const RoneoLineSet *set, PangoLayout *layout, guint first, guint last)
{
  double least = 1.0;
  for (guint j = first; j < last; j++)
    least = MIN (least, g_array_index (set->lines, RoneoLine, j).scale);
  pango_layout_set_width (layout, (int) ((set->measure + 0.5) / least * PANGO_SCALE));
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
layout_with_spacing (const RoneoLineSet *set, PangoContext *context, const RoneoRichText *text,
                     guint first, guint lines, const double *extra)
{
  g_autoptr (PangoAttrList) spacing = spacing_attrs (text->text->str, lines, extra);
  PangoLayout *layout = roneo_text_layout_new (context, text, set->style, set->size, spacing);
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

/* Shaped in context, a line can differ from its measured width: by a few
 * hundredths of a point (kerning against the hyphen, rounding), or by
 * several points where the paragraph's shaping made one cluster across a
 * break (a ligature over a soft hyphen: "of\u00ADfice" shaped as "o" "ffi"
 * "ce"). The layout is measured with one line per set line (its only
 * separators are the breaks; tabs are spaces by then: the caller unwraps
 * it if Pango broke a line more), and the spacing of the lines corrected so
 * justified lines end exactly on the measure and none ends past it.
 * Returns TRUE if any extra changed. */
static gboolean
correct_spacing (const RoneoLineSet *set, PangoLayout *layout, guint first, guint lines,
                 double *extra)
{
  gboolean changed = FALSE;
  guint j = 0;
  g_warn_if_fail (pango_layout_get_line_count (layout) == (int) lines);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && j < lines;
       l = l->next, j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, first + j);
      PangoRectangle logical;
      pango_layout_line_get_extents (l->data, NULL, &logical);
      /* an expanded line is set to the measure before its scale */
      double error = set->measure / line->scale - pango_units_to_double (logical.width);
      gboolean full = set->justify && !line->last;
      /* A justified line may end 0.05 pt (0.02 mm) short; none may overshoot. */
      if (line->spaces > 0 && (full ? fabs (error) > 0.05 : error < -0.01))
        {
          extra[j] += error / line->spaces;
          changed = TRUE;
        }
    }
  return changed;
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
  g_autofree double *extra = g_new0 (double, lines);
  for (guint j = first; j < last; j++)
    extra[j - first] = g_array_index (set->lines, RoneoLine, j).extra;
  PangoLayout *layout = layout_with_spacing (set, context, text, first, lines, extra);
  /* measured at the width it keeps, the layout is laid out once when no
   * line needs correcting, twice when one does */
  gboolean wrapped = pango_layout_get_line_count (layout) != (int) lines;
  if (wrapped)
    pango_layout_set_width (layout, -1);
  if (correct_spacing (set, layout, first, lines, extra))
    {
      g_object_unref (layout);
      layout = layout_with_spacing (set, context, text, first, lines, extra);
    }
  else if (wrapped)
    set_measure (set, layout, first, last);
  keep_breaks (layout, lines);
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
