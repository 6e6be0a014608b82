/* roneo batch: copies of a tract, or one per row of a CSV file, imposed n-up. */
#include "roneo-job.h"

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

typedef struct
{
  RoneoEngine *engine;
  const RoneoBatchJob *job;
  RoneoWarnings *warnings;
  RoneoBatchResult *result;
  RoneoDocument *template_; /* owned */
  RoneoLayout *layout;      /* owned */
  const char *lang;
  PangoContext *context;    /* owned */
  RoneoNup *nup;            /* owned */
  RoneoDuplex duplex;
  double bleed;
  char *sheet_name;         /* owned */
  GStrv fields;             /* owned: the CSV's columns */
  RoneoRowStore *rows;      /* owned: the CSV's rows, kept on disk */
  GArray *row_lines;        /* guint per row: its line in the CSV file */
  char *data_source;        /* owned */
  guint copy_pages;         /* pages of one copy: 1, or 2 for recto/verso */
  RoneoSheetWriter *writer; /* owned */
  RoneoOutputSet *outputs;  /* owned: the PDF's temporary, committed at the end */
} Batch;

static void
batch_clear (Batch *b)
{
  roneo_document_free (b->template_);
  roneo_layout_free (b->layout);
  g_clear_object (&b->context);
  roneo_nup_free (b->nup);
  g_free (b->sheet_name);
  g_strfreev (b->fields);
  g_clear_pointer (&b->rows, roneo_row_store_free);
  g_clear_pointer (&b->row_lines, g_array_unref);
  g_free (b->data_source);
  roneo_sheet_writer_free (b->writer);
  roneo_output_set_free (b->outputs);
}

/* --- the job's parts ------------------------------------------------------ */

static gboolean
load (Batch *b, GError **error)
{
  const RoneoBatchJob *job = b->job;
  if ((b->template_ = roneo_copy_parse_file (job->input, error)) == NULL)
    return FALSE;
  /* Copies without data: a {field} left in the tract is said, not hidden. */
  if (job->data == NULL
      && !roneo_engine_fill_fields (&b->template_, job->fields, b->warnings, error))
    return FALSE;
  b->layout = roneo_engine_load_layout (b->engine, job->layout, b->template_, RONEO_LAYOUT_FLYER,
                                        error);
  if (b->layout == NULL)
    return FALSE;
  roneo_engine_check_fonts (b->engine, b->layout, b->warnings);
  b->lang = job->lang ? job->lang : b->template_->lang ? b->template_->lang : "fr";
  b->context = roneo_fonts_create_context (b->engine->fonts, b->lang);
  return TRUE;
}

static gboolean
impose (Batch *b, GError **error)
{
  const RoneoBatchJob *job = b->job;
  b->sheet_name = g_strdup (job->sheet ? job->sheet : DEFAULT_SHEET);
  RoneoNupSpec spec = {
    .page_width = b->layout->width,
    .page_height = b->layout->height,
    .nup = job->nup,
    .profile = job->press ? RONEO_NUP_PRESS : RONEO_NUP_OFFICE,
    .bleed = job->press ? (job->bleed > 0 ? job->bleed : DEFAULT_BLEED) : 0,
    .printer_margin = PRINTER_MARGIN,
  };
  /* A press prints SRA sheets to the edge: they exist to leave room for
   * bleed and marks around the finished size. */
  if (job->press && g_ascii_strncasecmp (b->sheet_name, "SRA", 3) == 0)
    spec.printer_margin = 0;
  if (!roneo_paper_lookup (b->sheet_name, &spec.sheet_width, &spec.sheet_height))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                   "unknown sheet '%s' (use A4, A3, SRA3, Letter...)", b->sheet_name);
      return FALSE;
    }
  b->bleed = spec.bleed;
  if ((b->nup = roneo_nup_new (&spec, error)) == NULL)
    return FALSE;
  b->duplex = job->duplex == RONEO_BATCH_DUPLEX_LONG    ? RONEO_DUPLEX_LONG_EDGE
              : job->duplex == RONEO_BATCH_DUPLEX_SHORT ? RONEO_DUPLEX_SHORT_EDGE
                                                        : b->nup->duplex;
  if (!job->press && !roneo_nup_content_clear (b->nup, MIN (b->layout->margin_left,
                                                            b->layout->margin_top)))
    roneo_warnings_add (b->warnings, RONEO_WARNING_GENERAL,
                        "layout '%s': its margins keep the copy closer than 8 mm to a cut; "
                        "the guillotine may touch the text",
                        b->layout->name);
  return TRUE;
}

