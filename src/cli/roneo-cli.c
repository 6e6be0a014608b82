/* roneo: lay out tracts and banners from plain text. Dispatches subcommands. */
#include "roneo-cli.h"

#include "roneo-buildtree.h"

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
  { "flyer", roneo_cli_flyer, N_ ("lay out a tract (A5 flyer by default) as a print-ready PDF") },
  { "banner", roneo_cli_banner, N_ ("lay out a slogan as a banner tiled across A4 sheets") },
  { "batch", roneo_cli_batch, N_ ("impose copies, or one per row of a CSV file, on sheets") },
  { "print", roneo_cli_print, N_ ("send a PDF to a CUPS printer at actual size") },
  { "check", roneo_cli_check, N_ ("preflight: does it fit, fonts, warnings; writes nothing") },
  { "layouts", roneo_cli_layouts, N_ ("list the layouts available") },
  { "fonts", roneo_cli_fonts, N_ ("show what each Roneo font family resolves to") },
  { "studio", roneo_cli_studio, N_ ("a page on this machine to write, preview and print") },
};

static void
print_usage (FILE *out)
{
  fputs (_ ("usage: roneo COMMAND [OPTIONS] [FILE]\n\n"
            "roneo lays out plain-text tract copy and slogans as print-ready PDFs.\n\n"
            "Commands:\n"),
         out);
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _ (commands[i].summary));
  fprintf (out, "\n%s\n\n%s", _ ("Run 'roneo COMMAND --help' for the options of a command."),
           _ (RONEO_CLI_EXIT_CODES));
}

/* A layout names no command: the CLI says which goes with which. */
#define LAYOUT_HINT                                                                                \
  N_ (" (a banner layout goes with 'roneo banner', a flyer layout with 'roneo flyer' or 'roneo "   \
      "batch'; see 'roneo layouts')")

static const struct
{
  RoneoJobErrorCode code;
  const char *option;
  const char *hint;
} job_options[] = {
  { RONEO_JOB_ERROR_OUTPUT, "-o", "" },
  { RONEO_JOB_ERROR_LAYOUT, "--layout", LAYOUT_HINT },
  { RONEO_JOB_ERROR_LANG, "--lang", "" },
  { RONEO_JOB_ERROR_FIELD, "--field", "" },
  { RONEO_JOB_ERROR_BLEED, "--bleed", "" },
  { RONEO_JOB_ERROR_SIZE, "--size", "" },
  { RONEO_JOB_ERROR_SHEET, "--sheet", "" },
  { RONEO_JOB_ERROR_OVERLAP, "--overlap", "" },
  { RONEO_JOB_ERROR_PRINTER_MARGIN, "--printer-margin", "" },
  { RONEO_JOB_ERROR_MAX_SHEETS, "--max-sheets", "" },
  { RONEO_JOB_ERROR_SHEETS, "--sheets", "" },
  { RONEO_JOB_ERROR_NUP, "--nup", "" },
  { RONEO_JOB_ERROR_COPIES, "--copies", "" },
  { RONEO_JOB_ERROR_SINGLE, "--single", N_ (" (add --profile press)") },
};

/* A setting the library refused, said with the option that set it. */
static void
print_job_error (const GError *error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (job_options); i++)
    if ((int) job_options[i].code == error->code)
      {
        const char *hint = *job_options[i].hint ? _ (job_options[i].hint) : "";
        fprintf (stderr, "%s%s: %s%s\n", roneo_cli_prefix (), job_options[i].option, error->message,
                 hint);
        return;
      }
  fprintf (stderr, "%s%s\n", roneo_cli_prefix (), error->message);
}

int
roneo_cli_fail (GError *error)
{
  if (roneo_cli_was_interrupted () || g_error_matches (error, RONEO_ERROR, RONEO_ERROR_CANCELLED))
    {
      fprintf (stderr, "%s%s\n", roneo_cli_prefix (), _ ("interrupted: nothing was written"));
      return RONEO_ERROR_OUTPUT;
    }
  /* Called only after a failure: one that forgot its reason must not exit 0. */
  if (error == NULL)
    {
      fprintf (stderr, "%s%s\n", roneo_cli_prefix (),
               _ ("the job failed without a reason (a bug: please report it)"));
      return RONEO_ERROR_OUTPUT;
    }
  if (error->domain == RONEO_JOB_ERROR)
    {
      print_job_error (error);
      return RONEO_ERROR_USAGE;
    }
  if (g_error_matches (error, RONEO_ERROR, RONEO_ERROR_NOT_A_PDF))
    {
      fprintf (stderr, "%s%s %s\n", roneo_cli_prefix (), error->message,
               _ ("(give the PDF another name with -o, or add --force to replace that file)"));
      return RONEO_ERROR_OUTPUT;
    }
  /* The library says what to do; which command lists the layouts is the CLI's to say. */
  gboolean overflow = g_error_matches (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW);
  fprintf (stderr, "%s%s%s\n", roneo_cli_prefix (), error->message,
           overflow ? _ (" (see 'roneo layouts')") : "");
  gboolean ours = error->domain == RONEO_ERROR && error->code >= 1 && error->code <= 6;
  return ours ? error->code : RONEO_ERROR_INPUT;
}

const char *
roneo_cli_prefix (void)
{
  /* TRANSLATORS: what begins every message, git-style ("roneo: tract.md:12: ...") */
  return _ ("roneo: ");
}

void
roneo_cli_print_warnings (const RoneoWarnings *warnings, gboolean quiet)
{
  if (quiet)
    return;
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    {
      const RoneoWarning *warning = roneo_warnings_peek (warnings, i);
      g_autofree char *said = roneo_warning_to_string (warning);
      /* TRANSLATORS: before a warning: "roneo: warning: font 'X' substituted";
       * advice is what --strict lets pass: "roneo: advice: logo.png prints at 120 dpi" */
      const char *label = roneo_warning_get_kind (warning) == RONEO_WARNING_ADVICE ? _ ("advice:")
                                                                                   : _ ("warning:");
      fprintf (stderr, "%s%s %s\n", roneo_cli_prefix (), label, said);
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

/* Messages in the user's language: the catalogues built beside this copy,
 * or the installed ones (the library binds the same folder for itself). */
static void
bind_catalogue (void)
{
  bindtextdomain (GETTEXT_PACKAGE, roneo_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C"); /* numbers in messages and dumps read the same everywhere */
  bind_catalogue ();
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
      printf ("roneo %s\n", roneo_get_version ());
      return 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, _ ("roneo: unknown command '%s' (see 'roneo --help')\n"), argv[1]);
  return RONEO_ERROR_USAGE;
}
