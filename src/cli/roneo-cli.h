/* roneo-cli.h: the command line: subcommands, messages and exit codes.
 *
 * Only this folder prints or exits. Errors and warnings go to stderr,
 * git-style ("roneo: tract.md:12:3: unknown key 'colour'"); the exit code is
 * the RONEO_ERROR code (DESIGN.md section 1).
 */
#pragma once

#include "roneo-config.h"
#include "roneo.h"

#include <glib/gi18n.h>

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
int roneo_cli_studio (int argc, char **argv);

/* After a failure: prints error and returns its exit code; after a signal,
 * says the job was interrupted and returns 5, whatever the error (and 5 for
 * a failure with no error, which is a bug). A RONEO_JOB_ERROR is a usage
 * error, said with the option it is about ("--sheet: ..."). */
int roneo_cli_fail (GError *error);
/* "roneo: " in the user's language (French: "roneo : "), which begins
 * every message. */
const char *roneo_cli_prefix (void);
void roneo_cli_print_warnings (const RoneoWarnings *warnings, gboolean quiet);
void roneo_cli_note (gboolean quiet, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* From now on SIGINT, SIGTERM and SIGHUP cancel cancellable (the job's);
 * release puts the default actions back. */
void roneo_cli_catch_signals (GCancellable *cancellable);
void roneo_cli_release_signals (void);
gboolean roneo_cli_was_interrupted (void);

/* The usage exit code, said, when output is "-" and standard output is a
 * terminal; else 0. */
int roneo_cli_check_stdout (const char *command, const char *output);

/* The usage exit code, said, when more than one of inputs (NULL-terminated;
 * an input may not be NULL) is "-"; else 0. */
int roneo_cli_check_stdin (const char *command, const char *const *inputs);

/* Prints a usage error for command; returns the usage exit code. */
int roneo_cli_usage_error (const char *command, const char *message);

/* Marked, not translated: said with _() where it is printed. */
#define RONEO_CLI_EXIT_CODES                                                                       \
  N_ ("Exit codes:\n"                                                                              \
      "  0  ok\n"                                                                                  \
      "  1  usage: bad command line\n"                                                             \
      "  2  input: unreadable, not UTF-8, parse error, bad value\n"                                \
      "  3  font: a font is missing (with --strict: substituted)\n"                                \
      "  4  does not fit: the copy is too long for the layout\n"                                   \
      "  5  output: cannot write, or interrupted (nothing was written)\n"                          \
      "  6  printing failed\n")
