#include "roneo-warnings.h"

struct _RoneoWarning
{
  RoneoWarningKind kind;
  char *message; /* owned, without the position */
  char *file;    /* owned, or NULL */
  guint line;    /* from 1; 0 for none */
};

struct _RoneoWarnings
{
  GArray *items; /* RoneoWarning, strings owned */
};

static void
warning_clear (gpointer data)
{
  RoneoWarning *warning = data;
  g_free (warning->message);
  g_free (warning->file);
}

RoneoWarnings *
roneo_warnings_new (void)
{
  RoneoWarnings *warnings = g_new0 (RoneoWarnings, 1);
  warnings->items = g_array_new (FALSE, TRUE, sizeof (RoneoWarning));
  g_array_set_clear_func (warnings->items, warning_clear);
  return warnings;
}

void
roneo_warnings_free (RoneoWarnings *warnings)
{
  if (warnings == NULL)
    return;
  g_array_unref (warnings->items);
  g_free (warnings);
}

static void
add_valist (RoneoWarnings *warnings, RoneoWarningKind kind, const char *file, guint line,
            const char *format, va_list args)
{
  RoneoWarning warning = { kind, g_strdup_vprintf (format, args), g_strdup (file), line };
  g_array_append_val (warnings->items, warning);
}

void
roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
{
  if (warnings == NULL)
    return;
  va_list args;
  va_start (args, format);
  add_valist (warnings, kind, NULL, 0, format, args);
  va_end (args);
}

void
roneo_warnings_add_at (RoneoWarnings *warnings, RoneoWarningKind kind, const char *file, guint line,
                       const char *format, ...)
{
  if (warnings == NULL)
    return;
  va_list args;
  va_start (args, format);
  add_valist (warnings, kind, file, line, format, args);
  va_end (args);
}

guint
roneo_warnings_get_count (const RoneoWarnings *warnings)
{
  return warnings ? warnings->items->len : 0;
}

const RoneoWarning *
roneo_warnings_peek (const RoneoWarnings *warnings, guint index)
{
  g_return_val_if_fail (warnings != NULL && index < warnings->items->len, NULL);
  return &g_array_index (warnings->items, RoneoWarning, index);
}

RoneoWarningKind
roneo_warning_get_kind (const RoneoWarning *warning)
{
  g_return_val_if_fail (warning != NULL, RONEO_WARNING_GENERAL);
  return warning->kind;
}

const char *
roneo_warning_get_message (const RoneoWarning *warning)
{
  g_return_val_if_fail (warning != NULL, NULL);
  return warning->message;
}

const char *
roneo_warning_get_file (const RoneoWarning *warning)
{
  g_return_val_if_fail (warning != NULL, NULL);
  return warning->file;
}

guint
roneo_warning_get_line (const RoneoWarning *warning)
{
  g_return_val_if_fail (warning != NULL, 0);
  return warning->line;
}

/* A line without a file says nothing to a reader: it is left out. */
char *
roneo_warning_to_string (const RoneoWarning *warning)
{
  g_return_val_if_fail (warning != NULL, NULL);
  if (warning->file != NULL && warning->line > 0)
    return g_strdup_printf ("%s:%u: %s", warning->file, warning->line, warning->message);
  if (warning->file != NULL)
    return g_strdup_printf ("%s: %s", warning->file, warning->message);
  return g_strdup (warning->message);
}
