/* roneo-banner.h: a slogan composed as one big page, the banner's artwork.
 *
 * The slogan fills the banner's frame (the page inside its margins): fitted
 * by bisection on the ink box and balanced (roneo-fit.h), the user's own line
 * breaks kept, capitals set tight, never a line ending on a short French word
 * (typography rules, display role). An optional byline (the copy's
 * signature: who, where, when) goes below in smaller type. The result is a
 * RoneoPage the size of the banner, which impose then cuts into sheets.
 */
#pragma once

#include "roneo-flow.h"

G_BEGIN_DECLS

typedef struct
{
  double slogan_size; /* pt */
  double cap_height;  /* pt: height of a capital H as set */
  int lines;          /* lines of the slogan */
  gboolean fits;      /* FALSE: even min-size breaks a word or overflows */
} RoneoBannerInfo;

/* The banner page (owned) of width x height pt for document's slogan (its
 * headline and paragraphs, joined by forced breaks) and byline (its
 * signature), in layout's [slogan] and [byline] styles. NULL with
 * RONEO_ERROR_INPUT when there is no slogan, RONEO_ERROR_OVERFLOW when a word
 * is wider than the banner even at min-size (unless the style breaks words). */
RoneoPage *roneo_compose_banner (const RoneoComposeContext *cc, const RoneoDocument *document,
                                 const RoneoLayout *layout, double width, double height,
                                 RoneoBannerInfo *info, GError **error);

/* Distance in pt from which capitals of cap_height read: the minimum
 * (cap height x 300) and the target for impact (x 120), TYPOGRAPHY.md. */
double roneo_banner_max_distance (double cap_height);
double roneo_banner_impact_distance (double cap_height);

G_END_DECLS
