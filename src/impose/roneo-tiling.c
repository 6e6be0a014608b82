/* roneo-tiling.c: rows of sheets over a banner, fewest sheets first.
 *
 * A row of one orientation needs ceil ((W - overlap) / stride) sheets across
 * and adds (printable height - overlap) to the covered height. With only two
 * orientations the optimal mix is found by trying every count of landscape rows
 * and completing with as few portrait rows as cover the height; the order of
 * the rows does not change the count, so portrait rows come first.
 */
#include "roneo-tiling.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <math.h>
#include <string.h>

#define EPSILON 1e-6 /* pt: well under anything a printer or a dump can show */

typedef struct
{
  double width, height; /* the sheet as printed */
  RoneoMargins margins;
  double printable_width, printable_height;
  double stride_x, stride_y;
  guint columns; /* sheets across the banner */
} Frame;

typedef struct
{
  guint portrait_rows, landscape_rows;
  double sheets; /* double: a silly spec must not overflow */
} Plan;

RoneoMargins
roneo_margins_rotate (const RoneoMargins *portrait)
{
  return (RoneoMargins){ .top = portrait->left,
                         .right = portrait->top,
                         .bottom = portrait->right,
                         .left = portrait->bottom };
}

static double
steps_needed (double length, double printable, double overlap)
{
  double steps = ceil ((length - overlap) / (printable - overlap) - 1e-9);
  return MAX (steps, 1.0);
}

static Frame
frame_new (const RoneoTilingSpec *spec, RoneoOrientation orientation)
{
  gboolean landscape = orientation == RONEO_ORIENTATION_LANDSCAPE;
  Frame frame = { .width = landscape ? spec->sheet_height : spec->sheet_width,
                  .height = landscape ? spec->sheet_width : spec->sheet_height,
                  .margins = landscape ? roneo_margins_rotate (&spec->margins) : spec->margins };
  frame.printable_width = frame.width - frame.margins.left - frame.margins.right;
  frame.printable_height = frame.height - frame.margins.top - frame.margins.bottom;
  frame.stride_x = frame.printable_width - spec->overlap;
  frame.stride_y = frame.printable_height - spec->overlap;
  double columns = steps_needed (spec->banner_width, frame.printable_width, spec->overlap);
  frame.columns = (guint) MIN (columns, (double) G_MAXUINT);
  return frame;
}

/* A setting of the job out of range: code says which. */
static gboolean
setting_error (GError **error, RoneoJobErrorCode code, const char *format, double value)
{
  g_set_error (error, RONEO_JOB_ERROR, code, _ (format), value / RONEO_PT_PER_MM);
  return FALSE;
}

static gboolean
check_sheet (const RoneoTilingSpec *spec, GError **error)
{
  const RoneoMargins *m = &spec->margins;
  double half_width = spec->sheet_width / 2, half_height = spec->sheet_height / 2;
  if (m->left >= half_width || m->right >= half_width || m->top >= half_height
      || m->bottom >= half_height || m->left < 0 || m->right < 0 || m->top < 0 || m->bottom < 0)
    return setting_error (error, RONEO_JOB_ERROR_PRINTER_MARGIN,
                          N_ ("printer margin out of range (0 to half the sheet, %.1f mm)"),
                          MIN (half_width, half_height));
  if (spec->overlap < 0 || spec->overlap >= MIN (half_width, half_height))
    return setting_error (error, RONEO_JOB_ERROR_OVERLAP,
                          N_ ("overlap out of range (0 to half the sheet, %.1f mm)"),
                          MIN (half_width, half_height));
  double printable
      = MIN (spec->sheet_width - m->left - m->right, spec->sheet_height - m->top - m->bottom);
  if (spec->overlap > printable - RONEO_MM (1.0))
    return setting_error (error, RONEO_JOB_ERROR_OVERLAP,
                          N_ ("overlap leaves less than 1 mm of a sheet's printable %.1f mm"),
                          printable);
  return TRUE;
}

gboolean
roneo_tiling_spec_check (const RoneoTilingSpec *spec, GError **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (spec->sheet_width > 0 && spec->sheet_width <= spec->sheet_height, FALSE);
  if (!(spec->banner_width > 0 && spec->banner_height > 0))
    return setting_error (error, RONEO_JOB_ERROR_SIZE,
                          N_ ("banner size must be positive (%.1f mm)"),
                          MIN (spec->banner_width, spec->banner_height));
  if (spec->banner_width > RONEO_TILING_MAX_BANNER + EPSILON
      || spec->banner_height > RONEO_TILING_MAX_BANNER + EPSILON)
    return setting_error (error, RONEO_JOB_ERROR_SIZE, N_ ("banner larger than %.0f mm"),
                          RONEO_TILING_MAX_BANNER);
  return check_sheet (spec, error);
}

