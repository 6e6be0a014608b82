/* test-finish: the finishing pass on PDFs that cairo writes, both ways: from a
 * file (a batch) and from memory (a flyer, a banner), read back with libqpdf.
 * Each case runs once per way; its data says which. */
#include "roneo-error.h"
#include "roneo-finish.h"
#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Two pages of different sizes; with twice, the second paints one recording
 * surface twice, which makes cairo repeat a resource key (PITFALLS 13). */
static char *
write_cairo_pdf (const char *name, gboolean twice)
{
  char *path = tmp_path (name);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 400);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-28T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2026-11-28T00:00:00Z");
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle (cr, 10, 10, 100, 50);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, 500, 200);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *rc = cairo_create (recording);
  cairo_rectangle (rc, 0, 0, 40, 40);
  cairo_fill (rc);
  cairo_destroy (rc);
  for (int i = 0; i < (twice ? 2 : 1); i++)
    {
      cairo_set_source_surface (cr, recording, 50 + 100 * i, 50);
      cairo_paint (cr);
    }
  cairo_surface_destroy (recording);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
read_box (qpdf_data qpdf, int index, const char *key, double box[4])
{
  qpdf_oh array = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, index), key);
  if (!qpdf_oh_is_array (qpdf, array) || qpdf_oh_get_array_n_items (qpdf, array) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    box[i] = qpdf_oh_get_numeric_value (qpdf, qpdf_oh_get_array_item (qpdf, array, i));
  return TRUE;
}

static void
assert_inset (qpdf_data qpdf, int index, const char *key, double inset)
{
  double media[4], box[4];
  g_assert_true (read_box (qpdf, index, "/MediaBox", media));
  g_assert_true (read_box (qpdf, index, key, box));
  for (int i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (box[i], media[i] + (i < 2 ? inset : -inset), 0.001);
}

static gboolean
page_has (qpdf_data qpdf, int index, const char *key)
{
  return qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, index), key);
}

/* Runs qpdf --check; returns its stdout + stderr and whether it exited 0. */
static char *
qpdf_check (const char *path, gboolean *ok)
{
  g_autofree char *out = NULL, *err = NULL;
  *ok = roneo_test_qpdf_check (path, &out, &err);
  return g_strconcat (out, err, NULL);
}

enum
{
  FROM_FILE,
  FROM_MEMORY
};

static gboolean
finish (gconstpointer way, const char *in, const char *out, const RoneoFinishOptions *options,
        GError **error)
{
  if (GPOINTER_TO_INT (way) == FROM_FILE)
    return roneo_finish_pdf (in, out, options, error);
  g_autoptr (GBytes) bytes = roneo_test_read_bytes (in);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  return roneo_finish_pdf_data (data, length, out, options, error);
}

