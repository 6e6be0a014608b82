#include "roneo-units.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <math.h>
#include <string.h>

#define MIN_PAGE_PT RONEO_MM (10.0)
#define MAX_PAGE_PT RONEO_MM (5000.0)

typedef struct
{
  const char *name;
  double width_mm, height_mm;
} Paper;

static const Paper papers[] = {
  { "A0", 841, 1189 },        { "A1", 594, 841 },        { "A2", 420, 594 },
  { "A3", 297, 420 },         { "A4", 210, 297 },        { "A5", 148, 210 },
  { "A6", 105, 148 },         { "A7", 74, 105 },         { "SRA3", 320, 450 },
  { "Letter", 215.9, 279.4 }, { "Legal", 215.9, 355.6 }, { "Tabloid", 279.4, 431.8 },
};

typedef struct
{
  const char *suffix;
  double pt_per_unit;
} Unit;

static const Unit units[] = {
  { "mm", RONEO_PT_PER_MM },       { "cm", 10 * RONEO_PT_PER_MM }, { "in", 72.0 }, { "pt", 1.0 },
  { "m", 1000 * RONEO_PT_PER_MM },
};

static const char *
skip_digits (const char *p, gsize *count)
{
  while (g_ascii_isdigit (*p))
    {
      p++;
      (*count)++;
    }
  return p;
}

/* Plain decimal numbers only ("12", "-1.5", ".5", "1e3"): strtod alone would
 * also take "0x1A", "inf" and "nan", and read "0x0" as one hexadecimal zero. */
static gboolean
parse_number (const char *text, double *out, const char **rest)
{
  const char *p = text;
  gsize digits = 0, exponent = 0;
  while (g_ascii_isspace (*p))
    p++;
  const char *start = p;
  if (*p == '+' || *p == '-')
    p++;
  p = skip_digits (p, &digits);
  if (*p == '.')
    p = skip_digits (p + 1, &digits);
  if (digits == 0)
    return FALSE;
  const char *e = p;
  if (*e == 'e' || *e == 'E')
    {
      e++;
      if (*e == '+' || *e == '-')
        e++;
      e = skip_digits (e, &exponent);
      if (exponent > 0)
        p = e;
    }
  g_autofree char *number = g_strndup (start, p - start);
  double value = g_ascii_strtod (number, NULL);
  if (!isfinite (value))
    return FALSE;
  *out = value;
  *rest = p;
  return TRUE;
}

/* The unit written after a number; NULL for none or an unknown one. */
static const Unit *
find_unit (const char *suffix)
{
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (suffix, units[i].suffix) == 0)
      return &units[i];
  return NULL;
}

static void
append_values (GString *out, const double *values, guint n, double divisor, const char *unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "x" : "",
                            g_ascii_formatd (buffer, sizeof buffer, "%.10g", values[i] / divisor));
  g_string_append (out, unit);
}

/* The bare numbers written with the unit that suits kind: "3mm", "20m",
 * "12pt", and for paper lengths of 10 cm or more the same in cm too
 * ("3000x900mm or 300x90cm"), the unit banners are measured in. */
static char *
with_units (const double *values, guint n, RoneoLengthKind kind)
{
  GString *out = g_string_new (NULL);
  append_values (out, values, n, 1,
                 kind == RONEO_LENGTH_TYPE       ? "pt"
                 : kind == RONEO_LENGTH_DISTANCE ? "m"
                                                 : "mm");
  gboolean large = kind == RONEO_LENGTH_PAPER;
  for (guint i = 0; i < n; i++)
    large = large && values[i] >= 100;
  if (large)
    {
      g_string_append (out, " or ");
      append_values (out, values, n, 10, "cm");
    }
  return g_string_free (out, FALSE);
}

/* A bare number is refused, except 0, which is 0 in every unit. */
static gboolean
check_unit_given (const char *what, const char *text, const double *values, guint n,
                  RoneoLengthKind kind, GError **error)
{
  gboolean zero = TRUE;
  for (guint i = 0; i < n; i++)
    zero = zero && values[i] == 0;
  if (zero)
    return TRUE;
  g_autofree char *suggestion = with_units (values, n, kind);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("%s '%s' has no unit (write %s)"), what,
               text, suggestion);
  return FALSE;
}

gboolean
roneo_number_parse (const char *text, double *out)
{
  const char *rest = NULL;
  double value = 0;
  if (!parse_number (text, &value, &rest))
    return FALSE;
  while (g_ascii_isspace (*rest))
    rest++;
  if (*rest != '\0')
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
roneo_length_parse_kind (const char *text, RoneoLengthKind kind, double *out_pt, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *rest = NULL;
  double value = 0;
  if (!parse_number (clean, &value, &rest))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("'%s' is not a length (write it like 12mm, 1.5cm, 0.5in or 10pt)"), text);
      return FALSE;
    }
  while (g_ascii_isspace (*rest))
    rest++;
  const Unit *unit = *rest == '\0' ? &units[3] : find_unit (rest);
  if (unit == NULL)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("unknown unit '%s' in '%s' (use mm, cm, m, in or pt)"), rest, text);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("negative length '%s'"), text);
      return FALSE;
    }
  if (*rest == '\0' && !check_unit_given ("length", clean, &value, 1, kind, error))
    return FALSE;
  if (!isfinite (value * unit->pt_per_unit))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("length '%s' is too large"), text);
      return FALSE;
    }
  *out_pt = value * unit->pt_per_unit;
  return TRUE;
}

