/* The CSV reader of a batch: libcsv fed a run of bytes at a time.
 *
 * libcsv reports a field (cb1) and the end of a row (cb2) but not where they
 * are in the file, so the bytes are fed in runs that end at the first CR or
 * LF: every byte of a run is on the same line, a row can only end on the last
 * byte of a run, and a row starts on the first byte fed while none is open.
 * Feeding stops as soon as a row is complete, so the queue holds one row.
 * A line ends at LF, CRLF or a lone CR (as libcsv ends rows).
 */
#include "roneo-data.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-fields.h"
#include "roneo-input.h"

#include <csv.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GStrv values;
  guint line;
} DataRow;

struct _RoneoDataSet
{
  char *source;
  RoneoInput *input; /* a regular file, stdin or bytes, at most 1 GB (roneo-input.h) */
  struct csv_parser parser;
  guchar *chunk;
  gsize chunk_length;
  gsize chunk_pos;
  gboolean started;  /* the first chunk was read (BOM checked) */
  gboolean finished; /* end of file reached and csv_fini() called */
  guint line;        /* line of the next byte */
  gboolean after_cr; /* the last byte fed was a CR: a line break unless LF follows */
  gboolean in_row;   /* a row has begun and not ended */
  guint row_line;    /* the line it began on */
  GPtrArray *row;    /* char*: the values of that row so far */
  char separator;    /* ',', ';' or tab: what the header line uses */
  GStrv fields;      /* NULL until the header is read */
  guint n_fields;
  guint header_line;
  GQueue queue; /* DataRow*: complete rows not handed out yet */
  guint max_queued;
  GError *error; /* the first error; sticky */
};

static void
data_row_free (DataRow *row)
{
  g_strfreev (row->values);
  g_free (row);
}

static void fail (RoneoDataSet *data, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Records the first error, prefixed "SOURCE:LINE: " (no line when 0). */
static void
fail (RoneoDataSet *data, guint line, const char *format, ...)
{
  if (data->error != NULL)
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    data->error
        = g_error_new (RONEO_ERROR, RONEO_ERROR_INPUT, "%s:%u: %s", data->source, line, message);
  else
    data->error = g_error_new (RONEO_ERROR, RONEO_ERROR_INPUT, "%s: %s", data->source, message);
}

/* Values are kept as written: no blank is a "space" to strip. */
static int
never_space (unsigned char c)
{
  return 0;
}

/* A copy of the field with CRLF and lone CR (only possible inside quotes)
 * made LF; *length is the copy's. */
static char *
dup_value (const char *bytes, gsize *length)
{
  char *value = g_malloc (*length + 1);
  gsize n = 0;
  for (gsize i = 0; i < *length; i++)
    {
      if (bytes[i] == '\r' && i + 1 < *length && bytes[i + 1] == '\n')
        continue;
      value[n++] = bytes[i] == '\r' ? '\n' : bytes[i];
    }
  value[n] = '\0';
  *length = n;
  return value;
}

static guint
count_newlines (const char *text, const char *end)
{
  guint count = 0;
  for (; text < end; text++)
    count += *text == '\n';
  return count;
}

/* Invalid UTF-8 that reads as Windows-1252 text (letters, punctuation,
 * blanks: what Excel writes for "CSV" on a Western Windows) is named so. */
static gboolean
looks_like_cp1252 (const char *bytes, gsize length)
{
  gsize written = 0;
  g_autofree char *text = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
  if (text == NULL)
    return FALSE;
  for (const char *p = text; p < text + written; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isprint (c) && c != '\t' && c != '\n')
        return FALSE;
    }
  return TRUE;
}

static void
on_field (void *bytes, size_t length, void *user_data)
{
  RoneoDataSet *data = user_data;
  if (data->error != NULL)
    return;
  gsize n = length;
  char *value = dup_value (bytes != NULL ? bytes : "", &n);
  g_ptr_array_add (data->row, value);
  const char *bad = NULL;
  if (g_utf8_validate (value, n, &bad))
    return;
  /* The field ends on data->line; the bad byte (or NUL) is as many lines
   * above as there are line breaks after it. */
  guint line = data->line - count_newlines (bad, value + n);
  if (looks_like_cp1252 (value, n))
    fail (data, line,
          _ ("not UTF-8: the file looks like Windows-1252 (as Excel saves CSV); "
             "save it as 'CSV UTF-8'"));
  else
    fail (data, line, _ ("not UTF-8 text (save the file as UTF-8)"));
}

static gboolean
is_blank (const char *text)
{
  return text[strspn (text, " \t")] == '\0';
}

/* The header's error, or NULL: an empty or repeated name. */
static char *
check_names (GStrv names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        return g_strdup_printf (_ ("column %u has no name (name every column in the first line)"),
                                i + 1);
      for (guint j = 0; j < i; j++)
        if (roneo_field_names_match (names[i], names[j]))
          return g_strdup_printf (_ ("two columns are named '%s' (give each column its own "
                                     "name; case and accents do not count)"),
                                  names[i]);
    }
  return NULL;
}

