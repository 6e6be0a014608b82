/* roneo-studio.h: roneo studio, a page on the user's own machine to write a
 * tract, see it change and print it, and the HTTP API the page and scripts use.
 *
 * Life: roneo_studio_new () loads the engine once (fonts, dictionaries),
 * listens on the loopback addresses only and makes the token; the caller says
 * roneo_studio_get_url () to the user, then roneo_studio_run () serves until
 * SIGINT or SIGTERM; roneo_studio_free () closes everything. The studio reads
 * and writes files only inside its folder.
 *
 * The studio is a module (libroneo-studio.so) that `roneo studio` opens:
 * linked into the roneo command, libsoup and the two dozen libraries it
 * loads cost every other command's cold start 2.6 ms. The command reaches it
 * through the table roneo_studio_functions () gives, its one exported
 * symbol.
 */
#pragma once

#include <glib.h>
#include <gmodule.h>

G_BEGIN_DECLS

typedef struct _RoneoStudio RoneoStudio;

/* Serves the files of folder (NULL: the current one) on port (0: a free
 * one) of 127.0.0.1 and ::1. NULL with RONEO_ERROR_INPUT (the folder),
 * RONEO_ERROR_FONT (the engine) or RONEO_ERROR_OUTPUT (cannot listen). */
RoneoStudio *roneo_studio_new (const char *folder, guint port, GError **error);
void roneo_studio_free (RoneoStudio *studio);

/* "http://127.0.0.1:N/?token=T": what opens the page. Borrowed. */
const char *roneo_studio_get_url (const RoneoStudio *studio);

/* Serves until SIGINT or SIGTERM; renders under way are cancelled. */
void roneo_studio_run (RoneoStudio *studio);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoStudio, roneo_studio_free)

/* The functions above, for the command that opened the module. */
typedef struct
{
  RoneoStudio *(*new_studio) (const char *folder, guint port, GError **error);
  const char *(*get_url) (const RoneoStudio *studio);
  void (*run) (RoneoStudio *studio);
  void (*free_studio) (RoneoStudio *studio);
} RoneoStudioFunctions;

/* The name the command looks up, and the function it names. */
#define RONEO_STUDIO_ENTRY "roneo_studio_functions"
G_MODULE_EXPORT const RoneoStudioFunctions *roneo_studio_functions (void);

G_END_DECLS
