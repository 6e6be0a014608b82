/* The options every subcommand shares, and their parsing. */
#include "roneo-cli-options.h"

#include <stdio.h>
#include <string.h>

void
roneo_cli_options_clear (RoneoCliOptions *o)
{
  g_free (o->layout);
  g_free (o->output);
  g_free (o->lang);
  g_free (o->date);
  g_free (o->bleed);
  g_free (o->size);
  g_free (o->sheet);
  g_free (o->overlap);
  g_free (o->printer_margin);
  g_free (o->sheets);
  g_free (o->manifest);
  g_free (o->text);
  g_free (o->distance);
  g_free (o->data);
  g_free (o->nup);
  g_free (o->profile);
  g_free (o->duplex);
  g_free (o->print);
  g_free (o->printer);
  g_free (o->sides);
  g_free (o->media);
  g_strfreev (o->fields);
  g_strfreev (o->files);
}

gboolean
roneo_cli_parse_png (const char *name, const char *value, gpointer data, GError **error)
{
  RoneoCliOptions *o = data;
  if (value == NULL)
    {
      o->png_dpi = RONEO_CLI_DEFAULT_PNG_DPI;
      return TRUE;
    }
  char *end = NULL;
  o->png_dpi = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || o->png_dpi < 10 || o->png_dpi > 1200)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--png takes a resolution between 10 and 1200 dpi, not '%s'"), value);
      return FALSE;
    }
  return TRUE;
}

static const GOptionEntry common_entries[] = {
  { "layout", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Layout name or .ini file (default: the copy's, else a5-flyer)"), N_ ("NAME|FILE") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Language of the copy, a tag like fr, fr-CA, en-GB, de-CH (default: the copy's, else fr)"),
    N_ ("LANG") },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Warnings are errors: write nothing"), NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, NULL, N_ ("Print errors only"), NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, NULL, N_ ("Say what is done"), NULL },
  { NULL },
};

static void
bind_common (GOptionEntry *entries, RoneoCliOptions *o)
{
  entries[0].arg_data = &o->layout;
  entries[1].arg_data = &o->lang;
  entries[2].arg_data = &o->strict;
  entries[3].arg_data = &o->quiet;
  entries[4].arg_data = &o->verbose;
}

GOptionContext *
roneo_cli_context_new (const char *usage, const char *summary, RoneoCliOptions *o,
                       const GOptionEntry *own, gsize n_own)
{
  GOptionContext *context = g_option_context_new (usage);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, RONEO_CLI_EXIT_CODES);
  /* GOption translates the summary, the exit codes and every entry with it */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  GOptionGroup *group = g_option_group_new ("roneo", "", "", o, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
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

int
roneo_cli_parse_args (GOptionContext *context, int argc, char **argv, RoneoCliOptions *o)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fprintf (stderr, _ ("roneo: %s (see 'roneo %s --help')\n"), error->message, argv[0]);
      return RONEO_ERROR_USAGE;
    }
  o->files = g_strdupv (args + 1);
  return 0;
}

int
roneo_cli_usage_error (const char *command, const char *message)
{
  fprintf (stderr, _ ("roneo: %s (see 'roneo %s --help')\n"), message, command);
  return RONEO_ERROR_USAGE;
}

static gboolean
option_fail (GError **error, const char *option, GError *cause)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE, "%s: %s", option, cause->message);
  g_error_free (cause);
  return FALSE;
}

/* --field name=value, each onto job. */
static gboolean
add_fields (RoneoJob *job, char **fields, GError **error)
{
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *equal = strchr (fields[i], '=');
      if (equal == NULL || equal == fields[i])
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_USAGE,
                       _ ("--field '%s': write it name=value, like ville=Albi"), fields[i]);
          return FALSE;
        }
      g_autofree char *name = g_strndup (fields[i], equal - fields[i]);
      roneo_job_add_field (job, name, equal + 1);
    }
  return TRUE;
}

gboolean
roneo_cli_set_bleed (RoneoJob *job, const char *text, GError **error)
{
  if (text == NULL)
    return TRUE;
  GError *cause = NULL;
  double bleed = 0;
  if (!roneo_length_parse_kind (text, RONEO_LENGTH_PAPER, &bleed, &cause)
      || !roneo_job_set_bleed (job, bleed, &cause))
    return option_fail (error, "--bleed", cause);
  return TRUE;
}

RoneoJob *
roneo_cli_job_new (RoneoJobKind kind, const RoneoCliOptions *o, GError **error)
{
  g_autoptr (RoneoJob) job = roneo_job_new (kind);
  GError *cause = NULL;
  if (o->files != NULL && o->files[0] != NULL)
    roneo_job_set_input_file (job, o->files[0]);
  if (o->output != NULL)
    roneo_job_set_output_file (job, o->output);
  roneo_job_set_layout (job, o->layout);
  if (!roneo_job_set_lang (job, o->lang, &cause))
    return option_fail (error, "--lang", cause), NULL;
  if (!add_fields (job, o->fields, error))
    return NULL;
  gint64 date = 0;
  if (o->date != NULL && !roneo_date_parse (o->date, &date, &cause))
    return option_fail (error, "--date", cause), NULL;
  if (o->date != NULL)
    roneo_job_set_date (job, date);
  roneo_job_set_strict (job, o->strict);
  roneo_job_set_force (job, o->force);
  roneo_job_set_proofs (job, o->png_dpi);
  return g_steal_pointer (&job);
}

RoneoResult *
roneo_cli_run (RoneoJob *job, const RoneoCliOptions *o, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  roneo_job_set_cancellable (job, cancellable);
  roneo_cli_catch_signals (cancellable);
  g_autoptr (RoneoEngine) engine = roneo_engine_new_for_program (NULL, &error);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  RoneoResult *result = engine ? roneo_engine_run (engine, job, warnings, &error) : NULL;
  roneo_cli_release_signals ();
  roneo_cli_print_warnings (warnings, o->quiet || (result == NULL && o->strict));
  *status = result ? 0 : roneo_cli_fail (error);
  return result;
}
