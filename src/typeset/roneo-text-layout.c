#include "roneo-text-layout.h"

#define SUPERSCRIPT_SCALE 0.62
#define SUPERSCRIPT_RISE 0.36 /* of the size */
#define CODE_FAMILY "DejaVu Sans Mono"

PangoFontDescription *
roneo_style_font_description (const RoneoStyle *style, double size)
{
  PangoFontDescription *desc = pango_font_description_new ();
  /* Family set alone, never parsed from "Family Size" (PITFALLS 8). */
  pango_font_description_set_family (desc, style->font ? style->font : "Roneo Text");
  pango_font_description_set_weight (desc, (PangoWeight) style->weight);
  pango_font_description_set_style (desc, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  return desc;
}

int
roneo_style_strong_weight (const RoneoStyle *style)
{
  /* bold over a regular or medium text; over a semibold or bold one, the
   * heaviest weight, which only a family that has it can show (Libertine
   * stops at bold: a bold list style would hide its strong words) */
  return style->weight >= 600 ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD;
}

static void
insert_range (PangoAttrList *list, PangoAttribute *attr, guint start, guint end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (list, attr);
}

static void
add_span_attrs (PangoAttrList *list, const RoneoSpan *span, const RoneoStyle *style, double size)
{
  if (span->flags & RONEO_SPAN_EMPHASIS)
    insert_range (list,
                  pango_attr_style_new (style->italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC),
                  span->start, span->end);
  if (span->flags & RONEO_SPAN_STRONG)
    insert_range (list, pango_attr_weight_new ((PangoWeight) roneo_style_strong_weight (style)),
                  span->start, span->end);
  if (span->flags & RONEO_SPAN_CODE)
    insert_range (list, pango_attr_family_new (CODE_FAMILY), span->start, span->end);
  if (span->flags & (RONEO_SPAN_NOTE_CALL | RONEO_SPAN_SUPERSCRIPT))
    {
      insert_range (list, pango_attr_scale_new (SUPERSCRIPT_SCALE), span->start, span->end);
      insert_range (list, pango_attr_rise_new ((int) (size * SUPERSCRIPT_RISE * PANGO_SCALE)),
                    span->start, span->end);
      /* A risen run would push its line down (Pango pads every run to the
       * line height around its own, risen, box): give it no height at all so
       * the baseline pitch stays exact. */
      insert_range (list, pango_attr_line_height_new_absolute (1), span->start, span->end);
    }
}

static gboolean
copy_attr (PangoAttribute *attr, gpointer data)
{
  pango_attr_list_insert (data, pango_attribute_copy (attr));
  return FALSE;
}

PangoLayout *
roneo_text_layout_new (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                       double size, PangoAttrList *extra)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) desc = roneo_style_font_description (style, size);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, rich->text->str, (int) rich->text->len);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  pango_attr_list_insert (
      attrs, pango_attr_line_height_new_absolute ((int) (size * style->leading * PANGO_SCALE)));
  for (guint i = 0; i < rich->spans->len; i++)
    add_span_attrs (attrs, &g_array_index (rich->spans, RoneoSpan, i), style, size);
  if (extra != NULL)
    pango_attr_list_filter (extra, copy_attr, attrs);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

PangoLayout *
roneo_text_layout_new_plain (PangoContext *context, const char *text, const RoneoStyle *style,
                             double size)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (text);
  return roneo_text_layout_new (context, rich, style, size, NULL);
}

double
roneo_text_cap_height (PangoContext *context, const RoneoStyle *style, double size)
{
  g_autoptr (PangoLayout) layout = roneo_text_layout_new_plain (context, "H", style, size);
  PangoRectangle ink;
  pango_layout_get_extents (layout, &ink, NULL);
  return pango_units_to_double (ink.height);
}
