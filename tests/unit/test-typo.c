/* test-typo.c: TYPOGRAPHY.md, one test per row of the French table, then
 * fr-CA, en, de, and properties over the corpus (idempotent, no letter lost). */
#include "roneo-typo.h"

#include <string.h>

#define NBSP "\u00A0"
#define NNBSP "\u202F"

static char *
typo (const char *lang, RoneoTypoRole role, const char *input)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (input);
  roneo_typo_apply (rich, lang, role);
  /* every case doubles as an idempotence check */
  g_autoptr (RoneoRichText) again = roneo_rich_text_copy (rich);
  roneo_typo_apply (again, lang, role);
  g_assert_cmpstr (again->text->str, ==, rich->text->str);
  g_assert_cmpuint (again->spans->len, ==, rich->spans->len);
  return g_strdup (rich->text->str);
}

static void
check_role (const char *lang, RoneoTypoRole role, const char *input, const char *expected)
{
  g_autofree char *got = typo (lang, role, input);
  g_assert_cmpstr (got, ==, expected);
}

static void
check (const char *lang, const char *input, const char *expected)
{
  check_role (lang, RONEO_TYPO_BODY, input, expected);
}

static const char *
span_text (const RoneoRichText *rich, guint index, char **out)
{
  const RoneoSpan *span = &g_array_index (rich->spans, RoneoSpan, index);
  *out = g_strndup (rich->text->str + span->start, span->end - span->start);
  return *out;
}

/* ---- French, row by row ---- */

static void
test_fr_narrow_space_before_punctuation (void)
{
  check ("fr", "mot ; mot! mot ?", "mot" NNBSP "; mot" NNBSP "! mot" NNBSP "?");
  check ("fr", "mot" NBSP "?", "mot" NNBSP "?");
  check ("fr", "Quoi ?! Vraiment?!", "Quoi" NNBSP "?! Vraiment" NNBSP "?!");
  check ("fr", "un doute (?) ici", "un doute (?) ici");
  check ("fr", "voir https://exemple.org/page?id=3 ou www.site.fr/?x=1!",
         "voir https://exemple.org/page?id=3 ou www.site.fr/?x=1!");
  check ("fr-FR", "Des guichets, pas des serveurs !", "Des guichets, pas des serveurs" NNBSP "!");
}

static void
test_fr_space_before_colon (void)
{
  check ("fr", "Nous demandons :", "Nous demandons" NBSP ":");
  check ("fr", "ouvert d'office: ordonnances", "ouvert d\u2019office" NBSP ": ordonnances");
  check ("fr", "rendez-vous à 10:30, ici", "rendez-vous à 10:30, ici");
  check ("fr", "voir https://exemple.org", "voir https://exemple.org");
  check ("fr", "Article 3 : texte", "Article 3" NBSP ": texte");
}

static void
test_fr_guillemets (void)
{
  check ("fr", "du « Ségur de la santé ».", "du «" NNBSP "Ségur de la santé" NNBSP "».");
  check ("fr", "du \"Ségur de la santé\".", "du «" NNBSP "Ségur de la santé" NNBSP "».");
  check ("fr", "du «Ségur»", "du «" NNBSP "Ségur" NNBSP "»");
  check ("fr", "\"un\" et \"deux\"", "«" NNBSP "un" NNBSP "» et «" NNBSP "deux" NNBSP "»");
}

static void
test_fr_apostrophe (void)
{
  check ("fr", "l'hôpital, aujourd'hui", "l\u2019hôpital, aujourd\u2019hui");
}

static void
test_fr_ellipsis (void)
{
  check ("fr", "applications... Mais", "applications\u2026 Mais");
  check ("fr", "points .... de suite", "points .... de suite");
}

static void
test_fr_dash (void)
{
  check ("fr", "deux emplois - et le reste", "deux emplois" NBSP "\u2013 et le reste");
  check ("fr", "deux emplois -- et le reste", "deux emplois" NBSP "\u2013 et le reste");
  check ("fr", "deux emplois \u2013 et le reste", "deux emplois" NBSP "\u2013 et le reste");
  check ("fr", "une start-up, de -5 à 5", "une start-up, de -5 à 5");
}

