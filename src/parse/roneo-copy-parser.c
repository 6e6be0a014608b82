/* roneo-copy-parser.c: tract copy (Markdown + YAML front matter) to a RoneoDocument.
 *
 * Four steps: check the bytes (binary, UTF-8, empty), split off and read the
 * front matter with libyaml's event API, walk the cmark-gfm tree of the body
 * with its iterator (not recursion, so deep nesting cannot exhaust the stack),
 * then apply the document-level rules: the "-- " signature and, for copy with
 * no block markup, the short first and last paragraphs.
 */
#include "roneo-copy-parser.h"

#include "roneo-error.h"

#include <cmark-gfm.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#define LINE_SEPARATOR "\xe2\x80\xa8" /* U+2028: a forced break inside a block */
#define SHORT_LINE_CHARS 80
#define KNOWN_KEYS "layout, lang, title, author, date, subject"

static gboolean input_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
input_error (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT, message);
  return FALSE;
}

/* 1-based line and byte column of offset in text. */
static void
locate (const char *text, gsize offset, guint *line, guint *column)
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

static gboolean
check_text (const char *source, const char *text, gsize length, GError **error)
{
  const char *end = NULL;
  guint line, column;

  if (length > G_MAXUINT / 2)
    return input_error (error, "%s: file too large to be a tract", source);
  if (memchr (text, '\0', length) != NULL)
    return input_error (error, "%s: binary file, not text", source);
  if (!g_utf8_validate_len (text, length, &end))
    {
      locate (text, end - text, &line, &column);
      return input_error (error, "%s:%u:%u: not UTF-8 text (save the file as UTF-8)", source, line,
                          column);
    }
  if (is_blank (text, length))
    return input_error (error, "%s: empty file: nothing to lay out", source);
  return TRUE;
}

/* ---- step 2: the front matter ---- */

typedef struct
{
  const char *yaml; /* NULL when there is no front matter */
  gsize yaml_length;
  const char *body;
  gsize body_length;
  guint body_line; /* lines before the body */
} Split;

