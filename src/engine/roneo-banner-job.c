/* roneo banner: a slogan composed at banner size, cut into sheets with a cover. */
#include "roneo-job-private.h"
#include "roneo-intl-private.h"

#include "roneo-banner.h"
#include "roneo-cleanup-private.h"
#include "roneo-config.h"
#include "roneo-copy-parser.h"
#include "roneo-cover.h"
#include "roneo-engine-private.h"
#include "roneo-error.h"
#include "roneo-render.h"
#include "roneo-tiling.h"

#include <math.h>
#include <string.h>

#define MAX_BANNER RONEO_MM (50000.0)
#define MIN_BANNER RONEO_MM (100.0)
#define WHOLE_PREVIEW_WIDTH 2400.0 /* px: the banner preview is this wide */
/* A banner is looked at from 3 m and more, where the eye parts 0.9 mm (one
 * minute of arc): a logo's pixels must be finer than that, 30 dpi. */
#define LOGO_LOW_DPI 30.0

typedef struct
{
  RoneoJobRun *run;
  const RoneoBannerSettings *job;
  RoneoTilingSpec spec;
  GPtrArray *pages;      /* RoneoPage*: the banner artwork, one page */
  RoneoTiling *tiling;   /* owned, NULL with whole */
  GPtrArray *sheets;     /* RoneoSheet*: cover and tiles */
  RoneoImageSet *images; /* owned: the logo, loaded once */
  RoneoBannerInfo info;
} Banner;

static void
banner_clear (Banner *b)
{
  g_clear_pointer (&b->pages, g_ptr_array_unref);
  roneo_tiling_free (b->tiling);
  g_clear_pointer (&b->sheets, g_ptr_array_unref);
  g_clear_pointer (&b->images, roneo_image_set_free);
}

static gboolean
check_size (double width, double height, GError **error)
{
  if (width >= MIN_BANNER && height >= MIN_BANNER && width <= MAX_BANNER && height <= MAX_BANNER)
    return TRUE;
  g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SIZE,
               _ ("a banner of %.0f x %.0f cm is out of range: each side between 10 cm and 50 m "
                  "(like 300x90cm)"),
               width / RONEO_MM (10), height / RONEO_MM (10));
  return FALSE;
}

static const char *
sheet_name (double width, double height)
{
  static const char *const names[] = { "A3", "A4", "A5", "Letter", "Legal", "Tabloid" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      double w = 0, h = 0;
      if (roneo_paper_lookup (names[i], &w, &h) && fabs (w - width) < 0.5
          && fabs (h - height) < 0.5)
        return names[i];
    }
  return "custom";
}

/* The tiling spec from the layout's [tiles], the job's options over it. */
static gboolean
make_spec (Banner *b, GError **error)
{
  const RoneoBannerSettings *job = b->job;
  const RoneoLayout *layout = b->run->layout;
  const RoneoTiles *tiles = &layout->tiles;
  RoneoTilingSpec *spec = &b->spec;
  spec->banner_width = job->width > 0 ? job->width : layout->width;
  spec->banner_height = job->height > 0 ? job->height : layout->height;
  spec->sheet_width = tiles->sheet_width;
  spec->sheet_height = tiles->sheet_height;
  if (b->run->job->sheet != NULL)
    roneo_paper_lookup (b->run->job->sheet, &spec->sheet_width, &spec->sheet_height);
  const double *margin = tiles->printer_margin;
  const double *asked = job->printer_margin;
  spec->margins
      = (RoneoMargins){ asked[0] >= 0 ? asked[0] : margin[0], asked[1] >= 0 ? asked[1] : margin[1],
                        asked[2] >= 0 ? asked[2] : margin[2],
                        asked[3] >= 0 ? asked[3] : margin[3] };
  spec->overlap = job->overlap >= 0 ? job->overlap : tiles->overlap;
  spec->strategy = RONEO_TILING_BEST;
  if (job->max_sheets > 0
      && !roneo_tiling_fit_max_sheets (spec, job->max_sheets, &spec->banner_width,
                                       &spec->banner_height, error))
    return FALSE;
  return check_size (spec->banner_width, spec->banner_height, error)
         && roneo_tiling_spec_check (spec, error);
}

/* A bitmap logo blown up to banner size shows its pixels from where people
 * stand; the message gives the width that would not. */
static void
check_logo (Banner *b)
{
  const RoneoDocument *document = b->run->document;
  double dpi = b->info.logo_dpi;
  if (dpi <= 0 || dpi >= LOGO_LOW_DPI)
    return;
  int wanted = (int) ceil (b->info.logo.width / 72.0 * LOGO_LOW_DPI);
  roneo_warnings_add_at (b->run->warnings, RONEO_WARNING_GENERAL, document->source,
                         document->logo->line,
                         _ ("the logo '%s' prints at %.0f dpi on the banner, its pixels show; use "
                            "a file of at least %d px wide or an SVG"),
                         document->logo->target, floor (dpi), wanted);
}

