/* studio-client.h: the studio suite's HTTP client, its server and the main
 * its programs share.
 *
 * Plain HTTP/1.1 over a GSocketConnection, one request per connection
 * (Connection: close), so a test says exactly which Host, Origin and body
 * bytes are sent: what a browser, a script or an attacker's page would send;
 * and keep-alive connections for the load test, as a browser keeps them.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The studio under test: started once by studio_server_start. */
typedef struct
{
  GSubprocess *process;
  char *dir; /* its --dir */
  guint port;
  char *token;
  char *url;
} StudioServer;

/* Starts `roneo studio --no-open --port 0 --dir DIR` and reads its line. */
void studio_server_start (StudioServer *server, const char *roneo, const char *dir);
/* SIGTERM; the studio must exit 0 within a few seconds. */
void studio_server_stop (StudioServer *server);
/* The studio's resident memory (VmRSS in /proc/PID/status), in KB. */
guint64 studio_server_rss_kb (const StudioServer *server);

typedef struct
{
  guint status;
  GHashTable *headers; /* lower-case name -> value */
  GBytes *body;
} StudioAnswer;

void studio_answer_clear (StudioAnswer *answer);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StudioAnswer, studio_answer_clear)

typedef struct
{
  const char *method;   /* NULL: GET, or POST when there is a body */
  const char *host;     /* NULL: 127.0.0.1:PORT */
  const char *origin;   /* NULL: http://127.0.0.1:PORT on a POST; "" none */
  const char *token;    /* NULL: the studio's, as a Bearer header; "" none */
  const char *type;     /* the body's Content-Type; NULL: text/markdown */
  gboolean chunked;     /* the body in chunks, with no Content-Length */
  const char *address;  /* NULL: 127.0.0.1 */
  gboolean head_only;   /* the headers alone, the body's length announced but not sent */
  const char *language; /* Accept-Language; NULL: none */
} StudioRequest;

/* Sends the request for path (with its query) and reads the whole answer. */
void studio_fetch (const StudioServer *server, const StudioRequest *how, const char *path,
                   GBytes *body, StudioAnswer *answer);
/* A header of the answer, or NULL. */
const char *studio_answer_header (const StudioAnswer *answer, const char *name);

/* A keep-alive connection, as a browser keeps one: requests one after the
 * other (the studio's own Host, Origin and token), each answer read to its
 * Content-Length. Owned by its creator; not shared between threads. */
typedef struct _StudioConnection StudioConnection;

StudioConnection *studio_connection_new (const StudioServer *server);
void studio_connection_free (StudioConnection *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StudioConnection, studio_connection_free)
/* Sends a GET, or a POST of body (text/markdown), and reads its answer. */
void studio_connection_fetch (StudioConnection *c, const char *path, GBytes *body,
                              StudioAnswer *answer);

/* --- what the suites check ------------------------------------------------- */

/* text as bytes, copied. Owned. */
GBytes *studio_text_bytes (const char *text);
/* tests/cases/NAME. Owned. */
GBytes *studio_corpus_bytes (const char *name);
/* The answer's body as a string. Owned. */
char *studio_body_text (const StudioAnswer *answer);
/* The answer has this HTTP status; otherwise its body is in the message. */
void studio_assert_status (const StudioAnswer *answer, guint status);
/* The pages pdfinfo reads in a PDF answer (written in the studio's folder, then removed). */
guint studio_pdf_pages (const StudioServer *server, const StudioAnswer *answer);
/* The size of a PNG answer. */
void studio_png_size (const StudioServer *server, const StudioAnswer *answer, guint32 *width,
                      guint32 *height);
/* A JSON answer, parsed. Owned. */
JsonNode *studio_json_of (const StudioAnswer *answer);

/* --- a studio test program ------------------------------------------------- */

typedef enum
{
  STUDIO_CUPS_NONE,    /* no CUPS server at all (CUPS_SERVER at a closed port) */
  STUDIO_CUPS_PRIVATE, /* the print suite's cupsd (run-print-tests.sh); fails without it */
} StudioCups;

typedef struct
{
  const char *name; /* of the scratch folder: roneo-NAME-XXXXXX */
  StudioCups cups;
  void (*add_cases) (void); /* g_test_add_func calls */
} StudioTestProgram;

/* A studio test program's main: the harness (argv[1] is the roneo under
 * test), a scratch folder, the studio started on it in *studio, the cases
 * added and run, the studio stopped (it must exit 0) and the folder removed.
 * Returns g_test_run's status; 1 for a harness without its environment or
 * a print test outside run-print-tests.sh (a failure, never a skip). */
int studio_test_run (int argc, char **argv, const StudioTestProgram *program, StudioServer *studio);

G_END_DECLS
