/* test-cli-textloss.c: the `cli` cases of "no text lost, ever, with exit 0".
 *
 * A word too wide for a headline or a slogan, a CSV value too long to set,
 * a character no font draws, a control character, a font that draws
 * nothing: each is an error (or a warning that --strict makes one) naming
 * the word, character, line or row, and a failed run writes no PDF.
 * `roneo check` says what `roneo flyer` would. Nested footnotes are set.
 * Every input is written by the test itself.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#define DATE "2026-03-01"
#define LONG_WORD "Donaudampfschifffahrtsgesellschaftskapitänsmütze"

static const char *source_root;

/* Every page's text, the lines joined and Pango's hyphens at a cut dropped. */
static char *
pdf_text (const char *path, gboolean join_cuts)
{
  g_autofree char *all = roneo_test_pdf_text (path);
  if (!join_cuts)
    return g_steal_pointer (&all);
  g_autoptr (GRegex) cut = g_regex_new ("-?\\n", 0, 0, NULL);
  return g_regex_replace_literal (cut, all, -1, 0, "", 0, NULL);
}

/* flyer fails with status and nothing written; check says the same. */
static void
assert_flyer_and_check_fail (const char *dir, const char *input, int status,
                             const char *const *args, const char *const *messages)
{
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) flyer;
  g_auto (RoneoTestRun) check;
  const char *extra = args ? args[0] : NULL;
  if (extra)
    {
      RONEO_TEST_RUN (&flyer, dir, "flyer", input, "-o", out, "--date", DATE, extra);
      RONEO_TEST_RUN (&check, dir, "check", input, extra);
    }
  else
    {
      RONEO_TEST_RUN (&flyer, dir, "flyer", input, "-o", out, "--date", DATE);
      RONEO_TEST_RUN (&check, dir, "check", input);
    }
  roneo_test_assert_exit (&flyer, status);
  roneo_test_assert_exit (&check, status);
  for (guint i = 0; messages[i] != NULL; i++)
    roneo_test_assert_contains (flyer.err, messages[i]);
  g_assert_cmpstr (check.err, ==, flyer.err);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  roneo_test_assert_no_temporaries (dir);
}

/* ------------------------------------------------------- words too wide */

static void
test_headline_word (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input = roneo_test_write_file (
      dir, "card.md", "---\nlayout: a6-card\n---\n\n# " LONG_WORD "\n\nDu texte.\n");
  assert_flyer_and_check_fail (dir, input, 4, NULL,
                               (const char *const[]){ "card.md:5:", "'" LONG_WORD "'", "headline",
                                                      "break-words = true", NULL });
  roneo_test_rm_rf (dir);
}

static void
test_quote_word (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input = roneo_test_write_file (
      dir, "card.md",
      "---\nlayout: a6-card\n---\n\n# Fête\n\nDu texte.\n\n> " LONG_WORD LONG_WORD "\n");
  assert_flyer_and_check_fail (dir, input, 4, NULL,
                               (const char *const[]){ "card.md:9:", "quote", "[quote]", NULL });
  roneo_test_rm_rf (dir);
}

/* With break-words the word is cut across lines, every letter printed,
 * and nothing past the page's right margin. */
static void
test_headline_break_words (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input
      = roneo_test_write_file (dir, "card.md",
                               "---\nlayout: a6-card\nheadline.break-words: true\n---\n\n"
                               "# " LONG_WORD "\n\nDu texte.\n");
  g_autofree char *out = g_build_filename (dir, "card.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *text = pdf_text (out, TRUE);
  g_autofree char *upper = g_utf8_strup (LONG_WORD, -1);
  roneo_test_assert_contains (text, upper);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  double width, height;
  poppler_page_get_size (page, &width, &height);
  PopplerRectangle *boxes = NULL;
  guint n = 0;
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n));
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (boxes[i].x2, <=, width - 8 * 72 / 25.4 + 1);
  g_free (boxes);
  roneo_test_rm_rf (dir);
}

