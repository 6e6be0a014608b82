/* roneo-sheet-writer.c: imposed sheets written one at a time (batches).
 *
 * A batch may make thousands of sheets from thousands of different pages;
 * holding them all, or the PDF, in memory would make memory grow with the
 * rows. The writer streams cairo's output into a checked temporary file
 * beside the target and draws each sheet as it comes: the pages every sheet
 * shows (a tract run off in copies) are recorded once and painted, the pages
 * one sheet shows (a personalised copy) are drawn straight onto it and
 * forgotten. Closing runs the finishing pass from that file into the target:
 * an output the writer opened and commits, or one the caller lent and
 * commits with the job's other outputs. The scratch file is unique to the
 * writer (two runs never share it) and removed either way.
 */
#include "roneo-error.h"
#include "roneo-intl-private.h"
#include "roneo-finish.h"
#include "roneo-output.h"
#include "roneo-render-private.h"

#include <cairo-pdf.h>

struct _RoneoSheetWriter
{
  char *path;
  RoneoRenderOptions options; /* strings and context borrowed from the caller */
  RoneoOutput *output;        /* the cairo temporary */
  RoneoOutput *target;        /* the finished PDF: own_target, or the caller's */
  RoneoOutput *own_target;
  cairo_surface_t *surface; /* made with the first sheet's size */
  cairo_t *cr;
  RoneoSheetSources shared; /* recorded once, painted on every sheet; refs its pages */
  double bleed;
  guint sheets;
  GArray *links; /* RoneoFinishLink of the sheets written so far */
};

RoneoSheetWriter *
roneo_sheet_writer_new_to (RoneoOutput *target, GPtrArray *shared_pages, double bleed,
                           const RoneoRenderOptions *options, GError **error)
{
  g_return_val_if_fail (target != NULL && options != NULL, NULL);
  const char *path = roneo_output_peek_path (target);
  RoneoOutput *output = roneo_output_open_scratch (path, ".cairo.tmp", error);
  if (output == NULL)
    return NULL;
  RoneoSheetWriter *writer = g_new0 (RoneoSheetWriter, 1);
  writer->path = g_strdup (path);
  writer->target = target;
  writer->options = *options;
  writer->output = output;
  writer->bleed = bleed;
  writer->links = g_array_new (FALSE, FALSE, sizeof (RoneoFinishLink));
  /* The writer keeps its own reference: the caller may drop its array as
   * soon as this returns, the recordings are made from it until close. */
  roneo_sheet_sources_init (&writer->shared, shared_pages, options->stencil);
  writer->shared.bleed = bleed;
  return writer;
}

RoneoSheetWriter *
roneo_sheet_writer_new (const char *path, GPtrArray *shared_pages, double bleed,
                        const RoneoRenderOptions *options, GError **error)
{
  g_return_val_if_fail (path != NULL && options != NULL, NULL);
  RoneoOutput *target = roneo_output_open (path, ".tmp", error);
  RoneoSheetWriter *writer
      = target ? roneo_sheet_writer_new_to (target, shared_pages, bleed, options, error) : NULL;
  if (writer == NULL)
    roneo_output_free (target);
  else
    writer->own_target = target;
  return writer;
}

static void
start (RoneoSheetWriter *writer, const RoneoSheet *first)
{
  writer->surface = cairo_pdf_surface_create_for_stream (roneo_output_cairo_write, writer->output,
                                                         first->width, first->height);
  roneo_render_set_metadata (writer->surface, &writer->options);
  writer->cr = cairo_create (writer->surface);
}

gboolean
roneo_sheet_writer_add (RoneoSheetWriter *writer, const RoneoSheet *sheet, GPtrArray *pages,
                        GError **error)
{
  g_return_val_if_fail (writer != NULL && writer->output != NULL && sheet != NULL, FALSE);
  /* Pages given for one sheet are borrowed for this call only. */
  RoneoSheetSources direct = {
    .pages = pages, .stencil = writer->options.stencil, .bleed = writer->bleed, .direct = TRUE
  };
  RoneoSheetSources *sources = pages != NULL ? &direct : &writer->shared;
  guint n_pages = pages != NULL ? pages->len : writer->shared.n_recordings;
  if (sources->pages == NULL || !roneo_sheet_check_pages (sheet, n_pages, writer->path, error))
    {
      if (sources->pages == NULL)
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                     _ ("cannot write '%s': sheet %s has "
                        "no pages to show"),
                     writer->path, sheet->name ? sheet->name : "?");
      return FALSE;
    }
  if (writer->surface == NULL)
    start (writer, sheet);
  cairo_pdf_surface_set_size (writer->surface, sheet->width, sheet->height);
  roneo_draw_sheet (writer->cr, sheet, sources, writer->options.label_context);
  roneo_links_add_sheet (writer->links, writer->sheets, sheet, sources->pages);
  cairo_show_page (writer->cr);
  writer->sheets++;
  return roneo_render_check_status (cairo_status (writer->cr), writer->path, error);
}

gboolean
roneo_sheet_writer_close (RoneoSheetWriter *writer, GError **error)
{
  g_return_val_if_fail (writer != NULL && writer->output != NULL, FALSE);
  if (writer->sheets == 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': no sheet"),
                   writer->path);
      return FALSE;
    }
  g_clear_pointer (&writer->cr, cairo_destroy);
  cairo_surface_finish (writer->surface);
  gboolean ok
      = roneo_render_check_status (cairo_surface_status (writer->surface), writer->path, error)
        && roneo_output_close (writer->output, error);
  const RoneoFinishOptions finish = { .links = writer->links };
  ok = ok
       && roneo_finish_pdf_to (roneo_output_peek_temp_path (writer->output), writer->target,
                               &finish, error)
       && (writer->own_target == NULL || roneo_output_commit (writer->own_target, error));
  /* The cairo temporary goes either way; the target was renamed into place,
   * or is the caller's to commit, or was left as it was. */
  g_clear_pointer (&writer->output, roneo_output_free);
  return ok;
}

void
roneo_sheet_writer_free (RoneoSheetWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_pointer (&writer->cr, cairo_destroy);
  g_clear_pointer (&writer->surface, cairo_surface_destroy);
  roneo_sheet_sources_clear (&writer->shared);
  g_clear_pointer (&writer->links, g_array_unref);
  g_clear_pointer (&writer->output, roneo_output_free);
  g_clear_pointer (&writer->own_target, roneo_output_free);
  g_free (writer->path);
  g_free (writer);
}
