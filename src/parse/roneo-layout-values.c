/* roneo-layout-values.c: the values of a layout file, text to numbers.
 *
 * The value side of roneo_layout_set_value: lengths (bounded, so that no page
 * or margin can overflow the arithmetic later), CSS-style margins, weights
 * and the tables of named choices. Nothing here knows a key or a section.
 */
#include "roneo-layout-values-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <string.h>

#define MAX_LENGTH_PT RONEO_MM (5000.0)
#define MIN_FONT_PT 1.0

typedef struct
{
  const char *name;
  int value;
} Choice;

static const Choice bool_choices[] = {
  { "true", TRUE }, { "false", FALSE }, { "yes", TRUE }, { "no", FALSE },
  { "on", TRUE },   { "off", FALSE },   { "1", TRUE },   { "0", FALSE },
};
static const Choice align_choices[] = {
  { "left", RONEO_ALIGN_LEFT },       { "center", RONEO_ALIGN_CENTER },
  { "centre", RONEO_ALIGN_CENTER },   { "right", RONEO_ALIGN_RIGHT },
  { "justify", RONEO_ALIGN_JUSTIFY },
};
static const Choice weight_choices[] = {
  { "thin", 100 },      { "extralight", 200 }, { "light", 300 },    { "regular", 400 },
  { "normal", 400 },    { "medium", 500 },     { "semibold", 600 }, { "bold", 700 },
  { "extrabold", 800 }, { "black", 900 },
};
static const Choice italic_choices[] = { { "normal", FALSE }, { "italic", TRUE } };
static const Choice transform_choices[]
    = { { "none", RONEO_TRANSFORM_NONE }, { "uppercase", RONEO_TRANSFORM_UPPERCASE } };
static const Choice kind_choices[]
    = { { "flyer", RONEO_LAYOUT_FLYER }, { "banner", RONEO_LAYOUT_BANNER } };
static const Choice orientation_choices[] = { { "portrait", 0 }, { "landscape", 1 } };
static const Choice valign_choices[] = { { "top", RONEO_VALIGN_TOP },
                                         { "center", RONEO_VALIGN_CENTER },
                                         { "centre", RONEO_VALIGN_CENTER },
                                         { "spread", RONEO_VALIGN_SPREAD },
                                         { "even", RONEO_VALIGN_EVEN } };
static const Choice body_copy_choices[]
    = { { "text", RONEO_BODY_TEXT }, { "line", RONEO_BODY_LINE }, { "none", RONEO_BODY_NONE } };
static const Choice recto_choices[] = { { "copy", FALSE }, { "display", TRUE } };

#define CHOOSE(text, choices, what, out, error)                                                    \
  choose (text, choices, G_N_ELEMENTS (choices), what, out, error)

static gboolean
choose (const char *text, const Choice *choices, gsize n, const char *what, int *out,
        GError **error)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (text, choices[i].name) == 0)
        {
          *out = choices[i].value;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s",
                              i == 0       ? ""
                              : i + 1 == n ? " or "
                                           : ", ",
                              choices[i].name);
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("'%s' is not %s (use %s)"), text, what,
               names->str);
  return FALSE;
}

gboolean
roneo_layout_value_length_kind (const char *text, RoneoLengthKind kind, double *out, GError **error)
{
  double pt = 0;
  if (!roneo_length_parse_kind (text, kind, &pt, error))
    return FALSE;
  if (!(pt <= MAX_LENGTH_PT))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("length '%s' is too large (at most 5 m)"), text);
      return FALSE;
    }
  *out = pt;
  return TRUE;
}

gboolean
roneo_layout_value_length (const char *text, double *out, GError **error)
{
  return roneo_layout_value_length_kind (text, RONEO_LENGTH_PAPER, out, error);
}

gboolean
roneo_layout_value_uint (const char *text, guint max, guint *out, GError **error)
{
  guint64 value = 0;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("'%s' is not a whole number from 0 to %u"), text, max);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