/* The rows, all read (and checked) before anything is laid out: cut-and-stack
 * needs their number, and a bad row must fail the job before any output. */
static gboolean
read_rows (Batch *b, GError **error)
{
  const char *path = b->job->data;
  /* Every row is read (and checked) here, once: "-" can be read only once. */
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, error);
  if (data == NULL || !roneo_document_check_data (b->template_, data, error))
    return FALSE;
  b->fields = g_strdupv ((char **) roneo_data_get_fields (data));
  b->data_source = g_strdup (roneo_data_get_source (data));
  if ((b->rows = roneo_row_store_new (error)) == NULL)
    return FALSE;
  b->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  GStrv values = NULL;
  guint line = 0;
  g_autoptr (GError) local = NULL;
  while (roneo_data_next (data, &values, &line, &local))
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

static gboolean
cancelled (const Batch *b, GError **error)
{
  if (b->job->cancel == NULL || g_atomic_int_get (b->job->cancel) == 0)
    return FALSE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, "interrupted: nothing was written");
  return TRUE;
}

static void
progress (const Batch *b, guint done, guint total)
{
  if (b->job->progress != NULL)
    b->job->progress (done, total, b->job->progress_data);
}

/* A copy is a recto, or a recto and its verso: one sheet of paper. */
static gboolean
check_copy_pages (Batch *b, guint pages, const char *what, GError **error)
{
  if (pages <= 2)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
               "%s takes %u pages; a batch copy is one sheet of paper, recto and verso "
               "(shorten it or use a larger layout)",
               what, pages);
  return FALSE;
}

static GPtrArray *
compose (Batch *b, const RoneoDocument *document, const RoneoLayout *layout, GError **error)
{
  RoneoComposeContext cc = { b->context, b->engine->hyphenator, b->lang, b->warnings };
  return roneo_compose_document (&cc, document, layout, error);
}

/* --- writing sheets ------------------------------------------------------- */

static gboolean
add_side (Batch *b, const int *slots, gboolean verso, GPtrArray *pages, guint number,
          GError **error)
{
  g_autofree char *name = g_strdup_printf ("%u%s", number + 1, verso ? "b" : "a");
  g_autoptr (RoneoSheet) sheet = roneo_nup_new_sheet (b->nup, slots, verso, b->duplex, name);
  return roneo_sheet_writer_add (b->writer, sheet, pages, error);
}

static gboolean
open_writer (Batch *b, GPtrArray *shared, GError **error)
{
  const RoneoRenderOptions options = {
    .title = b->template_->title,
    .author = b->template_->author,
    .subject = b->template_->subject,
    .creator = "roneo " RONEO_VERSION,
    .date = b->job->date,
    .label_context = b->context,
  };
  RoneoOutput *target
      = roneo_output_set_open (b->outputs, b->result->output, "the PDF", TRUE, error);
  b->writer = target ? roneo_sheet_writer_new_to (target, shared, b->bleed, &options, error) : NULL;
  return b->writer != NULL;
}

/* Copies of one tract: the same page in every slot, recorded once. */
static gboolean
write_copies (Batch *b, GError **error)
{
  g_autoptr (GPtrArray) pages = compose (b, b->template_, b->layout, error);
  if (pages == NULL || !check_copy_pages (b, pages->len, b->job->input, error))
    return FALSE;
  guint slots = roneo_nup_get_n_slots (b->nup);
  guint copies = MAX (b->job->copies, 1);
  guint sheets = roneo_nup_sheet_count (copies, slots);
  b->copy_pages = pages->len;
  b->result->records = copies;
  b->result->print_copies = b->job->one_sheet ? sheets : 1;
  b->result->sheets = b->job->one_sheet ? 1 : sheets;
  if (b->job->dry_run)
    return TRUE;
  g_autofree int *recto = g_new (int, slots), *verso = g_new (int, slots);
  for (guint i = 0; i < slots; i++)
    recto[i] = 0, verso[i] = 1;
  if (!open_writer (b, pages, error))
    return FALSE;
  for (guint s = 0; s < b->result->sheets; s++)
    {
      if (cancelled (b, error) || !add_side (b, recto, FALSE, NULL, s, error)
          || (pages->len == 2 && !add_side (b, verso, TRUE, NULL, s, error)))
        return FALSE;
      progress (b, s + 1, b->result->sheets);
    }
  return TRUE;
}

