/* What the subcommands share about files and signals: standard streams,
 * the signals that stop a job, and the exit code of an interrupted one. */
#include "roneo-cli.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Set by SIGINT, SIGTERM or SIGHUP: a blocked read of standard input
 * returns (no SA_RESTART), and the watcher cancels the job. */
static gint interrupted;
/* The handler writes the signal here; the watcher thread reads it and
 * cancels the job's GCancellable, which a signal handler may not do. */
static int wake[2] = { -1, -1 };
static GThread *watcher;

static void
on_signal (int signum)
{
  g_atomic_int_set (&interrupted, signum);
  unsigned char byte = (unsigned char) signum;
  if (write (wake[1], &byte, 1) < 0)
    return; /* the pipe is full: the watcher is already awake */
}

/* Byte 0 (from release) stops the watch; a signal cancels the job. */
static gpointer
watch (gpointer data)
{
  GCancellable *cancellable = data;
  unsigned char byte = 0;
  while (read (wake[0], &byte, 1) < 0 && errno == EINTR)
    ;
  if (byte != 0)
    g_cancellable_cancel (cancellable);
  g_object_unref (cancellable);
  return NULL;
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP };

/* The watcher starts with the signals blocked, so they are delivered to the
 * thread that runs the job, whose reads they interrupt. */
static void
start_watcher (GCancellable *cancellable)
{
  sigset_t block, old;
  sigemptyset (&block);
  for (gsize i = 0; i < G_N_ELEMENTS (caught); i++)
    sigaddset (&block, caught[i]);
  pthread_sigmask (SIG_BLOCK, &block, &old);
  watcher = g_thread_new ("roneo-signals", watch, g_object_ref (cancellable));
  pthread_sigmask (SIG_SETMASK, &old, NULL);
}

void
roneo_cli_catch_signals (GCancellable *cancellable)
{
  if (!g_unix_open_pipe (wake, FD_CLOEXEC, NULL))
    return; /* no pipe: the signals keep their default action */
  start_watcher (cancellable);
  struct sigaction action = { 0 };
  action.sa_handler = on_signal;
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (caught); i++)
    sigaction (caught[i], &action, NULL);
}

void
roneo_cli_release_signals (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (caught); i++)
    signal (caught[i], SIG_DFL);
  if (watcher == NULL)
    return;
  unsigned char stop = 0;
  if (write (wake[1], &stop, 1) == 1 || g_atomic_int_get (&interrupted) != 0)
    g_thread_join (g_steal_pointer (&watcher));
  close (wake[0]);
  close (wake[1]);
  wake[0] = wake[1] = -1;
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
  return roneo_cli_usage_error (command, _ ("will not write a PDF to a terminal: use -o FILE, or "
                                            "redirect the output (> FILE, | lp)"));
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
  return roneo_cli_usage_error (command, _ ("only one input can be read from standard input (-): "
                                            "give the others as files"));
}
