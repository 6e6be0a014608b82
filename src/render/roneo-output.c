#include "roneo-output.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct _RoneoOutput
{
  char *path;      /* the target, "-" for standard output */
  char *temp_path; /* what we write; NULL for standard output */
  FILE *file;      /* NULL once closed */
  int errnum;      /* first failure, 0 if none */
  const gint *cancel;
  gboolean committed;
};

static gboolean
is_stdout (const char *path)
{
  return strcmp (path, "-") == 0;
}

static const char *
hint_for (int errnum)
{
  if (errnum == ENOSPC || errnum == EDQUOT || errnum == EFBIG)
    return "free some space or write it elsewhere";
  if (errnum == EPIPE)
    return "the program reading the output stopped";
  return "write it elsewhere";
}

/* The message names the target the user asked for, never our temporary. */
static void
set_error (GError **error, const char *path, const char *reason, int errnum)
{
  if (errnum == EINTR)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("interrupted: nothing was written"));
      return;
    }
  if (is_stdout (path))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot write to standard output: %s (%s)"), reason, hint_for (errnum));
      return;
    }
  if (errnum == ENOENT)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot write '%s': %s (is there a folder '%s'?)"), path, reason, dir);
      return;
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': %s (%s)"), path,
               reason, hint_for (errnum));
}

static void
set_errno_error (GError **error, const char *path, int errnum)
{
  set_error (error, path, g_strerror (errnum), errnum);
}

/* Renaming onto a device or a directory would replace it (as root, even
 * /dev/full): only a regular file, a symlink (replaced, not followed) or
 * nothing may be at the target. */
static gboolean
check_target (const char *path, GError **error)
{
  struct stat st;
  if (lstat (path, &st) != 0 || S_ISREG (st.st_mode) || S_ISLNK (st.st_mode))
    return TRUE;
  set_error (error, path, "not a regular file", 0);
  return FALSE;
}

static RoneoOutput *
output_new (const char *path, char *temp_path, FILE *file)
{
  RoneoOutput *output = g_new0 (RoneoOutput, 1);
  output->path = g_strdup (path);
  output->temp_path = temp_path;
  output->file = file;
  return output;
}

/* Our own copy of standard output's descriptor: closing it leaves fd 1. */
static RoneoOutput *
open_stdout (GError **error)
{
  int fd = dup (STDOUT_FILENO);
  FILE *file = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (file == NULL)
    {
      int errnum = errno;
      if (fd >= 0)
        close (fd);
      set_errno_error (error, "-", errnum);
      return NULL;
    }
  return output_new ("-", NULL, file);
}

/* mkstemp's mode is 0600; a PDF should get the mode any new file gets. */
static RoneoOutput *
open_temp (const char *error_path, const char *base, const char *suffix, GError **error)
{
  g_autofree char *temp_path = g_strdup_printf ("%s.XXXXXX%s", base, suffix);
  int fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  FILE *file = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (file == NULL)
    {
      int errnum = errno;
      if (fd >= 0)
        {
          close (fd);
          unlink (temp_path);
        }
      set_errno_error (error, error_path, errnum);
      return NULL;
    }
  return output_new (error_path, g_steal_pointer (&temp_path), file);
}

RoneoOutput *
roneo_output_open (const char *path, const char *suffix, GError **error)
{
  g_return_val_if_fail (path != NULL && suffix != NULL, NULL);
  if (is_stdout (path))
    return open_stdout (error);
  if (!check_target (path, error))
    return NULL;
  return open_temp (path, path, suffix, error);
}

RoneoOutput *
roneo_output_open_scratch (const char *near, const char *suffix, GError **error)
{
  g_return_val_if_fail (near != NULL && suffix != NULL, NULL);
  if (!is_stdout (near))
    return open_temp (near, near, suffix, error);
  g_autofree char *base = g_build_filename (g_get_tmp_dir (), "roneo", NULL);
  return open_temp (near, base, suffix, error);
}

void
roneo_output_set_cancel (RoneoOutput *output, const gint *cancel)
{
  output->cancel = cancel;
}

static gboolean
cancelled (const RoneoOutput *output)
{
  return output->cancel != NULL && g_atomic_int_get (output->cancel) != 0;
}

