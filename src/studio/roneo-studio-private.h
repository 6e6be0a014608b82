/* roneo-studio-private.h: what the studio's files share.
 *
 * One RoneoStudio per process: the server, the engine (one job at a time on
 * it: engine_lock), the folder it may read and write (dir_fd, opened once),
 * the token, the last render's proofs (so the preview of page 2 of the copy
 * just rendered costs nothing) and the print jobs it follows. Requests are
 * answered in the main loop; renders and prints run in GTask threads.
 */
#pragma once

#include "roneo-studio.h"

#include "roneo.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define RONEO_STUDIO_COPY_LIMIT (1u << 20)   /* a tract's copy, a layout: 1 MB */
#define RONEO_STUDIO_DATA_LIMIT (20u << 20)  /* a CSV file: 20 MB */
#define RONEO_STUDIO_IMAGE_LIMIT (20u << 20) /* a picture: 20 MB */
#define RONEO_STUDIO_RENDER_TIMEOUT_S 20     /* RONEO_STUDIO_TIMEOUT: another, for tests */
#define RONEO_STUDIO_TOKEN_BYTES 16          /* 128 random bits */

typedef struct _RoneoStudioPrints RoneoStudioPrints;

struct _RoneoStudio
{
  SoupServer *server;
  RoneoEngine *engine;
  GMutex engine_lock; /* roneo_engine_run, one job at a time */
  char *dir;          /* the folder, absolute and resolved */
  int dir_fd;
  char *token; /* 32 hex digits */
  guint port;
  guint timeout_s; /* a render is stopped after it */
  char *url;
  GMainLoop *loop;
  GMutex cache_lock; /* the last render's proofs */
  char *cache_key;
  GPtrArray *cache_proofs; /* of GBytes */
  RoneoStudioPrints *prints;
  GPtrArray *running; /* the renders' GCancellables, cancelled when the studio stops */
};

/* --- guard: checks every request before any handler -------------------- */

/* Connects the checks (token, Host, Origin, body limits) and the headers
 * every answer carries. */
void roneo_studio_guard_install (RoneoStudio *studio);
/* a and b are the same string, in a time that does not depend on where they differ. */
gboolean roneo_studio_token_equal (const char *a, const char *b);
/* The largest body a request to path may have, 0 when it may have none. */
gsize roneo_studio_body_limit (const char *path, GHashTable *query, SoupMessageHeaders *headers);
/* The body grew past its limit: it was dropped. */
gboolean roneo_studio_body_too_large (SoupServerMessage *msg);

/* --- replies --------------------------------------------------------------- */

void roneo_studio_reply_bytes (SoupServerMessage *msg, guint status, const char *type,
                               GBytes *bytes);
/* Takes node. */
void roneo_studio_reply_json (SoupServerMessage *msg, guint status, JsonNode *node);
/* {"code", "message", "file", "line"} for a failure of the studio itself. */
void roneo_studio_reply_problem (SoupServerMessage *msg, guint status, int code,
                                 const char *message);
/* The same as JSON text. Owned. */
char *roneo_studio_problem_text (int code, const char *message);
/* An error of a job: its HTTP status and exit code (the CLI's), its file and
 * line out of its message; file names inside the folder said relative to it. */
JsonNode *roneo_studio_error_to_json (const RoneoStudio *studio, const GError *error,
                                      guint *status);
void roneo_studio_reply_error (const RoneoStudio *studio, SoupServerMessage *msg,
                               const GError *error);
/* [{kind, message, file, line}]. */
JsonNode *roneo_studio_warnings_to_json (const RoneoStudio *studio, const RoneoWarnings *warnings);
/* name said relative to the folder when it is in it. Owned. */
char *roneo_studio_relative (const RoneoStudio *studio, const char *name);
/* "fr", "de" or "en": the first of those the request's Accept-Language asks for. */
const char *roneo_studio_request_lang (SoupServerMessage *msg);
/* The messages of the calling thread, the studio's and the library's, in
 * lang (a request's: roneo_studio_request_lang), whatever the studio's
 * locale; NULL: the locale's again. Set around each request's handler and
 * on the threads that run its job. */
void roneo_studio_speak (const char *lang);

/* --- the request's body ------------------------------------------------------ */

typedef struct
{
  GBytes *copy;   /* the copy or the slogan */
  GBytes *data;   /* a CSV file, or NULL */
  GBytes *layout; /* a layout file (.ini), or NULL */
} RoneoStudioBody;

void roneo_studio_body_clear (RoneoStudioBody *body);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoStudioBody, roneo_studio_body_clear)
/* The copy as the body (text/plain, text/markdown), or the fields copy, csv
 * and layout of multipart/form-data. RONEO_ERROR_INPUT if none, or too large. */
gboolean roneo_studio_body_parse (SoupServerMessage *msg, RoneoStudioBody *body, GError **error);
/* What the request's body is, as read by the guard (not by libsoup). Borrowed. */
GBytes *roneo_studio_body_peek (SoupServerMessage *msg);

/* --- the folder -------------------------------------------------------------- */

/* name (relative, "/"-separated) opened inside the folder with flags, no
 * symbolic link followed: a descriptor, or -1 with error:
 * G_IO_ERROR_PERMISSION_DENIED for a name that leads out of it ("..", an
 * absolute path, a link), G_IO_ERROR_NOT_FOUND, or another G_IO_ERROR. */
/* name is relative and has no "." or ".." component. */
gboolean roneo_studio_name_is_inside (const char *name);
int roneo_studio_open_in_dir (const RoneoStudio *studio, const char *name, int flags,
                              GError **error);
/* GET /api/files, GET and POST /api/file?name=. */
void roneo_studio_files_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                                GHashTable *query);

/* --- renders ----------------------------------------------------------------- */

/* POST /api/flyer, /api/banner, /api/batch, /api/preview, /api/check. */
void roneo_studio_render_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                                 GHashTable *query);
/* A job of kind from the body and the query (the CLI's option names); NULL
 * with the error. */
RoneoJob *roneo_studio_job_new (const RoneoStudio *studio, RoneoJobKind kind,
                                const RoneoStudioBody *body, GHashTable *query, GError **error);
/* flyer, banner or batch (the query's kind=, default flyer); FALSE if another word. */
gboolean roneo_studio_kind_parse (const char *word, RoneoJobKind *kind);

/* --- the rest of the API --------------------------------------------------- */

/* GET /, /static/..., /api/layouts, /api/strings. */
void roneo_studio_api_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                              GHashTable *query);

/* GET /api/printers, POST /api/print, GET /api/print/ID. */
RoneoStudioPrints *roneo_studio_prints_new (void);
void roneo_studio_prints_free (RoneoStudioPrints *prints);
void roneo_studio_print_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                                GHashTable *query);

G_END_DECLS
