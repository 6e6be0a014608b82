/* roneo-test-files.h: scratch folders and files for the test programs.
 *
 * Each helper fails the running test (g_assert) instead of returning an
 * error; what it returns is owned by the caller.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder from a g_dir_make_tmp template ("roneo-cli-XXXXXX"). Owned. */
char *roneo_test_make_tmp_dir (const char *tmpl);

/* Removes path and, if it is a folder (not a link to one), all below it. */
void roneo_test_rm_rf (const char *path);

/* Writes text to dir/name (replacing it) and returns that path. Owned. */
char *roneo_test_write_file (const char *dir, const char *name, const char *text);

/* The text of the file at path, which must be readable. Owned. */
char *roneo_test_read_file (const char *path);

/* The bytes of the file at path, which must be readable. Owned. */
GBytes *roneo_test_read_bytes (const char *path);

/* The files at a and b hold the same bytes (the same input made them). */
void roneo_test_assert_same_bytes (const char *a, const char *b);

/* No temporary named after path ("path." followed by anything) is left
 * beside it: a writer that failed or finished cleaned up. */
void roneo_test_assert_no_temporaries (const char *path);

/* The size in pixels of the PNG at path, read from its header (which must
 * be there). */
void roneo_test_png_size (const char *path, guint32 *width, guint32 *height);

G_END_DECLS
