/* fuzz-flyer.c: the flyer pipeline on any copy, in memory.
 *
 * The bytes are parsed as copy (roneo_copy_parse), laid out in one of the
 * shipped flyer layouts (the copy's front matter overrides apply, its
 * 'layout' key does not: the target picks the layout, so no file outside
 * the project is read), typeset and composed, rendered to PDF through the
 * finishing pass, and the first page as a PNG proof at a low resolution.
 * Any bytes must give a whole PDF or a RONEO_ERROR, never a crash, a leak,
 * a GLib warning or a temporary file left behind.
 */
#include "fuzz-pipeline.h"

#include "roneo-cleanup-private.h"
#include "roneo-config.h"
#include "roneo-copy-parser.h"
#include "roneo-flow.h"
#include "roneo-render.h"
#include "roneo-units.h"

#define MAX_COPY_BYTES 4096 /* bytes: a tract fills a page with less; more only slows the fuzzer   \
                             */
#define PROOF_DPI 12

static const char *const layouts[] = { "a6-card", "a5-flyer", "a4-tract", "a3-placard" };

/* Every page dumps; a page has a positive size. */
static void
check_pages (GPtrArray *pages)
{
  g_assert (pages->len > 0);
  for (guint i = 0; i < pages->len; i++)
    {
      const RoneoPage *page = g_ptr_array_index (pages, i);
      g_assert (page->width > 0 && page->height > 0);
      g_autofree char *dump = roneo_page_dump (page);
      g_assert (dump != NULL && g_utf8_validate (dump, -1, NULL));
    }
}

static void
render (const RoneoDocument *document, GPtrArray *pages, size_t size)
{
  RoneoRenderOptions options = {
    .title = document->title,
    .author = document->author,
    .subject = document->subject,
    .creator = "roneo " RONEO_VERSION,
    .date = 1,
    .bleed = size % 3 == 0 ? RONEO_MM (3) : 0,
    .marks = size % 5 == 0,
  };
  g_autofree char *pdf = fuzz_path ("flyer.pdf");
  g_autofree char *png = fuzz_path ("flyer-1.png");
  g_autoptr (GError) error = NULL;
  if (!roneo_render_pdf (pages, &options, pdf, &error))
    g_error ("rendering failed: %s", error->message);
  fuzz_assert_pdf (pdf);
  if (!roneo_render_png (g_ptr_array_index (pages, 0), PROOF_DPI, png, &error))
    g_error ("the proof failed: %s", error->message);
}

static void
run (const uint8_t *data, size_t size)
{
  RoneoEngine *engine = fuzz_engine ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document
      = roneo_copy_parse ("fuzz.md", (const char *) data, size, &error);
  if (document == NULL)
    {
      fuzz_assert_job_error (error);
      return;
    }
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoLayout) layout = NULL;
  if (!roneo_engine_fill_fields (&document, NULL, warnings, &error)
      || (layout = roneo_engine_load_layout (engine, layouts[size % G_N_ELEMENTS (layouts)],
                                             document, RONEO_LAYOUT_FLYER, &error))
             == NULL)
    {
      fuzz_assert_job_error (error);
      return;
    }
  const char *lang = document->lang ? document->lang : "fr";
  g_autoptr (PangoContext) context = roneo_fonts_create_context (engine->fonts, lang);
  RoneoComposeContext cc = { context, engine->hyphenator, lang, warnings };
  g_autoptr (GPtrArray) pages = roneo_compose_document (&cc, document, layout, &error);
  if (pages == NULL)
    {
      fuzz_assert_job_error (error);
      return;
    }
  check_pages (pages);
  render (document, pages, size);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > MAX_COPY_BYTES)
    return 0;
  run (data, size);
  fuzz_assert_clean_and_empty ();
  return 0;
}