/* One row's copy: its pages appended to pages; *recto and *verso (-1: none)
 * their indices. A row whose copy takes more pages than the template's is
 * refused with its line. */
static gboolean
compose_row (Batch *b, const RoneoLayout *layout, guint row, GPtrArray *pages, int *recto,
             int *verso, GError **error)
{
  g_auto (GStrv) values = roneo_row_store_get (b->rows, row, error);
  if (values == NULL)
    return FALSE;
  g_autoptr (RoneoDocument) copy = roneo_document_fill (
      b->template_, (const char *const *) b->fields, (const char *const *) values, error);
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
        g_set_error (error, RONEO_ERROR, local->code, "%s:%u: row %u (%s): %s", b->data_source,
                     g_array_index (b->row_lines, guint, row), row + 1, first, local->message);
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
write_record_sheet (Batch *b, const RoneoLayout *layout, guint records, guint sheet,
                    GError **error)
{
  guint slots = roneo_nup_get_n_slots (b->nup);
  guint copies = MAX (b->job->copies, 1);
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

/* The template composed unfilled tells how many pages a copy takes; a row
 * may not take more (its text would change the sheet's back). */
static gboolean
write_records (Batch *b, GError **error)
{
  g_autoptr (GPtrArray) sample = compose (b, b->template_, b->layout, error);
  if (sample == NULL || !check_copy_pages (b, sample->len, b->job->input, error))
    return FALSE;
  b->copy_pages = sample->len;
  g_autoptr (RoneoLayout) layout = roneo_layout_copy (b->layout);
  layout->max_pages = sample->len;
  guint records = roneo_row_store_get_n_rows (b->rows) * MAX (b->job->copies, 1);
  guint sheets = roneo_nup_sheet_count (records, roneo_nup_get_n_slots (b->nup));
  b->result->records = records;
  b->result->sheets = sheets;
  b->result->print_copies = 1;
  if (b->job->dry_run)
    return TRUE;
  if (!open_writer (b, NULL, error))
    return FALSE;
  for (guint s = 0; s < sheets; s++)
    {
      if (cancelled (b, error) || !write_record_sheet (b, layout, records, s, error))
        return FALSE;
      progress (b, s + 1, sheets);
    }
  return TRUE;
}

/* The one-sheet test job of PRINT.md: letters and arrows front and back. */
static gboolean
write_calibration (Batch *b, GError **error)
{
  RoneoSheet *front = NULL, *back = NULL;
  roneo_nup_new_calibration (b->nup, b->duplex, &front, &back);
  g_autoptr (RoneoSheet) owned_front = front, owned_back = back;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  b->copy_pages = 2;
  b->result->sheets = 1;
  b->result->print_copies = 1;
  if (b->job->dry_run)
    return TRUE;
  return open_writer (b, NULL, error) && roneo_sheet_writer_add (b->writer, front, none, error)
         && roneo_sheet_writer_add (b->writer, back, none, error);
}

/* For a print shop: no imposition, every copy's pages with bleed, TrimBox
 * and BleedBox (PRINT.md "press"). Copies of a tract are its pages once. */
static gboolean
write_single (Batch *b, GError **error)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  guint rows = b->rows ? roneo_row_store_get_n_rows (b->rows) : 0;
  for (guint row = 0; row < MAX (rows, 1); row++)
    {
      int recto, verso;
      g_autoptr (GPtrArray) own = NULL;
      if (rows > 0 && !compose_row (b, b->layout, row, pages, &recto, &verso, error))
        return FALSE;
      if (rows == 0 && ((own = compose (b, b->template_, b->layout, error)) == NULL))
        return FALSE;
      for (guint i = 0; own != NULL && i < own->len; i++)
        g_ptr_array_add (pages, g_steal_pointer (&g_ptr_array_index (own, i)));
      if (cancelled (b, error))
        return FALSE;
    }
  b->copy_pages = 1;
  b->result->records = MAX (rows, 1);
  b->result->sheets = pages->len;
  b->result->print_copies = rows > 0 ? 1 : MAX (b->job->copies, 1);
  if (b->job->dry_run)
    return TRUE;
  const RoneoRenderOptions options = {
    .title = b->template_->title, .author = b->template_->author,
    .subject = b->template_->subject, .creator = "roneo " RONEO_VERSION,
    .date = b->job->date, .bleed = b->bleed,
  };
  RoneoOutput *target
      = roneo_output_set_open (b->outputs, b->result->output, "the PDF", TRUE, error);
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
  RoneoBatchResult *result = b->result;
  result->layout_name = g_strdup (b->layout->name);
  result->imposition = b->job->single ? g_strdup_printf ("single pages, %.0f mm bleed, "
                                                        "TrimBox and BleedBox",
                                                        b->bleed / RONEO_PT_PER_MM)
                                      : describe_nup (b);
  result->two_sided = b->copy_pages == 2;
  g_auto (RoneoPrintRequest) request = { 0 };
  roneo_print_request_for_sheets (b->nup->width, b->nup->height, result->two_sided, b->duplex,
                                  result->print_copies, &request);
  result->sides = request.sides;
  result->short_edge = request.sides == RONEO_DUPLEX_SHORT_EDGE;
  result->media = g_steal_pointer (&request.media);
}

/* The inputs and the output path, checked before any sheet is laid out. */
static gboolean
check_output (Batch *b, GError **error)
{
  b->outputs = roneo_engine_new_outputs (b->job->force, b->job->cancel, b->job->input, b->layout);
  if (b->job->data != NULL)
    roneo_output_set_add_input (b->outputs, "the CSV file", b->job->data);
  return b->job->dry_run
         || roneo_output_set_check (b->outputs, b->result->output, "the PDF", TRUE, error);
}

static gboolean
run (Batch *b, GError **error)
{
  const RoneoBatchJob *job = b->job;
  if (!load (b, error) || !impose (b, error))
    return FALSE;
  if (job->data != NULL && !job->calibration && !read_rows (b, error))
    return FALSE;
  if (job->preflight != NULL && !job->preflight (job->preflight_data, error))
    return FALSE;
  b->result->output = job->output ? g_strdup (job->output)
                                  : roneo_engine_default_output (job->input, "-batch.pdf");
  if (!check_output (b, error))
    return FALSE;
  if (job->single && !job->press)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                   "--single is for the press profile: add --profile press");
      return FALSE;
    }
  gboolean ok = job->calibration ? write_calibration (b, error)
                : job->single    ? write_single (b, error)
                : job->data      ? write_records (b, error)
                                 : write_copies (b, error);
  fill_result (b);
  if (!ok || !roneo_engine_check_strict (job->strict, b->warnings, error))
    return FALSE;
  if (job->dry_run)
    return TRUE;
  return (b->writer == NULL || roneo_sheet_writer_close (b->writer, error))
         && roneo_output_set_commit (b->outputs, error);
}

gboolean
roneo_engine_run_batch (RoneoEngine *engine, const RoneoBatchJob *job, RoneoWarnings *warnings,
                        RoneoBatchResult *result, GError **error)
{
  memset (result, 0, sizeof *result);
  Batch b = { engine, job, warnings, result };
  gboolean ok = run (&b, error);
  batch_clear (&b);
  if (!ok)
    g_clear_pointer (&result->output, g_free);
  return ok;
}

void
roneo_batch_result_clear (RoneoBatchResult *result)
{
  g_clear_pointer (&result->output, g_free);
  g_clear_pointer (&result->layout_name, g_free);
  g_clear_pointer (&result->imposition, g_free);
  g_clear_pointer (&result->media, g_free);
}
