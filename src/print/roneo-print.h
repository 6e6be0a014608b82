/* roneo-print.h: sending a finished PDF to a CUPS queue and following the job.
 *
 * One call, one job. roneo_print_file () asks the queue what it can do
 * (sides-supported, media-supported, copies-supported) and refuses what it
 * cannot before anything is sent (PITFALLS 29), then submits the PDF with
 * copies, sides, media, print-scaling=none and print-color-mode (PITFALLS 30),
 * and polls the job until it reaches a final state: completed, or
 * processing-stopped, canceled, aborted (PITFALLS 28), or the timeout. The
 * server is the one libcups picks: CUPS_SERVER, then client.conf, then the
 * local scheduler. Nothing is kept between calls; nothing here is owned by the
 * caller after the call.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* IPP `sides`. Which edge the paper turns on (PRINT.md "Duplex"). */
typedef enum
{
  RONEO_PRINT_ONE_SIDED,  /* one-sided */
  RONEO_PRINT_LONG_EDGE,  /* two-sided-long-edge */
  RONEO_PRINT_SHORT_EDGE, /* two-sided-short-edge */
} RoneoPrintSides;

/* What the job asks of the queue. Strings are borrowed for the call. */
typedef struct
{
  const char *printer;   /* queue name, required */
  guint copies;          /* identical copies in one job, >= 1 */
  RoneoPrintSides sides;
  const char *media;     /* PWG self-describing name, "iso_a4_210x297mm"; NULL: queue default */
  gboolean color;        /* print-color-mode color, else monochrome */
  const char *title;     /* job-name; NULL: the file's base name */
  guint timeout_s;       /* give up following the job after this; 0: 120 s */
} RoneoPrintOptions;

/* Called with the job state keyword ("pending", "processing", "completed",
 * ...) each time it changes while the job is followed. */
typedef void (*RoneoPrintProgress) (const char *state, gpointer data);

/* The IPP keyword of @sides ("two-sided-long-edge"); static string. */
const char *roneo_print_sides_to_string (RoneoPrintSides sides);

/* Parses an IPP sides keyword; FALSE (and @sides untouched) if unknown. */
gboolean roneo_print_sides_from_string (const char *string, RoneoPrintSides *sides);

/* Whether the queue exists, accepts jobs and can do what options ask,
 * without sending anything: a batch checks it before laying out thousands
 * of copies. Same errors as roneo_print_file(). */
gboolean roneo_print_check (const RoneoPrintOptions *options, GError **error);

/* Prints @pdf_path on @options->printer as one job and waits for it.
 *
 * Returns TRUE once the job is completed. Returns FALSE with RONEO_ERROR_PRINT
 * if the server or the queue cannot be reached or does not exist, if the queue
 * cannot do the sides, media or copies asked (then nothing was sent), if the
 * file cannot be read or sent, if the job ends in any other final state (the
 * message names the state, the reasons and the printer's message), or if it
 * is not final after the timeout. @job_id, if not NULL, receives the job id as
 * soon as the job exists, and 0 when none was created. @progress may be NULL.
 */
gboolean roneo_print_file (const char *pdf_path,
                           const RoneoPrintOptions *options,
                           RoneoPrintProgress progress,
                           gpointer data,
                           int *job_id,
                           GError **error);

G_END_DECLS