static void
finish_ok (gconstpointer way, const char *in, const char *out, const RoneoFinishOptions *options)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = finish (way, in, out, options, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_boxes (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("boxes-in.pdf", FALSE);
  g_autofree char *out = tmp_path ("boxes.pdf");
  const RoneoFinishOptions options = { .bleed = 8.5, .mark_room = 20 };
  finish_ok (way, in, out, &options);
  qpdf_data qpdf = roneo_test_open_qpdf (out);
  g_assert_cmpint (qpdf_get_num_pages (qpdf), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      assert_inset (qpdf, i, "/TrimBox", 28.5);
      assert_inset (qpdf, i, "/BleedBox", 20);
      g_assert_false (page_has (qpdf, i, "/Group"));
    }
  qpdf_cleanup (&qpdf);
}

static void
test_no_bleed (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("plain-in.pdf", FALSE);
  g_autofree char *out = tmp_path ("plain.pdf");
  const RoneoFinishOptions options = { 0 };
  finish_ok (way, in, out, &options);
  qpdf_data qpdf = roneo_test_open_qpdf (out);
  for (int i = 0; i < 2; i++)
    {
      assert_inset (qpdf, i, "/TrimBox", 0);
      g_assert_false (page_has (qpdf, i, "/BleedBox"));
    }
  qpdf_cleanup (&qpdf);
}

static void
test_keep_group (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("group-in.pdf", FALSE);
  g_autofree char *out = tmp_path ("group.pdf");
  qpdf_data qpdf = roneo_test_open_qpdf (in);
  g_assert_true (page_has (qpdf, 0, "/Group")); /* cairo writes one (PITFALLS 14) */
  qpdf_cleanup (&qpdf);
  const RoneoFinishOptions options = { .keep_group = TRUE };
  finish_ok (way, in, out, &options);
  qpdf = roneo_test_open_qpdf (out);
  g_assert_true (page_has (qpdf, 0, "/Group"));
  g_assert_true (page_has (qpdf, 1, "/Group"));
  qpdf_cleanup (&qpdf);
}

static void
test_check_clean (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("twice-in.pdf", TRUE);
  g_autofree char *out = tmp_path ("twice.pdf");
  gboolean ok;
  g_autofree char *before = qpdf_check (in, &ok);
  g_assert_nonnull (strstr (before, "duplicated key")); /* what the rewrite must repair */
  const RoneoFinishOptions options = { .bleed = 3 };
  finish_ok (way, in, out, &options);
  g_autofree char *after = qpdf_check (out, &ok);
  g_assert_true (ok);
  g_assert_null (strstr (after, "WARNING"));
  g_assert_nonnull (strstr (after, "No syntax or stream encoding errors"));
}

static void
test_deterministic (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("same-in.pdf", TRUE);
  g_autofree char *one = tmp_path ("same-1.pdf"), *two = tmp_path ("same-2.pdf");
  const RoneoFinishOptions options = { .bleed = 3, .mark_room = 10 };
  finish_ok (way, in, one, &options);
  finish_ok (way, in, two, &options);
  g_autoptr (GBytes) a = roneo_test_read_bytes (one), b = roneo_test_read_bytes (two);
  g_assert_true (g_bytes_equal (a, b));
  qpdf_data qpdf = roneo_test_open_qpdf (one);
  g_assert_true (qpdf_oh_has_key (qpdf, qpdf_get_trailer (qpdf), "/ID"));
  qpdf_cleanup (&qpdf);
}

/* The same PDF finished from its file and from its bytes: the same bytes. */
static void
test_both_ways_same (void)
{
  g_autofree char *in = write_cairo_pdf ("ways-in.pdf", TRUE);
  g_autofree char *from_file = tmp_path ("ways-file.pdf"), *from_memory = tmp_path ("ways-mem.pdf");
  const RoneoFinishOptions options = { .bleed = 3, .mark_room = 10 };
  finish_ok (GINT_TO_POINTER (FROM_FILE), in, from_file, &options);
  finish_ok (GINT_TO_POINTER (FROM_MEMORY), in, from_memory, &options);
  g_autoptr (GBytes) a = roneo_test_read_bytes (from_file), b = roneo_test_read_bytes (from_memory);
  g_assert_true (g_bytes_equal (a, b));
}

/* A failed finish leaves an existing target as it was, and no temporary. */
static void
assert_fails_untouched (gconstpointer way, const char *in, const char *message)
{
  g_autofree char *out = tmp_path ("existing.pdf");
  g_autofree char *temp = g_strconcat (out, ".tmp", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (out, "old contents", -1, &error));
  const RoneoFinishOptions options = { .bleed = 3 };
  g_assert_false (finish (way, in, out, &options, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, message));
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
}

static void
test_fail_unreadable (void)
{
  g_autofree char *missing = tmp_path ("missing.pdf");
  assert_fails_untouched (GINT_TO_POINTER (FROM_FILE), missing, "cannot write '");
}

static void
test_fail_garbage (gconstpointer way)
{
  g_autofree char *garbage = tmp_path ("garbage.pdf");
  g_assert_true (g_file_set_contents (garbage, "not a PDF at all\n", -1, NULL));
  assert_fails_untouched (way, garbage, "damaged");
}

/* Cairo's PDF cut short: the pass finds no cross-reference table. */
static void
test_fail_truncated (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("cut-in.pdf", FALSE);
  g_autoptr (GBytes) bytes = roneo_test_read_bytes (in);
  g_assert_true (g_file_set_contents (in, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes) * 2 / 3, NULL));
  assert_fails_untouched (way, in, "damaged");
}

