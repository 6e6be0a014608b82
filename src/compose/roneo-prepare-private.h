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
#include "roneo-style.h"

/* What a block is set as: the style it is set in, or a page break. */
typedef enum
{
  ROLE_HEADLINE = RONEO_STYLE_HEADLINE,
  ROLE_SUBHEAD = RONEO_STYLE_SUBHEAD,
  ROLE_BODY = RONEO_STYLE_BODY,
  ROLE_LIST = RONEO_STYLE_LIST,
  ROLE_QUOTE = RONEO_STYLE_QUOTE,
  ROLE_FOOTER = RONEO_STYLE_FOOTER,
  ROLE_IMPRINT = RONEO_STYLE_IMPRINT,
  ROLE_FOOTNOTE = RONEO_STYLE_FOOTNOTES,
  ROLE_BREAK = RONEO_STYLE_COUNT,
  ROLE_IMAGE, /* a picture; its alt text is set as the caption */
} Role;

typedef struct
{
  const RoneoBlock *block; /* borrowed from the document, or own_block */
  RoneoBlock *own_block;   /* owned: a block the copy does not have (author, imprint) */
  guint index;             /* in the prepared array */
  Role role;
  RoneoRichText *rich; /* owned, ready to set */
  RoneoImage *image;   /* ROLE_IMAGE: borrowed from the composer's image set */
} Prepared;

/* Prepared blocks of the document, owned: its blocks; the front matter's
 * author as a signature when the copy signs nothing; the imprint line when
 * the document has one; then the footnotes, each note's text starting with
 * its number. */
GPtrArray *roneo_compose_prepare_document (const RoneoComposeContext *cc,
                                           const RoneoDocument *document,
                                           const RoneoLayout *layout);

/* An address as a reader types it: without "https://", "http://",
 * "mailto:" or "tel:", nor a final "/" (a QR code's caption, a link's
 * note). Owned. */
char *roneo_compose_address_as_typed (const char *uri);

/* For [page] links = footnote: a copy of document where each link that does
 * not show its address has a note holding it, called after its text, the
 * copy's own notes renumbered around them in reading order. NULL when no
 * link needs one (use document as it is). Owned. */
RoneoDocument *roneo_compose_notes_from_links (const RoneoDocument *document);

/* A warning at the first link of the copy kept as text alone, if any. */
void roneo_compose_warn_links (const RoneoComposeContext *cc, const RoneoDocument *document);

/* The style's section name, "break" for a page break: for dumps. Static. */
const char *roneo_compose_role_name (Role role);
/* What a message calls a block of role ("headline", "paragraph"), in the
 * user's language. */
const char *roneo_compose_role_label (Role role);

/* Whether the copy is what the layout's [page] body allows under the
 * headline: any (text), one block that sets on one line (line: a placard's
 * who, where, when), or none. Else RONEO_ERROR_OVERFLOW naming the file and
 * the line of the first block refused. The signature is never counted. */
gboolean roneo_compose_check_body (const RoneoComposeContext *cc, const RoneoDocument *document,
                                   const RoneoLayout *layout, GError **error);
