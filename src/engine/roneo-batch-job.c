/* roneo batch: copies of a tract, or one per row of a CSV file, imposed n-up. */
#include "roneo-job-private.h"
#include "roneo-intl-private.h"

#include "roneo-cleanup-private.h"
#include "roneo-config.h"
#include "roneo-copy-parser.h"
#include "roneo-data.h"
#include "roneo-engine-private.h"
#include "roneo-error.h"
#include "roneo-fields.h"
#include "roneo-flow.h"
#include "roneo-nup.h"
#include "roneo-print.h"
#include "roneo-render.h"
#include "roneo-row-store.h"

#include <string.h>

#define DEFAULT_SHEET "A4"
#define DEFAULT_BLEED RONEO_MM (3)
#define PRINTER_MARGIN RONEO_MM (5)
/* A batch's proofs: its first sides (two sheets, recto and verso), a preview. */
#define PROOF_SIDES 4

typedef struct
{
  RoneoJobRun *run; /* the template is run->document, its layout run->layout */
  const RoneoBatchSettings *job;
  RoneoNup *nup; /* owned */
  RoneoDuplex duplex;
  double bleed;
  char *sheet_name;         /* owned */
  GStrv fields;             /* owned: the CSV's columns */
  RoneoRowStore *rows;      /* owned: the CSV's rows, kept on disk */
  GArray *row_lines;        /* guint per row: its line in the CSV file */
  char *data_source;        /* owned */
  char *data_dir;           /* owned: the folder files named by the data are in; NULL: the copy's */
  guint copy_pages;         /* pages of one copy: 1, or 2 for recto/verso */
  RoneoSheetWriter *writer; /* owned; NULL in a dry run */
  GPtrArray *shared;        /* borrowed: the pages every copy shows, or NULL */
  gboolean one_sheet;       /* copies of a tract to print: one sheet, printed as many times */
  char *media;              /* owned: the IPP media of the sheet */
} Batch;

static void
batch_clear (Batch *b)
{
  roneo_nup_free (b->nup);
  g_free (b->sheet_name);
  g_strfreev (b->fields);
  g_clear_pointer (&b->rows, roneo_row_store_free);
  g_clear_pointer (&b->row_lines, g_array_unref);
  g_free (b->data_source);
  g_free (b->data_dir);
  roneo_sheet_writer_free (b->writer);
  g_free (b->media);
}

/* --- the job's parts ------------------------------------------------------ */

static gboolean
impose (Batch *b, GError **error)
{
  const RoneoBatchSettings *job = b->job;
  const RoneoLayout *layout = b->run->layout;
  gboolean press = job->profile == RONEO_PROFILE_PRESS;
  double bleed = b->run->job->flyer.bleed;
  b->sheet_name = g_strdup (b->run->job->sheet ? b->run->job->sheet : DEFAULT_SHEET);
  RoneoNupSpec spec = {
    .page_width = layout->width,
    .page_height = layout->height,
    .nup = job->nup,
    .profile = press ? RONEO_NUP_PRESS : RONEO_NUP_OFFICE,
    .bleed = press ? (bleed > 0 ? bleed : DEFAULT_BLEED) : 0,
    .printer_margin = PRINTER_MARGIN,
  };
  /* A press prints SRA sheets to the edge: they exist to leave room for
   * bleed and marks around the finished size. */
  if (press && g_ascii_strncasecmp (b->sheet_name, "SRA", 3) == 0)
    spec.printer_margin = 0;
  roneo_paper_lookup (b->sheet_name, &spec.sheet_width, &spec.sheet_height);
  b->bleed = spec.bleed;
  if ((b->nup = roneo_nup_new (&spec, error)) == NULL)
    return FALSE;
  gboolean chosen = job->duplex == RONEO_DUPLEX_LONG_EDGE || job->duplex == RONEO_DUPLEX_SHORT_EDGE;
  b->duplex = chosen ? job->duplex : b->nup->duplex;
  if (!press && !roneo_nup_content_clear (b->nup, MIN (layout->margin_left, layout->margin_top)))
    roneo_warnings_add_at (b->run->warnings, RONEO_WARNING_GENERAL, b->run->layout_path, 0,
                           _ ("layout '%s': its margins keep the copy closer than 8 mm to a cut; "
                              "the guillotine may touch the text"),
                           layout->name);
  return TRUE;
}

