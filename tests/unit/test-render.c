/* test-render: pages to PDF and PNG, read back with poppler-glib and libqpdf. */
#include "roneo-error.h"
#include "roneo-render.h"
#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <signal.h>
#include <sys/resource.h>

/* Pango 1.50 defines no autoptr cleanup for it (PITFALLS 10). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoContext, g_object_unref)

#define A5_W 419.528
#define A5_H 595.276
#define DATE 1795824000 /* 2026-11-28T00:00:00Z */

static PangoFontMap *font_map;
static char *tmp_dir;

static PangoLayout *
new_layout (const char *text, double width)
{
  g_autoptr (PangoContext) context = pango_font_map_create_context (font_map);
  pango_context_set_round_glyph_positions (context, FALSE);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("DejaVu Sans 12");
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* An A5 page with one item of each kind; the headline sits at (40, 60). */
static RoneoPage *
new_page (guint number, const char *headline)
{
  RoneoPage *page = roneo_page_new (A5_W, A5_H, number);
  page->background = (RoneoColor){ 1, 1, 0.9 };
  const RoneoColor ink = { 0, 0, 0 }, red = { 0.8, 0, 0 }, grey = { 0.85, 0.85, 0.85 };
  const RoneoRect box = { 30, 300, 360, 120 };
  roneo_page_add_box (page, "call-out", &box, &grey);
  g_autoptr (PangoLayout) title = new_layout (headline, 340);
  roneo_page_add_text (page, "headline", title, 40, 60, 12, &ink);
  g_autoptr (PangoLayout) body = new_layout ("Body text inside the call-out box.", 340);
  roneo_page_add_text (page, "body", body, 40, 320, 12, &red);
  roneo_page_add_rule (page, "rule", 40, 280, 340, 1, &ink);
  return page;
}

static GPtrArray *
new_pages (void)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (pages, new_page (1, "Quarante-deux moutons"));
  g_ptr_array_add (pages, new_page (2, "Second page"));
  return pages;
}

static RoneoRenderOptions
default_options (void)
{
  return (RoneoRenderOptions){ .title = "Test tract",
                               .author = "Roneo Tests",
                               .subject = "render",
                               .creator = "roneo 0.1.0",
                               .date = DATE };
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
render_sample (const char *name, const RoneoRenderOptions *options)
{
  g_autoptr (GPtrArray) pages = new_pages ();
  char *path = tmp_path (name);
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_render_pdf (pages, options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The page's box as [x0 y0 x1 y1], read with libqpdf; FALSE if absent. */
static gboolean
read_box (const char *path, int index, const char *key, double box[4])
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  gboolean found = FALSE;
  if ((qpdf_read (qpdf, path, NULL) & QPDF_ERRORS) == 0)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, index);
      qpdf_oh array = qpdf_oh_get_key (qpdf, page, key);
      found = qpdf_oh_is_array (qpdf, array) && qpdf_oh_get_array_n_items (qpdf, array) == 4;
      for (int i = 0; found && i < 4; i++)
        box[i] = qpdf_oh_get_numeric_value (qpdf, qpdf_oh_get_array_item (qpdf, array, i));
    }
  qpdf_cleanup (&qpdf);
  return found;
}

static void
assert_box (const char *path, int index, const char *key, double inset, double w, double h)
{
  double box[4];
  g_assert_true (read_box (path, index, key, box));
  g_assert_cmpfloat_with_epsilon (box[0], inset, 0.01);
  g_assert_cmpfloat_with_epsilon (box[1], inset, 0.01);
  g_assert_cmpfloat_with_epsilon (box[2] - box[0], w, 0.01);
  g_assert_cmpfloat_with_epsilon (box[3] - box[1], h, 0.01);
}

static gboolean
has_group (const char *path, int index)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_read (qpdf, path, NULL);
  gboolean found = qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, index), "/Group");
  qpdf_cleanup (&qpdf);
  return found;
}

static void
test_pdf_a5 (void)
{
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sample ("a5.pdf", &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      roneo_test_assert_page_size (doc, i, A5_W, A5_H);
      assert_box (path, i, "/TrimBox", 0, A5_W, A5_H);
      g_assert_false (read_box (path, i, "/BleedBox", (double[4]){ 0 }));
      g_assert_false (has_group (path, i));
    }
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Quarante-deux moutons"));
  g_assert_nonnull (strstr (text, "Body text inside"));
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_assert_cmpstr (title, ==, "Test tract");
  g_assert_cmpstr (author, ==, "Roneo Tests");
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, DATE);
  roneo_test_assert_qpdf_check_clean (path);
}

