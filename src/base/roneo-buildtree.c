/* Whether the running code is the copy built in the build tree. */
#include "roneo-buildtree.h"

#include "roneo-config.h"

#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

/* The file this code was loaded from, resolved: libroneo.so, or the program
 * it is linked into. For the main program dladdr gives argv[0], which may be
 * a bare name found through PATH: /proc/self/exe is the file itself. NULL
 * when it cannot be told. Owned. */
static char *
running_file (void)
{
  Dl_info info;
  struct link_map *map = NULL;
  if (dladdr1 ((const void *) roneo_running_from_build_tree, &info, (void **) &map, RTLD_DL_LINKMAP)
      == 0)
    return NULL;
  gboolean main_program = map == NULL || map->l_name == NULL || map->l_name[0] == '\0';
  const char *file = main_program ? "/proc/self/exe" : info.dli_fname;
  if (file == NULL)
    return NULL;
  /* malloc'd, and g_free is free since GLib 2.46 */
  return realpath (file, NULL);
}

static gboolean
path_is_under (const char *path, const char *dir)
{
  gsize length = strlen (dir);
  return strncmp (path, dir, length) == 0 && (path[length] == '/' || path[length] == '\0');
}

gboolean
roneo_running_from_build_tree (void)
{
  g_autofree char *file = running_file ();
  g_autofree char *build_root = realpath (RONEO_BUILD_ROOT, NULL);
  return file != NULL && build_root != NULL && path_is_under (file, build_root);
}

const char *
roneo_locale_dir (void)
{
  return roneo_running_from_build_tree () ? RONEO_BUILD_LOCALEDIR : RONEO_LOCALEDIR;
}