static void
test_fr_number_and_word (void)
{
  check ("fr", "2 milliards", "2" NBSP "milliards");
  check ("fr", "45 km", "45" NBSP "km");
  check ("fr", "de 17 h à 19 h", "de 17" NBSP "h à 19" NBSP "h");
  check ("fr", "10 h 30", "10" NBSP "h" NBSP "30");
  check ("fr", "le 14 mars", "le 14" NBSP "mars");
  check ("fr", "le n° 3, p. 12", "le no" NBSP "3, p." NBSP "12");
  check ("fr", "six mois ou 6 mois", "six mois ou 6" NBSP "mois");
}

static void
test_fr_thousands (void)
{
  check ("fr", "2500000 euros", "2" NNBSP "500" NNBSP "000" NBSP "euros");
  check ("fr", "2 500 000 euros", "2" NNBSP "500" NNBSP "000" NBSP "euros");
  check ("fr", "12345 et 25000,50", "12" NNBSP "345 et 25" NNBSP "000,50");
  /* four digits stay whole: postcodes, years, street numbers */
  check ("fr", "2500,50 et 9999", "2500,50 et 9999");
  check ("fr", "Rodez 2501 et 2501 habitants", "Rodez 2501 et 2501" NBSP "habitants");
  check ("fr", "3 000", "3" NNBSP "000");
  /* years, postcodes, page numbers, phone numbers, decimals are left alone */
  check ("fr", "en 1789 et en 2020", "en 1789 et en 2020");
  check ("fr", "12 rue des Lilas, 81000 Albi", "12" NBSP "rue des Lilas, 81000" NBSP "Albi");
  check ("fr", "p. 12345", "p." NBSP "12345");
  check ("fr", "au 0563123456", "au 0563123456");
  check ("fr", "pi vaut 3,14159", "pi vaut 3,14159");
  check ("fr", "le 14/07/1789", "le 14/07/1789");
}

/* A batch field's value is data, set as the CSV gave it: never regrouped. */
static void
test_fr_field_not_grouped (void)
{
  const char *typed = "Commune 25000 : 25000 habitants";
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (typed);
  RoneoSpan field = { 0, strlen ("Commune 25000"), RONEO_SPAN_FIELD, 0 };
  g_array_append_val (rich->spans, field);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_assert_cmpstr (rich->text->str, ==, "Commune 25000" NBSP ": 25" NNBSP "000" NBSP "habitants");
  g_autofree char *text = NULL;
  g_assert_cmpstr (span_text (rich, 0, &text), ==, "Commune 25000");
}

static void
test_fr_units (void)
{
  check ("fr", "50 % et 3 €", "50" NBSP "% et 3" NBSP "€");
  check ("fr", "50% et 3€ et 20°C", "50" NBSP "% et 3" NBSP "€ et 20" NBSP "°C");
  check ("fr", "5 ‰", "5" NBSP "‰");
}

static void
check_ordinal (const char *input, const char *expected, const char *suffix)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (input);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_assert_cmpstr (rich->text->str, ==, expected);
  g_assert_cmpuint (rich->spans->len, ==, 1);
  g_autofree char *text = NULL;
  g_assert_cmpstr (span_text (rich, 0, &text), ==, suffix);
  g_assert_cmpuint (g_array_index (rich->spans, RoneoSpan, 0).flags, ==, RONEO_SPAN_SUPERSCRIPT);
}

static void
test_fr_ordinals (void)
{
  check_ordinal ("le 1er", "le 1er", "er");
  check_ordinal ("la 1re", "la 1re", "re");
  check_ordinal ("au 2e", "au 2e", "e");
  check_ordinal ("le 2nd", "le 2nd", "nd");
  check_ordinal ("le XIXe", "le XIXe", "e");
  check_ordinal ("le 3ème", "le 3e", "e");
  check_ordinal ("le 3eme", "le 3e", "e");
  check_ordinal ("François Ier", "François Ier", "er");
  check ("fr", "le 1er mars", "le 1er" NBSP "mars");
  g_autoptr (RoneoRichText) words = roneo_rich_text_new ("Le Ce De Me Vive 3e5 A2e");
  roneo_typo_apply (words, "fr", RONEO_TYPO_BODY);
  g_assert_cmpuint (words->spans->len, ==, 0);
}