static void
test_pdf_fonts_embedded (void)
{
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sample ("fonts.pdf", &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  int n_fonts = 0;
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter) && iter != NULL)
    {
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      g_clear_pointer (&iter, poppler_fonts_iter_free);
    }
  g_clear_pointer (&iter, poppler_fonts_iter_free);
  poppler_font_info_free (info);
  g_assert_cmpint (n_fonts, >, 0);
}

static void
test_pdf_bleed (void)
{
  RoneoRenderOptions options = default_options ();
  options.bleed = RONEO_MM (3);
  g_autofree char *path = render_sample ("bleed.pdf", &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  roneo_test_assert_page_size (doc, 0, A5_W + 2 * 8.504, A5_H + 2 * 8.504);
  assert_box (path, 0, "/TrimBox", 8.504, A5_W, A5_H);
  assert_box (path, 1, "/BleedBox", 0, A5_W + 2 * 8.504, A5_H + 2 * 8.504);
  g_assert_false (has_group (path, 1));
  roneo_test_assert_qpdf_check_clean (path);
}

/* Darkest channel sum in the square of side 2r around (x, y), 0..765. */
static int
darkest (cairo_surface_t *surface, int x, int y, int r)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  const int stride = cairo_image_surface_get_stride (surface);
  int best = 765;
  for (int j = MAX (y - r, 0); j < MIN (y + r, cairo_image_surface_get_height (surface)); j++)
    for (int i = MAX (x - r, 0); i < MIN (x + r, cairo_image_surface_get_width (surface)); i++)
      {
        guint32 p = *(const guint32 *) (data + j * stride + 4 * i);
        best = MIN (best, (int) ((p >> 16) & 0xff) + (int) ((p >> 8) & 0xff) + (int) (p & 0xff));
      }
  return best;
}

static void
check_marks (double bleed, double offset, double mark_offset)
{
  RoneoRenderOptions options = default_options ();
  options.bleed = bleed;
  options.marks = TRUE;
  g_autofree char *path = render_sample ("marks.pdf", &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  roneo_test_assert_page_size (doc, 0, A5_W + 2 * offset, A5_H + 2 * offset);
  assert_box (path, 0, "/TrimBox", offset, A5_W, A5_H);
  assert_box (path, 0, "/BleedBox", offset - bleed, A5_W + 2 * bleed, A5_H + 2 * bleed);
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, 1.0);
  const double mid = offset - mark_offset - RONEO_MM (2.5);  /* middle of a mark */
  g_assert_cmpint (darkest (image, mid, offset, 1), <, 600); /* top-left */
  const double below = offset + A5_H + mark_offset + RONEO_MM (2.5);
  g_assert_cmpint (darkest (image, offset + A5_W, below, 1), <, 600); /* bottom-right */
  g_assert_cmpint (darkest (image, 2, 2, 2), ==, 765);                /* media corner stays white */
  g_assert_cmpint (darkest (image, offset - bleed - 1, offset + 100, 0), ==, 765);
  cairo_surface_destroy (image);
  roneo_test_assert_qpdf_check_clean (path);
}

static void
test_pdf_marks (void)
{
  check_marks (RONEO_MM (3), RONEO_MM (10), RONEO_MM (3));
  check_marks (0, RONEO_MM (10), RONEO_MM (3));
}

static void
test_pdf_deterministic (void)
{
  RoneoRenderOptions options = default_options ();
  options.bleed = RONEO_MM (3);
  options.marks = TRUE;
  g_autofree char *one = render_sample ("one.pdf", &options);
  g_autofree char *two = render_sample ("two.pdf", &options);
  options.date += 86400;
  g_autofree char *other = render_sample ("other.pdf", &options);
  g_autoptr (GBytes) a = roneo_test_read_bytes (one), b = roneo_test_read_bytes (two),
                     c = roneo_test_read_bytes (other);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
}

