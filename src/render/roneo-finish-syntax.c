#include "roneo-finish-syntax.h"

#include <string.h>

/* Deeper nesting than this is not something cairo writes. */
#define MAX_DEPTH 64

typedef enum
{
  TOKEN_END,
  TOKEN_BAD,
  TOKEN_DICT_OPEN,
  TOKEN_DICT_CLOSE,
  TOKEN_ARRAY_OPEN,
  TOKEN_ARRAY_CLOSE,
  TOKEN_NAME,
  TOKEN_STRING,
  TOKEN_WORD, /* a number or a keyword */
} TokenKind;

typedef struct
{
  TokenKind kind;
  gsize start, end;
} Token;

static gboolean
is_space (guint8 c)
{
  return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static gboolean
is_delimiter (guint8 c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != 0;
}

static gboolean
is_regular (guint8 c)
{
  return !is_space (c) && !is_delimiter (c);
}

void
roneo_pdf_skip_space (RoneoPdfLexer *lexer)
{
  while (lexer->pos < lexer->length)
    {
      guint8 c = lexer->data[lexer->pos];
      if (c == '%')
        while (lexer->pos < lexer->length && lexer->data[lexer->pos] != '\n'
               && lexer->data[lexer->pos] != '\r')
          lexer->pos++;
      else if (is_space (c))
        lexer->pos++;
      else
        return;
    }
}

/* A literal string: balanced parentheses, a backslash escapes the next byte. */
static gboolean
skip_literal (RoneoPdfLexer *lexer)
{
  int depth = 0;
  for (; lexer->pos < lexer->length; lexer->pos++)
    {
      guint8 c = lexer->data[lexer->pos];
      if (c == '\\')
        lexer->pos++;
      else if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        {
          lexer->pos++;
          return TRUE;
        }
    }
  return FALSE;
}

static TokenKind
scan_angle (RoneoPdfLexer *lexer)
{
  const guint8 *d = lexer->data;
  if (lexer->pos + 1 < lexer->length && d[lexer->pos + 1] == '<')
    {
      lexer->pos += 2;
      return TOKEN_DICT_OPEN;
    }
  while (lexer->pos < lexer->length && d[lexer->pos] != '>')
    lexer->pos++;
  if (lexer->pos == lexer->length)
    return TOKEN_BAD;
  lexer->pos++;
  return TOKEN_STRING;
}

static TokenKind
scan (RoneoPdfLexer *lexer)
{
  guint8 c = lexer->data[lexer->pos];
  switch (c)
    {
    case '<':
      return scan_angle (lexer);
    case '>':
      if (lexer->pos + 1 >= lexer->length || lexer->data[lexer->pos + 1] != '>')
        return TOKEN_BAD;
      lexer->pos += 2;
      return TOKEN_DICT_CLOSE;
    case '[':
    case ']':
      lexer->pos++;
      return c == '[' ? TOKEN_ARRAY_OPEN : TOKEN_ARRAY_CLOSE;
    case '(':
      return skip_literal (lexer) ? TOKEN_STRING : TOKEN_BAD;
    case '/':
      lexer->pos++;
      while (lexer->pos < lexer->length && is_regular (lexer->data[lexer->pos]))
        lexer->pos++;
      return TOKEN_NAME;
    default:
      if (!is_regular (c))
        return TOKEN_BAD;
      while (lexer->pos < lexer->length && is_regular (lexer->data[lexer->pos]))
        lexer->pos++;
      return TOKEN_WORD;
    }
}

static Token
next_token (RoneoPdfLexer *lexer)
{
  roneo_pdf_skip_space (lexer);
  Token token = { TOKEN_END, lexer->pos, lexer->pos };
  if (lexer->pos >= lexer->length)
    return token;
  token.kind = scan (lexer);
  token.end = lexer->pos;
  if (token.kind == TOKEN_BAD)
    lexer->pos = token.start;
  return token;
}

gboolean
roneo_pdf_next_word (RoneoPdfLexer *lexer, char *buffer, gsize size)
{
  gsize start = lexer->pos;
  Token token = next_token (lexer);
  gsize length = token.end - token.start;
  if (token.kind != TOKEN_WORD || length >= size)
    {
      lexer->pos = start;
      return FALSE;
    }
  memcpy (buffer, lexer->data + token.start, length);
  buffer[length] = '\0';
  return TRUE;
}

/* ------------------------------------------------------------------ values */

static RoneoPdfValue *
new_value (RoneoPdfKind kind, char *text)
{
  RoneoPdfValue *value = g_new0 (RoneoPdfValue, 1);
  value->kind = kind;
  value->text = text;
  if (kind == RONEO_PDF_ARRAY || kind == RONEO_PDF_DICT)
    value->items = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_pdf_value_free);
  return value;
}

RoneoPdfValue *
roneo_pdf_new_scalar (const char *text)
{
  return new_value (text[0] == '/' ? RONEO_PDF_NAME : RONEO_PDF_SCALAR, g_strdup (text));
}

