/* The flyer subcommands (flyer, check) and the listings (layouts, fonts). */
#include "roneo-cli-options.h"

#include <stdio.h>
#include <string.h>

/* Fills the parts of a job that the options decide. */
static gboolean
job_from_options (const RoneoCliOptions *o, RoneoFlyerJob *job, GError **error)
{
  job->input = o->files[0];
  job->output = o->output;
  job->fields = (const char *const *) o->fields;
  job->layout = o->layout;
  job->lang = o->lang;
  job->png_dpi = o->png_dpi;
  job->marks = o->marks;
  job->strict = o->strict;
  job->force = o->force;
  if (!roneo_cli_parse_lang (o->lang, &job->lang, error)
      || !roneo_cli_parse_bleed (o->bleed, &job->bleed, error))
    return FALSE;
  return roneo_cli_options_date (o, &job->date, error);
}

static int
run_job (const char *command, const RoneoCliOptions *o, gboolean dry_run)
{
  if (o->files == NULL || o->files[0] == NULL)
    return roneo_cli_usage_error (command, "no input file (give a file, or - for standard input)");
  if (o->files[1] != NULL)
    return roneo_cli_usage_error (command, "one input file at a time");
  const char *inputs[] = { o->files[0], o->layout ? o->layout : "", NULL };
  const char *output = o->output ? o->output : strcmp (o->files[0], "-") == 0 ? "-" : NULL;
  int refused = roneo_cli_check_stdin (command, inputs);
  if (refused || (!dry_run && (refused = roneo_cli_check_stdout (command, output))))
    return refused;
  g_autoptr (GError) error = NULL;
  RoneoFlyerJob job = { .dry_run = dry_run };
  if (!job_from_options (o, &job, &error))
    return roneo_cli_fail (error);
  job.cancel = roneo_cli_catch_signals ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    return roneo_cli_fail (error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoFlyerResult) result = { 0 };
  gboolean ok = roneo_engine_run_flyer (engine, &job, warnings, &result, &error);
  roneo_cli_release_signals ();
  roneo_cli_print_warnings (warnings, o->quiet || (!ok && o->strict));
  if (!ok)
    return roneo_cli_fail (error);
  if (o->dump)
    fputs (result.dump, stdout);
  double ms = (g_get_monotonic_time () - start) / 1000.0;
  if (dry_run)
    roneo_cli_note (o->quiet, "%s: fits on %u page%s of %s\n", job.input, result.pages,
                    result.pages > 1 ? "s" : "", result.layout_name);
  else
    roneo_cli_note (!o->verbose || o->quiet, "roneo: wrote %s (%u page%s, %s, %.0f ms)\n",
                    result.output, result.pages, result.pages > 1 ? "s" : "",
                    result.layout_name, ms);
  for (guint i = 0; result.proofs && i < result.proofs->len; i++)
    roneo_cli_note (!o->verbose || o->quiet, "roneo: wrote %s\n",
                    (const char *) g_ptr_array_index (result.proofs, i));
  return 0;
}

int
roneo_cli_flyer (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF there; - for standard output (default: FILE with .pdf)", "FILE" },
    { "png", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, roneo_cli_parse_png,
      "Also write PNG proofs beside the PDF (default 150 dpi)", "DPI" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "Document date, for the same bytes from the same input (default: SOURCE_DATE_EPOCH, "
      "else now)",
      "DATE" },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      "Fill {name} in the copy with value (repeat for each field)", "NAME=VALUE" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &o.bleed,
      "Bleed for a print shop, e.g. 3mm: the page grows, TrimBox/BleedBox are set", "LENGTH" },
    { "marks", 0, 0, G_OPTION_ARG_NONE, &o.marks, "Crop marks outside the trim", NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      "Replace a file at the output path even if it is not a PDF", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context
      = roneo_cli_context_new ("FILE", "Lay out tract copy (Markdown, or plain text) as a print-ready PDF.",
                     &o, own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_job ("flyer", &o, FALSE);
}

int
roneo_cli_check (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "dump", 0, 0, G_OPTION_ARG_NONE, &o.dump, "Print the composed pages (the page IR)", NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      "Fill {name} in the copy with value (repeat for each field)", "NAME=VALUE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      "FILE", "Preflight a tract: parse it, check the fonts, compose it; write nothing.", &o, own,
      G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_job ("check", &o, TRUE);
}

static int
run_listing (const char *command, int argc, char **argv, gboolean fonts)
{
  g_auto (RoneoCliOptions) o = { 0 };
  g_autoptr (GOptionContext) context
      = roneo_cli_context_new ("", fonts ? "Show what each Roneo font family resolves to."
                               : "List the layouts: name, trim size, kind, description.",
                     &o, NULL, 0);
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  if (status)
    return status;
  if (o.files[0] != NULL)
    return roneo_cli_usage_error (command, "this command takes no file");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    return roneo_cli_fail (error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autofree char *text = fonts ? roneo_engine_describe_fonts (engine)
                                : roneo_engine_describe_layouts (engine, warnings);
  fputs (text, stdout);
  roneo_cli_print_warnings (warnings, o.quiet);
  return 0;
}

int
roneo_cli_layouts (int argc, char **argv)
{
  return run_listing ("layouts", argc, argv, FALSE);
}

int
roneo_cli_fonts (int argc, char **argv)
{
  return run_listing ("fonts", argc, argv, TRUE);
}
