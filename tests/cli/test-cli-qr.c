/* The cli-qr suite: QR codes (issue 11, item 4) as a phone reads them. A
 * tract with `qr:` in its front matter and `![qr](…)` in its copy: the page
 * rendered at 300 dpi by pdftoppm is decoded by zbarimg back to the exact
 * addresses; the codes add no bitmap (vector squares); the address is in the
 * text layer under its code; the same input gives the same bytes. An address
 * too long for the code's size (modules under 0.5 mm) and a `qr: {url}` that
 * YAML reads as a mapping are exit 2 at their line, with no PDF. */
#include "roneo-test-cli.h"
#include "roneo-test-files.h"

#include <glib/gstdio.h>
#include <string.h>

#define DATE "2026-03-01"
#define PETITION "https://collectif-ligne14.fr/petition?ville=albi"
#define MEETING "https://collectif-ligne14.fr/reunion"

static const char *const tract_text
    = "---\n"
      "qr: " PETITION "\n"
      "---\n"
      "# Sauvons la ligne 14\n\n"
      "La ligne 14 relie six communes et trois mille personnes chaque jour. La région veut la "
      "fermer en juin : signez la pétition.\n\n"
      "![qr](" MEETING ")\n\n"
      "Réunion publique jeudi 6 octobre à 18 h, salle des fêtes.\n\n"
      "-- Collectif Ligne 14\n";

static gint
compare_lines (gconstpointer a, gconstpointer b, gpointer unused)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* What zbarimg reads on page `page` of pdf rendered at 300 dpi, one code a
 * line, sorted. Owned. */
static char *
decode_page (const char *dir, const char *pdf, int page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_auto (RoneoTestRun) render, scan;
  RoneoTestSpawn pdftoppm = { .program = "pdftoppm" }, zbarimg = { .program = "zbarimg" };
  roneo_test_run_full (&render, dir, &pdftoppm,
                       (const char *const[]){ "-png", "-r", "300", "-singlefile", "-f", number,
                                              "-l", number, pdf, prefix, NULL });
  roneo_test_assert_exit (&render, 0);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  roneo_test_run_full (&scan, dir, &zbarimg, (const char *const[]){ "--raw", "-q", png, NULL });
  roneo_test_assert_exit (&scan, 0);
  g_auto (GStrv) codes = g_strsplit (g_strstrip (scan.out), "\n", -1);
  g_qsort_with_data (codes, (gint) g_strv_length (codes), sizeof (char *), compare_lines, NULL);
  return g_strjoinv ("\n", codes);
}

static void
test_tract (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "tract.md", tract_text);
  g_auto (RoneoTestRun) run, again;
  RONEO_TEST_RUN (&run, dir, "flyer", "tract.md", "-o", "tract.pdf", "--date", DATE, "--strict");
  roneo_test_assert_exit (&run, 0);
  RONEO_TEST_RUN (&again, dir, "flyer", "tract.md", "-o", "again.pdf", "--date", DATE);
  roneo_test_assert_exit (&again, 0);
  g_autofree char *pdf = g_build_filename (dir, "tract.pdf", NULL);
  g_autofree char *codes = decode_page (dir, pdf, 1);
  g_assert_cmpstr (codes, ==, PETITION "\n" MEETING);
  g_autoptr (GPtrArray) bitmaps = roneo_test_pdf_images (dir, pdf);
  g_assert_cmpuint (bitmaps->len, ==, 0);
  roneo_test_assert_qpdf_check_clean (pdf);
  /* each address printed as a reader types it, without https:// */
  g_autofree char *text = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (text, "collectif-ligne14.fr/reunion");
  roneo_test_assert_contains (text, "collectif-ligne14.fr/petition?ville=albi");
  g_assert_null (strstr (text, "https://"));
  /* the front matter's code comes at the end, before the signature */
  g_assert_cmpint (strstr (text, "petition?ville") - text, >, strstr (text, "Réunion") - text);
  g_assert_cmpint (strstr (text, "petition?ville") - text, <, strstr (text, "Collectif") - text);
  g_autofree char *again_pdf = g_build_filename (dir, "again.pdf", NULL);
  roneo_test_assert_same_bytes (pdf, again_pdf);
  roneo_test_rm_rf (dir);
}

/* The invitation card: its code, overleaf, still reads. */
static void
test_card (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (
      dir, "card.md",
      "---\nqr: " MEETING "\n---\n# Réunion publique\n\n## jeudi 6 octobre, 18 h\n\n"
      "Salle des fêtes, place de la mairie. Venez nombreux.\n");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", "card.md", "-l", "a6-card", "-o", "card.pdf", "--date", DATE,
                  "--strict");
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_autofree char *verso = decode_page (dir, pdf, 2);
  g_assert_cmpstr (verso, ==, MEETING);
  roneo_test_rm_rf (dir);
}

