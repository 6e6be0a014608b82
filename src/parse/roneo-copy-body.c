/* roneo-copy-body.c: the Markdown body of a tract copy to RoneoBlocks.
 *
 * cmark-gfm parses the body (CommonMark with footnotes); its tree is walked
 * with the iterator, not by recursion, so deep nesting cannot exhaust the
 * stack. Each top-level block, list item and footnote becomes one RoneoBlock;
 * what is nested in it (paragraphs of a quote, code lines) joins it with
 * forced breaks. Emphasis, strong, code and note calls become spans. cmark
 * keeps quiet about footnotes that do not match, so the source text is
 * checked for them too.
 */
#include "roneo-copy-private.h"
#include "roneo-intl-private.h"

#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  RoneoDocument *document;
  const char *source;
  const char *body;
  gsize body_length;
  guint line_offset; /* source line = cmark line + line_offset */
  gboolean markup;   /* a heading, list, quote, break, code or HTML block was seen */
  guint notes;       /* footnote definitions seen */
  GArray *one_line;  /* gboolean per block of document->blocks */
  guint8 *covered;   /* per body line (1-based): some block's text comes from it */
  guint n_lines;
  /* the block being collected; owner is NULL when none is open */
  cmark_node *owner;
  RoneoBlockKind kind;
  guint line;
  guint column;
  guint number;
  gboolean ordered;
  gboolean broken; /* a soft or hard line break was met */
  char *image_url; /* owned: the open block is a picture (kind IMAGE) from there */
  GString *text;
  GArray *spans; /* RoneoSpan */
  GArray *open;  /* guint: start offsets of the open emphasis and strong */
} Walk;

static void
open_block (Walk *walk, cmark_node *node, RoneoBlockKind kind)
{
  walk->owner = node;
  walk->kind = kind;
  walk->line = cmark_node_get_start_line (node) + walk->line_offset;
  walk->column = cmark_node_get_start_column (node);
  walk->number = 0;
  walk->ordered = FALSE;
  walk->broken = FALSE;
  g_string_truncate (walk->text, 0);
  g_array_set_size (walk->spans, 0);
  g_array_set_size (walk->open, 0);
  g_clear_pointer (&walk->image_url, g_free);
}

/* An address roneo would have to fetch: it never does. */
static gboolean
is_url (const char *target)
{
  g_autofree char *scheme = target ? g_uri_parse_scheme (target) : NULL;
  return scheme != NULL && g_ascii_strcasecmp (scheme, "file") != 0;
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const RoneoSpan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* the outer span first when two start together */
  return x->end > y->end ? -1 : x->end < y->end;
}

static void
close_block (Walk *walk)
{
  gboolean keep = walk->text->len > 0 || walk->kind == RONEO_BLOCK_PAGE_BREAK
                  || walk->kind == RONEO_BLOCK_FOOTNOTE /* notes keep their numbers */
                  || walk->kind == RONEO_BLOCK_IMAGE;   /* a picture needs no alt text */
  g_autofree char *image_url = g_steal_pointer (&walk->image_url);

  walk->owner = NULL;
  if (!keep)
    return;
  RoneoBlock *block = roneo_document_add_block (walk->document, walk->kind, walk->text->str,
                                                walk->line, walk->column);
  if (walk->kind == RONEO_BLOCK_IMAGE)
    {
      /* the alt text is the caption: plain text, its emphasis dropped */
      g_array_set_size (walk->spans, 0);
      RoneoImageKind kind = g_ascii_strcasecmp (block->text, "qr") == 0 && is_url (image_url)
                                ? RONEO_IMAGE_QR
                                : RONEO_IMAGE_FILE;
      block->image
          = roneo_image_source_new (walk->document, kind, image_url, block->text, block->line);
    }
  block->number = walk->number;
  block->ordered = walk->ordered;
  g_array_sort (walk->spans, compare_spans);
  g_array_append_vals (block->spans, walk->spans->data, walk->spans->len);
  if (walk->kind != RONEO_BLOCK_FOOTNOTE)
    {
      gboolean one_line = !walk->broken;
      g_array_append_val (walk->one_line, one_line);
    }
}

