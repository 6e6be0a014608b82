/* roneo-warnings.h: the warnings a job collects on its way through the stages.
 *
 * Stages never print: a font substitution, a shrunk body or a broken word is
 * added here, and the CLI prints the list (or turns it into an error under
 * --strict). A RoneoWarnings is owned by the job; stages borrow it and may be
 * given NULL, in which case warnings are dropped.
 *
 * A warning is a record: its kind, what is wrong, and where when it is about a
 * place in a file (the file, and the line from 1). roneo_warning_to_string()
 * joins them the way messages read ("tract.md:12: message").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_WARNING_GENERAL,
  RONEO_WARNING_FONT, /* a family resolved to another one: exit 3 under --strict */
  RONEO_WARNING_FIT,  /* shrunk or too small to fit or to read: exit 4 under --strict */
} RoneoWarningKind;

typedef struct _RoneoWarning RoneoWarning;
typedef struct _RoneoWarnings RoneoWarnings;

RoneoWarnings *roneo_warnings_new (void);
void roneo_warnings_free (RoneoWarnings *warnings);
/* A warning about no place in particular. */
void roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* A warning about a file (NULL: none), at a line of it (0: the whole file);
 * the message says what is wrong, without the position. */
void roneo_warnings_add_at (RoneoWarnings *warnings, RoneoWarningKind kind, const char *file,
                            guint line, const char *format, ...) G_GNUC_PRINTF (5, 6);
guint roneo_warnings_get_count (const RoneoWarnings *warnings);
/* Borrowed; valid until the list is freed. */
const RoneoWarning *roneo_warnings_peek (const RoneoWarnings *warnings, guint index);

RoneoWarningKind roneo_warning_get_kind (const RoneoWarning *warning);
/* What is wrong, without the position. */
const char *roneo_warning_get_message (const RoneoWarning *warning);
/* The file it is about ("tract.md", "the slogan"), or NULL. */
const char *roneo_warning_get_file (const RoneoWarning *warning);
/* Its line in that file, from 1; 0 when none. */
guint roneo_warning_get_line (const RoneoWarning *warning);
/* "tract.md:12: message", "tract.md: message" or "message"; owned. */
char *roneo_warning_to_string (const RoneoWarning *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoWarnings, roneo_warnings_free)

G_END_DECLS
