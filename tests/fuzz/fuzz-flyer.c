/* fuzz-flyer.c: the flyer pipeline on any copy, in memory.
 *
 * The bytes are the copy of a flyer job (roneo_job_set_input_bytes), laid
 * out in one of the shipped flyer layouts (the copy's front matter
 * overrides apply, its 'layout' key does not: the job names the layout, so
 * no file outside the project is read), typeset and composed, rendered to
 * PDF through the finishing pass into a memory stream, with every page as
 * a PNG proof at a low resolution. Any bytes must give a whole PDF or a
 * RONEO_ERROR or RONEO_JOB_ERROR with nothing written, never a crash, a
 * leak, a GLib warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

#include <string.h>

#define MAX_COPY_BYTES 4096 /* a tract fills a page with less; more only slows the fuzzer */
#define PROOF_DPI 12

static const char *const layouts[] = { "a6-card", "a5-flyer", "a4-tract", "a3-placard" };

/* Each page of the dump ("page N width=W height=H", then its items
 * indented) has a positive size. */
static void
check_dump (const char *dump, guint n_pages)
{
  g_assert (dump != NULL && g_utf8_validate (dump, -1, NULL));
  guint pages = 0;
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "page ") || !g_ascii_isdigit (lines[i][5]))
        continue;
      pages++;
      const char *width = strstr (lines[i], " width=");
      const char *height = strstr (lines[i], " height=");
      g_assert (width != NULL && height != NULL);
      g_assert (g_ascii_strtod (width + 7, NULL) > 0 && g_ascii_strtod (height + 8, NULL) > 0);
    }
  g_assert_cmpuint (pages, ==, n_pages);
}

static void
run (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) copy = g_bytes_new (data, size);
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_bytes (job, copy, "fuzz.md");
  roneo_job_set_layout (job, layouts[size % G_N_ELEMENTS (layouts)]);
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, FUZZ_DATE);
  roneo_job_set_proofs (job, PROOF_DPI);
  g_assert (roneo_job_set_bleed (job, size % 3 == 0 ? RONEO_MM (3) : 0, NULL));
  roneo_job_set_marks (job, size % 5 == 0);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = fuzz_run (job, warnings);
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  if (result == NULL)
    {
      g_assert_cmpuint (g_memory_output_stream_get_data_size (memory), ==, 0);
      return;
    }
  guint pages = roneo_result_get_n_pages (result);
  g_assert_cmpuint (pages, >, 0);
  check_dump (roneo_result_get_dump (result), pages);
  fuzz_assert_pdf_data (g_memory_output_stream_get_data (memory),
                        g_memory_output_stream_get_data_size (memory));
  g_assert_null (roneo_result_get_output_path (result));
  g_assert_cmpuint (roneo_result_get_n_proofs (result), ==, pages);
  fuzz_assert_proofs (result);
  for (guint i = 0; i < pages; i++)
    g_assert_null (roneo_result_get_proof_path (result, i)); /* a stream: bytes only */
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > MAX_COPY_BYTES)
    return 0;
  fuzz_engine ();
  run (data, size);
  fuzz_assert_clean_and_empty ();
  return 0;
}
