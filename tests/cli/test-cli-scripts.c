/* The cli-scripts suite: scripts the Latin faces lack (issue 13, item 9) are
 * drawn by the Noto face that matches the Roneo family (Noto Naskh Arabic
 * beside Linux Libertine, Noto Sans Arabic beside Inter...), never by DejaVu,
 * with no font warning even with --strict, and at the size of the Latin face:
 * on the rendered page of tests/cases/multilingual.md the Arabic alef stands
 * as high as Libertine's ascender, 0.698 / 0.431 = 1.62 times its x-height
 * (fonts/fonts.conf; DejaVu Sans's alef made 1.76, Noto scaled by x-height
 * alone 1.25). A justified Arabic paragraph starts every line on the right
 * edge the French lines end on. */
#include "roneo-test-cli.h"

#include <math.h>
#include <string.h>

#define DATE "2026-03-01"
/* px per pt: Libertine's x-height at 11.5 pt is about 30 px */
#define SCALE 6.0
/* Linux Libertine O: the top of d over the top of x (ink at 1000 pt) */
#define ALEF_OVER_X (0.698 / 0.431)

/* The embedded fonts' names (subset tag stripped: "NotoNaskhArabic-Regular"), each on a line of its
 * own. Owned. */
static char *
font_names (const char *pdf)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  roneo_test_assert_fonts_embedded (doc);
  GString *names = g_string_new ("\n");
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter))
    {
      if (iter == NULL)
        continue;
      do
        g_string_append_printf (names, "%s\n", poppler_fonts_iter_get_name (iter));
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_object_unref (info);
  return g_string_free (names, FALSE);
}

/* `roneo flyer --strict` on copy: exit 0, not a word about fonts. Owned: the PDF path. */
static char *
flyer_strict (const char *dir, const char *input)
{
  char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", pdf, "--date", DATE, "--strict");
  roneo_test_assert_exit (&run, 0);
  g_assert_null (strstr (run.err, "font"));
  return pdf;
}

/* How many ink pixels row y has between columns x1 and x2 (px). */
static int
row_ink (cairo_surface_t *surface, int y, int x1, int x2)
{
  const unsigned char *row = cairo_image_surface_get_data (surface)
                             + (gsize) y * cairo_image_surface_get_stride (surface);
  int count = 0;
  for (int x = MAX (x1, 0); x <= x2 && x < cairo_image_surface_get_width (surface); x++)
    count += roneo_test_is_ink (row + 4 * x);
  return count;
}

/* A character of the page and its box, in pt from the top left. */
typedef struct
{
  gunichar c;
  PopplerRectangle box;
} PageChar;

/* The characters of page with their boxes. poppler's page text wraps each
 * right-to-left character in an embedding (U+202B ... U+202C) that its
 * layout has no box for: those are left out. */
static GArray *
page_chars (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (PageChar));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x202a && c <= 0x202e)
        continue;
      g_assert_cmpuint (chars->len, <, n_rects);
      PageChar one = { c, rects[chars->len] };
      g_array_append_val (chars, one);
    }
  g_assert_cmpuint (chars->len, ==, n_rects);
  g_free (rects);
  return chars;
}

static int
px (double pt)
{
  return (int) (pt * SCALE + 0.5);
}

/* The Arabic letters' boxes of the line with the most of them (the body
 * paragraph, not its one-word subhead), merged, in pt from the top left. */
static PopplerRectangle
arabic_line (GArray *chars)
{
  g_autoptr (GHashTable) lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  int best_line = -1;
  guint best = 0;
  for (guint i = 0; i < chars->len; i++)
    {
      const PageChar *one = &g_array_index (chars, PageChar, i);
      if (g_unichar_get_script (one->c) != G_UNICODE_SCRIPT_ARABIC)
        continue;
      int line = (int) one->box.y2; /* the boxes of a line share their bottom */
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (lines, GINT_TO_POINTER (line))) + 1;
      g_hash_table_insert (lines, GINT_TO_POINTER (line), GUINT_TO_POINTER (count));
      if (count > best)
        best = count, best_line = line;
    }
  g_assert_cmpuint (best, >, 20);
  PopplerRectangle box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  for (guint i = 0; i < chars->len; i++)
    {
      const PageChar *one = &g_array_index (chars, PageChar, i);
      if (g_unichar_get_script (one->c) != G_UNICODE_SCRIPT_ARABIC
          || (int) one->box.y2 != best_line)
        continue;
      box.x1 = MIN (box.x1, one->box.x1), box.y1 = MIN (box.y1, one->box.y1);
      box.x2 = MAX (box.x2, one->box.x2), box.y2 = MAX (box.y2, one->box.y2);
    }
  return box;
}

