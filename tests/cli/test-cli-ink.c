/* The cli-ink suite: issue 13's measure "no two consecutive capital lines
 * whose ink boxes overlap". Every tract of tests/cases is set in each
 * layout (a5-flyer, a4-tract, a6-card, a3-placard, a5-black), every slogan of
 * tests/cases/slogans*.txt as a placard and as a whole banner; the PDF is
 * read back with poppler. Its text layer gives the visual lines (the
 * characters that share a baseline); a line of display type (a font box
 * of 18 pt or more) with no lower-case letter is a capital line. Each such
 * line is drawn alone, as poppler draws a selection of the page's own
 * glyphs, and its ink box is the rows it inks: an accent over a capital
 * counts, and so does a comma or the tail of a Q under the baseline. Two
 * capital lines one under the other must leave at least one uninked row
 * between their ink boxes. A run that refuses its copy (a placard given a
 * tract, a headline that cannot keep the hierarchy) has no page to
 * measure; enough runs must give one. The figures are printed with
 * --verbose. */
#include "roneo-test-cli.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#define DISPLAY_BOX 18.0   /* pt: the font box of display type (a 14-16 pt size) */
#define BASELINE_SLACK 0.5 /* pt: characters this close share a baseline */
#define BLOCK_PITCH 1.6    /* of the box: two lines farther apart are two blocks */
#define MOST_PIXELS 3000.0 /* the longer side of a page as rendered */
#define MOST_SCALE 4.0     /* px per pt: about 0.25 pt a row */
#define SELECT_HEIGHT 0.3  /* of the box, over its bottom: where a line is selected */

typedef struct
{
  double baseline, left, right,
      top;            /* pt, from the text layer's font boxes (baseline: their bottom) */
  double box;         /* pt: the tallest font box of the line */
  double first, last; /* pt: a quarter into the line's leftmost and rightmost characters */
  GString *text;
} TextLine;

static void
text_line_clear (gpointer data)
{
  g_string_free (((TextLine *) data)->text, TRUE);
}

static gint
by_baseline (gconstpointer a, gconstpointer b)
{
  double d = ((const TextLine *) a)->baseline - ((const TextLine *) b)->baseline;
  return d < 0 ? -1 : d > 0;
}

static TextLine *
line_at_baseline (GArray *lines, double baseline)
{
  for (guint i = 0; i < lines->len; i++)
    if (fabs (g_array_index (lines, TextLine, i).baseline - baseline) < BASELINE_SLACK)
      return &g_array_index (lines, TextLine, i);
  TextLine line
      = { baseline, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, 0, 0, 0, g_string_new (NULL) };
  g_array_append_val (lines, line);
  return &g_array_index (lines, TextLine, lines->len - 1);
}

/* The page's visual lines of display type, top to bottom. Owned. */
static GArray *
display_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n = 0;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (TextLine));
  g_array_set_clear_func (lines, text_line_clear);
  if (!poppler_page_get_text_layout (page, &rects, &n))
    return lines;
  const char *p = text;
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || rects[i].y2 - rects[i].y1 < DISPLAY_BOX)
        continue;
      TextLine *line = line_at_baseline (lines, rects[i].y2);
      g_string_append_unichar (line->text, c);
      double quarter = (rects[i].x2 - rects[i].x1) / 4;
      if (rects[i].x1 < line->left)
        line->left = rects[i].x1, line->first = rects[i].x1 + quarter;
      if (rects[i].x2 > line->right)
        line->right = rects[i].x2, line->last = rects[i].x2 - quarter;
      line->top = MIN (line->top, rects[i].y1);
      line->box = MAX (line->box, rects[i].y2 - rects[i].y1);
    }
  g_array_sort (lines, by_baseline);
  return lines;
}

/* Capitals: two capital letters or more, none lower-case. */
static gboolean
is_capital_line (const char *text)
{
  guint capitals = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      capitals += g_unichar_isupper (c);
    }
  return capitals >= 2;
}