/* Six decimals at most, as cairo writes its boxes, without trailing zeros. */
RoneoPdfValue *
roneo_pdf_new_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buffer, sizeof buffer, "%.6f", number);
  char *end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  return roneo_pdf_new_scalar (strcmp (buffer, "-0") == 0 ? "0" : buffer);
}

RoneoPdfValue *
roneo_pdf_new_array (void)
{
  return new_value (RONEO_PDF_ARRAY, NULL);
}

void
roneo_pdf_value_free (RoneoPdfValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  if (value->items != NULL)
    g_ptr_array_unref (value->items);
  g_free (value);
}

static gboolean is_digits (const char *text);

static gboolean
is_unsigned (const RoneoPdfValue *value)
{
  return value->kind == RONEO_PDF_SCALAR && is_digits (value->text);
}

/* "N G R" inside an array or dictionary: the last two items become one. */
static gboolean
fold_reference (GPtrArray *items)
{
  guint n = items->len;
  if (n < 2 || !is_unsigned (items->pdata[n - 2]) || !is_unsigned (items->pdata[n - 1]))
    return FALSE;
  RoneoPdfValue *ref = new_value (RONEO_PDF_REF, NULL);
  ref->number = (guint) g_ascii_strtoull (((RoneoPdfValue *) items->pdata[n - 2])->text, NULL, 10);
  ref->generation
      = (guint) g_ascii_strtoull (((RoneoPdfValue *) items->pdata[n - 1])->text, NULL, 10);
  g_ptr_array_set_size (items, n - 2);
  g_ptr_array_add (items, ref);
  return TRUE;
}

static RoneoPdfValue *parse_value (RoneoPdfLexer *lexer, int depth);

static RoneoPdfValue *
parse_items (RoneoPdfLexer *lexer, RoneoPdfKind kind, int depth)
{
  g_autoptr (RoneoPdfValue) list = new_value (kind, NULL);
  const TokenKind close = kind == RONEO_PDF_DICT ? TOKEN_DICT_CLOSE : TOKEN_ARRAY_CLOSE;
  for (;;)
    {
      gsize start = lexer->pos;
      Token token = next_token (lexer);
      if (token.kind == close)
        return g_steal_pointer (&list);
      if (token.kind == TOKEN_WORD && token.end - token.start == 1
          && lexer->data[token.start] == 'R')
        {
          if (!fold_reference (list->items))
            return NULL;
          continue;
        }
      lexer->pos = start;
      RoneoPdfValue *item = parse_value (lexer, depth + 1);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (list->items, item);
    }
}

/* Keys must be names; a repeated key keeps its first value. */
static RoneoPdfValue *
make_dict (RoneoPdfValue *list)
{
  g_autoptr (RoneoPdfValue) owned = list;
  if (list == NULL || list->items->len % 2 != 0)
    return NULL;
  RoneoPdfValue *dict = new_value (RONEO_PDF_DICT, NULL);
  for (guint i = 0; i < list->items->len; i += 2)
    {
      RoneoPdfValue *key = list->items->pdata[i];
      if (key->kind != RONEO_PDF_NAME)
        {
          roneo_pdf_value_free (dict);
          return NULL;
        }
      if (roneo_pdf_dict_get (dict, key->text) != NULL)
        continue;
      g_ptr_array_add (dict->items, g_steal_pointer (&list->items->pdata[i]));
      g_ptr_array_add (dict->items, g_steal_pointer (&list->items->pdata[i + 1]));
    }
  return dict;
}