/* A leaf block opens its own block at top level, else joins the open one. */
static void
open_leaf (Walk *walk, cmark_node *node, RoneoBlockKind kind)
{
  if (walk->owner == NULL)
    open_block (walk, node, kind);
  else if (walk->text->len > 0)
    g_string_append (walk->text, RONEO_COPY_LINE_SEPARATOR);
}

static void
open_item (Walk *walk, cmark_node *item)
{
  cmark_node *list = cmark_node_parent (item);
  guint index = 0;

  if (walk->owner != NULL)
    return; /* an item in a quote or a note: its paragraphs join that block */
  for (cmark_node *p = cmark_node_previous (item); p != NULL; p = cmark_node_previous (p))
    index++;
  open_block (walk, item, RONEO_BLOCK_LIST_ITEM);
  if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    {
      walk->ordered = TRUE;
      walk->number = (guint) MAX (cmark_node_get_list_start (list), 0) + index;
    }
}

static void
enter_list (Walk *walk)
{
  walk->markup = TRUE;
  /* a list inside an item: the item ends here, its sub-items follow as items */
  if (walk->owner != NULL && walk->kind == RONEO_BLOCK_LIST_ITEM)
    close_block (walk);
}

static void
enter_note (Walk *walk, cmark_node *node)
{
  if (walk->owner != NULL)
    close_block (walk);
  open_block (walk, node, RONEO_BLOCK_FOOTNOTE);
  walk->number = ++walk->notes;
}

/* Appends a literal from cmark, which can cut a character in two (a "[^label"
 * running over a line end gives "\xe2\x80]"): the text must stay UTF-8. */
static void
append_text (Walk *walk, const char *text)
{
  if (text == NULL)
    return;
  if (g_utf8_validate (text, -1, NULL))
    g_string_append (walk->text, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_string_append (walk->text, valid);
    }
}

static void
add_span (Walk *walk, guint start, guint flags, guint note)
{
  RoneoSpan span = { start, walk->text->len, flags, note };
  if (span.end > span.start)
    g_array_append_val (walk->spans, span);
}

/* Code and HTML blocks: their literal text, one forced break per line. */
static void
append_lines (Walk *walk, const char *literal, guint flags)
{
  g_autoptr (GString) lines = g_string_new (NULL);
  guint start = walk->text->len;
  gsize length = literal ? strlen (literal) : 0;

  while (length > 0 && (literal[length - 1] == '\n' || literal[length - 1] == '\r'))
    length--;
  for (gsize i = 0; i < length; i++)
    if (literal[i] == '\n')
      g_string_append (lines, RONEO_COPY_LINE_SEPARATOR);
    else if (literal[i] != '\r')
      g_string_append_c (lines, literal[i]);
  append_text (walk, lines->str);
  if (flags)
    add_span (walk, start, flags, 0);
}

static void
enter_literal_block (Walk *walk, cmark_node *node, guint flags)
{
  walk->markup = TRUE;
  open_leaf (walk, node, RONEO_BLOCK_PARAGRAPH);
  append_lines (walk, cmark_node_get_literal (node), flags);
  walk->broken = TRUE;
  if (walk->owner == node)
    close_block (walk);
}

static void
enter_break (Walk *walk, cmark_node *node)
{
  walk->markup = TRUE;
  if (walk->owner != NULL)
    return; /* a rule inside a quote or an item has no text and is no page break */
  open_block (walk, node, RONEO_BLOCK_PAGE_BREAK);
  close_block (walk);
}

static void
append_styled (Walk *walk, const char *text, guint flags, guint note)
{
  guint start = walk->text->len;
  append_text (walk, text);
  add_span (walk, start, flags, note);
}

