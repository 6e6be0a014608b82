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

#include "roneo-test-cli.h"
#include "roneo-test-cups.h"

#define A4_W (210.0 * 72.0 / 25.4)
#define A4_H (297.0 * 72.0 / 25.4)
#define DATE "2026-03-01"

static char *tmp_dir;
static char *pdf_path; /* two A4 pages */

/* ---------------------------------------------------------------- running */

/* Runs roneo in tmp_dir with a fresh TMPDIR of its own (see assert_tmpdir_empty). */
static void
run_argv (RoneoTestRun *run, const char *const *args)
{
  const RoneoTestSpawn how = { .tmpdir_in = tmp_dir };

  roneo_test_run_full (run, tmp_dir, &how, args);
  g_test_message ("exit %d after %.2f s, stderr:\n%s", run->status, run->seconds, run->err);
}

#define RONEO(run, ...) run_argv (run, (const char *const[]){ __VA_ARGS__, NULL })

/* Nothing left in the run's TMPDIR. */
static void
assert_tmpdir_empty (const RoneoTestRun *run)
{
  g_autoptr (GDir) dir = g_dir_open (run->tmpdir, 0, NULL);
  const char *name = dir ? g_dir_read_name (dir) : NULL;

  if (name != NULL)
    g_error ("roneo left '%s' in its TMPDIR", name);
}

/* ---------------------------------------------------------------- the printer */

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

/* ---------------------------------------------------------------- inputs */

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
  g_auto (RoneoTestRun) run;
  int job = 0;

  roneo_test_cups_empty_device ("roneo-duplex");
  RONEO (&run, "print", pdf_path, "--printer", "roneo-duplex", "--copies", "3", "--sides",
         "two-sided-long-edge");
  roneo_test_assert_exit (&run, 0);
  job = last_job ("roneo-duplex", NULL);
  g_assert_cmpint (job, >, 0);
  g_autofree char *id = g_strdup_printf ("job %d", job);
  roneo_test_assert_contains (run.err, id);
  roneo_test_cups_assert_job_attribute (job, "copies", "3");
  roneo_test_cups_assert_job_attribute (job, "sides", "two-sided-long-edge");
  roneo_test_cups_assert_job_attribute (job, "job-state", "completed");

  g_autoptr (GBytes) bytes = roneo_test_cups_read_device ("roneo-duplex");
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET BINDING=LONGEDGE\n"));
  g_autoptr (PopplerDocument) pdf = roneo_test_cups_device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3 * 2); /* copies by pdftopdf */
  assert_tmpdir_empty (&run);
}

/* 400 copies of a recto/verso A5 tract, 2-up: one front/back sheet sent
 * with copies = 200, short edge, A4. */
static void
test_batch_print (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (RoneoTestRun) run;
  int before = 0, after = 0, job = 0;

  last_job ("roneo-duplex", &before);
  roneo_test_cups_empty_device ("roneo-duplex");
  RONEO (&run, "batch", tract, "--copies", "400", "--print", "roneo-duplex", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  job = last_job ("roneo-duplex", &after);
  g_assert_cmpint (after, ==, before + 1);
  roneo_test_cups_assert_job_attribute (job, "copies", "200");
  roneo_test_cups_assert_job_attribute (job, "sides", "two-sided-short-edge");
  roneo_test_cups_assert_job_attribute (job, "media", "iso_a4_210x297mm");
  roneo_test_cups_assert_job_attribute (job, "print-scaling", "none");
  roneo_test_cups_assert_job_attribute (job, "job-state", "completed");

  g_autoptr (GBytes) bytes = roneo_test_cups_read_device ("roneo-duplex");
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET BINDING=SHORTEDGE\n"));
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET PAPER=A4\n"));
  g_autoptr (PopplerDocument) pdf = roneo_test_cups_device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2 * 200);
  g_autoptr (PopplerPage) front = poppler_document_get_page (pdf, 0);
  g_autoptr (PopplerPage) back = poppler_document_get_page (pdf, 1);
  g_autofree char *front_text = poppler_page_get_text (front);
  g_autofree char *back_text = poppler_page_get_text (back);
  roneo_test_assert_contains (front_text, "avant");
  roneo_test_assert_contains (back_text, "arrière");
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
  g_auto (RoneoTestRun) run;
  int before = 0, after = 0;

  last_job ("roneo-simplex", &before);
  roneo_test_cups_empty_device ("roneo-simplex");
  RONEO (&run, "batch", tract, "--copies", "10", "--print", "roneo-simplex", "--date", DATE);
  roneo_test_assert_exit (&run, 6);
  roneo_test_assert_contains (run.err, "roneo-simplex");
  roneo_test_assert_contains (run.err, "one-sided");
  last_job ("roneo-simplex", &after);
  g_assert_cmpint (after, ==, before);
  g_assert_true (roneo_test_cups_device_is_empty ("roneo-simplex"));
  assert_tmpdir_empty (&run);
}

