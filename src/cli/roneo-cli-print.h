/* roneo-cli-print.h: sending a PDF to CUPS from the CLI (roneo print, batch --print). */
#pragma once

#include "roneo-cli-options.h"
#include "roneo-print.h"

/* Prints path with options, says how it went; returns the exit code. */
int roneo_cli_send (const RoneoCliOptions *o, const char *path, const RoneoPrintOptions *options);
