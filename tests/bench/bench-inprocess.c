/* bench-inprocess.c: roneo's cost per page in a warm process, through the
 * public API (roneo.h) as a program embedding libroneo sees it, side by
 * side with the roneo command doing the same jobs.
 *
 *   bench-inprocess [TRACT] [RUNS] [RONEO-COMMAND]
 *
 * One RoneoEngine (fonts and dictionaries loaded once) runs:
 *  - the flyer of TRACT (default: the French tract of tests/cases) RUNS
 *    times (default 200) composing only (a dry run, what `roneo check`
 *    does), then RUNS times composed and rendered to memory (a
 *    GMemoryOutputStream): the first job apart (cold caches), then ms per
 *    page and per flyer;
 *  - a batch of 200 copies of TRACT to memory, and one of 200 rows of a CSV
 *    (the invitation template, each row laid out again): ms per page;
 *  - a 300 x 90 cm banner to memory: ms per banner.
 * Then the roneo command (default: the one built beside this program) runs
 * the same jobs, each a whole process writing its PDF to a file, and the
 * table prints both medians and their ratio: what a program saves by
 * keeping an engine instead of running the command. Not a test: run it by
 * hand from the build dir; the figures depend on the machine and its load.
 */
#include "roneo.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#define DATE 1772323200 /* 2026-03-01 */
#define DATE_TEXT "2026-03-01"
#define BATCH_COPIES 200
#define BATCH_RUNS 5
#define BANNER_RUNS 20
#define BANNER_SIZE "300x90cm"
#define CLI_RUNS 7

typedef struct
{
  RoneoEngine *engine;
  const char *tract;
  const char *csv;  /* BATCH_COPIES rows for the invitation template */
  const char *card; /* the invitation template */
  const char *slogan;
  const char *out_dir; /* the command's outputs */
  const char *cli;
  guint runs;
} Bench;

/* One job, in process: ms of each run, and what the last one made. */
typedef struct
{
  GArray *ms;  /* double */
  guint pages; /* a flyer's pages, a batch's copies */
  gsize bytes; /* of the PDF */
} Timing;

static void
timing_clear (Timing *t)
{
  g_clear_pointer (&t->ms, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Timing, timing_clear)

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median of ms[from..]. */
static double
median (GArray *ms, guint from)
{
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), ms->len);
  g_array_append_vals (sorted, &g_array_index (ms, double, from), ms->len - from);
  g_array_sort (sorted, compare_doubles);
  guint n = sorted->len;
  if (n == 0)
    return 0;
  return n % 2 ? g_array_index (sorted, double, n / 2)
               : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2))
                     / 2;
}

/* The mean of ms[from..]: over many short runs, what a page costs. */
static double
mean (GArray *ms, guint from)
{
  double sum = 0;
  for (guint i = from; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  return ms->len > from ? sum / (ms->len - from) : 0;
}

/* Runs job runs times, each to a new memory stream (none for a dry run). */
static gboolean
time_job (Bench *b, RoneoJob *job, gboolean to_memory, guint runs, Timing *t)
{
  t->ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GOutputStream) stream = to_memory ? g_memory_output_stream_new_resizable () : NULL;
      if (stream != NULL)
        roneo_job_set_output_stream (job, stream);
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (RoneoResult) result = roneo_engine_run (b->engine, job, NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (result == NULL)
        {
          g_printerr ("bench-inprocess: %s\n", error->message);
          return FALSE;
        }
      g_array_append_val (t->ms, ms);
      t->pages = roneo_job_get_kind (job) == RONEO_JOB_BATCH ? roneo_result_get_n_records (result)
                                                             : roneo_result_get_n_pages (result);
      t->bytes
          = stream ? g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) : 0;
    }
  return TRUE;
}

static RoneoJob *
flyer_job (Bench *b, gboolean dry_run)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_file (job, b->tract);
  roneo_job_set_date (job, DATE);
  roneo_job_set_dry_run (job, dry_run);
  return job;
}

static RoneoJob *
batch_job (Bench *b, gboolean rows)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_BATCH);
  roneo_job_set_input_file (job, rows ? b->card : b->tract);
  roneo_job_set_date (job, DATE);
  if (rows)
    roneo_job_set_data_file (job, b->csv);
  else
    roneo_job_set_copies (job, BATCH_COPIES, NULL);
  return job;
}

