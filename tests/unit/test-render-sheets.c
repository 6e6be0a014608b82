/* test-render-sheets: imposed sheets to PDF and PNG, stencil, /UserUnit; read
 * back with poppler-glib (text, fonts, pixels through poppler_page_render) and
 * libqpdf. */
#include "roneo-error.h"
#include "roneo-fonts.h"
#include "roneo-render.h"
#include "roneo-tiling.h"
#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>

#define A4_W 595.276
#define A4_H 841.89
#define ART_W 600.0
#define ART_H 300.0
#define DATE 1795824000 /* 2026-11-28T00:00:00Z */

static RoneoFonts *fonts;
static PangoContext *context;
static char *tmp_dir;
static double big_i_centre[2]; /* the centre of the big I's ink, page space */

static const RoneoColor red = { 0.8, 0, 0 }, blue = { 0, 0, 0.8 };

static PangoLayout *
new_layout (const char *text, const char *font)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* 600 x 300 pt on pale yellow: a red square at (20, 20), a blue one at
 * (400, 20), both 40 pt; a red I of 200 pt at (150, 20); a line of text. */
static RoneoPage *
new_artwork (double width, double height)
{
  RoneoPage *page = roneo_page_new (width, height, 1);
  page->background = (RoneoColor){ 1, 1, 0.8 };
  const RoneoRect a = { 20, 20, 40, 40 }, b = { 400, 20, 40, 40 };
  roneo_page_add_box (page, "red", &a, &red);
  roneo_page_add_box (page, "blue", &b, &blue);
  g_autoptr (PangoLayout) big = new_layout ("I", "Roneo Sans Bold 200px");
  roneo_page_add_text (page, "slogan", big, 150, 20, 200, &red);
  PangoRectangle ink;
  pango_layout_get_extents (big, &ink, NULL);
  big_i_centre[0] = 150 + pango_units_to_double (ink.x + ink.width / 2);
  big_i_centre[1] = 20 + pango_units_to_double (ink.y + ink.height / 2);
  g_autoptr (PangoLayout) line = new_layout ("Quarante-deux moutons", "Roneo Sans Bold 24px");
  roneo_page_add_text (page, "byline", line, 250, 240, 24, &red);
  return page;
}

static GPtrArray *
new_pages (void)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (pages, new_artwork (ART_W, ART_H));
  return pages;
}

static RoneoRenderOptions
default_options (void)
{
  return (RoneoRenderOptions){
    .title = "Sheets", .creator = "roneo 0.1.0", .date = DATE, .label_context = context
  };
}

static void
add_placement (RoneoSheet *sheet, const double m[6], RoneoRect clip)
{
  RoneoPlacement p = { .page = 0, .source = { 0, 0, ART_W, ART_H }, .clip = clip };
  memcpy (p.matrix, m, sizeof p.matrix);
  roneo_sheet_add_placement (sheet, &p);
}

/* A4 portrait: the artwork moved by (50, 100), clipped to 300 x 200 pt there. */
static RoneoSheet *
new_portrait_sheet (const char *name)
{
  RoneoSheet *sheet = roneo_sheet_new (name, A4_W, A4_H);
  add_placement (sheet, (const double[]){ 1, 0, 0, 1, 50, 100 }, (RoneoRect){ 50, 100, 300, 200 });
  return sheet;
}

/* A4 landscape: the artwork turned 90 degrees clockwise, x' = 400 - y, y' = x + 50. */
static RoneoSheet *
new_landscape_sheet (const char *name)
{
  RoneoSheet *sheet = roneo_sheet_new (name, A4_H, A4_W);
  add_placement (sheet, (const double[]){ 0, -1, 1, 0, 400, 50 }, (RoneoRect){ 0, 0, A4_H, A4_W });
  return sheet;
}

