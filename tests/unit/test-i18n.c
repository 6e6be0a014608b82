/* The printed strings in the document's language (roneo-i18n.h), whatever
 * the locale the tests run under (C.UTF-8, tests/meson.build): the catalogue
 * of the language is read from build/po, a region falls back to its
 * language, an unknown language and English give the English msgid, and the
 * plural rule is the language's (French: 0 and 1 are singular). */
#include "roneo-i18n.h"

#define CUE "continued overleaf ›"

static void
test_french (void)
{
  g_assert_cmpstr (roneo_doc_gettext ("fr", CUE), ==, "suite au verso ›");
  g_assert_cmpstr (roneo_doc_gettext ("fr-CA", CUE), ==, "suite au verso ›");
  g_assert_cmpstr (roneo_doc_gettext ("FR-be", CUE), ==, "suite au verso ›");
  g_assert_cmpstr (roneo_doc_gettext ("fr_CH", CUE), ==, "suite au verso ›");
}

static void
test_german (void)
{
  g_assert_cmpstr (roneo_doc_gettext ("de", CUE), ==, "Fortsetzung umseitig ›");
  g_assert_cmpstr (roneo_doc_gettext ("de-CH", CUE), ==, "Fortsetzung umseitig ›");
}

static void
test_english_and_unknown (void)
{
  const char *languages[] = { "en", "en-GB", "xx", "x", "", "zz-ZZ", NULL };
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_assert_true (roneo_doc_gettext (languages[i], CUE) == (const char *) CUE);
  /* a msgid no catalogue has is itself in French too */
  g_assert_cmpstr (roneo_doc_gettext ("fr", "no such msgid"), ==, "no such msgid");
}

static void
test_plural (void)
{
  g_assert_cmpstr (roneo_doc_ngettext ("fr", "%u line", "%u lines", 0), ==, "%u ligne");
  g_assert_cmpstr (roneo_doc_ngettext ("fr", "%u line", "%u lines", 1), ==, "%u ligne");
  g_assert_cmpstr (roneo_doc_ngettext ("fr", "%u line", "%u lines", 2), ==, "%u lignes");
  g_assert_cmpstr (roneo_doc_ngettext ("de", "%u line", "%u lines", 0), ==, "%u Zeilen");
  g_assert_cmpstr (roneo_doc_ngettext ("de", "%u line", "%u lines", 1), ==, "%u Zeile");
  g_assert_cmpstr (roneo_doc_ngettext ("en", "%u line", "%u lines", 0), ==, "%u lines");
  g_assert_cmpstr (roneo_doc_ngettext ("xx", "%u line", "%u lines", 1), ==, "%u line");
}

/* Documents in several languages laid out at once (a batch, a studio): the
 * first lookups of each language race to read its catalogue. */
static gpointer
look_up (gpointer data)
{
  const char *lang = data;
  for (guint i = 0; i < 200; i++)
    if (g_strcmp0 (roneo_doc_gettext (lang, CUE), CUE) == 0)
      return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

/* Lengths on paper are written the document's way, whatever LC_NUMERIC. */
static void
test_decimal (void)
{
  const struct
  {
    const char *lang;
    double value;
    int digits;
    const char *want;
  } cases[] = {
    { "fr", 3.0, 2, "3,00" }, { "fr-CA", 0.9, 2, "0,90" }, { "de", 1.45, 1, "1,4" },
    { "en", 3.5, 1, "3.5" },  { "en-GB", 12, 0, "12" },    { NULL, 2.25, 2, "2.25" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got
          = roneo_doc_format_decimal (cases[i].lang, cases[i].value, cases[i].digits);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static void
test_threads (void)
{
  const char *languages[] = { "fr-BE", "de-AT", "fr-LU", "de-LI" };
  GThread *threads[G_N_ELEMENTS (languages)];
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    threads[i] = g_thread_new ("lookup", look_up, (gpointer) languages[i]);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/french", test_french);
  g_test_add_func ("/i18n/german", test_german);
  g_test_add_func ("/i18n/english-and-unknown", test_english_and_unknown);
  g_test_add_func ("/i18n/plural", test_plural);
  g_test_add_func ("/i18n/decimal", test_decimal);
  g_test_add_func ("/i18n/threads", test_threads);
  return g_test_run ();
}
