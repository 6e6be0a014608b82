/* test-cli-crashes.c: the inputs that made roneo read freed memory or write
 * past a buffer (issue 7, item 1), run as a user runs them.
 *
 * Each case runs the built roneo (its path is the first argument) on a copy
 * of tests/cases in a fresh folder and checks what the user sees: exit 0,
 * the summary on stderr, every word of the copy in the PDF's text layer, on
 * every copy of a batch, and the lines of a justified paragraph as they
 * were broken (each but the last ends on the measure: no line wrapped a
 * second time into a short one). Under the sanitizers (G_SLICE=always-malloc
 * from tests/meson.build) a memory error fails the run itself.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#define DATE "2026-03-01"
#define A5_FLYER_MARGIN (12 * 72 / 25.4) /* pt, layouts/a5-flyer.ini */

static const char *source_root;

static char *
case_path (const char *name)
{
  const char *cases = g_getenv ("RONEO_TEST_CASES");
  return cases != NULL ? g_build_filename (cases, name, NULL)
                       : g_build_filename (source_root, "tests", "cases", name, NULL);
}

/* ---------------------------------------------------------------- words */

/* Runs of letters and digits, case-folded and NFKC (ligatures), added to set. */
static void
add_words (GHashTable *set, const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc, -1);
  GString *word = g_string_new (NULL);
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_hash_table_add (set, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}

/* The copy's words: front matter and footnote labels ("[^a]", "[^a]:") out. */
static GHashTable *
copy_words (const char *copy)
{
  const char *body = copy;
  if (g_str_has_prefix (copy, "---\n") && strstr (copy + 4, "\n---\n") != NULL)
    body = strstr (copy + 4, "\n---\n") + 5;
  g_autoptr (GRegex) label = g_regex_new ("\\[\\^[^\\]]*\\]:?", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (label, body, -1, 0, " ", 0, NULL);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_words (set, plain);
  return set;
}

/* The words of a page's text layer, as set and with the line-end hyphens
 * joined ("ser-\nveur"), and with a note call split from its word
 * ("vendre1"). */
static GHashTable *
page_words (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GRegex) hyphen = g_regex_new ("(-|\u00AD|\u2010)[ \t]*\r?\n", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (hyphen, text, -1, 0, "", 0, NULL);
  g_autoptr (GRegex) call = g_regex_new ("(\\pL)(\\d)", 0, 0, NULL);
  g_autofree char *calls = g_regex_replace (call, joined, -1, 0, "\\1 \\2", 0, NULL);
  add_words (set, text);
  add_words (set, joined);
  add_words (set, calls);
  return set;
}

/* Every word of the copy is on the page. */
static void
assert_words_on_page (const char *copy, PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autoptr (GHashTable) expected = copy_words (copy);
  g_autoptr (GHashTable) found = page_words (text);
  GHashTableIter iter;
  gpointer word;
  g_autoptr (GString) missing = g_string_new (NULL);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (!g_hash_table_contains (found, word))
      g_string_append_printf (missing, " '%s'", (const char *) word);
  if (missing->len > 0)
    g_error ("page %d: words of the copy missing:%s\ntext layer:\n%s", index + 1, missing->str,
             text);
}

/* ---------------------------------------------------------------- lines */

typedef struct
{
  char *text;
  double right; /* pt: where its last visible character ends */
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->text);
}

/* The text lines of page index, top to bottom, with where each ends. */
static GArray *
page_lines (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n = 0;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (lines, line_clear);
  const char *start = text, *p = text;
  double right = 0;
  for (guint k = 0; k <= n && p != NULL; k++)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : '\n';
      if (c == '\n')
        {
          Line line = { g_strndup (start, p - start), right };
          g_array_append_val (lines, line);
          if (*p == '\0')
            break;
          start = g_utf8_next_char (p);
          right = 0;
        }
      else if (!g_unichar_isspace (c) && k < n)
        right = MAX (right, rects[k].x2);
      p = g_utf8_next_char (p);
    }
  g_free (rects);
  return lines;
}

/* The justified paragraph set in lines [first, first + count) of page 1,
 * the last lines of the page, came out as broken: that many lines, each but
 * the last ending on the measure (the right margin of a5-flyer, 12 mm,
 * within 0.3 pt); a line wrapped a second time would leave a short line
 * inside the paragraph and one line more. */
static void
assert_justified_lines (PopplerDocument *doc, guint first, guint count)
{
  g_autoptr (GArray) lines = page_lines (doc, 0);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  double width = 0, height = 0;
  poppler_page_get_size (page, &width, &height);
  const double measure = width - A5_FLYER_MARGIN;
  /* the imprint of a French copy closes the page; it is not the paragraph */
  if (lines->len > 0 && g_str_has_prefix (g_array_index (lines, Line, lines->len - 1).text, "IPNS"))
    g_array_set_size (lines, lines->len - 1);
  for (guint i = first; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gboolean last = i + 1 == lines->len;
      if ((!last && fabs (line->right - measure) > 0.3) || line->right > measure + 0.3)
        g_error ("line %u '%s' ends at %.2f pt, the measure at %.2f pt", i + 1, line->text,
                 line->right, measure);
    }
  g_assert_cmpuint (lines->len, ==, first + count);
}

