/* The phrase breaker: where a slogan's lines end, one character standing
 * for one unit of width so the cases read like the examples. */
#include "roneo-phrase.h"

static void
assert_broken (const char *lang, const char *text, guint lines, double limit, const char *expected)
{
  g_autofree char *got = roneo_phrase_break_to_string (text, lang, lines, limit);
  g_assert_cmpstr (got, ==, expected);
}

/* After the comma, before the contrast: not "DES GUICHETS, PAS / DES SERVEURS !". */
static void
test_after_punctuation (void)
{
  assert_broken ("fr", "DES GUICHETS, PAS DES SERVEURS\u202f!", 2, 20,
                 "DES GUICHETS, / PAS DES SERVEURS\u202f!");
  assert_broken ("fr", "UN MÉDECIN, PAS UNE APPLI", 2, 14, "UN MÉDECIN, / PAS UNE APPLI");
  assert_broken ("fr", "Le numérique, ce n’est plus du service public", 3, 20,
                 "Le numérique, / ce n’est plus / du service public");
}

/* "PAS" alone on a line, a line ending on "UNE": no three-line set is allowed. */
static void
test_stranded_short_word (void)
{
  assert_broken ("fr", "UN MÉDECIN, PAS UNE APPLI", 3, 14, NULL);
  /* nor a short last word alone, while one with its punctuation may end the slogan */
  assert_broken ("fr", "Sauvons la ligne 14", 3, 9, NULL);
  assert_broken ("fr", "Sauvons la ligne 14", 2, 12, "Sauvons / la ligne 14");
  assert_broken ("fr", "Privatisation\u00a0? Non\u00a0!", 2, 16,
                 "Privatisation\u00a0? / Non\u00a0!");
}

/* The negation stays whole and may end a line; "NE" never ends one. */
static void
test_negation (void)
{
  assert_broken ("fr", "NOS DONNÉES NE SONT PAS À VENDRE", 3, 12,
                 "NOS DONNÉES / NE SONT PAS / À VENDRE");
  assert_broken ("fr", "L'HÔPITAL N'EST PAS UNE ENTREPRISE", 2, 20,
                 "L'HÔPITAL N'EST PAS / UNE ENTREPRISE");
  assert_broken ("fr", "CE N'EST PLUS DU SERVICE PUBLIC", 2, 18,
                 "CE N'EST PLUS / DU SERVICE PUBLIC");
  assert_broken ("fr", "CE N'EST PLUS", 2, 8, NULL);
}

/* A short word ends no line unless punctuation follows: not "DES GUICHETS,
 * PAS / DES SERVEURS", even when that would balance better. */
static void
test_short_end (void)
{
  assert_broken ("fr", "DES GUICHETS, PAS DES SERVEURS", 2, 18, "DES GUICHETS, / PAS DES SERVEURS");
  assert_broken ("fr", "NOUS LUTTONS CAR C'EST JUSTE", 2, 18, "NOUS LUTTONS / CAR C'EST JUSTE");
  assert_broken ("en", "HEALTH CARE IS NOT FOR SALE", 2, 18, "HEALTH CARE / IS NOT FOR SALE");
}

/* A hyphenated town name is one word; "À" does not end a line. */
static void
test_proper_name (void)
{
  assert_broken ("fr", "RASSEMBLEMENT À L'ISLE-JOURDAIN", 2, 24,
                 "RASSEMBLEMENT / À L'ISLE-JOURDAIN");
  assert_broken ("fr", "L'ISLE-JOURDAIN", 2, 10, NULL);
}

static void
test_fixed_pair (void)
{
  assert_broken ("fr", "ON LUTTE PARCE QUE C'EST JUSTE", 2, 22, "ON LUTTE / PARCE QUE C'EST JUSTE");
  assert_broken ("fr", "ENSEMBLE AINSI QUE VOUS", 2, 15, "ENSEMBLE / AINSI QUE VOUS");
}

static void
test_english (void)
{
  assert_broken ("en", "HEALTH CARE IS NOT FOR SALE", 2, 16, "HEALTH CARE / IS NOT FOR SALE");
  assert_broken ("en", "JOBS, NOT BOMBS", 2, 12, "JOBS, / NOT BOMBS");
  assert_broken ("en", "JOBS, NOT BOMBS FOR THE RICH", 2, 20, "JOBS, NOT BOMBS / FOR THE RICH");
}

static void
test_german (void)
{
  assert_broken ("de", "MIETEN RUNTER, LÖHNE RAUF", 2, 16, "MIETEN RUNTER, / LÖHNE RAUF");
  assert_broken ("de", "WOHNEN FÜR DIE MENSCHEN STATT FÜR DIE RENDITE", 2, 30,
                 "WOHNEN FÜR DIE MENSCHEN / STATT FÜR DIE RENDITE");
}

/* A forced break is always taken, and counts as a line. */
static void
test_forced (void)
{
  assert_broken ("fr", "LOGEMENT DIGNE\u2028POUR TOUTES ET TOUS", 2, 40,
                 "LOGEMENT DIGNE / POUR TOUTES ET TOUS");
  assert_broken ("fr", "LOGEMENT DIGNE\u2028POUR TOUTES ET TOUS", 1, 40, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phrase/after-punctuation", test_after_punctuation);
  g_test_add_func ("/phrase/stranded-short-word", test_stranded_short_word);
  g_test_add_func ("/phrase/negation", test_negation);
  g_test_add_func ("/phrase/short-end", test_short_end);
  g_test_add_func ("/phrase/proper-name", test_proper_name);
  g_test_add_func ("/phrase/fixed-pair", test_fixed_pair);
  g_test_add_func ("/phrase/english", test_english);
  g_test_add_func ("/phrase/german", test_german);
  g_test_add_func ("/phrase/forced", test_forced);
  return g_test_run ();
}
