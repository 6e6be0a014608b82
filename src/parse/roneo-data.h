/* roneo-data.h: the rows of a batch, read from a CSV file as a stream.
 *
 * `roneo batch tract.md --data villes.csv` makes one copy per row. A
 * RoneoDataSet reads the file in 64 KB chunks through libcsv and hands the
 * rows out one by one; it keeps only the row being read and at most one row
 * not yet handed out, so memory does not grow with the number of rows.
 *
 * The format: the first non-blank line names the columns (names trimmed of
 * blanks; every column needs a name, no two the same). Every following row
 * has one value per column. Values are kept as written: blanks around an
 * unquoted value stay (" 14 h" is " 14 h"); a value in double quotes may hold
 * commas, doubled quotes ("") and line breaks. Rows may end in LF, CRLF or CR; a
 * line break inside a quoted value is kept as "\n" (CRLF and CR become "\n"). A
 * UTF-8 byte order mark at the start is skipped. Blank lines are skipped.
 * Quotes follow RFC 4180 strictly: a quote inside an unquoted value or text
 * after a closing quote is an error, not a guess. A line ends at LF, CRLF
 * or a lone CR.
 *
 * Errors are RONEO_ERROR_INPUT with "FILE:LINE: message" (the path as given):
 * the file cannot be read (no line), it is empty (no header), the header has
 * an empty or repeated name, a value is not UTF-8 (the line of the bad byte),
 * a row has more or fewer values than the header (the line the row starts
 * on), a quote is never closed (the line its row starts on), a stray quote.
 * A header with no row after it is an error of roneo_data_open(): every user
 * of a data set needs at least one row, and only the reader knows the file.
 * The file is opened by roneo_input_open: a regular file (no FIFO, no
 * device), at most 1 GB; "-" reads standard input, once (so
 * roneo_data_count_rows, which reads the input itself, is for files).
 * roneo_data_open_bytes reads bytes a program holds exactly as a file of that
 * content, with the name it is given where the path would be.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RoneoDataSet RoneoDataSet;

/* Opens path and reads its header and first row. Returns a new data set owned
 * by the caller (free with roneo_data_close()), or NULL with error set when
 * the file cannot be read, is empty, has a bad header or no row at all. An
 * error in a later row (or in the first row itself) comes from
 * roneo_data_next(). */
RoneoDataSet *roneo_data_open (const char *path, GError **error);

/* The same, from bytes (a reference is taken) named name in messages
 * ("villes.csv:3: ..."): the same rows, errors and limit as a file. */
RoneoDataSet *roneo_data_open_bytes (GBytes *bytes, const char *name, GError **error);

/* The column names, NULL-terminated, in file order. Borrowed. */
const char *const *roneo_data_get_fields (const RoneoDataSet *data);

/* The file name used in messages. Borrowed. */
const char *roneo_data_get_source (const RoneoDataSet *data);

/* The next row. On TRUE, *values is a new NULL-terminated array of one UTF-8
 * string per field (owned by the caller) and *line (may be NULL) the line the
 * row starts on. Returns FALSE with error unset at the end of the file, and
 * FALSE with error set on a bad row; after an error every call fails the
 * same way. */
gboolean roneo_data_next (RoneoDataSet *data, GStrv *values, guint *line, GError **error);

/* Reads the whole file and returns its number of rows (at least 1), or 0 with
 * error set on the first error roneo_data_open() or roneo_data_next() would
 * give. The engine calls it before laying out anything (cut-and-stack needs
 * the count up front), so a bad row fails the job before any output. */
guint roneo_data_count_rows (const char *path, GError **error);

/* For tests: the most rows that were ever waiting to be handed out. */
guint roneo_data_get_max_queued (const RoneoDataSet *data);

void roneo_data_close (RoneoDataSet *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoDataSet, roneo_data_close)

G_END_DECLS
