/* roneo-qr.c: QR codes through libqrencode, drawn as vectors.
 *
 * Each row's runs of dark modules become rectangles, a run merged with the
 * same run of the row above, and the code is one fill: a PDF viewer draws no hairline seams between
 * touching squares, and the file stays small. Antialiasing is off so a raster of the page keeps the
 * modules' edges sharp for a scanner.
 */
#include "roneo-qr.h"

#include "roneo-error.h"
#include "roneo-intl-private.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

struct _RoneoQr
{
  int width;    /* modules across, without the quiet zone */
  guint8 *dark; /* owned: width * width, 1 for a dark module */
};

RoneoQr *
roneo_qr_new (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  if (*text == '\0')
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                           _ ("a QR code needs an address to encode"));
      return NULL;
    }
  errno = 0;
  QRcode *code
      = QRcode_encodeData ((int) strlen (text), (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      if (errno == ERANGE)
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                     _ ("'%s' is too long for a QR code (at most 2331 bytes)"), text);
      else
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("cannot encode '%s' as a QR code"),
                     text);
      return NULL;
    }
  RoneoQr *qr = g_new0 (RoneoQr, 1);
  qr->width = code->width;
  qr->dark = g_new (guint8, (gsize) code->width * code->width);
  for (int i = 0; i < code->width * code->width; i++)
    qr->dark[i] = code->data[i] & 1; /* bit 0: dark; the others say what the module is for */
  QRcode_free (code);
  return qr;
}

void
roneo_qr_free (RoneoQr *qr)
{
  if (qr == NULL)
    return;
  g_free (qr->dark);
  g_free (qr);
}

int
roneo_qr_get_size (const RoneoQr *qr)
{
  return qr->width + 2 * RONEO_QR_QUIET_ZONE;
}

typedef struct
{
  int start, end;  /* columns [start, end) */
  int top, bottom; /* rows [top, bottom) */
} Block;

/* The dark modules as rectangles: each row's runs, a run merged with the
 * same run of the row above. Fewer operators for the PDF to write and a
 * viewer to fill. Owned, Block. */
static GArray *
dark_blocks (const RoneoQr *qr)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree int *above = g_new (int, qr->width); /* start column -> block of the row above */
  g_autofree int *here = g_new (int, qr->width);
  for (int i = 0; i < qr->width; i++)
    above[i] = -1;
  for (int row = 0; row < qr->width; row++)
    {
      for (int i = 0; i < qr->width; i++)
        here[i] = -1;
      for (int col = 0; col < qr->width;)
        {
          if (!qr->dark[row * qr->width + col])
            {
              col++;
              continue;
            }
          int start = col;
          while (col < qr->width && qr->dark[row * qr->width + col])
            col++;
          int b = above[start];
          if (b >= 0 && g_array_index (blocks, Block, b).end == col)
            g_array_index (blocks, Block, b).bottom = row + 1;
          else
            {
              Block block = { start, col, row, row + 1 };
              g_array_append_val (blocks, block);
              b = (int) blocks->len - 1;
            }
          here[start] = b;
        }
      memcpy (above, here, sizeof (int) * (gsize) qr->width);
    }
  return blocks;
}

void
roneo_qr_draw (const RoneoQr *qr, cairo_t *cr, double x, double y, double side)
{
  double module = side / roneo_qr_get_size (qr);
  g_autoptr (GArray) blocks = dark_blocks (qr);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, side, side);
  cairo_fill (cr);
  cairo_translate (cr, x + RONEO_QR_QUIET_ZONE * module, y + RONEO_QR_QUIET_ZONE * module);
  cairo_scale (cr, module, module);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      cairo_rectangle (cr, b->start, b->top, b->end - b->start, b->bottom - b->top);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}
