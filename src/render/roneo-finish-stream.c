/* roneo-finish-stream.c: the finishing pass for a PDF file of any size.
 *
 * libqpdf holds every object it has read, about 11 KB per sheet of a
 * personalised batch (PITFALLS 35), and no QPDF call lets it forget one. This
 * pass does the same finishing as roneo-finish.c one object at a time, in
 * memory that does not grow with the pages: it reads the cross-reference
 * table cairo wrote, then each object in file order; a page gets its boxes
 * and loses its /Group; a stream is copied as it is (cairo compressed it),
 * its /Length made direct; every other object goes into an object stream of
 * at most 100 objects, compressed. A cross-reference stream ends the file,
 * with a deterministic /ID (the MD5 of everything before it). What it keeps
 * for the whole file is 20 bytes per object.
 */
#include "roneo-error.h"
#include "roneo-finish-syntax.h"
#include "roneo-finish.h"
#include "roneo-output.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#define OBJECTS_PER_STREAM 100
#define MAX_OBJECTS (1u << 28)

/* A cross-reference entry (ISO 32000-1, 7.5.8.3), packed: type in the top
 * two bits, field 2 in the next 46, field 3 in the low 16. */
#define ENTRY(type, f2, f3) (((guint64) (type) << 62) | ((guint64) (f2) << 16) | (guint64) (f3))

typedef struct
{
  FILE *in;
  const char *in_path, *out_path;
  const RoneoFinishOptions *options;
  RoneoOutput *out;
  GChecksum *md5;
  guint64 written;
  guint64 xref_offset;
  guint size;       /* the input's /Size: its object numbers are kept */
  guint64 *offsets; /* by input number, 0 for a free entry */
  guint *order;     /* input numbers in file order */
  guint n_order;
  guint8 *inlined;       /* a bit per input number: a /Length now written in its stream */
  GArray *entries;       /* guint64 ENTRY by output number */
  guint next_number;     /* for object streams and the cross-reference stream */
  guint root, info;      /* the trailer's /Root and /Info (0: none) */
  GString *index, *body; /* the object stream being filled */
  guint stream_number, stream_count;
  guint pages;
} Finisher;

static gboolean
damaged (const Finisher *f, guint64 at, const char *what, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
               "cannot write '%s': the PDF cairo wrote is damaged at byte %" G_GUINT64_FORMAT
               " (%s); please report this",
               f->out_path, at, what);
  return FALSE;
}

static gboolean
read_failed (const Finisher *f, GError **error)
{
  int errnum = errno != 0 ? errno : EIO;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "cannot write '%s': reading '%s': %s",
               f->out_path, f->in_path, g_strerror (errnum));
  return FALSE;
}

/* Reads length bytes at offset into buffer (resized); fewer at the end of the file. */
static gboolean
read_at (Finisher *f, guint64 offset, gsize length, GByteArray *buffer, GError **error)
{
  g_byte_array_set_size (buffer, (guint) length);
  errno = 0;
  if (fseeko (f->in, (off_t) offset, SEEK_SET) != 0)
    return read_failed (f, error);
  gsize got = fread (buffer->data, 1, length, f->in);
  if (got < length && ferror (f->in))
    return read_failed (f, error);
  g_byte_array_set_size (buffer, (guint) got);
  return TRUE;
}

/* ----------------------------------------------------------------- output */

static gboolean
emit (Finisher *f, const void *data, gsize length)
{
  g_checksum_update (f->md5, data, (gssize) length);
  f->written += length;
  return roneo_output_write (f->out, data, length);
}

static gboolean
emit_string (Finisher *f, const GString *text)
{
  return emit (f, text->str, text->len);
}

static void
set_entry (Finisher *f, guint number, guint64 entry)
{
  if (number >= f->entries->len)
    g_array_set_size (f->entries, number + 1);
  g_array_index (f->entries, guint64, number) = entry;
}