/* Typed in capitals after digits, a suffix is an ordinal too, set small. */
static void
test_fr_ordinals_typed_in_capitals (void)
{
  check_ordinal ("LE 1ER", "LE 1er", "er");
  check_ordinal ("LA 1RE", "LA 1re", "re");
  check_ordinal ("2E TOUR", "2e" NBSP "TOUR", "e");
  check_ordinal ("LE 3ÈME", "LE 3e", "e");
  check_ordinal ("le XXe siècle", "le XXe" NBSP "siècle", "e");
  /* after a Roman number capitals are words: VIE, XIE... */
  g_autoptr (RoneoRichText) words = roneo_rich_text_new ("LA VIE, LE XIE, VIVE LA 1A");
  roneo_typo_apply (words, "fr", RONEO_TYPO_DISPLAY);
  g_assert_cmpuint (words->spans->len, ==, 0);
}

/* Uppercasing runs after the rules and leaves the superscripts small: spans
 * in running text, modifier letters in display text. */
static void
test_fr_uppercase_keeps_ordinals (void)
{
  g_autoptr (RoneoRichText) body = roneo_rich_text_new ("le 1er mars, n° 3");
  roneo_typo_apply (body, "fr", RONEO_TYPO_BODY);
  roneo_rich_text_uppercase (body, "fr");
  g_assert_cmpstr (body->text->str, ==, "LE 1er" NBSP "MARS, No" NBSP "3");
  g_autofree char *ordinal = NULL, *numero = NULL;
  g_assert_cmpuint (body->spans->len, ==, 2);
  g_assert_cmpstr (span_text (body, 0, &ordinal), ==, "er");
  g_assert_cmpstr (span_text (body, 1, &numero), ==, "o");
  g_autoptr (RoneoRichText) headline
      = roneo_rich_text_new ("Rassemblement le 1er mars, la 1re fois, le 2nd tour, XXe, n° 3");
  roneo_typo_apply (headline, "fr", RONEO_TYPO_DISPLAY);
  roneo_rich_text_uppercase (headline, "fr");
  g_assert_cmpstr (headline->text->str, ==,
                   "RASSEMBLEMENT LE" NBSP "1\u1D49\u02B3" NBSP "MARS, LA" NBSP "1\u02B3\u1D49" NBSP
                   "FOIS, LE" NBSP "2\u207F\u1D48" NBSP "TOUR, XX\u1D49, N\u1D52" NBSP "3");
  g_assert_cmpuint (headline->spans->len, ==, 0);
  /* typed in capitals, and set again: the same */
  check_role ("fr", RONEO_TYPO_DISPLAY, "LE 1ER MARS", "LE" NBSP "1\u1D49\u02B3" NBSP "MARS");
  check_role ("fr", RONEO_TYPO_DISPLAY, "LE 1\u1D49\u02B3 MARS",
              "LE" NBSP "1\u1D49\u02B3" NBSP "MARS");
}

static void
check_numero (const char *input, const char *expected)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (input);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_assert_cmpstr (rich->text->str, ==, expected);
  g_assert_cmpuint (rich->spans->len, ==, 1);
  g_autofree char *text = NULL;
  g_assert_cmpstr (span_text (rich, 0, &text), ==, "o");
  g_assert_cmpuint (g_array_index (rich->spans, RoneoSpan, 0).flags, ==, RONEO_SPAN_SUPERSCRIPT);
}

