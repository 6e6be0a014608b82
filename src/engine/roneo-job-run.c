/* The one pipeline every job runs through (roneo-job-private.h): the
 * common part resolved once, one check before anything is written, one way
 * to the target. */
#include "roneo-job-private.h"
#include "roneo-intl-private.h"

#include "roneo-cleanup-private.h"
#include "roneo-config.h"
#include "roneo-datadir-private.h"
#include "roneo-error.h"
#include "roneo-fields.h"
#include "roneo-layout-parser.h"
#include "roneo-lang.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void
on_cancelled (GCancellable *cancellable, gpointer data)
{
  RoneoJobRun *run = data;
  g_atomic_int_set (&run->cancel, 1);
}

void
roneo_job_run_init (RoneoJobRun *run, RoneoEngine *engine, const RoneoJob *job,
                    RoneoWarnings *warnings)
{
  memset (run, 0, sizeof *run);
  run->engine = engine;
  run->job = job;
  run->own_warnings = warnings ? NULL : roneo_warnings_new ();
  run->warnings = warnings ? warnings : run->own_warnings;
  run->result = roneo_result_new ();
  if (job->common.cancellable != NULL)
    run->cancel_handler
        = g_cancellable_connect (job->common.cancellable, G_CALLBACK (on_cancelled), run, NULL);
}

void
roneo_job_run_clear (RoneoJobRun *run)
{
  if (run->cancel_handler != 0)
    g_cancellable_disconnect (run->job->common.cancellable, run->cancel_handler);
  g_clear_pointer (&run->result, roneo_result_free);
  g_clear_pointer (&run->document, roneo_document_free);
  g_clear_pointer (&run->layout, roneo_layout_free);
  g_clear_pointer (&run->layout_path, g_free);
  g_clear_pointer (&run->title, g_free);
  g_clear_object (&run->context);
  g_clear_pointer (&run->output, g_free);
  g_clear_pointer (&run->scratch, roneo_output_free);
  g_clear_pointer (&run->outputs, roneo_output_set_free);
  g_clear_pointer (&run->own_warnings, roneo_warnings_free);
}

/* --- the common part ------------------------------------------------------------ */

static RoneoDocument *
read_copy (const RoneoJobRun *run, const RoneoCopyFormat *format, GError **error)
{
  const RoneoJobInput *copy = &run->job->common.copy;
  if (copy->bytes != NULL)
    {
      gsize length = 0;
      const char *text = g_bytes_get_data (copy->bytes, &length);
      return format->parse (copy->name, text, length, error);
    }
  if (copy->path != NULL)
    return format->parse_file (copy->path, error);
  g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_INPUT,
                       _ ("no copy: give a file or its text"));
  return NULL;
}

