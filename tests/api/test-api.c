/* test-api.c: roneo as a program embedding it uses it (roneo.h): flyers,
 * banners and batches from bytes to streams, read back with poppler; the
 * errors and warnings it hands back.
 */
#include "api-support.h"

#include <string.h>
#include <unistd.h>

#define A5_WIDTH 419.53 /* pt: the default layout, a5-flyer */
#define A5_HEIGHT 595.28

static const char flyer_copy[]
    = "# Sauvons nos guichets\n"
      "\n"
      "Le bureau de poste du quartier ferme le samedi matin. Venez signer la pétition "
      "à la mairie, avec vos voisins.\n";

static GBytes *
string_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

/* A flyer of flyer_copy, to stream. */
static RoneoJob *
flyer_job (GOutputStream *stream)
{
  RoneoJob *job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes (flyer_copy);
  roneo_job_set_input_bytes (job, copy, "guichets.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, API_DATE);
  return job;
}

static RoneoResult *
run_ok (const RoneoJob *job, RoneoWarnings *warnings)
{
  g_autoptr (GError) error = NULL;
  RoneoResult *result = roneo_engine_run (api_engine (), job, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_flyer_to_memory (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = flyer_job (stream);
  g_autoptr (RoneoResult) result = run_ok (job, NULL);
  g_assert_null (roneo_result_get_output_path (result));
  g_assert_cmpstr (roneo_result_get_layout_name (result), ==, "a5-flyer");

  g_autoptr (GBytes) pdf = api_memory_bytes (stream);
  g_autoptr (PopplerDocument) doc = api_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, roneo_result_get_n_pages (result));
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      double width = 0, height = 0;
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, A5_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (height, A5_HEIGHT, 0.01);
    }
  static const char *const words[]
      = { "Sauvons nos guichets", "bureau de poste", "pétition", "voisins" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    api_assert_pdf_has (doc, words[i]);
}

static void
assert_png (GBytes *png)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (png, &length);
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
}

/* Proofs of a flyer to a stream are bytes in the result, and no file: not
 * in the current folder (where a CLI would put them), not in the temporary
 * folder (where the PDF waits before it goes to the stream). */
static void
test_flyer_proofs_in_memory (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *scratch = api_make_dir ();
  g_assert_cmpint (chdir (scratch), ==, 0);
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = flyer_job (stream);
  roneo_job_set_proofs (job, 30);
  g_autoptr (RoneoResult) result = run_ok (job, NULL);
  g_assert_cmpint (chdir (cwd), ==, 0);

  guint pages = roneo_result_get_n_pages (result);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (roneo_result_get_n_proofs (result), ==, pages);
  for (guint i = 0; i < pages; i++)
    {
      assert_png (roneo_result_get_proof (result, i));
      g_assert_null (roneo_result_get_proof_path (result, i));
    }
  api_assert_left_nothing (scratch);
}

/* The pictures a flyer prints, with their size: a QR code is a vector,
 * 25 mm wide in the default layout. */
static void
test_flyer_pictures (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes ("# Pétition\n\nSignez-la en ligne.\n\n"
                                          "![qr](https://exemple.org/petition)\n");
  roneo_job_set_input_bytes (job, copy, "qr.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_dry_run (job, TRUE);
  g_autoptr (RoneoResult) result = run_ok (job, NULL);
  g_assert_cmpuint (roneo_result_get_n_pictures (result), ==, 1);
  guint page = 0;
  double width = 0, height = 0, dpi = -1;
  const char *name = roneo_result_get_picture (result, 0, &page, &width, &height, &dpi);
  g_assert_cmpstr (name, ==, "https://exemple.org/petition");
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, 25 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (height, width, 0.01);
  g_assert_cmpfloat (dpi, ==, 0);
}

/* A preview: a dry run with proofs gives the PNGs, and writes no PDF nor
 * PNG, not even beside a copy read from a file. */
static void
test_dry_run_proofs (void)
{
  g_autofree char *scratch = api_make_dir ();
  g_autofree char *copy = g_build_filename (scratch, "guichets.md", NULL);
  g_assert_true (g_file_set_contents (copy, flyer_copy, -1, NULL));
  g_autoptr (RoneoJob) flyer = roneo_job_new (RONEO_JOB_FLYER);
  roneo_job_set_input_file (flyer, copy);
  roneo_job_set_dry_run (flyer, TRUE);
  roneo_job_set_proofs (flyer, 30);
  g_autoptr (RoneoResult) result = run_ok (flyer, NULL);
  g_assert_cmpuint (roneo_result_get_n_proofs (result), ==, roneo_result_get_n_pages (result));
  for (guint i = 0; i < roneo_result_get_n_proofs (result); i++)
    {
      assert_png (roneo_result_get_proof (result, i));
      g_assert_null (roneo_result_get_proof_path (result, i));
    }
  /* a banner: its whole and its cover, the grid of sheets */
  g_autoptr (RoneoJob) banner = roneo_job_new (RONEO_JOB_BANNER);
  g_autoptr (GBytes) slogan = string_bytes ("Logement digne");
  roneo_job_set_input_bytes (banner, slogan, "slogan.txt");
  roneo_job_set_dry_run (banner, TRUE);
  roneo_job_set_proofs (banner, 30);
  g_autoptr (RoneoResult) tiles = run_ok (banner, NULL);
  g_assert_cmpuint (roneo_result_get_n_proofs (tiles), ==, 2);
  assert_png (roneo_result_get_proof (tiles, 1));
  /* a batch: its first sheets, however many copies (A5 2-up on A4) */
  g_autoptr (RoneoJob) batch = roneo_job_new (RONEO_JOB_BATCH);
  roneo_job_set_input_file (batch, copy);
  roneo_job_set_dry_run (batch, TRUE);
  roneo_job_set_proofs (batch, 20);
  g_assert_true (roneo_job_set_copies (batch, 400, NULL));
  g_autoptr (RoneoResult) sheets = run_ok (batch, NULL);
  g_assert_cmpuint (roneo_result_get_n_pages (sheets), ==, 200);
  g_assert_cmpuint (roneo_result_get_n_proofs (sheets), ==, 4);
  assert_png (roneo_result_get_proof (sheets, 3));
  /* one per row of a CSV file: the first rows' sheets */
  g_autoptr (RoneoJob) rows = roneo_job_new (RONEO_JOB_BATCH);
  g_autoptr (GBytes) invitation = api_read_case ("tract-modele.md");
  g_autoptr (GBytes) villes = api_read_case ("villes.csv");
  roneo_job_set_input_bytes (rows, invitation, "invitation.md");
  roneo_job_set_data_bytes (rows, villes, "villes.csv");
  roneo_job_set_dry_run (rows, TRUE);
  roneo_job_set_proofs (rows, 20);
  g_autoptr (RoneoResult) filled = run_ok (rows, NULL);
  g_assert_cmpuint (roneo_result_get_n_proofs (filled), >=, 1);
  g_assert_cmpuint (roneo_result_get_n_proofs (filled), <=, 4);
  /* the fields the CSV file gives, as it writes them; none without one */
  g_autofree char *fields = g_strjoinv (",", (char **) roneo_result_get_fields (filled));
  g_assert_cmpstr (fields, ==, "ville,date,heure,lieu");
  g_assert_null (roneo_result_get_fields (sheets));
  g_autofree char *left = api_list_dir (scratch);
  g_assert_cmpstr (left, ==, "guichets.md");
  api_remove_dir (scratch);
}

static GError *
run_in_folder (const char *folder, const char *copy_text)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes (copy_text);
  g_autofree char *name = g_build_filename (folder, "tract.md", NULL);
  roneo_job_set_input_bytes (job, copy, name);
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, API_DATE);
  roneo_job_set_folder (job, folder);
  GError *error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (api_engine (), job, NULL, &error);
  g_assert_true ((result == NULL) == (error != NULL));
  return error;
}

