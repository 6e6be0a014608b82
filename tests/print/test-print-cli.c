/* test-print-cli.c: `roneo print` and `roneo batch --print` as a user runs
 * them, against the private cupsd that run-print-tests.sh starts (CUPS_SERVER
 * points at it, RONEO_PRINT_OUT_DIR holds the queues' file: devices). The path
 * of the built roneo is the first argument.
 *
 * What reached the printer is checked on the server (the job's attributes,
 * read with libcups) and in the bytes the Generic PDF PPD wrote: PJL lines for
 * duplex and binding, then the PDF, whose pages are the job's pages times its
 * copies (pdftopdf replicates copies, PITFALLS 27). Each run gets a fresh
 * TMPDIR, which must be empty afterwards: `batch --print` without -o writes
 * its PDF to a temporary file and must remove it.
 */
#include <string.h>
#include <sys/wait.h>

#include <cairo-pdf.h>
#include <cups/cups.h>
#include <glib/gstdio.h>
#include <poppler.h>

/* Poppler 22.02 (Debian 12) defines no autocleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define A4_W (210.0 * 72.0 / 25.4)
#define A4_H (297.0 * 72.0 / 25.4)
#define DATE "2026-03-01"

static const char *roneo_path;
static char *tmp_dir;
static char *pdf_path; /* two A4 pages */

/* ---------------------------------------------------------------- running */

