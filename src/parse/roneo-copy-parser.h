/* roneo-copy-parser.h: tract copy (Markdown + YAML front matter) to a RoneoDocument.
 *
 * The format is DESIGN.md section 2: CommonMark with footnotes (cmark-gfm) and
 * an optional front matter block (libyaml). Errors are RONEO_ERROR_INPUT with
 * "SOURCE:LINE:COLUMN: message". A file with no markup at all still gives a
 * tract: a short first paragraph becomes the headline.
 */
#pragma once

#include "roneo-document.h"

G_BEGIN_DECLS

/* Parses text (length bytes, need not be NUL-terminated). source names the
 * input in messages. Returns a new document owned by the caller, or NULL with
 * error set: not UTF-8, empty (only blanks), binary (NUL bytes), bad YAML, an
 * unknown front matter key, a footnote called but never defined. */
RoneoDocument *roneo_copy_parse (const char *source, const char *text, gsize length,
                                 GError **error);

/* Reads and parses a file; "-" reads standard input. */
RoneoDocument *roneo_copy_parse_file (const char *path, GError **error);

/* A banner's slogan: plain lines, no Markdown. Every non-empty line is a
 * line of the slogan (a forced break between them; the file's own line
 * breaks are kept), a line starting with "-- " is the byline (a SIGNATURE
 * block). The slogan is one HEADLINE block. Front matter as in copy. Same
 * errors as roneo_copy_parse(), and an error when there is no slogan. */
RoneoDocument *roneo_slogan_parse (const char *source, const char *text, gsize length,
                                   GError **error);
RoneoDocument *roneo_slogan_parse_file (const char *path, GError **error);

G_END_DECLS
