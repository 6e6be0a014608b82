/* The cli-placard suite: every slogan of tests/cases (slogans*.txt) of eight
 * words or fewer set as an A3 placard (layouts/a3-placard.ini, stacked
 * lines, issue 13 item 6) and measured as a passer-by sees it: the share of
 * the page height the ink spans, from the rendered page; the capitals'
 * height as `check` prints it with the distance it reads from; each line's
 * width from the page dump. Every stacked line fills the measure (within
 * 2 %) unless the size ratio holds it back, and the slogan takes 2 to 5
 * lines (fewer only where the phrasing says so, below). The issue asks for 55 % of the height and
 * capitals of 40 mm: the slogans whose phrasing does not allow that (the breaks that would give
 * more or shorter lines end a line on an article or a short word, split a
 * negation or a proper name) are listed below with the figures they reach,
 * so that they cannot get worse unnoticed; any other slogan must meet the
 * issue's figures. The figures are printed with --verbose. A placard
 * carries one short line under its slogan (who, where, when: a3-placard's
 * [page] body = line) and refuses a tract's copy, naming the file and the
 * line of the first paragraph too many, rather than set it small. */
#include "roneo-test-cli.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#define PT_PER_MM (72 / 25.4)
#define MARGIN (15 * PT_PER_MM)
#define MEASURE (267 * PT_PER_MM) /* A3 297 mm less 15 mm margins */
#define PAGE_HEIGHT (420 * PT_PER_MM)
#define MAX_WORDS 8
#define WANT_INKED 0.55
#define WANT_CAPS 40.0
#define MAX_RATIO 2.5    /* roneo-fit-stack.c */
#define RASTER_SCALE 0.5 /* px per pt: 36 dpi */

typedef struct
{
  const char *slogan;
  double inked; /* share of the page height, reached with stacking */
  double caps;  /* mm */
  guint lines;  /* the fewest lines it may take */
  const char *why;
} Short;

/* What the phrase rules leave these slogans (figures as of the stacking). */
static const Short phrase_bound[] = {
  { "Des guichets, pas des serveurs !", 0.20, 31, 2, "\"PAS\" alone or \"PAS DES /\": forbidden" },
  { "Humans, not machines", 0.30, 42, 2, "\"NOT\" alone on a line: forbidden" },
  { "Jobs, not bombs", 0.47, 54, 2, "\"NOT\" alone on a line: forbidden" },
  { "Un médecin, pas une appli", 0.27, 43, 2, "\"PAS\" alone or \"PAS UNE /\": forbidden" },
  { "L'hôpital n'est pas une entreprise", 0.45, 37, 3, "\"UNE /\": an article ends no line" },
  { "Nos données ne sont pas à vendre", 0.45, 45, 3, "\"NE SONT / PAS\" splits the negation" },
  { "Rassemblement à L'Isle-Jourdain", 0.19, 34, 2, "\"À\" alone; a town's hyphen holds" },
  { "On se bat parce que c'est juste", 0.21, 26, 2,
    "\"QUE /\", \"C'EST /\": a conjunction or an elided ce ends no line" },
  { "People before profit", 0.32, 42, 2, "\"BEFORE /\": a preposition ends no line" },
  { "Health care is not for sale", 0.55, 38, 3, "\"IS NOT /\": a short word ends no line" },
  { "Krankenhäuser sind keine Fabriken", 0.42, 35, 3,
    "KRANKENHÄUSER is 13 letters wide; \"KEINE /\": an article ends no line" },
  { "Wohnen für die Menschen statt für die Rendite", 0.55, 32, 4,
    "\"FÜR DIE /\": an article ends no line" },
};

static guint
count_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

typedef struct
{
  double y, height, size; /* pt: a headline item of the dump */
  double left, right;     /* pt: its ink on the rendered page */
} Line;

/* The headline items of the dump, top to bottom. */
static GArray *
read_lines (const char *dump)
{
  GArray *found = g_array_new (FALSE, TRUE, sizeof (Line));
  g_auto (GStrv) rows = g_strsplit (dump, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      const char *item = strstr (rows[i], "text headline ");
      if (item == NULL)
        continue;
      Line line = { g_ascii_strtod (strstr (item, " y=") + 3, NULL),
                    g_ascii_strtod (strstr (item, " h=") + 3, NULL),
                    g_ascii_strtod (strstr (item, " size=") + 6, NULL), G_MAXDOUBLE, -1 };
      g_array_append_val (found, line);
    }
  return found;
}

/* Each line's ink extent across the page, from the rows from its item's
 * top to the next one's, and the share of the page height between the
 * first and the last inked row. */
