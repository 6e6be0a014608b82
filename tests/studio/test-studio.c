/* test-studio.c: roneo studio as the page and scripts use it, over plain
 * HTTP: every endpoint answers (PDFs pdfinfo reads, PNGs of the page's size,
 * JSON with the lines of the errors), and every request that is not the
 * page's own is refused: no token or a wrong one, a foreign Host, a POST from
 * another origin or with none, a body over its limit, a file outside the
 * folder. A render whose client goes away is cancelled and the server goes
 * on; nothing listens but on the loopback addresses; SIGTERM stops it.
 *
 * One studio serves the whole suite (its engine loaded once, as a user's is).
 */
#include "roneo-test-cli.h"
#include "studio-client.h"

#include <json-glib/json-glib.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CSP                                                                                        \
  "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "          \
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

static StudioServer studio;
static char *scratch; /* the studio's --dir */

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
corpus_bytes (const char *name)
{
  g_autofree char *path = roneo_test_corpus (name);
  return roneo_test_read_bytes (path);
}

static void
post (const char *path, GBytes *body, StudioAnswer *answer)
{
  studio_fetch (&studio, NULL, path, body, answer);
}

static JsonNode *json_of (const StudioAnswer *answer);

static char *
body_text (const StudioAnswer *answer)
{
  return g_strndup (g_bytes_get_data (answer->body, NULL), g_bytes_get_size (answer->body));
}

static void
assert_status (const StudioAnswer *answer, guint status)
{
  if (answer->status != status)
    {
      g_autofree char *text = body_text (answer);
      g_error ("HTTP %u, not %u: %.300s", answer->status, status, text);
    }
}

/* The pages pdfinfo reads in a PDF answer. */
static guint
pdf_pages (const StudioAnswer *answer)
{
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "application/pdf");
  g_autofree char *path = g_build_filename (scratch, "answer.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (answer->body, NULL),
                                      g_bytes_get_size (answer->body), NULL));
  g_auto (RoneoTestRun) run = { 0 };
  const RoneoTestSpawn how = { .program = "pdfinfo" };
  roneo_test_run_full (&run, scratch, &how, (const char *const[]){ path, NULL });
  roneo_test_assert_exit (&run, 0);
  const char *pages = strstr (run.out, "Pages:");
  g_assert_nonnull (pages);
  unlink (path);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
png_size (const StudioAnswer *answer, guint32 *width, guint32 *height)
{
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "image/png");
  g_autofree char *path = g_build_filename (scratch, "answer.png", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (answer->body, NULL),
                                      g_bytes_get_size (answer->body), NULL));
  roneo_test_png_size (path, width, height);
  unlink (path);
}

/* --- the page and the headers --------------------------------------------- */

static void
test_page (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *path = g_strdup_printf ("/?token=%s", studio.token);
  const StudioRequest no_header = { .token = "" };
  studio_fetch (&studio, &no_header, path, NULL, &answer);
  assert_status (&answer, 200);
  g_assert_cmpstr (studio_answer_header (&answer, "Content-Security-Policy"), ==, CSP);
  g_assert_cmpstr (studio_answer_header (&answer, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (studio_answer_header (&answer, "Referrer-Policy"), ==, "no-referrer");
  g_autofree char *html = body_text (&answer);
  g_autofree char *script = g_strdup_printf ("/static/studio.js?token=%s", studio.token);
  roneo_test_assert_contains (html, script);
  roneo_test_assert_contains (html, "<textarea id=\"copy\"");
  studio_fetch (&studio, &no_header, script, NULL, &answer);
  assert_status (&answer, 200);
  g_autofree char *js = body_text (&answer);
  roneo_test_assert_contains (js, "AbortController");
}

/* --- who may ask -------------------------------------------------------------- */

static void
test_token (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  const StudioRequest none = { .token = "" };
  studio_fetch (&studio, &none, "/api/layouts", NULL, &answer);
  assert_status (&answer, 403);
  g_assert_cmpstr (studio_answer_header (&answer, "Content-Security-Policy"), ==, CSP);
  /* the same length, one digit changed; a prefix; the token in the query */
  g_autofree char *wrong = g_strdup (studio.token);
  wrong[5] = wrong[5] == '0' ? '1' : '0';
  const StudioRequest bad = { .token = wrong };
  studio_fetch (&studio, &bad, "/api/layouts", NULL, &answer);
  assert_status (&answer, 403);
  g_autofree char *prefix = g_strndup (studio.token, 31);
  const StudioRequest short_one = { .token = prefix };
  studio_fetch (&studio, &short_one, "/api/layouts", NULL, &answer);
  assert_status (&answer, 403);
  g_autofree char *in_query = g_strdup_printf ("/api/layouts?token=%s", studio.token);
  studio_fetch (&studio, &none, in_query, NULL, &answer);
  assert_status (&answer, 200);
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
      assert_status (&answer, 403);
    }
  const char *own[] = { localhost, ipv6 };
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      const StudioRequest how = { .host = own[i] };
      studio_fetch (&studio, &how, "/api/layouts", NULL, &answer);
      assert_status (&answer, 200);
    }
}

