/* roneo-studio-api.c: the page itself (from the GResource compiled into the
 * binary), its strings in the language the browser asks for, and the list of
 * layouts (their descriptions in that language too).
 *
 * The page's strings come from the same catalogues as the CLI's messages
 * (po/), looked up per request in the language of its Accept-Language (not
 * the process's locale). The page is given the token in its links, since a
 * <script src> cannot send an Authorization header.
 */
#include "roneo-studio-private.h"
#include "roneo-intl-private.h"

#include <string.h>

#include "roneo-i18n.h"
#include "roneo-studio-resources.h"

/* The page's words: key, English text (the msgid). */
static const struct
{
  const char *key;
  const char *text;
} page_strings[] = {
  { "title", N_ ("roneo studio") },
  { "copy", N_ ("Copy") },
  { "layout", N_ ("Layout") },
  { "language", N_ ("Language") },
  { "size", N_ ("Banner size") },
  { "sheet", N_ ("Sheet") },
  { "copies", N_ ("Copies") },
  { "preview", N_ ("Preview") },
  { "no_warnings", N_ ("No warnings") },
  { "error", N_ ("Error") },
  { "download", N_ ("Download the PDF") },
  { "files", N_ ("Files of the folder") },
  { "open", N_ ("Open") },
  { "save", N_ ("Save") },
  { "save_as", N_ ("File name") },
  { "saved", N_ ("Saved") },
  { "print", N_ ("Print") },
  { "printer", N_ ("Printer") },
  { "two_sided", N_ ("Two-sided") },
  { "no_printer", N_ ("No printer found") },
  { "rendering", N_ ("Rendering…") },
  { "one_page", N_ ("1 page") },
  { "pages", N_ ("%u pages") },
  { "one_sheet", N_ ("1 sheet") },
  { "sheets", N_ ("%u sheets") },
  { "copy_layout", N_ ("(the copy's own)") },
  { "tab_flyer", N_ ("Tract") },
  { "tab_banner", N_ ("Banner") },
  { "tab_batch", N_ ("Batch") },
  { "slogan", N_ ("Slogan") },
  { "copy_hint", N_ ("# before the headline, a blank line between paragraphs, - before each "
                     "item of a list, *** for the back page") },
  { "slogan_hint", N_ ("A new line in the slogan is a new line on the banner; otherwise roneo "
                       "chooses where the lines break") },
  { "csv_hint", N_ ("Write {column} in the copy where each row's value goes, e.g. {town}") },
  { "copies_each", N_ ("Copies of the tract, or of each row") },
  /* %s: the language's name in its own words, "français" */
  { "copy_lang", N_ ("as the copy says (%s)") },
  { "copy_layout_hint", N_ ("The layout the copy names, else the default one.") },
  { "size_hint", N_ ("width x height, e.g. 300x90cm") },
  { "printer_margin", N_ ("Printer margins") },
  { "margin_hint", N_ ("the edge the printer cannot reach") },
  { "drop_csv", N_ ("Drop a CSV file here, or click to choose one") },
  { "fields_found", N_ ("Fields found:") },
  { "problems", N_ ("Errors and warnings") },
  { "warning", N_ ("Warning") },
  /* before a problem's message: where it is in the copy */
  { "line_label", N_ ("line %u:") },
  { "no_files", N_ ("(no text file yet)") },
  { "error_at", N_ ("Error at line %u: see below the copy") },
  { "error_here", N_ ("Error: see below the copy") },
  { "not_made", N_ ("Not made: see the error") },
  /* a banner: its sheets and the rows they make */
  { "sheets_rows", N_ ("%u sheets, %u rows") },
  { "sheets_row", N_ ("%u sheets, 1 row") },
  { "page_n", N_ ("Page %u") },
  { "sheet_n", N_ ("Sheet %u") },
  { "banner_caption", N_ ("The banner") },
  { "cover_caption", N_ ("The cover: the sheets and their order") },
  { "no_preview", N_ ("The preview appears here.") },
  { "print_rendering", N_ ("Preparing the job…") },
  { "print_waiting", N_ ("Waiting for the printer…") },
  { "print_printing", N_ ("Printing…") },
  { "print_done", N_ ("Printed") },
  /* %s: the printer's reason */
  { "print_failed", N_ ("Not printed: %s") },
  { "stop", N_ ("Stop the studio") },
  { "stop_confirm", N_ ("Stop the studio? Save your copy first: this page stops working until "
                        "roneo studio is started again.") },
  { "stopped", N_ ("The studio is stopped: you can close this tab.") },
};

