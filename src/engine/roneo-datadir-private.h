/* roneo-datadir-private.h: where roneo's layouts and fonts are found. */
#pragma once

#include <glib.h>

/* RONEO_DATA_DIR, else the source tree when the running code is the copy
 * built in the build tree (a test, build/src/cli/roneo), else the installed
 * data folder: an installed roneo never reads the source tree. Owned. */
char *roneo_datadir_find (void);

/* The layout folders, user's first: ~/.local/share/roneo/layouts, then
 * DATA/layouts. Owned. */
GStrv roneo_datadir_layout_dirs (const char *data_dir);

/* The font folders, user's first: ~/.local/share/roneo/fonts, then
 * DATA/fonts (which holds fonts.conf). Owned. */
GStrv roneo_datadir_font_dirs (const char *data_dir);
