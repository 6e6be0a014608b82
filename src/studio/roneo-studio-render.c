/* roneo-studio-render.c: the renders: a PDF (/api/flyer, /api/banner,
 * /api/batch), a page's proof as PNG (/api/preview) and what the page shows
 * beside the text (/api/check: pages, warnings with their lines, the error).
 *
 * A render runs in a GTask thread, one at a time on the engine, while the
 * message is paused. Its GCancellable is cancelled when the client goes away
 * (the page aborts the previous render when the user types on) and after
 * RONEO_STUDIO_RENDER_TIMEOUT_S (studio->timeout_s). The proofs of the last render are kept, so
 * the pages after the first of a copy just checked or previewed cost nothing.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <string.h>
#include <sys/socket.h>

#include "roneo-error.h"

typedef enum
{
  ANSWER_PDF,
  ANSWER_PNG,
  ANSWER_CHECK,
} Answer;

typedef struct
{
  RoneoStudio *studio;
  SoupServerMessage *msg;
  RoneoJob *job;
  GOutputStream *stream;
  RoneoWarnings *warnings;
  RoneoResult *result;
  GError *error;
  GCancellable *cancellable;
  guint timeout_id;
  gulong disconnected_id;
  GSource *hangup; /* watches the client's socket while the message is paused */
  gboolean timed_out;
  gboolean gone;
  Answer answer;
  guint page; /* from 1 */
  char *cache_key;
  const char *lang; /* the request's messages (roneo_studio_request_lang: static) */
} Render;

static void
render_free (Render *r)
{
  g_clear_handle_id (&r->timeout_id, g_source_remove);
  if (r->hangup != NULL)
    g_source_destroy (r->hangup);
  g_clear_pointer (&r->hangup, g_source_unref);
  if (r->disconnected_id != 0)
    g_signal_handler_disconnect (r->msg, r->disconnected_id);
  g_ptr_array_remove (r->studio->running, r->cancellable);
  g_object_unref (r->msg);
  roneo_job_free (r->job);
  g_object_unref (r->stream);
  roneo_warnings_free (r->warnings);
  g_clear_pointer (&r->result, roneo_result_free);
  g_clear_error (&r->error);
  g_object_unref (r->cancellable);
  g_free (r->cache_key);
  g_free (r);
}

/* --- the cache of the last proofs ---------------------------------------- */

static void
checksum_part (GChecksum *sum, GBytes *part)
{
  gsize length = part != NULL ? g_bytes_get_size (part) : 0;
  g_checksum_update (sum, (const guchar *) &length, sizeof length);
  if (part != NULL)
    g_checksum_update (sum, g_bytes_get_data (part, NULL), length);
}

/* What the proofs depend on: the kind, the query but the page and token, the
 * copy, CSV and layout (not the form around them, whose boundary a browser
 * draws anew for each request). */
static char *
cache_key_of (RoneoJobKind kind, GHashTable *query, const RoneoStudioBody *body)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) &kind, sizeof kind);
  g_autoptr (GList) keys = query != NULL ? g_hash_table_get_keys (query) : NULL;
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *k = keys; k != NULL; k = k->next)
    if (strcmp (k->data, "page") != 0 && strcmp (k->data, "token") != 0)
      {
        const char *value = g_hash_table_lookup (query, k->data);
        g_checksum_update (sum, k->data, strlen (k->data) + 1);
        g_checksum_update (sum, (const guchar *) value, strlen (value) + 1);
      }
  checksum_part (sum, body->copy);
  checksum_part (sum, body->data);
  checksum_part (sum, body->layout);
  return g_strdup (g_checksum_get_string (sum));
}

static GBytes *
cached_proof (RoneoStudio *studio, const char *key, guint page, guint *n_pages)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&studio->cache_lock);
  *n_pages = studio->cache_proofs != NULL ? studio->cache_proofs->len : 0;
  if (g_strcmp0 (studio->cache_key, key) != 0 || page < 1 || page > studio->cache_proofs->len)
    return NULL;
  return g_bytes_ref (g_ptr_array_index (studio->cache_proofs, page - 1));
}

static void
cache_store (RoneoStudio *studio, const char *key, const RoneoResult *result)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&studio->cache_lock);
  g_free (studio->cache_key);
  g_clear_pointer (&studio->cache_proofs, g_ptr_array_unref);
  studio->cache_key = g_strdup (key);
  studio->cache_proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < roneo_result_get_n_proofs (result); i++)
    g_ptr_array_add (studio->cache_proofs, g_bytes_ref (roneo_result_get_proof (result, i)));
}

/* --- answers ----------------------------------------------------------------- */

