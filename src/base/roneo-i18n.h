/* roneo-i18n.h: text in the user's language and in the document's.
 *
 * Two languages meet in roneo: the user's (messages, --help: the locale,
 * LC_MESSAGES / LANGUAGE) and the document's (what is printed on the paper: the
 * banner's cover, the sheet labels, the calibration sheet, the "suite au
 * verso" cue, in the copy's lang whatever the machine's locale). Both come
 * from the same gettext catalogues (po/). xgettext keywords: _, N_,
 * roneo_doc_gettext:2, roneo_doc_ngettext:2,3.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A printed string, msgid in English, in the document's language lang ("fr",
 * "en-GB", "de-CH"...; NULL or unknown: English). Never freed: owned by the
 * catalogue or the literal. Thread-safe. */
const char *roneo_doc_gettext (const char *lang, const char *msgid);

/* The same for a count: msgid for n == 1 in English, msgid_plural else, the
 * plural rule of lang. */
const char *roneo_doc_ngettext (const char *lang, const char *msgid, const char *msgid_plural,
                                gulong n);

/* value with digits decimals as the document's language writes it: "3,50"
 * in French or German, "3.50" in English. Owned. */
char *roneo_doc_format_decimal (const char *lang, double value, int digits);

G_END_DECLS