static void
test_slogan_word (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input = roneo_test_write_file (dir, "slogan.txt", "Non à la\n" LONG_WORD "\n");
  g_autofree char *out = g_build_filename (dir, "slogan-tiles.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", input, "--size", "12x30cm", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 4);
  roneo_test_assert_contains (run.err, "slogan.txt:2:");
  roneo_test_assert_contains (run.err, LONG_WORD);
  roneo_test_assert_contains (run.err, "[slogan]");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  roneo_test_assert_no_temporaries (dir);
  roneo_test_rm_rf (dir);
}

/* ------------------------------------------------------------ CSV rows */

static void
test_csv_value_too_long (gconstpointer data)
{
  const char *copy = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input = roneo_test_write_file (dir, "invite.md", copy);
  GString *csv = g_string_new ("ville,date\nRodez,lundi\n");
  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append_c (csv, 'A');
  g_string_append (csv, ",mardi\n");
  g_autofree char *csv_text = g_string_free (csv, FALSE);
  g_autofree char *data_path = roneo_test_write_file (dir, "villes.csv", csv_text);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", input, "--data", data_path, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 4);
  roneo_test_assert_contains (run.err, "villes.csv:3: row 2");
  roneo_test_assert_contains (run.err, "invite.md");
  g_assert_cmpuint (strlen (run.err), <, 1000); /* the value is named, not printed whole */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  roneo_test_assert_no_temporaries (dir);
  roneo_test_rm_rf (dir);
}

/* ------------------------------------------------------------ footnotes */

