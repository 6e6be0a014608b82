/* roneo-studio-print.c: the printers the CUPS server has, and print jobs the
 * page starts and follows.
 *
 * POST /api/print renders the copy as /api/batch (a flyer) or /api/banner
 * would, into a file of a private temporary folder, then sends that file with
 * roneo_print_file () on the medium of its sheets and follows the job, all in
 * a GTask thread; the answer
 * is at once, the studio's id of the job. GET /api/print/ID says its state
 * (the IPP job state, "rendering" before) until it is final: "completed", or
 * "failed" with the printer's reason. The engine is held for the render only,
 * not while the printer works, so previews go on.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "roneo-error.h"

typedef struct
{
  guint id;
  char *state;   /* "rendering", then the IPP job state, "completed" or "failed" */
  GError *error; /* when failed; said as JSON when asked, in the main thread */
  int cups_job;
  gboolean final;
} PrintState;

struct _RoneoStudioPrints
{
  GMutex lock;
  GHashTable *jobs; /* id -> PrintState */
  guint next;
};

typedef struct
{
  RoneoStudio *studio;
  RoneoStudioPrints *prints;
  guint id;
  RoneoJob *job;
  char *queue;
  guint copies;
  gboolean two_sided;
  char *sheet;  /* the paper of a batch's sheets; a banner's is its result's */
  char *folder; /* the private temporary folder of the PDF */
  char *pdf;
  const char *lang; /* the request's messages (static) */
} PrintTask;

static void
state_free (PrintState *state)
{
  g_free (state->state);
  g_clear_error (&state->error);
  g_free (state);
}

/* Shared by the studio and its print threads, which may outlive it. */
RoneoStudioPrints *
roneo_studio_prints_new (void)
{
  RoneoStudioPrints *prints = g_atomic_rc_box_new0 (RoneoStudioPrints);
  g_mutex_init (&prints->lock);
  prints->jobs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) state_free);
  return prints;
}

static void
prints_clear (RoneoStudioPrints *prints)
{
  g_hash_table_unref (prints->jobs);
  g_mutex_clear (&prints->lock);
}

void
roneo_studio_prints_free (RoneoStudioPrints *prints)
{
  if (prints != NULL)
    g_atomic_rc_box_release_full (prints, (GDestroyNotify) prints_clear);
}

static void
set_state (PrintTask *t, const char *state, const GError *error, int cups_job)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&t->prints->lock);
  PrintState *s = g_hash_table_lookup (t->prints->jobs, GUINT_TO_POINTER (t->id));
  g_free (s->state);
  s->state = g_strdup (state);
  s->final = error != NULL || strcmp (state, "completed") == 0;
  if (error != NULL)
    s->error = g_error_copy (error);
  if (cups_job > 0)
    s->cups_job = cups_job;
}

static void
on_progress (const char *state, gpointer data)
{
  PrintTask *t = data;
  if (strcmp (state, "completed") != 0)
    set_state (t, state, NULL, 0);
}

static void
task_free (PrintTask *t)
{
  if (t->pdf != NULL)
    g_unlink (t->pdf);
  if (t->folder != NULL)
    g_rmdir (t->folder);
  roneo_job_free (t->job);
  roneo_studio_prints_free (t->prints);
  g_free (t->queue);
  g_free (t->sheet);
  g_free (t->folder);
  g_free (t->pdf);
  g_free (t);
}

/* The IPP medium of the papers roneo knows (PWG 5101.1); NULL: the queue's default. */
static const char *
media_of (const char *paper)
{
  static const char *const media[][2] = {
    { "A3", "iso_a3_297x420mm" },       { "A4", "iso_a4_210x297mm" },
    { "A5", "iso_a5_148x210mm" },       { "SRA3", "iso_sra3_320x450mm" },
    { "Letter", "na_letter_8.5x11in" }, { "Legal", "na_legal_8.5x14in" },
    { "Tabloid", "na_ledger_11x17in" },
  };
  for (gsize i = 0; paper != NULL && i < G_N_ELEMENTS (media); i++)
    if (g_ascii_strcasecmp (paper, media[i][0]) == 0)
      return media[i][1];
  return NULL;
}

