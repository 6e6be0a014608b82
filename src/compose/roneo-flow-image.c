/* roneo-flow-image.c: pictures on the pages of a run.
 *
 * A block picture takes the text column's measure, at most [image]
 * max-height tall, its caption (the alt text, in the [caption] style) under
 * it, the two kept together. Copy that does not fit shrinks the pictures
 * first, down to min-height (Composer.image_shrink, decided by the overflow
 * policy in roneo-flow.c), before the body shrinks. The logo takes a band at
 * the top or the foot of the first page's frame, as [logo] says. A bitmap
 * printed under 150 dpi is advice naming the size of file that would do,
 * under 72 dpi a warning (--strict fails on it, not on advice).
 */
#include "roneo-flow-private.h"

#include "roneo-intl-private.h"
#include "roneo-qr.h"
#include "roneo-text-layout.h"

#include <math.h>

#define LOW_DPI 150.0  /* under it a bitmap looks soft on paper: advice */
#define POOR_DPI 72.0  /* under it, pixels show: a warning strict fails on */
#define GOOD_DPI 300.0 /* what the warning asks for */
#define CAPTION_GAP 3.0

static RoneoImageSet *
image_set (Composer *c)
{
  if (c->cc->images != NULL)
    return c->cc->images;
  if (c->own_images == NULL)
    c->own_images = roneo_image_set_new ();
  return c->own_images;
}

/* A QR code is printed at [image] qr-size (the measure if narrower) and
 * never shrinks: a phone reads modules of 0.5 mm, not less. */
static double
qr_side (const Composer *c, double measure)
{
  return MIN (measure, c->layout->pictures.qr_size);
}

/* Checked where the code is smallest: on the column of the smallest body
 * (a column in ems narrows with it). */
static gboolean
check_qr_modules (const Composer *c, const Prepared *p, GError **error)
{
  int modules = roneo_image_get_qr_modules (p->image);
  double side = qr_side (c, roneo_layout_get_column (c->layout, c->layout->body.min_size).width);
  double module = modules > 0 ? side / modules : RONEO_QR_MIN_MODULE;
  if (module >= RONEO_QR_MIN_MODULE - 1e-9)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               _ ("%s:%u: '%s' is too long for a QR code %.0f mm wide: its %d modules need %.0f "
                  "mm to be 0.5 mm each, what a phone reads (shorten the address or make [image] "
                  "qr-size larger)"),
               c->document->source, p->block->line, p->block->image->target, side * 25.4 / 72.0,
               modules, ceil (modules * RONEO_QR_MIN_MODULE * 25.4 / 72.0));
  return FALSE;
}

gboolean
roneo_flow_load_images (Composer *c, GError **error)
{
  const char *copy = c->document->source;
  if (c->document->inline_image_line > 0)
    roneo_warnings_add_at (c->cc->warnings, RONEO_WARNING_GENERAL, copy,
                           c->document->inline_image_line,
                           _ ("a picture inside a paragraph is printed as its alt text; give it a "
                              "paragraph of its own to show it"));
  for (guint i = 0; i < c->n_blocks; i++)
    {
      Prepared *p = g_ptr_array_index (c->prepared, i);
      if (p->role != ROLE_IMAGE)
        continue;
      p->image = roneo_image_set_get (image_set (c), p->block->image, copy, error);
      if (p->image == NULL || !check_qr_modules (c, p, error))
        return FALSE;
      c->has_images = TRUE;
    }
  if (c->document->logo == NULL)
    return TRUE;
  c->logo = roneo_image_set_get (image_set (c), c->document->logo, copy, error);
  return c->logo != NULL;
}

/* --- print quality -------------------------------------------------------- */

static void
check_resolution (Flow *f, const RoneoItem *item, guint line)
{
  double dpi = roneo_item_get_dpi (item);
  if (f->draft || dpi <= 0 || dpi >= LOW_DPI)
    return;
  int wanted = (int) ceil (item->rect.width / 72.0 * GOOD_DPI);
  roneo_warnings_add_at (
      f->warnings, dpi < POOR_DPI ? RONEO_WARNING_GENERAL : RONEO_WARNING_ADVICE,
      f->c->document->source, line,
      _ ("%s prints at %.0f dpi; use a file of at least %d px wide for this size"),
      roneo_image_get_name (item->image), floor (dpi), wanted);
}

/* --- block pictures ------------------------------------------------------- */

static gboolean
is_qr (const Prepared *p)
{
  return roneo_image_get_qr_modules (p->image) > 0;
}

/* The picture's height at this run's shrink: its natural height on the
 * measure, capped by max-height, given up towards min-height; *low the
 * least it may take. */
