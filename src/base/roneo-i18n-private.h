/* roneo-i18n-private.h: one gettext catalogue (.mo file) read whole.
 *
 * The printed strings follow the document's language whatever the locale,
 * and a locale may not even be generated on the machine: the .mo file of the
 * language is read directly rather than through setlocale/uselocale.
 * Immutable once read; freed with the cache that owns it.
 */
#pragma once

#include <glib.h>

typedef struct _RoneoCatalogue RoneoCatalogue;

/* The catalogue at path, NULL when there is none or it is not a .mo file.
 * Owned. */
RoneoCatalogue *roneo_catalogue_load (const char *path);
void roneo_catalogue_free (RoneoCatalogue *catalogue);

/* msgid's translation, NULL when untranslated. Owned by the catalogue. */
const char *roneo_catalogue_lookup (const RoneoCatalogue *catalogue, const char *msgid);

/* The form for n of msgid's plural translation, NULL when untranslated.
 * Owned by the catalogue. */
const char *roneo_catalogue_lookup_plural (const RoneoCatalogue *catalogue, const char *msgid,
                                           gulong n);
