/* test-banner-cli.c: `roneo banner` as a user runs it.
 *
 * Each case runs the built roneo (the first argument) in a fresh temporary
 * folder with a fixed --date and checks what a user would: the exit code,
 * the message, the PDF read back with poppler (pages, their sizes and
 * orientation, fonts, the cover's text), the manifest read with json-glib
 * and agreeing with the PDF, qpdf --check. A failing run must leave nothing
 * but its input in the folder. The environment comes from tests/meson.build.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#define DATE "2026-03-01"
#define PT_PER_MM (72.0 / 25.4)
#define A4_W 595.28
#define A4_H 841.89
#define A3_W 841.89
#define A3_H 1190.55
#define SLOGAN "banner-service-public.txt"

/* ---------------------------------------------------------------- running */

/* qpdf from PATH, for the structure and the objects of a PDF. */
static const RoneoTestSpawn qpdf = { .program = "qpdf" };

static char *
make_tmp (void)
{
  return roneo_test_make_tmp_dir ("roneo-banner-XXXXXX");
}

/* A folder with a copy of the corpus slogan as slogan.txt. */
static char *
make_case_dir (void)
{
  char *dir = make_tmp ();
  g_autofree char *from = roneo_test_corpus (SLOGAN);
  g_autofree char *to = g_build_filename (dir, "slogan.txt", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (to, text, -1, NULL));
  return dir;
}

static char *
path_in (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* ---------------------------------------------------------------- reading */

static void
page_size (PopplerDocument *doc, int index, double *w, double *h)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_assert_nonnull (page);
  poppler_page_get_size (page, w, h);
}

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  return poppler_page_get_text (page);
}

static void
assert_page_has (PopplerDocument *doc, int index, const char *text)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  GList *found = poppler_page_find_text (page, text);
  if (found == NULL)
    g_error ("'%s' not found on page %d", text, index + 1);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

static void
assert_qpdf_clean (const char *dir, const char *pdf)
{
  g_auto (RoneoTestRun) run;
  roneo_test_run_full (&run, dir, &qpdf, (const char *const[]){ "--check", pdf, NULL });
  if (run.status != 0 || strstr (run.out, "No syntax or stream encoding errors") == NULL)
    g_error ("qpdf --check %s: exit %d\n%s%s", pdf, run.status, run.out, run.err);
}

static JsonParser *
load_json (const char *path)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return parser;
}

static JsonArray *
manifest_sheets (JsonParser *parser)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *sheets = json_object_get_array_member (root, "sheets");
  g_assert_nonnull (sheets);
  return sheets;
}

static void
manifest_banner (JsonParser *parser, double *w, double *h)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *banner = json_object_get_object_member (root, "banner");
  *w = json_object_get_double_member (banner, "width_pt");
  *h = json_object_get_double_member (banner, "height_pt");
}

/* Every manifest sheet is a page of exactly the paper (w x h portrait), in
 * the orientation the manifest says; pages in order from first_page. */
static void
assert_manifest_matches_pdf (JsonParser *manifest, PopplerDocument *doc, int first_page,
                             double paper_w, double paper_h)
{
  JsonArray *sheets = manifest_sheets (manifest);
  guint n = json_array_get_length (sheets);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n + first_page - 1);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);
      int page = (int) json_object_get_int_member (sheet, "page");
      g_assert_cmpint (page, ==, first_page + (int) i);
      JsonArray *size = json_object_get_array_member (sheet, "size_pt");
      double mw = json_array_get_double_element (size, 0),
             mh = json_array_get_double_element (size, 1);
      double w, h;
      page_size (doc, page - 1, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, mw, 0.01);
      g_assert_cmpfloat_with_epsilon (h, mh, 0.01);
      gboolean landscape = mw > mh;
      g_assert_cmpfloat_with_epsilon (w, landscape ? paper_h : paper_w, 0.01);
      g_assert_cmpfloat_with_epsilon (h, landscape ? paper_w : paper_h, 0.01);
      /* each sheet's ID is printed on its waste (searched: poppler's
       * get_text loses the small labels beside a huge glyph) */
      assert_page_has (doc, page - 1, json_object_get_string_member (sheet, "id"));
    }
}