/* The rows line inks on its own, drawn as poppler draws it selected, at
 * scale px per pt: *top and *bottom, pt from the page's top. FALSE when it
 * inks nothing. */
static gboolean
line_ink (PopplerPage *page, const TextLine *line, double scale, double *top, double *bottom)
{
  /* The band the line's glyphs can reach: accents above its font box,
   * tails below its baseline. */
  double band_top = line->top - line->box, band_height = 3 * line->box;
  int width = (int) ceil ((line->right - line->left + 2) * scale);
  int height = (int) ceil (band_height * scale);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(line->left - 1), -band_top);
  /* Font boxes of large type overlap the line above: point low in the
   * box, above the baseline (poppler's bottom is the descent). */
  double middle = line->baseline - SELECT_HEIGHT * line->box;
  PopplerRectangle selection = { line->first, middle, line->last, middle };
  PopplerRectangle none = { 0, 0, 0, 0 };
  PopplerColor black = { 0, 0, 0 }, white = { 65535, 65535, 65535 };
  /* Drawn alone only if the selection holds that line and no other. */
  g_autofree char *selected
      = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &selection);
  g_autoptr (GString) letters = g_string_new (NULL);
  for (const char *p = selected; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (letters, g_utf8_get_char (p));
  g_assert_cmpstr (letters->str, ==, line->text->str);
  poppler_page_render_selection (page, cr, &selection, &none, POPPLER_SELECTION_GLYPH, &black,
                                 &white);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int first = -1, last = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (roneo_test_is_ink (data + (gsize) y * stride + 4 * x))
        {
          first = first < 0 ? y : first, last = y;
          break;
        }
  cairo_surface_destroy (image);
  *top = band_top + first / scale;
  *bottom = band_top + (last + 1) / scale;
  return first >= 0;
}

typedef struct
{
  guint pages, pairs, overlaps;
  GString *report; /* the overlapping pairs, one a line */
} Tally;

static void
measure_page (PopplerPage *page, const char *what, Tally *tally)
{
  double width, height;
  poppler_page_get_size (page, &width, &height);
  double scale = MIN (MOST_SCALE, MOST_PIXELS / MAX (width, height));
  g_autoptr (GArray) lines = display_lines (page);
  tally->pages++;
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const TextLine *upper = &g_array_index (lines, TextLine, i);
      const TextLine *lower = &g_array_index (lines, TextLine, i + 1);
      if (!is_capital_line (upper->text->str) || !is_capital_line (lower->text->str)
          || lower->baseline - upper->baseline > BLOCK_PITCH * MAX (upper->box, lower->box))
        continue;
      double upper_top, upper_bottom, lower_top, lower_bottom;
      g_assert_true (line_ink (page, upper, scale, &upper_top, &upper_bottom));
      g_assert_true (line_ink (page, lower, scale, &lower_top, &lower_bottom));
      double gap = lower_top - upper_bottom;
      tally->pairs++;
      g_test_message ("%s: '%s' / '%s': ink gap %.2f pt (%.1f %% of the box)", what,
                      upper->text->str, lower->text->str, gap, 100 * gap / lower->box);
      if (gap <= 0)
        {
          tally->overlaps++;
          g_string_append_printf (tally->report, "%s: '%s' over '%s': %.2f pt\n", what,
                                  upper->text->str, lower->text->str, gap);
        }
    }
}

static void
measure_pdf (const char *pdf, const char *what, Tally *tally)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      measure_page (page, what, tally);
    }
}

/* Sets input with roneo command in layout (and one extra option, or NULL)
 * and measures the PDF; FALSE when roneo refused the copy. */
static gboolean
run_and_measure (const char *dir, const char *what, const char *input, const char *command,
                 const char *layout, const char *extra, Tally *tally)
{
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  if (extra != NULL)
    RONEO_TEST_RUN (&run, dir, command, input, "-l", layout, extra, "-o", pdf, "--force");
  else
    RONEO_TEST_RUN (&run, dir, command, input, "-l", layout, "-o", pdf, "--force");
  if (run.status != 0)
    {
      /* refused, with a message: not a page to measure */
      g_assert_cmpstr (run.err, !=, "");
      g_test_message ("%s: exit %d, not measured", what, run.status);
      return FALSE;
    }
  measure_pdf (pdf, what, tally);
  return TRUE;
}

