#include "roneo-page.h"

#include "roneo-text-layout.h"

#include <math.h>
#include <string.h>

static void
item_free (gpointer data)
{
  RoneoItem *item = data;
  g_free (item->role);
  g_clear_object (&item->layout);
  g_clear_pointer (&item->image, roneo_image_unref);
  g_free (item);
}

RoneoPage *
roneo_page_new (double width, double height, guint number)
{
  RoneoPage *page = g_new0 (RoneoPage, 1);
  page->width = width;
  page->height = height;
  page->number = number;
  page->background = (RoneoColor){ 1, 1, 1 };
  page->items = g_ptr_array_new_with_free_func (item_free);
  return page;
}

void
roneo_page_free (RoneoPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->items);
  g_free (page);
}

static RoneoItem *
page_add_item (RoneoPage *page, RoneoItemKind kind, const char *role, const RoneoColor *color)
{
  RoneoItem *item = g_new0 (RoneoItem, 1);
  item->kind = kind;
  item->role = g_strdup (role);
  item->color = *color;
  g_ptr_array_add (page->items, item);
  return item;
}

static double
least_line_scale (PangoLayout *layout)
{
  double least = 1.0;
  for (int j = 0; j < pango_layout_get_line_count (layout); j++)
    least = MIN (least, roneo_layout_get_line_scale (layout, j));
  return least;
}

RoneoItem *
roneo_page_add_text (RoneoPage *page, const char *role, PangoLayout *layout, double x, double y,
                     double size, const RoneoColor *color)
{
  RoneoItem *item = page_add_item (page, RONEO_ITEM_TEXT, role, color);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  item->layout = g_object_ref (layout);
  item->size = size;
  /* narrowed lines are set wider than they are drawn (roneo_layout_set_line_scales) */
  double width = pango_layout_get_width (layout) > 0
                     ? pango_units_to_double (pango_layout_get_width (layout))
                     : roneo_layout_get_measure (layout);
  if (width <= 0)
    width = pango_units_to_double (logical.width);
  item->rect = (RoneoRect){ x, y, width * least_line_scale (layout),
                            pango_units_to_double (logical.height) };
  return item;
}

RoneoItem *
roneo_page_add_box (RoneoPage *page, const char *role, const RoneoRect *rect,
                    const RoneoColor *color)
{
  RoneoItem *item = page_add_item (page, RONEO_ITEM_BOX, role, color);
  item->rect = *rect;
  return item;
}

RoneoItem *
roneo_page_add_rule (RoneoPage *page, const char *role, double x, double y, double width,
                     double line_width, const RoneoColor *color)
{
  RoneoItem *item = page_add_item (page, RONEO_ITEM_RULE, role, color);
  item->rect = (RoneoRect){ x, y, width, 0 };
  item->line_width = line_width;
  return item;
}

RoneoItem *
roneo_page_add_image (RoneoPage *page, const char *role, RoneoImage *image, const RoneoRect *rect)
{
  static const RoneoColor none = { 0, 0, 0 };
  RoneoItem *item = page_add_item (page, RONEO_ITEM_IMAGE, role, &none);
  item->image = roneo_image_ref (image);
  item->rect = *rect;
  return item;
}

double
roneo_item_get_dpi (const RoneoItem *item)
{
  if (item->kind != RONEO_ITEM_IMAGE || roneo_image_is_vector (item->image)
      || item->rect.width <= 0)
    return 0;
  return roneo_image_get_pixel_width (item->image) / (item->rect.width / 72.0);
}

static const char *
item_kind_name (RoneoItemKind kind)
{
  static const char *const names[] = { "text", "box", "rule", "image" };
  return names[kind];
}

/* Two decimals, C locale: the dump must not depend on LC_NUMERIC. */
static void
append_pt (GString *out, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (out, " %s=%s", name,
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

#define LINE_SCALES_KEY "roneo-line-scales"
#define MEASURE_KEY "roneo-measure"

void
roneo_layout_set_measure (PangoLayout *layout, double measure)
{
  g_object_set_data_full (G_OBJECT (layout), MEASURE_KEY, g_memdup2 (&measure, sizeof measure),
                          g_free);
}

double
roneo_layout_get_measure (PangoLayout *layout)
{
  const double *measure = g_object_get_data (G_OBJECT (layout), MEASURE_KEY);
  return measure != NULL ? *measure : 0;
}

void
roneo_layout_set_line_scales (PangoLayout *layout, GArray *scales)
{
  g_object_set_data_full (G_OBJECT (layout), LINE_SCALES_KEY, scales,
                          (GDestroyNotify) g_array_unref);
}

double
roneo_layout_get_line_scale (PangoLayout *layout, guint j)
{
  const GArray *scales = g_object_get_data (G_OBJECT (layout), LINE_SCALES_KEY);
  return scales != NULL && j < scales->len ? g_array_index (scales, double, j) : 1.0;
}

static void
dump_image (GString *out, const RoneoItem *item)
{
  const RoneoImage *image = item->image;
  g_string_append_printf (out, " file=\"%s\" format=%s", roneo_image_get_name (image),
                          roneo_image_get_format (image));
  if (roneo_image_get_qr_modules (image) > 0)
    g_string_append_printf (out, " modules=%d", roneo_image_get_qr_modules (image));
  if (!roneo_image_is_vector (image))
    {
      g_string_append_printf (out, " px=%dx%d", roneo_image_get_pixel_width (image),
                              roneo_image_get_pixel_height (image));
      append_pt (out, "dpi", roneo_item_get_dpi (item));
    }
}

static void
dump_lines (GString *out, PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  guint j = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next, j++)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;
      pango_layout_line_get_extents (line, NULL, &logical);
      int length = line->length;
      /* A forced break (U+2028) ends its line; the dump shows lines, not breaks. */
      while (length >= 3 && memcmp (text + line->start_index + length - 3, "\u2028", 3) == 0)
        length -= 3;
      g_autofree char *chunk = g_strndup (text + line->start_index, length);
      g_string_append (out, "    |");
      double scale = roneo_layout_get_line_scale (layout, j);
      append_pt (out, "w", pango_units_to_double (logical.width) * scale);
      if (scale != 1.0)
        g_string_append_printf (out, " scale=%.3f", scale);
      g_string_append_printf (out, " %s\n", chunk);
    }
}

