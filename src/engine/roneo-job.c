#include "roneo-job.h"

#include "roneo-engine-private.h"

#include "roneo-cleanup-private.h"
#include "roneo-config.h"
#include "roneo-copy-parser.h"
#include "roneo-datadir-private.h"
#include "roneo-error.h"
#include "roneo-fields.h"
#include "roneo-flow.h"
#include "roneo-fonts.h"
#include "roneo-hyphen.h"
#include "roneo-layout-parser.h"
#include "roneo-render.h"
#include "roneo-style.h"

#include <string.h>

#define DEFAULT_LAYOUT "a5-flyer"
#define DEFAULT_BANNER "banderole"
#define DEFAULT_LANG "fr"

/* --- one flyer job -------------------------------------------------------- */

RoneoLayout *
roneo_engine_load_layout (RoneoEngine *engine, const char *name, const RoneoDocument *document,
                          RoneoLayoutKind kind, GError **error)
{
  if (name == NULL)
    name = document->layout              ? document->layout
           : kind == RONEO_LAYOUT_BANNER ? DEFAULT_BANNER
                                         : DEFAULT_LAYOUT;
  g_autofree char *path = roneo_layout_find (name, roneo_engine_get_layout_dirs (engine), error);
  if (path == NULL)
    return NULL;
  g_autoptr (RoneoLayout) layout = roneo_layout_parse_file (path, error);
  if (layout == NULL || !roneo_layout_apply_overrides (layout, document, error))
    return NULL;
  if (layout->kind != kind)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                   "layout '%s' is a %s layout: use it with 'roneo %s'", layout->name,
                   layout->kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer",
                   layout->kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer");
      return NULL;
    }
  return g_steal_pointer (&layout);
}

static gboolean
split_assignments (const char *const *assignments, GPtrArray *names, GPtrArray *values,
                   GError **error)
{
  for (guint i = 0; assignments && assignments[i]; i++)
    {
      const char *equal = strchr (assignments[i], '=');
      if (equal == NULL || equal == assignments[i])
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                       "--field '%s': write it name=value, like ville=Albi", assignments[i]);
          return FALSE;
        }
      g_ptr_array_add (names, g_strndup (assignments[i], equal - assignments[i]));
      g_ptr_array_add (values, g_strdup (equal + 1));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);
  return TRUE;
}

/* --field ville=... fills {Ville}: names match as CSV columns do. */
static gboolean
same_field (gconstpointer a, gconstpointer b)
{
  return roneo_field_names_match (a, b);
}

static gboolean
has_field (const char *const *fields, const char *name)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (roneo_field_names_match (fields[i], name))
      return TRUE;
  return FALSE;
}

gboolean
roneo_engine_fill_fields (RoneoDocument **document, const char *const *assignments,
                          RoneoWarnings *warnings, GError **error)
{
  g_auto (GStrv) used = roneo_document_dup_fields (*document);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  if (!split_assignments (assignments, names, values, error))
    return FALSE;
  for (guint i = 0; i + 1 < names->len; i++)
    if (!has_field ((const char *const *) used, g_ptr_array_index (names, i)))
      {
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "--field %s: %s has no {%s}",
                     (char *) g_ptr_array_index (names, i), (*document)->source,
                     (char *) g_ptr_array_index (names, i));
        return FALSE;
      }
  gboolean given = names->len > 1;
  g_ptr_array_set_size (names, names->len - 1); /* drop the NULL ends to append */
  g_ptr_array_set_size (values, values->len - 1);
  for (guint i = 0; used[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (names, used[i], same_field, NULL))
      {
        roneo_warnings_add (warnings, RONEO_WARNING_GENERAL,
                            "%s: {%s} has no value and stays as typed (give --field %s=..., "
                            "or use roneo batch --data)",
                            (*document)->source, used[i], used[i]);
        g_ptr_array_add (names, g_strdup (used[i]));
        g_ptr_array_add (values, g_strdup_printf ("{%s}", used[i]));
      }
  if (!given)
    return TRUE;
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);
  RoneoDocument *filled = roneo_document_fill (*document, (const char *const *) names->pdata,
                                               (const char *const *) values->pdata, error);
  if (filled == NULL)
    return FALSE;
  roneo_document_free (*document);
  *document = filled;
  return TRUE;
}

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

/* Under --strict the first warning fails the job, before anything is written. */
gboolean
roneo_engine_check_strict (gboolean strict, RoneoWarnings *warnings, GError **error)
{
  if (!strict || roneo_warnings_get_count (warnings) == 0)
    return TRUE;
  /* A font warning first: it is the one to fix before any other. */
  const RoneoWarning *first = roneo_warnings_peek (warnings, 0);
  for (guint i = roneo_warnings_get_count (warnings); i-- > 0;)
    if (roneo_warning_get_kind (roneo_warnings_peek (warnings, i)) == RONEO_WARNING_FONT)
      first = roneo_warnings_peek (warnings, i);
  RoneoWarningKind kind = roneo_warning_get_kind (first);
  RoneoErrorCode code = kind == RONEO_WARNING_FONT  ? RONEO_ERROR_FONT
                        : kind == RONEO_WARNING_FIT ? RONEO_ERROR_OVERFLOW
                                                    : RONEO_ERROR_INPUT;
  g_autofree char *text = roneo_warning_to_string (first);
  g_set_error (error, RONEO_ERROR, code, "%s (--strict)", text);
  return FALSE;
}

