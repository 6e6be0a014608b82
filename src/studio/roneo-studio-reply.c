/* roneo-studio-reply.c: answers as the page and scripts read them: JSON for
 * errors (the CLI's exit code as "code", its file and line apart) and
 * warnings, bytes for PDFs and PNGs; the language a request asks for.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <string.h>

void
roneo_studio_reply_bytes (SoupServerMessage *msg, guint status, const char *type, GBytes *bytes)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), type,
                                         NULL);
}

void
roneo_studio_reply_json (SoupServerMessage *msg, guint status, JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_root (generator, node);
  gsize length = 0;
  char *text = json_generator_to_data (generator, &length);
  json_node_unref (node);
  g_autoptr (GBytes) bytes = g_bytes_new_take (text, length);
  roneo_studio_reply_bytes (msg, status, "application/json", bytes);
}

/* Where a problem is, as errors and warnings both say it: "file" (null when
 * it names none) and "line" (0 when it has none). */
static void
add_position (JsonBuilder *b, const char *file, guint line)
{
  json_builder_set_member_name (b, "file");
  if (file != NULL)
    json_builder_add_string_value (b, file);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, line);
}

static JsonNode *
problem_json (int code, const char *message, const char *file, guint line)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_int_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  add_position (b, file, line);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
roneo_studio_problem_text (int code, const char *message)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) node = problem_json (code, message, NULL, 0);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

void
roneo_studio_reply_problem (SoupServerMessage *msg, guint status, int code, const char *message)
{
  roneo_studio_reply_json (msg, status, problem_json (code, message, NULL, 0));
}

char *
roneo_studio_relative (const RoneoStudio *studio, const char *name)
{
  gsize n = strlen (studio->dir);
  if (name != NULL && strncmp (name, studio->dir, n) == 0 && name[n] == '/')
    return g_strdup (name + n + 1);
  return g_strdup (name);
}

