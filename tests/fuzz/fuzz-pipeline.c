/* fuzz-pipeline.c: the engine and the private folder of the pipeline fuzz targets. */
#include "fuzz-pipeline.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static RoneoEngine *engine;
static char *folder;

static void
remove_folder (void)
{
  fuzz_assert_clean_and_empty ();
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
  g_clear_pointer (&engine, roneo_engine_free);
}

/* A warning or a critical aborts, so libFuzzer saves the input: GLib's own
 * fatal path raises SIGTRAP, which kills the fuzzer without a trace. */
static void
abort_on_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_log_default_handler (domain, level, message, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

/* The folder is made by hand, not by g_dir_make_tmp: that would ask
 * g_get_tmp_dir, which keeps its first answer, before TMPDIR points here. */
static char *
make_folder (void)
{
  const char *tmp = g_getenv ("TMPDIR");
  char *path = g_build_filename (tmp && *tmp ? tmp : "/tmp", "roneo-fuzz-XXXXXX", NULL);
  if (g_mkdtemp (path) == NULL)
    g_error ("cannot make a folder in '%s': %s", tmp ? tmp : "/tmp", g_strerror (errno));
  g_setenv ("TMPDIR", path, TRUE);
  g_assert_cmpstr (g_get_tmp_dir (), ==, path);
  return path;
}

RoneoEngine *
fuzz_engine (void)
{
  if (engine != NULL)
    return engine;
  g_log_set_default_handler (abort_on_warning, NULL);
  folder = make_folder ();
  g_autoptr (GError) error = NULL;
  engine = roneo_engine_new (NULL, &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  return engine;
}

char *
fuzz_path (const char *name)
{
  g_assert (folder != NULL);
  return g_build_filename (folder, name, NULL);
}

RoneoResult *
fuzz_run (const RoneoJob *job, RoneoWarnings *warnings)
{
  g_autoptr (GError) error = NULL;
  RoneoResult *result = roneo_engine_run (fuzz_engine (), job, warnings, &error);
  if (result == NULL)
    fuzz_assert_job_error (error);
  else
    g_assert_no_error (error);
  return result;
}

void
fuzz_assert_job_error (const GError *error)
{
  g_assert (error != NULL);
  if (error->domain == RONEO_ERROR)
    /* Not USAGE (the command's own), nor CANCELLED (no job here has a
     * cancellable), nor NOT_A_PDF (the outputs go to a folder emptied
     * after each input): either would be a bug. */
    g_assert (error->code >= RONEO_ERROR_INPUT && error->code <= RONEO_ERROR_PRINT);
  else if (error->domain == RONEO_JOB_ERROR)
    g_assert (error->code >= RONEO_JOB_ERROR_INPUT && error->code <= RONEO_JOB_ERROR_SINGLE);
  else
    g_error ("error from domain '%s' (%d): %s", g_quark_to_string (error->domain), error->code,
             error->message);
  g_assert (error->message != NULL && error->message[0] != '\0');
  g_assert (g_utf8_validate (error->message, -1, NULL));
}

void
fuzz_assert_pdf_data (const void *data, gsize length)
{
  g_assert (length > 16 && memcmp (data, "%PDF-", 5) == 0);
  gsize tail_length = MIN (length, 32);
  g_autofree char *tail = g_strndup ((const char *) data + length - tail_length, tail_length);
  g_assert (strstr (tail, "%%EOF") != NULL);
}

void
fuzz_assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_assert (g_file_get_contents (path, &contents, &length, NULL));
  fuzz_assert_pdf_data (contents, length);
}

void
fuzz_assert_proofs (const RoneoResult *result)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  for (guint i = 0; i < roneo_result_get_n_proofs (result); i++)
    {
      gsize length = 0;
      const guint8 *png = g_bytes_get_data (roneo_result_get_proof (result, i), &length);
      g_assert (length > sizeof png_signature
                && memcmp (png, png_signature, sizeof png_signature) == 0);
      const char *path = roneo_result_get_proof_path (result, i);
      if (path != NULL)
        g_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

void
fuzz_assert_clean_and_empty (void)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_assert (dir != NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, ".tmp") != NULL || g_str_has_prefix (name, "roneo."))
        g_error ("temporary file '%s' left behind", name);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_assert (g_unlink (path) == 0);
    }
}
