/* roneo-cli-print.h: what the CLI says about printing (roneo print, batch --print). */
#pragma once

#include "roneo-cli-options.h"

/* A RoneoPrintProgress whose data is the RoneoCliOptions: the job's states
 * with --verbose. */
void roneo_cli_say_print_state (const char *state, gpointer data);

/* "roneo: printed PATH on 'QUEUE' (job N, 2 copies, two-sided-long-edge)". */
void roneo_cli_say_printed (const RoneoCliOptions *o, const char *path, const char *queue,
                            int job_id, guint copies, RoneoDuplex sides);
