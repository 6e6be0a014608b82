/* roneo-layout-parser.h: layout INI files (GKeyFile) to a RoneoLayout.
 *
 * A layout file only says what differs from roneo_layout_new(). Sections and
 * keys are those of DESIGN.md section 3; an unknown section or key, or a bad
 * value, is RONEO_ERROR_INPUT with "FILE:LINE: message" (GKeyFile gives no
 * line numbers, so the parser finds them in the text itself).
 */
#pragma once

#include "roneo-document.h"
#include "roneo-layout.h"

G_BEGIN_DECLS

/* Parses data (length bytes) read from source (a path, for messages). */
RoneoLayout *roneo_layout_parse_data (const char *source, const char *data, gsize length,
                                      GError **error);
RoneoLayout *roneo_layout_parse_file (const char *path, GError **error);

/* Sets one key ("body", "size", "10.5pt") as a layout file would. The error
 * message carries no position: the caller prefixes it. */
gboolean roneo_layout_set_value (RoneoLayout *layout, const char *section, const char *key,
                                 const char *value, GError **error);

/* Applies the document's front matter overrides ("headline.color: '#c00'");
 * errors name the document's source and the override's line. */
gboolean roneo_layout_apply_overrides (RoneoLayout *layout, const RoneoDocument *document,
                                       GError **error);

/* Whether value may name a layout in a copy's front matter: a layout name
 * (letters, digits, '-', '_') or a path ending in ".ini". Any
 * other path (a device, someone's file) is refused: the copy may come from
 * anyone. */
gboolean roneo_layout_reference_is_valid (const char *value);

/* Finds a layout: "-" (standard input) or a path (contains '/' or ends in
 * .ini) is taken as is; a name
 * is looked up as NAME.ini in each of dirs (NULL-terminated, first wins).
 * Returns the path, owned by the caller, or NULL with RONEO_ERROR_INPUT that
 * lists the names available. */
char *roneo_layout_find (const char *name, const char *const *dirs, GError **error);

/* Every layout in dirs, parsed, sorted by name, a name found twice taken from
 * the first dir. Files that fail to parse are skipped and reported in
 * *warnings (may be NULL). Returns a GPtrArray of RoneoLayout*, owned. */
GPtrArray *roneo_layout_list (const char *const *dirs, GPtrArray *warnings);

G_END_DECLS
