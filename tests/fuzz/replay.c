/* replay.c: runs a fuzz target over its corpus when no fuzzing engine is linked.
 *
 * Like libvips' fuzz/common_fuzzer_corpus: every regular file in the
 * directories (or the files) given as arguments goes once through
 * LLVMFuzzerTestOneInput, so the corpus and past crashers stay regression tests
 * in an ordinary build.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return TRUE;
}

/* Returns the number of inputs replayed, or -1 when one cannot be read. */
static int
replay_path (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  int count = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path) ? 1 : -1;
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return -1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!replay_file (file))
        return -1;
      count++;
    }
  return count;
}

int
main (int argc, char *argv[])
{
  int total = 0;

  for (int i = 1; i < argc; i++)
    {
      int count = replay_path (argv[i]);
      if (count < 0)
        return 1;
      total += count;
    }
  printf ("replayed %d inputs\n", total);
  return total > 0 ? 0 : 77; /* 77: meson's "skipped" when the corpus is empty */
}
