/* roneo-image.c: PNG and JPEG through gdk-pixbuf, SVG through librsvg
 * (opened when the first one is read: roneo-svg.h). */
#include "roneo-image.h"

#include "roneo-error.h"
#include "roneo-input.h"
#include "roneo-intl-private.h"
#include "roneo-qr.h"
#include "roneo-svg.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

/* librsvg 2.54 defines no cleanup for its handle */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)
#include <stdlib.h>
#include <string.h>

typedef enum
{
  FORMAT_PNG,
  FORMAT_JPEG,
  FORMAT_SVG,
  FORMAT_QR,
} Format;

struct _RoneoImage
{
  gint ref_count;
  char *name; /* as the copy wrote it */
  Format format;
  cairo_surface_t *surface;      /* bitmaps: owned, the pixels as shown */
  RsvgHandle *svg;               /* SVG: owned */
  RoneoQr *qr;                   /* QR code: owned */
  int pixel_width, pixel_height; /* as shown, upright */
  double aspect;
  int orientation; /* EXIF 1-8: how surface (a JPEG's own pixels) is turned when drawn */
};

static gboolean image_error (GError **error, const RoneoImageSource *source, const char *copy,
                             const char *format, ...) G_GNUC_PRINTF (4, 5);

/* "tract.md:12: 'logo.png' ..." */
static gboolean
image_error (GError **error, const RoneoImageSource *source, const char *copy, const char *format,
             ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "%s:%u: %s", copy, source->line, message);
  return FALSE;
}

static RoneoImage *
image_new (const RoneoImageSource *source, Format format)
{
  RoneoImage *image = g_new0 (RoneoImage, 1);
  image->ref_count = 1;
  image->name = g_strdup (source->target);
  image->format = format;
  return image;
}

RoneoImage *
roneo_image_ref (RoneoImage *image)
{
  g_atomic_int_inc (&image->ref_count);
  return image;
}

void
roneo_image_unref (RoneoImage *image)
{
  if (image == NULL || !g_atomic_int_dec_and_test (&image->ref_count))
    return;
  g_clear_pointer (&image->surface, cairo_surface_destroy);
  g_clear_object (&image->svg);
  roneo_qr_free (image->qr);
  g_free (image->name);
  g_free (image);
}

/* ---- what the bytes are: by their content, never by the file's name ---- */

static gboolean
sniff (GBytes *bytes, Format *format)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    *format = FORMAT_PNG;
  else if (length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    *format = FORMAT_JPEG;
  else if (g_strstr_len (data, MIN (length, 4096), "<svg") != NULL)
    *format = FORMAT_SVG;
  else
    return FALSE;
  return TRUE;
}

/* ---- bitmaps ---- */

