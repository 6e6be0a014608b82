/* roneo-studio-job.c: a RoneoJob from a request: the copy (and CSV, and
 * layout) of its body, the settings of its query under the CLI's option
 * names (layout, lang, date, strict, field; bleed, marks; size, sheet,
 * overlap, printer-margin, max-sheets, sheets, whole, stencil, distance;
 * copies, nup, profile, duplex, single, calibration).
 *
 * Nothing is read from outside the folder: a layout given by file name is
 * read from it, the copy is named as a file of it, so that its pictures are
 * found there, and a picture outside it is refused (roneo_job_set_folder).
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <fcntl.h>
#include <string.h>

#include <gio/gunixinputstream.h>

#include "roneo-error.h"

gboolean
roneo_studio_kind_parse (const char *word, RoneoJobKind *kind)
{
  static const char *const kinds[] = { "flyer", "banner", "batch" };
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (word != NULL ? word : "flyer", kinds[i]) == 0)
      {
        *kind = (RoneoJobKind) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
get (GHashTable *query, const char *name)
{
  return query != NULL ? g_hash_table_lookup (query, name) : NULL;
}

static gboolean
get_flag (GHashTable *query, const char *name)
{
  const char *value = get (query, name);
  return value != NULL
         && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0 || strcmp (value, "yes") == 0
             || strcmp (value, "on") == 0);
}

/* A setting the request got wrong, said with its name: RONEO_ERROR_USAGE. */
static gboolean
bad_value (GError **error, const char *name, GError *cause)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "%s: %s", name, cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
get_length (GHashTable *query, const char *name, RoneoLengthKind kind, double *out, GError **error)
{
  GError *cause = NULL;
  const char *text = get (query, name);
  return text == NULL || roneo_length_parse_kind (text, kind, out, &cause)
         || bad_value (error, name, cause);
}

static gboolean
get_count (GHashTable *query, const char *name, guint *out, GError **error)
{
  const char *text = get (query, name);
  guint64 value = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, _ ("%s: '%s' is not a count"), name,
                   text);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static GBytes *
read_in_dir (const RoneoStudio *studio, const char *name, GError **error)
{
  g_autoptr (GError) cause = NULL;
  int fd = roneo_studio_open_in_dir (studio, name, O_RDONLY, &cause);
  g_autoptr (GInputStream) in = fd >= 0 ? g_unix_input_stream_new (fd, TRUE) : NULL;
  GBytes *bytes
      = in != NULL ? g_input_stream_read_bytes (in, RONEO_STUDIO_COPY_LIMIT, NULL, &cause) : NULL;
  if (bytes == NULL)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "%s", cause->message);
  return bytes;
}

/* A layout's name, a .ini file of the folder, or the body's layout field. */
static gboolean
set_layout (const RoneoStudio *studio, RoneoJob *job, const RoneoStudioBody *body,
            GHashTable *query, GError **error)
{
  const char *layout = get (query, "layout");
  if (body->layout != NULL)
    roneo_job_set_layout_bytes (job, body->layout, "layout.ini");
  else if (layout != NULL && g_str_has_suffix (layout, ".ini"))
    {
      g_autoptr (GBytes) bytes = read_in_dir (studio, layout, error);
      g_autofree char *named = g_build_filename (studio->dir, layout, NULL);
      if (bytes == NULL)
        return FALSE;
      roneo_job_set_layout_bytes (job, bytes, named);
    }
  else if (layout != NULL && strchr (layout, '/') == NULL)
    roneo_job_set_layout (job, layout);
  else if (layout != NULL)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                   _ ("layout: '%s' is neither a layout's name nor a .ini file of the folder"),
                   layout);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_common (const RoneoStudio *studio, RoneoJob *job, const RoneoStudioBody *body,
            GHashTable *query, GError **error)
{
  const char *name = get (query, "name");
  if (name == NULL || !roneo_studio_name_is_inside (name))
    name = roneo_job_get_kind (job) == RONEO_JOB_BANNER ? "slogan.txt" : "copy.md";
  g_autofree char *named = g_build_filename (studio->dir, name, NULL);
  roneo_job_set_input_bytes (job, body->copy, named);
  roneo_job_set_folder (job, studio->dir);
  const char *lang = get (query, "lang");
  const char *date = get (query, "date");
  const char *field = get (query, "field");
  gint64 when = 0;
  if ((lang != NULL && *lang != '\0' && !roneo_job_set_lang (job, lang, error))
      || (date != NULL && !roneo_date_parse (date, &when, error)))
    return FALSE;
  if (date != NULL)
    roneo_job_set_date (job, when);
  if (field != NULL && strchr (field, '=') != NULL)
    {
      g_auto (GStrv) pair = g_strsplit (field, "=", 2);
      roneo_job_add_field (job, pair[0], pair[1]);
    }
  roneo_job_set_strict (job, get_flag (query, "strict"));
  return set_layout (studio, job, body, query, error);
}

