/* test-banner-stitch.c: the proof that a tiled banner can be assembled
 * (PRINT.md "Banner tiles", the last bullet).
 *
 * For each case the built roneo (the first argument) writes the tiles with
 * their manifest, marks on, and the whole banner on one page. Every sheet and
 * the whole banner are rasterised with poppler at 50.8 dpi, where 1 px is
 * 0.5 mm and the tile offsets fall on whole pixels. A printer that cannot
 * print near the paper edge is simulated by whitening each sheet's margins
 * (rotated with landscape sheets, see src/impose/roneo-tiling.h); then each
 * sheet's visible rectangle is copied back to banner space through the
 * manifest's matrix. The stitched raster must equal the whole banner except
 * within 1 px of a visible-rectangle border, and every banner pixel must come
 * from exactly one sheet.
 *
 * A failing case keeps its folder (the PDFs, the manifest, stitched.png,
 * whole.png and diff.png, wrong pixels in red) and prints its path;
 * RONEO_KEEP_TMP=1 keeps it in any case. RONEO_STITCH_SHIFT=3 glues every
 * sheet 3 px off, to see the check fail.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include <locale.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

#define DPI 50.8
#define SCALE (DPI / 72.0) /* px per pt */
#define PT_PER_MM (72.0 / 25.4)
#define THRESHOLD 64 /* a channel differing by more is a wrong pixel */

static const char *roneo_path;

typedef struct
{
  char *id;
  int page;
  double width, height; /* pt */
  double matrix[6];     /* banner -> sheet */
  double visible[4];    /* on the sheet */
} Sheet;

typedef struct
{
  double width, height; /* pt */
  GArray *sheets;       /* Sheet */
} Manifest;

static void
sheet_clear (gpointer data)
{
  g_free (((Sheet *) data)->id);
}

static void
manifest_clear (Manifest *m)
{
  g_clear_pointer (&m->sheets, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Manifest, manifest_clear)

/* ------------------------------------------------------------ the manifest */

static double
member_number (JsonArray *array, guint i)
{
  return json_node_get_double (json_array_get_element (array, i));
}

static void
parse_sheet (JsonObject *object, Sheet *sheet)
{
  JsonArray *size = json_object_get_array_member (object, "size_pt");
  JsonArray *matrix = json_object_get_array_member (object, "matrix");
  JsonArray *visible = json_object_get_array_member (object, "visible");
  g_assert_nonnull (size);
  g_assert_nonnull (matrix);
  g_assert_nonnull (visible);
  g_assert_cmpuint (json_array_get_length (size), ==, 2);
  g_assert_cmpuint (json_array_get_length (matrix), ==, 6);
  g_assert_cmpuint (json_array_get_length (visible), ==, 4);
  sheet->id = g_strdup (json_object_get_string_member (object, "id"));
  sheet->page = (int) json_object_get_int_member (object, "page");
  sheet->width = member_number (size, 0);
  sheet->height = member_number (size, 1);
  for (guint i = 0; i < 6; i++)
    sheet->matrix[i] = member_number (matrix, i);
  for (guint i = 0; i < 4; i++)
    sheet->visible[i] = member_number (visible, i);
}

static void
manifest_load (Manifest *m, const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *banner = json_object_get_object_member (root, "banner");
  g_assert_nonnull (banner);
  m->width = json_object_get_double_member (banner, "width_pt");
  m->height = json_object_get_double_member (banner, "height_pt");
  JsonArray *sheets = json_object_get_array_member (root, "sheets");
  g_assert_nonnull (sheets);
  m->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (m->sheets, sheet_clear);
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      Sheet sheet = { 0 };
      parse_sheet (json_array_get_object_element (sheets, i), &sheet);
      g_array_append_val (m->sheets, sheet);
    }
  g_assert_cmpuint (m->sheets->len, >, 0);
}

/* ---------------------------------------------------------------- running */

