/* roneo-output.h: the atomic file writer shared by render and finish (private).
 *
 * A RoneoOutput writes into "PATH" + suffix, a temporary file it owns, and
 * checks every write, the flush, fsync and close (PITFALLS 17). commit renames
 * the temporary onto PATH; close keeps it for a later stage to read. Freeing
 * an output that was not committed removes its temporary, so on any failure
 * PATH is left as it was. The first error is remembered with its errno and
 * reported as RONEO_ERROR_OUTPUT naming PATH, not the temporary.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _RoneoOutput RoneoOutput;

/* Opens the temporary "PATH<suffix>" for writing. PATH must be absent or a
 * regular file. Returns an owned output or NULL with an error. */
RoneoOutput *roneo_output_open (const char *path, const char *suffix, GError **error);

/* Appends data; FALSE once any write has failed (the error is kept for later). */
gboolean roneo_output_write (RoneoOutput *output, const void *data, gsize length);

/* A cairo_write_func_t whose closure is a RoneoOutput. */
cairo_status_t roneo_output_cairo_write (void *closure, const unsigned char *data,
                                         unsigned int length);

/* Flushes, syncs and closes the temporary, keeping it. */
gboolean roneo_output_close (RoneoOutput *output, GError **error);

/* Closes the temporary and renames it onto PATH. */
gboolean roneo_output_commit (RoneoOutput *output, GError **error);

/* The temporary's path, borrowed. */
const char *roneo_output_peek_temp_path (const RoneoOutput *output);

/* Sets error from the kept errno if a write failed, else from fallback (a
 * reason such as cairo's status string). Always returns FALSE. */
gboolean roneo_output_fail (const RoneoOutput *output, const char *fallback, GError **error);

/* Closes if needed and removes the temporary unless it was committed. */
void roneo_output_free (RoneoOutput *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoOutput, roneo_output_free)

G_END_DECLS