/* An address a reader of the PDF can follow: a web page, a mail, a phone. */
static gboolean
is_followable (const char *url)
{
  static const char *const schemes[] = { "http", "https", "mailto", "tel" };
  g_autofree char *scheme = url ? g_uri_parse_scheme (url) : NULL;
  for (guint i = 0; scheme != NULL && i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The end of [text](url): its text becomes a link span, or stays plain
 * text (the first such line kept for a warning) when a reader could not
 * follow the address. */
static void
close_link (Walk *walk, cmark_node *node)
{
  if (cmark_node_first_child (node) == NULL || walk->open->len == 0)
    return;
  guint start = g_array_index (walk->open, guint, walk->open->len - 1);
  g_array_set_size (walk->open, walk->open->len - 1);
  const char *url = cmark_node_get_url (node);
  if (!is_followable (url))
    {
      if (walk->document->unlinked_line == 0)
        walk->document->unlinked_line
            = (guint) MAX (cmark_node_get_start_line (node) + walk->line_offset, 1);
      return;
    }
  RoneoSpan span = { start, walk->text->len, RONEO_SPAN_LINK, 0, g_intern_string (url) };
  if (span.end > span.start)
    g_array_append_val (walk->spans, span);
}

static void
close_style (Walk *walk, guint flags)
{
  if (walk->open->len == 0)
    return;
  guint start = g_array_index (walk->open, guint, walk->open->len - 1);
  g_array_set_size (walk->open, walk->open->len - 1);
  add_span (walk, start, flags, 0);
}

/* Length of the note label at p (after "[^"), bounded by stop: the input need
 * not be NUL-terminated. */
static gsize
label_length (const char *p, const char *stop)
{
  gsize n = 0;
  while (p + n < stop && strchr ("] \t\r\n[", p[n]) == NULL)
    n++;
  return n;
}

/* cmark leaves the call of an undefined note as the text "[^label]"; a
 * backslash-escaped "\[^label]" is text too, so look at the source. */
static gboolean
check_note_calls (Walk *walk, cmark_node *node, GError **error)
{
  int line = cmark_node_get_start_line (node);
  int first = cmark_node_get_start_column (node), last = cmark_node_get_end_column (node);
  const char *p = walk->body, *end = walk->body + walk->body_length;

  if (strstr (cmark_node_get_literal (node), "[^") == NULL || line < 1
      || line != cmark_node_get_end_line (node) || first < 1 || last < first)
    return TRUE;
  for (int i = 1; i < line && p < end; i++)
    p = MIN (roneo_copy_line_end (p, end) + 1, end);
  const char *stop = MIN (p + last, roneo_copy_line_end (p, end));
  for (const char *q = p + first - 1; q + 1 < stop; q++)
    {
      gsize escapes = 0;
      while (q - escapes > p && q[-1 - (gssize) escapes] == '\\')
        escapes++;
      if (q[0] != '[' || q[1] != '^' || escapes % 2 == 1)
        continue;
      gsize label = label_length (q + 2, stop);
      if (label == 0 || q + 2 + label >= stop || q[2 + label] != ']')
        continue;
      return roneo_copy_error (error,
                               _ ("%s:%u:%u: footnote '%.*s' is called but never defined "
                                  "(add a line '%.*s: text' or remove the call)"),
                               walk->source, line + walk->line_offset, (guint) (q - p + 1),
                               (int) label + 3, q, (int) label + 3, q);
    }
  return TRUE;
}

/* A paragraph that is one picture and nothing else (blanks aside). */
static gboolean
is_block_image (Walk *walk, cmark_node *image)
{
  cmark_node *paragraph = cmark_node_parent (image);
  if (walk->owner != paragraph || walk->kind != RONEO_BLOCK_PARAGRAPH || walk->text->len > 0)
    return FALSE;
  for (cmark_node *n = cmark_node_first_child (paragraph); n != NULL; n = cmark_node_next (n))
    if (n != image
        && (cmark_node_get_type (n) != CMARK_NODE_TEXT
            || strspn (cmark_node_get_literal (n), " \t") != strlen (cmark_node_get_literal (n))))
      return FALSE;
  return TRUE;
}

/* ![alt](path) alone in its paragraph is a picture block. Inside text it
 * stays its alt text (the engine warns once, at the first). A URL is
 * refused: roneo never fetches anything. */
static gboolean
enter_image (Walk *walk, cmark_node *node, GError **error)
{
  const char *url = cmark_node_get_url (node);
  guint line = cmark_node_get_start_line (node) + walk->line_offset;

  if (!is_block_image (walk, node))
    {
      if (walk->document->inline_image_line == 0)
        walk->document->inline_image_line = line;
      return TRUE;
    }
  if (url == NULL || url[0] == '\0')
    return roneo_copy_error (error, _ ("%s:%u: picture with no file (write ![text](logo.png))"),
                             walk->source, line);
  cmark_node *alt = cmark_node_first_child (node);
  const char *alt_text = alt != NULL ? cmark_node_get_literal (alt) : NULL;
  gboolean qr = is_url (url) && alt_text != NULL && g_ascii_strcasecmp (alt_text, "qr") == 0;
  if (is_url (url) && !qr)
    return roneo_copy_error (error,
                             _ ("%s:%u: picture '%s' is an address: roneo never fetches anything "
                                "(download it and write the file's name)"),
                             walk->source, line, url);
  walk->kind = RONEO_BLOCK_IMAGE;
  walk->image_url = g_strdup (url);
  return TRUE;
}

static gboolean
enter_inline (Walk *walk, cmark_node *node, GError **error)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      append_text (walk, cmark_node_get_literal (node));
      return check_note_calls (walk, node, error);
    case CMARK_NODE_SOFTBREAK:
      walk->broken = TRUE;
      g_string_append_c (walk->text, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      walk->broken = TRUE;
      g_string_append (walk->text, RONEO_COPY_LINE_SEPARATOR);
      break;
    case CMARK_NODE_CODE:
      append_styled (walk, cmark_node_get_literal (node), RONEO_SPAN_CODE, 0);
      break;
    case CMARK_NODE_HTML_INLINE:
      append_text (walk, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      g_array_append_val (walk->open, walk->text->len);
      break;
    case CMARK_NODE_LINK:
      /* [](url) has no text: the address is all there is to show */
      if (cmark_node_first_child (node) == NULL)
        append_text (walk, cmark_node_get_url (node));
      else
        g_array_append_val (walk->open, walk->text->len);
      break;
    case CMARK_NODE_IMAGE:
      return enter_image (walk, node, error);
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      {
        const char *number = cmark_node_get_literal (node);
        append_styled (walk, number, RONEO_SPAN_NOTE_CALL, (guint) atoi (number ? number : "0"));
      }
      break;
    default:
      break;
    }
  return TRUE;
}

static void
cover_lines (Walk *walk, cmark_node *node, gboolean first_only)
{
  int first = cmark_node_get_start_line (node);
  int last = first_only ? first : cmark_node_get_end_line (node);

  for (int line = MAX (first, 1); line <= last && line <= (int) walk->n_lines; line++)
    walk->covered[line] = TRUE;
}

static gboolean
enter_node (Walk *walk, cmark_node *node, GError **error)
{
  cmark_node_type type = cmark_node_get_type (node);

  if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
    cover_lines (walk, node,
                 type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING
                     && type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK);

  if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE && walk->owner == NULL)
    open_block (walk, cmark_node_parent (node), RONEO_BLOCK_PARAGRAPH); /* never drop text */
  switch (type)
    {
    case CMARK_NODE_BLOCK_QUOTE:
      walk->markup = TRUE;
      if (walk->owner == NULL)
        open_block (walk, node, RONEO_BLOCK_QUOTE);
      return TRUE;
    case CMARK_NODE_LIST:
      enter_list (walk);
      return TRUE;
    case CMARK_NODE_ITEM:
      open_item (walk, node);
      return TRUE;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      enter_note (walk, node);
      return TRUE;
    case CMARK_NODE_HEADING:
      walk->markup = TRUE;
      open_leaf (walk, node,
                 cmark_node_get_heading_level (node) == 1 ? RONEO_BLOCK_HEADLINE
                                                          : RONEO_BLOCK_SUBHEAD);
      return TRUE;
    case CMARK_NODE_PARAGRAPH:
      open_leaf (walk, node, RONEO_BLOCK_PARAGRAPH);
      return TRUE;
    case CMARK_NODE_CODE_BLOCK:
      enter_literal_block (walk, node, RONEO_SPAN_CODE);
      return TRUE;
    case CMARK_NODE_HTML_BLOCK:
      enter_literal_block (walk, node, 0);
      return TRUE;
    case CMARK_NODE_THEMATIC_BREAK:
      enter_break (walk, node);
      return TRUE;
    default:
      return enter_inline (walk, node, error);
    }
}

static void
exit_node (Walk *walk, cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  if (type == CMARK_NODE_EMPH)
    close_style (walk, RONEO_SPAN_EMPHASIS);
  else if (type == CMARK_NODE_STRONG)
    close_style (walk, RONEO_SPAN_STRONG);
  else if (type == CMARK_NODE_LINK)
    close_link (walk, node);
  if (node == walk->owner)
    close_block (walk);
}

static gboolean
walk_tree (Walk *walk, cmark_node *root, GError **error)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  gboolean ok = TRUE;

  while (ok && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      if (event == CMARK_EVENT_ENTER)
        ok = enter_node (walk, node, error);
      else if (event == CMARK_EVENT_EXIT)
        exit_node (walk, node);
    }
  cmark_iter_free (iter);
  if (ok && walk->owner != NULL)
    close_block (walk);
  return ok;
}

