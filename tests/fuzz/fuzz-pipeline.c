/* fuzz-pipeline.c: the engine and the private folder of the pipeline fuzz targets. */
#include "fuzz-pipeline.h"

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

RoneoEngine *
fuzz_engine (void)
{
  if (engine != NULL)
    return engine;
  g_log_set_default_handler (abort_on_warning, NULL);
  g_autoptr (GError) error = NULL;
  folder = g_dir_make_tmp ("roneo-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
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

void
fuzz_assert_job_error (const GError *error)
{
  g_assert (error != NULL && error->domain == RONEO_ERROR);
  g_assert (error->code >= RONEO_ERROR_USAGE && error->code <= RONEO_ERROR_PRINT);
  g_assert (error->message != NULL && error->message[0] != '\0');
  g_assert (g_utf8_validate (error->message, -1, NULL));
}

void
fuzz_assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_assert (g_file_get_contents (path, &contents, &length, NULL));
  g_assert (length > 16 && memcmp (contents, "%PDF-", 5) == 0);
  g_autofree char *tail = g_strndup (contents + length - MIN (length, 32), MIN (length, 32));
  g_assert (strstr (tail, "%%EOF") != NULL);
}

void
fuzz_assert_clean_and_empty (void)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_assert (dir != NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, ".tmp") != NULL)
        g_error ("temporary file '%s' left behind", name);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_assert (g_unlink (path) == 0);
    }
}
