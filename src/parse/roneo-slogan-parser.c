/* Slogans for banners: plain lines, no Markdown. */
#include "roneo-copy-parser.h"
#include "roneo-intl-private.h"

#include "roneo-copy-private.h"

#include <string.h>

#define BYLINE_MARK "-- "

/* One line of the body, trimmed, into the slogan or the byline. */
static void
add_line (RoneoDocument *document, GString *slogan, guint *slogan_line, const char *start,
          const char *end, guint line)
{
  g_autofree char *text = g_strstrip (g_strndup (start, end - start));
  if (*text == '\0')
    return;
  if (g_str_has_prefix (text, BYLINE_MARK))
    {
      const char *byline = g_strstrip (text + strlen (BYLINE_MARK));
      RoneoBlock *block
          = (RoneoBlock *) roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE);
      if (block == NULL)
        block = roneo_document_add_block (document, RONEO_BLOCK_SIGNATURE, "", line, 1);
      g_free (block->text);
      block->text = g_strdup (byline);
      return;
    }
  if (slogan->len > 0)
    g_string_append (slogan, RONEO_COPY_LINE_SEPARATOR);
  else
    *slogan_line = line;
  g_string_append (slogan, text);
}

static gboolean
parse_lines (RoneoDocument *document, const RoneoCopySplit *split, GError **error)
{
  g_autoptr (GString) slogan = g_string_new (NULL);
  guint slogan_line = 0, line = split->body_line + 1;
  const char *end = split->body + split->body_length;
  for (const char *p = split->body; p < end; line++)
    {
      const char *eol = roneo_copy_line_end (p, end);
      add_line (document, slogan, &slogan_line, p, eol, line);
      p = eol < end ? eol + 1 : end;
    }
  if (slogan->len == 0)
    return roneo_copy_error (error,
                             _ ("%s: no slogan, only a byline (write the slogan on the "
                                "first lines)"),
                             document->source);
  RoneoBlock *block = roneo_block_new (RONEO_BLOCK_HEADLINE, slogan->str, slogan_line, 1);
  g_ptr_array_insert (document->blocks, 0, block);
  return TRUE;
}

RoneoDocument *
roneo_slogan_parse (const char *source, const char *text, gsize length, GError **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_autoptr (RoneoDocument) document = roneo_document_new (source);
  RoneoCopySplit split;
  if (!roneo_copy_read_front (document, text, length, &split, error)
      || !parse_lines (document, &split, error))
    return NULL;
  return g_steal_pointer (&document);
}

RoneoDocument *
roneo_slogan_parse_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  const char *source = NULL;
  g_autoptr (GBytes) bytes = roneo_copy_read_file (path, &source, error);
  if (bytes == NULL)
    return NULL;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  return roneo_slogan_parse (source, text, length, error);
}
