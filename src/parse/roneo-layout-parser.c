/* roneo-layout-parser.c: layout INI files to RoneoLayout.
 *
 * Every key goes through roneo_layout_set_value, so a layout file and a
 * document's front matter overrides accept exactly the same values. Keys are
 * applied in three passes whatever their order in the file: sizes first, then
 * the rest, then what is relative to a size (min-size, leading as a length,
 * orientation). The frame left by the margins is checked once everything is
 * set, since size and margins may come in any order. GKeyFile keeps no line
 * numbers, so the text is scanned alongside for them.
 *
 * The keys and their setters are in roneo-layout-keys.c, the values in
 * roneo-layout-values.c, finding a layout by name in roneo-layout-find.c.
 */
#include "roneo-layout-parser.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-input.h"
#include "roneo-layout-keys-private.h"

#include <string.h>

#define MIN_FRAME_PT RONEO_MM (20.0)
#define N_PASSES 3

/* ---- passes and the frame ---- */

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
               _ ("the margins leave a frame of %.1f x %.1f mm on a %.1f x %.1f mm page "
                  "(reduce the margins: at least 20 mm each way)"),
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

static gboolean position_error (const char *source, guint line, GError **error, const char *format,
                                ...) G_GNUC_PRINTF (4, 5);

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
                               _ ("bad section header '%s' (write it like [headline])"), text);
      if (!g_hash_table_contains (index->lines, name))
        g_hash_table_insert (index->lines, g_strdup (name), GUINT_TO_POINTER (number));
      g_free (*section);
      *section = name;
      return TRUE;
    }
  char *equals = strchr (text, '=');
  if (equals == NULL || equals == text)
    return position_error (source, number, error,
                           _ ("line '%s' is neither a [section] nor a key = value"), text);
  g_autofree char *key = g_strndup (text, equals - text);
  g_strchomp (key);
  if (!is_key_name (key))
    return position_error (source, number, error, _ ("bad key name '%s'"), key);
  if (*section == NULL)
    return position_error (
        source, number, error,
        _ ("key '%s' comes before any [section] (start with [layout] or [page])"), key);
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
  return position_error (source, line, error, _ ("text is not UTF-8 (save the file as UTF-8)"));
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
    return position_error (
        source, line, error,
        _ ("bad escape sequence in the value of '%s' (write a backslash as \\\\)"), key);
  g_autoptr (GError) local = NULL;
  if (roneo_layout_set_value (layout, section, key, value, &local))
    return TRUE;
  return position_error (source, line, error, "%s", local->message);
}

static gboolean
apply_section (RoneoLayout *layout, GKeyFile *file, const LineIndex *index, const char *source,
               const char *section, GError **error)
{
  if (!roneo_layout_is_known_section (section))
    {
      g_autoptr (GError) local = NULL;
      roneo_layout_unknown_section_error (section, &local);
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
  const char *key = NULL;
  for (guint i = 0; (key = roneo_layout_page_key (i)) != NULL; i++)
    if (is_frame_key (key))
      line = MAX (line, line_index_get (index, "page", key));
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
  layout->name
      = g_str_has_suffix (base, ".ini") ? g_strndup (base, strlen (base) - 4) : g_strdup (base);
  g_free (layout->description);
  layout->description = g_strdup ("");
  layout->path = g_strdup (source);
  return layout;
}

static gboolean
load_key_file (GKeyFile *file, const char *source, const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local))
    return TRUE;
  /* The scan has refused every line GKeyFile refuses; this is a safety net. */
  return position_error (source, 1, error, _ ("cannot read the layout: %s"), local->message);
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
  g_autoptr (GBytes) bytes = roneo_input_read_all (path, RONEO_INPUT_LAYOUT, error);
  if (bytes == NULL)
    return NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  return roneo_layout_parse_data (strcmp (path, "-") == 0 ? "<stdin>" : path, data, length, error);
}

/* ---- front matter overrides ---- */

static gboolean
apply_override (RoneoLayout *layout, const char *source, const RoneoOverride *override,
                GError **error)
{
  const char *dot = strchr (override->key, '.');
  if (dot == NULL || dot == override->key || dot[1] == '\0')
    return position_error (source, override->line, error,
                           _ ("layout override '%s' must be written section.key "
                              "(like headline.color)"),
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
roneo_layout_apply_overrides (RoneoLayout *layout, const RoneoDocument *document, GError **error)
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
