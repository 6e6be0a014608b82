/* roneo: lay out tracts and banners from plain text. Dispatches subcommands. */
#include "roneo-cli.h"

#include "roneo-config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const struct
{
  const char *name;
  RoneoCliCommand run;
  const char *summary;
} commands[] = {
  { "flyer", roneo_cli_flyer, "lay out a tract (A5 flyer by default) as a print-ready PDF" },
  { "banner", roneo_cli_banner, "lay out a slogan as a banner tiled across A4 sheets" },
  { "batch", roneo_cli_batch, "impose copies, or one per row of a CSV file, on sheets" },
  { "print", roneo_cli_print, "send a PDF to a CUPS printer at actual size" },
  { "check", roneo_cli_check, "preflight: does it fit, fonts, warnings; writes nothing" },
  { "layouts", roneo_cli_layouts, "list the layouts available" },
  { "fonts", roneo_cli_fonts, "show what each Roneo font family resolves to" },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "usage: roneo COMMAND [OPTIONS] [FILE]\n\n"
                "roneo lays out plain-text tract copy and slogans as print-ready PDFs.\n\n"
                "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\nRun 'roneo COMMAND --help' for the options of a command.\n\n%s",
           RONEO_CLI_EXIT_CODES);
}

int
roneo_cli_fail (GError *error)
{
  if (roneo_cli_was_interrupted ())
    {
      fprintf (stderr, "roneo: interrupted: nothing was written\n");
      return RONEO_ERROR_OUTPUT;
    }
  /* Called only after a failure: one that forgot its reason must not exit 0. */
  if (error == NULL)
    {
      fprintf (stderr, "roneo: the job failed without a reason (a bug: please report it)\n");
      return RONEO_ERROR_OUTPUT;
    }
  fprintf (stderr, "roneo: %s\n", error->message);
  gboolean ours = error->domain == RONEO_ERROR && error->code >= 1 && error->code <= 6;
  return ours ? error->code : RONEO_ERROR_INPUT;
}

void
roneo_cli_print_warnings (const RoneoWarnings *warnings, gboolean quiet)
{
  if (quiet)
    return;
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    {
      g_autofree char *text = roneo_warning_to_string (roneo_warnings_peek (warnings, i));
      fprintf (stderr, "roneo: warning: %s\n", text);
    }
}

void
roneo_cli_note (gboolean quiet, const char *format, ...)
{
  if (quiet)
    return;
  va_list args;
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C"); /* numbers in messages and dumps read the same everywhere */
  /* A reader that goes away is a write error (EPIPE, exit 5), not a death
   * that leaves temporaries behind. */
  signal (SIGPIPE, SIG_IGN);
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? RONEO_ERROR_USAGE : 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("roneo %s\n", RONEO_VERSION);
      return 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "roneo: unknown command '%s' (see 'roneo --help')\n", argv[1]);
  return RONEO_ERROR_USAGE;
}