static void
assert_render_fails (const char *path, const char *in_message)
{
  g_autoptr (GPtrArray) pages = new_pages ();
  const RoneoRenderOptions options = default_options ();
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_render_pdf (pages, &options, path, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_fail_dev_full (void)
{
  assert_render_fails ("/dev/full/x.pdf", "'/dev/full/x.pdf'");
  g_assert_false (g_file_test ("/dev/full/x.pdf.cairo.tmp", G_FILE_TEST_EXISTS));
  /* Renaming onto the device would replace it: refused before anything is written. */
  assert_render_fails ("/dev/full", "cannot write '/dev/full': not a regular file");
  g_assert_false (g_file_test ("/dev/full.cairo.tmp", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/dev/full.tmp", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/dev/full", G_FILE_TEST_IS_REGULAR));
}

static void
test_fail_missing_dir (void)
{
  g_autofree char *path = tmp_path ("no-such-dir/x.pdf");
  assert_render_fails (path, path);
  assert_render_fails (path, "No such file or directory");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A write that fails (a file size limit: EFBIG, as a full disk would) in
 * the temporary leaves an existing file as it was. */
static void
test_fail_existing_untouched (void)
{
  g_autofree char *path = tmp_path ("existing.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, "old contents", -1, &error));
  struct rlimit old, small;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small = old;
  small.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  assert_render_fails (path, path);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "old contents");
  roneo_test_assert_no_temporaries (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A file size limit makes write() fail with EFBIG, as a full disk would. */
static void
test_fail_write_error (void)
{
  g_autofree char *path = tmp_path ("limited.pdf");
  struct rlimit old, small;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small = old;
  small.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  assert_render_fails (path, g_strerror (EFBIG));
  assert_render_fails (path, "free some space or write it elsewhere");
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  roneo_test_assert_no_temporaries (path);
}

static int
count_dark (cairo_surface_t *surface, int x0, int y0, int x1, int y1)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  const int stride = cairo_image_surface_get_stride (surface);
  int n = 0;
  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++)
      n += (*(const guint32 *) (data + j * stride + 4 * i) & 0xff) < 128;
  return n;
}

static void
check_png (double dpi, int width, int height)
{
  g_autoptr (RoneoPage) page = new_page (1, "Quarante-deux moutons");
  g_autofree char *path = tmp_path ("proof.png");
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_render_png (page, dpi, path, &error));
  g_assert_no_error (error);
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  const double s = dpi / 72.0;
  g_assert_cmpint (count_dark (image, 40 * s, 60 * s, 200 * s, 75 * s), >, 20);   /* headline */
  g_assert_cmpint (count_dark (image, 40 * s, 120 * s, 380 * s, 250 * s), ==, 0); /* empty */
  cairo_surface_destroy (image);
  roneo_test_assert_no_temporaries (path);
}

static void
test_png (void)
{
  check_png (72, 420, 595);
  check_png (150, 874, 1240);
}

static void
test_png_fails (void)
{
  g_autoptr (RoneoPage) page = new_page (1, "x");
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_render_png (page, 72, "/dev/full/x.png", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, "'/dev/full/x.png'"));
}

static void
remove_tmp_dir (void)
{
  roneo_test_rm_rf (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

/* Full stacks through the libraries (built without frame pointers), so that
 * tests/lsan.supp can name their frames instead of whole modules. Unused
 * without AddressSanitizer. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  tmp_dir = roneo_test_make_tmp_dir ("roneo-render-XXXXXX");
  g_test_add_func ("/render/pdf/a5", test_pdf_a5);
  g_test_add_func ("/render/pdf/fonts-embedded", test_pdf_fonts_embedded);
  g_test_add_func ("/render/pdf/bleed", test_pdf_bleed);
  g_test_add_func ("/render/pdf/marks", test_pdf_marks);
  g_test_add_func ("/render/pdf/deterministic", test_pdf_deterministic);
  g_test_add_func ("/render/fail/dev-full", test_fail_dev_full);
  g_test_add_func ("/render/fail/missing-dir", test_fail_missing_dir);
  g_test_add_func ("/render/fail/existing-untouched", test_fail_existing_untouched);
  g_test_add_func ("/render/fail/write-error", test_fail_write_error);
  g_test_add_func ("/render/png/size-and-ink", test_png);
  g_test_add_func ("/render/png/fails", test_png_fails);
  int status = g_test_run ();
  remove_tmp_dir ();
  g_object_unref (font_map);
  return status;
}
