/* The library's messages in the user's language. */
#include "roneo-intl-private.h"

#include "roneo-buildtree.h"
#include "roneo-i18n.h"

#include <libintl.h>

/* The language this thread's messages are in, or NULL for the locale's:
 * interned (never freed), so it needs no destroy notify. A GPrivate (a
 * pthread key) rather than _Thread_local: the studio, a module opened with
 * dlopen, has its own copy of this file, and with a _Thread_local in it
 * GCC 12's LeakSanitizer died at the studio's exit ("encountered a fatal
 * error"). */
static GPrivate thread_language = G_PRIVATE_INIT (NULL);

void
roneo_intl_set_thread_language (const char *lang)
{
  g_private_set (&thread_language, (gpointer) (lang != NULL ? g_intern_string (lang) : NULL));
}

const char *
roneo_intl_get_thread_language (void)
{
  return g_private_get (&thread_language);
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
  const char *lang = roneo_intl_get_thread_language ();
  if (lang != NULL)
    return roneo_doc_gettext (lang, msgid);
  bind_domain ();
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
roneo_intl_ngettext (const char *msgid, const char *plural, gulong n)
{
  const char *lang = roneo_intl_get_thread_language ();
  if (lang != NULL)
    return roneo_doc_ngettext (lang, msgid, plural, n);
  bind_domain ();
  return g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);
}
