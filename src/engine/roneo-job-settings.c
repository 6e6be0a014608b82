/* A job's settings, and the result a run gives back (roneo.h). Setters check
 * what can be checked without the copy; the rest is checked by the run. */
#include "roneo-job-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-lang.h"
#include "roneo-page.h"
#include "roneo-units.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BLEED RONEO_MM (20)

static void
input_clear (RoneoJobInput *input)
{
  g_clear_pointer (&input->path, g_free);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_clear_pointer (&input->name, g_free);
}

static void
input_set (RoneoJobInput *input, const char *path, GBytes *bytes, const char *name)
{
  input_clear (input);
  input->path = g_strdup (path);
  input->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  input->name = g_strdup (name ? name : path);
}

RoneoJob *
roneo_job_new (RoneoJobKind kind)
{
  RoneoJob *job = g_new0 (RoneoJob, 1);
  job->kind = kind;
  job->common.field_names = g_ptr_array_new_with_free_func (g_free);
  job->common.field_values = g_ptr_array_new_with_free_func (g_free);
  job->flyer.bleed = -1;
  job->banner.overlap = -1;
  for (guint i = 0; i < 4; i++)
    job->banner.printer_margin[i] = -1;
  job->batch.copies = 1;
  job->batch.duplex = RONEO_DUPLEX_AUTO;
  job->batch.color = TRUE;
  return job;
}

void
roneo_job_free (RoneoJob *job)
{
  if (job == NULL)
    return;
  RoneoJobCommon *c = &job->common;
  input_clear (&c->copy);
  input_clear (&c->layout);
  input_clear (&c->data);
  g_free (c->output_path);
  g_free (c->folder);
  g_clear_object (&c->output_stream);
  g_ptr_array_unref (c->field_names);
  g_ptr_array_unref (c->field_values);
  g_clear_object (&c->cancellable);
  g_free (job->sheet);
  g_free (job->banner.selection);
  g_free (job->banner.manifest);
  g_free (job->batch.printer);
  g_free (job);
}

RoneoJobKind
roneo_job_get_kind (const RoneoJob *job)
{
  return job->kind;
}

/* --- what every job has ------------------------------------------------------- */

void
roneo_job_set_input_file (RoneoJob *job, const char *path)
{
  g_return_if_fail (path != NULL);
  input_set (&job->common.copy, path, NULL, NULL);
}

void
roneo_job_set_input_bytes (RoneoJob *job, GBytes *bytes, const char *name)
{
  g_return_if_fail (bytes != NULL && name != NULL);
  input_set (&job->common.copy, NULL, bytes, name);
}

void
roneo_job_set_layout (RoneoJob *job, const char *name_or_path)
{
  if (name_or_path == NULL)
    input_clear (&job->common.layout);
  else
    input_set (&job->common.layout, name_or_path, NULL, NULL);
}

void
roneo_job_set_layout_bytes (RoneoJob *job, GBytes *bytes, const char *name)
{
  g_return_if_fail (bytes != NULL && name != NULL);
  input_set (&job->common.layout, NULL, bytes, name);
}

gboolean
roneo_job_set_lang (RoneoJob *job, const char *tag, GError **error)
{
  if (tag == NULL)
    {
      job->common.lang = NULL;
      return TRUE;
    }
  g_autoptr (GError) cause = NULL;
  const RoneoLang *lang = roneo_lang_parse (tag, &cause);
  if (lang == NULL)
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_LANG, cause->message);
      return FALSE;
    }
  job->common.lang = lang->tag;
  return TRUE;
}

void
roneo_job_add_field (RoneoJob *job, const char *name, const char *value)
{
  g_return_if_fail (name != NULL && value != NULL);
  g_ptr_array_add (job->common.field_names, g_strdup (name));
  g_ptr_array_add (job->common.field_values, g_strdup (value));
}

void
roneo_job_set_date (RoneoJob *job, gint64 date)
{
  job->common.date_set = TRUE;
  job->common.date = date;
}

void
roneo_job_set_strict (RoneoJob *job, gboolean strict)
{
  job->common.strict = strict;
}

void
roneo_job_set_dry_run (RoneoJob *job, gboolean dry_run)
{
  job->common.dry_run = dry_run;
}

void
roneo_job_set_proofs (RoneoJob *job, double dpi)
{
  job->common.proof_dpi = MAX (dpi, 0);
}

void
roneo_job_set_output_file (RoneoJob *job, const char *path)
{
  g_clear_object (&job->common.output_stream);
  g_free (job->common.output_path);
  job->common.output_path = g_strdup (path);
}

void
roneo_job_set_output_stream (RoneoJob *job, GOutputStream *stream)
{
  g_clear_pointer (&job->common.output_path, g_free);
  g_set_object (&job->common.output_stream, stream);
}