static RoneoPdfValue *
parse_value (RoneoPdfLexer *lexer, int depth)
{
  if (depth > MAX_DEPTH)
    return NULL;
  Token token = next_token (lexer);
  gsize length = token.end - token.start;
  if (memchr (lexer->data + token.start, '\0', length) != NULL)
    token.kind = TOKEN_BAD; /* a NUL in a string: not kept whole by a C string */
  char *text = g_strndup ((const char *) lexer->data + token.start, length);
  switch (token.kind)
    {
    case TOKEN_DICT_OPEN:
      g_free (text);
      return make_dict (parse_items (lexer, RONEO_PDF_DICT, depth));
    case TOKEN_ARRAY_OPEN:
      g_free (text);
      return parse_items (lexer, RONEO_PDF_ARRAY, depth);
    case TOKEN_NAME:
      return new_value (RONEO_PDF_NAME, text);
    case TOKEN_STRING:
    case TOKEN_WORD:
      return new_value (RONEO_PDF_SCALAR, text);
    default:
      g_free (text);
      lexer->pos = token.start;
      return NULL;
    }
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

RoneoPdfValue *
roneo_pdf_new_ref (guint number)
{
  RoneoPdfValue *ref = new_value (RONEO_PDF_REF, NULL);
  ref->number = number;
  return ref;
}

RoneoPdfValue *
roneo_pdf_parse_text (const char *text)
{
  RoneoPdfLexer lexer = { (const guint8 *) text, strlen (text), 0 };
  return roneo_pdf_parse_value (&lexer);
}

RoneoPdfValue *
roneo_pdf_parse_value (RoneoPdfLexer *lexer)
{
  RoneoPdfValue *value = parse_value (lexer, 0);
  if (value == NULL || !is_unsigned (value))
    return value;
  /* A bare reference as the whole value: "5 0 R". */
  const gsize start = lexer->pos;
  char generation[16], keyword[4];
  if (roneo_pdf_next_word (lexer, generation, sizeof generation) && is_digits (generation)
      && roneo_pdf_next_word (lexer, keyword, sizeof keyword) && strcmp (keyword, "R") == 0)
    {
      RoneoPdfValue *ref = new_value (RONEO_PDF_REF, NULL);
      ref->number = (guint) g_ascii_strtoull (value->text, NULL, 10);
      ref->generation = (guint) g_ascii_strtoull (generation, NULL, 10);
      roneo_pdf_value_free (value);
      return ref;
    }
  lexer->pos = start;
  return value;
}

/* ------------------------------------------------------------ dictionaries */

static gint
dict_find (const RoneoPdfValue *dict, const char *key)
{
  for (guint i = 0; i + 1 < dict->items->len; i += 2)
    if (strcmp (((RoneoPdfValue *) dict->items->pdata[i])->text, key) == 0)
      return (gint) i;
  return -1;
}

RoneoPdfValue *
roneo_pdf_dict_get (const RoneoPdfValue *dict, const char *key)
{
  g_return_val_if_fail (dict != NULL && dict->kind == RONEO_PDF_DICT, NULL);
  gint i = dict_find (dict, key);
  return i < 0 ? NULL : dict->items->pdata[i + 1];
}

void
roneo_pdf_dict_take (RoneoPdfValue *dict, const char *key, RoneoPdfValue *value)
{
  g_return_if_fail (dict != NULL && dict->kind == RONEO_PDF_DICT && key[0] == '/');
  gint i = dict_find (dict, key);
  if (i >= 0)
    {
      roneo_pdf_value_free (dict->items->pdata[i + 1]);
      dict->items->pdata[i + 1] = value;
      return;
    }
  g_ptr_array_add (dict->items, roneo_pdf_new_scalar (key));
  g_ptr_array_add (dict->items, value);
}

void
roneo_pdf_dict_remove (RoneoPdfValue *dict, const char *key)
{
  g_return_if_fail (dict != NULL && dict->kind == RONEO_PDF_DICT);
  gint i = dict_find (dict, key);
  if (i >= 0)
    g_ptr_array_remove_range (dict->items, (guint) i, 2);
}

gboolean
roneo_pdf_get_number (const RoneoPdfValue *value, double *number)
{
  if (value == NULL || value->kind != RONEO_PDF_SCALAR)
    return FALSE;
  char *end = NULL;
  *number = g_ascii_strtod (value->text, &end);
  return end != value->text && *end == '\0';
}

gboolean
roneo_pdf_is_name (const RoneoPdfValue *value, const char *name)
{
  return value != NULL && value->kind == RONEO_PDF_NAME && strcmp (value->text, name) == 0;
}

void
roneo_pdf_write (const RoneoPdfValue *value, GString *out)
{
  switch (value->kind)
    {
    case RONEO_PDF_SCALAR:
    case RONEO_PDF_NAME:
      g_string_append (out, value->text);
      return;
    case RONEO_PDF_REF:
      g_string_append_printf (out, "%u %u R", value->number, value->generation);
      return;
    case RONEO_PDF_ARRAY:
    case RONEO_PDF_DICT:
      g_string_append (out, value->kind == RONEO_PDF_DICT ? "<<" : "[");
      for (guint i = 0; i < value->items->len; i++)
        {
          if (i > 0 || value->kind == RONEO_PDF_DICT)
            g_string_append_c (out, ' ');
          roneo_pdf_write (value->items->pdata[i], out);
        }
      g_string_append (out, value->kind == RONEO_PDF_DICT ? " >>" : "]");
      return;
    }
}

/* The address in 7-bit ASCII, as a PDF string literal. */
static void
append_uri_string (GString *out, const char *uri)
{
  g_string_append_c (out, '(');
  for (const guchar *p = (const guchar *) uri; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p >= 0x7f)
        g_string_append_printf (out, "%%%02X", *p);
      else
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, ')');
}

char *
roneo_pdf_link_annotation (const double rect[4], const char *uri)
{
  GString *out = g_string_new ("<< /Type /Annot /Subtype /Link /Rect [");
  for (int i = 0; i < 4; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (out, "%s%s", i ? " " : "",
                              g_ascii_formatd (buffer, sizeof buffer, "%.2f", rect[i]));
    }
  g_string_append (out, "] /Border [0 0 0] /A << /S /URI /URI ");
  append_uri_string (out, uri);
  g_string_append (out, " >> >>");
  return g_string_free (out, FALSE);
}
