/* roneo banner: a slogan laid out large and tiled across sheets. */
#include "roneo-cli-options.h"

#include <stdio.h>
#include <string.h>

static gboolean
usage_fail (GError **error, const char *option, GError *cause)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "%s: %s", option, cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
parse_length_option (const char *option, const char *text, RoneoLengthKind kind, double *out,
                     GError **error)
{
  GError *cause = NULL;
  if (text == NULL || roneo_length_parse_kind (text, kind, out, &cause))
    return TRUE;
  return usage_fail (error, option, cause);
}

/* "5mm" or "5mm 5mm 12mm 5mm" (top right bottom left, as CSS). */
static gboolean
parse_margins (const char *text, double out[4], GError **error)
{
  if (text == NULL)
    return TRUE;
  g_auto (GStrv) words = g_strsplit_set (text, " ,", -1);
  double given[4];
  guint n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == 4
          || !parse_length_option ("--printer-margin", words[i], RONEO_LENGTH_PAPER, &given[n],
                                   error))
        {
          if (n == 4)
            g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                         "--printer-margin takes 1 to 4 lengths (top right bottom left)");
          return FALSE;
        }
      n++;
    }
  static const guint pick[5][4] = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 },
                                    { 0, 1, 2, 3 } };
  if (n == 0)
    return parse_length_option ("--printer-margin", "", RONEO_LENGTH_PAPER, &given[0], error);
  for (guint i = 0; i < 4; i++)
    out[i] = given[pick[n][i]];
  return TRUE;
}

static gboolean
parse_size (const char *text, RoneoBannerJob *job, GError **error)
{
  if (text == NULL)
    return TRUE;
  GError *cause = NULL;
  if (!roneo_size_parse (text, &job->width, &job->height, &cause))
    return usage_fail (error, "--size", cause);
  if (job->width > 0 && job->height > 0)
    return TRUE;
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
               "--size: '%s' is not a banner size (write width x height with a unit, like "
               "300x90cm or 10x1.2m)",
               text);
  return FALSE;
}

static gboolean
job_from_options (const RoneoCliOptions *o, RoneoBannerJob *job, GError **error)
{
  job->input = o->files && o->files[0] ? o->files[0] : "-";
  job->text = o->text;
  job->fields = (const char *const *) o->fields;
  job->output = o->output;
  job->layout = o->layout;
  job->lang = o->lang;
  job->sheet = o->sheet;
  job->sheets = o->sheets;
  job->whole = o->whole;
  job->stencil = o->stencil;
  job->manifest = o->manifest;
  job->png_dpi = o->png_dpi;
  job->strict = o->strict;
  job->force = o->force;
  job->overlap = -1;
  for (guint i = 0; i < 4; i++)
    job->printer_margin[i] = -1;
  if (o->max_sheets < 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "--max-sheets must be positive");
      return FALSE;
    }
  job->max_sheets = (guint) o->max_sheets;
  if (!roneo_cli_parse_lang (o->lang, &job->lang, error) || !parse_size (o->size, job, error)
      || !parse_length_option ("--overlap", o->overlap, RONEO_LENGTH_PAPER, &job->overlap, error)
      || !parse_margins (o->printer_margin, job->printer_margin, error)
      || !parse_length_option ("--distance", o->distance, RONEO_LENGTH_DISTANCE, &job->distance,
                               error))
    return FALSE;
  return roneo_cli_options_date (o, &job->date, error);
}

static void
print_summary (const RoneoCliOptions *o, const RoneoBannerJob *job,
               const RoneoBannerResult *result)
{
  double cap_mm = result->cap_height / RONEO_PT_PER_MM;
  g_autofree char *where
      = job->whole ? g_strdup ("on one page")
                   : g_strdup_printf ("on %u %s sheets in %u rows", result->sheets,
                                      result->sheet_name, result->rows);
  roneo_cli_note (o->quiet, "roneo: banner %.0f x %.0f cm %s; capitals %.0f mm: read from %.0f m, "
                  "strike from %.0f m\n",
                  result->width / RONEO_MM (10), result->height / RONEO_MM (10), where, cap_mm,
                  cap_mm * 300 / 1000, cap_mm * 120 / 1000);
  if (result->output != NULL)
    roneo_cli_note (!o->verbose || o->quiet, "roneo: wrote %s\n", result->output);
  for (guint i = 0; result->proofs && i < result->proofs->len; i++)
    roneo_cli_note (!o->verbose || o->quiet, "roneo: wrote %s\n",
                    (const char *) g_ptr_array_index (result->proofs, i));
}

