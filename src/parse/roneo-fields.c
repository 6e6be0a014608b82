/* Batch fields: finding {name} in a template, checking and filling them. */
#include "roneo-fields.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <string.h>

#define LINE_SEPARATOR "\xe2\x80\xa8"

/* A text of the document that may hold fields. */
typedef struct
{
  const char *text;
  const GArray *spans; /* RoneoSpan, or NULL for a front matter string */
  guint line;          /* the block's line; 0 in the front matter */
  const char *key;     /* the front matter key, or NULL for a block */
} Place;

/* A field replaced: [start, end) of the old text became [new_start,
 * new_start + new_length) of the new one. */
typedef struct
{
  gsize start;
  gsize end;
  gsize new_start;
  gsize new_length;
} Edit;

static gsize
name_length (const char *name)
{
  const char *p = name;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalnum (c) && !g_unichar_ismark (c) && c != '_' && c != '-')
        break;
      p = g_utf8_next_char (p);
    }
  return p - name;
}

static gboolean
crosses_note_call (const GArray *spans, gsize start, gsize end)
{
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const RoneoSpan *span = &g_array_index (spans, RoneoSpan, i);
      if ((span->flags & RONEO_SPAN_NOTE_CALL) && span->start < end && span->end > start)
        return TRUE;
    }
  return FALSE;
}

/* The next field at or after from: TRUE with [*start, *end) its "{name}". */
static gboolean
next_field (const char *text, const GArray *spans, gsize from, gsize *start, gsize *end)
{
  for (const char *brace = strchr (text + from, '{'); brace; brace = strchr (brace + 1, '{'))
    {
      gsize length = name_length (brace + 1);
      gsize at = brace - text;
      if (length > 0 && brace[1 + length] == '}' && !crosses_note_call (spans, at, at + length + 2))
        {
          *start = at;
          *end = at + length + 2;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- names ---- */

char *
roneo_field_name_key (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (name);
  GString *bare = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  const char *start = bare->str, *end = bare->str + bare->len;
  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  char *key = g_utf8_casefold (start, end - start);
  g_string_free (bare, TRUE);
  return key;
}

gboolean
roneo_field_names_match (const char *a, const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  g_autofree char *key_a = roneo_field_name_key (a);
  g_autofree char *key_b = roneo_field_name_key (b);
  return strcmp (key_a, key_b) == 0;
}

/* The index of the field name matches in fields, or -1. */
static gssize
find_field (const char *const *fields, const char *name)
{
  for (gsize i = 0; fields[i] != NULL; i++)
    if (roneo_field_names_match (fields[i], name))
      return (gssize) i;
  return -1;
}

static char *
field_name (const char *text, gsize start, gsize end)
{
  return g_strndup (text + start + 1, end - start - 2);
}

static void
add_blocks (GArray *places, const GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (blocks, i);
      Place place = { block->text, block->spans, block->line, NULL };
      g_array_append_val (places, place);
    }
}

/* Every text of the document that may hold fields, in reading order. */
static GArray *
collect_places (const RoneoDocument *document)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));
  const char *const front[]
      = { "title",        document->title, "author",          document->author, "date",
          document->date, "subject",       document->subject, "imprint",        document->imprint };
  for (guint i = 0; i < G_N_ELEMENTS (front); i += 2)
    if (front[i + 1] != NULL)
      {
        Place place = { front[i + 1], NULL, 0, front[i] };
        g_array_append_val (places, place);
      }
  add_blocks (places, document->blocks);
  add_blocks (places, document->footnotes);
  g_autoptr (GPtrArray) pictures = roneo_document_image_sources (document);
  for (guint i = 0; i < pictures->len; i++)
    {
      const RoneoImageSource *source = g_ptr_array_index (pictures, i);
      Place place = { source->target, NULL, source->line, NULL };
      g_array_append_val (places, place);
    }
  return places;
}

static gboolean
same_field (gconstpointer a, gconstpointer b)
{
  return roneo_field_names_match (a, b);
}