static void
reply_pdf (Render *r)
{
  /* The engine leaves the stream open; its bytes can only be taken once it is closed. */
  g_output_stream_close (r->stream, NULL, NULL);
  g_autoptr (GBytes) pdf
      = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (r->stream));
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (r->msg);
  g_autofree char *pages = g_strdup_printf ("%u", roneo_result_get_n_pages (r->result));
  g_autofree char *warned = g_strdup_printf ("%u", roneo_warnings_get_count (r->warnings));
  soup_message_headers_replace (headers, "X-Roneo-Pages", pages);
  soup_message_headers_replace (headers, "X-Roneo-Warnings", warned);
  soup_message_headers_replace (headers, "Content-Disposition",
                                "attachment; filename=\"roneo.pdf\"");
  roneo_studio_reply_bytes (r->msg, SOUP_STATUS_OK, "application/pdf", pdf);
}

static void
reply_png (SoupServerMessage *msg, GBytes *png, guint page, guint n_pages)
{
  if (png == NULL)
    {
      g_autofree char *why = g_strdup_printf (_ ("no page %u: the copy has %u"), page, n_pages);
      return roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 2, why);
    }
  g_autofree char *pages = g_strdup_printf ("%u", n_pages);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Roneo-Pages",
                                pages);
  roneo_studio_reply_bytes (msg, SOUP_STATUS_OK, "image/png", png);
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A batch: its copies, its imposition, the CSV file's fields. */
static void
add_batch (JsonBuilder *b, const RoneoResult *result)
{
  add_uint (b, "records", roneo_result_get_n_records (result));
  json_builder_set_member_name (b, "imposition");
  json_builder_add_string_value (b, roneo_result_get_imposition (result));
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  const char *const *fields = roneo_result_get_fields (result);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    json_builder_add_string_value (b, fields[i]);
  json_builder_end_array (b);
}

/* 200 whatever the copy: {pages, proofs, layout, warnings, error}. */
static void
reply_check (Render *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_uint (b, "pages", r->result != NULL ? roneo_result_get_n_pages (r->result) : 0);
  add_uint (b, "proofs", r->result != NULL ? roneo_result_get_n_proofs (r->result) : 0);
  if (r->result != NULL && roneo_job_get_kind (r->job) == RONEO_JOB_BANNER)
    add_uint (b, "rows", roneo_result_get_n_rows (r->result));
  if (r->result != NULL && roneo_job_get_kind (r->job) == RONEO_JOB_BATCH)
    add_batch (b, r->result);
  json_builder_set_member_name (b, "layout");
  json_builder_add_string_value (b, r->result ? roneo_result_get_layout_name (r->result) : NULL);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, roneo_studio_warnings_to_json (r->studio, r->warnings));
  json_builder_set_member_name (b, "error");
  guint status = 0;
  if (r->error != NULL)
    json_builder_add_value (b, roneo_studio_error_to_json (r->studio, r->error, &status));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  roneo_studio_reply_json (r->msg, SOUP_STATUS_OK, json_builder_get_root (b));
}

static void
answer (Render *r)
{
  if (r->error != NULL && r->timed_out)
    {
      g_clear_error (&r->error);
      g_set_error (&r->error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("the render took longer than %u s and was stopped"), r->studio->timeout_s);
    }
  if (r->result != NULL && r->answer != ANSWER_PDF && roneo_result_get_n_proofs (r->result) > 0)
    cache_store (r->studio, r->cache_key, r->result);
  if (r->answer == ANSWER_CHECK)
    return reply_check (r);
  if (r->error != NULL)
    return roneo_studio_reply_error (r->studio, r->msg, r->error);
  if (r->answer == ANSWER_PDF)
    return reply_pdf (r);
  guint n = roneo_result_get_n_proofs (r->result);
  GBytes *png
      = r->page >= 1 && r->page <= n ? roneo_result_get_proof (r->result, r->page - 1) : NULL;
  reply_png (r->msg, png, r->page, n);
}

/* --- running ------------------------------------------------------------------- */

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Render *r = data;
  roneo_studio_speak (r->lang);
  g_mutex_lock (&r->studio->engine_lock);
  r->result = roneo_engine_run (r->studio->engine, r->job, r->warnings, &r->error);
  g_mutex_unlock (&r->studio->engine_lock);
  roneo_studio_speak (NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Render *r = g_task_get_task_data (G_TASK (result));
  if (!r->gone)
    {
      roneo_studio_speak (r->lang);
      answer (r);
      roneo_studio_speak (NULL);
      soup_server_message_unpause (r->msg);
    }
}

static gboolean
on_timeout (gpointer data)
{
  Render *r = data;
  r->timeout_id = 0;
  r->timed_out = TRUE;
  g_cancellable_cancel (r->cancellable);
  return G_SOURCE_REMOVE;
}

/* The page aborted the request, or the client closed the connection. */
static void
on_disconnected (SoupServerMessage *msg, gpointer data)
{
  Render *r = data;
  r->gone = TRUE;
  g_cancellable_cancel (r->cancellable);
}

