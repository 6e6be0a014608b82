/* roneo-job-private.h: what a job is inside the engine, and the one pipeline
 * every kind runs through.
 *
 * A RoneoJob is its settings: the common part (RoneoJobCommon: inputs,
 * output target, layout, language, fields, date, strict, dry run, proofs,
 * cancellation) that every kind has, and the part of its kind. A run
 * (RoneoJobRun) resolves the common part once: it reads the copy and the
 * layout, fills the fields, checks the fonts, decides the language, the date,
 * the title and the render options, and knows the output target. Each kind
 * then composes what is its own and writes it through the run: one check
 * before anything is written (strict, cancelled), one way to the target
 * (a temporary renamed into place, standard output, or a stream), proofs as
 * PNG bytes. Not installed.
 */
#pragma once

#include "roneo-engine-private.h"
#include "roneo-output.h"
#include "roneo-render.h"

#include <pango/pango.h>

G_BEGIN_DECLS

/* One input: a path ("-": standard input) or bytes, and its name in messages. */
typedef struct
{
  char *path;    /* owned, or NULL */
  GBytes *bytes; /* owned, or NULL */
  char *name;    /* owned: the path, or the name given with the bytes */
} RoneoJobInput;

typedef struct
{
  RoneoJobInput copy;                    /* the tract, the template, the slogan */
  RoneoJobInput layout;                  /* a layout file or bytes; name alone: a layout name */
  RoneoJobInput data;                    /* a batch's CSV */
  char *output_path;                     /* owned; NULL: beside the copy, or the stream */
  GOutputStream *output_stream;          /* owned ref, or NULL */
  const char *lang;                      /* static (the language table), NULL: the copy's */
  GPtrArray *field_names, *field_values; /* char*, owned */
  gboolean date_set;
  gint64 date;
  gboolean strict;
  gboolean dry_run;
  gboolean force;
  double proof_dpi;          /* > 0: PNG proofs */
  GCancellable *cancellable; /* owned ref, or NULL */
  char *folder;              /* owned, links resolved: where pictures must be; NULL: anywhere */
} RoneoJobCommon;

typedef struct
{
  double bleed; /* pt; < 0: not set */
  gboolean marks;
} RoneoFlyerSettings;

typedef struct
{
  double width, height;     /* 0: the layout's */
  double overlap;           /* < 0: the layout's */
  double printer_margin[4]; /* top right bottom left; < 0: the layout's */
  guint max_sheets;
  char *selection; /* owned, or NULL */
  gboolean whole;
  gboolean stencil;
  char *manifest;  /* owned, or NULL */
  double distance; /* pt, 0: none */
} RoneoBannerSettings;

typedef struct
{
  guint copies; /* >= 1 */
  guint nup;    /* 0: as many as fit */
  RoneoProfile profile;
  RoneoDuplex duplex;
  gboolean calibration;
  gboolean single;
  RoneoProgress progress;
  gpointer progress_data;
  char *printer; /* owned, or NULL */
  gboolean color;
  RoneoPrintProgress print_progress;
  gpointer print_progress_data;
} RoneoBatchSettings;

struct _RoneoJob
{
  RoneoJobKind kind;
  RoneoJobCommon common;
  char *sheet;              /* banners and batches: paper name, owned, NULL: the default */
  RoneoFlyerSettings flyer; /* also a batch's bleed */
  RoneoBannerSettings banner;
  RoneoBatchSettings batch;
};

/* A picture as printed, for roneo_result_get_picture. */
typedef struct
{
  char *name;           /* owned */
  guint page;           /* 1-based */
  double width, height; /* pt */
  double dpi;           /* 0: a vector */
} RoneoResultPicture;

struct _RoneoResult
{
  char *output;           /* owned; NULL for a stream or a dry run */
  char *layout_name;      /* owned */
  guint pages;            /* a flyer's pages, a banner's or a batch's sheets */
  GPtrArray *proofs;      /* GBytes* PNG */
  GPtrArray *proof_paths; /* char*, NULL where not written to a file */
  char *dump;             /* owned */
  GArray *pictures;       /* RoneoResultPicture, in page order */
  /* banners */
  double width, height;
  guint rows;
  char *sheet_name; /* owned */
  double slogan_size, cap_height;
  /* batches */
  guint records;
  char *imposition; /* owned */
  GStrv fields;     /* owned: the CSV file's columns, or NULL */
  RoneoDuplex sides;
  guint print_copies;
  int print_job;
};

RoneoResult *roneo_result_new (void);
/* The pictures pages (RoneoPage*) print, appended to the result's. */
void roneo_result_add_pictures (RoneoResult *result, GPtrArray *pages);