/* The rows, all read (and checked) before anything is laid out: cut-and-stack
 * needs their number, and a bad row must fail the job before any output. */
static gboolean
read_rows (Batch *b, GError **error)
{
  const RoneoJobInput *input = &b->run->job->common.data;
  /* Every row is read (and checked) here, once: "-" can be read only once. */
  g_autoptr (RoneoDataSet) data = input->bytes
                                      ? roneo_data_open_bytes (input->bytes, input->name, error)
                                      : roneo_data_open (input->path, error);
  if (data == NULL || !roneo_document_check_data (b->run->document, data, error))
    return FALSE;
  b->fields = g_strdupv ((char **) roneo_data_get_fields (data));
  b->data_source = g_strdup (roneo_data_get_source (data));
  if (strcmp (b->data_source, "-") != 0 && strcmp (b->data_source, "<stdin>") != 0)
    b->data_dir = g_path_get_dirname (b->data_source);
  if ((b->rows = roneo_row_store_new (error)) == NULL)
    return FALSE;
  b->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  GStrv values = NULL;
  guint line = 0;
  g_autoptr (GError) local = NULL;
  while (!roneo_job_run_cancelled (b->run, &local)
         && roneo_data_next (data, &values, &line, &local))
    {
      gboolean kept = roneo_row_store_add (b->rows, (const char *const *) values, &local);
      g_strfreev (values);
      if (!kept)
        break;
      g_array_append_val (b->row_lines, line);
    }
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static void
progress (const Batch *b, guint done, guint total)
{
  if (b->job->progress != NULL)
    b->job->progress (done, total, b->job->progress_data);
}

/* A copy is a recto, or a recto and its verso: one sheet of paper. */
static gboolean
check_copy_pages (Batch *b, guint pages, GError **error)
{
  if (pages <= 2)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
               _ ("%s takes %u pages; a batch copy is one sheet of paper, recto and verso "
                  "(shorten it or use a larger layout)"),
               b->run->document->source, pages);
  return FALSE;
}

static GPtrArray *
compose (Batch *b, const RoneoDocument *document, const RoneoLayout *layout, GError **error)
{
  RoneoJobRun *run = b->run;
  RoneoComposeContext cc = { run->context, run->engine->hyphenator, run->lang, run->warnings };
  return roneo_compose_document (&cc, document, layout, error);
}

/* --- writing sheets ------------------------------------------------------- */

/* Every side is checked before it is written: cancelled, or a warning
 * under strict, and nothing more is written. */
/* A PNG of one of the first sides, in the result only. */
static gboolean
add_proof (Batch *b, const RoneoSheet *sheet, GPtrArray *pages, GError **error)
{
  double dpi = b->run->job->common.proof_dpi;
  if (dpi <= 0 || b->run->result->proofs->len >= PROOF_SIDES)
    return TRUE;
  g_autofree char *what = g_strdup_printf ("the proof of sheet %s", sheet->name);
  g_autoptr (GBytes) png
      = roneo_render_sheet_png_bytes (pages, sheet, dpi, &b->run->render, what, error);
  return png != NULL && roneo_job_run_add_proof (b->run, png, NULL, what, error);
}

static gboolean
add_side (Batch *b, const int *slots, gboolean verso, GPtrArray *pages, guint number,
          GError **error)
{
  if (!roneo_job_run_ready (b->run, error))
    return FALSE;
  g_autofree char *name = g_strdup_printf ("%u%s", number + 1, verso ? "b" : "a");
  g_autoptr (RoneoSheet) sheet = roneo_nup_new_sheet (b->nup, slots, verso, b->duplex, name);
  return add_proof (b, sheet, pages ? pages : b->shared, error)
         && (b->writer == NULL || roneo_sheet_writer_add (b->writer, sheet, pages, error));
}

/* Sheets to lay out: all of them, or in a dry run those its proofs show. */
static guint
sheets_to_make (const Batch *b, guint sheets)
{
  const RoneoJobCommon *common = &b->run->job->common;
  if (!common->dry_run)
    return sheets;
  guint sides = MAX (b->copy_pages, 1);
  return common->proof_dpi > 0 ? MIN (sheets, PROOF_SIDES / sides) : 0;
}

