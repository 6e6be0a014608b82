/* roneo-print.c: checking the queue and submitting the job (libcups).
 *
 * One connection to the server libcups picks (cupsServer () honours
 * CUPS_SERVER) lives for the call. The queue's capabilities are read with
 * Get-Printer-Attributes before the job is created, so a refusal sends nothing;
 * the PDF is streamed with Create-Job + Send-Document, and roneo-print-follow.c
 * polls the job until it is final. libcups is loaded by the two entry points
 * (roneo_cups_get ()), so it is not even opened unless something prints.
 */
#include "roneo-print-private.h"
#include "roneo-intl-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "roneo-error.h"

#define DEFAULT_TIMEOUT_S 120
#define CONNECT_TIMEOUT_MS 30000

/* The printer-uri of @printer on the connected server. */
char *
roneo_print_printer_uri (const char *printer)
{
  const RoneoCups *cups = roneo_cups_peek ();
  char uri[HTTP_MAX_URI];

  cups->httpAssembleURIf (HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", 0,
                          "/printers/%s", printer);
  return g_strdup (uri);
}

/* A request on @printer with the attributes every operation needs. */
ipp_t *
roneo_print_new_request (ipp_op_t op, const char *printer)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = cups->ippNewRequest (op);
  g_autofree char *uri = roneo_print_printer_uri (printer);

  cups->ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
  cups->ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                      cups->cupsUser ());
  return request;
}

static http_t *
connect_server (GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  http_t *http = cups->httpConnect2 (cups->cupsServer (), cups->ippPort (), NULL, AF_UNSPEC,
                                     cups->cupsEncryption (), 1, CONNECT_TIMEOUT_MS, NULL);

  if (http == NULL)
    roneo_print_set_unreachable (error);
  return http;
}

static ipp_t *
get_printer_attributes (http_t *http, const char *printer, GError **error)
{
  static const char *const wanted[]
      = { "sides-supported", "media-supported", "copies-supported", "printer-is-accepting-jobs" };
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_t *request = roneo_print_new_request (IPP_OP_GET_PRINTER_ATTRIBUTES, printer);
  g_autoptr (ipp_t) response = NULL;

  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                       G_N_ELEMENTS (wanted), NULL, wanted);
  response = cups->cupsDoRequest (http, request, "/");
  if (cups->cupsLastError () == IPP_STATUS_ERROR_NOT_FOUND)
    {
      roneo_print_set_unknown_queue (http, printer, error);
      return NULL;
    }
  if (response == NULL || cups->cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      roneo_print_set_refused (printer, "a Get-Printer-Attributes request", error);
      return NULL;
    }
  return g_steal_pointer (&response);
}

/* TRUE if @name lists @keyword, or is absent (the queue says nothing). */
static gboolean
supports (ipp_t *attrs, const char *name, const char *keyword)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_attribute_t *attr = cups->ippFindAttribute (attrs, name, IPP_TAG_ZERO);

  return attr == NULL || cups->ippContainsString (attr, keyword);
}

static char *
list_values (ipp_t *attrs, const char *name)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_attribute_t *attr = cups->ippFindAttribute (attrs, name, IPP_TAG_ZERO);
  char buffer[1024] = "";

  if (attr != NULL)
    cups->ippAttributeString (attr, buffer, sizeof buffer);
  return g_strdup (buffer);
}

static gboolean
check_copies (ipp_t *attrs, const RoneoPrintOptions *options, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  ipp_attribute_t *attr = cups->ippFindAttribute (attrs, "copies-supported", IPP_TAG_RANGE);
  int upper = 0;
  int lower = 0;

  if (attr == NULL)
    return TRUE;
  lower = cups->ippGetRange (attr, 0, &upper);
  if ((gint64) options->copies >= lower && (gint64) options->copies <= upper)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("the printer '%s' prints at most %d copies in one job, not %u; nothing was sent"),
               options->printer, upper, options->copies);
  return FALSE;
}

/* Refuses, before anything is sent, what the queue says it cannot do. */
static gboolean
check_capabilities (ipp_t *attrs, const RoneoPrintOptions *options, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  const char *sides = roneo_duplex_to_ipp (options->sides);
  ipp_attribute_t *accepting
      = cups->ippFindAttribute (attrs, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);

  if (accepting != NULL && !cups->ippGetBoolean (accepting, 0))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                   _ ("the printer '%s' is not accepting jobs; enable it with 'cupsaccept %s'"),
                   options->printer, options->printer);
      return FALSE;
    }
  if (sides != NULL && !supports (attrs, "sides-supported", sides))
    {
      g_autofree char *list = list_values (attrs, "sides-supported");
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                   _ ("the printer '%s' cannot print '%s' (sides-supported: %s); nothing was sent"),
                   options->printer, sides, list);
      return FALSE;
    }
  if (options->media != NULL && !supports (attrs, "media-supported", options->media))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                   _ ("the printer '%s' has no media '%s' (see 'lpoptions -p %s -l'); "
                      "nothing was sent"),
                   options->printer, options->media, options->printer);
      return FALSE;
    }
  return check_copies (attrs, options, error);
}

static int
job_options (const RoneoPrintOptions *options, cups_option_t **out)
{
  const RoneoCups *cups = roneo_cups_peek ();
  g_autofree char *copies = g_strdup_printf ("%u", options->copies);
  int n = 0;

  n = cups->cupsAddOption ("copies", copies, n, out);
  if (options->sides != RONEO_DUPLEX_AUTO)
    n = cups->cupsAddOption ("sides", roneo_duplex_to_ipp (options->sides), n, out);
  n = cups->cupsAddOption ("print-scaling", "none", n, out);
  n = cups->cupsAddOption ("print-color-mode", options->color ? "color" : "monochrome", n, out);
  if (options->media != NULL)
    n = cups->cupsAddOption ("media", options->media, n, out);
  return n;
}

