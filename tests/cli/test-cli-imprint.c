/* The cli-imprint suite: who signs a tract and the imprint line at its foot
 * (issue 13, item 8), read back from the PDF as a reader sees the page: the
 * front matter's author printed when the copy signs nothing, and never twice;
 * the French "IPNS — Ne pas jeter sur la voie publique" on the last page only,
 * inside the margins, below the signature; another text or none on request;
 * no default in English; on cards and placards too, never on a banner. */
#include "roneo-test-cli.h"

#include <glib/gstdio.h>
#include <string.h>

#define DATE "2026-03-01"
#define IMPRINT "Ne pas jeter sur la voie publique"
#define A5_BOTTOM_MARGIN (15 * 72 / 25.4) /* layouts/a5-flyer.ini */

/* Runs `roneo flyer` on copy (written to dir) with the layout, exit 0. Owned: the PDF path. */
static char *
flyer (const char *dir, const char *copy, const char *layout)
{
  g_autofree char *input = roneo_test_write_file (dir, "copy.md", copy);
  char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-l", layout, "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  return pdf;
}

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  return poppler_page_get_text (page);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The one place of text on page index, y from the top of the page. */
static PopplerRectangle
find_once (PopplerDocument *doc, int index, const char *text)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  double width = 0, height = 0;
  poppler_page_get_size (page, &width, &height);
  GList *found = poppler_page_find_text (page, text);
  if (g_list_length (found) != 1)
    g_error ("'%s' found %u times on page %d", text, g_list_length (found), index + 1);
  /* poppler_page_find_text rectangles have their origin at the bottom left */
  PopplerRectangle *at = found->data, rect = { at->x1, height - at->y2, at->x2, height - at->y1 };
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return rect;
}

/* A French recto/verso: the imprint closes the verso, under the signature,
 * inside the bottom margin; the recto has none. */
static void
test_last_page_only (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-imprint-XXXXXX");
  g_autofree char *pdf = flyer (dir,
                                "---\nlang: fr\n---\n# Recto\n\nLe recto.\n\n***\n\nLe verso.\n\n"
                                "-- Collectif des usagers\n",
                                "a5-flyer");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  g_autofree char *recto = page_text (doc, 0);
  g_autofree char *verso = page_text (doc, 1);
  g_assert_null (strstr (recto, "IPNS"));
  g_assert_null (strstr (recto, IMPRINT));
  g_assert_cmpuint (count (verso, "IPNS"), ==, 1);
  g_assert_cmpuint (count (verso, IMPRINT), ==, 1);

  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 1);
  double width = 0, height = 0;
  poppler_page_get_size (page, &width, &height);
  PopplerRectangle imprint = find_once (doc, 1, IMPRINT);
  PopplerRectangle signature = find_once (doc, 1, "Collectif des usagers");
  g_assert_cmpfloat (imprint.y2, <=, height - A5_BOTTOM_MARGIN + 0.5);
  g_assert_cmpfloat (signature.y2, <, imprint.y1);
  /* small: the legal line, not a second signature */
  g_assert_cmpfloat (imprint.y2 - imprint.y1, <, 0.8 * (signature.y2 - signature.y1));
  roneo_test_rm_rf (dir);
}

/* The front matter's author signs the copy that has no "-- " line, at the
 * foot of the page; a copy that signs is not signed twice. */
static void
test_author_signs (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-imprint-XXXXXX");
  const char *const layouts[] = { "a5-flyer", "a4-tract", "a6-card" };
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *unsigned_pdf
          = flyer (dir, "---\nlang: fr\nauthor: Collectif Écran total\n---\n# Titre\n\nTexte.\n",
                   layouts[i]);
      g_autofree char *unsigned_text = roneo_test_pdf_text (unsigned_pdf);
      g_assert_cmpuint (count (unsigned_text, "Collectif Écran total"), ==, 1);
      g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (unsigned_pdf);
      int last = poppler_document_get_n_pages (doc) - 1;
      PopplerRectangle author = find_once (doc, last, "Collectif Écran total");
      PopplerRectangle imprint = find_once (doc, last, IMPRINT);
      g_assert_cmpfloat (author.y2, <, imprint.y1);

      g_autofree char *signed_pdf
          = flyer (dir,
                   "---\nlang: fr\nauthor: Collectif Écran total\n---\n# Titre\n\nTexte.\n\n"
                   "-- Collectif Écran total, Albi\n",
                   layouts[i]);
      g_autofree char *signed_text = roneo_test_pdf_text (signed_pdf);
      g_assert_cmpuint (count (signed_text, "Collectif Écran total"), ==, 1);
      g_assert_nonnull (strstr (signed_text, "Collectif Écran total, Albi"));
    }
  roneo_test_rm_rf (dir);
}

/* imprint: any text (with the language's typography), or false; English
 * has no default; placards and cards carry it; a banner does not. */
static void
test_imprint_key (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-imprint-XXXXXX");
  g_autofree char *off
      = flyer (dir, "---\nlang: fr\nimprint: false\n---\n# Titre\n\nTexte.\n", "a5-flyer");
  g_autofree char *off_text = roneo_test_pdf_text (off);
  g_assert_null (strstr (off_text, "IPNS"));

  g_autofree char *en = flyer (dir, "---\nlang: en\n---\n# Title\n\nText.\n", "a5-flyer");
  g_autofree char *en_text = roneo_test_pdf_text (en);
  g_assert_null (strstr (en_text, "IPNS"));

  g_autofree char *given = flyer (
      dir, "---\nlang: en\nimprint: Printed by Union Press, Leeds\n---\n# Title\n\nText.\n",
      "a5-flyer");
  g_autofree char *given_text = roneo_test_pdf_text (given);
  g_assert_cmpuint (count (given_text, "Printed by Union Press, Leeds"), ==, 1);

  /* French spacing: a thin no-break space before the colon */
  g_autofree char *typo = flyer (
      dir, "---\nlang: fr\nimprint: \"Imprimé par : Imprimerie du Midi\"\n---\n# Titre\n\nTexte.\n",
      "a5-flyer");
  g_autofree char *typo_text = roneo_test_pdf_text (typo);
  g_assert_null (strstr (typo_text, "par:"));
  g_assert_nonnull (strstr (typo_text, "Imprimerie du Midi"));

  const char *const layouts[] = { "a6-card", "a3-placard", "a4-tract" };
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *pdf
          = flyer (dir, "---\nlang: fr\n---\n# Un médecin, pas une appli\n", layouts[i]);
      g_autofree char *text = roneo_test_pdf_text (pdf);
      g_assert_cmpuint (count (text, IMPRINT), ==, 1);
    }

  g_autofree char *slogan = roneo_test_write_file (dir, "slogan.txt", "---\nlang: fr\n---\nNON\n");
  g_autofree char *banner = g_build_filename (dir, "banner.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", slogan, "-o", banner, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *banner_text = roneo_test_pdf_text (banner);
  g_assert_null (strstr (banner_text, "IPNS"));
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/imprint/last-page-only", test_last_page_only);
  roneo_test_add_isolated_func ("/imprint/author-signs", test_author_signs);
  roneo_test_add_isolated_func ("/imprint/imprint-key", test_imprint_key);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