static void
dump_font (GString *out, const RoneoItem *item)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (item->layout);
  if (desc != NULL)
    g_string_append_printf (out, " font=\"%s\" weight=%d", pango_font_description_get_family (desc),
                            (int) pango_font_description_get_weight (desc));
  append_pt (out, "size", item->size);
  g_string_append_printf (out, " lines=%d", pango_layout_get_line_count (item->layout));
}

/* --- links ---------------------------------------------------------------- */

/* The rectangles the bytes [start, end) of a text item cover, one per
 * visual run of each line: the line's logical height, x as drawn (an
 * expanded line is scaled around its origin, as roneo-draw.c draws it). */
static void
append_range_rects (GArray *links, const RoneoItem *item, guint start, guint end, const char *uri)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  guint j = 0;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      const int from = MAX ((int) start, line->start_index);
      const int to = MIN ((int) end, line->start_index + line->length);
      const double scale = roneo_layout_get_line_scale (item->layout, j++);
      if (from >= to)
        continue;
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      int *ranges = NULL, n = 0;
      pango_layout_line_get_x_ranges (line, from, to, &ranges, &n);
      const double origin = pango_units_to_double (logical.x);
      for (int k = 0; k < n; k++)
        {
          const double x0 = origin + (pango_units_to_double (ranges[2 * k]) - origin) * scale;
          const double x1 = origin + (pango_units_to_double (ranges[2 * k + 1]) - origin) * scale;
          RoneoPageLink *last = k > 0 && links->len > 0
                                    ? &g_array_index (links, RoneoPageLink, links->len - 1)
                                    : NULL;
          if (x1 <= x0)
            continue;
          /* a justified line is shaped in runs: touching ones make one rectangle */
          if (last != NULL && fabs (item->rect.x + x0 - (last->rect.x + last->rect.width)) < 0.5)
            {
              last->rect.width = item->rect.x + x1 - last->rect.x;
              continue;
            }
          RoneoPageLink link
              = { { item->rect.x + x0, item->rect.y + pango_units_to_double (logical.y), x1 - x0,
                    pango_units_to_double (logical.height) },
                  uri };
          g_array_append_val (links, link);
        }
      g_free (ranges);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
append_item_links (GArray *links, const RoneoItem *item)
{
  PangoAttrList *attrs = pango_layout_get_attributes (item->layout);
  GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  for (GSList *l = list; l != NULL; l = l->next)
    {
      const PangoAttribute *attr = l->data;
      const char *uri = roneo_attr_link_get_uri (attr);
      if (uri != NULL)
        append_range_rects (links, item, attr->start_index, attr->end_index, uri);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
}

GArray *
roneo_page_collect_links (const RoneoPage *page)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (RoneoPageLink));
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      if (item->kind == RONEO_ITEM_TEXT)
        append_item_links (links, item);
    }
  return links;
}

static void
dump_links (GString *out, const RoneoPage *page)
{
  g_autoptr (GArray) links = roneo_page_collect_links (page);
  for (guint i = 0; i < links->len; i++)
    {
      const RoneoPageLink *link = &g_array_index (links, RoneoPageLink, i);
      g_string_append (out, "  link");
      append_pt (out, "x", link->rect.x);
      append_pt (out, "y", link->rect.y);
      append_pt (out, "w", link->rect.width);
      append_pt (out, "h", link->rect.height);
      g_string_append_printf (out, " uri=%s\n", link->uri);
    }
}

char *
roneo_page_dump (const RoneoPage *page)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "page %u", page->number);
  append_pt (out, "width", page->width);
  append_pt (out, "height", page->height);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      g_string_append_printf (out, "  %s %s", item_kind_name (item->kind), item->role);
      append_pt (out, "x", item->rect.x);
      append_pt (out, "y", item->rect.y);
      append_pt (out, "w", item->rect.width);
      append_pt (out, "h", item->rect.height);
      if (item->kind == RONEO_ITEM_TEXT)
        dump_font (out, item);
      else if (item->kind == RONEO_ITEM_IMAGE)
        dump_image (out, item);
      g_string_append_c (out, '\n');
      if (item->kind == RONEO_ITEM_TEXT)
        dump_lines (out, item->layout);
    }
  dump_links (out, page);
  return g_string_free (out, FALSE);
}
