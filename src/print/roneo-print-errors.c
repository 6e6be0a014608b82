/* roneo-print-errors.c: what to tell a user whose job the CUPS server did not take.
 *
 * Three mistakes cover most failed prints: no server runs where libcups looks
 * (CUPS_SERVER, client.conf, then the local scheduler), the server refuses
 * the request (the user may not print there, the queue rejects jobs), or the
 * queue has another name. Each message says which, names the server and the
 * queue, and says what to run. errno is never quoted: after a failed
 * connection libcups has closed its sockets, and errno then says "Bad file
 * descriptor" whatever went wrong (and cupsLastErrorString () "Host is down").
 */
#include "roneo-print-private.h"
#include "roneo-intl-private.h"

#include <string.h>

#include "roneo-error.h"

/* Queues named in an unknown-queue message; the rest are counted. */
#define MAX_LISTED 8

char *
roneo_print_server_name (void)
{
  const RoneoCups *cups = roneo_cups_peek ();
  const char *server = cups->cupsServer ();

  if (server[0] == '/')
    return g_strdup (server);
  return g_strdup_printf ("%s:%d", server, cups->ippPort ());
}

/* The server was named by CUPS_SERVER rather than found by libcups. */
static gboolean
server_from_environment (void)
{
  const char *value = g_getenv ("CUPS_SERVER");

  return value != NULL && value[0] != '\0';
}

/* libcups's reason, as a clause: "Not allowed to print." -> "not allowed to print". */
static char *
reason_clause (const char *reason)
{
  char *clause = g_strdup (reason != NULL && reason[0] != '\0' ? reason : "no reason given");
  gsize length = strlen (clause);

  while (length > 0 && (clause[length - 1] == '.' || g_ascii_isspace (clause[length - 1])))
    clause[--length] = '\0';
  if (g_ascii_isupper (clause[0]) && g_ascii_islower (clause[1]))
    clause[0] = g_ascii_tolower (clause[0]);
  return clause;
}

void
roneo_print_set_unreachable (GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  g_autofree char *server = roneo_print_server_name ();
  gboolean from_env = server_from_environment ();

  /* A name that does not resolve is the one failure libcups describes well. */
  if (cups->cupsLastError () == IPP_STATUS_ERROR_INTERNAL && cups->cupsLastErrorString () != NULL)
    {
      g_autofree char *reason = reason_clause (cups->cupsLastErrorString ());
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                   _ ("cannot find the CUPS server '%s': %s; correct the name in %s"), server,
                   reason, from_env ? "CUPS_SERVER" : "ServerName of /etc/cups/client.conf");
    }
  else if (from_env)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                 _ ("no CUPS server answers at '%s', which CUPS_SERVER names: it is not running "
                    "or cannot be reached; start it, or correct or unset CUPS_SERVER, then check "
                    "with 'lpstat -r'"),
                 server);
  else
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                 _ ("no CUPS server answers at '%s': it is not running or cannot be reached; "
                    "start it with 'service cups start' (Debian package cups), or set "
                    "CUPS_SERVER=HOST:PORT to use another one, then check with 'lpstat -r'"),
                 server);
}

/* What to do about a refusal, by IPP status. */
static char *
refusal_hint (ipp_status_t status, const char *printer)
{
  const RoneoCups *cups = roneo_cups_peek ();

  switch (status)
    {
    case IPP_STATUS_ERROR_FORBIDDEN:
    case IPP_STATUS_ERROR_NOT_AUTHENTICATED:
    case IPP_STATUS_ERROR_NOT_AUTHORIZED:
    case IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED:
      return g_strdup_printf ("ask whoever runs the server to let user '%s' print there "
                              "('lpadmin -p %s -u allow:%s')",
                              cups->cupsUser (), printer, cups->cupsUser ());
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
      return g_strdup_printf ("enable it with 'cupsaccept %s'", printer);
    default:
      return g_strdup ("the server's error log (/var/log/cups/error_log) says why; "
                       "'lpstat -t' shows the queue's state");
    }
}