gboolean
roneo_output_write (RoneoOutput *output, const void *data, gsize length)
{
  if (output->errnum != 0 || output->file == NULL)
    return FALSE;
  if (cancelled (output))
    output->errnum = EINTR;
  errno = 0;
  if (output->errnum == 0 && length > 0 && fwrite (data, 1, length, output->file) != length)
    output->errnum = errno != 0 ? errno : EIO;
  return output->errnum == 0;
}

cairo_status_t
roneo_output_cairo_write (void *closure, const unsigned char *data, unsigned int length)
{
  return roneo_output_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
}

/* A full disk often shows only here: the last buffer, or delayed allocation.
 * A pipe or a terminal cannot be synced (EINVAL): that is no failure. */
static void
close_file (RoneoOutput *output)
{
  FILE *file = output->file;
  output->file = NULL;
  if (fflush (file) != 0 && output->errnum == 0)
    output->errnum = errno;
  if (output->temp_path != NULL && fsync (fileno (file)) != 0 && output->errnum == 0
      && errno != EINVAL)
    output->errnum = errno;
  if (fclose (file) != 0 && output->errnum == 0)
    output->errnum = errno;
  if (output->errnum == 0 && cancelled (output))
    output->errnum = EINTR;
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

static gboolean
rename_into_place (RoneoOutput *output, GError **error)
{
  if (output->temp_path != NULL && rename (output->temp_path, output->path) != 0)
    {
      set_errno_error (error, output->path, errno);
      return FALSE;
    }
  output->committed = TRUE;
  return TRUE;
}

gboolean
roneo_output_commit (RoneoOutput *output, GError **error)
{
  return roneo_output_close (output, error) && rename_into_place (output, error);
}

const char *
roneo_output_peek_temp_path (const RoneoOutput *output)
{
  return output->temp_path;
}

const char *
roneo_output_peek_path (const RoneoOutput *output)
{
  return output->path;
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
  if (!output->committed && output->temp_path != NULL)
    unlink (output->temp_path);
  g_free (output->temp_path);
  g_free (output->path);
  g_free (output);
}

/* --- the outputs of one job ------------------------------------------------ */

typedef struct
{
  char *what;
  char *path;
  dev_t dev;
  ino_t ino;
} Named;

struct _RoneoOutputSet
{
  gboolean force;
  const gint *cancel;
  GArray *inputs;     /* Named */
  GArray *targets;    /* Named: where each output goes, the path canonical */
  GPtrArray *outputs; /* RoneoOutput*, in the order opened */
};

static void
named_clear (Named *named)
{
  g_free (named->what);
  g_free (named->path);
}

RoneoOutputSet *
roneo_output_set_new (gboolean force, const gint *cancel)
{
  RoneoOutputSet *set = g_new0 (RoneoOutputSet, 1);
  set->force = force;
  set->cancel = cancel;
  set->inputs = g_array_new (FALSE, TRUE, sizeof (Named));
  g_array_set_clear_func (set->inputs, (GDestroyNotify) named_clear);
  set->targets = g_array_new (FALSE, TRUE, sizeof (Named));
  g_array_set_clear_func (set->targets, (GDestroyNotify) named_clear);
  set->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_output_free);
  return set;
}

void
roneo_output_set_add_input (RoneoOutputSet *set, const char *what, const char *path)
{
  g_return_if_fail (set != NULL && what != NULL);
  struct stat st;
  if (path == NULL
      || (is_stdout (path) ? fstat (STDIN_FILENO, &st) != 0 || !S_ISREG (st.st_mode)
                           : stat (path, &st) != 0))
    return;
  Named input
      = { g_strdup (what), g_strdup (is_stdout (path) ? "<stdin>" : path), st.st_dev, st.st_ino };
  g_array_append_val (set->inputs, input);
}

/* The file at path, followed through symlinks, is one the job reads. */
static gboolean
check_not_input (RoneoOutputSet *set, const char *path, const char *what, GError **error)
{
  struct stat st;
  if (is_stdout (path) || stat (path, &st) != 0)
    return TRUE;
  for (guint i = 0; i < set->inputs->len; i++)
    {
      const Named *input = &g_array_index (set->inputs, Named, i);
      if (input->dev != st.st_dev || input->ino != st.st_ino)
        continue;
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot write %s to '%s': that is %s this job reads ('%s'), and it would "
                      "be lost (give %s another name)"),
                   what, path, input->what, input->path, what);
      return FALSE;
    }
  return TRUE;
}

