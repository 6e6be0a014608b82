/* Banner tiling: the documented sheet counts, and properties over many specs:
 * the visible rectangles partition the banner, neighbours overlap by exactly
 * the overlap, printer margins hold on every side and through rotation, marks
 * stay on the waste. Plus IDs, --sheets, --max-sheets, errors, the manifest
 * (read back by Python's json) and the sheet dump. */
#include "roneo-error.h"
#include "roneo-tiling.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EPS 1e-6

static const double a4_w = 595.2755905511812, a4_h = 841.8897637795277;

static RoneoTilingSpec
spec_mm (double width, double height, double margin, double overlap)
{
  return (RoneoTilingSpec){ .banner_width = RONEO_MM (width),
                            .banner_height = RONEO_MM (height),
                            .sheet_width = a4_w,
                            .sheet_height = a4_h,
                            .margins = { RONEO_MM (margin), RONEO_MM (margin), RONEO_MM (margin),
                                         RONEO_MM (margin) },
                            .overlap = RONEO_MM (overlap) };
}

static void
test_documented_counts (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  guint best, landscape, portrait;
  g_assert_true (roneo_tiling_count (&spec, RONEO_TILING_BEST, &best, NULL));
  g_assert_true (roneo_tiling_count (&spec, RONEO_TILING_LANDSCAPE_ONLY, &landscape, NULL));
  g_assert_true (roneo_tiling_count (&spec, RONEO_TILING_PORTRAIT_ONLY, &portrait, NULL));
  g_assert_cmpuint (best, ==, 54);
  g_assert_cmpuint (landscape, ==, 55);
  g_assert_cmpuint (portrait, ==, 64);
  /* 54 = two portrait rows of 16 + two landscape rows of 11. */
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_assert_cmpuint (roneo_tiling_get_n_sheets (tiling), ==, 54);
  g_assert_cmpuint (tiling->n_rows, ==, 4);
  guint columns[4] = { 16, 16, 11, 11 };
  for (guint row = 0; row < 4; row++)
    {
      g_assert_cmpuint (roneo_tiling_get_n_columns (tiling, row), ==, columns[row]);
      g_assert_cmpint (roneo_tiling_lookup (tiling, row, 0)->orientation, ==,
                       row < 2 ? RONEO_ORIENTATION_PORTRAIT : RONEO_ORIENTATION_LANDSCAPE);
    }
  spec.strategy = RONEO_TILING_LANDSCAPE_ONLY;
  g_autoptr (RoneoTiling) all_landscape = roneo_tiling_new (&spec, NULL);
  g_assert_cmpuint (roneo_tiling_get_n_sheets (all_landscape), ==, 55);
}

static gboolean
rect_inside (const RoneoRect *inner, const RoneoRect *outer)
{
  return inner->x >= outer->x - EPS && inner->y >= outer->y - EPS
         && inner->x + inner->width <= outer->x + outer->width + EPS
         && inner->y + inner->height <= outer->y + outer->height + EPS;
}

/* A sheet rectangle in banner space (the matrices are translations). */
static RoneoRect
to_banner (const RoneoTile *tile, const RoneoRect *rect)
{
  g_assert_cmpfloat (tile->matrix[0], ==, 1);
  g_assert_cmpfloat (tile->matrix[1], ==, 0);
  g_assert_cmpfloat (tile->matrix[2], ==, 0);
  g_assert_cmpfloat (tile->matrix[3], ==, 1);
  return (RoneoRect){ rect->x - tile->matrix[4], rect->y - tile->matrix[5], rect->width,
                      rect->height };
}

static void
check_sheet_geometry (const RoneoTilingSpec *spec, const RoneoTile *tile)
{
  gboolean landscape = tile->orientation == RONEO_ORIENTATION_LANDSCAPE;
  RoneoMargins m = landscape ? roneo_margins_rotate (&spec->margins) : spec->margins;
  g_assert_cmpfloat (tile->width, ==, landscape ? spec->sheet_height : spec->sheet_width);
  g_assert_cmpfloat (tile->height, ==, landscape ? spec->sheet_width : spec->sheet_height);
  g_assert_true (landscape ? tile->width > tile->height : tile->width <= tile->height);
  RoneoRect printable
      = { m.left, m.top, tile->width - m.left - m.right, tile->height - m.top - m.bottom };
  g_assert_cmpfloat_with_epsilon (tile->printable.x, printable.x, EPS);
  g_assert_cmpfloat_with_epsilon (tile->printable.y, printable.y, EPS);
  g_assert_cmpfloat_with_epsilon (tile->printable.width, printable.width, EPS);
  g_assert_cmpfloat_with_epsilon (tile->printable.height, printable.height, EPS);
  g_assert_true (rect_inside (&tile->visible, &tile->banner));
  g_assert_true (rect_inside (&tile->banner, &printable));
  g_assert_cmpfloat (tile->visible.width, >, 0);
  g_assert_cmpfloat (tile->visible.height, >, 0);
}

