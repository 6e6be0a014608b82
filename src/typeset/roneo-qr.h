/* roneo-qr.h: a QR code as a grid of modules, drawn as vector squares.
 *
 * Encoded by libqrencode (8-bit data, error correction M, the smallest
 * version that holds the text); drawn black on white with the quiet zone of
 * four modules the standard asks for, inside the rectangle it is given.
 */
#pragma once

#include "roneo-units.h"

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define RONEO_QR_QUIET_ZONE 4              /* modules of white around the code */
#define RONEO_QR_MIN_MODULE RONEO_MM (0.5) /* a phone's camera reads no smaller */

typedef struct _RoneoQr RoneoQr;

/* The code of text, or NULL with error (RONEO_ERROR_INPUT, no prefix: the
 * caller names the file and line) when it cannot be encoded. Owned. */
RoneoQr *roneo_qr_new (const char *text, GError **error);
void roneo_qr_free (RoneoQr *qr);

/* Modules across, the quiet zone included. */
int roneo_qr_get_size (const RoneoQr *qr);

/* Draws the code, quiet zone included, filling the square of side `side`
 * at (x, y) (pt, y down): white behind, the dark modules in one path. */
void roneo_qr_draw (const RoneoQr *qr, cairo_t *cr, double x, double y, double side);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoQr, roneo_qr_free)

G_END_DECLS
