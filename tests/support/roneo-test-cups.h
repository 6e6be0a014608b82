/* roneo-test-cups.h: what reached the printer, for the print suites.
 *
 * The suites run against the private cupsd that tests/print/run-print-tests.sh
 * starts: CUPS_SERVER points at it and each queue writes to a file: device,
 * RONEO_PRINT_OUT_DIR/QUEUE.prn. A job is checked on the server (its
 * attributes, read with libcups) and in the bytes the Generic PDF PPD wrote
 * (PJL lines, then the PDF). Helpers fail the running test (g_assert,
 * g_error); what they return is owned by the caller.
 */
#pragma once

#include <glib.h>

#include "roneo-test-pdf.h"

G_BEGIN_DECLS

/* Writes a two-page A4 PDF at path (a 200 x 100 pt box at 100, 100 on
 * page 1, 50 pt lower on page 2). */
void roneo_test_cups_make_pdf (const char *path);

/* The file: device of queue. Owned. */
char *roneo_test_cups_device_path (const char *queue);

/* Empties queue's device (the file stays: cupsd writes only into an
 * existing one), so the next job's bytes stand alone. */
void roneo_test_cups_empty_device (const char *queue);

/* Nothing reached queue's device since it was emptied. */
gboolean roneo_test_cups_device_is_empty (const char *queue);

/* The bytes queue's device holds, which must not be empty. Owned. */
GBytes *roneo_test_cups_read_device (const char *queue);

/* needle occurs in bytes before the first NUL (the PJL lines come first). */
gboolean roneo_test_cups_bytes_contain (GBytes *bytes, const char *needle);

/* The PDF in a device's bytes, from "%PDF-" to the last "%%EOF". Owned. */
PopplerDocument *roneo_test_cups_device_pdf (GBytes *bytes);

/* One attribute of job as text, from the server's record of the job ("" if
 * absent). Owned. */
char *roneo_test_cups_job_attribute (int job, const char *name);

/* The server's record of job has attribute name equal to expected. */
void roneo_test_cups_assert_job_attribute (int job, const char *name, const char *expected);

G_END_DECLS
