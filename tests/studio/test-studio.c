/* test-studio.c: who may ask roneo studio, and what it may read: the page
 * and the headers every answer carries; 403 for no token or a wrong one, a
 * foreign Host, a POST from another origin or with none; 413 for a body over
 * its limit; the files of its folder, and none outside it (.., an absolute
 * path, a link to a file or a folder, a picture the copy names); nothing
 * listening but on the loopback addresses; the command's own errors; SIGTERM
 * stops it (exit 0).
 *
 * One studio serves the whole program (its engine loaded once, as a user's is).
 */
#include "roneo-test-cli.h"
#include "studio-client.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static StudioServer studio;

static void
post (const char *path, GBytes *body, StudioAnswer *answer)
{
  studio_fetch (&studio, NULL, path, body, answer);
}

#define CSP                                                                                        \
  "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "          \
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

/* --- the page and the headers --------------------------------------------- */

static void
test_page (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *path = g_strdup_printf ("/?token=%s", studio.token);
  const StudioRequest no_header = { .token = "" };
  studio_fetch (&studio, &no_header, path, NULL, &answer);
  studio_assert_status (&answer, 200);
  g_assert_cmpstr (studio_answer_header (&answer, "Content-Security-Policy"), ==, CSP);
  g_assert_cmpstr (studio_answer_header (&answer, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (studio_answer_header (&answer, "Referrer-Policy"), ==, "no-referrer");
  g_autofree char *html = studio_body_text (&answer);
  g_autofree char *script = g_strdup_printf ("/static/studio.js?token=%s", studio.token);
  roneo_test_assert_contains (html, script);
  roneo_test_assert_contains (html, "<textarea id=\"copy\"");
  studio_fetch (&studio, &no_header, script, NULL, &answer);
  studio_assert_status (&answer, 200);
  g_autofree char *js = studio_body_text (&answer);
  roneo_test_assert_contains (js, "AbortController");
}

/* --- who may ask -------------------------------------------------------------- */

static void
test_token (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  const StudioRequest none = { .token = "" };
  studio_fetch (&studio, &none, "/api/layouts", NULL, &answer);
  studio_assert_status (&answer, 403);
  g_assert_cmpstr (studio_answer_header (&answer, "Content-Security-Policy"), ==, CSP);
  /* the same length, one digit changed; a prefix; the token in the query */
  g_autofree char *wrong = g_strdup (studio.token);
  wrong[5] = wrong[5] == '0' ? '1' : '0';
  const StudioRequest bad = { .token = wrong };
  studio_fetch (&studio, &bad, "/api/layouts", NULL, &answer);
  studio_assert_status (&answer, 403);
  g_autofree char *prefix = g_strndup (studio.token, 31);
  const StudioRequest short_one = { .token = prefix };
  studio_fetch (&studio, &short_one, "/api/layouts", NULL, &answer);
  studio_assert_status (&answer, 403);
  g_autofree char *in_query = g_strdup_printf ("/api/layouts?token=%s", studio.token);
  studio_fetch (&studio, &none, in_query, NULL, &answer);
  studio_assert_status (&answer, 200);
  g_assert_cmpuint (strlen (studio.token), ==, 32);
}

static void
test_host (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *rebound = g_strdup_printf ("evil.example:%u", studio.port);
  g_autofree char *other_port = g_strdup_printf ("127.0.0.1:%u", studio.port + 1);
  g_autofree char *localhost = g_strdup_printf ("localhost:%u", studio.port);
  g_autofree char *ipv6 = g_strdup_printf ("[::1]:%u", studio.port);
  const char *refused[] = { rebound, other_port, "127.0.0.1" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const StudioRequest how = { .host = refused[i] };
      studio_fetch (&studio, &how, "/api/layouts", NULL, &answer);
      studio_assert_status (&answer, 403);
    }
  const char *own[] = { localhost, ipv6 };
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      const StudioRequest how = { .host = own[i] };
      studio_fetch (&studio, &how, "/api/layouts", NULL, &answer);
      studio_assert_status (&answer, 200);
    }
}

static void
test_origin (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_text_bytes ("# Titre\n\nTexte.\n");
  g_autofree char *other_port = g_strdup_printf ("http://127.0.0.1:%u", studio.port + 1);
  const char *refused[] = { "", "http://evil.example", other_port, "null" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const StudioRequest how = { .origin = refused[i] };
      studio_fetch (&studio, &how, "/api/check", copy, &answer);
      studio_assert_status (&answer, 403);
    }
  g_autofree char *localhost = g_strdup_printf ("http://localhost:%u", studio.port);
  const StudioRequest own = { .origin = localhost };
  studio_fetch (&studio, &own, "/api/check", copy, &answer);
  studio_assert_status (&answer, 200);
}

static void
test_limits (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  gsize size = (1u << 20) + 1;
  g_autofree char *big = g_malloc (size);
  memset (big, 'a', size);
  g_autoptr (GBytes) copy = g_bytes_new_static (big, size);
  /* Refused on its Content-Length, before a byte of it is sent. */
  const StudioRequest announced = { .head_only = TRUE };
  studio_fetch (&studio, &announced, "/api/flyer", copy, &answer);
  studio_assert_status (&answer, 413);
  const StudioRequest chunked = { .chunked = TRUE };
  studio_fetch (&studio, &chunked, "/api/flyer", copy, &answer);
  studio_assert_status (&answer, 413);
  /* a picture may be larger than a copy, a CSV too */
  post ("/api/file?name=logo.png", copy, &answer);
  studio_assert_status (&answer, 200);
  gsize huge = (20u << 20) + 1;
  g_autoptr (GBytes) picture = g_bytes_new_take (g_malloc0 (huge), huge);
  studio_fetch (&studio, &announced, "/api/file?name=logo.png", picture, &answer);
  studio_assert_status (&answer, 413);
}

/* --- the folder ------------------------------------------------------------ */

static void
test_files (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_text_bytes ("# Sauvons nos guichets\n");
  post ("/api/file?name=guichets.md", copy, &answer);
  studio_assert_status (&answer, 200);
  g_autofree char *saved = g_build_filename (studio.dir, "guichets.md", NULL);
  g_autofree char *text = roneo_test_read_file (saved);
  g_assert_cmpstr (text, ==, "# Sauvons nos guichets\n");
  roneo_test_assert_no_temporaries (saved);
  studio_fetch (&studio, NULL, "/api/file?name=guichets.md", NULL, &answer);
  studio_assert_status (&answer, 200);
  g_autofree char *back = studio_body_text (&answer);
  g_assert_cmpstr (back, ==, text);
  studio_fetch (&studio, NULL, "/api/files", NULL, &answer);
  studio_assert_status (&answer, 200);
  g_autofree char *listing = studio_body_text (&answer);
  roneo_test_assert_contains (listing, "\"guichets.md\"");
  /* and the next time too */
  studio_fetch (&studio, NULL, "/api/files", NULL, &answer);
  g_autofree char *again = studio_body_text (&answer);
  g_assert_cmpstr (again, ==, listing);
  studio_fetch (&studio, NULL, "/api/file?name=missing.md", NULL, &answer);
  studio_assert_status (&answer, 404);
}

static void
test_outside (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *outside = roneo_test_make_tmp_dir ("roneo-outside-XXXXXX");
  g_autofree char *secret = roneo_test_write_file (outside, "secret.md", "# secret\n");
  g_autofree char *link = g_build_filename (studio.dir, "link.md", NULL);
  g_autofree char *link_dir = g_build_filename (studio.dir, "out", NULL);
  g_assert_cmpint (symlink (secret, link), ==, 0);
  g_assert_cmpint (symlink (outside, link_dir), ==, 0);
  g_autofree char *base = g_path_get_basename (outside);
  g_autofree char *up = g_strdup_printf ("/api/file?name=../%s/secret.md", base);
  g_autofree char *absolute = g_strdup_printf ("/api/file?name=%s", secret);
  const char *refused[] = { up, absolute, "/api/file?name=link.md", "/api/file?name=out/secret.md",
                            "/api/file?name=./link.md" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      studio_fetch (&studio, NULL, refused[i], NULL, &answer);
      studio_assert_status (&answer, 403);
    }
  /* nor written through a link, nor beside one */
  g_autoptr (GBytes) copy = studio_text_bytes ("# written\n");
  post ("/api/file?name=link.md", copy, &answer);
  studio_assert_status (&answer, 403);
  post ("/api/file?name=out/new.md", copy, &answer);
  studio_assert_status (&answer, 403);
  post (up, copy, &answer);
  studio_assert_status (&answer, 403);
  /* nor a picture the copy names */
  g_autofree char *logo = roneo_test_corpus ("images/logo.png");
  g_autofree char *picture = g_build_filename (outside, "logo.png", NULL);
  g_autoptr (GBytes) png = roneo_test_read_bytes (logo);
  g_assert_true (
      g_file_set_contents (picture, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_autofree char *naming
      = g_strdup_printf ("# Titre\n\nTexte.\n\n![logo](../%s/logo.png)\n", base);
  g_autoptr (GBytes) tract = studio_text_bytes (naming);
  post ("/api/flyer", tract, &answer);
  studio_assert_status (&answer, 400);
  g_autoptr (JsonNode) error = studio_json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (error), "line"), ==, 5);
  roneo_test_assert_contains (
      json_object_get_string_member (json_node_get_object (error), "message"),
      "outside the folder");
  g_autofree char *still = roneo_test_read_file (secret);
  g_assert_cmpstr (still, ==, "# secret\n");
  unlink (link);
  unlink (link_dir);
  roneo_test_rm_rf (outside);
}

/* --- the server itself -------------------------------------------------------- */

/* The command's own errors: a port taken (exit 5, said), a bad port, a file
 * given, a folder that is not one (exit 1, 1, 2). */
static void
test_command (void)
{
  g_auto (RoneoTestRun) run, bad_port, a_file, no_folder, help;
  g_autofree char *taken = g_strdup_printf ("%u", studio.port);
  RONEO_TEST_RUN (&run, studio.dir, "studio", "--no-open", "--port", taken);
  roneo_test_assert_exit (&run, 5);
  g_autofree char *said = g_strdup_printf ("cannot listen on 127.0.0.1 port %u", studio.port);
  roneo_test_assert_contains (run.err, said);
  g_assert_cmpstr (run.out, ==, "");
  RONEO_TEST_RUN (&bad_port, studio.dir, "studio", "--no-open", "--port", "70000");
  roneo_test_assert_exit (&bad_port, 1);
  RONEO_TEST_RUN (&a_file, studio.dir, "studio", "--no-open", "tract.md");
  roneo_test_assert_exit (&a_file, 1);
  RONEO_TEST_RUN (&no_folder, studio.dir, "studio", "--no-open", "--dir", "no-such-folder");
  roneo_test_assert_exit (&no_folder, 2);
  roneo_test_assert_contains (no_folder.err, "cannot open the folder 'no-such-folder'");
  RONEO_TEST_RUN (&help, studio.dir, "studio", "--help");
  roneo_test_assert_exit (&help, 0);
  roneo_test_assert_contains (help.out, "--no-open");
  roneo_test_assert_contains (help.out, "Exit codes:");
}

/* Every socket of the studio's port listens on 127.0.0.1 or ::1. */
static void
test_loopback_only (void)
{
  static const struct
  {
    const char *table, *loopback;
  } tables[] = { { "/proc/net/tcp", "0100007F" },
                 { "/proc/net/tcp6", "00000000000000000000000001000000" } };
  guint listening = 0;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *text = NULL;
      if (!g_file_get_contents (tables[t].table, &text, NULL, NULL))
        continue;
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      for (guint i = 1; lines[i] != NULL; i++)
        {
          char local[64] = "", remote[64] = "";
          guint port = 0, state = 0;
          if (sscanf (lines[i], " %*u: %63[0-9A-F]:%X %63[0-9A-F]:%*X %X", local, &port, remote,
                      &state)
                  != 4
              || port != studio.port || state != 0x0A)
            continue;
          g_assert_cmpstr (local, ==, tables[t].loopback);
          listening++;
        }
    }
  g_assert_cmpuint (listening, >=, 1);
}

