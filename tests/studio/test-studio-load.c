/* test-studio-load.c: the studio under the load of many pages at once.
 *
 * After a warm-up, 20 clients at once, each on its keep-alive connection as a
 * browser keeps one, for 30 s: previews of the A5 tract (the proofs of the
 * last render answer most of them) and checks of it with a small edit each
 * (a render every time, as a user typing). Every answer is 200 and a PNG, or
 * the check's JSON with no error; the studio's resident memory after the run
 * is at most 8 MB over what it was after the warm-up (plus the quarantine
 * under AddressSanitizer, see below). The figures
 * (requests, per second, slowest answer, memory) go to the test log.
 */
#include "roneo-test-cli.h"
#include "studio-client.h"

#include <string.h>

#define CLIENTS 20
#define WARM_UP_S 5
#define RUN_S 30

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* Under AddressSanitizer each freed block waits in a quarantine (256 MB by
 * default) before it can be reused, so the studio's memory grows by as much
 * as the quarantine holds whatever the studio keeps: the studio gets a small
 * one (every other test keeps the default), and the bound allows for it. A
 * leak is what LeakSanitizer reports when the studio stops (exit 23, not 0). */
#define QUARANTINE_MB (SANITIZED ? 16 : 0)
#define RSS_GROWTH_KB ((8 + QUARANTINE_MB) * 1024)

/* A render's bound (20 s) counts from its request, its wait for the engine
 * included: 20 clients' checks queue behind one another, some 0.5 s each
 * under the sanitizers on a busy machine, 10 s in all. There the bound is
 * raised; without them the queue must stay within the studio's own. */
#define SANITIZED_TIMEOUT "120"

static StudioServer studio;
static GBytes *tract; /* the A5 tract, as the page sends it */

typedef struct
{
  guint index;
  gint64 until; /* monotonic, in µs */
  guint previews;
  guint checks;
  gint64 slowest; /* µs */
} Client;

/* The tract with its headline edited: "# Title" becomes "# Title C.N". Owned. */
static GBytes *
edited_tract (guint client, guint n)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (tract, &length);
  const char *headline = g_strstr_len (text, length, "\n# ");
  g_assert_nonnull (headline);
  const char *end = strchr (headline + 1, '\n');
  g_assert_nonnull (end);
  g_autoptr (GString) copy = g_string_new_len (text, end - text);
  g_string_append_printf (copy, " %u.%u", client, n);
  g_string_append_len (copy, end, length - (end - text));
  return g_string_free_to_bytes (g_steal_pointer (&copy));
}

static void
assert_preview (const StudioAnswer *answer)
{
  static const char signature[] = "\x89PNG\r\n\x1a\n";
  studio_assert_status (answer, 200);
  g_assert_cmpstr (studio_answer_header (answer, "Content-Type"), ==, "image/png");
  g_assert_cmpuint (g_bytes_get_size (answer->body), >, sizeof signature);
  g_assert_cmpmem (g_bytes_get_data (answer->body, NULL), sizeof signature - 1, signature,
                   sizeof signature - 1);
  g_assert_cmpstr (studio_answer_header (answer, "X-Roneo-Pages"), ==, "1");
}

static void
assert_check (const StudioAnswer *answer)
{
  studio_assert_status (answer, 200);
  g_autoptr (JsonNode) node = studio_json_of (answer);
  JsonObject *o = json_node_get_object (node);
  g_assert_true (json_object_get_null_member (o, "error"));
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "layout"), ==, "a5-flyer");
}

/* One request, the next of the client's: a preview, then a check, and so on. */
static void
ask (Client *client, StudioConnection *c, guint n, StudioAnswer *answer)
{
  gint64 start = g_get_monotonic_time ();
  if (n % 2 == 0)
    {
      studio_connection_fetch (c, "/api/preview?page=1&dpi=72", tract, answer);
      assert_preview (answer);
      client->previews++;
    }
  else
    {
      g_autoptr (GBytes) edited = edited_tract (client->index, n);
      studio_connection_fetch (c, "/api/check", edited, answer);
      assert_check (answer);
      client->checks++;
    }
  client->slowest = MAX (client->slowest, g_get_monotonic_time () - start);
}

static gpointer
client_run (gpointer data)
{
  Client *client = data;
  g_autoptr (StudioConnection) c = studio_connection_new (&studio);
  g_auto (StudioAnswer) answer = { 0 };
  for (guint n = client->index; g_get_monotonic_time () < client->until; n++)
    ask (client, c, n, &answer);
  return NULL;
}

/* CLIENTS clients at once for seconds; what they did, summed. */
static Client
run_clients (guint seconds)
{
  Client clients[CLIENTS] = { 0 };
  GThread *threads[CLIENTS];
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  for (guint i = 0; i < CLIENTS; i++)
    {
      clients[i].index = i;
      clients[i].until = until;
      threads[i] = g_thread_new ("client", client_run, &clients[i]);
    }
  Client sum = { 0 };
  for (guint i = 0; i < CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      sum.previews += clients[i].previews;
      sum.checks += clients[i].checks;
      sum.slowest = MAX (sum.slowest, clients[i].slowest);
    }
  return sum;
}

static void
test_load (void)
{
  tract = studio_corpus_bytes ("tract-pompe-a-fric.md");
  Client warm = run_clients (WARM_UP_S);
  guint64 warmed_kb = studio_server_rss_kb (&studio);
  gint64 start = g_get_monotonic_time ();
  Client run = run_clients (RUN_S);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  guint64 after_kb = studio_server_rss_kb (&studio);
  guint requests = run.previews + run.checks;
  g_test_message ("warm-up: %u requests in %u s", warm.previews + warm.checks, WARM_UP_S);
  g_test_message ("%u clients: %u requests (%u previews, %u checks) in %.1f s, %.1f per second, "
                  "slowest %.0f ms",
                  CLIENTS, requests, run.previews, run.checks, seconds, requests / seconds,
                  run.slowest / 1e3);
  g_test_message ("studio VmRSS: %" G_GUINT64_FORMAT " KB warmed up, %" G_GUINT64_FORMAT
                  " KB after, %+" G_GINT64_FORMAT " KB (at most +%d KB)",
                  warmed_kb, after_kb, (gint64) after_kb - (gint64) warmed_kb, RSS_GROWTH_KB);
  g_assert_cmpuint (run.previews, >=, CLIENTS);
  g_assert_cmpuint (run.checks, >=, CLIENTS);
  g_assert_cmpuint (after_kb, <=, warmed_kb + RSS_GROWTH_KB);
  g_clear_pointer (&tract, g_bytes_unref);
}

static void
add_cases (void)
{
  g_test_add_func ("/studio-load/load", test_load);
}

/* The sanitizers' quarantine and render bound, in the environment the
 * studio is started with. */
static void
sanitized_studio_environment (void)
{
  if (!SANITIZED)
    return;
  const char *options = g_getenv ("ASAN_OPTIONS");
  g_autofree char *ours = g_strdup_printf ("%s%squarantine_size_mb=%d", options ? options : "",
                                           options ? ":" : "", QUARANTINE_MB);
  g_setenv ("ASAN_OPTIONS", ours, TRUE);
  g_setenv ("RONEO_STUDIO_TIMEOUT", SANITIZED_TIMEOUT, TRUE);
}

int
main (int argc, char **argv)
{
  sanitized_studio_environment ();
  static const StudioTestProgram program = { "studio-load", STUDIO_CUPS_NONE, add_cases };
  return studio_test_run (argc, argv, &program, &studio);
}
