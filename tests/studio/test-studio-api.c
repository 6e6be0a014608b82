/* test-studio-api.c: roneo studio's API as the page and scripts use it:
 * every endpoint answers (PDFs pdfinfo reads, PNGs of the page's size, JSON
 * with the lines of the errors and warnings, the layouts, the page's words,
 * the printers and a print job that fails without a server); a render whose
 * client goes away is cancelled and the server goes on; a render longer than
 * the bound is stopped.
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

/* --- the renders ------------------------------------------------------------ */

static void
test_flyer (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/flyer", copy, &answer);
  studio_assert_status (&answer, 200);
  guint pages = studio_pdf_pages (&studio, &answer);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, ==,
                    g_ascii_strtoull (studio_answer_header (&answer, "X-Roneo-Pages"), NULL, 10));
  post ("/api/flyer?layout=a4-tract", copy, &answer);
  studio_assert_status (&answer, 200);
  g_assert_cmpuint (studio_pdf_pages (&studio, &answer), >=, 1);
}

static void
test_banner (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) slogan = studio_text_bytes ("Ça coûte cher\n");
  /* 3 m x 90 cm on A4: a cover and the tiles */
  post ("/api/banner?size=300x90cm&sheet=A4", slogan, &answer);
  studio_assert_status (&answer, 200);
  guint sheets = studio_pdf_pages (&studio, &answer);
  g_assert_cmpuint (sheets, >, 10);
  post ("/api/check?kind=banner&size=300x90cm&sheet=A4", slogan, &answer);
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) check = studio_json_of (&answer);
  JsonObject *o = json_node_get_object (check);
  g_assert_true (json_object_get_null_member (o, "error"));
  /* the check counts the tiles, the PDF has the cover too */
  g_assert_cmpuint (json_object_get_int_member (o, "pages") + 1, ==, sheets);
  g_assert_cmpuint (json_object_get_int_member (o, "rows"), >=, 2);
  post ("/api/banner?size=3x9cm", slogan, &answer);
  studio_assert_status (&answer, 400);
  g_autoptr (JsonNode) error = studio_json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (error), "code"), ==, 1);
  roneo_test_assert_contains (
      json_object_get_string_member (json_node_get_object (error), "message"), "size: ");
}

static void
test_batch (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/batch?copies=4", copy, &answer);
  studio_assert_status (&answer, 200);
  g_assert_cmpuint (studio_pdf_pages (&studio, &answer), ==, 2); /* A5 2-up: 4 copies on 2 sheets */
  /* the copy and a CSV file in one form */
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *villes = roneo_test_corpus ("villes.csv");
  g_autofree char *t = roneo_test_read_file (tract), *v = roneo_test_read_file (villes);
  g_autofree char *form = g_strdup_printf (
      "--XyZ\r\nContent-Disposition: form-data; name=\"copy\"\r\n\r\n%s\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"villes.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n%s\r\n--XyZ--\r\n",
      t, v);
  g_autoptr (GBytes) body = studio_text_bytes (form);
  const StudioRequest multipart = { .type = "multipart/form-data; boundary=XyZ" };
  studio_fetch (&studio, &multipart, "/api/batch", body, &answer);
  studio_assert_status (&answer, 200);
  g_assert_cmpuint (studio_pdf_pages (&studio, &answer), >=, 1);
  /* what the page shows of it: the fields found, the first sheets */
  studio_fetch (&studio, &multipart, "/api/check?kind=batch&dpi=40", body, &answer);
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) check = studio_json_of (&answer);
  JsonObject *o = json_node_get_object (check);
  JsonArray *fields = json_object_get_array_member (o, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "ville");
  g_assert_cmpint (json_object_get_int_member (o, "records"), >=, 4);
  g_assert_cmpint (json_object_get_int_member (o, "proofs"), >=, 1);
  studio_fetch (&studio, &multipart, "/api/preview?kind=batch&dpi=40&page=1", body, &answer);
  studio_assert_status (&answer, 200);
}

