/* roneo-draw-sheet.c: a sheet drawn with cairo, its placements then its marks.
 *
 * The sheet IR has decided everything: this file only draws. Marks are in
 * registration black (cairo's PDF is RGB only), the glue hatching a light grey.
 */
#include "roneo-error.h"
#include "roneo-intl-private.h"
#include "roneo-render-private.h"

#include <math.h>
#include <pango/pangocairo.h>

#define CUT_MIN_WIDTH 0.25
#define CUT_MAX_WIDTH 0.5
#define GLUE_GREY 0.75
#define GLUE_DEFAULT_SPACING 8.5 /* 3 mm, when the mark gives none */
#define LABEL_FONT "Roneo Sans"
#define LABEL_DEFAULT_SIZE 9.0
#define SCALE_TICK 4.0   /* pt each side of the bar, when a caption shares the box */
#define CAPTION_SIZE 7.0 /* pt, the largest a scale bar caption is set at */
#define CAPTION_GAP 1.5  /* pt between the bar's ticks and its caption */
#define KNOCKOUT_PAD 1.5 /* pt of white around a knocked-out label */

static cairo_surface_t *
sources_get (RoneoSheetSources *sources, guint index)
{
  if (sources->recordings[index] == NULL)
    sources->recordings[index] = roneo_draw_record_page (g_ptr_array_index (sources->pages, index),
                                                         sources->bleed, sources->stencil);
  return sources->recordings[index];
}

gboolean
roneo_sheet_check_pages (const RoneoSheet *sheet, guint n_pages, const char *path, GError **error)
{
  for (guint i = 0; i < sheet->placements->len; i++)
    {
      const RoneoPlacement *p = &g_array_index (sheet->placements, RoneoPlacement, i);
      if (p->page >= n_pages)
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       _ ("cannot write '%s': sheet %s places page %u of %u"), path,
                       sheet->name != NULL ? sheet->name : "?", p->page + 1, n_pages);
          return FALSE;
        }
    }
  return TRUE;
}

/* x' = a x + b y + e, y' = c x + d y + f; cairo_matrix_init takes xx, yx, xy, yy. */
static void
draw_placement (cairo_t *cr, const RoneoPlacement *placement, RoneoSheetSources *sources)
{
  const double *m = placement->matrix;
  cairo_matrix_t matrix;
  cairo_matrix_init (&matrix, m[0], m[2], m[1], m[3], m[4], m[5]);
  cairo_save (cr);
  cairo_rectangle (cr, placement->clip.x, placement->clip.y, placement->clip.width,
                   placement->clip.height);
  cairo_clip (cr);
  cairo_transform (cr, &matrix);
  if (sources->direct)
    roneo_draw_page (cr, g_ptr_array_index (sources->pages, placement->page), sources->bleed,
                     sources->stencil);
  else
    {
      cairo_set_source_surface (cr, sources_get (sources, placement->page), 0, 0);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}

static void
draw_cut (cairo_t *cr, const RoneoMark *mark)
{
  cairo_set_line_width (cr, CLAMP (mark->line_width, CUT_MIN_WIDTH, CUT_MAX_WIDTH));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, mark->x0, mark->y0);
  cairo_line_to (cr, mark->x1, mark->y1);
  cairo_stroke (cr);
}

/* The glue hatching: one small image tile repeated, made once per target
 * surface and kept on it, so the PDF holds the image once and each glue
 * strip is a rectangle filled with it (drawn as lines it made each sheet
 * weigh 2 KB). */
static const cairo_user_data_key_t hatch_key;

#define HATCH_PIXELS 48

static cairo_surface_t *
hatch_tile (void)
{
  cairo_surface_t *tile
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, HATCH_PIXELS, HATCH_PIXELS);
  cairo_t *cr = cairo_create (tile);
  cairo_set_source_rgb (cr, GLUE_GREY, GLUE_GREY, GLUE_GREY);
  cairo_set_line_width (cr, HATCH_PIXELS / 10.0);
  const double n = HATCH_PIXELS;
  /* A 45 degree line and its two corner ends, so tiles join seamlessly. */
  cairo_move_to (cr, -1, n + 1);
  cairo_line_to (cr, n + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, n - 1, n + 1);
  cairo_line_to (cr, n + 1, n - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return tile;
}