static gboolean
split_fields (const RoneoJobCommon *c, const RoneoDocument *document, GError **error)
{
  g_auto (GStrv) used = roneo_document_dup_fields (document);
  for (guint i = 0; i < c->field_names->len; i++)
    {
      const char *name = g_ptr_array_index (c->field_names, i);
      gboolean known = FALSE;
      for (guint j = 0; used[j] != NULL && !known; j++)
        known = roneo_field_names_match (used[j], name);
      if (*name == '\0' || !known)
        {
          g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_FIELD, _ ("%s has no {%s}"),
                       document->source, name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_given (const RoneoJobCommon *c, const char *field)
{
  for (guint i = 0; i < c->field_names->len; i++)
    if (roneo_field_names_match (g_ptr_array_index (c->field_names, i), field))
      return TRUE;
  return FALSE;
}

/* The copy with the job's fields filled; a {field} given no value is said,
 * and stays as typed. */
static gboolean
fill_fields (RoneoJobRun *run, GError **error)
{
  const RoneoJobCommon *c = &run->job->common;
  if (!split_fields (c, run->document, error))
    return FALSE;
  g_auto (GStrv) used = roneo_document_dup_fields (run->document);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < c->field_names->len; i++)
    {
      g_ptr_array_add (names, g_strdup (g_ptr_array_index (c->field_names, i)));
      g_ptr_array_add (values, g_strdup (g_ptr_array_index (c->field_values, i)));
    }
  for (guint i = 0; used[i] != NULL; i++)
    if (!is_given (c, used[i]))
      {
        roneo_warnings_add_at (run->warnings, RONEO_WARNING_GENERAL, run->document->source, 0,
                               _ ("{%s} has no value and stays as typed (give it a value, or "
                                  "make a batch with one copy per row of a CSV file)"),
                               used[i]);
        g_ptr_array_add (names, g_strdup (used[i]));
        g_ptr_array_add (values, g_strdup_printf ("{%s}", used[i]));
      }
  if (c->field_names->len == 0)
    return TRUE;
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);
  RoneoDocument *filled = roneo_document_fill (run->document, (const char *const *) names->pdata,
                                               (const char *const *) values->pdata, NULL, error);
  if (filled == NULL)
    return FALSE;
  roneo_document_free (run->document);
  run->document = filled;
  return TRUE;
}

static const char *
default_layout (RoneoLayoutKind kind)
{
  return kind == RONEO_LAYOUT_BANNER ? "banderole" : "a5-flyer";
}

/* The job's layout (bytes, a name or a path), else the copy's, else the
 * default of kind; the copy's overrides applied. */
static gboolean
load_layout (RoneoJobRun *run, RoneoLayoutKind kind, GError **error)
{
  const RoneoJobInput *given = &run->job->common.layout;
  g_autoptr (RoneoLayout) layout = NULL;
  if (given->bytes != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (given->bytes, &length);
      layout = roneo_layout_parse_data (given->name, data, length, error);
    }
  else
    {
      const char *name = given->path             ? given->path
                         : run->document->layout ? run->document->layout
                                                 : default_layout (kind);
      run->layout_path
          = roneo_layout_find (name, roneo_engine_get_layout_dirs (run->engine), error);
      layout = run->layout_path ? roneo_layout_parse_file (run->layout_path, error) : NULL;
    }
  if (layout == NULL || !roneo_layout_apply_overrides (layout, run->document, error))
    return FALSE;
  if (layout->kind != kind)
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_LAYOUT,
                   _ ("layout '%s' is for a %s, not a %s"), layout->name,
                   layout->kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer",
                   kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer");
      return FALSE;
    }
  run->layout = g_steal_pointer (&layout);
  return TRUE;
}

static char *
document_title (const RoneoDocument *document)
{
  if (document->title != NULL)
    return g_strdup (document->title);
  const RoneoBlock *headline = roneo_document_find_block (document, RONEO_BLOCK_HEADLINE);
  return headline ? roneo_engine_one_line (headline->text) : NULL;
}

/* input with its extension replaced by suffix ("-" stays "-"). Owned. */
static char *
beside (const char *input, const char *suffix)
{
  if (strcmp (input, "-") == 0)
    return g_strdup ("-");
  const char *dot = strrchr (input, '.');
  const char *slash = strrchr (input, '/');
  gsize stem = dot && (!slash || dot > slash) ? (gsize) (dot - input) : strlen (input);
  return g_strdup_printf ("%.*s%s", (int) stem, input, suffix);
}

/* Where the PDF goes: a path (the job's, or beside the copy), or the
 * stream. Checked when it is opened, or before by roneo_job_run_check_target. */
static gboolean
find_target (RoneoJobRun *run, const char *suffix, GError **error)
{
  const RoneoJobCommon *c = &run->job->common;
  run->outputs = roneo_output_set_new (c->force, &run->cancel);
  roneo_output_set_add_input (run->outputs, "the copy", c->copy.path);
  roneo_output_set_add_input (run->outputs, "the layout", run->layout_path);
  roneo_output_set_add_input (run->outputs, "the CSV file", c->data.path);
  if (c->output_stream != NULL)
    return TRUE;
  if (c->output_path != NULL)
    run->output = g_strdup (c->output_path);
  else if (c->copy.path != NULL)
    run->output = beside (c->copy.path, suffix);
  else if (c->dry_run)
    return TRUE;
  else
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_OUTPUT,
                           _ ("the copy is not a file, so the PDF has no place beside it: give "
                              "an output path or stream"));
      return FALSE;
    }
  return TRUE;
}

gboolean
roneo_job_run_check_target (RoneoJobRun *run, GError **error)
{
  return run->job->common.dry_run || run->output == NULL
         || roneo_output_set_check (run->outputs, run->output, "the PDF", TRUE, error);
}

/* path, links resolved, is folder or below it. A file that does not exist
 * is let through: nothing is read from it, and its loader says it is missing. */
