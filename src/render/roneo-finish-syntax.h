/* roneo-finish-syntax.h: PDF objects read and written one at a time (private).
 *
 * The finisher (roneo-finish.c) rewrites the PDF cairo wrote
 * object by object, so it never holds more than one object. This module is the
 * syntax of one object (ISO 32000-1, 7.2 and 7.3): a lexer over a byte range,
 * a small tree of values, and its serialisation. Scalars keep the bytes they
 * were written with (numbers, names, strings), so nothing is re-encoded. A
 * dictionary keeps its first entry for a key that cairo repeated (PITFALLS 13:
 * both name the same object). Values are owned by their parent; free the root.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_PDF_SCALAR, /* number, keyword (true, false, null), name, or string: text as written */
  RONEO_PDF_NAME,
  RONEO_PDF_REF,
  RONEO_PDF_ARRAY,
  RONEO_PDF_DICT,
} RoneoPdfKind;

typedef struct _RoneoPdfValue RoneoPdfValue;
struct _RoneoPdfValue
{
  RoneoPdfKind kind;
  char *text;       /* SCALAR, NAME (with its '/') */
  guint number;     /* REF */
  guint generation; /* REF */
  GPtrArray *items; /* ARRAY: values; DICT: key, value, key, value... (keys are NAMEs) */
};

/* A read position in a byte range that the caller owns. */
typedef struct
{
  const guint8 *data;
  gsize length;
  gsize pos;
} RoneoPdfLexer;

/* Parses one value at lexer->pos. Returns an owned value, or NULL if the bytes
 * are not PDF syntax (lexer->pos is then where it went wrong). */
RoneoPdfValue *roneo_pdf_parse_value (RoneoPdfLexer *lexer);

/* The next token, if it is a keyword (obj, endobj, stream, R, or a number):
 * copied into buffer (NUL-terminated). FALSE for anything else or the end. */
gboolean roneo_pdf_next_word (RoneoPdfLexer *lexer, char *buffer, gsize size);

/* Skips white space and comments. */
void roneo_pdf_skip_space (RoneoPdfLexer *lexer);

RoneoPdfValue *roneo_pdf_new_scalar (const char *text);
RoneoPdfValue *roneo_pdf_new_number (double value);
RoneoPdfValue *roneo_pdf_new_array (void);
RoneoPdfValue *roneo_pdf_new_ref (guint number);
/* The value text writes (PDF syntax we made ourselves), or NULL. */
RoneoPdfValue *roneo_pdf_parse_text (const char *text);
void roneo_pdf_value_free (RoneoPdfValue *value);

/* The value of key ("/Type") in a dictionary, borrowed, or NULL. */
RoneoPdfValue *roneo_pdf_dict_get (const RoneoPdfValue *dict, const char *key);

/* Sets key to value (taken), replacing an earlier value. */
void roneo_pdf_dict_take (RoneoPdfValue *dict, const char *key, RoneoPdfValue *value);

/* Removes key and its value, if present. */
void roneo_pdf_dict_remove (RoneoPdfValue *dict, const char *key);

/* A SCALAR that is a number, as a double. */
gboolean roneo_pdf_get_number (const RoneoPdfValue *value, double *number);

/* Whether value is the name given ("/Page"). */
gboolean roneo_pdf_is_name (const RoneoPdfValue *value, const char *name);

/* Appends the value's PDF syntax to out. */
void roneo_pdf_write (const RoneoPdfValue *value, GString *out);

/* A link annotation's dictionary, as both finishing passes write it: rect
 * (x0 y0 x1 y1, two decimals), no border, a /URI action to uri in 7-bit
 * ASCII (other bytes, spaces and controls percent-encoded, RFC 3986; the
 * string's parentheses and backslashes escaped). Owned. */
char *roneo_pdf_link_annotation (const double rect[4], const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoPdfValue, roneo_pdf_value_free)

G_END_DECLS
