/* roneo-nup-private.h: what the n-up files share: mark sizes, paper names for
 * messages and descriptions, the error helper. */
#pragma once

#include "roneo-nup.h"

G_BEGIN_DECLS

#define RONEO_NUP_CROP_LENGTH RONEO_MM (5.0)
#define RONEO_NUP_CROP_WIDTH 0.25
#define RONEO_NUP_TICK_LENGTH RONEO_MM (3.0)
#define RONEO_NUP_TICK_WIDTH 0.4

/* Press: how far crop marks start from the trim, and reach past the outer
 * trims. */
double roneo_nup_crop_offset (const RoneoNupSpec *spec);
double roneo_nup_mark_reach (const RoneoNupSpec *spec);

/* Sets RONEO_JOB_ERROR code with the message; returns FALSE. */
gboolean roneo_nup_fail (GError **error, RoneoJobErrorCode code, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

/* "A4", "A6 landscape", "100 x 150 mm". Owned. */
char *roneo_nup_dup_paper_name (double width, double height);
/* "A5 copy", "A5 copy with 3 mm bleed and crop marks" (press). Owned. */
char *roneo_nup_dup_copy_name (const RoneoNupSpec *spec);
/* "a" or "an" for a name from roneo_nup_dup_paper_name. Static. */
const char *roneo_nup_article (const char *name);
/* "3", "2.5": millimetres, one decimal at most. Owned. */
char *roneo_nup_dup_mm (double pt);

G_END_DECLS