static gboolean
render_and_print (PrintTask *t, GError **error)
{
  if ((t->folder = g_dir_make_tmp ("roneo-studio-XXXXXX", error)) == NULL)
    return FALSE;
  t->pdf = g_build_filename (t->folder, "print.pdf", NULL);
  roneo_job_set_output_file (t->job, t->pdf);
  g_mutex_lock (&t->studio->engine_lock);
  g_autoptr (RoneoResult) result = roneo_engine_run (t->studio->engine, t->job, NULL, error);
  g_mutex_unlock (&t->studio->engine_lock);
  if (result == NULL)
    return FALSE;
  gboolean batch = roneo_job_get_kind (t->job) == RONEO_JOB_BATCH;
  RoneoDuplex sides
      = t->two_sided && batch ? roneo_result_get_sides (result) : RONEO_DUPLEX_ONE_SIDED;
  const char *media = media_of (batch ? t->sheet : roneo_result_get_sheet_name (result));
  set_state (t, "pending", NULL, 0);
  int cups_job = 0;
  gboolean ok = roneo_print_file (t->pdf, t->queue, t->copies, sides, media, TRUE, on_progress, t,
                                  &cups_job, error);
  if (ok)
    set_state (t, "completed", NULL, cups_job);
  return ok;
}

static void
print_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PrintTask *t = data;
  g_autoptr (GError) error = NULL;
  roneo_studio_speak (t->lang);
  if (!render_and_print (t, &error))
    set_state (t, "failed", error, 0);
  roneo_studio_speak (NULL);
  g_task_return_boolean (task, TRUE);
}

static void
reply_state (RoneoStudio *studio, SoupServerMessage *msg, guint id)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&studio->prints->lock);
  PrintState *s = g_hash_table_lookup (studio->prints->jobs, GUINT_TO_POINTER (id));
  if (s == NULL)
    return roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 6, _ ("no such print job"));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, s->id);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, s->state);
  json_builder_set_member_name (b, "final");
  json_builder_add_boolean_value (b, s->final);
  json_builder_set_member_name (b, "job");
  json_builder_add_int_value (b, s->cups_job);
  json_builder_set_member_name (b, "error");
  guint status = 0;
  if (s->error != NULL)
    json_builder_add_value (b, roneo_studio_error_to_json (studio, s->error, &status));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  roneo_studio_reply_json (msg, SOUP_STATUS_OK, json_builder_get_root (b));
}

static guint
add_state (RoneoStudioPrints *prints)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&prints->lock);
  PrintState *s = g_new0 (PrintState, 1);
  s->id = ++prints->next;
  s->state = g_strdup ("rendering");
  g_hash_table_insert (prints->jobs, GUINT_TO_POINTER (s->id), s);
  return s->id;
}

static void
start_print (RoneoStudio *studio, SoupServerMessage *msg, GHashTable *query)
{
  g_autoptr (GError) error = NULL;
  g_auto (RoneoStudioBody) body = { 0 };
  RoneoJobKind kind = RONEO_JOB_FLYER;
  const char *queue = query != NULL ? g_hash_table_lookup (query, "queue") : NULL;
  const char *copies = query != NULL ? g_hash_table_lookup (query, "copies") : NULL;
  const char *sides = query != NULL ? g_hash_table_lookup (query, "two-sided") : NULL;
  if (queue == NULL || *queue == '\0')
    return roneo_studio_reply_problem (msg, SOUP_STATUS_BAD_REQUEST, 1,
                                       _ ("queue: which printer (see /api/printers)"));
  if (!roneo_studio_kind_parse (query != NULL ? g_hash_table_lookup (query, "kind") : NULL, &kind))
    return roneo_studio_reply_problem (msg, SOUP_STATUS_BAD_REQUEST, 1,
                                       _ ("kind: flyer, banner or batch"));
  if (!roneo_studio_body_parse (msg, &body, &error))
    return roneo_studio_reply_error (studio, msg, error);
  /* A tract is printed imposed, as 'roneo batch' does: its copies are the batch's. */
  RoneoJobKind made = kind == RONEO_JOB_BANNER ? RONEO_JOB_BANNER : RONEO_JOB_BATCH;
  g_autoptr (RoneoJob) job = roneo_studio_job_new (studio, made, &body, query, &error);
  if (job == NULL)
    return roneo_studio_reply_error (studio, msg, error);
  PrintTask *t = g_new0 (PrintTask, 1);
  t->studio = studio;
  t->prints = g_atomic_rc_box_acquire (studio->prints);
  t->job = g_steal_pointer (&job);
  t->queue = g_strdup (queue);
  t->sheet = g_strdup (query != NULL && g_hash_table_lookup (query, "sheet")
                           ? g_hash_table_lookup (query, "sheet")
                           : "A4");
  t->copies = made == RONEO_JOB_BANNER && copies != NULL ? MAX (1, atoi (copies)) : 1;
  t->two_sided = g_strcmp0 (sides, "1") == 0 || g_strcmp0 (sides, "true") == 0;
  t->id = add_state (studio->prints);
  t->lang = roneo_studio_request_lang (msg);
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, t, (GDestroyNotify) task_free);
  g_task_run_in_thread (task, print_in_thread);
  g_autofree char *text = g_strdup_printf ("{\"id\": %u}", t->id);
  roneo_studio_reply_json (msg, SOUP_STATUS_ACCEPTED, json_from_string (text, NULL));
}