static gboolean
rect_contains (const RoneoRect *r, double x, double y, double width, double height)
{
  /* Half-open, closed on the banner's right and bottom edges. */
  gboolean in_x = x >= r->x && (x < r->x + r->width || (x >= width && x <= r->x + r->width + EPS));
  gboolean in_y
      = y >= r->y && (y < r->y + r->height || (y >= height && y <= r->y + r->height + EPS));
  return in_x && in_y;
}

static void
check_points (const RoneoTilingSpec *spec, const RoneoRect *rects, guint n)
{
  double w = spec->banner_width, h = spec->banner_height;
  for (guint i = 0; i <= 53; i++)
    for (guint j = 0; j <= 31; j++)
      {
        double x = w * i / 53.0, y = h * j / 31.0;
        guint hits = 0;
        for (guint k = 0; k < n; k++)
          hits += rect_contains (&rects[k], x, y, w, h);
        g_assert_cmpuint (hits, ==, 1);
      }
}

/* Disjoint interiors and areas summing to the banner's: a partition. */
static void
check_partition (const RoneoTilingSpec *spec, const RoneoTiling *tiling)
{
  guint n = roneo_tiling_get_n_sheets (tiling);
  g_autofree RoneoRect *rects = g_new (RoneoRect, n);
  RoneoRect banner = { 0, 0, spec->banner_width, spec->banner_height };
  double area = 0;
  for (guint i = 0; i < n; i++)
    {
      const RoneoTile *tile = roneo_tiling_get_tile (tiling, i);
      rects[i] = to_banner (tile, &tile->visible);
      g_assert_true (rect_inside (&rects[i], &banner));
      area += rects[i].width * rects[i].height;
      for (guint k = 0; k < i; k++)
        {
          double dx = MIN (rects[i].x + rects[i].width, rects[k].x + rects[k].width)
                      - MAX (rects[i].x, rects[k].x);
          double dy = MIN (rects[i].y + rects[i].height, rects[k].y + rects[k].height)
                      - MAX (rects[i].y, rects[k].y);
          g_assert_true (dx <= EPS || dy <= EPS);
        }
    }
  g_assert_cmpfloat_with_epsilon (area / (banner.width * banner.height), 1.0, 1e-9);
  check_points (spec, rects, n);
}

/* The printed banner parts of neighbours overlap by exactly spec->overlap. */
static void
check_overlaps (const RoneoTilingSpec *spec, const RoneoTiling *tiling)
{
  for (guint i = 0; i < roneo_tiling_get_n_sheets (tiling); i++)
    {
      const RoneoTile *tile = roneo_tiling_get_tile (tiling, i);
      RoneoRect part = to_banner (tile, &tile->banner);
      const RoneoTile *right = roneo_tiling_lookup (tiling, tile->row, tile->column + 1);
      if (right != NULL)
        {
          RoneoRect other = to_banner (right, &right->banner);
          g_assert_cmpfloat_with_epsilon (part.x + part.width - other.x, spec->overlap, EPS);
        }
      const RoneoTile *below = roneo_tiling_lookup (tiling, tile->row + 1, 0);
      if (below != NULL)
        {
          RoneoRect other = to_banner (below, &below->banner);
          g_assert_cmpfloat_with_epsilon (part.y + part.height - other.y, spec->overlap, EPS);
        }
    }
}