/* Streams @fd as the job's only document. */
static gboolean
send_document (http_t *http, const char *printer, int job, int fd, const char *name, GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  char buffer[65536];
  ssize_t got = 0;

  if (cups->cupsStartDocument (http, printer, job, name, CUPS_FORMAT_PDF, 1)
      != HTTP_STATUS_CONTINUE)
    goto failed;
  while ((got = read (fd, buffer, sizeof buffer)) > 0)
    if (cups->cupsWriteRequestData (http, buffer, (size_t) got) != HTTP_STATUS_CONTINUE)
      goto failed;
  if (got < 0)
    {
      int saved = errno;
      cups->cupsFinishDocument (http, printer);
      cups->cupsCancelJob2 (http, printer, job, 0);
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT, _ ("cannot read '%s': %s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  if (cups->cupsFinishDocument (http, printer) <= IPP_STATUS_OK_CONFLICTING)
    return TRUE;
failed:
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
               _ ("cannot send '%s' to the printer '%s': %s"), name, printer,
               cups->cupsLastErrorString ());
  cups->cupsCancelJob2 (http, printer, job, 0);
  return FALSE;
}

static int
submit (http_t *http, const char *pdf_path, int fd, const RoneoPrintOptions *options,
        GError **error)
{
  const RoneoCups *cups = roneo_cups_peek ();
  g_autofree char *base = g_path_get_basename (pdf_path);
  const char *title = options->title != NULL ? options->title : base;
  cups_option_t *cups_options = NULL;
  int n = job_options (options, &cups_options);
  int job = cups->cupsCreateJob (http, options->printer, title, n, cups_options);

  cups->cupsFreeOptions (n, cups_options);
  if (job == 0)
    {
      if (cups->cupsLastError () == IPP_STATUS_ERROR_NOT_FOUND)
        roneo_print_set_unknown_queue (http, options->printer, error);
      else
        roneo_print_set_refused (options->printer, "the job", error);
      return 0;
    }
  if (!send_document (http, options->printer, job, fd, base, error))
    return -job;
  return job;
}

static int
open_pdf (const char *pdf_path, GError **error)
{
  int fd = open (pdf_path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT, _ ("cannot read '%s': %s"), pdf_path,
                 g_strerror (errno));
  return fd;
}

gboolean
roneo_print_check_options (const RoneoPrintOptions *options, GError **error)
{
  g_return_val_if_fail (options != NULL && options->printer != NULL, FALSE);
  if (roneo_cups_get (error) == NULL)
    return FALSE;
  g_autoptr (http_t) http = connect_server (error);
  if (http == NULL)
    return FALSE;
  g_autoptr (ipp_t) attrs = get_printer_attributes (http, options->printer, error);
  return attrs != NULL && check_capabilities (attrs, options, error);
}

gboolean
roneo_print_file_options (const char *pdf_path, const RoneoPrintOptions *options,
                          RoneoPrintProgress progress, gpointer data, int *job_id, GError **error)
{
  g_autoptr (http_t) http = NULL;
  g_autoptr (ipp_t) attrs = NULL;
  int fd = -1;
  int job = 0;

  g_return_val_if_fail (pdf_path != NULL && options != NULL && options->printer != NULL, FALSE);
  g_return_val_if_fail (options->copies >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (job_id != NULL)
    *job_id = 0;
  if (roneo_cups_get (error) == NULL || (http = connect_server (error)) == NULL
      || (attrs = get_printer_attributes (http, options->printer, error)) == NULL
      || !check_capabilities (attrs, options, error) || (fd = open_pdf (pdf_path, error)) < 0)
    return FALSE;
  job = submit (http, pdf_path, fd, options, error);
  close (fd);
  if (job_id != NULL)
    *job_id = ABS (job);
  if (job <= 0)
    return FALSE;
  return roneo_print_follow (http, options->printer, job,
                             options->timeout_s != 0 ? options->timeout_s : DEFAULT_TIMEOUT_S,
                             progress, data, error);
}

gboolean
roneo_print_check (const char *queue, guint copies, RoneoDuplex sides, const char *media,
                   gboolean color, GError **error)
{
  const RoneoPrintOptions options
      = { .printer = queue, .copies = copies, .sides = sides, .media = media, .color = color };
  return roneo_print_check_options (&options, error);
}

gboolean
roneo_print_file (const char *pdf_path, const char *queue, guint copies, RoneoDuplex sides,
                  const char *media, gboolean color, RoneoPrintProgress progress, gpointer data,
                  int *job_id, GError **error)
{
  const RoneoPrintOptions options
      = { .printer = queue, .copies = copies, .sides = sides, .media = media, .color = color };
  return roneo_print_file_options (pdf_path, &options, progress, data, job_id, error);
}

char **
roneo_print_list_queues (GError **error)
{
  g_autoptr (http_t) http = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (roneo_cups_get (error) == NULL || (http = connect_server (error)) == NULL)
    return NULL;
  g_autoptr (GPtrArray) names = roneo_print_list_queue_names (http);
  if (names == NULL)
    {
      roneo_print_set_unlisted (error);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
roneo_print_get_default_queue (GError **error)
{
  g_autoptr (http_t) http = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (roneo_cups_get (error) == NULL || (http = connect_server (error)) == NULL)
    return NULL;
  return roneo_print_default_queue_name (http);
}
