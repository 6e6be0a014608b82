/* roneo-cover.h: the cover sheet of a tiled banner, what the volunteer reads first.
 *
 * PRINT.md: a picture of the whole banner with the grid of sheets and their
 * IDs, the order of assembly, the banner size, the sheet count, a 100 mm
 * scale bar and "print at 100 % / actual size, never fit to page". It is a
 * It also says what a volunteer needs and how one joint is glued, drawn, in the
 * document's language (roneo_doc_gettext). It is a
 * RoneoSheet like the tiles (a portrait sheet of the same paper), so the
 * renderer draws it with no decision of its own.
 */
#pragma once

#include "roneo-tiling.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;      /* the slogan on one line */
  const char *sheet_name; /* "A4" */
  const char *lang;       /* the document's: the language printed (NULL: English) */
  double logo_width;      /* pt: the logo as it prints on the banner; 0: no logo */
  double logo_height;     /* pt */
} RoneoCoverText;

/* The cover (owned) for tiling; the banner artwork is composed page `page`. */
RoneoSheet *roneo_tiling_new_cover (const RoneoTiling *tiling, const RoneoCoverText *text,
                                    guint page);

G_END_DECLS
