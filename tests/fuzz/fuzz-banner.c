/* fuzz-banner.c: the banner pipeline on any slogan.
 *
 * The bytes (up to a NUL) are the slogan of a banner job, given as bytes:
 * the slogan parser, fitting, tiling onto A4 sheets with a cover, rendering
 * and finishing, and, for some inputs, the whole one-page banner, the
 * stencil outlines, the manifest and the PNG previews. Most inputs write to
 * a file (previews and manifest beside it), some to a memory stream.
 * Banners are small (up to 1 m) and previews coarse, so each input takes
 * milliseconds. Any slogan must give a whole PDF or a RONEO_ERROR or
 * RONEO_JOB_ERROR with nothing written, never a crash, a leak, a GLib
 * warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

#include <string.h>

#define MAX_SLOGAN_BYTES 512
#define PREVIEW_DPI 6

static const double sizes[][2] = { { 60, 20 }, { 30, 10 }, { 40, 40 }, { 100, 30 } }; /* cm */

static RoneoJob *
banner_job (const char *slogan, size_t size, const char *pdf, const char *manifest,
            GOutputStream *stream)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_BANNER);
  g_autoptr (GBytes) bytes = g_bytes_new (slogan, strlen (slogan));
  const double *cm = sizes[size % G_N_ELEMENTS (sizes)];
  roneo_job_set_input_bytes (job, bytes, "slogan.txt");
  roneo_job_set_layout (job, "banderole"); /* never the slogan's: it could name any file */
  roneo_job_set_date (job, FUZZ_DATE);
  roneo_job_set_banner_size (job, RONEO_MM (10 * cm[0]), RONEO_MM (10 * cm[1]));
  roneo_job_set_max_sheets (job, size % 11 == 0 ? 2 : 0);
  roneo_job_set_whole (job, size % 7 == 0);
  roneo_job_set_stencil (job, size % 5 == 0);
  if (stream != NULL)
    roneo_job_set_output_stream (job, stream);
  else
    {
      roneo_job_set_output_file (job, pdf);
      if (size % 4 == 1)
        roneo_job_set_manifest_file (job, manifest);
    }
  if (size % 3 == 0)
    roneo_job_set_proofs (job, PREVIEW_DPI);
  return job;
}

static void
run (const char *slogan, size_t size)
{
  g_autofree char *pdf = fuzz_path ("slogan-tiles.pdf");
  g_autofree char *manifest = fuzz_path ("slogan.json");
  g_autoptr (GOutputStream) stream = size % 4 == 3 ? g_memory_output_stream_new_resizable () : NULL;
  g_autoptr (RoneoJob) job = banner_job (slogan, size, pdf, manifest, stream);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = fuzz_run (job, warnings);
  GMemoryOutputStream *memory = stream ? G_MEMORY_OUTPUT_STREAM (stream) : NULL;
  if (result == NULL)
    {
      g_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert (!g_file_test (manifest, G_FILE_TEST_EXISTS));
      g_assert (memory == NULL || g_memory_output_stream_get_data_size (memory) == 0);
      return;
    }
  if (memory != NULL)
    fuzz_assert_pdf_data (g_memory_output_stream_get_data (memory),
                          g_memory_output_stream_get_data_size (memory));
  else
    {
      fuzz_assert_pdf (pdf);
      g_assert_cmpstr (roneo_result_get_output_path (result), ==, pdf);
      g_assert (size % 4 != 1 || g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
    }
  double width = 0, height = 0;
  roneo_result_get_banner_size (result, &width, &height);
  g_assert (width > 0 && height > 0 && roneo_result_get_slogan_size (result) > 0);
  g_assert (size % 7 == 0 || roneo_result_get_n_pages (result) > 0);
  g_assert (size % 3 == 0 || roneo_result_get_n_proofs (result) == 0);
  fuzz_assert_proofs (result);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > MAX_SLOGAN_BYTES)
    return 0;
  fuzz_engine ();
  g_autofree char *slogan = g_strndup ((const char *) data, size);
  run (slogan, size);
  fuzz_assert_clean_and_empty ();
  return 0;
}
