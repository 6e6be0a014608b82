/* bench-inprocess.c: roneo's cost per page once the process is warm.
 *
 *   bench-inprocess [TRACT] [RUNS]
 *
 * One RoneoEngine (fonts and dictionaries loaded once) runs the same flyer
 * job RUNS times (default 200): first composing only (dry_run, what
 * `roneo check` does), then composing and writing the PDF (render + qpdf
 * finish) to a temporary file. Prints the first job apart (font loading,
 * the hyphenation dictionary), then the time per page in ms and pages per
 * second for each mode; the difference is the cost of PDF writing. Not a
 * test: run it by hand from the build dir. TRACT defaults to the French
 * tract in $SHARED_DIR/corpus (or ../shared beside the source tree).
 */
#include "roneo-job.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#define DATE 1772323200 /* 2026-03-01 */

typedef struct
{
  double first_ms;  /* the first job, cold caches */
  double per_page;  /* ms, over the remaining jobs */
  double pages_per_s;
  guint pages;
} Timing;

static gboolean
run_once (RoneoEngine *engine, const RoneoFlyerJob *job, guint *pages)
{
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoFlyerResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  if (!roneo_engine_run_flyer (engine, job, warnings, &result, &error))
    {
      g_printerr ("bench-inprocess: %s\n", error->message);
      return FALSE;
    }
  *pages = result.pages;
  return TRUE;
}

static gboolean
time_jobs (RoneoEngine *engine, const RoneoFlyerJob *job, guint runs, Timing *t)
{
  gint64 t0 = g_get_monotonic_time ();
  if (!run_once (engine, job, &t->pages))
    return FALSE;
  gint64 t1 = g_get_monotonic_time ();
  guint total = 0;
  for (guint i = 1; i < runs; i++)
    {
      guint pages = 0;
      if (!run_once (engine, job, &pages))
        return FALSE;
      total += pages;
    }
  gint64 t2 = g_get_monotonic_time ();
  t->first_ms = (t1 - t0) / 1000.0;
  t->per_page = total > 0 ? (t2 - t1) / 1000.0 / total : 0;
  t->pages_per_s = t->per_page > 0 ? 1000.0 / t->per_page : 0;
  return TRUE;
}

static char *
default_tract (void)
{
  const char *shared = g_getenv ("SHARED_DIR");
  if (shared != NULL)
    return g_build_filename (shared, "corpus", "tract-pompe-a-fric.md", NULL);
  return g_build_filename (RONEO_SOURCE_ROOT, "..", "shared", "corpus", "tract-pompe-a-fric.md",
                           NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *tract = argc > 1 ? g_strdup (argv[1]) : default_tract ();
  guint runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 200;
  if (runs < 2)
    runs = 2;
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
  double engine_ms = (g_get_monotonic_time () - t0) / 1000.0;

  g_autofree char *dir = g_dir_make_tmp ("roneo-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  RoneoFlyerJob job = { .input = tract, .output = out, .date = DATE, .dry_run = TRUE };
  Timing compose = { 0 }, full = { 0 };
  gboolean ok = time_jobs (engine, &job, runs, &compose);
  job.dry_run = FALSE;
  ok = ok && time_jobs (engine, &job, runs, &full);
  g_unlink (out);
  g_rmdir (dir);
  if (!ok)
    return 1;

  g_print ("tract:            %s (%u page%s), %u jobs per mode in one process\n", tract,
           full.pages, full.pages == 1 ? "" : "s", runs);
  g_print ("engine:           %.1f ms to create (font set)\n", engine_ms);
  g_print ("compose only:     first job %.1f ms; then %.3f ms/page, %.0f pages/s\n",
           compose.first_ms, compose.per_page, compose.pages_per_s);
  g_print ("compose + PDF:    first job %.1f ms; then %.3f ms/page, %.0f pages/s\n",
           full.first_ms, full.per_page, full.pages_per_s);
  g_print ("PDF writing:      %.3f ms/page (render, qpdf finish, write)\n",
           full.per_page - compose.per_page);
  return 0;
}
