/* embed.c: a program that makes a flyer with libroneo, the library behind
 * the roneo command.
 *
 *   cc embed.c -o embed $(pkg-config --cflags --libs roneo)
 *   ./embed            # writes tract.pdf in the current folder
 *   ./embed other.pdf  # writes other.pdf
 *   ./embed - > x.pdf  # writes the PDF to standard output
 *
 * It prints the warnings roneo had and the number of pages, and exits 0;
 * on failure it prints roneo's message and exits with roneo's error code
 * (2 for bad copy, 4 when it does not fit...: the roneo command's exit
 * codes). Every roneo function used here is declared, with what it does,
 * in roneo.h.
 */
#include <roneo.h>

#include <stdio.h>
#include <string.h>

/* The copy of the tract, as a user would write it in a .md file: front
 * matter (the part between the --- lines: settings), a headline, text, a
 * signature. {ville} is a field: the program fills it below. */
static const char tract[] = "---\n"
                            "title: Gardons nos guichets\n"
                            "lang: fr\n"
                            "---\n"
                            "\n"
                            "# Gardons nos guichets à {ville}\n"
                            "\n"
                            "Le bureau de poste du quartier ne doit pas fermer : tout le monde "
                            "n'a pas internet, et une démarche se fait mieux face à quelqu'un.\n"
                            "\n"
                            "Venez signer la pétition samedi matin, devant la mairie.\n"
                            "\n"
                            "-- Comité de quartier\n";

/* Prints what roneo said on the way: a warning does not stop a job (with
 * roneo_job_set_strict it would). */
static void
print_warnings (const RoneoWarnings *warnings)
{
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    {
      /* "tract.md:3: message": the position and the message; owned, so freed */
      char *said = roneo_warning_to_string (roneo_warnings_peek (warnings, i));
      fprintf (stderr, "warning: %s\n", said);
      g_free (said);
    }
}

int
main (int argc, char **argv)
{
  const char *output = argc > 1 ? argv[1] : "tract.pdf"; /* "-": standard output */
  gboolean to_stdout = strcmp (output, "-") == 0;
  /* Messages go where the PDF does not. */
  FILE *messages = to_stdout ? stderr : stdout;

  /* g_autoptr frees each object when the function returns, whatever the
   * path out: no roneo_..._free calls to forget. error receives what went
   * wrong (a GError: a domain, a code, a message). */
  g_autoptr (GError) error = NULL;

  /* The engine: the fonts and the layouts, loaded once; a program making
   * many PDFs keeps it. NULL: find the data where roneo was installed. */
  g_autoptr (RoneoEngine) engine = roneo_engine_new (NULL, &error);
  if (engine == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 1;
    }

  /* The job: what to make. The copy is given as bytes from memory (a
   * file would be roneo_job_set_input_file); its name is the one messages
   * use. The layout is the copy's, else a5-flyer. */
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = g_bytes_new_static (tract, strlen (tract));
  roneo_job_set_input_bytes (job, copy, "tract.md");
  roneo_job_add_field (job, "ville", "Saint-Affrique");
  /* A path ("-": standard output). roneo writes a temporary file and
   * renames it, so a failed job leaves no half-written PDF. A GOutputStream
   * (roneo_job_set_output_stream) would receive the PDF instead. */
  roneo_job_set_output_file (job, output);

  /* Run it. warnings collects what roneo has to say, even on failure. */
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = roneo_engine_run (engine, job, warnings, &error);
  print_warnings (warnings);
  if (result == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      /* RONEO_ERROR codes are the roneo command's exit codes; a job
       * setting that cannot be used (RONEO_JOB_ERROR) is 2, like bad input. */
      return error->domain == RONEO_ERROR ? error->code : 2;
    }

  guint pages = roneo_result_get_n_pages (result);
  fprintf (messages, "%s: %u page%s, layout %s\n", to_stdout ? "standard output" : output, pages,
           pages == 1 ? "" : "s", roneo_result_get_layout_name (result));
  return 0;
}
