/* roneo-typo-common.c: the typography helpers, and the rules of several languages.
 *
 * Helpers that look around an offset (blank runs, spans, URLs, the word
 * before) and the one way to rewrite, roneo_typo_replace(), which leaves text
 * already in shape untouched so that every rule is idempotent. Then the rules
 * French, English and German share, each with its per-language branches:
 * double quotes, the space before ; : ! ?, dashes between words, and numbers
 * and what they count. English has no rule of its own (its differences are
 * such branches); German one, the abbreviations like "z. B.".
 *
 * Numbers and what they count (fr, en, de): the space after a number, or
 * after an ordinal, followed by a unit symbol or a word it counts (not a
 * verb, a conjunction, a preposition: "12 est", "2026 et") becomes U+00A0;
 * so does the space after "n°", "p.", "art.", "§"... before a number. Phone
 * numbers (French, groups of two) take U+202F between their groups.
 */
#include "roneo-typo-private.h"

#include <string.h>

/* ---- helpers ---- */

gsize
roneo_typo_blank_run_start (const RoneoRichText *rich, gsize i)
{
  while (i > 0 && is_blank (char_before (rich, i)))
    i = prev_offset (rich, i);
  return i;
}

gsize
roneo_typo_blank_run_end (const RoneoRichText *rich, gsize i)
{
  while (i < rich->text->len && is_blank (char_at (rich, i)))
    i = next_offset (rich, i);
  return i;
}

/* TRUE when a span with one of flags overlaps [start, end), or strictly
 * contains the insertion point start == end. */
