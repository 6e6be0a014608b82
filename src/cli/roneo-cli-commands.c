/* The flyer subcommands (flyer, check) and the listings (layouts, fonts). */
#include "roneo-cli-options.h"

#include <stdio.h>
#include <string.h>

/* What check says of each picture: how large it prints and, for a bitmap,
 * at what resolution (the advice and warnings say when it is too soft). */
static void
report_pictures (const RoneoCliOptions *o, const RoneoResult *result)
{
  for (guint i = 0; i < roneo_result_get_n_pictures (result); i++)
    {
      guint page = 0;
      double width = 0, height = 0, dpi = 0;
      const char *name = roneo_result_get_picture (result, i, &page, &width, &height, &dpi);
      if (dpi > 0)
        roneo_cli_note (o->quiet, _ ("%s: page %u: '%s' prints %.0f x %.0f mm at %.0f dpi\n"),
                        o->files[0], page, name, width / RONEO_PT_PER_MM, height / RONEO_PT_PER_MM,
                        dpi);
      else
        roneo_cli_note (o->quiet, _ ("%s: page %u: '%s' prints %.0f x %.0f mm, as vectors\n"),
                        o->files[0], page, name, width / RONEO_PT_PER_MM, height / RONEO_PT_PER_MM);
    }
}

static void
report (const RoneoCliOptions *o, const RoneoResult *result, gboolean dry_run, double ms)
{
  guint pages = roneo_result_get_n_pages (result);
  const char *layout = roneo_result_get_layout_name (result);
  if (dry_run)
    {
      roneo_cli_note (
          o->quiet,
          g_dngettext (NULL, "%s: fits on %u page of %s\n", "%s: fits on %u pages of %s\n", pages),
          o->files[0], pages, layout);
      /* A placard is judged by the distance it reads from (d/300, TYPOGRAPHY.md). */
      double cap_mm = roneo_result_get_cap_height (result) / RONEO_PT_PER_MM;
      if (cap_mm > 0)
        roneo_cli_note (o->quiet, _ ("%s: capitals %.0f mm: read from %.0f m\n"), o->files[0],
                        cap_mm, cap_mm * 300 / 1000);
      report_pictures (o, result);
    }
  else
    roneo_cli_note (!o->verbose || o->quiet,
                    g_dngettext (NULL, "roneo: wrote %s (%u page, %s, %.0f ms)\n",
                                 "roneo: wrote %s (%u pages, %s, %.0f ms)\n", pages),
                    roneo_result_get_output_path (result), pages, layout, ms);
  for (guint i = 0; i < roneo_result_get_n_proofs (result); i++)
    if (roneo_result_get_proof_path (result, i) != NULL)
      roneo_cli_note (!o->verbose || o->quiet, _ ("roneo: wrote %s\n"),
                      roneo_result_get_proof_path (result, i));
}

static int
run_job (const char *command, const RoneoCliOptions *o, gboolean dry_run)
{
  if (o->files == NULL || o->files[0] == NULL)
    return roneo_cli_usage_error (command,
                                  _ ("no input file (give a file, or - for standard input)"));
  if (o->files[1] != NULL)
    return roneo_cli_usage_error (command, _ ("one input file at a time"));
  const char *inputs[] = { o->files[0], o->layout ? o->layout : "", NULL };
  const char *output = o->output ? o->output : strcmp (o->files[0], "-") == 0 ? "-" : NULL;
  int refused = roneo_cli_check_stdin (command, inputs);
  if (refused || (!dry_run && (refused = roneo_cli_check_stdout (command, output))))
    return refused;
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoJob) job = roneo_cli_job_new (RONEO_JOB_FLYER, o, &error);
  if (job == NULL || !roneo_cli_set_bleed (job, o->bleed, &error))
    return roneo_cli_fail (error);
  roneo_job_set_marks (job, o->marks);
  roneo_job_set_dry_run (job, dry_run);
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  g_autoptr (RoneoResult) result = roneo_cli_run (job, o, &status);
  if (result == NULL)
    return status;
  if (o->dump)
    fputs (roneo_result_get_dump (result), stdout);
  report (o, result, dry_run, (g_get_monotonic_time () - start) / 1000.0);
  return 0;
}

int
roneo_cli_flyer (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_ ("Write the PDF there; - for standard output (default: FILE with .pdf)"), N_ ("FILE") },
    { "png", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, roneo_cli_parse_png,
      N_ ("Also write PNG proofs beside the PDF (default 150 dpi)"), N_ ("DPI") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_ ("Document date, for the same bytes from the same input (default: SOURCE_DATE_EPOCH, "
          "else now)"),
      N_ ("DATE") },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_ ("Fill {name} in the copy with value (repeat for each field)"), N_ ("NAME=VALUE") },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &o.bleed,
      N_ ("Bleed for a print shop, e.g. 3mm: the page grows, TrimBox/BleedBox are set"),
      N_ ("LENGTH") },
    { "marks", 0, 0, G_OPTION_ARG_NONE, &o.marks, N_ ("Crop marks outside the trim"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      N_ ("Replace a file at the output path even if it is not a PDF"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      N_ ("FILE"), N_ ("Lay out tract copy (Markdown, or plain text) as a print-ready PDF."), &o,
      own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_job ("flyer", &o, FALSE);
}

int
roneo_cli_check (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "dump", 0, 0, G_OPTION_ARG_NONE, &o.dump, N_ ("Print the composed pages (the page IR)"),
      NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_ ("Fill {name} in the copy with value (repeat for each field)"), N_ ("NAME=VALUE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      N_ ("FILE"), N_ ("Preflight a tract: parse it, check the fonts, compose it; write nothing."),
      &o, own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_job ("check", &o, TRUE);
}

static int
run_listing (const char *command, int argc, char **argv, gboolean fonts)
{
  g_auto (RoneoCliOptions) o = { 0 };
  g_autoptr (GOptionContext) context
      = roneo_cli_context_new ("",
                               fonts ? N_ ("Show what each Roneo font family resolves to.")
                                     : N_ ("List the layouts: name, trim size, kind, description."),
                               &o, NULL, 0);
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  if (status)
    return status;
  if (o.files[0] != NULL)
    return roneo_cli_usage_error (command, _ ("this command takes no file"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) engine = roneo_engine_new_for_program (NULL, &error);
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
