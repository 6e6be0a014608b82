/* roneo.h: the public interface of libroneo, the tract and banner layout engine.
 *
 * This is the only installed header (pkg-config roneo). A program creates
 * one RoneoEngine (fonts, dictionaries, where the data is: costly, made once)
 * and runs jobs on it, one at a time; two engines may run in two threads at
 * once. A RoneoJob is what to make: a flyer, a banner or a batch, its input
 * (a path or bytes), its output (a path or a GOutputStream) and its settings.
 * Running it gives a RoneoResult, or FALSE with a GError; nothing is printed,
 * and on any failure or cancellation nothing is written. The same job with
 * the same date gives the same bytes.
 *
 *   g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
 *   g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
 *   roneo_job_set_input_bytes (job, copy, "tract.md");
 *   roneo_job_set_output_stream (job, stream);
 *   g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
 *   g_autoptr (RoneoResult) result = roneo_engine_run (engine, job, warnings, &error);
 *
 * Errors are in two domains. RONEO_ERROR says what went wrong with the input,
 * the fonts, the fit, the output or the printer; its codes are the roneo
 * command's exit codes. RONEO_JOB_ERROR says which setting of the job cannot
 * be used; its message describes the value ("the sheet A4 is too small for
 * A3 pages; A3 or larger"), and a program adds what its user calls the
 * setting. Messages are in English, lower case, a position first when there
 * is one ("tract.md:12:3: unknown key 'colour'").
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#if defined(__GNUC__)
#define RONEO_API __attribute__ ((visibility ("default")))
#else
#define RONEO_API
#endif

/* "0.1.0"; static. */
RONEO_API const char *roneo_get_version (void);

/* The language of the messages (errors, warnings) the library gives on the
 * calling thread: "fr", "de", "en"... from roneo's catalogues, whatever the
 * process's locale; NULL: the locale's (LC_MESSAGES, LANGUAGE), as before
 * any call. For a server answering people in their languages (roneo studio
 * sets it on each thread that runs a request's job). */
RONEO_API void roneo_set_thread_language (const char *lang);

/* --- errors ----------------------------------------------------------------- */

#define RONEO_ERROR (roneo_error_quark ())
typedef enum
{
  RONEO_ERROR_USAGE = 1, /* the roneo command's own: a bad command line; never from the library */
  RONEO_ERROR_INPUT = 2, /* unreadable, not UTF-8, parse error, bad value */
  RONEO_ERROR_FONT = 3,  /* a font missing, or substituted with strict */
  RONEO_ERROR_OVERFLOW = 4,  /* the copy does not fit */
  RONEO_ERROR_OUTPUT = 5,    /* cannot write the output */
  RONEO_ERROR_PRINT = 6,     /* printing failed */
  RONEO_ERROR_CANCELLED = 7, /* the job was cancelled: nothing was written */
  RONEO_ERROR_NOT_A_PDF = 8, /* a file that is not a PDF is where the PDF goes: kept (see force) */
} RoneoErrorCode;
RONEO_API GQuark roneo_error_quark (void);

#define RONEO_JOB_ERROR (roneo_job_error_quark ())
/* Which setting of a job cannot be used. */
typedef enum
{
  RONEO_JOB_ERROR_INPUT = 1,      /* no input, or none of the kind needed */
  RONEO_JOB_ERROR_OUTPUT,         /* no output where one is needed (an input from bytes) */
  RONEO_JOB_ERROR_LAYOUT,         /* a layout of another kind */
  RONEO_JOB_ERROR_LANG,           /* a language roneo does not know */
  RONEO_JOB_ERROR_FIELD,          /* a field the copy does not have, or a bad name */
  RONEO_JOB_ERROR_DATE,           /* a date that is not one (also SOURCE_DATE_EPOCH) */
  RONEO_JOB_ERROR_BLEED,          /* out of 0 to 20 mm */
  RONEO_JOB_ERROR_SIZE,           /* a banner out of 10 cm to 50 m */
  RONEO_JOB_ERROR_SHEET,          /* unknown paper, or too small for the pages */
  RONEO_JOB_ERROR_OVERLAP,        /* banner sheets' overlap */
  RONEO_JOB_ERROR_PRINTER_MARGIN, /* banner sheets' unprinted margins */
  RONEO_JOB_ERROR_MAX_SHEETS,     /* too few sheets, or a banner needing too many */
  RONEO_JOB_ERROR_SHEETS,         /* a selection of banner sheets naming none */
  RONEO_JOB_ERROR_NUP,            /* copies per sheet that do not fit */
  RONEO_JOB_ERROR_COPIES,         /* 0 copies */
  RONEO_JOB_ERROR_SINGLE,         /* single pages without the press profile */
} RoneoJobErrorCode;
RONEO_API GQuark roneo_job_error_quark (void);