static gsize
file_size (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

/* ------------------------------------------------------ legible marks */

#define LEGIBLE_SCALE (110.0 / 72.0) /* px per pt: the cover preview's 110 dpi */

static gboolean
is_dark (cairo_surface_t *image, int x, int y)
{
  const unsigned char *p = cairo_image_surface_get_data (image)
                           + (gsize) y * cairo_image_surface_get_stride (image) + 4 * x;
  return p[0] + p[1] + p[2] < 3 * 128;
}

/* The share of dark pixels on the ring `by` pt outside a text box (poppler's
 * PDF space, y up from the page's bottom) and whether the box holds any: a
 * legible word is dark glyphs on a light surround. */
static double
ring_ink (cairo_surface_t *image, double page_h, const PopplerRectangle *r, double by,
          gboolean *glyphs)
{
  int x0 = (int) floor ((r->x1 - by) * LEGIBLE_SCALE),
      x1 = (int) ceil ((r->x2 + by) * LEGIBLE_SCALE);
  int y0 = (int) floor ((page_h - r->y2 - by) * LEGIBLE_SCALE);
  int y1 = (int) ceil ((page_h - r->y1 + by) * LEGIBLE_SCALE);
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  x0 = MAX (x0, 0), y0 = MAX (y0, 0), x1 = MIN (x1, w - 1), y1 = MIN (y1, h - 1);
  guint ring = 0, dark = 0;
  *glyphs = FALSE;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        gboolean edge = x == x0 || x == x1 || y == y0 || y == y1;
        if (edge)
          ring++, dark += is_dark (image, x, y);
        else if (is_dark (image, x, y))
          *glyphs = TRUE;
      }
  return ring ? (double) dark / ring : 1.0;
}

/* The cover of an English banner (lang en) tells a volunteer everything, and
 * every sheet ID of the manifest reads on the thumbnail: found once in the
 * text layer, in the thumbnail (above the instructions), dark glyphs on a
 * light surround though the slogan's black runs behind the middle rows. */
static void
test_cover_legible (gconstpointer data)
{
  const char *slogan = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *source = roneo_test_corpus (slogan);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", source, "--lang", "en", "--manifest", "m.json", "-o",
                  "t.pdf", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "t.pdf");
  g_autofree char *json = path_in (dir, "m.json");
  g_autoptr (JsonParser) manifest = load_json (json);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autofree char *raw = page_text (doc, 0);
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *cover = g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
  static const char *const english[] = {
    "Print at 100 % (actual size), never “fit to page”.",
    "it must be exactly 100 mm long",
    "Scissors or a cutter, a ruler, a glue stick or tape, and a clear floor of",
    "Sort the sheets by their ID",
    "cut off the left and top margins along the thin lines",
    "put glue on the hatched strip",
    "glue on the hatched strip",
    "cut off the grey margin",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    roneo_test_assert_contains (cover, english[i]);
  g_assert_true (strstr (cover, "(portrait)") || strstr (cover, "(landscape)"));

  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  double page_w, page_h;
  poppler_page_get_size (page, &page_w, &page_h);
  GList *steps = poppler_page_find_text (page, "Sort the sheets");
  g_assert_nonnull (steps);
  double steps_top = page_h - ((PopplerRectangle *) steps->data)->y2;
  g_list_free_full (steps, (GDestroyNotify) poppler_rectangle_free);
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, LEGIBLE_SCALE);
  JsonArray *sheets = manifest_sheets (manifest);
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *id
          = json_object_get_string_member (json_array_get_object_element (sheets, i), "id");
      /* the joint's drawing below names A01 and A02 too */
      GList *found = poppler_page_find_text (page, id);
      const PopplerRectangle *r = NULL;
      guint in_thumbnail = 0;
      for (GList *l = found; l != NULL; l = l->next)
        if (page_h - ((PopplerRectangle *) l->data)->y1 < steps_top)
          r = l->data, in_thumbnail++;
      if (in_thumbnail != 1)
        g_error ("%s: sheet %s found %u times on the thumbnail", slogan, id, in_thumbnail);
      gboolean glyphs;
      double ink = ring_ink (image, page_h, r, 1.0, &glyphs);
      if (!glyphs || ink > 0.05)
        g_error ("%s: sheet %s on the cover: glyphs %d, %.0f %% of its surround is ink", slogan, id,
                 glyphs, ink * 100);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  cairo_surface_destroy (image);
  roneo_test_rm_rf (dir);
}

