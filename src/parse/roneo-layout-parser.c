/* roneo-layout-parser.c: layout INI files to RoneoLayout.
 *
 * Every key goes through roneo_layout_set_value, so a layout file and a
 * document's front matter overrides accept exactly the same values. Keys are
 * applied in three passes whatever their order in the file: sizes first, then
 * the rest, then what is relative to a size (min-size, leading as a length,
 * orientation). The frame left by the margins is checked once everything is
 * set, since size and margins may come in any order.
 */
#include "roneo-layout-parser.h"

#include "roneo-error.h"

#include <math.h>
#include <string.h>

#define MAX_LENGTH_PT RONEO_MM (5000.0)
#define MIN_FRAME_PT RONEO_MM (20.0)
#define MIN_FONT_PT 1.0
#define MAX_LEADING 3.0
#define N_PASSES 3

/* ---- values ---- */

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
  { "left", RONEO_ALIGN_LEFT },     { "center", RONEO_ALIGN_CENTER },
  { "centre", RONEO_ALIGN_CENTER }, { "right", RONEO_ALIGN_RIGHT },
  { "justify", RONEO_ALIGN_JUSTIFY },
};
static const Choice weight_choices[] = {
  { "thin", 100 },     { "extralight", 200 }, { "light", 300 },     { "regular", 400 },
  { "normal", 400 },   { "medium", 500 },     { "semibold", 600 },  { "bold", 700 },
  { "extrabold", 800 }, { "black", 900 },
};
static const Choice italic_choices[] = { { "normal", FALSE }, { "italic", TRUE } };
static const Choice transform_choices[] = { { "none", RONEO_TRANSFORM_NONE },
                                            { "uppercase", RONEO_TRANSFORM_UPPERCASE } };
static const Choice kind_choices[] = { { "flyer", RONEO_LAYOUT_FLYER },
                                       { "banner", RONEO_LAYOUT_BANNER } };
static const Choice orientation_choices[] = { { "portrait", 0 }, { "landscape", 1 } };
static const Choice valign_choices[] = { { "top", RONEO_VALIGN_TOP },
                                         { "center", RONEO_VALIGN_CENTER },
                                         { "centre", RONEO_VALIGN_CENTER } };

#define CHOOSE(text, choices, what, out, error)                                                \
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
      g_string_append_printf (names, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
                              choices[i].name);
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "'%s' is not %s (use %s)", text, what,
               names->str);
  return FALSE;
}

static gboolean
parse_length (const char *text, double *out, GError **error)
{
  double pt = 0;
  if (!roneo_length_parse (text, &pt, error))
    return FALSE;
  if (!(pt <= MAX_LENGTH_PT))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "length '%s' is too large (at most 5 m)",
                   text);
      return FALSE;
    }
  *out = pt;
  return TRUE;
}

static gboolean
parse_uint (const char *text, guint max, guint *out, GError **error)
{
  guint64 value = 0;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "'%s' is not a whole number from 0 to %u", text, max);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_weight (const char *text, int *out, GError **error)
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
                   "weight '%s' is out of range (use 100 to 900, or a name like bold)", text);
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
static gboolean
parse_margins (const char *text, double out[4], GError **error)
{
  static const int source_side[5][4] = {
    { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 },
  };
  g_autoptr (GPtrArray) tokens = split_lengths (text);
  double given[4] = { 0 };
  if (tokens->len < 1 || tokens->len > 4)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "margin '%s' needs 1 to 4 lengths (top right bottom left, as in CSS)", text);
      return FALSE;
    }
  for (guint i = 0; i < tokens->len; i++)
    if (!parse_length (g_ptr_array_index (tokens, i), &given[i], error))
      return FALSE;
  for (int side = 0; side < 4; side++)
    out[side] = given[source_side[tokens->len][side]];
  return TRUE;
}

/* ---- [layout] and [page] ---- */

typedef gboolean (*LayoutSetter) (RoneoLayout *layout, const char *value, GError **error);