static gboolean
inside_folder (const char *path, const char *folder)
{
  char *real = realpath (path, NULL);
  if (real == NULL)
    return errno == ENOENT;
  gsize n = strlen (folder);
  gboolean inside = strncmp (real, folder, n) == 0 && (real[n] == '/' || real[n] == '\0');
  free (real);
  return inside;
}

gboolean
roneo_job_run_check_pictures (const RoneoJobRun *run, const RoneoDocument *document, GError **error)
{
  const char *folder = run->job->common.folder;
  if (folder == NULL)
    return TRUE;
  g_autoptr (GPtrArray) pictures = roneo_document_image_sources (document);
  for (guint i = 0; i < pictures->len; i++)
    {
      const RoneoImageSource *source = g_ptr_array_index (pictures, i);
      if (source->kind != RONEO_IMAGE_FILE || inside_folder (source->resolved, folder))
        continue;
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("%s:%u: the picture '%s' is outside the folder '%s'"),
                   run->job->common.copy.name, source->line, source->target, folder);
      return FALSE;
    }
  return TRUE;
}

gboolean
roneo_job_run_load (RoneoJobRun *run, const RoneoCopyFormat *format, gboolean fill,
                    RoneoLayoutKind kind, const char *suffix, GError **error)
{
  const RoneoJobCommon *c = &run->job->common;
  if ((run->document = read_copy (run, format, error)) == NULL
      || (fill && !fill_fields (run, error))
      || !roneo_job_run_check_pictures (run, run->document, error)
      || !load_layout (run, kind, error))
    return FALSE;
  run->result->layout_name = g_strdup (run->layout->name);
  roneo_engine_check_fonts (run->engine, run->layout, run->warnings);
  run->lang = c->lang ? c->lang : run->document->lang ? run->document->lang : RONEO_LANG_DEFAULT;
  if (c->date_set)
    run->date = c->date;
  else if (!roneo_default_date (&run->date, error))
    return FALSE;
  run->title = document_title (run->document);
  run->context = roneo_fonts_create_context (run->engine->fonts, run->lang);
  run->render = (RoneoRenderOptions){
    .title = run->title,
    .author = run->document->author,
    .subject = run->document->subject,
    .creator = "roneo " RONEO_VERSION,
    .date = run->date,
    .label_context = run->context,
  };
  return find_target (run, suffix, error);
}

/* --- writing ----------------------------------------------------------------------- */

gboolean
roneo_job_run_cancelled (RoneoJobRun *run, GError **error)
{
  if (g_atomic_int_get (&run->cancel) == 0)
    return FALSE;
  g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_CANCELLED,
                       _ ("cancelled: nothing was written"));
  return TRUE;
}

/* The warning strict fails on: the first font one (the one to fix before
 * any other), else the first that is not advice; NULL for none. */
static const RoneoWarning *
first_failing (const RoneoWarnings *warnings)
{
  const RoneoWarning *first = NULL;
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    {
      const RoneoWarning *warning = roneo_warnings_peek (warnings, i);
      RoneoWarningKind kind = roneo_warning_get_kind (warning);
      if (kind == RONEO_WARNING_FONT)
        return warning;
      if (kind != RONEO_WARNING_ADVICE && first == NULL)
        first = warning;
    }
  return first;
}

static gboolean
check_strict (RoneoJobRun *run, GError **error)
{
  const RoneoWarning *first = run->job->common.strict ? first_failing (run->warnings) : NULL;
  if (first == NULL)
    return TRUE;
  RoneoWarningKind kind = roneo_warning_get_kind (first);
  RoneoErrorCode code = kind == RONEO_WARNING_FONT  ? RONEO_ERROR_FONT
                        : kind == RONEO_WARNING_FIT ? RONEO_ERROR_OVERFLOW
                                                    : RONEO_ERROR_INPUT;
  g_autofree char *said = roneo_warning_to_string (first);
  g_set_error (error, RONEO_ERROR, code, _ ("%s (strict: a warning fails the job)"), said);
  return FALSE;
}

gboolean
roneo_job_run_ready (RoneoJobRun *run, GError **error)
{
  return !roneo_job_run_cancelled (run, error) && check_strict (run, error);
}

RoneoOutput *
roneo_job_run_open_pdf (RoneoJobRun *run, GError **error)
{
  if (run->output != NULL)
    run->pdf = roneo_output_set_open (run->outputs, run->output, "the PDF", TRUE, error);
  else if ((run->scratch = roneo_output_open_scratch ("-", ".pdf", error)) != NULL)
    {
      roneo_output_set_cancel (run->scratch, &run->cancel);
      run->pdf = run->scratch;
    }
  return run->pdf;
}