static void
add_marks (RoneoSheet *sheet)
{
  const RoneoMark marks[] = {
    { .kind = RONEO_MARK_CUT, .x0 = 0, .y0 = 650, .x1 = A4_W, .y1 = 650, .line_width = 0.5 },
    { .kind = RONEO_MARK_GLUE, .rect = { 500, 100, 40, 400 }, .line_width = 0.5, .spacing = 8.5 },
    { .kind = RONEO_MARK_LABEL,
      .rect = { 100, 700, 300, 40 },
      .size = 20,
      .text = (char *) "B07 | A01 B06 \u2192" },
    { .kind = RONEO_MARK_LABEL,
      .rect = { 100, 760, 100, 30 },
      .size = 20,
      .text = (char *) "COLLER SOUS C07 ET C08" },
    { .kind = RONEO_MARK_LABEL,
      .rect = { 10, 320, 30, 300 },
      .size = 16,
      .vertical = TRUE,
      .text = (char *) "GLUE UNDER A02" },
    { .kind = RONEO_MARK_SCALE_BAR,
      .x0 = 300,
      .y0 = 560,
      .x1 = 441.73,
      .y1 = 560,
      .rect = { 300, 550, 141.73, 30 },
      .line_width = 1,
      .length = 141.73,
      .text = (char *) "50 mm" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    roneo_sheet_add_mark (sheet, &marks[i]);
}

static GPtrArray *
new_sheets (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_sheet_free);
  RoneoSheet *portrait = new_portrait_sheet ("A01");
  add_marks (portrait);
  g_ptr_array_add (sheets, portrait);
  g_ptr_array_add (sheets, new_landscape_sheet ("A02"));
  return sheets;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
render_sheets (const char *name, GPtrArray *sheets, const RoneoRenderOptions *options)
{
  g_autoptr (GPtrArray) pages = new_pages ();
  char *path = tmp_path (name);
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_render_sheets_pdf (pages, sheets, options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The pixel under (x, y) pt as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *image, double scale, double x, double y)
{
  const int i = (int) floor (x * scale), j = (int) floor (y * scale);
  g_assert_true (i >= 0 && i < cairo_image_surface_get_width (image));
  g_assert_true (j >= 0 && j < cairo_image_surface_get_height (image));
  const guint8 *data = cairo_image_surface_get_data (image);
  return *(const guint32 *) (data + j * cairo_image_surface_get_stride (image) + 4 * i) & 0xffffff;
}

static void
assert_colour (cairo_surface_t *image, double scale, double x, double y, guint32 expected)
{
  guint32 got = pixel (image, scale, x, y);
  for (int shift = 0; shift < 24; shift += 8)
    if (abs ((int) ((got >> shift) & 0xff) - (int) ((expected >> shift) & 0xff)) > 8)
      g_error ("pixel at (%.1f, %.1f): 0x%06x, expected 0x%06x", x, y, got, expected);
}

/* Dark pixels (all channels under 100) in the rectangle, pt. */
static int
count_dark (cairo_surface_t *image, double scale, double x, double y, double w, double h)
{
  int n = 0;
  for (double v = y; v < y + h; v += 1 / scale)
    for (double u = x; u < x + w; u += 1 / scale)
      {
        guint32 p = pixel (image, scale, u, v);
        n += (p >> 16 & 0xff) < 100 && (p >> 8 & 0xff) < 100 && (p & 0xff) < 100;
      }
  return n;
}

#define RED 0xcc0000
#define BLUE 0x0000cc
#define YELLOW 0xffffcc
#define WHITE 0xffffff

static void
test_sizes (void)
{
  g_autoptr (GPtrArray) sheets = new_sheets ();
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sheets ("sizes.pdf", sheets, &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  roneo_test_assert_page_size (doc, 0, A4_W, A4_H);
  roneo_test_assert_page_size (doc, 1, A4_H, A4_W);
  qpdf_data qpdf = roneo_test_open_qpdf (path);
  for (int i = 0; i < 2; i++)
    {
      g_assert_false (qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, i), "/Rotate"));
      g_assert_false (qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, i), "/Group"));
      g_assert_true (qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, i), "/TrimBox"));
    }
  qpdf_cleanup (&qpdf);
  roneo_test_assert_qpdf_check_clean (path);
}

