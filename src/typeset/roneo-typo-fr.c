/* roneo-typo-fr.c: the typography rules only French has.
 *
 * Guillemets with a narrow no-break space inside; ordinals (1er, 2e, XIXe,
 * 3ème -> 3e, 1ER -> 1er) and the o of "n°" set as superscripts; digit
 * grouping; and for display text (headlines, slogans) the short words bound
 * to the next one.
 *
 * In running text a superscript is a span over plain letters, raised and
 * scaled when set: the body faces draw it well and the PDF text layer reads
 * "1er", "no 3" as a reader types them. In display text (headlines,
 * slogans) it is Unicode modifier letters (1ᵉʳ, nᵒ), sitting on the
 * baseline: a run raised by a third of a 100 pt capital line on tight
 * leading is read by PDF text extraction (poppler) as a line of its own
 * ("RASSEMBLEMENT / er / LE 1 MARS"). League Spartan and Bebas Neue have no
 * modifier letters; Noto Sans, the fonts.conf fallback, draws them at the
 * height of a superior letter. Uppercasing runs after these rules and
 * changes neither form: "LE 1ᵉʳ MARS".
 *
 * Thousands, a heuristic kept simple on purpose: a digit group typed with
 * spaces ("2 500 000", first group of 1 to 3 digits, then groups of exactly
 * 3) is regrouped with U+202F; an unbroken run is grouped when it has 5 or
 * more digits (four stay whole, as French typography allows: "Rodez 2501"
 * is a postcode, "2026" a year). Never a batch field's value (it is data,
 * set as the CSV or --field gave it), never a run starting with 0
 * (phone numbers, codes), a 5-digit run followed by a capitalised word (a
 * postcode: "81000 Albi"), a run after "p." or "page", a decimal part, a
 * date, a time or anything glued to letters, nor digits right after "123 " (a
 * second number: "en 2019 25000" stays). English and German numbers are left
 * alone (US ZIP codes and years make "2,500,000" ambiguous).
 */
#include "roneo-typo-private.h"

#include <string.h>

/* ---- guillemets ---- */

/* French guillemets take a narrow no-break space inside, whatever was typed. */
gsize
roneo_typo_step_guillemets (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gsize after = next_offset (rich, i);
  if (c == 0x00AB && !in_code (rich, i, after))
    {
      gsize end = roneo_typo_blank_run_end (rich, after);
      if (is_break (char_at (rich, end)))
        return end > after ? end : after;
      return roneo_typo_replace (rich, after, end, RONEO_NNBSP);
    }
  if (c == 0x00BB && !in_code (rich, i, after))
    {
      gsize start = roneo_typo_blank_run_start (rich, i);
      if (start == 0 || is_break (char_before (rich, start)))
        return after;
      return roneo_typo_replace (rich, start, i, RONEO_NNBSP) + (after - i);
    }
  return after;
}

/* ---- French ordinals: 1er, 2e, XIXe, 3ème ---- */

static const char *const ordinal_suffixes[][2] = {
  { "er", "er" }, { "ers", "ers" }, { "re", "re" },   { "res", "res" }, { "e", "e" },
  { "es", "es" }, { "ème", "e" },   { "èmes", "es" }, { "eme", "e" },   { "emes", "es" },
  { "è", "e" },   { "nd", "nd" },   { "nds", "nds" }, { "nde", "nde" }, { "ndes", "ndes" },
};

/* The suffix to set for the one typed at suffix, or NULL. After digits a
 * suffix typed in capitals ("LE 1ER MARS") is an ordinal too and is set in
 * lower case, as it would be in a headline set in capitals; after a Roman
 * number it is not ("VIE", "XIE" are words). */
