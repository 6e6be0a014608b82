#include "roneo-glyph-check.h"
#include "roneo-intl-private.h"

#include "roneo-glyphs.h"

/* The line the character comes from: typography and transforms change the
 * text, so look for it in what the user wrote. */
static guint
line_of (gunichar c, GPtrArray *blocks, const RoneoBlock *fallback)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (blocks, i);
      if (g_utf8_strchr (block->text, -1, c) != NULL)
        return block->line;
    }
  return fallback ? fallback->line : 0;
}

static void
warn (RoneoWarnings *warnings, const RoneoUndrawable *u, const char *source, guint line)
{
  char shown[8] = { 0 };
  g_unichar_to_utf8 (u->c, shown);
  switch (u->problem)
    {
    case RONEO_GLYPH_CONTROL:
      roneo_warnings_add_at (warnings, RONEO_WARNING_FONT, source, line,
                             _ ("the control character U+%04X cannot be printed; remove it"), u->c);
      break;
    case RONEO_GLYPH_NO_FONT:
      roneo_warnings_add_at (warnings, RONEO_WARNING_FONT, source, line,
                             _ ("no font of the set can draw the character U+%04X '%s': it would "
                                "print as a box; replace it, or add a font that has it to fonts/"),
                             u->c, shown);
      break;
    case RONEO_GLYPH_BROKEN:
      roneo_warnings_add_at (
          warnings, RONEO_WARNING_FONT, source, line,
          _ ("the font '%s' cannot draw the character U+%04X '%s' (and maybe "
             "others) although it claims to: its glyph table is broken; the text "
             "would print as boxes or not at all: replace or remove that font"),
          u->font, u->c, shown);
      break;
    }
}

void
roneo_compose_check_glyphs (RoneoWarnings *warnings, GHashTable *seen, PangoLayout *layout,
                            const char *source, GPtrArray *blocks, const RoneoBlock *fallback)
{
  g_autoptr (GArray) found = roneo_glyphs_find_undrawable (layout);
  for (guint i = 0; i < found->len; i++)
    {
      const RoneoUndrawable *u = &g_array_index (found, RoneoUndrawable, i);
      /* once per character, and once per broken font: its first character */
      char *key = u->problem == RONEO_GLYPH_BROKEN ? g_strdup (u->font)
                                                   : g_strdup_printf ("U+%04X", u->c);
      if (!g_hash_table_add (seen, key))
        continue;
      warn (warnings, u, source, line_of (u->c, blocks, fallback));
    }
}

GHashTable *
roneo_compose_new_glyph_seen (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
