#include "roneo-text-layout.h"

#define SUPERSCRIPT_SCALE 0.62
#define SUPERSCRIPT_RISE 0.36 /* of the size */
#define CODE_FAMILY "DejaVu Sans Mono"
#define SPACE_PASSES 3 /* measures of capitals spaced from their ink */

#include <math.h>

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

/* --- links ---------------------------------------------------------------- */

/* A link rides on the layout as an attribute of its own type that Pango
 * carries and ignores: the renderer finds it there, over the text as set. */
typedef struct
{
  PangoAttribute attr;
  const char *uri; /* interned */
} LinkAttr;

static PangoAttribute *link_attr_copy (const PangoAttribute *attr);
static void link_attr_destroy (PangoAttribute *attr);
static gboolean link_attr_equal (const PangoAttribute *a, const PangoAttribute *b);

static const PangoAttrClass *
link_class (void)
{
  static PangoAttrClass klass = { 0, link_attr_copy, link_attr_destroy, link_attr_equal };
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      klass.type = pango_attr_type_register ("roneo-link");
      g_once_init_leave (&once, 1);
    }
  return &klass;
}

PangoAttribute *
roneo_attr_link_new (const char *uri)
{
  LinkAttr *link = g_new0 (LinkAttr, 1);
  pango_attribute_init (&link->attr, link_class ());
  link->uri = g_intern_string (uri);
  return &link->attr;
}

const char *
roneo_attr_link_get_uri (const PangoAttribute *attr)
{
  return attr->klass == link_class () ? ((const LinkAttr *) attr)->uri : NULL;
}

static PangoAttribute *
link_attr_copy (const PangoAttribute *attr)
{
  PangoAttribute *copy = roneo_attr_link_new (((const LinkAttr *) attr)->uri);
  copy->start_index = attr->start_index;
  copy->end_index = attr->end_index;
  return copy;
}

static void
link_attr_destroy (PangoAttribute *attr)
{
  g_free (attr);
}

static gboolean
link_attr_equal (const PangoAttribute *a, const PangoAttribute *b)
{
  return ((const LinkAttr *) a)->uri == ((const LinkAttr *) b)->uri;
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
  if ((span->flags & RONEO_SPAN_LINK) && span->link != NULL)
    insert_range (list, roneo_attr_link_new (span->link), span->start, span->end);
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

/* Whether text has no lower-case letter: capitals typed as such, in a
 * style that keeps the case. */
static gboolean
is_capital_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  int start;    /* byte index of the line's first character */
  int baseline; /* Pango units from the layout's top */
  int above;    /* ink above the baseline, Pango units */
  int below;    /* ink below the baseline */
} InkLine;

/* layout's lines and their ink. Owned. */
static GArray *
ink_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (InkLine));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle ink;
      pango_layout_iter_get_line_extents (iter, &ink, NULL);
      InkLine line = { pango_layout_iter_get_line_readonly (iter)->start_index,
                       pango_layout_iter_get_baseline (iter), 0, 0 };
      if (ink.height > 0)
        line.above = line.baseline - ink.y, line.below = ink.y + ink.height - line.baseline;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static InkLine *
ink_line_at (GArray *lines, guint i)
{
  return &g_array_index (lines, InkLine, i);
}

/* Whether attr is the style's line height over the whole text, which the
 * lines' own heights replace. */
static gboolean
is_whole_line_height (PangoAttribute *attr, G_GNUC_UNUSED gpointer data)
{
  return attr->klass->type == PANGO_ATTR_ABSOLUTE_LINE_HEIGHT && attr->start_index == 0
         && attr->end_index == PANGO_ATTR_INDEX_TO_TEXT_END;
}

/* original's attributes with each line i of lines at its own line height
 * heights[i], Pango units; the spans' own heights (superscripts) inserted
 * after, so they still win over the line's. Owned. */
static PangoAttrList *
attrs_with_heights (PangoAttrList *original, GArray *lines, const int *heights)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  for (guint i = 0; i < lines->len; i++)
    {
      PangoAttribute *attr = pango_attr_line_height_new_absolute (MAX (heights[i], 1));
      attr->start_index = (guint) ink_line_at (lines, i)->start;
      attr->end_index = i + 1 < lines->len ? (guint) ink_line_at (lines, i + 1)->start
                                           : PANGO_ATTR_INDEX_TO_TEXT_END;
      pango_attr_list_insert (attrs, attr);
    }
  g_autoptr (PangoAttrList) copy = pango_attr_list_copy (original);
  g_autoptr (PangoAttrList) whole = pango_attr_list_filter (copy, is_whole_line_height, NULL);
  pango_attr_list_filter (copy, copy_attr, attrs);
  return attrs;
}

/* Adds to heights (each line's, Pango units) what the pitch of each pair
 * of lines lacks for clearance between their ink. Pango centres a line's
 * leading on it, so the pitch of two lines is half the sum of their
 * heights: raising the pitch under line i by d takes 2d on line i, less
 * what line i + 1 grew. The last line keeps its height: the block ends at
 * the same depth under its last baseline. Whether a pitch lacked. */
static gboolean
add_missing_pitch (GArray *lines, int clearance, int *heights)
{
  gboolean lacking = FALSE;
  int grown_below = 0;
  for (guint i = lines->len - 1; i-- > 0;)
    {
      const InkLine *upper = ink_line_at (lines, i), *lower = ink_line_at (lines, i + 1);
      int pitch = lower->baseline - upper->baseline;
      int need = upper->below + lower->above + clearance - pitch;
      int grown = 2 * MAX (need, 0) - grown_below;
      lacking |= need > 0;
      heights[i] += grown;
      grown_below = grown;
    }
  return lacking;
}

gboolean
roneo_text_layout_space_capitals (PangoLayout *layout, const RoneoStyle *style, double size,
                                  double clearance)
{
  if (pango_layout_get_line_count (layout) < 2
      || (style->transform != RONEO_TRANSFORM_UPPERCASE
          && !is_capital_text (pango_layout_get_text (layout))))
    return FALSE;
  PangoAttrList *set = pango_layout_get_attributes (layout);
  if (set == NULL)
    return FALSE;
  g_autoptr (PangoAttrList) original = pango_attr_list_ref (set);
  g_autoptr (GArray) lines = ink_lines (layout);
  g_autofree int *heights = g_new (int, lines->len);
  for (guint i = 0; i < lines->len; i++)
    heights[i] = (int) (size * style->leading * PANGO_SCALE);
  int units = (int) ceil (clearance * size * PANGO_SCALE);
  gboolean spaced = FALSE;
  /* Runs of other fonts may centre their leading a hair apart: measure
   * again and make up what is still lacking. */
  for (guint pass = 0; pass < SPACE_PASSES && add_missing_pitch (lines, units, heights); pass++)
    {
      g_autoptr (PangoAttrList) attrs = attrs_with_heights (original, lines, heights);
      pango_layout_set_attributes (layout, attrs);
      g_autoptr (GArray) spaced_lines = ink_lines (layout);
      if (spaced_lines->len != lines->len)
        {
          /* The heights moved a break: keep the style's leading. */
          pango_layout_set_attributes (layout, original);
          spaced = FALSE;
          break;
        }
      g_array_unref (g_steal_pointer (&lines));
      lines = g_steal_pointer (&spaced_lines);
      spaced = TRUE;
    }
  return spaced;
}
