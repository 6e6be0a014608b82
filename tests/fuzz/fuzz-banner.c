/* fuzz-banner.c: the banner pipeline on any slogan, in memory.
 *
 * The bytes (up to a NUL) are the slogan, handed to the engine as text: the
 * slogan parser, fitting, tiling onto A4 sheets with a cover, rendering and
 * finishing, and, for some inputs, the whole one-page banner, the stencil
 * outlines, the manifest and the PNG previews. Banners are small (up to
 * 1 m) and previews coarse, so each input takes milliseconds. Any slogan
 * must give a whole PDF or a RONEO_ERROR, never a crash, a leak, a GLib
 * warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

#include "roneo-units.h"

#define MAX_SLOGAN_BYTES 512
#define PREVIEW_DPI 6

static const double sizes[][2] = { { 60, 20 }, { 30, 10 }, { 40, 40 }, { 100, 30 } }; /* cm */

static void
run (const char *slogan, size_t size)
{
  g_autofree char *pdf = fuzz_path ("slogan-tiles.pdf");
  g_autofree char *manifest = fuzz_path ("slogan.json");
  const double *cm = sizes[size % G_N_ELEMENTS (sizes)];
  RoneoBannerJob job = {
    .text = slogan,
    .output = pdf,
    .layout = "banderole", /* never the slogan's: it could name any file */
    .date = 1,
    .width = RONEO_MM (10 * cm[0]),
    .height = RONEO_MM (10 * cm[1]),
    .overlap = -1,
    .printer_margin = { -1, -1, -1, -1 },
    .max_sheets = size % 11 == 0 ? 2 : 0,
    .whole = size % 7 == 0,
    .stencil = size % 5 == 0,
    .manifest = size % 4 == 1 ? manifest : NULL,
    .png_dpi = size % 3 == 0 ? PREVIEW_DPI : 0,
  };
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoBannerResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  if (!roneo_engine_run_banner (fuzz_engine (), &job, warnings, &result, &error))
    {
      fuzz_assert_job_error (error);
      g_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
      return;
    }
  fuzz_assert_pdf (pdf);
  g_assert (result.width > 0 && result.height > 0 && result.slogan_size > 0);
  g_assert (job.whole || result.sheets > 0);
  for (guint i = 0; i < result.proofs->len; i++)
    g_assert (g_file_test (g_ptr_array_index (result.proofs, i), G_FILE_TEST_IS_REGULAR));
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
