#include "roneo-finish-input.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <errno.h>
#include <string.h>

#define MAX_OBJECTS (1u << 28)

static gboolean
expect_word (RoneoPdfLexer *lexer, const char *word)
{
  char buffer[16];
  return roneo_pdf_next_word (lexer, buffer, sizeof buffer) && strcmp (buffer, word) == 0;
}

gboolean
roneo_pdf_input_damaged (const RoneoPdfInput *input, guint64 at, const char *what, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
               _ ("cannot write '%s': the PDF cairo wrote is damaged at byte %llu (%s); please "
                  "report this"),
               input->target, (unsigned long long) at, what);
  return FALSE;
}

gboolean
roneo_pdf_input_read_failed (const RoneoPdfInput *input, GError **error)
{
  int errnum = errno != 0 ? errno : EIO;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': reading '%s': %s"),
               input->target, input->path, g_strerror (errnum));
  return FALSE;
}

gboolean
roneo_pdf_input_read (RoneoPdfInput *input, guint64 offset, gsize length, GByteArray *buffer,
                      GError **error)
{
  g_byte_array_set_size (buffer, (guint) length);
  errno = 0;
  if (fseeko (input->file, (off_t) offset, SEEK_SET) != 0)
    return roneo_pdf_input_read_failed (input, error);
  gsize got = fread (buffer->data, 1, length, input->file);
  if (got < length && ferror (input->file))
    return roneo_pdf_input_read_failed (input, error);
  g_byte_array_set_size (buffer, (guint) got);
  return TRUE;
}

/* ------------------------------------------------- cross-reference table */

static gboolean
read_line (RoneoPdfInput *input, char *line, int size, GError **error)
{
  errno = 0;
  if (fgets (line, size, input->file) != NULL)
    return TRUE;
  return ferror (input->file) ? roneo_pdf_input_read_failed (input, error)
                              : roneo_pdf_input_damaged (input, input->xref_offset, "xref", error);
}

static gboolean
find_startxref (RoneoPdfInput *input, GError **error)
{
  if (fseeko (input->file, 0, SEEK_END) != 0)
    return roneo_pdf_input_read_failed (input, error);
  const guint64 size = (guint64) ftello (input->file), tail = MIN (size, 1024);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!roneo_pdf_input_read (input, size - tail, tail, buffer, error))
    return FALSE;
  /* The last "startxref"; the bytes before it may hold NULs (font data). */
  static const char keyword[] = "startxref";
  const gsize n = sizeof keyword - 1;
  gsize at = buffer->len >= n ? buffer->len - n + 1 : 0;
  while (at-- > 0 && memcmp (buffer->data + at, keyword, n) != 0)
    ;
  if (at == G_MAXSIZE)
    return roneo_pdf_input_damaged (input, size, "no startxref", error);
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  input->xref_offset = g_ascii_strtoull ((const char *) buffer->data + at + n, NULL, 10);
  if (input->xref_offset == 0 || input->xref_offset >= size)
    return roneo_pdf_input_damaged (input, size, "startxref", error);
  return TRUE;
}

static gboolean
read_entry (RoneoPdfInput *input, guint number, GError **error)
{
  char line[64], type = 0;
  guint64 offset = 0;
  guint generation = 0;
  if (!read_line (input, line, sizeof line, error))
    return FALSE;
  if (sscanf (line, "%" G_GUINT64_FORMAT " %u %c", &offset, &generation, &type) != 3
      || (type != 'n' && type != 'f'))
    return roneo_pdf_input_damaged (input, input->xref_offset, "an xref entry", error);
  if (type == 'f')
    return TRUE;
  if (generation != 0 || offset == 0 || offset >= input->xref_offset || input->offsets[number] != 0)
    return roneo_pdf_input_damaged (input, input->xref_offset, "an xref entry", error);
  input->offsets[number] = offset;
  input->order[input->n_order++] = number;
  return TRUE;
}

