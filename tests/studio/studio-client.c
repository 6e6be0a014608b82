/* studio-client.c: see studio-client.h. */
#include "studio-client.h"

#include "roneo-test-cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* In the child, before exec: a test that fails aborts without stopping its
 * studio, which would go on holding the test's stderr, and meson would wait
 * for it until the timeout. */
static void
die_with_the_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
studio_server_start (StudioServer *server, const char *roneo, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_the_test, NULL, NULL);
  server->dir = g_strdup (dir);
  server->process = g_subprocess_launcher_spawn (launcher, &error, roneo, "studio", "--no-open",
                                                 "--quiet", "--port", "0", "--dir", dir, NULL);
  g_assert_no_error (error);
  g_autoptr (GDataInputStream) out
      = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  server->url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (server->url);
  char token[64] = "";
  g_assert_cmpint (sscanf (server->url, "http://127.0.0.1:%u/?token=%63s", &server->port, token),
                   ==, 2);
  server->token = g_strdup (token);
}

void
studio_server_stop (StudioServer *server)
{
  g_autoptr (GError) error = NULL;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_assert_true (g_subprocess_wait (server->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);
  g_clear_object (&server->process);
  g_free (server->dir);
  g_free (server->token);
  g_free (server->url);
}

void
studio_answer_clear (StudioAnswer *answer)
{
  g_clear_pointer (&answer->headers, g_hash_table_unref);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

const char *
studio_answer_header (const StudioAnswer *answer, const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (answer->headers, lower);
}

static GString *
request_head (const StudioServer *server, const StudioRequest *how, const char *path, GBytes *body,
              gboolean keep_alive)
{
  const char *method = how->method ? how->method : body ? "POST" : "GET";
  GString *head = g_string_new (NULL);
  g_string_append_printf (head, "%s %s HTTP/1.1\r\n", method, path);
  if (how->host != NULL)
    g_string_append_printf (head, "Host: %s\r\n", how->host);
  else
    g_string_append_printf (head, "Host: 127.0.0.1:%u\r\n", server->port);
  if (how->token == NULL)
    g_string_append_printf (head, "Authorization: Bearer %s\r\n", server->token);
  else if (*how->token)
    g_string_append_printf (head, "Authorization: Bearer %s\r\n", how->token);
  if (how->origin == NULL && strcmp (method, "POST") == 0)
    g_string_append_printf (head, "Origin: http://127.0.0.1:%u\r\n", server->port);
  else if (how->origin != NULL && *how->origin)
    g_string_append_printf (head, "Origin: %s\r\n", how->origin);
  if (how->language != NULL)
    g_string_append_printf (head, "Accept-Language: %s\r\n", how->language);
  if (body != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", how->type ? how->type : "text/markdown");
  if (body != NULL && how->chunked)
    g_string_append (head, "Transfer-Encoding: chunked\r\n");
  else if (body != NULL)
    g_string_append_printf (head, "Content-Length: %zu\r\n", g_bytes_get_size (body));
  g_string_append (head, keep_alive ? "\r\n" : "Connection: close\r\n\r\n");
  return head;
}

/* The body in chunks of 64 KB; the server may close before the end. */
static void
send_chunked (GOutputStream *out, GBytes *body)
{
  gsize length = 0, done = 0;
  const char *data = g_bytes_get_data (body, &length);
  while (done < length)
    {
      gsize n = MIN (length - done, 65536);
      g_autofree char *size = g_strdup_printf ("%zx\r\n", n);
      if (!g_output_stream_write_all (out, size, strlen (size), NULL, NULL, NULL)
          || !g_output_stream_write_all (out, data + done, n, NULL, NULL, NULL)
          || !g_output_stream_write_all (out, "\r\n", 2, NULL, NULL, NULL))
        return;
      done += n;
    }
  g_output_stream_write_all (out, "0\r\n\r\n", 5, NULL, NULL, NULL);
}

/* The status line and the headers, without the blank line that ends them. */
static void
parse_head (const char *head, StudioAnswer *answer)
{
  g_auto (GStrv) lines = g_strsplit (head, "\r\n", -1);
  g_assert_cmpint (sscanf (lines[0], "HTTP/1.%*d %u", &answer->status), ==, 1);
  answer->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      if (colon != NULL)
        g_hash_table_replace (answer->headers, g_ascii_strdown (lines[i], colon - lines[i]),
                              g_strstrip (g_strdup (colon + 1)));
    }
}

static void
parse_answer (GBytes *raw, StudioAnswer *answer)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (raw, &length);
  const char *end = g_strstr_len (data, length, "\r\n\r\n");
  g_assert_nonnull (end);
  g_autofree char *head = g_strndup (data, end - data);
  parse_head (head, answer);
  answer->body = g_bytes_new_from_bytes (raw, end + 4 - data, length - (end + 4 - data));
}

void
studio_fetch (const StudioServer *server, const StudioRequest *how, const char *path, GBytes *body,
              StudioAnswer *answer)
{
  static const StudioRequest plain = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  how = how != NULL ? how : &plain;
  g_autoptr (GSocketConnection) connection = g_socket_client_connect_to_host (
      client, how->address ? how->address : "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GString) head = request_head (server, how, path, body, FALSE);
  g_assert_true (g_output_stream_write_all (out, head->str, head->len, NULL, NULL, &error));
  if (body != NULL && how->chunked)
    send_chunked (out, body);
  else if (body != NULL && !how->head_only)
    g_output_stream_write_all (out, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL,
                               NULL, NULL);
  g_autoptr (GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_output_stream_splice (sink, g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) raw = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
  studio_answer_clear (answer);
  parse_answer (raw, answer);
}

/* --- keep-alive ---------------------------------------------------------------- */

struct _StudioConnection
{
  const StudioServer *server;
  GSocketConnection *socket;
  GDataInputStream *in; /* buffered: the head is read line by line, then the body */
};

StudioConnection *
studio_connection_new (const StudioServer *server)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  StudioConnection *c = g_new0 (StudioConnection, 1);
  c->server = server;
  c->socket = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  c->in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (c->socket)));
  g_data_input_stream_set_newline_type (c->in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  return c;
}

void
studio_connection_free (StudioConnection *c)
{
  if (c == NULL)
    return;
  g_clear_object (&c->in);
  g_io_stream_close (G_IO_STREAM (c->socket), NULL, NULL);
  g_clear_object (&c->socket);
  g_free (c);
}

/* The lines up to the blank one, joined with CR LF. Owned. */
static char *
read_head (GDataInputStream *in)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) head = g_string_new (NULL);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line); /* the studio closed a keep-alive connection */
      if (*line == '\0')
        return g_string_free (g_steal_pointer (&head), FALSE);
      if (head->len > 0)
        g_string_append (head, "\r\n");
      g_string_append (head, line);
    }
}

