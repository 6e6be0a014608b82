/* bench-compose.c: composition time per page of one tract in a warm
 * process, for tests/bench/linebreak.sh (issue 12: at most 3 ms per A5
 * page to shape, break and set).
 *
 *   bench-compose TRACT [RUNS] [LAYOUT]
 *
 * One RoneoEngine (fonts and dictionaries loaded once) composes TRACT
 * RUNS times (default 50) as a dry run (what `roneo check` does: every
 * page composed, nothing rendered), in LAYOUT (a name or a .ini; default:
 * the copy's own). The first run is left out (cold caches). Prints one
 * line: "ms_per_page=M pages=N", M the median run over N pages. Not a
 * test: the figure depends on the machine and its load.
 */
#include "roneo.h"

#include <stdlib.h>

#define DATE 1772323200 /* 2026-03-01 */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: bench-compose TRACT [RUNS] [LAYOUT]\n");
      return 2;
    }
  guint runs = argc > 2 ? MAX (2, (guint) strtoul (argv[2], NULL, 10)) : 50;
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    {
      g_printerr ("bench-compose: %s\n", error->message);
      return 1;
    }
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_file (job, argv[1]);
  roneo_job_set_date (job, DATE);
  roneo_job_set_dry_run (job, TRUE);
  if (argc > 3)
    roneo_job_set_layout (job, argv[3]);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint pages = 0;
  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (RoneoResult) result = roneo_engine_run (engine, job, NULL, &error);
      double elapsed = (g_get_monotonic_time () - t0) / 1000.0;
      if (result == NULL)
        {
          g_printerr ("bench-compose: %s\n", error->message);
          return 1;
        }
      pages = roneo_result_get_n_pages (result);
      if (i > 0)
        g_array_append_val (ms, elapsed);
    }
  g_array_sort (ms, compare_doubles);
  double median = g_array_index (ms, double, ms->len / 2);
  g_print ("ms_per_page=%.2f pages=%u\n", pages ? median / pages : median, pages);
  return 0;
}