static gboolean
open_writer (Batch *b, GPtrArray *shared, GError **error)
{
  if (!roneo_job_run_ready (b->run, error))
    return FALSE;
  RoneoOutput *target = roneo_job_run_open_pdf (b->run, error);
  b->writer = target ? roneo_sheet_writer_new_to (target, shared, b->bleed, &b->run->render, error)
                     : NULL;
  return b->writer != NULL;
}

/* Copies of one tract: the same page in every slot, recorded once. */
static gboolean
write_copies (Batch *b, GError **error)
{
  RoneoResult *result = b->run->result;
  g_autoptr (GPtrArray) pages = compose (b, b->run->document, b->run->layout, error);
  if (pages == NULL || !check_copy_pages (b, pages->len, error))
    return FALSE;
  guint slots = roneo_nup_get_n_slots (b->nup);
  guint copies = b->job->copies;
  guint sheets = roneo_nup_sheet_count (copies, slots);
  b->copy_pages = pages->len;
  roneo_result_add_pictures (result, pages);
  result->records = copies;
  result->print_copies = b->one_sheet ? sheets : 1;
  result->pages = b->one_sheet ? 1 : sheets;
  gboolean dry_run = b->run->job->common.dry_run;
  guint made = sheets_to_make (b, result->pages);
  if (made == 0)
    return roneo_job_run_ready (b->run, error);
  g_autofree int *recto = g_new (int, slots), *verso = g_new (int, slots);
  for (guint i = 0; i < slots; i++)
    recto[i] = 0, verso[i] = 1;
  b->shared = pages;
  if (!dry_run && !open_writer (b, pages, error))
    return FALSE;
  for (guint s = 0; s < made; s++)
    {
      if (!add_side (b, recto, FALSE, NULL, s, error)
          || (pages->len == 2 && !add_side (b, verso, TRUE, NULL, s, error)))
        return FALSE;
      if (!dry_run)
        progress (b, s + 1, result->pages);
    }
  b->shared = NULL;
  return TRUE;
}

/* One row's copy: its pages appended to pages; *recto and *verso (-1: none)
 * their indices. A row whose copy takes more pages than the template's is
 * refused with its line. */
static gboolean
compose_row (Batch *b, const RoneoLayout *layout, guint row, GPtrArray *pages, int *recto,
             int *verso, GError **error)
{
  /* A copy takes a few ms to lay out: a cancelled job stops before the next. */
  if (roneo_job_run_cancelled (b->run, error))
    return FALSE;
  g_auto (GStrv) values = roneo_row_store_get (b->rows, row, error);
  if (values == NULL)
    return FALSE;
  g_autoptr (RoneoDocument) copy
      = roneo_document_fill (b->run->document, (const char *const *) b->fields,
                             (const char *const *) values, b->data_dir, error);
  if (copy != NULL && !roneo_job_run_check_pictures (b->run, copy, error))
    return FALSE;
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) own = copy ? compose (b, copy, layout, &local) : NULL;
  if (own == NULL)
    {
      /* The row by its line, the file a spreadsheet shows, and its first
       * value, shortened: it may be the megabyte that did not fit. */
      /* g_utf8_substring reads past the end of a shorter string (GLib 2.74) */
      g_autofree char *head
          = g_utf8_strlen (values[0], -1) > 40 ? g_utf8_substring (values[0], 0, 39) : NULL;
      g_autofree char *first
          = head != NULL ? g_strconcat (head, "\u2026", NULL) : g_strdup (values[0]);
      if (local != NULL)
        g_set_error (error, local->domain, local->code, _ ("%s:%u: row %u (%s): %s"),
                     b->data_source, g_array_index (b->row_lines, guint, row), row + 1, first,
                     local->message);
      return FALSE;
    }
  *recto = pages->len;
  *verso = own->len > 1 ? (int) pages->len + 1 : -1;
  for (guint i = 0; i < own->len; i++)
    g_ptr_array_add (pages, g_steal_pointer (&g_ptr_array_index (own, i)));
  return TRUE;
}

/* One sheet of personalised copies, cut-and-stack: slot p of sheet s holds
 * record p x S + s, so the piles come out of the guillotine in row order. */
