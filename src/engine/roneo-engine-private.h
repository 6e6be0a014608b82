/* roneo-engine-private.h: the engine inside (fonts, hyphenation
 * dictionaries, where the data is), for the jobs. Not installed.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-fonts.h"
#include "roneo-hyphen.h"
#include "roneo-job.h"
#include "roneo-layout.h"

struct _RoneoEngine
{
  char *data_dir;
  GStrv layout_dirs;
  GStrv font_dirs; /* the user's first, then DATA/fonts (with fonts.conf) */
  RoneoFonts *fonts;
  RoneoHyphenator *hyphenator;
};

/* Warns for each style of the layout's kind whose font is not there. */
void roneo_engine_check_fonts (RoneoEngine *engine, const RoneoLayout *layout,
                               RoneoWarnings *warnings);

/* text with its forced breaks (U+2028) as spaces. Owned. */
char *roneo_engine_one_line (const char *text);