static void
test_placement (void)
{
  g_autoptr (GPtrArray) sheets = new_sheets ();
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sheets ("placement.pdf", sheets, &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  const double s = 2;
  cairo_surface_t *portrait = roneo_test_rasterise (doc, 0, s);
  assert_colour (portrait, s, 90, 140, RED);        /* page (40, 40), moved by (50, 100) */
  assert_colour (portrait, s, 330, 110, YELLOW);    /* the background, inside the clip */
  assert_colour (portrait, s, 470, 140, WHITE);     /* the blue square: outside the clip */
  assert_colour (portrait, s, 200 + 5, 302, WHITE); /* the I below the clip */
  assert_colour (portrait, s, 45, 150, WHITE);      /* left of the clip */
  g_assert_cmpint (count_dark (portrait, s, 45, 301, 440, 240), ==, 0); /* between the marks */
  cairo_surface_destroy (portrait);
  cairo_surface_t *landscape = roneo_test_rasterise (doc, 1, s);
  assert_colour (landscape, s, 370, 80, RED);   /* page (30, 30) -> (400 - 30, 30 + 50) */
  assert_colour (landscape, s, 360, 470, BLUE); /* page (420, 40) */
  assert_colour (landscape, s, 95, 300, WHITE); /* page y = 305: beyond the artwork */
  assert_colour (landscape, s, 500, 300, WHITE);
  cairo_surface_destroy (landscape);
}

/* poppler_page_find_text rectangles have their origin at the bottom left. */
static PopplerRectangle
find_text (PopplerPage *page, const char *text)
{
  GList *found = poppler_page_find_text (page, text);
  g_assert_nonnull (found);
  PopplerRectangle r = *(PopplerRectangle *) found->data;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  double w, h;
  poppler_page_get_size (page, &w, &h);
  return (PopplerRectangle){ r.x1, h - r.y2, r.x2, h - r.y1 };
}

static void
assert_inside (const PopplerRectangle *r, double x, double y, double w, double h)
{
  g_assert_cmpfloat (r->x1, >=, x - 0.5);
  g_assert_cmpfloat (r->y1, >=, y - 0.5);
  g_assert_cmpfloat (r->x2, <=, x + w + 0.5);
  g_assert_cmpfloat (r->y2, <=, y + h + 0.5);
}

static void
test_labels (void)
{
  g_autoptr (GPtrArray) sheets = new_sheets ();
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sheets ("labels.pdf", sheets, &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "B07 | A01 B06 \u2192"));
  g_assert_nonnull (strstr (text, "COLLER SOUS C07 ET C08"));
  g_assert_nonnull (strstr (text, "50 mm"));
  g_assert_nonnull (strstr (text, "GLUE UNDER A02"));
  /* Centred in its box; the long one shrunk to its box's width. */
  PopplerRectangle id = find_text (page, "B07 | A01 B06 \u2192");
  assert_inside (&id, 100, 700, 300, 40);
  g_assert_cmpfloat (fabs ((id.x1 + id.x2) / 2 - 250), <, 1.0);
  PopplerRectangle glue = find_text (page, "COLLER SOUS C07 ET C08");
  assert_inside (&glue, 100, 760, 100, 30);
  g_assert_cmpfloat (glue.x2 - glue.x1, >, 90);
  /* Vertical: taller than wide, inside its box. */
  PopplerRectangle under = find_text (page, "GLUE UNDER A02");
  assert_inside (&under, 10, 320, 30, 300);
  g_assert_cmpfloat (under.y2 - under.y1, >, 3 * (under.x2 - under.x1));
  PopplerRectangle caption = find_text (page, "50 mm");
  assert_inside (&caption, 300, 560, 141.73, 20);
  /* The cut line and the scale bar are inked; the artwork text is there too. */
  g_autoptr (PopplerPage) art = poppler_document_get_page (doc, 1);
  g_autofree char *art_text = poppler_page_get_text (art);
  g_assert_nonnull (strstr (art_text, "Quarante-deux"));
  const double s = 2;
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, s);
  g_assert_cmpint (count_dark (image, s, 100, 649, 100, 2), >, 0);
  g_assert_cmpint (count_dark (image, s, 310, 559, 100, 2), >, 0);
  cairo_surface_destroy (image);
}