static void
test_origin (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = text_bytes ("# Titre\n\nTexte.\n");
  g_autofree char *other_port = g_strdup_printf ("http://127.0.0.1:%u", studio.port + 1);
  const char *refused[] = { "", "http://evil.example", other_port, "null" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const StudioRequest how = { .origin = refused[i] };
      studio_fetch (&studio, &how, "/api/check", copy, &answer);
      assert_status (&answer, 403);
    }
  g_autofree char *localhost = g_strdup_printf ("http://localhost:%u", studio.port);
  const StudioRequest own = { .origin = localhost };
  studio_fetch (&studio, &own, "/api/check", copy, &answer);
  assert_status (&answer, 200);
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
  assert_status (&answer, 413);
  const StudioRequest chunked = { .chunked = TRUE };
  studio_fetch (&studio, &chunked, "/api/flyer", copy, &answer);
  assert_status (&answer, 413);
  /* a picture may be larger than a copy, a CSV too */
  post ("/api/file?name=logo.png", copy, &answer);
  assert_status (&answer, 200);
  gsize huge = (20u << 20) + 1;
  g_autoptr (GBytes) picture = g_bytes_new_take (g_malloc0 (huge), huge);
  studio_fetch (&studio, &announced, "/api/file?name=logo.png", picture, &answer);
  assert_status (&answer, 413);
}

/* --- the renders ------------------------------------------------------------ */

static void
test_flyer (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/flyer", copy, &answer);
  assert_status (&answer, 200);
  guint pages = pdf_pages (&answer);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, ==,
                    g_ascii_strtoull (studio_answer_header (&answer, "X-Roneo-Pages"), NULL, 10));
  post ("/api/flyer?layout=a4-tract", copy, &answer);
  assert_status (&answer, 200);
  g_assert_cmpuint (pdf_pages (&answer), >=, 1);
}

static void
test_banner (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) slogan = text_bytes ("Ça coûte cher\n");
  /* 3 m x 90 cm on A4: a cover and the tiles */
  post ("/api/banner?size=300x90cm&sheet=A4", slogan, &answer);
  assert_status (&answer, 200);
  guint sheets = pdf_pages (&answer);
  g_assert_cmpuint (sheets, >, 10);
  post ("/api/check?kind=banner&size=300x90cm&sheet=A4", slogan, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) check = json_of (&answer);
  JsonObject *o = json_node_get_object (check);
  g_assert_true (json_object_get_null_member (o, "error"));
  /* the check counts the tiles, the PDF has the cover too */
  g_assert_cmpuint (json_object_get_int_member (o, "pages") + 1, ==, sheets);
  g_assert_cmpuint (json_object_get_int_member (o, "rows"), >=, 2);
  post ("/api/banner?size=3x9cm", slogan, &answer);
  assert_status (&answer, 400);
  g_autoptr (JsonNode) error = json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (error), "code"), ==, 1);
  roneo_test_assert_contains (
      json_object_get_string_member (json_node_get_object (error), "message"), "size: ");
}

