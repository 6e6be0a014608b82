/* The cli-black suite: the night tract (layouts/a5-black.ini, white on
 * black, issue 13 item 6) as its reader and its printer see it. For the
 * tracts of tests/cases: the page is black to the edge, through the bleed
 * the print shop trims; every word of the copy is in the PDF's text layer;
 * every text and rule of the page dump (the headline, the body, the notes,
 * the signature and its rule, the imprint) stands out from what is under
 * it on the rendered page, so that nothing is printed black on black; and
 * no page leaves more than 30 % of its height empty. */
#include "roneo-test-cli.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#define DATE "2026-03-01"
#define SCALE 2.0        /* px per pt: 144 dpi, a 0.5 pt rule is a whole pixel */
#define MIN_CONTRAST 128 /* of 255: the lightest and darkest pixel of an item */
#define MAX_BAND 0.30

static const char *const cases[] = {
  "tract-pompe-a-fric.md", "tract-en.md",   "short-two-lines.md", "tract-recto-verso.md",
  "footnote.md",           "list-quote.md", "long-headline.md",
};

static double
luminance (const unsigned char *pixel) /* BGRx */
{
  return 0.2126 * pixel[2] + 0.7152 * pixel[1] + 0.0722 * pixel[0];
}

static void
assert_black (const unsigned char *pixel, const char *where)
{
  if (pixel[0] > 8 || pixel[1] > 8 || pixel[2] > 8)
    g_error ("%s: the page is %u,%u,%u there, not black", where, pixel[2], pixel[1], pixel[0]);
}

/* The page is black four pixels in from its corners: the background is
 * painted to the edge of the PDF's page, which with a bleed is the bleed. */
static void
assert_black_corners (PopplerDocument *doc, const char *name)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      cairo_surface_t *image = roneo_test_rasterise (doc, p, SCALE);
      const unsigned char *data = cairo_image_surface_get_data (image);
      int stride = cairo_image_surface_get_stride (image);
      int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
      int xs[] = { 4, w - 5 }, ys[] = { 4, h - 5 };
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *where = g_strdup_printf ("%s page %d corner %u", name, p + 1, i + 1);
          assert_black (data + (gsize) ys[i / 2] * stride + 4 * xs[i % 2], where);
        }
      cairo_surface_destroy (image);
    }
}

typedef struct
{
  int page; /* 0-based */
  char *kind, *role;
  double x, y, w, h; /* pt */
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;
  g_free (item->kind);
  g_free (item->role);
}

static double
field (const char *row, const char *key)
{
  const char *at = strstr (row, key);
  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* The texts and rules of the page dump, with their page. */
static GArray *
read_items (const char *dump)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (items, item_clear);
  g_auto (GStrv) rows = g_strsplit (dump, "\n", -1);
  int page = -1;
  for (guint i = 0; rows[i] != NULL; i++)
    {
      if (g_str_has_prefix (rows[i], "page "))
        page++;
      g_auto (GStrv) words = g_strsplit (g_strchug (rows[i]), " ", 3);
      if (g_strv_length (words) < 3
          || (!g_str_equal (words[0], "text") && !g_str_equal (words[0], "rule")))
        continue;
      Item item = { page,
                    g_strdup (words[0]),
                    g_strdup (words[1]),
                    field (rows[i], " x="),
                    field (rows[i], " y="),
                    field (rows[i], " w="),
                    field (rows[i], " h=") };
      g_array_append_val (items, item);
    }
  return items;
}

/* The spread of luminance over the item's box (a rule's: a point either
 * side of it): glyphs or a rule that stand out from what is under them. */
static double
item_contrast (cairo_surface_t *image, const Item *item)
{
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  double pad = g_str_equal (item->kind, "rule") ? 1.5 : 0;
  int x0 = CLAMP ((int) floor (item->x * SCALE), 0, w - 1);
  int x1 = CLAMP ((int) ceil ((item->x + item->w) * SCALE), 0, w - 1);
  int y0 = CLAMP ((int) floor ((item->y - pad) * SCALE), 0, h - 1);
  int y1 = CLAMP ((int) ceil ((item->y + item->h + pad) * SCALE), 0, h - 1);
  double lightest = 0, darkest = 255;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        double l = luminance (data + (gsize) y * stride + 4 * x);
        lightest = MAX (lightest, l), darkest = MIN (darkest, l);
      }
  return lightest - darkest;
}