/* The pixbuf's pixels as cairo's premultiplied native-endian words. */
static cairo_surface_t *
surface_from_pixbuf (const GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf), height = gdk_pixbuf_get_height (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (
      alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  guchar *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *p = pixels + (gsize) y * stride;
      guint32 *q = (guint32 *) (out + (gsize) y * out_stride);
      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = alpha ? p[3] : 255;
          guint r = (p[0] * a + 127) / 255, g = (p[1] * a + 127) / 255, b = (p[2] * a + 127) / 255;
          q[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The number of colour components of a JPEG (1 grey, 3 YCbCr, 4 CMYK), read
 * from its frame header; 0 when none is found. */
static int
jpeg_components (const guchar *data, gsize length)
{
  gsize i = 2;
  while (i + 9 < length)
    {
      if (data[i] != 0xff)
        return 0;
      guchar marker = data[i + 1];
      gsize segment = ((gsize) data[i + 2] << 8) | data[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        return data[i + 9];
      i += 2 + segment;
    }
  return 0;
}

/* A JPEG is embedded as its own bytes, turned upright by the drawing's
 * matrix; not a CMYK one (cairo 1.16 would write Adobe's inverted CMYK
 * without its Decode array): its pixels are turned and embedded instead. */
static gboolean
can_keep_jpeg (GBytes *bytes, Format format)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  return format == FORMAT_JPEG && jpeg_components (data, length) != 4;
}

static void
keep_jpeg_bytes (cairo_surface_t *surface, GBytes *bytes)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, length,
                               (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (bytes));
}

/* The same bytes are the same XObject, whichever page or copy shows them. */
static void
set_unique_id (cairo_surface_t *surface, GBytes *bytes)
{
  char *id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID, (const guchar *) id, strlen (id),
                               g_free, id);
}

/* The size from the header alone: a 30 000 x 30 000 px file is refused
 * before gdk-pixbuf allocates its pixels. */
static gboolean
check_pixels (const RoneoImageSource *source, const char *copy, GError **error)
{
  int width = 0, height = 0;
  if (gdk_pixbuf_get_file_info (source->resolved, &width, &height) == NULL)
    return image_error (error, source, copy, _ ("cannot read '%s': not a picture roneo can read"),
                        source->target);
  if ((guint64) width * (guint64) height > RONEO_IMAGE_MAX_PIXELS)
    return image_error (error, source, copy,
                        _ ("'%s' is %d x %d pixels, more than the %d megapixels roneo reads "
                           "(export it smaller: 300 dpi at its printed size is enough)"),
                        source->target, width, height, RONEO_IMAGE_MAX_PIXELS / 1000000);
  return TRUE;
}

/* gdk-pixbuf shows what it could decode of a cut file, the rest grey: a
 * PNG must end with its IEND chunk, a JPEG with its end-of-image marker. */
static gboolean
is_complete (GBytes *bytes, Format format)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  if (format == FORMAT_PNG)
    return length >= 12 && memcmp (data + length - 8, "IEND\xae\x42\x60\x82", 8) == 0;
  while (length > 2 && (data[length - 1] == 0 || g_ascii_isspace (data[length - 1])))
    length--; /* some cameras pad the file */
  return length >= 4 && data[length - 2] == 0xff && data[length - 1] == 0xd9;
}

/* The pixels as stored, *orientation their EXIF orientation (1: upright). */
static GdkPixbuf *
decode_bitmap (GBytes *bytes, Format format, int *orientation, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader
      = gdk_pixbuf_loader_new_with_type (format == FORMAT_PNG ? "png" : "jpeg", error);
  if (loader == NULL)
    return NULL;
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  gboolean written = gdk_pixbuf_loader_write (loader, data, length, error);
  if (!gdk_pixbuf_loader_close (loader, written ? error : NULL) || !written)
    return NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _ ("no picture"));
      return NULL;
    }
  const char *option = gdk_pixbuf_get_option (pixbuf, "orientation");
  *orientation = option != NULL ? atoi (option) : 1;
  if (*orientation < 1 || *orientation > 8)
    *orientation = 1;
  return g_object_ref (pixbuf);
}

static RoneoImage *
load_bitmap (const RoneoImageSource *source, const char *copy, GBytes *bytes, Format format,
             GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!check_pixels (source, copy, error))
    return NULL;
  if (!is_complete (bytes, format))
    {
      image_error (error, source, copy,
                   _ ("cannot read '%s': the file is truncated (copy it again)"), source->target);
      return NULL;
    }
  int orientation = 1;
  g_autoptr (GdkPixbuf) pixbuf = decode_bitmap (bytes, format, &orientation, &local);
  if (pixbuf == NULL)
    {
      image_error (error, source, copy, _ ("cannot read '%s': damaged or truncated (%s)"),
                   source->target, local->message);
      return NULL;
    }
  g_autoptr (RoneoImage) image = image_new (source, format);
  gboolean keep = can_keep_jpeg (bytes, format);
  if (!keep && orientation != 1)
    {
      GdkPixbuf *upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
      g_object_unref (pixbuf);
      pixbuf = upright;
    }
  image->orientation = keep ? orientation : 1;
  gboolean across = image->orientation >= 5; /* turned a quarter: width and height swap */
  image->pixel_width = gdk_pixbuf_get_width (pixbuf);
  image->pixel_height = gdk_pixbuf_get_height (pixbuf);
  if (across)
    {
      image->pixel_width = gdk_pixbuf_get_height (pixbuf);
      image->pixel_height = gdk_pixbuf_get_width (pixbuf);
    }
  image->aspect = (double) image->pixel_width / image->pixel_height;
  image->surface = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (image->surface) != CAIRO_STATUS_SUCCESS)
    {
      image_error (error, source, copy, _ ("cannot read '%s': not enough memory"), source->target);
      return NULL;
    }
  if (keep)
    keep_jpeg_bytes (image->surface, bytes);
  set_unique_id (image->surface, bytes);
  return g_steal_pointer (&image);
}

