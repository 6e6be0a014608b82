/* roneo-test-cups.c: what reached the printer, read from cupsd and the file: devices. */
#include "roneo-test-cups.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cups/cups.h>
#include <glib/gstdio.h>

#define A4_W (210.0 * 72.0 / 25.4)
#define A4_H (297.0 * 72.0 / 25.4)

void
roneo_test_cups_make_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, A4_W, A4_H);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_rectangle (cr, 100, 100 + 50 * page, 200, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

char *
roneo_test_cups_device_path (const char *queue)
{
  g_autofree char *name = g_strconcat (queue, ".prn", NULL);

  return g_build_filename (g_getenv ("RONEO_PRINT_OUT_DIR"), name, NULL);
}

/* cupsd 2.4.2-3+deb12u10 opens a file: device O_WRONLY without O_CREAT or
 * O_TRUNC: the file must exist, and a shorter job would leave the tail of
 * the previous one. So a device is emptied, never removed. */
void
roneo_test_cups_empty_device (const char *queue)
{
  g_autofree char *path = roneo_test_cups_device_path (queue);

  if (truncate (path, 0) != 0)
    g_error ("cannot empty the device '%s': %s", path, g_strerror (errno));
}

gboolean
roneo_test_cups_device_is_empty (const char *queue)
{
  g_autofree char *path = roneo_test_cups_device_path (queue);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("the device '%s' is gone: %s", path, g_strerror (errno));
  return st.st_size == 0;
}

GBytes *
roneo_test_cups_read_device (const char *queue)
{
  g_autofree char *path = roneo_test_cups_device_path (queue);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  if (length == 0)
    g_error ("nothing reached the device '%s'", path);
  return g_bytes_new_take (contents, length);
}

gboolean
roneo_test_cups_bytes_contain (GBytes *bytes, const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strstr_len (data, (gssize) size, needle) != NULL;
}

PopplerDocument *
roneo_test_cups_device_pdf (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *start = g_strstr_len (data, (gssize) size, "%PDF-");
  const char *end = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;

  g_assert_nonnull (start);
  end = memmem (start, size - (gsize) (start - data), "%%EOF", 5);
  g_assert_nonnull (end);
  pdf = g_bytes_new (start, (gsize) (end - start) + 5);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

char *
roneo_test_cups_job_attribute (int job, const char *name)
{
  http_t *http = httpConnect2 (cupsServer (), ippPort (), NULL, AF_UNSPEC,
                               HTTP_ENCRYPTION_IF_REQUESTED, 1, 30000, NULL);
  ipp_t *request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  char uri[HTTP_MAX_URI];
  char value[1024] = "";
  ipp_t *response = NULL;
  ipp_attribute_t *attr = NULL;

  g_assert_nonnull (http);
  httpAssembleURIf (HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", 0, "/jobs/%d",
                    job);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                cupsUser ());
  response = cupsDoRequest (http, request, "/");
  g_assert_nonnull (response);
  attr = ippFindAttribute (response, name, IPP_TAG_ZERO);
  if (attr != NULL)
    ippAttributeString (attr, value, sizeof value);
  ippDelete (response);
  httpClose (http);
  return g_strdup (value);
}

void
roneo_test_cups_assert_job_attribute (int job, const char *name, const char *expected)
{
  g_autofree char *value = roneo_test_cups_job_attribute (job, name);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("job %d: %s is '%s', expected '%s'", job, name, value, expected);
}
