/* roneo-render.h: pages to PDF and PNG with cairo, finished by libqpdf.
 *
 * cairo writes the PDF through cairo_pdf_surface_create_for_stream into
 * memory; one libqpdf pass finishes it into a temporary file that render
 * owns, every write, the flush and the close checked (PITFALLS 17: cairo's
 * own file writer misses a full disk), renamed onto the target at the very
 * end. On any failure the target is left as it was and the temporary is
 * removed. Same pages + same options = same bytes.
 */
#pragma once

#include "roneo-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;   /* metadata, may be NULL */
  const char *author;
  const char *subject;
  const char *creator; /* "roneo 0.1.0" */
  gint64 date;         /* seconds since the epoch: CreationDate and ModDate */
  double bleed;        /* pt; 0 = none. The media box grows by it on each side */
  gboolean marks;      /* crop marks outside the trim (needs bleed > 0 to show well) */
} RoneoRenderOptions;

/* Writes pages (RoneoPage*) as one PDF at path. The media box is the trim
 * size plus 2 x bleed, plus room for crop marks outside the bleed when marks
 * (they start at the bleed edge, or 3 mm out without bleed); TrimBox and
 * BleedBox are set by the finishing pass. Returns FALSE with
 * RONEO_ERROR_OUTPUT on any failure, and then path is untouched. */
gboolean roneo_render_pdf (GPtrArray *pages, const RoneoRenderOptions *options, const char *path,
                           GError **error);

/* Writes one page as a PNG proof at dpi (e.g. 150), on white or the page
 * background; same atomic-write rules. */
gboolean roneo_render_png (const RoneoPage *page, double dpi, const char *path, GError **error);

G_END_DECLS