static void
test_fr_numero (void)
{
  check_numero ("le n° 3", "le no" NBSP "3");
  check_numero ("N° 12", "No" NBSP "12");
  check_numero ("le nº 4", "le no" NBSP "4");
  check_numero ("au n°3", "au no3");
  check_numero ("No 5 de la rue", "No" NBSP "5 de la rue");
  check_numero ("le no 7", "le no" NBSP "7");
  check_numero ("(n° 8)", "(no" NBSP "8)");
  /* "nos" is "our"; "No" before a word, "n°s", "non" are left as typed */
  static const char *const words[]
      = { "nos 3 enfants", "No comment", "les n°s 3 et 4", "non 3 fois", "un no-go", "Bruno 3" };
  for (gsize k = 0; k < G_N_ELEMENTS (words); k++)
    {
      g_autoptr (RoneoRichText) rich = roneo_rich_text_new (words[k]);
      roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
      g_assert_cmpuint (rich->spans->len, ==, 0);
    }
  /* not in English, where "No. 5" is the abbreviation */
  g_autoptr (RoneoRichText) english = roneo_rich_text_new ("No 5");
  roneo_typo_apply (english, "en", RONEO_TYPO_BODY);
  g_assert_cmpuint (english->spans->len, ==, 0);
}

/* A number binds to what it counts, not to the verb or the conjunction
 * after it. */
static void
test_fr_number_binds_to_what_it_counts (void)
{
  check ("fr", "5 kg, 10 min, 18 h et 3 personnes",
         "5" NBSP "kg, 10" NBSP "min, 18" NBSP "h et 3" NBSP "personnes");
  check ("fr", "le 12 avril et le 1er mai", "le 12" NBSP "avril et le 1er" NBSP "mai");
  check ("fr", "3 € et 20 euros", "3" NBSP "€ et 20" NBSP "euros");
  check ("fr", "Sur 20, 12 est pris et 8 sont libres", "Sur 20, 12 est pris et 8 sont libres");
  check ("fr", "1 200 ont signé en 2026 pour 3 ans",
         "1" NNBSP "200 ont signé en 2026 pour 3" NBSP "ans");
  check ("fr", "DE 12 À 14 H", "DE 12 À 14" NBSP "H");
  check ("en", "12 is more than 3 jobs", "12 is more than 3" NBSP "jobs");
  check ("de", "12 ist mehr als 3 Jobs", "12 ist mehr als 3" NBSP "Jobs");
}

/* French phone numbers: groups of two, never broken across lines. */
static void
test_phone_numbers (void)
{
  check ("fr", "appelez le 06 12 34 56 78.",
         "appelez le 06" NNBSP "12" NNBSP "34" NNBSP "56" NNBSP "78.");
  check ("fr", "+33 6 12 34 56 78", "+33" NNBSP "6" NNBSP "12" NNBSP "34" NNBSP "56" NNBSP "78");
  check ("fr", "+33 (0)6 12 34 56 78",
         "+33" NNBSP "(0)6" NNBSP "12" NNBSP "34" NNBSP "56" NNBSP "78");
  check ("fr", "tél. 05 61" NBSP "22 33 44 ou",
         "tél. 05" NNBSP "61" NNBSP "22" NNBSP "33" NNBSP "44 ou");
  /* dots, hyphens and an unbroken run never break already */
  check ("fr", "05.61.22.33.44 et 05-61-22-33-44 et 0561223344",
         "05.61.22.33.44 et 05-61-22-33-44 et 0561223344");
  check ("en", "call 06 12 34 56 78", "call 06" NNBSP "12" NNBSP "34" NNBSP "56" NNBSP "78");
  /* not a phone number: too many groups, mixed separators, 00, a tail */
  check ("fr", "06 12 34 56 78 90", "06 12 34 56 78 90");
  check ("fr", "06 12.34 56 78", "06 12.34 56 78");
  check ("fr", "00 12 34 56 78", "00 12 34 56 78");
  check ("fr", "1.06 12 34 56 78", "1.06 12 34 56 78");
}

