#include "roneo-render.h"

#include "roneo-error.h"
#include "roneo-finish.h"
#include "roneo-output.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Crop marks (PRINT.md, press profile): 0.25 pt, 5 mm long, on the extension
 * of each trim line, starting at the bleed edge, or 3 mm out without bleed. */
#define MARK_WIDTH 0.25
#define MARK_LENGTH RONEO_MM (5)
#define MARK_OFFSET_NO_BLEED RONEO_MM (3)
#define MARK_MARGIN RONEO_MM (2) /* between the mark's far end and the media edge */

typedef struct
{
  double bleed;       /* trim to bleed edge */
  double mark_offset; /* trim to the near end of a mark */
  double mark_room;   /* bleed edge to media edge */
  gboolean marks;
} Geometry;

static Geometry
geometry_from_options (const RoneoRenderOptions *options)
{
  Geometry g = { .bleed = MAX (options->bleed, 0), .marks = options->marks };
  if (g.marks)
    {
      g.mark_offset = g.bleed > 0 ? g.bleed : MARK_OFFSET_NO_BLEED;
      g.mark_room = g.mark_offset + MARK_LENGTH + MARK_MARGIN - g.bleed;
    }
  return g;
}

static double
geometry_offset (const Geometry *g)
{
  return g->bleed + g->mark_room;
}

static void
set_source_color (cairo_t *cr, const RoneoColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
draw_item (cairo_t *cr, const RoneoItem *item)
{
  set_source_color (cr, &item->color);
  switch (item->kind)
    {
    case RONEO_ITEM_TEXT:
      cairo_move_to (cr, item->rect.x, item->rect.y);
      pango_cairo_show_layout (cr, item->layout);
      break;
    case RONEO_ITEM_BOX:
      cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
      cairo_fill (cr);
      break;
    case RONEO_ITEM_RULE:
      cairo_set_line_width (cr, item->line_width);
      cairo_move_to (cr, item->rect.x, item->rect.y);
      cairo_line_to (cr, item->rect.x + item->rect.width, item->rect.y);
      cairo_stroke (cr);
      break;
    }
}

/* Draws the page in trim coordinates: the background over the trim grown by
 * bleed, then the items, clipped to that area so nothing reaches the marks. */
static void
draw_page (cairo_t *cr, const RoneoPage *page, double bleed)
{
  cairo_save (cr);
  cairo_rectangle (cr, -bleed, -bleed, page->width + 2 * bleed, page->height + 2 * bleed);
  cairo_clip (cr);
  set_source_color (cr, &page->background);
  cairo_paint (cr);
  for (guint i = 0; i < page->items->len; i++)
    draw_item (cr, g_ptr_array_index (page->items, i));
  cairo_restore (cr);
}

static void
draw_mark (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Eight marks, two per corner, each on the extension of a trim line. */
static void
draw_crop_marks (cairo_t *cr, const RoneoPage *page, const Geometry *g)
{
  const double w = page->width, h = page->height;
  const double near = g->mark_offset, far = g->mark_offset + MARK_LENGTH;
  cairo_save (cr);
  for (int i = 0; i < 2; i++)
    {
      const double y = i == 0 ? 0 : h, x = i == 0 ? 0 : w;
      draw_mark (cr, -far, y, -near, y);
      draw_mark (cr, w + near, y, w + far, y);
      draw_mark (cr, x, -far, x, -near);
      draw_mark (cr, x, h + near, x, h + far);
    }
  cairo_set_source_rgb (cr, 0, 0, 0); /* registration: cairo's PDF is RGB only */
  cairo_set_line_width (cr, MARK_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
render_pdf_page (cairo_t *cr, cairo_surface_t *surface, const RoneoPage *page, const Geometry *g)
{
  const double offset = geometry_offset (g);
  cairo_pdf_surface_set_size (surface, page->width + 2 * offset, page->height + 2 * offset);
  cairo_save (cr);
  cairo_translate (cr, offset, offset);
  draw_page (cr, page, g->bleed);
  if (g->marks)
    draw_crop_marks (cr, page, g);
  cairo_restore (cr);
  cairo_show_page (cr);
}

/* cairo 1.16 wants "YYYY-MM-DDThh:mm:ss" with an optional zone. */
static void
set_metadata (cairo_surface_t *surface, const RoneoRenderOptions *options)
{
  const struct
  {
    cairo_pdf_metadata_t key;
    const char *value;
  } fields[] = { { CAIRO_PDF_METADATA_TITLE, options->title },
                 { CAIRO_PDF_METADATA_AUTHOR, options->author },
                 { CAIRO_PDF_METADATA_SUBJECT, options->subject },
                 { CAIRO_PDF_METADATA_CREATOR, options->creator } };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      cairo_pdf_surface_set_metadata (surface, fields[i].key, fields[i].value);
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (options->date);
  g_autofree char *iso = date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ")
                                      : g_strdup ("1970-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_pdf_status (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "cannot write '%s': %s", path,
               cairo_status_to_string (status));
  return FALSE;
}

/* Cairo writes into memory (the finishing pass reads it from there; only
 * the finished file touches the disk). Its status is sticky: one check per
 * page and one after finishing. */
static gboolean
write_cairo_pdf (GPtrArray *pages, const RoneoRenderOptions *options, GByteArray *bytes,
                 const char *path, GError **error)
{
  const Geometry g = geometry_from_options (options);
  const RoneoPage *first = g_ptr_array_index (pages, 0);
  const double offset = geometry_offset (&g);
  g_autoptr (cairo_surface_t) surface = cairo_pdf_surface_create_for_stream (
      append_bytes, bytes, first->width + 2 * offset, first->height + 2 * offset);
  set_metadata (surface, options);
  g_autoptr (cairo_t) cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      render_pdf_page (cr, surface, g_ptr_array_index (pages, i), &g);
      if (!check_pdf_status (cairo_status (cr), path, error))
        return FALSE;
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return check_pdf_status (cairo_surface_status (surface), path, error);
}

gboolean
roneo_render_pdf (GPtrArray *pages, const RoneoRenderOptions *options, const char *path,
                  GError **error)
{
  g_return_val_if_fail (pages != NULL && pages->len > 0, FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  if (!write_cairo_pdf (pages, options, bytes, path, error))
    return FALSE;
  const Geometry g = geometry_from_options (options);
  const RoneoFinishOptions finish = { .bleed = g.bleed, .mark_room = g.mark_room };
  /* finish writes "PATH.tmp", checked, and renames it onto path. */
  return roneo_finish_pdf_data (bytes->data, bytes->len, path, &finish, error);
}

static gboolean
write_png (cairo_surface_t *surface, const char *path, GError **error)
{
  g_autoptr (RoneoOutput) output = roneo_output_open (path, ".tmp", error);
  if (output == NULL)
    return FALSE;
  cairo_status_t status
      = cairo_surface_write_to_png_stream (surface, roneo_output_cairo_write, output);
  if (status != CAIRO_STATUS_SUCCESS)
    return roneo_output_fail (output, cairo_status_to_string (status), error);
  return roneo_output_commit (output, error);
}

gboolean
roneo_render_png (const RoneoPage *page, double dpi, const char *path, GError **error)
{
  g_return_val_if_fail (page != NULL && dpi > 0 && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const int width = (int) lround (page->width * dpi / 72.0);
  const int height = (int) lround (page->height * dpi / 72.0);
  g_autoptr (cairo_surface_t) surface
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (width, 1), MAX (height, 1));
  g_autoptr (cairo_t) cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  draw_page (cr, page, 0);
  cairo_status_t status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "cannot write '%s': %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);
  return write_png (surface, path, error);
}