char *
roneo_engine_default_output (const char *input, const char *suffix)
{
  if (g_strcmp0 (input, "-") == 0)
    return g_strdup ("-");
  const char *dot = strrchr (input, '.');
  const char *slash = strrchr (input, '/');
  gsize stem = dot && (!slash || dot > slash) ? (gsize) (dot - input) : strlen (input);
  return g_strdup_printf ("%.*s%s", (int) stem, input, suffix);
}

static char *
document_title (const RoneoDocument *document)
{
  if (document->title != NULL)
    return g_strdup (document->title);
  const RoneoBlock *headline = roneo_document_find_block (document, RONEO_BLOCK_HEADLINE);
  if (headline == NULL)
    return NULL;
  return roneo_engine_one_line (headline->text);
}

char *
roneo_engine_one_line (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\u2028", -1);
  return g_strjoinv (" ", lines);
}

RoneoOutputSet *
roneo_engine_new_outputs (gboolean force, const gint *cancel, const char *copy,
                          const RoneoLayout *layout)
{
  RoneoOutputSet *set = roneo_output_set_new (force, cancel);
  if (copy != NULL)
    roneo_output_set_add_input (set, "the copy", copy);
  if (layout != NULL && layout->path != NULL && strcmp (layout->path, "<stdin>") != 0)
    roneo_output_set_add_input (set, "the layout", layout->path);
  return set;
}

gboolean
roneo_engine_cancelled (const gint *cancel, GError **error)
{
  if (cancel == NULL || g_atomic_int_get (cancel) == 0)
    return FALSE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "interrupted: nothing was written");
  return TRUE;
}

/* pdf_path's stem ("tract" for tract.pdf) with -N.png for page N. */
static gboolean
write_proofs (RoneoOutputSet *set, GPtrArray *pages, const char *pdf_path, double dpi,
              GPtrArray *proofs, GError **error)
{
  g_autofree char *stem = g_strndup (
      pdf_path, g_str_has_suffix (pdf_path, ".pdf") ? strlen (pdf_path) - 4 : strlen (pdf_path));
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%u.png", stem, i + 1);
      RoneoOutput *output = roneo_output_set_open (set, png, "a proof", FALSE, error);
      if (output == NULL || !roneo_render_png_to (g_ptr_array_index (pages, i), dpi, output, error))
        return FALSE;
      g_ptr_array_add (proofs, g_steal_pointer (&png));
    }
  return TRUE;
}

/* Every output to a temporary, committed together at the end: a proof that
 * cannot be written leaves the previous PDF as it was. */
static gboolean
write_outputs (const RoneoFlyerJob *job, const RoneoDocument *document, const RoneoLayout *layout,
               GPtrArray *pages, RoneoFlyerResult *result, GError **error)
{
  g_autofree char *title = document_title (document);
  RoneoRenderOptions options = {
    .title = title,
    .author = document->author,
    .subject = document->subject,
    .creator = "roneo " RONEO_VERSION,
    .date = job->date,
    .bleed = job->bleed,
    .marks = job->marks,
  };
  g_autofree char *output
      = job->output ? g_strdup (job->output) : roneo_engine_default_output (job->input, ".pdf");
  g_autoptr (RoneoOutputSet) set
      = roneo_engine_new_outputs (job->force, job->cancel, job->input, layout);
  RoneoOutput *pdf = roneo_output_set_open (set, output, "the PDF", TRUE, error);
  if (pdf == NULL || !roneo_render_pdf_to (pages, &options, pdf, error))
    return FALSE;
  g_autoptr (GPtrArray) proofs = g_ptr_array_new_with_free_func (g_free);
  if (job->png_dpi > 0 && strcmp (output, "-") != 0
      && !write_proofs (set, pages, output, job->png_dpi, proofs, error))
    return FALSE;
  if (!roneo_output_set_commit (set, error))
    return FALSE;
  g_ptr_array_extend_and_steal (result->proofs, g_steal_pointer (&proofs));
  result->output = g_steal_pointer (&output);
  return TRUE;
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

gboolean
roneo_engine_run_flyer (RoneoEngine *engine, const RoneoFlyerJob *job, RoneoWarnings *warnings,
                        RoneoFlyerResult *result, GError **error)
{
  memset (result, 0, sizeof *result);
  result->proofs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RoneoDocument) document = roneo_copy_parse_file (job->input, error);
  if (document == NULL || !roneo_engine_fill_fields (&document, job->fields, warnings, error))
    return FALSE;
  g_autoptr (RoneoLayout) layout
      = roneo_engine_load_layout (engine, job->layout, document, RONEO_LAYOUT_FLYER, error);
  if (layout == NULL)
    return FALSE;
  result->layout_name = g_strdup (layout->name);
  roneo_engine_check_fonts (engine, layout, warnings);
  const char *lang = job->lang ? job->lang : document->lang ? document->lang : DEFAULT_LANG;
  g_autoptr (PangoContext) context = roneo_fonts_create_context (engine->fonts, lang);
  RoneoComposeContext cc = { context, engine->hyphenator, lang, warnings };
  g_autoptr (GPtrArray) pages = roneo_compose_document (&cc, document, layout, error);
  if (pages == NULL)
    return FALSE;
  result->pages = pages->len;
  result->dump = dump_pages (pages);
  if (!roneo_engine_check_strict (job->strict, warnings, error)
      || roneo_engine_cancelled (job->cancel, error))
    return FALSE;
  return job->dry_run || write_outputs (job, document, layout, pages, result, error);
}

void
roneo_flyer_result_clear (RoneoFlyerResult *result)
{
  g_clear_pointer (&result->output, g_free);
  g_clear_pointer (&result->proofs, g_ptr_array_unref);
  g_clear_pointer (&result->layout_name, g_free);
  g_clear_pointer (&result->dump, g_free);
}