static const char *
ordinal_suffix (const char *suffix, gsize len, gboolean after_digits)
{
  g_autofree char *lower = after_digits ? g_utf8_strdown (suffix, len) : g_strndup (suffix, len);
  gsize lower_len = strlen (lower);
  for (gsize k = 0; k < G_N_ELEMENTS (ordinal_suffixes); k++)
    if (strlen (ordinal_suffixes[k][0]) == lower_len
        && memcmp (lower, ordinal_suffixes[k][0], lower_len) == 0)
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

/* The modifier letters of an ordinal suffix or of the o of nᵒ (every
 * letter of them is one of these). */
static char *
raised_letters (const char *letters)
{
  static const char *const raised[][2]
      = { { "e", "\u1D49" }, { "r", "\u02B3" }, { "s", "\u02E2" },
          { "n", "\u207F" }, { "d", "\u1D48" }, { "o", "\u1D52" } };
  GString *out = g_string_new (NULL);
  for (const char *p = letters; *p != '\0'; p++)
    for (gsize k = 0; k < G_N_ELEMENTS (raised); k++)
      if (*p == raised[k][0][0])
        g_string_append (out, raised[k][1]);
  return g_string_free (out, FALSE);
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

/* Sets [start, end) as the raised letters (plain ASCII) in the form of the
 * role (see above); returns the offset past them. */
static gsize
set_superscript (RoneoRichText *rich, gsize start, gsize end, const char *letters,
                 const RoneoTypoLang *lang)
{
  if (lang->role == RONEO_TYPO_DISPLAY)
    {
      g_autofree char *raised = raised_letters (letters);
      return roneo_typo_replace (rich, start, end, raised);
    }
  end = roneo_typo_replace (rich, start, end, letters);
  add_superscript (rich, start, end);
  return end;
}

gsize
roneo_typo_step_ordinal (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar before = char_before (rich, i);
  if (g_unichar_isalnum (before) || before == '.' || before == ',')
    return next_offset (rich, i);
  gsize number_end = scan_number_or_roman (rich, i);
  gsize end = number_end;
  while (end < rich->text->len && g_unichar_isalpha (char_at (rich, end)))
    end = next_offset (rich, end);
  const char *suffix = number_end > i
                           ? ordinal_suffix (rich->text->str + number_end, end - number_end,
                                             is_digit (char_at (rich, i)))
                           : NULL;
  if (suffix == NULL || is_digit (char_at (rich, end))
      || roneo_typo_has_flags (rich, i, end,
                               RONEO_SPAN_AS_TYPED | RONEO_SPAN_NOTE_CALL | RONEO_SPAN_SUPERSCRIPT))
    return end > i ? end : next_offset (rich, i);
  return set_superscript (rich, number_end, end, suffix, lang);
}

/* ---- n° ---- */

static gboolean
is_numero_sign (gunichar c)
{
  return c == 0x00B0 || c == 0x00BA; /* degree sign, masculine ordinal indicator */
}

/* TRUE when the blanks at i are followed by a digit. */
static gboolean
number_follows (const RoneoRichText *rich, gsize i)
{
  gsize end = roneo_typo_blank_run_end (rich, i);
  return end > i && is_digit (char_at (rich, end));
}

/* "n° 3", "N°3", "nº 3", "No 3" -> n + a superscript o (nᵒ 3, Nᵒ 3): the degree
 * sign is a typewriter's stand-in for the raised o. "No" and "no" are the
 * abbreviation only before a number ("nos" never: it is also "our"). */
gsize
roneo_typo_step_numero (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  gunichar c = char_at (rich, i);
  gsize sign = next_offset (rich, i);
  gunichar before = char_before (rich, i);
  if ((c != 'n' && c != 'N') || g_unichar_isalnum (before) || before == '.'
      || roneo_typo_has_flags (rich, i, sign + 1,
                               RONEO_SPAN_AS_TYPED | RONEO_SPAN_SUPERSCRIPT | RONEO_SPAN_FIELD)
      || roneo_typo_in_url (rich, i))
    return sign;
  gunichar mark = char_at (rich, sign);
  gsize end = next_offset (rich, sign);
  gboolean typed_sign = is_numero_sign (mark);
  if (!typed_sign && !(mark == 'o' && number_follows (rich, end)))
    return sign;
  /* "n°s" (plural) and "nom" are left as typed */
  if (g_unichar_isalpha (char_at (rich, end)))
    return end;
  return set_superscript (rich, sign, end, "o", lang);
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

/* Whether an unbroken run of digits at [i, end) should be grouped. */
static gboolean
wants_grouping (const RoneoRichText *rich, gsize i, gsize end)
{
  /* page numbers and identifiers are read digit by digit */
  static const char *const page_words[]
      = { "p.", "pp.", "page", "pages", "n°", "no", "no.", "n\u1D52", NULL };
  gsize len = end - i;
  const char *s = rich->text->str + i;
  /* four digits are left whole, as French typography allows: a postcode
   * ("Rodez 2501"), a year or a street number far more often than an amount */
  if (len < 5 || s[0] == '0' || roneo_typo_preceded_by_word (rich, i, page_words))
    return FALSE;
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
        g_string_append (out, RONEO_NNBSP);
      g_string_append_c (out, digits->str[k]);
    }
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

gsize
roneo_typo_step_thousands (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
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
      || roneo_typo_in_url (rich, i)
      || roneo_typo_has_flags (rich, i, end,
                               RONEO_SPAN_AS_TYPED | RONEO_SPAN_NOTE_CALL | RONEO_SPAN_FIELD)
      || (groups == 0 && !wants_grouping (rich, i, end)))
    return end;
  g_autofree char *grouped = group_digits (rich->text->str, end, i);
  return roneo_typo_replace (rich, i, end, grouped);
}

/* ---- display: short words ---- */

static gboolean
is_short_word (const char *word, gsize len)
{
  static const char *const words[]
      = { "à", "de", "le", "la", "les", "un", "une", "et", "au", "aux", "du", "des", "en", NULL };
  g_autofree char *lower = g_utf8_strdown (word, len);
  return g_strv_contains (words, lower);
}

gsize
roneo_typo_step_short_word (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
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
  return roneo_typo_replace (rich, i, i + 1, RONEO_NBSP);
}