static void
take_header (RoneoDataSet *data, guint line)
{
  g_ptr_array_add (data->row, NULL);
  g_auto (GStrv) names = (GStrv) g_ptr_array_steal (data->row, NULL);
  g_autofree char *problem = check_names (names);
  if (problem != NULL)
    {
      fail (data, line, "%s", problem);
      return;
    }
  data->n_fields = g_strv_length (names);
  data->header_line = line;
  data->fields = g_steal_pointer (&names);
}

static void
fail_row_length (RoneoDataSet *data, guint line, guint n)
{
  char sep = data->separator;
  const char *name = sep == ';' ? _ ("semicolons") : sep == '\t' ? _ ("tabs") : _ ("commas");
  g_autofree char *hint
      = n > data->n_fields
            ? g_strdup_printf (_ ("quote values that contain %s: \"a%c b\""), name, sep)
            : g_strdup_printf (_ ("give every column a value, even an empty one: a%c%cc"), sep,
                               sep);
  fail (data, line,
        roneo_intl_ngettext ("this row has %u field, the header has %u (%s)",
                             "this row has %u fields, the header has %u (%s)", n),
        n, data->n_fields, hint);
}

static void
take_row (RoneoDataSet *data, guint line)
{
  guint n = data->row->len;
  if (n != data->n_fields)
    {
      fail_row_length (data, line, n);
      return;
    }
  g_ptr_array_add (data->row, NULL);
  DataRow *row = g_new0 (DataRow, 1);
  row->values = (GStrv) g_ptr_array_steal (data->row, NULL);
  row->line = line;
  g_queue_push_tail (&data->queue, row);
  data->max_queued = MAX (data->max_queued, data->queue.length);
}

static void
on_row (int terminator, void *user_data)
{
  RoneoDataSet *data = user_data;
  guint line = data->row_line;
  data->in_row = FALSE;
  if (data->error != NULL)
    return;
  /* A line of blanks is a blank line, not a row of one value. */
  if (data->row->len == 1 && is_blank (g_ptr_array_index (data->row, 0)))
    g_ptr_array_set_size (data->row, 0);
  else if (data->fields == NULL)
    take_header (data, line);
  else
    take_row (data, line);
  g_ptr_array_set_size (data->row, 0);
}

static void
parse_failed (RoneoDataSet *data)
{
  int status = csv_error (&data->parser);
  if (status != CSV_EPARSE)
    fail (data, data->line, "%s", csv_strerror (status));
  else if (data->row_line != data->line)
    fail (data, data->line,
          _ ("stray quote in the row that starts on line %u (check that line's quotes: put a whole "
             "value in quotes and double the quotes inside, \"say \"\"no\"\"\")"),
          data->row_line);
  else
    fail (data, data->line,
          _ ("stray quote (put the whole value in quotes and double the quotes inside: "
             "\"say \"\"no\"\"\")"));
}

/* Feeds the bytes from chunk_pos to the first CR or LF included. */
static void
feed_run (RoneoDataSet *data)
{
  const guchar *start = data->chunk + data->chunk_pos;
  gsize length = 0;
  gsize left = data->chunk_length - data->chunk_pos;
  while (length < left && start[length] != '\r' && start[length] != '\n')
    length++;
  if (length < left)
    length++;
  if (data->after_cr && start[0] != '\n')
    data->line++;
  data->after_cr = start[length - 1] == '\r';
  if (!data->in_row && start[0] != '\r' && start[0] != '\n')
    {
      data->in_row = TRUE;
      data->row_line = data->line;
    }
  data->chunk_pos += length;
  if (csv_parse (&data->parser, start, length, on_field, on_row, data) != length)
    parse_failed (data);
  if (start[length - 1] == '\n')
    data->line++;
}

static void
finish (RoneoDataSet *data)
{
  data->finished = TRUE;
  if (csv_fini (&data->parser, on_field, on_row, data) != 0)
    fail (data, data->row_line,
          _ ("this row opens a quote that is never closed (end the quoted value with \")"));
}

/* The separator of the first non-blank line of bytes: the most frequent of
 * ',', ';' and tab outside quotes (a French spreadsheet saves with ';');
 * ',' when the line has none. */
static char
detect_separator (const guchar *bytes, gsize length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE, seen = FALSE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = bytes[i];
      if ((c == '\n' || c == '\r') && !quoted && seen)
        break;
      seen = seen || !(c == '\n' || c == '\r' || c == ' ' || c == '\t');
      quoted = c == '"' ? !quoted : quoted;
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        counts[k] += !quoted && c == (guchar) candidates[k];
    }
  guint best = 0;
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* What the first chunk tells about the whole file: its separator, and a
 * UTF-16 byte order mark (Excel's "Unicode text"), which is refused. */
static void
sniff_start (RoneoDataSet *data)
{
  const guchar *bytes = data->chunk + data->chunk_pos;
  gsize length = data->chunk_length - data->chunk_pos;
  if (length >= 2
      && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff)))
    fail (data, 1,
          _ ("not UTF-8: the file is UTF-16 (as Excel saves 'Unicode text'); save it as "
             "'CSV UTF-8'"));
  data->separator = detect_separator (bytes, length);
  csv_set_delim (&data->parser, data->separator);
}