static RoneoJob *
banner_job (Bench *b)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_BANNER);
  double width = 0, height = 0;
  g_assert (roneo_size_parse (BANNER_SIZE, &width, &height, NULL));
  roneo_job_set_input_file (job, b->slogan);
  roneo_job_set_banner_size (job, width, height);
  roneo_job_set_date (job, DATE);
  return job;
}

/* The command with argv, CLI_RUNS times: median wall ms of a whole process. */
static double
time_cli (Bench *b, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) b->cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < CLI_RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *err = NULL;
      int status = 0;
      gint64 t0 = g_get_monotonic_time ();
      gboolean spawned
          = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                          NULL, &err, &status, &error);
      double took = (g_get_monotonic_time () - t0) / 1000.0;
      if (!spawned || !g_spawn_check_wait_status (status, NULL))
        {
          g_printerr ("bench-inprocess: %s failed: %s\n", b->cli, error ? error->message : err);
          return -1;
        }
      g_array_append_val (ms, took);
    }
  return median (ms, 0);
}

static char *
out_path (Bench *b, const char *name)
{
  return g_build_filename (b->out_dir, name, NULL);
}

static void
print_row (const char *what, double inprocess, double cli)
{
  if (cli > 0)
    g_print ("%-34s %10.2f ms %10.2f ms %8.1f\n", what, inprocess, cli, cli / inprocess);
  else
    g_print ("%-34s %10.2f ms %13s %8s\n", what, inprocess, "-", "-");
}

static gboolean
run_bench (Bench *b)
{
  g_autoptr (RoneoJob) check = flyer_job (b, TRUE);
  g_autoptr (RoneoJob) flyer = flyer_job (b, FALSE);
  g_autoptr (RoneoJob) copies = batch_job (b, FALSE);
  g_autoptr (RoneoJob) rows = batch_job (b, TRUE);
  g_autoptr (RoneoJob) banner = banner_job (b);
  g_auto (Timing) composed = { 0 }, rendered = { 0 }, batch = { 0 }, records = { 0 },
                  slogan = { 0 };
  if (!time_job (b, check, FALSE, b->runs, &composed)
      || !time_job (b, flyer, TRUE, b->runs, &rendered)
      || !time_job (b, copies, TRUE, BATCH_RUNS, &batch)
      || !time_job (b, rows, TRUE, BATCH_RUNS, &records)
      || !time_job (b, banner, TRUE, BANNER_RUNS, &slogan))
    return FALSE;

  g_autofree char *copies_text = g_strdup_printf ("%u", BATCH_COPIES);
  g_autofree char *flyer_pdf = out_path (b, "tract.pdf");
  g_autofree char *batch_pdf = out_path (b, "batch.pdf");
  g_autofree char *rows_pdf = out_path (b, "rows.pdf");
  g_autofree char *banner_pdf = out_path (b, "banner.pdf");
  const char *const cli_flyer[]
      = { "flyer", b->tract, "-o", flyer_pdf, "--date", DATE_TEXT, "-q", NULL };
  const char *const cli_batch[] = { "batch",   b->tract, "--copies", copies_text, "-o",
                                    batch_pdf, "--date", DATE_TEXT,  "-q",        NULL };
  const char *const cli_rows[]
      = { "batch", b->card, "--data", b->csv, "-o", rows_pdf, "--date", DATE_TEXT, "-q", NULL };
  const char *const cli_banner[] = { "banner",   b->slogan, "--size",  BANNER_SIZE, "-o",
                                     banner_pdf, "--date",  DATE_TEXT, "-q",        NULL };
  gboolean have_cli = g_file_test (b->cli, G_FILE_TEST_IS_EXECUTABLE);
  double cli_flyer_ms = have_cli ? time_cli (b, cli_flyer) : -1;
  double cli_batch_ms = have_cli ? time_cli (b, cli_batch) : -1;
  double cli_rows_ms = have_cli ? time_cli (b, cli_rows) : -1;
  double cli_banner_ms = have_cli ? time_cli (b, cli_banner) : -1;

  guint pages = rendered.pages;
  double flyer_ms = mean (rendered.ms, 1);
  g_print ("tract:   %s (%u page%s), %u flyers per mode in one process\n", b->tract, pages,
           pages == 1 ? "" : "s", b->runs);
  g_print ("first job: %.1f ms composed, %.1f ms to memory (cold caches)\n",
           g_array_index (composed.ms, double, 0), g_array_index (rendered.ms, double, 0));
  g_print ("composed:  %.3f ms/page (dry run), %.0f pages/s\n", mean (composed.ms, 1) / pages,
           1000.0 * pages / mean (composed.ms, 1));
  g_print ("to memory: %.3f ms/page, %.3f ms/flyer, %.0f pages/s; PDF writing %.3f ms/page\n",
           flyer_ms / pages, flyer_ms, 1000.0 * pages / flyer_ms,
           (flyer_ms - mean (composed.ms, 1)) / pages);
  g_print ("batch:     %u copies: %.3f ms/page (%zu bytes); %u rows laid out each: %.3f "
           "ms/page (%zu bytes)\n",
           batch.pages, median (batch.ms, 1) / batch.pages, batch.bytes, records.pages,
           median (records.ms, 1) / records.pages, records.bytes);
  g_print ("banner:    %s: %.2f ms/banner (%zu bytes)\n", BANNER_SIZE, median (slogan.ms, 1),
           slogan.bytes);
  g_print ("before (issue 8): 2.4 ms/page composed, 2.9 ms/page in a 200-copy document\n\n");
  g_print ("%-34s %13s %13s %8s\n", "median per job", "in process", "roneo", "ratio");
  print_row ("flyer (to memory / to a file)", median (rendered.ms, 1), cli_flyer_ms);
  print_row ("batch, 200 copies", median (batch.ms, 1), cli_batch_ms);
  print_row ("batch, 200 rows", median (records.ms, 1), cli_rows_ms);
  print_row ("banner " BANNER_SIZE, median (slogan.ms, 1), cli_banner_ms);
  if (!have_cli)
    g_print ("(no roneo command at %s: build it, or give its path)\n", b->cli);
  else
    g_print ("(roneo: %u runs each, a whole process: start, fonts, the job, the file)\n", CLI_RUNS);
  return TRUE;
}