/* What the CLI calls each setting a job refused: the query's names too. */
static const char *
setting_name (int code)
{
  static const struct
  {
    RoneoJobErrorCode code;
    const char *name;
  } names[] = {
    { RONEO_JOB_ERROR_LAYOUT, "layout" },
    { RONEO_JOB_ERROR_LANG, "lang" },
    { RONEO_JOB_ERROR_FIELD, "field" },
    { RONEO_JOB_ERROR_DATE, "date" },
    { RONEO_JOB_ERROR_BLEED, "bleed" },
    { RONEO_JOB_ERROR_SIZE, "size" },
    { RONEO_JOB_ERROR_SHEET, "sheet" },
    { RONEO_JOB_ERROR_OVERLAP, "overlap" },
    { RONEO_JOB_ERROR_PRINTER_MARGIN, "printer-margin" },
    { RONEO_JOB_ERROR_MAX_SHEETS, "max-sheets" },
    { RONEO_JOB_ERROR_SHEETS, "sheets" },
    { RONEO_JOB_ERROR_NUP, "nup" },
    { RONEO_JOB_ERROR_COPIES, "copies" },
    { RONEO_JOB_ERROR_SINGLE, "single" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if ((int) names[i].code == code)
      return names[i].name;
  return NULL;
}

/* The exit code the CLI gives for error, and the HTTP status that goes with it. */
static int
exit_code (const GError *error, guint *status)
{
  int code = RONEO_ERROR_INPUT;
  if (error->domain == RONEO_JOB_ERROR)
    code = RONEO_ERROR_USAGE;
  else if (g_error_matches (error, RONEO_ERROR, RONEO_ERROR_CANCELLED)
           || g_error_matches (error, RONEO_ERROR, RONEO_ERROR_NOT_A_PDF))
    code = RONEO_ERROR_OUTPUT;
  else if (error->domain == RONEO_ERROR && error->code >= 1 && error->code <= 6)
    code = error->code;
  *status = code <= RONEO_ERROR_INPUT      ? SOUP_STATUS_BAD_REQUEST
            : code == RONEO_ERROR_OVERFLOW ? SOUP_STATUS_UNPROCESSABLE_ENTITY
                                           : SOUP_STATUS_INTERNAL_SERVER_ERROR;
  return code;
}

/* "file:12:3: message" or "file:12: message" apart, French's space before
 * the colon too ("file:12:3 : message"); FALSE when it has no line. */
static gboolean
split_position (const char *said, char **file, guint *line, char **message)
{
  g_autoptr (GRegex) position = g_regex_new (
      "^([^:\n]+):([0-9]+)(:[0-9]+)?[ \\x{00A0}\\x{202F}]?: (.*)$", G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  if (!g_regex_match (position, said, 0, &match))
    return FALSE;
  g_autofree char *digits = g_match_info_fetch (match, 2);
  *file = g_match_info_fetch (match, 1);
  *line = (guint) g_ascii_strtoull (digits, NULL, 10);
  *message = g_match_info_fetch (match, 4);
  return TRUE;
}

static char *
relative_message (const RoneoStudio *studio, const char *message)
{
  g_autofree char *prefix = g_strconcat (studio->dir, "/", NULL);
  g_auto (GStrv) parts = g_strsplit (message, prefix, -1);
  return g_strjoinv ("", parts);
}

JsonNode *
roneo_studio_error_to_json (const RoneoStudio *studio, const GError *error, guint *status)
{
  int code = exit_code (error, status);
  g_autofree char *said = relative_message (studio, error->message);
  g_autofree char *file = NULL, *message = NULL;
  guint line = 0;
  if (!split_position (said, &file, &line, &message))
    message = g_steal_pointer (&said);
  const char *setting = error->domain == RONEO_JOB_ERROR ? setting_name (error->code) : NULL;
  if (setting != NULL)
    {
      char *named = g_strdup_printf ("%s: %s", setting, message);
      g_free (message);
      message = named;
    }
  return problem_json (code, message, file, line);
}

void
roneo_studio_reply_error (const RoneoStudio *studio, SoupServerMessage *msg, const GError *error)
{
  guint status = 0;
  JsonNode *node = roneo_studio_error_to_json (studio, error, &status);
  roneo_studio_reply_json (msg, status, node);
}

static const char *
kind_name (RoneoWarningKind kind)
{
  switch (kind)
    {
    case RONEO_WARNING_FONT:
      return "font";
    case RONEO_WARNING_FIT:
      return "fit";
    case RONEO_WARNING_ADVICE:
      return "advice";
    default:
      return "general";
    }
}

JsonNode *
roneo_studio_warnings_to_json (const RoneoStudio *studio, const RoneoWarnings *warnings)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; warnings != NULL && i < roneo_warnings_get_count (warnings); i++)
    {
      const RoneoWarning *w = roneo_warnings_peek (warnings, i);
      g_autofree char *file = roneo_studio_relative (studio, roneo_warning_get_file (w));
      g_autofree char *message = relative_message (studio, roneo_warning_get_message (w));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_name (roneo_warning_get_kind (w)));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, message);
      add_position (b, file, roneo_warning_get_line (w));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

const char *
roneo_studio_request_lang (SoupServerMessage *msg)
{
  static const char *const known[] = { "fr", "de", "en" };
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept-Language");
  g_auto (GStrv) ranges = g_strsplit (header != NULL ? header : "", ",", -1);
  const char *best = "en";
  double best_q = 0;
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_strstrip (ranges[i]);
      const char *q = strstr (ranges[i], ";q=");
      double weight = q != NULL ? g_ascii_strtod (q + 3, NULL) : 1.0;
      for (gsize k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_ascii_strncasecmp (ranges[i], known[k], 2) == 0
            && (ranges[i][2] == '\0' || ranges[i][2] == '-' || ranges[i][2] == ';')
            && weight > best_q)
          {
            best = known[k];
            best_q = weight;
          }
    }
  return best;
}

void
roneo_studio_speak (const char *lang)
{
  roneo_intl_set_thread_language (lang); /* the studio's own words */
  roneo_set_thread_language (lang);      /* the library's */
}