/* ---- SVG ---- */

/* librsvg would resolve a relative href against no base (so fail quietly)
 * and refuses the network: say so before, in words. A reference inside the
 * file (#id) or a data: URL is the drawing's own. */
static gboolean
check_svg_references (const RoneoImageSource *source, const char *copy, GBytes *bytes,
                      GError **error)
{
  g_autoptr (GRegex) regex = g_regex_new ("(?:href\\s*=\\s*[\"']\\s*|url\\(\\s*[\"']?\\s*|@"
                                          "import\\s+(?:url\\(\\s*)?[\"']?)([^\"'()\\s]*)",
                                          G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (GMatchInfo) match = NULL;
  g_regex_match_full (regex, data, (gssize) length, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *target = g_match_info_fetch (match, 1);
      if (target[0] == '\0' || target[0] == '#' || g_ascii_strncasecmp (target, "data:", 5) == 0)
        continue;
      return image_error (error, source, copy,
                          _ ("'%s' refers to '%s': roneo draws only self-contained SVG files and "
                             "never reads other files or addresses (embed it in the drawing)"),
                          source->target, target);
    }
  return TRUE;
}

static gboolean
svg_aspect (const RoneoSvg *rsvg, RsvgHandle *svg, double *aspect)
{
  double width = 0, height = 0;
  gboolean has_width, has_height, has_box;
  RsvgLength w, h;
  RsvgRectangle box;
  if (rsvg->get_intrinsic_size_in_pixels (svg, &width, &height) && width > 0 && height > 0)
    {
      *aspect = width / height;
      return TRUE;
    }
  rsvg->get_intrinsic_dimensions (svg, &has_width, &w, &has_height, &h, &has_box, &box);
  if (!has_box || box.width <= 0 || box.height <= 0)
    return FALSE;
  *aspect = box.width / box.height;
  return TRUE;
}

static RoneoImage *
load_svg (const RoneoImageSource *source, const char *copy, GBytes *bytes, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!check_svg_references (source, copy, bytes, error))
    return NULL;
  const RoneoSvg *rsvg = roneo_svg_get (&local);
  if (rsvg == NULL)
    {
      image_error (error, source, copy, "%s: %s", source->target, local->message);
      return NULL;
    }
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autoptr (RsvgHandle) svg = rsvg->new_from_data (data, length, &local);
  if (svg == NULL)
    {
      image_error (error, source, copy,
                   _ ("cannot read '%s': not an SVG drawing librsvg can read (%s)"), source->target,
                   g_strstrip (local->message));
      return NULL;
    }
  g_autoptr (RoneoImage) image = image_new (source, FORMAT_SVG);
  if (!svg_aspect (rsvg, svg, &image->aspect))
    {
      image_error (error, source, copy, _ ("'%s' has no size (give the svg element a viewBox)"),
                   source->target);
      return NULL;
    }
  image->svg = g_steal_pointer (&svg);
  return g_steal_pointer (&image);
}

/* ---- QR codes ---- */

static RoneoImage *
load_qr (const RoneoImageSource *source, const char *copy, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (RoneoQr) qr = roneo_qr_new (source->target, &local);
  if (qr == NULL)
    {
      image_error (error, source, copy, "%s", local->message);
      return NULL;
    }
  RoneoImage *image = image_new (source, FORMAT_QR);
  image->aspect = 1;
  image->qr = g_steal_pointer (&qr);
  return image;
}

/* ---- entry points ---- */

RoneoImage *
roneo_image_load (const RoneoImageSource *source, const char *copy, GError **error)
{
  g_return_val_if_fail (source != NULL && copy != NULL, NULL);
  g_autoptr (GError) local = NULL;
  Format format = FORMAT_PNG;

  if (source->kind == RONEO_IMAGE_QR)
    return load_qr (source, copy, error);
  g_autoptr (GBytes) bytes = roneo_input_read_all (source->resolved, RONEO_INPUT_IMAGE, &local);
  if (bytes == NULL)
    {
      image_error (error, source, copy, "%s", local->message);
      return NULL;
    }
  if (!sniff (bytes, &format))
    {
      image_error (error, source, copy, _ ("cannot read '%s': not a PNG, JPEG or SVG picture"),
                   source->target);
      return NULL;
    }
  if (format == FORMAT_SVG)
    return load_svg (source, copy, bytes, error);
  return load_bitmap (source, copy, bytes, format, error);
}

