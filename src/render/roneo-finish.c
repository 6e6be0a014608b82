/* roneo-finish.c: the finishing pass, for a PDF of any size.
 *
 * libqpdf holds every object it has read, about 11 KB per sheet of a
 * personalised batch (PITFALLS 35), and no QPDF call lets it forget one; and
 * loading it costs every cold run 2 ms. This pass finishes one object at a
 * time, in memory that does not grow with the pages, whether cairo wrote the
 * PDF to memory (a flyer, a banner) or to a file (a batch): it reads the cross-reference
 * table cairo wrote, then each object in file order; a page gets its boxes,
 * its link annotations, and loses its /Group; a stream is copied as it is
 * (cairo compressed it), its /Length made direct; every other object goes
 * into an object stream of at most 100 objects, compressed. An object
 * identical to one of the last few written is dropped and the references to
 * it, which cairo writes after it, name that one: the sheets of a batch of
 * copies repeat the same content stream and resources, and 400 copies of a
 * tract weigh 104 % of the tract, not 152 %. A cross-reference stream ends
 * the file, with a deterministic /ID (the MD5 of everything before it). What
 * it keeps for the whole file is 20 bytes and a bit per object.
 */
#include "roneo-error.h"
#include "roneo-intl-private.h"
#include "roneo-finish-input.h"
#include "roneo-finish.h"
#include "roneo-output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#define OBJECTS_PER_STREAM 100
/* How many of the last objects written are remembered to share a copy: the
 * sheets of a batch of copies repeat a recto and a verso, so a few suffice,
 * and memory stays what it was, whatever the number of sheets. */
#define RECENT_OBJECTS 16

/* A cross-reference entry (ISO 32000-1, 7.5.8.3), packed: type in the top
 * two bits, field 2 in the next 46, field 3 in the low 16. */
#define ENTRY(type, f2, f3) (((guint64) (type) << 62) | ((guint64) (f2) << 16) | (guint64) (f3))
/* Not a PDF type: an object dropped for an identical one, field 2 its number;
 * written as a free entry, every reference to it made to that one. */
#define ENTRY_SHARED 3
#define ENTRY_TYPE(entry) ((guint) ((entry) >> 62))
#define ENTRY_FIELD2(entry) (((entry) >> 16) & ((G_GUINT64_CONSTANT (1) << 46) - 1))

typedef struct
{
  RoneoPdfInput in;
  const char *out_path;
  const RoneoFinishOptions *options;
  RoneoOutput *out;
  RoneoOutput *own_out; /* out when the finisher opened it (and commits it) */
  GChecksum *md5;
  guint64 written;
  guint8 *inlined;       /* a bit per input number: a /Length now written in its stream */
  GArray *entries;       /* guint64 ENTRY by output number */
  guint next_number;     /* for object streams and the cross-reference stream */
  GString *index, *body; /* the object stream being filled */
  guint stream_number, stream_count;
  guint pages;
  guint8 *referenced; /* a bit per input number: some object written so far names it */
  struct
  {
    guint8 digest[16];
    guint number;
  } recent[RECENT_OBJECTS]; /* objects written, to share with an identical one that follows */
  guint n_recent, next_recent;
  guint next_link; /* the first of options->links not yet written */
} Finisher;

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

/* TrimBox and BleedBox inset from the MediaBox, /UserUnit, no /Group. */
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
  if (number >= f->in.size || f->in.offsets[number] == 0)
    return roneo_pdf_input_damaged (&f->in, 0, "a stream length that is not in the file", error);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!roneo_pdf_input_read (&f->in, f->in.offsets[number], 128, buffer, error))
    return FALSE;
  RoneoPdfLexer lexer = { buffer->data, buffer->len, 0 };
  double value = -1;
  g_autoptr (RoneoPdfValue) object = NULL;
  if (!read_header (&lexer, number) || (object = roneo_pdf_parse_value (&lexer)) == NULL
      || !roneo_pdf_get_number (object, &value) || value < 0 || value != floor (value))
    return roneo_pdf_input_damaged (&f->in, f->in.offsets[number], "a stream length", error);
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
    return roneo_pdf_input_damaged (&f->in, 0, "a stream without a length", error);
  *length = (gsize) direct;
  return TRUE;
}

/* ------------------------------------------------------ identical objects */

static gboolean
bit_is_set (const guint8 *bits, guint number)
{
  return (bits[number / 8] & (1u << (number % 8))) != 0;
}

/* Every reference of value to an object dropped for an identical one now
 * names that one; every object named is marked as named. */
static void
share_references (Finisher *f, RoneoPdfValue *value)
{
  if (value->kind == RONEO_PDF_REF)
    {
      if (value->number < f->entries->len)
        {
          guint64 entry = g_array_index (f->entries, guint64, value->number);
          if (ENTRY_TYPE (entry) == ENTRY_SHARED)
            value->number = (guint) ENTRY_FIELD2 (entry);
        }
      if (value->number < f->in.size)
        f->referenced[value->number / 8] |= (guint8) (1u << (value->number % 8));
      return;
    }
  if (value->kind == RONEO_PDF_ARRAY || value->kind == RONEO_PDF_DICT)
    for (guint i = 0; i < value->items->len; i++)
      share_references (f, value->items->pdata[i]);
}

