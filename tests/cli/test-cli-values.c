/* test-cli-values.c: the `cli-values` suite, values as users write them.
 *
 * Lengths need a unit (a bare number is refused with the value written
 * with units), CSV files are read as spreadsheets save them (';' or tab as
 * separator, column names in any case or accent, Windows-1252 named), a
 * field's value is never regrouped, and `lang` takes only the language tags
 * roneo knows. Each case runs the built roneo (its path is the first
 * argument) in a fresh folder and checks the exit code, the message, that
 * a refused run wrote nothing, and, when it works, the PDF read back.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <locale.h>
#include <string.h>

#define DATE "2026-03-01"
#define KNOWN_LANGS "fr, fr-FR, fr-CA, fr-BE, fr-CH, en, en-GB, en-US, de, de-DE, de-AT, de-CH"

/* A refused run: the exit code, the message, nothing at out. */
static void
assert_refused (const RoneoTestRun *run, int status, const char *message, const char *out)
{
  roneo_test_assert_exit (run, status);
  roneo_test_assert_contains (run->err, message);
  if (out != NULL && g_file_test (out, G_FILE_TEST_EXISTS))
    g_error ("a refused run left '%s'", out);
  if (out != NULL)
    roneo_test_assert_no_temporaries (out);
}

/* ---------------------------------------------------------------- units */

typedef struct
{
  const char *name;
  const char *command;
  const char *option;
  const char *value;
  const char *message;
} BareCase;

static const BareCase bare_cases[] = {
  { "size", "banner", "--size", "3000x900",
    "roneo: --size: size '3000x900' has no unit (write 3000x900mm or 300x90cm)" },
  { "size-small", "banner", "--size", "80x30", "size '80x30' has no unit (write 80x30mm)" },
  { "overlap", "banner", "--overlap", "10",
    "roneo: --overlap: length '10' has no unit (write 10mm)" },
  { "printer-margin", "banner", "--printer-margin", "5",
    "roneo: --printer-margin: length '5' has no unit (write 5mm)" },
  { "printer-margin-4", "banner", "--printer-margin", "5mm 5mm 12 5mm",
    "roneo: --printer-margin: length '12' has no unit (write 12mm)" },
  { "distance", "banner", "--distance", "20",
    "roneo: --distance: length '20' has no unit (write 20m)" },
  { "bleed-flyer", "flyer", "--bleed", "3", "roneo: --bleed: length '3' has no unit (write 3mm)" },
  { "bleed-batch", "batch", "--bleed", "3", "roneo: --bleed: length '3' has no unit (write 3mm)" },
};

/* On the command line a bare number is a usage error (exit 1). */
static void
test_bare_option (gconstpointer data)
{
  const BareCase *c = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  gboolean banner = g_str_equal (c->command, "banner");
  g_autofree char *input = roneo_test_write_file (
      dir, "in.md", banner ? "TOUS DEHORS\n" : "# Tous dehors\n\nSamedi, place du marché.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, c->command, input, c->option, c->value, "-o", out, "--date", DATE);
  assert_refused (&run, 1, c->message, out);
  roneo_test_rm_rf (dir);
}

/* A bare 0 is 0 in every unit: still allowed. */
static void
test_bare_zero (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *input = roneo_test_write_file (dir, "in.md", "# Tous dehors\n\nSamedi.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "--bleed", "0", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  roneo_test_assert_page_sizes (doc, 419.528, 595.276); /* A5, no bleed */
  roneo_test_rm_rf (dir);
}

/* In a layout and in a front matter override: an input error with file:line. */
static void
test_bare_in_files (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *layout
      = roneo_test_write_file (dir, "mine.ini",
                               "[layout]\nname = mine\nkind = flyer\n\n[page]\nsize = A5\n"
                               "margin = 12\n");
  g_autofree char *copy = roneo_test_write_file (dir, "t.md", "# Tous dehors\n\nSamedi.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", copy, "-l", layout, "-o", out, "--date", DATE);
  assert_refused (&run, 2, "mine.ini:7: length '12' has no unit (write 12mm)", out);

  g_autofree char *over = roneo_test_write_file (dir, "over.md",
                                                 "---\ntitle: Dehors\npage.margin: 12\n---\n"
                                                 "# Tous dehors\n\nSamedi.\n");
  g_auto (RoneoTestRun) front;
  RONEO_TEST_RUN (&front, dir, "flyer", over, "-o", out, "--date", DATE);
  assert_refused (&front, 2, "over.md:3: length '12' has no unit (write 12mm)", out);

  g_autofree char *size
      = roneo_test_write_file (dir, "size.md", "---\nbody.size: 10.5\n---\n# Dehors\n\nOui.\n");
  g_auto (RoneoTestRun) type;
  RONEO_TEST_RUN (&type, dir, "check", size);
  assert_refused (&type, 2, "size.md:2: length '10.5' has no unit (write 10.5pt)", NULL);
  roneo_test_rm_rf (dir);
}

/* With its unit the size means what it always meant: 3 m x 90 cm on 54
 * A4 sheets, the same banner however it is written. */
static void
test_size_with_unit (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *slogan = roneo_test_write_file (dir, "slogan.txt", "TOUS DEHORS\n");
  const char *const sizes[] = { "3000x900mm", "300x90cm", "3 x 0.9 m" };
  g_autofree char *first_dump = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/b%u.pdf", dir, i);
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, "banner", slogan, "--size", sizes[i], "-o", out, "--dump",
                      "--date", DATE);
      roneo_test_assert_exit (&run, 0);
      roneo_test_assert_contains (run.err, "roneo: banner 300 x 90 cm on 54 A4 sheets in 4 rows");
      if (first_dump == NULL)
        first_dump = g_strdup (run.out);
      else
        g_assert_cmpstr (run.out, ==, first_dump);
      g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
      g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 55); /* cover + 54 tiles */
    }
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- CSV */