/* BATCH_COPIES rows for the invitation template. */
static gboolean
write_rows (const char *path)
{
  g_autoptr (GString) csv = g_string_new ("ville,date,heure,lieu\n");
  for (guint i = 1; i <= BATCH_COPIES; i++)
    g_string_append_printf (csv, "Ville %u,samedi %u octobre,%u h,\"salle %u, rue de la Mairie\"\n",
                            i, i % 28 + 1, i % 12 + 8, i);
  return g_file_set_contents (path, csv->str, csv->len, NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autofree char *tract = argc > 1 ? g_strdup (argv[1])
                                    : g_build_filename (RONEO_SOURCE_ROOT, "tests", "cases",
                                                        "tract-pompe-a-fric.md", NULL);
  guint runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 200;
  const char *cli = argc > 3 ? argv[3] : RONEO_CLI;
  if (g_getenv ("RONEO_DATA_DIR") == NULL)
    g_setenv ("RONEO_DATA_DIR", RONEO_SOURCE_ROOT, FALSE);

  gint64 t0 = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    {
      g_printerr ("bench-inprocess: %s\n", error->message);
      return 1;
    }
  g_print ("engine:    %.1f ms to create (fonts, dictionaries)\n",
           (g_get_monotonic_time () - t0) / 1000.0);

  g_autofree char *dir = g_dir_make_tmp ("roneo-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *csv = g_build_filename (dir, "rows.csv", NULL);
  g_autofree char *card
      = g_build_filename (RONEO_SOURCE_ROOT, "tests", "cases", "tract-modele.md", NULL);
  g_autofree char *slogan
      = g_build_filename (RONEO_SOURCE_ROOT, "tests", "cases", "banner-service-public.txt", NULL);
  Bench bench = {
    .engine = engine,
    .tract = tract,
    .csv = csv,
    .card = card,
    .slogan = slogan,
    .out_dir = dir,
    .cli = cli,
    .runs = MAX (runs, 2),
  };
  gboolean ok = write_rows (csv) && run_bench (&bench);
  remove_dir (dir);
  return ok ? 0 : 1;
}
