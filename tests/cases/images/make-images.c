/* make-images.c: writes the test pictures of tests/cases/images (committed;
 * run again only to change them):
 *   cc make-images.c -o /tmp/make-images $(pkg-config --cflags --libs gdk-pixbuf-2.0 cairo) \
 *      -ljpeg -lz -lm && (cd tests/cases/images && /tmp/make-images)
 * logo.png     600 x 200, RGBA (a red disc and a word on transparency)
 * photo.jpg    1600 x 1000 JPEG, YCbCr
 * small.jpg    200 x 125 JPEG: prints under 72 dpi on a flyer's measure
 * turned.jpg   photo.jpg at 400 x 250 with EXIF orientation 6 (shown 250 x 400)
 * cmyk.jpg     320 x 200 Adobe CMYK JPEG
 * deep.png     64 x 40 RGB, 16 bits a channel
 * interlaced.png 64 x 40 RGB, Adam7
 * bomb.png     30000 x 30000 px in 2 KB: a header past the pixel limit */
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jpeglib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

static GdkPixbuf *
draw (int w, int h, int kind)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *c = cairo_create (s);
  if (kind == 0)
    {
      cairo_set_source_rgb (c, 0.8, 0, 0);
      cairo_arc (c, h / 2.0, h / 2.0, h * 0.42, 0, 2 * M_PI);
      cairo_fill (c);
      cairo_set_source_rgb (c, 0.1, 0.1, 0.1);
      cairo_select_font_face (c, "DejaVu Sans", 0, 1);
      cairo_set_font_size (c, h * 0.4);
      cairo_move_to (c, h * 1.05, h * 0.64);
      cairo_show_text (c, "UNION");
    }
  else
    {
      cairo_pattern_t *g = cairo_pattern_create_linear (0, 0, w, h);
      cairo_pattern_add_color_stop_rgb (g, 0, 0.2, 0.4, 0.7);
      cairo_pattern_add_color_stop_rgb (g, 1, 0.95, 0.75, 0.3);
      cairo_set_source (c, g);
      cairo_paint (c);
      for (int i = 0; i < 60; i++)
        {
          cairo_set_source_rgba (c, (i * 37 % 100) / 100.0, (i * 53 % 100) / 100.0,
                                 (i * 71 % 100) / 100.0, 0.7);
          cairo_arc (c, (i * 397) % w, (i * 211) % h, w / 40.0 + (i * 13) % (w / 16), 0, 2 * M_PI);
          cairo_fill (c);
        }
    }
  cairo_surface_flush (s);
  GdkPixbuf *p = gdk_pixbuf_new (GDK_COLORSPACE_RGB, kind == 0, 8, w, h);
  int n = gdk_pixbuf_get_n_channels (p);
  unsigned char *d = cairo_image_surface_get_data (s);
  int st = cairo_image_surface_get_stride (s);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(guint32 *) (d + y * st + 4 * x);
        int a = v >> 24;
        guchar *o = gdk_pixbuf_get_pixels (p) + y * gdk_pixbuf_get_rowstride (p) + n * x;
        for (int k = 0; k < 3; k++)
          o[k] = a ? ((v >> (16 - 8 * k)) & 255) * 255 / a : 0;
        if (n == 4)
          o[3] = a;
      }
  cairo_destroy (c);
  cairo_surface_destroy (s);
  return p;
}

static void
chunk (FILE *f, const char *type, const unsigned char *data, unsigned len)
{
  unsigned char b[4] = { len >> 24, len >> 16, len >> 8, len };
  fwrite (b, 1, 4, f);
  fwrite (type, 1, 4, f);
  fwrite (data, 1, len, f);
  uLong crc = crc32 (crc32 (0, (const Bytef *) type, 4), data, len);
  unsigned char c[4] = { crc >> 24, crc >> 16, crc >> 8, crc };
  fwrite (c, 1, 4, f);
}

/* A PNG of raw scanlines (filter bytes included) already laid out. */
static void
write_png (const char *path, unsigned w, unsigned h, int depth, int interlace,
           const unsigned char *raw, unsigned long raw_len)
{
  FILE *f = fopen (path, "wb");
  fwrite ("\x89PNG\r\n\x1a\n", 1, 8, f);
  unsigned char ihdr[13]
      = { w >> 24, w >> 16, w >> 8, w, h >> 24, h >> 16, h >> 8, h, depth, 2, 0, 0, interlace };
  chunk (f, "IHDR", ihdr, 13);
  uLongf zlen = compressBound (raw_len);
  unsigned char *z = g_malloc (zlen);
  compress2 (z, &zlen, raw, raw_len, 9);
  chunk (f, "IDAT", z, zlen);
  chunk (f, "IEND", (const unsigned char *) "", 0);
  g_free (z);
  fclose (f);
}