static void
test_nested_footnote (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input
      = roneo_test_write_file (dir, "notes.md",
                               "# Titre\n\nUn texte avec une note[^a] et une autre[^c].\n\n"
                               "[^a]: La note appelle une autre note[^b].\n"
                               "[^b]: La note imbriquée, qui rappelle la première[^a].\n"
                               "[^c]: La troisième.\n");
  g_autofree char *out = g_build_filename (dir, "notes.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *text = pdf_text (out, FALSE);
  roneo_test_assert_contains (text, "1. La note appelle une autre note3.");
  roneo_test_assert_contains (text, "2. La troisième.");
  roneo_test_assert_contains (text, "3. La note imbriquée, qui rappelle la première1.");
  /* each note once */
  g_assert_null (strstr (strstr (text, "3. La note imbriquée") + 1, "3. La note imbriquée"));
  roneo_test_rm_rf (dir);
}

/* -------------------------------------------------------------- glyphs */

typedef struct
{
  const char *copy;
  const char *const *messages;
} GlyphCase;

/* A warning naming the character and line; --strict: exit 3, no PDF, and
 * check --strict the same. */
static void
test_undrawable (gconstpointer data)
{
  const GlyphCase *gc = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *input = roneo_test_write_file (dir, "copy.md", gc->copy);
  g_autofree char *out = g_build_filename (dir, "copy.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "roneo: warning: ");
  for (guint i = 0; gc->messages[i] != NULL; i++)
    roneo_test_assert_contains (run.err, gc->messages[i]);
  g_assert_cmpint (g_unlink (out), ==, 0);
  assert_flyer_and_check_fail (dir, input, 3, (const char *const[]){ "--strict", NULL },
                               gc->messages);
  roneo_test_rm_rf (dir);
}

static const GlyphCase control_case = {
  "# Titre\n\nUne cloche\a ici.\n",
  (const char *const[]){ "copy.md:3:", "U+0007", "control", NULL },
};

static const GlyphCase no_font_case = {
  "# Titre\n\nDu texte.\n\nUn caractère privé \xf3\xb0\x80\x80 là.\n",
  (const char *const[]){ "copy.md:5:", "U+F0000", "no font", NULL },
};

/* A data folder whose fonts/ holds a copy of DejaVu Sans with its outlines
 * zeroed (the glyph table broken), preferred for Roneo Text. */
static char *
make_broken_font_data (const char *dir)
{
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *fonts = g_build_filename (data, "fonts", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fonts, 0755), ==, 0);
  g_autofree char *layouts = g_build_filename (source_root, "layouts", NULL);
  g_autofree char *link = g_build_filename (data, "layouts", NULL);
  g_assert_cmpint (symlink (layouts, link), ==, 0);
  g_autofree char *conf_path = g_build_filename (source_root, "fonts", "fonts.conf", NULL);
  g_autofree char *conf = NULL;
  g_assert_true (g_file_get_contents (conf_path, &conf, NULL, NULL));
  g_autoptr (GString) edited = g_string_new (conf);
  g_string_replace (edited, "<dir>/usr/share/fonts/truetype/dejavu</dir>", "", 1);
  g_string_replace (edited, "<prefer><family>Linux Libertine O</family></prefer>",
                    "<prefer><family>DejaVu Sans</family></prefer>", 1);
  g_free (roneo_test_write_file (fonts, "fonts.conf", edited->str));
  g_autoptr (GBytes) font
      = roneo_test_read_bytes ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  gsize size = 0;
  const guchar *original = g_bytes_get_data (font, &size);
  g_assert_cmpuint (size, >, 12);
  guchar *bytes = g_memdup2 (original, size);
  /* the table directory: find 'glyf' and zero its data */
  guint tables = bytes[4] << 8 | bytes[5];
  for (guint i = 0; i < tables; i++)
    {
      const guchar *record = bytes + 12 + 16 * i;
      guint32 offset = (guint32) record[8] << 24 | record[9] << 16 | record[10] << 8 | record[11];
      guint32 length = (guint32) record[12] << 24 | record[13] << 16 | record[14] << 8 | record[15];
      if (memcmp (record, "glyf", 4) == 0 && offset + length <= size)
        memset (bytes + offset, 0, length);
    }
  g_autofree char *broken = g_build_filename (fonts, "Broken.ttf", NULL);
  g_assert_true (g_file_set_contents (broken, (const char *) bytes, size, NULL));
  g_free (bytes);
  return g_steal_pointer (&data);
}

static void
test_broken_font (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-textloss-XXXXXX");
  g_autofree char *data = make_broken_font_data (dir);
  g_setenv ("RONEO_DATA_DIR", data, TRUE);
  static const char *const messages[] = { "copy.md:3:", "Broken.ttf", "U+0042 'B'", NULL };
  const GlyphCase broken_case = { "# Titre\n\nBonjour tout le monde.\n", messages };
  test_undrawable (&broken_case);
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  source_root = roneo_test_source_root ();
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/textloss/headline-word", test_headline_word);
  roneo_test_add_isolated_func ("/textloss/quote-word", test_quote_word);
  roneo_test_add_isolated_func ("/textloss/headline-break-words", test_headline_break_words);
  roneo_test_add_isolated_func ("/textloss/slogan-word", test_slogan_word);
  roneo_test_add_isolated ("/textloss/csv-value/headline", test_csv_value_too_long,
                           "---\nlayout: a6-card\n---\n\n# Rendez-vous à {ville}\n\nLe {date}.\n");
  roneo_test_add_isolated ("/textloss/csv-value/body", test_csv_value_too_long,
                           "---\nlayout: a6-card\n---\n\n# Rendez-vous\n\nVenez à {ville} le "
                           "{date}.\n");
  roneo_test_add_isolated_func ("/textloss/nested-footnote", test_nested_footnote);
  roneo_test_add_isolated ("/textloss/glyph/control", test_undrawable, &control_case);
  roneo_test_add_isolated ("/textloss/glyph/no-font", test_undrawable, &no_font_case);
  roneo_test_add_isolated_func ("/textloss/glyph/broken-font", test_broken_font);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