/* The cover speaks the document's language, whatever the machine's: each
 * language's instructions are on its cover and no other language's are
 * (spaces of any kind read as one). */
typedef struct
{
  const char *lang;
  const char *phrases[4];
} CoverWords;

static const CoverWords cover_words[] = {
  { "en",
    { "Print at 100 % (actual size)", "What you need", "Sort the sheets by their ID",
      "Let the glue dry" } },
  { "fr",
    { "Imprimez à 100 % (taille réelle)", "Ce qu’il vous faut",
      "Triez les feuilles par leur repère", "Laissez sécher" } },
  { "de",
    { "Mit 100 % (Originalgröße) drucken", "Was Sie brauchen", "Sortieren Sie die Blätter",
      "trocknen lassen" } },
};

static void
test_cover_language (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *source = roneo_test_corpus ("banner-service-public.txt");
  for (gsize i = 0; i < G_N_ELEMENTS (cover_words); i++)
    {
      g_auto (RoneoTestRun) run;
      RONEO_TEST_RUN (&run, dir, "banner", source, "--lang", cover_words[i].lang, "-o", "t.pdf",
                      "--force", "--date", DATE);
      roneo_test_assert_exit (&run, 0);
      g_autofree char *pdf = path_in (dir, "t.pdf");
      g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
      g_autofree char *raw = page_text (doc, 0);
      g_autoptr (GRegex) spaces = g_regex_new ("[\\s\\x{a0}\\x{202f}]+", 0, 0, NULL);
      g_autofree char *cover = g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
      for (gsize j = 0; j < G_N_ELEMENTS (cover_words); j++)
        for (gsize k = 0; k < G_N_ELEMENTS (cover_words[j].phrases); k++)
          {
            const char *phrase = cover_words[j].phrases[k];
            gboolean present = strstr (cover, phrase) != NULL;
            if (present != (i == j))
              g_error ("cover in '%s': '%s' (%s) is %s", cover_words[i].lang, phrase,
                       cover_words[j].lang, present ? "there" : "missing");
          }
    }
  roneo_test_rm_rf (dir);
}

/* Every tile's label ("Sheet B07" and its neighbours) is at least 7 pt, dark
 * on a white knockout even where it lies over the slogan's black. */
static void
test_tile_labels (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--lang", "en", "--size", "300x90cm",
                  "--manifest", "m.json", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "slogan-tiles.pdf");
  g_autofree char *json = path_in (dir, "m.json");
  g_autoptr (JsonParser) manifest = load_json (json);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  JsonArray *sheets = manifest_sheets (manifest);
  guint on_black = 0;
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);
      const char *id = json_object_get_string_member (sheet, "id");
      int index = (int) json_object_get_int_member (sheet, "page") - 1;
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
      double page_w, page_h;
      poppler_page_get_size (page, &page_w, &page_h);
      g_autofree char *name = g_strdup_printf ("Sheet %s", id);
      GList *found = poppler_page_find_text (page, name);
      if (found == NULL)
        g_error ("'%s' not on its page %d", name, index + 1);
      const PopplerRectangle *r = found->data;
      double thick = MIN (r->x2 - r->x1, r->y2 - r->y1);
      if (thick < 7.0)
        g_error ("'%s' is %.1f pt high, under 7 pt", name, thick);
      cairo_surface_t *image = roneo_test_rasterise (doc, index, LEGIBLE_SCALE);
      gboolean glyphs;
      double ink = ring_ink (image, page_h, r, 0.8, &glyphs);
      /* the slogan's black, 3 pt beyond the knockout's edge */
      gboolean dummy;
      on_black += ring_ink (image, page_h, r, 4.0, &dummy) > 0.3;
      cairo_surface_destroy (image);
      if (!glyphs || ink > 0.05)
        g_error ("'%s': glyphs %d, %.0f %% of its surround is ink", name, glyphs, ink * 100);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  g_test_message ("%u labels over the slogan's black", on_black);
}

