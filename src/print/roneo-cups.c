/* roneo-cups.c: opening libcups and filling RoneoCups.
 *
 * CUPS_FUNCTIONS lists the fields once; from it come the name table the
 * loader walks and, with GCC or Clang, a compile-time check that each field
 * has the type <cups/cups.h> declares. The loaded table, or the reason there
 * is none, is kept for the life of the process: a missing libcups fails every
 * print the same way, and nothing is ever closed.
 */
#include "roneo-cups-private.h"
#include "roneo-intl-private.h"

#include <gmodule.h>
#include <string.h>

#include "roneo-error.h"

#define CUPS_LIBRARY "libcups.so.2"

/* clang-format off */
#define CUPS_FUNCTIONS(F)         \
  F (httpConnect2)          \
  F (httpClose)             \
  F (httpAssembleURIf)      \
  F (cupsServer)            \
  F (cupsUser)              \
  F (cupsEncryption)        \
  F (ippPort)               \
  F (cupsLastError)         \
  F (cupsLastErrorString)   \
  F (ippNewRequest)         \
  F (ippDelete)             \
  F (cupsDoRequest)         \
  F (ippAddString)          \
  F (ippAddStrings)         \
  F (ippAddInteger)         \
  F (ippFindAttribute)      \
  F (ippFindNextAttribute)  \
  F (ippContainsString)     \
  F (ippGetBoolean)         \
  F (ippGetInteger)         \
  F (ippGetRange)           \
  F (ippGetString)          \
  F (ippAttributeString)    \
  F (ippEnumString)         \
  F (cupsAddOption)         \
  F (cupsFreeOptions)       \
  F (cupsCreateJob)         \
  F (cupsStartDocument)     \
  F (cupsWriteRequestData)  \
  F (cupsFinishDocument)    \
  F (cupsCancelJob2)
/* clang-format on */

typedef struct
{
  const char *name;
  gsize offset;
} Symbol;

#define SYMBOL(function) { #function, G_STRUCT_OFFSET (RoneoCups, function) },
static const Symbol symbols[] = { CUPS_FUNCTIONS (SYMBOL) };

/* The list names every field, so no field is left NULL. */
G_STATIC_ASSERT (sizeof (RoneoCups) == G_N_ELEMENTS (symbols) * sizeof (void (*) (void)));

#if defined(__GNUC__) || defined(__clang__)
#define SAME_TYPE(function)                                                                        \
  G_STATIC_ASSERT (__builtin_types_compatible_p (__typeof__ (&function),                           \
                                                 __typeof__ (((RoneoCups *) NULL)->function)));
CUPS_FUNCTIONS (SAME_TYPE)
#endif

/* What the first call left, for every later one. */
typedef struct
{
  const RoneoCups *cups; /* NULL if loading failed */
  char *message;         /* why it failed, else NULL */
} Loaded;

/* Fills @cups from libcups; FALSE with the reason in @message. */
static gboolean
resolve (RoneoCups *cups, char **message)
{
  GModule *module = g_module_open (CUPS_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      *message = g_strdup (g_module_error ());
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      gpointer address = NULL;

      if (!g_module_symbol (module, symbols[i].name, &address) || address == NULL)
        {
          *message = g_strdup_printf ("%s has no function '%s'", CUPS_LIBRARY, symbols[i].name);
          g_module_close (module);
          return FALSE;
        }
      /* ISO C has no cast from a data pointer to a function pointer; POSIX
       * (dlsym) guarantees both have the same representation: copy the bytes. */
      G_STATIC_ASSERT (sizeof address == sizeof (void (*) (void)));
      memcpy ((char *) cups + symbols[i].offset, &address, sizeof address);
    }
  g_module_make_resident (module);
  return TRUE;
}

static gpointer
load (G_GNUC_UNUSED gpointer unused)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autofree RoneoCups *cups = g_new0 (RoneoCups, 1);

  if (resolve (cups, &loaded->message))
    loaded->cups = g_steal_pointer (&cups);
  return loaded;
}

static const Loaded *
get_loaded (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

const RoneoCups *
roneo_cups_get (GError **error)
{
  const Loaded *loaded = get_loaded ();

  if (loaded->cups == NULL)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_PRINT,
                 _ ("cannot load libcups (install the Debian package libcups2): %s"),
                 loaded->message);
  return loaded->cups;
}

const RoneoCups *
roneo_cups_peek (void)
{
  const Loaded *loaded = get_loaded ();

  g_assert (loaded->cups != NULL);
  return loaded->cups;
}

void
roneo_cups_http_close (http_t *http)
{
  roneo_cups_peek ()->httpClose (http);
}

void
roneo_cups_ipp_delete (ipp_t *ipp)
{
  roneo_cups_peek ()->ippDelete (ipp);
}
