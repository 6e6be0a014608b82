/* roneo-input.c: opening and reading the files a job reads, within limits. */
#include "roneo-input.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

struct _RoneoInput
{
  char *source;  /* the path, "<stdin>" or the bytes' name */
  int fd;        /* -1 for bytes */
  GBytes *bytes; /* owned, or NULL for a file */
  gsize offset;  /* in bytes: what was read */
  gboolean is_stdin;
  RoneoInputKind kind;
  guint64 total; /* bytes read so far */
};

static const struct
{
  const char *cannot_read; /* "cannot read '%s': %s", path and reason */
  const char *noun;        /* in the size message */
  guint64 limit;
  const char *limit_text;
  const char *hint;
} kinds[] = {
  [RONEO_INPUT_COPY] = { N_ ("cannot read '%s': %s"), N_ ("copy"), RONEO_INPUT_MAX_TEXT,
                         N_ ("10 MB"), N_ ("is it the right file?") },
  [RONEO_INPUT_LAYOUT] = { N_ ("cannot read layout '%s': %s"), N_ ("layout"), RONEO_INPUT_MAX_TEXT,
                           N_ ("10 MB"), N_ ("is it the right file?") },
  [RONEO_INPUT_DATA] = { N_ ("cannot read '%s': %s"), N_ ("CSV file"), RONEO_INPUT_MAX_DATA,
                         N_ ("1 GB"), N_ ("split it into several files") },
  [RONEO_INPUT_IMAGE] = { N_ ("cannot read '%s': %s"), N_ ("picture"), RONEO_INPUT_MAX_IMAGE,
                          N_ ("50 MB"), N_ ("export a smaller file for print") },
};

static gboolean fail (GError **error, RoneoInputKind kind, const char *source, const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError **error, RoneoInputKind kind, const char *source, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ (kinds[kind].cannot_read), source, reason);
  return FALSE;
}

static const char *
type_name (mode_t mode)
{
  if (S_ISDIR (mode))
    return _ ("a folder");
  if (S_ISFIFO (mode))
    return _ ("a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _ ("a device");
  if (S_ISSOCK (mode))
    return _ ("a socket");
  return _ ("not a regular file");
}

/* A FIFO, a device or a folder is refused: only a regular file has an end. */
static gboolean
check_regular (const struct stat *st, RoneoInputKind kind, const char *path, GError **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;
  if (kind == RONEO_INPUT_IMAGE)
    return fail (error, kind, path, _ ("it is %s, not a picture file"), type_name (st->st_mode));
  return fail (error, kind, path,
               _ ("it is %s, not a file (give a file, or - and send the %s "
                  "on standard input)"),
               type_name (st->st_mode), _ (kinds[kind].noun));
}

/* Checked before opening (opening a FIFO waits for a writer), and again on
 * what was opened, in case the path changed in between. */
static int
open_regular (const char *path, RoneoInputKind kind, GError **error)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      int errnum = errno;
      fail (error, kind, path, "%s", g_strerror (errnum));
      return -1;
    }
  if (!check_regular (&st, kind, path, error))
    return -1;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      int errnum = errno;
      fail (error, kind, path, "%s", g_strerror (errnum));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !check_regular (&st, kind, path, error))
    {
      if (error != NULL && *error == NULL)
        fail (error, kind, path, "%s", g_strerror (errno));
      close (fd);
      return -1;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

RoneoInput *
roneo_input_open (const char *path, RoneoInputKind kind, GError **error)
{
  g_return_val_if_fail (path != NULL && kind < G_N_ELEMENTS (kinds), NULL);
  /* a picture named "-" is a file of that name: the copy may be on standard input */
  gboolean is_stdin = strcmp (path, "-") == 0 && kind != RONEO_INPUT_IMAGE;
  int fd = is_stdin ? STDIN_FILENO : open_regular (path, kind, error);
  if (fd < 0)
    return NULL;
  RoneoInput *input = g_new0 (RoneoInput, 1);
  input->source = g_strdup (is_stdin ? "<stdin>" : path);
  input->fd = fd;
  input->is_stdin = is_stdin;
  input->kind = kind;
  return input;
}

RoneoInput *
roneo_input_new_bytes (GBytes *bytes, const char *name, RoneoInputKind kind)
{
  g_return_val_if_fail (bytes != NULL && name != NULL && kind < G_N_ELEMENTS (kinds), NULL);
  RoneoInput *input = g_new0 (RoneoInput, 1);
  input->source = g_strdup (name);
  input->fd = -1;
  input->bytes = g_bytes_ref (bytes);
  input->kind = kind;
  return input;
}

static gssize
read_bytes (RoneoInput *input, void *buffer, gsize size)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (input->bytes, &length);
  gsize n = MIN (size, length - input->offset);
  if (n > 0)
    memcpy (buffer, data + input->offset, n);
  input->offset += n;
  return (gssize) n;
}

gssize
roneo_input_read (RoneoInput *input, void *buffer, gsize size, GError **error)
{
  g_return_val_if_fail (input != NULL && buffer != NULL, -1);
  gssize n
      = input->bytes != NULL ? read_bytes (input, buffer, size) : read (input->fd, buffer, size);
  if (n < 0)
    {
      int errnum = errno;
      fail (error, input->kind, input->source, "%s",
            errnum == EINTR ? "interrupted" : g_strerror (errnum));
      return -1;
    }
  input->total += (guint64) n;
  if (input->total > kinds[input->kind].limit)
    {
      fail (error, input->kind, input->source,
            _ ("it is larger than %s, the most a %s may be (%s)"),
            _ (kinds[input->kind].limit_text), _ (kinds[input->kind].noun),
            _ (kinds[input->kind].hint));
      return -1;
    }
  return n;
}

const char *
roneo_input_get_source (const RoneoInput *input)
{
  return input->source;
}

void
roneo_input_free (RoneoInput *input)
{
  if (input == NULL)
    return;
  if (input->fd >= 0 && !input->is_stdin)
    close (input->fd);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_free (input->source);
  g_free (input);
}

GBytes *
roneo_input_read_all (const char *path, RoneoInputKind kind, GError **error)
{
  g_autoptr (RoneoInput) input = roneo_input_open (path, kind, error);
  if (input == NULL)
    return NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  for (;;)
    {
      gsize old = bytes->len;
      g_byte_array_set_size (bytes, old + CHUNK);
      gssize n = roneo_input_read (input, bytes->data + old, CHUNK, error);
      g_byte_array_set_size (bytes, old + MAX (n, 0));
      if (n < 0)
        return NULL;
      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
    }
}
