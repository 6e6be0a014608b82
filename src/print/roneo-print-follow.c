/* roneo-print-follow.c: following a submitted job to its final state.
 *
 * Get-Job-Attributes every POLL_MS until the job is completed (success) or in
 * any other final state: processing-stopped, canceled, aborted (PITFALLS 28: a
 * job whose filter failed stays processing-stopped for ever), or pending on a
 * stopped (disabled) printer, which waits for an administrator. A deadline
 * bounds the wait, so the caller never hangs.
 */
#include "roneo-print-private.h"
#include "roneo-intl-private.h"

#include <string.h>

#include "roneo-error.h"

#define POLL_MS 150

/* What one poll learned. */
typedef struct
{
  ipp_jstate_t state;
  char reasons[512];
  char message[512];
  char printer_message[512];
  gboolean printer_stopped; /* asked only while the job is pending */
} JobStatus;

static void
copy_text (ipp_t *response, const char *name, char *buffer, gsize size)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_attribute_t *attr = cups->ippFindAttribute (response, name, IPP_TAG_TEXT);

  g_strlcpy (buffer, attr != NULL ? cups->ippGetString (attr, 0, NULL) : "", size);
}

/* libcups says "Host is down" for a server that stopped answering. */
static void
set_lost (const char *printer, int job, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  g_autofree char *server = roneo_print_server_name ();

  if (cups->cupsLastError () == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE)
    g_set_error (
        error, RONEO_ERROR, RONEO_ERROR_PRINT,
        _ ("lost job %d on the printer '%s': the CUPS server '%s' stopped answering; "
           "check that it runs with 'lpstat -r', and the job with 'lpstat -W not-completed'"),
        job, printer, server);
  else
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT, _ ("lost job %d on the printer '%s': %s"),
                 job, printer, cups->cupsLastErrorString ());
}

static ipp_t *
get_job_attributes (http_t *http, const char *printer, int job, GError **error)
{
  static const char *const wanted[]
      = { "job-state", "job-state-reasons", "job-state-message", "job-printer-state-message" };
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = roneo_print_new_request (IPP_OP_GET_JOB_ATTRIBUTES, printer);
  g_autoptr (ipp_t) response = NULL;

  cups->ippAddInteger (request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job);
  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                       G_N_ELEMENTS (wanted), NULL, wanted);
  response = cups->cupsDoRequest (http, request, "/");
  if (response == NULL || cups->cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      set_lost (printer, job, error);
      return NULL;
    }
  return g_steal_pointer (&response);
}

static void
read_status (ipp_t *response, JobStatus *status)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_attribute_t *attr = cups->ippFindAttribute (response, "job-state", IPP_TAG_ENUM);

  status->state = attr != NULL ? (ipp_jstate_t) cups->ippGetInteger (attr, 0) : IPP_JSTATE_PENDING;
  status->reasons[0] = '\0';
  attr = cups->ippFindAttribute (response, "job-state-reasons", IPP_TAG_KEYWORD);
  if (attr != NULL)
    cups->ippAttributeString (attr, status->reasons, sizeof status->reasons);
  copy_text (response, "job-state-message", status->message, sizeof status->message);
  copy_text (response, "job-printer-state-message", status->printer_message,
             sizeof status->printer_message);
  status->printer_stopped = FALSE;
}

/* A pending job on a stopped (disabled) printer waits for an administrator:
 * CUPS gives it no job-state-reasons that say so, the printer-state does. */
static void
read_printer_state (http_t *http, const char *printer, JobStatus *status)
{
  static const char *const wanted[] = { "printer-state", "printer-state-message" };
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = roneo_print_new_request (IPP_OP_GET_PRINTER_ATTRIBUTES, printer);
  g_autoptr (ipp_t) response = NULL;
  ipp_attribute_t *attr = NULL;

  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                       G_N_ELEMENTS (wanted), NULL, wanted);
  response = cups->cupsDoRequest (http, request, "/");
  if (response == NULL || cups->cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    return; /* the job poll reports a lost server */
  attr = cups->ippFindAttribute (response, "printer-state", IPP_TAG_ENUM);
  status->printer_stopped = attr != NULL && cups->ippGetInteger (attr, 0) == IPP_PSTATE_STOPPED;
  if (status->printer_stopped)
    copy_text (response, "printer-state-message", status->printer_message,
               sizeof status->printer_message);
}

static gboolean
has_reason (const JobStatus *status, const char *reason)
{
  g_auto (GStrv) reasons = g_strsplit (status->reasons, ",", -1);

  return g_strv_contains ((const char *const *) reasons, reason);
}

static gboolean
is_final (const JobStatus *status)
{
  if (status->state >= IPP_JSTATE_STOPPED)
    return TRUE;
  return status->state == IPP_JSTATE_PENDING
         && (status->printer_stopped || has_reason (status, "printer-stopped"));
}

/* "state (reasons): message, printer message", each part only when known. */
static char *
describe (const JobStatus *status)
{
  const RoneoCups *cups = roneo_cups_peek ();
  GString *text = g_string_new (cups->ippEnumString ("job-state", (int) status->state));
  const char *separator = ": ";

  if (status->printer_stopped)
    g_string_append (text, " on a stopped printer");
  if (status->reasons[0] != '\0' && strcmp (status->reasons, "none") != 0)
    g_string_append_printf (text, " (%s)", status->reasons);
  if (status->message[0] != '\0')
    {
      g_string_append_printf (text, ": %s", status->message);
      separator = ", ";
    }
  if (status->printer_message[0] != '\0' && strcmp (status->printer_message, status->message) != 0)
    g_string_append_printf (text, "%s%s", separator, status->printer_message);
  return g_string_free (text, FALSE);
}

static gboolean
report_final (const char *printer, int job, const JobStatus *status, GError **error)
{
  g_autofree char *what = NULL;

  if (status->state == IPP_JSTATE_COMPLETED)
    return TRUE;
  what = describe (status);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("the printer '%s' stopped job %d: %s; check the printer and run "
                  "'lpstat -W not-completed'"),
               printer, job, what);
  return FALSE;
}

static void
report_timeout (const char *printer, int job, guint timeout_s, const JobStatus *status,
                GError **error)
{
  g_autofree char *what = describe (status);

  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("job %d on the printer '%s' is not done after %u s: %s; it stays queued, follow "
                  "it with 'lpstat -W not-completed'"),
               job, printer, timeout_s, what);
}

gboolean
roneo_print_follow (http_t *http, const char *printer, int job, guint timeout_s,
                    RoneoPrintProgress progress, gpointer data, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  ipp_jstate_t reported = 0;

  for (;;)
    {
      g_autoptr (ipp_t) response = get_job_attributes (http, printer, job, error);
      JobStatus status;

      if (response == NULL)
        return FALSE;
      read_status (response, &status);
      if (status.state == IPP_JSTATE_PENDING)
        read_printer_state (http, printer, &status);
      if (progress != NULL && status.state != reported)
        progress (cups->ippEnumString ("job-state", (int) status.state), data);
      reported = status.state;
      if (is_final (&status))
        return report_final (printer, job, &status, error);
      if (g_get_monotonic_time () >= deadline)
        {
          report_timeout (printer, job, timeout_s, &status, error);
          return FALSE;
        }
      g_usleep (POLL_MS * 1000);
    }
}
