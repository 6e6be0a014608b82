/* roneo-typo.c: TYPOGRAPHY.md's rules for fr, fr-CA, en, en-GB and de.
 *
 * Each rule is one pass over the text: a step looks at the character at a
 * byte offset, rewrites around it through roneo_rich_text_replace() (so spans
 * follow) and says where to go on. Every rule recognises its own output, which
 * makes the whole idempotent. Rules only touch spaces, quotes, dashes, dots
 * and apostrophes (plus "ème" -> "e" in ordinals): the words stay searchable.
 *
 * Heuristics, kept simple on purpose:
 * - thousands (French only): a digit group typed with spaces ("2 500 000",
 *   first group of 1 to 3 digits, then groups of exactly 3) is regrouped with
 *   U+202F; an unbroken run is grouped when it has 5 or more digits, or 4 and
 *   is not a year (1000-2100). Never a run starting with 0 (phone numbers,
 *   codes), a 5-digit run followed by a capitalised word (a postcode:
 *   "81000 Albi"), a run after "p." or "page", a decimal part, a date, a time
 *   or anything glued to letters, nor digits right after "123 " (a second
 *   number: "en 2019 25000" stays). English and German numbers are left alone
 *   (US ZIP codes and years make "2,500,000" ambiguous).
 * - numbers and what they count (fr, en, de): the space after a number, or
 *   after an ordinal, followed by a letter or a unit symbol becomes U+00A0;
 *   so does the space after "n°", "p.", "art.", "§"... before a number.
 */
#include "roneo-typo.h"

#include <string.h>

#define NBSP "\u00A0"
#define NNBSP "\u202F"

typedef enum
{
  FAMILY_OTHER,
  FAMILY_FR,
  FAMILY_EN,
  FAMILY_DE,
} Family;

typedef struct
{
  Family family;
  gboolean canada;  /* fr-CA: no space before ; ! ? */
  gboolean british; /* en-GB: spaced en dash */
  RoneoTypoRole role;
} TypoLang;

/* One step of a rule at byte offset i; returns the offset to look at next,
 * past anything it rewrote. */
typedef gsize (*RuleStep) (RoneoRichText *rich, gsize i, const TypoLang *lang);

/* ---- reading the text ---- */

static gunichar
char_at (const RoneoRichText *rich, gsize i)
{
  return i < rich->text->len ? g_utf8_get_char (rich->text->str + i) : 0;
}

static gsize
next_offset (const RoneoRichText *rich, gsize i)
{
  if (i >= rich->text->len)
    return rich->text->len + 1;
  return g_utf8_next_char (rich->text->str + i) - rich->text->str;
}

static gsize
prev_offset (const RoneoRichText *rich, gsize i)
{
  return i == 0 ? 0 : (gsize) (g_utf8_prev_char (rich->text->str + i) - rich->text->str);
}

static gunichar
char_before (const RoneoRichText *rich, gsize i)
{
  return i == 0 ? 0 : char_at (rich, prev_offset (rich, i));
}