static double
measure_page (const char *pdf, GArray *lines)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr (PopplerDocument) doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (doc);
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, RASTER_SCALE);
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int first = -1, last = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (!roneo_test_is_ink (data + (gsize) y * stride + 4 * x))
          continue;
        first = first < 0 ? y : first, last = y;
        double at = (y + 0.5) / RASTER_SCALE;
        for (guint i = 0; i < lines->len; i++)
          {
            Line *line = &g_array_index (lines, Line, i);
            double end = i + 1 < lines->len ? g_array_index (lines, Line, i + 1).y
                                            : line->y + line->height;
            if (at >= line->y && at < end)
              line->left = MIN (line->left, x / RASTER_SCALE),
              line->right = MAX (line->right, (x + 1) / RASTER_SCALE);
          }
      }
  cairo_surface_destroy (image);
  g_assert_cmpint (first, >=, 0);
  return (last - first + 1) / (double) height;
}

static const Short *
find_phrase_bound (const char *slogan)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrase_bound); i++)
    if (strcmp (phrase_bound[i].slogan, slogan) == 0)
      return &phrase_bound[i];
  return NULL;
}

/* Every line's ink fills the measure unless the ratio to the smallest
 * holds it back. */
static void
assert_lines_fill (const char *slogan, GArray *lines)
{
  double smallest = G_MAXDOUBLE;
  for (guint i = 0; i < lines->len; i++)
    smallest = MIN (smallest, g_array_index (lines, Line, i).size);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      double inked = line->right - line->left;
      gboolean ratio_bound = line->size >= smallest * MAX_RATIO - 0.1;
      if (!ratio_bound && fabs (inked - MEASURE) > MEASURE * 0.02)
        g_error ("'%s': line %u is inked %.1f pt wide on a measure of %.1f pt", slogan, i + 1,
                 inked, MEASURE);
      g_assert_cmpfloat (line->left, >=, MARGIN - 2 / RASTER_SCALE);
      g_assert_cmpfloat (line->right, <=, MARGIN + MEASURE + 2 / RASTER_SCALE);
    }
}

static void
check_slogan (const char *dir, const char *slogan, const char *lang)
{
  g_autofree char *copy
      = g_strdup_printf ("---\nlang: %s\nimprint: false\n---\n\n# %s\n", lang, slogan);
  g_autofree char *input = roneo_test_write_file (dir, "slogan.md", copy);
  g_autofree char *pdf = g_build_filename (dir, "placard.pdf", NULL);
  g_auto (RoneoTestRun) flyer;
  RONEO_TEST_RUN (&flyer, dir, "flyer", input, "-l", "a3-placard", "-o", pdf, "--force");
  roneo_test_assert_exit (&flyer, 0);
  g_auto (RoneoTestRun) check;
  RONEO_TEST_RUN (&check, dir, "check", "--dump", input, "-l", "a3-placard");
  roneo_test_assert_exit (&check, 0);
  const char *said = strstr (check.err, "capitals ");
  g_assert_nonnull (said);
  roneo_test_assert_contains (said, "mm: read from ");
  double caps = g_ascii_strtod (said + strlen ("capitals "), NULL);
  g_autoptr (GArray) lines = read_lines (check.out);
  double inked = measure_page (pdf, lines);
  g_test_message ("%-46s %u lines, inked %4.1f %%, capitals %.0f mm", slogan, lines->len,
                  inked * 100, caps);
  const Short *bound = find_phrase_bound (slogan);
  if (lines->len < (bound ? bound->lines : count_words (slogan) > 1 ? 2 : 1))
    g_error ("'%s': %u lines", slogan, lines->len);
  g_assert_cmpuint (lines->len, <=, 5);
  assert_lines_fill (slogan, lines);
  double want_inked = bound ? MIN (bound->inked, WANT_INKED) : WANT_INKED;
  double want_caps = bound ? MIN (bound->caps, WANT_CAPS) : WANT_CAPS;
  if (inked < want_inked || caps < want_caps)
    g_error ("'%s': inked %.1f %% of the page height, capitals %.0f mm; wanted %.0f %% and "
             "%.0f mm%s%s",
             slogan, inked * 100, caps, want_inked * 100, want_caps, bound ? ": " : "",
             bound ? bound->why : "");
}

static void
test_slogans (void)
{
  /* each in its language: the phrase rules are the language's */
  const char *files[]
      = { "slogans.txt", "slogans-phrasing.txt", "slogans-en.txt", "slogans-de.txt" };
  const char *langs[] = { "fr", "fr", "en", "de" };
  g_autofree char *dir = roneo_test_make_tmp_dir ("placard-XXXXXX");
  guint checked = 0;
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = roneo_test_corpus (files[f]);
      g_autofree char *text = roneo_test_read_file (path);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0' && count_words (lines[i]) <= MAX_WORDS)
          check_slogan (dir, lines[i], langs[f]), checked++;
    }
  g_assert_cmpuint (checked, >=, 15);
  roneo_test_rm_rf (dir);
}

/* roneo flyer on copy with a3-placard: the exit status and stderr; the PDF
 * at pdf when it exits 0. */