static void
digest_of (const GString *text, const guint8 *data, gsize length, guint8 digest[16])
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (sum, (const guchar *) text->str, (gssize) text->len);
  if (data != NULL)
    {
      g_checksum_update (sum, (const guchar *) "\nstream\n", 8);
      g_checksum_update (sum, data, (gssize) length);
    }
  gsize size = 16;
  g_checksum_get_digest (sum, digest, &size);
}

/* TRUE when number is dropped for an identical object written a moment
 * ago: the content stream and resources of a sheet that repeats another.
 * An object something already written names keeps its own copy. Else it
 * is remembered as written. */
static gboolean
share_identical (Finisher *f, guint number, const GString *text, const guint8 *data, gsize length)
{
  guint8 digest[16];
  digest_of (text, data, length, digest);
  if (number < f->in.size && !bit_is_set (f->referenced, number) && number != f->in.root
      && number != f->in.info)
    for (guint i = 0; i < f->n_recent; i++)
      if (memcmp (f->recent[i].digest, digest, 16) == 0)
        {
          set_entry (f, number, ENTRY (ENTRY_SHARED, f->recent[i].number, 0));
          return TRUE;
        }
  memcpy (f->recent[f->next_recent].digest, digest, 16);
  f->recent[f->next_recent].number = number;
  f->next_recent = (f->next_recent + 1) % RECENT_OBJECTS;
  f->n_recent = MIN (f->n_recent + 1, RECENT_OBJECTS);
  return FALSE;
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
    return roneo_pdf_input_damaged (&f->in, offset, "a stream without a dictionary", error);
  if (!stream_length (f, dict, &length, error))
    return FALSE;
  const gsize start = lexer->pos;
  lexer->pos += length;
  if (length > lexer->length - start || !expect_word (lexer, "endstream"))
    return roneo_pdf_input_damaged (&f->in, offset + start, "a stream's data", error);
  roneo_pdf_dict_take (dict, "/Length", roneo_pdf_new_number ((double) length));
  g_autoptr (GString) text = g_string_new (NULL);
  roneo_pdf_write (dict, text);
  if (share_identical (f, number, text, lexer->data + start, length))
    return TRUE;
  return emit_stream (f, number, text, lexer->data + start, length);
}

static gboolean
is_page (const RoneoPdfValue *value)
{
  return value->kind == RONEO_PDF_DICT
         && roneo_pdf_is_name (roneo_pdf_dict_get (value, "/Type"), "/Page");
}

/* The links of the page being copied (the f->pages-th: cairo writes pages in
 * their order) as new objects in its /Annots, written before it. */
static gboolean
add_links (Finisher *f, RoneoPdfValue *page)
{
  const GArray *links = f->options->links;
  RoneoPdfValue *annots = NULL;
  for (; links != NULL && f->next_link < links->len; f->next_link++)
    {
      const RoneoFinishLink *link = &g_array_index (links, RoneoFinishLink, f->next_link);
      if (link->page != f->pages - 1)
        break;
      g_autofree char *text = roneo_pdf_link_annotation (link->rect, link->uri);
      g_autoptr (RoneoPdfValue) annot = roneo_pdf_parse_text (text);
      const guint number = f->next_number++;
      if (annots == NULL)
        annots = roneo_pdf_new_array ();
      g_ptr_array_add (annots->items, roneo_pdf_new_ref (number));
      if (!emit_compressed (f, number, annot))
        {
          roneo_pdf_value_free (annots);
          return FALSE;
        }
    }
  if (annots != NULL)
    roneo_pdf_dict_take (page, "/Annots", annots);
  return TRUE;
}

