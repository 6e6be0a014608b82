/* roneo-studio.h: roneo studio, a page on the user's own machine to write a
 * tract, see it change and print it, and the HTTP API the page and scripts use.
 *
 * Life: roneo_studio_new () loads the engine once (fonts, dictionaries),
 * listens on the loopback addresses only and makes the token; the caller says
 * roneo_studio_get_url () to the user, then roneo_studio_run () serves until
 * SIGINT or SIGTERM; roneo_studio_free () closes everything. The studio reads
 * and writes files only inside its folder.
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