/* A failing filter comes back at once with the reason. */
static void
test_batch_broken (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (RoneoTestRun) run;

  RONEO (&run, "batch", tract, "--copies", "2", "--print", "roneo-broken", "--date", DATE);
  roneo_test_assert_exit (&run, 6);
  roneo_test_assert_contains (run.err, "roneo-broken");
  roneo_test_assert_contains (run.err, "stopped job");
  g_assert_cmpfloat (run.seconds, <, 20.0);
  assert_tmpdir_empty (&run);
}

/* The message names the server's queues and the command that lists them. */
static void
assert_no_queue_message (const char *err, const char *queue)
{
  g_autofree char *no_printer
      = g_strdup_printf ("no printer '%s' on the CUPS server '%s", queue, g_getenv ("CUPS_SERVER"));

  roneo_test_assert_contains (err, no_printer);
  roneo_test_assert_contains (err, "its printers: roneo-broken, roneo-denied, roneo-duplex,");
  roneo_test_assert_contains (err, "list the queues with 'lpstat -p'");
}

static void
test_batch_no_queue (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (RoneoTestRun) run;

  RONEO (&run, "batch", tract, "--copies", "2", "--print", "no-such-queue", "--date", DATE);
  roneo_test_assert_exit (&run, 6);
  assert_no_queue_message (run.err, "no-such-queue");
  assert_tmpdir_empty (&run);
}

static void
test_print_no_queue (void)
{
  g_auto (RoneoTestRun) run;

  RONEO (&run, "print", pdf_path, "--printer", "Bureau");
  roneo_test_assert_exit (&run, 6);
  assert_no_queue_message (run.err, "Bureau");
}

/* Runs roneo with CUPS_SERVER on a loopback port where nothing listens. */
static void
run_without_server (RoneoTestRun *run, const char *const *args)
{
  g_autofree char *server = g_strdup (g_getenv ("CUPS_SERVER"));

  g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
  run_argv (run, args);
  g_setenv ("CUPS_SERVER", server, TRUE);
}

/* Says that no server runs there and what to do, not a stray errno. */
static void
assert_no_server_message (const RoneoTestRun *run)
{
  roneo_test_assert_exit (run, 6);
  roneo_test_assert_contains (run->err, "no CUPS server answers at '127.0.0.1:1', which "
                                        "CUPS_SERVER names: it is not running or cannot be "
                                        "reached");
  roneo_test_assert_contains (run->err, "then check with 'lpstat -r'");
  g_assert_null (strstr (run->err, "Bad file descriptor"));
  g_assert_null (strstr (run->err, "Host is down"));
  g_assert_cmpfloat (run->seconds, <, 20.0);
}

static void
test_print_no_server (void)
{
  g_auto (RoneoTestRun) run;

  run_without_server (
      &run, (const char *const[]){ "print", pdf_path, "--printer", "roneo-duplex", NULL });
  assert_no_server_message (&run);
}

/* Found before a sheet is made: nothing is left behind. */
static void
test_batch_no_server (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (RoneoTestRun) run;

  run_without_server (&run, (const char *const[]){ "batch", tract, "--copies", "2", "--print",
                                                   "roneo-duplex", "--date", DATE, NULL });
  assert_no_server_message (&run);
  assert_tmpdir_empty (&run);
}

