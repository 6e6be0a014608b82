/* roneo-manifest.c: sheet IDs in and out: `--sheets B07,C03` and the JSON manifest.
 *
 * The manifest is written by hand (GLib has no JSON writer): IDs are made of
 * letters and digits only, so nothing needs escaping. Numbers have two
 * decimals and never read "-0.00".
 */
#include "roneo-tiling.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <stdlib.h>
#include <string.h>

/* "B", "AA" -> 1, 27 (bijective base 26); 0 when too long or not letters. */
static guint
row_from_letters (const char *text, gsize n)
{
  guint row = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (row > 100000)
        return 0;
      row = row * 26 + (guint) (g_ascii_toupper (text[i]) - 'A' + 1);
    }
  return row;
}

/* The tile named `id` or NULL. */
static const RoneoTile *
tile_for_id (const RoneoTiling *tiling, const char *id)
{
  gsize letters = 0;
  while (g_ascii_isalpha (id[letters]))
    letters++;
  const char *digits = id + letters;
  if (letters == 0 || *digits == '\0' || strlen (digits) > 6)
    return NULL;
  for (const char *c = digits; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return NULL;
  guint row = row_from_letters (id, letters), column = (guint) atoi (digits);
  if (row == 0 || column == 0)
    return NULL;
  return roneo_tiling_lookup (tiling, row - 1, column - 1);
}

/* "A01-A16, B01-B16, C01-C11": rows may differ in length. */
static char *
describe_rows (const RoneoTiling *tiling)
{
  GString *rows = g_string_new (NULL);
  for (guint r = 0; r < tiling->n_rows; r++)
    {
      const RoneoTile *first = roneo_tiling_get_tile (tiling, tiling->row_start[r]);
      const RoneoTile *last = roneo_tiling_get_tile (tiling, tiling->row_start[r + 1] - 1);
      g_string_append_printf (rows, "%s%s-%s", r ? ", " : "", first->id, last->id);
    }
  return g_string_free (rows, FALSE);
}

static void
set_unknown (const RoneoTiling *tiling, const char *id, GError **error)
{
  g_autofree char *rows = describe_rows (tiling);
  g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SHEETS,
               _ ("no sheet '%s' (this banner has %s)"), id, rows);
}

static gboolean
select_one (const RoneoTiling *tiling, const char *item, gboolean *chosen, GError **error)
{
  g_autofree char *id = g_strstrip (g_strdup (item));
  if (*id == '\0')
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SHEETS, _ ("an empty sheet ID"));
      return FALSE;
    }
  const RoneoTile *tile = tile_for_id (tiling, id);
  if (tile == NULL)
    {
      set_unknown (tiling, id, error);
      return FALSE;
    }
  chosen[tile->index] = TRUE;
  return TRUE;
}

GArray *
roneo_tiling_parse_selection (const RoneoTiling *tiling, const char *ids, GError **error)
{
  g_auto (GStrv) items = g_strsplit (ids, ",", -1);
  g_autofree gboolean *chosen = g_new0 (gboolean, roneo_tiling_get_n_sheets (tiling));
  if (items[0] == NULL)
    {
      select_one (tiling, "", chosen, error); /* sets the error */
      return NULL;
    }
  for (guint i = 0; items[i] != NULL; i++)
    if (!select_one (tiling, items[i], chosen, error))
      return NULL;
  GArray *selection = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < roneo_tiling_get_n_sheets (tiling); i++)
    if (chosen[i])
      g_array_append_val (selection, i);
  return selection;
}

static void
append_numbers (GString *out, const double *values, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double value = values[i] > -0.005 && values[i] < 0.005 ? 0.0 : values[i];
      g_string_append_printf (out, "%s%s", i ? ", " : "",
                              g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
    }
}

static void
append_sheet (GString *out, const RoneoTile *tile, guint page)
{
  double size[2] = { tile->width, tile->height };
  const RoneoRect *v = &tile->visible;
  double visible[4] = { v->x, v->y, v->x + v->width, v->y + v->height };
  g_string_append_printf (out, "{\"id\": \"%s\", \"page\": %u, \"size_pt\": [", tile->id, page);
  append_numbers (out, size, 2);
  g_string_append (out, "], \"matrix\": [");
  append_numbers (out, tile->matrix, 6);
  g_string_append (out, "], \"visible\": [");
  append_numbers (out, visible, 4);
  g_string_append (out, "]}");
}

void
roneo_tiling_write_manifest_selection (const RoneoTiling *tiling, const GArray *selection,
                                       guint cover_pages, GString *out)
{
  double banner[2] = { tiling->spec.banner_width, tiling->spec.banner_height };
  guint n = selection ? selection->len : roneo_tiling_get_n_sheets (tiling);
  g_string_append (out, "{\"banner\": {\"width_pt\": ");
  append_numbers (out, banner, 1);
  g_string_append (out, ", \"height_pt\": ");
  append_numbers (out, banner + 1, 1);
  g_string_append (out, "},\n \"sheets\": [");
  for (guint i = 0; i < n; i++)
    {
      guint index = selection ? g_array_index (selection, guint, i) : i;
      g_string_append (out, i ? ",\n            " : "");
      append_sheet (out, roneo_tiling_get_tile (tiling, index), cover_pages + i + 1);
    }
  g_string_append (out, "]}\n");
}

void
roneo_tiling_write_manifest (const RoneoTiling *tiling, guint cover_pages, GString *out)
{
  roneo_tiling_write_manifest_selection (tiling, NULL, cover_pages, out);
}