/* ------------------------------------------------------------- good runs */

static void
test_corpus (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--manifest", "m.json",
                  "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "slogan-tiles.pdf");
  g_autofree char *json = path_in (dir, "m.json");
  g_autoptr (JsonParser) manifest = load_json (json);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  guint n = json_array_get_length (manifest_sheets (manifest));
  g_assert_cmpuint (n, ==, 54);
  assert_manifest_matches_pdf (manifest, doc, 2, A4_W, A4_H);
  roneo_test_assert_fonts_embedded (doc);
  assert_qpdf_clean (dir, "slogan-tiles.pdf");
  double bw, bh;
  manifest_banner (manifest, &bw, &bh);
  g_assert_cmpfloat_with_epsilon (bw, 3000 * PT_PER_MM, 0.01);
  g_assert_cmpfloat_with_epsilon (bh, 900 * PT_PER_MM, 0.01);

  /* the cover: print at 100 %, how many sheets */
  g_autofree char *cover = page_text (doc, 0);
  roneo_test_assert_contains (cover, "100 %");
  /* the slogan is French, and so is its cover (po/fr.po) */
  g_autofree char *count = g_strdup_printf ("%u feuilles", n);
  roneo_test_assert_contains (cover, count);
  roneo_test_rm_rf (dir);
}

/* A text banner is small: one XObject, fonts once (PRINT.md). */
static void
test_corpus_size (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "slogan-tiles.pdf");
  gsize size = file_size (pdf);
  if (size >= 100 * 1024)
    g_error ("the 54-sheet corpus banner takes %zu bytes, over 100 KB", size);
  roneo_test_rm_rf (dir);
}

/* PRINT.md: 3000 x 900 mm on A4, 5 mm margins, 10 mm overlap: 54 sheets. */
static void
test_documented_count (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "3000x900mm", "--sheet", "A4",
                  "--printer-margin", "5mm", "--overlap", "10mm", "-o", "out.pdf", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "out.pdf");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 55);
  roneo_test_rm_rf (dir);
}

static void
test_a3 (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--sheet", "A3",
                  "--manifest", "m.json", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "slogan-tiles.pdf");
  g_autofree char *json = path_in (dir, "m.json");
  g_autoptr (JsonParser) manifest = load_json (json);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  assert_manifest_matches_pdf (manifest, doc, 2, A3_W, A3_H);
  g_assert_cmpuint (json_array_get_length (manifest_sheets (manifest)), <, 54);
  roneo_test_rm_rf (dir);
}

static void
test_whole (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--whole", "--date",
                  DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = path_in (dir, "slogan.pdf");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  double w, h;
  page_size (doc, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 3000 * PT_PER_MM, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 900 * PT_PER_MM, 0.01);
  roneo_test_assert_fonts_embedded (doc);
  assert_qpdf_clean (dir, "slogan.pdf");
  roneo_test_rm_rf (dir);
}

