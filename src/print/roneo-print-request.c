/* roneo-print-request.c: the media, sides and copies a PDF's sheets need.
 *
 * Pure arithmetic, no libcups: a batch computes its request whether or not it
 * is printed. Media are found by size, not by the paper's name, so a sheet
 * that is A4 by its dimensions is asked for as A4 whatever it was called.
 */
#include "roneo-print.h"

#include <math.h>

#include "roneo-units.h"

/* Sheets within this of a medium, in each dimension, are on that medium. */
#define MATCH_MM 1.0

typedef struct
{
  const char *pwg; /* PWG 5101.1 self-describing name */
  double short_mm, long_mm;
} Medium;

static const Medium media[] = {
  { "iso_a0_841x1189mm", 841, 1189 },     { "iso_a1_594x841mm", 594, 841 },
  { "iso_a2_420x594mm", 420, 594 },       { "iso_a3_297x420mm", 297, 420 },
  { "iso_a4_210x297mm", 210, 297 },       { "iso_a5_148x210mm", 148, 210 },
  { "iso_a6_105x148mm", 105, 148 },       { "iso_a7_74x105mm", 74, 105 },
  { "iso_sra3_320x450mm", 320, 450 },     { "iso_sra4_225x320mm", 225, 320 },
  { "na_letter_8.5x11in", 215.9, 279.4 }, { "na_legal_8.5x14in", 215.9, 355.6 },
  { "na_ledger_11x17in", 279.4, 431.8 },
};

/* A PWG dimension: mm to the hundredth, without trailing zeros ("297",
 * "148.5"). */
static char *
format_mm (double mm)
{
  long hundredths = lround (mm * 100);
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%ld", hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%ld.%ld", hundredths / 100, hundredths / 10 % 10);
  return g_strdup_printf ("%ld.%02ld", hundredths / 100, hundredths % 100);
}

char *
roneo_print_media_for_size (double width_pt, double height_pt)
{
  double short_mm = MIN (width_pt, height_pt) / RONEO_PT_PER_MM;
  double long_mm = MAX (width_pt, height_pt) / RONEO_PT_PER_MM;

  for (gsize i = 0; i < G_N_ELEMENTS (media); i++)
    if (fabs (short_mm - media[i].short_mm) <= MATCH_MM
        && fabs (long_mm - media[i].long_mm) <= MATCH_MM)
      return g_strdup (media[i].pwg);
  /* PWG 5101.1: class "custom", then a size name (none here: the
   * dimensions again, as CUPS writes it), then the dimensions. */
  g_autofree char *w = format_mm (short_mm);
  g_autofree char *h = format_mm (long_mm);
  return g_strdup_printf ("custom_%sx%smm_%sx%smm", w, h, w, h);
}

void
roneo_print_request_for_sheets (double sheet_w, double sheet_h, gboolean two_sided,
                                RoneoDuplex binding, guint copies, RoneoPrintRequest *out)
{
  g_return_if_fail (out != NULL);
  out->media = roneo_print_media_for_size (sheet_w, sheet_h);
  out->sides = two_sided ? binding : RONEO_DUPLEX_ONE_SIDED;
  out->copies = MAX (copies, 1);
  /* Versos are laid out for one edge: the imposition must have chosen it. */
  g_return_if_fail (out->sides != RONEO_DUPLEX_AUTO);
}

void
roneo_print_request_clear (RoneoPrintRequest *request)
{
  g_clear_pointer (&request->media, g_free);
}