static GByteArray *
deflate_bytes (const guint8 *data, gsize length)
{
  uLongf size = compressBound ((uLong) length);
  GByteArray *out = g_byte_array_sized_new ((guint) size);
  g_byte_array_set_size (out, (guint) size);
  if (compress2 (out->data, &size, data, (uLong) length, Z_DEFAULT_COMPRESSION) != Z_OK)
    g_error ("zlib could not compress %" G_GSIZE_FORMAT " bytes", length); /* out of memory */
  g_byte_array_set_size (out, (guint) size);
  return out;
}

/* "N 0 obj DICT stream DATA endstream endobj", recorded at its offset. */
static gboolean
emit_stream (Finisher *f, guint number, const GString *dict, const guint8 *data, gsize length)
{
  set_entry (f, number, ENTRY (1, f->written, 0));
  g_autoptr (GString) head = g_string_new (NULL);
  g_string_printf (head, "%u 0 obj\n%s\nstream\n", number, dict->str);
  static const char tail[] = "\nendstream\nendobj\n";
  return emit_string (f, head) && emit (f, data, length) && emit (f, tail, sizeof tail - 1);
}

static gboolean
flush_object_stream (Finisher *f)
{
  if (f->stream_count == 0)
    return TRUE;
  gsize first = f->index->len;
  g_string_append_len (f->index, f->body->str, (gssize) f->body->len);
  g_autoptr (GByteArray) data = deflate_bytes ((const guint8 *) f->index->str, f->index->len);
  g_autoptr (GString) dict = g_string_new (NULL);
  g_string_printf (
      dict, "<< /Type /ObjStm /N %u /First %" G_GSIZE_FORMAT " /Filter /FlateDecode /Length %u >>",
      f->stream_count, first, data->len);
  g_string_truncate (f->index, 0);
  g_string_truncate (f->body, 0);
  f->stream_count = 0;
  return emit_stream (f, f->stream_number, dict, data->data, data->len);
}

/* A non-stream object joins the object stream being filled. */
static gboolean
emit_compressed (Finisher *f, guint number, const RoneoPdfValue *value)
{
  if (f->stream_count == 0)
    f->stream_number = f->next_number++;
  g_string_append_printf (f->index, "%u %" G_GSIZE_FORMAT " ", number, f->body->len);
  roneo_pdf_write (value, f->body);
  g_string_append_c (f->body, '\n');
  set_entry (f, number, ENTRY (2, f->stream_number, f->stream_count));
  return ++f->stream_count < OBJECTS_PER_STREAM || flush_object_stream (f);
}

/* ------------------------------------------------------------------ pages */

static RoneoPdfValue *
new_box (const double media[4], double inset)
{
  RoneoPdfValue *box = roneo_pdf_new_array ();
  const double values[4]
      = { media[0] + inset, media[1] + inset, media[2] - inset, media[3] - inset };
  for (int i = 0; i < 4; i++)
    g_ptr_array_add (box->items, roneo_pdf_new_number (values[i]));
  return box;
}

static gboolean
read_media_box (const RoneoPdfValue *page, double media[4])
{
  const RoneoPdfValue *box = roneo_pdf_dict_get (page, "/MediaBox");
  if (box == NULL || box->kind != RONEO_PDF_ARRAY || box->items->len != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!roneo_pdf_get_number (box->items->pdata[i], &media[i]))
      return FALSE;
  return media[2] - media[0] > 0 && media[3] - media[1] > 0;
}

/* The same boxes as roneo-finish.c writes with libqpdf. */
static gboolean
finish_page (RoneoPdfValue *page, const RoneoFinishOptions *options)
{
  double media[4];
  if (!read_media_box (page, media))
    return FALSE;
  const double unit = options->user_unit > 1 ? options->user_unit : 1;
  const double bleed = options->bleed / unit, mark_room = options->mark_room / unit;
  roneo_pdf_dict_take (page, "/TrimBox", new_box (media, bleed + mark_room));
  if (options->bleed > 0 || options->mark_room > 0)
    roneo_pdf_dict_take (page, "/BleedBox", new_box (media, mark_room));
  if (unit > 1)
    roneo_pdf_dict_take (page, "/UserUnit", roneo_pdf_new_number (unit));
  if (!options->keep_group)
    roneo_pdf_dict_remove (page, "/Group");
  return TRUE;
}