/* One object, bytes [offset, offset + data->len) of the input. */
static gboolean
copy_object (Finisher *f, guint number, const GByteArray *data, guint64 offset, GError **error)
{
  RoneoPdfLexer lexer = { data->data, data->len, 0 };
  g_autoptr (RoneoPdfValue) value = NULL;
  if (!read_header (&lexer, number) || (value = roneo_pdf_parse_value (&lexer)) == NULL)
    return roneo_pdf_input_damaged (&f->in, offset + lexer.pos, "an object", error);
  if (is_page (value))
    {
      f->pages++;
      if (!finish_page (value, f->options))
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       _ ("cannot write '%s': page %u has no usable /MediaBox"), f->out_path,
                       f->pages);
          return FALSE;
        }
      if (!add_links (f, value))
        return FALSE;
    }
  share_references (f, value);
  char word[16];
  if (!roneo_pdf_next_word (&lexer, word, sizeof word))
    return roneo_pdf_input_damaged (&f->in, offset + lexer.pos, "the end of an object", error);
  if (strcmp (word, "stream") == 0)
    return copy_stream (f, number, value, &lexer, offset, error);
  if (strcmp (word, "endobj") != 0)
    return roneo_pdf_input_damaged (&f->in, offset + lexer.pos, "the end of an object", error);
  if (!is_page (value))
    {
      g_autoptr (GString) text = g_string_new (NULL);
      roneo_pdf_write (value, text);
      if (share_identical (f, number, text, NULL, 0))
        return TRUE;
    }
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
  g_qsort_with_data (f->in.order, (gint) f->in.n_order, sizeof (guint), by_offset, f->in.offsets);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  for (guint i = 0; i < f->in.n_order; i++)
    {
      const guint number = f->in.order[i];
      const guint64 start = f->in.offsets[number];
      const guint64 end
          = i + 1 < f->in.n_order ? f->in.offsets[f->in.order[i + 1]] : f->in.xref_offset;
      if (f->inlined[number / 8] & (1u << (number % 8)))
        continue;
      if (end <= start || end - start > G_MAXUINT)
        return roneo_pdf_input_damaged (&f->in, start, "an object's place", error);
      if (!roneo_pdf_input_read (&f->in, start, end - start, buffer, error)
          || !copy_object (f, number, buffer, start, error))
        return FALSE;
    }
  return flush_object_stream (f);
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
      guint type = ENTRY_TYPE (entry);
      guint64 field2 = ENTRY_FIELD2 (entry);
      guint field3 = (guint) (entry & 0xffff);
      if (type == ENTRY_SHARED)
        type = 0;
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
                   f->in.root);
  if (f->in.info != 0)
    g_string_append_printf (dict, " /Info %u 0 R", f->in.info);
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
  if (f->out == NULL)
    f->out = f->own_out = roneo_output_open (f->out_path, ".tmp", error);
  if (f->out == NULL)
    return FALSE;
  if (!emit (f, header, sizeof header - 1))
    return roneo_output_fail (f->out, "write failed", error);
  /* copy_objects reports a damaged input; a failed write is the output's to say */
  g_autoptr (GError) local = NULL;
  if (!copy_objects (f, &local))
    {
      if (local == NULL)
        return roneo_output_fail (f->out, "write failed", error);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!emit_xref_stream (f))
    return roneo_output_fail (f->out, "write failed", error);
  return f->own_out == NULL || roneo_output_commit (f->own_out, error);
}

static void
finisher_clear (Finisher *f)
{
  roneo_pdf_input_clear (&f->in);
  g_clear_pointer (&f->own_out, roneo_output_free);
  g_clear_pointer (&f->md5, g_checksum_free);
  g_free (f->inlined);
  g_free (f->referenced);
  g_clear_pointer (&f->entries, g_array_unref);
  g_string_free (f->index, TRUE);
  g_string_free (f->body, TRUE);
}

/* What is finished: the file in_path, else length bytes at data. */
typedef struct
{
  const char *in_path;
  const guint8 *data;
  gsize length;
} Source;

static gboolean
finish_source (const Source *source, const char *out_path, RoneoOutput *out,
               const RoneoFinishOptions *options, GError **error)
{
  Finisher f = { .out_path = out_path, .options = options, .out = out };
  f.md5 = g_checksum_new (G_CHECKSUM_MD5);
  f.entries = g_array_new (FALSE, TRUE, sizeof (guint64));
  f.index = g_string_new (NULL);
  f.body = g_string_new (NULL);
  gboolean ok
      = source->in_path != NULL
            ? roneo_pdf_input_open (&f.in, source->in_path, out_path, error)
            : roneo_pdf_input_open_data (&f.in, source->data, source->length, out_path, error);
  if (ok)
    {
      f.inlined = g_new0 (guint8, f.in.size / 8 + 1);
      f.referenced = g_new0 (guint8, f.in.size / 8 + 1);
      f.next_number = f.in.size;
      ok = write_file (&f, error);
    }
  finisher_clear (&f);
  return ok;
}

gboolean
roneo_finish_pdf (const char *in_path, const char *out_path, const RoneoFinishOptions *options,
                  GError **error)
{
  g_return_val_if_fail (in_path != NULL && out_path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const Source source = { .in_path = in_path };
  return finish_source (&source, out_path, NULL, options, error);
}

gboolean
roneo_finish_pdf_to (const char *in_path, RoneoOutput *output, const RoneoFinishOptions *options,
                     GError **error)
{
  g_return_val_if_fail (in_path != NULL && output != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const Source source = { .in_path = in_path };
  return finish_source (&source, roneo_output_peek_path (output), output, options, error);
}

gboolean
roneo_finish_pdf_data_to (const guint8 *data, gsize length, RoneoOutput *output,
                          const RoneoFinishOptions *options, GError **error)
{
  g_return_val_if_fail (data != NULL && output != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const Source source = { .data = data, .length = length };
  return finish_source (&source, roneo_output_peek_path (output), output, options, error);
}

gboolean
roneo_finish_pdf_data (const guint8 *data, gsize length, const char *out_path,
                       const RoneoFinishOptions *options, GError **error)
{
  g_return_val_if_fail (data != NULL && out_path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const Source source = { .data = data, .length = length };
  return finish_source (&source, out_path, NULL, options, error);
}
