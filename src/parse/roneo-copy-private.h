/* roneo-copy-private.h: what the modules of the copy parser share.
 *
 * roneo-copy-parser.c checks the bytes, runs the steps and applies the
 * document-level rules; roneo-front-matter.c splits off and reads the YAML
 * block; roneo-copy-body.c walks the Markdown body into blocks. Not installed.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-front-matter-private.h"

G_BEGIN_DECLS

#define RONEO_COPY_LINE_SEPARATOR "\xe2\x80\xa8" /* U+2028: a forced break inside a block */

/* Sets error to RONEO_ERROR_INPUT with the formatted message; returns FALSE. */
gboolean roneo_copy_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* FALSE with error set when text is not something to lay out: not UTF-8,
 * binary (NUL bytes), empty or only blanks. */
gboolean roneo_copy_check_text (const char *source, const char *text, gsize length, GError **error);

/* The steps before the body, for copy and slogans alike: checks the bytes,
 * skips a byte order mark, splits off and reads the front matter into
 * document. FALSE with error set on any problem. */
gboolean roneo_copy_read_front (RoneoDocument *document, const char *text, gsize length,
                                RoneoCopySplit *split, GError **error);

/* The bytes of path ("-": standard input), read by roneo_input_read_all
 * (a regular file, at most 10 MB), owned; *source names it in messages
 * ("<stdin>"). NULL with error set when it cannot be read. */
GBytes *roneo_copy_read_file (const char *path, const char **source, GError **error);

/* 1-based line and byte column of offset in text. */
void roneo_copy_locate (const char *text, gsize offset, guint *line, guint *column);

/* The '\n' ending the line that starts at p, or end when there is none. */
const char *roneo_copy_line_end (const char *p, const char *end);

/* Walks the Markdown body of split into document's blocks, checking the
 * footnotes (called but undefined, defined but never called). On success
 * *markup says whether block markup (heading, list, quote, break, code or
 * HTML block) was seen and *one_line is a new array, owned by the caller, of
 * one gboolean per block that is not a footnote: TRUE when written on one
 * line. On failure both are left alone and error is set. */
gboolean roneo_copy_body_parse (RoneoDocument *document, const RoneoCopySplit *split,
                                gboolean *markup, GArray **one_line, GError **error);

G_END_DECLS
