/* roneo-output.h: the atomic file writer of render and finish, and the set
 * of outputs a job commits together (used by the engine).
 *
 * A RoneoOutput writes into a temporary file it owns, "PATH.XXXXXX<suffix>"
 * made by mkstemp in PATH's folder (so two runs never share one), and checks
 * every write, the flush, fsync and close (PITFALLS 17). commit renames the
 * temporary onto PATH; a symlink at PATH is replaced, its target never
 * written through. close keeps the temporary for a later stage to read.
 * Freeing an output that was not committed removes its temporary, so on any
 * failure PATH is left as it was. PATH "-" is standard output: the bytes go
 * straight there, with nothing to rename. The first error is remembered with
 * its errno and reported as RONEO_ERROR_OUTPUT naming PATH, not the
 * temporary. An output given a cancel flag fails its next write once the
 * flag is set ("interrupted").
 *
 * A RoneoOutputSet is every output of one job (the PDF, its proofs, a
 * manifest): it knows the files the job reads and refuses to write over any
 * of them (same device and inode: also through a symlink or a hard link),
 * refuses two outputs at one path, and keeps an existing file that is not a
 * PDF where a PDF is to go unless forced. Nothing is renamed into place
 * until roneo_output_set_commit, which closes every temporary first and
 * renames the PDF last: a failure on the way leaves every earlier output.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _RoneoOutput RoneoOutput;

/* Opens a new temporary "PATH.XXXXXX<suffix>" beside PATH for writing, or
 * standard output for "-". PATH must be absent, a regular file or a symlink.
 * Returns an owned output or NULL with an error. */
RoneoOutput *roneo_output_open (const char *path, const char *suffix, GError **error);

/* A scratch file for an intermediate stage: a new temporary beside near
 * (in the temporary folder when near is "-"), never committed, removed when
 * freed. Errors name near. */
RoneoOutput *roneo_output_open_scratch (const char *near, const char *suffix, GError **error);

/* From now on a write fails once *cancel is non-zero (borrowed, may be NULL). */
void roneo_output_set_cancel (RoneoOutput *output, const gint *cancel);

/* Appends data; FALSE once any write has failed (the error is kept for later). */
gboolean roneo_output_write (RoneoOutput *output, const void *data, gsize length);

/* A cairo_write_func_t whose closure is a RoneoOutput. */
cairo_status_t roneo_output_cairo_write (void *closure, const unsigned char *data,
                                         unsigned int length);

/* Flushes, syncs and closes the temporary, keeping it. */
gboolean roneo_output_close (RoneoOutput *output, GError **error);

/* Closes the temporary and renames it onto PATH. */
gboolean roneo_output_commit (RoneoOutput *output, GError **error);

/* The temporary's path (NULL for standard output), borrowed. */
const char *roneo_output_peek_temp_path (const RoneoOutput *output);

/* The target as given ("-" for standard output), borrowed. */
const char *roneo_output_peek_path (const RoneoOutput *output);

/* Sets error from the kept errno if a write failed, else from fallback (a
 * reason such as cairo's status string). Always returns FALSE. */
gboolean roneo_output_fail (const RoneoOutput *output, const char *fallback, GError **error);

/* Closes if needed and removes the temporary unless it was committed. */
void roneo_output_free (RoneoOutput *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoOutput, roneo_output_free)

/* --- the outputs of one job ------------------------------------------------ */

typedef struct _RoneoOutputSet RoneoOutputSet;

/* force: replace an existing file that is not a PDF. cancel: as
 * roneo_output_set_cancel, for every output (may be NULL). Owned. */
RoneoOutputSet *roneo_output_set_new (gboolean force, const gint *cancel);

/* Records a file the job reads; what names it in messages ("the copy").
 * "-" is standard input (a redirected file counts). A path that is not
 * there is ignored. */
void roneo_output_set_add_input (RoneoOutputSet *set, const char *what, const char *path);

/* Whether path may take an output (what: "the PDF", "the manifest"): not an
 * input, not another output, and for a pdf not a file that is not a PDF.
 * FALSE with RONEO_ERROR_OUTPUT saying which. */
gboolean roneo_output_set_check (RoneoOutputSet *set, const char *path, const char *what,
                                 gboolean pdf, GError **error);

/* Checks path, then opens its temporary. The output is borrowed: the set
 * owns it until it is freed. */
RoneoOutput *roneo_output_set_open (RoneoOutputSet *set, const char *path, const char *what,
                                    gboolean pdf, GError **error);

/* Closes every output, then renames each into place, the first opened last. */
gboolean roneo_output_set_commit (RoneoOutputSet *set, GError **error);

/* Removes every temporary not committed. */
void roneo_output_set_free (RoneoOutputSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoOutputSet, roneo_output_set_free)

G_END_DECLS
