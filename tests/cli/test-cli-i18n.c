/* The cli-i18n suite: roneo in the user's language (issue 9). Under
 * LANG=fr_FR.UTF-8, and under LANGUAGE=de, the help of a subcommand, an
 * unknown option, a missing file and copy that does not fit are said
 * entirely in that language, GLib's half and roneo's alike: no English word
 * of a list is left once the names (options, commands in quotes, the file)
 * are set aside, and the message still names the file. The exit codes are
 * those of the C locale. */
#include "roneo-test-cli.h"

#include <string.h>

typedef struct
{
  const char *name;
  const char *lang;     /* LANG */
  const char *language; /* LANGUAGE, or NULL */
  const char *help;     /* a line the translated --help has */
  const char *gone;     /* what says a file is missing (libc's strerror) */
} Language;

static const Language french = { "fr", "fr_FR.UTF-8", NULL, "Codes de sortie", "Aucun fichier" };
static const Language german
    = { "de", "de_DE.UTF-8", "de", "Rückgabewerte", "Datei oder Verzeichnis nicht gefunden" };

/* English words and phrases no message may keep (whole words, any case). */
static const char *const english[] = {
  "the",     "file",     "files",        "does not",
  "cannot",  "Usage",    "Help Options", "layout",
  "not",     "with",     "and",          "for",
  "of",      "to",       "is",           "default",
  "copy",    "write",    "unknown",      "fit",
  "shorten", "too many", "words",        "choose",
  "larger",  "see",      "Exit codes",   "sheet",
  "print",   "lines",    "Show",         "Application Options",
  "page of", "nothing",  NULL,
};

/* What is left of a message once the names are set aside: option names
 * (--colour), what is quoted (« roneo layouts », „…“, '…'), and path. */
static char *
prose_of (const char *message, const char *path)
{
  g_autoptr (GString) text = g_string_new (message);
  if (path != NULL)
    g_string_replace (text, path, " ", 0);
  static const char *const names[] = {
    "--?[a-z][a-z0-9-]*(=[^ ]*)?", "«[^»]*»", "„[^“]*“", "'[^']*'", "\\{[^}]*\\}", "[A-Z_]{3,}"
  };
  char *prose = g_string_free (g_steal_pointer (&text), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GRegex) name = g_regex_new (names[i], 0, 0, NULL);
      char *left = g_regex_replace (name, prose, -1, 0, " ", 0, NULL);
      g_free (prose);
      prose = left;
    }
  return prose;
}

static void
assert_no_english (const char *message, const char *path)
{
  g_autofree char *prose = prose_of (message, path);
  for (guint i = 0; english[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", english[i]);
      if (g_regex_match_simple (pattern, prose, G_REGEX_CASELESS, 0))
        g_error ("English '%s' left in:\n%s", english[i], message);
    }
}

/* Runs roneo in the language with args; run is overwritten. */
static void
run_in (RoneoTestRun *run, const Language *language, const char *dir, const char *const *args)
{
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", language->lang, TRUE);
  if (language->language != NULL)
    g_setenv ("LANGUAGE", language->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  roneo_test_run_full (run, dir, NULL, args);
}

static void
test_help (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-help-XXXXXX");
  g_auto (RoneoTestRun) run;
  run_in (&run, language, dir, (const char *const[]){ "flyer", "--help", NULL });
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.out, language->help);
  assert_no_english (run.out, NULL);
  roneo_test_rm_rf (dir);
}

static void
test_unknown_option (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-option-XXXXXX");
  g_auto (RoneoTestRun) run;
  run_in (&run, language, dir,
          (const char *const[]){ "flyer", "--colour", "red", "tract.md", NULL });
  roneo_test_assert_exit (&run, 1);
  roneo_test_assert_contains (run.err, "--colour");
  assert_no_english (run.err, NULL);
  roneo_test_rm_rf (dir);
}

static void
test_missing_file (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-missing-XXXXXX");
  g_auto (RoneoTestRun) run;
  run_in (&run, language, dir, (const char *const[]){ "flyer", "absent.md", NULL });
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "absent.md");
  roneo_test_assert_contains (run.err, language->gone);
  assert_no_english (run.err, "absent.md");
  roneo_test_rm_rf (dir);
}

static void
test_overflow (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-overflow-XXXXXX");
  g_autofree char *input = roneo_test_corpus ("bad/overflow.md");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  run_in (&run, language, dir, (const char *const[]){ "flyer", input, "-o", pdf, NULL });
  roneo_test_assert_exit (&run, 4);
  roneo_test_assert_contains (run.err, input);
  assert_no_english (run.err, input);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir);
}

/* `roneo layouts`: every shipped layout described in the user's language
 * (description[fr] in its file), the list's own words too. The layout names
 * and the kind column are names: they stay. */
static void
test_layouts (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-layouts-XXXXXX");
  g_auto (RoneoTestRun) run;
  run_in (&run, language, dir, (const char *const[]){ "layouts", NULL });
  roneo_test_assert_exit (&run, 0);
  g_auto (GStrv) rows = g_strsplit (run.out, "\n", -1);
  guint described = 0;
  for (char **row = rows; *row != NULL; row++)
    {
      /* "a5-flyer  148 x 210 mm  flyer  description" */
      g_autoptr (GRegex) columns
          = g_regex_new ("^[a-z0-9-]+ +[0-9]+ x [0-9]+ +mm +(flyer|banner) +", 0, 0, NULL);
      g_autofree char *description = g_regex_replace_literal (columns, *row, -1, 0, "", 0, NULL);
      if (strcmp (description, *row) == 0)
        continue;
      assert_no_english (description, NULL);
      described++;
    }
  g_assert_cmpuint (described, >=, 7);
  roneo_test_rm_rf (dir);
}

/* The list catches English: the same run in the C locale fails it. */
static void
test_english_is_caught (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-i18n-english-XXXXXX");
  g_auto (RoneoTestRun) run;
  const Language c = { "C", "C.UTF-8", NULL, NULL, NULL };
  run_in (&run, &c, dir, (const char *const[]){ "flyer", "absent.md", NULL });
  roneo_test_assert_exit (&run, 2);
  g_autofree char *prose = prose_of (run.err, "absent.md");
  g_assert_true (g_regex_match_simple ("\\bcannot\\b", prose, G_REGEX_CASELESS, 0));
  roneo_test_rm_rf (dir);
}

static void
add_cases (const Language *language)
{
  static const struct
  {
    const char *name;
    GTestDataFunc func;
  } cases[] = {
    { "help", test_help },
    { "unknown-option", test_unknown_option },
    { "missing-file", test_missing_file },
    { "overflow", test_overflow },
    { "layouts", test_layouts },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/%s/%s", language->name, cases[i].name);
      roneo_test_add_isolated (path, cases[i].func, language);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  add_cases (&french);
  add_cases (&german);
  roneo_test_add_isolated_func ("/i18n/english-is-caught", test_english_is_caught);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