static void
test_batch (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/batch?copies=4", copy, &answer);
  assert_status (&answer, 200);
  g_assert_cmpuint (pdf_pages (&answer), ==, 2); /* A5 2-up: 4 copies on 2 sheets */
  /* the copy and a CSV file in one form */
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *villes = roneo_test_corpus ("villes.csv");
  g_autofree char *t = roneo_test_read_file (tract), *v = roneo_test_read_file (villes);
  g_autofree char *form = g_strdup_printf (
      "--XyZ\r\nContent-Disposition: form-data; name=\"copy\"\r\n\r\n%s\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"villes.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n%s\r\n--XyZ--\r\n",
      t, v);
  g_autoptr (GBytes) body = text_bytes (form);
  const StudioRequest multipart = { .type = "multipart/form-data; boundary=XyZ" };
  studio_fetch (&studio, &multipart, "/api/batch", body, &answer);
  assert_status (&answer, 200);
  g_assert_cmpuint (pdf_pages (&answer), >=, 1);
  /* what the page shows of it: the fields found, the first sheets */
  studio_fetch (&studio, &multipart, "/api/check?kind=batch&dpi=40", body, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) check = json_of (&answer);
  JsonObject *o = json_node_get_object (check);
  JsonArray *fields = json_object_get_array_member (o, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "ville");
  g_assert_cmpint (json_object_get_int_member (o, "records"), >=, 4);
  g_assert_cmpint (json_object_get_int_member (o, "proofs"), >=, 1);
  studio_fetch (&studio, &multipart, "/api/preview?kind=batch&dpi=40&page=1", body, &answer);
  assert_status (&answer, 200);
}

static void
test_preview (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = corpus_bytes ("tract-pompe-a-fric.md");
  guint32 width = 0, height = 0;
  /* A5 (148 x 210 mm) at 72 dpi */
  post ("/api/preview?page=1&dpi=72", copy, &answer);
  assert_status (&answer, 200);
  png_size (&answer, &width, &height);
  g_assert_cmpuint (width, >=, 419);
  g_assert_cmpuint (width, <=, 420);
  g_assert_cmpuint (height, >=, 595);
  g_assert_cmpuint (height, <=, 596);
  post ("/api/preview?page=1&dpi=144", copy, &answer);
  assert_status (&answer, 200);
  png_size (&answer, &width, &height);
  g_assert_cmpuint (width, >=, 838);
  g_assert_cmpuint (width, <=, 840);
  post ("/api/preview?page=99&dpi=72", copy, &answer);
  assert_status (&answer, 404);
  /* the banner: the whole, then the cover with the grid of sheets */
  g_autoptr (GBytes) slogan = text_bytes ("Ça coûte cher\n");
  post ("/api/preview?kind=banner&size=300x90cm&page=2&dpi=72", slogan, &answer);
  assert_status (&answer, 200);
  png_size (&answer, &width, &height);
  g_assert_cmpuint (width, ==, 595); /* A4 at 72 dpi */
  g_assert_cmpuint (height, ==, 842);
}

static JsonNode *
json_of (const StudioAnswer *answer)
{
  g_autoptr (GError) error = NULL;
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "application/json");
  g_autofree char *text = body_text (answer);
  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

/* A broken front matter line: the error at its line, in check and in flyer. */
static void
test_errors (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) broken
      = text_bytes ("---\nlang: fr\nlayot: a5-flyer\n---\n# Titre\n\nTexte.\n");
  post ("/api/check?name=tract.md", broken, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) check = json_of (&answer);
  JsonObject *error = json_object_get_object_member (json_node_get_object (check), "error");
  g_assert_nonnull (error);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, "tract.md");
  roneo_test_assert_contains (json_object_get_string_member (error, "message"), "'layot'");
  g_assert_null (strstr (json_object_get_string_member (error, "message"), scratch));
  post ("/api/flyer", broken, &answer);
  assert_status (&answer, 400);
  g_autoptr (JsonNode) flyer = json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (flyer), "line"), ==, 3);
  /* too long for the layout: 422, exit code 4 */
  g_autoptr (GBytes) overflow = corpus_bytes ("bad/overflow.md");
  post ("/api/flyer?layout=a6-card", overflow, &answer);
  assert_status (&answer, 422);
  g_autoptr (JsonNode) fit = json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (fit), "code"), ==, 4);
  /* a layout read from outside the folder is refused */
  post ("/api/flyer?layout=/etc/passwd", broken, &answer);
  assert_status (&answer, 400);
}