static void
test_fr_note_call (void)
{
  /* "milliards d'euros [^1]." as the parser gives it */
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("d'euros 1. Puis mot 2 ; fin");
  RoneoSpan calls[] = { { 8, 9, RONEO_SPAN_NOTE_CALL, 1 }, { 20, 21, RONEO_SPAN_NOTE_CALL, 2 } };
  g_array_append_vals (rich->spans, calls, 2);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_assert_cmpstr (rich->text->str, ==, "d\u2019euros1. Puis mot2" NNBSP "; fin");
  g_autofree char *first = NULL, *second = NULL;
  g_assert_cmpstr (span_text (rich, 0, &first), ==, "1");
  g_assert_cmpstr (span_text (rich, 1, &second), ==, "2");
  /* the call is not a number counting the next word */
  g_assert_null (strstr (rich->text->str, NBSP));
}

static void
test_fr_capitals_kept (void)
{
  check ("fr", "À l'École, ÉCRAN TOTAL", "À l\u2019École, ÉCRAN TOTAL");
}

static void
test_fr_display_short_words (void)
{
  check_role ("fr", RONEO_TYPO_DISPLAY, "Nos données ne sont pas à vendre",
              "Nos données ne sont pas à" NBSP "vendre");
  check_role ("fr", RONEO_TYPO_DISPLAY, "Un médecin, pas une appli",
              "Un" NBSP "médecin, pas une" NBSP "appli");
  check_role ("fr", RONEO_TYPO_DISPLAY, "RASSEMBLEMENT À LA MAIRIE ET AU MARCHÉ",
              "RASSEMBLEMENT À" NBSP "LA" NBSP "MAIRIE ET" NBSP "AU" NBSP "MARCHÉ");
  check_role ("fr", RONEO_TYPO_DISPLAY, "le service des urgences d'une ville",
              "le" NBSP "service des" NBSP "urgences d\u2019une" NBSP "ville");
  /* body text breaks anywhere */
  check ("fr", "pas à vendre", "pas à vendre");
}

/* ---- Québec, English, German, unknown ---- */

static void
test_fr_ca (void)
{
  check ("fr-CA", "Quoi ? Oui ; non !", "Quoi? Oui; non!");
  check ("fr-CA", "Nous demandons :", "Nous demandons" NBSP ":");
  check ("fr_CA", "Quoi ?", "Quoi?");
}

static void
test_en (void)
{
  check ("en", "Why ? Because : yes ; no !", "Why? Because: yes; no!");
  check ("en", "don't say 'hello' to \"them\"",
         "don\u2019t say \u2018hello\u2019 to \u201Cthem\u201D");
  check ("en-US", "two jobs -- and shifts", "two jobs\u2014and shifts");
  check ("en", "wait...", "wait\u2026");
  check ("en", "on 1 March at 11 am", "on 1" NBSP "March at 11" NBSP "am");
  /* no thousands separator in English: ZIP codes and years make it ambiguous */
  check ("en", "2500000 people", "2500000" NBSP "people");
  check ("en", "50% more", "50% more");
}

static void
test_en_gb (void)
{
  check ("en-GB", "two jobs -- and shifts", "two jobs" NBSP "\u2013 and shifts");
  check ("en-GB", "two jobs - and shifts", "two jobs" NBSP "\u2013 and shifts");
}

static void
test_de (void)
{
  check ("de", "Warum ? Darum : ja !", "Warum? Darum: ja!");
  check ("de", "Er sagt \"nein\".", "Er sagt \u201Enein\u201C.");
  check ("de", "Er sagt \"nein\" ?", "Er sagt \u201Enein\u201C?");
  check ("de", "zwei Jobs - und mehr", "zwei Jobs" NBSP "\u2013 und mehr");
  check ("de", "z. B. hier, d.h. dort", "z." NNBSP "B. hier, d." NNBSP "h. dort");
  check ("de-DE", "geht's", "geht\u2019s");
  check ("de", "50% mehr", "50" NBSP "% mehr");
}

static void
test_unknown_language (void)
{
  g_assert_false (roneo_typo_knows_lang ("tr"));
  g_assert_true (roneo_typo_knows_lang ("fr-CA"));
  g_assert_true (roneo_typo_knows_lang ("en"));
  g_assert_true (roneo_typo_knows_lang ("de-AT"));
  check ("tr", "Verilerimiz satılık değil ! l'ordi... \"x\" - 2 km",
         "Verilerimiz satılık değil ! l\u2019ordi\u2026 \"x\" - 2 km");
  check (NULL, "l'ordi...", "l\u2019ordi\u2026");
}