/* Two outputs of one job at one place: one would replace the other. */
static gboolean
check_not_target (RoneoOutputSet *set, const char *canonical, const char *path, const char *what,
                  GError **error)
{
  struct stat st;
  gboolean exists = !is_stdout (path) && stat (path, &st) == 0;
  for (guint i = 0; i < set->targets->len; i++)
    {
      const Named *target = &g_array_index (set->targets, Named, i);
      gboolean same = strcmp (target->path, canonical) == 0
                      || (exists && target->dev == st.st_dev && target->ino == st.st_ino);
      if (!same)
        continue;
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot write both %s and %s to '%s' (give each its own name)"), target->what,
                   what, path);
      return FALSE;
    }
  return TRUE;
}

/* The user typed `-o tract.md`: a file that is not a PDF is not ours to
 * replace. A symlink is replaced, not followed: its target stays as it is. */
static gboolean
check_replaceable (RoneoOutputSet *set, const char *path, const char *what, GError **error)
{
  struct stat st;
  if (set->force || is_stdout (path) || lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;
  char head[5] = { 0 };
  FILE *file = fopen (path, "rb");
  gsize got = file != NULL ? fread (head, 1, sizeof head, file) : 0;
  if (file != NULL)
    fclose (file);
  if (got == sizeof head && memcmp (head, "%PDF-", sizeof head) == 0)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_NOT_A_PDF,
               _ ("cannot write %s to '%s': the file there is not a PDF, so it is kept"), what,
               path);
  return FALSE;
}

gboolean
roneo_output_set_check (RoneoOutputSet *set, const char *path, const char *what, gboolean pdf,
                        GError **error)
{
  g_return_val_if_fail (set != NULL && path != NULL && what != NULL, FALSE);
  g_autofree char *canonical
      = is_stdout (path) ? g_strdup (path) : g_canonicalize_filename (path, NULL);
  return check_not_input (set, path, what, error)
         && check_not_target (set, canonical, path, what, error)
         && (!pdf || check_replaceable (set, path, what, error));
}

static void
add_target (RoneoOutputSet *set, const char *path, const char *what)
{
  struct stat st = { 0 };
  if (is_stdout (path) || stat (path, &st) != 0)
    st.st_dev = st.st_ino = 0;
  Named target = { g_strdup (what),
                   is_stdout (path) ? g_strdup (path) : g_canonicalize_filename (path, NULL),
                   st.st_dev, st.st_ino };
  g_array_append_val (set->targets, target);
}

RoneoOutput *
roneo_output_set_open (RoneoOutputSet *set, const char *path, const char *what, gboolean pdf,
                       GError **error)
{
  if (!roneo_output_set_check (set, path, what, pdf, error))
    return NULL;
  RoneoOutput *output = roneo_output_open (path, ".tmp", error);
  if (output == NULL)
    return NULL;
  roneo_output_set_cancel (output, set->cancel);
  add_target (set, path, what);
  g_ptr_array_add (set->outputs, output);
  return output;
}

gboolean
roneo_output_set_commit (RoneoOutputSet *set, GError **error)
{
  g_return_val_if_fail (set != NULL, FALSE);
  for (guint i = 0; i < set->outputs->len; i++)
    {
      RoneoOutput *output = g_ptr_array_index (set->outputs, i);
      if (output->file != NULL && !roneo_output_close (output, error))
        return FALSE;
    }
  if (set->cancel != NULL && g_atomic_int_get (set->cancel) != 0)
    {
      set_error (error, "-", "", EINTR);
      return FALSE;
    }
  for (guint i = set->outputs->len; i-- > 0;)
    if (!rename_into_place (g_ptr_array_index (set->outputs, i), error))
      return FALSE;
  return TRUE;
}

void
roneo_output_set_free (RoneoOutputSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->outputs);
  g_array_unref (set->targets);
  g_array_unref (set->inputs);
  g_free (set);
}
