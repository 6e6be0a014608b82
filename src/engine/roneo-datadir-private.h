/* roneo-datadir-private.h: where roneo's layouts and fonts are found. */
#pragma once

#include <glib.h>

/* RONEO_DATA_DIR, else the source tree when it has layouts/, else the
 * installed data folder. Owned. */
char *roneo_datadir_find (void);

/* The layout folders, user's first: ~/.local/share/roneo/layouts, then
 * DATA/layouts. Owned. */
GStrv roneo_datadir_layout_dirs (const char *data_dir);