/* cmark drops the definition of a note that is never called: find the lines
 * that look like one and that no block of the tree came from. */
static gboolean
check_unused_notes (Walk *walk, GError **error)
{
  const char *p = walk->body, *end = walk->body + walk->body_length;

  for (guint line = 1; line <= walk->n_lines && p < end; line++)
    {
      const char *stop = roneo_copy_line_end (p, end), *q = p;
      while (q < stop && (*q == ' ' || *q == '\t' || *q == '>'))
        q++;
      gsize label = stop - q > 2 && q[0] == '[' && q[1] == '^' ? label_length (q + 2, stop) : 0;
      if (!walk->covered[line] && label > 0 && q + label + 3 < stop && q[label + 2] == ']'
          && q[label + 3] == ':')
        return roneo_copy_error (error,
                                 _ ("%s:%u:%u: footnote '%.*s' is defined but never called "
                                    "(call it with '%.*s' in the text or remove it)"),
                                 walk->source, line + walk->line_offset, (guint) (q - p + 1),
                                 (int) label + 3, q, (int) label + 3, q);
      p = stop + 1;
    }
  return TRUE;
}

static gboolean
parse_body (Walk *walk, GError **error)
{
  /* no CMARK_OPT_SMART: quotes and dashes are the typography stage's job */
  cmark_parser *parser = cmark_parser_new (CMARK_OPT_FOOTNOTES);

  cmark_parser_feed (parser, walk->body, walk->body_length);
  cmark_node *root = cmark_parser_finish (parser);
  gboolean ok = walk_tree (walk, root, error) && check_unused_notes (walk, error);
  cmark_node_free (root);
  cmark_parser_free (parser);
  return ok;
}