/* The alef's height in px: from the first ink row of the line's run of ink
 * rows (alef and lam are its tallest letters) down to the baseline, the last
 * row of the connecting stroke (the last row with half the densest row's
 * ink: Arabic letters join on the baseline). */
static int
alef_height (cairo_surface_t *surface, PopplerRectangle box)
{
  int x1 = px (box.x1), x2 = px (box.x2), densest = px (box.y1), most = 0;
  for (int y = px (box.y1); y <= px (box.y2); y++)
    if (row_ink (surface, y, x1, x2) > most)
      most = row_ink (surface, y, x1, x2), densest = y;
  int top = densest, baseline = densest;
  while (top > 0 && row_ink (surface, top - 1, x1, x2) > 0)
    top--;
  while (row_ink (surface, baseline + 1, x1, x2) >= most / 2)
    baseline++;
  return baseline - top + 1;
}

/* The x-height in px of the Latin line that starts with latin: the ink of
 * its letters n (middle of their boxes: no neighbour's ink), top to bottom. */
static int
x_height (GArray *chars, cairo_surface_t *surface, const char *latin)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (text, g_array_index (chars, PageChar, i).c);
  const char *start = strstr (text->str, latin);
  g_assert_nonnull (start);
  guint first = g_utf8_pointer_to_offset (text->str, start);
  int top = G_MAXINT, bottom = -1;
  for (guint i = first; i < first + g_utf8_strlen (latin, -1); i++)
    {
      const PageChar *one = &g_array_index (chars, PageChar, i);
      if (one->c != 'n')
        continue;
      double third = (one->box.x2 - one->box.x1) / 3;
      int x1 = px (one->box.x1 + third), x2 = px (one->box.x2 - third);
      for (int y = px (one->box.y1); y <= px (one->box.y2); y++)
        if (row_ink (surface, y, x1, x2) > 0)
          top = MIN (top, y), bottom = MAX (bottom, y);
    }
  g_assert_cmpint (bottom, >, top);
  return bottom - top + 1;
}

/* Arabic in a Libertine body and Inter subheads: Noto Naskh Arabic and Noto
 * Sans Arabic Bold, no DejaVu, the alef as high as Libertine's d. */
static void
test_arabic (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-scripts-XXXXXX");
  g_autofree char *input = roneo_test_corpus ("multilingual.md");
  g_autofree char *pdf = flyer_strict (dir, input);
  g_autofree char *fonts = font_names (pdf);
  roneo_test_assert_contains (fonts, "\nNotoNaskhArabic-Regular\n");
  roneo_test_assert_contains (fonts, "\nNotoSansArabic-Bold\n");
  g_assert_null (strstr (fonts, "DejaVu"));

  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  g_autoptr (GArray) chars = page_chars (page);
  cairo_surface_t *surface = roneo_test_rasterise (doc, 0, SCALE);
  int alef = alef_height (surface, arabic_line (chars));
  int x = x_height (chars, surface, "Nos données ne sont pas à vendre.");
  cairo_surface_destroy (surface);
  g_printerr ("# alef %d px, x-height %d px: %.3f (want %.3f)\n", alef, x, (double) alef / x,
              ALEF_OVER_X);
  g_assert_cmpfloat ((double) alef / x, >=, 0.85 * ALEF_OVER_X);
  g_assert_cmpfloat ((double) alef / x, <=, 1.15 * ALEF_OVER_X);
  roneo_test_rm_rf (dir);
}

/* The left and right edges of the Arabic letters' boxes of each line with
 * more than 20 of them, and of the Latin ones, in pt. */
typedef struct
{
  double arabic_left[8], arabic_right[8];
  guint arabic_lines;
  double latin_right; /* the rightmost Latin box after the Arabic lines (the French
                       * paragraph, not the headline): a justified line's end */
} Edges;

