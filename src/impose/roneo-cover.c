/* roneo-cover.c: the page a volunteer assembles the banner from, alone.
 *
 * Top to bottom: the slogan; the banner's size and sheet count; the banner
 * drawn pale under its grid of sheets, every ID on a white knockout and each
 * row's orientation drawn at its left; the rows said in words; "print at
 * 100 %" with the bar to measure; what is needed; the steps of assembly beside
 * a drawing of one glued joint (before and after). Paragraphs are TEXT marks
 * boxed a little taller than the English needs: the renderer shrinks a longer
 * translation into its box rather than letting it run over the next one.
 */
#include "roneo-cover.h"

#include "roneo-i18n.h"

#include <math.h>
#include <string.h>

#define MARGIN RONEO_MM (15.0)
#define SCALE_LENGTH RONEO_MM (100.0)
#define TITLE_SIZE 16.0
#define HEADING_SIZE 12.5
#define TEXT_SIZE 10.0
#define ID_SIZE_MAX 10.0
#define LINE_GAP 1.45        /* label lines step by size x this */
#define LEADING 1.25         /* a paragraph's lines, in sizes */
#define EM_PER_CHAR 0.5      /* average advance, to box paragraphs */
#define ROOM_FOR_LONGER 1.15 /* translations run longer than the English */
#define GRID_WIDTH 0.4
#define PALE 0.8 /* opacity of the white veil over the thumbnail: black shows 20 % grey */
#define ROW_KEY RONEO_MM (16.0) /* left of the thumbnail: each row's sheet, drawn */
#define THUMB_MAX_HEIGHT RONEO_MM (85.0)
#define DIAGRAM_WIDTH RONEO_MM (62.0)
#define GAP RONEO_MM (4.0)

typedef struct
{
  RoneoSheet *sheet;
  const char *lang;
  double x, width; /* the text column */
  double y;        /* next free y */
} Cover;

static void
add_label_at (Cover *c, RoneoRect rect, double size, const char *text, gboolean knockout)
{
  RoneoMark mark = { .kind = RONEO_MARK_LABEL,
                     .rect = rect,
                     .size = size,
                     .knockout = knockout,
                     .text = (char *) text };
  roneo_sheet_add_mark (c->sheet, &mark);
}

static void
add_text (Cover *c, const char *text, double size)
{
  add_label_at (c, (RoneoRect){ c->x, c->y, c->width, size * LINE_GAP }, size, text, FALSE);
  c->y += size * LINE_GAP;
}

/* A paragraph in (x, y, width), boxed for its estimated lines; its height. */
static double
add_paragraph_at (Cover *c, double x, double y, double width, const char *text, double size)
{
  double chars = (double) g_utf8_strlen (text, -1) * ROOM_FOR_LONGER;
  double lines = ceil (chars * EM_PER_CHAR * size / width);
  double height = lines * size * LEADING + size * 0.3;
  RoneoMark mark = {
    .kind = RONEO_MARK_TEXT, .rect = { x, y, width, height }, .size = size, .text = (char *) text
  };
  roneo_sheet_add_mark (c->sheet, &mark);
  return height;
}

static void
add_paragraph (Cover *c, const char *text, double size)
{
  c->y += add_paragraph_at (c, c->x, c->y, c->width, text, size);
}

static void
add_heading (Cover *c, const char *text)
{
  c->y += HEADING_SIZE * 0.5;
  add_paragraph (c, text, HEADING_SIZE);
}

static void
add_line (Cover *c, double x0, double y0, double x1, double y1, double width)
{
  RoneoMark mark
      = { .kind = RONEO_MARK_CUT, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .line_width = width };
  roneo_sheet_add_mark (c->sheet, &mark);
}

static void
add_outline (Cover *c, double x, double y, double w, double h, double width)
{
  add_line (c, x, y, x + w, y, width);
  add_line (c, x, y, x, y + h, width);
  add_line (c, x + w, y, x + w, y + h, width);
  add_line (c, x, y + h, x + w, y + h, width);
}

static void
add_fill (Cover *c, RoneoRect rect, double grey, double opacity)
{
  RoneoMark mark = { .kind = RONEO_MARK_FILL, .rect = rect, .grey = grey, .opacity = opacity };
  roneo_sheet_add_mark (c->sheet, &mark);
}

static void
add_glue (Cover *c, RoneoRect rect)
{
  RoneoMark mark
      = { .kind = RONEO_MARK_GLUE, .rect = rect, .line_width = 0.5, .spacing = RONEO_MM (1.5) };
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
  add_outline (c, x, y, w, h, GRID_WIDTH);
  double size = MIN (ID_SIZE_MAX, MIN (w / 2.4, h / 1.8));
  add_label_at (c, (RoneoRect){ x, y + (h - size * 1.2) / 2, w, size * 1.2 }, size, tile->id, TRUE);
}