void
studio_connection_fetch (StudioConnection *c, const char *path, GBytes *body, StudioAnswer *answer)
{
  static const StudioRequest plain = { 0 };
  g_autoptr (GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (c->socket));
  g_autoptr (GString) head = request_head (c->server, &plain, path, body, TRUE);
  g_assert_true (g_output_stream_write_all (out, head->str, head->len, NULL, NULL, &error));
  if (body != NULL)
    g_assert_true (g_output_stream_write_all (out, g_bytes_get_data (body, NULL),
                                              g_bytes_get_size (body), NULL, NULL, &error));
  g_assert_no_error (error);
  studio_answer_clear (answer);
  g_autofree char *text = read_head (c->in);
  parse_head (text, answer);
  const char *announced = studio_answer_header (answer, "Content-Length");
  g_assert_nonnull (announced); /* what a keep-alive answer must say */
  gsize length = (gsize) g_ascii_strtoull (announced, NULL, 10), got = 0;
  char *data = g_malloc (length + 1);
  g_input_stream_read_all (G_INPUT_STREAM (c->in), data, length, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, length);
  answer->body = g_bytes_new_take (data, length);
}

/* --- what the suites check ------------------------------------------------- */

GBytes *
studio_text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

GBytes *
studio_corpus_bytes (const char *name)
{
  g_autofree char *path = roneo_test_corpus (name);
  return roneo_test_read_bytes (path);
}

