/* roneo-glyphs.c: the glyphs of a shaped layout read back, run by run. */
#include "roneo-glyphs.h"

#include <pango/pangofc-font.h>

static void
undrawable_clear (gpointer data)
{
  g_free (((RoneoUndrawable *) data)->font);
}

/* Characters that are laid out as no glyph on purpose. */
static gboolean
is_layout_control (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* "Family (file.ttf)": what the user finds in fonts/. Owned. */
static char *
describe_font (PangoFont *font)
{
  g_autoptr (PangoFontDescription) desc = pango_font_describe (font);
  const char *family = pango_font_description_get_family (desc);
  FcChar8 *file = NULL;
  if (PANGO_IS_FC_FONT (font)
      && FcPatternGetString (pango_fc_font_get_pattern (PANGO_FC_FONT (font)), FC_FILE, 0, &file)
             == FcResultMatch)
    {
      g_autofree char *base = g_path_get_basename ((const char *) file);
      return g_strdup_printf ("%s (%s)", family ? family : "?", base);
    }
  return g_strdup (family ? family : "?");
}

static gboolean
seen_char (const GArray *found, gunichar c)
{
  for (guint i = 0; i < found->len; i++)
    if (g_array_index (found, RoneoUndrawable, i).c == c)
      return TRUE;
  return FALSE;
}

/* A visible character the font gives a glyph with no ink: its outlines are
 * missing (a truncated or corrupt glyph table), the text is invisible. */
static gboolean
is_blank (PangoFont *font, PangoGlyph glyph, gunichar c)
{
  if (font == NULL || !g_unichar_isgraph (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
    return FALSE;
  PangoRectangle ink;
  pango_font_get_glyph_extents (font, glyph, &ink, NULL);
  return ink.width == 0 || ink.height == 0;
}

static void
check_run (const char *text, const PangoGlyphItem *run, GArray *found)
{
  const PangoGlyphString *glyphs = run->glyphs;
  PangoFont *font = run->item->analysis.font;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;
      if (glyph == PANGO_GLYPH_EMPTY)
        continue;
      guint index = run->item->offset + glyphs->log_clusters[i];
      gunichar c = g_utf8_get_char (text + index);
      gboolean unknown = glyph == 0 || (glyph & PANGO_GLYPH_UNKNOWN_FLAG);
      if ((!unknown && !is_blank (font, glyph, c)) || is_layout_control (c) || seen_char (found, c))
        continue;
      RoneoUndrawable u = { RONEO_GLYPH_NO_FONT, c, index, NULL };
      if (g_unichar_iscntrl (c))
        u.problem = RONEO_GLYPH_CONTROL;
      else if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG) && font != NULL)
        {
          u.problem = RONEO_GLYPH_BROKEN;
          u.font = describe_font (font);
        }
      g_array_append_val (found, u);
    }
}

GArray *
roneo_glyphs_find_undrawable (PangoLayout *layout)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (RoneoUndrawable));
  g_array_set_clear_func (found, undrawable_clear);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      if (run != NULL)
        check_run (text, run, found);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return found;
}