/* Inputs where one rule's output used to wake another up on a second pass
 * (found by feeding random token soup to the rules). */
static void
test_tricky_idempotence (void)
{
  static const char *const inputs[] = {
    "500 810000 mot", "«81000 500:n°02 (\"–", "--;81000 500’z.B.--", ":en°€1er –!",
    "z.; —!",         "500!p.p.z.»'XIX",      "€«--? 81000",         "?, --;",
    "«-!,500«B.1era", "p. ’p.p.z.2la",
  };
  static const char *const langs[] = { "fr", "fr-CA", "en", "en-GB", "de", "xx" };
  for (gsize k = 0; k < G_N_ELEMENTS (inputs); k++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autofree char *body = typo (langs[l], RONEO_TYPO_BODY, inputs[k]);
        g_autofree char *display = typo (langs[l], RONEO_TYPO_DISPLAY, inputs[k]);
      }
  check ("de", "i. d. R. und u.a. hier", "i." NNBSP "d." NNBSP "R. und u." NNBSP "a. hier");
  /* digits after "500 " are a second number, left as typed */
  check ("fr", "entre 500 810000 et", "entre 500 810000 et");
}

/* ---- spans, code ---- */

static void
test_strong_span_kept (void)
{
  const char *typed = "le droit à un parcours de soin complet sans internet ni smartphone ;";
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (typed);
  const char *strong = strstr (typed, "sans");
  RoneoSpan span = { strong - typed, strlen (typed) - 2, RONEO_SPAN_STRONG, 0 };
  g_array_append_val (rich->spans, span);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_autofree char *text = NULL;
  g_assert_cmpstr (span_text (rich, 0, &text), ==, "sans internet ni smartphone");
  g_assert_true (g_str_has_suffix (rich->text->str, "smartphone" NNBSP ";"));
}

static void
test_code_untouched (void)
{
  const char *typed = "lancer ls -l ... puis 'x' ? ensuite...";
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (typed);
  RoneoSpan code = { 7, 27, RONEO_SPAN_CODE, 0 }; /* "ls -l ... puis 'x' ?" */
  g_array_append_val (rich->spans, code);
  roneo_typo_apply (rich, "fr", RONEO_TYPO_BODY);
  g_assert_cmpstr (rich->text->str, ==, "lancer ls -l ... puis 'x' ? ensuite\u2026");
}

/* ---- the corpus ---- */

static char *
read_corpus (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("RONEO_TEST_CASES"), name, NULL);
  char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
