/* fuzz-image.c: libFuzzer target for the picture loader (roneo-image.c).
 *
 * roneo reads a few bytes of pictures itself (the kind from the first bytes,
 * a JPEG's frame header, the end of a PNG or JPEG, an SVG's references)
 * before gdk-pixbuf or librsvg decode them. Any bytes, written to a file as a
 * copy's picture would be, must give either a picture that draws or a
 * RONEO_ERROR_INPUT error naming the copy's line: never a crash or a leak.
 */
#include "roneo-error.h"
#include "roneo-image.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
draw_once (RoneoImage *image)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_t *cr = cairo_create (surface);
  RoneoRect rect = { 2, 2, 28, 28 / roneo_image_get_aspect (image) };
  roneo_image_draw (image, cr, &rect);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("roneo-fuzz-image-XXXXXX", &path, NULL);
  g_assert (fd >= 0);
  g_assert (write (fd, data, size) == (ssize_t) size);
  close (fd);
  RoneoImageSource source = { RONEO_IMAGE_FILE, path, path, (char *) "", 7 };
  g_autoptr (RoneoImage) image = roneo_image_load (&source, "fuzz.md", &error);
  g_unlink (path);
  if (image == NULL)
    {
      g_assert (error != NULL && error->domain == RONEO_ERROR && error->code == RONEO_ERROR_INPUT);
      g_assert (g_str_has_prefix (error->message, "fuzz.md:7: "));
      return 0;
    }
  g_assert (roneo_image_get_aspect (image) > 0);
  g_assert (roneo_image_is_vector (image) || roneo_image_get_pixel_width (image) > 0);
  draw_once (image);
  return 0;
}