static void
test_preview (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-pompe-a-fric.md");
  guint32 width = 0, height = 0;
  /* A5 (148 x 210 mm) at 72 dpi */
  post ("/api/preview?page=1&dpi=72", copy, &answer);
  studio_assert_status (&answer, 200);
  studio_png_size (&studio, &answer, &width, &height);
  g_assert_cmpuint (width, >=, 419);
  g_assert_cmpuint (width, <=, 420);
  g_assert_cmpuint (height, >=, 595);
  g_assert_cmpuint (height, <=, 596);
  post ("/api/preview?page=1&dpi=144", copy, &answer);
  studio_assert_status (&answer, 200);
  studio_png_size (&studio, &answer, &width, &height);
  g_assert_cmpuint (width, >=, 838);
  g_assert_cmpuint (width, <=, 840);
  post ("/api/preview?page=99&dpi=72", copy, &answer);
  studio_assert_status (&answer, 404);
  /* the banner: the whole, then the cover with the grid of sheets */
  g_autoptr (GBytes) slogan = studio_text_bytes ("Ça coûte cher\n");
  post ("/api/preview?kind=banner&size=300x90cm&page=2&dpi=72", slogan, &answer);
  studio_assert_status (&answer, 200);
  studio_png_size (&studio, &answer, &width, &height);
  g_assert_cmpuint (width, ==, 595); /* A4 at 72 dpi */
  g_assert_cmpuint (height, ==, 842);
}

static void
test_errors (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) broken
      = studio_text_bytes ("---\nlang: fr\nlayot: a5-flyer\n---\n# Titre\n\nTexte.\n");
  post ("/api/check?name=tract.md", broken, &answer);
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) check = studio_json_of (&answer);
  JsonObject *error = json_object_get_object_member (json_node_get_object (check), "error");
  g_assert_nonnull (error);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, "tract.md");
  roneo_test_assert_contains (json_object_get_string_member (error, "message"), "'layot'");
  g_assert_null (strstr (json_object_get_string_member (error, "message"), studio.dir));
  post ("/api/flyer", broken, &answer);
  studio_assert_status (&answer, 400);
  g_autoptr (JsonNode) flyer = studio_json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (flyer), "line"), ==, 3);
  /* too long for the layout: 422, exit code 4 */
  g_autoptr (GBytes) overflow = studio_corpus_bytes ("bad/overflow.md");
  post ("/api/flyer?layout=a6-card", overflow, &answer);
  studio_assert_status (&answer, 422);
  g_autoptr (JsonNode) fit = studio_json_of (&answer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (fit), "code"), ==, 4);
  /* a layout read from outside the folder is refused */
  post ("/api/flyer?layout=/etc/passwd", broken, &answer);
  studio_assert_status (&answer, 400);
}

/* An engine error in the language the browser asks for, whatever the
 * studio's locale (the suite runs it in C): French, German, else English;
 * and the studio's own words too. */
static void
test_languages (void)
{
  g_autoptr (GBytes) broken = studio_text_bytes ("---\nlayot: a5-flyer\n---\n# Titre\n\nTexte.\n");
  static const struct
  {
    const char *asked, *said;
  } cases[] = {
    { "fr-FR,fr;q=0.9,en;q=0.5", "clé d’en-tête «\u00a0layot\u00a0» inconnue" },
    { "de-DE", "unbekannter Schlüssel „layot“" },
    { "en-GB", "unknown front matter key 'layot'" },
    { NULL, "unknown front matter key 'layot'" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (StudioAnswer) answer = { 0 };
      studio_fetch (&studio, &(StudioRequest){ .language = cases[i].asked }, "/api/flyer", broken,
                    &answer);
      studio_assert_status (&answer, 400);
      g_autoptr (JsonNode) node = studio_json_of (&answer);
      const char *message = json_object_get_string_member (json_node_get_object (node), "message");
      g_test_message ("%s: %s", cases[i].asked ? cases[i].asked : "(none)", message);
      roneo_test_assert_contains (message, cases[i].said);
      /* the position is apart, in "file" and "line", in every language */
      g_assert_false (g_str_has_prefix (message, "copy.md"));
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "line"), ==, 2);
    }
  /* the studio's own words follow the request too */
  g_auto (StudioAnswer) get = { 0 };
  studio_fetch (&studio, &(StudioRequest){ .language = "fr", .method = "GET" }, "/api/flyer", NULL,
                &get);
  studio_assert_status (&get, 405);
  g_autofree char *text = studio_body_text (&get);
  g_assert_null (strstr (text, "only POST here"));
}