/* While a message is paused libsoup reads nothing from its connection, so
 * it does not see the client close it: the socket is watched here. Readable
 * with nothing to read is the end of the connection; readable with data
 * (another request already) is not, and the watch stops. */
static gboolean
on_socket (GSocket *socket, GIOCondition condition, gpointer data)
{
  Render *r = data;
  char byte;
  gboolean closed = (condition & (G_IO_HUP | G_IO_ERR)) != 0
                    || recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
  if (closed)
    on_disconnected (r->msg, r);
  g_clear_pointer (&r->hangup, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
watch_socket (Render *r)
{
  GSocket *socket = soup_server_message_get_socket (r->msg);
  if (socket == NULL)
    return;
  r->hangup = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (r->hangup, G_SOURCE_FUNC (on_socket), r, NULL);
  g_source_attach (r->hangup, NULL);
}

static void
start (Render *r)
{
  r->cancellable = g_cancellable_new ();
  g_ptr_array_add (r->studio->running, g_object_ref (r->cancellable));
  roneo_job_set_cancellable (r->job, r->cancellable);
  r->stream = g_memory_output_stream_new_resizable ();
  roneo_job_set_output_stream (r->job, r->stream);
  r->warnings = roneo_warnings_new ();
  r->timeout_id = g_timeout_add (r->studio->timeout_s * 1000, on_timeout, r);
  r->disconnected_id = g_signal_connect (r->msg, "disconnected", G_CALLBACK (on_disconnected), r);
  soup_server_message_pause (r->msg);
  watch_socket (r);
  g_autoptr (GTask) task = g_task_new (NULL, NULL, on_done, NULL);
  g_task_set_task_data (task, r, (GDestroyNotify) render_free);
  g_task_run_in_thread (task, run_in_thread);
}

static double
query_dpi (GHashTable *query)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "dpi") : NULL;
  double dpi = text != NULL ? g_ascii_strtod (text, NULL) : 96;
  return CLAMP (dpi, 10, 300);
}

static guint
query_page (GHashTable *query)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  guint64 page = 1;
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 10000, &page, NULL))
    page = 0;
  return (guint) page;
}

static gboolean
kind_of (const char *path, GHashTable *query, RoneoJobKind *kind)
{
  const char *name = strrchr (path, '/') + 1;
  if (strcmp (name, "preview") == 0 || strcmp (name, "check") == 0)
    return roneo_studio_kind_parse (query != NULL ? g_hash_table_lookup (query, "kind") : NULL,
                                    kind);
  return roneo_studio_kind_parse (name, kind);
}

void
roneo_studio_render_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                            GHashTable *query)
{
  g_autoptr (GError) error = NULL;
  g_auto (RoneoStudioBody) body = { 0 };
  RoneoJobKind kind = RONEO_JOB_FLYER;
  if (strcmp (soup_server_message_get_method (msg), "POST") != 0)
    return roneo_studio_reply_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, 1,
                                       _ ("only POST here, with the copy"));
  if (roneo_studio_body_too_large (msg))
    return roneo_studio_reply_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, 2,
                                       _ ("the body is larger than allowed"));
  if (!kind_of (path, query, &kind))
    return roneo_studio_reply_problem (msg, SOUP_STATUS_BAD_REQUEST, 1,
                                       _ ("kind: flyer, banner or batch"));
  if (!roneo_studio_body_parse (msg, &body, &error))
    return roneo_studio_reply_error (studio, msg, error);
  Answer kind_of_answer = g_str_has_suffix (path, "/preview") ? ANSWER_PNG
                          : g_str_has_suffix (path, "/check") ? ANSWER_CHECK
                                                              : ANSWER_PDF;
  guint page = query_page (query), n_cached = 0;
  g_autofree char *key = cache_key_of (kind, query, &body);
  g_autoptr (GBytes) cached
      = kind_of_answer == ANSWER_PNG ? cached_proof (studio, key, page, &n_cached) : NULL;
  if (cached != NULL)
    return reply_png (msg, cached, page, n_cached);
  g_autoptr (RoneoJob) job = roneo_studio_job_new (studio, kind, &body, query, &error);
  if (job == NULL)
    return roneo_studio_reply_error (studio, msg, error);
  /* Previews and checks write no PDF: a dry run, with the proofs as PNG. */
  if (kind_of_answer != ANSWER_PDF)
    roneo_job_set_dry_run (job, TRUE);
  if (kind_of_answer == ANSWER_PNG || (query != NULL && g_hash_table_contains (query, "dpi")))
    roneo_job_set_proofs (job, query_dpi (query));
  Render *r = g_new0 (Render, 1);
  r->studio = studio;
  r->msg = g_object_ref (msg);
  r->answer = kind_of_answer;
  r->page = page;
  r->cache_key = g_steal_pointer (&key);
  r->job = g_steal_pointer (&job);
  r->lang = roneo_studio_request_lang (msg);
  start (r);
}
