#include "roneo-fonts.h"
#include "roneo-intl-private.h"

#include "roneo-cleanup-private.h"
#include "roneo-error.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct _RoneoFonts
{
  FcConfig *config;
  PangoFontMap *font_map;
  GHashTable *checked; /* "family|weight|italic" -> GINT_TO_POINTER (ok + 1) */
};

/* The user's own font folders (every one of font_dirs but the last) that
 * exist: a missing one is no error, most users never make it. */
static gboolean
add_user_dirs (FcConfig *config, const char *const *font_dirs, guint count)
{
  for (guint i = 0; i + 1 < count; i++)
    if (g_file_test (font_dirs[i], G_FILE_TEST_IS_DIR)
        && !FcConfigAppFontAddDir (config, (const FcChar8 *) font_dirs[i]))
      return FALSE;
  return TRUE;
}

static FcConfig *
config_load (const char *const *font_dirs, GError **error)
{
  guint count = g_strv_length ((char **) font_dirs);
  g_return_val_if_fail (count > 0, NULL);
  const char *data_fonts = font_dirs[count - 1];
  g_autofree char *conf_path = g_build_filename (data_fonts, "fonts.conf", NULL);
  if (!g_file_test (conf_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_FONT,
                   _ ("font configuration '%s' is missing (reinstall roneo or set RONEO_DATA_DIR)"),
                   conf_path);
      return NULL;
    }
  FcConfig *config = FcConfigCreate ();
  if (!FcConfigParseAndLoad (config, (const FcChar8 *) conf_path, FcTrue)
      || !FcConfigAppFontAddDir (config, (const FcChar8 *) data_fonts)
      || !add_user_dirs (config, font_dirs, count) || !FcConfigBuildFonts (config))
    {
      FcConfigDestroy (config);
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_FONT, _ ("cannot load font configuration '%s'"),
                   conf_path);
      return NULL;
    }
  return config;
}

RoneoFonts *
roneo_fonts_new (const char *fonts_dir, GError **error)
{
  const char *const font_dirs[] = { fonts_dir, NULL };
  return roneo_fonts_new_for_dirs (font_dirs, RONEO_FONTS_OWN, error);
}

RoneoFonts *
roneo_fonts_new_for_dirs (const char *const *font_dirs, RoneoFontsScope scope, GError **error)
{
  FcConfig *config = config_load (font_dirs, error);
  if (config == NULL)
    return NULL;
  /* Before the font map: Pango's start-up (a thread calling FcInit, which
   * every first fontset waits for) then finds a current configuration
   * instead of parsing the system's. */
  if (scope == RONEO_FONTS_PROCESS_WIDE)
    FcConfigSetCurrent (config);
  RoneoFonts *fonts = g_new0 (RoneoFonts, 1);
  fonts->config = config;
  fonts->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (fonts->font_map), config);
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (fonts->font_map), 72.0);
  fonts->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return fonts;
}

void
roneo_fonts_free (RoneoFonts *fonts)
{
  if (fonts == NULL)
    return;
  /* Cached fonts and fontsets hold the map: without this it is never finalized. */
  pango_fc_font_map_cache_clear (PANGO_FC_FONT_MAP (fonts->font_map));
  pango_fc_font_map_shutdown (PANGO_FC_FONT_MAP (fonts->font_map));
  g_object_unref (fonts->font_map);
  FcConfigDestroy (fonts->config);
  g_hash_table_unref (fonts->checked);
  g_free (fonts);
}

PangoContext *
roneo_fonts_create_context (RoneoFonts *fonts, const char *lang)
{
  PangoContext *context = pango_font_map_create_context (fonts->font_map);
  pango_context_set_round_glyph_positions (context, FALSE);
  g_autoptr (cairo_font_options_t) options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  if (lang != NULL)
    pango_context_set_language (context, pango_language_from_string (lang));
  return context;
}

static int
fc_weight (int css_weight)
{
  return FcWeightFromOpenType (css_weight);
}

static FcPattern *
pattern_new (const char *family, int weight, gboolean italic)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, fc_weight (weight));
  FcPatternAddInteger (pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  return pattern;
}

/* The face family would get, and the family its alias asks for first. */
static FcPattern *
match_family (RoneoFonts *fonts, const char *family, int weight, gboolean italic, char **wanted)
{
  g_autoptr (FcPattern) pattern = pattern_new (family, weight, italic);
  FcConfigSubstitute (fonts->config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  FcChar8 *first = NULL;
  if (wanted != NULL)
    *wanted = g_strdup (FcPatternGetString (pattern, FC_FAMILY, 0, &first) == FcResultMatch
                            ? (const char *) first
                            : family);
  FcResult result;
  return FcFontMatch (fonts->config, pattern, &result);
}

static const char *
pattern_string (FcPattern *pattern, const char *object)
{
  FcChar8 *value = NULL;
  if (pattern == NULL || FcPatternGetString (pattern, object, 0, &value) != FcResultMatch)
    return "?";
  return (const char *) value;
}

char *
roneo_fonts_describe (RoneoFonts *fonts, const char *family, int weight, gboolean italic)
{
  g_autoptr (FcPattern) match = match_family (fonts, family, weight, italic, NULL);
  if (match == NULL)
    return g_strdup ("no font at all");
  return g_strdup_printf ("%s %s (%s)", pattern_string (match, FC_FAMILY),
                          pattern_string (match, FC_STYLE), pattern_string (match, FC_FILE));
}

gboolean
roneo_fonts_check (RoneoFonts *fonts, const char *family, int weight, gboolean italic,
                   RoneoWarnings *warnings)
{
  g_autofree char *key = g_strdup_printf ("%s|%d|%d", family, weight, italic);
  gpointer known = g_hash_table_lookup (fonts->checked, key);
  if (known != NULL)
    return GPOINTER_TO_INT (known) - 1;
  g_autofree char *wanted = NULL;
  g_autoptr (FcPattern) match = match_family (fonts, family, weight, italic, &wanted);
  const char *got = pattern_string (match, FC_FAMILY);
  gboolean ok = g_ascii_strcasecmp (got, wanted) == 0;
  if (!ok)
    roneo_warnings_add (warnings, RONEO_WARNING_FONT,
                        _ ("font '%s' (%s) is not installed; using '%s' instead "
                           "(install it or drop its files into your roneo fonts folder)"),
                        family, wanted, got);
  g_hash_table_insert (fonts->checked, g_steal_pointer (&key), GINT_TO_POINTER (ok + 1));
  return ok;
}