static int
run_banner (const RoneoCliOptions *o, gboolean dry_run)
{
  if ((o->files == NULL || o->files[0] == NULL) && o->text == NULL)
    return roneo_cli_usage_error ("banner", "no slogan (give a file, - for standard input, "
                                            "or --text \"...\")");
  if (o->files && o->files[0] && (o->files[1] != NULL || o->text != NULL))
    return roneo_cli_usage_error ("banner", "one slogan at a time");
  g_autoptr (GError) error = NULL;
  RoneoBannerJob job = { .dry_run = dry_run };
  if (!job_from_options (o, &job, &error))
    return roneo_cli_fail (error);
  const char *inputs[] = { o->text ? "" : job.input, o->layout ? o->layout : "", NULL };
  const char *output = o->output                                  ? o->output
                       : !o->text && strcmp (job.input, "-") == 0 ? "-"
                                                                  : NULL;
  int refused = roneo_cli_check_stdin ("banner", inputs);
  if (refused || (!dry_run && (refused = roneo_cli_check_stdout ("banner", output))))
    return refused;
  job.cancel = roneo_cli_catch_signals ();
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    return roneo_cli_fail (error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_auto (RoneoBannerResult) result = { 0 };
  gboolean ok = roneo_engine_run_banner (engine, &job, warnings, &result, &error);
  roneo_cli_release_signals ();
  roneo_cli_print_warnings (warnings, o->quiet || (!ok && o->strict));
  if (!ok)
    return roneo_cli_fail (error);
  if (o->dump)
    fputs (result.dump, stdout);
  print_summary (o, &job, &result);
  return 0;
}

int
roneo_cli_banner (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      "Banner size, e.g. 300x90cm or 10x1.2m (default: the layout's)", "WxH" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, "The slogan itself, instead of a file", "TEXT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the PDF there; - for standard output (default: FILE-tiles.pdf)", "FILE" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet, "Paper of the printer: A4, A3, Letter",
      "PAPER" },
    { "overlap", 0, 0, G_OPTION_ARG_STRING, &o.overlap,
      "Strip glued under the neighbour (default 10mm)", "LENGTH" },
    { "printer-margin", 0, 0, G_OPTION_ARG_STRING, &o.printer_margin,
      "What the printer cannot print: 5mm, or top right bottom left", "LENGTHS" },
    { "max-sheets", 0, 0, G_OPTION_ARG_INT, &o.max_sheets,
      "The largest banner of these proportions that takes at most N sheets", "N" },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, &o.sheets, "Only these sheets again, e.g. B07,C03",
      "IDS" },
    { "whole", 0, 0, G_OPTION_ARG_NONE, &o.whole, "One page, the whole banner, for a print shop",
      NULL },
    { "stencil", 0, 0, G_OPTION_ARG_NONE, &o.stencil,
      "Letter outlines only, to trace or paint a cloth banner", NULL },
    { "manifest", 0, 0, G_OPTION_ARG_FILENAME, &o.manifest, "Describe every sheet in a JSON file",
      "FILE" },
    { "png", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, roneo_cli_parse_png,
      "Also write PNG previews of the banner and the cover (default 150 dpi)", "DPI" },
    { "distance", 0, 0, G_OPTION_ARG_STRING, &o.distance,
      "Warn when the capitals are too small to read from there, e.g. 20m", "LENGTH" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "Document date (default: SOURCE_DATE_EPOCH, else now)", "DATE" },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &o.dump, "Print the banner page and the sheets (IR)", NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      "Fill {name} in the slogan with value (repeat for each field)", "NAME=VALUE" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      "Replace a file at the output path even if it is not a PDF", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      "[FILE]", "Lay out a slogan as a banner, tiled across sheets a home printer can print.",
      &o, own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_banner (&o, FALSE);
}