/* A job confined to a folder reads a picture in it, and refuses one outside
 * it, by .., by an absolute path or by a link, at its line. */
static void
test_folder_pictures (void)
{
  g_autofree char *folder = api_make_dir ();
  g_autofree char *outside = api_make_dir ();
  g_autoptr (GBytes) png = api_read_case ("images/logo.png");
  g_autofree char *inside_png = g_build_filename (folder, "logo.png", NULL);
  g_autofree char *outside_png = g_build_filename (outside, "logo.png", NULL);
  g_autofree char *link = g_build_filename (folder, "link.png", NULL);
  g_assert_true (
      g_file_set_contents (inside_png, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (outside_png, g_bytes_get_data (png, NULL),
                                      g_bytes_get_size (png), NULL));
  g_assert_cmpint (symlink (outside_png, link), ==, 0);
  g_autoptr (GError) fine = run_in_folder (folder, "# Titre\n\n![logo](logo.png)\n\nTexte.\n");
  g_assert_no_error (fine);
  g_autofree char *base = g_path_get_basename (outside);
  g_autofree char *up = g_strdup_printf ("../%s/logo.png", base);
  const char *const refused[] = { up, outside_png, "link.png" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *text = g_strdup_printf ("# Titre\n\nTexte.\n\n![logo](%s)\n", refused[i]);
      g_autoptr (GError) error = run_in_folder (folder, text);
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      g_autofree char *where
          = g_strdup_printf ("tract.md:5: the picture '%s' is outside", refused[i]);
      g_assert_nonnull (strstr (error->message, where));
    }
  g_autoptr (GError) logo = run_in_folder (folder, "---\nlogo: link.png\n---\n# Titre\n\nTexte.\n");
  g_assert_error (logo, RONEO_ERROR, RONEO_ERROR_INPUT);
  unlink (link);
  api_remove_dir (folder);
  api_remove_dir (outside);
}

/* The layouts as records: as many as roneo layouts lists, the default ones
 * with their kind, size and description. */
static void
test_list_layouts (void)
{
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoLayouts) layouts = roneo_engine_list_layouts (api_engine (), warnings);
  g_autofree char *described = roneo_engine_describe_layouts (api_engine (), NULL);
  g_auto (GStrv) lines = g_strsplit (described, "\n", -1);
  guint listed = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    listed += g_ascii_islower (lines[i][0]) || g_ascii_isdigit (lines[i][0]);
  g_assert_cmpuint (roneo_layouts_get_count (layouts), ==, listed);
  gboolean flyer = FALSE, banner = FALSE;
  for (guint i = 0; i < roneo_layouts_get_count (layouts); i++)
    {
      const char *name = roneo_layouts_get_name (layouts, i);
      double width = 0, height = 0;
      roneo_layouts_get_size (layouts, i, &width, &height);
      g_assert_cmpuint (strlen (roneo_layouts_get_description (layouts, i)), >, 10);
      g_assert_nonnull (strstr (described, name));
      if (strcmp (name, "a5-flyer") == 0)
        {
          flyer = roneo_layouts_get_kind (layouts, i) == RONEO_JOB_FLYER;
          /* description[fr] of its file in the thread's language; a language
           * it lacks gives the plain one */
          roneo_set_thread_language ("fr");
          g_assert_true (g_str_has_prefix (roneo_layouts_get_description (layouts, i),
                                           "Tract A5, recto verso"));
          roneo_set_thread_language ("it");
          g_assert_true (g_str_has_prefix (roneo_layouts_get_description (layouts, i),
                                           "A5 tract, recto/verso"));
          roneo_set_thread_language (NULL);
          g_assert_cmpfloat_with_epsilon (width, A5_WIDTH, 0.01);
          g_assert_cmpfloat_with_epsilon (height, A5_HEIGHT, 0.01);
        }
      banner |= strcmp (name, "banderole") == 0
                && roneo_layouts_get_kind (layouts, i) == RONEO_JOB_BANNER;
    }
  g_assert_true (flyer && banner);
}