/* Spaces a user types or the rules set. */
static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Where a word ends: blank, line break or the text's edges (0). */
static gboolean
is_break (gunichar c)
{
  return c == 0 || is_blank (c) || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static gboolean
is_opening (gunichar c)
{
  /* not “ nor ‘: they close in German */
  return c == '(' || c == '[' || c == '{' || c == 0x00AB || c == 0x201E;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gsize
blank_run_start (const RoneoRichText *rich, gsize i)
{
  while (i > 0 && is_blank (char_before (rich, i)))
    i = prev_offset (rich, i);
  return i;
}

static gsize
blank_run_end (const RoneoRichText *rich, gsize i)
{
  while (i < rich->text->len && is_blank (char_at (rich, i)))
    i = next_offset (rich, i);
  return i;
}

/* TRUE when a span with one of flags overlaps [start, end), or strictly
 * contains the insertion point start == end. */
static gboolean
has_flags (const RoneoRichText *rich, gsize start, gsize end, guint flags)
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

static gboolean
in_code (const RoneoRichText *rich, gsize start, gsize end)
{
  return has_flags (rich, start, end, RONEO_SPAN_CODE);
}

/* TRUE when the word around offset i is a URL or an e-mail address. */
static gboolean
in_url (const RoneoRichText *rich, gsize i)
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
static gsize
replace_if_needed (RoneoRichText *rich, gsize start, gsize end, const char *replacement)
{
  gsize len = strlen (replacement);
  if (end - start != len || memcmp (rich->text->str + start, replacement, len) != 0)
    roneo_rich_text_replace (rich, start, end, replacement);
  return start + len;
}

static void
run_rule (RoneoRichText *rich, const TypoLang *lang, RuleStep step)
{
  gsize i = 0;
  while (i < rich->text->len)
    i = step (rich, i, lang);
}

/* ---- universal: ellipsis, apostrophe, note calls ---- */

static gsize
step_ellipsis (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  const char *s = rich->text->str;
  /* exactly three dots: longer runs are leaders someone typed on purpose */
  if (strncmp (s + i, "...", 3) != 0 || (i > 0 && s[i - 1] == '.') || s[i + 3] == '.'
      || in_code (rich, i, i + 3))
    return next_offset (rich, i);
  return replace_if_needed (rich, i, i + 3, "\u2026");
}

static gsize
step_apostrophe (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  if (char_at (rich, i) != '\'' || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gunichar before = char_before (rich, i);
  gunichar after = char_at (rich, i + 1);
  if (lang->family == FAMILY_EN && (is_break (before) || is_opening (before))
      && g_unichar_isalnum (after))
    return replace_if_needed (rich, i, i + 1, "\u2018");
  if (lang->family == FAMILY_EN || g_unichar_isalnum (before))
    return replace_if_needed (rich, i, i + 1, "\u2019");
  return i + 1;
}

/* A note call is glued to its word: "mot [^1]" -> "mot¹". */
static gboolean
glue_one_note_call (RoneoRichText *rich)
{
  for (guint k = 0; k < rich->spans->len; k++)
    {
      const RoneoSpan *span = &g_array_index (rich->spans, RoneoSpan, k);
      gsize call = span->start;
      gsize run = blank_run_start (rich, call);
      if ((span->flags & RONEO_SPAN_NOTE_CALL) && run > 0 && run < call
          && !in_code (rich, run, call))
        {
          roneo_rich_text_replace (rich, run, call, NULL);
          return TRUE;
        }
    }
  return FALSE;
}

/* One call at a time: a deletion may drop a span and shift the array. */
static void
glue_note_calls (RoneoRichText *rich)
{
  while (glue_one_note_call (rich))
    ;
}

/* ---- quotes ---- */

static const char *
quote_mark (const TypoLang *lang, gboolean opening)
{
  switch (lang->family)
    {
    case FAMILY_FR:
      return opening ? "\u00AB" : "\u00BB";
    case FAMILY_EN:
      return opening ? "\u201C" : "\u201D";
    case FAMILY_DE:
      return opening ? "\u201E" : "\u201C";
    default:
      return NULL;
    }
}

/* Straight double quotes pair up by context: after a break or an opening
 * bracket a quote opens, after a word it closes. */
static void
rule_double_quotes (RoneoRichText *rich, const TypoLang *lang)
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
      gboolean opening = is_break (before) || is_opening (before) || before == 0x2013
                         || before == 0x2014;
      if (opening && is_break (after))
        opening = !open; /* a lone quote between spaces: alternate */
      open = opening;
      i = replace_if_needed (rich, i, i + 1, quote_mark (lang, opening));
    }
}

/* French guillemets take a narrow no-break space inside, whatever was typed. */
static gsize
step_guillemets (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gsize after = next_offset (rich, i);
  if (c == 0x00AB && !in_code (rich, i, after))
    {
      gsize end = blank_run_end (rich, after);
      if (is_break (char_at (rich, end)))
        return end > after ? end : after;
      return replace_if_needed (rich, after, end, NNBSP);
    }
  if (c == 0x00BB && !in_code (rich, i, after))
    {
      gsize start = blank_run_start (rich, i);
      if (start == 0 || is_break (char_before (rich, start)))
        return after;
      return replace_if_needed (rich, start, i, NNBSP) + (after - i);
    }
  return after;
}

/* ---- space before ; : ! ? ---- */

static gboolean
ends_clause (gunichar c)
{
  return is_break (c) || (c < 0x80 && strchr (".,;:!?)]}\"'", (int) c) && c != 0)
         || c == 0x00BB || c == 0x201D || c == 0x201C || c == 0x2019 || c == 0x2026;
}

/* What goes before mark in lang; NULL when the rule does not apply. */
static const char *
space_before_mark (const TypoLang *lang, gunichar mark)
{
  if (lang->family == FAMILY_EN || lang->family == FAMILY_DE)
    return "";
  if (lang->family != FAMILY_FR)
    return NULL;
  if (mark == ':')
    return NBSP;
  return lang->canada ? "" : NNBSP;
}

static gboolean
is_mark (gunichar c)
{
  return c == ';' || c == ':' || c == '!' || c == '?';
}

static gsize
step_punctuation (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar mark = char_at (rich, i);
  const char *space = is_mark (mark) ? space_before_mark (lang, mark) : NULL;
  if (space == NULL || !ends_clause (char_at (rich, i + 1)) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gsize start = blank_run_start (rich, i);
  gunichar before = char_before (rich, start);
  /* "?!" takes one space; "(?)" none; a line starting with ':' is not ours */
  if (start == 0 || is_break (before) || is_mark (before) || is_opening (before)
      || in_url (rich, prev_offset (rich, start)))
    return i + 1;
  /* "10:30" and "https:" are excluded above; "mot:" takes a space, "3:" does not */
  if (mark == ':' && start == i && !g_unichar_isalpha (before) && !ends_clause (before))
    return i + 1;
  return replace_if_needed (rich, start, i, space) + 1;
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

static gsize
step_dash (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gsize len = dash_length (rich, i);
  if (len == 0 || lang->family == FAMILY_OTHER)
    return next_offset (rich, i);
  gsize start = blank_run_start (rich, i);
  gsize end = blank_run_end (rich, i + len);
  gunichar before = char_before (rich, start);
  if (start == i || start == 0 || is_break (before) || is_opening (before) || end == i + len
      || !starts_word (char_at (rich, end)) || in_code (rich, start, end))
    return i + len;
  gboolean en_dash = char_at (rich, i) == 0x2013;
  if (lang->family == FAMILY_EN && !lang->british)
    return en_dash ? end : replace_if_needed (rich, start, end, "\u2014");
  const char *dash = char_at (rich, i) == 0x2014 ? NBSP "\u2014 " : NBSP "\u2013 ";
  return replace_if_needed (rich, start, end, dash);
}

/* ---- French ordinals: 1er, 2e, XIXe, 3ème ---- */

static const char *const ordinal_suffixes[][2] = {
  { "er", "er" },   { "ers", "ers" }, { "re", "re" },     { "res", "res" }, { "e", "e" },
  { "es", "es" },   { "ème", "e" },   { "èmes", "es" },   { "eme", "e" },   { "emes", "es" },
  { "è", "e" },     { "nd", "nd" },   { "nds", "nds" },   { "nde", "nde" }, { "ndes", "ndes" },
};

static const char *
ordinal_suffix (const char *suffix, gsize len)
{
  for (gsize k = 0; k < G_N_ELEMENTS (ordinal_suffixes); k++)
    if (strlen (ordinal_suffixes[k][0]) == len && memcmp (suffix, ordinal_suffixes[k][0], len) == 0)
      return ordinal_suffixes[k][1];
  return NULL;
}

/* A Roman number of a century or a king (I to XXXIX): no L, C, D, M, so that
 * "Le", "Ce", "De", "Me" never read as ordinals. */
static gboolean
is_roman (const char *s, gsize len)
{
  static const char *const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
  gsize tens = 0;
  while (tens < len && tens < 3 && s[tens] == 'X')
    tens++;
  for (gsize k = 0; k < G_N_ELEMENTS (units); k++)
    if (strlen (units[k]) == len - tens && memcmp (units[k], s + tens, len - tens) == 0)
      return len > 0;
  return FALSE;
}

static gsize
scan_number_or_roman (const RoneoRichText *rich, gsize i)
{
  const char *s = rich->text->str;
  gsize end = i;
  if (is_digit (s[i]))
    while (is_digit (s[end]))
      end++;
  else
    while (s[end] == 'I' || s[end] == 'V' || s[end] == 'X')
      end++;
  return (end > i && (is_digit (s[i]) || is_roman (s + i, end - i))) ? end : i;
}

static void
add_superscript (RoneoRichText *rich, gsize start, gsize end)
{
  RoneoSpan span = { (guint) start, (guint) end, RONEO_SPAN_SUPERSCRIPT, 0 };
  guint k = 0;
  while (k < rich->spans->len && g_array_index (rich->spans, RoneoSpan, k).start <= start)
    k++;
  g_array_insert_val (rich->spans, k, span);
}

static gsize
step_ordinal (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar before = char_before (rich, i);
  if (g_unichar_isalnum (before) || before == '.' || before == ',')
    return next_offset (rich, i);
  gsize number_end = scan_number_or_roman (rich, i);
  gsize end = number_end;
  while (end < rich->text->len && g_unichar_isalpha (char_at (rich, end)))
    end = next_offset (rich, end);
  const char *suffix = number_end > i ? ordinal_suffix (rich->text->str + number_end,
                                                         end - number_end)
                                      : NULL;
  if (suffix == NULL || is_digit (char_at (rich, end))
      || has_flags (rich, i, end, RONEO_SPAN_CODE | RONEO_SPAN_NOTE_CALL | RONEO_SPAN_SUPERSCRIPT))
    return end > i ? end : next_offset (rich, i);
  end = replace_if_needed (rich, number_end, end, suffix);
  add_superscript (rich, number_end, end);
  return end;
}

/* ---- numbers ---- */

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gsize
digits_end (const RoneoRichText *rich, gsize i)
{
  while (is_digit (rich->text->str[i]))
    i++;
  return i;
}

/* The end of a number typed in groups of three ("2 500 000") whose first
 * group ends at first_end. One separator throughout: "500 810\u202F000" is
 * 500 then 810 000, not one number. */
static gsize
grouped_end (const RoneoRichText *rich, gsize first_end, guint *groups)
{
  gsize end = first_end;
  gunichar separator = char_at (rich, end);
  *groups = 0;
  for (;;)
    {
      gunichar c = char_at (rich, end);
      gsize digits = next_offset (rich, end);
      if (!is_separator (c) || digits_end (rich, digits) != digits + 3)
        return end;
      if (c != separator)
        {
          *groups = 0;
          return first_end;
        }
      end = digits + 3;
      (*groups)++;
    }
}

/* Digits right after "123 ": the rest of a number, or a second number. */
static gboolean
continues_number (const RoneoRichText *rich, gsize i)
{
  gsize separator = prev_offset (rich, i);
  return i > 0 && is_separator (char_before (rich, i)) && separator > 0
         && is_digit (char_before (rich, separator));
}

/* A decimal part, a date, a time, a version: digits after ".,:/" and a digit. */
static gboolean
is_number_part (const RoneoRichText *rich, gsize i, gboolean after)
{
  gunichar c = after ? char_at (rich, i) : char_before (rich, i);
  gsize j = after ? i + 1 : (i >= 2 ? i - 2 : 0);
  return (c == '.' || c == ',' || c == ':' || c == '/') && (after || i >= 2)
         && is_digit (rich->text->str[j]);
}

static gboolean
preceded_by_word (const RoneoRichText *rich, gsize i, const char *const *words)
{
  gsize end = blank_run_start (rich, i);
  gsize start = end;
  while (start > 0 && !is_break (char_before (rich, start)))
    start = prev_offset (rich, start);
  if (end == i || start == end)
    return FALSE;
  for (gsize k = 0; words[k]; k++)
    if (strlen (words[k]) == end - start
        && g_ascii_strncasecmp (rich->text->str + start, words[k], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* Whether an unbroken run of digits at [i, end) should be grouped. */
static gboolean
wants_grouping (const RoneoRichText *rich, gsize i, gsize end)
{
  /* page numbers and identifiers are read digit by digit */
  static const char *const page_words[] = { "p.", "pp.", "page", "pages", "n°", "no", "no.",
                                            NULL };
  gsize len = end - i;
  const char *s = rich->text->str + i;
  if (len < 4 || s[0] == '0' || preceded_by_word (rich, i, page_words))
    return FALSE;
  if (len == 4)
    {
      guint64 value = g_ascii_strtoull (s, NULL, 10);
      return value < 1000 || value > 2100;
    }
  /* a postcode: "81000 Albi" */
  return !(len == 5 && is_blank (char_at (rich, end))
           && g_unichar_isupper (char_at (rich, next_offset (rich, end))));
}

static char *
group_digits (const char *s, gsize end_offset, gsize start)
{
  GString *digits = g_string_new (NULL);
  for (gsize k = start; k < end_offset; k++)
    if (is_digit (s[k]))
      g_string_append_c (digits, s[k]);
  GString *out = g_string_new (NULL);
  for (gsize k = 0; k < digits->len; k++)
    {
      if (k > 0 && (digits->len - k) % 3 == 0)
        g_string_append (out, NNBSP);
      g_string_append_c (out, digits->str[k]);
    }
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

static gsize
step_thousands (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar before = char_before (rich, i);
  if (!is_digit (char_at (rich, i)) || g_unichar_isalnum (before) || before == 0x00B0
      || before == '#' || is_number_part (rich, i, FALSE) || continues_number (rich, i))
    return next_offset (rich, i);
  gsize first_end = digits_end (rich, i);
  guint groups = 0;
  gsize end = first_end - i <= 3 ? grouped_end (rich, first_end, &groups) : first_end;
  gunichar after = char_at (rich, end);
  /* a decimal comma may follow ("2 500,50"), not a dot, a colon or a slash */
  if (g_unichar_isalnum (after) || (is_number_part (rich, end, TRUE) && after != ',')
      || in_url (rich, i)
      || has_flags (rich, i, end, RONEO_SPAN_CODE | RONEO_SPAN_NOTE_CALL)
      || (groups == 0 && !wants_grouping (rich, i, end)))
    return end;
  g_autofree char *grouped = group_digits (rich->text->str, end, i);
  return replace_if_needed (rich, i, end, grouped);
}

/* "n° 3", "p. 12", "art. 4": the abbreviation stays with its number. */
static gboolean
before_number_word (const RoneoRichText *rich, gsize space)
{
  static const char *const words[] = { "n°", "no", "no.", "nos", "p.", "pp.", "art.", "§",
                                       "vol.", "chap.", "fig.", "t.", "tome", "page", NULL };
  return preceded_by_word (rich, next_offset (rich, space), words);
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
  if (i == 0 || (flags & (RONEO_SPAN_NOTE_CALL | RONEO_SPAN_CODE)))
    return FALSE;
  return (is_digit (char_at (rich, last)) || (flags & RONEO_SPAN_SUPERSCRIPT))
         && !in_url (rich, last);
}

/* "10 h 30": the hour sign between two numbers. */
static gboolean
hour_between_numbers (const RoneoRichText *rich, gsize space)
{
  gsize h = prev_offset (rich, space);
  return space >= 3 && char_at (rich, h) == 'h' && is_blank (char_before (rich, h))
         && number_before (rich, prev_offset (rich, h));
}

static gsize
step_number_space (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gunichar after = char_at (rich, next_offset (rich, i));
  if ((c != ' ' && c != 0x00A0) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gboolean counted = number_before (rich, i)
                     && (g_unichar_isalpha (after) || is_unit_symbol (after));
  gboolean counting = is_digit (after) && (before_number_word (rich, i)
                                           || hour_between_numbers (rich, i));
  if (!counted && !counting)
    return next_offset (rich, i);
  return replace_if_needed (rich, i, next_offset (rich, i), NBSP);
}

/* "50%" -> "50 %", "20°C" -> "20 °C" (fr, de; English writes 50%). */
static gsize
step_symbol_space (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gunichar next = char_at (rich, next_offset (rich, i));
  gboolean symbol = c == '%' || c == 0x2030 || c == 0x20AC || c == '$' || c == 0x00A3
                    || (c == 0x00B0 && (next == 'C' || next == 'F'));
  if (!symbol || !number_before (rich, i) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  roneo_rich_text_replace (rich, i, i, NBSP);
  return next_offset (rich, i + strlen (NBSP));
}

/* ---- German abbreviations, French display short words ---- */

/* A letter alone and a dot at i ("z."). */
static gboolean
is_initial (const RoneoRichText *rich, gsize i)
{
  return g_unichar_isalpha (char_at (rich, i)) && char_at (rich, next_offset (rich, i)) == '.';
}

/* "z. B." and "z.B." -> "z.\u202FB.": one letter, a dot, one letter, a dot
 * (also in chains: "i. d. R."). */
static gsize
step_german_abbreviation (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  gsize dot = next_offset (rich, i);
  if (!is_initial (rich, i) || g_unichar_isalpha (char_before (rich, i)))
    return dot;
  gsize second = blank_run_end (rich, dot + 1);
  gsize second_dot = next_offset (rich, second);
  gboolean chain_ends = !g_unichar_isalpha (char_at (rich, second_dot + 1))
                        || is_initial (rich, second_dot + 1);
  if (!is_initial (rich, second) || !chain_ends || in_code (rich, i, second_dot))
    return dot;
  replace_if_needed (rich, dot + 1, second, NNBSP);
  return dot + 1;
}

static gboolean
is_short_word (const char *word, gsize len)
{
  static const char *const words[] = { "à", "de", "le", "la", "les", "un", "une", "et",
                                       "au", "aux", "du", "des", "en", NULL };
  g_autofree char *lower = g_utf8_strdown (word, len);
  return g_strv_contains (words, lower);
}

static gsize
step_short_word (RoneoRichText *rich, gsize i, const TypoLang *lang)
{
  if (char_at (rich, i) != ' ' || is_break (char_at (rich, i + 1)) || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gsize start = i;
  while (start > 0 && g_unichar_isalpha (char_before (rich, start)))
    start = prev_offset (rich, start);
  /* "d’une" counts, "parlez-en" does not */
  gunichar before = char_before (rich, start);
  if (start == i || !(is_break (before) || is_opening (before) || before == 0x2019)
      || !is_short_word (rich->text->str + start, i - start))
    return i + 1;
  return replace_if_needed (rich, i, i + 1, NBSP);
}

/* ---- languages ---- */

static gboolean
lang_has_primary (const char *lang, const char *primary)
{
  gsize n = strlen (primary);
  return lang != NULL && g_ascii_strncasecmp (lang, primary, n) == 0
         && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

static gboolean
lang_has_region (const char *lang, const char *region)
{
  const char *sep = lang ? strpbrk (lang, "-_") : NULL;
  return sep != NULL && g_ascii_strcasecmp (sep + 1, region) == 0;
}

static TypoLang
typo_lang (const char *lang, RoneoTypoRole role)
{
  TypoLang typo = { FAMILY_OTHER, FALSE, FALSE, role };
  if (lang_has_primary (lang, "fr"))
    typo.family = FAMILY_FR;
  else if (lang_has_primary (lang, "en"))
    typo.family = FAMILY_EN;
  else if (lang_has_primary (lang, "de"))
    typo.family = FAMILY_DE;
  typo.canada = typo.family == FAMILY_FR && lang_has_region (lang, "CA");
  typo.british = typo.family == FAMILY_EN
                 && (lang_has_region (lang, "GB") || lang_has_region (lang, "UK"));
  return typo;
}

gboolean
roneo_typo_knows_lang (const char *lang)
{
  return typo_lang (lang, RONEO_TYPO_BODY).family != FAMILY_OTHER;
}

static void
apply_numbers (RoneoRichText *rich, const TypoLang *typo)
{
  if (typo->family == FAMILY_FR)
    {
      run_rule (rich, typo, step_ordinal);
      run_rule (rich, typo, step_thousands);
    }
  if (typo->family == FAMILY_FR || typo->family == FAMILY_DE)
    run_rule (rich, typo, step_symbol_space);
  run_rule (rich, typo, step_number_space);
}

void
roneo_typo_apply (RoneoRichText *rich, const char *lang, RoneoTypoRole role)
{
  g_return_if_fail (rich != NULL);
  TypoLang typo = typo_lang (lang, role);
  glue_note_calls (rich);
  run_rule (rich, &typo, step_ellipsis);
  run_rule (rich, &typo, step_apostrophe);
  if (typo.family == FAMILY_OTHER)
    return;
  rule_double_quotes (rich, &typo);
  if (typo.family == FAMILY_FR)
    run_rule (rich, &typo, step_guillemets);
  run_rule (rich, &typo, step_dash);
  apply_numbers (rich, &typo);
  run_rule (rich, &typo, step_punctuation);
  if (typo.family == FAMILY_DE)
    run_rule (rich, &typo, step_german_abbreviation);
  if (typo.family == FAMILY_FR && role == RONEO_TYPO_DISPLAY)
    run_rule (rich, &typo, step_short_word);
}
