/* roneo-lang.c: the table of known languages.
 *
 * Debian's hyphen-fr, hyphen-de and hyphen-en-us give one dictionary per
 * language and link each region's name to it; a regional file is still
 * tried first, for a dictionary folder that has one. English has only
 * en_US, used for en-GB too.
 *
 * French law wants the printer named on a tract given out in public; a
 * collective printing its own writes "IPNS" (imprimé par nos soins), and
 * "ne pas jeter sur la voie publique" is customary. Other languages have no
 * such custom: no default imprint.
 */
#include "roneo-lang.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <string.h>

#define IMPRINT_FR "IPNS — Ne pas jeter sur la voie publique"

static const RoneoLang langs[] = {
  { "fr", "fr", NULL, { "hyph_fr.dic", "hyph_fr_FR.dic", NULL }, IMPRINT_FR },
  { "fr-FR", "fr", "FR", { "hyph_fr_FR.dic", "hyph_fr.dic", NULL }, IMPRINT_FR },
  { "fr-CA", "fr", "CA", { "hyph_fr_CA.dic", "hyph_fr.dic", NULL }, IMPRINT_FR },
  { "fr-BE", "fr", "BE", { "hyph_fr_BE.dic", "hyph_fr.dic", NULL }, IMPRINT_FR },
  { "fr-CH", "fr", "CH", { "hyph_fr_CH.dic", "hyph_fr.dic", NULL }, IMPRINT_FR },
  { "en", "en", NULL, { "hyph_en_US.dic", "hyph_en.dic", NULL }, NULL },
  { "en-GB", "en", "GB", { "hyph_en_GB.dic", "hyph_en_US.dic", NULL }, NULL },
  { "en-US", "en", "US", { "hyph_en_US.dic", "hyph_en.dic", NULL }, NULL },
  { "de", "de", NULL, { "hyph_de_DE.dic", "hyph_de.dic", NULL }, NULL },
  { "de-DE", "de", "DE", { "hyph_de_DE.dic", "hyph_de.dic", NULL }, NULL },
  { "de-AT", "de", "AT", { "hyph_de_AT.dic", "hyph_de.dic", NULL }, NULL },
  { "de-CH", "de", "CH", { "hyph_de_CH.dic", "hyph_de.dic", NULL }, NULL },
};

const RoneoLang *
roneo_lang_lookup (const char *text)
{
  if (text == NULL)
    return NULL;
  g_autofree char *tag = g_strstrip (g_strdup (text));
  g_strdelimit (tag, "_", '-');
  for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
    if (g_ascii_strcasecmp (tag, langs[i].tag) == 0)
      return &langs[i];
  return NULL;
}

char *
roneo_lang_dup_known (void)
{
  GString *names = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
    g_string_append_printf (names, "%s%s", i == 0 ? "" : ", ", langs[i].tag);
  return g_string_free (names, FALSE);
}

const RoneoLang *
roneo_lang_parse (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  const RoneoLang *lang = roneo_lang_lookup (text);
  if (lang != NULL)
    return lang;
  g_autofree char *known = roneo_lang_dup_known ();
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               _ ("unknown language '%s' (use a language tag: %s)"), text, known);
  return NULL;
}
