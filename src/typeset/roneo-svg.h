/* roneo-svg.h: librsvg, opened when the first SVG drawing is read.
 *
 * Most tracts have no SVG, and linking librsvg (with libxml2 and ICU) costs
 * every cold run about 3 ms of loading. roneo only needs four of its
 * functions: they are looked up once, through GModule, in the librsvg
 * Debian installs (librsvg2-2, a dependency of gdk-pixbuf's own SVG loader),
 * and used through this table. The types are librsvg's, from its header.
 */
#pragma once

#include <librsvg/rsvg.h>

G_BEGIN_DECLS

typedef struct
{
  RsvgHandle *(*new_from_data) (const guint8 *data, gsize length, GError **error);
  gboolean (*get_intrinsic_size_in_pixels) (RsvgHandle *handle, double *width, double *height);
  void (*get_intrinsic_dimensions) (RsvgHandle *handle, gboolean *has_width, RsvgLength *width,
                                    gboolean *has_height, RsvgLength *height, gboolean *has_viewbox,
                                    RsvgRectangle *viewbox);
  gboolean (*render_document) (RsvgHandle *handle, cairo_t *cr, const RsvgRectangle *viewport,
                               GError **error);
} RoneoSvg;

/* librsvg's functions, the library opened on first use (thread-safe).
 * NULL, with the reason in error, when it cannot be opened. Borrowed for
 * the life of the process. */
const RoneoSvg *roneo_svg_get (GError **error);

G_END_DECLS