/* Fonts over the whole document; none may appear twice. cairo 1.16 splits a
 * face used with characters inside and outside WinAnsi (the labels' arrows)
 * into a simple Type 1C font and a CID font of the same name, each holding
 * its own glyphs: that pair is one font, told apart by its type. A font
 * written again per sheet would repeat name and type. */
static int
count_fonts (PopplerDocument *doc)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  int n = 0;
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter) && iter != NULL)
    {
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          const char *name = poppler_fonts_iter_get_name (iter);
          g_assert_nonnull (name);
          /* drop the subset tag "ABCDEF+" */
          const char *plus = strchr (name, '+');
          char *key = g_strdup_printf ("%s %d", plus != NULL ? plus + 1 : name,
                                       poppler_fonts_iter_get_font_type (iter));
          if (!g_hash_table_add (names, key))
            g_error ("font '%s' embedded twice", key);
          n++;
        }
      while (poppler_fonts_iter_next (iter));
      g_clear_pointer (&iter, poppler_fonts_iter_free);
    }
  poppler_font_info_free (info);
  return n;
}

/* The distinct XObjects the pages name: the artwork, once. */
static guint
count_page_xobjects (const char *path)
{
  qpdf_data qpdf = roneo_test_open_qpdf (path);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (int i = 0; i < qpdf_get_num_pages (qpdf); i++)
    {
      qpdf_oh resources = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, i), "/Resources");
      qpdf_oh xobjects = qpdf_oh_get_key (qpdf, resources, "/XObject");
      qpdf_oh_begin_dict_key_iter (qpdf, xobjects);
      while (qpdf_oh_dict_more_keys (qpdf))
        {
          const char *key = qpdf_oh_dict_next_key (qpdf);
          qpdf_oh x = qpdf_oh_get_key (qpdf, xobjects, key);
          g_hash_table_add (ids, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, x)));
        }
    }
  qpdf_cleanup (&qpdf);
  return g_hash_table_size (ids);
}

/* 20 sheets, each showing another part of the artwork, twice on the last. */
static GPtrArray *
new_many_sheets (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_sheet_free);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("A%02d", i + 1);
      RoneoSheet *sheet = i % 2 ? new_landscape_sheet (name) : new_portrait_sheet (name);
      sheet->placements->len = 0;
      add_placement (sheet, (const double[]){ 1, 0, 0, 1, 20 - 25 * i, 20 },
                     (RoneoRect){ 20, 20, 300, 300 });
      if (i == 19)
        add_placement (sheet, (const double[]){ 1, 0, 0, 1, 20, 400 },
                       (RoneoRect){ 20, 400, 300, 150 });
      add_marks (sheet);
      g_ptr_array_add (sheets, sheet);
    }
  return sheets;
}

static void
test_fonts_once_and_small (void)
{
  g_autoptr (GPtrArray) sheets = new_many_sheets ();
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = render_sheets ("twenty.pdf", sheets, &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 20);
  g_assert_cmpint (count_fonts (doc), >=, 2); /* Roneo Sans Bold (artwork), Roneo Sans */
  g_assert_cmpuint (count_page_xobjects (path), ==, 1);
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("20 sheets: %ld bytes", (long) st.st_size);
  g_assert_cmpint (st.st_size, <, 100 * 1024);
  roneo_test_assert_qpdf_check_clean (path); /* the artwork twice on sheet 20 (PITFALLS 13) */
}

/* A real tiling (PRINT.md: 3000 x 900 mm on A4, 5 mm margins, 10 mm overlap:
 * 54 sheets): one XObject, fonts once, small, qpdf clean; the artwork shows
 * in each visible rectangle. */
