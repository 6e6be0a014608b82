/* roneo print: a PDF sent to a CUPS queue, and the printing step of batches. */
#include "roneo-cli-print.h"

#include <stdio.h>
#include <string.h>

void
roneo_cli_say_print_state (const char *state, gpointer data)
{
  const RoneoCliOptions *o = data;
  roneo_cli_note (o->quiet || !o->verbose, _ ("roneo: print job %s\n"), state);
}

void
roneo_cli_say_printed (const RoneoCliOptions *o, const char *path, const char *queue, int job_id,
                       guint copies, RoneoDuplex sides)
{
  g_autofree char *count
      = g_strdup_printf (g_dngettext (NULL, "%u copy", "%u copies", copies), copies);
  roneo_cli_note (
      o->quiet, _ ("roneo: printed %s on '%s' (job %d, %s, %s)\n"), path, queue, job_id, count,
      sides != RONEO_DUPLEX_AUTO ? roneo_duplex_to_ipp (sides) : _ ("the queue's sides"));
}

static int
send (const RoneoCliOptions *o, const char *path, const char *queue, guint copies,
      RoneoDuplex sides, const char *media)
{
  g_autoptr (GError) error = NULL;
  int job_id = 0;
  if (!roneo_print_file (path, queue, copies, sides, media, !o->mono, roneo_cli_say_print_state,
                         (gpointer) o, &job_id, &error))
    return roneo_cli_fail (error);
  roneo_cli_say_printed (o, path, queue, job_id, copies, sides);
  return 0;
}

static int
run_print (const RoneoCliOptions *o)
{
  if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL)
    return roneo_cli_usage_error ("print", _ ("give one PDF to print"));
  if (o->printer == NULL)
    return roneo_cli_usage_error ("print", _ ("no --printer (list the queues with 'lpstat -p')"));
  RoneoDuplex sides = RONEO_DUPLEX_ONE_SIDED;
  if (o->copies < 0)
    return roneo_cli_usage_error ("print", _ ("--copies must be 1 or more"));
  if (o->sides != NULL && !roneo_duplex_from_ipp (o->sides, &sides))
    return roneo_cli_usage_error ("print", _ ("--sides takes one-sided, two-sided-long-edge or "
                                              "two-sided-short-edge"));
  return send (o, o->files[0], o->printer, o->copies > 0 ? (guint) o->copies : 1, sides, o->media);
}

int
roneo_cli_print (int argc, char **argv)
{
  g_auto (RoneoCliOptions) o = { 0 };
  const GOptionEntry own[] = {
    { "printer", 'P', 0, G_OPTION_ARG_STRING, &o.printer, N_ ("CUPS queue (see lpstat -p)"),
      N_ ("QUEUE") },
    { "copies", 'n', 0, G_OPTION_ARG_INT, &o.copies, N_ ("Copies (default 1)"), N_ ("N") },
    { "sides", 0, 0, G_OPTION_ARG_STRING, &o.sides,
      N_ ("one-sided, two-sided-long-edge or two-sided-short-edge"), N_ ("SIDES") },
    { "media", 0, 0, G_OPTION_ARG_STRING, &o.media, N_ ("Paper, e.g. iso_a4_210x297mm"),
      N_ ("MEDIA") },
    { "mono", 0, 0, G_OPTION_ARG_NONE, &o.mono, N_ ("Print in black and white"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = roneo_cli_context_new (
      N_ ("FILE.pdf"), N_ ("Send a PDF to a CUPS printer at actual size, and follow the job."), &o,
      own, G_N_ELEMENTS (own));
  int status = roneo_cli_parse_args (context, argc, argv, &o);
  return status ? status : run_print (&o);
}