static gboolean
set_name (RoneoLayout *layout, const char *value, GError **error)
{
  if (*value == '\0')
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT, "the name is empty");
      return FALSE;
    }
  g_free (layout->name);
  layout->name = g_strdup (value);
  return TRUE;
}

static gboolean
set_description (RoneoLayout *layout, const char *value, GError **error)
{
  g_free (layout->description);
  layout->description = g_strdup (value);
  return TRUE;
}

static gboolean
set_kind (RoneoLayout *layout, const char *value, GError **error)
{
  int kind = 0;
  if (!CHOOSE (value, kind_choices, "a layout kind", &kind, error))
    return FALSE;
  layout->kind = kind;
  return TRUE;
}

static gboolean
set_size (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_page_size_parse (value, &layout->width, &layout->height, error);
}

/* Applied after size, so "landscape" turns whatever size the page has. */
static gboolean
set_orientation (RoneoLayout *layout, const char *value, GError **error)
{
  int landscape = 0;
  if (!CHOOSE (value, orientation_choices, "an orientation", &landscape, error))
    return FALSE;
  if (landscape == (layout->width < layout->height))
    {
      double swap = layout->width;
      layout->width = layout->height;
      layout->height = swap;
    }
  return TRUE;
}

static gboolean
set_margin (RoneoLayout *layout, const char *value, GError **error)
{
  double sides[4];
  if (!parse_margins (value, sides, error))
    return FALSE;
  layout->margin_top = sides[0];
  layout->margin_right = sides[1];
  layout->margin_bottom = sides[2];
  layout->margin_left = sides[3];
  return TRUE;
}

static gboolean
set_margin_top (RoneoLayout *layout, const char *value, GError **error)
{
  return parse_length (value, &layout->margin_top, error);
}

static gboolean
set_margin_right (RoneoLayout *layout, const char *value, GError **error)
{
  return parse_length (value, &layout->margin_right, error);
}

static gboolean
set_margin_bottom (RoneoLayout *layout, const char *value, GError **error)
{
  return parse_length (value, &layout->margin_bottom, error);
}

static gboolean
set_margin_left (RoneoLayout *layout, const char *value, GError **error)
{
  return parse_length (value, &layout->margin_left, error);
}

static gboolean
set_bleed (RoneoLayout *layout, const char *value, GError **error)
{
  return parse_length (value, &layout->bleed, error);
}

static gboolean
set_page_background (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_color_parse (value, &layout->background, error);
}

static gboolean
set_pages (RoneoLayout *layout, const char *value, GError **error)
{
  if (g_strcmp0 (value, "1") != 0 && g_strcmp0 (value, "2") != 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "pages '%s' must be 1 (recto only) or 2 (recto and verso)", value);
      return FALSE;
    }
  layout->max_pages = value[0] - '0';
  return TRUE;
}

static gboolean
set_valign (RoneoLayout *layout, const char *value, GError **error)
{
  int valign = 0;
  if (!CHOOSE (value, valign_choices, "a vertical alignment", &valign, error))
    return FALSE;
  layout->valign = valign;
  return TRUE;
}

typedef struct
{
  const char *key;
  LayoutSetter set;
} LayoutKey;

static const LayoutKey layout_keys[] = {
  { "name", set_name },
  { "description", set_description },
  { "kind", set_kind },
};

static const LayoutKey page_keys[] = {
  { "size", set_size },
  { "orientation", set_orientation },
  { "margin", set_margin },
  { "margin-top", set_margin_top },
  { "margin-right", set_margin_right },
  { "margin-bottom", set_margin_bottom },
  { "margin-left", set_margin_left },
  { "bleed", set_bleed },
  { "background", set_page_background },
  { "pages", set_pages },
  { "valign", set_valign },
};

/* ---- block styles ---- */

typedef gboolean (*StyleSetter) (RoneoStyle *style, const char *value, GError **error);

