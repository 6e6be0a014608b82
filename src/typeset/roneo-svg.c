/* roneo-svg.c: librsvg's functions, looked up when first needed. */
#include "roneo-svg.h"

#include "roneo-config.h"
#include "roneo-error.h"
#include "roneo-intl-private.h"

#include <gmodule.h>

typedef struct
{
  RoneoSvg functions;
  char *problem; /* why librsvg could not be opened, or NULL */
} Loaded;

static gboolean
look_up (GModule *module, const char *name, gpointer *function, GString *problem)
{
  if (g_module_symbol (module, name, function) && *function != NULL)
    return TRUE;
  g_string_append_printf (problem, "%s%s", problem->len > 0 ? ", " : "", name);
  return FALSE;
}

static gpointer
load (gpointer unused)
{
  (void) unused;
  Loaded *loaded = g_new0 (Loaded, 1);
  /* kept open for the life of the process: handles and their drawings
   * outlive any one job */
  GModule *module = g_module_open (RONEO_RSVG_SONAME, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      loaded->problem = g_strdup (g_module_error ());
      return loaded;
    }
  g_autoptr (GString) missing = g_string_new (NULL);
  RoneoSvg *f = &loaded->functions;
  gboolean found
      = look_up (module, "rsvg_handle_new_from_data", (gpointer *) &f->new_from_data, missing);
  found &= look_up (module, "rsvg_handle_get_intrinsic_size_in_pixels",
                    (gpointer *) &f->get_intrinsic_size_in_pixels, missing);
  found &= look_up (module, "rsvg_handle_get_intrinsic_dimensions",
                    (gpointer *) &f->get_intrinsic_dimensions, missing);
  found
      &= look_up (module, "rsvg_handle_render_document", (gpointer *) &f->render_document, missing);
  if (!found)
    loaded->problem = g_strdup_printf (_ ("%s lacks %s"), RONEO_RSVG_SONAME, missing->str);
  return loaded;
}

const RoneoSvg *
roneo_svg_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const Loaded *loaded = g_once (&once, load, NULL);
  if (loaded->problem != NULL)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("SVG drawings need librsvg, which cannot be opened (%s): install "
                      "librsvg2-2, or give the picture as PNG"),
                   loaded->problem);
      return NULL;
    }
  return &loaded->functions;
}
