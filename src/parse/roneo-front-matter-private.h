/* roneo-front-matter-private.h: the YAML front matter of a tract copy.
 *
 * The copy parser first splits the text into the front matter (between a first
 * line "---" and a line "---" or "...") and the Markdown body, then reads the
 * front matter's "key: value" lines into the document's fields and layout
 * overrides. The split only points into the caller's text. Not installed.
 */
#pragma once

#include "roneo-document.h"

G_BEGIN_DECLS

typedef struct
{
  const char *yaml; /* NULL when there is no front matter */
  gsize yaml_length;
  const char *body;
  gsize body_length;
  guint body_line; /* lines before the body */
} RoneoCopySplit;

/* Fills split from text (length bytes, not NUL-terminated); FALSE with error
 * set when the front matter is not terminated. source names the input. */
gboolean roneo_front_matter_split (const char *source, const char *text, gsize length,
                                   RoneoCopySplit *split, GError **error);

/* Reads split's front matter, if any, into document: the known fields
 * (layout, lang, title, author, date, subject, imprint) and "section.key" overrides.
 * FALSE with error set on bad YAML, an unknown key or a key given twice. */
gboolean roneo_front_matter_parse (RoneoDocument *document, const RoneoCopySplit *split,
                                   GError **error);

G_END_DECLS