void
roneo_print_set_refused (const char *printer, const char *request, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_status_t status = cups->cupsLastError ();

  /* The connection broke after it was made: that is a server gone, not a no. */
  if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL)
    {
      roneo_print_set_unreachable (error);
      return;
    }
  g_autofree char *server = roneo_print_server_name ();
  g_autofree char *reason = reason_clause (cups->cupsLastErrorString ());
  g_autofree char *hint = refusal_hint (status, printer);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("the CUPS server '%s' refused %s for the printer '%s': %s; %s"), server, request,
               printer, reason, hint);
}

void
roneo_print_set_unlisted (GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_status_t status = cups->cupsLastError ();

  if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL)
    {
      roneo_print_set_unreachable (error);
      return;
    }
  g_autofree char *server = roneo_print_server_name ();
  g_autofree char *reason = reason_clause (cups->cupsLastErrorString ());
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("the CUPS server '%s' would not list its printers: %s"), server, reason);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
roneo_print_list_queue_names (http_t *http)
{
  static const char *const wanted[] = { "printer-name" };
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = cups->ippNewRequest (IPP_OP_CUPS_GET_PRINTERS);
  g_autoptr (ipp_t) response = NULL;
  GPtrArray *names = NULL;

  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                       G_N_ELEMENTS (wanted), NULL, wanted);
  cups->ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                      cups->cupsUser ());
  response = cups->cupsDoRequest (http, request, "/");
  /* A server with no queue answers not-found to CUPS-Get-Printers. */
  if (response == NULL
      || (cups->cupsLastError () > IPP_STATUS_OK_CONFLICTING
          && cups->cupsLastError () != IPP_STATUS_ERROR_NOT_FOUND))
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (ipp_attribute_t *attr = cups->ippFindAttribute (response, "printer-name", IPP_TAG_NAME);
       attr != NULL; attr = cups->ippFindNextAttribute (response, "printer-name", IPP_TAG_NAME))
    g_ptr_array_add (names, g_strdup (cups->ippGetString (attr, 0, NULL)));
  g_ptr_array_sort (names, compare_names);
  return names;
}

char *
roneo_print_default_queue_name (http_t *http)
{
  static const char *const wanted[] = { "printer-name" };
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = cups->ippNewRequest (IPP_OP_CUPS_GET_DEFAULT);
  g_autoptr (ipp_t) response = NULL;

  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                       G_N_ELEMENTS (wanted), NULL, wanted);
  response = cups->cupsDoRequest (http, request, "/");
  /* A server with no default answers not-found. */
  if (response == NULL || cups->cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    return NULL;
  ipp_attribute_t *attr = cups->ippFindAttribute (response, "printer-name", IPP_TAG_NAME);
  return attr != NULL ? g_strdup (cups->ippGetString (attr, 0, NULL)) : NULL;
}

/* "a, b, c", or "a, b, ... and 4 more". */
static char *
join_queues (GPtrArray *names)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < MAX_LISTED; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", (char *) names->pdata[i]);
  if (names->len > MAX_LISTED)
    g_string_append_printf (list, " and %u more", names->len - MAX_LISTED);
  return g_string_free (list, FALSE);
}

void
roneo_print_set_unknown_queue (http_t *http, const char *printer, GError **error)
{
  g_autofree char *server = roneo_print_server_name ();
  g_autoptr (GPtrArray) names = roneo_print_list_queue_names (http);

  if (names != NULL && names->len == 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                   _ ("no printer '%s' on the CUPS server '%s', which has no printers at all "
                      "('lpstat -p' lists none); add one with 'lpadmin' or the server's web page"),
                   printer, server);
      return;
    }
  g_autofree char *list = names != NULL ? join_queues (names) : NULL;
  g_set_error (
      error, RONEO_ERROR, RONEO_ERROR_PRINT,
      _ ("no printer '%s' on the CUPS server '%s'%s%s%s; list the queues with 'lpstat -p'"),
      printer, server, list != NULL ? " (its printers: " : "", list != NULL ? list : "",
      list != NULL ? ")" : "");
}
