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
#include "roneo-test-pdf.h"

#define DPI 40.0

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
          double band = 0, inked = 0;
          roneo_test_page_bands (doc, p, DPI / 72.0, &band, &inked);
          worst = MAX (worst, band);
          g_print ("%s\tpage %d\tempty band %4.1f %%\tinked %5.1f %%\n", argv[i], p + 1, 100 * band,
                   100 * inked);
        }
      g_print ("%s\tworst empty band %4.1f %%\n", argv[i], 100 * worst);
      g_object_unref (doc);
    }
  return 0;
}