/* The server refuses the job (this user may not print there): its reason,
 * and who can change that; no job, no bytes. */
static void
test_print_refused (void)
{
  g_auto (RoneoTestRun) run;
  int before = 0, after = 0;

  last_job ("roneo-denied", &before);
  roneo_test_cups_empty_device ("roneo-denied");
  RONEO (&run, "print", pdf_path, "--printer", "roneo-denied");
  roneo_test_assert_exit (&run, 6);
  g_autofree char *refused = g_strdup_printf (
      "the CUPS server '%s' refused the job for the printer 'roneo-denied': not allowed to print;",
      g_getenv ("CUPS_SERVER"));
  roneo_test_assert_contains (run.err, refused);
  g_autofree char *hint = g_strdup_printf ("'lpadmin -p roneo-denied -u allow:%s'", cupsUser ());
  roneo_test_assert_contains (run.err, hint);
  last_job ("roneo-denied", &after);
  g_assert_cmpint (after, ==, before);
  g_assert_true (roneo_test_cups_device_is_empty ("roneo-denied"));
}

/* A queue that rejects jobs is refused before anything is sent. */
static void
test_batch_rejecting (void)
{
  g_autofree char *tract = recto_verso ();
  g_auto (RoneoTestRun) run;
  int before = 0, after = 0;

  last_job ("roneo-rejecting", &before);
  RONEO (&run, "batch", tract, "--copies", "2", "--print", "roneo-rejecting", "--date", DATE);
  roneo_test_assert_exit (&run, 6);
  roneo_test_assert_contains (run.err, "the printer 'roneo-rejecting' is not accepting jobs; "
                                       "enable it with 'cupsaccept roneo-rejecting'");
  last_job ("roneo-rejecting", &after);
  g_assert_cmpint (after, ==, before);
  assert_tmpdir_empty (&run);
}

/* With -o the PDF stays where the user asked, and is the one printed. */
static void
test_batch_print_keeps_output (void)
{
  g_autofree char *tract = recto_verso ();
  g_autofree char *out = g_build_filename (tmp_dir, "kept.pdf", NULL);
  g_auto (RoneoTestRun) run;

  RONEO (&run, "batch", tract, "--copies", "4", "--print", "roneo-duplex", "-o", out, "--date",
         DATE);
  roneo_test_assert_exit (&run, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  roneo_test_cups_assert_job_attribute (last_job ("roneo-duplex", NULL), "copies", "2");
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
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  if (g_getenv ("CUPS_SERVER") == NULL || g_getenv ("RONEO_PRINT_OUT_DIR") == NULL)
    {
      g_printerr ("run through run-print-tests.sh, which starts the private cupsd\n");
      return 1;
    }
  tmp_dir = g_dir_make_tmp ("roneo-print-cli-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmp_dir, "test-print.pdf", NULL);
  roneo_test_cups_make_pdf (pdf_path);

  g_test_add_func ("/print-cli/print/long-edge", test_print_long_edge);
  g_test_add_func ("/print-cli/batch/copies", test_batch_print);
  g_test_add_func ("/print-cli/batch/keeps-output", test_batch_print_keeps_output);
  g_test_add_func ("/print-cli/batch/simplex-refused", test_batch_simplex_refused);
  g_test_add_func ("/print-cli/batch/broken", test_batch_broken);
  g_test_add_func ("/print-cli/batch/no-queue", test_batch_no_queue);
  g_test_add_func ("/print-cli/print/no-queue", test_print_no_queue);
  g_test_add_func ("/print-cli/print/no-server", test_print_no_server);
  g_test_add_func ("/print-cli/batch/no-server", test_batch_no_server);
  g_test_add_func ("/print-cli/print/refused", test_print_refused);
  g_test_add_func ("/print-cli/batch/rejecting", test_batch_rejecting);
  status = g_test_run ();

  g_autofree char *tract = g_build_filename (tmp_dir, "tract-recto-verso.md", NULL);
  g_unlink (tract);
  g_unlink (pdf_path);
  g_rmdir (tmp_dir);
  g_free (pdf_path);
  g_free (tmp_dir);
  roneo_test_cli_teardown ();
  return status;
}