/* Legibility (TYPOGRAPHY.md): capitals read from 300 times their height. */
static void
check_legibility (Banner *b)
{
  const RoneoBannerSettings *job = b->job;
  const char *source = b->run->document->source;
  double reach = roneo_banner_max_distance (b->info.cap_height);
  if (!b->info.fits)
    roneo_warnings_add_at (b->run->warnings, RONEO_WARNING_FIT, source, 0,
                           _ ("the slogan does not fit the banner even at its smallest size; "
                              "shorten it or make the banner larger"));
  if (job->distance > 0 && reach < job->distance)
    roneo_warnings_add_at (b->run->warnings, RONEO_WARNING_FIT, source, 0,
                           _ ("capitals %.0f mm high read from %.0f m at most, not from %.0f m; "
                              "shorten the slogan or make the banner larger (%.0f mm wanted)"),
                           b->info.cap_height / RONEO_PT_PER_MM, reach / RONEO_MM (1000),
                           job->distance / RONEO_MM (1000), job->distance / 300 / RONEO_PT_PER_MM);
  check_logo (b);
}

static gboolean
compose (Banner *b, GError **error)
{
  RoneoJobRun *run = b->run;
  b->images = roneo_image_set_new ();
  RoneoComposeContext cc = { run->context, NULL, run->lang, run->warnings, b->images };
  RoneoPage *page = roneo_compose_banner (&cc, run->document, run->layout, b->spec.banner_width,
                                          b->spec.banner_height, &b->info, error);
  if (page == NULL)
    return FALSE;
  b->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_ptr_array_add (b->pages, page);
  check_legibility (b);
  return TRUE;
}

static gboolean
cut_into_sheets (Banner *b, GError **error)
{
  b->tiling = roneo_tiling_new (&b->spec, error);
  if (b->tiling == NULL)
    return FALSE;
  g_autoptr (GArray) selection = NULL;
  const RoneoLayout *layout = b->run->layout;
  if (b->job->selection != NULL
      && (selection = roneo_tiling_parse_selection (b->tiling, b->job->selection, error)) == NULL)
    return FALSE;
  b->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_sheet_free);
  const RoneoBlock *slogan = roneo_document_find_block (b->run->document, RONEO_BLOCK_HEADLINE);
  g_autofree char *title = roneo_engine_one_line (slogan->text);
  RoneoCoverText text = { title, sheet_name (b->spec.sheet_width, b->spec.sheet_height),
                          b->run->lang, b->info.logo.width, b->info.logo.height };
  if (selection == NULL && layout->tiles.cover)
    g_ptr_array_add (b->sheets, roneo_tiling_new_cover (b->tiling, &text, 0));
  guint n = selection ? selection->len : roneo_tiling_get_n_sheets (b->tiling);
  for (guint i = 0; i < n; i++)
    {
      RoneoSheet *sheet = roneo_tiling_new_sheet (
          b->tiling, selection ? g_array_index (selection, guint, i) : i, 0, b->run->lang);
      if (!layout->tiles.marks)
        g_array_set_size (sheet->marks, 0);
      g_ptr_array_add (b->sheets, sheet);
    }
  return TRUE;
}

/* --- output --------------------------------------------------------------- */

static gboolean
write_manifest (const Banner *b, GError **error)
{
  g_autoptr (GString) json = g_string_new (NULL);
  g_autoptr (GArray) selection = NULL;
  if (b->job->selection != NULL)
    selection = roneo_tiling_parse_selection (b->tiling, b->job->selection, NULL);
  guint cover = selection == NULL && b->run->layout->tiles.cover ? 1 : 0;
  roneo_tiling_write_manifest_selection (b->tiling, selection, cover, json);
  RoneoOutput *output = roneo_job_run_open_extra (b->run, b->job->manifest, "the manifest", error);
  if (output == NULL)
    return FALSE;
  if (!roneo_output_write (output, json->str, json->len))
    return roneo_output_fail (output, "write failed", error);
  return TRUE;
}

static char *
stem_of (const char *pdf_path)
{
  /* slogan-tiles.pdf -> slogan: the previews are slogan-banner.png, slogan-cover.png. */
  char *stem = g_strdup (pdf_path);
  if (g_str_has_suffix (stem, ".pdf"))
    stem[strlen (stem) - 4] = '\0';
  if (strlen (stem) > 6 && g_str_has_suffix (stem, "-tiles"))
    stem[strlen (stem) - 6] = '\0';
  return stem;
}

static gboolean
has_cover (const Banner *b)
{
  return b->sheets != NULL && b->sheets->len > 0
         && strcmp (((RoneoSheet *) g_ptr_array_index (b->sheets, 0))->name, "cover") == 0;
}

