#include "roneo-cover.h"

#include <math.h>

#define MARGIN RONEO_MM (15.0)
#define SCALE_LENGTH RONEO_MM (100.0)
#define TITLE_SIZE 16.0
#define TEXT_SIZE 10.0
#define LINE_GAP 1.45 /* text lines step by size x this */
#define GRID_WIDTH 0.4

typedef struct
{
  RoneoSheet *sheet;
  double x, width; /* the text column */
  double y;        /* next free y */
} Cover;

static void
add_text (Cover *c, const char *text, double size)
{
  RoneoMark mark = { .kind = RONEO_MARK_LABEL, .size = size, .text = (char *) text };
  mark.rect = (RoneoRect){ c->x, c->y, c->width, size * LINE_GAP };
  roneo_sheet_add_mark (c->sheet, &mark);
  c->y += size * LINE_GAP;
}

static void
add_grid_line (Cover *c, double x0, double y0, double x1, double y1)
{
  RoneoMark mark = {
    .kind = RONEO_MARK_CUT, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .line_width = GRID_WIDTH
  };
  roneo_sheet_add_mark (c->sheet, &mark);
}

/* Each tile's visible part on the thumbnail: its outline and its ID. */
static void
add_tile (Cover *c, const RoneoTile *tile, double scale, double left, double top)
{
  /* Tiles are translations: banner = sheet - (e, f). */
  double x = (tile->visible.x - tile->matrix[4]) * scale + left;
  double y = (tile->visible.y - tile->matrix[5]) * scale + top;
  double w = tile->visible.width * scale, h = tile->visible.height * scale;
  add_grid_line (c, x, y, x + w, y);
  add_grid_line (c, x, y, x, y + h);
  add_grid_line (c, x + w, y, x + w, y + h);
  add_grid_line (c, x, y + h, x + w, y + h);
  double size = MIN (TEXT_SIZE, MIN (w / 2.2, h / 1.6));
  RoneoMark mark = { .kind = RONEO_MARK_LABEL, .size = size, .text = (char *) tile->id };
  mark.rect = (RoneoRect){ x, y + (h - size * 1.2) / 2, w, size * 1.2 };
  roneo_sheet_add_mark (c->sheet, &mark);
}

static void
add_thumbnail (Cover *c, const RoneoTiling *tiling, guint page)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  double scale = MIN (c->width / spec->banner_width, RONEO_MM (110) / spec->banner_height);
  double w = spec->banner_width * scale, h = spec->banner_height * scale;
  double left = c->x + (c->width - w) / 2, top = c->y;
  RoneoPlacement placement = {
    .page = page,
    .source = { 0, 0, spec->banner_width, spec->banner_height },
    .matrix = { scale, 0, 0, scale, left, top },
    .clip = { left, top, w, h },
  };
  roneo_sheet_add_placement (c->sheet, &placement);
  for (guint i = 0; i < roneo_tiling_get_n_sheets (tiling); i++)
    add_tile (c, roneo_tiling_get_tile (tiling, i), scale, left, top);
  c->y += h + TEXT_SIZE;
}

static void
add_facts (Cover *c, const RoneoTiling *tiling, const RoneoCoverText *text)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  g_autofree char *size = g_strdup_printf (
      "Banner %.0f × %.0f cm · %u sheets %s in %u rows · overlap %.0f mm",
      spec->banner_width / RONEO_MM (10), spec->banner_height / RONEO_MM (10),
      roneo_tiling_get_n_sheets (tiling), text->sheet_name ? text->sheet_name : "", tiling->n_rows,
      spec->overlap / RONEO_PT_PER_MM);
  add_text (c, size, TEXT_SIZE);
  add_text (c,
            "PRINT AT 100 % / ACTUAL SIZE — NEVER “FIT TO PAGE”. "
            "Check: the bar below must measure 100 mm.",
            TEXT_SIZE);
}

static void
add_instructions (Cover *c, const RoneoTiling *tiling)
{
  const RoneoTile *last = roneo_tiling_get_tile (tiling, roneo_tiling_get_n_sheets (tiling) - 1);
  static const char *const steps[] = {
    "1. Cut each sheet along its cut marks: the left and top edges (and the banner's own edges).",
    "2. Lay row A out from left to right: glue each sheet over the hatched strip of the one "
    "before.",
    "3. Then row B over the hatched bottom strip of row A, and so on down to the last row.",
    "4. Nothing but the slogan shows once assembled: IDs and marks are on the parts hidden or cut.",
  };
  g_autofree char *order = g_strdup_printf ("Order: A01 … %s, row by row; each sheet names "
                                            "its neighbours in its margin.",
                                            last->id);
  add_text (c, order, TEXT_SIZE);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    add_text (c, steps[i], TEXT_SIZE);
}

static void
add_scale_bar (Cover *c)
{
  double y = c->y + TEXT_SIZE;
  RoneoMark mark = { .kind = RONEO_MARK_SCALE_BAR,
                     .x0 = c->x,
                     .y0 = y,
                     .x1 = c->x + SCALE_LENGTH,
                     .y1 = y,
                     .line_width = 1.0,
                     .length = SCALE_LENGTH,
                     .text = (char *) "100 mm" };
  mark.rect = (RoneoRect){ c->x, y - 6, SCALE_LENGTH + RONEO_MM (25), 24 };
  roneo_sheet_add_mark (c->sheet, &mark);
  c->y = y + 24;
}

RoneoSheet *
roneo_tiling_new_cover (const RoneoTiling *tiling, const RoneoCoverText *text, guint page)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  RoneoSheet *sheet = roneo_sheet_new ("cover", spec->sheet_width, spec->sheet_height);
  double margin = MAX (MARGIN, MAX (spec->margins.left, spec->margins.top) + RONEO_MM (5));
  Cover c = { sheet, margin, spec->sheet_width - 2 * margin, margin };
  add_text (&c, text->title ? text->title : "", TITLE_SIZE);
  c.y += TEXT_SIZE / 2;
  add_thumbnail (&c, tiling, page);
  add_facts (&c, tiling, text);
  c.y += TEXT_SIZE / 2;
  add_instructions (&c, tiling);
  add_scale_bar (&c);
  return sheet;
}