static void
pixel (unsigned x, unsigned y, unsigned char rgb[3])
{
  rgb[0] = x * 4;
  rgb[1] = y * 6;
  rgb[2] = (x + y) % 2 ? 200 : 40;
}

static void
write_deep (void)
{
  unsigned w = 64, h = 40, row = 1 + w * 6;
  unsigned char *raw = g_malloc0 (row * h);
  for (unsigned y = 0; y < h; y++)
    for (unsigned x = 0; x < w; x++)
      {
        unsigned char rgb[3];
        pixel (x, y, rgb);
        for (int k = 0; k < 3; k++)
          raw[y * row + 1 + x * 6 + 2 * k] = rgb[k], raw[y * row + 2 + x * 6 + 2 * k] = 0x80;
      }
  write_png ("deep.png", w, h, 16, 0, raw, row * h);
  g_free (raw);
}

static void
write_interlaced (void)
{
  static const int x0[] = { 0, 4, 0, 2, 0, 1, 0 }, y0[] = { 0, 0, 4, 0, 2, 0, 1 };
  static const int dx[] = { 8, 8, 4, 4, 2, 2, 1 }, dy[] = { 8, 8, 8, 4, 4, 2, 2 };
  unsigned w = 64, h = 40;
  GByteArray *raw = g_byte_array_new ();
  for (int pass = 0; pass < 7; pass++)
    for (unsigned y = y0[pass]; y < h; y += dy[pass])
      {
        if ((unsigned) x0[pass] >= w)
          continue;
        g_byte_array_append (raw, (const guint8 *) "\0", 1);
        for (unsigned x = x0[pass]; x < w; x += dx[pass])
          {
            unsigned char rgb[3];
            pixel (x, y, rgb);
            g_byte_array_append (raw, rgb, 3);
          }
      }
  write_png ("interlaced.png", w, h, 8, 1, raw->data, raw->len);
  g_byte_array_free (raw, TRUE);
}

/* 30000 rows of 30000 black pixels would be 2.7 GB: only the first row is
 * written, enough for a header and a start of data. */
static void
write_bomb (void)
{
  unsigned w = 30000, row = 1 + w * 3;
  unsigned char *raw = g_malloc0 (row);
  write_png ("bomb.png", w, 30000, 8, 0, raw, row);
  g_free (raw);
}

static void
write_cmyk (void)
{
  struct jpeg_compress_struct c;
  struct jpeg_error_mgr e;
  FILE *f = fopen ("cmyk.jpg", "wb");
  c.err = jpeg_std_error (&e);
  jpeg_create_compress (&c);
  jpeg_stdio_dest (&c, f);
  c.image_width = 320;
  c.image_height = 200;
  c.input_components = 4;
  c.in_color_space = JCS_CMYK;
  jpeg_set_defaults (&c);
  jpeg_set_quality (&c, 85, TRUE);
  jpeg_start_compress (&c, TRUE);
  unsigned char line[320 * 4];
  for (unsigned y = 0; y < 200; y++)
    {
      /* Adobe CMYK is stored inverted: 255 is no ink */
      for (unsigned x = 0; x < 320; x++)
        line[4 * x] = 255 - x * 255 / 320, line[4 * x + 1] = 255 - y, line[4 * x + 2] = 200,
                 line[4 * x + 3] = 255;
      JSAMPROW r = line;
      jpeg_write_scanlines (&c, &r, 1);
    }
  jpeg_finish_compress (&c);
  jpeg_destroy_compress (&c);
  fclose (f);
}

/* turned.jpg: an APP1 Exif segment with Orientation = 6 after the SOI. */
static void
write_turned (void)
{
  GdkPixbuf *p = draw (400, 250, 1);
  gchar *buf;
  gsize len;
  gdk_pixbuf_save_to_buffer (p, &buf, &len, "jpeg", NULL, "quality", "85", NULL);
  static const unsigned char app1[] = { 0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
                                        'M',  'M',  0,    42,   0,   0,   0,   8,   0, 1,
                                        0x01, 0x12, 0,    3,    0,   0,   0,   1,   0, 6,
                                        0,    0,    0,    0,    0,   0 };
  FILE *f = fopen ("turned.jpg", "wb");
  fwrite (buf, 1, 2, f);
  fwrite (app1, 1, sizeof app1, f);
  fwrite (buf + 2, 1, len - 2, f);
  fclose (f);
}

int
main (void)
{
  gdk_pixbuf_save (draw (600, 200, 0), "logo.png", "png", NULL, NULL);
  gdk_pixbuf_save (draw (1600, 1000, 1), "photo.jpg", "jpeg", NULL, "quality", "80", NULL);
  gdk_pixbuf_save (draw (200, 125, 1), "small.jpg", "jpeg", NULL, "quality", "80", NULL);
  write_turned ();
  write_cmyk ();
  write_deep ();
  write_interlaced ();
  write_bomb ();
  return 0;
}