/* ---------------------------------------------------------------- objects */

static gboolean
expect_word (RoneoPdfLexer *lexer, const char *word)
{
  char buffer[16];
  return roneo_pdf_next_word (lexer, buffer, sizeof buffer) && strcmp (buffer, word) == 0;
}

/* "N 0 obj": FALSE unless N is the number the cross-reference table gave. */
static gboolean
read_header (RoneoPdfLexer *lexer, guint number)
{
  char buffer[16];
  return roneo_pdf_next_word (lexer, buffer, sizeof buffer)
         && g_ascii_strtoull (buffer, NULL, 10) == number && expect_word (lexer, "0")
         && expect_word (lexer, "obj");
}

/* The integer object a stream's /Length points to (cairo writes it after the stream). */
static gboolean
read_length_object (Finisher *f, guint number, gsize *length, GError **error)
{
  if (number >= f->size || f->offsets[number] == 0)
    return damaged (f, 0, "a stream length that is not in the file", error);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!read_at (f, f->offsets[number], 128, buffer, error))
    return FALSE;
  RoneoPdfLexer lexer = { buffer->data, buffer->len, 0 };
  double value = -1;
  g_autoptr (RoneoPdfValue) object = NULL;
  if (!read_header (&lexer, number) || (object = roneo_pdf_parse_value (&lexer)) == NULL
      || !roneo_pdf_get_number (object, &value) || value < 0 || value != floor (value))
    return damaged (f, f->offsets[number], "a stream length", error);
  f->inlined[number / 8] |= (guint8) (1u << (number % 8));
  *length = (gsize) value;
  return TRUE;
}

static gboolean
stream_length (Finisher *f, RoneoPdfValue *dict, gsize *length, GError **error)
{
  RoneoPdfValue *value = roneo_pdf_dict_get (dict, "/Length");
  double direct = -1;
  if (value != NULL && value->kind == RONEO_PDF_REF)
    return read_length_object (f, value->number, length, error);
  if (!roneo_pdf_get_number (value, &direct) || direct < 0 || direct != floor (direct))
    return damaged (f, 0, "a stream without a length", error);
  *length = (gsize) direct;
  return TRUE;
}

static gboolean
copy_stream (Finisher *f, guint number, RoneoPdfValue *dict, RoneoPdfLexer *lexer, guint64 offset,
             GError **error)
{
  /* The keyword is followed by CRLF or LF, then the data. */
  if (lexer->pos < lexer->length && lexer->data[lexer->pos] == '\r')
    lexer->pos++;
  if (lexer->pos < lexer->length && lexer->data[lexer->pos] == '\n')
    lexer->pos++;
  gsize length = 0;
  if (dict->kind != RONEO_PDF_DICT)
    return damaged (f, offset, "a stream without a dictionary", error);
  if (!stream_length (f, dict, &length, error))
    return FALSE;
  const gsize start = lexer->pos;
  lexer->pos += length;
  if (length > lexer->length - start || !expect_word (lexer, "endstream"))
    return damaged (f, offset + start, "a stream's data", error);
  roneo_pdf_dict_take (dict, "/Length", roneo_pdf_new_number ((double) length));
  g_autoptr (GString) text = g_string_new (NULL);
  roneo_pdf_write (dict, text);
  return emit_stream (f, number, text, lexer->data + start, length);
}

static gboolean
is_page (const RoneoPdfValue *value)
{
  return value->kind == RONEO_PDF_DICT
         && roneo_pdf_is_name (roneo_pdf_dict_get (value, "/Type"), "/Page");
}

