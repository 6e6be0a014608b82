/* The engine: where the data is, the fonts and the dictionaries, loaded once
 * for every job; and the listings of `roneo fonts` and `roneo layouts`, the
 * latter as records too. */
#include "roneo-job.h"
#include "roneo-intl-private.h"

#include "roneo-engine-private.h"

#include "roneo-config.h"
#include "roneo-datadir-private.h"
#include "roneo-layout-parser.h"

static RoneoEngine *
engine_new (const char *data_dir, RoneoFontsScope scope, GError **error)
{
  g_autofree char *dir = data_dir ? g_strdup (data_dir) : roneo_datadir_find ();
  g_auto (GStrv) font_dirs = roneo_datadir_font_dirs (dir);
  RoneoFonts *fonts = roneo_fonts_new_for_dirs ((const char *const *) font_dirs, scope, error);
  if (fonts == NULL)
    return NULL;
  RoneoEngine *engine = g_new0 (RoneoEngine, 1);
  engine->layout_dirs = roneo_datadir_layout_dirs (dir);
  engine->font_dirs = g_steal_pointer (&font_dirs);
  engine->data_dir = g_steal_pointer (&dir);
  engine->fonts = fonts;
  engine->hyphenator = roneo_hyphenator_new (RONEO_HYPHEN_DIR);
  return engine;
}

RoneoEngine *
roneo_engine_new (const char *data_dir, GError **error)
{
  return engine_new (data_dir, RONEO_FONTS_OWN, error);
}

RoneoEngine *
roneo_engine_new_for_program (const char *data_dir, GError **error)
{
  return engine_new (data_dir, RONEO_FONTS_PROCESS_WIDE, error);
}

void
roneo_engine_free (RoneoEngine *engine)
{
  if (engine == NULL)
    return;
  g_free (engine->data_dir);
  g_strfreev (engine->layout_dirs);
  g_strfreev (engine->font_dirs);
  roneo_fonts_free (engine->fonts);
  roneo_hyphenator_free (engine->hyphenator);
  g_free (engine);
}

const char *const *
roneo_engine_get_layout_dirs (RoneoEngine *engine)
{
  return (const char *const *) engine->layout_dirs;
}

const char *const *
roneo_engine_get_font_dirs (RoneoEngine *engine)
{
  return (const char *const *) engine->font_dirs;
}

/* "(layouts from: A, B)", said by format: the folders a listing read, so
 * that a user can tell which copy of roneo's data it was. */
static void
append_dirs (GString *out, const char *format, const char *const *dirs)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) dirs);
  g_string_append_printf (out, format, joined);
}

char *
roneo_engine_describe_fonts (RoneoEngine *engine)
{
  static const struct
  {
    const char *family;
    int weight;
    gboolean italic;
  } faces[] = {
    { "Roneo Display", 700, FALSE },   { "Roneo Display", 900, FALSE },
    { "Roneo Condensed", 400, FALSE }, { "Roneo Condensed", 700, FALSE },
    { "Roneo Text", 400, FALSE },      { "Roneo Text", 400, TRUE },
    { "Roneo Text", 700, FALSE },      { "Roneo Sans", 400, FALSE },
    { "Roneo Sans", 700, FALSE },
  };
  GString *out = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      g_autofree char *resolved
          = roneo_fonts_describe (engine->fonts, faces[i].family, faces[i].weight, faces[i].italic);
      g_string_append_printf (out, "%-16s %3d %-7s -> %s\n", faces[i].family, faces[i].weight,
                              faces[i].italic ? "italic" : "roman", resolved);
    }
  append_dirs (out, _ ("(fonts from: %s)\n"), roneo_engine_get_font_dirs (engine));
  /* the user's folder, first: never the data folder, which may be the source
   * tree or a system folder the user cannot write to */
  g_string_append_printf (out, _ ("(own fonts: drop OTF/TTF files into %s)\n"),
                          engine->font_dirs[0]);
  return g_string_free (out, FALSE);
}

char *
roneo_engine_describe_layouts (RoneoEngine *engine, RoneoWarnings *warnings)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) layouts
      = roneo_layout_list (roneo_engine_get_layout_dirs (engine), problems);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < layouts->len; i++)
    {
      const RoneoLayout *layout = g_ptr_array_index (layouts, i);
      g_string_append_printf (out, "%-16s %5.0f x %-5.0f mm  %-6s %s\n", layout->name,
                              layout->width / RONEO_PT_PER_MM, layout->height / RONEO_PT_PER_MM,
                              layout->kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer",
                              roneo_layout_get_description (layout));
    }
  for (guint i = 0; i < problems->len; i++)
    roneo_warnings_add (warnings, RONEO_WARNING_GENERAL, "%s",
                        (const char *) g_ptr_array_index (problems, i));
  append_dirs (out, _ ("(layouts from: %s)\n"), roneo_engine_get_layout_dirs (engine));
  return g_string_free (out, FALSE);
}

/* --- the layouts as records ---------------------------------------------------- */

struct _RoneoLayouts
{
  GPtrArray *layouts; /* RoneoLayout, owned */
};

RoneoLayouts *
roneo_engine_list_layouts (RoneoEngine *engine, RoneoWarnings *warnings)
{
  g_return_val_if_fail (engine != NULL, NULL);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  RoneoLayouts *layouts = g_new0 (RoneoLayouts, 1);
  layouts->layouts = roneo_layout_list (roneo_engine_get_layout_dirs (engine), problems);
  for (guint i = 0; warnings != NULL && i < problems->len; i++)
    roneo_warnings_add (warnings, RONEO_WARNING_GENERAL, "%s",
                        (const char *) g_ptr_array_index (problems, i));
  return layouts;
}

void
roneo_layouts_free (RoneoLayouts *layouts)
{
  if (layouts == NULL)
    return;
  g_ptr_array_unref (layouts->layouts);
  g_free (layouts);
}

guint
roneo_layouts_get_count (const RoneoLayouts *layouts)
{
  return layouts->layouts->len;
}

static const RoneoLayout *
layout_at (const RoneoLayouts *layouts, guint index)
{
  g_return_val_if_fail (index < layouts->layouts->len, NULL);
  return g_ptr_array_index (layouts->layouts, index);
}

const char *
roneo_layouts_get_name (const RoneoLayouts *layouts, guint index)
{
  const RoneoLayout *layout = layout_at (layouts, index);
  return layout != NULL ? layout->name : NULL;
}

const char *
roneo_layouts_get_description (const RoneoLayouts *layouts, guint index)
{
  const RoneoLayout *layout = layout_at (layouts, index);
  return layout != NULL ? roneo_layout_get_description (layout) : NULL;
}

RoneoJobKind
roneo_layouts_get_kind (const RoneoLayouts *layouts, guint index)
{
  const RoneoLayout *layout = layout_at (layouts, index);
  return layout != NULL && layout->kind == RONEO_LAYOUT_BANNER ? RONEO_JOB_BANNER : RONEO_JOB_FLYER;
}

void
roneo_layouts_get_size (const RoneoLayouts *layouts, guint index, double *width, double *height)
{
  const RoneoLayout *layout = layout_at (layouts, index);
  *width = layout != NULL ? layout->width : 0;
  *height = layout != NULL ? layout->height : 0;
}
