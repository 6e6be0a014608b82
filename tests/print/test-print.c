/* test-print.c: roneo_print_file () against the private cupsd that
 * run-print-tests.sh starts (CUPS_SERVER points at it, RONEO_PRINT_OUT_DIR
 * holds the queues' file: devices).
 *
 * What reached the printer is checked twice: in the job's attributes on the
 * server, and in the bytes the Generic PDF PPD wrote (PJL lines for duplex,
 * binding, paper and colour; the PDF after them, opened with poppler, for the
 * copies that pdftopdf replicated and the page size).
 */
#include <string.h>

#include <cairo-pdf.h>
#include <cups/cups.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-error.h"
#include "roneo-print-private.h"
#include "roneo-test-cups.h"

#define A4_W (210.0 * 72.0 / 25.4)
#define A4_H (297.0 * 72.0 / 25.4)

static char *tmp_dir;
static char *pdf_path; /* two A4 pages */

/* Every page A4 and nothing scaled: the page box is the sheet, and the
 * drawing (a 200 x 100 pt box at 100, 100 on page 1) did not move. */
static void
assert_a4_unscaled (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
      double width = 0, height = 0;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, A4_W, 0.5);
      g_assert_cmpfloat_with_epsilon (height, A4_H, 0.5);
    }
}

static void
record_state (const char *state, gpointer data)
{
  g_ptr_array_add (data, g_strdup (state));
}

static void
test_long_edge_copies (void)
{
  RoneoPrintOptions options = { .printer = "roneo-duplex",
                                .copies = 3,
                                .sides = RONEO_DUPLEX_LONG_EDGE,
                                .media = "iso_a4_210x297mm",
                                .color = FALSE,
                                .title = "roneo long edge" };
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  int job = 0;

  roneo_test_cups_empty_device (options.printer);
  g_assert_true (roneo_print_file_options (pdf_path, &options, record_state, states, &job, &error));
  g_assert_no_error (error);
  g_assert_cmpint (job, >, 0);
  g_assert_cmpuint (states->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (states, states->len - 1), ==, "completed");

  roneo_test_cups_assert_job_attribute (job, "copies", "3");
  roneo_test_cups_assert_job_attribute (job, "sides", "two-sided-long-edge");
  roneo_test_cups_assert_job_attribute (job, "media", "iso_a4_210x297mm");
  roneo_test_cups_assert_job_attribute (job, "print-scaling", "none");
  roneo_test_cups_assert_job_attribute (job, "print-color-mode", "monochrome");
  roneo_test_cups_assert_job_attribute (job, "job-name", "roneo long edge");

  bytes = roneo_test_cups_read_device (options.printer);
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET BINDING=LONGEDGE\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET PAPER=A4\n"));
  /* The Generic PDF PPD maps no print-color-mode to its ColorModel (lower-case
   * "grayscale"): RENDERMODE stays COLOR, so monochrome is checked on the job. */
  pdf = roneo_test_cups_device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3 * 2); /* copies by pdftopdf */
  assert_a4_unscaled (pdf);
}

static void
test_short_edge_color (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  int job = 0;

  roneo_test_cups_empty_device ("roneo-duplex");
  g_assert_true (roneo_print_file (pdf_path, "roneo-duplex", 1, RONEO_DUPLEX_SHORT_EDGE,
                                   "iso_a4_210x297mm", TRUE, NULL, NULL, &job, &error));
  g_assert_no_error (error);
  roneo_test_cups_assert_job_attribute (job, "sides", "two-sided-short-edge");
  roneo_test_cups_assert_job_attribute (job, "print-color-mode", "color");
  roneo_test_cups_assert_job_attribute (job, "job-name", "test-print.pdf");
  bytes = roneo_test_cups_read_device ("roneo-duplex");
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET BINDING=SHORTEDGE\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET RENDERMODE=COLOR\n"));
  pdf = roneo_test_cups_device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  assert_a4_unscaled (pdf);
}