static gboolean
set_font (RoneoStyle *style, const char *value, GError **error)
{
  if (*value == '\0')
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                           "the font is empty (name a family like Roneo Text)");
      return FALSE;
    }
  g_free (style->font);
  style->font = g_strdup (value);
  return TRUE;
}

static gboolean
set_weight (RoneoStyle *style, const char *value, GError **error)
{
  return parse_weight (value, &style->weight, error);
}

static gboolean
set_italic (RoneoStyle *style, const char *value, GError **error)
{
  int italic = 0;
  if (!CHOOSE (value, italic_choices, "a font style", &italic, error))
    return FALSE;
  style->italic = italic;
  return TRUE;
}

static gboolean
parse_font_size (const char *value, double *out, GError **error)
{
  if (!parse_length (value, out, error))
    return FALSE;
  if (*out < MIN_FONT_PT)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "font size '%s' is too small (at least 1pt)", value);
      return FALSE;
    }
  return TRUE;
}

/* A block that did not shrink (min-size = size) still does not; one that
 * could shrink keeps its floor unless it is now above the size. */
static gboolean
set_font_size (RoneoStyle *style, const char *value, GError **error)
{
  double size = 0;
  if (!parse_font_size (value, &size, error))
    return FALSE;
  if (style->min_size == style->size || style->min_size > size)
    style->min_size = size;
  style->size = size;
  return TRUE;
}

static gboolean
set_min_size (RoneoStyle *style, const char *value, GError **error)
{
  double size = 0;
  if (!parse_font_size (value, &size, error))
    return FALSE;
  if (size > style->size)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "min-size %gpt is larger than size %gpt (lower min-size or raise size)",
                   size, style->size);
      return FALSE;
    }
  style->min_size = size;
  return TRUE;
}

/* "1.15" is a ratio of the size, "13pt" a baseline pitch made into one. */
static gboolean
set_leading (RoneoStyle *style, const char *value, GError **error)
{
  gsize len = strlen (value);
  double number = 0;
  if (!roneo_length_parse (value, &number, NULL))
    number = -1;
  double ratio = len > 0 && g_ascii_isalpha (value[len - 1]) ? number / style->size : number;
  if (!(ratio > 0 && ratio <= MAX_LEADING))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "bad leading '%s' (use a ratio of the size above 0 and at most 3, "
                   "like 1.2, or a length like 13pt)",
                   value);
      return FALSE;
    }
  style->leading = ratio;
  return TRUE;
}

static gboolean
set_align (RoneoStyle *style, const char *value, GError **error)
{
  int align = 0;
  if (!CHOOSE (value, align_choices, "an alignment", &align, error))
    return FALSE;
  style->align = align;
  return TRUE;
}

static gboolean
set_justify (RoneoStyle *style, const char *value, GError **error)
{
  int justify = 0;
  if (!CHOOSE (value, bool_choices, "true or false", &justify, error))
    return FALSE;
  if (justify)
    style->align = RONEO_ALIGN_JUSTIFY;
  else if (style->align == RONEO_ALIGN_JUSTIFY)
    style->align = RONEO_ALIGN_LEFT;
  return TRUE;
}

static gboolean
set_hyphenate (RoneoStyle *style, const char *value, GError **error)
{
  int hyphenate = 0;
  if (!CHOOSE (value, bool_choices, "true or false", &hyphenate, error))
    return FALSE;
  style->hyphenate = hyphenate;
  return TRUE;
}

static gboolean
set_transform (RoneoStyle *style, const char *value, GError **error)
{
  int transform = 0;
  if (!CHOOSE (value, transform_choices, "a text transform", &transform, error))
    return FALSE;
  style->transform = transform;
  return TRUE;
}

static gboolean
set_max_lines (RoneoStyle *style, const char *value, GError **error)
{
  return parse_uint (value, 100, &style->max_lines, error);
}

static gboolean
set_color (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_color_parse (value, &style->color, error);
}

/* "none" takes a background away. */
static gboolean
set_background (RoneoStyle *style, const char *value, GError **error)
{
  if (g_ascii_strcasecmp (value, "none") == 0)
    {
      style->has_background = FALSE;
      return TRUE;
    }
  if (!roneo_color_parse (value, &style->background, error))
    return FALSE;
  style->has_background = TRUE;
  return TRUE;
}