static JsonNode *
strings_json (const char *lang)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "lang");
  json_builder_add_string_value (b, lang);
  for (gsize i = 0; i < G_N_ELEMENTS (page_strings); i++)
    {
      json_builder_set_member_name (b, page_strings[i].key);
      json_builder_add_string_value (b, roneo_doc_gettext (lang, page_strings[i].text));
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_layout (JsonBuilder *b, const RoneoLayouts *layouts, guint i)
{
  double width = 0, height = 0;
  roneo_layouts_get_size (layouts, i, &width, &height);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, roneo_layouts_get_name (layouts, i));
  json_builder_set_member_name (b, "width_mm");
  json_builder_add_int_value (b, (gint64) (width / RONEO_PT_PER_MM + 0.5));
  json_builder_set_member_name (b, "height_mm");
  json_builder_add_int_value (b, (gint64) (height / RONEO_PT_PER_MM + 0.5));
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (
      b, roneo_layouts_get_kind (layouts, i) == RONEO_JOB_BANNER ? "banner" : "flyer");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, roneo_layouts_get_description (layouts, i));
  json_builder_end_object (b);
}

static void
reply_layouts (RoneoStudio *studio, SoupServerMessage *msg)
{
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  /* Not under the engine's lock: the listing reads the layout folders and
   * files only, and the main loop must not wait for a render. */
  g_autoptr (RoneoLayouts) layouts = roneo_engine_list_layouts (studio->engine, warnings);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "layouts");
  json_builder_begin_array (b);
  for (guint i = 0; i < roneo_layouts_get_count (layouts); i++)
    add_layout (b, layouts, i);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, roneo_studio_warnings_to_json (studio, warnings));
  json_builder_end_object (b);
  roneo_studio_reply_json (msg, SOUP_STATUS_OK, json_builder_get_root (b));
}

static const char *
type_of (const char *path)
{
  return g_str_has_suffix (path, ".js")    ? "text/javascript; charset=utf-8"
         : g_str_has_suffix (path, ".css") ? "text/css; charset=utf-8"
                                           : "text/html; charset=utf-8";
}

/* A file of the page; the HTML with the token and the language filled in. */
static void
reply_static (RoneoStudio *studio, SoupServerMessage *msg, const char *name)
{
  g_autofree char *where = g_strconcat ("/org/roneo/studio/", name, NULL);
  /* Looked up in the resource itself: a static library's constructor that
   * would register it is dropped by the linker. */
  g_autoptr (GBytes) bytes = g_resource_lookup_data (roneo_studio_get_resource (), where, 0, NULL);
  if (bytes == NULL || strchr (name, '/') != NULL)
    return roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 1, _ ("no such address"));
  if (strcmp (name, "index.html") == 0)
    {
      g_autoptr (GString) page
          = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_replace (page, "@TOKEN@", studio->token, 0);
      g_string_replace (page, "@LANG@", roneo_studio_request_lang (msg), 0);
      g_bytes_unref (bytes);
      bytes = g_string_free_to_bytes (g_steal_pointer (&page));
    }
  roneo_studio_reply_bytes (msg, SOUP_STATUS_OK, type_of (name), bytes);
}

void
roneo_studio_api_handle (RoneoStudio *studio, SoupServerMessage *msg, const char *path,
                         GHashTable *query)
{
  const char *method = soup_server_message_get_method (msg);
  if (strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0)
    return roneo_studio_reply_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, 1, _ ("only GET here"));
  if (strcmp (path, "/") == 0)
    reply_static (studio, msg, "index.html");
  else if (g_str_has_prefix (path, "/static/"))
    reply_static (studio, msg, path + strlen ("/static/"));
  else if (strcmp (path, "/api/layouts") == 0)
    reply_layouts (studio, msg);
  else if (strcmp (path, "/api/strings") == 0)
    roneo_studio_reply_json (msg, SOUP_STATUS_OK, strings_json (roneo_studio_request_lang (msg)));
  else
    roneo_studio_reply_problem (msg, SOUP_STATUS_NOT_FOUND, 1, _ ("no such address"));
}
