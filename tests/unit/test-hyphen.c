/* test-hyphen.c: soft hyphens with Debian's hyphen-fr, hyphen-en-us, hyphen-de. */
#include "roneo-hyphen.h"

#include "roneo-error.h"
#include "roneo-test-files.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#define SHY "\u00AD"

static RoneoHyphenator *
hyphenator_new (void)
{
  const char *dir = g_getenv ("RONEO_HYPHEN_DIR");
  return roneo_hyphenator_new (dir ? dir : "/usr/share/hyphen");
}

static void
check_show (RoneoHyphenator *hyphenator, const char *lang, const char *word, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = roneo_hyphenator_show (hyphenator, word, lang, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, expected);
}

/* The text with its soft hyphens shown as '-'. */
static char *
hyphenate (RoneoHyphenator *hyphenator, const char *lang, const char *text)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (text);
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_hyphenator_hyphenate (hyphenator, rich, lang, &error));
  g_assert_no_error (error);
  g_auto (GStrv) parts = g_strsplit (rich->text->str, SHY, -1);
  return g_strjoinv ("-", parts);
}

static void
check_text (RoneoHyphenator *hyphenator, const char *lang, const char *text, const char *expected)
{
  g_autofree char *got = hyphenate (hyphenator, lang, text);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_show_french (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  check_show (hyphenator, "fr", "numérisation", "nu-mé-ri-sa-tion");
  check_show (hyphenator, "fr", "départementales", "dé-par-te-men-tales");
  check_show (hyphenator, "fr", "télémédecine", "té-lé-mé-de-cine");
  /* 3 letters at least after the break: no "-té" at a line start */
  check_show (hyphenator, "fr", "société", "so-ciété");
  check_show (hyphenator, "fr-CA", "numérisation", "nu-mé-ri-sa-tion");
}

static void
test_french_text (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  check_text (hyphenator, "fr", "la numérisation des dépenses départementales, fin",
              "la nu-mé-ri-sa-tion des dé-penses dé-par-te-men-tales, fin");
  /* after an apostrophe, only the word: l’hôpital -> l’hô-pi-tal */
  check_text (hyphenator, "fr", "l\u2019hôpital public", "l\u2019hô-pi-tal public");
}

static void
test_no_break (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  /* short words, acronyms, words with digits, the last word */
  check_text (hyphenator, "fr", "carte verte de la CPAM", "carte verte de la CPAM");
  check_text (hyphenator, "fr", "NUMÉRISATION totale", "NUMÉRISATION totale");
  check_text (hyphenator, "fr", "un numerique2023 et x", "un numerique2023 et x");
  check_text (hyphenator, "fr", "vive la numérisation", "vive la numérisation");
  check_text (hyphenator, "fr", "la numérisation.", "la numérisation.");
  check_text (hyphenator, "fr", "", "");
  /* a word that already has a soft hyphen is the user's */
  check_text (hyphenator, "fr", "numé" SHY "risation ici", "numé-risation ici");
}

static void
test_spans (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  const char *typed = "voir téléphonique et départementales1 puis informatique ici";
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (typed);
  const char *code = strstr (typed, "téléphonique");
  const char *call = strstr (typed, "1 ");
  const char *strong = strstr (typed, "informatique");
  RoneoSpan spans[] = {
    { code - typed, code - typed + strlen ("téléphonique"), RONEO_SPAN_CODE, 0 },
    { call - typed, call - typed + 1, RONEO_SPAN_NOTE_CALL, 1 },
    { strong - typed, strong - typed + strlen ("informatique"), RONEO_SPAN_STRONG, 0 },
  };
  g_array_append_vals (rich->spans, spans, G_N_ELEMENTS (spans));
  g_assert_true (roneo_hyphenator_hyphenate (hyphenator, rich, "fr", NULL));
  /* code untouched; the word before the call is hyphenated, digits glued to
   * it count as a word with digits */
  g_assert_nonnull (strstr (rich->text->str, "téléphonique"));
  g_assert_nonnull (strstr (rich->text->str, "départementales1"));
  const RoneoSpan *after = &g_array_index (rich->spans, RoneoSpan, 2);
  g_autofree char *styled = g_strndup (rich->text->str + after->start, after->end - after->start);
  g_assert_cmpstr (styled, ==, "in" SHY "for" SHY "ma" SHY "tique");
}

static void
test_german (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  check_show (hyphenator, "de", "Silbentrennung", "Sil-ben-tren-nung");
  check_show (hyphenator, "de-DE", "Bäckerei", "Bä-cke-rei");
  check_text (hyphenator, "de", "Unsere Verwaltung bleibt offen",
              "Un-se-re Ver-wal-tung bleibt offen");
}

static void
test_english (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  check_show (hyphenator, "en", "hyphenation", "hy-phen-ation");
  check_show (hyphenator, "en-GB", "hyphenation", "hy-phen-ation");
  check_text (hyphenator, "en-US", "the railway company says", "the rail-way com-pany says");
}

static void
test_missing_dictionary (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Verilerimiz satılık değil");
  g_assert_false (roneo_hyphenator_hyphenate (hyphenator, rich, "tr", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "'tr'"));
  g_assert_cmpstr (rich->text->str, ==, "Verilerimiz satılık değil");
  g_clear_error (&error);
  g_assert_null (roneo_hyphenator_show (hyphenator, "word", "../../etc/passwd", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_clear_error (&error);
  g_autoptr (RoneoHyphenator) nowhere = roneo_hyphenator_new ("/nonexistent");
  g_assert_null (roneo_hyphenator_show (nowhere, "numérisation", "fr", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
}

static void
test_no_letter_lost (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  g_autofree char *path
      = g_build_filename (g_getenv ("RONEO_TEST_CASES"), "tract-pompe-a-fric.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (contents);
  g_assert_true (roneo_hyphenator_hyphenate (hyphenator, rich, "fr", NULL));
  g_assert_cmpuint (rich->text->len, >, strlen (contents));
  g_auto (GStrv) parts = g_strsplit (rich->text->str, SHY, -1);
  g_autofree char *joined = g_strjoinv ("", parts);
  g_assert_cmpstr (joined, ==, contents);
}

/* Every tag of the language table finds its dictionary; others none. */
static void
test_lang_tags (void)
{
  g_autoptr (RoneoHyphenator) hyphenator = hyphenator_new ();
  static const char *const french[] = { "fr-FR", "fr-BE", "fr-CH", "FR_ca" };
  for (gsize i = 0; i < G_N_ELEMENTS (french); i++)
    check_show (hyphenator, french[i], "numérisation", "nu-mé-ri-sa-tion");
  static const char *const german[] = { "de-AT", "de-CH", "DE-de" };
  for (gsize i = 0; i < G_N_ELEMENTS (german); i++)
    check_show (hyphenator, german[i], "Silbentrennung", "Sil-ben-tren-nung");
  check_show (hyphenator, "en-us", "hyphenation", "hy-phen-ation");
  static const char *const unknown[] = { "fr-LU", "français", "en-UK", "" };
  for (gsize i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_null (roneo_hyphenator_show (hyphenator, "numérisation", unknown[i], &error));
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
    }
}

/* ---- the cache of built dictionaries (roneo-hyphen-cache.c) ---- */

static char *cache_home; /* XDG_CACHE_HOME, a scratch folder set before GLib reads it */

static ino_t
inode_of (const char *path)
{
  struct stat st;
  return g_stat (path, &st) == 0 ? st.st_ino : 0;
}

static char *
shown_with (const char *dict_dir, const char *word)
{
  g_autoptr (RoneoHyphenator) hyphenator = roneo_hyphenator_new (dict_dir);
  g_autoptr (GError) error = NULL;
  char *shown = roneo_hyphenator_show (hyphenator, word, "fr", &error);
  g_assert_no_error (error);
  return shown;
}

/* A dictionary is built once, then read back from the cache with the same
 * breaks; a damaged cache, or a dictionary changed since, is built again. */
static void
test_cache (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-hyphen-dicts-XXXXXX");
  g_autofree char *dict = g_build_filename (dir, "hyph_fr.dic", NULL);
  g_autofree char *patterns = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents ("/usr/share/hyphen/hyph_fr.dic", &patterns, &length, NULL));
  g_assert_true (g_file_set_contents (dict, patterns, (gssize) length, NULL));
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dict, -1);
  g_autofree char *name = g_strdup_printf ("hyph_fr.dic-%.8s.cache", digest);
  g_autofree char *cache = g_build_filename (cache_home, "roneo", "hyphen", name, NULL);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));

  g_autofree char *built = shown_with (dir, "numérisation");
  g_assert_cmpstr (built, ==, "nu-mé-ri-sa-tion");
  ino_t written = inode_of (cache);
  g_assert_cmpuint (written, !=, 0);

  /* read back: the same breaks, the file not written again */
  g_autofree char *cached = shown_with (dir, "numérisation");
  g_assert_cmpstr (cached, ==, built);
  g_autofree char *longer = shown_with (dir, "départementales");
  g_assert_cmpstr (longer, ==, "dé-par-te-men-tales");
  g_assert_cmpuint (inode_of (cache), ==, written);

  /* a byte changed in the middle: the CRC fails, the dictionary is built again */
  g_autofree char *bytes = NULL;
  gsize cache_length = 0;
  g_assert_true (g_file_get_contents (cache, &bytes, &cache_length, NULL));
  bytes[cache_length / 2] ^= 0x55;
  g_assert_true (g_file_set_contents (cache, bytes, (gssize) cache_length, NULL));
  ino_t damaged = inode_of (cache);
  g_autofree char *rebuilt = shown_with (dir, "numérisation");
  g_assert_cmpstr (rebuilt, ==, built);
  g_assert_cmpuint (inode_of (cache), !=, damaged);

  /* cut short: built again too */
  g_assert_true (g_file_set_contents (cache, bytes, (gssize) cache_length / 3, NULL));
  g_autofree char *after_cut = shown_with (dir, "numérisation");
  g_assert_cmpstr (after_cut, ==, built);

  /* the dictionary changes (a pattern that breaks s-a): its new breaks, not the cache's */
  g_autofree char *more = g_strconcat (patterns, "s9a\n", NULL);
  g_assert_true (g_file_set_contents (dict, more, -1, NULL));
  g_autofree char *changed = shown_with (dir, "numérisation");
  g_assert_cmpstr (changed, !=, built);
  g_assert_nonnull (strstr (changed, "s-a"));
  roneo_test_rm_rf (dir);
}

/* Full stacks through libhyphen (built without frame pointers), so that
 * tests/lsan.supp can name hnj_hyphen_load, which leaks on its own for
 * dictionaries with NEXTLEVEL (French, German). Unused without AddressSanitizer. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* before anything asks GLib for it: the cache the tests fill is theirs */
  cache_home = roneo_test_make_tmp_dir ("roneo-hyphen-cache-XXXXXX");
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_test_add_func ("/hyphen/show-french", test_show_french);
  g_test_add_func ("/hyphen/french-text", test_french_text);
  g_test_add_func ("/hyphen/no-break", test_no_break);
  g_test_add_func ("/hyphen/spans", test_spans);
  g_test_add_func ("/hyphen/german", test_german);
  g_test_add_func ("/hyphen/english", test_english);
  g_test_add_func ("/hyphen/missing-dictionary", test_missing_dictionary);
  g_test_add_func ("/hyphen/lang-tags", test_lang_tags);
  g_test_add_func ("/hyphen/no-letter-lost", test_no_letter_lost);
  g_test_add_func ("/hyphen/cache", test_cache);
  int status = g_test_run ();
  roneo_test_rm_rf (cache_home);
  g_free (cache_home);
  return status;
}
