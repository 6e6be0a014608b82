/* roneo-qr.c: QR codes through libqrencode, drawn as vectors.
 *
 * Each row's runs of dark modules become one rectangle, and the code is one
 * fill: a PDF viewer draws no hairline seams between touching squares, and
 * the file stays small. Antialiasing is off so a raster of the page keeps
 * the modules' edges sharp for a scanner.
 */
#include "roneo-qr.h"

#include "roneo-error.h"
#include "roneo-intl-private.h"

#include <errno.h>
#include <qrencode.h>

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

void
roneo_qr_draw (const RoneoQr *qr, cairo_t *cr, double x, double y, double side)
{
  double module = side / roneo_qr_get_size (qr);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, side, side);
  cairo_fill (cr);
  cairo_translate (cr, x + RONEO_QR_QUIET_ZONE * module, y + RONEO_QR_QUIET_ZONE * module);
  cairo_scale (cr, module, module);
  for (int row = 0; row < qr->width; row++)
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
        cairo_rectangle (cr, start, row, col - start, 1);
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}