/* Whether the line [line, end) is delimiter, allowing trailing blanks and '\r'. */
static gboolean
is_delimiter (const char *line, const char *end, const char *delimiter)
{
  gsize n = strlen (delimiter);
  if ((gsize) (end - line) < n || memcmp (line, delimiter, n) != 0)
    return FALSE;
  for (const char *p = line + n; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  return TRUE;
}

static const char *
line_end (const char *p, const char *end)
{
  const char *newline = memchr (p, '\n', end - p);
  return newline ? newline : end;
}

static gboolean
split_front_matter (const char *source, const char *text, gsize length, Split *split,
                    GError **error)
{
  const char *end = text + length;
  const char *first_end = line_end (text, end);

  *split = (Split) { NULL, 0, text, length, 0 };
  if (!is_delimiter (text, first_end, "---"))
    return TRUE;
  guint line = 1;
  for (const char *p = first_end; p < end;)
    {
      const char *start = p + 1, *stop = line_end (start, end);
      line++;
      if (is_delimiter (start, stop, "---") || is_delimiter (start, stop, "..."))
        {
          const char *after = stop < end ? stop + 1 : end;
          *split = (Split) { first_end + 1, start - (first_end + 1), after, end - after, line };
          return TRUE;
        }
      p = stop;
    }
  return input_error (error, "%s:1:1: unterminated front matter (end it with a line '---')",
                      source);
}

typedef struct
{
  RoneoDocument *document;
  const char *yaml;
  guint first_line; /* source line of the YAML's first line */
  int depth;
  char *key; /* owned; the key waiting for its value */
  guint key_line;
  guint key_column;
} FrontMatter;

static char **
field_slot (RoneoDocument *document, const char *key)
{
  char **const slots[] = { &document->layout, &document->lang,   &document->title,
                           &document->author, &document->date,   &document->subject };
  const char *const names[] = { "layout", "lang", "title", "author", "date", "subject" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (key, names[i]) == 0)
      return slots[i];
  return NULL;
}

/* "section.key": one dot, with a name on each side. */
static gboolean
is_override_key (const char *key)
{
  const char *dot = strchr (key, '.');
  return dot != NULL && dot != key && dot[1] != '\0' && strchr (dot + 1, '.') == NULL;
}

static char *
scalar_dup (const yaml_event_t *event)
{
  g_autofree char *raw
      = g_strndup ((const char *) event->data.scalar.value, event->data.scalar.length);
  /* YAML escapes such as "\ud800" can produce bytes that are not UTF-8 */
  return g_utf8_make_valid (raw, -1);
}

static gboolean
take_key (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  const char *source = fm->document->source;
  g_autofree char *key = scalar_dup (event);
  guint line = event->start_mark.line + fm->first_line;
  guint column = event->start_mark.column + 1;

  if (field_slot (fm->document, key) == NULL && !is_override_key (key))
    return input_error (error,
                        "%s:%u:%u: unknown front matter key '%s' (known: " KNOWN_KEYS
                        ", or section.key for a layout override)",
                        source, line, column, key);
  fm->key = g_steal_pointer (&key);
  fm->key_line = line;
  fm->key_column = column;
  return TRUE;
}

static gboolean
take_value (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  g_autofree char *key = g_steal_pointer (&fm->key);
  g_autofree char *value = scalar_dup (event);
  char **slot = field_slot (fm->document, key);

  if (slot == NULL)
    {
      roneo_document_add_override (fm->document, key, value, fm->key_line);
      return TRUE;
    }
  if (*slot != NULL)
    return input_error (error, "%s:%u:%u: front matter key '%s' given twice (keep one)",
                        fm->document->source, fm->key_line, fm->key_column, key);
  *slot = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
shape_error (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  guint line = event->start_mark.line + fm->first_line;
  guint column = event->start_mark.column + 1;

  if (fm->key != NULL)
    return input_error (error,
                        "%s:%u:%u: front matter value of '%s' must be plain text, "
                        "not a list, a mapping or an alias",
                        fm->document->source, line, column, fm->key);
  return input_error (error,
                      "%s:%u:%u: front matter must be 'key: value' lines "
                      "(known keys: " KNOWN_KEYS ", or section.key)",
                      fm->document->source, line, column);
}

static gboolean
handle_event (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  switch (event->type)
    {
    case YAML_MAPPING_START_EVENT:
      if (fm->depth != 0)
        return shape_error (fm, event, error);
      fm->depth = 1;
      return TRUE;
    case YAML_MAPPING_END_EVENT:
      fm->depth = 0;
      return TRUE;
    case YAML_SCALAR_EVENT:
      if (fm->depth == 0)
        return shape_error (fm, event, error);
      return fm->key ? take_value (fm, event, error) : take_key (fm, event, error);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_ALIAS_EVENT:
      return shape_error (fm, event, error);
    default:
      return TRUE;
    }
}

static gboolean
yaml_error (FrontMatter *fm, const yaml_parser_t *parser, GError **error)
{
  guint line = parser->problem_mark.line + fm->first_line;
  guint column = parser->problem_mark.column + 1;
  const char *problem = parser->problem ? parser->problem : "cannot be read";

  if (parser->error == YAML_READER_ERROR)
    {
      locate (fm->yaml, parser->problem_offset, &line, &column);
      line += fm->first_line - 1;
    }
  return input_error (error, "%s:%u:%u: bad front matter: %s%s%s (fix the YAML between the '---')",
                      fm->document->source, line, column, parser->context ? parser->context : "",
                      parser->context ? ", " : "", problem);
}

static gboolean
read_events (FrontMatter *fm, yaml_parser_t *parser, GError **error)
{
  for (;;)
    {
      yaml_event_t event;
      if (!yaml_parser_parse (parser, &event))
        return yaml_error (fm, parser, error);
      gboolean ok = handle_event (fm, &event, error);
      yaml_event_type_t type = event.type;
      yaml_event_delete (&event);
      if (!ok)
        return FALSE;
      if (type == YAML_STREAM_END_EVENT)
        return TRUE;
    }
}

static gboolean
parse_front_matter (RoneoDocument *document, const Split *split, GError **error)
{
  FrontMatter fm = { document, split->yaml, 2, 0, NULL, 0, 0 };
  yaml_parser_t parser;

  if (split->yaml == NULL)
    return TRUE;
  if (!yaml_parser_initialize (&parser))
    g_error ("out of memory");
  yaml_parser_set_input_string (&parser, (const unsigned char *) split->yaml, split->yaml_length);
  gboolean ok = read_events (&fm, &parser, error);
  yaml_parser_delete (&parser);
  g_free (fm.key);
  return ok;
}

/* ---- step 3: the body ---- */

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
                  || walk->kind == RONEO_BLOCK_FOOTNOTE; /* notes keep their numbers */

  walk->owner = NULL;
  if (!keep)
    return;
  RoneoBlock *block = roneo_document_add_block (walk->document, walk->kind, walk->text->str,
                                                walk->line, walk->column);
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
    g_string_append (walk->text, LINE_SEPARATOR);
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
      g_string_append (lines, LINE_SEPARATOR);
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
    p = MIN (line_end (p, end) + 1, end);
  const char *stop = MIN (p + last, line_end (p, end));
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
      return input_error (error,
                          "%s:%u:%u: footnote '%.*s' is called but never defined "
                          "(add a line '%.*s: text' or remove the call)",
                          walk->source, line + walk->line_offset, (guint) (q - p + 1),
                          (int) label + 3, q, (int) label + 3, q);
    }
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
      g_string_append (walk->text, LINE_SEPARATOR);
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
      break;
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
    cover_lines (walk, node, type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING
                                 && type != CMARK_NODE_CODE_BLOCK
                                 && type != CMARK_NODE_HTML_BLOCK);

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
      open_leaf (walk, node, cmark_node_get_heading_level (node) == 1 ? RONEO_BLOCK_HEADLINE
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
      const char *stop = line_end (p, end), *q = p;
      while (q < stop && (*q == ' ' || *q == '\t' || *q == '>'))
        q++;
      gsize label = stop - q > 2 && q[0] == '[' && q[1] == '^' ? label_length (q + 2, stop) : 0;
      if (!walk->covered[line] && label > 0 && q + label + 3 < stop && q[label + 2] == ']'
          && q[label + 3] == ':')
        return input_error (error,
                            "%s:%u:%u: footnote '%.*s' is defined but never called "
                            "(call it with '%.*s' in the text or remove it)",
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
         && strstr (block->text, LINE_SEPARATOR) == NULL;
}

static void
apply_document_rules (Walk *walk)
{
  GPtrArray *blocks = walk->document->blocks;
  guint n = blocks->len;
  RoneoBlock *first = n ? g_ptr_array_index (blocks, 0) : NULL;
  RoneoBlock *last = n ? g_ptr_array_index (blocks, n - 1) : NULL;

  if (last && last->kind == RONEO_BLOCK_PARAGRAPH && g_str_has_prefix (last->text, "-- "))
    {
      last->kind = RONEO_BLOCK_SIGNATURE;
      strip_prefix (last, 3);
    }
  if (walk->markup || first == NULL)
    return;
  if (first->kind == RONEO_BLOCK_PARAGRAPH
      && is_short (first, g_array_index (walk->one_line, gboolean, 0), "."))
    first->kind = RONEO_BLOCK_HEADLINE;
  if (n >= 3 && last->kind == RONEO_BLOCK_PARAGRAPH
      && is_short (last, g_array_index (walk->one_line, gboolean, n - 1), ".!?"))
    last->kind = RONEO_BLOCK_SIGNATURE;
}

/* ---- entry points ---- */

static gboolean
parse_copy (RoneoDocument *document, const Split *split, GError **error)
{
  Walk walk = { .document = document,
                .source = document->source,
                .body = split->body,
                .body_length = split->body_length,
                .line_offset = split->body_line,
                .one_line = g_array_new (FALSE, FALSE, sizeof (gboolean)),
                .text = g_string_new (NULL),
                .spans = g_array_new (FALSE, FALSE, sizeof (RoneoSpan)),
                .open = g_array_new (FALSE, FALSE, sizeof (guint)) };

  for (gsize i = 0; i < split->body_length; i++)
    walk.n_lines += split->body[i] == '\n';
  walk.n_lines++;
  walk.covered = g_new0 (guint8, walk.n_lines + 1);

  gboolean ok = parse_body (&walk, error);
  if (ok && document->blocks->len == 0)
    ok = input_error (error, "%s: no copy: nothing to lay out (write the text after the front matter)",
                      document->source);
  if (ok)
    apply_document_rules (&walk);
  g_array_unref (walk.one_line);
  g_free (walk.covered);
  g_string_free (walk.text, TRUE);
  g_array_unref (walk.spans);
  g_array_unref (walk.open);
  return ok;
}

RoneoDocument *
roneo_copy_parse (const char *source, const char *text, gsize length, GError **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (RoneoDocument) document = roneo_document_new (source);
  Split split;

  text = text ? text : "";
  if (!check_text (document->source, text, length, error))
    return NULL;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3; /* a byte order mark, as some Windows editors write */
      length -= 3;
    }
  if (!split_front_matter (document->source, text, length, &split, error)
      || !parse_front_matter (document, &split, error) || !parse_copy (document, &split, error))
    return NULL;
  return g_steal_pointer (&document);
}

static gboolean
read_fd (int fd, GByteArray *bytes)
{
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);
      if (n == 0)
        return TRUE;
      if (n < 0 && errno != EINTR)
        return FALSE;
      if (n > 0)
        g_byte_array_append (bytes, buffer, n);
    }
}

RoneoDocument *
roneo_copy_parse_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  gboolean from_stdin = strcmp (path, "-") == 0;
  const char *source = from_stdin ? "<stdin>" : path;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  int fd = from_stdin ? STDIN_FILENO : g_open (path, O_RDONLY, 0);
  gboolean ok = fd >= 0 && read_fd (fd, bytes);
  int saved_errno = errno;

  if (fd >= 0 && !from_stdin)
    close (fd);
  if (!ok)
    {
      input_error (error, "cannot read '%s': %s", source, g_strerror (saved_errno));
      return NULL;
    }
  return roneo_copy_parse (source, (const char *) bytes->data, bytes->len, error);
}
