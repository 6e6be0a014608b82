/* roneo-buildtree.h: is the running code the copy built in the build tree?
 *
 * Only that copy (a test, build/src/cli/roneo) reads the source tree's data
 * and the build tree's catalogues (build/po); an installed roneo reads the
 * installed ones even if the trees still exist. Compiled into libroneo and
 * into the CLI, which binds its text domain before it calls the library.
 */
#pragma once

#include <glib.h>

/* TRUE when the file this code was loaded from (libroneo.so, or the program
 * it is linked into) lies under the build root. */
gboolean roneo_running_from_build_tree (void);

/* Where the gettext catalogues are: build/po for the copy built here, else
 * the installed locale folder. A literal. */
const char *roneo_locale_dir (void);
