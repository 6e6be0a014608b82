/* roneo-front-matter.c: the YAML front matter of a tract copy.
 *
 * The block between a first line "---" and the next "---" or "..." is read
 * with libyaml's event API: one mapping of plain scalars, each key a known
 * document field or a "section.key" layout override. Positions in messages
 * are those of the whole file: the YAML's own lines are offset by the opening
 * "---".
 */
#include "roneo-front-matter-private.h"
#include "roneo-intl-private.h"

#include "roneo-copy-private.h"
#include "roneo-lang.h"
#include "roneo-layout-parser.h"

#include <string.h>
#include <yaml.h>

#define KNOWN_KEYS "layout, lang, title, author, date, subject, imprint, logo, qr"

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

gboolean
roneo_front_matter_split (const char *source, const char *text, gsize length, RoneoCopySplit *split,
                          GError **error)
{
  const char *end = text + length;
  const char *first_end = roneo_copy_line_end (text, end);

  *split = (RoneoCopySplit){ NULL, 0, text, length, 0 };
  if (!is_delimiter (text, first_end, "---"))
    return TRUE;
  guint line = 1;
  for (const char *p = first_end; p < end;)
    {
      const char *start = p + 1, *stop = roneo_copy_line_end (start, end);
      line++;
      if (is_delimiter (start, stop, "---") || is_delimiter (start, stop, "..."))
        {
          const char *after = stop < end ? stop + 1 : end;
          *split = (RoneoCopySplit){ first_end + 1, start - (first_end + 1), after, end - after,
                                     line };
          return TRUE;
        }
      p = stop;
    }
  return roneo_copy_error (
      error, _ ("%s:1:1: unterminated front matter (end it with a line '---')"), source);
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
  char **const slots[]
      = { &document->layout, &document->lang,    &document->title,  &document->author,
          &document->date,   &document->subject, &document->imprint };
  const char *const names[] = { "layout", "lang", "title", "author", "date", "subject", "imprint" };
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

  if (field_slot (fm->document, key) == NULL && strcmp (key, "logo") != 0 && strcmp (key, "qr") != 0
      && !is_override_key (key))
    return roneo_copy_error (error,
                             _ ("%s:%u:%u: unknown front matter key '%s' (known: %s, or "
                                "section.key for a layout override)"),
                             source, line, column, key, KNOWN_KEYS);
  fm->key = g_steal_pointer (&key);
  fm->key_line = line;
  fm->key_column = column;
  return TRUE;
}

/* lang must be a language roneo knows; it is kept as its canonical tag. */
static gboolean
take_lang (FrontMatter *fm, const yaml_event_t *event, const char *value, GError **error)
{
  g_autoptr (GError) local = NULL;
  const RoneoLang *lang = roneo_lang_parse (value, &local);
  if (lang == NULL)
    return roneo_copy_error (error, "%s:%u:%u: %s", fm->document->source,
                             (guint) event->start_mark.line + fm->first_line,
                             (guint) event->start_mark.column + 1, local->message);
  fm->document->lang = g_strdup (lang->tag);
  return TRUE;
}

/* 'imprint: false' (plain, as YAML writes a boolean) removes the line; a
 * quoted "false" is text like any other. */
