/* bench-inprocess.c: roneo's cost per page once the process is warm.
 *
 *   bench-inprocess [TRACT] [RUNS]
 *
 * One RoneoEngine (fonts and dictionaries loaded once) runs the same flyer
 * job RUNS times (default 200): first composing only (dry_run, what
 * `roneo check` does), then composing and writing the PDF (render + qpdf
 * finish) to a temporary file. Prints the first job apart (font loading,
 * the hyphenation dictionary), then the time per page in ms and pages per
 * second for each mode; the difference is the cost of PDF writing. Then the
 * same copies laid out one by one into a single PDF, the cost per page once
 * the per-document costs are shared. Not a
 * test: run it by hand from the build dir. TRACT defaults to the French
 * tract of tests/cases.
 */
#include "roneo-copy-parser.h"
#include "roneo-flow.h"
#include "roneo-fonts.h"
#include "roneo-job.h"
#include "roneo-layout-parser.h"
#include "roneo-render.h"

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

/* One document of `runs` copies of the tract, each laid out again from its
 * copy (fit, hyphenation, line breaking), written as one PDF: the cost of a
 * page once the per-document costs (font subsets, the qpdf pass) are shared. */
static gboolean
time_one_document (const char *tract, const char *out, guint runs, double *per_page)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fonts_dir = g_build_filename (g_getenv ("RONEO_DATA_DIR"), "fonts", NULL);
  g_autofree char *layout_path
      = g_build_filename (g_getenv ("RONEO_DATA_DIR"), "layouts", "a5-flyer.ini", NULL);
  g_autoptr (RoneoFonts) fonts = roneo_fonts_new (fonts_dir, &error);
  g_autoptr (RoneoHyphenator) hyphenator = roneo_hyphenator_new ("/usr/share/hyphen");
  g_autoptr (RoneoDocument) document = roneo_copy_parse_file (tract, &error);
  g_autoptr (RoneoLayout) layout = document ? roneo_layout_parse_file (layout_path, &error) : NULL;
  if (fonts == NULL || layout == NULL)
    {
      g_printerr ("bench-inprocess: %s\n", error->message);
      return FALSE;
    }
  PangoContext *context = roneo_fonts_create_context (fonts, "fr");
  RoneoComposeContext cc = { context, hyphenator, "fr", NULL };
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  gint64 t0 = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GPtrArray) pages = roneo_compose_document (&cc, document, layout, &error);
      if (pages == NULL)
        break;
      for (guint p = 0; p < pages->len; p++)
        g_ptr_array_add (all, g_steal_pointer (&g_ptr_array_index (pages, p)));
    }
  RoneoRenderOptions options = { .title = "bench", .date = DATE };
  gboolean ok = error == NULL && roneo_render_pdf (all, &options, out, &error);
  *per_page = (g_get_monotonic_time () - t0) / 1000.0 / MAX (all->len, 1);
  g_object_unref (context);
  if (!ok)
    g_printerr ("bench-inprocess: %s\n", error->message);
  return ok;
}

static char *
default_tract (void)
{
  return g_build_filename (RONEO_SOURCE_ROOT, "tests", "cases", "tract-pompe-a-fric.md", NULL);
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
  double one_document = 0;
  ok = ok && time_one_document (tract, out, runs, &one_document);
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
  g_print ("one document:     %.3f ms/page (%u copies laid out again, one PDF)\n", one_document,
           runs);
  return 0;
}
