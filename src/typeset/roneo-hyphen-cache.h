/* roneo-hyphen-cache.h: hnj_hyphen_load, its result kept in the user's cache
 * (private to roneo-hyphen.c).
 *
 * libhyphen takes seconds to build Debian's German dictionary; the built
 * state machine is kept in $XDG_CACHE_HOME/roneo/hyphen/ and read back when
 * the dictionary has not changed since (roneo-hyphen-cache.c).
 */
#pragma once

#include <glib.h>
#include <hyphen.h>

G_BEGIN_DECLS

/* The dictionary at path as hnj_hyphen_load gives it, from the cache when
 * the cache was built from this very file; NULL when libhyphen cannot load
 * it. Free with hnj_hyphen_free. */
HyphenDict *roneo_hyphen_cache_load (const char *path);

G_END_DECLS
