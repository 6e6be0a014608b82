/* roneo-cli-print.h: sending a PDF to CUPS from the CLI (roneo print, batch --print). */
#pragma once

#include "roneo-cli-options.h"
#include "roneo-print.h"

/* Prints path on queue (in colour unless --mono), says how it went; returns
 * the exit code. */
int roneo_cli_send (const RoneoCliOptions *o, const char *path, const char *queue, guint copies,
                    RoneoDuplex sides, const char *media);