typedef struct
{
  RoneoStudio *studio;
  SoupServerMessage *msg; /* owned ref */
  GStrv queues;
  char *default_queue; /* the server's default, or NULL */
  GError *error;
  const char *lang; /* the request's messages (static) */
} Listing;

static void
listing_free (Listing *l)
{
  g_object_unref (l->msg);
  g_strfreev (l->queues);
  g_free (l->default_queue);
  g_clear_error (&l->error);
  g_free (l);
}

/* A server that does not answer takes up to its connection timeout: not in
 * the main loop. */
static void
list_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Listing *l = data;
  roneo_studio_speak (l->lang);
  l->queues = roneo_print_list_queues (&l->error);
  if (l->queues != NULL)
    l->default_queue = roneo_print_get_default_queue (NULL);
  roneo_studio_speak (NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_listed (GObject *source, GAsyncResult *result, gpointer data)
{
  Listing *l = g_task_get_task_data (G_TASK (result));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "printers");
  json_builder_begin_array (b);
  for (guint i = 0; l->queues != NULL && l->queues[i] != NULL; i++)
    json_builder_add_string_value (b, l->queues[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "default");
  json_builder_add_string_value (b, l->default_queue);
  json_builder_set_member_name (b, "error");
  guint status = 0;
  if (l->error != NULL)
    json_builder_add_value (b, roneo_studio_error_to_json (l->studio, l->error, &status));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  roneo_studio_reply_json (l->msg, SOUP_STATUS_OK, json_builder_get_root (b));
  soup_server_message_unpause (l->msg);
}

static void
reply_printers (RoneoStudio *studio, SoupServerMessage *msg)
{
  Listing *l = g_new0 (Listing, 1);
  l->studio = studio;
  l->msg = g_object_ref (msg);
  l->lang = roneo_studio_request_lang (msg);
  soup_server_message_pause (msg);
  g_autoptr (GTask) task = g_task_new (NULL, NULL, on_listed, NULL);
  g_task_set_task_data (task, l, (GDestroyNotify) listing_free);
  g_task_run_in_thread (task, list_in_thread);
}

void
roneo_studio_print_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                           GHashTable *query)
{
  gboolean post = strcmp (soup_server_message_get_method (msg), "POST") == 0;
  guint64 id = 0;
  if (strcmp (path, "/api/printers") == 0 && !post)
    reply_printers (studio, msg);
  else if (strcmp (path, "/api/print") == 0 && post)
    start_print (studio, msg, query);
  else if (g_str_has_prefix (path, "/api/print/") && !post
           && g_ascii_string_to_unsigned (path + strlen ("/api/print/"), 10, 1, G_MAXUINT, &id,
                                          NULL))
    reply_state (studio, msg, (guint) id);
  else
    roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 1, _ ("no such address"));
}