static const char template_md[] = "---\nlayout: a6-card\nlang: fr\n---\n"
                                  "# Rassemblement\n\nÀ {ville}, {date} : {lieu}.\n";

/* A French spreadsheet's CSV: ';', CRLF, a BOM, columns in capitals with
 * accents and blanks; "Rodez 2501" and "12345" printed as typed. */
static void
test_csv_semicolons (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *tract = roneo_test_write_file (dir, "invite.md", template_md);
  g_autofree char *csv = roneo_test_write_file (
      dir, "semi.csv",
      "\xef\xbb\xbf Ville ;Date;Lieu\r\n"
      "Rodez 2501;jeudi 6;salle 12345\r\nAlbi;vendredi 7;\"place; haute\"\r\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", tract, "--data", csv, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "2 copies");
  g_autofree char *text = roneo_test_pdf_text (out);
  roneo_test_assert_contains (text, "Rodez 2501");
  roneo_test_assert_contains (text, "salle 12345");
  roneo_test_assert_contains (text, "Albi, vendredi 7");
  /* poppler gives U+202F back as a space */
  g_assert_null (strstr (text, "2 501"));
  g_assert_null (strstr (text, "12 345"));
  roneo_test_rm_rf (dir);
}

static void
test_csv_tabs_and_field (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *tract = roneo_test_write_file (dir, "invite.md", template_md);
  g_autofree char *tsv
      = roneo_test_write_file (dir, "tab.csv", "VILLE\tdate\tlieu\nCastres 81100\t8 mai\tmairie\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", tract, "--data", tsv, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *text = roneo_test_pdf_text (out);
  roneo_test_assert_contains (text, "Castres 81100");
  /* --field names match the same way, and their values are kept as typed */
  g_autofree char *flyer = g_build_filename (dir, "flyer.pdf", NULL);
  g_auto (RoneoTestRun) field;
  RONEO_TEST_RUN (&field, dir, "flyer", tract, "--field", "Ville=Rodez 12501", "--field",
                  "DATE=1er mai", "--field", "Lieu=place", "-o", flyer, "--date", DATE);
  roneo_test_assert_exit (&field, 0);
  g_autofree char *filled = roneo_test_pdf_text (flyer);
  roneo_test_assert_contains (filled, "Rodez 12501");
  roneo_test_rm_rf (dir);
}

static void
test_csv_windows_1252 (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *tract = roneo_test_write_file (dir, "invite.md", template_md);
  g_autofree char *csv
      = roneo_test_write_file (dir, "villes.csv",
                               "ville;date;lieu\r\nAlbi;6 mai;mairie\r\nB\xe9ziers;7 mai;"
                               "place\r\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", tract, "--data", csv, "-o", out, "--date", DATE);
  assert_refused (&run, 2,
                  "villes.csv:3: not UTF-8: the file looks like Windows-1252 (as Excel saves "
                  "CSV); save it as 'CSV UTF-8'",
                  out);
  g_autofree char *binary
      = roneo_test_write_file (dir, "bin.csv", "ville;date;lieu\n\x01\x9d;x;y\n");
  g_auto (RoneoTestRun) other;
  RONEO_TEST_RUN (&other, dir, "batch", tract, "--data", binary, "-o", out, "--date", DATE);
  assert_refused (&other, 2, "bin.csv:2: not UTF-8 text (save the file as UTF-8)", out);
  roneo_test_rm_rf (dir);
}

/* A column that is really missing is still named, with the file's columns. */
static void
test_csv_unknown_column (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *tract = roneo_test_write_file (dir, "invite.md", template_md);
  g_autofree char *csv
      = roneo_test_write_file (dir, "semi.csv", "ville;date;heure\nAlbi;6 mai;9 h\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", tract, "--data", csv, "-o", out, "--date", DATE);
  assert_refused (&run, 2,
                  "the field {lieu} is not a column of semi.csv (columns: ville, date, "
                  "heure)",
                  out);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- lang */

static void
test_lang_front_matter (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (
      dir, "t.md", "---\ntitle: Dehors\nlang: français\n---\n# Tous dehors\n\nOui.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", copy, "-o", out, "--date", DATE);
  assert_refused (
      &run, 2, "t.md:3:7: unknown language 'français' (use a language tag: " KNOWN_LANGS ")", out);
  g_autofree char *slogan = roneo_test_write_file (dir, "s.txt", "---\nlang: deutsch\n---\nNEIN\n");
  g_auto (RoneoTestRun) banner;
  RONEO_TEST_RUN (&banner, dir, "banner", slogan, "-o", out, "--date", DATE);
  assert_refused (&banner, 2, "s.txt:2:7: unknown language 'deutsch'", out);
  roneo_test_rm_rf (dir);
}

/* A known tag in any case gets its language's rules: guillemets in French,
 * none of the space before '?' in Québec. */
static void
test_lang_tags (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *fr = roneo_test_write_file (dir, "fr.md",
                                               "---\nlang: FR_be\n---\n# Dehors\n\n"
                                               "Il a dit \"non\" ?\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", fr, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *text = roneo_test_pdf_text (out);
  /* poppler gives U+202F back as a space */
  roneo_test_assert_contains (text, "\u00AB non \u00BB ?");
  g_auto (RoneoTestRun) quebec;
  RONEO_TEST_RUN (&quebec, dir, "flyer", fr, "--lang", "fr-ca", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&quebec, 0);
  g_autofree char *text_ca = roneo_test_pdf_text (out);
  roneo_test_assert_contains (text_ca, "\u00AB non \u00BB?");
  roneo_test_rm_rf (dir);
}

/* --lang outside the table is a usage error for every subcommand. */
static void
test_lang_option (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-values-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "t.md", "# Tous dehors\n\nOui.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  const char *const commands[] = { "flyer", "check", "banner", "batch" };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (RoneoTestRun) run;
      if (g_str_equal (commands[i], "check"))
        RONEO_TEST_RUN (&run, dir, commands[i], copy, "--lang", "fr-XX");
      else
        RONEO_TEST_RUN (&run, dir, commands[i], copy, "--lang", "fr-XX", "-o", out, "--date", DATE);
      assert_refused (
          &run, 1, "roneo: --lang: unknown language 'fr-XX' (use a language tag: " KNOWN_LANGS ")",
          out);
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
  for (guint i = 0; i < G_N_ELEMENTS (bare_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/units/bare/", bare_cases[i].name, NULL);
      roneo_test_add_isolated (path, test_bare_option, &bare_cases[i]);
    }
  roneo_test_add_isolated_func ("/units/bare-zero", test_bare_zero);
  roneo_test_add_isolated_func ("/units/layout-and-front-matter", test_bare_in_files);
  roneo_test_add_isolated_func ("/units/size-with-unit", test_size_with_unit);
  roneo_test_add_isolated_func ("/csv/semicolons", test_csv_semicolons);
  roneo_test_add_isolated_func ("/csv/tabs-and-field", test_csv_tabs_and_field);
  roneo_test_add_isolated_func ("/csv/windows-1252", test_csv_windows_1252);
  roneo_test_add_isolated_func ("/csv/unknown-column", test_csv_unknown_column);
  roneo_test_add_isolated_func ("/lang/front-matter", test_lang_front_matter);
  roneo_test_add_isolated_func ("/lang/tags", test_lang_tags);
  roneo_test_add_isolated_func ("/lang/option", test_lang_option);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
