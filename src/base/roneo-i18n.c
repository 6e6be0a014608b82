/* roneo-i18n.c: printed strings in the document's language.
 *
 * For now every document reads English: the catalogues (po/) and the lookup
 * by language replace this (issue 9).
 */
#include "roneo-i18n.h"

const char *
roneo_doc_gettext (const char *lang, const char *msgid)
{
  (void) lang;
  return msgid;
}

const char *
roneo_doc_ngettext (const char *lang, const char *msgid, const char *msgid_plural, gulong n)
{
  (void) lang;
  return n == 1 ? msgid : msgid_plural;
}