static void
test_tiling (void)
{
  const RoneoTilingSpec spec
      = { .banner_width = RONEO_MM (3000),
          .banner_height = RONEO_MM (900),
          .sheet_width = A4_W,
          .sheet_height = A4_H,
          .margins = { RONEO_MM (5), RONEO_MM (5), RONEO_MM (5), RONEO_MM (5) },
          .overlap = RONEO_MM (10),
          .strategy = RONEO_TILING_BEST };
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, &error);
  g_assert_no_error (error);
  const guint n = roneo_tiling_get_n_sheets (tiling);
  g_assert_cmpuint (n, ==, 54);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (pages, new_artwork (spec.banner_width, spec.banner_height));
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_sheet_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sheets, roneo_tiling_new_sheet (tiling, i, 0, NULL));
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = tmp_path ("tiling.pdf");
  g_assert_true (roneo_render_sheets_pdf (pages, sheets, &options, path, &error));
  g_assert_no_error (error);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n);
  count_fonts (doc);
  g_assert_cmpuint (count_page_xobjects (path), ==, 1);
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("54 tiles of 3000 x 900 mm: %ld bytes", (long) st.st_size);
  g_assert_cmpint (st.st_size, <, 150 * 1024);
  roneo_test_assert_qpdf_check_clean (path);
  /* The last sheet shows the pale background inside its visible rectangle. */
  const RoneoTile *tile = roneo_tiling_get_tile (tiling, n - 1);
  cairo_surface_t *image = roneo_test_rasterise (doc, n - 1, 1);
  assert_colour (image, 1, tile->visible.x + 2, tile->visible.y + 2, YELLOW);
  cairo_surface_destroy (image);
}

static void
test_deterministic (void)
{
  const RoneoRenderOptions options = default_options ();
  g_autoptr (GPtrArray) sheets = new_sheets ();
  g_autofree char *one = render_sheets ("one.pdf", sheets, &options);
  g_autofree char *two = render_sheets ("two.pdf", sheets, &options);
  g_autofree char *a = NULL, *b = NULL;
  gsize na, nb;
  g_assert_true (g_file_get_contents (one, &a, &na, NULL));
  g_assert_true (g_file_get_contents (two, &b, &nb, NULL));
  g_assert_true (na == nb && memcmp (a, b, na) == 0);
}

/* The page background is not filled and the big I is inked on its outline
 * only: its centre stays white, its edges are black. */
static void
assert_stencil (cairo_surface_t *image, double s, double dx, double dy)
{
  const double cx = big_i_centre[0] + dx, cy = big_i_centre[1] + dy;
  assert_colour (image, s, 330 + dx - 50, 110 + dy - 100, WHITE); /* background */
  assert_colour (image, s, cx, cy, WHITE);
  assert_colour (image, s, 40 + dx, 40 + dy, WHITE); /* inside the red square */
  g_assert_cmpint (count_dark (image, s, cx - 40, cy - 2, 80, 4), >, 4);
  g_assert_cmpint (count_dark (image, s, 15 + dx, 15 + dy, 50, 50), >, 20);
}

static void
test_stencil (void)
{
  RoneoRenderOptions options = default_options ();
  options.stencil = TRUE;
  g_autoptr (GPtrArray) sheets = new_sheets ();
  g_autofree char *path = render_sheets ("stencil-sheets.pdf", sheets, &options);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  const double s = 2;
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, s);
  assert_stencil (image, s, 50, 100);
  cairo_surface_destroy (image);
  /* The whole banner, through roneo_render_pdf. */
  g_autoptr (GPtrArray) pages = new_pages ();
  g_autofree char *whole = tmp_path ("stencil.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_render_pdf (pages, &options, whole, &error));
  g_assert_no_error (error);
  g_autoptr (PopplerDocument) whole_doc = roneo_test_open_pdf (whole);
  image = roneo_test_rasterise (whole_doc, 0, s);
  assert_stencil (image, s, 0, 0);
  cairo_surface_destroy (image);
  /* Not stencilled, the same point is red. */
  options.stencil = FALSE;
  g_assert_true (roneo_render_pdf (pages, &options, whole, &error));
  g_autoptr (PopplerDocument) plain = roneo_test_open_pdf (whole);
  image = roneo_test_rasterise (plain, 0, s);
  assert_colour (image, s, big_i_centre[0], big_i_centre[1], RED);
  cairo_surface_destroy (image);
}