static void
assert_no_overlap (const Tally *tally, const char *what)
{
  g_test_message ("%s: %u pages, %u pairs of capital lines, %u overlapping", what, tally->pages,
                  tally->pairs, tally->overlaps);
  if (tally->overlaps > 0)
    g_error ("%u of %u pairs of capital lines overlap:\n%s", tally->overlaps, tally->pairs,
             tally->report->str);
}

static gboolean
is_tract (const char *name)
{
  return (g_str_has_suffix (name, ".md") || g_str_equal (name, "tract-plain.txt"))
         && !g_str_has_prefix (name, "crash-");
}

static void
test_tracts (void)
{
  const char *layouts[] = { "a5-flyer", "a4-tract", "a6-card", "a3-placard", "a5-black" };
  g_autofree char *dir = roneo_test_make_tmp_dir ("ink-XXXXXX");
  g_autofree char *cases = roneo_test_corpus ("");
  g_autoptr (GDir) folder = g_dir_open (cases, 0, NULL);
  g_assert_nonnull (folder);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (folder)) != NULL;)
    if (is_tract (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  Tally tally = { 0, 0, 0, g_string_new (NULL) };
  guint set = 0;
  for (guint i = 0; i < names->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
      {
        const char *name = g_ptr_array_index (names, i);
        g_autofree char *input = g_build_filename (cases, name, NULL);
        g_autofree char *what = g_strdup_printf ("%s in %s", name, layouts[l]);
        set += run_and_measure (dir, what, input, "flyer", layouts[l], NULL, &tally);
      }
  g_assert_cmpuint (set, >=, 30);
  g_assert_cmpuint (tally.pairs, >=, 10);
  assert_no_overlap (&tally, "tracts");
  g_string_free (tally.report, TRUE);
  roneo_test_rm_rf (dir);
}

static void
test_slogans (void)
{
  const char *files[]
      = { "slogans.txt", "slogans-phrasing.txt", "slogans-en.txt", "slogans-de.txt" };
  g_autofree char *dir = roneo_test_make_tmp_dir ("ink-XXXXXX");
  Tally tally = { 0, 0, 0, g_string_new (NULL) };
  guint set = 0;
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = roneo_test_corpus (files[f]);
      g_autofree char *text = roneo_test_read_file (path);
      g_auto (GStrv) slogans = g_strsplit (text, "\n", -1);
      for (guint i = 0; slogans[i] != NULL; i++)
        {
          if (slogans[i][0] == '\0')
            continue;
          g_autofree char *copy
              = g_strdup_printf ("---\nimprint: false\n---\n\n# %s\n", slogans[i]);
          g_autofree char *input = roneo_test_write_file (dir, "slogan.md", copy);
          g_autofree char *banner = roneo_test_write_file (dir, "slogan.txt", slogans[i]);
          g_autofree char *placard = g_strdup_printf ("'%s' as a placard", slogans[i]);
          g_autofree char *red = g_strdup_printf ("'%s' as a red banner", slogans[i]);
          g_autofree char *plain = g_strdup_printf ("'%s' as a banner", slogans[i]);
          set += run_and_measure (dir, placard, input, "flyer", "a3-placard", NULL, &tally);
          set += run_and_measure (dir, plain, banner, "banner", "banderole", "--whole", &tally);
          set += run_and_measure (dir, red, banner, "banner", "banderole-rouge", "--whole", &tally);
        }
    }
  g_assert_cmpuint (set, >=, 45);
  g_assert_cmpuint (tally.pairs, >=, 30);
  assert_no_overlap (&tally, "slogans");
  g_string_free (tally.report, TRUE);
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/ink/tracts", test_tracts);
  roneo_test_add_isolated_func ("/ink/slogans", test_slogans);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