static gboolean
write_record_sheet (Batch *b, const RoneoLayout *layout, guint records, guint sheet, GError **error)
{
  guint slots = roneo_nup_get_n_slots (b->nup);
  guint copies = b->job->copies;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  g_autofree int *recto = g_new (int, slots), *verso = g_new (int, slots);
  for (guint p = 0; p < slots; p++)
    {
      int record = roneo_nup_cut_and_stack (records, slots, sheet, p);
      recto[p] = verso[p] = -1;
      if (record >= 0
          && !compose_row (b, layout, (guint) record / copies, pages, &recto[p], &verso[p], error))
        return FALSE;
    }
  return add_side (b, recto, FALSE, pages, sheet, error)
         && (b->copy_pages < 2 || add_side (b, verso, TRUE, pages, sheet, error));
}

/* The template as a copy would show it, for its number of pages: its text
 * unfilled, its pictures the first row's (a picture a field names has no
 * file until a row names one). */
static GPtrArray *
compose_sample (Batch *b, GError **error)
{
  g_auto (GStrv) first = roneo_row_store_get (b->rows, 0, error);
  if (first == NULL)
    return NULL;
  g_autoptr (RoneoDocument) sample = roneo_document_copy (b->run->document);
  roneo_document_fill_pictures (sample, (const char *const *) b->fields,
                                (const char *const *) first, b->data_dir);
  if (!roneo_job_run_check_pictures (b->run, sample, error))
    return NULL;
  return compose (b, sample, b->run->layout, error);
}

/* The template tells how many pages a copy takes; a row may not take more
 * (its text would change the sheet's back). */
static gboolean
write_records (Batch *b, GError **error)
{
  RoneoResult *result = b->run->result;
  g_autoptr (GPtrArray) sample = compose_sample (b, error);
  if (sample == NULL || !check_copy_pages (b, sample->len, error))
    return FALSE;
  b->copy_pages = sample->len;
  roneo_result_add_pictures (result, sample);
  g_autoptr (RoneoLayout) layout = roneo_layout_copy (b->run->layout);
  layout->max_pages = sample->len;
  guint records = roneo_row_store_get_n_rows (b->rows) * b->job->copies;
  guint sheets = roneo_nup_sheet_count (records, roneo_nup_get_n_slots (b->nup));
  result->records = records;
  result->pages = sheets;
  result->print_copies = 1;
  gboolean dry_run = b->run->job->common.dry_run;
  guint made = sheets_to_make (b, sheets);
  if (made == 0)
    return roneo_job_run_ready (b->run, error);
  if (!dry_run && !open_writer (b, NULL, error))
    return FALSE;
  for (guint s = 0; s < made; s++)
    {
      if (!write_record_sheet (b, layout, records, s, error))
        return FALSE;
      if (!dry_run)
        progress (b, s + 1, sheets);
    }
  return TRUE;
}

/* The one-sheet test job of PRINT.md: letters and arrows front and back. */
static gboolean
write_calibration (Batch *b, GError **error)
{
  RoneoSheet *front = NULL, *back = NULL;
  roneo_nup_new_calibration (b->nup, b->duplex, b->run->lang, &front, &back);
  g_autoptr (RoneoSheet) owned_front = front, owned_back = back;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  b->copy_pages = 2;
  b->run->result->pages = 1;
  b->run->result->print_copies = 1;
  if (b->run->job->common.dry_run)
    return roneo_job_run_ready (b->run, error);
  return open_writer (b, NULL, error) && roneo_sheet_writer_add (b->writer, front, none, error)
         && roneo_sheet_writer_add (b->writer, back, none, error);
}

/* For a print shop: no imposition, every copy's pages with bleed, TrimBox
 * and BleedBox (PRINT.md "press"). Copies of a tract are its pages once. */
static gboolean
write_single (Batch *b, GError **error)
{
  RoneoJobRun *run = b->run;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  guint rows = b->rows ? roneo_row_store_get_n_rows (b->rows) : 0;
  for (guint row = 0; row < MAX (rows, 1); row++)
    {
      int recto, verso;
      g_autoptr (GPtrArray) own = NULL;
      if (rows > 0 && !compose_row (b, run->layout, row, pages, &recto, &verso, error))
        return FALSE;
      if (rows == 0 && ((own = compose (b, run->document, run->layout, error)) == NULL))
        return FALSE;
      for (guint i = 0; own != NULL && i < own->len; i++)
        g_ptr_array_add (pages, g_steal_pointer (&g_ptr_array_index (own, i)));
      if (roneo_job_run_cancelled (run, error))
        return FALSE;
    }
  b->copy_pages = 1;
  run->result->records = MAX (rows, 1);
  run->result->pages = pages->len;
  run->result->print_copies = rows > 0 ? 1 : b->job->copies;
  if (!roneo_job_run_ready (run, error))
    return FALSE;
  if (run->job->common.dry_run)
    return TRUE;
  RoneoRenderOptions options = run->render;
  options.bleed = b->bleed;
  options.label_context = NULL;
  RoneoOutput *target = roneo_job_run_open_pdf (run, error);
  return target != NULL && roneo_render_pdf_to (pages, &options, target, error);
}