typedef struct
{
  int status;
  char *out, *err;
  double seconds;
  char *tmpdir; /* the run's TMPDIR, removed by run_clear if empty */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  if (run->tmpdir != NULL)
    g_rmdir (run->tmpdir);
  g_clear_pointer (&run->tmpdir, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run *run, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  memset (run, 0, sizeof *run);
  run->tmpdir = g_build_filename (tmp_dir, "run-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (run->tmpdir));
  g_ptr_array_add (argv, (char *) roneo_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "TMPDIR", run->tmpdir, TRUE);
  gint64 start = g_get_monotonic_time ();
  gboolean ok = g_spawn_sync (tmp_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                              &run->out, &run->err, &wait_status, &error);
  run->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_true (ok);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("exit %d after %.2f s, stderr:\n%s", run->status, run->seconds, run->err);
}

#define RONEO(run, ...) run_argv (run, (const char *const[]){ __VA_ARGS__, NULL })

static void
assert_exit (const Run *run, int expected)
{
  if (run->status != expected)
    g_error ("exit code %d, expected %d; stderr:\n%s", run->status, expected, run->err);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("'%s' not found in:\n%s", needle, haystack);
}

/* Nothing left in the run's TMPDIR. */
static void
assert_tmpdir_empty (const Run *run)
{
  g_autoptr (GDir) dir = g_dir_open (run->tmpdir, 0, NULL);
  const char *name = dir ? g_dir_read_name (dir) : NULL;

  if (name != NULL)
    g_error ("roneo left '%s' in its TMPDIR", name);
}

/* ---------------------------------------------------------------- the printer */

static char *
device_path (const char *queue)
{
  g_autofree char *name = g_strconcat (queue, ".prn", NULL);

  return g_build_filename (g_getenv ("RONEO_PRINT_OUT_DIR"), name, NULL);
}

static void
remove_device (const char *queue)
{
  g_autofree char *path = device_path (queue);

  g_unlink (path);
}

static GBytes *
read_device (const char *queue)
{
  g_autofree char *path = device_path (queue);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strstr_len (data, (gssize) size, needle) != NULL; /* stops at a NUL: PJL comes first */
}

/* The PDF between "@PJL ENTER LANGUAGE = PDF" and the closing UEL. */
static PopplerDocument *
device_pdf (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *start = g_strstr_len (data, (gssize) size, "%PDF-");
  const char *end = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;

  g_assert_nonnull (start);
  end = memmem (start, size - (gsize) (start - data), "%%EOF", 5);
  g_assert_nonnull (end);
  pdf = g_bytes_new (start, (gsize) (end - start) + 5);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* The newest job of queue (any state), or 0. */
static int
last_job (const char *queue, int *count)
{
  cups_job_t *jobs = NULL;
  int n = cupsGetJobs2 (CUPS_HTTP_DEFAULT, &jobs, queue, 0, CUPS_WHICHJOBS_ALL);
  int id = 0;

  for (int i = 0; i < n; i++)
    id = MAX (id, jobs[i].id);
  cupsFreeJobs (n, jobs);
  if (count != NULL)
    *count = MAX (n, 0);
  return id;
}

static char *
job_attribute (int job, const char *name)
{
  http_t *http = httpConnect2 (cupsServer (), ippPort (), NULL, AF_UNSPEC,
                               HTTP_ENCRYPTION_IF_REQUESTED, 1, 30000, NULL);
  ipp_t *request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  char uri[HTTP_MAX_URI];
  char value[1024] = "";
  ipp_t *response = NULL;
  ipp_attribute_t *attr = NULL;

  g_assert_nonnull (http);
  httpAssembleURIf (HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", 0,
                    "/jobs/%d", job);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                cupsUser ());
  response = cupsDoRequest (http, request, "/");
  g_assert_nonnull (response);
  attr = ippFindAttribute (response, name, IPP_TAG_ZERO);
  if (attr != NULL)
    ippAttributeString (attr, value, sizeof value);
  ippDelete (response);
  httpClose (http);
  return g_strdup (value);
}

static void
assert_job_attribute (int job, const char *name, const char *expected)
{
  g_autofree char *value = job_attribute (job, name);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("job %d: %s is '%s', expected '%s'", job, name, value, expected);
}

/* ---------------------------------------------------------------- inputs */

static void
make_pdf (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf_path, A4_W, A4_H);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_rectangle (cr, 100, 100 + 50 * page, 200, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* An A5 recto/verso tract: its batch is 2-up on A4 landscape, short edge. */
static char *
recto_verso (void)
{
  char *path = g_build_filename (tmp_dir, "tract-recto-verso.md", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path,
                       "---\nlayout: a5-flyer\nlang: fr\n---\n\n# Recto\n\nFace avant.\n\n"
                       "***\n\n# Verso\n\nFace arrière.\n",
                       -1, &error);
  g_assert_no_error (error);
  return path;
}

/* ---------------------------------------------------------------- cases */

static void
test_print_long_edge (void)
{
  g_auto (Run) run;
  int job = 0;

  remove_device ("roneo-duplex");
  RONEO (&run, "print", pdf_path, "--printer", "roneo-duplex", "--copies", "3", "--sides",
         "two-sided-long-edge");
  assert_exit (&run, 0);
  job = last_job ("roneo-duplex", NULL);
  g_assert_cmpint (job, >, 0);
  g_autofree char *id = g_strdup_printf ("job %d", job);
  assert_contains (run.err, id);
  assert_job_attribute (job, "copies", "3");
  assert_job_attribute (job, "sides", "two-sided-long-edge");
  assert_job_attribute (job, "job-state", "completed");

  g_autoptr (GBytes) bytes = read_device ("roneo-duplex");
  g_assert_true (bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (bytes_contain (bytes, "@PJL SET BINDING=LONGEDGE\n"));
  g_autoptr (PopplerDocument) pdf = device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3 * 2); /* copies by pdftopdf */
  assert_tmpdir_empty (&run);
}

/* 400 copies of a recto/verso A5 tract, 2-up: one front/back sheet sent
 * with copies = 200, short edge, A4. */
static void
test_batch_print (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (Run) run;
  int before = 0, after = 0, job = 0;

  last_job ("roneo-duplex", &before);
  remove_device ("roneo-duplex");
  RONEO (&run, "batch", tract, "--copies", "400", "--print", "roneo-duplex", "--date", DATE);
  assert_exit (&run, 0);
  job = last_job ("roneo-duplex", &after);
  g_assert_cmpint (after, ==, before + 1);
  assert_job_attribute (job, "copies", "200");
  assert_job_attribute (job, "sides", "two-sided-short-edge");
  assert_job_attribute (job, "media", "iso_a4_210x297mm");
  assert_job_attribute (job, "print-scaling", "none");
  assert_job_attribute (job, "job-state", "completed");

  g_autoptr (GBytes) bytes = read_device ("roneo-duplex");
  g_assert_true (bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (bytes_contain (bytes, "@PJL SET BINDING=SHORTEDGE\n"));
  g_assert_true (bytes_contain (bytes, "@PJL SET PAPER=A4\n"));
  g_autoptr (PopplerDocument) pdf = device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2 * 200);
  g_autoptr (PopplerPage) front = poppler_document_get_page (pdf, 0);
  g_autoptr (PopplerPage) back = poppler_document_get_page (pdf, 1);
  g_autofree char *front_text = poppler_page_get_text (front);
  g_autofree char *back_text = poppler_page_get_text (back);
  assert_contains (front_text, "avant");
  assert_contains (back_text, "arrière");
  double w = 0, h = 0;
  poppler_page_get_size (front, &w, &h);
  g_assert_cmpfloat_with_epsilon (MAX (w, h), A4_H, 0.5);
  g_assert_cmpfloat_with_epsilon (MIN (w, h), A4_W, 0.5);
  assert_tmpdir_empty (&run);
}

/* A recto/verso batch on a queue that prints one side only: refused before
 * anything is sent. */
static void
test_batch_simplex_refused (void)
{
  g_autofree char *tract = recto_verso ();
  g_autofree char *device = device_path ("roneo-simplex");
  g_auto (Run) run;
  int before = 0, after = 0;

  last_job ("roneo-simplex", &before);
  remove_device ("roneo-simplex");
  RONEO (&run, "batch", tract, "--copies", "10", "--print", "roneo-simplex", "--date", DATE);
  assert_exit (&run, 6);
  assert_contains (run.err, "roneo-simplex");
  assert_contains (run.err, "one-sided");
  last_job ("roneo-simplex", &after);
  g_assert_cmpint (after, ==, before);
  g_assert_false (g_file_test (device, G_FILE_TEST_EXISTS));
  assert_tmpdir_empty (&run);
}

/* A failing filter comes back at once with the reason. */
static void
test_batch_broken (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (Run) run;

  RONEO (&run, "batch", tract, "--copies", "2", "--print", "roneo-broken", "--date", DATE);
  assert_exit (&run, 6);
  assert_contains (run.err, "roneo-broken");
  assert_contains (run.err, "stopped job");
  g_assert_cmpfloat (run.seconds, <, 20.0);
  assert_tmpdir_empty (&run);
}

static void
test_batch_no_queue (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (Run) run;

  RONEO (&run, "batch", tract, "--copies", "2", "--print", "no-such-queue", "--date", DATE);
  assert_exit (&run, 6);
  assert_contains (run.err, "no printer 'no-such-queue'");
  assert_tmpdir_empty (&run);
}

/* With -o the PDF stays where the user asked, and is the one printed. */
static void
test_batch_print_keeps_output (void)
{
  g_autofree char *tract = recto_verso ();
  g_autofree char *out = g_build_filename (tmp_dir, "kept.pdf", NULL);
  g_auto (Run) run;

  RONEO (&run, "batch", tract, "--copies", "4", "--print", "roneo-duplex", "-o", out, "--date",
         DATE);
  assert_exit (&run, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  assert_job_attribute (last_job ("roneo-duplex", NULL), "copies", "2");
  g_unlink (out);
  assert_tmpdir_empty (&run);
}

/* ---------------------------------------------------------------- main */

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: run-print-tests.sh %s PATH-TO-RONEO\n", argv[0]);
      return 1;
    }
  roneo_path = argv[1];
  if (g_getenv ("CUPS_SERVER") == NULL || g_getenv ("RONEO_PRINT_OUT_DIR") == NULL)
    {
      g_printerr ("run through run-print-tests.sh, which starts the private cupsd\n");
      return 77;
    }
  tmp_dir = g_dir_make_tmp ("roneo-print-cli-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmp_dir, "test-print.pdf", NULL);
  make_pdf ();

  g_test_add_func ("/print-cli/print/long-edge", test_print_long_edge);
  g_test_add_func ("/print-cli/batch/copies", test_batch_print);
  g_test_add_func ("/print-cli/batch/keeps-output", test_batch_print_keeps_output);
  g_test_add_func ("/print-cli/batch/simplex-refused", test_batch_simplex_refused);
  g_test_add_func ("/print-cli/batch/broken", test_batch_broken);
  g_test_add_func ("/print-cli/batch/no-queue", test_batch_no_queue);
  status = g_test_run ();

  g_autofree char *tract = g_build_filename (tmp_dir, "tract-recto-verso.md", NULL);
  g_unlink (tract);
  g_unlink (pdf_path);
  g_rmdir (tmp_dir);
  g_free (pdf_path);
  g_free (tmp_dir);
  return status;
}
