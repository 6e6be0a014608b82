/* roneo.h: the public interface of libroneo, the tract and banner layout engine.
 *
 * A program links libroneo (pkg-config roneo), creates one RoneoEngine and
 * runs jobs on it; see roneo-job.h. Errors are GErrors in RONEO_ERROR whose
 * codes are the CLI's exit codes (roneo-error.h).
 */
#pragma once

#include "roneo-error.h"
#include "roneo-units.h"
#include "roneo-warnings.h"
#include "roneo-job.h"