static gboolean
set_space_before (RoneoStyle *style, const char *value, GError **error)
{
  return parse_length (value, &style->space_before, error);
}

static gboolean
set_space_after (RoneoStyle *style, const char *value, GError **error)
{
  return parse_length (value, &style->space_after, error);
}

static gboolean
set_indent (RoneoStyle *style, const char *value, GError **error)
{
  return parse_length (value, &style->indent, error);
}

typedef struct
{
  const char *key;
  StyleSetter set;
} StyleKey;

static const StyleKey style_keys[] = {
  { "font", set_font },
  { "weight", set_weight },
  { "style", set_italic },
  { "size", set_font_size },
  { "min-size", set_min_size },
  { "max-size", set_font_size },
  { "leading", set_leading },
  { "align", set_align },
  { "justify", set_justify },
  { "hyphenate", set_hyphenate },
  { "transform", set_transform },
  { "max-lines", set_max_lines },
  { "color", set_color },
  { "background", set_background },
  { "space-before", set_space_before },
  { "space-after", set_space_after },
  { "indent", set_indent },
};

static const char *const style_sections[] = {
  "headline", "subhead", "body", "list", "quote", "footnotes", "footer",
};

/* ---- one key ---- */

#define KEY_NAMES(keys) key_names (&(keys)[0].key, sizeof (keys)[0], G_N_ELEMENTS (keys))

static char *
key_names (const char *const *first, gsize stride, gsize n)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    {
      const char *const *name = (const char *const *) ((const char *) first + i * stride);
      g_string_append_printf (names, "%s%s", i == 0 ? "" : ", ", *name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
set_unknown_key (const char *section, const char *key, char *known, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "unknown key '%s' in [%s] (known: %s)", key,
               section, known);
  g_free (known);
}

static gboolean
set_layout_key (RoneoLayout *layout, const LayoutKey *keys, gsize n, const char *section,
                const char *key, const char *value, GError **error)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (keys[i].key, key) == 0)
      return keys[i].set (layout, value, error);
  set_unknown_key (section, key, key_names (&keys[0].key, sizeof keys[0], n), error);
  return FALSE;
}

static gboolean
set_style_key (RoneoStyle *style, const char *section, const char *key, const char *value,
               GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (style_keys); i++)
    if (strcmp (style_keys[i].key, key) == 0)
      return style_keys[i].set (style, value, error);
  set_unknown_key (section, key, KEY_NAMES (style_keys), error);
  return FALSE;
}

static char *
section_names (void)
{
  g_autoptr (GString) names = g_string_new ("layout, page");
  for (gsize i = 0; i < G_N_ELEMENTS (style_sections); i++)
    g_string_append_printf (names, ", %s", style_sections[i]);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
is_known_section (const char *section)
{
  return g_strcmp0 (section, "layout") == 0 || g_strcmp0 (section, "page") == 0
         || g_strv_contains (style_sections, section);
}

static void
set_unknown_section (const char *section, GError **error)
{
  g_autofree char *known = section_names ();
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "unknown section [%s] (known: %s)", section,
               known);
}