static void
assert_items_visible (PopplerDocument *doc, const char *dump, const char *name)
{
  g_autoptr (GArray) items = read_items (dump);
  guint roles_seen = 0;
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      cairo_surface_t *image = roneo_test_rasterise (doc, p, SCALE);
      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);
          if (item->page != p)
            continue;
          double contrast = item_contrast (image, item);
          if (contrast < MIN_CONTRAST)
            g_error ("%s page %d: the %s %s at y=%.1f pt stands out by %.0f of 255 only", name,
                     p + 1, item->role, item->kind, item->y, contrast);
          roles_seen++;
        }
      cairo_surface_destroy (image);
    }
  g_assert_cmpuint (roles_seen, ==, items->len);
  g_assert_cmpuint (roles_seen, >=, 3);
}

/* The letters and figures of text, case folded, each run of anything
 * else one space; a word broken at the end of a line (a hyphen or a soft
 * hyphen before the newline) joined again. */
static char *
folded_letters (const char *text)
{
  g_autoptr (GRegex) broken = g_regex_new ("[-\u2010\u00ad]\n", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (broken, text, -1, 0, "", 0, NULL);
  GString *out = g_string_new (NULL);
  for (const char *c = joined; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isalnum (u))
        g_string_append_unichar (out, u);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  g_autofree char *plain = g_string_free (out, FALSE);
  return g_utf8_casefold (plain, -1);
}

/* Every word of the copy (its letters; words with figures are rewritten by
 * the typography rules, 1er as 1ᵉʳ) is in the text layer. */
static void
assert_words_present (const char *copy_path, const char *pdf)
{
  g_autofree char *copy = roneo_test_read_file (copy_path);
  const char *body = g_str_has_prefix (copy, "---\n") ? strstr (copy + 4, "\n---\n") : copy;
  g_assert_nonnull (body);
  g_autofree char *text = roneo_test_pdf_text (pdf);
  g_autofree char *found = folded_letters (text);
  g_autofree char *wanted = folded_letters (body);
  g_auto (GStrv) words = g_strsplit (wanted, " ", -1);
  guint checked = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean figures = FALSE;
      for (const char *c = words[i]; *c != '\0'; c++)
        figures |= g_ascii_isdigit (*c);
      if (words[i][0] == '\0' || figures || g_str_has_prefix (words[i], "segur"))
        continue;
      if (strstr (found, words[i]) == NULL)
        g_error ("%s: the word '%s' is not in the PDF's text:\n%s", copy_path, words[i], text);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
}

static void
assert_bands (PopplerDocument *doc, const char *name)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      double band = 0;
      roneo_test_page_bands (doc, p, 40.0 / 72.0, &band, NULL);
      g_test_message ("%-24s page %d: tallest empty band %4.1f %%", name, p + 1, 100 * band);
      if (band > MAX_BAND)
        g_error ("%s page %d: %.1f %% of the page height is empty", name, p + 1, 100 * band);
    }
}

static void
test_case (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("black-XXXXXX");
  g_autofree char *copy = roneo_test_corpus (name);
  g_autofree char *pdf = g_build_filename (dir, "black.pdf", NULL);
  g_auto (RoneoTestRun) flyer;
  RONEO_TEST_RUN (&flyer, dir, "flyer", copy, "-l", "a5-black", "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&flyer, 0);
  g_auto (RoneoTestRun) check;
  RONEO_TEST_RUN (&check, dir, "check", "--dump", copy, "-l", "a5-black");
  roneo_test_assert_exit (&check, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  assert_black_corners (doc, name);
  assert_items_visible (doc, check.out, name);
  assert_words_present (copy, pdf);
  assert_bands (doc, name);

  g_autofree char *bled = g_build_filename (dir, "bleed.pdf", NULL);
  g_auto (RoneoTestRun) bleed;
  RONEO_TEST_RUN (&bleed, dir, "flyer", copy, "-l", "a5-black", "-o", bled, "--bleed", "3mm",
                  "--date", DATE);
  roneo_test_assert_exit (&bleed, 0);
  g_autoptr (PopplerDocument) bled_doc = roneo_test_open_pdf (bled);
  roneo_test_assert_page_size (bled_doc, 0, 419.53 + 2 * 3 * 72 / 25.4, 595.28 + 2 * 3 * 72 / 25.4);
  assert_black_corners (bled_doc, name);
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/black/%s", cases[i]);
      roneo_test_add_isolated (path, test_case, cases[i]);
    }
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
