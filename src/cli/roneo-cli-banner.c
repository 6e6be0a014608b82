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
                         _ ("--printer-margin takes 1 to 4 lengths (top right bottom left)"));
          return FALSE;
        }
      n++;
    }
  static const guint pick[5][4]
      = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 } };
  if (n == 0)
    return parse_length_option ("--printer-margin", "", RONEO_LENGTH_PAPER, &given[0], error);
  for (guint i = 0; i < 4; i++)
    out[i] = given[pick[n][i]];
  return TRUE;
}

static gboolean
parse_size (const char *text, RoneoJob *job, GError **error)
{
  if (text == NULL)
    return TRUE;
  GError *cause = NULL;
  double width = 0, height = 0;
  if (!roneo_size_parse (text, &width, &height, &cause))
    return usage_fail (error, "--size", cause);
  if (width > 0 && height > 0)
    {
      roneo_job_set_banner_size (job, width, height);
      return TRUE;
    }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
               _ ("--size: '%s' is not a banner size (write width x height with a unit, like "
                  "300x90cm or 10x1.2m)"),
               text);
  return FALSE;
}

/* The lengths of the tiling: each option given replaces the layout's. */
static gboolean
set_lengths (const RoneoCliOptions *o, RoneoJob *job, GError **error)
{
  double overlap = -1, distance = 0;
  double margins[4] = { -1, -1, -1, -1 };
  if (!parse_size (o->size, job, error)
      || !parse_length_option ("--overlap", o->overlap, RONEO_LENGTH_PAPER, &overlap, error)
      || !parse_margins (o->printer_margin, margins, error)
      || !parse_length_option ("--distance", o->distance, RONEO_LENGTH_DISTANCE, &distance, error))
    return FALSE;
  roneo_job_set_overlap (job, overlap);
  roneo_job_set_printer_margins (job, margins[0], margins[1], margins[2], margins[3]);
  roneo_job_set_reading_distance (job, distance);
  return TRUE;
}

static RoneoJob *
job_from_options (const RoneoCliOptions *o, GError **error)
{
  g_autoptr (RoneoJob) job = roneo_cli_job_new (RONEO_JOB_BANNER, o, error);
  if (job == NULL)
    return NULL;
  if (o->text != NULL)
    {
      /* The slogan on the command line: messages say "--text:1:", and the
       * PDF goes where a banner.txt would put it. */
      g_autoptr (GBytes) text = g_bytes_new (o->text, strlen (o->text));
      roneo_job_set_input_bytes (job, text, "--text");
      if (o->output == NULL)
        roneo_job_set_output_file (job, o->whole ? "banner.pdf" : "banner-tiles.pdf");
    }
  if (o->max_sheets < 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, _ ("--max-sheets must be positive"));
      return NULL;
    }
  GError *cause = NULL;
  if (!roneo_job_set_sheet (job, o->sheet, &cause))
    return usage_fail (error, "--sheet", cause), NULL;
  roneo_job_set_max_sheets (job, (guint) o->max_sheets);
  roneo_job_set_sheet_selection (job, o->sheets);
  roneo_job_set_whole (job, o->whole);
  roneo_job_set_stencil (job, o->stencil);
  roneo_job_set_manifest_file (job, o->manifest);
  return set_lengths (o, job, error) ? g_steal_pointer (&job) : NULL;
}

/* "on 12 A4 sheets in 3 rows". Owned. */
static char *
sheets_in_rows (const RoneoResult *result)
{
  guint sheets = roneo_result_get_n_pages (result), rows = roneo_result_get_n_rows (result);
  /* TRANSLATORS: "on 12 A4 sheets", followed by " in 3 rows" */
  g_autofree char *on
      = g_strdup_printf (g_dngettext (NULL, "on %u %s sheet", "on %u %s sheets", sheets), sheets,
                         roneo_result_get_sheet_name (result));
  return g_strdup_printf (g_dngettext (NULL, "%s in %u row", "%s in %u rows", rows), on, rows);
}