static void
run_roneo (const char *cwd, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) roneo_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("roneo %s failed (status %d):\n%s", args[0], wait_status, err);
}

/* ------------------------------------------------------------- rasterising */

typedef struct
{
  int width, height, stride;
  guint32 *data; /* borrowed from surface */
  cairo_surface_t *surface;
} Raster;

static void
raster_clear (Raster *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Raster, raster_clear)

static void
raster_init (Raster *r, int width, int height)
{
  r->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_assert_cmpint (cairo_surface_status (r->surface), ==, CAIRO_STATUS_SUCCESS);
  r->width = width;
  r->height = height;
  r->stride = cairo_image_surface_get_stride (r->surface) / 4;
  r->data = (guint32 *) cairo_image_surface_get_data (r->surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      r->data[y * r->stride + x] = 0xffffff;
}

/* The page on white paper, width x height px. */
static void
raster_page (Raster *r, PopplerPage *page, int width, int height)
{
  raster_init (r, width, height);
  g_autoptr (cairo_t) cr = cairo_create (r->surface);
  cairo_scale (cr, SCALE, SCALE);
  poppler_page_render (page, cr);
  cairo_surface_flush (r->surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static int
px (double pt)
{
  return (int) lround (pt * SCALE);
}

/* What a printer with `margins` (T R B L of the portrait sheet, pt) leaves
 * white on a sheet. A landscape page is printed turned counter-clockwise:
 * its top is the paper's left edge, its right the top, its bottom the right,
 * its left the bottom. */
static void
whiten_margins (Raster *r, const Sheet *sheet, const double portrait[4])
{
  double m[4]; /* top right bottom left on this page */
  if (sheet->width > sheet->height)
    {
      m[0] = portrait[3];
      m[1] = portrait[0];
      m[2] = portrait[1];
      m[3] = portrait[2];
    }
  else
    memcpy (m, portrait, sizeof m);
  int top = px (m[0]), right = r->width - px (m[1]);
  int bottom = r->height - px (m[2]), left = px (m[3]);
  for (int y = 0; y < r->height; y++)
    for (int x = 0; x < r->width; x++)
      if (y < top || y >= bottom || x < left || x >= right)
        r->data[y * r->stride + x] = 0xffffff;
}

static void
open_pdf (PopplerDocument **doc, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
}

/* Non-white pixels of a sheet outside its visible rectangle: the marks. */
static guint64
count_marks (const Raster *r, const Sheet *sheet)
{
  int x0 = px (sheet->visible[0]), y0 = px (sheet->visible[1]);
  int x1 = px (sheet->visible[2]), y1 = px (sheet->visible[3]);
  guint64 n = 0;
  for (int y = 0; y < r->height; y++)
    for (int x = 0; x < r->width; x++)
      if ((x < x0 - 1 || x > x1 || y < y0 - 1 || y > y1) && r->data[y * r->stride + x] != 0xffffff)
        n++;
  return n;
}

/* ---------------------------------------------------------------- stitching */

typedef struct
{
  Raster stitched;
  gint16 *owner; /* per banner pixel: the sheet it came from, -1 none, -2 more than one */
  int shift;     /* px: samples each sheet this far to the right, a misregistration */
} Stitch;

static void
stitch_clear (Stitch *st)
{
  raster_clear (&st->stitched);
  g_clear_pointer (&st->owner, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stitch, stitch_clear)

/* Copies the visible part of one sheet raster into banner space: each banner
 * pixel whose centre maps (banner -> sheet) into the visible rectangle takes
 * the sheet pixel under that point. */
static void
stitch_sheet (Stitch *st, const Raster *sheet_px, const Sheet *sheet, gint16 index)
{
  const double *a = sheet->matrix;
  double det = a[0] * a[3] - a[1] * a[2];
  g_assert_cmpfloat (fabs (det), >, 0.5);
  /* the visible rectangle's corners in banner space, for the loop bounds */
  double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;
  for (int k = 0; k < 4; k++)
    {
      double sx = sheet->visible[k & 1 ? 2 : 0] - a[4], sy = sheet->visible[k & 2 ? 3 : 1] - a[5];
      double x = (a[3] * sx - a[1] * sy) / det, y = (-a[2] * sx + a[0] * sy) / det;
      bx0 = MIN (bx0, x), by0 = MIN (by0, y), bx1 = MAX (bx1, x), by1 = MAX (by1, y);
    }
  Raster *out = &st->stitched;
  int x0 = MAX (0, (int) floor (bx0 * SCALE) - 1),
      x1 = MIN (out->width, (int) ceil (bx1 * SCALE) + 1);
  int y0 = MAX (0, (int) floor (by0 * SCALE) - 1),
      y1 = MIN (out->height, (int) ceil (by1 * SCALE) + 1);
  double v0x = sheet->visible[0] * SCALE, v1x = sheet->visible[2] * SCALE;
  double v0y = sheet->visible[1] * SCALE, v1y = sheet->visible[3] * SCALE;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double bx = (x + 0.5) / SCALE, by = (y + 0.5) / SCALE;
        double sx = (a[0] * bx + a[1] * by + a[4]) * SCALE;
        double sy = (a[2] * bx + a[3] * by + a[5]) * SCALE;
        if (sx < v0x || sx >= v1x || sy < v0y || sy >= v1y)
          continue;
        int u = (int) floor (sx) + st->shift, v = (int) floor (sy);
        if (u < 0 || v < 0 || u >= sheet_px->width || v >= sheet_px->height)
          g_error ("sheet %s: visible pixel %d,%d off the page", sheet->id, u, v);
        gint16 *o = &st->owner[y * out->width + x];
        *o = *o == -1 ? index : -2;
        out->data[y * out->stride + x] = sheet_px->data[v * sheet_px->stride + u];
      }
}

/* ---------------------------------------------------------------- comparing */

static int
channel_diff (guint32 p, guint32 q)
{
  int d = 0;
  for (int shift = 0; shift < 24; shift += 8)
    d = MAX (d, abs ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)));
  return d;
}

/* Within 1 px of a visible-rectangle border: a neighbour comes from another
 * sheet, or lies off the banner. */
static gboolean
near_border (const gint16 *owner, int width, int height, int x, int y)
{
  gint16 self = owner[y * width + x];
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height || owner[ny * width + nx] != self)
          return TRUE;
      }
  return FALSE;
}