static void
check_marks_on_waste (const RoneoTiling *tiling, guint index)
{
  const RoneoTile *tile = roneo_tiling_get_tile (tiling, index);
  g_autoptr (RoneoSheet) sheet = roneo_tiling_new_sheet (tiling, index, 0, NULL);
  g_assert_cmpstr (sheet->name, ==, tile->id);
  for (guint i = 0; i < sheet->marks->len; i++)
    {
      const RoneoMark *mark = &g_array_index (sheet->marks, RoneoMark, i);
      double half = mark->line_width / 2;
      RoneoRect extent = mark->rect;
      if (mark->kind == RONEO_MARK_CUT || mark->kind == RONEO_MARK_SCALE_BAR)
        extent = (RoneoRect){ MIN (mark->x0, mark->x1) - half, MIN (mark->y0, mark->y1) - half,
                              fabs (mark->x1 - mark->x0) + 2 * half,
                              fabs (mark->y1 - mark->y0) + 2 * half };
      if (mark->kind == RONEO_MARK_CUT && mark->x0 == mark->x1) /* butt caps */
        extent = (RoneoRect){ extent.x, extent.y + half, extent.width, extent.height - 2 * half };
      else if (mark->kind == RONEO_MARK_CUT)
        extent = (RoneoRect){ extent.x + half, extent.y, extent.width - 2 * half, extent.height };
      g_assert_true (rect_inside (&extent, &tile->printable));
      const RoneoRect *v = &tile->visible;
      g_assert_true (extent.x >= v->x + v->width - EPS || extent.y >= v->y + v->height - EPS);
    }
}

static void
check_spec (const RoneoTilingSpec *spec)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (spec, &error);
  g_assert_no_error (error);
  guint count;
  g_assert_true (roneo_tiling_count (spec, spec->strategy, &count, NULL));
  g_assert_cmpuint (count, ==, roneo_tiling_get_n_sheets (tiling));
  for (guint i = 0; i < roneo_tiling_get_n_sheets (tiling); i++)
    {
      check_sheet_geometry (spec, roneo_tiling_get_tile (tiling, i));
      check_marks_on_waste (tiling, i);
    }
  check_partition (spec, tiling);
  check_overlaps (spec, tiling);
}

static void
test_partition (void)
{
  static const double banners[][2] = { { 3000, 900 },     { 1000, 700 }, { 150, 100 }, { 190, 277 },
                                       { 1234.5, 987.6 }, { 600, 3000 }, { 12, 8 } };
  static const double sheets[][2] = { { 210, 297 }, { 297, 420 }, { 215.9, 279.4 } };
  static const RoneoMargins margins[]
      = { { 5, 5, 5, 5 }, { 3, 4, 12, 6 }, { 0, 0, 0, 0 }, { 17, 3.2, 5, 9 } };
  static const double overlaps[] = { 10, 0, 25 };
  for (guint b = 0; b < G_N_ELEMENTS (banners); b++)
    for (guint s = 0; s < G_N_ELEMENTS (sheets); s++)
      for (guint m = 0; m < G_N_ELEMENTS (margins); m++)
        for (guint strategy = 0; strategy < 3; strategy++)
          {
            RoneoTilingSpec spec = spec_mm (banners[b][0], banners[b][1], 0,
                                            overlaps[(b + m) % G_N_ELEMENTS (overlaps)]);
            spec.sheet_width = RONEO_MM (sheets[s][0]);
            spec.sheet_height = RONEO_MM (sheets[s][1]);
            spec.margins
                = (RoneoMargins){ RONEO_MM (margins[m].top), RONEO_MM (margins[m].right),
                                  RONEO_MM (margins[m].bottom), RONEO_MM (margins[m].left) };
            spec.strategy = strategy;
            check_spec (&spec);
          }
}

/* A 12 mm bottom margin (inkjet) is the left margin of a landscape page. */
static void
test_rotated_margins (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  spec.margins.bottom = RONEO_MM (12);
  spec.strategy = RONEO_TILING_LANDSCAPE_ONLY;
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  const RoneoTile *tile = roneo_tiling_get_tile (tiling, 0);
  g_assert_cmpint (tile->orientation, ==, RONEO_ORIENTATION_LANDSCAPE);
  g_assert_cmpfloat_with_epsilon (tile->printable.x, RONEO_MM (12), EPS);
  g_assert_cmpfloat_with_epsilon (tile->printable.y, RONEO_MM (5), EPS);
  g_assert_cmpfloat_with_epsilon (tile->width - tile->printable.x - tile->printable.width,
                                  RONEO_MM (5), EPS);
  spec.strategy = RONEO_TILING_PORTRAIT_ONLY;
  g_autoptr (RoneoTiling) portrait = roneo_tiling_new (&spec, NULL);
  tile = roneo_tiling_get_tile (portrait, 0);
  g_assert_cmpfloat_with_epsilon (tile->height - tile->printable.y - tile->printable.height,
                                  RONEO_MM (12), EPS);
  RoneoMargins m = { 1, 2, 3, 4 }, r = roneo_margins_rotate (&m);
  g_assert_true (r.top == 4 && r.right == 1 && r.bottom == 2 && r.left == 3);
}

