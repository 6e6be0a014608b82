/* roneo-job.h: the engine that runs roneo's stages for one job.
 *
 * A RoneoEngine holds what is costly to load and the same for every job:
 * where the data lives (layouts, fonts), the private font set and the
 * hyphenation dictionaries. It runs jobs one after another; each job
 * parses the copy and the layout, composes pages, renders and finishes the
 * PDF. Warnings go to the RoneoWarnings the caller hands in; nothing is
 * printed. The date comes in with the job, so the same job gives the same
 * bytes.
 */
#pragma once

#include "roneo-duplex.h"
#include "roneo-warnings.h"

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RoneoEngine RoneoEngine;

typedef struct
{
  const char *input;  /* copy file, "-" for standard input */
  const char *output; /* PDF path, "-" for standard output, NULL: beside the input */
  const char *layout; /* layout name or .ini path; NULL: the copy's, else "a5-flyer" */
  const char *lang;   /* NULL: the copy's, else "fr" */
  const char *const *fields; /* "name=value" for the copy's {fields}, NULL-terminated, or NULL */
  gint64 date;        /* document date, seconds since the epoch */
  double png_dpi;     /* > 0: PNG proofs beside the PDF, one per page */
  double bleed;       /* pt */
  gboolean marks;     /* crop marks */
  gboolean strict;    /* any warning fails the job before anything is written */
  gboolean dry_run;   /* compose only (roneo check): write nothing */
  gboolean force;     /* replace a file at the output path that is not a PDF */
  const gint *cancel; /* set to non-zero (on a signal): stop, write nothing */
} RoneoFlyerJob;

typedef struct
{
  char *output;      /* the PDF written, NULL for a dry run; owned */
  GPtrArray *proofs; /* PNG paths written, owned */
  char *layout_name; /* owned */
  guint pages;
  char *dump;        /* the page IR dump, owned */
} RoneoFlyerResult;

/* data_dir: where layouts/ and fonts/ live; NULL: RONEO_DATA_DIR, else the
 * source tree when this library is the one built there, else the installed
 * data. The user's own layouts and fonts ($XDG_DATA_HOME/roneo) come first
 * either way. Loads the fonts. */
RoneoEngine *roneo_engine_new (const char *data_dir, GError **error);
void roneo_engine_free (RoneoEngine *engine);

/* The folders searched for layouts, first wins; and those fonts are read
 * from. Borrowed, NULL-terminated. */
const char *const *roneo_engine_get_layout_dirs (RoneoEngine *engine);
const char *const *roneo_engine_get_font_dirs (RoneoEngine *engine);

/* `roneo fonts`: each Roneo family and what it resolves to. Owned string. */
char *roneo_engine_describe_fonts (RoneoEngine *engine);

/* `roneo layouts`: name, size and description of each layout. Owned string. */
char *roneo_engine_describe_layouts (RoneoEngine *engine, RoneoWarnings *warnings);

/* Runs a flyer job. Every output (the PDF, "-" for standard output, and its
 * proofs) goes to a temporary, committed together at the end: on failure
 * nothing is left and an earlier file at the output path is as it was. An
 * output path that is a file the job reads (the copy, the layout: also
 * through a link) is refused, and so is an existing file that is not a PDF
 * unless force; all RONEO_ERROR_OUTPUT. Banners and batches alike. */
gboolean roneo_engine_run_flyer (RoneoEngine *engine, const RoneoFlyerJob *job,
                                 RoneoWarnings *warnings, RoneoFlyerResult *result,
                                 GError **error);
void roneo_flyer_result_clear (RoneoFlyerResult *result);

/* A banner job: `roneo banner`. Lengths in pt; 0 (or < 0 for overlap and
 * margins) takes the layout's value. */
typedef struct
{
  const char *input;       /* slogan file, "-" for standard input; ignored with text */
  const char *text;        /* the slogan itself (--text), or NULL */
  const char *output;      /* PDF path, "-" for standard output, NULL: beside the input */
  const char *layout;      /* NULL: the slogan's, else "banderole" */
  const char *lang;        /* NULL: the slogan's, else "fr" */
  const char *const *fields; /* "name=value" for the slogan's {fields}, or NULL */
  gint64 date;
  double width, height;    /* the banner; 0: the layout's page size */
  const char *sheet;       /* paper name, NULL: the layout's */
  double overlap;          /* < 0: the layout's */
  double printer_margin[4]; /* top right bottom left; < 0: the layout's */
  guint max_sheets;        /* > 0: the largest banner of these proportions in so many */
  const char *sheets;      /* "B07,C03": only these sheets (no cover) */
  gboolean whole;          /* one page, the whole banner, for a print shop */
  gboolean stencil;        /* letter outlines only */
  const char *manifest;    /* JSON description of the sheets, or NULL */
  double png_dpi;          /* > 0: PNG previews of the banner and the cover */
  double distance;         /* pt, > 0: warn when the capitals are too small for it */
  gboolean strict;
  gboolean dry_run;        /* compose and tile only: write nothing */
  gboolean force;          /* replace a file at the output path that is not a PDF */
  const gint *cancel;      /* set to non-zero (on a signal): stop, write nothing */
} RoneoBannerJob;