/* A small sheet upright or on its side, left of each row, centred on it. */
static void
add_row_key (Cover *c, const RoneoTiling *tiling, guint row, double scale, double top)
{
  const RoneoTile *first = roneo_tiling_get_tile (tiling, tiling->row_start[row]);
  double y0 = (first->visible.y - first->matrix[5]) * scale + top;
  double mid = y0 + first->visible.height * scale / 2;
  double room = MIN (ROW_KEY * 0.7, first->visible.height * scale * 0.9);
  double w = first->width, h = first->height, k = room / MAX (w, h);
  add_outline (c, c->x + (ROW_KEY - w * k) / 2 - GAP / 2, mid - h * k / 2, w * k, h * k, 0.6);
}

static void
add_thumbnail (Cover *c, const RoneoTiling *tiling, guint page)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  double room = c->width - ROW_KEY;
  double scale = MIN (room / spec->banner_width, THUMB_MAX_HEIGHT / spec->banner_height);
  double w = spec->banner_width * scale, h = spec->banner_height * scale;
  double left = c->x + ROW_KEY + (room - w) / 2, top = c->y;
  RoneoPlacement placement = {
    .page = page,
    .source = { 0, 0, spec->banner_width, spec->banner_height },
    .matrix = { scale, 0, 0, scale, left, top },
    .clip = { left, top, w, h },
  };
  roneo_sheet_add_placement (c->sheet, &placement);
  /* Pale, so the grid and every ID read over the slogan's black. */
  add_fill (c, placement.clip, 1.0, PALE);
  for (guint i = 0; i < roneo_tiling_get_n_sheets (tiling); i++)
    add_tile (c, roneo_tiling_get_tile (tiling, i), scale, left, top);
  for (guint r = 0; r < tiling->n_rows; r++)
    add_row_key (c, tiling, r, scale, top);
  c->y += h + TEXT_SIZE * 0.6;
}

static void
add_facts (Cover *c, const RoneoTiling *tiling, const RoneoCoverText *text)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  guint n = roneo_tiling_get_n_sheets (tiling);
  g_autofree char *width
      = roneo_doc_format_decimal (c->lang, spec->banner_width / RONEO_MM (1000), 2);
  g_autofree char *height
      = roneo_doc_format_decimal (c->lang, spec->banner_height / RONEO_MM (1000), 2);
  /* TRANSLATORS: the banner's width and height in metres ("3.00", written the
   * language's way), the number of sheets, the paper ("A4") */
  g_autofree char *facts = g_strdup_printf (
      roneo_doc_ngettext (c->lang, "The banner measures %s × %s m, on %u sheet of %s.",
                          "The banner measures %s × %s m, on %u sheets of %s.", n),
      width, height, n, text->sheet_name ? text->sheet_name : "");
  add_paragraph (c, facts, TEXT_SIZE);
  if (text->logo_width <= 0 || text->logo_height <= 0)
    return;
  g_autofree char *logo_width
      = roneo_doc_format_decimal (c->lang, text->logo_width / RONEO_MM (10), 0);
  g_autofree char *logo_height
      = roneo_doc_format_decimal (c->lang, text->logo_height / RONEO_MM (10), 0);
  /* TRANSLATORS: the logo's width and height on the banner in centimetres */
  g_autofree char *logo = g_strdup_printf (
      roneo_doc_gettext (c->lang, "The logo prints %s × %s cm."), logo_width, logo_height);
  add_paragraph (c, logo, TEXT_SIZE);
}

static char *
row_sentence (const Cover *c, const RoneoTiling *tiling, guint first, guint last)
{
  const RoneoTile *tile = roneo_tiling_get_tile (tiling, tiling->row_start[first]);
  const RoneoTile *end = roneo_tiling_get_tile (tiling, tiling->row_start[last]);
  guint n = roneo_tiling_get_n_columns (tiling, first);
  g_autofree char *a = g_strndup (tile->id, strcspn (tile->id, "0123456789"));
  g_autofree char *b = g_strndup (end->id, strcspn (end->id, "0123456789"));
  gboolean portrait = tile->orientation == RONEO_ORIENTATION_PORTRAIT;
  if (first == last)
    return g_strdup_printf (
        portrait ? roneo_doc_ngettext (c->lang, "Row %s: %u sheet upright (portrait).",
                                       "Row %s: %u sheets upright (portrait).", n)
                 : roneo_doc_ngettext (c->lang, "Row %s: %u sheet on its side (landscape).",
                                       "Row %s: %u sheets on their side (landscape).", n),
        a, n);
  return g_strdup_printf (
      portrait
          ? roneo_doc_ngettext (c->lang, "Rows %s to %s: %u sheet upright (portrait) in each.",
                                "Rows %s to %s: %u sheets upright (portrait) in each.", n)
          : roneo_doc_ngettext (c->lang, "Rows %s to %s: %u sheet on its side (landscape) in each.",
                                "Rows %s to %s: %u sheets on their side (landscape) in each.", n),
      a, b, n);
}