/* --- lengths ---------------------------------------------------------------- */

/* Every length in roneo is PostScript points (1/72 in). */
#define RONEO_PT_PER_MM (72.0 / 25.4)
#define RONEO_MM(mm) ((mm) *RONEO_PT_PER_MM)

/* What a length measures, which decides the unit suggested to a user who
 * wrote a bare number. */
typedef enum
{
  RONEO_LENGTH_PAPER,    /* margins, bleed, overlap, page sizes: mm, or cm when large */
  RONEO_LENGTH_TYPE,     /* font sizes, spaces between blocks, indents: pt */
  RONEO_LENGTH_DISTANCE, /* how far a reader stands: m */
} RoneoLengthKind;

/* "12mm", "1.5 cm", "0.5in", "10pt", "2m", in pt. The unit is required (a
 * bare number other than 0 is refused, the value with a unit suggested for
 * kind); negative values are refused. RONEO_ERROR_INPUT, no position. */
RONEO_API gboolean roneo_length_parse_kind (const char *text, RoneoLengthKind kind, double *out_pt,
                                            GError **error);
/* "300x90cm", "3m x 90cm", "A3": width and height in pt. */
RONEO_API gboolean roneo_size_parse (const char *text, double *width_pt, double *height_pt,
                                     GError **error);

/* "2026-03-01", "2026-03-01T10:00:00Z" or seconds since the epoch.
 * RONEO_JOB_ERROR_DATE otherwise. */
RONEO_API gboolean roneo_date_parse (const char *text, gint64 *date, GError **error);

/* --- warnings ---------------------------------------------------------------- */

/* A job goes on after these; with strict, the first one fails it, but
 * advice. */
typedef enum
{
  RONEO_WARNING_GENERAL,
  RONEO_WARNING_FONT, /* a family resolved to another one: RONEO_ERROR_FONT with strict */
  RONEO_WARNING_FIT,  /* shrunk, or too small to fit or to read: RONEO_ERROR_OVERFLOW with strict */
  RONEO_WARNING_ADVICE, /* prints, could print better (a bitmap at 72 to 150 dpi): strict lets
                         * it pass */
} RoneoWarningKind;

typedef struct _RoneoWarning RoneoWarning;
typedef struct _RoneoWarnings RoneoWarnings;

RONEO_API RoneoWarnings *roneo_warnings_new (void);
RONEO_API void roneo_warnings_free (RoneoWarnings *warnings);
RONEO_API guint roneo_warnings_get_count (const RoneoWarnings *warnings);
/* Borrowed; valid until the list is freed. */
RONEO_API const RoneoWarning *roneo_warnings_peek (const RoneoWarnings *warnings, guint index);

RONEO_API RoneoWarningKind roneo_warning_get_kind (const RoneoWarning *warning);
/* What is wrong, without the position. */
RONEO_API const char *roneo_warning_get_message (const RoneoWarning *warning);
/* The file it is about ("tract.md", "the slogan"), or NULL. */
RONEO_API const char *roneo_warning_get_file (const RoneoWarning *warning);
/* Its line in that file, from 1; 0 when none. */
RONEO_API guint roneo_warning_get_line (const RoneoWarning *warning);
/* "tract.md:12: message", "tract.md: message" or "message"; owned. */
RONEO_API char *roneo_warning_to_string (const RoneoWarning *warning);

/* --- the engine ---------------------------------------------------------------- */

typedef struct _RoneoEngine RoneoEngine;

/* data_dir: where layouts/ and fonts/ live; NULL: RONEO_DATA_DIR, else the
 * source tree when this library is the one built there, else the installed
 * data. The user's own layouts and fonts ($XDG_DATA_HOME/roneo) come first
 * either way. Loads the fonts. */
