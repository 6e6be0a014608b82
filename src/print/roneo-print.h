/* roneo-print.h: what to ask a printer for a PDF's sheets, sending the PDF to
 * a CUPS queue and following the job.
 *
 * The request. roneo_print_request_for_sheets () turns what the sheets are
 * (their size, whether they have versos, the edge the imposition bound them
 * on) into the media, sides and copies the queue is asked for; nothing else
 * in roneo names a medium or a sides keyword.
 *
 * The job. One call, one job. roneo_print_file () asks the queue what it can
 * do (sides-supported, media-supported, copies-supported) and refuses what it
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

#include "roneo-duplex.h"

G_BEGIN_DECLS

/* --- what to ask for ----------------------------------------------------- */

/* The PWG 5101.1 self-describing name of the medium a sheet of this size is
 * printed on ("iso_a4_210x297mm", "na_letter_8.5x11in"), found by its size
 * within 1 mm in either orientation; any other size is a custom one,
 * "custom_200x300mm_200x300mm", short edge first. Owned. */
char *roneo_print_media_for_size (double width_pt, double height_pt);

/* What a PDF's sheets need of the printer. */
typedef struct
{
  char *media;       /* PWG name of the sheets' medium, owned */
  RoneoDuplex sides; /* ONE_SIDED, LONG_EDGE or SHORT_EDGE */
  guint copies;      /* identical copies of the whole PDF, >= 1 */
} RoneoPrintRequest;

/* Fills @out for sheets of @sheet_w x @sheet_h pt (as drawn, either
 * orientation): one-sided unless @two_sided (every recto followed by its
 * verso), then turned on @binding, the edge the imposition bound the versos
 * on (LONG_EDGE or SHORT_EDGE); @copies of the whole, 0 counting as 1.
 * Clear @out with roneo_print_request_clear (). */
void roneo_print_request_for_sheets (double sheet_w, double sheet_h, gboolean two_sided,
                                     RoneoDuplex binding, guint copies, RoneoPrintRequest *out);
void roneo_print_request_clear (RoneoPrintRequest *request);

/* --- sending a PDF ----------------------------------------------------------- */

/* Whether @queue exists, accepts jobs and can do @copies, @sides (not
 * checked for AUTO) and @media (NULL: not checked), without sending
 * anything: a batch asks it before laying out thousands of copies. Same
 * errors as roneo_print_file (). */
gboolean roneo_print_check (const char *queue, guint copies, RoneoDuplex sides, const char *media,
                            gboolean color, GError **error);

/* roneo_print_file (): declared in roneo.h. */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoPrintRequest, roneo_print_request_clear)

G_END_DECLS
