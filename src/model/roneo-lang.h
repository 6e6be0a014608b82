/* roneo-lang.h: the languages roneo knows, as BCP 47 tags.
 *
 * One table for the whole pipeline: the copy parser and the CLI check a
 * `lang` against it, the typography picks its rules from an entry's family
 * and region, the hyphenation its dictionary. A tag is matched without case,
 * and "fr_FR" (a POSIX locale name) is read as "fr-FR". The entries are
 * static: every pointer returned lives as long as the program.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of a job that gives none and whose copy says none. */
#define RONEO_LANG_DEFAULT "fr"

typedef struct
{
  const char *tag;             /* canonical BCP 47: "fr-CA" */
  const char *primary;         /* "fr": which rules of TYPOGRAPHY.md */
  const char *region;          /* "CA", or NULL */
  const char *dictionaries[3]; /* libhyphen files to try, best first, NULL-ended */
  const char *imprint;         /* the imprint line a tract gets by default, or NULL */
} RoneoLang;

/* The entry for text ("fr", "FR-ca", "de_AT"...), or NULL when roneo does
 * not know that language. NULL text gives NULL. */
const RoneoLang *roneo_lang_lookup (const char *text);

/* The same, or NULL with RONEO_ERROR_INPUT and the list of known tags:
 * "unknown language 'français' (use a language tag: fr, fr-FR, ..., de-CH)". */
const RoneoLang *roneo_lang_parse (const char *text, GError **error);

/* "fr, fr-FR, fr-CA, ..., de-CH": every known tag. Owned by the caller. */
char *roneo_lang_dup_known (void);

G_END_DECLS