static void
test_edges (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  const RoneoTile *first = roneo_tiling_get_tile (tiling, 0);
  const RoneoTile *last = roneo_tiling_get_tile (tiling, 53);
  g_assert_cmpint (first->glued_under, ==, RONEO_EDGE_RIGHT | RONEO_EDGE_BOTTOM);
  g_assert_cmpint (first->glued_over, ==, 0);
  g_assert_cmpint (last->glued_under, ==, 0);
  g_assert_cmpint (last->glued_over, ==, RONEO_EDGE_LEFT | RONEO_EDGE_TOP);
  g_assert_true (last->trimmed & RONEO_EDGE_RIGHT);
  g_assert_true (last->trimmed & RONEO_EDGE_BOTTOM);
  g_assert_cmpint (first->trimmed, ==, RONEO_EDGE_LEFT | RONEO_EDGE_TOP);
}

static void
test_ids (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_assert_cmpstr (roneo_tiling_get_tile (tiling, 0)->id, ==, "A01");
  g_assert_cmpstr (roneo_tiling_lookup (tiling, 1, 6)->id, ==, "B07");
  g_assert_cmpstr (roneo_tiling_get_tile (tiling, 53)->id, ==, "D11");
  g_autofree char *right
      = roneo_tiling_dup_neighbours (tiling, roneo_tiling_lookup (tiling, 1, 6), RONEO_EDGE_RIGHT);
  g_autofree char *left
      = roneo_tiling_dup_neighbours (tiling, roneo_tiling_get_tile (tiling, 0), RONEO_EDGE_LEFT);
  g_autofree char *below
      = roneo_tiling_dup_neighbours (tiling, roneo_tiling_lookup (tiling, 1, 6), RONEO_EDGE_BOTTOM);
  g_assert_cmpstr (right, ==, "B08");
  g_assert_cmpstr (left, ==, "");
  g_assert_cmpstr (below, ==, "C05"); /* 6·190 to 7·190 mm lies in 4·277 to 5·277 */
  /* Row letters past Z, column numbers past 99. */
  RoneoTilingSpec tall = spec_mm (200, 9500, 5, 10);
  tall.strategy = RONEO_TILING_PORTRAIT_ONLY;
  g_autoptr (RoneoTiling) tall_tiling = roneo_tiling_new (&tall, NULL);
  g_assert_cmpstr (roneo_tiling_lookup (tall_tiling, 26, 0)->id, ==, "AA01");
  RoneoTilingSpec wide = spec_mm (30000, 200, 5, 10);
  g_autoptr (RoneoTiling) wide_tiling = roneo_tiling_new (&wide, NULL);
  g_assert_cmpstr (roneo_tiling_lookup (wide_tiling, 0, 99)->id, ==, "A100");
}

static void
assert_selection_error (const RoneoTiling *tiling, const char *ids, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) selection = roneo_tiling_parse_selection (tiling, ids, &error);
  g_assert_null (selection);
  g_assert_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SHEETS);
  if (message)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_selection (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) selection = roneo_tiling_parse_selection (tiling, "c03, b07,B7", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (selection->len, ==, 2);
  g_assert_cmpstr (roneo_tiling_get_tile (tiling, g_array_index (selection, guint, 0))->id, ==,
                   "B07");
  g_assert_cmpstr (roneo_tiling_get_tile (tiling, g_array_index (selection, guint, 1))->id, ==,
                   "C03");
  assert_selection_error (tiling, "B07,Z99",
                          "no sheet 'Z99' (this banner has A01-A16, B01-B16, C01-C11, D01-D11)");
  assert_selection_error (tiling, "C12",
                          "no sheet 'C12' (this banner has A01-A16, B01-B16, C01-C11, D01-D11)");
  assert_selection_error (tiling, "A00", NULL);
  assert_selection_error (tiling, "7B", NULL);
  assert_selection_error (tiling, "B07,,C03", "an empty sheet ID");
  assert_selection_error (tiling, "", NULL);
}