RONEO_API RoneoEngine *roneo_engine_new (const char *data_dir, GError **error);
/* As roneo_engine_new, for a program whose only text is roneo's (the roneo
 * command): the engine's fonts also become the process's current fontconfig
 * configuration, so Pango's start-up reads them instead of parsing the
 * system's whole configuration (about 3 ms of every cold run). A program
 * that draws other text through fontconfig (a window, a toolkit) must use
 * roneo_engine_new. Create it before any other use of fontconfig or Pango. */
RONEO_API RoneoEngine *roneo_engine_new_for_program (const char *data_dir, GError **error);
RONEO_API void roneo_engine_free (RoneoEngine *engine);

/* The folders searched for layouts, first wins; and those fonts are read
 * from. Borrowed, NULL-terminated. */
RONEO_API const char *const *roneo_engine_get_layout_dirs (RoneoEngine *engine);
RONEO_API const char *const *roneo_engine_get_font_dirs (RoneoEngine *engine);

/* Each Roneo family and what it resolves to, one per line. Owned. */
RONEO_API char *roneo_engine_describe_fonts (RoneoEngine *engine);
/* Name, size, kind and description of each layout, one per line; a layout
 * that cannot be read is a warning. Owned. */
RONEO_API char *roneo_engine_describe_layouts (RoneoEngine *engine, RoneoWarnings *warnings);

/* --- jobs ----------------------------------------------------------------------- */

typedef enum
{
  RONEO_JOB_FLYER,  /* a tract: pages of a layout */
  RONEO_JOB_BANNER, /* a slogan at banner size, cut into sheets with a cover */
  RONEO_JOB_BATCH,  /* copies of a tract, or one per row of a CSV file, imposed n-up */
} RoneoJobKind;

/* The layouts, as records: what roneo_engine_describe_layouts says, for a
 * program that shows them its own way (roneo studio's layout picker). */
typedef struct _RoneoLayouts RoneoLayouts;

/* Every layout the engine finds, in the order roneo_engine_describe_layouts
 * lists them; a layout that cannot be read is a warning. Owned. */
RONEO_API RoneoLayouts *roneo_engine_list_layouts (RoneoEngine *engine, RoneoWarnings *warnings);
RONEO_API void roneo_layouts_free (RoneoLayouts *layouts);
RONEO_API guint roneo_layouts_get_count (const RoneoLayouts *layouts);
/* Its name, what roneo_job_set_layout takes. Borrowed. */
RONEO_API const char *roneo_layouts_get_name (const RoneoLayouts *layouts, guint index);
/* One line on what it is for, in the messages' language (the thread's,
 * roneo_set_thread_language, else the locale's) when the layout has it, else
 * the plain (English) one. Borrowed. */
RONEO_API const char *roneo_layouts_get_description (const RoneoLayouts *layouts, guint index);
/* RONEO_JOB_BANNER for a banner's layout; RONEO_JOB_FLYER for the others,
 * which batches impose too. */
RONEO_API RoneoJobKind roneo_layouts_get_kind (const RoneoLayouts *layouts, guint index);
/* Its page's size in pt (a banner layout's: its default size). */
RONEO_API void roneo_layouts_get_size (const RoneoLayouts *layouts, guint index, double *width,
                                       double *height);

/* Which edge a sheet turns on. */
typedef enum
{
  RONEO_DUPLEX_AUTO,       /* a batch: the imposition's natural binding */
  RONEO_DUPLEX_ONE_SIDED,  /* IPP one-sided */
  RONEO_DUPLEX_LONG_EDGE,  /* IPP two-sided-long-edge */
  RONEO_DUPLEX_SHORT_EDGE, /* IPP two-sided-short-edge */
} RoneoDuplex;

typedef enum
{
  RONEO_PROFILE_OFFICE, /* a photocopier: butt cuts, no bleed */
  RONEO_PROFILE_PRESS,  /* a print shop: bleed, gutters, crop marks */
} RoneoProfile;

/* Called after each sheet of a batch: done of total. */
typedef void (*RoneoProgress) (guint done, guint total, gpointer data);
/* Called with the IPP job state ("pending", "processing", "completed"...)
 * each time it changes while a print job is followed. */
typedef void (*RoneoPrintProgress) (const char *state, gpointer data);

