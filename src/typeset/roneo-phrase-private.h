/* roneo-phrase-private.h: the word lists behind roneo-phrase.c.
 *
 * One table per language of the words that matter to a line end: what a
 * line must not end on, what opens a phrase, the particles of a negation,
 * the fixed pairs. Words are looked up lower case, with ' for ’; the tables
 * are static.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_WORD_NEVER_END = 1 << 0,  /* article, preposition, possessive, ce, ne, ni */
  RONEO_WORD_WEAK_END = 1 << 1,   /* conjunction, pronoun: a poor line end */
  RONEO_WORD_OPENS = 1 << 2,      /* conjunction, preposition, contrast: opens a phrase */
  RONEO_WORD_OPENS_NOUN = 1 << 3, /* article, possessive: opens a noun phrase */
  RONEO_WORD_PARTICLE = 1 << 4,   /* second half of a negation: pas, plus, jamais */
  RONEO_WORD_NEGATION = 1 << 5,   /* first half: ne (n' is seen as a prefix) */
} RoneoWordFlags;

/* The flags of word (lower case) in the language primary ("fr"); 0 for a
 * word or a language the tables do not know. */
guint roneo_phrase_word_flags (const char *primary, const char *word);

/* Whether the tables know primary: without them every short word counts as a
 * function word. */
gboolean roneo_phrase_knows (const char *primary);

/* Whether first and second (lower case) make a pair a line must not split:
 * "parce que", "rather than". */
gboolean roneo_phrase_is_pair (const char *primary, const char *first, const char *second);

/* The elided prefixes of primary ("l'", "qu'"...) that word starts with:
 * its length in bytes, or 0. */
gsize roneo_phrase_elision (const char *primary, const char *word);

G_END_DECLS
