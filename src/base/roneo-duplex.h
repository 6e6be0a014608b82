/* roneo-duplex.h: which edge a sheet turns on, the one duplex enum of roneo.
 *
 * The imposition decides the binding of a batch, the print stage asks the
 * printer for it, and both speak this enum; its values are IPP's `sides`
 * keywords plus AUTO, the imposition's natural binding, which has none.
 * Kept this small so it can move as is into the public header.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which edge a sheet turns on. */
typedef enum
{
  RONEO_DUPLEX_AUTO,       /* a batch: the imposition's natural binding */
  RONEO_DUPLEX_ONE_SIDED,  /* IPP one-sided */
  RONEO_DUPLEX_LONG_EDGE,  /* IPP two-sided-long-edge */
  RONEO_DUPLEX_SHORT_EDGE, /* IPP two-sided-short-edge */
} RoneoDuplex;

/* The IPP keyword of sides ("two-sided-long-edge"); static. NULL for AUTO,
 * which is no IPP value: the printer is then asked nothing. */
const char *roneo_duplex_to_ipp (RoneoDuplex sides);
/* An IPP sides keyword; FALSE (and sides untouched) if unknown. */
gboolean roneo_duplex_from_ipp (const char *keyword, RoneoDuplex *sides);

G_END_DECLS
