/* The cli-jobs suite: flyer, banner and batch are one job pipeline, so what
 * they share behaves the same in the three (issue "One job pipeline"): the
 * PDF's title, the exit code of a bad value, --strict before anything is
 * written, standard output, the user's language by default. */
#include "roneo-test-cli.h"

#include <glib/gstdio.h>
#include <string.h>

#define DATE "2026-03-01"

static char *
title_of (const char *pdf)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  return poppler_document_get_title (doc);
}

/* Plain copy has no front matter: the title is its headline, in every job. */
static void
test_title (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("tract-plain.txt");
  g_autofree char *flyer = g_build_filename (dir, "flyer.pdf", NULL);
  g_autofree char *batch = g_build_filename (dir, "batch.pdf", NULL);
  g_auto (RoneoTestRun) a;
  RONEO_TEST_RUN (&a, dir, "flyer", copy, "-o", flyer, "--date", DATE);
  roneo_test_assert_exit (&a, 0);
  g_auto (RoneoTestRun) b;
  RONEO_TEST_RUN (&b, dir, "batch", copy, "-n", "2", "-o", batch, "--date", DATE);
  roneo_test_assert_exit (&b, 0);
  g_autofree char *flyer_title = title_of (flyer);
  g_autofree char *batch_title = title_of (batch);
  g_assert_cmpstr (flyer_title, ==, "Numérique, pompe à fric");
  g_assert_cmpstr (batch_title, ==, flyer_title);
  roneo_test_rm_rf (dir);
}

/* A bad value of an option the jobs share is the same usage error in each,
 * said with the option. */
static void
test_bad_values (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *slogan = roneo_test_corpus ("slogans.txt");
  const char *const bleed_jobs[] = { "flyer", "batch" };
  for (gsize i = 0; i < G_N_ELEMENTS (bleed_jobs); i++)
    {
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, bleed_jobs[i], copy, "--bleed", "30mm", "--date", DATE);
      roneo_test_assert_exit (&run, 1);
      roneo_test_assert_contains (run.err, "--bleed: ");
      roneo_test_assert_contains (run.err, "more than 20 mm");
    }
  const char *const lang_jobs[][2] = { { "flyer", copy }, { "batch", copy }, { "banner", slogan } };
  for (gsize i = 0; i < G_N_ELEMENTS (lang_jobs); i++)
    {
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, lang_jobs[i][0], lang_jobs[i][1], "--lang", "klingon");
      roneo_test_assert_exit (&run, 1);
      roneo_test_assert_contains (run.err, "--lang: ");
    }
  const char *const sheet_jobs[][2] = { { "batch", copy }, { "banner", slogan } };
  for (gsize i = 0; i < G_N_ELEMENTS (sheet_jobs); i++)
    {
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, sheet_jobs[i][0], sheet_jobs[i][1], "--sheet", "B9");
      roneo_test_assert_exit (&run, 1);
      roneo_test_assert_contains (run.err, "--sheet: unknown sheet 'B9'");
    }
  roneo_test_assert_left_only (dir, NULL);
  roneo_test_rm_rf (dir);
}

/* --strict fails the job on its first warning before anything is written,
 * in a batch as in a flyer: a {field} left without a value. */
static void
test_strict (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  g_autofree char *model = roneo_test_corpus ("tract-modele.md");
  g_autofree char *copy = g_build_filename (dir, "modele.md", NULL);
  g_autofree char *text = roneo_test_read_file (model);
  g_autofree char *written = roneo_test_write_file (dir, "modele.md", text);
  const char *const jobs[] = { "flyer", "batch" };
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, jobs[i], copy, "--strict", "--date", DATE);
      roneo_test_assert_exit (&run, 2);
      roneo_test_assert_contains (run.err, "{ville} has no value");
      const char *const inputs[] = { "modele.md", NULL };
      roneo_test_assert_left_only (dir, inputs);
    }
  roneo_test_rm_rf (dir);
}

/* -o - is one way for every job: a whole PDF on standard output, nothing left. */
static void
test_stdout (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *slogan = roneo_test_corpus ("slogans.txt");
  const char *const jobs[][2] = { { "flyer", copy }, { "batch", copy }, { "banner", slogan } };
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
      RoneoTestSpawn how = { .stdout_path = pdf };
      g_auto (RoneoTestRun) run;
      roneo_test_run_full (
          &run, dir, &how,
          (const char *const[]){ jobs[i][0], jobs[i][1], "-o", "-", "--date", DATE, NULL });
      roneo_test_assert_exit (&run, 0);
      g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
      g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
      g_unlink (pdf);
      roneo_test_assert_left_only (dir, NULL);
    }
  roneo_test_rm_rf (dir);
}

/* A copy that says no language is French in every job: a space before the
 * colon in the flyer and the batch (English sets none: see --lang en). */
static void
test_default_lang (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("tract-plain.txt");
  const char *const jobs[] = { "flyer", "batch" };
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, jobs[i], copy, "-o", pdf, "--date", DATE);
      roneo_test_assert_exit (&run, 0);
      g_autofree char *layer = roneo_test_pdf_text (pdf);
      /* the word may be hyphenated at a line end: read it whole */
      g_auto (GStrv) pieces = g_strsplit (layer, "-\n", -1);
      g_autofree char *text = g_strjoinv ("", pieces);
      g_assert_nonnull (strstr (text, "informatiques"));
      g_assert_null (strstr (text, "informatiques:"));
      g_unlink (pdf);
    }
  roneo_test_rm_rf (dir);
}

/* A headline and two lines, and a short plain tract, fill their A5 page:
 * no empty band taller than 30 % of it. */
static void
test_page_filled (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-jobs-XXXXXX");
  const char *const cases[] = { "short-two-lines.md", "tract-plain.txt" };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *copy = roneo_test_corpus (cases[i]);
      g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, "flyer", copy, "-l", "a5-flyer", "-o", pdf, "--date", DATE);
      roneo_test_assert_exit (&run, 0);
      g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
      for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          double band = 0;
          roneo_test_page_bands (doc, p, 40.0 / 72.0, &band, NULL);
          g_assert_cmpfloat (band, <=, 0.30);
        }
    }
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/jobs/title", test_title);
  roneo_test_add_isolated_func ("/jobs/bad-values", test_bad_values);
  roneo_test_add_isolated_func ("/jobs/strict", test_strict);
  roneo_test_add_isolated_func ("/jobs/stdout", test_stdout);
  roneo_test_add_isolated_func ("/jobs/default-lang", test_default_lang);
  roneo_test_add_isolated_func ("/jobs/page-filled", test_page_filled);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