typedef struct
{
  char *output;       /* the PDF written, NULL for a dry run; owned */
  GPtrArray *proofs;  /* PNG paths written, owned */
  char *layout_name;  /* owned */
  double width, height; /* the banner, pt */
  guint sheets;       /* sheets printed (0 with whole) */
  guint rows;
  char *sheet_name;   /* "A4", owned */
  double slogan_size; /* pt */
  double cap_height;  /* pt */
  char *dump;         /* the banner page and the sheets, owned */
} RoneoBannerResult;

gboolean roneo_engine_run_banner (RoneoEngine *engine, const RoneoBannerJob *job,
                                  RoneoWarnings *warnings, RoneoBannerResult *result,
                                  GError **error);
void roneo_banner_result_clear (RoneoBannerResult *result);

/* A batch job: `roneo batch`. Copies of a tract, or one per row of a CSV
 * file, imposed n-up on sheets. */
typedef enum
{
  RONEO_BATCH_DUPLEX_AUTO,  /* the imposition's natural binding */
  RONEO_BATCH_DUPLEX_LONG,
  RONEO_BATCH_DUPLEX_SHORT,
} RoneoBatchDuplex;

/* Called after each sheet: done of total. */
typedef void (*RoneoBatchProgress) (guint done, guint total, gpointer data);

typedef struct
{
  const char *input;        /* the tract, or the template with {fields} */
  const char *data;         /* CSV file, or NULL: copies of the tract */
  const char *const *fields; /* without data: "name=value" for the tract's {fields} */
  const char *output;       /* PDF path; NULL: INPUT-batch.pdf beside the input */
  const char *layout;       /* NULL: the copy's, else "a5-flyer" */
  const char *lang;
  gint64 date;
  guint copies;             /* of the tract, or of each row; 0 counts as 1 */
  guint nup;                /* copies per sheet; 0: as many as fit */
  const char *sheet;        /* paper name; NULL: A4 */
  gboolean press;           /* print shop profile: bleed, gutters, crop marks */
  double bleed;             /* press, pt; 0: 3 mm */
  RoneoBatchDuplex duplex;
  gboolean calibration;     /* only the one-sheet duplex test job */
  gboolean single;          /* press: no imposition, each copy's pages with bleed and boxes
                             * (once for copies of a tract: the shop prints the run) */
  gboolean one_sheet;       /* copies of a tract: one sheet (and its back), to send with
                             * copies = sheets (for a printer) */
  gboolean strict;
  gboolean dry_run;
  RoneoBatchProgress progress;
  gpointer progress_data;
  const gint *cancel;       /* set to non-zero (e.g. on SIGINT): stop, write nothing */
  gboolean force;           /* replace a file at the output path that is not a PDF */
  /* Called once the inputs are read and checked, before any copy is laid
   * out (the CLI checks the printer there); FALSE with error stops the job. */
  gboolean (*preflight) (gpointer data, GError **error);
  gpointer preflight_data;
} RoneoBatchJob;

typedef struct
{
  char *output;        /* owned */
  char *layout_name;   /* owned */
  char *imposition;    /* "A5 2-up on A4 landscape (2 x 1), duplex short edge", owned */
  guint records;       /* copies laid out (rows x copies, or copies) */
  guint sheets;        /* sheets in the PDF (a recto/verso pair counts once) */
  guint print_copies;  /* copies to ask the printer for: 1, or the sheets of a one-sheet job */
  gboolean two_sided;
  gboolean short_edge; /* when two_sided: the binding to ask for */
  char *media;         /* IPP media of the sheet, "iso_a4_210x297mm", owned */
  RoneoDuplex sides;   /* what to ask the printer: ONE_SIDED, LONG_EDGE or SHORT_EDGE */
} RoneoBatchResult;

gboolean roneo_engine_run_batch (RoneoEngine *engine, const RoneoBatchJob *job,
                                 RoneoWarnings *warnings, RoneoBatchResult *result,
                                 GError **error);
void roneo_batch_result_clear (RoneoBatchResult *result);

/* The date of a job: SOURCE_DATE_EPOCH when set, else now. Fails on a
 * malformed SOURCE_DATE_EPOCH. */
gboolean roneo_default_date (gint64 *date, GError **error);
/* "2026-03-01", "2026-03-01T10:00:00Z" or seconds since the epoch. */
gboolean roneo_date_parse (const char *text, gint64 *date, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoEngine, roneo_engine_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoFlyerResult, roneo_flyer_result_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoBannerResult, roneo_banner_result_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoBatchResult, roneo_batch_result_clear)

G_END_DECLS