static gboolean
set_flyer (RoneoJob *job, GHashTable *query, GError **error)
{
  double bleed = -1;
  if (!get_length (query, "bleed", RONEO_LENGTH_PAPER, &bleed, error)
      || (bleed >= 0 && !roneo_job_set_bleed (job, bleed, error)))
    return FALSE;
  roneo_job_set_marks (job, get_flag (query, "marks"));
  return TRUE;
}

/* "5mm" or "5mm 5mm 12mm 5mm": top right bottom left, as CSS. */
static gboolean
set_margins (RoneoJob *job, GHashTable *query, GError **error)
{
  const char *text = get (query, "printer-margin");
  if (text == NULL)
    return TRUE;
  g_auto (GStrv) words = g_strsplit_set (text, " ,", -1);
  double given[4] = { 0 };
  guint n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      GError *cause = NULL;
      if (*words[i] == '\0')
        continue;
      if (n == 4 || !roneo_length_parse_kind (words[i], RONEO_LENGTH_PAPER, &given[n], &cause))
        {
          if (cause == NULL)
            g_set_error (&cause, RONEO_ERROR, RONEO_ERROR_USAGE,
                         _ ("1 to 4 lengths (top right bottom left)"));
          return bad_value (error, "printer-margin", cause);
        }
      n++;
    }
  static const guint pick[5][4]
      = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 } };
  roneo_job_set_printer_margins (job, given[pick[n][0]], given[pick[n][1]], given[pick[n][2]],
                                 given[pick[n][3]]);
  return TRUE;
}

static gboolean
set_banner (RoneoJob *job, GHashTable *query, GError **error)
{
  double width = 0, height = 0, overlap = -1, distance = 0;
  guint max_sheets = 0;
  GError *cause = NULL;
  const char *size = get (query, "size"), *sheet = get (query, "sheet");
  if (size != NULL && !roneo_size_parse (size, &width, &height, &cause))
    return bad_value (error, "size", cause);
  if ((sheet != NULL && !roneo_job_set_sheet (job, sheet, error))
      || !get_length (query, "overlap", RONEO_LENGTH_PAPER, &overlap, error)
      || !get_length (query, "distance", RONEO_LENGTH_DISTANCE, &distance, error)
      || !get_count (query, "max-sheets", &max_sheets, error) || !set_margins (job, query, error))
    return FALSE;
  if (width > 0 && height > 0)
    roneo_job_set_banner_size (job, width, height);
  roneo_job_set_overlap (job, overlap);
  roneo_job_set_reading_distance (job, distance);
  roneo_job_set_max_sheets (job, max_sheets);
  if (get (query, "sheets") != NULL)
    roneo_job_set_sheet_selection (job, get (query, "sheets"));
  roneo_job_set_whole (job, get_flag (query, "whole"));
  roneo_job_set_stencil (job, get_flag (query, "stencil"));
  return TRUE;
}

static gboolean
set_batch (const RoneoStudio *studio, RoneoJob *job, const RoneoStudioBody *body, GHashTable *query,
           GError **error)
{
  guint copies = 1, nup = 0;
  const char *sheet = get (query, "sheet"), *profile = get (query, "profile");
  const char *duplex = get (query, "duplex");
  if (!get_count (query, "copies", &copies, error) || !roneo_job_set_copies (job, copies, error)
      || (g_strcmp0 (get (query, "nup"), "auto") != 0 && !get_count (query, "nup", &nup, error))
      || (sheet != NULL && !roneo_job_set_sheet (job, sheet, error))
      || !set_flyer (job, query, error))
    return FALSE;
  /* Named in the folder: the pictures its rows name are found there. */
  g_autofree char *data_name = g_build_filename (studio->dir, "data.csv", NULL);
  if (body->data != NULL)
    roneo_job_set_data_bytes (job, body->data, data_name);
  roneo_job_set_nup (job, nup);
  roneo_job_set_profile (job, g_strcmp0 (profile, "press") == 0 ? RONEO_PROFILE_PRESS
                                                                : RONEO_PROFILE_OFFICE);
  roneo_job_set_duplex (job, g_strcmp0 (duplex, "long") == 0    ? RONEO_DUPLEX_LONG_EDGE
                             : g_strcmp0 (duplex, "short") == 0 ? RONEO_DUPLEX_SHORT_EDGE
                                                                : RONEO_DUPLEX_AUTO);
  roneo_job_set_single (job, get_flag (query, "single"));
  roneo_job_set_calibration (job, get_flag (query, "calibration"));
  return TRUE;
}

RoneoJob *
roneo_studio_job_new (const RoneoStudio *studio, RoneoJobKind kind, const RoneoStudioBody *body,
                      GHashTable *query, GError **error)
{
  g_autoptr (RoneoJob) job = roneo_job_new (kind);
  if (!set_common (studio, job, body, query, error))
    return NULL;
  gboolean ok = kind == RONEO_JOB_FLYER    ? set_flyer (job, query, error)
                : kind == RONEO_JOB_BANNER ? set_banner (job, query, error)
                                           : set_batch (studio, job, body, query, error);
  return ok ? g_steal_pointer (&job) : NULL;
}
