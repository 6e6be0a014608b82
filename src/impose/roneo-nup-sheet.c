/* roneo-nup-sheet.c: n-up sheets: the copies placed in their slots (mirrored on
 * the verso), the profile's marks, and the calibration sheets.
 *
 * Marks are the same on both sides: the block is centred, so ticks and crop
 * marks are symmetric about either turning axis and coincide through the paper.
 * Labels are set upright on the sheet (LABEL has no upside-down form); the
 * calibration arrows therefore point to the top of each page by their glyph:
 * up, left, down or right as the page is turned on the sheet.
 */
#include "roneo-i18n.h"
#include "roneo-nup-private.h"

#include <math.h>

#define EPS 1e-6
#define MIN_CUT_WASTE RONEO_MM (1.0) /* an outer trim closer to the edge is not cut */
#define LETTER_SIZE_MAX 144.0
#define CAPTION_SIZE_MAX 24.0

/* Page -> sheet linear parts for 0..3 quarter turns counter-clockwise as seen
 * (y down): { a, b, c, d } of x' = a x + b y, y' = c x + d y. */
static const double turns[4][4]
    = { { 1, 0, 0, 1 }, { 0, 1, -1, 0 }, { -1, 0, 0, -1 }, { 0, -1, 1, 0 } };

/* The matrix drawing the page's trim box (0, 0, w, h) exactly onto `slot`. */
static void
slot_matrix (const RoneoRect *slot, double w, double h, guint quarter, double matrix[6])
{
  const double *l = turns[quarter % 4];
  matrix[0] = l[0];
  matrix[1] = l[1];
  matrix[2] = l[2];
  matrix[3] = l[3];
  matrix[4] = slot->x - (MIN (0, l[0] * w) + MIN (0, l[1] * h));
  matrix[5] = slot->y - (MIN (0, l[2] * w) + MIN (0, l[3] * h));
}

