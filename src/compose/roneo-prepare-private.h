/* roneo-prepare-private.h: blocks made ready to set, once per document.
 *
 * A prepared block is a block's rich text after the language's typography
 * rules, the style's transform and, for body text, hyphenation: everything
 * that does not depend on the size the composer will try. Owned by the
 * composer for one roneo_compose_document() call.
 */
#pragma once

#include "roneo-flow.h"
#include "roneo-rich-text.h"

typedef enum
{
  ROLE_HEADLINE,
  ROLE_SUBHEAD,
  ROLE_BODY,
  ROLE_LIST,
  ROLE_QUOTE,
  ROLE_FOOTER,
  ROLE_FOOTNOTE,
  ROLE_BREAK,
} Role;

typedef struct
{
  const RoneoBlock *block; /* borrowed from the document */
  guint index;             /* in the prepared array */
  Role role;
  RoneoRichText *rich;     /* owned, ready to set */
} Prepared;

/* Prepared blocks of the document (blocks then footnotes, each note's text
 * starting with its number), owned. */
GPtrArray *roneo_compose_prepare_document (const RoneoComposeContext *cc, const RoneoDocument *document,
                             const RoneoLayout *layout);

const char *roneo_compose_role_name (Role role);