/* Warnings with their lines: a field with no value. */
static void
test_warnings (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-modele.md");
  post ("/api/check", copy, &answer);
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) check = studio_json_of (&answer);
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
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) layouts = studio_json_of (&answer);
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
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) strings = studio_json_of (&answer);
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
  studio_assert_status (&answer, 200);
  g_autoptr (JsonNode) printers = studio_json_of (&answer);
  JsonObject *o = json_node_get_object (printers);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "printers")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "error"), "code"),
                   ==, 6);
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/print?queue=Bureau&copies=2", copy, &answer);
  studio_assert_status (&answer, 202);
  g_autoptr (JsonNode) started = studio_json_of (&answer);
  gint64 id = json_object_get_int_member (json_node_get_object (started), "id");
  g_assert_cmpint (id, >=, 1);
  g_autofree char *path = g_strdup_printf ("/api/print/%" G_GINT64_FORMAT, id);
  for (int tries = 0; tries < 100; tries++)
    {
      studio_fetch (&studio, NULL, path, NULL, &answer);
      studio_assert_status (&answer, 200);
      g_autoptr (JsonNode) state = studio_json_of (&answer);
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
  g_autoptr (GBytes) copy = studio_corpus_bytes ("tract-pompe-a-fric.md");
  post ("/api/preview?dpi=50", copy, &answer);
  studio_assert_status (&answer, 200);
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
  studio_server_start (&quick, roneo_test_roneo_path (), studio.dir);
  g_unsetenv ("RONEO_STUDIO_TIMEOUT");
  g_autofree char *form = long_batch_form (6000);
  g_autoptr (GBytes) body = studio_text_bytes (form);
  const StudioRequest multipart = { .type = "multipart/form-data; boundary=XyZ" };
  g_auto (StudioAnswer) answer = { 0 };
  gint64 start = g_get_monotonic_time ();
  studio_fetch (&quick, &multipart, "/api/batch", body, &answer);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("stopped after %.2f s", seconds);
  studio_assert_status (&answer, 500);
  g_autoptr (JsonNode) error = studio_json_of (&answer);
  JsonObject *o = json_node_get_object (error);
  g_assert_cmpint (json_object_get_int_member (o, "code"), ==, 5);
  roneo_test_assert_contains (json_object_get_string_member (o, "message"), "longer than 1 s");
  g_assert_cmpfloat (seconds, >=, 1.0);
  g_assert_cmpfloat (seconds, <, 2.5);
  studio_server_stop (&quick);
}

static void
add_cases (void)
{
  g_test_add_func ("/studio-api/flyer", test_flyer);
  g_test_add_func ("/studio-api/banner", test_banner);
  g_test_add_func ("/studio-api/batch", test_batch);
  g_test_add_func ("/studio-api/preview", test_preview);
  g_test_add_func ("/studio-api/errors", test_errors);
  g_test_add_func ("/studio-api/languages", test_languages);
  g_test_add_func ("/studio-api/warnings", test_warnings);
  g_test_add_func ("/studio-api/listings", test_listings);
  g_test_add_func ("/studio-api/printers", test_printers);
  g_test_add_func ("/studio-api/cancelled", test_cancelled);
  g_test_add_func ("/studio-api/timeout", test_timeout);
}

int
main (int argc, char **argv)
{
  static const StudioTestProgram program = { "studio-api", STUDIO_CUPS_NONE, add_cases };
  return studio_test_run (argc, argv, &program, &studio);
}
