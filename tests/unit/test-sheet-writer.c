/* The streaming sheet writer used by batches: shared pages recorded once,
 * per-sheet pages drawn directly, every sheet read back, nothing left on
 * failure. */
#include "roneo-error.h"
#include "roneo-fonts.h"
#include "roneo-render.h"
#include "roneo-sheet.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define A4_W 595.2756
#define A4_H 841.8898
#define A5_W 419.5276

static RoneoFonts *fonts;
static PangoContext *context;

static RoneoPage *
page_with_text (const char *text)
{
  RoneoPage *page = roneo_page_new (A5_W, A4_W, 1);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("Roneo Sans, 20");
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  RoneoColor black = { 0, 0, 0 };
  roneo_page_add_text (page, "body", layout, 40, 40, 20, &black);
  g_object_unref (layout);
  return page;
}

/* Two A5 slots on an A4 landscape sheet, each showing page `left` / `right`. */
static RoneoSheet *
two_up (guint left, guint right)
{
  RoneoSheet *sheet = roneo_sheet_new ("S", A4_H, A4_W);
  for (guint slot = 0; slot < 2; slot++)
    {
      double x = slot * A5_W;
      RoneoPlacement placement = {
        .page = slot == 0 ? left : right,
        .source = { 0, 0, A5_W, A4_W },
        .matrix = { 1, 0, 0, 1, x, 0 },
        .clip = { x, 0, A5_W, A4_W },
      };
      roneo_sheet_add_placement (sheet, &placement);
    }
  return sheet;
}

static char *
page_text (PopplerDocument *document, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, index);
  return poppler_page_get_text (page);
}

static void
test_shared_and_direct (void)
{
  g_autofree char *dir = g_dir_make_tmp ("roneo-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "batch.pdf", NULL);
  g_autoptr (GPtrArray) shared = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (shared, page_with_text ("Recto commun"));
  RoneoRenderOptions options = { .title = "batch", .date = 1, .label_context = context };
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoSheetWriter) writer = roneo_sheet_writer_new (path, shared, 0, &options, &error);
  g_assert_no_error (error);
  g_autoptr (RoneoSheet) copies = two_up (0, 0);
  for (int i = 0; i < 3; i++)
    g_assert_true (roneo_sheet_writer_add (writer, copies, NULL, &error));
  g_autoptr (GPtrArray) own = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (own, page_with_text ("Albi"));
  g_ptr_array_add (own, page_with_text ("Castres"));
  g_autoptr (RoneoSheet) personal = two_up (0, 1);
  g_assert_true (roneo_sheet_writer_add (writer, personal, own, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS)); /* nothing before close */
  g_assert_true (roneo_sheet_writer_close (writer, &error));
  g_assert_no_error (error);

  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 4);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_assert_nonnull (strstr (text, "Recto commun"));
      g_assert_nonnull (strstr (strstr (text, "Recto commun") + 1, "Recto commun"));
    }
  g_autofree char *last = page_text (document, 3);
  g_assert_nonnull (strstr (last, "Albi"));
  g_assert_nonnull (strstr (last, "Castres"));
  g_autofree char *tmp = g_strconcat (path, ".cairo.tmp", NULL);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

/* A batch drops its copy's pages once the writer is made (write_copies):
 * the writer holds its own reference, so every sheet still shows the copy
 * and freeing the writer after close touches no freed memory (ASan with
 * G_SLICE=always-malloc). */
static void
test_caller_drops_shared_pages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("roneo-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copies.pdf", NULL);
  GPtrArray *shared = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (shared, page_with_text ("Recto"));
  g_ptr_array_add (shared, page_with_text ("Verso"));
  RoneoRenderOptions options = { .title = "copies", .date = 1, .label_context = context };
  g_autoptr (GError) error = NULL;
  RoneoSheetWriter *writer = roneo_sheet_writer_new (path, shared, 0, &options, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (shared);
  g_autoptr (RoneoSheet) recto = two_up (0, 0), verso = two_up (1, 1);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (roneo_sheet_writer_add (writer, recto, NULL, &error));
      g_assert_true (roneo_sheet_writer_add (writer, verso, NULL, &error));
    }
  g_assert_true (roneo_sheet_writer_close (writer, &error));
  g_assert_no_error (error);
  roneo_sheet_writer_free (writer);

  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_assert_nonnull (strstr (text, i % 2 == 0 ? "Recto" : "Verso"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failure_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("roneo-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "batch.pdf", NULL);
  RoneoRenderOptions options = { .date = 1 };
  g_autoptr (GError) error = NULL;
  RoneoSheetWriter *writer = roneo_sheet_writer_new (path, NULL, 0, &options, &error);
  g_assert_nonnull (writer);
  g_autoptr (RoneoSheet) sheet = two_up (0, 1);
  /* No shared pages and none given: refused, and closing with no sheet fails. */
  g_assert_false (roneo_sheet_writer_add (writer, sheet, NULL, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_clear_error (&error);
  g_assert_false (roneo_sheet_writer_close (writer, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_clear_error (&error);
  roneo_sheet_writer_free (writer);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing)); /* no PDF, no temporary */
  g_rmdir (dir);
  g_assert_null (roneo_sheet_writer_new ("/nonexistent-roneo/x.pdf", NULL, 0, &options, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  fonts = roneo_fonts_new (dir, NULL);
  context = roneo_fonts_create_context (fonts, "fr");
  g_test_add_func ("/sheet-writer/shared-and-direct", test_shared_and_direct);
  g_test_add_func ("/sheet-writer/caller-drops-shared", test_caller_drops_shared_pages);
  g_test_add_func ("/sheet-writer/failure", test_failure_leaves_nothing);
  int status = g_test_run ();
  g_object_unref (context);
  roneo_fonts_free (fonts);
  return status;
}
