/* roneo-i18n.c: printed strings in the document's language.
 *
 * The catalogue of a language is the .mo file gettext would use for it
 * (roneo_locale_dir ()/LANG/LC_MESSAGES/roneo.mo), read once per process and
 * kept: a lookup is then a hash lookup, whatever the locale and whether or
 * not that language's locale is generated on the machine.
 */
#include "roneo-i18n.h"

#include "roneo-buildtree.h"
#include "roneo-config.h"
#include "roneo-i18n-private.h"

#include <string.h>

/* Language folder ("fr", "fr_CA") -> RoneoCatalogue, or NULL for a language
 * with none (English, or not translated). Only grows; lives as long as the
 * process, like gettext's own catalogues. */
static GMutex catalogues_lock;
static GHashTable *catalogues;

/* "fr-CA" -> "fr_CA", "DE" -> "de": a gettext folder name. Owned. */
static char *
folder_of (const char *lang, gboolean with_region)
{
  gsize primary = strcspn (lang, "-_");
  if (!with_region || lang[primary] == '\0')
    return g_ascii_strdown (lang, primary);
  g_autofree char *language = g_ascii_strdown (lang, primary);
  g_autofree char *region = g_ascii_strup (lang + primary + 1, -1);
  return g_strconcat (language, "_", region, NULL);
}

/* Called with the lock held. */
static const RoneoCatalogue *
catalogue_of_folder (char *folder)
{
  gpointer found = NULL;
  if (g_hash_table_lookup_extended (catalogues, folder, NULL, &found))
    {
      g_free (folder);
      return found;
    }
  g_autofree char *path
      = g_build_filename (roneo_locale_dir (), folder, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  RoneoCatalogue *catalogue = roneo_catalogue_load (path);
  g_hash_table_insert (catalogues, folder, catalogue);
  return catalogue;
}

/* The catalogue for lang: its region's ("fr_CA"), else its language's
 * ("fr"), else NULL (English). Borrowed: catalogues are never freed. */
static const RoneoCatalogue *
catalogue_of (const char *lang)
{
  if (lang == NULL || *lang == '\0')
    return NULL;
  g_mutex_lock (&catalogues_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) roneo_catalogue_free);
  const RoneoCatalogue *catalogue = catalogue_of_folder (folder_of (lang, TRUE));
  if (catalogue == NULL)
    catalogue = catalogue_of_folder (folder_of (lang, FALSE));
  g_mutex_unlock (&catalogues_lock);
  return catalogue;
}

const char *
roneo_doc_gettext (const char *lang, const char *msgid)
{
  const RoneoCatalogue *catalogue = catalogue_of (lang);
  const char *translated = catalogue ? roneo_catalogue_lookup (catalogue, msgid) : NULL;
  return translated ? translated : msgid;
}

const char *
roneo_doc_ngettext (const char *lang, const char *msgid, const char *msgid_plural, gulong n)
{
  const RoneoCatalogue *catalogue = catalogue_of (lang);
  const char *translated = catalogue ? roneo_catalogue_lookup_plural (catalogue, msgid, n) : NULL;
  if (translated != NULL)
    return translated;
  return n == 1 ? msgid : msgid_plural;
}

/* The languages that write a decimal comma (CLDR), by primary subtag; the
 * others, English first, a point. */
static gboolean
writes_decimal_comma (const char *lang)
{
  static const char *const comma[]
      = { "fr", "de", "es", "it", "pt", "nl", "ca", "eu", "gl", "br", "oc", "tr",
          "pl", "ru", "uk", "cs", "da", "sv", "nb", "fi", "el", "ro", "hu", NULL };
  if (lang == NULL)
    return FALSE;
  g_autofree char *primary = folder_of (lang, FALSE);
  return g_strv_contains (comma, primary);
}

char *
roneo_doc_format_decimal (const char *lang, double value, int digits)
{
  /* g_ascii_formatd: a point whatever LC_NUMERIC, then the language's mark */
  char format[16], buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (digits, 0, 9));
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
  if (writes_decimal_comma (lang))
    g_strdelimit (text, ".", ',');
  return text;
}
