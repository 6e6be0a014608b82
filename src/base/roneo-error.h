/* roneo-error.h: the one error domain of roneo.
 *
 * Every runtime failure in the library is a GError in RONEO_ERROR. The codes are
 * the CLI's exit codes (DESIGN.md section 1), so the CLI exits with
 * error->code and nothing has to translate. Messages follow STYLE.md: lower
 * case, no final period, the subject in quotes, a position first when there is
 * one ("tract.md:12:3: unknown key 'colour'").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RONEO_ERROR (roneo_error_quark ())

typedef enum
{
  RONEO_ERROR_USAGE = 1,    /* bad command line */
  RONEO_ERROR_INPUT = 2,    /* unreadable, not UTF-8, parse error, bad value */
  RONEO_ERROR_FONT = 3,     /* font missing or substituted under --strict */
  RONEO_ERROR_OVERFLOW = 4, /* the copy does not fit */
  RONEO_ERROR_OUTPUT = 5,   /* cannot write the output */
  RONEO_ERROR_PRINT = 6,    /* printing failed */
} RoneoErrorCode;

GQuark roneo_error_quark (void);

G_END_DECLS