/* One object, bytes [offset, offset + data->len) of the input. */
static gboolean
copy_object (Finisher *f, guint number, const GByteArray *data, guint64 offset, GError **error)
{
  RoneoPdfLexer lexer = { data->data, data->len, 0 };
  g_autoptr (RoneoPdfValue) value = NULL;
  if (!read_header (&lexer, number) || (value = roneo_pdf_parse_value (&lexer)) == NULL)
    return damaged (f, offset + lexer.pos, "an object", error);
  if (is_page (value))
    {
      f->pages++;
      if (!finish_page (value, f->options))
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       "cannot write '%s': page %u has no usable /MediaBox", f->out_path, f->pages);
          return FALSE;
        }
    }
  char word[16];
  if (!roneo_pdf_next_word (&lexer, word, sizeof word))
    return damaged (f, offset + lexer.pos, "the end of an object", error);
  if (strcmp (word, "stream") == 0)
    return copy_stream (f, number, value, &lexer, offset, error);
  if (strcmp (word, "endobj") != 0)
    return damaged (f, offset + lexer.pos, "the end of an object", error);
  return emit_compressed (f, number, value);
}

static gint
by_offset (gconstpointer a, gconstpointer b, gpointer offsets)
{
  const guint64 x = ((const guint64 *) offsets)[*(const guint *) a];
  const guint64 y = ((const guint64 *) offsets)[*(const guint *) b];
  return x < y ? -1 : x > y;
}

/* Every object in the order cairo wrote them: each ends where the next begins. */
static gboolean
copy_objects (Finisher *f, GError **error)
{
  g_qsort_with_data (f->order, (gint) f->n_order, sizeof (guint), by_offset, f->offsets);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  for (guint i = 0; i < f->n_order; i++)
    {
      const guint number = f->order[i];
      const guint64 start = f->offsets[number];
      const guint64 end = i + 1 < f->n_order ? f->offsets[f->order[i + 1]] : f->xref_offset;
      if (f->inlined[number / 8] & (1u << (number % 8)))
        continue;
      if (end <= start || end - start > G_MAXUINT)
        return damaged (f, start, "an object's place", error);
      if (!read_at (f, start, end - start, buffer, error)
          || !copy_object (f, number, buffer, start, error))
        return FALSE;
    }
  return flush_object_stream (f);
}

/* ------------------------------------------------- cross-reference table */

static gboolean
read_line (Finisher *f, char *line, int size, GError **error)
{
  errno = 0;
  if (fgets (line, size, f->in) != NULL)
    return TRUE;
  return ferror (f->in) ? read_failed (f, error) : damaged (f, f->xref_offset, "xref", error);
}

static gboolean
find_startxref (Finisher *f, GError **error)
{
  if (fseeko (f->in, 0, SEEK_END) != 0)
    return read_failed (f, error);
  const guint64 size = (guint64) ftello (f->in), tail = MIN (size, 1024);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!read_at (f, size - tail, tail, buffer, error))
    return FALSE;
  /* The last "startxref"; the bytes before it may hold NULs (font data). */
  static const char keyword[] = "startxref";
  const gsize n = sizeof keyword - 1;
  gsize at = buffer->len >= n ? buffer->len - n + 1 : 0;
  while (at-- > 0 && memcmp (buffer->data + at, keyword, n) != 0)
    ;
  if (at == G_MAXSIZE)
    return damaged (f, size, "no startxref", error);
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  f->xref_offset = g_ascii_strtoull ((const char *) buffer->data + at + n, NULL, 10);
  if (f->xref_offset == 0 || f->xref_offset >= size)
    return damaged (f, size, "startxref", error);
  return TRUE;
}

static gboolean
read_entry (Finisher *f, guint number, GError **error)
{
  char line[64], type = 0;
  guint64 offset = 0;
  guint generation = 0;
  if (!read_line (f, line, sizeof line, error))
    return FALSE;
  if (sscanf (line, "%" G_GUINT64_FORMAT " %u %c", &offset, &generation, &type) != 3
      || (type != 'n' && type != 'f'))
    return damaged (f, f->xref_offset, "an xref entry", error);
  if (type == 'f')
    return TRUE;
  if (generation != 0 || offset == 0 || offset >= f->xref_offset)
    return damaged (f, f->xref_offset, "an xref entry", error);
  f->offsets[number] = offset;
  f->order[f->n_order++] = number;
  return TRUE;
}

