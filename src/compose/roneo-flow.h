/* roneo-flow.h: a document flowed into the pages of a layout.
 *
 * The composer prepares each block once (typography rules, uppercase,
 * hyphens), fits the headline and call-outs, breaks the body, and flows it
 * into the frame page after page: footnotes at the foot of the page that
 * calls them, the signature at the foot of the last page, no orphan or widow
 * line. Overflow policy (TYPOGRAPHY.md): shrink the body within min-size,
 * then take the verso if the layout allows two pages, then fail with
 * RONEO_ERROR_OVERFLOW saying by how much.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-hyphen.h"
#include "roneo-image.h"
#include "roneo-layout.h"
#include "roneo-page.h"
#include "roneo-warnings.h"

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct
{
  PangoContext *context;       /* borrowed: from roneo_fonts_create_context() */
  RoneoHyphenator *hyphenator; /* borrowed, may be NULL: no hyphenation */
  const char *lang;            /* "fr", "en"... */
  RoneoWarnings *warnings;     /* borrowed, may be NULL */
  RoneoImageSet *images;       /* borrowed, may be NULL: the document's pictures are loaded
                                * into a set of the composer's own */
} RoneoComposeContext;

/* The pages (RoneoPage*, owned by the returned array) of document set in
 * layout, or NULL with RONEO_ERROR_OVERFLOW (exit 4) or RONEO_ERROR_INPUT. */
GPtrArray *roneo_compose_document (const RoneoComposeContext *cc, const RoneoDocument *document,
                                   const RoneoLayout *layout, GError **error);

G_END_DECLS
