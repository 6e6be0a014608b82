/* roneo-units.h: lengths, paper sizes and colours, the values layouts are made of.
 *
 * All lengths inside roneo are PostScript points (1/72 in) held in doubles;
 * these parsers turn what users write ("12mm", "A5", "#c00") into them. They
 * report bad values with RONEO_ERROR_INPUT and a message without position: the
 * caller prefixes file and line.
 */
#pragma once

#include "roneo.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b; /* 0..1 */
} RoneoColor;

typedef struct
{
  double x, y, width, height; /* pt, origin top-left, y down */
} RoneoRect;

/* "12mm", "1.5 cm", "0.5in", "10pt", "2m". The unit is required: a bare
 * number other than 0 is refused with the value written with units in the
 * message ("length '3' has no unit (write 3mm)"), as a paper length. Negative
 * values are refused. */
gboolean roneo_length_parse (const char *text, double *out_pt, GError **error);

/* A plain decimal number without unit ("1.2", ".5", "1e3"): TRUE with *out
 * set, FALSE for anything else (a unit, "inf", "0x1A", trailing text). */
gboolean roneo_number_parse (const char *text, double *out);

/* "A5", "a4", "SRA3", "Letter"... in portrait (width <= height). */
gboolean roneo_paper_lookup (const char *name, double *width_pt, double *height_pt);

/* The same for a page: sizes
 * must lie between 10 mm and 5 m (PITFALLS 19). */
gboolean roneo_page_size_parse (const char *text, double *width_pt, double *height_pt,
                                GError **error);

/* "#rrggbb" or "#rgb". */
gboolean roneo_color_parse (const char *text, RoneoColor *out, GError **error);

/* "#rrggbb" in a newly allocated string. */
char *roneo_color_to_string (const RoneoColor *color);

/* A length in pt with two decimals, locale-independent, for dumps. */
char *roneo_pt_to_string (double pt);

G_END_DECLS