/* Subsections "first count" and their entries, up to the trailer keyword. */
static gboolean
read_subsections (Finisher *f, GError **error)
{
  char line[64];
  for (;;)
    {
      const off_t here = ftello (f->in);
      guint first = 0, count = 0;
      if (!read_line (f, line, sizeof line, error))
        return FALSE;
      if (g_str_has_prefix (line, "trailer"))
        return fseeko (f->in, here, SEEK_SET) == 0 || read_failed (f, error);
      if (sscanf (line, "%u %u", &first, &count) != 2 || count > MAX_OBJECTS - first)
        return damaged (f, f->xref_offset, "an xref subsection", error);
      if (first + count > f->size)
        {
          f->offsets = g_renew (guint64, f->offsets, first + count);
          f->order = g_renew (guint, f->order, first + count);
          memset (f->offsets + f->size, 0, (first + count - f->size) * sizeof (guint64));
          f->size = first + count;
        }
      for (guint i = 0; i < count; i++)
        if (!read_entry (f, first + i, error))
          return FALSE;
    }
}

static guint
ref_number (const RoneoPdfValue *value)
{
  return value != NULL && value->kind == RONEO_PDF_REF ? value->number : 0;
}

/* What cairo writes: one classic table, a trailer with /Size, /Root, /Info. */
static gboolean
read_trailer (Finisher *f, GError **error)
{
  const off_t here = ftello (f->in);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!read_at (f, (guint64) here, 4096, buffer, error))
    return FALSE;
  RoneoPdfLexer lexer = { buffer->data, buffer->len, 0 };
  g_autoptr (RoneoPdfValue) trailer = NULL;
  double size = 0;
  if (!expect_word (&lexer, "trailer") || (trailer = roneo_pdf_parse_value (&lexer)) == NULL
      || trailer->kind != RONEO_PDF_DICT
      || !roneo_pdf_get_number (roneo_pdf_dict_get (trailer, "/Size"), &size) || size != f->size
      || roneo_pdf_dict_get (trailer, "/Prev") != NULL
      || roneo_pdf_dict_get (trailer, "/Encrypt") != NULL)
    return damaged (f, (guint64) here, "the trailer", error);
  const RoneoPdfValue *info = roneo_pdf_dict_get (trailer, "/Info");
  f->root = ref_number (roneo_pdf_dict_get (trailer, "/Root"));
  f->info = ref_number (info);
  if (f->root == 0 || (info != NULL && f->info == 0))
    return damaged (f, (guint64) here, "the trailer's /Root or /Info", error);
  return TRUE;
}

static gboolean
read_xref (Finisher *f, GError **error)
{
  char line[64];
  if (!find_startxref (f, error))
    return FALSE;
  if (fseeko (f->in, (off_t) f->xref_offset, SEEK_SET) != 0)
    return read_failed (f, error);
  if (!read_line (f, line, sizeof line, error))
    return FALSE;
  if (!g_str_has_prefix (line, "xref"))
    return damaged (f, f->xref_offset, "no classic cross-reference table", error);
  if (!read_subsections (f, error) || !read_trailer (f, error))
    return FALSE;
  f->inlined = g_new0 (guint8, f->size / 8 + 1);
  f->next_number = f->size;
  return TRUE;
}

/* ------------------------------------------------ cross-reference stream */

static void
put_be (guint8 *out, guint64 value, int bytes)
{
  for (int i = bytes - 1; i >= 0; i--, value >>= 8)
    out[i] = (guint8) (value & 0xff);
}

