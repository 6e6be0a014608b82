#include "roneo-row-store.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A row on disk: its number of values, then each as a length and its bytes. */
struct _RoneoRowStore
{
  FILE *file;
  char *name;       /* for messages: the file is already unlinked */
  GArray *offsets;  /* guint64 per row */
  guint64 end;      /* bytes written */
  gboolean reading; /* the last operation was a read: seek before writing */
};

static gboolean
store_failed (const RoneoRowStore *store, int errnum, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
               _ ("cannot keep the rows of the CSV in '%s': %s (set TMPDIR to a folder with room)"),
               store->name, g_strerror (errnum != 0 ? errnum : EIO));
  return FALSE;
}

RoneoRowStore *
roneo_row_store_new (GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GError) local = NULL;
  int fd = g_file_open_tmp ("roneo-rows-XXXXXX", &name, &local);
  if (fd < 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot keep the rows of the CSV: %s (set TMPDIR to a writable folder)"),
                   local->message);
      return NULL;
    }
  g_unlink (name);
  RoneoRowStore *store = g_new0 (RoneoRowStore, 1);
  store->name = g_steal_pointer (&name);
  store->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  errno = 0;
  store->file = fdopen (fd, "w+b");
  if (store->file == NULL)
    {
      store_failed (store, errno, error);
      close (fd);
      roneo_row_store_free (store);
      return NULL;
    }
  return store;
}

static gboolean
write_u32 (FILE *file, guint32 value)
{
  return fwrite (&value, sizeof value, 1, file) == 1;
}

gboolean
roneo_row_store_add (RoneoRowStore *store, const char *const *values, GError **error)
{
  g_return_val_if_fail (store != NULL && values != NULL, FALSE);
  errno = 0;
  if (store->reading && fseeko (store->file, (off_t) store->end, SEEK_SET) != 0)
    return store_failed (store, errno, error);
  store->reading = FALSE;
  guint32 n = g_strv_length ((char **) values);
  gboolean ok = write_u32 (store->file, n);
  guint64 size = sizeof n;
  for (guint32 i = 0; ok && i < n; i++)
    {
      gsize length = strlen (values[i]);
      ok = length <= G_MAXUINT32 && write_u32 (store->file, (guint32) length)
           && fwrite (values[i], 1, length, store->file) == length;
      size += sizeof (guint32) + length;
    }
  if (!ok)
    return store_failed (store, errno, error);
  g_array_append_val (store->offsets, store->end);
  store->end += size;
  return TRUE;
}

guint
roneo_row_store_get_n_rows (const RoneoRowStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->offsets->len;
}

static char *
read_value (FILE *file)
{
  guint32 length = 0;
  if (fread (&length, sizeof length, 1, file) != 1)
    return NULL;
  g_autofree char *value = g_try_malloc ((gsize) length + 1);
  if (value == NULL || fread (value, 1, length, file) != length)
    return NULL;
  value[length] = '\0';
  return g_steal_pointer (&value);
}

GStrv
roneo_row_store_get (RoneoRowStore *store, guint row, GError **error)
{
  g_return_val_if_fail (store != NULL && row < store->offsets->len, NULL);
  errno = 0;
  guint32 n = 0;
  if ((!store->reading && fflush (store->file) != 0)
      || fseeko (store->file, (off_t) g_array_index (store->offsets, guint64, row), SEEK_SET) != 0
      || fread (&n, sizeof n, 1, store->file) != 1)
    {
      store_failed (store, errno, error);
      return NULL;
    }
  store->reading = TRUE;
  g_auto (GStrv) values = g_new0 (char *, (gsize) n + 1);
  for (guint32 i = 0; i < n; i++)
    if ((values[i] = read_value (store->file)) == NULL)
      {
        store_failed (store, errno, error);
        return NULL;
      }
  return g_steal_pointer (&values);
}

void
roneo_row_store_free (RoneoRowStore *store)
{
  if (store == NULL)
    return;
  if (store->file != NULL)
    fclose (store->file);
  g_array_unref (store->offsets);
  g_free (store->name);
  g_free (store);
}
