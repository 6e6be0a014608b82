/* roneo-style.h: the block styles a layout has, named once.
 *
 * Each style of a layout ([headline], [body], [slogan]...) has an id, a
 * section name and the layout kind that uses it; this table is the only list
 * of them. The layout parser accepts these sections, the composer looks up
 * its blocks' styles here and the engine checks the fonts of the styles of
 * its layout's kind. Everything returned is static or borrowed from the layout.
 */
#pragma once

#include "roneo-layout.h"

G_BEGIN_DECLS

typedef enum
{
  RONEO_STYLE_HEADLINE,
  RONEO_STYLE_SUBHEAD,
  RONEO_STYLE_BODY,
  RONEO_STYLE_LIST,
  RONEO_STYLE_QUOTE,
  RONEO_STYLE_FOOTNOTES,
  RONEO_STYLE_FOOTER,
  RONEO_STYLE_IMPRINT, /* the small legal line at the foot of the last page */
  RONEO_STYLE_CAPTION, /* a picture's alt text, under it */
  RONEO_STYLE_SLOGAN,  /* banners */
  RONEO_STYLE_BYLINE,  /* banners */
  RONEO_STYLE_COUNT
} RoneoStyleId;

/* The section name: "headline"... Static. */
const char *roneo_style_name (RoneoStyleId id);
/* What a message calls a block of style id ("headline", "paragraph"), in the
 * user's language. Never freed. */
const char *roneo_style_label (RoneoStyleId id);

/* The id of a section name; FALSE (id untouched) when it names no style. */
gboolean roneo_style_from_name (const char *name, RoneoStyleId *id);

/* The styles a layout of that kind uses, in table order; n set to how many. Static. */
const RoneoStyleId *roneo_styles_for_kind (RoneoLayoutKind kind, gsize *n);

/* The style of that id in the layout. Borrowed. */
RoneoStyle *roneo_layout_get_style_by_id (RoneoLayout *layout, RoneoStyleId id);
const RoneoStyle *roneo_layout_peek_style (const RoneoLayout *layout, RoneoStyleId id);

G_END_DECLS