/* Subsections "first count" and their entries, up to the trailer keyword. */
static gboolean
read_subsections (RoneoPdfInput *input, GError **error)
{
  char line[64];
  for (;;)
    {
      const off_t here = ftello (input->file);
      guint first = 0, count = 0;
      if (!read_line (input, line, sizeof line, error))
        return FALSE;
      if (g_str_has_prefix (line, "trailer"))
        return fseeko (input->file, here, SEEK_SET) == 0
               || roneo_pdf_input_read_failed (input, error);
      if (sscanf (line, "%u %u", &first, &count) != 2 || first > MAX_OBJECTS
          || count > MAX_OBJECTS - first)
        return roneo_pdf_input_damaged (input, input->xref_offset, "an xref subsection", error);
      if (first + count > input->size)
        {
          input->offsets = g_renew (guint64, input->offsets, first + count);
          input->order = g_renew (guint, input->order, first + count);
          memset (input->offsets + input->size, 0,
                  (first + count - input->size) * sizeof (guint64));
          input->size = first + count;
        }
      for (guint i = 0; i < count; i++)
        if (!read_entry (input, first + i, error))
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
read_trailer (RoneoPdfInput *input, GError **error)
{
  const off_t here = ftello (input->file);
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  if (!roneo_pdf_input_read (input, (guint64) here, 4096, buffer, error))
    return FALSE;
  RoneoPdfLexer lexer = { buffer->data, buffer->len, 0 };
  g_autoptr (RoneoPdfValue) trailer = NULL;
  double size = 0;
  if (!expect_word (&lexer, "trailer") || (trailer = roneo_pdf_parse_value (&lexer)) == NULL
      || trailer->kind != RONEO_PDF_DICT
      || !roneo_pdf_get_number (roneo_pdf_dict_get (trailer, "/Size"), &size) || size != input->size
      || roneo_pdf_dict_get (trailer, "/Prev") != NULL
      || roneo_pdf_dict_get (trailer, "/Encrypt") != NULL)
    return roneo_pdf_input_damaged (input, (guint64) here, "the trailer", error);
  const RoneoPdfValue *info = roneo_pdf_dict_get (trailer, "/Info");
  input->root = ref_number (roneo_pdf_dict_get (trailer, "/Root"));
  input->info = ref_number (info);
  if (input->root == 0 || (info != NULL && input->info == 0))
    return roneo_pdf_input_damaged (input, (guint64) here, "the trailer's /Root or /Info", error);
  return TRUE;
}

static gboolean
read_xref (RoneoPdfInput *input, GError **error)
{
  char line[64];
  if (!find_startxref (input, error))
    return FALSE;
  if (fseeko (input->file, (off_t) input->xref_offset, SEEK_SET) != 0)
    return roneo_pdf_input_read_failed (input, error);
  if (!read_line (input, line, sizeof line, error))
    return FALSE;
  if (!g_str_has_prefix (line, "xref"))
    return roneo_pdf_input_damaged (input, input->xref_offset, "no classic cross-reference table",
                                    error);
  if (!read_subsections (input, error) || !read_trailer (input, error))
    return FALSE;
  return TRUE;
}

gboolean
roneo_pdf_input_open (RoneoPdfInput *input, const char *path, const char *target, GError **error)
{
  g_return_val_if_fail (input != NULL && path != NULL && target != NULL, FALSE);
  *input = (RoneoPdfInput){ .path = path, .target = target };
  errno = 0;
  input->file = fopen (path, "rb");
  if (input->file == NULL)
    return roneo_pdf_input_read_failed (input, error);
  return read_xref (input, error);
}

gboolean
roneo_pdf_input_open_data (RoneoPdfInput *input, const guint8 *data, gsize length,
                           const char *target, GError **error)
{
  g_return_val_if_fail (input != NULL && data != NULL && target != NULL, FALSE);
  /* messages name the target for the path: the bytes have no file */
  *input = (RoneoPdfInput){ .path = target, .target = target };
  if (length == 0)
    return roneo_pdf_input_damaged (input, 0, "no bytes", error);
  errno = 0;
  input->file = fmemopen ((void *) data, length, "rb");
  if (input->file == NULL)
    return roneo_pdf_input_read_failed (input, error);
  return read_xref (input, error);
}

void
roneo_pdf_input_clear (RoneoPdfInput *input)
{
  if (input->file != NULL)
    fclose (input->file);
  g_clear_pointer (&input->offsets, g_free);
  g_clear_pointer (&input->order, g_free);
  input->file = NULL;
}
