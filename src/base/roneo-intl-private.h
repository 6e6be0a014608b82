/* roneo-intl-private.h: the library's messages in the user's language.
 *
 * Every library file that says something to the user (g_set_error, the
 * warnings) includes this instead of <glib/gi18n-lib.h>: the same _() and
 * N_(), looked up in roneo's own domain (GETTEXT_PACKAGE) with g_dgettext, so
 * the messages follow the locale of whatever program embeds libroneo, whose
 * domain is bound on the first lookup (the program need not know about it).
 * What is printed on the paper goes through roneo-i18n.h instead.
 */
#pragma once

#include "roneo-config.h"

#include <glib.h>

/* msgid in the user's language (LC_MESSAGES / LANGUAGE), else msgid itself.
 * Never freed. */
const char *roneo_intl_gettext (const char *msgid) G_GNUC_FORMAT (1);

/* The same for a count n: msgid for one in English, plural else. */
const char *roneo_intl_ngettext (const char *msgid, const char *plural, gulong n) G_GNUC_FORMAT (1)
    G_GNUC_FORMAT (2);

/* The messages of the calling thread in lang ("fr", "de"... from the same
 * catalogues, as roneo-i18n.h reads them) whatever the locale; NULL: the
 * locale's again. For a server that answers people in their languages. */
void roneo_intl_set_thread_language (const char *lang);
/* That language, interned, or NULL when the thread follows the locale. */
const char *roneo_intl_get_thread_language (void);

#define _(String) roneo_intl_gettext (String)
#define N_(String) (String)