gboolean
roneo_layout_set_value (RoneoLayout *layout, const char *section, const char *key,
                        const char *value, GError **error)
{
  g_return_val_if_fail (layout != NULL && section != NULL && key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_autofree char *clean = g_strstrip (g_strdup (value));
  RoneoStyle *style = roneo_layout_get_style (layout, section);
  if (style != NULL)
    return set_style_key (style, section, key, clean, error);
  if (strcmp (section, "layout") == 0)
    return set_layout_key (layout, layout_keys, G_N_ELEMENTS (layout_keys), section, key, clean,
                           error);
  if (strcmp (section, "page") == 0)
    return set_layout_key (layout, page_keys, G_N_ELEMENTS (page_keys), section, key, clean,
                           error);
  set_unknown_section (section, error);
  return FALSE;
}

/* Pass 0 sets sizes, pass 2 what depends on them; the rest in between. */
static guint
key_pass (const char *key)
{
  if (g_str_equal (key, "size") || g_str_equal (key, "max-size"))
    return 0;
  if (g_str_equal (key, "min-size") || g_str_equal (key, "leading")
      || g_str_equal (key, "orientation"))
    return 2;
  return 1;
}

static gboolean
is_frame_key (const char *key)
{
  return g_str_equal (key, "size") || g_str_equal (key, "orientation")
         || g_str_has_prefix (key, "margin");
}

static gboolean
check_frame (const RoneoLayout *layout, GError **error)
{
  RoneoRect frame = roneo_layout_get_frame (layout);
  if (frame.width >= MIN_FRAME_PT - 1e-6 && frame.height >= MIN_FRAME_PT - 1e-6)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               "the margins leave a frame of %.1f x %.1f mm on a %.1f x %.1f mm page "
               "(reduce the margins: at least 20 mm each way)",
               frame.width / RONEO_PT_PER_MM, frame.height / RONEO_PT_PER_MM,
               layout->width / RONEO_PT_PER_MM, layout->height / RONEO_PT_PER_MM);
  return FALSE;
}

/* ---- lines: GKeyFile keeps none, so the text is scanned alongside ---- */

typedef struct
{
  GHashTable *lines; /* "section" -> first line, "section\nkey" -> last line */
} LineIndex;

static void
line_index_clear (LineIndex *index)
{
  g_clear_pointer (&index->lines, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineIndex, line_index_clear)

static guint
line_index_get (const LineIndex *index, const char *section, const char *key)
{
  g_autofree char *id = key ? g_strconcat (section, "\n", key, NULL) : g_strdup (section);
  return GPOINTER_TO_UINT (g_hash_table_lookup (index->lines, id));
}

static gboolean
position_error (const char *source, guint line, GError **error, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static gboolean
position_error (const char *source, guint line, GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "%s:%u: %s", source, line, message);
  return FALSE;
}

/* GKeyFile's rules: no brackets or control characters in a section name. */
static gboolean
is_section_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (*p == '[' || *p == ']' || g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static char *
scan_section (const char *text)
{
  const char *close = strchr (text, ']');
  if (close == NULL)
    return NULL;
  for (const char *p = close + 1; *p; p++)
    if (*p != ' ' && *p != '\t')
      return NULL;
  char *name = g_strndup (text + 1, close - text - 1);
  if (!is_section_name (name))
    g_clear_pointer (&name, g_free);
  return name;
}

static gboolean
is_locale_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p)) || strchr ("-_.@", *p) != NULL;
}

/* GKeyFile's rules: no brackets, no space at either end, then perhaps a
 * "[locale]" (such a key is valid, and then unknown here). */
static gboolean
is_key_name (const char *key)
{
  const char *q = key;
  while (*q && *q != '[' && *q != ']')
    q++;
  if (q == key || key[0] == ' ' || q[-1] == ' ')
    return FALSE;
  if (*q == '[')
    {
      for (q++; *q && is_locale_char (q); q = g_utf8_next_char (q))
        ;
      if (*q++ != ']')
        return FALSE;
    }
  return *q == '\0';
}

static gboolean
scan_line (LineIndex *index, const char *source, guint number, char *text, char **section,
           GError **error)
{
  text = g_strchug (text);
  if (*text == '\0' || *text == '#')
    return TRUE;
  if (*text == '[')
    {
      char *name = scan_section (text);
      if (name == NULL)
        return position_error (source, number, error,
                             "bad section header '%s' (write it like [headline])", text);
      if (!g_hash_table_contains (index->lines, name))
        g_hash_table_insert (index->lines, g_strdup (name), GUINT_TO_POINTER (number));
      g_free (*section);
      *section = name;
      return TRUE;
    }
  char *equals = strchr (text, '=');
  if (equals == NULL || equals == text)
    return position_error (source, number, error,
                         "line '%s' is neither a [section] nor a key = value", text);
  g_autofree char *key = g_strndup (text, equals - text);
  g_strchomp (key);
  if (!is_key_name (key))
    return position_error (source, number, error, "bad key name '%s'", key);
  if (*section == NULL)
    return position_error (source, number, error,
                         "key '%s' comes before any [section] (start with [layout] or [page])",
                         key);
  g_hash_table_insert (index->lines, g_strconcat (*section, "\n", key, NULL),
                       GUINT_TO_POINTER (number));
  return TRUE;
}

