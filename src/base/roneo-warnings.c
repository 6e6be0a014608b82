#include "roneo-warnings.h"

struct _RoneoWarnings
{
  GArray *items; /* RoneoWarning, messages owned */
};

static void
warning_clear (gpointer data)
{
  RoneoWarning *warning = data;
  g_free (warning->message);
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

void
roneo_warnings_add (RoneoWarnings *warnings, RoneoWarningKind kind, const char *format, ...)
{
  if (warnings == NULL)
    return;
  va_list args;
  va_start (args, format);
  RoneoWarning warning = { kind, g_strdup_vprintf (format, args) };
  va_end (args);
  g_array_append_val (warnings->items, warning);
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