typedef struct
{
  guint64 inked; /* pixels of the whole banner that are not white */
  guint64 compared, wrong, uncovered, doubled;
  int max_diff; /* over the compared pixels */
} Verdict;

static Verdict
compare (const Stitch *st, const Raster *whole, Raster *diff)
{
  const Raster *s = &st->stitched;
  Verdict v = { 0 };
  raster_init (diff, s->width, s->height);
  for (int y = 0; y < s->height; y++)
    for (int x = 0; x < s->width; x++)
      {
        gint16 o = st->owner[y * s->width + x];
        v.uncovered += o == -1;
        v.doubled += o == -2;
        guint32 p = s->data[y * s->stride + x], q = whole->data[y * whole->stride + x];
        int d = channel_diff (p, q);
        v.inked += channel_diff (q, 0xffffff) > THRESHOLD;
        /* the diff image: the banner faded, wrong pixels red, uncovered blue */
        guint32 grey = 0xc0 + ((q & 0xff) >> 2);
        diff->data[y * diff->stride + x] = o < 0 ? 0x0000ff : grey << 16 | grey << 8 | grey;
        if (o < 0 || near_border (st->owner, s->width, s->height, x, y))
          continue;
        v.compared++;
        v.max_diff = MAX (v.max_diff, d);
        if (d > THRESHOLD)
          {
            v.wrong++;
            diff->data[y * diff->stride + x] = 0xff0000;
          }
      }
  return v;
}

