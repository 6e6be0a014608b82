/* roneo-render.h: pages to PDF and PNG with cairo, finished by roneo-finish.c.
 *
 * cairo writes the PDF through cairo_pdf_surface_create_for_stream into
 * memory; one finishing pass (roneo-finish.h) writes it into a temporary file that render
 * owns, every write, the flush and the close checked (PITFALLS 17: cairo's
 * own file writer misses a full disk), renamed onto the target at the very
 * end. On any failure the target is left as it was and the temporary is
 * removed. Same pages + same options = same bytes.
 */
#pragma once

#include "roneo-output.h"
#include "roneo-page.h"
#include "roneo-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title; /* metadata, may be NULL */
  const char *author;
  const char *subject;
  const char *creator;         /* "roneo 0.1.0" */
  gint64 date;                 /* seconds since the epoch: CreationDate and ModDate */
  double bleed;                /* pt; 0 = none. The media box grows by it on each side */
  gboolean marks;              /* crop marks outside the trim (needs bleed > 0 to show well) */
  gboolean stencil;            /* text and boxes as 1.5 pt black outlines, no fill, no background:
                                  to trace or paint a cloth banner with little ink */
  PangoContext *label_context; /* sheets: the text of LABEL and SCALE_BAR marks, set in
                                  "Roneo Sans"; borrowed, from roneo_fonts_create_context */
} RoneoRenderOptions;

/* Writes pages (RoneoPage*) as one PDF at path. The media box is the trim
 * size plus 2 x bleed, plus room for crop marks outside the bleed when marks
 * (they start at the bleed edge, or 3 mm out without bleed); TrimBox and
 * BleedBox are set by the finishing pass. Pages over 14 400 pt on a side
 * (PITFALLS 19) are written with /UserUnit u, the smallest integer that brings
 * every side of every page under the limit: drawn at 1/u on a page of size/u,
 * the boxes in user units. Returns FALSE with RONEO_ERROR_OUTPUT on any
 * failure, and then path is untouched. */
gboolean roneo_render_pdf (GPtrArray *pages, const RoneoRenderOptions *options, const char *path,
                           GError **error);

/* The same into output (roneo-output.h), left open: the caller commits it
 * with the job's other outputs. The same for each writer below (_to). */
gboolean roneo_render_pdf_to (GPtrArray *pages, const RoneoRenderOptions *options,
                              RoneoOutput *output, GError **error);

/* The largest page side a PDF page may have before /UserUnit is used. */
#define RONEO_RENDER_MAX_PAGE_SIDE 14400.0

/* Writes sheets (RoneoSheet*) as one PDF at path, one page of exactly each
 * sheet's size (landscape sheets are landscape pages, no /Rotate). pages
 * (RoneoPage*) is the artwork the placements name by index: each page used is
 * recorded once and painted per placement through its matrix and clip, so
 * the file holds it (and its fonts) once. Then the marks. bleed and marks of
 * options are ignored (TrimBox = MediaBox); stencil applies to the artwork.
 * Same finishing pass, errors and atomic write as roneo_render_pdf. */
gboolean roneo_render_sheets_pdf (GPtrArray *pages, GPtrArray *sheets,
                                  const RoneoRenderOptions *options, const char *path,
                                  GError **error);

gboolean roneo_render_sheets_pdf_to (GPtrArray *pages, GPtrArray *sheets,
                                     const RoneoRenderOptions *options, RoneoOutput *output,
                                     GError **error);

/* One sheet as a PNG at dpi on white (the cover preview), drawn by the same
 * code as roneo_render_sheets_pdf; same atomic-write rules. */
gboolean roneo_render_sheet_png (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                                 const RoneoRenderOptions *options, const char *path,
                                 GError **error);

gboolean roneo_render_sheet_png_to (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                                    const RoneoRenderOptions *options, RoneoOutput *output,
                                    GError **error);

/* Writes one page as a PNG proof at dpi (e.g. 150), on white or the page
 * background; same atomic-write rules. */
gboolean roneo_render_png (const RoneoPage *page, double dpi, const char *path, GError **error);
/* The same proofs as PNG bytes; what names them in errors ("the proof of page 2"). */
GBytes *roneo_render_png_bytes (const RoneoPage *page, double dpi, const char *what,
                                GError **error);
GBytes *roneo_render_sheet_png_bytes (GPtrArray *pages, const RoneoSheet *sheet, double dpi,
                                      const RoneoRenderOptions *options, const char *what,
                                      GError **error);
gboolean roneo_render_png_to (const RoneoPage *page, double dpi, RoneoOutput *output,
                              GError **error);

/* Sheets written one at a time, for batches of any length (memory does not
 * grow with the sheets). shared_pages (may be NULL) are recorded once and
 * painted on every sheet that places them (copies of one tract); the writer
 * keeps its own reference to that array until it is freed, so the caller may
 * unref it at once. Pages given to add are drawn straight onto that sheet
 * (personalised copies) and borrowed for that call only. bleed pt of each
 * page show around its trim. cairo streams into a scratch file beside path
 * (a new one per writer, removed either way); close finishes it into path,
 * or with roneo_sheet_writer_new_to into a borrowed output that the caller
 * commits. Nothing is at path until then; freeing an unclosed writer
 * removes its temporaries. */
typedef struct _RoneoSheetWriter RoneoSheetWriter;

RoneoSheetWriter *roneo_sheet_writer_new (const char *path, GPtrArray *shared_pages, double bleed,
                                          const RoneoRenderOptions *options, GError **error);
RoneoSheetWriter *roneo_sheet_writer_new_to (RoneoOutput *target, GPtrArray *shared_pages,
                                             double bleed, const RoneoRenderOptions *options,
                                             GError **error);
/* pages: the pages this sheet's placements index, or NULL for the shared ones. */
gboolean roneo_sheet_writer_add (RoneoSheetWriter *writer, const RoneoSheet *sheet,
                                 GPtrArray *pages, GError **error);
gboolean roneo_sheet_writer_close (RoneoSheetWriter *writer, GError **error);
void roneo_sheet_writer_free (RoneoSheetWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoSheetWriter, roneo_sheet_writer_free)

G_END_DECLS