gboolean
roneo_length_parse (const char *text, double *out_pt, GError **error)
{
  return roneo_length_parse_kind (text, RONEO_LENGTH_PAPER, out_pt, error);
}

gboolean
roneo_paper_lookup (const char *name, double *width_pt, double *height_pt)
{
  for (gsize i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *width_pt = RONEO_MM (papers[i].width_mm);
        *height_pt = RONEO_MM (papers[i].height_mm);
        return TRUE;
      }
  return FALSE;
}

/* "300x90cm", "300 x 90 cm", "148x210mm": both numbers share the unit.
 * *bare is set when they are numbers without a unit (values in the array). */
static gboolean
parse_dimensions (const char *text, double *width_pt, double *height_pt, double bare[2])
{
  const char *rest = NULL;
  double w = 0, h = 0;
  if (!parse_number (text, &w, &rest))
    return FALSE;
  while (g_ascii_isspace (*rest))
    rest++;
  if (*rest != 'x' && *rest != 'X')
    return FALSE;
  if (!parse_number (rest + 1, &h, &rest))
    return FALSE;
  while (g_ascii_isspace (*rest))
    rest++;
  const Unit *unit = *rest == '\0' ? &units[3] : find_unit (rest);
  if (unit == NULL || w < 0 || h < 0)
    return FALSE;
  bare[0] = *rest == '\0' ? w : 0;
  bare[1] = *rest == '\0' ? h : 0;
  *width_pt = w * unit->pt_per_unit;
  *height_pt = h * unit->pt_per_unit;
  return TRUE;
}

static gboolean
parse_named_size (const char *text, double *width_pt, double *height_pt)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;
  const char *name = NULL, *orientation = NULL;
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (n == 0)
          name = words[i];
        else if (n == 1)
          orientation = words[i];
        n++;
      }
  if (name == NULL || n > 2 || !roneo_paper_lookup (name, width_pt, height_pt))
    return FALSE;
  if (orientation == NULL || g_ascii_strcasecmp (orientation, "portrait") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (orientation, "landscape") != 0)
    return FALSE;
  double swap = *width_pt;
  *width_pt = *height_pt;
  *height_pt = swap;
  return TRUE;
}

gboolean
roneo_size_parse (const char *text, double *width_pt, double *height_pt, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  double w = 0, h = 0, bare[2] = { 0, 0 };
  if (parse_named_size (clean, width_pt, height_pt))
    return TRUE;
  if (parse_dimensions (clean, &w, &h, bare))
    {
      if (!check_unit_given ("size", clean, bare, 2, RONEO_LENGTH_PAPER, error))
        return FALSE;
      *width_pt = w;
      *height_pt = h;
      return TRUE;
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               _ ("unknown paper size '%s' (use A0-A7, SRA3, Letter, Legal, Tabloid, "
                  "optionally 'landscape', or WxH with a unit like 148x210mm or 300x90cm)"),
               text);
  return FALSE;
}

gboolean
roneo_page_size_parse (const char *text, double *width_pt, double *height_pt, GError **error)
{
  double w = 0, h = 0;
  if (!roneo_size_parse (text, &w, &h, error))
    return FALSE;
  if (w < MIN_PAGE_PT || h < MIN_PAGE_PT || w > MAX_PAGE_PT || h > MAX_PAGE_PT)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("page size '%s' is out of range (each side between 10 mm and 5 m)"), text);
      return FALSE;
    }
  *width_pt = w;
  *height_pt = h;
  return TRUE;
}

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

gboolean
roneo_color_parse (const char *text, RoneoColor *out, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  gsize len = strlen (clean);
  int digits[6] = { 0 };
  gboolean ok = clean[0] == '#' && (len == 4 || len == 7);
  for (gsize i = 1; ok && i < len; i++)
    ok = (digits[i - 1] = hex_digit (clean[i])) >= 0;
  if (!ok)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("'%s' is not a colour (write it like #c00 or #cc0000)"), text);
      return FALSE;
    }
  if (len == 4)
    {
      out->r = digits[0] * 17 / 255.0;
      out->g = digits[1] * 17 / 255.0;
      out->b = digits[2] * 17 / 255.0;
    }
  else
    {
      out->r = (digits[0] * 16 + digits[1]) / 255.0;
      out->g = (digits[2] * 16 + digits[3]) / 255.0;
      out->b = (digits[4] * 16 + digits[5]) / 255.0;
    }
  return TRUE;
}

char *
roneo_color_to_string (const RoneoColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (color->r * 255),
                          (int) lround (color->g * 255), (int) lround (color->b * 255));
}

char *
roneo_pt_to_string (double pt)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", pt));
}