/* Warnings with their lines: a field with no value. */
static void
test_warnings (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = corpus_bytes ("tract-modele.md");
  post ("/api/check", copy, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) check = json_of (&answer);
  JsonObject *o = json_node_get_object (check);
  g_assert_true (json_object_get_null_member (o, "error"));
  g_assert_cmpint (json_object_get_int_member (o, "pages"), >=, 1);
  JsonArray *warnings = json_object_get_array_member (o, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), >=, 1);
  JsonObject *first = json_array_get_object_element (warnings, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "general");
  roneo_test_assert_contains (json_object_get_string_member (first, "message"), "{");
}

static void
test_listings (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  studio_fetch (&studio, NULL, "/api/layouts", NULL, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) layouts = json_of (&answer);
  JsonArray *list = json_object_get_array_member (json_node_get_object (layouts), "layouts");
  gboolean flyer = FALSE, banner = FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *l = json_array_get_object_element (list, i);
      const char *name = json_object_get_string_member (l, "name");
      const char *kind = json_object_get_string_member (l, "kind");
      g_assert_cmpuint (strlen (json_object_get_string_member (l, "description")), >, 10);
      flyer |= strcmp (name, "a5-flyer") == 0 && strcmp (kind, "flyer") == 0
               && json_object_get_int_member (l, "width_mm") == 148;
      banner |= strcmp (name, "banderole") == 0 && strcmp (kind, "banner") == 0;
    }
  g_assert_true (flyer && banner);
  studio_fetch (&studio, NULL, "/api/strings", NULL, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) strings = json_of (&answer);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (strings), "lang"), ==,
                   "en");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (strings), "print"), ==,
                   "Print");
}

/* No CUPS server answers the studio (CUPS_SERVER is a closed port): the list
 * says so with exit code 6, a print job ends failed with the reason. */
static void
test_printers (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  studio_fetch (&studio, NULL, "/api/printers", NULL, &answer);
  assert_status (&answer, 200);
  g_autoptr (JsonNode) printers = json_of (&answer);
  JsonObject *o = json_node_get_object (printers);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "printers")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "error"), "code"),
                   ==, 6);
  g_autoptr (GBytes) copy = corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/print?queue=Bureau&copies=2", copy, &answer);
  assert_status (&answer, 202);
  g_autoptr (JsonNode) started = json_of (&answer);
  gint64 id = json_object_get_int_member (json_node_get_object (started), "id");
  g_assert_cmpint (id, >=, 1);
  g_autofree char *path = g_strdup_printf ("/api/print/%" G_GINT64_FORMAT, id);
  for (int tries = 0; tries < 100; tries++)
    {
      studio_fetch (&studio, NULL, path, NULL, &answer);
      assert_status (&answer, 200);
      g_autoptr (JsonNode) state = json_of (&answer);
      JsonObject *s = json_node_get_object (state);
      if (!json_object_get_boolean_member (s, "final"))
        {
          g_usleep (100000);
          continue;
        }
      g_assert_cmpstr (json_object_get_string_member (s, "state"), ==, "failed");
      JsonObject *error = json_object_get_object_member (s, "error");
      g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 6);
      roneo_test_assert_contains (json_object_get_string_member (error, "message"), "CUPS");
      return;
    }
  g_error ("the print job never ended");
}

/* --- the folder ------------------------------------------------------------ */