const char *
roneo_image_get_name (const RoneoImage *image)
{
  return image->name;
}

gboolean
roneo_image_is_vector (const RoneoImage *image)
{
  return image->format == FORMAT_SVG || image->format == FORMAT_QR;
}

int
roneo_image_get_qr_modules (const RoneoImage *image)
{
  return image->qr != NULL ? roneo_qr_get_size (image->qr) : 0;
}

int
roneo_image_get_pixel_width (const RoneoImage *image)
{
  return image->pixel_width;
}

int
roneo_image_get_pixel_height (const RoneoImage *image)
{
  return image->pixel_height;
}

double
roneo_image_get_aspect (const RoneoImage *image)
{
  return image->aspect;
}

const char *
roneo_image_get_format (const RoneoImage *image)
{
  static const char *const names[] = { "png", "jpeg", "svg", "qr" };
  return names[image->format];
}

/* From the stored pixels (u, v) to the upright picture (x, y), for the
 * eight EXIF orientations: x = xx u + xy v + x0, y = yx u + yy v + y0. */
static void
orientation_matrix (const RoneoImage *image, cairo_matrix_t *m)
{
  double w = image->pixel_width, h = image->pixel_height; /* upright */
  static const double table[8][6] = {
    /* xx, yx, xy, yy, x0 (of w, h), y0 */
    { 1, 0, 0, 1, 0, 0 }, { -1, 0, 0, 1, 1, 0 }, { -1, 0, 0, -1, 1, 2 }, { 1, 0, 0, -1, 0, 2 },
    { 0, 1, 1, 0, 0, 0 }, { 0, 1, -1, 0, 1, 0 }, { 0, -1, -1, 0, 1, 2 }, { 0, -1, 1, 0, 0, 2 },
  };
  const double *t = table[image->orientation - 1];
  /* x0 is the upright width when set (1), y0 the upright height (2) */
  cairo_matrix_init (m, t[0], t[1], t[2], t[3], t[4] != 0 ? w : 0, t[5] != 0 ? h : 0);
}

void
roneo_image_draw (RoneoImage *image, cairo_t *cr, const RoneoRect *rect)
{
  cairo_save (cr);
  if (image->qr != NULL)
    roneo_qr_draw (image->qr, cr, rect->x, rect->y, MIN (rect->width, rect->height));
  else if (image->svg != NULL)
    {
      /* the handle was made through roneo_svg_get, so it succeeded */
      RsvgRectangle viewport = { rect->x, rect->y, rect->width, rect->height };
      roneo_svg_get (NULL)->render_document (image->svg, cr, &viewport, NULL);
    }
  else
    {
      cairo_matrix_t upright;
      cairo_translate (cr, rect->x, rect->y);
      cairo_scale (cr, rect->width / image->pixel_width, rect->height / image->pixel_height);
      orientation_matrix (image, &upright);
      cairo_transform (cr, &upright);
      cairo_set_source_surface (cr, image->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}

/* ---- one load per file and job ---- */

struct _RoneoImageSet
{
  GHashTable *images; /* resolved path -> RoneoImage*, owned */
};

RoneoImageSet *
roneo_image_set_new (void)
{
  RoneoImageSet *set = g_new0 (RoneoImageSet, 1);
  set->images
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) roneo_image_unref);
  return set;
}

void
roneo_image_set_free (RoneoImageSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->images);
  g_free (set);
}

RoneoImage *
roneo_image_set_get (RoneoImageSet *set, const RoneoImageSource *source, const char *copy,
                     GError **error)
{
  /* a code's text and a file's path never share a key */
  g_autofree char *key = source->kind == RONEO_IMAGE_QR
                             ? g_strconcat ("qr:", source->target, NULL)
                             : g_strdup (source->resolved ? source->resolved : source->target);
  RoneoImage *image = g_hash_table_lookup (set->images, key);
  if (image != NULL)
    return image;
  image = roneo_image_load (source, copy, error);
  if (image != NULL)
    g_hash_table_insert (set->images, g_steal_pointer (&key), image);
  return image;
}
