/* test-api-program.c: roneo_engine_new_for_program, as the roneo command
 * uses it. Its own process: it changes the process's fontconfig
 * configuration, which the other api programs must not see.
 */
#include "api-support.h"

#include <fontconfig/fontconfig.h>

/* The tract as a flyer with engine, to memory. Owned. */
static GBytes *
flyer_bytes (RoneoEngine *engine, GBytes *copy)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_bytes (job, copy, "tract-pompe-a-fric.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, API_DATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (engine, job, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Every font fontconfig's current configuration knows, as its files. */
static GPtrArray *
current_font_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  FcFontSet *set = FcConfigGetFonts (FcConfigGetCurrent (), FcSetSystem);
  FcFontSet *app = FcConfigGetFonts (FcConfigGetCurrent (), FcSetApplication);
  for (FcFontSet *s = set; s != NULL; s = s == set ? app : NULL)
    for (int i = 0; i < s->nfont; i++)
      {
        FcChar8 *file = NULL;
        if (FcPatternGetString (s->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
          g_ptr_array_add (files, g_strdup ((const char *) file));
      }
  return files;
}

/* The process's fontconfig is roneo's: Pango's start-up had no system
 * configuration to parse. Every font it knows is one of the folders
 * fonts.conf names (or the data folder's, or the user's), so a family the
 * system has and roneo does not (the URW fonts of ghostscript, say) is not
 * there. */
static void
test_current_config_is_roneos (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoEngine) engine = roneo_engine_new_for_program (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) files = current_font_files ();
  g_assert_cmpuint (files->len, >, 10);
  const char *const roneo_dirs[] = { "/usr/share/fonts/opentype/league-spartan/",
                                     "/usr/share/fonts/opentype/bebas-neue/",
                                     "/usr/share/fonts/opentype/linux-libertine/",
                                     "/usr/share/fonts/opentype/inter/",
                                     "/usr/share/fonts/truetype/noto/",
                                     "/usr/share/fonts/truetype/dejavu/" };
  const char *const *own = roneo_engine_get_font_dirs (engine);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      gboolean known = FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (roneo_dirs); k++)
        known |= g_str_has_prefix (file, roneo_dirs[k]);
      for (gsize k = 0; own[k] != NULL; k++)
        known |= g_str_has_prefix (file, own[k]);
      if (!known)
        g_error ("the process's fontconfig knows %s, which is none of roneo's fonts", file);
    }

  /* and the engine sets the same bytes as one that leaves fontconfig alone */
  g_autoptr (RoneoEngine) plain = roneo_engine_new (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) copy = api_read_case ("tract-pompe-a-fric.md");
  g_autoptr (GBytes) program_pdf = flyer_bytes (engine, copy);
  g_autoptr (GBytes) plain_pdf = flyer_bytes (plain, copy);
  g_assert_true (g_bytes_equal (program_pdf, plain_pdf));
  g_autoptr (PopplerDocument) doc = api_open_pdf (program_pdf);
  api_assert_pdf_has (doc, "pompe à fric");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/program/fontconfig", test_current_config_is_roneos);
  return g_test_run ();
}