static void
line_edges (GArray *chars, Edges *edges)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < chars->len; i++)
    {
      const PageChar *one = &g_array_index (chars, PageChar, i);
      gpointer line = GINT_TO_POINTER ((int) one->box.y2);
      if (g_unichar_get_script (one->c) == G_UNICODE_SCRIPT_ARABIC)
        g_hash_table_insert (
            counts, line,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line)) + 1));
    }
  *edges = (Edges){ .latin_right = 0 };
  int previous = -1;
  for (guint i = 0; i < chars->len; i++)
    {
      const PageChar *one = &g_array_index (chars, PageChar, i);
      int line = (int) one->box.y2;
      if (g_unichar_get_script (one->c) == G_UNICODE_SCRIPT_LATIN && edges->arabic_lines > 0)
        edges->latin_right = MAX (edges->latin_right, one->box.x2);
      if (g_unichar_get_script (one->c) != G_UNICODE_SCRIPT_ARABIC
          || GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (line))) <= 20)
        continue;
      if (line != previous)
        {
          g_assert_cmpuint (edges->arabic_lines, <, G_N_ELEMENTS (edges->arabic_left));
          guint j = edges->arabic_lines++;
          edges->arabic_left[j] = G_MAXDOUBLE;
          edges->arabic_right[j] = 0;
          previous = line;
        }
      guint j = edges->arabic_lines - 1;
      edges->arabic_left[j] = MIN (edges->arabic_left[j], one->box.x1);
      edges->arabic_right[j] = MAX (edges->arabic_right[j], one->box.x2);
    }
}

/* A justified Arabic paragraph of four lines beside a French one, in a
 * layout whose glyphs expand: every Arabic line starts on the right edge
 * the French lines end on, the last one too (an expanded line is drawn
 * scaled around its left end, which moved a right-to-left one off its
 * edge: right-to-left lines are not expanded), and the full ones end on
 * the left edge. */
static void
test_arabic_justified (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-scripts-XXXXXX");
  GString *copy = g_string_new ("---\nlayout: a5-flyer\nlang: fr\n---\n# Nos données\n\n"
                                "## العربية\n\n");
  for (int i = 0; i < 4; i++)
    g_string_append (copy, "بياناتنا ليست للبيع. نريد مكاتب مفتوحة وأشخاصا يستقبلوننا. ");
  g_string_append (copy, "\n\nUn paragraphe en français, assez long pour tenir sur plusieurs "
                         "lignes justifiées, avec des affiches et des tracts pour voir.\n");
  g_autofree char *text = g_string_free (copy, FALSE);
  g_autofree char *input = roneo_test_write_file (dir, "copy.md", text);
  g_autofree char *pdf = flyer_strict (dir, input);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  g_autoptr (GArray) chars = page_chars (page);
  Edges edges;
  line_edges (chars, &edges);
  g_assert_cmpuint (edges.arabic_lines, >=, 3);
  g_assert_cmpfloat (edges.latin_right, >, 0);
  for (guint j = 0; j < edges.arabic_lines; j++)
    {
      g_printerr ("# Arabic line %u: %.2f to %.2f pt (French lines end at %.2f)\n", j,
                  edges.arabic_left[j], edges.arabic_right[j], edges.latin_right);
      g_assert_cmpfloat (fabs (edges.arabic_right[j] - edges.latin_right), <, 0.6);
      if (j + 1 < edges.arabic_lines)
        g_assert_cmpfloat (fabs (edges.arabic_left[j] - edges.arabic_left[0]), <, 0.6);
    }
  roneo_test_rm_rf (dir);
}

/* Hebrew and Devanagari: Libertine draws its own Hebrew; Inter lacks it
 * (Noto Sans Hebrew Bold for the subhead); Devanagari is Noto Serif beside
 * Libertine, Noto Sans beside Inter. */
static void
test_hebrew_devanagari (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-scripts-XXXXXX");
  g_autofree char *input = roneo_test_write_file (
      dir, "copy.md",
      "---\nlayout: a4-tract\nlang: fr\n---\n# Nos données ne sont pas à vendre\n\n"
      "Nos données ne sont pas à vendre.\n\n## עברית\n\nהנתונים שלנו אינם למכירה.\n\n"
      "## हिन्दी\n\nहमारा डेटा बिक्री के लिए नहीं है।\n");
  g_autofree char *pdf = flyer_strict (dir, input);
  g_autofree char *fonts = font_names (pdf);
  roneo_test_assert_contains (fonts, "\nNotoSansHebrew-Bold\n");
  roneo_test_assert_contains (fonts, "\nNotoSerifDevanagari-Regular\n");
  roneo_test_assert_contains (fonts, "\nNotoSansDevanagari-Bold\n");
  g_assert_null (strstr (fonts, "DejaVu"));
  g_assert_null (strstr (fonts, "NotoSerifHebrew"));
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/scripts/arabic", test_arabic);
  roneo_test_add_isolated_func ("/scripts/arabic-justified", test_arabic_justified);
  roneo_test_add_isolated_func ("/scripts/hebrew-devanagari", test_hebrew_devanagari);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
