/* roneo-tile-sheet.c: one tile of a banner as a sheet, with its marks on the waste.
 *
 * The waste of a tile is its printable area minus its visible rectangle: four
 * rectangles at most, right and below the visible part (glue strips inside the
 * banner, cut-off parts beyond it). Marks are laid out in them as slots along
 * their long side: the scale bar and its caption at the far end of the thickest
 * slot that holds them, the label in the longest free span left.
 */
#include "roneo-i18n.h"
#include "roneo-tiling.h"

#include <string.h>

#define PAD RONEO_MM (1.5)
#define MIN_THICKNESS RONEO_MM (4.0)
#define SCALE_LENGTH RONEO_MM (50.0)
#define CAPTION_LENGTH RONEO_MM (14.0)
#define SCALE_BAND RONEO_MM (6.0)
#define MIN_LABEL_LENGTH RONEO_MM (25.0)
#define CUT_WIDTH 0.5
#define GLUE_WIDTH 0.5
#define GLUE_SPACING RONEO_MM (3.0)
#define LABEL_MIN_SIZE 7.0  /* pt: read at arm's length */
#define LABEL_MAX_SIZE 36.0 /* pt */
#define LABEL_LEADING 1.3   /* the knockout box's height, in sizes (with its pad) */
#define EM_PER_CHAR 0.7     /* a generous average advance: the renderer shrinks what is wider */

typedef struct
{
  RoneoRect rect;
  gboolean vertical; /* the long side is vertical */
  double free_end;   /* along the long side, from its start; consumed from the end */
} Slot;

static RoneoRect
rect_between (double x0, double y0, double x1, double y1)
{
  return (RoneoRect){ x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0) };
}

/* glue right, glue below, cut right, cut below. */
static void
waste_rects (const RoneoTile *tile, RoneoRect waste[4])
{
  const RoneoRect *p = &tile->printable, *v = &tile->visible, *b = &tile->banner;
  double vx1 = v->x + v->width, vy1 = v->y + v->height;
  double bx1 = b->x + b->width, by1 = b->y + b->height;
  double px1 = p->x + p->width, py1 = p->y + p->height;
  waste[0] = rect_between (vx1, p->y, bx1, vy1);
  waste[1] = rect_between (p->x, vy1, bx1, by1);
  waste[2] = rect_between (bx1, p->y, px1, py1);
  waste[3] = rect_between (p->x, by1, bx1, py1);
}

static void
add_line (RoneoSheet *sheet, RoneoMarkKind kind, double x0, double y0, double x1, double y1)
{
  RoneoMark mark
      = { .kind = kind, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .line_width = CUT_WIDTH };
  roneo_sheet_add_mark (sheet, &mark);
}

/* Lines on the waste side of each cut, half a line width off the cut. */
static void
add_cuts (RoneoSheet *sheet, const RoneoTile *tile)
{
  const RoneoRect *p = &tile->printable, *v = &tile->visible, *b = &tile->banner;
  double half = CUT_WIDTH / 2, px1 = p->x + p->width, py1 = p->y + p->height;
  double vx1 = v->x + v->width, vy1 = v->y + v->height;
  double bx1 = b->x + b->width, by1 = b->y + b->height;
  if (py1 - vy1 > CUT_WIDTH)
    add_line (sheet, RONEO_MARK_CUT, p->x + half, vy1 + half, p->x + half, py1);
  if (px1 - vx1 > CUT_WIDTH)
    add_line (sheet, RONEO_MARK_CUT, vx1 + half, p->y + half, px1, p->y + half);
  if ((tile->trimmed & RONEO_EDGE_RIGHT) && px1 - bx1 > CUT_WIDTH)
    add_line (sheet, RONEO_MARK_CUT, bx1 + half, p->y, bx1 + half, py1);
  if ((tile->trimmed & RONEO_EDGE_BOTTOM) && py1 - by1 > CUT_WIDTH)
    add_line (sheet, RONEO_MARK_CUT, p->x, by1 + half, px1, by1 + half);
}

