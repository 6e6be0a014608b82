/* roneo-tiling.h: a banner cut into printer sheets, pure geometry (PRINT.md "Banner tiles").
 *
 * A tiling is made once from a RoneoTilingSpec and is then read only; it owns
 * its tiles. The banner lies in rows of sheets; each row is all portrait or all
 * landscape, chosen so the whole banner needs the fewest sheets. Lengths are pt,
 * origins top-left, y down, in banner space and in sheet space alike.
 *
 * Conventions (the renderer, the manifest and the tests rely on them):
 * - The banner's top-left corner sits at the top-left corner of the printable
 *   area of sheet A01. Tiles step by the stride = printable extent - overlap.
 * - Overlaps: the sheet on the right is glued OVER its left neighbour, and each
 *   row is glued OVER the row above. A sheet's left and top edges are trimmed at
 *   its printable edge; its right and bottom overlap strips (exactly `overlap`
 *   wide inside the printable area) are the glue zones hidden under the
 *   neighbours. Where a sheet reaches past the banner's right or bottom edge,
 *   it is trimmed there.
 * - So the visible rectangle of every sheet starts at its printable top-left
 *   corner; the rest of the printable area (glue zones and parts beyond the
 *   banner) is waste, where marks and labels may go. The visible rectangles
 *   partition the banner.
 * - Printer margins are given for the portrait sheet. A landscape page is
 *   printed rotated 90 degrees counter-clockwise on the paper (the usual driver
 *   choice): the landscape page's top is the paper's left edge, its right the
 *   paper's top, its bottom the paper's right, its left the paper's bottom.
 */
#pragma once

#include "roneo-sheet.h"
#include "roneo-units.h"

G_BEGIN_DECLS

#define RONEO_TILING_MAX_BANNER RONEO_MM (50000.0) /* 50 m */
#define RONEO_TILING_MAX_SHEETS 10000

typedef struct
{
  double top, right, bottom, left; /* pt */
} RoneoMargins;

typedef enum
{
  RONEO_ORIENTATION_PORTRAIT,
  RONEO_ORIENTATION_LANDSCAPE,
} RoneoOrientation;

typedef enum
{
  RONEO_TILING_BEST,           /* rows chosen one by one: fewest sheets */
  RONEO_TILING_PORTRAIT_ONLY,  /* every sheet portrait */
  RONEO_TILING_LANDSCAPE_ONLY, /* every sheet landscape */
} RoneoTilingStrategy;

typedef enum
{
  RONEO_EDGE_TOP = 1 << 0,
  RONEO_EDGE_RIGHT = 1 << 1,
  RONEO_EDGE_BOTTOM = 1 << 2,
  RONEO_EDGE_LEFT = 1 << 3,
} RoneoEdge;

typedef struct
{
  double banner_width, banner_height; /* pt */
  double sheet_width, sheet_height;   /* pt, portrait: width <= height */
  RoneoMargins margins;               /* printer margins of the portrait sheet */
  double overlap;                     /* pt, glued under the neighbour */
  RoneoTilingStrategy strategy;
} RoneoTilingSpec;

typedef struct
{
  guint row, column; /* 0-based */
  guint index;       /* in the tiling's tiles, which are in row-major order */
  char id[16];       /* "B07": row letter(s) A..Z, AA.., column from 01 */
  RoneoOrientation orientation;
  double width, height;  /* the sheet as printed: landscape means width > height */
  RoneoMargins margins;  /* the printer margins on this sheet, rotated with it */
  double matrix[6];      /* banner -> sheet: x' = a x + b y + e, y' = c x + d y + f */
  RoneoRect printable;   /* on the sheet */
  RoneoRect visible;     /* on the sheet: what shows after assembly */
  RoneoRect banner;      /* on the sheet: the banner clipped to the printable area */
  RoneoEdge trimmed;     /* edges cut off (left and top always, right/bottom past the banner) */
  RoneoEdge glued_under; /* edges whose strip goes under a neighbour: right, bottom */
  RoneoEdge glued_over;  /* edges laid over a neighbour: left, top */
} RoneoTile;