static gboolean
check_utf8 (const char *source, const char *data, gsize length, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate (data, length, &end))
    return TRUE;
  guint line = 1;
  for (const char *p = data; p < end; p++)
    line += *p == '\n';
  return position_error (source, line, error, "text is not UTF-8 (save the file as UTF-8)");
}

static gboolean
line_index_scan (LineIndex *index, const char *source, const char *data, gsize length,
                 GError **error)
{
  if (!check_utf8 (source, data, length, error))
    return FALSE;
  index->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = g_strndup (data, length);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *section = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);
      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (!scan_line (index, source, i + 1, lines[i], &section, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- files ---- */

/* GKeyFile's string escapes (\s \n \t \r \\), done here: in GLib 2.74
 * g_key_file_get_string sets its GError twice on a value with two bad ones. */
static char *
unescape_value (const char *raw)
{
  static const char escapes[] = "s n\nt\tr\r\\\\";
  g_autoptr (GString) value = g_string_new (NULL);
  for (const char *p = raw; *p; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (value, *p);
          continue;
        }
      const char *escape = p[1] ? strchr (escapes, p[1]) : NULL;
      if (escape == NULL || (escape - escapes) % 2 != 0)
        return NULL;
      g_string_append_c (value, escape[1]);
      p++;
    }
  return g_string_free (g_steal_pointer (&value), FALSE);
}

static gboolean
apply_key (RoneoLayout *layout, GKeyFile *file, const LineIndex *index, const char *source,
           const char *section, const char *key, GError **error)
{
  guint line = line_index_get (index, section, key);
  g_autofree char *raw = g_key_file_get_value (file, section, key, NULL);
  g_autofree char *value = unescape_value (raw ? raw : "");
  if (value == NULL)
    return position_error (source, line, error,
                         "bad escape sequence in the value of '%s' (write a backslash as \\\\)",
                         key);
  g_autoptr (GError) local = NULL;
  if (roneo_layout_set_value (layout, section, key, value, &local))
    return TRUE;
  return position_error (source, line, error, "%s", local->message);
}

static gboolean
apply_section (RoneoLayout *layout, GKeyFile *file, const LineIndex *index, const char *source,
               const char *section, GError **error)
{
  if (!is_known_section (section))
    {
      g_autoptr (GError) local = NULL;
      set_unknown_section (section, &local);
      return position_error (source, line_index_get (index, section, NULL), error, "%s",
                           local->message);
    }
  g_auto (GStrv) keys = g_key_file_get_keys (file, section, NULL, NULL);
  for (guint pass = 0; pass < N_PASSES; pass++)
    for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
      if (key_pass (keys[i]) == pass
          && !apply_key (layout, file, index, source, section, keys[i], error))
        return FALSE;
  return TRUE;
}

/* The frame depends on several keys: blame the last one written. */
static guint
frame_line (const LineIndex *index)
{
  guint line = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (page_keys); i++)
    if (is_frame_key (page_keys[i].key))
      line = MAX (line, line_index_get (index, "page", page_keys[i].key));
  if (line == 0)
    line = line_index_get (index, "page", NULL);
  return MAX (line, 1);
}

static RoneoLayout *
layout_for_source (const char *source)
{
  RoneoLayout *layout = roneo_layout_new ();
  g_autofree char *base = g_path_get_basename (source);
  g_free (layout->name);
  layout->name = g_str_has_suffix (base, ".ini") ? g_strndup (base, strlen (base) - 4)
                                                 : g_strdup (base);
  g_free (layout->description);
  layout->description = g_strdup ("");
  layout->path = g_strdup (source);
  return layout;
}