static double
image_height (const Flow *f, const Prepared *p, double measure, double *low)
{
  const RoneoPictures *pictures = &f->c->layout->pictures;
  if (is_qr (p))
    return *low = qr_side (f->c, measure);
  double natural = measure / roneo_image_get_aspect (p->image);
  double top = MIN (natural, pictures->max_height);
  *low = MIN (natural, MIN (pictures->min_height, pictures->max_height));
  return top - f->c->image_shrink * (top - *low);
}

/* The caption on the picture's width (it hangs from the picture's left
 * edge), or NULL when the picture has no alt text. A QR code's address runs
 * on the measure: a web address must not break every dozen letters. */
static RoneoLineSet *
caption_lines (Flow *f, const Prepared *p, double width)
{
  if (p->block->text[0] == '\0')
    return NULL;
  return roneo_flow_break_lines (f, p, &f->c->layout->caption, is_qr (p) ? f->column.width : width);
}

static double
caption_height (const RoneoLineSet *set)
{
  return set ? CAPTION_GAP + set->lines->len * roneo_line_set_get_pitch (set) : 0;
}

/* The height the picture takes here: a picture that does not fit the
 * room left on the page takes that room, down to min-height, rather than
 * go overleaf and leave a hole; below it, a new page. */
static double
height_here (Flow *f, const Prepared *p, double height, double low)
{
  double measure = f->column.width, aspect = roneo_image_get_aspect (p->image);
  g_autoptr (RoneoLineSet) set = caption_lines (f, p, MIN (measure, height * aspect));
  double room = roneo_flow_room (f) + RONEO_FLOW_OVERFLOW_TOLERANCE;
  if (f->empty || height + caption_height (set) <= room)
    return height;
  g_autoptr (RoneoLineSet) least = caption_lines (f, p, MIN (measure, low * aspect));
  double fitted = room - caption_height (least) - RONEO_FLOW_OVERFLOW_TOLERANCE;
  if (fitted >= low)
    return MIN (height, fitted);
  roneo_flow_new_page (f);
  roneo_flow_open_block (f, &f->image);
  return height;
}

void
roneo_flow_place_image (Flow *f, const Prepared *p)
{
  const RoneoStyle *caption = &f->c->layout->caption;
  double measure = f->column.width, low = 0;
  double height = image_height (f, p, measure, &low);

  roneo_flow_open_block (f, &f->image);
  height = height_here (f, p, height, low);
  double width = MIN (measure, height * roneo_image_get_aspect (p->image));
  /* a QR code sits at the column's left, its address under it */
  double x = is_qr (p) ? f->column.x : f->column.x + (measure - width) / 2;
  g_autoptr (RoneoLineSet) set = caption_lines (f, p, width);
  if (!f->draft)
    {
      RoneoRect rect = { x, f->y, width, height };
      check_resolution (f, roneo_page_add_image (f->page, "image", p->image, &rect),
                        p->block->line);
    }
  f->y += height + (set ? CAPTION_GAP : 0);
  if (set != NULL && !f->draft)
    {
      g_autoptr (PangoLayout) layout
          = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
      roneo_flow_check_glyphs (f, layout, p);
      roneo_page_add_text (f->page, "caption", layout, x, f->y, set->size, &caption->color);
    }
  if (set != NULL)
    f->y += set->lines->len * roneo_line_set_get_pitch (set);
  f->empty = FALSE;
  f->opened_gap = 0;
  roneo_flow_close_block (f, &f->image);
}

/* --- the logo ------------------------------------------------------------- */

static double
logo_band (const Flow *f)
{
  return f->c->layout->pictures.logo_height + f->c->layout->pictures.logo_gap;
}

void
roneo_flow_open_logo (Flow *f)
{
  if (f->c->logo == NULL || f->pages->len != 1)
    return;
  if (f->c->layout->pictures.logo_position == RONEO_LOGO_FOOTER)
    f->logo_foot = logo_band (f);
  else
    f->y += logo_band (f);
}

void
roneo_flow_place_logo (Flow *f)
{
  const RoneoPictures *pictures = &f->c->layout->pictures;
  const RoneoRect *frame = &f->c->frame;
  if (f->c->logo == NULL || f->draft || f->page->number != 1)
    return;
  double height = pictures->logo_height;
  double width = MIN (frame->width, height * roneo_image_get_aspect (f->c->logo));
  height = width / roneo_image_get_aspect (f->c->logo);
  RoneoRect rect = { frame->x, frame->y, width, height };
  if (pictures->logo_position == RONEO_LOGO_TOP_RIGHT)
    rect.x = frame->x + frame->width - width;
  else if (pictures->logo_position == RONEO_LOGO_FOOTER)
    rect = (RoneoRect){ frame->x + (frame->width - width) / 2,
                        frame->y + frame->height - pictures->logo_height, width, height };
  check_resolution (f, roneo_page_add_image (f->page, "logo", f->c->logo, &rect),
                    f->c->document->logo->line);
}
