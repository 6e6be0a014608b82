/* studio-client.h: the studio suite's HTTP client and its server.
 *
 * Plain HTTP/1.1 over a GSocketConnection, one request per connection
 * (Connection: close), so a test says exactly which Host, Origin and body
 * bytes are sent: what a browser, a script or an attacker's page would send.
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
  const char *method;  /* NULL: GET, or POST when there is a body */
  const char *host;    /* NULL: 127.0.0.1:PORT */
  const char *origin;  /* NULL: http://127.0.0.1:PORT on a POST; "" none */
  const char *token;   /* NULL: the studio's, as a Bearer header; "" none */
  const char *type;    /* the body's Content-Type; NULL: text/markdown */
  gboolean chunked;    /* the body in chunks, with no Content-Length */
  const char *address; /* NULL: 127.0.0.1 */
  gboolean head_only;  /* the headers alone, the body's length announced but not sent */
} StudioRequest;

/* Sends the request for path (with its query) and reads the whole answer. */
void studio_fetch (const StudioServer *server, const StudioRequest *how, const char *path,
                   GBytes *body, StudioAnswer *answer);
/* A header of the answer, or NULL. */
const char *studio_answer_header (const StudioAnswer *answer, const char *name);

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

G_END_DECLS