/* Over 14 400 pt (200 in) a page needs /UserUnit: MediaBox x UserUnit = 10 m. */
static void
test_whole_user_unit (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "10x1.2m", "--whole", "-o", "w.pdf",
                  "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  assert_qpdf_clean (dir, "w.pdf");
  g_auto (RoneoTestRun) q;
  roneo_test_run_full (&q, dir, &qpdf, (const char *const[]){ "--json", "w.pdf", NULL });
  g_assert_cmpint (q.status, ==, 0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  json_parser_load_from_data (parser, q.out, -1, &error);
  g_assert_no_error (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *pages = json_object_get_array_member (root, "pages");
  g_assert_cmpuint (json_array_get_length (pages), ==, 1);
  const char *ref
      = json_object_get_string_member (json_array_get_object_element (pages, 0), "object");
  g_autofree char *key = g_strconcat ("obj:", ref, NULL);
  JsonObject *objects
      = json_array_get_object_element (json_object_get_array_member (root, "qpdf"), 1);
  JsonObject *page
      = json_object_get_object_member (json_object_get_object_member (objects, key), "value");
  g_assert_true (json_object_has_member (page, "/UserUnit"));
  double unit = json_object_get_double_member (page, "/UserUnit");
  JsonArray *box = json_object_get_array_member (page, "/MediaBox");
  double w = json_array_get_double_element (box, 2) - json_array_get_double_element (box, 0);
  double h = json_array_get_double_element (box, 3) - json_array_get_double_element (box, 1);
  g_assert_cmpfloat (w, <=, 14400);
  g_assert_cmpfloat_with_epsilon (w * unit, 10000 * PT_PER_MM, 0.05);
  g_assert_cmpfloat_with_epsilon (h * unit, 1200 * PT_PER_MM, 0.05);
  roneo_test_rm_rf (dir);
}

/* --sheets B02,A01: those two pages, no cover, in tiling order, the same
 * sheets as in the full set. */
static void
test_sheets (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--sheets", "B02,A01",
                  "--manifest", "s.json", "-o", "s.pdf", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_auto (RoneoTestRun) full;
  RONEO_TEST_RUN (&full, dir, "banner", "slogan.txt", "--size", "300x90cm", "--manifest", "m.json",
                  "-o", "all.pdf", "--date", DATE);
  roneo_test_assert_exit (&full, 0);
  g_autofree char *pdf = path_in (dir, "s.pdf");
  g_autofree char *sjson = path_in (dir, "s.json");
  g_autofree char *mjson = path_in (dir, "m.json");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (JsonParser) manifest = load_json (sjson);
  g_autoptr (JsonParser) all = load_json (mjson);
  assert_manifest_matches_pdf (manifest, doc, 1, A4_W, A4_H);
  JsonArray *sheets = manifest_sheets (manifest);
  g_assert_cmpuint (json_array_get_length (sheets), ==, 2);
  const char *want[] = { "A01", "B02" };
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);
      g_assert_cmpstr (json_object_get_string_member (sheet, "id"), ==, want[i]);
      assert_page_has (doc, (int) i, want[i]);
      /* the same sheet as in the full run */
      JsonArray *every = manifest_sheets (all);
      gboolean found = FALSE;
      for (guint j = 0; j < json_array_get_length (every); j++)
        {
          JsonObject *other = json_array_get_object_element (every, j);
          if (strcmp (json_object_get_string_member (other, "id"), want[i]) != 0)
            continue;
          found = TRUE;
          JsonArray *a = json_object_get_array_member (sheet, "matrix");
          JsonArray *b = json_object_get_array_member (other, "matrix");
          for (guint k = 0; k < 6; k++)
            g_assert_cmpfloat_with_epsilon (json_array_get_double_element (a, k),
                                            json_array_get_double_element (b, k), 0.001);
        }
      g_assert_true (found);
    }
  roneo_test_rm_rf (dir);
}

/* Ink on a page at 18 dpi: non-white pixels. */
static guint
page_ink (PopplerDocument *doc, int index)
{
  cairo_surface_t *surface = roneo_test_rasterise (doc, index, 18.0 / 72);
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint ink = 0;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      ink += (data[y * stride + x] & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);
  return ink;
}

