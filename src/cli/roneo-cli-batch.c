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
  fputc ('\r', stderr);
  fprintf (stderr, _ ("roneo: [%s] sheet %u of %u"), bar, done, total);
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
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, _ ("%s takes %s, not '%s'"), option, list,
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
               _ ("--nup takes auto or a number of copies per sheet, not '%s'"), text);
  return FALSE;
}

static gboolean
usage_fail (GError **error, const char *option, GError *cause)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "%s: %s", option, cause->message);
  g_error_free (cause);
  return FALSE;
}

/* What is a batch's own: copies, data, imposition, printing. */
static gboolean
set_batch (const RoneoCliOptions *o, RoneoJob *job, GError **error)
{
  static const char *const profiles[] = { "office", "press", NULL };
  static const char *const duplexes[] = { "auto", "long", "short", NULL };
  static const RoneoDuplex edges[]
      = { RONEO_DUPLEX_AUTO, RONEO_DUPLEX_LONG_EDGE, RONEO_DUPLEX_SHORT_EDGE };
  int profile = 0, duplex = 0;
  guint nup = 0;
  if (o->copies < 0 || (o->copies == 0 && o->copies_given))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, _ ("--copies must be 1 or more"));
      return FALSE;
    }
  if ((o->profile && !parse_choice ("--profile", o->profile, profiles, &profile, error))
      || (o->duplex && !parse_choice ("--duplex", o->duplex, duplexes, &duplex, error))
      || !parse_nup (o->nup, &nup, error) || !roneo_cli_set_bleed (job, o->bleed, error))
    return FALSE;
  GError *cause = NULL;
  if (!roneo_job_set_sheet (job, o->sheet, &cause))
    return usage_fail (error, "--sheet", cause);
  if (o->copies > 0 && !roneo_job_set_copies (job, (guint) o->copies, error))
    return FALSE;
  roneo_job_set_data_file (job, o->data);
  roneo_job_set_nup (job, nup);
  roneo_job_set_profile (job, profile == 1 ? RONEO_PROFILE_PRESS : RONEO_PROFILE_OFFICE);
  roneo_job_set_duplex (job, edges[duplex]);
  roneo_job_set_calibration (job, o->calibration);
  roneo_job_set_single (job, o->single);
  if (o->print != NULL)
    {
      roneo_job_set_printer (job, o->print, !o->mono);
      roneo_job_set_print_progress (job, roneo_cli_say_print_state, (gpointer) o);
    }
  if (!o->quiet && isatty (STDERR_FILENO))
    roneo_job_set_progress (job, show_progress, NULL);
  return TRUE;
}

