/* roneo-finish-input.h: the PDF cairo wrote, opened for reading object by
 * object (private to the finisher, roneo-finish.c), from a file or from
 * memory.
 *
 * Opening reads the file's classic cross-reference table and its trailer,
 * what cairo 1.16 writes (no cross-reference stream, no update, no
 * encryption, every object of generation 0), and keeps 12 bytes per object:
 * its offset and its place in file order. Objects themselves are read on
 * demand with roneo_pdf_input_read. Errors are RONEO_ERROR_OUTPUT and name
 * the target being written, not the temporary read. Clear what was opened.
 */
#pragma once

#include "roneo-finish-syntax.h"

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef struct
{
  FILE *file;
  const char *path;   /* borrowed: the file read */
  const char *target; /* borrowed: the PDF being written, for messages */
  guint size;         /* the trailer's /Size */
  guint64 *offsets;   /* by object number, 0 for a free entry */
  guint *order;       /* the numbers in use (n_order); callers may sort them */
  guint n_order;
  guint64 xref_offset; /* where the table starts: the end of the last object */
  guint root, info;    /* the trailer's /Root and /Info (0: none) */
} RoneoPdfInput;

/* Opens path and reads its table and trailer into input. */
gboolean roneo_pdf_input_open (RoneoPdfInput *input, const char *path, const char *target,
                               GError **error);

/* The same over length bytes in memory (borrowed: they must outlive input). */
gboolean roneo_pdf_input_open_data (RoneoPdfInput *input, const guint8 *data, gsize length,
                                    const char *target, GError **error);

/* Reads length bytes at offset into buffer (resized), fewer at the end of the file. */
gboolean roneo_pdf_input_read (RoneoPdfInput *input, guint64 offset, gsize length,
                               GByteArray *buffer, GError **error);

/* Sets an error for bytes at offset at that are not what cairo writes
 * (what: the thing expected). Always FALSE. */
gboolean roneo_pdf_input_damaged (const RoneoPdfInput *input, guint64 at, const char *what,
                                  GError **error);

/* Sets an error from errno for a failed read. Always FALSE. */
gboolean roneo_pdf_input_read_failed (const RoneoPdfInput *input, GError **error);

void roneo_pdf_input_clear (RoneoPdfInput *input);

G_END_DECLS
