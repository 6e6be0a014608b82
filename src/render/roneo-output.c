#include "roneo-output.h"

#include "roneo-error.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct _RoneoOutput
{
  char *path;      /* the target */
  char *temp_path; /* what we write */
  FILE *file;      /* NULL once closed */
  int errnum;      /* first failure, 0 if none */
  gboolean committed;
};

static const char *
hint_for (int errnum)
{
  if (errnum == ENOSPC || errnum == EDQUOT || errnum == EFBIG)
    return "free some space or choose another -o";
  return "choose another -o";
}

/* The message names the target the user asked for, never our temporary. */
static void
set_error (GError **error, const char *path, const char *reason, int errnum)
{
  if (errnum == ENOENT)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   "cannot write '%s': %s (is there a folder '%s'?)", path, reason, dir);
      return;
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "cannot write '%s': %s (%s)", path,
               reason, hint_for (errnum));
}

static void
set_errno_error (GError **error, const char *path, int errnum)
{
  set_error (error, path, g_strerror (errnum), errnum);
}

/* Renaming onto a device or a directory would replace it (as root, even
 * /dev/full): only a regular file or nothing may be at the target. */
static gboolean
check_target (const char *path, GError **error)
{
  struct stat st;
  if (stat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;
  set_error (error, path, "not a regular file", 0);
  return FALSE;
}

RoneoOutput *
roneo_output_open (const char *path, const char *suffix, GError **error)
{
  g_return_val_if_fail (path != NULL && suffix != NULL, NULL);
  if (!check_target (path, error))
    return NULL;
  g_autofree char *temp_path = g_strconcat (path, suffix, NULL);
  FILE *file = fopen (temp_path, "wb");
  if (file == NULL)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  RoneoOutput *output = g_new0 (RoneoOutput, 1);
  output->path = g_strdup (path);
  output->temp_path = g_steal_pointer (&temp_path);
  output->file = file;
  return output;
}

gboolean
roneo_output_write (RoneoOutput *output, const void *data, gsize length)
{
  if (output->errnum != 0 || output->file == NULL)
    return FALSE;
  errno = 0;
  if (length > 0 && fwrite (data, 1, length, output->file) != length)
    output->errnum = errno != 0 ? errno : EIO;
  return output->errnum == 0;
}

cairo_status_t
roneo_output_cairo_write (void *closure, const unsigned char *data, unsigned int length)
{
  return roneo_output_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
}

/* A full disk often shows only here: the last buffer, or delayed allocation. */
static void
close_file (RoneoOutput *output)
{
  FILE *file = output->file;
  output->file = NULL;
  if (fflush (file) != 0 && output->errnum == 0)
    output->errnum = errno;
  if (fsync (fileno (file)) != 0 && output->errnum == 0 && errno != EINVAL)
    output->errnum = errno;
  if (fclose (file) != 0 && output->errnum == 0)
    output->errnum = errno;
}

gboolean
roneo_output_close (RoneoOutput *output, GError **error)
{
  g_return_val_if_fail (output->file != NULL, FALSE);
  close_file (output);
  if (output->errnum == 0)
    return TRUE;
  set_errno_error (error, output->path, output->errnum);
  return FALSE;
}

gboolean
roneo_output_commit (RoneoOutput *output, GError **error)
{
  if (!roneo_output_close (output, error))
    return FALSE;
  if (rename (output->temp_path, output->path) != 0)
    {
      set_errno_error (error, output->path, errno);
      return FALSE;
    }
  output->committed = TRUE;
  return TRUE;
}

const char *
roneo_output_peek_temp_path (const RoneoOutput *output)
{
  return output->temp_path;
}

gboolean
roneo_output_fail (const RoneoOutput *output, const char *fallback, GError **error)
{
  if (output->errnum != 0)
    set_errno_error (error, output->path, output->errnum);
  else
    set_error (error, output->path, fallback, 0);
  return FALSE;
}

void
roneo_output_free (RoneoOutput *output)
{
  if (output == NULL)
    return;
  if (output->file != NULL)
    fclose (output->file);
  if (!output->committed)
    unlink (output->temp_path);
  g_free (output->temp_path);
  g_free (output->path);
  g_free (output);
}