/* A banner to a file's output stream: the PDF holds its sheets and a cover. */
static void
test_banner_to_stream (void)
{
  g_autofree char *scratch = api_make_dir ();
  g_autofree char *path = g_build_filename (scratch, "banderole.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileOutputStream) stream
      = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_BANNER);
  g_autoptr (GBytes) slogan = string_bytes ("Logement digne\npour toutes et tous");
  roneo_job_set_input_bytes (job, slogan, "slogan.txt");
  roneo_job_set_output_stream (job, G_OUTPUT_STREAM (stream));
  roneo_job_set_date (job, API_DATE);
  g_autoptr (RoneoResult) result = run_ok (job, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  guint sheets = roneo_result_get_n_pages (result);
  g_assert_cmpuint (sheets, >=, 2);
  g_assert_cmpuint (roneo_result_get_n_rows (result), >=, 1);
  g_assert_cmpstr (roneo_result_get_sheet_name (result), ==, "A4");
  double width = 0, height = 0;
  roneo_result_get_banner_size (result, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr (PopplerDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, sheets + 1);
  /* nothing beside it: proofs and manifests go beside a path, not a stream */
  g_autofree char *left = api_list_dir (scratch);
  g_assert_cmpstr (left, ==, "banderole.pdf");
  api_remove_dir (scratch);
}

/* A batch of the invitation template, one copy per town of villes.csv,
 * both given as bytes: each town is in the PDF. One copy per sheet, so that
 * poppler does not read two copies' lines side by side as one. */
static void
test_batch_from_csv_bytes (void)
{
  g_autoptr (GBytes) copy = api_read_case ("tract-modele.md");
  g_autoptr (GBytes) csv = api_read_case ("villes.csv");
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_BATCH);
  roneo_job_set_input_bytes (job, copy, "tract-modele.md");
  roneo_job_set_data_bytes (job, csv, "villes.csv");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_date (job, API_DATE);
  roneo_job_set_nup (job, 1);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = run_ok (job, warnings);
  g_assert_cmpuint (roneo_result_get_n_records (result), ==, 4);
  g_assert_cmpuint (roneo_result_get_n_pages (result), ==, 4);
  g_assert_nonnull (roneo_result_get_imposition (result));
  g_assert_cmpuint (roneo_warnings_get_count (warnings), ==, 0);

  g_autoptr (GBytes) pdf = api_memory_bytes (stream);
  g_autoptr (PopplerDocument) doc = api_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, roneo_result_get_n_pages (result));
  static const char *const towns[] = { "Albi", "Castres", "L'Isle-Jourdain", "Saint-Affrique" };
  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    api_assert_pdf_has (doc, towns[i]);
  api_assert_pdf_has (doc, "place Jean-Jaurès");
}

