/* roneo-draw.c: a composed page drawn with cairo, plain or as a stencil. */
#include "roneo-render-private.h"

#include <pango/pangocairo.h>

static void
set_source_color (cairo_t *cr, const RoneoColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

/* A text item whose lines are expanded (roneo_layout_get_line_scale): each
 * line drawn on its own baseline, squeezed or widened around its origin.
 * The glyphs keep their text, spaces included, so copy and search work. */
static void
draw_scaled_lines (cairo_t *cr, const RoneoItem *item, gboolean stencil)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  guint j = 0;
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      double baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      cairo_save (cr);
      cairo_translate (cr, item->rect.x + pango_units_to_double (logical.x),
                       item->rect.y + baseline);
      cairo_scale (cr, roneo_layout_get_line_scale (item->layout, j++), 1.0);
      cairo_move_to (cr, 0, 0);
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      if (stencil)
        pango_cairo_layout_line_path (cr, line);
      else
        pango_cairo_show_layout_line (cr, line);
      cairo_restore (cr);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
has_scaled_lines (PangoLayout *layout)
{
  for (int j = 0; j < pango_layout_get_line_count (layout); j++)
    if (roneo_layout_get_line_scale (layout, j) != 1.0)
      return TRUE;
  return FALSE;
}

/* An item in its colour; with stencil, the outlines of the glyphs and boxes
 * in black, nothing filled, so the letters can be traced onto cloth or cut
 * out. Rules stay lines. */
/* A stencil traces the picture's frame: there is nothing to cut in a photo. */
static void
draw_image (cairo_t *cr, const RoneoItem *item, gboolean stencil)
{
  if (!stencil)
    {
      roneo_image_draw (item->image, cr, &item->rect);
      return;
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RONEO_STENCIL_WIDTH);
  cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
  cairo_stroke (cr);
}

static void
draw_item (cairo_t *cr, const RoneoItem *item, gboolean stencil)
{
  if (item->kind == RONEO_ITEM_IMAGE)
    {
      draw_image (cr, item, stencil);
      return;
    }
  if (stencil)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, RONEO_STENCIL_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    }
  else
    set_source_color (cr, &item->color);
  switch (item->kind)
    {
    case RONEO_ITEM_TEXT:
      cairo_move_to (cr, item->rect.x, item->rect.y);
      if (has_scaled_lines (item->layout))
        draw_scaled_lines (cr, item, stencil);
      else if (stencil)
        pango_cairo_layout_path (cr, item->layout);
      else
        pango_cairo_show_layout (cr, item->layout);
      break;
    case RONEO_ITEM_BOX:
      cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
      break;
    case RONEO_ITEM_RULE:
      cairo_set_line_width (cr, item->line_width);
      cairo_move_to (cr, item->rect.x, item->rect.y);
      cairo_line_to (cr, item->rect.x + item->rect.width, item->rect.y);
      break;
    case RONEO_ITEM_IMAGE:
      break;
    }
  if (item->kind == RONEO_ITEM_BOX && !stencil)
    cairo_fill (cr);
  else if (item->kind != RONEO_ITEM_TEXT || stencil)
    cairo_stroke (cr);
}

void
roneo_draw_page (cairo_t *cr, const RoneoPage *page, double bleed, gboolean stencil)
{
  cairo_save (cr);
  cairo_rectangle (cr, -bleed, -bleed, page->width + 2 * bleed, page->height + 2 * bleed);
  cairo_clip (cr);
  if (!stencil)
    {
      set_source_color (cr, &page->background);
      cairo_paint (cr);
    }
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      cairo_save (cr);
      draw_item (cr, item, stencil);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

cairo_surface_t *
roneo_draw_record_page (const RoneoPage *page, double bleed, gboolean stencil)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  g_autoptr (cairo_t) cr = cairo_create (recording);
  roneo_draw_page (cr, page, bleed, stencil);
  return recording;
}

void
roneo_sheet_sources_init (RoneoSheetSources *sources, GPtrArray *pages, gboolean stencil)
{
  sources->pages = pages != NULL ? g_ptr_array_ref (pages) : NULL;
  sources->n_recordings = pages != NULL ? pages->len : 0;
  sources->recordings = g_new0 (cairo_surface_t *, MAX (sources->n_recordings, 1));
  sources->stencil = stencil;
  sources->bleed = 0;
  sources->direct = FALSE;
}

void
roneo_sheet_sources_clear (RoneoSheetSources *sources)
{
  for (guint i = 0; sources->recordings != NULL && i < sources->n_recordings; i++)
    g_clear_pointer (&sources->recordings[i], cairo_surface_destroy);
  g_clear_pointer (&sources->recordings, g_free);
  sources->n_recordings = 0;
  g_clear_pointer (&sources->pages, g_ptr_array_unref);
}
