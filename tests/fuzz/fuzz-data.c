/* fuzz-data.c: libFuzzer target for the CSV reader of a batch.
 *
 * The bytes go to a temporary file (the reader streams a file) and are read
 * row by row to the end or the first error. Any bytes must give rows of
 * exactly one UTF-8 value per column, on lines that grow, and end cleanly
 * or with one RONEO_ERROR_INPUT; roneo_data_count_rows() must agree.
 */
#include "roneo-data.h"
#include "roneo-error.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
assert_input_error (const GError *error)
{
  g_assert (error != NULL && error->domain == RONEO_ERROR && error->code == RONEO_ERROR_INPUT);
}

/* Reads every row; the number read, or 0 after an error. */
static guint
read_rows (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) set = roneo_data_open (path, &error);
  if (set == NULL)
    {
      assert_input_error (error);
      return 0;
    }
  const char *const *fields = roneo_data_get_fields (set);
  guint n_fields = g_strv_length ((GStrv) fields);
  g_assert (n_fields > 0);
  guint count = 0, line = 0, last_line = 0;
  GStrv values = NULL;
  for (; roneo_data_next (set, &values, &line, &error); count++)
    {
      g_assert (g_strv_length (values) == n_fields);
      for (guint i = 0; i < n_fields; i++)
        g_assert (g_utf8_validate (values[i], -1, NULL));
      g_assert (line > last_line);
      last_line = line;
      g_strfreev (values);
    }
  g_assert (roneo_data_get_max_queued (set) <= 1);
  if (error != NULL)
    {
      assert_input_error (error);
      return 0;
    }
  g_assert (count > 0);
  return count;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("fuzz-data-XXXXXX.csv", &path, &error);
  g_assert (fd >= 0);
  g_assert (write (fd, data, size) == (ssize_t) size);
  close (fd);

  guint count = read_rows (path);
  guint counted = roneo_data_count_rows (path, &error);
  g_assert (counted == count);
  g_assert ((counted == 0) == (error != NULL));
  g_unlink (path);
  return 0;
}
