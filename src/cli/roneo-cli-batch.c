/* roneo batch: copies or personalised runs imposed on sheets, optionally printed. */
#include "roneo-cli-print.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BAR_WIDTH 30

static void
show_progress (guint done, guint total, gpointer data)
{
  guint filled = total ? done * BAR_WIDTH / total : BAR_WIDTH;
  char bar[BAR_WIDTH + 1];
  memset (bar, '=', filled);
  memset (bar + filled, ' ', BAR_WIDTH - filled);
  bar[BAR_WIDTH] = '\0';
  fprintf (stderr, "\rroneo: [%s] sheet %u of %u", bar, done, total);
  if (done == total)
    fputc ('\n', stderr);
}

static gboolean
parse_choice (const char *option, const char *value, const char *const *choices, int *out,
              GError **error)
{
  for (int i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, choices[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_autofree char *list = g_strjoinv (", ", (char **) choices);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "%s takes %s, not '%s'", option, list,
               value);
  return FALSE;
}

static gboolean
parse_nup (const char *text, guint *out, GError **error)
{
  if (text == NULL || g_ascii_strcasecmp (text, "auto") == 0)
    return TRUE;
  guint64 n = 0;
  if (g_ascii_string_to_unsigned (text, 10, 1, 256, &n, NULL))
    {
      *out = (guint) n;
      return TRUE;
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
               "--nup takes auto or a number of copies per sheet, not '%s'", text);
  return FALSE;
}

static gboolean
job_from_options (const RoneoCliOptions *o, RoneoBatchJob *job, GError **error)
{
  static const char *const profiles[] = { "office", "press", NULL };
  static const char *const duplexes[] = { "auto", "long", "short", NULL };
  int profile = 0, duplex = 0;
  job->input = o->files[0];
  job->data = o->data;
  job->fields = (const char *const *) o->fields;
  job->output = o->output;
  job->layout = o->layout;
  job->lang = o->lang;
  job->sheet = o->sheet;
  job->calibration = o->calibration;
  job->single = o->single;
  job->strict = o->strict;
  job->force = o->force;
  job->one_sheet = o->print != NULL && o->data == NULL;
  if (o->copies < 0 || (o->copies == 0 && o->copies_given))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "--copies must be 1 or more");
      return FALSE;
    }
  job->copies = o->copies > 0 ? (guint) o->copies : 1;
  if ((o->profile && !parse_choice ("--profile", o->profile, profiles, &profile, error))
      || (o->duplex && !parse_choice ("--duplex", o->duplex, duplexes, &duplex, error))
      || !parse_nup (o->nup, &job->nup, error))
    return FALSE;
  job->press = profile == 1;
  job->duplex = (RoneoBatchDuplex) duplex;
  if (!roneo_cli_parse_lang (o->lang, &job->lang, error)
      || !roneo_cli_parse_bleed (o->bleed, &job->bleed, error))
    return FALSE;
  return roneo_cli_options_date (o, &job->date, error);
}

static int
print_result (const RoneoCliOptions *o, const RoneoBatchResult *result)
{
  return roneo_cli_send (o, result->output, o->print, result->print_copies, result->sides,
                         result->media);
}

static void
report (const RoneoCliOptions *o, const RoneoBatchResult *result)
{
  const char *where = o->print && !o->output              ? "job"
                      : strcmp (result->output, "-") == 0 ? "standard output"
                                                          : result->output;
  if (o->calibration)
    {
      roneo_cli_note (o->quiet, "roneo: %s: the calibration sheet, recto/verso (%s)\n", where,
                      result->imposition);
      return;
    }
  roneo_cli_note (o->quiet, "roneo: %s: %u cop%s on %u sheet%s%s (%s)\n", where,
                  result->records, result->records > 1 ? "ies" : "y", result->sheets,
                  result->sheets > 1 ? "s" : "", result->two_sided ? " recto/verso" : "",
                  result->imposition);
}

/* With --print and no -o, the PDF goes to a temporary file, removed after. */
static char *
print_only_path (const RoneoCliOptions *o)
{
  if (o->print == NULL || o->output != NULL)
    return NULL;
  g_autofree char *dir = g_dir_make_tmp ("roneo-print-XXXXXX", NULL);
  return dir ? g_build_filename (dir, "batch.pdf", NULL) : NULL;
}

