/* roneo-typo-private.h: what the typography rule modules share.
 *
 * roneo-typo.c decides which rules a language gets and runs them, and holds
 * the universal ones; roneo-typo-common.c has the text helpers below and the
 * rules of several languages; roneo-typo-fr.c the French-only rules. A rule
 * step looks at the character at byte offset i of the rich text, rewrites
 * around it with roneo_typo_replace() (so spans follow) and returns the offset
 * to look at next, past anything it rewrote. Not installed.
 */
#pragma once

#include "roneo-typo.h"

G_BEGIN_DECLS

#define RONEO_NBSP "\u00A0"
#define RONEO_NNBSP "\u202F"

typedef enum
{
  RONEO_TYPO_FAMILY_OTHER,
  RONEO_TYPO_FAMILY_FR,
  RONEO_TYPO_FAMILY_EN,
  RONEO_TYPO_FAMILY_DE,
} RoneoTypoFamily;

typedef struct
{
  RoneoTypoFamily family;
  gboolean canada;  /* fr-CA: no space before ; ! ? */
  gboolean british; /* en-GB: spaced en dash */
  RoneoTypoRole role;
} RoneoTypoLang;

/* One step of a rule at byte offset i; returns the offset to look at next,
 * past anything it rewrote. */
typedef gsize (*RoneoTypoStep) (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);

/* ---- reading the text (inline: every step calls them per character) ---- */

static inline gunichar
char_at (const RoneoRichText *rich, gsize i)
{
  return i < rich->text->len ? g_utf8_get_char (rich->text->str + i) : 0;
}

static inline gsize
next_offset (const RoneoRichText *rich, gsize i)
{
  if (i >= rich->text->len)
    return rich->text->len + 1;
  return g_utf8_next_char (rich->text->str + i) - rich->text->str;
}

static inline gsize
prev_offset (const RoneoRichText *rich, gsize i)
{
  return i == 0 ? 0 : (gsize) (g_utf8_prev_char (rich->text->str + i) - rich->text->str);
}

static inline gunichar
char_before (const RoneoRichText *rich, gsize i)
{
  return i == 0 ? 0 : char_at (rich, prev_offset (rich, i));
}

/* Spaces a user types or the rules set. */
static inline gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Where a word ends: blank, line break or the text's edges (0). */
static inline gboolean
is_break (gunichar c)
{
  return c == 0 || is_blank (c) || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static inline gboolean
is_opening (gunichar c)
{
  /* not “ nor ‘: they close in German */
  return c == '(' || c == '[' || c == '{' || c == 0x00AB || c == 0x201E;
}

/* The modifier letters display text sets ordinals and nᵒ in (roneo-typo-fr.c). */
static inline gboolean
is_raised_letter (gunichar c)
{
  return c == 0x1D49 || c == 0x02B3 || c == 0x02E2 || c == 0x207F || c == 0x1D48 || c == 0x1D52;
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* ---- roneo-typo-common.c: helpers ---- */

/* The start of the run of blanks ending at i, the end of the one starting at i. */
gsize roneo_typo_blank_run_start (const RoneoRichText *rich, gsize i);
gsize roneo_typo_blank_run_end (const RoneoRichText *rich, gsize i);

/* TRUE when a span with one of flags overlaps [start, end), or strictly
 * contains the insertion point start == end. */
gboolean roneo_typo_has_flags (const RoneoRichText *rich, gsize start, gsize end, guint flags);

static inline gboolean
in_code (const RoneoRichText *rich, gsize start, gsize end)
{
  return roneo_typo_has_flags (rich, start, end, RONEO_SPAN_AS_TYPED);
}

/* TRUE when the word around offset i is a URL or an e-mail address. */
gboolean roneo_typo_in_url (const RoneoRichText *rich, gsize i);

/* TRUE when the word before the blanks that end at i is one of words
 * (NULL-terminated, compared without case). */
gboolean roneo_typo_preceded_by_word (const RoneoRichText *rich, gsize i, const char *const *words);

/* Replaces [start, end) unless it already reads replacement; returns the
 * offset just past the replacement. */
gsize roneo_typo_replace (RoneoRichText *rich, gsize start, gsize end, const char *replacement);

/* Runs step from the start of the text to its end. */
void roneo_typo_run_rule (RoneoRichText *rich, const RoneoTypoLang *lang, RoneoTypoStep step);

/* ---- roneo-typo-common.c: rules of several languages ---- */

void roneo_typo_double_quotes (RoneoRichText *rich, const RoneoTypoLang *lang);
gsize roneo_typo_step_punctuation (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_dash (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_number_space (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_phone (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_symbol_space (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_german_abbreviation (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);

/* ---- roneo-typo-fr.c: French only ---- */

gsize roneo_typo_step_guillemets (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_ordinal (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_numero (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_thousands (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);
gsize roneo_typo_step_short_word (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang);

G_END_DECLS