/* A preview of the whole banner about WHOLE_PREVIEW_WIDTH px wide (at most
 * the proofs' dpi), and one of the cover. */
static gboolean
add_previews (Banner *b, const RoneoRenderOptions *options, GError **error)
{
  RoneoJobRun *run = b->run;
  double asked = run->job->common.proof_dpi;
  g_autofree char *stem = stem_of (run->output ? run->output : "");
  const RoneoPage *banner = g_ptr_array_index (b->pages, 0);
  double dpi = MIN (asked, WHOLE_PREVIEW_WIDTH * 72.0 / banner->width);
  g_autofree char *whole = g_strdup_printf ("%s-banner.png", stem);
  g_autoptr (GBytes) png = roneo_render_png_bytes (banner, dpi, "the banner preview", error);
  if (png == NULL || !roneo_job_run_add_proof (run, png, whole, "the banner preview", error))
    return FALSE;
  if (!has_cover (b))
    return TRUE;
  g_autofree char *cover = g_strdup_printf ("%s-cover.png", stem);
  g_autoptr (GBytes) cover_png = roneo_render_sheet_png_bytes (
      b->pages, g_ptr_array_index (b->sheets, 0), asked, options, "the cover preview", error);
  return cover_png != NULL
         && roneo_job_run_add_proof (run, cover_png, cover, "the cover preview", error);
}

static gboolean
render (Banner *b, const RoneoRenderOptions *options, RoneoOutput *output, GError **error)
{
  if (b->job->whole)
    return roneo_render_pdf_to (b->pages, options, output, error);
  return roneo_render_sheets_pdf_to (b->pages, b->sheets, options, output, error);
}

/* Every output to a temporary, committed together: a preview or a manifest
 * that cannot be written leaves the previous PDF as it was. */
static gboolean
write_outputs (Banner *b, GError **error)
{
  RoneoJobRun *run = b->run;
  RoneoRenderOptions options = run->render;
  options.stencil = b->job->stencil;
  RoneoOutput *pdf = roneo_job_run_open_pdf (run, error);
  if (pdf == NULL || !render (b, &options, pdf, error))
    return FALSE;
  if (b->job->manifest != NULL && b->tiling != NULL && !write_manifest (b, error))
    return FALSE;
  if (run->job->common.proof_dpi > 0 && !add_previews (b, &options, error))
    return FALSE;
  return roneo_job_run_commit (run, error);
}

static char *
dump (const Banner *b)
{
  GString *out = g_string_new (NULL);
  g_autofree char *page = roneo_page_dump (g_ptr_array_index (b->pages, 0));
  g_string_append (out, page);
  for (guint i = 0; b->sheets != NULL && i < b->sheets->len; i++)
    {
      g_autofree char *sheet = roneo_sheet_dump (g_ptr_array_index (b->sheets, i));
      g_string_append (out, sheet);
    }
  return g_string_free (out, FALSE);
}

static void
fill_result (const Banner *b)
{
  RoneoResult *result = b->run->result;
  result->width = b->spec.banner_width;
  result->height = b->spec.banner_height;
  result->sheet_name = g_strdup (sheet_name (b->spec.sheet_width, b->spec.sheet_height));
  result->slogan_size = b->info.slogan_size;
  result->cap_height = b->info.cap_height;
  if (b->tiling != NULL)
    {
      result->pages = roneo_tiling_get_n_sheets (b->tiling);
      result->rows = b->tiling->n_rows;
    }
  result->dump = dump (b);
  roneo_result_add_pictures (result, b->pages);
}

static gboolean
run_steps (Banner *b, GError **error)
{
  static const RoneoCopyFormat slogan = { roneo_slogan_parse, roneo_slogan_parse_file };
  RoneoJobRun *run = b->run;
  if (!roneo_job_run_load (run, &slogan, TRUE, RONEO_LAYOUT_BANNER,
                           b->job->whole ? ".pdf" : "-tiles.pdf", error))
    return FALSE;
  if (!make_spec (b, error) || !compose (b, error))
    return FALSE;
  if (!b->job->whole && !cut_into_sheets (b, error))
    return FALSE;
  fill_result (b);
  if (!roneo_job_run_ready (run, error))
    return FALSE;
  /* A dry run with proofs (a preview) draws the banner and its cover as PNG only. */
  if (run->job->common.dry_run && run->job->common.proof_dpi > 0)
    {
      RoneoRenderOptions options = run->render;
      options.stencil = b->job->stencil;
      return add_previews (b, &options, error);
    }
  return run->job->common.dry_run || write_outputs (b, error);
}

gboolean
roneo_banner_run (RoneoJobRun *run, GError **error)
{
  Banner b = { run, &run->job->banner };
  gboolean ok = run_steps (&b, error);
  banner_clear (&b);
  return ok;
}
