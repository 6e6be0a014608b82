/* roneo-layout-keys-private.h: the sections and keys of a layout file.
 *
 * roneo-layout-keys.c holds the table of every key of [layout], [page] and the
 * block style sections, with the setter that stores its value; it implements
 * roneo_layout_set_value(). These are what the file reader needs besides.
 * Not installed.
 */
#pragma once

#include "roneo-layout.h"

G_BEGIN_DECLS

/* TRUE for layout, page and the block style sections (headline, body...). */
gboolean roneo_layout_is_known_section (const char *section);

/* Sets error to "unknown section [SECTION] (known: ...)". */
void roneo_layout_unknown_section_error (const char *section, GError **error);

/* The name of the i-th key of [page], in table order; NULL past the last. */
const char *roneo_layout_page_key (guint i);

G_END_DECLS