static void
remove_print_only (char *path)
{
  if (path == NULL)
    return;
  g_unlink (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_rmdir (dir);
  g_free (path);
}

/* A wrong queue is found once the inputs are read, before the sheets are made. */
static gboolean
check_printer (gpointer data, GError **error)
{
  const RoneoCliOptions *o = data;
  return roneo_print_check (o->print, 1, RONEO_DUPLEX_AUTO, NULL, !o->mono, error);
}

/* Runs the job (and prints it); the caller removes a print-only temporary. */
static int
run_job (RoneoCliOptions *o, RoneoBatchJob *job)
{
  g_autoptr (GError) error = NULL;
  if (!o->quiet && isatty (STDERR_FILENO))
    job->progress = show_progress;
  job->cancel = roneo_cli_catch_signals ();
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    return roneo_cli_fail (error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoBatchResult) result = { 0 };
  gboolean ok = roneo_engine_run_batch (engine, job, warnings, &result, &error);
  roneo_cli_release_signals ();
  roneo_cli_print_warnings (warnings, o->quiet || (!ok && o->strict));
  if (!ok)
    return roneo_cli_fail (error);
  report (o, &result);
  if (o->print != NULL && roneo_cli_was_interrupted ())
    {
      fprintf (stderr, "roneo: interrupted: %s was not sent to the printer\n", result.output);
      return RONEO_ERROR_OUTPUT;
    }
  return o->print ? print_result (o, &result) : 0;
}

static int
run_batch (RoneoCliOptions *o)
{
  if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL)
    return roneo_cli_usage_error ("batch", "give one tract or template file");
  const char *inputs[] = { o->files[0], o->layout ? o->layout : "", o->data ? o->data : "", NULL };
  const char *output = o->output ? o->output : strcmp (o->files[0], "-") == 0 ? "-" : NULL;
  int refused = roneo_cli_check_stdin ("batch", inputs);
  if (refused || (refused = roneo_cli_check_stdout ("batch", output)))
    return refused;
  if (o->print != NULL && g_strcmp0 (o->output, "-") == 0)
    return roneo_cli_usage_error ("batch", "--print sends a file: give -o FILE, or no -o");
  g_autoptr (GError) error = NULL;
  RoneoBatchJob job = { 0 };
  if (!job_from_options (o, &job, &error))
    return roneo_cli_fail (error);
  if (o->print != NULL)
    {
      job.preflight = check_printer;
      job.preflight_data = o;
    }
  char *temporary = print_only_path (o);
  if (temporary != NULL)
    job.output = temporary;
  int status = run_job (o, &job);
  remove_print_only (temporary);
  return status;
}

int
roneo_cli_batch (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  o.copies = -1;
  const GOptionEntry own[] = {
    { "copies", 'n', 0, G_OPTION_ARG_INT, &o.copies, "Copies of the tract, or of each row", "N" },
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &o.data,
      "One copy per row of this CSV file (- for standard input), its {fields} filled in", "CSV" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF there; - for standard output (default: FILE-batch.pdf)", "FILE" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      "Replace a file at the output path even if it is not a PDF", NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      "Without --data: fill {name} with value (repeat for each field)", "NAME=VALUE" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet, "Paper: A4 (default), A3, SRA3...", "PAPER" },
    { "nup", 0, 0, G_OPTION_ARG_STRING, &o.nup, "Copies per sheet: auto (default) or a number",
      "N" },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &o.profile,
      "office (default: photocopier, butt cuts) or press (bleed, crop marks)", "PROFILE" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &o.bleed, "Bleed for the press profile (default 3mm)",
      "LENGTH" },
    { "duplex", 0, 0, G_OPTION_ARG_STRING, &o.duplex,
      "Edge the paper turns on for recto/verso: auto (default), long or short", "EDGE" },
    { "single", 0, 0, G_OPTION_ARG_NONE, &o.single,
      "Press: no imposition, each copy's pages with bleed and TrimBox/BleedBox", NULL },
    { "calibration", 0, 0, G_OPTION_ARG_NONE, &o.calibration,
      "Only the one-sheet recto/verso test job: print it and hold it to the light", NULL },
    { "print", 0, 0, G_OPTION_ARG_STRING, &o.print, "Send the sheets to this CUPS queue", "QUEUE" },
    { "mono", 0, 0, G_OPTION_ARG_NONE, &o.mono, "Print in black and white", NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "Document date (default: SOURCE_DATE_EPOCH, else now)", "DATE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      "FILE", "Impose copies of a tract, or one copy per row of a CSV file, on sheets.", &o, own,
      G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  o.copies_given = o.copies != -1;
  if (!o.copies_given)
    o.copies = 0;
  return status ? status : run_batch (&o);
}