static void
read_chunk (RoneoDataSet *data)
{
  GError *local = NULL;
  gssize n = roneo_input_read (data->input, data->chunk, CHUNK_SIZE, &local);
  data->chunk_length = MAX (n, 0);
  data->chunk_pos = 0;
  if (n < 0)
    {
      data->finished = TRUE;
      if (data->error == NULL)
        data->error = local;
      else
        g_error_free (local);
      return;
    }
  if (!data->started && data->chunk_length >= 3 && memcmp (data->chunk, "\xef\xbb\xbf", 3) == 0)
    data->chunk_pos = 3;
  if (!data->started)
    sniff_start (data);
  data->started = TRUE;
  if (data->chunk_length == 0)
    finish (data);
}

/* One step: a run fed, or a chunk read. FALSE when nothing more can come. */
static gboolean
step (RoneoDataSet *data)
{
  if (data->error != NULL || data->finished)
    return FALSE;
  if (data->chunk_pos < data->chunk_length)
    feed_run (data);
  else
    read_chunk (data);
  return TRUE;
}

static void
fill_queue (RoneoDataSet *data)
{
  while (data->queue.length == 0 && step (data))
    ;
}

void
roneo_data_close (RoneoDataSet *data)
{
  if (data == NULL)
    return;
  roneo_input_free (data->input);
  csv_free (&data->parser);
  g_queue_clear_full (&data->queue, (GDestroyNotify) data_row_free);
  g_ptr_array_unref (data->row);
  g_strfreev (data->fields);
  g_clear_error (&data->error);
  g_free (data->chunk);
  g_free (data->source);
  g_free (data);
}

static RoneoDataSet *
data_new (RoneoInput *input)
{
  RoneoDataSet *data = g_new0 (RoneoDataSet, 1);
  data->source = g_strdup (roneo_input_get_source (input));
  data->input = input;
  csv_init (&data->parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_space_func (&data->parser, never_space);
  data->chunk = g_malloc (CHUNK_SIZE);
  data->line = 1;
  data->row = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&data->queue);
  return data;
}

/* Reads the header and the first row. An error in the header fails; one in
 * the first row waits for roneo_data_next(). */
static gboolean
read_start (RoneoDataSet *data, GError **error)
{
  while (data->fields == NULL && step (data))
    ;
  if (data->fields == NULL && data->error == NULL)
    fail (data, 0, _ ("empty file: no header (the first line names the columns: name,town,date)"));
  if (data->fields == NULL)
    {
      g_propagate_error (error, g_error_copy (data->error));
      return FALSE;
    }
  fill_queue (data);
  if (data->queue.length > 0 || data->error != NULL)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               _ ("%s:%u: no row after the header: nothing to fill (add one line per copy)"),
               data->source, data->header_line);
  return FALSE;
}

/* Takes input. */
static RoneoDataSet *
open_input (RoneoInput *input, GError **error)
{
  g_autoptr (RoneoDataSet) data = data_new (input);
  if (!read_start (data, error))
    return NULL;
  return g_steal_pointer (&data);
}

RoneoDataSet *
roneo_data_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  RoneoInput *input = roneo_input_open (path, RONEO_INPUT_DATA, error);
  return input != NULL ? open_input (input, error) : NULL;
}

RoneoDataSet *
roneo_data_open_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_return_val_if_fail (bytes != NULL && name != NULL, NULL);
  return open_input (roneo_input_new_bytes (bytes, name, RONEO_INPUT_DATA), error);
}

const char *const *
roneo_data_get_fields (const RoneoDataSet *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return (const char *const *) data->fields;
}

const char *
roneo_data_get_source (const RoneoDataSet *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->source;
}

gboolean
roneo_data_next (RoneoDataSet *data, GStrv *values, guint *line, GError **error)
{
  g_return_val_if_fail (data != NULL && values != NULL, FALSE);
  fill_queue (data);
  DataRow *row = g_queue_pop_head (&data->queue);
  if (row == NULL)
    {
      if (data->error != NULL)
        g_propagate_error (error, g_error_copy (data->error));
      return FALSE;
    }
  *values = g_steal_pointer (&row->values);
  if (line != NULL)
    *line = row->line;
  data_row_free (row);
  return TRUE;
}

guint
roneo_data_count_rows (const char *path, GError **error)
{
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, error);
  if (data == NULL)
    return 0;
  guint count = 0;
  GStrv values = NULL;
  while (roneo_data_next (data, &values, NULL, error))
    {
      g_strfreev (values);
      count++;
    }
  return data->error != NULL ? 0 : count;
}

guint
roneo_data_get_max_queued (const RoneoDataSet *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->max_queued;
}