static gboolean
load_key_file (GKeyFile *file, const char *source, const char *data, gsize length,
               GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local))
    return TRUE;
  /* The scan has refused every line GKeyFile refuses; this is a safety net. */
  return position_error (source, 1, error, "cannot read the layout: %s", local->message);
}

RoneoLayout *
roneo_layout_parse_data (const char *source, const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (source != NULL && (data != NULL || length == 0), NULL);
  if (data == NULL)
    data = "";
  /* Windows editors start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  g_auto (LineIndex) index = { NULL };
  g_autoptr (GKeyFile) file = g_key_file_new ();
  if (!line_index_scan (&index, source, data, length, error)
      || !load_key_file (file, source, data, length, error))
    return NULL;
  g_autoptr (RoneoLayout) layout = layout_for_source (source);
  g_auto (GStrv) sections = g_key_file_get_groups (file, NULL);
  for (guint i = 0; sections[i] != NULL; i++)
    if (!apply_section (layout, file, &index, source, sections[i], error))
      return NULL;
  g_autoptr (GError) local = NULL;
  if (!check_frame (layout, &local))
    {
      position_error (source, frame_line (&index), error, "%s", local->message);
      return NULL;
    }
  return g_steal_pointer (&layout);
}

RoneoLayout *
roneo_layout_parse_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "cannot read layout '%s': %s", path,
                   local->message);
      return NULL;
    }
  return roneo_layout_parse_data (path, data, length, error);
}

/* ---- front matter overrides ---- */

static gboolean
apply_override (RoneoLayout *layout, const char *source, const RoneoOverride *override,
                GError **error)
{
  const char *dot = strchr (override->key, '.');
  if (dot == NULL || dot == override->key || dot[1] == '\0')
    return position_error (source, override->line, error,
                         "layout override '%s' must be written section.key "
                         "(like headline.color)",
                         override->key);
  g_autofree char *section = g_strndup (override->key, dot - override->key);
  g_autoptr (GError) local = NULL;
  if (roneo_layout_set_value (layout, section, dot + 1, override->value, &local))
    return TRUE;
  return position_error (source, override->line, error, "%s", local->message);
}

static guint
override_pass (const RoneoOverride *override)
{
  const char *dot = strchr (override->key, '.');
  return key_pass (dot ? dot + 1 : override->key);
}

static guint
override_frame_line (const GPtrArray *overrides)
{
  guint line = 0;
  for (guint i = 0; i < overrides->len; i++)
    {
      const RoneoOverride *override = g_ptr_array_index (overrides, i);
      if (g_str_has_prefix (override->key, "page.") && is_frame_key (override->key + 5))
        line = MAX (line, override->line);
    }
  return line;
}

gboolean
roneo_layout_apply_overrides (RoneoLayout *layout, const RoneoDocument *document,
                              GError **error)
{
  g_return_val_if_fail (layout != NULL && document != NULL, FALSE);
  const GPtrArray *overrides = document->overrides;
  if (overrides == NULL)
    return TRUE;
  for (guint pass = 0; pass < N_PASSES; pass++)
    for (guint i = 0; i < overrides->len; i++)
      {
        const RoneoOverride *override = g_ptr_array_index (overrides, i);
        if (override_pass (override) == pass
            && !apply_override (layout, document->source, override, error))
          return FALSE;
      }
  g_autoptr (GError) local = NULL;
  if (check_frame (layout, &local))
    return TRUE;
  return position_error (document->source, override_frame_line (overrides), error, "%s",
                       local->message);
}

/* ---- finding layouts ---- */

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
  if (strchr (name, '/') != NULL || g_str_has_suffix (name, ".ini"))
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
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, "unknown layout '%s' (available: %s)", name,
               *available ? available : "none");
  return NULL;
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