typedef struct _RoneoJob RoneoJob;

RONEO_API RoneoJob *roneo_job_new (RoneoJobKind kind);
RONEO_API void roneo_job_free (RoneoJob *job);
RONEO_API RoneoJobKind roneo_job_get_kind (const RoneoJob *job);

/* What every job has. Strings and bytes are copied. */

/* The copy (a banner's slogan): a path, "-" for standard input. */
RONEO_API void roneo_job_set_input_file (RoneoJob *job, const char *path);
/* The copy as bytes; name says it in messages ("tract.md"). */
RONEO_API void roneo_job_set_input_bytes (RoneoJob *job, GBytes *bytes, const char *name);
/* A layout name, or a path to a .ini; NULL (the default): the copy's own,
 * else a5-flyer (banderole for a banner). */
RONEO_API void roneo_job_set_layout (RoneoJob *job, const char *name_or_path);
RONEO_API void roneo_job_set_layout_bytes (RoneoJob *job, GBytes *bytes, const char *name);
/* A language tag in any case ("fr", "en-GB"); NULL: the copy's, else fr.
 * RONEO_JOB_ERROR_LANG for one roneo does not know. */
RONEO_API gboolean roneo_job_set_lang (RoneoJob *job, const char *tag, GError **error);
/* Fills {name} in the copy (names match as CSV columns do: case and accents
 * aside). A field the copy does not have fails the run. */
RONEO_API void roneo_job_add_field (RoneoJob *job, const char *name, const char *value);
/* Seconds since the epoch; by default SOURCE_DATE_EPOCH, else now. */
RONEO_API void roneo_job_set_date (RoneoJob *job, gint64 date);
/* Any warning fails the job before anything is written. */
RONEO_API void roneo_job_set_strict (RoneoJob *job, gboolean strict);
/* Compose (and impose) only: write nothing. With proofs, a flyer's pages,
 * a banner's whole and cover, a batch's first sheets are drawn as PNG, in
 * the result only (a preview, without the cost of the PDF). */
RONEO_API void roneo_job_set_dry_run (RoneoJob *job, gboolean dry_run);
/* > 0: PNG proofs at that resolution, in the result as bytes, and beside
 * an output path as files (a flyer's pages; a banner's whole and cover); a
 * batch's first sides (up to 4: two sheets, recto and verso), bytes only. */
RONEO_API void roneo_job_set_proofs (RoneoJob *job, double dpi);
/* The PDF: a path ("-": standard output), written by temporary and rename.
 * Default: beside a file input (tract.pdf, slogan-tiles.pdf, tract-batch.pdf). */
RONEO_API void roneo_job_set_output_file (RoneoJob *job, const char *path);
/* The PDF to a stream instead; written only once the job has succeeded,
 * not closed. */
RONEO_API void roneo_job_set_output_stream (RoneoJob *job, GOutputStream *stream);
/* Replace a file at the output path even if it is not a PDF. */
RONEO_API void roneo_job_set_force (RoneoJob *job, gboolean force);
/* Pictures the copy names (its images, its logo, those a CSV row names)
 * must be files inside folder, links resolved: RONEO_ERROR_INPUT at the
 * picture's line otherwise, and nothing of it is read. NULL (the default):
 * anywhere. For a program serving others' requests (roneo studio). */
RONEO_API void roneo_job_set_folder (RoneoJob *job, const char *folder);
/* Cancelling stops the job soon (RONEO_ERROR_CANCELLED), nothing written. */
RONEO_API void roneo_job_set_cancellable (RoneoJob *job, GCancellable *cancellable);

/* Flyers and batches. */

/* For a print shop: the page grows by it, TrimBox and BleedBox are set; a
 * batch with the press profile: default 3 mm. RONEO_JOB_ERROR_BLEED beyond
 * 20 mm or below 0. */
RONEO_API gboolean roneo_job_set_bleed (RoneoJob *job, double pt, GError **error);
/* A flyer: crop marks outside the trim. */
RONEO_API void roneo_job_set_marks (RoneoJob *job, gboolean marks);

/* Banners and batches. */

/* The paper: "A4", "A3", "SRA3", "Letter"... (default: a banner layout's own, A4 for a batch).
 * RONEO_JOB_ERROR_SHEET for a name roneo does not know. */
