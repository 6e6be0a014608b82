/* roneo-fit-private.h: what the stacked fit (roneo-fit-stack.c) shares with
 * the fit of roneo-fit.c. */
#pragma once

#include "roneo-fit.h"

G_BEGIN_DECLS

/* The width of bytes [start, end) of the text that data, a PangoLayout
 * holding it unwrapped, sets on one line: a RoneoPhraseMeasure. */
double roneo_fit_measure_line (gsize start, gsize end, gpointer data);

/* A copy of rich with a forced break at each of the chosen breaks (indices
 * into breaks, RoneoPhraseBreak). Owned. */
RoneoRichText *roneo_fit_rich_broken_at (const RoneoRichText *rich, const GArray *breaks,
                                         const GArray *chosen);

/* roneo_fit_text with the trials laid out at reference pt instead of
 * style->size: a refit whose size cap moved (the headline offered a
 * taller box) measures in the font the first fit loaded, not in one more
 * font set per cap tried. The fit is the same to a few thousandths of a
 * point: unhinted widths scale with the size. A fit that fits at no more
 * than larger_than pt (0: any size is wanted) is returned with its size
 * and no layout: a refit that would not be kept loads no font. */
RoneoFit roneo_fit_text_measured_at (PangoContext *context, const RoneoRichText *rich,
                                     const RoneoStyle *style, const char *lang, double max_width,
                                     double max_height, double reference, double larger_than);

/* Fits rich as a stack in max_width x max_height pt (roneo-fit.h, stack):
 * FALSE (fit untouched) when no stack keeps every line at min-size or more. */
gboolean roneo_fit_stack (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                          const char *lang, double max_width, double max_height, RoneoFit *fit);

G_END_DECLS