/* One sentence per run of rows alike (orientation and count). */
static void
add_rows (Cover *c, const RoneoTiling *tiling)
{
  GString *all = g_string_new (NULL);
  for (guint r = 0; r < tiling->n_rows;)
    {
      const RoneoTile *t = roneo_tiling_get_tile (tiling, tiling->row_start[r]);
      guint last = r;
      while (last + 1 < tiling->n_rows
             && roneo_tiling_get_tile (tiling, tiling->row_start[last + 1])->orientation
                    == t->orientation
             && roneo_tiling_get_n_columns (tiling, last + 1)
                    == roneo_tiling_get_n_columns (tiling, r))
        last++;
      g_autofree char *sentence = row_sentence (c, tiling, r, last);
      g_string_append_printf (all, "%s%s", all->len ? "  " : "", sentence);
      r = last + 1;
    }
  add_paragraph (c, all->str, TEXT_SIZE);
  g_string_free (all, TRUE);
}

static void
add_scale_bar (Cover *c)
{
  double y = c->y + 6;
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
  c->y = y + 20;
}

static void
add_printing (Cover *c)
{
  add_heading (c, roneo_doc_gettext (c->lang, "1. Print at 100 %"));
  add_paragraph (c,
                 roneo_doc_gettext (
                     c->lang, "Print at 100 % (actual size), never “fit to page”. Measure the bar "
                              "below with a ruler: it must be exactly 100 mm long. If it is not, "
                              "turn off the scaling in the print dialogue and print again."),
                 TEXT_SIZE);
  add_scale_bar (c);
}

static void
add_needs (Cover *c, const RoneoTiling *tiling)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  /* Half a metre to kneel around the banner, in tenths of a metre up: the
   * margin of a tenth of a micrometre keeps 3000 mm and 300 cm (a hair over 3 m in
   * points) the same floor. */
  double fw = ceil (spec->banner_width / RONEO_MM (100) - 1e-6) / 10 + 0.5;
  double fh = ceil (spec->banner_height / RONEO_MM (100) - 1e-6) / 10 + 0.5;
  add_heading (c, roneo_doc_gettext (c->lang, "2. What you need"));
  g_autofree char *floor_width = roneo_doc_format_decimal (c->lang, fw, 1);
  g_autofree char *floor_height = roneo_doc_format_decimal (c->lang, fh, 1);
  /* TRANSLATORS: %s × %s is the floor needed, in metres ("3.5", written the
   * language's way) */
  g_autofree char *floor = g_strdup_printf (
      roneo_doc_gettext (c->lang, "Scissors or a cutter, a ruler, a glue stick or tape, and a "
                                  "clear floor of %s × %s m to lay the sheets out."),
      floor_width, floor_height);
  add_paragraph (c, floor, TEXT_SIZE);
}

/* One sheet drawn as a small page: white, outlined, its ID at its centre. */
static void
add_small_sheet (Cover *c, RoneoRect r, const char *id)
{
  add_fill (c, r, 1.0, 1.0);
  add_outline (c, r.x, r.y, r.width, r.height, 0.8);
  add_label_at (c, (RoneoRect){ r.x, r.y + r.height / 2 - 8, r.width, 16 }, 11, id, FALSE);
}

/* The joint of A01 and A02: before, A02's left margin cut off and A01's
 * hatched strip waiting for glue; after, A02 laid over the strip. */