static RoneoRect
inflate (const RoneoRect *rect, double by)
{
  return (RoneoRect){ rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* Front quarter turns of every page, and where the piece in front slot `slot`
 * shows on the side being drawn. */
static guint
side_slot (const RoneoNup *nup, guint slot, gboolean verso, RoneoDuplex duplex, guint *quarter)
{
  gboolean upside_down = FALSE;
  guint target = verso ? roneo_nup_verso_slot (nup, slot, duplex, &upside_down) : slot;
  *quarter = (nup->rotated ? 1 : 0) + (upside_down ? 2 : 0);
  return target;
}

static void
add_placement (RoneoSheet *sheet, const RoneoNup *nup, guint target, guint page, guint quarter)
{
  const RoneoNupSpec *spec = &nup->spec;
  double bleed = spec->profile == RONEO_NUP_PRESS ? spec->bleed : 0;
  RoneoRect trim = { 0, 0, spec->page_width, spec->page_height };
  RoneoPlacement placement = { .page = page,
                               .source = inflate (&trim, bleed),
                               .clip = inflate (&nup->slots[target], bleed) };
  slot_matrix (&nup->slots[target], spec->page_width, spec->page_height, quarter, placement.matrix);
  roneo_sheet_add_placement (sheet, &placement);
}

static void
add_line (RoneoSheet *sheet, double x0, double y0, double x1, double y1, double width)
{
  RoneoMark mark
      = { .kind = RONEO_MARK_CUT, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .line_width = width };
  roneo_sheet_add_mark (sheet, &mark);
}

/* The trim lines across x (vertical lines) or y: every slot edge, once. */
static GArray *
trim_lines (const RoneoNup *nup, gboolean vertical)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = vertical ? nup->cols : nup->rows;
  for (guint i = 0; i < n; i++)
    {
      const RoneoRect *s = &nup->slots[vertical ? i : i * nup->cols];
      double edges[2] = { vertical ? s->x : s->y, vertical ? s->x + s->width : s->y + s->height };
      for (guint e = 0; e < 2; e++)
        if (lines->len == 0 || edges[e] > g_array_index (lines, double, lines->len - 1) + EPS)
          g_array_append_val (lines, edges[e]);
    }
  return lines;
}

/* Office: a short tick at both ends of each cut, from the printable edge
 * inwards. Outer trims with under MIN_CUT_WASTE beyond them are not cut. */
static void
add_ticks (RoneoSheet *sheet, const RoneoNup *nup, gboolean vertical)
{
  g_autoptr (GArray) lines = trim_lines (nup, vertical);
  double m = nup->spec.printer_margin, t = RONEO_NUP_TICK_LENGTH;
  double along = vertical ? nup->height : nup->width, across = vertical ? nup->width : nup->height;
  for (guint i = 0; i < lines->len; i++)
    {
      double v = g_array_index (lines, double, i);
      if (v < MIN_CUT_WASTE - EPS || v > across - MIN_CUT_WASTE + EPS || v < m || v > across - m)
        continue;
      if (vertical)
        {
          add_line (sheet, v, m, v, m + t, RONEO_NUP_TICK_WIDTH);
          add_line (sheet, v, along - m - t, v, along - m, RONEO_NUP_TICK_WIDTH);
        }
      else
        {
          add_line (sheet, m, v, m + t, v, RONEO_NUP_TICK_WIDTH);
          add_line (sheet, along - m - t, v, along - m, v, RONEO_NUP_TICK_WIDTH);
        }
    }
}

/* Press: crop marks on the extension of each trim line, both sides of the
 * block. */
static void
add_crop_marks (RoneoSheet *sheet, const RoneoNup *nup, gboolean vertical)
{
  g_autoptr (GArray) lines = trim_lines (nup, vertical);
  const RoneoRect *b = &nup->block;
  double off = roneo_nup_crop_offset (&nup->spec), len = RONEO_NUP_CROP_LENGTH;
  double start = vertical ? b->y : b->x;
  double end = vertical ? b->y + b->height : b->x + b->width;
  for (guint i = 0; i < lines->len; i++)
    {
      double v = g_array_index (lines, double, i);
      double spans[2][2] = { { start - off - len, start - off }, { end + off, end + off + len } };
      for (guint s = 0; s < 2; s++)
        if (vertical)
          add_line (sheet, v, spans[s][0], v, spans[s][1], RONEO_NUP_CROP_WIDTH);
        else
          add_line (sheet, spans[s][0], v, spans[s][1], v, RONEO_NUP_CROP_WIDTH);
    }
}

static void
add_marks (RoneoSheet *sheet, const RoneoNup *nup)
{
  for (int vertical = 1; vertical >= 0; vertical--)
    if (nup->spec.profile == RONEO_NUP_PRESS)
      add_crop_marks (sheet, nup, vertical);
    else
      add_ticks (sheet, nup, vertical);
}

RoneoSheet *
roneo_nup_new_sheet (const RoneoNup *nup, const int *pages, gboolean verso, RoneoDuplex duplex,
                     const char *name)
{
  g_return_val_if_fail (nup != NULL && pages != NULL, NULL);
  guint n = roneo_nup_get_n_slots (nup);
  RoneoSheet *sheet = roneo_sheet_new (name, nup->width, nup->height);
  /* The mirroring is an involution: the piece shown in `target` is the one
   * from front slot roneo_nup_verso_slot (target). */
  for (guint target = 0; target < n; target++)
    {
      guint quarter;
      guint front = verso ? roneo_nup_verso_slot (nup, target, duplex, NULL) : target;
      side_slot (nup, front, verso, duplex, &quarter);
      if (pages[front] >= 0)
        add_placement (sheet, nup, target, (guint) pages[front], quarter);
    }
  add_marks (sheet, nup);
  return sheet;
}

/* "A".."Z", "AA".. for slot 0, 1, ... */
static char *
dup_letters (guint index)
{
  char buffer[8];
  int at = sizeof buffer - 1;
  buffer[at] = '\0';
  for (guint n = index + 1; n > 0 && at > 0; n = (n - 1) / 26)
    buffer[--at] = (char) ('A' + (n - 1) % 26);
  return g_strdup (buffer + at);
}

static void
add_label (RoneoSheet *sheet, double x, double y, double width, double size, const char *text)
{
  RoneoMark mark = { .kind = RONEO_MARK_LABEL,
                     .rect = { x, y, width, size * 1.4 },
                     .size = size,
                     .text = (char *) text };
  roneo_sheet_add_mark (sheet, &mark);
}

/* The letter large at the slot's centre, the caption above it. The arrow points
 * to the top of the page turned `quarter` times counter-clockwise on the sheet.
 */
static void
add_slot_labels (RoneoSheet *sheet, const RoneoRect *slot, guint front, gboolean verso,
                 guint quarter, const char *lang)
{
  static const char *const arrows[4] = { "\u2191", "\u2190", "\u2193", "\u2192" };
  double letter = MIN (LETTER_SIZE_MAX, MIN (slot->width, slot->height) * 0.4);
  double caption = MIN (CAPTION_SIZE_MAX, letter / 4);
  double middle = slot->y + slot->height / 2, inset = slot->width * 0.1;
  g_autofree char *letters = dup_letters (front);
  /* TRANSLATORS: the calibration sheet's sides; an arrow to the page's top follows */
  const char *side = verso ? roneo_doc_gettext (lang, "BACK") : roneo_doc_gettext (lang, "FRONT");
  g_autofree char *text = g_strdup_printf ("%s %s", side, arrows[quarter % 4]);
  add_label (sheet, slot->x + inset, middle - letter * 0.7, slot->width - 2 * inset, letter,
             letters);
  add_label (sheet, slot->x + inset, middle - letter * 0.7 - caption * 1.6, slot->width - 2 * inset,
             caption, text);
}

static void
add_mark (RoneoSheet *sheet, RoneoMarkKind kind, RoneoRect rect, double size, const char *text)
{
  RoneoMark mark = {
    .kind = kind, .rect = rect, .size = size, .grey = 0.85, .opacity = 1.0, .text = (char *) text
  };
  roneo_sheet_add_mark (sheet, &mark);
}

/* A page seen against the light: its letter, and the one behind it showing
 * through in grey (a grey box under a small black letter). */
static void
add_seen_through (RoneoSheet *sheet, double x, double y, double size, const char *letter,
                  const char *behind, const char *caption)
{
  double side = size * 1.6;
  add_mark (sheet, RONEO_MARK_FILL,
            (RoneoRect){ x + side * 0.25, y + side * 0.15, side * 0.6, side * 0.7 }, 0, NULL);
  add_mark (sheet, RONEO_MARK_TEXT, (RoneoRect){ x + side * 0.35, y + side * 0.12, side, side },
            size * 0.8, behind);
  add_mark (sheet, RONEO_MARK_TEXT, (RoneoRect){ x, y, side, side }, size, letter);
  add_mark (sheet, RONEO_MARK_TEXT, (RoneoRect){ x, y + side * 1.05, side * 3, size * 1.4 },
            size * 0.45, caption);
}

/* Under the letter of the front's first slot: how to read the sheet, what a
 * good and a bad result look like, and which setting to change. Printed
 * words name no CLI flag: the same sheet serves every front end. */
static void
add_instructions (RoneoSheet *sheet, const RoneoRect *slot, const char *lang)
{
  double inset = slot->width * 0.1, width = slot->width - 2 * inset;
  double size = CLAMP (MIN (slot->width, slot->height) / 40, 6.5, 10.0);
  double letter = MIN (LETTER_SIZE_MAX, MIN (slot->width, slot->height) * 0.4);
  double x = slot->x + inset, y = slot->y + slot->height / 2 + letter * 0.8;
  double room = slot->y + slot->height - inset / 2 - y;
  if (room < size * 12)
    return;
  add_mark (sheet, RONEO_MARK_TEXT, (RoneoRect){ x, y, width, room * 0.55 }, size,
            roneo_doc_gettext (lang,
                               "Print this sheet on both sides, then hold it up to the light, "
                               "this side facing you. Good: each letter shows through on its "
                               "own letter and the arrows behind point the same way. Bad: "
                               "another letter shows through, or an arrow points the other "
                               "way: change the duplex setting (long or short edge) and print "
                               "this sheet again."));
  double pictures = y + room * 0.58, picture = MIN (size * 3.5, room * 0.25);
  add_seen_through (sheet, x, pictures, picture, "A", "A", roneo_doc_gettext (lang, "Good"));
  add_seen_through (sheet, x + width / 2, pictures, picture, "A", "B",
                    roneo_doc_gettext (lang, "Bad: change the duplex setting"));
}

static RoneoSheet *
new_calibration_side (const RoneoNup *nup, RoneoDuplex duplex, gboolean verso, const char *lang)
{
  RoneoSheet *sheet = roneo_sheet_new (verso ? "back" : "front", nup->width, nup->height);
  for (guint front = 0; front < roneo_nup_get_n_slots (nup); front++)
    {
      guint quarter;
      guint target = side_slot (nup, front, verso, duplex, &quarter);
      add_slot_labels (sheet, &nup->slots[target], front, verso, quarter, lang);
    }
  add_marks (sheet, nup);
  if (!verso && !nup->rotated)
    add_instructions (sheet, &nup->slots[0], lang);
  return sheet;
}

void
roneo_nup_new_calibration (const RoneoNup *nup, RoneoDuplex duplex, const char *lang,
                           RoneoSheet **front, RoneoSheet **back)
{
  g_return_if_fail (nup != NULL && front != NULL && back != NULL);
  *front = new_calibration_side (nup, duplex, FALSE, lang);
  *back = new_calibration_side (nup, duplex, TRUE, lang);
}
