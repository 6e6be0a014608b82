/* roneo-fonts.h: roneo's private font set and the Pango context made from it.
 *
 * roneo never uses the default font map: it builds its own FcConfig from
 * fonts/fonts.conf plus any font dropped into fonts/ or into the user's
 * ~/.local/share/roneo/fonts (DESIGN.md section 4,
 * PITFALLS 21), a PangoCairo font map at 72 dpi (PITFALLS 1) and contexts
 * that do not round glyph positions (PITFALLS 2). A RoneoFonts owns its
 * config and font map; contexts it creates are owned by the caller.
 */
#pragma once

#include "roneo-warnings.h"

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _RoneoFonts RoneoFonts;

/* fonts_dir holds fonts.conf and the user's own font files. Fails with
 * RONEO_ERROR_FONT when fonts.conf is missing or unreadable. */
RoneoFonts *roneo_fonts_new (const char *fonts_dir, GError **error);

/* Whose the config is: the font set's own (a library in a program that
 * shows other text), or also the process's current fontconfig configuration
 * (a program whose only text is roneo's): then Pango's start-up does not
 * load the system's whole configuration, a tenth of a cold flyer. */
typedef enum
{
  RONEO_FONTS_OWN,
  RONEO_FONTS_PROCESS_WIDE,
} RoneoFontsScope;

/* font_dirs, NULL-terminated, not empty: the user's own font folders, read
 * when they exist, then last the data folder's fonts/, which holds fonts.conf
 * and is read as fonts_dir above. */
RoneoFonts *roneo_fonts_new_for_dirs (const char *const *font_dirs, RoneoFontsScope scope,
                                      GError **error);
void roneo_fonts_free (RoneoFonts *fonts);

/* A new context on the private font map, for language lang ("fr"). */
PangoContext *roneo_fonts_create_context (RoneoFonts *fonts, const char *lang);

/* What family (weight, italic) resolves to: "League Spartan Bold
 * (/usr/share/fonts/.../LeagueSpartan-Bold.otf)". Owned string. */
char *roneo_fonts_describe (RoneoFonts *fonts, const char *family, int weight, gboolean italic);

/* TRUE when family resolves to the face its alias prefers (or to itself).
 * Otherwise adds a RONEO_WARNING_FONT naming both and returns FALSE. Each
 * family is checked once per RoneoFonts. */
gboolean roneo_fonts_check (RoneoFonts *fonts, const char *family, int weight, gboolean italic,
                            RoneoWarnings *warnings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoFonts, roneo_fonts_free)

G_END_DECLS
