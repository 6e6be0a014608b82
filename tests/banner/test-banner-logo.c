/* test-banner-logo.c: a banner with the front matter's logo, as a user checks it.
 *
 * The slogan of the corpus with `logo: logo.png` (600 x 200 px) or
 * `logo: drawing.svg` (tests/cases/images), cut into A4 tiles and as one
 * page (--whole): `pdfimages -list` shows the bitmap at its native size as
 * one object however many tiles show it, the SVG adds no bitmap; qpdf
 * --check is clean; the words are those of the banner without a logo; the
 * cover says how large the logo prints. The SVG's yellow, read back from
 * every tile through the manifest, lies inside each sheet's printable area
 * and, on the banner, inside its margins, and the tiles show all of it. A
 * missing logo file is exit 2 at its line and leaves no PDF.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <math.h>
#include <string.h>

#define DATE "2026-03-01"
#define SLOGAN "SAUVONS LE SERVICE PUBLIC\n-- CGT Services publics\n"
#define BANNER_MARGIN (50 * 72.0 / 25.4) /* banderole.ini: margin = 5cm */
#define PRINTER_MARGIN (5 * 72.0 / 25.4) /* [tiles] printer-margin = 5mm */
#define SCALE 0.5                        /* px per pt for the tiles */

static const RoneoTestSpawn qpdf = { .program = "qpdf" };

/* A folder with the two pictures and slogan.txt with logo (NULL: none). */
static char *
make_dir (const char *logo)
{
  char *dir = roneo_test_make_tmp_dir ("roneo-banner-logo-XXXXXX");
  static const char *const pictures[] = { "logo.png", "drawing.svg" };
  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    roneo_test_copy_picture (pictures[i], dir, pictures[i]);
  g_autofree char *text = logo ? g_strdup_printf ("---\nlang: en\nlogo: %s\n---\n%s", logo, SLOGAN)
                               : g_strdup_printf ("---\nlang: en\n---\n%s", SLOGAN);
  g_autofree char *path = g_build_filename (dir, "slogan.txt", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return dir;
}

static void
run_banner (const char *dir, gboolean whole, const char *out)
{
  g_auto (RoneoTestRun) run;
  if (whole)
    RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--whole", "--date",
                    DATE, "-o", out);
  else
    RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--date", DATE,
                    "--manifest", "m.json", "-o", out);
  roneo_test_assert_exit (&run, 0);
}

static void
assert_qpdf_clean (const char *dir, const char *pdf)
{
  g_auto (RoneoTestRun) run;
  roneo_test_run_full (&run, dir, &qpdf, (const char *const[]){ "--check", pdf, NULL });
  roneo_test_assert_exit (&run, 0);
}

/* The words of every page but the cover, in one line. */
static char *
banner_words (const char *pdf, int first)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, first);
  g_autofree char *text = poppler_page_get_text (page);
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  return g_strstrip (g_strjoinv (" ", words));
}

/* The bitmap once, at its native 600 x 200, with its soft mask: one object
 * number for each however many tiles paint the banner. */
static void
test_png (void)
{
  g_autofree char *dir = make_dir ("logo.png");
  run_banner (dir, FALSE, "tiles.pdf");
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, "tiles.pdf");
  g_autoptr (GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_assert_cmpstr (row[RONEO_TEST_IMAGE_WIDTH], ==, "600");
      g_assert_cmpstr (row[RONEO_TEST_IMAGE_HEIGHT], ==, "200");
      g_hash_table_add (objects, g_strdup_printf ("%s %s", row[RONEO_TEST_IMAGE_TYPE],
                                                  row[RONEO_TEST_IMAGE_OBJECT]));
    }
  g_assert_cmpuint (rows->len, >, 2);
  g_assert_cmpuint (g_hash_table_size (objects), ==, 2); /* the image and its smask */
  assert_qpdf_clean (dir, "tiles.pdf");
  g_autofree char *pdf = g_build_filename (dir, "tiles.pdf", NULL);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (PopplerPage) cover = poppler_document_get_page (doc, 0);
  g_autofree char *text = poppler_page_get_text (cover);
  roneo_test_assert_contains (text, "The logo prints ");
  roneo_test_assert_contains (text, " cm.");
  roneo_test_rm_rf (dir);
}

/* A bitmap logo blown up past what reads from 3 m is a warning at its line. */
static void
test_png_warning (void)
{
  g_autofree char *dir = make_dir ("logo.png");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--whole", "-o",
                  "w.pdf");
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "slogan.txt:3: the logo 'logo.png' prints at");
  roneo_test_assert_contains (run.err, "or an SVG");
  roneo_test_rm_rf (dir);
}

/* The same words with a logo as without: the logo takes room, not text. */
static void
test_text_unchanged (void)
{
  g_autofree char *with = make_dir ("drawing.svg");
  g_autofree char *without = make_dir (NULL);
  run_banner (with, TRUE, "w.pdf");
  run_banner (without, TRUE, "w.pdf");
  g_autofree char *a = g_build_filename (with, "w.pdf", NULL);
  g_autofree char *b = g_build_filename (without, "w.pdf", NULL);
  g_autofree char *words_with = banner_words (a, 0);
  g_autofree char *words_without = banner_words (b, 0);
  g_assert_cmpstr (words_with, ==, words_without);
  roneo_test_rm_rf (with);
  roneo_test_rm_rf (without);
}

static gboolean
is_yellow (const unsigned char *bgrx)
{
  /* drawing.svg's card, #ffd200: nothing else on the banderole is yellow */
  return bgrx[2] > 200 && bgrx[1] > 170 && bgrx[1] < 235 && bgrx[0] < 90;
}

