/* roneo-links.c: the links of composed pages, placed where each output page
 * shows them, for the finishing pass to write as annotations.
 *
 * A page's links are rectangles in its own space (roneo_page_collect_links);
 * a flyer's page is drawn at an offset (bleed, mark room) and maybe at
 * 1/UserUnit, a sheet's placements through a matrix and a clip. The same
 * geometry that draws the page maps its links, so a link lands on its text
 * on a recto/verso tract and on every copy of an n-up sheet alike.
 */
#include "roneo-render-private.h"

/* The rectangle through matrix (its bounding box: a quarter turn keeps a
 * rectangle a rectangle), cut to clip if any, flipped into PDF space (y up
 * from the foot of a media media_height tall). FALSE when nothing is left. */
static gboolean
map_rect (const RoneoRect *rect, const cairo_matrix_t *matrix, const RoneoRect *clip,
          double media_height, double out[4])
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  for (int k = 0; k < 4; k++)
    {
      double x = rect->x + (k & 1 ? rect->width : 0), y = rect->y + (k & 2 ? rect->height : 0);
      cairo_matrix_transform_point (matrix, &x, &y);
      x0 = MIN (x0, x), x1 = MAX (x1, x), y0 = MIN (y0, y), y1 = MAX (y1, y);
    }
  if (clip != NULL)
    {
      x0 = MAX (x0, clip->x), y0 = MAX (y0, clip->y);
      x1 = MIN (x1, clip->x + clip->width), y1 = MIN (y1, clip->y + clip->height);
    }
  if (x1 - x0 < 0.5 || y1 - y0 < 0.5)
    return FALSE;
  out[0] = x0, out[1] = media_height - y1, out[2] = x1, out[3] = media_height - y0;
  return TRUE;
}

static void
add_page (GArray *links, guint page_index, const RoneoPage *page, const cairo_matrix_t *matrix,
          const RoneoRect *clip, double media_height)
{
  g_autoptr (GArray) own = roneo_page_collect_links (page);
  for (guint i = 0; i < own->len; i++)
    {
      const RoneoPageLink *link = &g_array_index (own, RoneoPageLink, i);
      RoneoFinishLink out = { .page = page_index, .uri = link->uri };
      if (map_rect (&link->rect, matrix, clip, media_height, out.rect))
        g_array_append_val (links, out);
    }
}

void
roneo_links_add_page (GArray *links, guint page_index, const RoneoPage *page, double offset,
                      double user_unit)
{
  cairo_matrix_t matrix;
  cairo_matrix_init_scale (&matrix, 1 / user_unit, 1 / user_unit);
  cairo_matrix_translate (&matrix, offset, offset);
  add_page (links, page_index, page, &matrix, NULL, (page->height + 2 * offset) / user_unit);
}

void
roneo_links_add_sheet (GArray *links, guint page_index, const RoneoSheet *sheet, GPtrArray *pages)
{
  for (guint i = 0; i < sheet->placements->len; i++)
    {
      const RoneoPlacement *p = &g_array_index (sheet->placements, RoneoPlacement, i);
      const double *m = p->matrix;
      cairo_matrix_t matrix;
      cairo_matrix_init (&matrix, m[0], m[2], m[1], m[3], m[4], m[5]);
      add_page (links, page_index, g_ptr_array_index (pages, p->page), &matrix, &p->clip,
                sheet->height);
    }
}
