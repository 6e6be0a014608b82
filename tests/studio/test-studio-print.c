/* test-studio-print.c: printing from the studio, as the page does it,
 * against the private cupsd of the print suite (run-print-tests.sh): the
 * queues listed, a recto/verso tract imposed and printed two-sided until the
 * job is completed, a banner's sheets one-sided, and a queue whose filter
 * fails said failed with the printer's reason.
 */
#include "roneo-test-cli.h"
#include "roneo-test-cups.h"
#include "studio-client.h"

#include <string.h>

static StudioServer studio;

/* Starts a print of the file case_name and follows it until it is final:
 * its last state, as the page reads it. */
static JsonNode *
print_and_follow (const char *query, const char *case_name)
{
  g_auto (StudioAnswer) answer = { 0 };
  g_autofree char *path = roneo_test_corpus (case_name);
  g_autoptr (GBytes) copy = roneo_test_read_bytes (path);
  g_autofree char *request = g_strdup_printf ("/api/print?%s", query);
  studio_fetch (&studio, NULL, request, copy, &answer);
  g_assert_cmpuint (answer.status, ==, 202);
  g_autoptr (JsonNode) started = studio_json_of (&answer);
  gint64 id = json_object_get_int_member (json_node_get_object (started), "id");
  g_autofree char *state = g_strdup_printf ("/api/print/%" G_GINT64_FORMAT, id);
  for (int tries = 0; tries < 600; tries++)
    {
      studio_fetch (&studio, NULL, state, NULL, &answer);
      g_assert_cmpuint (answer.status, ==, 200);
      JsonNode *node = studio_json_of (&answer);
      if (json_object_get_boolean_member (json_node_get_object (node), "final"))
        return node;
      json_node_unref (node);
      g_usleep (100000);
    }
  g_error ("the print job %s never ended", state);
}

static void
test_printers (void)
{
  g_auto (StudioAnswer) answer = { 0 };
  studio_fetch (&studio, NULL, "/api/printers", NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 200);
  g_autoptr (JsonNode) node = studio_json_of (&answer);
  JsonObject *o = json_node_get_object (node);
  g_assert_true (json_object_get_null_member (o, "error"));
  JsonArray *printers = json_object_get_array_member (o, "printers");
  gboolean duplex = FALSE, simplex = FALSE;
  for (guint i = 0; i < json_array_get_length (printers); i++)
    {
      duplex |= g_strcmp0 (json_array_get_string_element (printers, i), "roneo-duplex") == 0;
      simplex |= g_strcmp0 (json_array_get_string_element (printers, i), "roneo-simplex") == 0;
    }
  g_assert_true (duplex && simplex);
}

static void
test_tract_two_sided (void)
{
  roneo_test_cups_empty_device ("roneo-duplex");
  g_autoptr (JsonNode) node
      = print_and_follow ("queue=roneo-duplex&two-sided=1&copies=4", "tract-recto-verso.md");
  JsonObject *o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "completed");
  g_assert_true (json_object_get_null_member (o, "error"));
  int job = (int) json_object_get_int_member (o, "job");
  g_assert_cmpint (job, >, 0);
  roneo_test_cups_assert_job_attribute (job, "job-state", "completed");
  g_autofree char *sides = roneo_test_cups_job_attribute (job, "sides");
  g_assert_true (g_str_has_prefix (sides, "two-sided-"));
  roneo_test_cups_assert_job_attribute (job, "print-scaling", "none");
  roneo_test_cups_assert_job_attribute (job, "media", "iso_a4_210x297mm");
  g_autoptr (GBytes) bytes = roneo_test_cups_read_device ("roneo-duplex");
  g_assert_true (roneo_test_cups_bytes_contain (bytes, "@PJL SET DUPLEX=ON\n"));
  g_autoptr (PopplerDocument) pdf = roneo_test_cups_device_pdf (bytes);
  /* 4 copies of a recto/verso A5 tract, 2-up on A4: 2 sheets, 4 sides */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 4);
}

static void
test_banner_one_sided (void)
{
  roneo_test_cups_empty_device ("roneo-simplex");
  g_autoptr (JsonNode) node
      = print_and_follow ("kind=banner&queue=roneo-simplex&size=60x20cm", "slogans.txt");
  JsonObject *o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "completed");
  int job = (int) json_object_get_int_member (o, "job");
  roneo_test_cups_assert_job_attribute (job, "sides", "one-sided");
  roneo_test_cups_assert_job_attribute (job, "media", "iso_a4_210x297mm");
  g_autoptr (GBytes) bytes = roneo_test_cups_read_device ("roneo-simplex");
  g_autoptr (PopplerDocument) pdf = roneo_test_cups_device_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2); /* the cover and the tiles */
}

static void
test_broken_filter (void)
{
  g_autoptr (JsonNode) node = print_and_follow ("queue=roneo-broken", "tract-pompe-a-fric.md");
  JsonObject *o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "failed");
  JsonObject *error = json_object_get_object_member (o, "error");
  g_assert_nonnull (error);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 6);
  g_test_message ("%s", json_object_get_string_member (error, "message"));
  roneo_test_assert_contains (json_object_get_string_member (error, "message"), "roneo-broken");
}

static void
add_cases (void)
{
  g_test_add_func ("/studio-print/printers", test_printers);
  g_test_add_func ("/studio-print/tract-two-sided", test_tract_two_sided);
  g_test_add_func ("/studio-print/banner-one-sided", test_banner_one_sided);
  g_test_add_func ("/studio-print/broken-filter", test_broken_filter);
}

int
main (int argc, char **argv)
{
  static const StudioTestProgram program = { "studio-print", STUDIO_CUPS_PRIVATE, add_cases };
  return studio_test_run (argc, argv, &program, &studio);
}