static void
test_one_sided (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int job = 0;

  roneo_test_cups_empty_device ("roneo-simplex");
  g_assert_true (roneo_print_file (pdf_path, "roneo-simplex", 2, RONEO_DUPLEX_ONE_SIDED,
                                   "iso_a5_148x210mm", FALSE, NULL, NULL, &job, &error));
  g_assert_no_error (error);
  roneo_test_cups_assert_job_attribute (job, "sides", "one-sided");
  roneo_test_cups_assert_job_attribute (job, "copies", "2");
  bytes = roneo_test_cups_read_device ("roneo-simplex");
  g_assert_false (roneo_test_cups_bytes_contain (bytes, "DUPLEX=ON"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET PAPER=A5\n"));
}

static int
count_jobs (const char *queue)
{
  cups_job_t *jobs = NULL;
  int n = cupsGetJobs2 (CUPS_HTTP_DEFAULT, &jobs, queue, 0, CUPS_WHICHJOBS_ALL);

  cupsFreeJobs (n, jobs);
  return n;
}

/* What a batch of A4 landscape sheets bound on the short edge asks for is
 * what the printer gets: roneo's request, sent as it is. */
static void
test_request_sent (void)
{
  g_auto (RoneoPrintRequest) request = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int job = 0;

  roneo_print_request_for_sheets (A4_H, A4_W, TRUE, RONEO_DUPLEX_SHORT_EDGE, 2, &request);
  roneo_test_cups_empty_device ("roneo-duplex");
  g_assert_true (roneo_print_check ("roneo-duplex", request.copies, request.sides, request.media,
                                    FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (roneo_print_file (pdf_path, "roneo-duplex", request.copies, request.sides,
                                   request.media, FALSE, NULL, NULL, &job, &error));
  g_assert_no_error (error);
  roneo_test_cups_assert_job_attribute (job, "media", "iso_a4_210x297mm");
  roneo_test_cups_assert_job_attribute (job, "sides", "two-sided-short-edge");
  roneo_test_cups_assert_job_attribute (job, "copies", "2");
  bytes = roneo_test_cups_read_device ("roneo-duplex");
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET BINDING=SHORTEDGE\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET PAPER=A4\n"));
}

/* The check a batch makes before laying anything out: what the queue cannot
 * do is refused there, and nothing is sent. */
static void
test_check (void)
{
  g_autoptr (GError) error = NULL;
  int before = count_jobs ("roneo-simplex");

  g_assert_true (roneo_print_check ("roneo-simplex", 1, RONEO_DUPLEX_AUTO, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (roneo_print_check ("roneo-simplex", 1, RONEO_DUPLEX_LONG_EDGE, "iso_a4_210x297mm",
                                     TRUE, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_assert_nonnull (strstr (error->message, "two-sided-long-edge"));
  g_assert_cmpint (count_jobs ("roneo-simplex"), ==, before);
}

/* A refusal sends nothing: no job on the server, no bytes on the device. */
static void
assert_refused (const RoneoPrintOptions *options, const char *const *words)
{
  g_autoptr (GError) error = NULL;
  int before = count_jobs (options->printer);
  int job = -1;

  roneo_test_cups_empty_device (options->printer);
  g_assert_false (roneo_print_file (pdf_path, options->printer, options->copies, options->sides,
                                    options->media, options->color, NULL, NULL, &job, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_test_message ("%s", error->message);
  for (const char *const *word = words; *word != NULL; word++)
    g_assert_nonnull (strstr (error->message, *word));
  g_assert_cmpint (job, ==, 0);
  g_assert_cmpint (count_jobs (options->printer), ==, MAX (before, 0));
  g_assert_true (roneo_test_cups_device_is_empty (options->printer));
}

static void
test_duplex_refused (void)
{
  RoneoPrintOptions options = { .printer = "roneo-simplex",
                                .copies = 400,
                                .sides = RONEO_DUPLEX_LONG_EDGE,
                                .media = "iso_a4_210x297mm" };
  const char *const words[] = { "'roneo-simplex'", "two-sided-long-edge", "one-sided", NULL };

  assert_refused (&options, words);
}

static void
test_media_refused (void)
{
  RoneoPrintOptions options
      = { .printer = "roneo-duplex", .copies = 1, .media = "iso_a0_841x1189mm" };
  const char *const words[] = { "'roneo-duplex'", "'iso_a0_841x1189mm'", NULL };

  assert_refused (&options, words);
}

static void
test_missing_queue (void)
{
  g_autoptr (GError) error = NULL;
  int job = -1;

  g_assert_false (roneo_print_file (pdf_path, "roneo-nowhere", 1, RONEO_DUPLEX_AUTO, NULL, FALSE,
                                    NULL, NULL, &job, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no printer 'roneo-nowhere'"));
  g_assert_cmpint (job, ==, 0);
}

/* The studio's printer list: the private cupsd's queues, sorted. */
static void
test_list_queues (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) queues = roneo_print_list_queues (&error);
  g_assert_no_error (error);
  g_assert_nonnull (queues);
  g_assert_true (g_strv_contains ((const char *const *) queues, "roneo-duplex"));
  g_assert_true (g_strv_contains ((const char *const *) queues, "roneo-slow"));
  g_assert_false (g_strv_contains ((const char *const *) queues, "roneo-nowhere"));
  for (guint i = 1; queues[i] != NULL; i++)
    g_assert_cmpint (g_ascii_strcasecmp (queues[i - 1], queues[i]), <, 0);
}

/* The server's default queue: none in the test server until lpadmin -d names one. */
static void
test_default_queue (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *none = roneo_print_get_default_queue (&error);
  g_assert_no_error (error);
  g_assert_null (none);
  const char *const argv[] = { "lpadmin", "-d", "roneo-simplex", NULL };
  int status = 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_autofree char *queue = roneo_print_get_default_queue (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (queue, ==, "roneo-simplex");
}

static void
test_unreadable_file (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.pdf", NULL);
  g_autoptr (GError) error = NULL;
  int before = count_jobs ("roneo-duplex");
  int job = -1;

  g_assert_false (roneo_print_file (missing, "roneo-duplex", 1, RONEO_DUPLEX_AUTO, NULL, FALSE,
                                    NULL, NULL, &job, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpint (job, ==, 0);
  g_assert_cmpint (count_jobs ("roneo-duplex"), ==, before);
}

/* PITFALLS 28: the failing filter's job must come back as an error at once,
 * not after the timeout. */
static void
test_failing_filter (void)
{
  RoneoPrintOptions options = { .printer = "roneo-broken", .copies = 1, .timeout_s = 60 };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds = 0;
  int job = 0;

  g_assert_false (roneo_print_file_options (pdf_path, &options, NULL, NULL, &job, &error));
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_test_message ("after %.2f s: %s", seconds, error->message);
  g_assert_cmpint (job, >, 0);
  g_assert_nonnull (strstr (error->message, "the printer 'roneo-broken' stopped job"));
  g_assert_nonnull (strstr (error->message, "lpstat -W not-completed"));
  g_assert_true (strstr (error->message, "processing-stopped") != NULL
                 || strstr (error->message, "aborted") != NULL);
  g_assert_cmpfloat (seconds, <, 20.0);
}

/* A disabled queue accepts the job and leaves it pending: nothing will start
 * it, so that is final too. */
static void
test_stopped_queue (void)
{
  RoneoPrintOptions options = { .printer = "roneo-stopped", .copies = 1, .timeout_s = 60 };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds = 0;
  int job = 0;

  g_assert_false (roneo_print_file_options (pdf_path, &options, NULL, NULL, &job, &error));
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_test_message ("after %.2f s: %s", seconds, error->message);
  g_assert_cmpint (job, >, 0);
  g_assert_nonnull (strstr (error->message, "pending on a stopped printer"));
  g_assert_cmpfloat (seconds, <, 20.0);
}

/* A job still processing at the deadline is reported, not waited on. */
static void
test_timeout (void)
{
  RoneoPrintOptions options = { .printer = "roneo-slow", .copies = 1, .timeout_s = 1 };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds = 0;
  int job = 0;

  g_assert_false (roneo_print_file_options (pdf_path, &options, NULL, NULL, &job, &error));
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_test_message ("after %.2f s: %s", seconds, error->message);
  g_assert_cmpint (job, >, 0);
  g_assert_nonnull (strstr (error->message, "is not done after 1 s: processing"));
  g_assert_cmpfloat (seconds, >=, 1.0);
  g_assert_cmpfloat (seconds, <, 5.0);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("CUPS_SERVER") == NULL || g_getenv ("RONEO_PRINT_OUT_DIR") == NULL)
    {
      g_printerr ("run through run-print-tests.sh, which starts the private cupsd\n");
      return 1;
    }
  tmp_dir = g_dir_make_tmp ("roneo-print-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmp_dir, "test-print.pdf", NULL);
  roneo_test_cups_make_pdf (pdf_path);

  g_test_add_func ("/print/long-edge-copies", test_long_edge_copies);
  g_test_add_func ("/print/short-edge-color", test_short_edge_color);
  g_test_add_func ("/print/one-sided", test_one_sided);
  g_test_add_func ("/print/request-sent", test_request_sent);
  g_test_add_func ("/print/check", test_check);
  g_test_add_func ("/print/duplex-refused", test_duplex_refused);
  g_test_add_func ("/print/media-refused", test_media_refused);
  g_test_add_func ("/print/missing-queue", test_missing_queue);
  g_test_add_func ("/print/list-queues", test_list_queues);
  g_test_add_func ("/print/unreadable-file", test_unreadable_file);
  g_test_add_func ("/print/failing-filter", test_failing_filter);
  g_test_add_func ("/print/stopped-queue", test_stopped_queue);
  g_test_add_func ("/print/timeout", test_timeout);
  /* last: the server keeps its default for the tests after */
  g_test_add_func ("/print/default-queue", test_default_queue);
  status = g_test_run ();

  g_unlink (pdf_path);
  g_rmdir (tmp_dir);
  g_free (pdf_path);
  g_free (tmp_dir);
  return status;
}
