/* roneo flyer (and check): a tract composed into the pages of its layout. */
#include "roneo-job-private.h"

#include "roneo-cleanup-private.h"
#include "roneo-copy-parser.h"
#include "roneo-error.h"
#include "roneo-flow.h"
#include "roneo-page.h"
#include "roneo-style.h"
#include "roneo-text-layout.h"

#include <string.h>

void
roneo_engine_check_fonts (RoneoEngine *engine, const RoneoLayout *layout, RoneoWarnings *warnings)
{
  gsize n;
  const RoneoStyleId *ids = roneo_styles_for_kind (layout->kind, &n);
  for (gsize i = 0; i < n; i++)
    {
      const RoneoStyle *style = roneo_layout_peek_style (layout, ids[i]);
      roneo_fonts_check (engine->fonts, style->font, style->weight, style->italic, warnings);
    }
}

char *
roneo_engine_one_line (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\u2028", -1);
  return g_strjoinv (" ", lines);
}

/* pdf_path's stem ("tract" for tract.pdf) with -N.png for page N. */
static gboolean
add_proofs (RoneoJobRun *run, GPtrArray *pages, GError **error)
{
  double dpi = run->job->common.proof_dpi;
  const char *pdf = run->output ? run->output : "";
  g_autofree char *stem
      = g_strndup (pdf, g_str_has_suffix (pdf, ".pdf") ? strlen (pdf) - 4 : strlen (pdf));
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("the proof of page %u", i + 1);
      g_autofree char *path = g_strdup_printf ("%s-%u.png", stem, i + 1);
      g_autoptr (GBytes) png
          = roneo_render_png_bytes (g_ptr_array_index (pages, i), dpi, what, error);
      if (png == NULL || !roneo_job_run_add_proof (run, png, path, "a proof", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_outputs (RoneoJobRun *run, GPtrArray *pages, GError **error)
{
  const RoneoFlyerSettings *flyer = &run->job->flyer;
  RoneoRenderOptions options = run->render;
  options.bleed = MAX (flyer->bleed, 0);
  options.marks = flyer->marks;
  options.label_context = NULL;
  RoneoOutput *pdf = roneo_job_run_open_pdf (run, error);
  if (pdf == NULL || !roneo_render_pdf_to (pages, &options, pdf, error))
    return FALSE;
  return (run->job->common.proof_dpi <= 0 || add_proofs (run, pages, error))
         && roneo_job_run_commit (run, error);
}

static char *
dump_pages (GPtrArray *pages)
{
  GString *dump = g_string_new (NULL);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *page = roneo_page_dump (g_ptr_array_index (pages, i));
      g_string_append (dump, page);
    }
  return g_string_free (dump, FALSE);
}

/* The height of the capitals of a stacked headline's smallest line (pt),
 * what sets the distance a placard reads from; 0 without a stack. */
static double
stack_cap_height (const RoneoJobRun *run, const GPtrArray *pages)
{
  const RoneoStyle *style = &run->layout->headline;
  double smallest = G_MAXDOUBLE;
  for (guint i = 0; style->stack && i < pages->len; i++)
    {
      const RoneoPage *page = g_ptr_array_index (pages, i);
      for (guint j = 0; j < page->items->len; j++)
        {
          const RoneoItem *item = g_ptr_array_index (page->items, j);
          if (item->kind == RONEO_ITEM_TEXT && g_strcmp0 (item->role, "headline") == 0)
            smallest = MIN (smallest, item->size);
        }
    }
  if (smallest == G_MAXDOUBLE)
    return 0;
  return roneo_text_cap_height (run->context, style, smallest);
}

gboolean
roneo_flyer_run (RoneoJobRun *run, GError **error)
{
  static const RoneoCopyFormat copy = { roneo_copy_parse, roneo_copy_parse_file };
  if (!roneo_job_run_load (run, &copy, TRUE, RONEO_LAYOUT_FLYER, ".pdf", error))
    return FALSE;
  RoneoComposeContext cc = { run->context, run->engine->hyphenator, run->lang, run->warnings };
  g_autoptr (GPtrArray) pages = roneo_compose_document (&cc, run->document, run->layout, error);
  if (pages == NULL)
    return FALSE;
  run->result->pages = pages->len;
  run->result->dump = dump_pages (pages);
  run->result->cap_height = stack_cap_height (run, pages);
  roneo_result_add_pictures (run->result, pages);
  if (!roneo_job_run_ready (run, error))
    return FALSE;
  /* A dry run with proofs (a preview) draws the pages as PNG only. */
  if (run->job->common.dry_run)
    return run->job->common.proof_dpi <= 0 || add_proofs (run, pages, error);
  return write_outputs (run, pages, error);
}
