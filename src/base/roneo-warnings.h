/* roneo-warnings.h: the warnings a job collects on its way through the stages.
 *
 * Stages never print: a font substitution, a shrunk body or a broken word is
 * added here, and the CLI prints the list (or turns it into an error under
 * --strict). A RoneoWarnings is owned by the job; stages borrow it and may be
 * given NULL, in which case warnings are dropped.
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

typedef struct
{
  RoneoWarningKind kind;
  char *message;
} RoneoWarning;

typedef struct _RoneoWarnings RoneoWarnings;

RoneoWarnings *roneo_warnings_new (void);
void roneo_warnings_free (RoneoWarnings *warnings);
void roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
guint roneo_warnings_get_count (const RoneoWarnings *warnings);
/* Borrowed; valid until the list is freed. */
const RoneoWarning *roneo_warnings_peek (const RoneoWarnings *warnings, guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoWarnings, roneo_warnings_free)

G_END_DECLS
