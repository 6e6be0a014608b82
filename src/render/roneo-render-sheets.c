/* roneo-render-sheets.c: imposed sheets to PDF and PNG (PRINT.md "Banner tiles").
 *
 * Each composed page a placement uses is recorded once into an unbounded
 * recording surface and painted per placement with a clip (PITFALLS 12): the
 * PDF holds it as one form XObject with its fonts once, however many sheets
 * show a part of it. Painting it twice on one page duplicates a resource key
 * (PITFALLS 13), which the finishing pass rewrites away.
 */
#include "roneo-error.h"
#include "roneo-intl-private.h"
#include "roneo-finish.h"
#include "roneo-output.h"
#include "roneo-render-private.h"

#include <cairo-pdf.h>
#include <math.h>

static gboolean
check_sheets (GPtrArray *pages, GPtrArray *sheets, const char *path, GError **error)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      const RoneoSheet *sheet = g_ptr_array_index (sheets, i);
      if (sheet->width <= 0 || sheet->height <= 0)
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       _ ("cannot write '%s': sheet %s has no size"), path,
                       sheet->name != NULL ? sheet->name : "?");
          return FALSE;
        }
      if (!roneo_sheet_check_pages (sheet, pages->len, path, error))
        return FALSE;
    }
  return TRUE;
}

/* Cairo writes into memory; its status is sticky: one check per sheet and
 * one after finishing. The recordings outlive the PDF surface's finish,
 * which is when cairo writes them out. */
static gboolean
write_cairo_sheets (GPtrArray *pages, GPtrArray *sheets, const RoneoRenderOptions *options,
                    GByteArray *bytes, GArray *links, const char *path, GError **error)
{
  const RoneoSheet *first = g_ptr_array_index (sheets, 0);
  g_autoptr (cairo_surface_t) surface = cairo_pdf_surface_create_for_stream (
      roneo_render_append_bytes, bytes, first->width, first->height);
  roneo_render_set_metadata (surface, options);
  RoneoSheetSources sources;
  roneo_sheet_sources_init (&sources, pages, options->stencil);
  g_autoptr (cairo_t) cr = cairo_create (surface);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < sheets->len; i++)
    {
      const RoneoSheet *sheet = g_ptr_array_index (sheets, i);
      cairo_pdf_surface_set_size (surface, sheet->width, sheet->height);
      roneo_draw_sheet (cr, sheet, &sources, options->label_context);
      roneo_links_add_sheet (links, i, sheet, pages);
      cairo_show_page (cr);
      ok = roneo_render_check_status (cairo_status (cr), path, error);
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  roneo_sheet_sources_clear (&sources);
  return ok && roneo_render_check_status (cairo_surface_status (surface), path, error);
}

gboolean
roneo_render_sheets_pdf_to (GPtrArray *pages, GPtrArray *sheets, const RoneoRenderOptions *options,
                            RoneoOutput *output, GError **error)
{
  g_return_val_if_fail (pages != NULL && sheets != NULL && sheets->len > 0, FALSE);
  g_return_val_if_fail (options != NULL && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const char *path = roneo_output_peek_path (output);
  if (!check_sheets (pages, sheets, path, error))
    return FALSE;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (RoneoFinishLink));
  if (!write_cairo_sheets (pages, sheets, options, bytes, links, path, error))
    return FALSE;
  const RoneoFinishOptions finish = { .links = links };
  return roneo_finish_pdf_data_to (bytes->data, bytes->len, output, &finish, error);
}

gboolean
roneo_render_sheets_pdf (GPtrArray *pages, GPtrArray *sheets, const RoneoRenderOptions *options,
                         const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autoptr (RoneoOutput) output = roneo_output_open (path, ".tmp", error);
  return output != NULL && roneo_render_sheets_pdf_to (pages, sheets, options, output, error)
         && roneo_output_commit (output, error);
}

static cairo_surface_t *
sheet_proof (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
             const RoneoRenderOptions *options, const char *path, GError **error)
{
  if (!roneo_sheet_check_pages (sheet, pages->len, path, error))
    return NULL;
  g_autoptr (cairo_surface_t) surface = roneo_render_new_proof (sheet->width, sheet->height, dpi);
  g_autoptr (cairo_t) cr = roneo_render_proof_context (surface, dpi);
  RoneoSheetSources sources;
  roneo_sheet_sources_init (&sources, pages, options->stencil);
  roneo_draw_sheet (cr, sheet, &sources, options->label_context);
  roneo_sheet_sources_clear (&sources);
  if (!roneo_render_check_status (cairo_status (cr), path, error))
    return NULL;
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);
  return g_steal_pointer (&surface);
}

gboolean
roneo_render_sheet_png_to (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                           const RoneoRenderOptions *options, RoneoOutput *output, GError **error)
{
  g_return_val_if_fail (pages != NULL && sheet != NULL && dpi > 0, FALSE);
  g_return_val_if_fail (options != NULL && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (cairo_surface_t) surface
      = sheet_proof (pages, sheet, dpi, options, roneo_output_peek_path (output), error);
  return surface != NULL && roneo_render_write_png (surface, output, error);
}

GBytes *
roneo_render_sheet_png_bytes (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                              const RoneoRenderOptions *options, const char *what, GError **error)
{
  g_return_val_if_fail (pages != NULL && sheet != NULL && dpi > 0 && options != NULL, NULL);
  g_autoptr (cairo_surface_t) surface = sheet_proof (pages, sheet, dpi, options, what, error);
  return surface ? roneo_render_png_bytes_of (surface, what, error) : NULL;
}

gboolean
roneo_render_sheet_png (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                        const RoneoRenderOptions *options, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autoptr (RoneoOutput) output = roneo_output_open (path, ".tmp", error);
  return output != NULL && roneo_render_sheet_png_to (pages, sheet, dpi, options, output, error)
         && roneo_output_commit (output, error);
}
