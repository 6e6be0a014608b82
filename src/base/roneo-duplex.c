/* roneo-duplex.c: RoneoDuplex and IPP's `sides` keywords. */
#include "roneo-duplex.h"

#include <string.h>

static const char *const keywords[] = {
  [RONEO_DUPLEX_AUTO] = NULL,
  [RONEO_DUPLEX_ONE_SIDED] = "one-sided",
  [RONEO_DUPLEX_LONG_EDGE] = "two-sided-long-edge",
  [RONEO_DUPLEX_SHORT_EDGE] = "two-sided-short-edge",
};

const char *
roneo_duplex_to_ipp (RoneoDuplex sides)
{
  g_return_val_if_fail ((guint) sides < G_N_ELEMENTS (keywords), NULL);
  return keywords[sides];
}

gboolean
roneo_duplex_from_ipp (const char *keyword, RoneoDuplex *sides)
{
  g_return_val_if_fail (sides != NULL, FALSE);
  if (keyword == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (keywords[i] != NULL && strcmp (keyword, keywords[i]) == 0)
      {
        *sides = (RoneoDuplex) i;
        return TRUE;
      }
  return FALSE;
}