static void
test_max_sheets (void)
{
  static const guint limits[] = { 1, 2, 6, 54, 100 };
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      double width, height;
      guint count;
      g_assert_true (roneo_tiling_fit_max_sheets (&spec, limits[i], &width, &height, NULL));
      g_assert_cmpfloat_with_epsilon (width / height, 3000.0 / 900.0, 1e-9);
      RoneoTilingSpec fitted = spec;
      fitted.banner_width = width;
      fitted.banner_height = height;
      g_assert_true (roneo_tiling_count (&fitted, RONEO_TILING_BEST, &count, NULL));
      g_assert_cmpuint (count, <=, limits[i]);
      fitted.banner_width = width * 1.0001;
      fitted.banner_height = height * 1.0001;
      g_assert_true (roneo_tiling_count (&fitted, RONEO_TILING_BEST, &count, NULL));
      g_assert_cmpuint (count, >, limits[i]);
    }
  double width, height;
  g_assert_true (roneo_tiling_fit_max_sheets (&spec, 54, &width, &height, NULL));
  g_assert_cmpfloat (width, >=, RONEO_MM (3000) - EPS);
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_tiling_fit_max_sheets (&spec, 0, &width, &height, &error));
  g_assert_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_MAX_SHEETS);
}

/* Refused as the setting it is about (overlap, margins, size, sheets). */
static void
assert_spec_error (const RoneoTilingSpec *spec, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (spec, &error);
  g_assert_null (tiling);
  g_assert_error (error, RONEO_JOB_ERROR, code);
}

static void
test_errors (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 105);
  assert_spec_error (&spec, RONEO_JOB_ERROR_OVERLAP); /* overlap half the sheet */
  spec = spec_mm (3000, 900, 105, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_PRINTER_MARGIN);
  spec = spec_mm (3000, 900, 5, 10);
  spec.margins.bottom = RONEO_MM (150);
  assert_spec_error (&spec, RONEO_JOB_ERROR_PRINTER_MARGIN);
  spec = spec_mm (3000, 900, 100, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_OVERLAP); /* 10 mm printable, no stride */
  spec = spec_mm (0, 900, 5, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_SIZE);
  spec = spec_mm (3000, -1, 5, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_SIZE);
  spec = spec_mm (50001, 900, 5, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_SIZE);
  spec = spec_mm (50000, 50000, 5, 10);
  assert_spec_error (&spec, RONEO_JOB_ERROR_MAX_SHEETS); /* too many sheets */
  spec = spec_mm (50000, 900, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_assert_nonnull (tiling);
}