static void
on_exited (GObject *process, GAsyncResult *result, gpointer done)
{
  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *(gboolean *) done = TRUE;
}

/* Whether process ends within seconds (its wait given up after them). */
static gboolean
exits_within (GSubprocess *process, guint seconds)
{
  g_autoptr (GCancellable) give_up = g_cancellable_new ();
  gboolean answered = FALSE;
  g_subprocess_wait_async (process, give_up, on_exited, &answered);
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  while (!answered)
    {
      if (g_get_monotonic_time () > until)
        g_cancellable_cancel (give_up);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  return !g_cancellable_is_cancelled (give_up);
}

/* The page's stop button: POST /api/stop (token and Origin required, as
 * every POST) answers, then the studio exits 0 by itself. A GET does not
 * stop it. A studio of its own, so the others' tests go on. */
static void
test_stop (void)
{
  StudioServer own = { 0 };
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-studio-stop-XXXXXX");
  studio_server_start (&own, roneo_test_roneo_path (), dir);
  g_auto (StudioAnswer) get = { 0 }, foreign = { 0 }, stopped = { 0 };
  studio_fetch (&own, &(StudioRequest){ 0 }, "/api/stop", NULL, &get);
  studio_assert_status (&get, 405);
  studio_fetch (&own, &(StudioRequest){ .method = "POST", .origin = "http://evil.example" },
                "/api/stop", NULL, &foreign);
  studio_assert_status (&foreign, 403);
  studio_fetch (&own, &(StudioRequest){ .method = "POST" }, "/api/stop", NULL, &stopped);
  studio_assert_status (&stopped, 200);
  g_autoptr (JsonNode) node = studio_json_of (&stopped);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "stopping"));
  g_assert_true (exits_within (own.process, 10));
  g_assert_true (g_subprocess_get_if_exited (own.process));
  g_assert_cmpint (g_subprocess_get_exit_status (own.process), ==, 0);
  g_clear_object (&own.process);
  g_free (own.dir);
  g_free (own.token);
  g_free (own.url);
  roneo_test_rm_rf (dir);
}

static void
add_cases (void)
{
  g_test_add_func ("/studio/page", test_page);
  g_test_add_func ("/studio/token", test_token);
  g_test_add_func ("/studio/host", test_host);
  g_test_add_func ("/studio/origin", test_origin);
  g_test_add_func ("/studio/limits", test_limits);
  g_test_add_func ("/studio/files", test_files);
  g_test_add_func ("/studio/outside", test_outside);
  g_test_add_func ("/studio/command", test_command);
  g_test_add_func ("/studio/loopback-only", test_loopback_only);
  g_test_add_func ("/studio/stop", test_stop);
}

int
main (int argc, char **argv)
{
  static const StudioTestProgram program = { "studio", STUDIO_CUPS_NONE, add_cases };
  return studio_test_run (argc, argv, &program, &studio);
}
