/* roneo-image.h: a picture read from a file, ready to measure and draw.
 *
 * The loader reads a PNG or JPEG with gdk-pixbuf (EXIF orientation applied,
 * CMYK, 16-bit, alpha and interlacing through it) into a cairo image
 * surface; a JPEG keeps its own bytes as the surface's mime data, so the PDF
 * embeds it as DCT, not re-encoded. An SVG is kept as an RsvgHandle and
 * drawn as vectors. A QR code (roneo-qr.c) is encoded from its text and
 * drawn as vector squares. Nothing is fetched: an SVG that refers to another file
 * or to an address is refused. Limits: the file (50 MB, a regular file, read
 * by roneo-input.c) and the pixels (100 megapixels), checked before decoding.
 *
 * A RoneoImage is reference counted: the composer's pages hold references,
 * and a RoneoImageSet loads each file once per job, so a picture shown on
 * every page or copy is one surface, one PDF XObject.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-units.h"

#include <cairo.h>

G_BEGIN_DECLS

#define RONEO_IMAGE_MAX_PIXELS (100 * 1000 * 1000)

typedef struct _RoneoImage RoneoImage;
typedef struct _RoneoImageSet RoneoImageSet;

/* The picture source points to, read for the copy named copy in messages.
 * Owned; NULL with RONEO_ERROR_INPUT ("tract.md:12: cannot read 'logo.png':
 * ...") when it cannot be read, is no picture, is too large or refers to
 * other files. */
RoneoImage *roneo_image_load (const RoneoImageSource *source, const char *copy, GError **error);
RoneoImage *roneo_image_ref (RoneoImage *image);
void roneo_image_unref (RoneoImage *image);

/* The name the copy wrote ("logo.png"). Borrowed. */
const char *roneo_image_get_name (const RoneoImage *image);
/* TRUE for an SVG or a QR code: drawn as vectors, no resolution to check. */
gboolean roneo_image_is_vector (const RoneoImage *image);
/* Pixels of a bitmap as shown (orientation applied); 0 for a vector. */
int roneo_image_get_pixel_width (const RoneoImage *image);
int roneo_image_get_pixel_height (const RoneoImage *image);
/* Modules across a QR code, its quiet zone included; 0 for a file. */
int roneo_image_get_qr_modules (const RoneoImage *image);
/* Width over height, as drawn. */
double roneo_image_get_aspect (const RoneoImage *image);
/* "jpeg", "png", "svg" or "qr": for dumps. Static. */
const char *roneo_image_get_format (const RoneoImage *image);

/* Draws the picture filling rect (pt, y down) on cr. */
void roneo_image_draw (RoneoImage *image, cairo_t *cr, const RoneoRect *rect);

/* The pictures of one job, each file loaded once. Owned. */
RoneoImageSet *roneo_image_set_new (void);
void roneo_image_set_free (RoneoImageSet *set);
/* The picture of source, loaded on first use. Borrowed from set; NULL with
 * error as roneo_image_load. */
RoneoImage *roneo_image_set_get (RoneoImageSet *set, const RoneoImageSource *source,
                                 const char *copy, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoImage, roneo_image_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoImageSet, roneo_image_set_free)

G_END_DECLS
