/* roneo-test-cli.c: running the built roneo and checking what a user sees. */
#include "roneo-test-cli.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

static const char *roneo_path;
static char *corpus_dir;
static const char *source_root;
static GPtrArray *isolated_cases;

/* ---------------------------------------------------------------- running */

void
roneo_test_run_clear (RoneoTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  if (run->tmpdir != NULL)
    g_rmdir (run->tmpdir);
  g_clear_pointer (&run->tmpdir, g_free);
}

/* In the child, before exec: the redirections. */
static void
child_setup (gpointer data)
{
  const RoneoTestSpawn *how = data;
  if (how->stdin_path != NULL)
    {
      int fd = open (how->stdin_path, O_RDONLY);
      if (fd >= 0)
        dup2 (fd, 0);
    }
  if (how->stdout_path != NULL)
    {
      int fd = open (how->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0)
        dup2 (fd, 1);
    }
}

static char **
child_environ (RoneoTestRun *run, const char *cwd, const RoneoTestSpawn *how)
{
  const char *tmpdir = cwd;
  if (how->tmpdir_in != NULL)
    {
      run->tmpdir = g_build_filename (how->tmpdir_in, "run-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (run->tmpdir));
      tmpdir = run->tmpdir;
    }
  return g_environ_setenv (g_get_environ (), "TMPDIR", tmpdir, TRUE);
}

void
roneo_test_run_full (RoneoTestRun *run, const char *cwd, const RoneoTestSpawn *how,
                     const char *const *args)
{
  static const RoneoTestSpawn defaults = { 0 };
  if (how == NULL)
    how = &defaults;
  memset (run, 0, sizeof *run);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) (how->program != NULL ? how->program : roneo_path));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) envp = child_environ (run, cwd, how);
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  gint64 start = g_get_monotonic_time ();
  gboolean ok = g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, child_setup,
                              (gpointer) how, how->stdout_path != NULL ? NULL : &run->out,
                              &run->err, &wait_status, &error);
  run->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_true (ok);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->err == NULL)
    run->err = g_strdup ("");
  if (g_test_verbose ())
    g_test_message ("exit %d, stderr:\n%s", run->status, run->err);
}

/* ---------------------------------------------------------------- checks */

void
roneo_test_assert_exit (const RoneoTestRun *run, int expected)
{
  if (run->status != expected)
    g_error ("exit code %d, expected %d; stderr:\n%s", run->status, expected, run->err);
}

void
roneo_test_assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("'%s' not found in:\n%s", needle, haystack);
}

void
roneo_test_assert_left_only (const char *dir, const char *const *inputs)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (inputs == NULL || !g_strv_contains (inputs, name))
      g_error ("the failed run left '%s' in '%s'", name, dir);
}

/* ---------------------------------------------------------------- setup */

gboolean
roneo_test_cli_setup (int argc, char **argv)
{
  if (argc >= 2)
    {
      g_autofree char *path = g_canonicalize_filename (argv[1], NULL);
      g_setenv ("RONEO_TEST_BINARY", path, TRUE);
    }
  roneo_path = g_getenv ("RONEO_TEST_BINARY");
  if (roneo_path == NULL)
    {
      g_printerr ("usage: %s PATH-TO-RONEO\n", argv[0]);
      return FALSE;
    }
  const char *cases = g_getenv ("RONEO_TEST_CASES");
  if (cases == NULL)
    {
      g_printerr ("RONEO_TEST_CASES must be set (meson test does it)\n");
      return FALSE;
    }
  source_root = g_getenv ("RONEO_SOURCE_ROOT");
  if (source_root == NULL)
    {
      g_printerr ("RONEO_SOURCE_ROOT must be set (meson test does it)\n");
      return FALSE;
    }
  corpus_dir = g_strdup (cases);
  /* readable failure messages with accents */
  if (!g_get_charset (NULL))
    setlocale (LC_ALL, "C.UTF-8");
  return TRUE;
}

void
roneo_test_cli_teardown (void)
{
  g_clear_pointer (&isolated_cases, g_ptr_array_unref);
  g_clear_pointer (&corpus_dir, g_free);
}

const char *
roneo_test_source_root (void)
{
  return source_root;
}

const char *
roneo_test_roneo_path (void)
{
  return roneo_path;
}

char *
roneo_test_corpus (const char *name)
{
  return g_build_filename (corpus_dir, name, NULL);
}

/* ---------------------------------------------------------------- isolation */

typedef struct
{
  GTestDataFunc func;
  gconstpointer data;
} Isolated;

static void
run_isolated (gconstpointer data)
{
  const Isolated *iso = data;
  if (g_test_subprocess ())
    {
      iso->func (iso->data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

void
roneo_test_isolation_init (void)
{
  if (!g_test_subprocess ())
    g_test_set_nonfatal_assertions ();
  if (isolated_cases == NULL)
    isolated_cases = g_ptr_array_new_with_free_func (g_free);
}

void
roneo_test_add_isolated (const char *path, GTestDataFunc func, gconstpointer data)
{
  g_return_if_fail (isolated_cases != NULL);
  Isolated *iso = g_new0 (Isolated, 1);
  iso->func = func;
  iso->data = data;
  g_ptr_array_add (isolated_cases, iso);
  g_test_add_data_func (path, iso, run_isolated);
}

static void
call_plain (gconstpointer data)
{
  ((GTestFunc) data) ();
}

void
roneo_test_add_isolated_func (const char *path, GTestFunc func)
{
  roneo_test_add_isolated (path, call_plain, (gconstpointer) func);
}

GPtrArray *
roneo_test_pdf_images (const char *cwd, const char *pdf)
{
  g_auto (RoneoTestRun) run;
  RoneoTestSpawn how = { .program = "pdfimages" };
  roneo_test_run_full (&run, cwd, &how, (const char *const[]){ "-list", pdf, NULL });
  roneo_test_assert_exit (&run, 0);
  g_auto (GStrv) lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      if (line[0] == '\0')
        continue;
      char **columns = g_regex_split_simple ("\\s+", line, 0, 0);
      g_assert_cmpuint (g_strv_length (columns), >=, RONEO_TEST_IMAGE_COLUMNS);
      g_ptr_array_add (rows, columns);
    }
  return rows;
}

guint
roneo_test_count_images (GPtrArray *rows, const char *type, const char *width, const char *height,
                         const char *enc)
{
  guint n = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      n += strcmp (row[RONEO_TEST_IMAGE_TYPE], type) == 0
           && strcmp (row[RONEO_TEST_IMAGE_WIDTH], width) == 0
           && strcmp (row[RONEO_TEST_IMAGE_HEIGHT], height) == 0
           && strcmp (row[RONEO_TEST_IMAGE_ENC], enc) == 0;
    }
  return n;
}

void
roneo_test_copy_picture (const char *file, const char *dir, const char *to)
{
  g_autofree char *corpus = roneo_test_corpus ("images");
  g_autofree char *source = g_build_filename (corpus, file, NULL);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (source, &bytes, &length, NULL));
  g_autofree char *path = g_build_filename (dir, to, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, bytes, (gssize) length, NULL));
}