static cairo_pattern_t *
hatch_pattern (cairo_t *cr, double spacing)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_pattern_t *pattern = cairo_surface_get_user_data (target, &hatch_key);
  if (pattern == NULL)
    {
      cairo_surface_t *tile = hatch_tile ();
      pattern = cairo_pattern_create_for_surface (tile);
      cairo_surface_destroy (tile);
      cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
      cairo_surface_set_user_data (target, &hatch_key, pattern,
                                   (cairo_destroy_func_t) cairo_pattern_destroy);
    }
  cairo_matrix_t matrix;
  cairo_matrix_init_scale (&matrix, HATCH_PIXELS / spacing, HATCH_PIXELS / spacing);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

static void
draw_glue (cairo_t *cr, const RoneoMark *mark)
{
  const RoneoRect *r = &mark->rect;
  if (r->width <= 0 || r->height <= 0)
    return;
  const double spacing = mark->spacing > 0 ? mark->spacing : GLUE_DEFAULT_SPACING;
  cairo_pattern_t *hatch = hatch_pattern (cr, spacing);
  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_set_source (cr, hatch);
  cairo_fill (cr);
  cairo_restore (cr);
}

static PangoLayout *
new_label_layout (PangoContext *context, const char *text, double size)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (LABEL_FONT);
  pango_font_description_set_absolute_size (desc, pango_units_from_double (size));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* text at size, shrunk so its width fits `room`, centred on (cx, cy), turned
 * 90 degrees clockwise when vertical (it then reads top to bottom); on a white
 * box KNOCKOUT_PAD larger than its logical extents with knockout. */
