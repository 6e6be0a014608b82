/* roneo-test-files.c: scratch folders and files for the test programs. */
#include "roneo-test-files.h"

#include <glib/gstdio.h>

char *
roneo_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  return dir;
}

void
roneo_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          roneo_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
roneo_test_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

void
roneo_test_assert_no_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    if (g_str_has_prefix (name, prefix))
      g_error ("temporary '%s' left in '%s'", name, dir);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

void
roneo_test_png_size (const char *path, guint32 *width, guint32 *height)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *width = read_be32 ((const guchar *) data + 16);
  *height = read_be32 ((const guchar *) data + 20);
}

char *
roneo_test_write_file (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

char *
roneo_test_read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

void
roneo_test_assert_same_bytes (const char *a, const char *b)
{
  g_autofree char *a_bytes = NULL, *b_bytes = NULL;
  gsize a_length = 0, b_length = 0;
  g_assert_true (g_file_get_contents (a, &a_bytes, &a_length, NULL));
  g_assert_true (g_file_get_contents (b, &b_bytes, &b_length, NULL));
  g_assert_cmpmem (a_bytes, a_length, b_bytes, b_length);
}