char *
studio_body_text (const StudioAnswer *answer)
{
  return g_strndup (g_bytes_get_data (answer->body, NULL), g_bytes_get_size (answer->body));
}

void
studio_assert_status (const StudioAnswer *answer, guint status)
{
  if (answer->status != status)
    {
      g_autofree char *text = studio_body_text (answer);
      g_error ("HTTP %u, not %u: %.300s", answer->status, status, text);
    }
}

/* The pages pdfinfo reads in a PDF answer. */
guint
studio_pdf_pages (const StudioServer *server, const StudioAnswer *answer)
{
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "application/pdf");
  g_autofree char *path = g_build_filename (server->dir, "answer.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (answer->body, NULL),
                                      g_bytes_get_size (answer->body), NULL));
  g_auto (RoneoTestRun) run = { 0 };
  const RoneoTestSpawn how = { .program = "pdfinfo" };
  roneo_test_run_full (&run, server->dir, &how, (const char *const[]){ path, NULL });
  roneo_test_assert_exit (&run, 0);
  const char *pages = strstr (run.out, "Pages:");
  g_assert_nonnull (pages);
  unlink (path);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

void
studio_png_size (const StudioServer *server, const StudioAnswer *answer, guint32 *width,
                 guint32 *height)
{
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "image/png");
  g_autofree char *path = g_build_filename (server->dir, "answer.png", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (answer->body, NULL),
                                      g_bytes_get_size (answer->body), NULL));
  roneo_test_png_size (path, width, height);
  unlink (path);
}

guint64
studio_server_rss_kb (const StudioServer *server)
{
  g_autofree char *path
      = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (server->process));
  g_autofree char *status = roneo_test_read_file (path);
  const char *rss = strstr (status, "\nVmRSS:");
  g_assert_nonnull (rss);
  return g_ascii_strtoull (rss + strlen ("\nVmRSS:"), NULL, 10);
}

JsonNode *
studio_json_of (const StudioAnswer *answer)
{
  g_autoptr (GError) error = NULL;
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "application/json");
  g_autofree char *text = studio_body_text (answer);
  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

/* A broken front matter line: the error at its line, in check and in flyer. */

/* --- a studio test program ------------------------------------------------- */

static gboolean
environment_ready (StudioCups cups)
{
  if (cups == STUDIO_CUPS_NONE)
    {
      /* No CUPS server: the printers' answers are the same on every machine. */
      g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
      return TRUE;
    }
  return g_getenv ("CUPS_SERVER") != NULL && g_getenv ("RONEO_PRINT_OUT_DIR") != NULL;
}

int
studio_test_run (int argc, char **argv, const StudioTestProgram *program, StudioServer *studio)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  if (!environment_ready (program->cups))
    {
      g_printerr ("run through run-print-tests.sh, which starts the private cupsd\n");
      return 1;
    }
  /* A client that goes away mid-answer is a case of its own, not the end of the program. */
  signal (SIGPIPE, SIG_IGN);
  g_autofree char *tmpl = g_strdup_printf ("roneo-%s-XXXXXX", program->name);
  g_autofree char *dir = roneo_test_make_tmp_dir (tmpl);
  studio_server_start (studio, roneo_test_roneo_path (), dir);
  program->add_cases ();
  int status = g_test_run ();
  studio_server_stop (studio);
  roneo_test_rm_rf (dir);
  roneo_test_cli_teardown ();
  return status;
}
