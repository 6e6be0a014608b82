/* roneo-copy-parser.c: tract copy (Markdown + YAML front matter) to a RoneoDocument.
 *
 * Four steps: check the bytes (binary, UTF-8, empty), split off and read the
 * front matter (roneo-front-matter.c), walk the Markdown body into blocks
 * (roneo-copy-body.c), then apply the document-level rules here: the "-- "
 * signature and, for copy with no block markup, the short first and last
 * paragraphs. Also the helpers the three share (roneo-copy-private.h).
 */
#include "roneo-copy-parser.h"
#include "roneo-intl-private.h"

#include "roneo-copy-private.h"
#include "roneo-error.h"
#include "roneo-input.h"

#include <string.h>

#define SHORT_LINE_CHARS 80

gboolean
roneo_copy_error (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT, message);
  return FALSE;
}

/* 1-based line and byte column of offset in text. */
void
roneo_copy_locate (const char *text, gsize offset, guint *line, guint *column)
{
  *line = 1;
  gsize line_start = 0;
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  *column = offset - line_start + 1;
}

const char *
roneo_copy_line_end (const char *p, const char *end)
{
  const char *newline = memchr (p, '\n', end - p);
  return newline ? newline : end;
}

/* ---- step 1: is it text at all? ---- */

static gboolean
is_blank (const char *text, gsize length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

gboolean
roneo_copy_check_text (const char *source, const char *text, gsize length, GError **error)
{
  const char *end = NULL;
  guint line, column;

  if (length > G_MAXUINT / 2)
    return roneo_copy_error (error, _ ("%s: file too large to be a tract"), source);
  if (memchr (text, '\0', length) != NULL)
    return roneo_copy_error (error, _ ("%s: binary file, not text"), source);
  if (!g_utf8_validate_len (text, length, &end))
    {
      roneo_copy_locate (text, end - text, &line, &column);
      return roneo_copy_error (error, _ ("%s:%u:%u: not UTF-8 text (save the file as UTF-8)"),
                               source, line, column);
    }
  if (is_blank (text, length))
    return roneo_copy_error (error, _ ("%s: empty file: nothing to lay out"), source);
  return TRUE;
}

/* ---- step 4: signature and headline ---- */

static void
strip_prefix (RoneoBlock *block, guint n)
{
  guint kept = 0;

  memmove (block->text, block->text + n, strlen (block->text + n) + 1);
  for (guint i = 0; i < block->spans->len; i++)
    {
      RoneoSpan span = g_array_index (block->spans, RoneoSpan, i);
      if (span.end <= n)
        continue;
      span.start = span.start > n ? span.start - n : 0;
      span.end -= n;
      g_array_index (block->spans, RoneoSpan, kept++) = span;
    }
  g_array_set_size (block->spans, kept);
}

/* One line of at most 80 characters, not ending with one of endings. */
static gboolean
is_short (const RoneoBlock *block, gboolean one_line, const char *endings)
{
  gsize length = strlen (block->text);

  while (length > 0 && g_ascii_isspace (block->text[length - 1]))
    length--;
  return one_line && length > 0 && g_utf8_strlen (block->text, length) <= SHORT_LINE_CHARS
         && strchr (endings, block->text[length - 1]) == NULL
         && strstr (block->text, RONEO_COPY_LINE_SEPARATOR) == NULL;
}

static void
apply_document_rules (RoneoDocument *document, gboolean markup, const GArray *one_line)
{
  GPtrArray *blocks = document->blocks;
  guint n = blocks->len;
  RoneoBlock *first = n ? g_ptr_array_index (blocks, 0) : NULL;
  RoneoBlock *last = n ? g_ptr_array_index (blocks, n - 1) : NULL;

  if (last && last->kind == RONEO_BLOCK_PARAGRAPH && g_str_has_prefix (last->text, "-- "))
    {
      last->kind = RONEO_BLOCK_SIGNATURE;
      strip_prefix (last, 3);
    }
  if (markup || first == NULL)
    return;
  if (first->kind == RONEO_BLOCK_PARAGRAPH
      && is_short (first, g_array_index (one_line, gboolean, 0), "."))
    first->kind = RONEO_BLOCK_HEADLINE;
  if (n >= 3 && last->kind == RONEO_BLOCK_PARAGRAPH
      && is_short (last, g_array_index (one_line, gboolean, n - 1), ".!?"))
    last->kind = RONEO_BLOCK_SIGNATURE;
}

/* ---- entry points ---- */

static gboolean
parse_copy (RoneoDocument *document, const RoneoCopySplit *split, GError **error)
{
  gboolean markup = FALSE;
  g_autoptr (GArray) one_line = NULL;

  if (!roneo_copy_body_parse (document, split, &markup, &one_line, error))
    return FALSE;
  if (document->blocks->len == 0)
    return roneo_copy_error (
        error, _ ("%s: no copy: nothing to lay out (write the text after the front matter)"),
        document->source);
  apply_document_rules (document, markup, one_line);
  return TRUE;
}

gboolean
roneo_copy_read_front (RoneoDocument *document, const char *text, gsize length,
                       RoneoCopySplit *split, GError **error)
{
  text = text ? text : "";
  if (!roneo_copy_check_text (document->source, text, length, error))
    return FALSE;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3; /* a byte order mark, as some Windows editors write */
      length -= 3;
    }
  return roneo_front_matter_split (document->source, text, length, split, error)
         && roneo_front_matter_parse (document, split, error);
}

RoneoDocument *
roneo_copy_parse (const char *source, const char *text, gsize length, GError **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (RoneoDocument) document = roneo_document_new (source);
  RoneoCopySplit split;
  if (!roneo_copy_read_front (document, text, length, &split, error)
      || !parse_copy (document, &split, error))
    return NULL;
  return g_steal_pointer (&document);
}

GBytes *
roneo_copy_read_file (const char *path, const char **source, GError **error)
{
  *source = strcmp (path, "-") == 0 ? "<stdin>" : path;
  return roneo_input_read_all (path, RONEO_INPUT_COPY, error);
}

RoneoDocument *
roneo_copy_parse_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  const char *source = NULL;
  g_autoptr (GBytes) bytes = roneo_copy_read_file (path, &source, error);
  if (bytes == NULL)
    return NULL;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  return roneo_copy_parse (source, text, length, error);
}
