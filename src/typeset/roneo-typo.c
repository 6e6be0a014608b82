/* roneo-typo.c: TYPOGRAPHY.md's rules for fr, fr-CA, en, en-GB and de.
 *
 * Each rule is one pass over the text: a step looks at the character at a
 * byte offset, rewrites around it through roneo_rich_text_replace() (so spans
 * follow) and says where to go on. Every rule recognises its own output, which
 * makes the whole idempotent. Rules only touch spaces, quotes, dashes, dots
 * and apostrophes (plus "ème" -> "e" and "1ER" -> "1er" in ordinals, and the
 * ° of "n°" -> a raised o): the words stay searchable.
 *
 * This file picks the rules of a language and runs them in order, and holds
 * the universal ones every language gets; the rules of several languages are
 * in roneo-typo-common.c, the French-only ones in roneo-typo-fr.c.
 */
#include "roneo-typo-private.h"

#include "roneo-lang.h"

#include <string.h>

/* ---- universal: ellipsis, apostrophe, note calls ---- */

static gsize
step_ellipsis (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  const char *s = rich->text->str;
  /* exactly three dots: longer runs are leaders someone typed on purpose */
  if (strncmp (s + i, "...", 3) != 0 || (i > 0 && s[i - 1] == '.') || s[i + 3] == '.'
      || in_code (rich, i, i + 3))
    return next_offset (rich, i);
  return roneo_typo_replace (rich, i, i + 3, "\u2026");
}

static gsize
step_apostrophe (RoneoRichText *rich, gsize i, const RoneoTypoLang *lang)
{
  if (char_at (rich, i) != '\'' || in_code (rich, i, i + 1))
    return next_offset (rich, i);
  gunichar before = char_before (rich, i);
  gunichar after = char_at (rich, i + 1);
  if (lang->family == RONEO_TYPO_FAMILY_EN && (is_break (before) || is_opening (before))
      && g_unichar_isalnum (after))
    return roneo_typo_replace (rich, i, i + 1, "\u2018");
  if (lang->family == RONEO_TYPO_FAMILY_EN || g_unichar_isalnum (before))
    return roneo_typo_replace (rich, i, i + 1, "\u2019");
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
      gsize run = roneo_typo_blank_run_start (rich, call);
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

/* ---- languages ---- */

/* The rules of a known language (roneo-lang.c); any other gets only the
 * universal ones. */
static RoneoTypoLang
typo_lang (const char *lang, RoneoTypoRole role)
{
  RoneoTypoLang typo = { RONEO_TYPO_FAMILY_OTHER, FALSE, FALSE, role };
  const RoneoLang *known = roneo_lang_lookup (lang);
  if (known == NULL)
    return typo;
  if (g_str_equal (known->primary, "fr"))
    typo.family = RONEO_TYPO_FAMILY_FR;
  else if (g_str_equal (known->primary, "en"))
    typo.family = RONEO_TYPO_FAMILY_EN;
  else if (g_str_equal (known->primary, "de"))
    typo.family = RONEO_TYPO_FAMILY_DE;
  typo.canada = typo.family == RONEO_TYPO_FAMILY_FR && g_strcmp0 (known->region, "CA") == 0;
  typo.british = typo.family == RONEO_TYPO_FAMILY_EN && g_strcmp0 (known->region, "GB") == 0;
  return typo;
}

gboolean
roneo_typo_knows_lang (const char *lang)
{
  return typo_lang (lang, RONEO_TYPO_BODY).family != RONEO_TYPO_FAMILY_OTHER;
}

static void
apply_numbers (RoneoRichText *rich, const RoneoTypoLang *typo)
{
  roneo_typo_run_rule (rich, typo, roneo_typo_step_phone);
  if (typo->family == RONEO_TYPO_FAMILY_FR)
    {
      roneo_typo_run_rule (rich, typo, roneo_typo_step_ordinal);
      roneo_typo_run_rule (rich, typo, roneo_typo_step_numero);
      roneo_typo_run_rule (rich, typo, roneo_typo_step_thousands);
    }
  if (typo->family == RONEO_TYPO_FAMILY_FR || typo->family == RONEO_TYPO_FAMILY_DE)
    roneo_typo_run_rule (rich, typo, roneo_typo_step_symbol_space);
  roneo_typo_run_rule (rich, typo, roneo_typo_step_number_space);
}

void
roneo_typo_apply (RoneoRichText *rich, const char *lang, RoneoTypoRole role)
{
  g_return_if_fail (rich != NULL);
  RoneoTypoLang typo = typo_lang (lang, role);
  glue_note_calls (rich);
  roneo_typo_run_rule (rich, &typo, step_ellipsis);
  roneo_typo_run_rule (rich, &typo, step_apostrophe);
  if (typo.family == RONEO_TYPO_FAMILY_OTHER)
    return;
  roneo_typo_double_quotes (rich, &typo);
  if (typo.family == RONEO_TYPO_FAMILY_FR)
    roneo_typo_run_rule (rich, &typo, roneo_typo_step_guillemets);
  roneo_typo_run_rule (rich, &typo, roneo_typo_step_dash);
  apply_numbers (rich, &typo);
  roneo_typo_run_rule (rich, &typo, roneo_typo_step_punctuation);
  if (typo.family == RONEO_TYPO_FAMILY_DE)
    roneo_typo_run_rule (rich, &typo, roneo_typo_step_german_abbreviation);
  if (typo.family == RONEO_TYPO_FAMILY_FR && role == RONEO_TYPO_DISPLAY)
    roneo_typo_run_rule (rich, &typo, roneo_typo_step_short_word);
}
