/* roneo-phrase.h: where display text (headlines, slogans, banners) may break, and how well.
 *
 * TYPOGRAPHY.md "Breaking display text": a reader groups the words of a
 * slogan in phrases, and a line should end where a phrase does. The breaker
 * lists every place a line may end (a space, the hyphen of a compound, a
 * forced break) with a penalty read from the words around it: good after
 * `,` `:` `;` `–` `!` `?`, good before a word that opens a phrase (a
 * conjunction, a preposition, a contrast such as "pas"), forbidden after an
 * article, a preposition, a possessive, `ce`, `ne`, `ni`, inside a negation
 * ("N'EST / PAS"), inside a fixed pair ("PARCE / QUE") and at the hyphen of
 * a proper name. The word lists are per language (fr, en, de), matched
 * without case, with ' and ’ alike. Then roneo_phrase_choose() picks, for a
 * line count and a measure, the breaks of least penalty plus raggedness.
 * Breaks are plain values in a GArray the caller owns.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize end;          /* byte: the line before ends here (space or forced break excluded) */
  gsize start;        /* byte: the next line starts here */
  int penalty;        /* lower is better; may be negative */
  gboolean never;     /* a rule forbids it: taken only when nothing else fits */
  gboolean forced;    /* a forced break (U+2028, newline): always taken */
  gboolean short_end; /* the word before has three letters or fewer and no punctuation */
  gboolean lone_tail; /* what follows is the last word, as short: "SAUVONS LA LIGNE / 14" */
} RoneoPhraseBreak;

/* The places text may break, in order (RoneoPhraseBreak), for the language
 * lang ("fr", "en-GB"...; an unknown or NULL one gets the punctuation rules
 * only). Spaces that do not break (U+00A0, U+202F) give none. Owned. */
GArray *roneo_phrase_breaks (const char *text, const char *lang);

/* The width of text's bytes [start, end) set on one line, in any unit. */
typedef double (*RoneoPhraseMeasure) (gsize start, gsize end, gpointer data);

/* The breaks (indices into breaks, in order, appended to chosen) that set
 * text (length bytes) in exactly lines lines no wider than limit, every
 * forced break taken, never-breaks only unless strict, at least cost: the
 * sum of the penalties plus the raggedness. FALSE (chosen untouched) when
 * no such set exists. */
gboolean roneo_phrase_choose (const GArray *breaks, gsize length, guint lines, double limit,
                              gboolean strict, RoneoPhraseMeasure measure, gpointer data,
                              GArray *chosen);

/* Text broken by roneo_phrase_choose() with a width of one per character,
 * the lines joined by " / ": for tests and messages. NULL when no set of
 * breaks fits. Owned. */
char *roneo_phrase_break_to_string (const char *text, const char *lang, guint lines, double limit);

G_END_DECLS
