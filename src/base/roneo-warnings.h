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

#include "roneo.h"

G_BEGIN_DECLS

/* A warning about no place in particular. */
void roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* A warning about a file (NULL: none), at a line of it (0: the whole file);
 * the message says what is wrong, without the position. */
void roneo_warnings_add_at (RoneoWarnings *warnings, RoneoWarningKind kind, const char *file,
                            guint line, const char *format, ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