static Plan
plan_rows (const RoneoTilingSpec *spec, RoneoTilingStrategy strategy)
{
  Frame portrait = frame_new (spec, RONEO_ORIENTATION_PORTRAIT);
  Frame landscape = frame_new (spec, RONEO_ORIENTATION_LANDSCAPE);
  double all_landscape
      = steps_needed (spec->banner_height, landscape.printable_height, spec->overlap);
  double first = strategy == RONEO_TILING_LANDSCAPE_ONLY ? all_landscape : 0;
  double last = strategy == RONEO_TILING_PORTRAIT_ONLY ? 0 : all_landscape;
  Plan best = { .sheets = INFINITY };
  for (double k = first; k <= last; k++)
    {
      double rest = spec->banner_height - spec->overlap - k * landscape.stride_y;
      double p = rest > EPSILON ? ceil (rest / portrait.stride_y - 1e-9) : 0;
      if (k + p == 0)
        p = 1;
      double sheets = k * landscape.columns + p * portrait.columns;
      if (sheets < best.sheets)
        best = (Plan){ .portrait_rows = (guint) p, .landscape_rows = (guint) k, .sheets = sheets };
    }
  return best;
}

gboolean
roneo_tiling_count (const RoneoTilingSpec *spec, RoneoTilingStrategy strategy, guint *n_sheets,
                    GError **error)
{
  if (!roneo_tiling_spec_check (spec, error))
    return FALSE;
  *n_sheets = (guint) MIN (plan_rows (spec, strategy).sheets, (double) G_MAXUINT);
  return TRUE;
}

static void
set_id (RoneoTile *tile)
{
  char letters[8];
  guint n = tile->row + 1, i = sizeof letters - 1;
  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (n - 1) % 26);
      n = (n - 1) / 26;
    }
  g_snprintf (tile->id, sizeof tile->id, "%s%02u", letters + i, tile->column + 1);
}

static RoneoEdge
edges_if (gboolean top, gboolean right, gboolean bottom, gboolean left)
{
  return (top ? RONEO_EDGE_TOP : 0) | (right ? RONEO_EDGE_RIGHT : 0)
         | (bottom ? RONEO_EDGE_BOTTOM : 0) | (left ? RONEO_EDGE_LEFT : 0);
}

/* Sheet-space geometry of a tile whose printable top-left shows banner (x, y). */
static void
tile_place (RoneoTile *tile, const RoneoTilingSpec *spec, const Frame *frame, double x, double y,
            gboolean last_column, gboolean last_row)
{
  const RoneoMargins *m = &frame->margins;
  double left_in = spec->banner_width - x, below = spec->banner_height - y;
  double matrix[6] = { 1, 0, 0, 1, m->left - x, m->top - y };
  memcpy (tile->matrix, matrix, sizeof matrix);
  tile->printable = (RoneoRect){ m->left, m->top, frame->printable_width, frame->printable_height };
  tile->visible = (RoneoRect){ m->left, m->top, last_column ? left_in : frame->stride_x,
                               last_row ? below : frame->stride_y };
  tile->banner = (RoneoRect){ m->left, m->top, MIN (frame->printable_width, left_in),
                              MIN (frame->printable_height, below) };
  tile->trimmed = edges_if (TRUE, frame->printable_width + m->right > left_in + EPSILON,
                            frame->printable_height + m->bottom > below + EPSILON, TRUE);
  tile->glued_under = edges_if (FALSE, !last_column, !last_row, FALSE);
  tile->glued_over = edges_if (tile->row > 0, FALSE, FALSE, tile->column > 0);
}

static void
add_row (RoneoTiling *tiling, RoneoOrientation orientation, double top, gboolean last_row)
{
  Frame frame = frame_new (&tiling->spec, orientation);
  for (guint column = 0; column < frame.columns; column++)
    {
      RoneoTile tile = { .row = tiling->n_rows,
                         .column = column,
                         .index = tiling->tiles->len,
                         .orientation = orientation,
                         .width = frame.width,
                         .height = frame.height,
                         .margins = frame.margins };
      set_id (&tile);
      tile_place (&tile, &tiling->spec, &frame, column * frame.stride_x, top,
                  column + 1 == frame.columns, last_row);
      g_array_append_val (tiling->tiles, tile);
    }
  tiling->row_top[tiling->n_rows] = top;
  tiling->n_rows++;
  tiling->row_start[tiling->n_rows] = tiling->tiles->len;
}

static void
build_rows (RoneoTiling *tiling, const Plan *plan)
{
  guint n_rows = plan->portrait_rows + plan->landscape_rows;
  tiling->row_start = g_new0 (guint, n_rows + 1);
  tiling->row_top = g_new0 (double, n_rows);
  double top = 0;
  for (guint row = 0; row < n_rows; row++)
    {
      RoneoOrientation orientation
          = row < plan->portrait_rows ? RONEO_ORIENTATION_PORTRAIT : RONEO_ORIENTATION_LANDSCAPE;
      Frame frame = frame_new (&tiling->spec, orientation);
      add_row (tiling, orientation, top, row + 1 == n_rows);
      top += frame.stride_y;
    }
}