RoneoOutput *
roneo_job_run_open_extra (RoneoJobRun *run, const char *path, const char *what, GError **error)
{
  return roneo_output_set_open (run->outputs, path, what, FALSE, error);
}

gboolean
roneo_job_run_proofs_to_files (const RoneoJobRun *run)
{
  return !run->job->common.dry_run && run->output != NULL && strcmp (run->output, "-") != 0;
}

gboolean
roneo_job_run_add_proof (RoneoJobRun *run, GBytes *png, const char *path, const char *what,
                         GError **error)
{
  g_ptr_array_add (run->result->proofs, g_bytes_ref (png));
  if (path == NULL || !roneo_job_run_proofs_to_files (run))
    {
      g_ptr_array_add (run->result->proof_paths, NULL);
      return TRUE;
    }
  RoneoOutput *output = roneo_job_run_open_extra (run, path, what, error);
  if (output == NULL)
    return FALSE;
  gsize length = 0;
  const void *data = g_bytes_get_data (png, &length);
  if (!roneo_output_write (output, data, length))
    return roneo_output_fail (output, "write failed", error);
  g_ptr_array_add (run->result->proof_paths, g_strdup (path));
  return TRUE;
}

/* The finished PDF, from its scratch file to the stream. */
static gboolean
copy_to_stream (RoneoJobRun *run, GError **error)
{
  GCancellable *cancellable = run->job->common.cancellable;
  if (!roneo_output_close (run->scratch, error))
    return FALSE;
  g_autoptr (GFile) file = g_file_new_for_path (roneo_output_peek_temp_path (run->scratch));
  g_autoptr (GFileInputStream) in = g_file_read (file, cancellable, error);
  return in != NULL
         && g_output_stream_splice (run->job->common.output_stream, G_INPUT_STREAM (in),
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, error)
                >= 0
         && g_output_stream_flush (run->job->common.output_stream, cancellable, error);
}

gboolean
roneo_job_run_commit (RoneoJobRun *run, GError **error)
{
  if (roneo_job_run_cancelled (run, error) || !roneo_output_set_commit (run->outputs, error))
    return FALSE;
  if (run->scratch != NULL && !copy_to_stream (run, error))
    return FALSE;
  run->result->output = g_strdup (run->output);
  return TRUE;
}

/* --- a run ------------------------------------------------------------------------- */

/* An error from GLib or GIO (a stream that failed) as a RONEO_ERROR;
 * cancellation, however it was seen, as RONEO_ERROR_CANCELLED. */
static GError *
own_error (const RoneoJobRun *run, GError *error)
{
  if (error == NULL)
    error = g_error_new_literal (RONEO_ERROR, RONEO_ERROR_OUTPUT,
                                 "the job failed without a reason (a bug: please report it)");
  if (g_atomic_int_get (&run->cancel) != 0
      && !g_error_matches (error, RONEO_ERROR, RONEO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return g_error_new_literal (RONEO_ERROR, RONEO_ERROR_CANCELLED,
                                  "cancelled: nothing was written");
    }
  if (error->domain == RONEO_ERROR || error->domain == RONEO_JOB_ERROR)
    return error;
  GError *own
      = g_error_new (RONEO_ERROR, RONEO_ERROR_OUTPUT, "cannot write the PDF: %s", error->message);
  g_error_free (error);
  return own;
}

RoneoResult *
roneo_engine_run (RoneoEngine *engine, const RoneoJob *job, RoneoWarnings *warnings, GError **error)
{
  g_return_val_if_fail (engine != NULL && job != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  RoneoJobRun run;
  roneo_job_run_init (&run, engine, job, warnings);
  GError *local = NULL;
  gboolean ok = job->kind == RONEO_JOB_FLYER    ? roneo_flyer_run (&run, &local)
                : job->kind == RONEO_JOB_BANNER ? roneo_banner_run (&run, &local)
                                                : roneo_batch_run (&run, &local);
  RoneoResult *result = ok ? g_steal_pointer (&run.result) : NULL;
  if (!ok)
    g_propagate_error (error, own_error (&run, local));
  else if (local != NULL)
    g_error_free (local);
  roneo_job_run_clear (&run);
  return result;
}
