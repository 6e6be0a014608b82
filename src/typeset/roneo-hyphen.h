/* roneo-hyphen.h: hyphenation points with libhyphen and Debian's hyphen-* patterns.
 *
 * Pango 1.50 breaks inside a word only at a soft hyphen (PITFALLS 3), so the
 * hyphenator inserts U+00AD into a copy of body text. Dictionaries are loaded
 * lazily, once per language, and kept built in the user's cache (the German one
 * takes 2.5 s to build: PITFALLS 24, roneo-hyphen-cache.h).
 * A RoneoHyphenator owns its dictionaries; it is not thread-safe.
 */
#pragma once

#include "roneo-rich-text.h"

G_BEGIN_DECLS

typedef struct _RoneoHyphenator RoneoHyphenator;

/* dict_dir: where hyph_LANG.dic files live (/usr/share/hyphen). */
RoneoHyphenator *roneo_hyphenator_new (const char *dict_dir);
void roneo_hyphenator_free (RoneoHyphenator *hyphenator);

/* Inserts soft hyphens into rich for lang (a tag of roneo-lang.h, whose
 * table names the dictionaries to try: hyph_fr_CA.dic, then hyph_fr.dic). Follows TYPOGRAPHY.md:
 * minimum 2 letters before the break and 3 after for French (hnj_hyphen_hyphenate3, PITFALLS 23),
 * no hyphen in the last word of the text, in words under 6 letters, in acronyms (all capitals), in
 * numbers or words with digits, in RONEO_SPAN_CODE or note calls. Returns FALSE with
 * RONEO_ERROR_INPUT when there is no dictionary for lang (the caller may warn and go on). */
gboolean roneo_hyphenator_hyphenate (RoneoHyphenator *hyphenator, RoneoRichText *rich,
                                     const char *lang, GError **error);

/* The break points of one word as "nu-mé-ri-sa-tion" (for tests and
 * `roneo check -v`), or NULL with error when no dictionary. */
char *roneo_hyphenator_show (RoneoHyphenator *hyphenator, const char *word, const char *lang,
                             GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoHyphenator, roneo_hyphenator_free)

G_END_DECLS