static void
add_glue (RoneoSheet *sheet, const RoneoRect *rect)
{
  if (rect->width <= 0 || rect->height <= 0)
    return;
  RoneoMark mark = {
    .kind = RONEO_MARK_GLUE, .rect = *rect, .line_width = GLUE_WIDTH, .spacing = GLUE_SPACING
  };
  roneo_sheet_add_mark (sheet, &mark);
}

static double
thickness (const Slot *slot)
{
  return slot->vertical ? slot->rect.width : slot->rect.height;
}

/* The part [from, to) of the slot's long side, `across` thick from PAD in. */
static RoneoRect
slot_band (const Slot *slot, double from, double to, double across)
{
  const RoneoRect *r = &slot->rect;
  if (slot->vertical)
    return (RoneoRect){ r->x + PAD, r->y + from, across, to - from };
  return (RoneoRect){ r->x + from, r->y + PAD, to - from, across };
}

static RoneoRect
slot_span (const Slot *slot, double from, double to)
{
  return slot_band (slot, from, to, thickness (slot) - 2 * PAD);
}

static void
add_label (RoneoSheet *sheet, const Slot *slot, RoneoRect box, double size, const char *text)
{
  RoneoMark mark = { .kind = RONEO_MARK_LABEL,
                     .rect = box,
                     .vertical = slot->vertical,
                     .size = size,
                     .knockout = TRUE,
                     .text = (char *) text };
  roneo_sheet_add_mark (sheet, &mark);
}

/* The bar along the middle of a band at most SCALE_BAND thick, its end ticks
 * spanning the band; the caption before it in the same band. */
static void
add_scale_bar (RoneoSheet *sheet, Slot *slot)
{
  double end = slot->free_end - PAD, start = end - SCALE_LENGTH;
  double across = MIN (thickness (slot) - 2 * PAD, SCALE_BAND);
  RoneoRect box = slot_band (slot, start, end, across);
  RoneoMark bar = { .kind = RONEO_MARK_SCALE_BAR,
                    .rect = box,
                    .line_width = 1.0,
                    .length = SCALE_LENGTH,
                    .knockout = TRUE };
  double mid_x = box.x + box.width / 2, mid_y = box.y + box.height / 2;
  bar.x0 = slot->vertical ? mid_x : box.x;
  bar.y0 = slot->vertical ? box.y : mid_y;
  bar.x1 = slot->vertical ? mid_x : box.x + box.width;
  bar.y1 = slot->vertical ? box.y + box.height : mid_y;
  roneo_sheet_add_mark (sheet, &bar);
  add_label (sheet, slot, slot_band (slot, start - PAD - CAPTION_LENGTH, start - PAD, across),
             MIN (across * 0.6, 10.0), "50 mm");
  slot->free_end = start - 2 * PAD - CAPTION_LENGTH;
}

static guint
make_slots (const RoneoTile *tile, Slot slots[4])
{
  RoneoRect waste[4];
  guint n = 0;
  waste_rects (tile, waste);
  for (guint i = 0; i < 4; i++)
    {
      Slot slot = { .rect = waste[i], .vertical = waste[i].height > waste[i].width };
      slot.free_end = slot.vertical ? waste[i].height : waste[i].width;
      if (thickness (&slot) >= MIN_THICKNESS)
        slots[n++] = slot;
    }
  return n;
}

/* The scale bar goes in the thickest slot that keeps room for the label,
 * else in the thickest slot that holds it. */
static void
place_scale_bar (RoneoSheet *sheet, Slot *slots, guint n)
{
  double need = SCALE_LENGTH + CAPTION_LENGTH + 3 * PAD;
  for (double extra = MIN_LABEL_LENGTH + PAD; extra >= 0; extra -= MIN_LABEL_LENGTH + PAD)
    {
      Slot *best = NULL;
      for (guint i = 0; i < n; i++)
        if (slots[i].free_end >= need + extra
            && (best == NULL || thickness (&slots[i]) > thickness (best)))
          best = &slots[i];
      if (best != NULL)
        {
          add_scale_bar (sheet, best);
          return;
        }
    }
}

/* "Sheet B07" (owned). */
static char *
dup_sheet_name (const RoneoTile *tile, const char *lang)
{
  /* TRANSLATORS: printed on the glue strip of one banner sheet; %s is its ID, "B07" */
  return g_strdup_printf (roneo_doc_gettext (lang, "Sheet %s"), tile->id);
}