GStrv
roneo_document_dup_fields (const RoneoDocument *template_)
{
  g_return_val_if_fail (template_ != NULL, NULL);
  g_autoptr (GArray) places = collect_places (template_);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < places->len; i++)
    {
      const Place *place = &g_array_index (places, Place, i);
      gsize start = 0, end = 0;
      for (gsize from = 0; next_field (place->text, place->spans, from, &start, &end); from = end)
        {
          g_autofree char *name = field_name (place->text, start, end);
          if (!g_ptr_array_find_with_equal_func (names, name, same_field, NULL))
            g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
unknown_field (const RoneoDocument *document, const Place *place, const char *name,
               const char *const *fields, const char *data_name, GError **error)
{
  g_autofree char *columns = g_strjoinv (", ", (GStrv) fields);
  if (place->key != NULL)
    g_set_error (
        error, RONEO_ERROR, RONEO_ERROR_INPUT,
        _ ("%s: the field {%s} in the front matter '%s' is not a column of %s (columns: %s)"),
        document->source, name, place->key, data_name, columns);
  else
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                 _ ("%s:%u: the field {%s} is not a column of %s (columns: %s)"), document->source,
                 place->line, name, data_name, columns);
  return FALSE;
}

static gboolean
check_fields (const RoneoDocument *template_, const char *const *fields, const char *data_name,
              GError **error)
{
  g_autoptr (GArray) places = collect_places (template_);
  for (guint i = 0; i < places->len; i++)
    {
      const Place *place = &g_array_index (places, Place, i);
      gsize start = 0, end = 0;
      for (gsize from = 0; next_field (place->text, place->spans, from, &start, &end); from = end)
        {
          g_autofree char *name = field_name (place->text, start, end);
          if (find_field (fields, name) < 0)
            return unknown_field (template_, place, name, fields, data_name, error);
        }
    }
  return TRUE;
}

gboolean
roneo_document_check_fields (const RoneoDocument *template_, const char *const *fields,
                             GError **error)
{
  g_return_val_if_fail (template_ != NULL && fields != NULL, FALSE);
  return check_fields (template_, fields, "the data", error);
}

gboolean
roneo_document_check_data (const RoneoDocument *template_, const RoneoDataSet *data, GError **error)
{
  g_return_val_if_fail (template_ != NULL && data != NULL, FALSE);
  g_autofree char *name = g_path_get_basename (roneo_data_get_source (data));
  return check_fields (template_, roneo_data_get_fields (data), name, error);
}

static const char *
value_of (const char *name, const char *const *fields, const char *const *values)
{
  gssize i = find_field (fields, name);
  g_assert (i >= 0);
  return values[i];
}

static void
append_value (GString *out, const char *value, const char *newline)
{
  for (const char *p = value; *p != '\0'; p++)
    if (*p == '\n')
      g_string_append (out, newline);
    else
      g_string_append_c (out, *p);
}

/* text with its fields replaced (known to be columns); every replacement is
 * recorded in edits when not NULL. newline replaces a line break of a value. */
static char *
fill_text (const char *text, const GArray *spans, const char *const *fields,
           const char *const *values, const char *newline, GArray *edits)
{
  GString *out = g_string_new (NULL);
  gsize from = 0, start = 0, end = 0;
  for (; next_field (text, spans, from, &start, &end); from = end)
    {
      g_string_append_len (out, text + from, start - from);
      g_autofree char *name = field_name (text, start, end);
      Edit edit = { start, end, out->len, 0 };
      append_value (out, value_of (name, fields, values), newline);
      edit.new_length = out->len - edit.new_start;
      if (edits != NULL)
        g_array_append_val (edits, edit);
    }
  g_string_append (out, text + from);
  return g_string_free (out, FALSE);
}

/* Where an offset of the old text is in the new one. Inside a field, a start
 * goes to the value's start and an end to the value's end. */
static guint
move_offset (guint offset, const GArray *edits, gboolean is_end)
{
  gssize shift = 0;
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = &g_array_index (edits, Edit, i);
      if (offset <= edit->start)
        break;
      if (offset < edit->end)
        return edit->new_start + (is_end ? edit->new_length : 0);
      shift = (gssize) (edit->new_start + edit->new_length) - (gssize) edit->end;
    }
  return offset + shift;
}

