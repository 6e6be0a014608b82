/* test-api-threads.c: roneo from threads, as a program with a user
 * interface runs it: a long batch cancelled from another thread, and two
 * engines working at once.
 */
#include "api-support.h"

#include <string.h>

#define CANCEL_ROWS 10000
/* from g_cancellable_cancel to roneo_engine_run returning: the row being
 * composed ends first; under AddressSanitizer, which runs the engine several
 * times slower, twice the time, as tools/test.sh gives its timeouts
 * (measured: 5 ms plain, 77-92 ms under ASan on an idle 2-core machine) */
#if defined(__SANITIZE_ADDRESS__)
#define CANCEL_MAX_US 200000
#else
#define CANCEL_MAX_US 100000
#endif
#define WAIT_MAX_US (120 * G_USEC_PER_SEC) /* for the first sheet, on a busy machine */

/* --- cancelling a batch ------------------------------------------------------ */

/* CSV bytes for the invitation template: rows towns. */
static GBytes *
invitation_rows (guint rows)
{
  GString *csv = g_string_new ("ville,date,heure,lieu\n");
  for (guint i = 1; i <= rows; i++)
    g_string_append_printf (csv, "Ville %u,samedi %u octobre,%u h,\"salle %u, rue de la Mairie\"\n",
                            i, i % 28 + 1, i % 12 + 8, i);
  gsize length = csv->len;
  return g_bytes_new_take (g_string_free (csv, FALSE), length);
}

typedef struct
{
  RoneoJob *job;
  GMutex lock;
  GCond progressed;
  guint sheets_done; /* under lock */
  /* the worker's, read after the join */
  RoneoResult *result;
  GError *error;
  gint64 returned_at; /* monotonic, µs */
} CancelRun;

static void
on_progress (guint done, guint total, gpointer data)
{
  CancelRun *run = data;
  g_assert_cmpuint (done, <=, total);
  g_mutex_lock (&run->lock);
  run->sheets_done = done;
  g_cond_signal (&run->progressed);
  g_mutex_unlock (&run->lock);
}

static gpointer
run_in_worker (gpointer data)
{
  CancelRun *run = data;
  run->result = roneo_engine_run (api_engine (), run->job, NULL, &run->error);
  run->returned_at = g_get_monotonic_time ();
  return NULL;
}

/* Waits for the first progress call; FALSE after WAIT_MAX_US without one. */
static gboolean
wait_for_progress (CancelRun *run)
{
  gint64 end = g_get_monotonic_time () + WAIT_MAX_US;
  g_mutex_lock (&run->lock);
  while (run->sheets_done == 0)
    if (!g_cond_wait_until (&run->progressed, &run->lock, end))
      break;
  gboolean started = run->sheets_done > 0;
  g_mutex_unlock (&run->lock);
  return started;
}

static void
test_cancel_batch (void)
{
  api_engine (); /* loaded before the clock starts */
  g_autofree char *scratch = api_make_dir ();
  g_autofree char *pdf = g_build_filename (scratch, "invitations.pdf", NULL);
  g_autoptr (GBytes) copy = api_read_case ("tract-modele.md");
  g_autoptr (GBytes) csv = invitation_rows (CANCEL_ROWS);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_BATCH);
  roneo_job_set_input_bytes (job, copy, "tract-modele.md");
  roneo_job_set_data_bytes (job, csv, "villes.csv");
  roneo_job_set_output_file (job, pdf);
  roneo_job_set_date (job, API_DATE);
  roneo_job_set_cancellable (job, cancellable);
  CancelRun run = { .job = job };
  g_mutex_init (&run.lock);
  g_cond_init (&run.progressed);
  roneo_job_set_progress (job, on_progress, &run);

  GThread *worker = g_thread_new ("batch", run_in_worker, &run);
  gboolean started = wait_for_progress (&run);
  gint64 cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (worker);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.progressed);

  g_assert_true (started);
  g_autoptr (RoneoResult) result = run.result;
  g_autoptr (GError) error = run.error;
  g_assert_null (result);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_CANCELLED);
  gint64 took = run.returned_at - cancelled_at;
  g_test_message ("returned %.1f ms after the cancel", took / 1000.0);
  g_assert_cmpint (took, <, CANCEL_MAX_US);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  api_assert_left_nothing (scratch);
}

/* --- two engines at once -------------------------------------------------------- */

typedef struct
{
  RoneoEngine *engine;
  GBytes *copy;
  GBytes *pdf; /* owned: the output */
} EngineRun;

/* The tract as a flyer, with proofs (so rendering to PNG runs too), to
 * memory. */
static gpointer
run_flyer (gpointer data)
{
  EngineRun *run = data;
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_bytes (job, run->copy, "tract-pompe-a-fric.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, API_DATE);
  roneo_job_set_proofs (job, 20);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (run->engine, job, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  run->pdf = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return NULL;
}

static void
test_two_engines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) other = roneo_engine_new (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) copy = api_read_case ("tract-pompe-a-fric.md");
  /* one after the other: each engine alone gives the same bytes */
  EngineRun first = { api_engine (), copy, NULL }, second = { other, copy, NULL };
  run_flyer (&first);
  run_flyer (&second);
  g_autoptr (GBytes) reference = first.pdf;
  g_autoptr (GBytes) second_pdf = second.pdf;
  g_assert_true (g_bytes_equal (second_pdf, reference));
  g_autoptr (PopplerDocument) doc = api_open_pdf (reference);
  api_assert_pdf_has (doc, "pompe à fric");

  /* at once, a few times: a race would show as other bytes (or a crash) */
  for (guint round = 0; round < 3; round++)
    {
      EngineRun runs[2] = { { api_engine (), copy, NULL }, { other, copy, NULL } };
      GThread *threads[2];
      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("engine", run_flyer, &runs[i]);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);
      for (guint i = 0; i < 2; i++)
        {
          if (!g_bytes_equal (runs[i].pdf, reference))
            g_error (
                "round %u, engine %u: %zu bytes, not the %zu bytes of the runs one after the other",
                round, i, g_bytes_get_size (runs[i].pdf), g_bytes_get_size (reference));
          g_bytes_unref (runs[i].pdf);
        }
    }
}

int
main (int argc, char **argv)
{
  api_isolate_tmp ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/threads/cancel-batch", test_cancel_batch);
  g_test_add_func ("/api/threads/two-engines", test_two_engines);
  return g_test_run ();
}
