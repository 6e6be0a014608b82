/* roneo-job.h: the engine's side of the public jobs (roneo.h), for the
 * engine's own files. Not installed. */
#pragma once

#include "roneo.h"

G_BEGIN_DECLS

/* The date of a job given none: SOURCE_DATE_EPOCH when set, else now.
 * RONEO_JOB_ERROR_DATE for a malformed SOURCE_DATE_EPOCH. */
gboolean roneo_default_date (gint64 *date, GError **error);

G_END_DECLS
