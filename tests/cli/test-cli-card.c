/* The cli-card suite: the A6 invitation card (layouts/a6-card.ini) as a user
 * makes it, read back from the PDF: the face holds what, when and where, the
 * rest is overleaf, and short copy fills both sides (issue 13, item 6). */
#include "roneo-test-cli.h"

#include <string.h>

#define DATE "2026-03-01"

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  return poppler_page_get_text (page);
}

static void
assert_filled (PopplerDocument *doc)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      double band = 0;
      roneo_test_page_bands (doc, p, 40.0 / 72.0, &band, NULL);
      if (band > 0.30)
        g_error ("page %d: an empty band of %.1f %% of the page", p + 1, band * 100);
    }
}

/* One card per row of villes.csv: on each recto the headline and the date,
 * none of the text; on each verso the text and nothing of the face. */
static void
test_villes (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-card-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("tract-modele.md");
  g_autofree char *data = roneo_test_corpus ("villes.csv");
  g_autofree char *pdf = g_build_filename (dir, "cards.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", copy, "--data", data, "-l", "a6-card", "--profile", "press",
                  "--single", "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 8);
  const char *const dates[] = { "jeudi", "samedi", "lundi", "mercredi" };
  for (int card = 0; card < 4; card++)
    {
      g_autofree char *recto = page_text (doc, 2 * card);
      g_autofree char *verso = page_text (doc, 2 * card + 1);
      roneo_test_assert_contains (recto, "RASSEMBLEMENT");
      roneo_test_assert_contains (recto, dates[card]);
      g_assert_null (strstr (recto, "Contre"));
      g_assert_null (strstr (recto, "suite au verso"));
      roneo_test_assert_contains (verso, "Contre la fermeture");
      roneo_test_assert_contains (verso, "Venez nombreux");
      g_assert_null (strstr (verso, "RASSEMBLEMENT"));
    }
  roneo_test_rm_rf (dir);
}

/* A page break in the copy wins over the card's own: the first paragraph
 * stays on the face, the programme goes overleaf; both sides filled. */
static void
test_page_break_wins (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-card-XXXXXX");
  g_autofree char *copy = roneo_test_corpus ("card-a6.md");
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", copy, "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  g_autofree char *recto = page_text (doc, 0);
  g_autofree char *verso = page_text (doc, 1);
  roneo_test_assert_contains (recto, "Apportez");
  roneo_test_assert_contains (verso, "Programme");
  roneo_test_assert_contains (verso, "Collectif des usagers");
  assert_filled (doc);
  roneo_test_rm_rf (dir);
}

/* The example card: the face alone on the recto, the text and the
 * signature overleaf; no empty band over 30 % of either side. */
static void
test_example (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-card-XXXXXX");
  g_autofree char *copy
      = g_build_filename (roneo_test_source_root (), "examples", "carte-rassemblement.md", NULL);
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", copy, "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  g_autofree char *recto = page_text (doc, 0);
  g_autofree char *verso = page_text (doc, 1);
  roneo_test_assert_contains (recto, "Jeudi");
  g_assert_null (strstr (recto, "Contre"));
  roneo_test_assert_contains (verso, "devant la CPAM");
  roneo_test_assert_contains (verso, "Collectif Écran total");
  assert_filled (doc);
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/card/villes", test_villes);
  roneo_test_add_isolated_func ("/card/page-break-wins", test_page_break_wins);
  roneo_test_add_isolated_func ("/card/example", test_example);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
