/* roneo-print-private.h: what roneo-print.c and roneo-print-follow.c share.
 *
 * Both call libcups through roneo-cups-private.h, whose table is loaded by
 * roneo_print_check () and roneo_print_file () before anything else; every
 * owned http_t and ipp_t is a g_autoptr.
 */
#pragma once

#include "roneo-cups-private.h"
#include "roneo-print.h"

/* ipp://localhost/printers/PRINTER (the server maps localhost to itself); owned. */
char *roneo_print_printer_uri (const char *printer);

/* A new request on @printer with printer-uri and requesting-user-name; owned. */
ipp_t *roneo_print_new_request (ipp_op_t op, const char *printer);

/* Polls @job until it is final or @timeout_s passes; TRUE only if completed. */
gboolean roneo_print_follow (http_t *http,
                             const char *printer,
                             int job,
                             guint timeout_s,
                             RoneoPrintProgress progress,
                             gpointer data,
                             GError **error);