/* ------------------------------------------------------------------ a case */

typedef struct
{
  const char *name;
  const char *slogan; /* file contents */
  const char *size;
  const char *printer_margin; /* given to roneo */
  double simulated_margin[4]; /* mm, T R B L of the portrait sheet: the printer */
  gboolean expect_loss;       /* the printer prints less than roneo was told */
} Case;

static void
write_png (const Raster *r, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (r->surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static Verdict
stitch_case (const Case *c, const char *dir, Raster *whole, Stitch *st)
{
  g_autofree char *slogan = g_build_filename (dir, "slogan.txt", NULL);
  g_assert_true (g_file_set_contents (slogan, c->slogan, -1, NULL));
  run_roneo (dir,
             (const char *const[]){ "banner", "slogan.txt", "--size", c->size, "--printer-margin",
                                    c->printer_margin, "--manifest", "m.json", "--date",
                                    "2026-03-01", "-o", "tiles.pdf", NULL });
  run_roneo (dir, (const char *const[]){ "banner", "slogan.txt", "--size", c->size,
                                         "--printer-margin", c->printer_margin, "--whole", "--date",
                                         "2026-03-01", "-o", "whole.pdf", NULL });
  g_auto (Manifest) m = { 0 };
  g_autofree char *mpath = g_build_filename (dir, "m.json", NULL);
  manifest_load (&m, mpath);

  g_autofree char *wpath = g_build_filename (dir, "whole.pdf", NULL);
  g_autoptr (PopplerDocument) wdoc = NULL;
  open_pdf (&wdoc, wpath);
  g_assert_cmpint (poppler_document_get_n_pages (wdoc), ==, 1);
  g_autoptr (PopplerPage) wpage = poppler_document_get_page (wdoc, 0);
  double ww, wh;
  poppler_page_get_size (wpage, &ww, &wh);
  g_assert_cmpfloat (fabs (ww - m.width), <, 0.02);
  g_assert_cmpfloat (fabs (wh - m.height), <, 0.02);
  int width = px (m.width), height = px (m.height);
  raster_page (whole, wpage, width, height);

  raster_init (&st->stitched, width, height);
  st->owner = g_new (gint16, (gsize) width * height);
  for (gsize i = 0; i < (gsize) width * height; i++)
    st->owner[i] = -1;
  /* RONEO_STITCH_SHIFT=3: glue every sheet 3 px off, to see the check fail */
  const char *shift = g_getenv ("RONEO_STITCH_SHIFT");
  st->shift = shift != NULL ? atoi (shift) : 0;
  double margin[4];
  for (int k = 0; k < 4; k++)
    margin[k] = c->simulated_margin[k] * PT_PER_MM;

  g_autofree char *tpath = g_build_filename (dir, "tiles.pdf", NULL);
  g_autoptr (PopplerDocument) tdoc = NULL;
  open_pdf (&tdoc, tpath);
  g_assert_cmpint (m.sheets->len, <=, G_MAXINT16);
  guint64 marks = 0;
  for (guint i = 0; i < m.sheets->len; i++)
    {
      const Sheet *sheet = &g_array_index (m.sheets, Sheet, i);
      g_autoptr (PopplerPage) page = poppler_document_get_page (tdoc, sheet->page - 1);
      g_assert_nonnull (page);
      double pw, ph;
      poppler_page_get_size (page, &pw, &ph);
      g_assert_cmpfloat (fabs (pw - sheet->width), <, 0.02);
      g_assert_cmpfloat (fabs (ph - sheet->height), <, 0.02);
      g_auto (Raster) sheet_px = { 0 };
      raster_page (&sheet_px, page, px (pw), px (ph));
      whiten_margins (&sheet_px, sheet, margin);
      marks += count_marks (&sheet_px, sheet);
      stitch_sheet (st, &sheet_px, sheet, (gint16) i);
    }
  /* the marks are on and printed, on the waste */
  g_assert_cmpuint (marks, >, 100 * m.sheets->len);
  g_auto (Raster) diff = { 0 };
  Verdict v = compare (st, whole, &diff);
  g_test_message ("%s: %d x %d px (%" G_GUINT64_FORMAT " inked), %u sheets; %" G_GUINT64_FORMAT
                  " px compared, %" G_GUINT64_FORMAT
                  " wrong, max channel difference %d; %" G_GUINT64_FORMAT
                  " uncovered, %" G_GUINT64_FORMAT " covered twice",
                  c->name, width, height, v.inked, m.sheets->len, v.compared, v.wrong, v.max_diff,
                  v.uncovered, v.doubled);
  gboolean failed = v.wrong > 0 || v.uncovered > 0 || v.doubled > 0;
  if (failed != c->expect_loss || g_getenv ("RONEO_KEEP_TMP") != NULL)
    {
      write_png (&st->stitched, dir, "stitched.png");
      write_png (whole, dir, "whole.png");
      write_png (&diff, dir, "diff.png");
    }
  return v;
}

static void
rm_rf (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_stitch (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("roneo-stitch-XXXXXX", &error);
  g_assert_no_error (error);
  g_auto (Raster) whole = { 0 };
  g_auto (Stitch) st = { 0 };
  Verdict v = stitch_case (c, dir, &whole, &st);
  gboolean failed = v.wrong > 0 || v.uncovered > 0 || v.doubled > 0;
  if (failed != c->expect_loss)
    g_error ("%s: %s: %" G_GUINT64_FORMAT " wrong pixels of %" G_GUINT64_FORMAT
             " (max channel difference %d), %" G_GUINT64_FORMAT " uncovered, %" G_GUINT64_FORMAT
             " covered twice; see %s/diff.png (red: wrong, blue: uncovered)",
             c->name,
             c->expect_loss ? "the check missed a printer that loses pixels"
                            : "the stitched sheets differ from the whole banner",
             v.wrong, v.compared, v.max_diff, v.uncovered, v.doubled, dir);
  /* two blank rasters would match too: the slogan must be there */
  g_assert_cmpuint (v.inked, >, (guint64) st.stitched.width * st.stitched.height / 20);
  if (c->expect_loss)
    g_assert_cmpuint (v.wrong, >, 1000); /* a whole strip, not noise */
  else
    g_assert_cmpuint (v.compared, >, (guint64) st.stitched.width * st.stitched.height * 9 / 10);
  if (g_getenv ("RONEO_KEEP_TMP") != NULL)
    g_test_message ("kept %s", dir);
  else
    rm_rf (dir);
}

/* ------------------------------------------------------------------- main */

#define CORPUS_SLOGAN "Le numérique, ce n'est plus du service public\n"
#define SMALL_SLOGAN "À bas les loyers chers\n-- Collectif du quartier\n"

static const Case cases[] = {
  { "corpus-300x90cm-margin-0", CORPUS_SLOGAN, "300x90cm", "0", { 0, 0, 0, 0 }, FALSE },
  { "corpus-300x90cm-margin-5mm", CORPUS_SLOGAN, "300x90cm", "5mm", { 5, 5, 5, 5 }, FALSE },
  { "small-120x40cm-margin-5-5-12-5",
    SMALL_SLOGAN,
    "120x40cm",
    "5mm 5mm 12mm 5mm",
    { 5, 5, 12, 5 },
    FALSE },
  /* The check itself: tiles made for a borderless printer, printed on one
   * with 5 mm margins, lose strips of the letters; that must be caught. */
  { "check-catches-a-lost-margin", SMALL_SLOGAN, "120x40cm", "0", { 5, 5, 5, 5 }, TRUE },
};

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-banner-stitch PATH-TO-RONEO");
  roneo_path = argv[1];
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/banner/stitch/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_stitch);
    }
  return g_test_run ();
}