static void
test_fail_missing_dir (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("dir-in.pdf", FALSE);
  g_autofree char *out = tmp_path ("no-such-dir/out.pdf");
  const RoneoFinishOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_assert_false (finish (way, in, out, &options, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, out));
}

/* A page drawn at half size for /UserUnit 2: boxes in user units. */
static void
test_user_unit (gconstpointer way)
{
  g_autofree char *in = write_cairo_pdf ("unit-in.pdf", FALSE);
  g_autofree char *out = tmp_path ("unit.pdf");
  const RoneoFinishOptions options = { .bleed = 4, .mark_room = 6, .user_unit = 2 };
  finish_ok (way, in, out, &options);
  qpdf_data qpdf = roneo_test_open_qpdf (out);
  for (int i = 0; i < 2; i++)
    {
      assert_inset (qpdf, i, "/TrimBox", 5);
      assert_inset (qpdf, i, "/BleedBox", 3);
      qpdf_oh unit = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, i), "/UserUnit");
      g_assert_cmpfloat (qpdf_oh_get_numeric_value (qpdf, unit), ==, 2);
    }
  qpdf_cleanup (&qpdf);
}

/* 700 pages with a string that needs escapes in the metadata: several object
 * streams, every page finished, each page's own drawing still on it (page i
 * has a bar 20 + i % 150 pt wide; no text: cairo's toy fonts leak). */
static void
test_many_pages (gconstpointer way)
{
  g_autofree char *in = tmp_path ("many-in.pdf"), *out = tmp_path ("many.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (in, 200, 100);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "a (b) \\ c");
  cairo_t *cr = cairo_create (surface);
  for (int i = 0; i < 700; i++)
    {
      cairo_rectangle (cr, 0, 40, 20 + i % 150, 20);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  const RoneoFinishOptions options = { .bleed = 2 };
  finish_ok (way, in, out, &options);
  gboolean ok;
  g_autofree char *check = qpdf_check (out, &ok);
  g_assert_true (ok);
  g_assert_null (strstr (check, "WARNING"));
  qpdf_data qpdf = roneo_test_open_qpdf (out);
  g_assert_cmpint (qpdf_get_num_pages (qpdf), ==, 700);
  for (int i = 0; i < 700; i++)
    {
      assert_inset (qpdf, i, "/TrimBox", 2);
      g_assert_false (page_has (qpdf, i, "/Group"));
    }
  qpdf_cleanup (&qpdf);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autofree char *title = poppler_document_get_title (doc);
  g_assert_cmpstr (title, ==, "a (b) \\ c");
  cairo_surface_t *last = roneo_test_rasterise (doc, 699, 1);
  const guint8 *pixels = cairo_image_surface_get_data (last);
  const int stride = cairo_image_surface_get_stride (last);
  const guint32 *row = (const guint32 *) (pixels + 50 * stride);
  g_assert_cmphex (row[115] & 0xffffff, ==, 0x000000); /* 699 % 150 = 99: a bar 119 pt wide */
  g_assert_cmphex (row[125] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (last);
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
  tmp_dir = roneo_test_make_tmp_dir ("roneo-finish-XXXXXX");
  static const struct
  {
    const char *name;
    GTestDataFunc test;
  } cases[] = {
    { "boxes", test_boxes },
    { "no-bleed", test_no_bleed },
    { "keep-group", test_keep_group },
    { "check-clean", test_check_clean },
    { "deterministic", test_deterministic },
    { "user-unit", test_user_unit },
    { "many-pages", test_many_pages },
    { "fail/garbage", test_fail_garbage },
    { "fail/missing-dir", test_fail_missing_dir },
    { "fail/truncated", test_fail_truncated },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int way = FROM_FILE; way <= FROM_MEMORY; way++)
      {
        g_autofree char *path = g_strdup_printf (
            "/finish/%s/%s", way == FROM_FILE ? "file" : "memory", cases[i].name);
        g_test_add_data_func (path, GINT_TO_POINTER (way), cases[i].test);
      }
  g_test_add_func ("/finish/both-ways-same", test_both_ways_same);
  g_test_add_func ("/finish/file/fail/unreadable", test_fail_unreadable);
  int status = g_test_run ();
  remove_tmp_dir ();
  return status;
}
