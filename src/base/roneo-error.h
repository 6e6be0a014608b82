/* roneo-error.h: the error domains of roneo (declared in roneo.h).
 *
 * Every runtime failure in the library is a GError in RONEO_ERROR, or in
 * RONEO_JOB_ERROR when a setting of the job cannot be used. The RONEO_ERROR
 * codes are the CLI's exit codes (DESIGN.md section 1). Messages follow
 * STYLE.md: lower case, no final period, the subject in quotes, a position
 * first when there is one ("tract.md:12:3: unknown key 'colour'"), and they
 * never name a command-line option: the CLI adds it.
 */
#pragma once

#include "roneo.h"
