/* roneo-banner.h: a slogan composed as one big page, the banner's artwork.
 *
 * The slogan fills the banner's frame (the page inside its margins): fitted
 * by bisection on the ink box and balanced (roneo-fit.h), the user's own line
 * breaks kept, capitals set tight, never a line ending on a short French word
 * (typography rules, display role). An optional byline (the copy's
 * signature: who, where, when) goes below in smaller type. The front
 * matter's logo, as [logo] says, stands beside the slogan (left, right) or
 * under it, inside the frame; the slogan is fitted in what it leaves. The
 * logo is an image item of the page, so it is recorded with the slogan and
 * every tile shows one XObject. The result is a
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
  RoneoRect logo;     /* pt on the banner: where the front matter's logo prints; 0 x 0: none */
  double logo_dpi;    /* a bitmap logo's pixels per inch as printed; 0: vectors or none */
} RoneoBannerInfo;

/* The banner page (owned) of width x height pt for document's slogan (its
 * headline and paragraphs, joined by forced breaks) and byline (its
 * signature), in layout's [slogan] and [byline] styles. NULL with
 * RONEO_ERROR_INPUT when there is no slogan or the logo cannot be read
 * (file:line), RONEO_ERROR_OVERFLOW when a word is wider than the banner even
 * at min-size (unless the style breaks words). The logo is loaded into
 * cc->images (a set of its own when NULL). */
RoneoPage *roneo_compose_banner (const RoneoComposeContext *cc, const RoneoDocument *document,
                                 const RoneoLayout *layout, double width, double height,
                                 RoneoBannerInfo *info, GError **error);

/* Distance in pt from which capitals of cap_height read: the minimum
 * (cap height x 300) and the target for impact (x 120), TYPOGRAPHY.md. */
double roneo_banner_max_distance (double cap_height);
double roneo_banner_impact_distance (double cap_height);

G_END_DECLS
