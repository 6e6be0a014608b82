/* fuzz-batch.c: the batch pipeline on any copy: a few copies, and a
 * two-row CSV.
 *
 * The bytes up to the first NUL are the copy (the copy parser refuses a NUL,
 * so nothing is lost); what follows, cut after its third line, is the CSV.
 * Without a NUL the CSV is made from the copy's own {fields}, two rows. Each
 * input runs two jobs through the public API, the copy given as bytes: 2 or
 * 3 copies of the copy to a file (with the press profile, its bleed and
 * marks, for some inputs, each copy on its own pages or one per sheet for
 * some), then one copy per CSV row (the CSV as a file or as bytes) to a
 * memory stream. Any input must give a whole PDF or a RONEO_ERROR or
 * RONEO_JOB_ERROR with nothing written, never a crash, a leak, a GLib
 * warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

/* Not to run jobs (roneo.h does that): to make a CSV of the copy's
 * fields, and to count a CSV's rows. */
#include "roneo-copy-parser.h"
#include "roneo-data.h"
#include "roneo-fields.h"

#include <string.h>

#define MAX_COPY_BYTES 2048
#define CSV_LINES 3

static const char *const layouts[] = { "a6-card", "a5-flyer" };

static void
append_csv_value (GString *csv, const char *value)
{
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* A header of the copy's fields (or one column when it has none) and two
 * rows of plausible values. */
static GString *
csv_for (const char *copy, gsize length)
{
  GString *csv = g_string_new (NULL);
  g_autoptr (RoneoDocument) document = roneo_copy_parse ("fuzz.md", copy, length, NULL);
  g_auto (GStrv) fields = document ? roneo_document_dup_fields (document) : NULL;
  static const char *const rows[][2] = { { "ville", "Albi" }, { "ville", "Saint-Affrique 12400" } };
  guint n = fields ? g_strv_length (fields) : 0;
  for (guint j = 0; j < MAX (n, 1); j++)
    {
      g_string_append (csv, j > 0 ? "," : "");
      append_csv_value (csv, n > 0 ? fields[j] : rows[0][0]);
    }
  for (guint r = 0; r < 2; r++)
    for (guint j = 0; j < MAX (n, 1); j++)
      {
        g_string_append (csv, j > 0 ? "," : "\n");
        append_csv_value (csv, rows[r][1]);
      }
  g_string_append_c (csv, '\n');
  return csv;
}

/* The CSV carried by the input, its first lines only. */
static GString *
csv_from (const char *data, gsize length)
{
  gsize end = 0;
  for (guint lines = 0; end < length && lines < CSV_LINES; end++)
    lines += data[end] == '\n';
  return g_string_new_len (data, end);
}

static void
write_file (const char *path, const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
}

/* What both jobs share: the copy as bytes, the layout, the date, the
 * profile. */
static RoneoJob *
batch_job (const char *copy, gsize length, size_t size)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_BATCH);
  g_autoptr (GBytes) bytes = g_bytes_new (copy, length);
  roneo_job_set_input_bytes (job, bytes, "copy.md");
  roneo_job_set_layout (job, layouts[size % G_N_ELEMENTS (layouts)]); /* never the copy's */
  roneo_job_set_date (job, FUZZ_DATE);
  if (size % 3 == 0)
    roneo_job_set_profile (job, RONEO_PROFILE_PRESS);
  return job;
}

/* A job's result: sheets, and a copy laid out for each row of each copy. */
static void
check_result (const RoneoResult *result, guint rows, guint copies)
{
  g_assert_cmpuint (roneo_result_get_n_pages (result), >, 0);
  g_assert_cmpuint (roneo_result_get_n_records (result), ==, rows * copies);
  g_assert (roneo_result_get_imposition (result) != NULL);
}

/* 2 or 3 copies of the copy to a file; with the press profile each copy on
 * its own pages (single) for some inputs, else one copy per sheet for some. */
static void
run_copies (const char *copy, gsize length, size_t size)
{
  g_autofree char *pdf = fuzz_path ("copy-batch.pdf");
  g_autoptr (RoneoJob) job = batch_job (copy, length, size);
  guint copies = 2 + size % 2;
  roneo_job_set_output_file (job, pdf);
  g_assert (roneo_job_set_copies (job, copies, NULL));
  if (size % 15 == 0)
    roneo_job_set_single (job, TRUE);
  else if (size % 5 == 0)
    roneo_job_set_nup (job, 1);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = fuzz_run (job, warnings);
  if (result == NULL)
    {
      g_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
      return;
    }
  fuzz_assert_pdf (pdf);
  /* single: the copy's pages once, the shop prints the run */
  check_result (result, 1, size % 15 == 0 ? 1 : copies);
}

/* One copy per CSV row to a memory stream, the CSV given as a file or as
 * bytes. */
static void
run_rows (const char *copy, gsize length, const GString *csv, size_t size)
{
  g_autofree char *csv_path = fuzz_path ("rows.csv");
  write_file (csv_path, csv->str, csv->len);
  g_autoptr (RoneoJob) job = batch_job (copy, length, size);
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  roneo_job_set_output_stream (job, stream);
  if (size % 2 == 0)
    roneo_job_set_data_file (job, csv_path);
  else
    {
      g_autoptr (GBytes) bytes = g_bytes_new (csv->str, csv->len);
      roneo_job_set_data_bytes (job, bytes, "rows.csv");
    }
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = fuzz_run (job, warnings);
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  if (result == NULL)
    {
      g_assert_cmpuint (g_memory_output_stream_get_data_size (memory), ==, 0);
      return;
    }
  fuzz_assert_pdf_data (g_memory_output_stream_get_data (memory),
                        g_memory_output_stream_get_data_size (memory));
  check_result (result, roneo_data_count_rows (csv_path, NULL), 1);
}

static void
run (const char *data, size_t size)
{
  gsize copy_length = strnlen (data, size);
  g_autoptr (GString) csv = copy_length < size
                                ? csv_from (data + copy_length + 1, size - copy_length - 1)
                                : csv_for (data, copy_length);
  run_copies (data, copy_length, size);
  fuzz_assert_clean_and_empty ();
  run_rows (data, copy_length, csv, size);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > MAX_COPY_BYTES)
    return 0;
  fuzz_engine ();
  run ((const char *) data, size);
  fuzz_assert_clean_and_empty ();
  return 0;
}