static void
walk_init (Walk *walk, RoneoDocument *document, const RoneoCopySplit *split)
{
  *walk = (Walk){ .document = document,
                  .source = document->source,
                  .body = split->body,
                  .body_length = split->body_length,
                  .line_offset = split->body_line,
                  .one_line = g_array_new (FALSE, FALSE, sizeof (gboolean)),
                  .text = g_string_new (NULL),
                  .spans = g_array_new (FALSE, FALSE, sizeof (RoneoSpan)),
                  .open = g_array_new (FALSE, FALSE, sizeof (guint)) };
  for (gsize i = 0; i < split->body_length; i++)
    walk->n_lines += split->body[i] == '\n';
  walk->n_lines++;
  walk->covered = g_new0 (guint8, walk->n_lines + 1);
}

static void
walk_clear (Walk *walk)
{
  g_array_unref (walk->one_line);
  g_free (walk->covered);
  g_string_free (walk->text, TRUE);
  g_array_unref (walk->spans);
  g_array_unref (walk->open);
  g_free (walk->image_url);
}

gboolean
roneo_copy_body_parse (RoneoDocument *document, const RoneoCopySplit *split, gboolean *markup,
                       GArray **one_line, GError **error)
{
  Walk walk;

  walk_init (&walk, document, split);
  gboolean ok = parse_body (&walk, error);
  if (ok)
    {
      *markup = walk.markup;
      *one_line = g_array_ref (walk.one_line);
    }
  walk_clear (&walk);
  return ok;
}
