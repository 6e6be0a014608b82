/* roneo-render-private.h: what the render files share (private to src/render).
 *
 * roneo-draw.c draws composed pages (plain or stencil) and records them;
 * roneo-draw-sheet.c draws a sheet (placements then marks) onto any cairo_t,
 * so the PDF and the PNG preview share one drawing path; roneo-render.c holds
 * the PDF plumbing both PDF writers use.
 */
#pragma once

#include "roneo-finish.h"
#include "roneo-render.h"

#include <cairo.h>

G_BEGIN_DECLS

#define RONEO_STENCIL_WIDTH 1.5 /* pt: the outline of stencil text and boxes */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Draws the page in trim coordinates: the background (none when stencil)
 * over the trim grown by bleed, then the items, clipped to that area. */
void roneo_draw_page (cairo_t *cr, const RoneoPage *page, double bleed, gboolean stencil);

/* The page (with bleed pt around its trim) drawn once into an unbounded
 * recording surface (PITFALLS 12), so every sheet that paints it shares one
 * form XObject and one set of fonts. */
cairo_surface_t *roneo_draw_record_page (const RoneoPage *page, double bleed, gboolean stencil);

/* The pages sheets place: lazily recorded (one slot per page, NULL until a
 * sheet needs it), or drawn straight onto each sheet when direct (a page
 * shown once needs no recording, and cairo keeps recordings to the end).
 * init takes a reference on pages (may be NULL: no pages) and clear drops
 * it, so the pages live as long as the sources whoever made the array; a
 * direct source built on the stack for one sheet borrows them instead. */
typedef struct
{
  GPtrArray *pages; /* RoneoPage*, a reference from init to clear */
  cairo_surface_t **recordings;
  guint n_recordings; /* slots in recordings: pages->len at init */
  gboolean stencil;
  double bleed; /* pt drawn around each page's trim */
  gboolean direct;
} RoneoSheetSources;

void roneo_sheet_sources_init (RoneoSheetSources *sources, GPtrArray *pages, gboolean stencil);
void roneo_sheet_sources_clear (RoneoSheetSources *sources);

/* FALSE with RONEO_ERROR_OUTPUT naming path if a placement names a page that
 * does not exist. */
gboolean roneo_sheet_check_pages (const RoneoSheet *sheet, guint n_pages, const char *path,
                                  GError **error);

/* The sheet in sheet coordinates (pt, top-left, y down): every placement
 * clipped and transformed, then the marks. label_context may be NULL (a
 * context is then made on cr's default font map). */
void roneo_draw_sheet (cairo_t *cr, const RoneoSheet *sheet, RoneoSheetSources *sources,
                       PangoContext *label_context);

/* The links of page (RoneoFinishLink, roneo-finish.h) appended to links
 * for output page page_index, where roneo-render.c draws it: at offset pt
 * from the media's corner, scaled by 1/user_unit. */
void roneo_links_add_page (GArray *links, guint page_index, const RoneoPage *page, double offset,
                           double user_unit);
/* The same for every placement of sheet, through its matrix and clip;
 * pages is what its placements index. */
void roneo_links_add_sheet (GArray *links, guint page_index, const RoneoSheet *sheet,
                            GPtrArray *pages);

/* PDF plumbing shared by roneo_render_pdf and roneo_render_sheets_pdf. */
void roneo_render_set_metadata (cairo_surface_t *surface, const RoneoRenderOptions *options);
cairo_status_t roneo_render_append_bytes (void *closure, const unsigned char *data,
                                          unsigned int length);
gboolean roneo_render_check_status (cairo_status_t status, const char *path, GError **error);
/* The PNG of surface into output, left open (not committed). */
gboolean roneo_render_write_png (cairo_surface_t *surface, RoneoOutput *output, GError **error);
/* surface as PNG bytes; what names it in errors. */
GBytes *roneo_render_png_bytes_of (cairo_surface_t *surface, const char *what, GError **error);

/* A white proof image of width x height pt at dpi, and a context on it
 * that draws in pt. Owned. */
cairo_surface_t *roneo_render_new_proof (double width, double height, double dpi);
cairo_t *roneo_render_proof_context (cairo_surface_t *proof, double dpi);

G_END_DECLS
