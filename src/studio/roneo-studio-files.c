/* roneo-studio-files.c: the folder the studio may read and write, and
 * nothing outside it.
 *
 * A name from the client is walked one component at a time from the folder's
 * descriptor with openat and O_NOFOLLOW: ".." and absolute names are refused
 * before anything is opened, and a symbolic link, to a file or to a folder,
 * is never followed (ELOOP, or ENOTDIR for O_DIRECTORY). A save goes to a
 * temporary name beside the target, renamed over it once written.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

/* A name that stays inside the folder by its letters alone. */
gboolean
roneo_studio_name_is_inside (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '/' || strchr (name, '\\') != NULL)
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

static int
set_open_error (const char *name, int saved, GError **error)
{
  /* A link, a file where a folder should be: the name leads out of the folder. */
  GIOErrorEnum code = saved == ELOOP || saved == ENOTDIR || saved == EACCES || saved == EPERM
                          ? G_IO_ERROR_PERMISSION_DENIED
                          : g_io_error_from_errno (saved);
  g_set_error (error, G_IO_ERROR, code, _ ("cannot open '%s': %s"), name, g_strerror (saved));
  return -1;
}

/* The folder holding name's last component, and that component. */
static int
open_parent (const RoneoStudio *studio, const char *name, const char **last, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (name, "/", -1);
  guint n = g_strv_length (parts);
  int fd = dup (studio->dir_fd);
  for (guint i = 0; fd >= 0 && i + 1 < n; i++)
    {
      int next = openat (fd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      int saved = errno;
      close (fd);
      if (next < 0)
        return set_open_error (name, saved, error);
      fd = next;
    }
  *last = strrchr (name, '/') != NULL ? strrchr (name, '/') + 1 : name;
  return fd;
}

int
roneo_studio_open_in_dir (const RoneoStudio *studio, const char *name, int flags, GError **error)
{
  if (!roneo_studio_name_is_inside (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _ ("'%s' is not a file of the studio's folder"), name != NULL ? name : "");
      return -1;
    }
  const char *last = NULL;
  int parent = open_parent (studio, name, &last, error);
  if (parent < 0)
    return -1;
  int fd = openat (parent, last, flags | O_NOFOLLOW | O_CLOEXEC, 0644);
  int saved = errno;
  close (parent);
  return fd >= 0 ? fd : set_open_error (name, saved, error);
}

static guint
status_of (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return SOUP_STATUS_FORBIDDEN;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return SOUP_STATUS_NOT_FOUND;
  return SOUP_STATUS_INTERNAL_SERVER_ERROR;
}

static void
reply_io_error (SoupServerMessage *msg, const GError *error)
{
  guint status = status_of (error);
  roneo_studio_reply_problem (msg, status, status == SOUP_STATUS_NOT_FOUND ? 2 : 5, error->message);
}

static const char *
type_of (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".png")                                        ? "image/png"
         : g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg") ? "image/jpeg"
         : g_str_has_suffix (lower, ".svg")                                      ? "image/svg+xml"
         : g_str_has_suffix (lower, ".pdf")                                      ? "application/pdf"
         : g_str_has_suffix (lower, ".csv")                                      ? "text/csv"
         : g_str_has_suffix (lower, ".md")                                       ? "text/markdown"
                                                                                 : "text/plain";
}

static void
read_file (RoneoStudio *studio, SoupServerMessage *msg, const char *name)
{
  g_autoptr (GError) error = NULL;
  int fd = roneo_studio_open_in_dir (studio, name, O_RDONLY, &error);
  if (fd < 0)
    return reply_io_error (msg, error);
  g_autoptr (GInputStream) in = g_unix_input_stream_new (fd, TRUE);
  g_autoptr (GBytes) bytes
      = g_input_stream_read_bytes (in, RONEO_STUDIO_DATA_LIMIT + 1, NULL, &error);
  if (bytes == NULL)
    return reply_io_error (msg, error);
  roneo_studio_reply_bytes (msg, SOUP_STATUS_OK, type_of (name), bytes);
}

static gboolean
write_all (int fd, GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return fsync (fd) == 0;
}

/* Written as NAME.tmp, renamed over NAME: never half a file under the name. */
static void
save_file (RoneoStudio *studio, SoupServerMessage *msg, const char *name)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = roneo_studio_body_peek (msg);
  if (!roneo_studio_name_is_inside (name))
    return roneo_studio_reply_problem (msg, SOUP_STATUS_FORBIDDEN, 2,
                                       _ ("the name is not that of a file of the folder"));
  g_autofree char *temporary = g_strconcat (name != NULL ? name : "", ".tmp", NULL);
  int fd = roneo_studio_open_in_dir (studio, temporary, O_WRONLY | O_CREAT | O_TRUNC, &error);
  /* The target must not be a link either: it would be replaced, not followed. */
  int target = fd >= 0 ? roneo_studio_open_in_dir (studio, name, O_RDONLY, &error) : -1;
  if (target >= 0)
    close (target);
  if (fd < 0 || (target < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)))
    {
      if (fd >= 0)
        close (fd), unlinkat (studio->dir_fd, temporary, 0);
      return reply_io_error (msg, error);
    }
  gboolean written = write_all (fd, bytes != NULL ? bytes : g_bytes_new_static ("", 0));
  int saved = errno;
  if (close (fd) != 0 || !written
      || renameat (studio->dir_fd, temporary, studio->dir_fd, name) != 0)
    {
      saved = errno ? errno : saved;
      unlinkat (studio->dir_fd, temporary, 0);
      g_autofree char *why
          = g_strdup_printf (_ ("cannot write '%s': %s"), name, g_strerror (saved));
      return roneo_studio_reply_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, 5, why);
    }
  roneo_studio_reply_json (msg, SOUP_STATUS_OK, json_from_string ("{\"saved\": true}", NULL));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The folder's own files (not those of its subfolders), links left out. */
static void
list_files (RoneoStudio *studio, SoupServerMessage *msg)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_array (b);
  DIR *dir = fdopendir (dup (studio->dir_fd));
  /* The duplicate shares the folder's offset, left at the end by the last listing. */
  if (dir != NULL)
    rewinddir (dir);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (struct dirent *entry; dir != NULL && (entry = readdir (dir)) != NULL;)
    {
      struct stat st;
      if (entry->d_name[0] != '.'
          && fstatat (studio->dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
          && S_ISREG (st.st_mode))
        g_ptr_array_add (names, g_strdup (entry->d_name));
    }
  if (dir != NULL)
    closedir (dir);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, type_of (name));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  roneo_studio_reply_json (msg, SOUP_STATUS_OK, json_builder_get_root (b));
}

void
roneo_studio_files_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                           GHashTable *query)
{
  const char *method = soup_server_message_get_method (msg);
  const char *name = query != NULL ? g_hash_table_lookup (query, "name") : NULL;
  gboolean post = strcmp (method, "POST") == 0;
  if (strcmp (path, "/api/files") == 0 && !post)
    list_files (studio, msg);
  else if (strcmp (path, "/api/file") == 0 && post)
    save_file (studio, msg, name);
  else if (strcmp (path, "/api/file") == 0)
    read_file (studio, msg, name);
  else
    roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 1, _ ("no such address"));
}
