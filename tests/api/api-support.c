/* api-support.c: what the api suite's programs share (api-support.h). */
#include "api-support.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static char *tmp_dir;
static RoneoEngine *engine;

static void
free_shared (void)
{
  g_clear_pointer (&engine, roneo_engine_free);
  if (tmp_dir != NULL)
    api_remove_dir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

/* Made by hand: g_dir_make_tmp would ask g_get_tmp_dir, which keeps its
 * first answer, before TMPDIR points at the new folder. */
const char *
api_isolate_tmp (void)
{
  const char *parent = g_getenv ("TMPDIR");
  tmp_dir = g_build_filename (parent && *parent ? parent : "/tmp", "roneo-api-XXXXXX", NULL);
  if (g_mkdtemp (tmp_dir) == NULL)
    g_error ("cannot make '%s': %s", tmp_dir, g_strerror (errno));
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_dir);
  atexit (free_shared);
  return tmp_dir;
}

RoneoEngine *
api_engine (void)
{
  if (engine != NULL)
    return engine;
  g_autoptr (GError) error = NULL;
  engine = roneo_engine_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (engine);
  return engine;
}

GBytes *
api_read_case (const char *name)
{
  const char *cases = g_getenv ("RONEO_TEST_CASES");
  g_assert_nonnull (cases);
  g_autofree char *path = g_build_filename (cases, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

char *
api_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("scratch-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

char *
api_list_dir (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

void
api_remove_dir (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

GBytes *
api_memory_bytes (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  return g_bytes_new (g_memory_output_stream_get_data (memory),
                      g_memory_output_stream_get_data_size (memory));
}

PopplerDocument *
api_open_pdf (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* text without whitespace, U+2019 as ', case folded (headlines may be in
 * capitals). Owned. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, c == 0x2019 ? '\'' : c);
    }
  g_autofree char *squeezed = g_string_free (out, FALSE);
  return g_utf8_casefold (squeezed, -1);
}

char *
api_pdf_words (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_string_append (all, text ? text : "");
    }
  g_autofree char *text = g_string_free (all, FALSE);
  return squeeze (text);
}

void
api_assert_pdf_has (PopplerDocument *doc, const char *word)
{
  g_autofree char *words = api_pdf_words (doc);
  g_autofree char *wanted = squeeze (word);
  if (strstr (words, wanted) == NULL)
    g_error ("'%s' is not in the PDF's text: %s", word, words);
}

void
api_assert_library_message (const char *message)
{
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (g_utf8_validate (message, -1, NULL));
  if (strstr (message, "--") != NULL)
    g_error ("the message names a command-line flag: %s", message);
}

void
api_assert_left_nothing (const char *scratch)
{
  g_autofree char *left = api_list_dir (scratch);
  g_assert_cmpstr (left, ==, "");
  g_autofree char *in_tmp = api_list_dir (g_get_tmp_dir ());
  g_autofree char *scratch_name = g_path_get_basename (scratch);
  g_assert_cmpstr (in_tmp, ==, scratch_name);
  api_remove_dir (scratch);
}