/* --- errors ------------------------------------------------------------------ */

static void
test_error_sheet (void)
{
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_BATCH);
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_job_set_sheet (job, "B9", &error));
  g_assert_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_SHEET);
  g_assert_nonnull (strstr (error->message, "B9"));
  api_assert_library_message (error->message);
  g_clear_error (&error);
  g_assert_true (roneo_job_set_sheet (job, "A3", &error));
  g_assert_no_error (error);
}

/* A flyer in a banner's layout fails before anything is written, and the
 * warnings said on the way are still handed back. */
static void
test_error_layout (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes ("# Rassemblement à {ville}\n\nVenez nombreux.\n");
  roneo_job_set_input_bytes (job, copy, "invitation.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_layout (job, "banderole");
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (api_engine (), job, warnings, &error);
  g_assert_null (result);
  g_assert_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "banderole"));
  api_assert_library_message (error->message);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
  g_assert_cmpuint (roneo_warnings_get_count (warnings), >=, 1);
}

/* message begins "name:LINE:"; the line is returned. */
static guint
message_line (const char *message, const char *name)
{
  g_assert_true (g_str_has_prefix (message, name));
  const char *p = message + strlen (name);
  g_assert_cmpint (*p, ==, ':');
  char *end = NULL;
  guint64 line = g_ascii_strtoull (p + 1, &end, 10);
  g_assert_true (end != p + 1 && *end == ':');
  return (guint) line;
}