/* --stencil: the same sheets, letters as outlines: less ink, but some. */
static void
test_stencil (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "120x40cm", "--whole", "--stencil",
                  "-o", "stencil.pdf", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_auto (RoneoTestRun) tiles;
  RONEO_TEST_RUN (&tiles, dir, "banner", "slogan.txt", "--size", "120x40cm", "--stencil", "-o",
                  "tiles.pdf", "--date", DATE);
  roneo_test_assert_exit (&tiles, 0);
  g_auto (RoneoTestRun) plain;
  RONEO_TEST_RUN (&plain, dir, "banner", "slogan.txt", "--size", "120x40cm", "--whole", "-o",
                  "plain.pdf", "--date", DATE);
  roneo_test_assert_exit (&plain, 0);
  assert_qpdf_clean (dir, "tiles.pdf");
  g_autofree char *spdf = path_in (dir, "stencil.pdf");
  g_autofree char *ppdf = path_in (dir, "plain.pdf");
  g_autoptr (PopplerDocument) sdoc = roneo_test_open_pdf (spdf);
  g_autoptr (PopplerDocument) pdoc = roneo_test_open_pdf (ppdf);
  guint s = page_ink (sdoc, 0), p = page_ink (pdoc, 0);
  g_test_message ("ink: stencil %u px, plain %u px", s, p);
  g_assert_cmpuint (s, >, 0);
  g_assert_cmpuint (s, <, p * 2 / 3);
  roneo_test_rm_rf (dir);
}

/* --png: OUT-banner.png in the banner's proportions, OUT-cover.png. */
static void
test_png (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--png", "-o", "out.pdf",
                  "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *banner = path_in (dir, "out-banner.png");
  g_autofree char *cover = path_in (dir, "out-cover.png");
  guint32 w, h;
  roneo_test_png_size (banner, &w, &h);
  g_assert_cmpfloat (fabs ((double) w / h - 300.0 / 90), <, 0.01);
  roneo_test_png_size (cover, &w, &h);
  g_autofree char *pdf = path_in (dir, "out.pdf");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  double pw, ph;
  page_size (doc, 0, &pw, &ph);
  g_assert_cmpfloat (fabs (w - pw / 72 * 150), <, 1.0); /* 150 dpi by default */
  g_assert_cmpfloat (fabs (h - ph / 72 * 150), <, 1.0);
  roneo_test_rm_rf (dir);
}

static guint
sheets_for (const char *dir, const char *size, double *w, double *h)
{
  g_auto (RoneoTestRun) run;
  if (size != NULL)
    RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", size, "--manifest", "m.json",
                    "--date", DATE);
  else
    RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--size", "300x90cm", "--max-sheets", "20",
                    "--manifest", "m.json", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *json = path_in (dir, "m.json");
  g_autoptr (JsonParser) manifest = load_json (json);
  manifest_banner (manifest, w, h);
  return json_array_get_length (manifest_sheets (manifest));
}

/* --max-sheets 20: at most 20 sheets, the same proportions, and 3 % larger
 * would need more: the largest such banner. */
static void
test_max_sheets (void)
{
  g_autofree char *dir = make_case_dir ();
  double w, h;
  guint n = sheets_for (dir, NULL, &w, &h);
  g_assert_cmpuint (n, <=, 20);
  g_assert_cmpfloat (fabs (w / h - 300.0 / 90), <, 0.005);
  g_autofree char *larger
      = g_strdup_printf ("%.0fx%.0fmm", w * 1.03 / PT_PER_MM, h * 1.03 / PT_PER_MM);
  double lw, lh;
  g_assert_cmpuint (sheets_for (dir, larger, &lw, &lh), >, 20);
  roneo_test_rm_rf (dir);
}

/* -------------------------------------------------------------- bad runs */

typedef struct
{
  const char *name;
  const char *args[8];
  int status;
  const char *message; /* what to change */
} BadCase;

