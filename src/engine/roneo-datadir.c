/* Where roneo's data lives, and the date a job carries. */
#include "roneo-datadir-private.h"
#include "roneo-intl-private.h"

#include "roneo-buildtree.h"
#include "roneo-config.h"
#include "roneo-error.h"
#include "roneo-job.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static gboolean
has_layouts (const char *dir)
{
  g_autofree char *layouts = g_build_filename (dir, "layouts", NULL);
  return g_file_test (layouts, G_FILE_TEST_IS_DIR);
}

char *
roneo_datadir_find (void)
{
  const char *env = g_getenv ("RONEO_DATA_DIR");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (roneo_running_from_build_tree () && has_layouts (RONEO_SOURCE_DATADIR))
    return g_strdup (RONEO_SOURCE_DATADIR);
  return g_strdup (RONEO_INSTALL_DATADIR);
}

static GStrv
user_and_data_dirs (const char *data_dir, const char *what)
{
  GStrv dirs = g_new0 (char *, 3);
  dirs[0] = g_build_filename (g_get_user_data_dir (), "roneo", what, NULL);
  dirs[1] = g_build_filename (data_dir, what, NULL);
  return dirs;
}

GStrv
roneo_datadir_layout_dirs (const char *data_dir)
{
  return user_and_data_dirs (data_dir, "layouts");
}

GStrv
roneo_datadir_font_dirs (const char *data_dir)
{
  return user_and_data_dirs (data_dir, "fonts");
}

gboolean
roneo_default_date (gint64 *date, GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch == NULL || *epoch == '\0')
    {
      *date = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  char *end = NULL;
  errno = 0;
  gint64 value = g_ascii_strtoll (epoch, &end, 10);
  if (errno != 0 || end == epoch || *end != '\0' || value < 0)
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_DATE,
                   _ ("SOURCE_DATE_EPOCH='%s' is not a number of seconds since 1970"), epoch);
      return FALSE;
    }
  *date = value;
  return TRUE;
}

gboolean
roneo_date_parse (const char *text, gint64 *date, GError **error)
{
  char *end = NULL;
  gint64 seconds = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0' && seconds >= 0)
    {
      *date = seconds;
      return TRUE;
    }
  g_autofree char *iso
      = strlen (text) == 10 ? g_strconcat (text, "T00:00:00Z", NULL) : g_strdup (text);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) parsed = g_date_time_new_from_iso8601 (iso, utc);
  if (parsed == NULL)
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_DATE,
                   _ ("'%s' is not a date (write 2026-03-01, 2026-03-01T10:00:00Z or seconds "
                      "since 1970)"),
                   text);
      return FALSE;
    }
  *date = g_date_time_to_unix (parsed);
  return TRUE;
}