static gboolean
is_plain_false (const yaml_event_t *event, const char *value)
{
  const char *const words[] = { "false", "no", "off" };
  if (event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (value, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* 'logo: logo.svg': a file beside the copy, placed by the layout's [logo]. */
static gboolean
take_logo (FrontMatter *fm, const yaml_event_t *event, const char *value, GError **error)
{
  RoneoDocument *document = fm->document;
  g_autofree char *scheme = g_uri_parse_scheme (value);

  if (document->logo != NULL)
    return roneo_copy_error (error, _ ("%s:%u:%u: front matter key '%s' given twice (keep one)"),
                             document->source, fm->key_line, fm->key_column, "logo");
  if (event->data.scalar.length == 0 && event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
    return TRUE;
  if (scheme != NULL && g_ascii_strcasecmp (scheme, "file") != 0)
    return roneo_copy_error (error,
                             _ ("%s:%u:%u: logo '%s' is an address: roneo never fetches anything "
                                "(download it and write the file's name)"),
                             document->source, fm->key_line, fm->key_column, value);
  document->logo = roneo_image_source_new (document, RONEO_IMAGE_FILE, value, "", fm->key_line);
  return TRUE;
}

/* 'qr: https://…': the address drawn as a QR code, set at the end of the
 * copy as ![qr](…) would be; never fetched, so any text may be encoded. */
static gboolean
take_qr (FrontMatter *fm, const yaml_event_t *event, const char *value, GError **error)
{
  RoneoDocument *document = fm->document;

  if (document->qr != NULL)
    return roneo_copy_error (error, _ ("%s:%u:%u: front matter key '%s' given twice (keep one)"),
                             document->source, fm->key_line, fm->key_column, "qr");
  if (event->data.scalar.length == 0 && event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
    return TRUE;
  document->qr = roneo_image_source_new (document, RONEO_IMAGE_QR, value, "", fm->key_line);
  return TRUE;
}

static gboolean
take_value (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  g_autofree char *key = g_steal_pointer (&fm->key);
  g_autofree char *value = scalar_dup (event);
  char **slot = field_slot (fm->document, key);

  if (strcmp (key, "logo") == 0)
    return take_logo (fm, event, value, error);
  if (strcmp (key, "qr") == 0)
    return take_qr (fm, event, value, error);
  if (slot == NULL)
    {
      roneo_document_add_override (fm->document, key, value, fm->key_line);
      return TRUE;
    }
  if (*slot != NULL)
    return roneo_copy_error (error, _ ("%s:%u:%u: front matter key '%s' given twice (keep one)"),
                             fm->document->source, fm->key_line, fm->key_column, key);
  if (slot == &fm->document->layout && !roneo_layout_reference_is_valid (value))
    return roneo_copy_error (error,
                             _ ("%s:%u:%u: layout '%s' is neither a layout name nor an .ini file "
                                "(write a name such as a5-flyer, or a file such as my-layout.ini)"),
                             fm->document->source, fm->key_line, fm->key_column, value);
  /* 'lang:' with nothing after it is YAML's null: as if the key were not there */
  if (event->data.scalar.length == 0 && event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
    return TRUE;
  if (slot == &fm->document->lang)
    return take_lang (fm, event, value, error);
  if (slot == &fm->document->imprint && is_plain_false (event, value))
    value[0] = '\0';
  *slot = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
shape_error (FrontMatter *fm, const yaml_event_t *event, GError **error)
{
  guint line = event->start_mark.line + fm->first_line;
  guint column = event->start_mark.column + 1;

  if (fm->key != NULL && event->type == YAML_MAPPING_START_EVENT
      && event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
    return roneo_copy_error (error,
                             _ ("%s:%u:%u: front matter value of '%s' is read as a mapping: put a "
                                "value in braces between quotes (%s: \"{url}\")"),
                             fm->document->source, line, column, fm->key, fm->key);
  if (fm->key != NULL)
    return roneo_copy_error (error,
                             _ ("%s:%u:%u: front matter value of '%s' must be plain text, "
                                "not a list, a mapping or an alias"),
                             fm->document->source, line, column, fm->key);
  return roneo_copy_error (error,
                           _ ("%s:%u:%u: front matter must be 'key: value' lines "
                              "(known keys: %s, or section.key)"),
                           fm->document->source, line, column, KNOWN_KEYS);
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
      roneo_copy_locate (fm->yaml, parser->problem_offset, &line, &column);
      line += fm->first_line - 1;
    }
  return roneo_copy_error (
      error, _ ("%s:%u:%u: bad front matter: %s%s%s (fix the YAML between the '---')"),
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

gboolean
roneo_front_matter_parse (RoneoDocument *document, const RoneoCopySplit *split, GError **error)
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
