/* roneo-rich-text.h: a block's text with its styled spans, as the typesetter edits it.
 *
 * Typography rules and hyphenation rewrite a copy of the text (insert U+202F,
 * replace "..." by "…", insert U+00AD); every edit goes through
 * roneo_rich_text_replace(), which moves the spans with the text, so emphasis
 * and note calls stay on the right characters. A rich text owns its string
 * and its span array.
 */
#pragma once

#include "roneo-document.h"

G_BEGIN_DECLS

typedef struct
{
  GString *text; /* UTF-8 */
  GArray *spans; /* RoneoSpan, byte offsets into text */
} RoneoRichText;

/* A copy of the block's text and spans. */
RoneoRichText *roneo_rich_text_new_from_block (const RoneoBlock *block);
/* Plain text, no span. */
RoneoRichText *roneo_rich_text_new (const char *text);
RoneoRichText *roneo_rich_text_copy (const RoneoRichText *rich);
void roneo_rich_text_free (RoneoRichText *rich);

/* Replaces bytes [start, end) with replacement (may be empty, or start == end
 * for an insertion) and moves the spans: a span that ends at start does not
 * grow over an insertion, one that starts at end moves with its text, one that
 * contains the range grows or shrinks with it. */
void roneo_rich_text_replace (RoneoRichText *rich, gsize start, gsize end, const char *replacement);

/* The flags of the spans covering byte offset (OR-ed). */
guint roneo_rich_text_flags_at (const RoneoRichText *rich, gsize offset);

/* Uppercases the text for `transform = uppercase`, keeping accents (É stays
 * É) and spans; ß becomes SS for German. */
void roneo_rich_text_uppercase (RoneoRichText *rich, const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoRichText, roneo_rich_text_free)

G_END_DECLS
