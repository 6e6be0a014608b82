/* roneo-fields.h: the {name} fields of a batch template, and filling them.
 *
 * A batch parses its template once as Markdown; every row of the data set
 * then fills a copy of that document. The rule: any "{name}" in the text of a
 * block or a footnote, in the front matter's title, author, date or
 * subject, or in a picture's file or address, is a field; name is one or more letters (any script),
 * digits, "_" or "-", and matches a column name the way people read it: without regard to case,
 * accents or blanks around the name ({ville} is the column "Ville", " VILLE " or "vîlle";
 * roneo_field_names_match()). There is no escape ("\{" is already "{" once cmark has read it), so
 * in a batch every {name} must be a column. Braces around anything else ("{ }", "{a b}") are plain
 * text, and a
 * "{1}" made of the call of a footnote is not a field. The layout, lang and
 * layout overrides of the front matter are not filled.
 *
 * A value is plain text, never Markdown: "**" or "{x}" in a value stays as
 * typed, the value gets no style of its own (only a RONEO_SPAN_FIELD span
 * that marks it as data for the typography), and it is never scanned again. A
 * line break inside a (quoted) value becomes a forced break (U+2028) in a
 * block, a space in the front matter.
 */
#pragma once

#include "roneo-data.h"
#include "roneo-document.h"

G_BEGIN_DECLS

/* The form of a field or column name that matching compares: its letters
 * without accents (combining marks removed after NFD), case folded, blanks
 * around it removed. A new string. */
char *roneo_field_name_key (const char *name);

/* TRUE when a and b name the same field: "ville" = "Ville" = " Ville ". */
gboolean roneo_field_names_match (const char *a, const char *b);

/* The names of the fields the template uses, each once, in reading order
 * (front matter, blocks, footnotes). A new NULL-terminated array, possibly
 * empty, owned by the caller. */
GStrv roneo_document_dup_fields (const RoneoDocument *template_);

/* TRUE when every field of the template is one of fields; else FALSE and a
 * RONEO_ERROR_INPUT naming the first unknown field and the line of its block:
 * "invite.md:9: the field {lieu} is not a column of the data (columns: ville,
 * date, heure)". The engine calls it (or roneo_document_check_data()) before
 * the first row. */
gboolean roneo_document_check_fields (const RoneoDocument *template_, const char *const *fields,
                                      GError **error);

/* The same against a data set's columns; the message names its file:
 * "... is not a column of villes.csv (columns: ville, date, heure)". */
gboolean roneo_document_check_data (const RoneoDocument *template_, const RoneoDataSet *data,
                                    GError **error);

/* A new document, a deep copy of the template with every {name} replaced by
 * the value of that field (values[i] for fields[i]) as plain text. Spans move
 * with the text; a span that covered a field covers its whole value; a span
 * left empty by an empty value is dropped. A picture's file or address may
 * be a field (![]({logo}), logo: "{logo}", qr: "{url}", ![qr]({url})): a
 * file a value names is found from data_dir (the data's folder; NULL: the
 * copy's). Returns NULL with the error of
 * roneo_document_check_fields() when the template uses an unknown field. */
RoneoDocument *roneo_document_fill (const RoneoDocument *template_, const char *const *fields,
                                    const char *const *values, const char *data_dir,
                                    GError **error);

/* Only the pictures of document filled, in place, as roneo_document_fill()
 * fills them (the fields are known to be columns). A batch lays out its
 * template with the pictures of its first row: a picture named by a field
 * has no file until a row names one. */
void roneo_document_fill_pictures (RoneoDocument *document, const char *const *fields,
                                   const char *const *values, const char *data_dir);

G_END_DECLS