/* --- one run of a job -------------------------------------------------------- */

typedef struct
{
  RoneoEngine *engine;
  const RoneoJob *job;
  RoneoWarnings *warnings;     /* the caller's, or own_warnings */
  RoneoWarnings *own_warnings; /* owned, when the caller gave none: strict still sees them */
  RoneoResult *result;         /* owned until the run succeeds */
  gint cancel;                 /* set (atomically) once the job's cancellable is cancelled */
  gulong cancel_handler;
  RoneoDocument *document; /* owned: the copy, its fields filled (a batch's template) */
  RoneoLayout *layout;     /* owned */
  char *layout_path;       /* owned: the file it was read from, or NULL */
  const char *lang;        /* the job's, the copy's, or the default */
  gint64 date;
  char *title;               /* owned: the document's, or its headline on one line */
  PangoContext *context;     /* owned: the fonts in lang */
  RoneoRenderOptions render; /* title, author, subject, creator, date, labels */
  char *output;              /* owned: the target path, NULL for a stream */
  RoneoOutputSet *outputs;   /* owned: every output, committed together */
  RoneoOutput *pdf;          /* borrowed from outputs (or owned scratch for a stream) */
  RoneoOutput *scratch;      /* owned: the PDF before it goes to the stream */
} RoneoJobRun;

/* How a kind reads its copy: the copy parser, or the slogan parser. */
typedef struct
{
  RoneoDocument *(*parse) (const char *source, const char *text, gsize length, GError **error);
  RoneoDocument *(*parse_file) (const char *path, GError **error);
} RoneoCopyFormat;

/* Starts a run: the cancellable watched, an empty result. */
void roneo_job_run_init (RoneoJobRun *run, RoneoEngine *engine, const RoneoJob *job,
                         RoneoWarnings *warnings);
void roneo_job_run_clear (RoneoJobRun *run);

/* The common part: reads the copy with parse (fields filled unless
 * fill_fields is FALSE), the layout of kind (with the copy's overrides), and
 * checks its fonts; decides the language, the date, the title (the copy's, or
 * its headline) and the render options; checks the output target (the
 * default named by suffix beside the copy: ".pdf", "-tiles.pdf"...) before
 * anything is composed. fill is FALSE for a batch's template, filled per row. */
gboolean roneo_job_run_load (RoneoJobRun *run, const RoneoCopyFormat *format, gboolean fill,
                             RoneoLayoutKind kind, const char *suffix, GError **error);

/* Whether the output may go where it is to go (not over an input, nor over
 * a file that is not a PDF): checked when it is opened, and before by a
 * job that takes long to compose. */
gboolean roneo_job_run_check_target (RoneoJobRun *run, GError **error);

/* TRUE, with RONEO_ERROR_CANCELLED, once the job is cancelled. */
gboolean roneo_job_run_cancelled (RoneoJobRun *run, GError **error);

/* FALSE with an error once the job is cancelled, or under strict once there
 * is a warning: called before anything is written, and again before each
 * sheet of a batch. */
gboolean roneo_job_run_ready (RoneoJobRun *run, GError **error);

/* Opens the PDF: a temporary beside the target, standard output, or a
 * scratch file for a stream. Borrowed. */
RoneoOutput *roneo_job_run_open_pdf (RoneoJobRun *run, GError **error);

/* Another output of the job (a manifest): a path beside the PDF. Borrowed. */
RoneoOutput *roneo_job_run_open_extra (RoneoJobRun *run, const char *path, const char *what,
                                       GError **error);

/* A proof: its PNG kept in the result, and written to path when the target
 * is a file (path NULL: bytes only). */
gboolean roneo_job_run_add_proof (RoneoJobRun *run, GBytes *png, const char *path, const char *what,
                                  GError **error);

/* Every picture document names is a file inside the job's folder (when it
 * has one), links resolved; else RONEO_ERROR_INPUT at its line, and
 * nothing of it is read. */
gboolean roneo_job_run_check_pictures (const RoneoJobRun *run, const RoneoDocument *document,
                                       GError **error);

/* Whether proofs go to files too: a PDF path that is not standard output. */
gboolean roneo_job_run_proofs_to_files (const RoneoJobRun *run);

/* Commits every output (the PDF last), or copies the PDF to the stream. */
gboolean roneo_job_run_commit (RoneoJobRun *run, GError **error);

/* The kinds' own parts, run after roneo_job_run_init. */
gboolean roneo_flyer_run (RoneoJobRun *run, GError **error);
gboolean roneo_banner_run (RoneoJobRun *run, GError **error);
gboolean roneo_batch_run (RoneoJobRun *run, GError **error);

G_END_DECLS