static const BadCase bad_cases[] = {
  { "size-zero", { "--size", "0x90cm" }, 1, "300x90cm" },
  { "size-negative", { "--size=-10x90cm" }, 1, "300x90cm" },
  { "size-over-50m", { "--size", "60x1m" }, 1, "50 m" },
  { "size-word", { "--size", "big" }, 1, "300x90cm" },
  { "overlap-half-sheet", { "--overlap", "200mm" }, 1, "half the sheet" },
  { "printer-margin-huge", { "--printer-margin", "120mm" }, 1, "half the sheet" },
  { "sheets-unknown", { "--sheets", "Z99" }, 1, "C01-C11, D01-D11" },
  { "flyer-layout", { "-l", "a5-flyer" }, 1, "is for a flyer, not a banner" },
  { "distance-strict", { "--distance", "500m", "--strict" }, 4, "500 m" },
};

/* Nothing but the input left in the folder. */
static void
assert_only_input (const char *dir)
{
  roneo_test_assert_left_only (dir, (const char *const[]){ "slogan.txt", "x.md", NULL });
}

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = make_case_dir ();
  const char *argv[16] = { "banner", "slogan.txt", "--date", DATE, "--manifest", "m.json" };
  guint n = 6;
  for (guint i = 0; c->args[i] != NULL; i++)
    argv[n++] = c->args[i];
  g_auto (RoneoTestRun) run;
  roneo_test_run_full (&run, dir, NULL, argv);
  roneo_test_assert_exit (&run, c->status);
  roneo_test_assert_contains (run.err, c->message);
  assert_only_input (dir);
  roneo_test_rm_rf (dir);
}

static void
test_empty_slogan (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autofree char *slogan = path_in (dir, "slogan.txt");
  g_assert_true (g_file_set_contents (slogan, "", 0, NULL));
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--date", DATE);
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "empty");
  assert_only_input (dir);
  roneo_test_rm_rf (dir);
}

static void
test_banner_layout_for_flyer (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autofree char *md = path_in (dir, "x.md");
  g_assert_true (g_file_set_contents (md, "# Titre\n\nUn paragraphe.\n", -1, NULL));
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", "x.md", "-l", "banderole", "--date", DATE);
  roneo_test_assert_exit (&run, 1);
  roneo_test_assert_contains (run.err, "roneo banner");
  assert_only_input (dir);
  roneo_test_rm_rf (dir);
}

/* Too small to read from 500 m: a warning, the banner still written. */
static void
test_distance_warning (void)
{
  g_autofree char *dir = make_case_dir ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "slogan.txt", "--distance", "500m", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "warning");
  roneo_test_assert_contains (run.err, "500 m");
  g_autofree char *pdf = path_in (dir, "slogan-tiles.pdf");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;

  g_test_add_func ("/banner/cli/corpus", test_corpus);
  g_test_add_func ("/banner/cli/corpus-under-100KB", test_corpus_size);
  g_test_add_func ("/banner/cli/documented-count", test_documented_count);
  g_test_add_func ("/banner/cli/a3", test_a3);
  g_test_add_data_func ("/banner/cli/cover-legible/service-public", "banner-service-public.txt",
                        test_cover_legible);
  g_test_add_func ("/banner/cli/cover-language", test_cover_language);
  g_test_add_data_func ("/banner/cli/cover-legible/long", "banner-long.txt", test_cover_legible);
  g_test_add_data_func ("/banner/cli/cover-legible/byline", "banner-byline.txt",
                        test_cover_legible);
  g_test_add_func ("/banner/cli/tile-labels", test_tile_labels);
  g_test_add_func ("/banner/cli/whole", test_whole);
  g_test_add_func ("/banner/cli/whole-user-unit", test_whole_user_unit);
  g_test_add_func ("/banner/cli/sheets", test_sheets);
  g_test_add_func ("/banner/cli/stencil", test_stencil);
  g_test_add_func ("/banner/cli/png", test_png);
  g_test_add_func ("/banner/cli/max-sheets", test_max_sheets);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/banner/cli/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/banner/cli/bad/empty-slogan", test_empty_slogan);
  g_test_add_func ("/banner/cli/bad/banner-layout-for-flyer", test_banner_layout_for_flyer);
  g_test_add_func ("/banner/cli/distance-warning", test_distance_warning);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