/* The sheet's name, then each neighbour after an arrow pointing to it on the
 * paper. A vertical label is turned clockwise, so its glyphs are those a
 * quarter turn back: the one pointing right on the paper is an up arrow. */
static char *
label_text (const RoneoTiling *tiling, const RoneoTile *tile, gboolean vertical, const char *lang)
{
  static const struct
  {
    RoneoEdge edge;
    const char *arrow, *turned;
  } sides[] = {
    { RONEO_EDGE_LEFT, "\u2190", "\u2193" },
    { RONEO_EDGE_RIGHT, "\u2192", "\u2191" },
    { RONEO_EDGE_TOP, "\u2191", "\u2190" },
    { RONEO_EDGE_BOTTOM, "\u2193", "\u2192" },
  };
  g_autofree char *name = dup_sheet_name (tile, lang);
  GString *text = g_string_new (name);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *ids = roneo_tiling_dup_neighbours (tiling, tile, sides[i].edge);
      if (*ids != '\0')
        g_string_append_printf (text, "   %s %s", vertical ? sides[i].turned : sides[i].arrow, ids);
    }
  return g_string_free (text, FALSE);
}

/* The size the label takes in a slot: as large as its thickness allows (the
 * knockout box included), at most what its estimated length leaves; 0 when
 * that is under LABEL_MIN_SIZE or the slot is too short. */
static double
label_size (const Slot *slot, const char *text)
{
  if (slot->free_end < MIN_LABEL_LENGTH + 2 * PAD)
    return 0;
  double across = thickness (slot) - 2 * PAD, along = slot->free_end - 2 * PAD;
  double length = (double) g_utf8_strlen (text, -1) * EM_PER_CHAR;
  double size = MIN (LABEL_MAX_SIZE, MIN (across / LABEL_LEADING, along / length));
  return size >= LABEL_MIN_SIZE ? size : 0;
}

/* The label in the slot that sets it largest; the name alone when the
 * neighbours make it too long for any. */
static void
place_label (RoneoSheet *sheet, const RoneoTiling *tiling, const RoneoTile *tile, Slot *slots,
             guint n, const char *lang)
{
  for (int with_neighbours = 1; with_neighbours >= 0; with_neighbours--)
    {
      /* across: for horizontal slots; along: for vertical ones */
      g_autofree char *across
          = with_neighbours ? label_text (tiling, tile, FALSE, lang) : dup_sheet_name (tile, lang);
      g_autofree char *along
          = with_neighbours ? label_text (tiling, tile, TRUE, lang) : dup_sheet_name (tile, lang);
      Slot *best = NULL;
      double best_size = 0;
      for (guint i = 0; i < n; i++)
        {
          double size = label_size (&slots[i], slots[i].vertical ? along : across);
          if (size > best_size)
            best = &slots[i], best_size = size;
        }
      if (best != NULL)
        {
          add_label (sheet, best, slot_span (best, PAD, best->free_end - PAD), best_size,
                     best->vertical ? along : across);
          return;
        }
    }
}

RoneoSheet *
roneo_tiling_new_sheet (const RoneoTiling *tiling, guint index, guint page, const char *lang)
{
  const RoneoTile *tile = roneo_tiling_get_tile (tiling, index);
  g_return_val_if_fail (tile != NULL, NULL);
  RoneoSheet *sheet = roneo_sheet_new (tile->id, tile->width, tile->height);
  RoneoPlacement placement = { .page = page, .clip = tile->banner };
  placement.source = (RoneoRect){ 0, 0, tiling->spec.banner_width, tiling->spec.banner_height };
  memcpy (placement.matrix, tile->matrix, sizeof placement.matrix);
  roneo_sheet_add_placement (sheet, &placement);
  RoneoRect waste[4];
  waste_rects (tile, waste);
  add_glue (sheet, &waste[0]);
  add_glue (sheet, &waste[1]);
  add_cuts (sheet, tile);
  Slot slots[4];
  guint n = make_slots (tile, slots);
  place_scale_bar (sheet, slots, n);
  place_label (sheet, tiling, tile, slots, n, lang);
  return sheet;
}
