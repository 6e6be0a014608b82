/* roneo-glyph-check.h: warnings for the characters a set layout cannot draw.
 *
 * Called on each layout that goes on a page, once it is final (never on
 * the trial layouts of fitting or of draft runs): a control character, a
 * character no font of the set has, and a font that returns no glyph for a
 * character it was chosen for are font warnings (errors under --strict)
 * naming the character and the line of the copy it comes from.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-warnings.h"

#include <pango/pango.h>

G_BEGIN_DECLS

/* Warns about layout's undrawable characters not in seen (a string set,
 * g_str_hash: "U+XXXX" per character, the font's name per broken font;
 * added to). The line is that of the first of blocks (RoneoBlock*) whose
 * text holds the character, else fallback's. */
void roneo_compose_check_glyphs (RoneoWarnings *warnings, GHashTable *seen, PangoLayout *layout,
                                 const char *source, GPtrArray *blocks, const RoneoBlock *fallback);

/* A new set for roneo_compose_check_glyphs(). */
GHashTable *roneo_compose_new_glyph_seen (void);

G_END_DECLS