static void
print_summary (const RoneoCliOptions *o, const RoneoResult *result)
{
  double cap_mm = roneo_result_get_cap_height (result) / RONEO_PT_PER_MM;
  double width = 0, height = 0;
  roneo_result_get_banner_size (result, &width, &height);
  g_autofree char *where = o->whole ? g_strdup (_ ("on one page")) : sheets_in_rows (result);
  roneo_cli_note (o->quiet,
                  _ ("roneo: banner %.0f x %.0f cm %s; capitals %.0f mm: read from %.0f m, "
                     "strike from %.0f m\n"),
                  width / RONEO_MM (10), height / RONEO_MM (10), where, cap_mm, cap_mm * 300 / 1000,
                  cap_mm * 120 / 1000);
  for (guint i = 0; i < roneo_result_get_n_pictures (result); i++)
    {
      double w = 0, h = 0, dpi = 0;
      const char *name = roneo_result_get_picture (result, i, NULL, &w, &h, &dpi);
      if (dpi > 0)
        roneo_cli_note (o->quiet, _ ("roneo: logo '%s' %.0f x %.0f cm at %.0f dpi\n"), name,
                        w / RONEO_MM (10), h / RONEO_MM (10), dpi);
      else
        roneo_cli_note (o->quiet, _ ("roneo: logo '%s' %.0f x %.0f cm, as vectors\n"), name,
                        w / RONEO_MM (10), h / RONEO_MM (10));
    }
  if (roneo_result_get_output_path (result) != NULL)
    roneo_cli_note (!o->verbose || o->quiet, _ ("roneo: wrote %s\n"),
                    roneo_result_get_output_path (result));
  for (guint i = 0; i < roneo_result_get_n_proofs (result); i++)
    if (roneo_result_get_proof_path (result, i) != NULL)
      roneo_cli_note (!o->verbose || o->quiet, _ ("roneo: wrote %s\n"),
                      roneo_result_get_proof_path (result, i));
}

static int
run_banner (const RoneoCliOptions *o)
{
  if ((o->files == NULL || o->files[0] == NULL) && o->text == NULL)
    return roneo_cli_usage_error ("banner", _ ("no slogan (give a file, - for standard input, "
                                               "or --text \"...\")"));
  if (o->files && o->files[0] && (o->files[1] != NULL || o->text != NULL))
    return roneo_cli_usage_error ("banner", _ ("one slogan at a time"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoJob) job = job_from_options (o, &error);
  if (job == NULL)
    return roneo_cli_fail (error);
  const char *input = o->text ? "" : o->files[0];
  const char *inputs[] = { input, o->layout ? o->layout : "", NULL };
  const char *output = o->output ? o->output : !o->text && strcmp (input, "-") == 0 ? "-" : NULL;
  int refused = roneo_cli_check_stdin ("banner", inputs);
  if (refused || (refused = roneo_cli_check_stdout ("banner", output)))
    return refused;
  int status = 0;
  g_autoptr (RoneoResult) result = roneo_cli_run (job, o, &status);
  if (result == NULL)
    return status;
  if (o->dump)
    fputs (roneo_result_get_dump (result), stdout);
  print_summary (o, result);
  return 0;
}

int
roneo_cli_banner (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_ ("Banner size, e.g. 300x90cm or 10x1.2m (default: the layout's)"), N_ ("WxH") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, N_ ("The slogan itself, instead of a file"),
      N_ ("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_ ("Write the PDF there; - for standard output (default: FILE-tiles.pdf)"), N_ ("FILE") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet, N_ ("Paper of the printer: A4, A3, Letter"),
      N_ ("PAPER") },
    { "overlap", 0, 0, G_OPTION_ARG_STRING, &o.overlap,
      N_ ("Strip glued under the neighbour (default 10mm)"), N_ ("LENGTH") },
    { "printer-margin", 0, 0, G_OPTION_ARG_STRING, &o.printer_margin,
      N_ ("What the printer cannot print: 5mm, or top right bottom left"), N_ ("LENGTHS") },
    { "max-sheets", 0, 0, G_OPTION_ARG_INT, &o.max_sheets,
      N_ ("The largest banner of these proportions that takes at most N sheets"), N_ ("N") },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, &o.sheets, N_ ("Only these sheets again, e.g. B07,C03"),
      N_ ("IDS") },
    { "whole", 0, 0, G_OPTION_ARG_NONE, &o.whole,
      N_ ("One page, the whole banner, for a print shop"), NULL },
    { "stencil", 0, 0, G_OPTION_ARG_NONE, &o.stencil,
      N_ ("Letter outlines only, to trace or paint a cloth banner"), NULL },
    { "manifest", 0, 0, G_OPTION_ARG_FILENAME, &o.manifest,
      N_ ("Describe every sheet in a JSON file"), N_ ("FILE") },
    { "png", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, roneo_cli_parse_png,
      N_ ("Also write PNG previews of the banner and the cover (default 150 dpi)"), N_ ("DPI") },
    { "distance", 0, 0, G_OPTION_ARG_STRING, &o.distance,
      N_ ("Warn when the capitals are too small to read from there, e.g. 20m"), N_ ("LENGTH") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_ ("Document date (default: SOURCE_DATE_EPOCH, else now)"), N_ ("DATE") },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &o.dump, N_ ("Print the banner page and the sheets (IR)"),
      NULL },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_ ("Fill {name} in the slogan with value (repeat for each field)"), N_ ("NAME=VALUE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      N_ ("Replace a file at the output path even if it is not a PDF"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      N_ ("[FILE]"),
      N_ ("Lay out a slogan as a banner, tiled across sheets a home printer can print."), &o, own,
      G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_banner (&o);
}