RONEO_API gboolean roneo_job_set_sheet (RoneoJob *job, const char *paper, GError **error);

/* Banners. Lengths in pt; not set: the layout's. */

RONEO_API void roneo_job_set_banner_size (RoneoJob *job, double width, double height);
RONEO_API void roneo_job_set_overlap (RoneoJob *job, double overlap);
RONEO_API void roneo_job_set_printer_margins (RoneoJob *job, double top, double right,
                                              double bottom, double left);
/* > 0: the largest banner of these proportions in so many sheets. */
RONEO_API void roneo_job_set_max_sheets (RoneoJob *job, guint max_sheets);
/* "B07,C03": only these sheets, no cover. */
RONEO_API void roneo_job_set_sheet_selection (RoneoJob *job, const char *ids);
/* One page, the whole banner, for a print shop. */
RONEO_API void roneo_job_set_whole (RoneoJob *job, gboolean whole);
/* Letter outlines only, to fill in by hand. */
RONEO_API void roneo_job_set_stencil (RoneoJob *job, gboolean stencil);
/* A JSON description of the sheets, written beside the PDF. */
RONEO_API void roneo_job_set_manifest_file (RoneoJob *job, const char *path);
/* > 0: warn (RONEO_WARNING_FIT) when the capitals are too small to read from
 * this far. */
RONEO_API void roneo_job_set_reading_distance (RoneoJob *job, double pt);

/* Batches. */

/* One copy per row of a CSV file ("-": standard input), its {fields} filled. */
RONEO_API void roneo_job_set_data_file (RoneoJob *job, const char *path);
RONEO_API void roneo_job_set_data_bytes (RoneoJob *job, GBytes *bytes, const char *name);
/* Copies of the tract, or of each row; default 1. RONEO_JOB_ERROR_COPIES for 0. */
RONEO_API gboolean roneo_job_set_copies (RoneoJob *job, guint copies, GError **error);
/* Copies per sheet; 0 (the default): as many as fit. */
RONEO_API void roneo_job_set_nup (RoneoJob *job, guint nup);
RONEO_API void roneo_job_set_profile (RoneoJob *job, RoneoProfile profile);
RONEO_API void roneo_job_set_duplex (RoneoJob *job, RoneoDuplex duplex);
/* Only the one-sheet recto/verso test job. */
RONEO_API void roneo_job_set_calibration (RoneoJob *job, gboolean calibration);
/* The press profile: no imposition, each copy's pages with bleed and boxes. */
RONEO_API void roneo_job_set_single (RoneoJob *job, gboolean single);
RONEO_API void roneo_job_set_progress (RoneoJob *job, RoneoProgress progress, gpointer data);
/* Sends the PDF to this CUPS queue once it is written, with the paper, the
 * sides and the copies its sheets need, and follows the job. The queue is
 * asked first, before any copy is laid out. Copies of one tract are then
 * one sheet printed as many times. */
RONEO_API void roneo_job_set_printer (RoneoJob *job, const char *queue, gboolean color);
RONEO_API void roneo_job_set_print_progress (RoneoJob *job, RoneoPrintProgress progress,
                                             gpointer data);

/* --- results ----------------------------------------------------------------------- */

typedef struct _RoneoResult RoneoResult;

/* Runs job on engine; warnings (may be NULL) collects what it has to say,
 * also when it fails. NULL with an error: nothing was written. */
RONEO_API RoneoResult *roneo_engine_run (RoneoEngine *engine, const RoneoJob *job,
                                         RoneoWarnings *warnings, GError **error);
RONEO_API void roneo_result_free (RoneoResult *result);

/* The PDF's path ("-": standard output); NULL for a stream or a dry run. */
RONEO_API const char *roneo_result_get_output_path (const RoneoResult *result);
RONEO_API const char *roneo_result_get_layout_name (const RoneoResult *result);
/* Pages of a flyer; sheets (a recto/verso pair once) of a banner or a batch
 * in the PDF (0 for a whole banner). */
RONEO_API guint roneo_result_get_n_pages (const RoneoResult *result);
RONEO_API guint roneo_result_get_n_proofs (const RoneoResult *result);
/* The PNG; borrowed. */
RONEO_API GBytes *roneo_result_get_proof (const RoneoResult *result, guint index);
/* Where it was written, or NULL. */
RONEO_API const char *roneo_result_get_proof_path (const RoneoResult *result, guint index);
/* The composed pages (and sheets), as text: for tests and bug reports. */
RONEO_API const char *roneo_result_get_dump (const RoneoResult *result);

