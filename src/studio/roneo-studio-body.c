/* roneo-studio-body.c: what a request's body holds and how large it may be.
 *
 * A render's body is the copy itself (text/markdown, text/plain), or
 * multipart/form-data with the fields copy, csv and layout, so a page can
 * send a CSV file dropped on it with the copy in one request.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <string.h>

#include "roneo-error.h"

void
roneo_studio_body_clear (RoneoStudioBody *body)
{
  g_clear_pointer (&body->copy, g_bytes_unref);
  g_clear_pointer (&body->data, g_bytes_unref);
  g_clear_pointer (&body->layout, g_bytes_unref);
}

static gboolean
is_multipart (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  return type != NULL && g_ascii_strcasecmp (type, "multipart/form-data") == 0;
}

/* What a file saved in the folder may weigh, by its kind. */
static gsize
file_limit (const char *name)
{
  static const char *const images[] = { ".png", ".jpg", ".jpeg", ".svg" };
  if (name == NULL)
    return 0;
  g_autofree char *lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return RONEO_STUDIO_DATA_LIMIT;
  for (gsize i = 0; i < G_N_ELEMENTS (images); i++)
    if (g_str_has_suffix (lower, images[i]))
      return RONEO_STUDIO_IMAGE_LIMIT;
  return RONEO_STUDIO_COPY_LIMIT;
}

gsize
roneo_studio_body_limit (const char *path, GHashTable *query, SoupMessageHeaders *headers)
{
  if (strcmp (path, "/api/file") == 0)
    return file_limit (query != NULL ? g_hash_table_lookup (query, "name") : NULL);
  if (!g_str_has_prefix (path, "/api/"))
    return 0;
  /* The copy and a layout, 1 MB each, a CSV file of 20 MB and the form's own lines. */
  if (is_multipart (headers))
    return 2 * RONEO_STUDIO_COPY_LIMIT + RONEO_STUDIO_DATA_LIMIT + 64 * 1024;
  return RONEO_STUDIO_COPY_LIMIT;
}

static gboolean
take_part (SoupMultipart *multipart, int i, RoneoStudioBody *body, GError **error)
{
  SoupMessageHeaders *headers = NULL;
  GBytes *part = NULL;
  g_autofree char *disposition = NULL;
  g_autoptr (GHashTable) params = NULL;
  if (!soup_multipart_get_part (multipart, i, &headers, &part)
      || !soup_message_headers_get_content_disposition (headers, &disposition, &params))
    return TRUE;
  const char *name = g_hash_table_lookup (params, "name");
  GBytes **slot = g_strcmp0 (name, "copy") == 0     ? &body->copy
                  : g_strcmp0 (name, "csv") == 0    ? &body->data
                  : g_strcmp0 (name, "layout") == 0 ? &body->layout
                                                    : NULL;
  if (slot == NULL)
    return TRUE;
  gsize limit = slot == &body->data ? RONEO_STUDIO_DATA_LIMIT : RONEO_STUDIO_COPY_LIMIT;
  if (g_bytes_get_size (part) > limit)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("the form's field '%s' is larger than %u MB"), name, (guint) (limit >> 20));
      return FALSE;
    }
  g_clear_pointer (slot, g_bytes_unref);
  *slot = g_bytes_ref (part);
  return TRUE;
}

static gboolean
parse_multipart (SoupMessageHeaders *headers, GBytes *bytes, RoneoStudioBody *body, GError **error)
{
  g_autoptr (SoupMultipart) multipart = soup_multipart_new_from_message (headers, bytes);
  if (multipart == NULL)
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                           _ ("the form cannot be read (multipart/form-data)"));
      return FALSE;
    }
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    if (!take_part (multipart, i, body, error))
      return FALSE;
  return TRUE;
}

gboolean
roneo_studio_body_parse (SoupServerMessage *msg, RoneoStudioBody *body, GError **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GBytes *bytes = roneo_studio_body_peek (msg);
  if (bytes != NULL && is_multipart (headers) && !parse_multipart (headers, bytes, body, error))
    return FALSE;
  if (bytes != NULL && !is_multipart (headers))
    body->copy = g_bytes_ref (bytes);
  if (body->copy == NULL)
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                           _ ("no copy: send it as the body, or as the field 'copy' of a form"));
      return FALSE;
    }
  return TRUE;
}