gboolean
roneo_layout_value_weight (const char *text, int *out, GError **error)
{
  guint64 value = 0;
  if (g_ascii_isdigit (*text))
    {
      if (g_ascii_string_to_unsigned (text, 10, 100, 900, &value, NULL))
        {
          *out = (int) value;
          return TRUE;
        }
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("weight '%s' is out of range (use 100 to 900, or a name like bold)"), text);
      return FALSE;
    }
  return CHOOSE (text, weight_choices, "a weight", out, error);
}

/* "12mm", "12mm 15mm", "15mm 12mm 18mm", "1 2 3 4mm"... A unit written apart
 * ("12 mm") belongs to the number before it. */
static GPtrArray *
split_lengths (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t", -1);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (g_ascii_isalpha (*words[i]) && tokens->len > 0)
        {
          char **last = (char **) &g_ptr_array_index (tokens, tokens->len - 1);
          char *joined = g_strconcat (*last, words[i], NULL);
          g_free (*last);
          *last = joined;
        }
      else
        g_ptr_array_add (tokens, g_strdup (words[i]));
    }
  return tokens;
}

/* CSS order: top right bottom left; a missing side copies its opposite. */
gboolean
roneo_layout_value_margins (const char *text, double out[4], GError **error)
{
  static const int source_side[5][4] = {
    { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 },
  };
  g_autoptr (GPtrArray) tokens = split_lengths (text);
  double given[4] = { 0 };
  if (tokens->len < 1 || tokens->len > 4)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("margin '%s' needs 1 to 4 lengths (top right bottom left, as in CSS)"), text);
      return FALSE;
    }
  for (guint i = 0; i < tokens->len; i++)
    if (!roneo_layout_value_length (g_ptr_array_index (tokens, i), &given[i], error))
      return FALSE;
  for (int side = 0; side < 4; side++)
    out[side] = given[source_side[tokens->len][side]];
  return TRUE;
}

gboolean
roneo_layout_value_font_size (const char *value, double *out, GError **error)
{
  double size = 0;
  if (!roneo_layout_value_length_kind (value, RONEO_LENGTH_TYPE, &size, error))
    return FALSE;
  if (size < MIN_FONT_PT)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("font size '%s' is too small (at least 1pt)"), value);
      return FALSE;
    }
  *out = size;
  return TRUE;
}

/* ---- named choices ---- */

gboolean
roneo_layout_value_bool (const char *text, int *out, GError **error)
{
  return CHOOSE (text, bool_choices, "true or false", out, error);
}

gboolean
roneo_layout_value_align (const char *text, int *out, GError **error)
{
  return CHOOSE (text, align_choices, "an alignment", out, error);
}

gboolean
roneo_layout_value_italic (const char *text, int *out, GError **error)
{
  return CHOOSE (text, italic_choices, "a font style", out, error);
}

gboolean
roneo_layout_value_transform (const char *text, int *out, GError **error)
{
  return CHOOSE (text, transform_choices, "a text transform", out, error);
}

gboolean
roneo_layout_value_kind (const char *text, int *out, GError **error)
{
  return CHOOSE (text, kind_choices, "a layout kind", out, error);
}

gboolean
roneo_layout_value_orientation (const char *text, int *out, GError **error)
{
  return CHOOSE (text, orientation_choices, "an orientation", out, error);
}

gboolean
roneo_layout_value_valign (const char *text, int *out, GError **error)
{
  return CHOOSE (text, valign_choices, "a vertical alignment", out, error);
}

gboolean
roneo_layout_value_body_copy (const char *text, int *out, GError **error)
{
  return CHOOSE (text, body_copy_choices, "a body amount", out, error);
}

gboolean
roneo_layout_value_recto (const char *text, int *out, GError **error)
{
  return CHOOSE (text, recto_choices, "what a recto holds", out, error);
}