/* json.load must accept the manifest; Python prints what it read back. */
static char *
read_back_manifest (const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("roneo-manifest-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  const char *script = "import json,sys\n"
                       "m = json.load(open(sys.argv[1]))\n"
                       "print(m['banner']['width_pt'], m['banner']['height_pt'])\n"
                       "for s in m['sheets']:\n"
                       "  print(s['id'], s['page'], *s['size_pt'], *s['matrix'], *s['visible'])\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  char *out = NULL;
  int status;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return out;
}

static void
check_manifest_line (const RoneoTile *tile, const char *line, guint page)
{
  g_auto (GStrv) words = g_strsplit (line, " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 14);
  g_assert_cmpstr (words[0], ==, tile->id);
  g_assert_cmpuint (g_ascii_strtoull (words[1], NULL, 10), ==, page);
  const RoneoRect *v = &tile->visible;
  double expected[12] = {
    tile->width,     tile->height,    1, 0, 0, 1, tile->matrix[4], tile->matrix[5], v->x, v->y,
    v->x + v->width, v->y + v->height
  };
  for (guint i = 0; i < 12; i++)
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (words[i + 2], NULL), expected[i], 0.0051);
}

static void
test_manifest (void)
{
  RoneoTilingSpec spec = spec_mm (3000, 900, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_autoptr (GString) json = g_string_new (NULL);
  roneo_tiling_write_manifest (tiling, 1, json);
  g_assert_null (strstr (json->str, "-0.00"));
  g_assert_nonnull (strstr (json->str, "{\"id\": \"A01\", \"page\": 2, "
                                       "\"size_pt\": [595.28, 841.89], "
                                       "\"matrix\": [1.00, 0.00, 0.00, 1.00, 14.17, 14.17], "
                                       "\"visible\": [14.17, 14.17, 552.76, 799.37]}"));
  g_autofree char *out = read_back_manifest (json->str);
  g_auto (GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 55);
  g_assert_cmpstr (lines[0], ==, "8503.94 2551.18");
  for (guint i = 0; i < 54; i++)
    check_manifest_line (roneo_tiling_get_tile (tiling, i), lines[i + 1], i + 2);
  /* A selection keeps page order. */
  g_autoptr (GArray) selection = roneo_tiling_parse_selection (tiling, "C03,B07", NULL);
  g_string_truncate (json, 0);
  roneo_tiling_write_manifest_selection (tiling, selection, 1, json);
  g_autofree char *selected = read_back_manifest (json->str);
  g_auto (GStrv) selected_lines = g_strsplit (g_strchomp (selected), "\n", -1);
  g_assert_cmpuint (g_strv_length (selected_lines), ==, 3);
  check_manifest_line (roneo_tiling_lookup (tiling, 1, 6), selected_lines[1], 2);
  check_manifest_line (roneo_tiling_lookup (tiling, 2, 2), selected_lines[2], 3);
}

static const char expected_dump[]
    = "sheet A01 841.89 595.28\n"
      "  place page 1 source 0.00 0.00 1417.32 850.39 matrix 1.00 0.00 0.00 1.00 14.17 14.17 clip "
      "14.17 14.17 813.54 566.93\n"
      "  glue 799.37 14.17 28.35 538.58 spacing 8.50\n"
      "  glue 14.17 552.76 813.54 28.35 spacing 8.50\n"
      "  cut 14.42 553.01 14.42 581.10 width 0.50\n"
      "  cut 799.62 14.42 827.72 14.42 width 0.50\n"
      "  scale 812.13 406.77 812.13 548.50 width 1.00 length 141.73 knockout\n"
      "  label 803.62 362.83 17.01 39.69 size 10.00 vertical knockout \"50 mm\"\n"
      "  label 803.62 18.43 19.84 335.91 size 15.26 vertical knockout \"Sheet A01   \342\206\221 "
      "A02   \342\206\222 B01\"\n"
      "sheet B02 841.89 595.28\n"
      "  place page 1 source 0.00 0.00 1417.32 850.39 matrix 1.00 0.00 0.00 1.00 -771.02 -524.41 "
      "clip 14.17 14.17 632.13 311.81\n"
      "  cut 14.42 326.23 14.42 581.10 width 0.50\n"
      "  cut 646.55 14.42 827.72 14.42 width 0.50\n"
      "  cut 646.55 14.17 646.55 581.10 width 0.50\n"
      "  cut 14.17 326.23 827.72 326.23 width 0.50\n"
      "  scale 500.31 338.74 642.05 338.74 width 1.00 length 141.73 knockout\n"
      "  label 456.38 330.24 39.69 17.01 size 10.00 knockout \"50 mm\"\n"
      "  label 650.55 18.43 172.91 558.43 size 31.91 vertical knockout \"Sheet B02   \342\206\223 "
      "B01   \342\206\220 A02\"\n";

static void
test_sheet_dump (void)
{
  RoneoTilingSpec spec = spec_mm (500, 300, 5, 10);
  g_autoptr (RoneoTiling) tiling = roneo_tiling_new (&spec, NULL);
  g_assert_cmpuint (roneo_tiling_get_n_sheets (tiling), ==, 4);
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < 4; i += 3) /* A01 and B02, the two corners */
    {
      g_autoptr (RoneoSheet) sheet = roneo_tiling_new_sheet (tiling, i, 0, NULL);
      g_autofree char *dump = roneo_sheet_dump (sheet);
      g_autofree char *again = roneo_sheet_dump (sheet);
      g_assert_cmpstr (dump, ==, again);
      g_string_append (all, dump);
    }
  g_autofree char *text = g_string_free (all, FALSE);
  if (g_getenv ("RONEO_PRINT_DUMP"))
    fputs (text, stdout);
  else
    g_assert_cmpstr (text, ==, expected_dump);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tiling/documented-counts", test_documented_counts);
  g_test_add_func ("/tiling/partition", test_partition);
  g_test_add_func ("/tiling/rotated-margins", test_rotated_margins);
  g_test_add_func ("/tiling/edges", test_edges);
  g_test_add_func ("/tiling/ids", test_ids);
  g_test_add_func ("/tiling/selection", test_selection);
  g_test_add_func ("/tiling/max-sheets", test_max_sheets);
  g_test_add_func ("/tiling/errors", test_errors);
  g_test_add_func ("/tiling/manifest", test_manifest);
  g_test_add_func ("/tiling/sheet-dump", test_sheet_dump);
  return g_test_run ();
}
