/* roneo-studio.c: the studio's life: the folder, the engine, the token, the
 * loopback listeners, the main loop and the dispatch of requests.
 *
 * Only the loopback addresses are listened on: 127.0.0.1 always, ::1 when the
 * machine has IPv6, on the same port. The token is 128 bits from getrandom
 * (g_random is not a secure source; a UUID holds 122 random bits).
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "roneo-error.h"

static char *
new_token (GError **error)
{
  guint8 bits[RONEO_STUDIO_TOKEN_BYTES];
  gsize got = 0;
  while (got < sizeof bits)
    {
      ssize_t n = getrandom (bits + got, sizeof bits - got, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       _ ("no random numbers for the studio's token: %s"), g_strerror (errno));
          return NULL;
        }
      got += n;
    }
  GString *hex = g_string_sized_new (2 * sizeof bits);
  for (gsize i = 0; i < sizeof bits; i++)
    g_string_append_printf (hex, "%02x", bits[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
open_folder (RoneoStudio *studio, const char *folder, GError **error)
{
  const char *asked = folder != NULL ? folder : ".";
  studio->dir = realpath (asked, NULL);
  studio->dir_fd
      = studio->dir != NULL ? open (studio->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (studio->dir_fd < 0)
    {
      int saved = errno;
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("cannot open the folder '%s': %s"),
                   asked, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
listen_on (RoneoStudio *studio, const char *address, guint port, GError **error)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr (GSocketAddress) where = g_inet_socket_address_new (inet, port);
  return soup_server_listen (studio->server, where, 0, error);
}

/* The port the first listener got (the one port 0 chose). */
static guint
bound_port (SoupServer *server)
{
  g_autoslist (GUri) uris = soup_server_get_uris (server);
  return uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
}

static gboolean
listen_loopback (RoneoStudio *studio, guint port, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!listen_on (studio, "127.0.0.1", port, &local))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                   _ ("cannot listen on 127.0.0.1 port %u: %s"), port, local->message);
      return FALSE;
    }
  studio->port = bound_port (studio->server);
  /* ::1 is a convenience: a machine without IPv6 serves on 127.0.0.1 alone. */
  g_autoptr (GError) ipv6 = NULL;
  if (!listen_on (studio, "::1", studio->port, &ipv6))
    g_debug ("not listening on [::1]:%u: %s", studio->port, ipv6->message);
  return TRUE;
}

/* The answer to /api/stop went out: the loop may end. */
static void
on_stop_answered (SoupServerMessage *msg, gpointer data)
{
  (void) msg;
  RoneoStudio *studio = data;
  g_main_loop_quit (studio->loop);
}

/* POST /api/stop: the page's button for those who started the studio from
 * the applications menu and have no terminal to press Ctrl+C in. */
static void
stop (RoneoStudio *studio, SoupServerMessage *msg)
{
  if (strcmp (soup_server_message_get_method (msg), "POST") != 0)
    return roneo_studio_reply_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, 1,
                                       _ ("only POST stops the studio"));
  g_signal_connect (msg, "finished", G_CALLBACK (on_stop_answered), studio);
  roneo_studio_reply_json (msg, SOUP_STATUS_OK, json_from_string ("{\"stopping\": true}", NULL));
}

static void
dispatch (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
          gpointer data)
{
  RoneoStudio *studio = data;
  roneo_studio_speak (roneo_studio_request_lang (msg));
  if (strcmp (path, "/api/stop") == 0)
    stop (studio, msg);
  else if (g_str_has_prefix (path, "/api/print"))
    roneo_studio_print_handle (studio, msg, path, query);
  else if (g_str_has_prefix (path, "/api/file"))
    roneo_studio_files_handle (studio, msg, path, query);
  else if (strcmp (path, "/api/flyer") == 0 || strcmp (path, "/api/banner") == 0
           || strcmp (path, "/api/batch") == 0 || strcmp (path, "/api/preview") == 0
           || strcmp (path, "/api/check") == 0)
    roneo_studio_render_handle (studio, msg, path, query);
  else
    roneo_studio_api_handle (studio, msg, path, query);
  roneo_studio_speak (NULL);
}

/* RONEO_STUDIO_TIMEOUT (seconds) lets a test see the bound without a render of 20 s. */
static guint
render_timeout (void)
{
  const char *text = g_getenv ("RONEO_STUDIO_TIMEOUT");
  guint64 seconds = 0;
  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;
  return RONEO_STUDIO_RENDER_TIMEOUT_S;
}

RoneoStudio *
roneo_studio_new (const char *folder, guint port, GError **error)
{
  g_autoptr (RoneoStudio) studio = g_new0 (RoneoStudio, 1);
  studio->dir_fd = -1;
  studio->timeout_s = render_timeout ();
  g_mutex_init (&studio->engine_lock);
  g_mutex_init (&studio->cache_lock);
  studio->prints = roneo_studio_prints_new ();
  studio->running = g_ptr_array_new_with_free_func (g_object_unref);
  if (!open_folder (studio, folder, error) || (studio->token = new_token (error)) == NULL
      || (studio->engine = roneo_engine_new (NULL, error)) == NULL)
    return NULL;
  studio->server = soup_server_new ("server-header", "roneo-studio", NULL);
  roneo_studio_guard_install (studio);
  soup_server_add_handler (studio->server, NULL, dispatch, studio, NULL);
  if (!listen_loopback (studio, port, error))
    return NULL;
  studio->url = g_strdup_printf ("http://127.0.0.1:%u/?token=%s", studio->port, studio->token);
  return g_steal_pointer (&studio);
}

const char *
roneo_studio_get_url (const RoneoStudio *studio)
{
  return studio->url;
}

static gboolean
on_signal (gpointer data)
{
  RoneoStudio *studio = data;
  g_main_loop_quit (studio->loop);
  return G_SOURCE_CONTINUE;
}

void
roneo_studio_run (RoneoStudio *studio)
{
  studio->loop = g_main_loop_new (NULL, FALSE);
  guint on_int = g_unix_signal_add (SIGINT, on_signal, studio);
  guint on_term = g_unix_signal_add (SIGTERM, on_signal, studio);
  g_main_loop_run (studio->loop);
  g_source_remove (on_int);
  g_source_remove (on_term);
  for (guint i = 0; i < studio->running->len; i++)
    g_cancellable_cancel (g_ptr_array_index (studio->running, i));
  soup_server_disconnect (studio->server);
}

void
roneo_studio_free (RoneoStudio *studio)
{
  if (studio == NULL)
    return;
  g_clear_object (&studio->server);
  /* A render still running holds the lock: wait for it before the engine goes. */
  g_mutex_lock (&studio->engine_lock);
  g_clear_pointer (&studio->engine, roneo_engine_free);
  g_mutex_unlock (&studio->engine_lock);
  g_mutex_clear (&studio->engine_lock);
  g_mutex_clear (&studio->cache_lock);
  g_clear_pointer (&studio->cache_proofs, g_ptr_array_unref);
  g_free (studio->cache_key);
  roneo_studio_prints_free (studio->prints);
  g_clear_pointer (&studio->running, g_ptr_array_unref);
  g_clear_pointer (&studio->loop, g_main_loop_unref);
  if (studio->dir_fd >= 0)
    close (studio->dir_fd);
  free (studio->dir);
  g_free (studio->token);
  g_free (studio->url);
  g_free (studio);
}

const RoneoStudioFunctions *
roneo_studio_functions (void)
{
  static const RoneoStudioFunctions functions = {
    roneo_studio_new,
    roneo_studio_get_url,
    roneo_studio_run,
    roneo_studio_free,
  };
  return &functions;
}