RoneoTiling *
roneo_tiling_new (const RoneoTilingSpec *spec, GError **error)
{
  if (!roneo_tiling_spec_check (spec, error))
    return NULL;
  Plan plan = plan_rows (spec, spec->strategy);
  if (plan.sheets > RONEO_TILING_MAX_SHEETS)
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_MAX_SHEETS,
                   _ ("banner needs %.0f sheets, more than %d"), plan.sheets,
                   RONEO_TILING_MAX_SHEETS);
      return NULL;
    }
  RoneoTiling *tiling = g_new0 (RoneoTiling, 1);
  tiling->spec = *spec;
  tiling->tiles = g_array_sized_new (FALSE, TRUE, sizeof (RoneoTile), (guint) plan.sheets);
  build_rows (tiling, &plan);
  return tiling;
}

void
roneo_tiling_free (RoneoTiling *tiling)
{
  if (tiling == NULL)
    return;
  g_array_unref (tiling->tiles);
  g_free (tiling->row_start);
  g_free (tiling->row_top);
  g_free (tiling);
}

guint
roneo_tiling_get_n_sheets (const RoneoTiling *tiling)
{
  return tiling->tiles->len;
}

const RoneoTile *
roneo_tiling_get_tile (const RoneoTiling *tiling, guint index)
{
  g_return_val_if_fail (index < tiling->tiles->len, NULL);
  return &g_array_index (tiling->tiles, RoneoTile, index);
}

guint
roneo_tiling_get_n_columns (const RoneoTiling *tiling, guint row)
{
  g_return_val_if_fail (row < tiling->n_rows, 0);
  return tiling->row_start[row + 1] - tiling->row_start[row];
}

const RoneoTile *
roneo_tiling_lookup (const RoneoTiling *tiling, guint row, guint column)
{
  if (row >= tiling->n_rows || column >= roneo_tiling_get_n_columns (tiling, row))
    return NULL;
  return roneo_tiling_get_tile (tiling, tiling->row_start[row] + column);
}

/* The banner x span of a tile's visible rectangle. */
static void
visible_span (const RoneoTile *tile, double *x0, double *x1)
{
  *x0 = tile->visible.x - tile->matrix[4];
  *x1 = *x0 + tile->visible.width;
}

static void
append_row_neighbours (GString *out, const RoneoTiling *tiling, const RoneoTile *tile, guint row)
{
  double x0, x1;
  visible_span (tile, &x0, &x1);
  for (guint column = 0; column < roneo_tiling_get_n_columns (tiling, row); column++)
    {
      const RoneoTile *other = roneo_tiling_lookup (tiling, row, column);
      double o0, o1;
      visible_span (other, &o0, &o1);
      if (MIN (x1, o1) - MAX (x0, o0) > EPSILON)
        g_string_append_printf (out, "%s%s", out->len ? " " : "", other->id);
    }
}

char *
roneo_tiling_dup_neighbours (const RoneoTiling *tiling, const RoneoTile *tile, RoneoEdge edge)
{
  GString *out = g_string_new (NULL);
  const RoneoTile *other = NULL;
  if (edge == RONEO_EDGE_LEFT && tile->column > 0)
    other = roneo_tiling_lookup (tiling, tile->row, tile->column - 1);
  else if (edge == RONEO_EDGE_RIGHT)
    other = roneo_tiling_lookup (tiling, tile->row, tile->column + 1);
  else if (edge == RONEO_EDGE_TOP && tile->row > 0)
    append_row_neighbours (out, tiling, tile, tile->row - 1);
  else if (edge == RONEO_EDGE_BOTTOM && tile->row + 1 < tiling->n_rows)
    append_row_neighbours (out, tiling, tile, tile->row + 1);
  if (other != NULL)
    g_string_append (out, other->id);
  return g_string_free (out, FALSE);
}

gboolean
roneo_tiling_fit_max_sheets (const RoneoTilingSpec *spec, guint max_sheets, double *width,
                             double *height, GError **error)
{
  if (!roneo_tiling_spec_check (spec, error))
    return FALSE;
  if (max_sheets == 0)
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_MAX_SHEETS,
                           _ ("no sheets allowed (at least 1)"));
      return FALSE;
    }
  RoneoTilingSpec trial = *spec;
  double longest = MAX (spec->banner_width, spec->banner_height);
  double low = 0, high = RONEO_TILING_MAX_BANNER / longest; /* scales */
  for (int i = 0; i < 100 && high - low > 1e-12 * high; i++)
    {
      double scale = (low + high) / 2;
      trial.banner_width = spec->banner_width * scale;
      trial.banner_height = spec->banner_height * scale;
      if (plan_rows (&trial, spec->strategy).sheets <= max_sheets)
        low = scale;
      else
        high = scale;
    }
  trial.banner_width = spec->banner_width * high;
  trial.banner_height = spec->banner_height * high;
  double scale = plan_rows (&trial, spec->strategy).sheets <= max_sheets ? high : low;
  *width = spec->banner_width * scale;
  *height = spec->banner_height * scale;
  return TRUE;
}
