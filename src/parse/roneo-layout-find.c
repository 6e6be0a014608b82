/* roneo-layout-find.c: finding the layout files by name in the layout dirs.
 *
 * A layout is NAME.ini in one of the dirs the engine was given (the user's
 * first, then the installed ones): the first dir that has a name wins, as a
 * PATH entry would. Listing parses every one of them for `roneo layouts`.
 */
#include "roneo-layout-parser.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <string.h>

/* The NAME of every NAME.ini in dirs and its path, first dir first, each name
 * once. */
static void
scan_dirs (const char *const *dirs, GPtrArray *names, GPtrArray *paths)
{
  for (guint d = 0; dirs != NULL && dirs[d] != NULL; d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      const char *entry = NULL;
      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        {
          if (!g_str_has_suffix (entry, ".ini") || strlen (entry) == 4)
            continue;
          g_autofree char *name = g_strndup (entry, strlen (entry) - 4);
          if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            continue;
          g_ptr_array_add (paths, g_build_filename (dirs[d], entry, NULL));
          g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
roneo_layout_find (const char *name, const char *const *dirs, GError **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  if (strcmp (name, "-") == 0 || strchr (name, '/') != NULL || g_str_has_suffix (name, ".ini"))
    return g_strdup (name);
  for (guint d = 0; *name != '\0' && dirs != NULL && dirs[d] != NULL; d++)
    {
      g_autofree char *file = g_strconcat (name, ".ini", NULL);
      g_autofree char *path = g_build_filename (dirs[d], file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  scan_dirs (dirs, names, paths);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  g_autofree char *available = g_strjoinv (", ", (char **) names->pdata);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("unknown layout '%s' (available: %s)"),
               name, *available ? available : "none");
  return NULL;
}

gboolean
roneo_layout_reference_is_valid (const char *value)
{
  if (g_str_has_suffix (value, ".ini") && strlen (value) > 4)
    return TRUE;
  if (!g_ascii_isalnum (value[0]))
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static int
compare_layouts (gconstpointer a, gconstpointer b)
{
  const RoneoLayout *la = *(RoneoLayout *const *) a, *lb = *(RoneoLayout *const *) b;
  int by_name = g_strcmp0 (la->name, lb->name);
  return by_name != 0 ? by_name : g_strcmp0 (la->path, lb->path);
}

/* warnings receives the messages of the files that failed, as char* the
 * array's free function must release (g_free). */
GPtrArray *
roneo_layout_list (const char *const *dirs, GPtrArray *warnings)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  scan_dirs (dirs, names, paths);
  GPtrArray *layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_layout_free);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) local = NULL;
      RoneoLayout *layout = roneo_layout_parse_file (g_ptr_array_index (paths, i), &local);
      if (layout != NULL)
        g_ptr_array_add (layouts, layout);
      else if (warnings != NULL)
        g_ptr_array_add (warnings, g_strdup (local->message));
    }
  g_ptr_array_sort (layouts, compare_layouts);
  return layouts;
}