/* ---------------------------------------------------------------- cases */

typedef struct
{
  const char *file;
  guint first_line; /* the justified paragraph, on page 1; count 0: no check */
  guint line_count;
} FlyerCrash;

/* roneo flyer on the case: exit 0, a PDF with every word of the copy, the
 * paragraph's lines as broken. */
static void
test_flyer (gconstpointer data)
{
  const FlyerCrash *fc = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-crash-XXXXXX");
  g_autofree char *input = case_path (fc->file);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *copy = roneo_test_read_file (input);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  assert_words_on_page (copy, doc, 0);
  if (fc->line_count > 0)
    assert_justified_lines (doc, fc->first_line, fc->line_count);
  roneo_test_assert_no_temporaries (out);
  roneo_test_rm_rf (dir);
}

/* roneo batch --copies N: exit 0 with the summary (which a crash at the end
 * never printed), and every copy on every sheet carries all the words. */
static void
run_copies (const char *file, const char *copies, int pages, const char *summary)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-crash-XXXXXX");
  g_autofree char *input = case_path (file);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", input, "--copies", copies, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, summary);
  g_autofree char *copy = roneo_test_read_file (input);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages);
  for (int i = 0; i < pages; i++)
    assert_words_on_page (copy, doc, i);
  roneo_test_assert_no_temporaries (out);
  roneo_test_rm_rf (dir);
}

/* The input as reported (its empty 'lang:' and 'author:' are as if not
 * given): the summary is printed and both copies are whole. */
static void
test_batch_copies_crash (void)
{
  run_copies ("crash-batch-copies-uaf-segv.md", "2", 2, "2 copies on 2 sheets");
}

/* Every batch of copies freed the pages under the writer: an everyday
 * tract, three copies 2-up, shows it as well. */
static void
test_batch_copies_tract (void)
{
  run_copies ("tract-pompe-a-fric.md", "3", 2, "3 copies on 2 sheets");
}

/* A paragraph separator (U+2029) inside a paragraph is a forced break: the
 * text after it starts a line, and the paragraph keeps all its words. */
static void
test_separators (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-crash-XXXXXX");
  g_autofree char *input = case_path ("separators-justified.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *copy = roneo_test_read_file (input);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  assert_words_on_page (copy, doc, 0);
  g_autoptr (GArray) lines = page_lines (doc, 0);
  guint starts = 0;
  for (guint i = 0; i < lines->len; i++)
    starts += g_str_has_prefix (g_array_index (lines, Line, i).text, "continue après");
  g_assert_cmpuint (starts, ==, 3);
  roneo_test_rm_rf (dir);
}

/* A row that cannot be set is named by its first value, shortened when
 * long: a short one ("Albi") was read past its end (found by fuzz-batch). */
static void
test_batch_row_error (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-crash-XXXXXX");
  g_autofree char *input = case_path ("tract-modele.md");
  g_autofree char *csv = g_build_filename (dir, "villes.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr (GString) rows = g_string_new ("ville,date,heure,lieu\nAlbi,jeudi,14 h,");
  for (int i = 0; i < 3000; i++)
    g_string_append (rows, " place");
  g_string_append_c (rows, '\n');
  g_assert_true (g_file_set_contents (csv, rows->str, rows->len, NULL));
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", input, "--data", csv, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 4);
  roneo_test_assert_contains (run.err, "villes.csv:2: row 1 (Albi)");
  roneo_test_assert_left_only (dir, (const char *const[]){ "villes.csv", NULL });
  roneo_test_rm_rf (dir);
}

static const FlyerCrash flyer_crashes[] = {
  { "crash-tabs-justified-overflow.md", 1, 2 }, /* after the headline "Titre" */
  { "crash-flyer-tabs-ellipsis.md", 0, 3 },
  { "crash-flyer-note-call.md", 0, 0 },
  { "crash-batch-copies-uaf-segv.md", 0, 0 },
};

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  source_root = roneo_test_source_root ();
  roneo_test_isolation_init ();
  for (guint i = 0; i < G_N_ELEMENTS (flyer_crashes); i++)
    {
      g_autofree char *path = g_strconcat ("/crashes/flyer/", flyer_crashes[i].file, NULL);
      roneo_test_add_isolated (path, test_flyer, &flyer_crashes[i]);
    }
  roneo_test_add_isolated_func ("/crashes/flyer/separators", test_separators);
  roneo_test_add_isolated_func ("/crashes/batch/copies-crash", test_batch_copies_crash);
  roneo_test_add_isolated_func ("/crashes/batch/copies-tract", test_batch_copies_tract);
  roneo_test_add_isolated_func ("/crashes/batch/row-error", test_batch_row_error);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
