/* roneo-studio-guard.c: what every request must show before a handler sees
 * it, and the headers every answer carries.
 *
 * A page on 127.0.0.1 can be reached by any site the user visits: by a form
 * or a fetch (CSRF: every POST must come from the studio's own Origin), by a
 * name of the attacker's that resolves to 127.0.0.1 (DNS rebinding: the Host
 * must be one of the studio's own), and any program on the machine can
 * connect (the token, which only the user's browser was given). The checks
 * run in an early handler, after the headers and before the body is read: a
 * refused request's body is never read, and a body larger than its limit is
 * refused by its Content-Length, or, sent in chunks, once it grows past it
 * (the chunks are then dropped as they come).
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <string.h>

#define CSP                                                                                        \
  "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "          \
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

#define BODY_KEY "roneo-studio-body"
#define TOO_LARGE_KEY "roneo-studio-too-large"

gboolean
roneo_studio_token_equal (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  /* Every byte of the longer string is compared, whatever the first difference. */
  guint8 diff = la != lb;
  for (gsize i = 0; i < MAX (la, lb); i++)
    diff |= (guint8) (i < la ? a[i] : 0) ^ (guint8) (i < lb ? b[i] : 0);
  return diff == 0;
}

static void
add_answer_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  soup_message_headers_replace (headers, "Content-Security-Policy", CSP);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
}

/* host is one of the studio's own names with its port: "127.0.0.1:N",
 * "localhost:N" or "[::1]:N". */
static gboolean
own_host (const RoneoStudio *studio, const char *host)
{
  static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
  if (host == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *own = g_strdup_printf ("%s:%u", names[i], studio->port);
      if (g_ascii_strcasecmp (host, own) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
own_origin (const RoneoStudio *studio, const char *origin)
{
  return origin != NULL && g_str_has_prefix (origin, "http://")
         && own_host (studio, origin + strlen ("http://"));
}

static gboolean
has_token (const RoneoStudio *studio, SoupServerMessage *msg, GHashTable *query)
{
  const char *given = query != NULL ? g_hash_table_lookup (query, "token") : NULL;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  if (given == NULL && auth != NULL && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    given = auth + 7;
  return given != NULL && roneo_studio_token_equal (given, studio->token);
}

static void
on_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  gsize limit = GPOINTER_TO_SIZE (data);
  if (g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL)
    return;
  GByteArray *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  if (body->len + g_bytes_get_size (chunk) > limit)
    {
      g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (1));
      g_byte_array_set_size (body, 0);
      return;
    }
  g_byte_array_append (body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
}

/* The body is read here, chunk by chunk, not accumulated by libsoup. */
static gboolean
limit_body (SoupServerMessage *msg, gsize limit)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && length > (goffset) limit)
    return FALSE;
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, g_byte_array_new (),
                          (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_chunk), GSIZE_TO_POINTER (limit));
  return TRUE;
}

GBytes *
roneo_studio_body_peek (SoupServerMessage *msg)
{
  GByteArray *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  if (body == NULL || g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL)
    return NULL;
  GBytes *bytes = g_object_get_data (G_OBJECT (msg), "roneo-studio-bytes");
  if (bytes == NULL)
    {
      bytes = g_bytes_new (body->data, body->len);
      g_object_set_data_full (G_OBJECT (msg), "roneo-studio-bytes", bytes,
                              (GDestroyNotify) g_bytes_unref);
    }
  return bytes;
}

static void
refuse (SoupServerMessage *msg, guint status, const char *why)
{
  add_answer_headers (msg);
  roneo_studio_reply_problem (msg, status, 1, why);
}

/* Answers and closes the connection without reading the body: libsoup
 * would read all of it before sending an answer set here. */
static void
refuse_unread (SoupServerMessage *msg, guint status, const char *why)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;
  g_autofree char *json = roneo_studio_problem_text (2, why);
  g_autofree char *answer = g_strdup_printf (
      "HTTP/1.1 %u %s\r\nContent-Security-Policy: " CSP "\r\nX-Content-Type-Options: nosniff\r\n"
      "Referrer-Policy: no-referrer\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
      "Connection: close\r\n\r\n%s",
      status, soup_status_get_phrase (status), strlen (json), json);
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* A refused request with a body is answered without reading it. */
static gboolean
has_body (SoupMessageHeaders *headers)
{
  return soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED
         || soup_message_headers_get_content_length (headers) > 0;
}

static void
guard (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer data)
{
  RoneoStudio *studio = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  gboolean post = strcmp (method, "POST") == 0;
  add_answer_headers (msg);
  /* For a script's author: the page never sees them. */
  const char *why = NULL;
  guint status = SOUP_STATUS_FORBIDDEN;
  if (!own_host (studio, soup_message_headers_get_one (headers, "Host")))
    why = _ ("the Host header is not the studio's own");
  else if (!has_token (studio, msg, query))
    why = _ ("a missing or wrong token");
  else if (!post && strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0)
    why = _ ("only GET, HEAD and POST"), status = SOUP_STATUS_METHOD_NOT_ALLOWED;
  else if (post && !own_origin (studio, soup_message_headers_get_one (headers, "Origin")))
    why = _ ("a POST from another origin, or without one");
  else if (post && !limit_body (msg, roneo_studio_body_limit (path, query, headers)))
    why = _ ("the body is larger than allowed"), status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
  if (why != NULL && has_body (headers))
    refuse_unread (msg, status, why);
  else if (why != NULL)
    refuse (msg, status, why);
}

static void
on_request_started (SoupServer *server, SoupServerMessage *msg, gpointer data)
{
  add_answer_headers (msg);
}

gboolean
roneo_studio_body_too_large (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL;
}

void
roneo_studio_guard_install (RoneoStudio *studio)
{
  g_signal_connect (studio->server, "request-started", G_CALLBACK (on_request_started), NULL);
  soup_server_add_early_handler (studio->server, NULL, guard, studio, NULL);
}