/* An address whose modules would be under 0.5 mm at 25 mm: refused. */
static void
test_too_long (void)
{
  g_autoptr (GString) url = g_string_new ("https://collectif-ligne14.fr/petition?");
  for (int i = 0; i < 40; i++)
    g_string_append_printf (url, "signataire%02d=oui&", i);
  g_autofree char *text = g_strdup_printf ("# Titre\n\nDu texte.\n\n![qr](%s)\n", url->str);
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "long.md", text);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", "long.md", "-o", "long.pdf");
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "long.md:5: ");
  roneo_test_assert_contains (run.err, "too long for a QR code 25 mm wide: its ");
  roneo_test_assert_left_only (dir, (const char *const[]){ "long.md", NULL });
  roneo_test_rm_rf (dir);
}

/* qr: {url} unquoted is a YAML mapping: say to quote it. */
static void
test_mapping (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy
      = roneo_test_write_file (dir, "map.md", "---\nqr: {url}\n---\n# Titre\n\nDu texte.\n");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", "map.md", "-o", "map.pdf");
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "map.md:2:");
  roneo_test_assert_contains (run.err, "qr: \"{url}\"");
  roneo_test_assert_left_only (dir, (const char *const[]){ "map.md", NULL });
  roneo_test_rm_rf (dir);
}

static const char *const card_text = "---\nqr: \"{url}\"\nlogo: \"{logo}\"\n---\n"
                                     "# Réunion publique à {ville}\n\n## {date}, 18 h\n\n"
                                     "Salle des fêtes. Venez nombreux : la ligne 14 est menacée.\n";

/* A card per town from a CSV kept in its own folder: each town's code reads
 * back its own address; the logos the rows name, relative to the CSV, are
 * each embedded once however many cards show them. */
static void
test_batch (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "card.md", card_text);
  roneo_test_copy_picture ("logo.png", dir, "data/logos/union.png");
  roneo_test_copy_picture ("drawing.svg", dir, "data/logos/drawing.svg");
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *csv = roneo_test_write_file (
      data_dir, "villes.csv",
      "ville,date,url,logo\n"
      "Albi,jeudi 6 octobre,https://ligne14.fr/albi,logos/union.png\n"
      "Rodez,vendredi 7 octobre,https://ligne14.fr/rodez,logos/drawing.svg\n"
      "Castres,samedi 8 octobre,https://ligne14.fr/castres,logos/union.png\n"
      "Gaillac,dimanche 9 octobre,https://ligne14.fr/gaillac,logos/union.png\n");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", "card.md", "--data", "data/villes.csv", "-l", "a6-card", "-o",
                  "cards.pdf", "--date", DATE, "--strict");
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = g_build_filename (dir, "cards.pdf", NULL);
  /* four cards on one A4 sheet, the codes on its back */
  g_autofree char *codes = decode_page (dir, pdf, 2);
  g_assert_cmpstr (codes, ==,
                   "https://ligne14.fr/albi\nhttps://ligne14.fr/castres\n"
                   "https://ligne14.fr/gaillac\nhttps://ligne14.fr/rodez");
  /* the PNG logo shown three times with its mask, one image object */
  g_auto (RoneoTestRun) list;
  RoneoTestSpawn how = { .program = "pdfimages" };
  roneo_test_run_full (&list, dir, &how, (const char *const[]){ "-list", pdf, NULL });
  roneo_test_assert_exit (&list, 0);
  g_auto (GStrv) rows = g_strsplit (g_strstrip (list.out), "\n", -1);
  g_autoptr (GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 2; rows[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_regex_split_simple ("\\s+", g_strstrip (rows[i]), 0, 0);
      g_assert_cmpuint (g_strv_length (fields), >, 10);
      g_hash_table_add (objects, g_strdup (fields[10]));
    }
  g_assert_cmpuint (g_strv_length (rows) - 2, ==, 6);
  g_assert_cmpuint (g_hash_table_size (objects), ==, 1);
  roneo_test_assert_qpdf_check_clean (pdf);
  roneo_test_rm_rf (dir);
}

/* A row naming a file that is not there: its line, the file, no PDF. */
static void
test_batch_missing (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-qr-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "card.md", card_text);
  roneo_test_copy_picture ("logo.png", dir, "union.png");
  g_autofree char *csv
      = roneo_test_write_file (dir, "villes.csv",
                               "ville,date,url,logo\n"
                               "Albi,jeudi 6 octobre,https://ligne14.fr/albi,union.png\n"
                               "Rodez,vendredi 7 octobre,https://ligne14.fr/rodez,rodez.png\n");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", "card.md", "--data", "villes.csv", "-l", "a6-card", "-o",
                  "cards.pdf");
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "villes.csv:3: row 2 (Rodez): card.md:3: cannot read "
                                       "'rodez.png'");
  roneo_test_assert_left_only (dir,
                               (const char *const[]){ "card.md", "union.png", "villes.csv", NULL });
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/qr/tract", test_tract);
  roneo_test_add_isolated_func ("/qr/card", test_card);
  roneo_test_add_isolated_func ("/qr/too-long", test_too_long);
  roneo_test_add_isolated_func ("/qr/mapping", test_mapping);
  roneo_test_add_isolated_func ("/qr/batch", test_batch);
  roneo_test_add_isolated_func ("/qr/batch-missing", test_batch_missing);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
