/* roneo-warnings.h: the warnings a job collects on its way through the stages.
 *
 * Stages never print: a font substitution, a shrunk body or a broken word is
 * added here, and the CLI prints the list (or turns it into an error under
 * --strict). A RoneoWarnings is owned by the job; stages borrow it and may be
 * given NULL, in which case warnings are dropped.
 */
#pragma once

#include "roneo.h"

G_BEGIN_DECLS

struct _RoneoWarning
{
  RoneoWarningKind kind;
  char *message; /* owned, without the position */
  char *file;    /* owned, or NULL */
  guint line;    /* from 1, 0 for none */
};

void roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* The same, about line (0: none) of file (NULL: none); the message has no position. */
void roneo_warnings_add_at (RoneoWarnings *warnings, RoneoWarningKind kind, const char *file,
                            guint line, const char *format, ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