gboolean
roneo_typo_has_flags (const RoneoRichText *rich, gsize start, gsize end, guint flags)
{
  for (guint k = 0; k < rich->spans->len; k++)
    {
      const RoneoSpan *span = &g_array_index (rich->spans, RoneoSpan, k);
      if (!(span->flags & flags))
        continue;
      if (start == end ? (span->start < start && start < span->end)
                       : (span->start < end && start < span->end))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when the word around offset i is a URL or an e-mail address. */
gboolean
roneo_typo_in_url (const RoneoRichText *rich, gsize i)
{
  gsize start = i, end = i;
  while (start > 0 && !is_break (char_before (rich, start)))
    start = prev_offset (rich, start);
  while (end < rich->text->len && !is_break (char_at (rich, end)))
    end = next_offset (rich, end);
  const char *word = rich->text->str + start;
  return g_strstr_len (word, end - start, "://") || g_strstr_len (word, end - start, "www.")
         || g_strstr_len (word, end - start, "@");
}

/* Replaces [start, end) unless it already reads replacement; returns the
 * offset just past the replacement. */
gsize
roneo_typo_replace (RoneoRichText *rich, gsize start, gsize end, const char *replacement)
{
  gsize len = strlen (replacement);
  if (end - start != len || memcmp (rich->text->str + start, replacement, len) != 0)
    roneo_rich_text_replace (rich, start, end, replacement);
  return start + len;
}

void
roneo_typo_run_rule (RoneoRichText *rich, const RoneoTypoLang *lang, RoneoTypoStep step)
{
  gsize i = 0;
  while (i < rich->text->len)
    i = step (rich, i, lang);
}

gboolean
roneo_typo_preceded_by_word (const RoneoRichText *rich, gsize i, const char *const *words)
{
  gsize end = roneo_typo_blank_run_start (rich, i);
  gsize start = end;
  while (start > 0 && !is_break (char_before (rich, start)))
    start = prev_offset (rich, start);
  /* "(n° 8)": the bracket is not part of the word */
  while (start < end && is_opening (char_at (rich, start)))
    start = next_offset (rich, start);
  if (end == i || start == end)
    return FALSE;
  for (gsize k = 0; words[k]; k++)
    if (strlen (words[k]) == end - start
        && g_ascii_strncasecmp (rich->text->str + start, words[k], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* ---- quotes ---- */

static const char *
quote_mark (const RoneoTypoLang *lang, gboolean opening)
{
  switch (lang->family)
    {
    case RONEO_TYPO_FAMILY_FR:
      return opening ? "\u00AB" : "\u00BB";
    case RONEO_TYPO_FAMILY_EN:
      return opening ? "\u201C" : "\u201D";
    case RONEO_TYPO_FAMILY_DE:
      return opening ? "\u201E" : "\u201C";
    default:
      return NULL;
    }
}

/* Straight double quotes pair up by context: after a break or an opening
 * bracket a quote opens, after a word it closes. */
void
roneo_typo_double_quotes (RoneoRichText *rich, const RoneoTypoLang *lang)
{
  gboolean open = FALSE;
  gsize i = 0;
  while (i < rich->text->len)
    {
      if (char_at (rich, i) != '"' || in_code (rich, i, i + 1))
        {
          i = next_offset (rich, i);
          continue;
        }
      gunichar before = char_before (rich, i);
      gunichar after = char_at (rich, i + 1);
      gboolean opening
          = is_break (before) || is_opening (before) || before == 0x2013 || before == 0x2014;
      if (opening && is_break (after))
        opening = !open; /* a lone quote between spaces: alternate */
      open = opening;
      i = roneo_typo_replace (rich, i, i + 1, quote_mark (lang, opening));
    }
}

/* ---- space before ; : ! ? ---- */

static gboolean
ends_clause (gunichar c)
{
  return is_break (c) || (c < 0x80 && strchr (".,;:!?)]}\"'", (int) c) && c != 0) || c == 0x00BB
         || c == 0x201D || c == 0x201C || c == 0x2019 || c == 0x2026;
}

/* What goes before mark in lang; NULL when the rule does not apply. */
static const char *
space_before_mark (const RoneoTypoLang *lang, gunichar mark)
{
  if (lang->family == RONEO_TYPO_FAMILY_EN || lang->family == RONEO_TYPO_FAMILY_DE)
    return "";
  if (lang->family != RONEO_TYPO_FAMILY_FR)
    return NULL;
  if (mark == ':')
    return RONEO_NBSP;
  return lang->canada ? "" : RONEO_NNBSP;
}

static gboolean
is_mark (gunichar c)
{
  return c == ';' || c == ':' || c == '!' || c == '?';
}

gsize
roneo_typo_step_punctuation (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar mark = char_at (rich, i);
  const char *space = is_mark (mark) ? space_before_mark (lang, mark) : NULL;
  if (space == NULL || !ends_clause (char_at (rich, i + 1)) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gsize start = roneo_typo_blank_run_start (rich, i);
  gunichar before = char_before (rich, start);
  /* "?!" takes one space; "(?)" none; a line starting with ':' is not ours */
  if (start == 0 || is_break (before) || is_mark (before) || is_opening (before)
      || roneo_typo_in_url (rich, prev_offset (rich, start)))
    return i + 1;
  /* "10:30" and "https:" are excluded above; "mot:" takes a space, "3:" does not */
  if (mark == ':' && start == i && !g_unichar_isalpha (before) && !ends_clause (before))
    return i + 1;
  return roneo_typo_replace (rich, start, i, space) + 1;
}

/* ---- dashes ---- */

/* The length of a dash typed between spaces at i ("-", "--", "–", "—"), or 0. */
static gsize
dash_length (const RoneoRichText *rich, gsize i)
{
  const char *s = rich->text->str + i;
  gunichar c = char_at (rich, i);
  if (c == 0x2013 || c == 0x2014)
    return 3;
  if (s[0] == '-')
    return s[1] == '-' ? 2 : 1;
  return 0;
}

/* What may follow a dash between words: a word, or a quote or bracket
 * opening one (not punctuation, which a later rule spaces). */
static gboolean
starts_word (gunichar c)
{
  return g_unichar_isalnum (c) || is_opening (c) || c == '"' || c == '\'' || c == 0x2018
         || c == 0x201C;
}

gsize
roneo_typo_step_dash (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gsize len = dash_length (rich, i);
  if (len == 0 || lang->family == RONEO_TYPO_FAMILY_OTHER)
    return next_offset (rich, i);
  gsize start = roneo_typo_blank_run_start (rich, i);
  gsize end = roneo_typo_blank_run_end (rich, i + len);
  gunichar before = char_before (rich, start);
  if (start == i || start == 0 || is_break (before) || is_opening (before) || end == i + len
      || !starts_word (char_at (rich, end)) || in_code (rich, start, end))
    return i + len;
  gboolean en_dash = char_at (rich, i) == 0x2013;
  if (lang->family == RONEO_TYPO_FAMILY_EN && !lang->british)
    return en_dash ? end : roneo_typo_replace (rich, start, end, "\u2014");
  const char *dash = char_at (rich, i) == 0x2014 ? RONEO_NBSP "\u2014 " : RONEO_NBSP "\u2013 ";
  return roneo_typo_replace (rich, start, end, dash);
}

/* ---- numbers and what they count ---- */

/* "n° 3", "p. 12", "art. 4": the abbreviation stays with its number. */
static gboolean
before_number_word (const RoneoRichText *rich, gsize space)
{
  static const char *const words[]
      = { "n\u1D52", "n°",   "no",    "no.",  "nos", "p.",   "pp.",  "art.",
          "§",       "vol.", "chap.", "fig.", "t.",  "tome", "page", NULL };
  return roneo_typo_preceded_by_word (rich, next_offset (rich, space), words);
}

static gboolean
is_unit_symbol (gunichar c)
{
  return c == '%' || c == 0x2030 || c == 0x20AC || c == '$' || c == 0x00A3 || c == 0x00A5
         || c == 0x00B0;
}

/* TRUE when the text before offset i ends with a number (not a note call) or
 * an ordinal. */
static gboolean
number_before (const RoneoRichText *rich, gsize i)
{
  gsize last = prev_offset (rich, i);
  guint flags = roneo_rich_text_flags_at (rich, last);
  if (i == 0 || (flags & (RONEO_SPAN_NOTE_CALL | RONEO_SPAN_AS_TYPED)))
    return FALSE;
  gunichar c = char_at (rich, last);
  return (is_digit (c) || (flags & RONEO_SPAN_SUPERSCRIPT) || is_raised_letter (c))
         && !roneo_typo_in_url (rich, last);
}

/* "10 h 30": the hour sign between two numbers. */
static gboolean
hour_between_numbers (const RoneoRichText *rich, gsize space)
{
  gsize h = prev_offset (rich, space);
  return space >= 3 && char_at (rich, h) == 'h' && is_blank (char_before (rich, h))
         && number_before (rich, prev_offset (rich, h));
}

/* Words that follow a number without being what it counts: verbs ("12 est",
 * "1 200 ont signé"), conjunctions, prepositions, articles, pronouns ("en
 * 2026 nous"). A list rather than a list of units because a number counts
 * any noun ("3 personnes", "200 manifestants"); it misses verbs it does not
 * name, which then stay bound as before. */
static const char *const fr_not_counted[]
    = { "est",    "sont",  "a",       "ont",  "était",  "étaient", "sera",    "seront", "serait",
        "fut",    "avait", "avaient", "aura", "auront", "peut",    "peuvent", "doit",   "doivent",
        "va",     "vont",  "fait",    "font", "reste",  "restent", "et",      "ou",     "où",
        "mais",   "donc",  "ni",      "car",  "à",      "au",      "aux",     "de",     "des",
        "du",     "d",     "le",      "la",   "les",    "l",       "un",      "une",    "en",
        "pour",   "par",   "sur",     "sous", "dans",   "avec",    "sans",    "chez",   "vers",
        "contre", "entre", "depuis",  "dès",  "après",  "avant",   "qui",     "que",    "qu",
        "dont",   "quand", "si",      "il",   "elle",   "ils",     "elles",   "on",     "nous",
        "vous",   "je",    "tu",      "ne",   "n",      "se",      "s",       "y",      "c",
        "ce",     "cette", "ces",     "sa",   "son",    "ses",     "leur",    "leurs",  "notre",
        "nos",    "votre", "vos",     NULL };
static const char *const en_not_counted[]
    = { "is",    "are", "was", "were", "will", "has", "have", "had",  "can", "and", "or", "but",
        "to",    "of",  "in",  "on",   "at",   "for", "by",   "with", "the", "a",   "an", "that",
        "which", "who", "we",  "they", "it",   "he",  "she",  "i",    "you", NULL };
static const char *const de_not_counted[]
    = { "ist", "sind", "war",  "waren", "wird", "werden", "hat", "haben", "kann",
        "und", "oder", "aber", "zu",    "von",  "in",     "im",  "an",    "am",
        "auf", "für",  "mit",  "der",   "die",  "das",    "den", "dem",   "des",
        "ein", "eine", "wir",  "sie",   "es",   "er",     "ich", NULL };

/* TRUE when the word starting at i is one a number does not count. */
static gboolean
not_counted (const RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  const char *const *words = lang->family == RONEO_TYPO_FAMILY_FR   ? fr_not_counted
                             : lang->family == RONEO_TYPO_FAMILY_EN ? en_not_counted
                             : lang->family == RONEO_TYPO_FAMILY_DE ? de_not_counted
                                                                    : NULL;
  gsize end = i;
  while (end < rich->text->len && g_unichar_isalpha (char_at (rich, end)))
    end = next_offset (rich, end);
  if (words == NULL || end == i)
    return FALSE;
  g_autofree char *word = g_utf8_strdown (rich->text->str + i, end - i);
  return g_strv_contains (words, word);
}

gsize
roneo_typo_step_number_space (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gsize word = next_offset (rich, i);
  gunichar after = char_at (rich, word);
  if ((c != ' ' && c != 0x00A0) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gboolean counted = number_before (rich, i)
                     && ((g_unichar_isalpha (after) && !not_counted (rich, word, lang))
                         || is_unit_symbol (after));
  gboolean counting
      = is_digit (after) && (before_number_word (rich, i) || hour_between_numbers (rich, i));
  if (!counted && !counting)
    return next_offset (rich, i);
  return roneo_typo_replace (rich, i, next_offset (rich, i), RONEO_NBSP);
}

/* ---- phone numbers ---- */

/* Where n digits start at i, or 0. */
static gsize
digits_at (const RoneoRichText *rich, gsize i, guint n)
{
  for (guint k = 0; k < n; k++)
    if (!is_digit (char_at (rich, i + k)))
      return 0;
  return i + n;
}

static gboolean
is_phone_separator (gunichar c)
{
  return c == ' ' || c == '.' || c == '-' || c == 0x00A0 || c == 0x202F;
}

/* The end of the national part of a French phone number at i: a digit then
 * four groups of two ("6 12 34 56 78" after +33) or two digits then four
 * ("06 12 34 56 78"), one separator throughout (or none); 0 if not one. */
static gsize
phone_groups_end (const RoneoRichText *rich, gsize i, guint first)
{
  gsize end = digits_at (rich, i, first);
  if (end == 0)
    return 0;
  gunichar separator = char_at (rich, end);
  if (!is_phone_separator (separator))
    separator = 0;
  for (guint group = 0; group < 4; group++)
    {
      gunichar c = char_at (rich, end);
      /* blanks of any kind count as one separator (a no-break space typed here and there) */
      if (separator != 0 && c != separator && !(is_blank (c) && is_blank (separator)))
        return 0;
      end = digits_at (rich, separator != 0 ? next_offset (rich, end) : end, 2);
      if (end == 0)
        return 0;
    }
  /* a sixth group, or digits glued on, make it something else (a code, a list) */
  gunichar after = char_at (rich, end);
  if (is_digit (after)
      || (is_phone_separator (after) && is_digit (char_at (rich, next_offset (rich, end)))))
    return 0;
  return end;
}

/* The end of the phone number at i ("06 12 34 56 78", "05.61.22.33.44",
 * "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78"), or 0. */
static gsize
phone_end (const RoneoRichText *rich, gsize i)
{
  const char *s = rich->text->str + i;
  if (s[0] == '0' && is_digit (s[1]) && s[1] != '0')
    return phone_groups_end (rich, i, 2);
  if (strncmp (s, "+33", 3) != 0)
    return 0;
  gsize national = roneo_typo_blank_run_end (rich, i + 3);
  if (strncmp (rich->text->str + national, "(0)", 3) == 0)
    national += 3;
  return phone_groups_end (rich, national, 1);
}

/* A phone number never breaks across lines: its blanks become narrow
 * no-break spaces, fixed like those of digit groups (a justified line does
 * not stretch them). Dots and hyphens between digits never break already. */
gsize
roneo_typo_step_phone (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar before = char_before (rich, i);
  /* not the tail of a longer number, a decimal or a code */
  gboolean inside = g_unichar_isalnum (before) || before == '+'
                    || ((before == '.' || before == ',' || before == '-' || before == '/')
                        && is_digit (char_before (rich, prev_offset (rich, i))));
  gsize end = inside ? 0 : phone_end (rich, i);
  if (end == 0 || in_code (rich, i, end) || roneo_typo_in_url (rich, i))
    return next_offset (rich, i);
  for (gsize k = i; k < end; k = next_offset (rich, k))
    if (is_blank (char_at (rich, k)))
      {
        gsize blank_end = roneo_typo_blank_run_end (rich, k);
        end = end - (blank_end - k) + strlen (RONEO_NNBSP);
        roneo_typo_replace (rich, k, blank_end, RONEO_NNBSP);
      }
  return end;
}

/* "50%" -> "50 %", "20°C" -> "20 °C" (fr, de; English writes 50%). */
gsize
roneo_typo_step_symbol_space (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gunichar next = char_at (rich, next_offset (rich, i));
  gboolean symbol = c == '%' || c == 0x2030 || c == 0x20AC || c == '$' || c == 0x00A3
                    || (c == 0x00B0 && (next == 'C' || next == 'F'));
  if (!symbol || !number_before (rich, i) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  roneo_rich_text_replace (rich, i, i, RONEO_NBSP);
  return next_offset (rich, i + strlen (RONEO_NBSP));
}

/* ---- German abbreviations ---- */

/* A letter alone and a dot at i ("z."). */
static gboolean
is_initial (const RoneoRichText *rich, gsize i)
{
  return g_unichar_isalpha (char_at (rich, i)) && char_at (rich, next_offset (rich, i)) == '.';
}

/* "z. B." and "z.B." -> "z.\u202FB.": one letter, a dot, one letter, a dot
 * (also in chains: "i. d. R."). */
gsize
roneo_typo_step_german_abbreviation (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gsize dot = next_offset (rich, i);
  if (!is_initial (rich, i) || g_unichar_isalpha (char_before (rich, i)))
    return dot;
  gsize second = roneo_typo_blank_run_end (rich, dot + 1);
  gsize second_dot = next_offset (rich, second);
  gboolean chain_ends
      = !g_unichar_isalpha (char_at (rich, second_dot + 1)) || is_initial (rich, second_dot + 1);
  if (!is_initial (rich, second) || !chain_ends || in_code (rich, i, second_dot))
    return dot;
  roneo_typo_replace (rich, dot + 1, second, RONEO_NNBSP);
  return dot + 1;
}