letters_of (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
check_corpus (const char *name, const char *lang)
{
  g_autofree char *contents = read_corpus (name);
  g_auto (GStrv) paragraphs = g_strsplit (contents, "\n\n", -1);
  for (guint k = 0; paragraphs[k]; k++)
    for (int role = RONEO_TYPO_BODY; role <= RONEO_TYPO_DISPLAY; role++)
      {
        g_autofree char *set = typo (lang, role, paragraphs[k]); /* asserts idempotence */
        g_autofree char *before = letters_of (paragraphs[k]);
        g_autofree char *after = letters_of (set);
        g_assert_cmpstr (after, ==, before);
      }
  g_autofree char *whole = typo (lang, RONEO_TYPO_BODY, contents);
  g_assert_true (g_utf8_validate (whole, -1, NULL));
}

static void
test_corpus_fr (void)
{
  check_corpus ("tract-pompe-a-fric.md", "fr");
  check_corpus ("tract-plain.txt", "fr");
  check_corpus ("tract-modele.md", "fr-CA");
  check_corpus ("slogans.txt", "fr");
}

static void
test_corpus_other (void)
{
  check_corpus ("tract-en.md", "en");
  check_corpus ("tract-en.md", "en-GB");
  check_corpus ("multilingual.md", "de");
  check_corpus ("multilingual.md", "ar");
}

/* Every tag of the language table gets its language's rules; the region
 * decides only where TYPOGRAPHY.md says so (fr-CA, en-GB). */
static void
test_lang_tags (void)
{
  static const char *const french[] = { "fr", "fr-FR", "fr-BE", "fr-CH", "FR_fr" };
  for (gsize i = 0; i < G_N_ELEMENTS (french); i++)
    check (french[i], "Quoi ? \"Non\"", "Quoi" NNBSP "? «" NNBSP "Non" NNBSP "»");
  check ("fr-ca", "Quoi ? \"Non\"", "Quoi? «" NNBSP "Non" NNBSP "»");
  static const char *const english[] = { "en", "en-US", "EN-us" };
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    check (english[i], "two jobs -- and shifts", "two jobs\u2014and shifts");
  check ("en_GB", "two jobs -- and shifts", "two jobs" NBSP "\u2013 and shifts");
  static const char *const german[] = { "de", "de-DE", "de-AT", "de-CH" };
  for (gsize i = 0; i < G_N_ELEMENTS (german); i++)
    check (german[i], "\"Nein\"", "\u201ENein\u201C");
  /* unknown tags get the universal rules only */
  static const char *const unknown[] = { "fr-LU", "en-UK", "français", "tr", "" };
  for (gsize i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_assert_false (roneo_typo_knows_lang (unknown[i]));
      check (unknown[i], "Quoi ? ...", "Quoi ? \u2026");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/typo/fr/narrow-space-before-punctuation",
                   test_fr_narrow_space_before_punctuation);
  g_test_add_func ("/typo/fr/space-before-colon", test_fr_space_before_colon);
  g_test_add_func ("/typo/fr/guillemets", test_fr_guillemets);
  g_test_add_func ("/typo/fr/apostrophe", test_fr_apostrophe);
  g_test_add_func ("/typo/fr/ellipsis", test_fr_ellipsis);
  g_test_add_func ("/typo/fr/dash", test_fr_dash);
  g_test_add_func ("/typo/fr/number-and-word", test_fr_number_and_word);
  g_test_add_func ("/typo/fr/thousands", test_fr_thousands);
  g_test_add_func ("/typo/fr/field-not-grouped", test_fr_field_not_grouped);
  g_test_add_func ("/typo/fr/units", test_fr_units);
  g_test_add_func ("/typo/fr/ordinals", test_fr_ordinals);
  g_test_add_func ("/typo/fr/ordinals-typed-in-capitals", test_fr_ordinals_typed_in_capitals);
  g_test_add_func ("/typo/fr/uppercase-keeps-ordinals", test_fr_uppercase_keeps_ordinals);
  g_test_add_func ("/typo/fr/numero", test_fr_numero);
  g_test_add_func ("/typo/fr/number-binds-to-what-it-counts",
                   test_fr_number_binds_to_what_it_counts);
  g_test_add_func ("/typo/phone-numbers", test_phone_numbers);
  g_test_add_func ("/typo/fr/note-call", test_fr_note_call);
  g_test_add_func ("/typo/fr/capitals-kept", test_fr_capitals_kept);
  g_test_add_func ("/typo/fr/display-short-words", test_fr_display_short_words);
  g_test_add_func ("/typo/fr-ca", test_fr_ca);
  g_test_add_func ("/typo/en", test_en);
  g_test_add_func ("/typo/en-gb", test_en_gb);
  g_test_add_func ("/typo/de", test_de);
  g_test_add_func ("/typo/unknown-language", test_unknown_language);
  g_test_add_func ("/typo/tricky-idempotence", test_tricky_idempotence);
  g_test_add_func ("/typo/strong-span-kept", test_strong_span_kept);
  g_test_add_func ("/typo/code-untouched", test_code_untouched);
  g_test_add_func ("/typo/lang-tags", test_lang_tags);
  g_test_add_func ("/typo/corpus/fr", test_corpus_fr);
  g_test_add_func ("/typo/corpus/other", test_corpus_other);
  return g_test_run ();
}