static double
add_joint (Cover *c, double x, double y, const RoneoTiling *tiling)
{
  const RoneoTile *a = roneo_tiling_get_tile (tiling, 0);
  const RoneoTile *b = roneo_tiling_lookup (tiling, 0, 1);
  const char *second = b ? b->id : "A02";
  double w = RONEO_MM (22), h = RONEO_MM (30), strip = RONEO_MM (4), margin = RONEO_MM (3);
  double caption = 8.5;
  /* before */
  add_paragraph_at (c, x, y, DIAGRAM_WIDTH, roneo_doc_gettext (c->lang, "Before: cut, then glue."),
                    caption);
  double top = y + caption * 2.2;
  RoneoRect left = { x, top, w, h };
  add_small_sheet (c, left, a->id);
  add_glue (c, (RoneoRect){ x + w - strip, top, strip, h });
  RoneoRect right = { x + w + RONEO_MM (8), top, w, h };
  add_small_sheet (c, right, second);
  add_fill (c, (RoneoRect){ right.x, top, margin, h }, 0.85, 1.0);
  add_line (c, right.x + margin, top - RONEO_MM (2), right.x + margin, top + h + RONEO_MM (2), 0.8);
  double below = top + h + RONEO_MM (2.5);
  add_paragraph_at (c, x - RONEO_MM (1), below, w + RONEO_MM (4),
                    roneo_doc_gettext (c->lang, "glue on the hatched strip"), caption * 0.85);
  add_paragraph_at (c, right.x - RONEO_MM (1), below, w + RONEO_MM (6),
                    roneo_doc_gettext (c->lang, "cut off the grey margin"), caption * 0.85);
  /* after */
  double after = below + caption * 3.2;
  add_paragraph_at (
      c, x, after, DIAGRAM_WIDTH,
      roneo_doc_gettext (c->lang, "After: the cut edge lies on the edge of the strip."), caption);
  top = after + caption * 3.4;
  add_small_sheet (c, (RoneoRect){ x, top, w, h }, a->id);
  add_small_sheet (c, (RoneoRect){ x + w - strip, top + RONEO_MM (1), w, h }, second);
  return top + h + RONEO_MM (3) - y;
}

static void
add_assembly (Cover *c, const RoneoTiling *tiling)
{
  const RoneoTile *last = roneo_tiling_get_tile (tiling, roneo_tiling_get_n_sheets (tiling) - 1);
  g_autofree char *last_row = g_strndup (last->id, strcspn (last->id, "0123456789"));
  add_heading (c, roneo_doc_gettext (c->lang, "3. Assemble"));
  double top = c->y, full = c->width;
  c->width = full - DIAGRAM_WIDTH - GAP;
  add_paragraph (
      c,
      roneo_doc_gettext (c->lang,
                         "Sort the sheets by their ID: the letter is the row (A at the top), the "
                         "number is the column (01 on the left)."),
      TEXT_SIZE);
  add_paragraph (
      c,
      roneo_doc_gettext (c->lang,
                         "On every sheet, cut off the left and top margins along the thin lines, "
                         "and whatever lies beyond a line on the right or at the bottom."),
      TEXT_SIZE);
  add_paragraph (
      c,
      roneo_doc_gettext (c->lang,
                         "Row by row, from left to right: put glue on the hatched strip on the "
                         "right of a sheet and lay the next sheet over it, its cut edge on the "
                         "edge of the strip."),
      TEXT_SIZE);
  /* TRANSLATORS: %s is the letter of the last row, "D" */
  g_autofree char *rows = g_strdup_printf (
      roneo_doc_gettext (
          c->lang,
          "Then glue row B over the hatched strip at the bottom of row A, and so on down to "
          "row %s. Let the glue dry before you lift the banner."),
      last_row);
  if (tiling->n_rows > 1)
    add_paragraph (c, rows, TEXT_SIZE);
  add_paragraph (
      c,
      roneo_doc_gettext (c->lang,
                         "Each sheet names its neighbours in its strip, with an arrow pointing "
                         "to each. The labels and lines are cut off or hidden under the glued "
                         "sheets: only the banner shows."),
      TEXT_SIZE);
  double text_bottom = c->y;
  double diagram = add_joint (c, c->x + c->width + GAP, top, tiling);
  c->width = full;
  c->y = MAX (text_bottom, top + diagram);
}

RoneoSheet *
roneo_tiling_new_cover (const RoneoTiling *tiling, const RoneoCoverText *text, guint page)
{
  const RoneoTilingSpec *spec = &tiling->spec;
  RoneoSheet *sheet = roneo_sheet_new ("cover", spec->sheet_width, spec->sheet_height);
  double margin = MAX (MARGIN, MAX (spec->margins.left, spec->margins.top) + RONEO_MM (5));
  Cover c = { sheet, text->lang, margin, spec->sheet_width - 2 * margin, margin };
  add_text (&c, text->title ? text->title : "", TITLE_SIZE);
  add_facts (&c, tiling, text);
  c.y += TEXT_SIZE * 0.3;
  add_thumbnail (&c, tiling, page);
  add_rows (&c, tiling);
  add_printing (&c);
  add_needs (&c, tiling);
  add_assembly (&c, tiling);
  return sheet;
}
