/* roneo-print-private.h: what roneo-print.c and roneo-print-follow.c share.
 *
 * Both call libcups through roneo-cups-private.h, whose table is loaded by
 * roneo_print_check () and roneo_print_file () before anything else; every
 * owned http_t and ipp_t is a g_autoptr.
 */
#pragma once

#include "roneo-cups-private.h"
#include "roneo-print.h"

/* What a job asks of the queue: roneo_print_file ()'s arguments, and what
 * only roneo's own tests set. Strings are borrowed for the call. */
typedef struct
{
  const char *printer; /* queue name, required */
  guint copies;        /* identical copies in one job, >= 1 */
  RoneoDuplex sides;   /* AUTO: not asked, the queue's default */
  const char *media;   /* PWG self-describing name, "iso_a4_210x297mm"; NULL: queue default */
  gboolean color;      /* print-color-mode color, else monochrome */
  const char *title;   /* job-name; NULL: the file's base name */
  guint timeout_s;     /* give up following the job after this; 0: 120 s */
} RoneoPrintOptions;

/* roneo_print_check () and roneo_print_file () with every option. */
gboolean roneo_print_check_options (const RoneoPrintOptions *options, GError **error);
gboolean roneo_print_file_options (const char *pdf_path, const RoneoPrintOptions *options,
                                   RoneoPrintProgress progress, gpointer data, int *job_id,
                                   GError **error);

/* ipp://localhost/printers/PRINTER (the server maps localhost to itself); owned. */
char *roneo_print_printer_uri (const char *printer);

/* A new request on @printer with printer-uri and requesting-user-name; owned. */
ipp_t *roneo_print_new_request (ipp_op_t op, const char *printer);

/* "host:port", or the socket path, of the server libcups talks to; owned. */
char *roneo_print_server_name (void);

/* Sets @error for a server that does not answer (connection refused, name
 * unknown, connection lost), with what to do (roneo-print-errors.c). */
void roneo_print_set_unreachable (GError **error);

/* Sets @error for a @request ("the job") that the server answered with an
 * error status (cupsLastError ()): its reason and a hint for that status. */
void roneo_print_set_refused (const char *printer, const char *request, GError **error);

/* The queue names the server has, sorted, owned; NULL if it would not say. */
GPtrArray *roneo_print_list_queue_names (http_t *http);

/* The server's default queue (CUPS-Get-Default), owned; NULL if it has none. */
char *roneo_print_default_queue_name (http_t *http);

/* Sets @error for a server that would not list its queues. */
void roneo_print_set_unlisted (GError **error);

/* Sets @error for a queue the server does not have, naming the ones it has. */
void roneo_print_set_unknown_queue (http_t *http, const char *printer, GError **error);

/* Polls @job until it is final or @timeout_s passes; TRUE only if completed. */
gboolean roneo_print_follow (http_t *http, const char *printer, int job, guint timeout_s,
                             RoneoPrintProgress progress, gpointer data, GError **error);
