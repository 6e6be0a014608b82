/* roneo studio: serves the page on the loopback addresses until interrupted.
 *
 * The one line on standard output is the page's address with its token, so a
 * script (or the studio suite) can read it; everything else goes to stderr.
 * The studio itself is a module, opened here (roneo-studio.h): the one built
 * beside this copy of roneo, or the installed one.
 */
#include "roneo-cli.h"

#include "roneo-buildtree.h"
#include "roneo-studio.h"

#include <stdio.h>

/* The studio's functions, or NULL with the reason in error. The module
 * stays open until the process ends. */
static const RoneoStudioFunctions *
open_studio (GError **error)
{
  const char *path
      = roneo_running_from_build_tree () ? RONEO_STUDIO_BUILD_MODULE : RONEO_STUDIO_MODULE;
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  gpointer entry = NULL;
  if (module == NULL || !g_module_symbol (module, RONEO_STUDIO_ENTRY, &entry) || entry == NULL)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("the studio cannot be opened (%s): reinstall roneo"), g_module_error ());
      return NULL;
    }
  return ((const RoneoStudioFunctions *(*) (void) ) entry) ();
}

static void
open_browser (const char *url)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "xdg-open", url, NULL };
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, &error))
    fprintf (stderr, "%s%s\n", roneo_cli_prefix (),
             _ ("no browser opened (xdg-open is missing): open the address printed above"));
}

static int
serve (const char *folder, int port, gboolean no_open, gboolean quiet)
{
  if (port < 0 || port > 65535)
    return roneo_cli_usage_error ("studio", _ ("--port takes a number from 0 to 65535"));
  g_autoptr (GError) error = NULL;
  const RoneoStudioFunctions *f = open_studio (&error);
  RoneoStudio *studio = f != NULL ? f->new_studio (folder, (guint) port, &error) : NULL;
  if (studio == NULL)
    return roneo_cli_fail (error);
  printf ("%s\n", f->get_url (studio));
  fflush (stdout);
  roneo_cli_note (quiet, _ ("roneo: the studio serves the folder '%s'; Ctrl+C stops it\n"),
                  folder != NULL ? folder : ".");
  if (!no_open)
    open_browser (f->get_url (studio));
  f->run (studio);
  f->free_studio (studio);
  return 0;
}

int
roneo_cli_studio (int argc, char **argv)
{
  int port = 0;
  gboolean no_open = FALSE, quiet = FALSE;
  g_autofree char *folder = NULL;
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      N_ ("Port on 127.0.0.1 and ::1 (default 0: a free one)"), N_ ("N") },
    { "no-open", 0, 0, G_OPTION_ARG_NONE, &no_open, N_ ("Do not open the page in the browser"),
      NULL },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_ ("The folder whose files the page may open and save (default: the current one)"),
      N_ ("FOLDER") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Print errors only"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("");
  g_option_context_set_summary (
      context, N_ ("Serve a page on this machine to write, preview and print tracts and banners."));
  g_option_context_set_description (context, RONEO_CLI_EXIT_CODES);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fprintf (stderr, _ ("roneo: %s (see 'roneo %s --help')\n"), error->message, "studio");
      return RONEO_ERROR_USAGE;
    }
  if (args[1] != NULL)
    return roneo_cli_usage_error ("studio", _ ("this command takes no file"));
  return serve (folder, port, no_open, quiet);
}
