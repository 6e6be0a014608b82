/* fuzz-batch.c: the batch pipeline on any copy: a few copies, and a
 * two-row CSV.
 *
 * The bytes up to the first NUL are the copy (the copy parser refuses a NUL,
 * so nothing is lost); what follows, cut after its third line, is the CSV.
 * Without a NUL the CSV is made from the copy's own {fields}, two rows. The
 * engine reads files, so both go into the private folder. Each input runs
 * two jobs: 2 or 3 copies of the copy (one with the press profile, bleed
 * and marks, or on one sheet, for some inputs), then one copy per CSV row.
 * Any input must give a whole PDF or a RONEO_ERROR, never a crash, a leak, a
 * GLib warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

#include "roneo-copy-parser.h"
#include "roneo-data.h"
#include "roneo-fields.h"

#include <glib/gstdio.h>
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

static void
run_job (RoneoBatchJob *job)
{
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoBatchResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  if (!roneo_engine_run_batch (fuzz_engine (), job, warnings, &result, &error))
    {
      fuzz_assert_job_error (error);
      g_assert (!g_file_test (job->output, G_FILE_TEST_EXISTS));
      return;
    }
  fuzz_assert_pdf (job->output);
  g_assert (result.sheets > 0 && result.records > 0);
  guint rows = job->data != NULL ? roneo_data_count_rows (job->data, NULL) : 1;
  g_assert (result.records == rows * job->copies);
}

static void
run (const char *data, size_t size)
{
  gsize copy_length = strnlen (data, size);
  g_autoptr (GString) csv = copy_length < size
                                ? csv_from (data + copy_length + 1, size - copy_length - 1)
                                : csv_for (data, copy_length);
  g_autofree char *copy_path = fuzz_path ("copy.md");
  g_autofree char *csv_path = fuzz_path ("rows.csv");
  g_autofree char *pdf = fuzz_path ("copy-batch.pdf");
  write_file (copy_path, data, copy_length);
  write_file (csv_path, csv->str, csv->len);
  RoneoBatchJob copies = {
    .input = copy_path,
    .output = pdf,
    .layout = layouts[size % G_N_ELEMENTS (layouts)], /* never the copy's: any file */
    .date = 1,
    .copies = 2 + size % 2,
    .press = size % 3 == 0,
    .one_sheet = size % 5 == 0,
  };
  run_job (&copies);
  g_remove (pdf);
  RoneoBatchJob rows = copies;
  rows.data = csv_path;
  rows.copies = 1;
  rows.one_sheet = FALSE;
  run_job (&rows);
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
