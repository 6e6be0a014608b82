/* roneo-render.c: composed pages to PDF and PNG, and the PDF plumbing render shares. */
#include "roneo-error.h"
#include "roneo-intl-private.h"
#include "roneo-finish.h"
#include "roneo-output.h"
#include "roneo-render-private.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>

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
  gboolean stencil;
  double user_unit; /* 1, or the /UserUnit of pages over RONEO_RENDER_MAX_PAGE_SIDE */
} Geometry;

static Geometry
geometry_from_options (const RoneoRenderOptions *options)
{
  Geometry g = { .bleed = MAX (options->bleed, 0),
                 .marks = options->marks,
                 .stencil = options->stencil,
                 .user_unit = 1 };
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

/* The smallest integer u that brings every side of every media box to at
 * most RONEO_RENDER_MAX_PAGE_SIDE once divided by u (PITFALLS 19). */
static double
geometry_user_unit (const Geometry *g, GPtrArray *pages)
{
  double side = 0;
  for (guint i = 0; i < pages->len; i++)
    {
      const RoneoPage *page = g_ptr_array_index (pages, i);
      side = MAX (side, MAX (page->width, page->height) + 2 * geometry_offset (g));
    }
  return MAX (1.0, ceil (side / RONEO_RENDER_MAX_PAGE_SIDE - 1e-9));
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
  const double offset = geometry_offset (g), u = g->user_unit;
  cairo_pdf_surface_set_size (surface, (page->width + 2 * offset) / u,
                              (page->height + 2 * offset) / u);
  cairo_save (cr);
  cairo_scale (cr, 1 / u, 1 / u);
  cairo_translate (cr, offset, offset);
  roneo_draw_page (cr, page, g->bleed, g->stencil);
  if (g->marks)
    draw_crop_marks (cr, page, g);
  cairo_restore (cr);
  cairo_show_page (cr);
}

/* cairo 1.16 wants "YYYY-MM-DDThh:mm:ss" with an optional zone. */
void
roneo_render_set_metadata (cairo_surface_t *surface, const RoneoRenderOptions *options)
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

cairo_status_t
roneo_render_append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
roneo_render_check_status (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

/* Cairo writes into memory (the finishing pass reads it from there; only
 * the finished file touches the disk). Its status is sticky: one check per
 * page and one after finishing. */
static gboolean
write_cairo_pdf (GPtrArray *pages, const Geometry *g, const RoneoRenderOptions *options,
                 GByteArray *bytes, GArray *links, const char *path, GError **error)
{
  const RoneoPage *first = g_ptr_array_index (pages, 0);
  const double offset = geometry_offset (g);
  g_autoptr (cairo_surface_t) surface = cairo_pdf_surface_create_for_stream (
      roneo_render_append_bytes, bytes, (first->width + 2 * offset) / g->user_unit,
      (first->height + 2 * offset) / g->user_unit);
  roneo_render_set_metadata (surface, options);
  g_autoptr (cairo_t) cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      render_pdf_page (cr, surface, g_ptr_array_index (pages, i), g);
      roneo_links_add_page (links, i, g_ptr_array_index (pages, i), offset, g->user_unit);
      if (!roneo_render_check_status (cairo_status (cr), path, error))
        return FALSE;
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return roneo_render_check_status (cairo_surface_status (surface), path, error);
}

gboolean
roneo_render_pdf_to (GPtrArray *pages, const RoneoRenderOptions *options, RoneoOutput *output,
                     GError **error)
{
  g_return_val_if_fail (pages != NULL && pages->len > 0, FALSE);
  g_return_val_if_fail (options != NULL && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const char *path = roneo_output_peek_path (output);
  Geometry g = geometry_from_options (options);
  g.user_unit = geometry_user_unit (&g, pages);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (RoneoFinishLink));
  if (!write_cairo_pdf (pages, &g, options, bytes, links, path, error))
    return FALSE;
  const RoneoFinishOptions finish
      = { .bleed = g.bleed, .mark_room = g.mark_room, .user_unit = g.user_unit, .links = links };
  return roneo_finish_pdf_data_to (bytes->data, bytes->len, output, &finish, error);
}

gboolean
roneo_render_pdf (GPtrArray *pages, const RoneoRenderOptions *options, const char *path,
                  GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autoptr (RoneoOutput) output = roneo_output_open (path, ".tmp", error);
  return output != NULL && roneo_render_pdf_to (pages, options, output, error)
         && roneo_output_commit (output, error);
}

gboolean
roneo_render_write_png (cairo_surface_t *surface, RoneoOutput *output, GError **error)
{
  cairo_status_t status
      = cairo_surface_write_to_png_stream (surface, roneo_output_cairo_write, output);
  if (status != CAIRO_STATUS_SUCCESS)
    return roneo_output_fail (output, cairo_status_to_string (status), error);
  return TRUE;
}

cairo_surface_t *
roneo_render_new_proof (double width, double height, double dpi)
{
  const int w = (int) lround (width * dpi / 72.0), h = (int) lround (height * dpi / 72.0);
  return cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (w, 1), MAX (h, 1));
}

cairo_t *
roneo_render_proof_context (cairo_surface_t *proof, double dpi)
{
  cairo_t *cr = cairo_create (proof);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  return cr;
}

/* The page drawn on a white proof, or NULL with an error naming path. */
static cairo_surface_t *
page_proof (const RoneoPage *page, double dpi, const char *path, GError **error)
{
  g_autoptr (cairo_surface_t) surface = roneo_render_new_proof (page->width, page->height, dpi);
  g_autoptr (cairo_t) cr = roneo_render_proof_context (surface, dpi);
  roneo_draw_page (cr, page, 0, FALSE);
  cairo_status_t status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': %s"), path,
                   cairo_status_to_string (status));
      return NULL;
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);
  return g_steal_pointer (&surface);
}

gboolean
roneo_render_png_to (const RoneoPage *page, double dpi, RoneoOutput *output, GError **error)
{
  g_return_val_if_fail (page != NULL && dpi > 0 && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (cairo_surface_t) surface
      = page_proof (page, dpi, roneo_output_peek_path (output), error);
  return surface != NULL && roneo_render_write_png (surface, output, error);
}

GBytes *
roneo_render_png_bytes_of (cairo_surface_t *surface, const char *what, GError **error)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  cairo_status_t status
      = cairo_surface_write_to_png_stream (surface, roneo_render_append_bytes, png);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot make %s: %s"), what,
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

GBytes *
roneo_render_png_bytes (const RoneoPage *page, double dpi, const char *what, GError **error)
{
  g_return_val_if_fail (page != NULL && dpi > 0, NULL);
  g_autoptr (cairo_surface_t) surface = page_proof (page, dpi, what, error);
  return surface ? roneo_render_png_bytes_of (surface, what, error) : NULL;
}

gboolean
roneo_render_png (const RoneoPage *page, double dpi, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autoptr (RoneoOutput) output = roneo_output_open (path, ".tmp", error);
  return output != NULL && roneo_render_png_to (page, dpi, output, error)
         && roneo_output_commit (output, error);
}