static void
test_png (void)
{
  g_autoptr (GPtrArray) pages = new_pages ();
  g_autoptr (GPtrArray) sheets = new_sheets ();
  const RoneoRenderOptions options = default_options ();
  g_autofree char *path = tmp_path ("sheet.png");
  g_autoptr (GError) error = NULL;
  g_assert_true (
      roneo_render_sheet_png (pages, g_ptr_array_index (sheets, 0), 144, &options, path, &error));
  g_assert_no_error (error);
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1191);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1684);
  assert_colour (image, 2, 90, 140, RED);
  assert_colour (image, 2, 470, 140, WHITE);
  g_assert_cmpint (count_dark (image, 2, 100, 700, 300, 40), >, 50); /* the label */
  cairo_surface_destroy (image);
  g_assert_false (roneo_render_sheet_png (pages, g_ptr_array_index (sheets, 0), 72, &options,
                                          "/dev/full/x.png", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, "'/dev/full/x.png'"));
}

static double
read_number (qpdf_data qpdf, qpdf_oh dict, const char *key)
{
  qpdf_oh value = qpdf_oh_get_key (qpdf, dict, key);
  g_assert_true (qpdf_oh_is_number (qpdf, value));
  return qpdf_oh_get_numeric_value (qpdf, value);
}

static void
read_box (qpdf_data qpdf, qpdf_oh page, const char *key, double box[4])
{
  qpdf_oh array = qpdf_oh_get_key (qpdf, page, key);
  g_assert_cmpint (qpdf_oh_get_array_n_items (qpdf, array), ==, 4);
  for (int i = 0; i < 4; i++)
    box[i] = qpdf_oh_get_numeric_value (qpdf, qpdf_oh_get_array_item (qpdf, array, i));
}

static char *
render_big (double width, double height, double bleed)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  RoneoPage *page = new_artwork (width, height);
  const RoneoRect square = { 1000, 1000, 400, 400 };
  roneo_page_add_box (page, "far", &square, &blue);
  g_ptr_array_add (pages, page);
  RoneoRenderOptions options = default_options ();
  options.bleed = bleed;
  char *path = tmp_path ("big.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_render_pdf (pages, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* qpdf --json shows the /UserUnit. */
static gboolean
json_has_user_unit (const char *path)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=qpdf", path, NULL };
  g_autofree char *out = NULL;
  int status;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return strstr (out, "\"/UserUnit\": 2") != NULL;
}

static void
test_user_unit (void)
{
  const double w = RONEO_MM (10000), h = RONEO_MM (1200), bleed = RONEO_MM (3);
  g_autofree char *path = render_big (w, h, bleed);
  qpdf_data qpdf = roneo_test_open_qpdf (path);
  qpdf_oh page = qpdf_get_page_n (qpdf, 0);
  const double unit = read_number (qpdf, page, "/UserUnit");
  g_assert_cmpfloat (unit, ==, 2);
  double media[4], trim[4];
  read_box (qpdf, page, "/MediaBox", media);
  read_box (qpdf, page, "/TrimBox", trim);
  qpdf_cleanup (&qpdf);
  g_assert_cmpfloat_with_epsilon ((media[2] - media[0]) * unit, w + 2 * bleed, 0.01);
  g_assert_cmpfloat_with_epsilon ((media[3] - media[1]) * unit, h + 2 * bleed, 0.01);
  g_assert_cmpfloat_with_epsilon ((trim[2] - trim[0]) * unit, w, 0.01);
  g_assert_cmpfloat_with_epsilon ((trim[3] - trim[1]) * unit, h, 0.01);
  g_assert_cmpfloat (media[2] - media[0], <=, RONEO_RENDER_MAX_PAGE_SIDE);
  g_assert_true (json_has_user_unit (path));
  roneo_test_assert_qpdf_check_clean (path);
  /* Read back: poppler's size times the unit is the real size; the far
   * square sits at half its place. */
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  roneo_test_assert_page_size (doc, 0, (w + 2 * bleed) / unit, (h + 2 * bleed) / unit);
  const double s = 0.1;
  cairo_surface_t *image = roneo_test_rasterise (doc, 0, s);
  assert_colour (image, s, (bleed + 1200) / unit, (bleed + 1200) / unit, BLUE);
  assert_colour (image, s, (bleed + 40) / unit, (bleed + 40) / unit, RED);
  cairo_surface_destroy (image);
  /* Under the limit: no /UserUnit. */
  g_autofree char *small = render_big (RONEO_MM (5000), h, 0);
  qpdf = roneo_test_open_qpdf (small);
  g_assert_false (qpdf_oh_has_key (qpdf, qpdf_get_page_n (qpdf, 0), "/UserUnit"));
  qpdf_cleanup (&qpdf);
}

