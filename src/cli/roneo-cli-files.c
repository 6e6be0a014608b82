/* What the subcommands share about files and signals: standard streams,
 * the signals that stop a job, and the exit code of an interrupted one. */
#include "roneo-cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Set by SIGINT, SIGTERM or SIGHUP: the job stops at its next step or write
 * and removes its temporaries. */
static gint interrupted;

static void
on_signal (int signum)
{
  g_atomic_int_set (&interrupted, signum);
}

/* No SA_RESTART: a read of standard input that waits for a terminal or a
 * pipe returns at once, and the job stops there. */
const gint *
roneo_cli_catch_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };
  action.sa_handler = on_signal;
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
  return &interrupted;
}

void
roneo_cli_release_signals (void)
{
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
  signal (SIGHUP, SIG_DFL);
}

gboolean
roneo_cli_was_interrupted (void)
{
  return g_atomic_int_get (&interrupted) != 0;
}

/* A PDF on a terminal is a screen of garbage (gzip refuses the same). */
int
roneo_cli_check_stdout (const char *command, const char *output)
{
  if (output == NULL || strcmp (output, "-") != 0 || !isatty (STDOUT_FILENO))
    return 0;
  return roneo_cli_usage_error (command, "will not write a PDF to a terminal: use -o FILE, or "
                                         "redirect the output (> FILE, | lp)");
}

/* Standard input can be read once: by one of the copy, the layout, the CSV. */
int
roneo_cli_check_stdin (const char *command, const char *const *inputs)
{
  guint readers = 0;
  for (guint i = 0; inputs[i] != NULL; i++)
    readers += strcmp (inputs[i], "-") == 0;
  if (readers <= 1)
    return 0;
  return roneo_cli_usage_error (command, "only one input can be read from standard input (-): "
                                         "give the others as files");
}