static void
draw_text_centred (cairo_t *cr, PangoContext *context, const char *text, double size, double room,
                   double cx, double cy, gboolean vertical, gboolean knockout)
{
  if (text == NULL || *text == '\0' || room <= 0)
    return;
  g_autoptr (PangoLayout) layout = new_label_layout (context, text, size);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  double width = pango_units_to_double (logical.width);
  if (width > room)
    {
      size *= room / width;
      g_object_unref (layout);
      layout = new_label_layout (context, text, size);
      pango_layout_get_extents (layout, NULL, &logical);
      width = pango_units_to_double (logical.width);
    }
  const double height = pango_units_to_double (logical.height);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  if (vertical)
    cairo_rotate (cr, G_PI / 2);
  if (knockout)
    {
      cairo_rectangle (cr, -width / 2 - KNOCKOUT_PAD, -height / 2 - KNOCKOUT_PAD,
                       width + 2 * KNOCKOUT_PAD, height + 2 * KNOCKOUT_PAD);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_move_to (cr, -width / 2 - pango_units_to_double (logical.x),
                 -height / 2 - pango_units_to_double (logical.y));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_label (cairo_t *cr, PangoContext *context, const RoneoMark *mark)
{
  const RoneoRect *r = &mark->rect;
  const double size = mark->size > 0 ? mark->size : LABEL_DEFAULT_SIZE;
  draw_text_centred (cr, context, mark->text, size, mark->vertical ? r->height : r->width,
                     r->x + r->width / 2, r->y + r->height / 2, mark->vertical, mark->knockout);
}

/* The paragraph wrapped to the box's width, flush left from its top, shrunk
 * by steps of 5 % until it fits the box's height (translations run longer). */
static void
draw_paragraph (cairo_t *cr, PangoContext *context, const RoneoMark *mark)
{
  const RoneoRect *r = &mark->rect;
  if (mark->text == NULL || *mark->text == '\0' || r->width <= 0)
    return;
  double size = mark->size > 0 ? mark->size : LABEL_DEFAULT_SIZE;
  g_autoptr (PangoLayout) layout = NULL;
  for (int step = 0; step < 12; step++, size *= 0.95)
    {
      g_clear_object (&layout);
      layout = new_label_layout (context, mark->text, size);
      pango_layout_set_width (layout, pango_units_from_double (r->width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      PangoRectangle logical;
      pango_layout_get_extents (layout, NULL, &logical);
      if (pango_units_to_double (logical.height) <= r->height)
        break;
    }
  cairo_move_to (cr, r->x, r->y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_fill (cairo_t *cr, const RoneoMark *mark)
{
  const RoneoRect *r = &mark->rect;
  cairo_set_source_rgba (cr, mark->grey, mark->grey, mark->grey, mark->opacity);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill (cr);
}

static void
add_line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* The bar with a tick across each end. Without a caption the ticks span the
 * box across the bar; with one, they are short and the caption sits below a
 * horizontal bar or right of a vertical one, inside the box. */
static void
draw_scale_bar (cairo_t *cr, PangoContext *context, const RoneoMark *mark)
{
  const RoneoRect *r = &mark->rect;
  const gboolean vertical = fabs (mark->x1 - mark->x0) < fabs (mark->y1 - mark->y0);
  const gboolean caption = mark->text != NULL && *mark->text != '\0';
  /* across = the coordinate across the bar; lo/hi = the box's extent across it */
  const double across = vertical ? mark->x0 : mark->y0;
  const double lo = vertical ? r->x : r->y, hi = vertical ? r->x + r->width : r->y + r->height;
  const double t0 = caption ? MAX (lo, across - SCALE_TICK) : lo;
  const double t1 = caption ? MIN (hi, across + SCALE_TICK) : hi;
  if (mark->knockout)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  add_line (cr, mark->x0, mark->y0, mark->x1, mark->y1);
  if (vertical)
    {
      add_line (cr, t0, mark->y0, t1, mark->y0);
      add_line (cr, t0, mark->y1, t1, mark->y1);
    }
  else
    {
      add_line (cr, mark->x0, t0, mark->x0, t1);
      add_line (cr, mark->x1, t0, mark->x1, t1);
    }
  cairo_set_line_width (cr, mark->line_width > 0 ? mark->line_width : 1.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
  const double room = hi - t1 - CAPTION_GAP;
  if (!caption || room <= 1.0)
    return;
  const double size = MIN (CAPTION_SIZE, room * 0.8);
  const double centre = t1 + CAPTION_GAP + room / 2;
  const double mid_x = (mark->x0 + mark->x1) / 2, mid_y = (mark->y0 + mark->y1) / 2;
  if (vertical)
    draw_text_centred (cr, context, mark->text, size, r->height, centre, mid_y, TRUE, FALSE);
  else
    draw_text_centred (cr, context, mark->text, size, r->width, mid_x, centre, FALSE, FALSE);
}

static void
draw_mark (cairo_t *cr, PangoContext *context, const RoneoMark *mark)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0); /* registration black */
  switch (mark->kind)
    {
    case RONEO_MARK_CUT:
      draw_cut (cr, mark);
      break;
    case RONEO_MARK_GLUE:
      draw_glue (cr, mark);
      break;
    case RONEO_MARK_LABEL:
      draw_label (cr, context, mark);
      break;
    case RONEO_MARK_SCALE_BAR:
      draw_scale_bar (cr, context, mark);
      break;
    case RONEO_MARK_FILL:
      draw_fill (cr, mark);
      break;
    case RONEO_MARK_TEXT:
      draw_paragraph (cr, context, mark);
      break;
    }
  cairo_restore (cr);
}

void
roneo_draw_sheet (cairo_t *cr, const RoneoSheet *sheet, RoneoSheetSources *sources,
                  PangoContext *label_context)
{
  for (guint i = 0; i < sheet->placements->len; i++)
    {
      const RoneoPlacement *p = &g_array_index (sheet->placements, RoneoPlacement, i);
      if (p->page < sources->pages->len)
        draw_placement (cr, p, sources);
    }
  if (sheet->marks->len == 0)
    return;
  PangoContext *context = label_context;
  if (context == NULL)
    {
      context = pango_cairo_create_context (cr);
      pango_context_set_round_glyph_positions (context, FALSE);
    }
  for (guint i = 0; i < sheet->marks->len; i++)
    draw_mark (cr, context, &g_array_index (sheet->marks, RoneoMark, i));
  if (context != label_context)
    g_object_unref (context); /* no autoptr for PangoContext in Pango 1.50 (PITFALLS 10) */
}