static void
assert_sheets_fail (GPtrArray *sheets, const char *path, const char *in_message)
{
  g_autoptr (GPtrArray) pages = new_pages ();
  const RoneoRenderOptions options = default_options ();
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_render_sheets_pdf (pages, sheets, &options, path, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_fail (void)
{
  g_autoptr (GPtrArray) sheets = new_sheets ();
  assert_sheets_fail (sheets, "/dev/full/x.pdf", "'/dev/full/x.pdf'");
  g_autofree char *missing = tmp_path ("no-such-dir/x.pdf");
  assert_sheets_fail (sheets, missing, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  /* A write that fails in the temporary (a file size limit): the old file stays. */
  g_autofree char *path = tmp_path ("existing.pdf");
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  struct rlimit old, small;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small = old;
  small.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  assert_sheets_fail (sheets, path, path);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  roneo_test_assert_no_temporaries (path);
  /* A placement of a page that does not exist: nothing written. */
  g_autofree char *bad = tmp_path ("bad.pdf");
  g_array_index (((RoneoSheet *) g_ptr_array_index (sheets, 1))->placements, RoneoPlacement, 0).page
      = 3;
  assert_sheets_fail (sheets, bad, "sheet A02 places page 4 of 1");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  roneo_test_assert_no_temporaries (bad);
}

/* RONEO_KEEP_TMP=1 keeps the files to look at (pdftoppm -r 40). */
static void
remove_tmp_dir (void)
{
  if (g_getenv ("RONEO_KEEP_TMP") != NULL)
    {
      g_printerr ("# kept %s\n", tmp_dir);
      g_clear_pointer (&tmp_dir, g_free);
      return;
    }
  roneo_test_rm_rf (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

/* Full stacks through the libraries, for tests/lsan.supp. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  g_autoptr (GError) error = NULL;
  fonts = roneo_fonts_new (dir, &error);
  g_assert_no_error (error);
  context = roneo_fonts_create_context (fonts, "fr");
  tmp_dir = roneo_test_make_tmp_dir ("roneo-sheets-XXXXXX");
  g_test_add_func ("/render-sheets/pdf/sizes", test_sizes);
  g_test_add_func ("/render-sheets/pdf/placement-and-clip", test_placement);
  g_test_add_func ("/render-sheets/pdf/labels", test_labels);
  g_test_add_func ("/render-sheets/pdf/fonts-once-and-small", test_fonts_once_and_small);
  g_test_add_func ("/render-sheets/pdf/deterministic", test_deterministic);
  g_test_add_func ("/render-sheets/pdf/tiling", test_tiling);
  g_test_add_func ("/render-sheets/stencil", test_stencil);
  g_test_add_func ("/render-sheets/png", test_png);
  g_test_add_func ("/render-sheets/user-unit", test_user_unit);
  g_test_add_func ("/render-sheets/fail", test_fail);
  int status = g_test_run ();
  remove_tmp_dir ();
  g_object_unref (context);
  roneo_fonts_free (fonts);
  return status;
}