static void
test_files (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = text_bytes ("# Sauvons nos guichets\n");
  post ("/api/file?name=guichets.md", copy, &answer);
  assert_status (&answer, 200);
  g_autofree char *saved = g_build_filename (scratch, "guichets.md", NULL);
  g_autofree char *text = roneo_test_read_file (saved);
  g_assert_cmpstr (text, ==, "# Sauvons nos guichets\n");
  roneo_test_assert_no_temporaries (saved);
  studio_fetch (&studio, NULL, "/api/file?name=guichets.md", NULL, &answer);
  assert_status (&answer, 200);
  g_autofree char *back = body_text (&answer);
  g_assert_cmpstr (back, ==, text);
  studio_fetch (&studio, NULL, "/api/files", NULL, &answer);
  assert_status (&answer, 200);
  g_autofree char *listing = body_text (&answer);
  roneo_test_assert_contains (listing, "\"guichets.md\"");
  /* and the next time too */
  studio_fetch (&studio, NULL, "/api/files", NULL, &answer);
  g_autofree char *again = body_text (&answer);
  g_assert_cmpstr (again, ==, listing);
  studio_fetch (&studio, NULL, "/api/file?name=missing.md", NULL, &answer);
  assert_status (&answer, 404);
}

static void
test_outside (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *outside = roneo_test_make_tmp_dir ("roneo-outside-XXXXXX");
  g_autofree char *secret = roneo_test_write_file (outside, "secret.md", "# secret\n");
  g_autofree char *link = g_build_filename (scratch, "link.md", NULL);
  g_autofree char *link_dir = g_build_filename (scratch, "out", NULL);
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
      assert_status (&answer, 403);
    }
  /* nor written through a link, nor beside one */
  g_autoptr (GBytes) copy = text_bytes ("# written\n");
  post ("/api/file?name=link.md", copy, &answer);
  assert_status (&answer, 403);
  post ("/api/file?name=out/new.md", copy, &answer);
  assert_status (&answer, 403);
  post (up, copy, &answer);
  assert_status (&answer, 403);
  /* nor a picture the copy names */
  g_autofree char *logo = roneo_test_corpus ("images/logo.png");
  g_autofree char *picture = g_build_filename (outside, "logo.png", NULL);
  g_autoptr (GBytes) png = roneo_test_read_bytes (logo);
  g_assert_true (
      g_file_set_contents (picture, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_autofree char *naming
      = g_strdup_printf ("# Titre\n\nTexte.\n\n![logo](../%s/logo.png)\n", base);
  g_autoptr (GBytes) tract = text_bytes (naming);
  post ("/api/flyer", tract, &answer);
  assert_status (&answer, 400);
  g_autoptr (JsonNode) error = json_of (&answer);
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

/* The invitation and a CSV file of rows towns: a batch of seconds. */
static char *
long_batch_form (int rows)
{
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *t = roneo_test_read_file (tract);
  g_autoptr (GString) csv = g_string_new ("ville,date,heure,lieu\n");
  for (int i = 0; i < rows; i++)
    g_string_append_printf (csv, "Ville %d,jeudi,14 h,place %d\n", i, i);
  return g_strdup_printf (
      "--XyZ\r\nContent-Disposition: form-data; name=\"copy\"\r\n\r\n%s\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n%s\r\n--XyZ--\r\n",
      t, csv->str);
}

/* The client goes away during a long batch: it is cancelled, and the next
 * request is answered at once, not after the batch. */
static void
test_cancelled (void)
{
  g_autofree char *form = long_batch_form (3000);
  g_autofree char *head = g_strdup_printf (
      "POST /api/batch HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nAuthorization: Bearer %s\r\n"
      "Origin: http://127.0.0.1:%u\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
      "Content-Length: %zu\r\n\r\n",
      studio.port, studio.token, studio.port, strlen (form));
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection
      = g_socket_client_connect_to_host (client, "127.0.0.1", studio.port, NULL, &error);
  g_assert_no_error (error);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_assert_true (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, form, strlen (form), NULL, NULL, &error));
  g_usleep (300000); /* the batch has started: 3000 rows take seconds */
  g_assert_true (g_io_stream_close (G_IO_STREAM (connection), NULL, &error));
  gint64 start = g_get_monotonic_time ();
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/preview?dpi=50", copy, &answer);
  assert_status (&answer, 200);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("preview after a cancelled batch: %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 1.5);
}

/* A render longer than the studio's bound is stopped, and said: a studio
 * whose bound is 1 s (RONEO_STUDIO_TIMEOUT) and a batch of many seconds. */
static void
test_timeout (void)
{
  StudioServer quick = { 0 };
  g_setenv ("RONEO_STUDIO_TIMEOUT", "1", TRUE);
  studio_server_start (&quick, roneo_test_roneo_path (), scratch);
  g_unsetenv ("RONEO_STUDIO_TIMEOUT");
  g_autofree char *form = long_batch_form (6000);
  g_autoptr (GBytes) body = text_bytes (form);
  const StudioRequest multipart = { .type = "multipart/form-data; boundary=XyZ" };
  g_auto (StudioAnswer) answer = { 0 };
  gint64 start = g_get_monotonic_time ();
  studio_fetch (&quick, &multipart, "/api/batch", body, &answer);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("stopped after %.2f s", seconds);
  assert_status (&answer, 500);
  g_autoptr (JsonNode) error = json_of (&answer);
  JsonObject *o = json_node_get_object (error);
  g_assert_cmpint (json_object_get_int_member (o, "code"), ==, 5);
  roneo_test_assert_contains (json_object_get_string_member (o, "message"), "longer than 1 s");
  g_assert_cmpfloat (seconds, >=, 1.0);
  g_assert_cmpfloat (seconds, <, 2.5);
  studio_server_stop (&quick);
}

/* The command's own errors: a port taken (exit 5, said), a bad port, a file
 * given, a folder that is not one (exit 1, 1, 2). */
static void
test_command (void)
{
  g_auto (RoneoTestRun) run = { 0 };
  g_autofree char *taken = g_strdup_printf ("%u", studio.port);
  RONEO_TEST_RUN (&run, scratch, "studio", "--no-open", "--port", taken);
  roneo_test_assert_exit (&run, 5);
  g_autofree char *said = g_strdup_printf ("cannot listen on 127.0.0.1 port %u", studio.port);
  roneo_test_assert_contains (run.err, said);
  g_assert_cmpstr (run.out, ==, "");
  RONEO_TEST_RUN (&run, scratch, "studio", "--no-open", "--port", "70000");
  roneo_test_assert_exit (&run, 1);
  RONEO_TEST_RUN (&run, scratch, "studio", "--no-open", "tract.md");
  roneo_test_assert_exit (&run, 1);
  RONEO_TEST_RUN (&run, scratch, "studio", "--no-open", "--dir", "no-such-folder");
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "cannot open the folder 'no-such-folder'");
  RONEO_TEST_RUN (&run, scratch, "studio", "--help");
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.out, "--no-open");
  roneo_test_assert_contains (run.out, "Exit codes:");
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  signal (SIGPIPE, SIG_IGN);
  /* No CUPS server: the printers' answers are the same on every machine. */
  g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
  scratch = roneo_test_make_tmp_dir ("roneo-studio-XXXXXX");
  studio_server_start (&studio, roneo_test_roneo_path (), scratch);
  g_test_add_func ("/studio/page", test_page);
  g_test_add_func ("/studio/token", test_token);
  g_test_add_func ("/studio/host", test_host);
  g_test_add_func ("/studio/origin", test_origin);
  g_test_add_func ("/studio/limits", test_limits);
  g_test_add_func ("/studio/flyer", test_flyer);
  g_test_add_func ("/studio/banner", test_banner);
  g_test_add_func ("/studio/batch", test_batch);
  g_test_add_func ("/studio/preview", test_preview);
  g_test_add_func ("/studio/errors", test_errors);
  g_test_add_func ("/studio/warnings", test_warnings);
  g_test_add_func ("/studio/listings", test_listings);
  g_test_add_func ("/studio/printers", test_printers);
  g_test_add_func ("/studio/files", test_files);
  g_test_add_func ("/studio/outside", test_outside);
  g_test_add_func ("/studio/cancelled", test_cancelled);
  g_test_add_func ("/studio/timeout", test_timeout);
  g_test_add_func ("/studio/command", test_command);
  g_test_add_func ("/studio/loopback-only", test_loopback_only);
  int status = g_test_run ();
  studio_server_stop (&studio);
  roneo_test_rm_rf (scratch);
  g_free (scratch);
  roneo_test_cli_teardown ();
  return status;
}