/* Rows of W [1 5 2]; free entries chained as the free list, 0 at its head. */
static GByteArray *
pack_entries (const GArray *entries)
{
  const guint n = entries->len;
  GByteArray *rows = g_byte_array_sized_new (n * 8);
  g_byte_array_set_size (rows, n * 8);
  guint64 next_free = 0;
  for (guint i = n; i-- > 0;)
    {
      guint64 entry = g_array_index (entries, guint64, i);
      guint8 *row = rows->data + (gsize) i * 8;
      guint type = (guint) (entry >> 62);
      guint64 field2 = (entry >> 16) & ((G_GUINT64_CONSTANT (1) << 46) - 1);
      guint field3 = (guint) (entry & 0xffff);
      if (type == 0)
        field2 = next_free, field3 = i == 0 ? 65535 : 0, next_free = i;
      row[0] = (guint8) type;
      put_be (row + 1, field2, 5);
      put_be (row + 6, field3, 2);
    }
  return rows;
}

static gboolean
emit_xref_stream (Finisher *f)
{
  const guint number = f->next_number++;
  const guint64 offset = f->written;
  set_entry (f, number, ENTRY (1, offset, 0));
  /* The /ID of a file is the MD5 of everything before its cross-reference. */
  g_autoptr (GChecksum) sum = g_checksum_copy (f->md5); /* getting the string closes it */
  const char *id = g_checksum_get_string (sum);
  g_autoptr (GByteArray) rows = pack_entries (f->entries);
  g_autoptr (GByteArray) data = deflate_bytes (rows->data, rows->len);
  g_autoptr (GString) dict = g_string_new (NULL);
  g_string_printf (dict, "<< /Type /XRef /Size %u /W [1 5 2] /Root %u 0 R", f->entries->len,
                   f->root);
  if (f->info != 0)
    g_string_append_printf (dict, " /Info %u 0 R", f->info);
  g_string_append_printf (dict, " /ID [<%s><%s>] /Filter /FlateDecode /Length %u >>", id, id,
                          data->len);
  g_autoptr (GString) end = g_string_new (NULL);
  g_string_printf (end, "startxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n", offset);
  return emit_stream (f, number, dict, data->data, data->len) && emit_string (f, end);
}

/* ----------------------------------------------------------------- public */

static gboolean
write_file (Finisher *f, GError **error)
{
  static const char header[] = "%PDF-1.5\n%\xbf\xf7\xa2\xfe\n";
  f->out = roneo_output_open (f->out_path, ".tmp", error);
  if (f->out == NULL)
    return FALSE;
  if (!emit (f, header, sizeof header - 1))
    return roneo_output_fail (f->out, "write failed", error);
  if (!copy_objects (f, error))
    return FALSE;
  if (!emit_xref_stream (f))
    return roneo_output_fail (f->out, "write failed", error);
  return roneo_output_commit (f->out, error);
}

static void
finisher_clear (Finisher *f)
{
  if (f->in != NULL)
    fclose (f->in);
  g_clear_pointer (&f->out, roneo_output_free);
  g_clear_pointer (&f->md5, g_checksum_free);
  g_free (f->offsets);
  g_free (f->order);
  g_free (f->inlined);
  g_clear_pointer (&f->entries, g_array_unref);
  g_string_free (f->index, TRUE);
  g_string_free (f->body, TRUE);
}

gboolean
roneo_finish_pdf (const char *in_path, const char *out_path, const RoneoFinishOptions *options,
                  GError **error)
{
  g_return_val_if_fail (in_path != NULL && out_path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  Finisher f = { .in_path = in_path, .out_path = out_path, .options = options };
  f.md5 = g_checksum_new (G_CHECKSUM_MD5);
  f.entries = g_array_new (FALSE, TRUE, sizeof (guint64));
  f.index = g_string_new (NULL);
  f.body = g_string_new (NULL);
  errno = 0;
  f.in = fopen (in_path, "rb");
  gboolean ok
      = f.in != NULL ? read_xref (&f, error) && write_file (&f, error) : read_failed (&f, error);
  finisher_clear (&f);
  return ok;
}