/* Yellow pixels of the sheet's page at SCALE: all inside the printable area;
 * those of the visible rectangle (x0 y0 x1 y1) mapped back to the banner (matrix) must lie
 * inside its margins. Returns the visible yellow area in pt². */
static double
sheet_yellow (PopplerDocument *doc, JsonObject *sheet, double banner_w, double banner_h)
{
  int page = json_object_get_int_member (sheet, "page");
  JsonArray *size = json_object_get_array_member (sheet, "size_pt");
  JsonArray *m = json_object_get_array_member (sheet, "matrix");
  JsonArray *v = json_object_get_array_member (sheet, "visible");
  double sw = json_array_get_double_element (size, 0), sh = json_array_get_double_element (size, 1);
  double a = json_array_get_double_element (m, 0), b = json_array_get_double_element (m, 1);
  double c = json_array_get_double_element (m, 2), d = json_array_get_double_element (m, 3);
  double e = json_array_get_double_element (m, 4), f = json_array_get_double_element (m, 5);
  double vx = json_array_get_double_element (v, 0), vy = json_array_get_double_element (v, 1);
  double vx1 = json_array_get_double_element (v, 2), vy1 = json_array_get_double_element (v, 3);
  cairo_surface_t *image = roneo_test_rasterise (doc, page - 1, SCALE);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const unsigned char *data = cairo_image_surface_get_data (image);
  double det = a * d - b * c, area = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (!is_yellow (data + y * stride + x * 4))
          continue;
        double px = (x + 0.5) / SCALE, py = (y + 0.5) / SCALE;
        /* the printer cannot print there: nothing of the logo may be */
        g_assert_cmpfloat (px, >, PRINTER_MARGIN - 2);
        g_assert_cmpfloat (px, <, sw - PRINTER_MARGIN + 2);
        g_assert_cmpfloat (py, >, PRINTER_MARGIN - 2);
        g_assert_cmpfloat (py, <, sh - PRINTER_MARGIN + 2);
        if (px < vx || px >= vx1 || py < vy || py >= vy1)
          continue;
        double bx = (d * (px - e) - c * (py - f)) / det;
        double by = (a * (py - f) - b * (px - e)) / det;
        g_assert_cmpfloat (bx, >, BANNER_MARGIN - 2);
        g_assert_cmpfloat (bx, <, banner_w - BANNER_MARGIN + 2);
        g_assert_cmpfloat (by, >, BANNER_MARGIN - 2);
        g_assert_cmpfloat (by, <, banner_h - BANNER_MARGIN + 2);
        area += 1 / (SCALE * SCALE);
      }
  cairo_surface_destroy (image);
  return area;
}

/* The yellow area of page 0 of pdf in pt², rendered at scale. */
static double
whole_yellow (const char *pdf, double scale)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, scale);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const unsigned char *data = cairo_image_surface_get_data (image);
  double area = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      area += is_yellow (data + y * stride + x * 4) / (scale * scale);
  cairo_surface_destroy (image);
  return area;
}

/* The SVG: no bitmap, qpdf clean; its ink inside the safe area of every
 * sheet it touches, and the tiles together show all of it. */
static void
test_svg (void)
{
  g_autofree char *dir = make_dir ("drawing.svg");
  run_banner (dir, FALSE, "tiles.pdf");
  run_banner (dir, TRUE, "whole.pdf");
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, "tiles.pdf");
  g_assert_cmpuint (rows->len, ==, 0);
  assert_qpdf_clean (dir, "tiles.pdf");
  assert_qpdf_clean (dir, "whole.pdf");
  g_autofree char *manifest_path = g_build_filename (dir, "m.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (parser, manifest_path, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *banner = json_object_get_object_member (root, "banner");
  double bw = json_object_get_double_member (banner, "width_pt");
  double bh = json_object_get_double_member (banner, "height_pt");
  JsonArray *sheets = json_object_get_array_member (root, "sheets");
  g_autofree char *tiles_path = g_build_filename (dir, "tiles.pdf", NULL);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (tiles_path);
  double shown = 0;
  guint touched = 0;
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      double area = sheet_yellow (doc, json_array_get_object_element (sheets, i), bw, bh);
      shown += area;
      touched += area > 0;
    }
  g_autofree char *whole_path = g_build_filename (dir, "whole.pdf", NULL);
  double whole = whole_yellow (whole_path, SCALE);
  g_test_message ("logo: %.0f pt² of yellow on %u sheets, %.0f pt² on the whole banner", shown,
                  touched, whole);
  g_assert_cmpuint (touched, >, 1);
  g_assert_cmpfloat (fabs (shown - whole) / whole, <, 0.03);
  roneo_test_rm_rf (dir);
}

/* A logo the front matter names but the folder lacks: exit 2 at its line. */
static void
test_missing (void)
{
  g_autofree char *dir = make_dir ("nowhere.png");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm");
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "slogan.txt:3: cannot read 'nowhere.png'");
  roneo_test_assert_left_only (
      dir, (const char *const[]){ "slogan.txt", "logo.png", "drawing.svg", NULL });
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  g_test_add_func ("/banner/logo/png-once", test_png);
  g_test_add_func ("/banner/logo/png-resolution", test_png_warning);
  g_test_add_func ("/banner/logo/text-unchanged", test_text_unchanged);
  g_test_add_func ("/banner/logo/svg-safe-area", test_svg);
  g_test_add_func ("/banner/logo/missing-file", test_missing);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