/* Bad copy: RONEO_ERROR_INPUT at the name given and the line. */
static void
test_error_input (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes ("---\nlang: fr\ncolour: red\n---\n# Titre\n\nTexte.\n");
  roneo_job_set_input_bytes (job, copy, "mauvais.md");
  roneo_job_set_output_stream (job, stream);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (api_engine (), job, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_cmpuint (message_line (error->message, "mauvais.md"), ==, 3);
  g_assert_nonnull (strstr (error->message, "colour"));
  api_assert_library_message (error->message);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
}

/* Copy from bytes has no file for the PDF to go beside. */
static void
test_error_no_output (void)
{
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes (flyer_copy);
  roneo_job_set_input_bytes (job, copy, "guichets.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (api_engine (), job, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RONEO_JOB_ERROR, RONEO_JOB_ERROR_OUTPUT);
  api_assert_library_message (error->message);
}

/* --- warnings ------------------------------------------------------------------ */

/* A {field} without a value: a warning about the copy, by the name given. */
static void
test_warning_field (void)
{
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes ("# Rassemblement à {ville}\n\nVenez nombreux.\n");
  roneo_job_set_input_bytes (job, copy, "invitation.md");
  roneo_job_set_dry_run (job, TRUE);
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_autoptr (RoneoResult) result = run_ok (job, warnings);
  g_assert_null (roneo_result_get_output_path (result));

  const RoneoWarning *found = NULL;
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    if (strstr (roneo_warning_get_message (roneo_warnings_peek (warnings, i)), "{ville}"))
      found = roneo_warnings_peek (warnings, i);
  g_assert_nonnull (found);
  g_assert_cmpint (roneo_warning_get_kind (found), ==, RONEO_WARNING_GENERAL);
  g_assert_cmpstr (roneo_warning_get_file (found), ==, "invitation.md");
  const char *message = roneo_warning_get_message (found);
  api_assert_library_message (message);
  g_assert_false (g_str_has_prefix (message, "invitation.md")); /* the position is apart */
  g_autofree char *said = roneo_warning_to_string (found);
  guint line = roneo_warning_get_line (found);
  g_autofree char *expected = line > 0 ? g_strdup_printf ("invitation.md:%u: %s", line, message)
                                       : g_strdup_printf ("invitation.md: %s", message);
  g_assert_cmpstr (said, ==, expected);
}

/* Strict: the same warning fails the job, and nothing is written. */
static void
test_warning_strict (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (RoneoJob) job = roneo_job_new (RONEO_JOB_FLYER);
  g_autoptr (GBytes) copy = string_bytes ("# Rassemblement à {ville}\n\nVenez nombreux.\n");
  roneo_job_set_input_bytes (job, copy, "invitation.md");
  roneo_job_set_output_stream (job, stream);
  roneo_job_set_strict (job, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoResult) result = roneo_engine_run (api_engine (), job, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "{ville}"));
  api_assert_library_message (error->message);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
}

/* No CUPS server where libcups looks: no list, RONEO_ERROR_PRINT naming it. */
static void
test_print_list_unreachable (void)
{
  g_autoptr (GError) error = NULL;
  g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
  g_auto (GStrv) queues = roneo_print_list_queues (&error);
  g_assert_null (queues);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_PRINT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1:1"));
}

int
main (int argc, char **argv)
{
  api_isolate_tmp ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/flyer/to-memory", test_flyer_to_memory);
  g_test_add_func ("/api/flyer/proofs-in-memory", test_flyer_proofs_in_memory);
  g_test_add_func ("/api/dry-run/proofs", test_dry_run_proofs);
  g_test_add_func ("/api/layouts/list", test_list_layouts);
  g_test_add_func ("/api/folder/pictures", test_folder_pictures);
  g_test_add_func ("/api/flyer/pictures", test_flyer_pictures);
  g_test_add_func ("/api/banner/to-stream", test_banner_to_stream);
  g_test_add_func ("/api/batch/csv-bytes", test_batch_from_csv_bytes);
  g_test_add_func ("/api/error/sheet", test_error_sheet);
  g_test_add_func ("/api/error/layout", test_error_layout);
  g_test_add_func ("/api/error/input", test_error_input);
  g_test_add_func ("/api/error/no-output", test_error_no_output);
  g_test_add_func ("/api/warning/field", test_warning_field);
  g_test_add_func ("/api/warning/strict", test_warning_strict);
  g_test_add_func ("/api/print/list-unreachable", test_print_list_unreachable);
  return g_test_run ();
}