static void
report (const RoneoCliOptions *o, const RoneoResult *result)
{
  const char *output = roneo_result_get_output_path (result);
  const char *where = o->print && !o->output      ? _ ("job")
                      : strcmp (output, "-") == 0 ? _ ("standard output")
                                                  : output;
  const char *imposition = roneo_result_get_imposition (result);
  if (o->calibration)
    {
      roneo_cli_note (o->quiet, _ ("roneo: %s: the calibration sheet, recto/verso (%s)\n"), where,
                      imposition);
      return;
    }
  guint records = roneo_result_get_n_records (result);
  guint sheets = roneo_result_get_n_pages (result);
  gboolean two_sided = roneo_result_get_sides (result) != RONEO_DUPLEX_ONE_SIDED;
  /* TRANSLATORS: "200 copies", then " on 100 sheets" */
  g_autofree char *copies
      = g_strdup_printf (g_dngettext (NULL, "%u copy", "%u copies", records), records);
  g_autofree char *on
      = g_strdup_printf (g_dngettext (NULL, "on %u sheet", "on %u sheets", sheets), sheets);
  roneo_cli_note (o->quiet, "%s%s: %s %s%s (%s)\n", roneo_cli_prefix (), where, copies, on,
                  two_sided ? _ (" recto/verso") : "", imposition);
  if (o->print != NULL)
    roneo_cli_say_printed (o, output, o->print, roneo_result_get_print_job (result),
                           roneo_result_get_print_copies (result), roneo_result_get_sides (result));
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

static int
run_job (const RoneoCliOptions *o, RoneoJob *job)
{
  int status = 0;
  g_autoptr (RoneoResult) result = roneo_cli_run (job, o, &status);
  if (result == NULL)
    return status;
  report (o, result);
  return 0;
}

static int
run_batch (RoneoCliOptions *o)
{
  if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL)
    return roneo_cli_usage_error ("batch", _ ("give one tract or template file"));
  const char *inputs[] = { o->files[0], o->layout ? o->layout : "", o->data ? o->data : "", NULL };
  const char *output = o->output ? o->output : strcmp (o->files[0], "-") == 0 ? "-" : NULL;
  int refused = roneo_cli_check_stdin ("batch", inputs);
  if (refused || (refused = roneo_cli_check_stdout ("batch", output)))
    return refused;
  if (o->print != NULL && g_strcmp0 (o->output, "-") == 0)
    return roneo_cli_usage_error ("batch", _ ("--print sends a file: give -o FILE, or no -o"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoJob) job = roneo_cli_job_new (RONEO_JOB_BATCH, o, &error);
  if (job == NULL || !set_batch (o, job, &error))
    return roneo_cli_fail (error);
  char *temporary = print_only_path (o);
  if (temporary != NULL)
    roneo_job_set_output_file (job, temporary);
  int status = run_job (o, job);
  remove_print_only (temporary);
  return status;
}

int
roneo_cli_batch (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  o.copies = -1;
  const GOptionEntry own[] = {
    { "copies", 'n', 0, G_OPTION_ARG_INT, &o.copies, N_ ("Copies of the tract, or of each row"),
      N_ ("N") },
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &o.data,
      N_ ("One copy per row of this CSV file (- for standard input), its {fields} filled in"),
      N_ ("CSV") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_ ("Write the PDF there; - for standard output (default: FILE-batch.pdf)"), N_ ("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      N_ ("Replace a file at the output path even if it is not a PDF"), NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_ ("Without --data: fill {name} with value (repeat for each field)"), N_ ("NAME=VALUE") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet, N_ ("Paper: A4 (default), A3, SRA3..."),
      N_ ("PAPER") },
    { "nup", 0, 0, G_OPTION_ARG_STRING, &o.nup, N_ ("Copies per sheet: auto (default) or a number"),
      N_ ("N") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &o.profile,
      N_ ("office (default: photocopier, butt cuts) or press (bleed, crop marks)"),
      N_ ("PROFILE") },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &o.bleed,
      N_ ("Bleed for the press profile (default 3mm)"), N_ ("LENGTH") },
    { "duplex", 0, 0, G_OPTION_ARG_STRING, &o.duplex,
      N_ ("Edge the paper turns on for recto/verso: auto (default), long or short"), N_ ("EDGE") },
    { "single", 0, 0, G_OPTION_ARG_NONE, &o.single,
      N_ ("Press: no imposition, each copy's pages with bleed and TrimBox/BleedBox"), NULL },
    { "calibration", 0, 0, G_OPTION_ARG_NONE, &o.calibration,
      N_ ("Only the one-sheet recto/verso test job: print it and hold it to the light"), NULL },
    { "print", 0, 0, G_OPTION_ARG_STRING, &o.print, N_ ("Send the sheets to this CUPS queue"),
      N_ ("QUEUE") },
    { "mono", 0, 0, G_OPTION_ARG_NONE, &o.mono, N_ ("Print in black and white"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_ ("Document date (default: SOURCE_DATE_EPOCH, else now)"), N_ ("DATE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      N_ ("FILE"), N_ ("Impose copies of a tract, or one copy per row of a CSV file, on sheets."),
      &o, own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  o.copies_given = o.copies != -1;
  if (!o.copies_given)
    o.copies = 0;
  return status ? status : run_batch (&o);
}