typedef struct
{
  RoneoTilingSpec spec;
  guint n_rows;
  GArray *tiles;    /* RoneoTile, row-major */
  guint *row_start; /* n_rows + 1: row r holds tiles [row_start[r], row_start[r + 1]) */
  double *row_top;  /* n_rows: the banner y of each row's printable top */
} RoneoTiling;

/* The margins of a landscape page printed on a portrait sheet with `portrait`
 * margins (see the convention above). */
RoneoMargins roneo_margins_rotate (const RoneoMargins *portrait);

/* Checks the spec: banner size in (0, 50 m], margins and overlap under half the
 * sheet and leaving a stride. RONEO_ERROR_USAGE otherwise. */
gboolean roneo_tiling_spec_check (const RoneoTilingSpec *spec, GError **error);

/* The number of sheets the spec needs with `strategy` (spec->strategy is
 * ignored), without building the tiling. FALSE with an error if the spec is bad. */
gboolean roneo_tiling_count (const RoneoTilingSpec *spec, RoneoTilingStrategy strategy,
                             guint *n_sheets, GError **error);

/* Lays the banner out. Returns an owned tiling, or NULL with RONEO_ERROR_USAGE
 * if the spec is bad or would need more than RONEO_TILING_MAX_SHEETS sheets. */
RoneoTiling *roneo_tiling_new (const RoneoTilingSpec *spec, GError **error);
void roneo_tiling_free (RoneoTiling *tiling);

guint roneo_tiling_get_n_sheets (const RoneoTiling *tiling);
/* Borrowed. */
const RoneoTile *roneo_tiling_get_tile (const RoneoTiling *tiling, guint index);
guint roneo_tiling_get_n_columns (const RoneoTiling *tiling, guint row);
/* The tile at (row, column) or NULL when there is none. Borrowed. */
const RoneoTile *roneo_tiling_lookup (const RoneoTiling *tiling, guint row, guint column);

/* The IDs of the neighbours on `edge` ("B06"; above and below, every tile of the
 * adjacent row whose visible span meets this one's), joined by spaces; "" when
 * none. Owned. */
char *roneo_tiling_dup_neighbours (const RoneoTiling *tiling, const RoneoTile *tile,
                                   RoneoEdge edge);

/* "B07,C03" (case and spaces ignored, "B7" accepted) -> the tile indices in
 * tiling order, without duplicates. Owned GArray of guint, or NULL with
 * RONEO_ERROR_USAGE naming the unknown ID and the valid range. */
GArray *roneo_tiling_parse_selection (const RoneoTiling *tiling, const char *ids, GError **error);

/* The largest banner with the proportions of spec->banner_width:banner_height
 * that needs at most max_sheets sheets (bisection on the scale, capped at 50 m).
 * FALSE with RONEO_ERROR_USAGE if the spec is bad or max_sheets is 0. */
gboolean roneo_tiling_fit_max_sheets (const RoneoTilingSpec *spec, guint max_sheets, double *width,
                                      double *height, GError **error);

/* The sheet for one tile, `page` being the index of the composed banner page:
 * one placement of the banner clipped to the printable part of the banner, then
 * the marks, all outside the visible rectangle and inside the printable area:
 * cut lines (on the extension of the trimmed left and top edges, and along the
 * banner's right and bottom edges when they fall in the printable area), glue
 * hatching on the strips glued under the neighbours, the ID and neighbours
 * label, a 50 mm scale bar with its caption. A sheet with no waste wider than
 * 4 mm gets no labels. The label, "Sheet B07" and arrows to the neighbours, is
 * at least 7 pt on a white knockout (the strip is hidden once glued), in the
 * document's language lang (NULL: English); a sheet with no room for it at
 * 7 pt gets none. Owned. */
RoneoSheet *roneo_tiling_new_sheet (const RoneoTiling *tiling, guint index, guint page,
                                    const char *lang);

/* The manifest of PRINT.md: every tile (or those in `selection`, tile indices,
 * may be NULL) in page order after `cover_pages` pages. Appended to out. */
void roneo_tiling_write_manifest (const RoneoTiling *tiling, guint cover_pages, GString *out);
void roneo_tiling_write_manifest_selection (const RoneoTiling *tiling, const GArray *selection,
                                            guint cover_pages, GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoTiling, roneo_tiling_free)

G_END_DECLS