/* The imposition as it is printed: with the binding chosen, not the natural one. */
static char *
describe_nup (const Batch *b)
{
  RoneoNup shown = *b->nup;
  shown.duplex = b->duplex;
  return roneo_nup_describe (&shown);
}

static void
fill_result (Batch *b)
{
  RoneoResult *result = b->run->result;
  result->imposition = b->job->single ? g_strdup_printf ("single pages, %.0f mm bleed, "
                                                         "TrimBox and BleedBox",
                                                         b->bleed / RONEO_PT_PER_MM)
                                      : describe_nup (b);
  g_auto (RoneoPrintRequest) request = { 0 };
  roneo_print_request_for_sheets (b->nup->width, b->nup->height, b->copy_pages == 2, b->duplex,
                                  result->print_copies, &request);
  result->sides = request.sides;
  b->media = g_steal_pointer (&request.media);
  result->fields = g_strdupv (b->fields);
}

/* --- printing ---------------------------------------------------------------- */

/* A wrong queue is found once the inputs are read, before the sheets are made. */
static gboolean
check_printer (const Batch *b, GError **error)
{
  return roneo_print_check (b->job->printer, 1, RONEO_DUPLEX_AUTO, NULL, b->job->color, error);
}

static gboolean
print_pdf (Batch *b, GError **error)
{
  RoneoResult *result = b->run->result;
  return !roneo_job_run_cancelled (b->run, error)
         && roneo_print_file (result->output, b->job->printer, result->print_copies, result->sides,
                              b->media, b->job->color, b->job->print_progress,
                              b->job->print_progress_data, &result->print_job, error);
}

/* --- the job ------------------------------------------------------------------ */

static gboolean
run_steps (Batch *b, GError **error)
{
  static const RoneoCopyFormat copy = { roneo_copy_parse, roneo_copy_parse_file };
  RoneoJobRun *run = b->run;
  const RoneoJobCommon *common = &run->job->common;
  gboolean has_data = common->data.path != NULL || common->data.bytes != NULL;
  /* Copies without data: a {field} left in the tract is said, not hidden. */
  if (!roneo_job_run_load (run, &copy, !has_data, RONEO_LAYOUT_FLYER, "-batch.pdf", error)
      || !impose (b, error))
    return FALSE;
  if (has_data && !b->job->calibration && !read_rows (b, error))
    return FALSE;
  if (b->job->printer != NULL && run->output == NULL)
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_OUTPUT,
                           _ ("a batch sent to a printer is written to a file first: give an "
                              "output path"));
      return FALSE;
    }
  /* Before thousands of copies are laid out, not after. */
  if (!roneo_job_run_check_target (run, error))
    return FALSE;
  if (b->job->printer != NULL && !check_printer (b, error))
    return FALSE;
  if (b->job->single && b->job->profile != RONEO_PROFILE_PRESS)
    {
      g_set_error_literal (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SINGLE,
                           _ ("single pages are for the press profile"));
      return FALSE;
    }
  b->one_sheet = b->job->printer != NULL && !has_data;
  gboolean ok = b->job->calibration ? write_calibration (b, error)
                : b->job->single    ? write_single (b, error)
                : has_data          ? write_records (b, error)
                                    : write_copies (b, error);
  fill_result (b);
  if (!ok || !roneo_job_run_ready (run, error))
    return FALSE;
  if (common->dry_run)
    return TRUE;
  if ((b->writer != NULL && !roneo_sheet_writer_close (b->writer, error))
      || !roneo_job_run_commit (run, error))
    return FALSE;
  return b->job->printer == NULL || print_pdf (b, error);
}

gboolean
roneo_batch_run (RoneoJobRun *run, GError **error)
{
  Batch b = { run, &run->job->batch };
  gboolean ok = run_steps (&b, error);
  batch_clear (&b);
  return ok;
}