void
roneo_job_set_force (RoneoJob *job, gboolean force)
{
  job->common.force = force;
}

void
roneo_job_set_folder (RoneoJob *job, const char *folder)
{
  g_clear_pointer (&job->common.folder, g_free);
  if (folder == NULL)
    return;
  /* A folder that cannot be resolved holds no picture: every one is refused. */
  char *real = realpath (folder, NULL);
  job->common.folder = g_strdup (real != NULL ? real : folder);
  free (real);
}

void
roneo_job_set_cancellable (RoneoJob *job, GCancellable *cancellable)
{
  g_set_object (&job->common.cancellable, cancellable);
}

/* --- flyers and batches ------------------------------------------------------- */

gboolean
roneo_job_set_bleed (RoneoJob *job, double pt, GError **error)
{
  if (pt < 0 || pt > MAX_BLEED)
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_BLEED,
                   _ ("a bleed of %.0f mm is more than 20 mm; print shops ask for 2 to 5 mm"),
                   pt / RONEO_PT_PER_MM);
      return FALSE;
    }
  job->flyer.bleed = pt;
  return TRUE;
}

void
roneo_job_set_marks (RoneoJob *job, gboolean marks)
{
  job->flyer.marks = marks;
}

gboolean
roneo_job_set_sheet (RoneoJob *job, const char *paper, GError **error)
{
  double width, height;
  if (paper != NULL && !roneo_paper_lookup (paper, &width, &height))
    {
      g_set_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SHEET,
                   _ ("unknown sheet '%s' (A4, A3, SRA3, Letter...)"), paper);
      return FALSE;
    }
  g_free (job->sheet);
  job->sheet = g_strdup (paper);
  return TRUE;
}

/* --- banners ------------------------------------------------------------------ */

void
roneo_job_set_banner_size (RoneoJob *job, double width, double height)
{
  job->banner.width = width;
  job->banner.height = height;
}

void
roneo_job_set_overlap (RoneoJob *job, double overlap)
{
  job->banner.overlap = overlap;
}

void
roneo_job_set_printer_margins (RoneoJob *job, double top, double right, double bottom, double left)
{
  const double margins[4] = { top, right, bottom, left };
  memcpy (job->banner.printer_margin, margins, sizeof margins);
}

void
roneo_job_set_max_sheets (RoneoJob *job, guint max_sheets)
{
  job->banner.max_sheets = max_sheets;
}

void
roneo_job_set_sheet_selection (RoneoJob *job, const char *ids)
{
  g_free (job->banner.selection);
  job->banner.selection = g_strdup (ids);
}

void
roneo_job_set_whole (RoneoJob *job, gboolean whole)
{
  job->banner.whole = whole;
}

void
roneo_job_set_stencil (RoneoJob *job, gboolean stencil)
{
  job->banner.stencil = stencil;
}

void
roneo_job_set_manifest_file (RoneoJob *job, const char *path)
{
  g_free (job->banner.manifest);
  job->banner.manifest = g_strdup (path);
}

void
roneo_job_set_reading_distance (RoneoJob *job, double pt)
{
  job->banner.distance = MAX (pt, 0);
}

/* --- batches ------------------------------------------------------------------ */

void
roneo_job_set_data_file (RoneoJob *job, const char *path)
{
  if (path == NULL)
    input_clear (&job->common.data);
  else
    input_set (&job->common.data, path, NULL, NULL);
}

void
roneo_job_set_data_bytes (RoneoJob *job, GBytes *bytes, const char *name)
{
  g_return_if_fail (bytes != NULL && name != NULL);
  input_set (&job->common.data, NULL, bytes, name);
}

gboolean
roneo_job_set_copies (RoneoJob *job, guint copies, GError **error)
{
  if (copies == 0)
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_COPIES, "0 copies: 1 or more");
      return FALSE;
    }
  job->batch.copies = copies;
  return TRUE;
}

void
roneo_job_set_nup (RoneoJob *job, guint nup)
{
  job->batch.nup = nup;
}

void
roneo_job_set_profile (RoneoJob *job, RoneoProfile profile)
{
  job->batch.profile = profile;
}

void
roneo_job_set_duplex (RoneoJob *job, RoneoDuplex duplex)
{
  job->batch.duplex = duplex;
}

void
roneo_job_set_calibration (RoneoJob *job, gboolean calibration)
{
  job->batch.calibration = calibration;
}

void
roneo_job_set_single (RoneoJob *job, gboolean single)
{
  job->batch.single = single;
}

void
roneo_job_set_progress (RoneoJob *job, RoneoProgress progress, gpointer data)
{
  job->batch.progress = progress;
  job->batch.progress_data = data;
}

void
roneo_job_set_printer (RoneoJob *job, const char *queue, gboolean color)
{
  g_free (job->batch.printer);
  job->batch.printer = g_strdup (queue);
  job->batch.color = color;
}