static void
move_spans (GArray *spans, const GArray *edits)
{
  guint kept = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      RoneoSpan span = g_array_index (spans, RoneoSpan, i);
      span.start = move_offset (span.start, edits, FALSE);
      span.end = move_offset (span.end, edits, TRUE);
      if (span.start < span.end)
        g_array_index (spans, RoneoSpan, kept++) = span;
    }
  g_array_set_size (spans, kept);
}

/* Each value is marked RONEO_SPAN_FIELD, so that the typography knows it
 * as data ("Rodez 2501" is not a quantity to group); spans stay sorted by
 * start. */
static void
mark_values (GArray *spans, const GArray *edits)
{
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = &g_array_index (edits, Edit, i);
      if (edit->new_length == 0)
        continue;
      RoneoSpan span = { edit->new_start, edit->new_start + edit->new_length, RONEO_SPAN_FIELD, 0 };
      guint at = 0;
      while (at < spans->len && g_array_index (spans, RoneoSpan, at).start <= span.start)
        at++;
      g_array_insert_val (spans, at, span);
    }
}

static void
fill_block (RoneoBlock *block, const char *const *fields, const char *const *values)
{
  g_autoptr (GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  char *text = fill_text (block->text, block->spans, fields, values, LINE_SEPARATOR, edits);
  g_free (block->text);
  block->text = text;
  move_spans (block->spans, edits);
  mark_values (block->spans, edits);
}

static void
fill_string (char **string, const char *const *fields, const char *const *values)
{
  if (*string == NULL)
    return;
  char *text = fill_text (*string, NULL, fields, values, " ", NULL);
  g_free (*string);
  *string = text;
}

static void
fill_blocks (GPtrArray *blocks, const char *const *fields, const char *const *values)
{
  for (guint i = 0; i < blocks->len; i++)
    fill_block (g_ptr_array_index (blocks, i), fields, values);
}

/* An address roneo draws as a QR code, never fetches. */
static gboolean
is_address (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);
  return scheme != NULL && g_ascii_strcasecmp (scheme, "file") != 0;
}

/* A picture whose file or address is a field: the value takes its place. A
 * file a row names is found from data_dir (the data's folder; NULL: the
 * copy's), and ![qr]({url}) is a QR code once the value is an address. */
static void
fill_picture (RoneoImageSource *source, const char *const *fields, const char *const *values,
              const char *data_dir)
{
  gsize start = 0, end = 0;
  if (!next_field (source->target, NULL, 0, &start, &end))
    return;
  g_autofree char *target = fill_text (source->target, NULL, fields, values, " ", NULL);
  RoneoImageKind kind = source->kind;
  if (kind == RONEO_IMAGE_FILE && g_ascii_strcasecmp (source->alt, "qr") == 0
      && is_address (target))
    kind = RONEO_IMAGE_QR;
  g_autoptr (RoneoImageSource) filled
      = roneo_image_source_new_in (data_dir, kind, target, source->alt, source->line);
  /* swap the contents: the source stays where its block or the front matter holds it */
  RoneoImageSource old = *source;
  *source = *filled;
  *filled = old;
}

void
roneo_document_fill_pictures (RoneoDocument *document, const char *const *fields,
                              const char *const *values, const char *data_dir)
{
  g_autoptr (GPtrArray) pictures = roneo_document_image_sources (document);
  for (guint i = 0; i < pictures->len; i++)
    fill_picture (g_ptr_array_index (pictures, i), fields, values,
                  data_dir != NULL ? data_dir : document->base_dir);
}

RoneoDocument *
roneo_document_fill (const RoneoDocument *template_, const char *const *fields,
                     const char *const *values, const char *data_dir, GError **error)
{
  g_return_val_if_fail (template_ != NULL && fields != NULL && values != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((GStrv) fields) == g_strv_length ((GStrv) values), NULL);
  if (!roneo_document_check_fields (template_, fields, error))
    return NULL;
  RoneoDocument *document = roneo_document_copy (template_);
  fill_string (&document->title, fields, values);
  fill_string (&document->author, fields, values);
  fill_string (&document->date, fields, values);
  fill_string (&document->subject, fields, values);
  fill_string (&document->imprint, fields, values);
  fill_blocks (document->blocks, fields, values);
  fill_blocks (document->footnotes, fields, values);
  roneo_document_fill_pictures (document, fields, values, data_dir);
  return document;
}
