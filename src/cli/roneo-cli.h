/* roneo-cli.h: the command line: subcommands, messages and exit codes.
 *
 * Only this folder prints or exits. Errors and warnings go to stderr,
 * git-style ("roneo: tract.md:12:3: unknown key 'colour'"); the exit code is
 * the RONEO_ERROR code (DESIGN.md section 1).
 */
#pragma once

#include "roneo.h"

typedef struct
{
  gboolean quiet;
  gboolean verbose;
} RoneoCliOutput;

typedef int (*RoneoCliCommand) (int argc, char **argv);

int roneo_cli_flyer (int argc, char **argv);
int roneo_cli_check (int argc, char **argv);
int roneo_cli_banner (int argc, char **argv);
int roneo_cli_batch (int argc, char **argv);
int roneo_cli_print (int argc, char **argv);
int roneo_cli_layouts (int argc, char **argv);
int roneo_cli_fonts (int argc, char **argv);

/* Prints error (if any) and returns its exit code. */
int roneo_cli_fail (GError *error);
void roneo_cli_print_warnings (const RoneoWarnings *warnings, gboolean quiet);
void roneo_cli_note (gboolean quiet, const char *format, ...) G_GNUC_PRINTF (2, 3);

#define RONEO_CLI_EXIT_CODES                                                                    \
  "Exit codes:\n"                                                                               \
  "  0  ok\n"                                                                                   \
  "  1  usage: bad command line\n"                                                              \
  "  2  input: unreadable, not UTF-8, parse error, bad value\n"                                 \
  "  3  font: a font is missing (with --strict: substituted)\n"                                 \
  "  4  does not fit: the copy is too long for the layout\n"                                    \
  "  5  output: cannot write\n"                                                                 \
  "  6  printing failed\n"