void
roneo_job_set_print_progress (RoneoJob *job, RoneoPrintProgress progress, gpointer data)
{
  job->batch.print_progress = progress;
  job->batch.print_progress_data = data;
}

/* --- results ------------------------------------------------------------------ */

static void
picture_clear (gpointer data)
{
  g_free (((RoneoResultPicture *) data)->name);
}

RoneoResult *
roneo_result_new (void)
{
  RoneoResult *result = g_new0 (RoneoResult, 1);
  result->proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  result->proof_paths = g_ptr_array_new_with_free_func (g_free);
  result->sides = RONEO_DUPLEX_ONE_SIDED;
  result->pictures = g_array_new (FALSE, FALSE, sizeof (RoneoResultPicture));
  g_array_set_clear_func (result->pictures, picture_clear);
  return result;
}

void
roneo_result_add_pictures (RoneoResult *result, GPtrArray *pages)
{
  for (guint i = 0; i < pages->len; i++)
    {
      const RoneoPage *page = g_ptr_array_index (pages, i);
      for (guint j = 0; j < page->items->len; j++)
        {
          const RoneoItem *item = g_ptr_array_index (page->items, j);
          if (item->kind != RONEO_ITEM_IMAGE)
            continue;
          RoneoResultPicture picture
              = { g_strdup (roneo_image_get_name (item->image)), i + 1, item->rect.width,
                  item->rect.height, roneo_item_get_dpi (item) };
          g_array_append_val (result->pictures, picture);
        }
    }
}

guint
roneo_result_get_n_pictures (const RoneoResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->pictures->len;
}

const char *
roneo_result_get_picture (const RoneoResult *result, guint index, guint *page, double *width,
                          double *height, double *dpi)
{
  g_return_val_if_fail (result != NULL && index < result->pictures->len, NULL);
  const RoneoResultPicture *picture = &g_array_index (result->pictures, RoneoResultPicture, index);
  if (page != NULL)
    *page = picture->page;
  if (width != NULL)
    *width = picture->width;
  if (height != NULL)
    *height = picture->height;
  if (dpi != NULL)
    *dpi = picture->dpi;
  return picture->name;
}

void
roneo_result_free (RoneoResult *result)
{
  if (result == NULL)
    return;
  g_free (result->output);
  g_free (result->layout_name);
  g_ptr_array_unref (result->proofs);
  g_ptr_array_unref (result->proof_paths);
  g_free (result->dump);
  g_array_unref (result->pictures);
  g_free (result->sheet_name);
  g_free (result->imposition);
  g_strfreev (result->fields);
  g_free (result);
}

const char *
roneo_result_get_output_path (const RoneoResult *result)
{
  return result->output;
}

const char *
roneo_result_get_layout_name (const RoneoResult *result)
{
  return result->layout_name;
}

guint
roneo_result_get_n_pages (const RoneoResult *result)
{
  return result->pages;
}

guint
roneo_result_get_n_proofs (const RoneoResult *result)
{
  return result->proofs->len;
}

GBytes *
roneo_result_get_proof (const RoneoResult *result, guint index)
{
  g_return_val_if_fail (index < result->proofs->len, NULL);
  return g_ptr_array_index (result->proofs, index);
}

const char *
roneo_result_get_proof_path (const RoneoResult *result, guint index)
{
  g_return_val_if_fail (index < result->proof_paths->len, NULL);
  return g_ptr_array_index (result->proof_paths, index);
}

const char *
roneo_result_get_dump (const RoneoResult *result)
{
  return result->dump;
}

void
roneo_result_get_banner_size (const RoneoResult *result, double *width, double *height)
{
  if (width != NULL)
    *width = result->width;
  if (height != NULL)
    *height = result->height;
}

guint
roneo_result_get_n_rows (const RoneoResult *result)
{
  return result->rows;
}

const char *
roneo_result_get_sheet_name (const RoneoResult *result)
{
  return result->sheet_name;
}

double
roneo_result_get_slogan_size (const RoneoResult *result)
{
  return result->slogan_size;
}

double
roneo_result_get_cap_height (const RoneoResult *result)
{
  return result->cap_height;
}

guint
roneo_result_get_n_records (const RoneoResult *result)
{
  return result->records;
}

const char *
roneo_result_get_imposition (const RoneoResult *result)
{
  return result->imposition;
}

const char *const *
roneo_result_get_fields (const RoneoResult *result)
{
  return (const char *const *) result->fields;
}

RoneoDuplex
roneo_result_get_sides (const RoneoResult *result)
{
  return result->sides;
}

int
roneo_result_get_print_job (const RoneoResult *result)
{
  return result->print_job;
}

guint
roneo_result_get_print_copies (const RoneoResult *result)
{
  return result->print_copies;
}