static int
run_placard (const char *dir, const char *copy_path, const char *pdf, char **err)
{
  g_auto (RoneoTestRun) flyer;
  RONEO_TEST_RUN (&flyer, dir, "flyer", copy_path, "-l", "a3-placard", "-o", pdf, "--force");
  *err = g_strdup (flyer.err);
  return flyer.status;
}

/* A refused copy: exit 4, the message at file:line, no PDF. */
static void
assert_refused (const char *dir, const char *copy_path, guint line, const char *why)
{
  g_autofree char *pdf = g_build_filename (dir, "refused.pdf", NULL);
  g_autofree char *err = NULL;
  g_assert_cmpint (run_placard (dir, copy_path, pdf, &err), ==, 4);
  g_autofree char *where = g_strdup_printf ("%s:%u: ", copy_path, line);
  roneo_test_assert_contains (err, where);
  roneo_test_assert_contains (err, "a placard carries a slogan; use a4-tract for a text");
  roneo_test_assert_contains (err, why);
  g_assert_null (strstr (err, "--"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A tract's copy is refused at its first paragraph past the one line (the
 * "##" kicker under the headline is that line), a line that wraps is
 * refused, and `check` says the same as `flyer`. */
static void
test_refuses_text (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("placard-XXXXXX");
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  assert_refused (dir, tract, 11, "not this paragraph too");
  g_auto (RoneoTestRun) check;
  RONEO_TEST_RUN (&check, dir, "check", tract, "-l", "a3-placard");
  roneo_test_assert_exit (&check, 4);
  roneo_test_assert_contains (check.err, "a placard carries a slogan");

  g_autofree char *long_line = roneo_test_write_file (
      dir, "long.md",
      "---\nlang: fr\n---\n\n# Un médecin, pas une appli\n\nRassemblement devant "
      "l'hôpital samedi à 10 h, puis cortège jusqu'à la préfecture pour remettre la "
      "pétition des usagers\n");
  assert_refused (dir, long_line, 7, "this paragraph takes 2");
  g_autofree char *list = roneo_test_write_file (
      dir, "list.md", "# Un médecin, pas une appli\n\nSamedi 10 h\n\n- devant l'hôpital\n");
  assert_refused (dir, list, 5, "not this list item too");
  roneo_test_rm_rf (dir);
}

/* The slogan with one line under it (and a signature, which is not
 * counted) is set: the line whole on one line of the page. */
static void
test_allows_a_line (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("placard-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "placard.pdf", NULL);
  g_autofree char *corpus = roneo_test_corpus ("placard.md");
  g_autofree char *example
      = g_build_filename (roneo_test_source_root (), "examples", "pancarte.md", NULL);
  g_autofree char *signed_copy = roneo_test_write_file (
      dir, "signed.md",
      "# Un médecin, pas une appli\n\nSamedi 10 h devant l'hôpital\n\n-- Collectif santé\n");
  const struct
  {
    const char *path, *line;
  } cases[] = {
    { corpus, "Rassemblement devant l\u2019hôpital, samedi 10 h" },
    { example, "Rassemblement devant la CPAM, jeudi à 14 h" },
    { signed_copy, "Samedi 10 h devant l\u2019hôpital" },
    { signed_copy, "Collectif santé" },
  };
  /* the space before "h" is a no-break one, of whichever width */
  g_autoptr (GRegex) no_break = g_regex_new ("[\\x{a0}\\x{202f}]", 0, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = run_placard (dir, cases[i].path, pdf, &err);
      if (status != 0)
        g_error ("%s: exit %d: %s", cases[i].path, status, err);
      g_autofree char *visual = roneo_test_pdf_visual_lines (pdf);
      g_autofree char *text = g_regex_replace_literal (no_break, visual, -1, 0, " ", 0, NULL);
      g_autofree char *line = g_strconcat ("\n", cases[i].line, "\n", NULL);
      if (strstr (text, line) == NULL)
        g_error ("%s: '%s' is not one line of the page:\n%s", cases[i].path, cases[i].line, text);
    }
  /* the slogan in capitals keeps its ordinal small (typo-details.md is a
   * tract, refused here: its headline alone) */
  g_autofree char *ordinal = roneo_test_write_file (
      dir, "ordinal.md", "---\nlang: fr\n---\n\n# Rassemblement le 1er mars\n\nDevant l'hôpital\n");
  g_autofree char *err = NULL;
  g_assert_cmpint (run_placard (dir, ordinal, pdf, &err), ==, 0);
  g_autofree char *text = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (text, "1\u1D49\u02B3 MARS");
  g_assert_null (strstr (text, "1ER"));
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/placard/slogans", test_slogans);
  roneo_test_add_isolated_func ("/placard/refuses-text", test_refuses_text);
  roneo_test_add_isolated_func ("/placard/allows-a-line", test_allows_a_line);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
