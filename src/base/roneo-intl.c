/* The library's messages in the user's language. */
#include "roneo-intl-private.h"

#include "roneo-buildtree.h"
#include "roneo-i18n.h"

#include <libintl.h>

/* The language this thread's messages are in, or NULL for the locale's:
 * interned (never freed), so a plain thread-local pointer serves. */
static _Thread_local const char *thread_language;

void
roneo_intl_set_thread_language (const char *lang)
{
  thread_language = lang != NULL ? g_intern_string (lang) : NULL;
}

/* Bound once per process: bindtextdomain is itself thread-safe, and binding
 * the same folder twice (the CLI binds it too) changes nothing. */
static void
bind_domain (void)
{
  static gsize bound = 0;
  if (!g_once_init_enter (&bound))
    return;
  bindtextdomain (GETTEXT_PACKAGE, roneo_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_once_init_leave (&bound, 1);
}

const char *
roneo_intl_gettext (const char *msgid)
{
  if (thread_language != NULL)
    return roneo_doc_gettext (thread_language, msgid);
  bind_domain ();
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
roneo_intl_ngettext (const char *msgid, const char *plural, gulong n)
{
  if (thread_language != NULL)
    return roneo_doc_ngettext (thread_language, msgid, plural, n);
  bind_domain ();
  return g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);
}
