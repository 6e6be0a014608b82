/* bench-design.c: how designed a page looks, in figures (issue 13).
 *
 *   bench-design FILE.pdf...
 *
 * For each page of each PDF, rendered at 40 dpi: the tallest empty
 * horizontal band (rows with no ink across the whole width), as a share of
 * the page height, and the share of the height between the first and the
 * last inked row. Prints one line a page and, per file, the worst band. Not a
 * test: tests/bench/design.sh runs it over the cases in every layout they
 * are meant for.
 */
#include <cairo.h>
#include <glib.h>
#include <poppler.h>

#define DPI 40.0
#define INK_LEVEL 0xf0 /* a channel below this (on white) is ink */

typedef struct
{
  double empty_band; /* share of the page height */
  double inked_span; /* share between the first and last inked rows */
} PageFigures;

static gboolean
row_has_ink (const unsigned char *row, int width)
{
  for (int x = 0; x < width; x++)
    {
      const unsigned char *p = row + 4 * x; /* BGRx, white background */
      if (p[0] < INK_LEVEL || p[1] < INK_LEVEL || p[2] < INK_LEVEL)
        return TRUE;
    }
  return FALSE;
}

static PageFigures
measure (PopplerPage *page)
{
  double width_pt, height_pt;
  poppler_page_get_size (page, &width_pt, &height_pt);
  int w = (int) (width_pt * DPI / 72.0), h = (int) (height_pt * DPI / 72.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, DPI / 72.0, DPI / 72.0);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int run = 0, longest = 0, first = -1, last = -1;
  for (int y = 0; y < h; y++)
    {
      if (row_has_ink (data + (gsize) y * stride, w))
        {
          run = 0;
          first = first < 0 ? y : first;
          last = y;
        }
      else if (++run > longest) /* not MAX (longest, ++run): it counts twice */
        longest = run;
    }
  cairo_surface_destroy (surface);
  PageFigures figures
      = { (double) longest / h, last >= first && first >= 0 ? (double) (last - first + 1) / h : 0 };
  return figures;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: bench-design FILE.pdf...\n");
      return 1;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *uri = g_filename_to_uri (argv[i], NULL, &error);
      PopplerDocument *doc = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;
      if (doc == NULL)
        {
          g_printerr ("bench-design: %s: %s\n", argv[i], error->message);
          return 1;
        }
      double worst = 0;
      int pages = poppler_document_get_n_pages (doc);
      for (int p = 0; p < pages; p++)
        {
          PopplerPage *page = poppler_document_get_page (doc, p);
          PageFigures f = measure (page);
          worst = MAX (worst, f.empty_band);
          g_print ("%s\tpage %d\tempty band %4.1f %%\tinked %5.1f %%\n", argv[i], p + 1,
                   100 * f.empty_band, 100 * f.inked_span);
          g_object_unref (page);
        }
      g_print ("%s\tworst empty band %4.1f %%\n", argv[i], 100 * worst);
      g_object_unref (doc);
    }
  return 0;
}
