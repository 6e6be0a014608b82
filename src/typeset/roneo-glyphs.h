/* roneo-glyphs.h: characters a shaped layout cannot draw.
 *
 * After shaping, a character no font of the set covers comes back as an
 * "unknown" glyph (Pango draws it as a hex box), and a character a font
 * claims but cannot draw (a broken or truncated glyph table) as glyph 0,
 * the font's .notdef: a box or nothing; a font whose outlines are gone
 * gives a glyph with no ink for a visible character. Control characters
 * are never drawn. The composer asks once per set layout and warns.
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_GLYPH_CONTROL, /* a control character (not tab or newline) */
  RONEO_GLYPH_NO_FONT, /* no font of the set has it */
  RONEO_GLYPH_BROKEN,  /* the font chosen for it returned glyph 0, or one with no ink */
} RoneoGlyphProblem;

typedef struct
{
  RoneoGlyphProblem problem;
  gunichar c;
  guint index; /* byte offset in the layout's text */
  char *font;  /* BROKEN: "Family (file.ttf)", owned; else NULL */
} RoneoUndrawable;

/* Each character of layout that is not drawn, once per character, in text
 * order (RoneoUndrawable, cleared with the array). Owned. */
GArray *roneo_glyphs_find_undrawable (PangoLayout *layout);

G_END_DECLS
