/* The subcommands: each is an option group over a RoneoFlyerJob. */
#include "roneo-cli.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_PNG_DPI 150.0

typedef struct
{
  char *layout;
  char *output;
  char *lang;
  char *date;
  char *bleed;
  double png_dpi;
  gboolean marks;
  gboolean strict;
  gboolean quiet;
  gboolean verbose;
  gboolean dump;
  char **files;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->layout);
  g_free (o->output);
  g_free (o->lang);
  g_free (o->date);
  g_free (o->bleed);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_png (const char *name, const char *value, gpointer data, GError **error)
{
  Options *o = data;
  if (value == NULL)
    {
      o->png_dpi = DEFAULT_PNG_DPI;
      return TRUE;
    }
  char *end = NULL;
  o->png_dpi = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || o->png_dpi < 10 || o->png_dpi > 1200)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--png takes a resolution between 10 and 1200 dpi, not '%s'", value);
      return FALSE;
    }
  return TRUE;
}

static const GOptionEntry common_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_STRING, NULL, "Layout name or .ini file (default: the copy's, "
    "else a5-flyer)", "NAME|FILE" },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL, "Language of the copy: fr, fr-CA, en, en-GB, de "
    "(default: the copy's, else fr)", "LANG" },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL, "Warnings are errors: write nothing", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, NULL, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, NULL, "Say what is done", NULL },
  { NULL },
};

static void
bind_common (GOptionEntry *entries, Options *o)
{
  entries[0].arg_data = &o->layout;
  entries[1].arg_data = &o->lang;
  entries[2].arg_data = &o->strict;
  entries[3].arg_data = &o->quiet;
  entries[4].arg_data = &o->verbose;
}

static GOptionContext *
context_new (const char *usage, const char *summary, Options *o, const GOptionEntry *own,
             gsize n_own)
{
  GOptionContext *context = g_option_context_new (usage);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, RONEO_CLI_EXIT_CODES);
  GOptionGroup *group = g_option_group_new ("roneo", "", "", o, NULL);
  GOptionEntry common[G_N_ELEMENTS (common_entries)];
  memcpy (common, common_entries, sizeof common);
  bind_common (common, o);
  g_option_group_add_entries (group, common);
  if (own != NULL)
    {
      g_autofree GOptionEntry *copy = g_memdup2 (own, sizeof (GOptionEntry) * n_own);
      g_option_group_add_entries (group, copy);
    }
  g_option_context_set_main_group (context, group);
  return context;
}

static int
parse_args (GOptionContext *context, int argc, char **argv, Options *o)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fprintf (stderr, "roneo: %s (see 'roneo %s --help')\n", error->message, argv[0]);
      return RONEO_ERROR_USAGE;
    }
  o->files = g_strdupv (args + 1);
  return 0;
}

static int
usage_error (const char *command, const char *message)
{
  fprintf (stderr, "roneo: %s (see 'roneo %s --help')\n", message, command);
  return RONEO_ERROR_USAGE;
}

/* Fills the parts of a job that the options decide. */
static gboolean
job_from_options (const Options *o, RoneoFlyerJob *job, GError **error)
{
  job->input = o->files[0];
  job->output = o->output;
  job->layout = o->layout;
  job->lang = o->lang;
  job->png_dpi = o->png_dpi;
  job->marks = o->marks;
  job->strict = o->strict;
  if (o->bleed != NULL && !roneo_length_parse (o->bleed, &job->bleed, error))
    {
      g_prefix_error (error, "--bleed: ");
      (*error)->code = RONEO_ERROR_USAGE;
      return FALSE;
    }
  if (job->bleed > RONEO_MM (20))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                   "--bleed %s is more than 20 mm; print shops ask for 2 to 5 mm", o->bleed);
      return FALSE;
    }
  return o->date ? roneo_date_parse (o->date, &job->date, error)
                 : roneo_default_date (&job->date, error);
}

static int
run_job (const char *command, const Options *o, gboolean dry_run)
{
  if (o->files == NULL || o->files[0] == NULL)
    return usage_error (command, "no input file (give a file, or - for standard input)");
  if (o->files[1] != NULL)
    return usage_error (command, "one input file at a time");
  g_autoptr (GError) error = NULL;
  RoneoFlyerJob job = { .dry_run = dry_run };
  if (!job_from_options (o, &job, &error))
    return roneo_cli_fail (error);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    return roneo_cli_fail (error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoFlyerResult) result = { 0 };
  gboolean ok = roneo_engine_run_flyer (engine, &job, warnings, &result, &error);
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
  g_auto (Options) o = { 0 };
  const GOptionEntry own[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF there; - for standard output (default: FILE with .pdf)", "FILE" },
    { "png", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_png,
      "Also write PNG proofs beside the PDF (default 150 dpi)", "DPI" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "Document date, for the same bytes from the same input (default: SOURCE_DATE_EPOCH, "
      "else now)", "DATE" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &o.bleed,
      "Bleed for a print shop, e.g. 3mm: the page grows, TrimBox/BleedBox are set", "LENGTH" },
    { "marks", 0, 0, G_OPTION_ARG_NONE, &o.marks, "Crop marks outside the trim", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context
      = context_new ("FILE", "Lay out tract copy (Markdown, or plain text) as a print-ready PDF.",
                     &o, own, G_N_ELEMENTS (own));
  int status = parse_args (context, argc, argv, &o);
  return status ? status : run_job ("flyer", &o, FALSE);
}

int
roneo_cli_check (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  const GOptionEntry own[] = {
    { "dump", 0, 0, G_OPTION_ARG_NONE, &o.dump, "Print the composed pages (the page IR)", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = context_new (
      "FILE", "Preflight a tract: parse it, check the fonts, compose it; write nothing.", &o, own,
      G_N_ELEMENTS (own));
  int status = parse_args (context, argc, argv, &o);
  return status ? status : run_job ("check", &o, TRUE);
}

static int
run_listing (const char *command, int argc, char **argv, gboolean fonts)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GOptionContext) context
      = context_new ("", fonts ? "Show what each Roneo font family resolves to."
                               : "List the layouts: name, trim size, kind, description.",
                     &o, NULL, 0);
  int status = parse_args (context, argc, argv, &o);
  if (status)
    return status;
  if (o.files[0] != NULL)
    return usage_error (command, "this command takes no file");
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
