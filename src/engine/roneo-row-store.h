/* roneo-row-store.h: the rows of a batch's CSV, kept on disk (private).
 *
 * Cut-and-stack puts records far apart in the file on one sheet, so a batch
 * needs every row at hand; holding them in memory made memory grow with the
 * rows (15 MB for 100 000 short ones, a gigabyte for a 1 GB CSV). A store
 * writes each row into an unnamed temporary file (made in the temporary
 * folder and unlinked at once: nothing is left behind, even on a signal) and
 * keeps only its offset, 8 bytes a row. Rows are numbered from 0 in the order
 * they were added.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RoneoRowStore RoneoRowStore;

/* An empty store, owned; NULL with RONEO_ERROR_OUTPUT if no temporary file. */
RoneoRowStore *roneo_row_store_new (GError **error);

/* Appends a copy of values (a NULL-terminated vector). */
gboolean roneo_row_store_add (RoneoRowStore *store, const char *const *values, GError **error);

guint roneo_row_store_get_n_rows (const RoneoRowStore *store);

/* Row number row, as it was added: owned (g_strfreev), or NULL with an error. */
GStrv roneo_row_store_get (RoneoRowStore *store, guint row, GError **error);

void roneo_row_store_free (RoneoRowStore *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoRowStore, roneo_row_store_free)

G_END_DECLS