/* The pictures printed, in page order: a flyer's, a batch's first copy's, a
 * banner's logo. */
RONEO_API guint roneo_result_get_n_pictures (const RoneoResult *result);
/* Picture index: its name as the copy gives it (a QR code: its text); the
 * page it is on (1-based: a banner's is the banner), its printed size in
 * pt, and the pixels per inch it prints at across its width, 0 for a
 * drawing or a QR code (vectors). Each out pointer may be NULL. */
RONEO_API const char *roneo_result_get_picture (const RoneoResult *result, guint index, guint *page,
                                                double *width, double *height, double *dpi);

/* Banners: its size in pt, the rows of sheets, the paper, the slogan's size
 * and its capitals' height in pt. The capitals' height is also a flyer's
 * whose headline is stacked (a placard): that of its smallest line; 0 for
 * other flyers. */
RONEO_API void roneo_result_get_banner_size (const RoneoResult *result, double *width,
                                             double *height);
RONEO_API guint roneo_result_get_n_rows (const RoneoResult *result);
RONEO_API const char *roneo_result_get_sheet_name (const RoneoResult *result);
RONEO_API double roneo_result_get_slogan_size (const RoneoResult *result);
RONEO_API double roneo_result_get_cap_height (const RoneoResult *result);

/* Batches: copies laid out, the imposition ("A5 2-up on A4 landscape
 * (2 x 1), duplex short edge"), and the sides to print. */
RONEO_API guint roneo_result_get_n_records (const RoneoResult *result);
RONEO_API const char *roneo_result_get_imposition (const RoneoResult *result);
RONEO_API RoneoDuplex roneo_result_get_sides (const RoneoResult *result);
/* A batch from a CSV file: its columns, the fields a copy may name, as the
 * file writes them; NULL without one. Borrowed, NULL-terminated. */
RONEO_API const char *const *roneo_result_get_fields (const RoneoResult *result);
/* A batch sent to a printer: the CUPS job, and the copies asked for. */
RONEO_API int roneo_result_get_print_job (const RoneoResult *result);
RONEO_API guint roneo_result_get_print_copies (const RoneoResult *result);

/* --- printing a PDF -------------------------------------------------------------- */

/* Sends pdf_path to queue as one job at actual size and follows it until it
 * is completed (TRUE) or ends otherwise (RONEO_ERROR_PRINT, with the state,
 * the reasons and the printer's message). The queue is asked first whether
 * it can do sides (not AUTO), media (a PWG name, "iso_a4_210x297mm"; NULL:
 * its default) and copies; nothing is sent when it cannot. job_id, if not
 * NULL, receives the job's id (0 when none was created). */
RONEO_API gboolean roneo_print_file (const char *pdf_path, const char *queue, guint copies,
                                     RoneoDuplex sides, const char *media, gboolean color,
                                     RoneoPrintProgress progress, gpointer data, int *job_id,
                                     GError **error);
/* The queues of the CUPS server libcups talks to (the same one roneo_print_file
 * sends to), sorted by name; an empty list when it has none. Owned
 * (g_strfreev); NULL with RONEO_ERROR_PRINT when the server does not answer. */
RONEO_API char **roneo_print_list_queues (GError **error);
/* The CUPS server's default queue (lpadmin -d), owned (g_free); NULL when it
 * has none (error unset) or does not answer (RONEO_ERROR_PRINT). A user's own
 * default (lpoptions -d) is not asked. */
RONEO_API char *roneo_print_get_default_queue (GError **error);
/* The IPP keyword of sides ("two-sided-long-edge"); static. */
RONEO_API const char *roneo_duplex_to_ipp (RoneoDuplex sides);
/* An IPP sides keyword; FALSE (and sides untouched) if unknown. */
RONEO_API gboolean roneo_duplex_from_ipp (const char *keyword, RoneoDuplex *sides);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoWarnings, roneo_warnings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoEngine, roneo_engine_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoLayouts, roneo_layouts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoJob, roneo_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoResult, roneo_result_free)

G_END_DECLS
