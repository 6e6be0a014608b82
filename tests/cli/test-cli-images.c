/* The cli-images suite: pictures in tracts (issue 11, items 1-3 and its bad
 * inputs), as a user and a print shop see them. A tract with a PNG logo, a
 * JPEG photo and an SVG drawing: `pdfimages -list` shows the bitmaps at
 * their native size, the JPEG still DCT, the SVG adds no bitmap; qpdf is
 * clean; the words are those of the same tract without pictures, and the
 * caption. One picture on two pages or in several copies is one XObject.
 * EXIF orientation, CMYK, 16-bit and interlaced files are read. A picture
 * under 72 dpi at its size is a warning, an error under --strict; between
 * 72 and 150 dpi advice, which --strict lets pass. Every bad
 * input is exit 2 at its file and line, and leaves no PDF. The pictures are
 * tests/cases/images (made by make-images.c there). */
#include "roneo-test-cli.h"
#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#define DATE "2026-03-01"
#define CAPTION "Le dépôt de la ligne 14, un matin de grève"

static const char *const pictures[] = {
  "logo.png", "photo.jpg",      "small.jpg", "turned.jpg",  "cmyk.jpg",
  "deep.png", "interlaced.png", "bomb.png",  "drawing.svg",
};

/* A scratch folder holding the test pictures, as a collective's folder
 * holds its tract and its pictures. Owned. */
static char *
picture_folder (void)
{
  char *dir = roneo_test_make_tmp_dir ("roneo-images-XXXXXX");
  for (gsize i = 0; i < G_N_ELEMENTS (pictures); i++)
    roneo_test_copy_picture (pictures[i], dir, pictures[i]);
  return dir;
}

static const char *const tract_head = "---\n"
                                      "logo: logo.png\n"
                                      "author: Union locale\n"
                                      "---\n"
                                      "# Sauvons la ligne 14\n\n"
                                      "La ligne de bus 14 relie trois quartiers au centre-ville. "
                                      "La métropole veut la supprimer en juin.\n\n";
static const char *const tract_tail
    = "Nous demandons le maintien de la ligne et un bus toutes les dix minutes.\n\n"
      "Rendez-vous samedi 14 h devant la mairie.\n";

/* The tract, with its pictures or not. Owned. */
static char *
tract (gboolean with_pictures)
{
  return g_strconcat (tract_head, with_pictures ? "![" CAPTION "](photo.jpg)\n\n" : "", tract_tail,
                      with_pictures ? "\n![](drawing.svg)\n" : "", NULL);
}

/* roneo ARGS... in dir, exit expected; run kept in *run. */
#define RUN_EXPECT(run, dir, expected, ...)                                                        \
  do                                                                                               \
    {                                                                                              \
      RONEO_TEST_RUN (run, dir, __VA_ARGS__);                                                      \
      roneo_test_assert_exit (run, expected);                                                      \
    }                                                                                              \
  while (0)

/* The words of text, one space between each two. Owned. */
static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace (blanks, text, -1, 0, " ", 0, NULL);
}

/* The tract with a PNG logo, a JPEG photo and an SVG drawing. */
static void
test_tract (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *with = tract (TRUE), *without = tract (FALSE);
  g_autofree char *copy = roneo_test_write_file (dir, "tract.md", with);
  g_autofree char *plain = roneo_test_write_file (dir, "plain.md", without);
  g_auto (RoneoTestRun) run;
  RUN_EXPECT (&run, dir, 0, "flyer", "tract.md", "-l", "a4-tract", "-o", "tract.pdf", "--date",
              DATE, "--strict");
  g_auto (RoneoTestRun) run2;
  RUN_EXPECT (&run2, dir, 0, "flyer", "plain.md", "-l", "a4-tract", "-o", "plain.pdf", "--date",
              DATE);
  g_autofree char *pdf = g_build_filename (dir, "tract.pdf", NULL);
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, pdf);
  /* the photo at 1600 x 1000 as DCT, the logo at 600 x 200 with its alpha,
   * and nothing else: the SVG is vectors */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "1600", "1000", "jpeg"), ==, 1);
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "600", "200", "image"), ==, 1);
  g_assert_cmpuint (roneo_test_count_images (rows, "smask", "600", "200", "image"), ==, 1);
  roneo_test_assert_qpdf_check_clean (pdf);
  /* check tells how large each prints, and a bitmap's resolution there */
  g_auto (RoneoTestRun) check;
  RUN_EXPECT (&check, dir, 0, "check", "tract.md", "-l", "a4-tract");
  g_autoptr (GRegex) line = g_regex_new ("tract.md: page 1: 'photo.jpg' prints [0-9]+ x [0-9]+ mm "
                                         "at [0-9]+ dpi\n",
                                         0, 0, NULL);
  g_assert_true (g_regex_match (line, check.err, 0, NULL));
  roneo_test_assert_contains (check.err, "'drawing.svg' prints ");
  roneo_test_assert_contains (check.err, " mm, as vectors\n");
  roneo_test_assert_contains (check.err, "'logo.png' prints ");
  /* the words are the same tract's, plus the caption */
  g_autofree char *plain_pdf = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *text = roneo_test_pdf_text (pdf), *plain_text = roneo_test_pdf_text (plain_pdf);
  g_autofree char *words = squeeze (text), *plain_words = squeeze (plain_text);
  roneo_test_assert_contains (words, CAPTION);
  g_autoptr (GString) without_caption = g_string_new (words);
  g_string_replace (without_caption, CAPTION " ", "", 1);
  g_assert_cmpstr (without_caption->str, ==, plain_words);
  roneo_test_rm_rf (dir);
}

/* A photo on the recto and the verso, a logo, in four copies: two XObjects. */
static void
test_one_xobject (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy = roneo_test_write_file (
      dir, "two.md",
      "---\nlogo: logo.png\n---\n# Titre\n\nRecto.\n\n![La photo](photo.jpg)\n\n***\n\n"
      "Verso.\n\n![La photo](photo.jpg)\n");
  g_auto (RoneoTestRun) run;
  RUN_EXPECT (&run, dir, 0, "batch", "two.md", "--copies", "4", "-o", "batch.pdf", "--date", DATE);
  g_autofree char *pdf = g_build_filename (dir, "batch.pdf", NULL);
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, pdf);
  g_autoptr (GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (objects,
                      g_strdup (((char **) g_ptr_array_index (rows, i))[RONEO_TEST_IMAGE_OBJECT]));
  /* 4 copies x 2 photos + 4 logos (and their masks) shown, 3 objects: photo, logo, mask */
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "1600", "1000", "jpeg"), ==, 8);
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "600", "200", "image"), ==, 4);
  g_assert_cmpuint (g_hash_table_size (objects), ==, 2); /* pdfimages gives a mask its image's id */
  roneo_test_assert_qpdf_check_clean (pdf);
  roneo_test_rm_rf (dir);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* 400 copies of a tract with a photo, two to a sheet: the photo once, the
 * file under 150 % of the tract alone (the sheets repeat one drawing, and
 * the finish pass keeps one copy of what every sheet repeats). */
static void
test_copies_400 (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *corpus = roneo_test_corpus ("images");
  g_autofree char *tract = g_build_filename (corpus, "tract-images.md", NULL);
  g_autofree char *text = roneo_test_read_file (tract);
  g_autofree char *copy = roneo_test_write_file (dir, "tract.md", text);
  g_auto (RoneoTestRun) one, many;
  RUN_EXPECT (&one, dir, 0, "flyer", "tract.md", "-o", "one.pdf", "--date", DATE);
  RUN_EXPECT (&many, dir, 0, "batch", "tract.md", "--copies", "400", "-o", "many.pdf", "--date",
              DATE);
  g_autofree char *one_pdf = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *many_pdf = g_build_filename (dir, "many.pdf", NULL);
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, many_pdf);
  g_autoptr (GHashTable) photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      if (strcmp (row[RONEO_TEST_IMAGE_ENC], "jpeg") == 0)
        g_hash_table_add (photos, g_strdup (row[RONEO_TEST_IMAGE_OBJECT]));
    }
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "1600", "1000", "jpeg"), ==, 400);
  g_assert_cmpuint (g_hash_table_size (photos), ==, 1);
  const double ratio = (double) file_size (many_pdf) / (double) file_size (one_pdf);
  g_test_message ("400 copies: %.0f %% of the tract alone", 100 * ratio);
  g_assert_cmpfloat (ratio, <, 1.5);
  roneo_test_assert_qpdf_check_clean (many_pdf);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (many_pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 200);
  roneo_test_rm_rf (dir);
}

/* The kinds of files a collective has: all read at their pixel size. */
static void
test_kinds (void)
{
  static const struct
  {
    const char *file, *width, *height, *enc, *shown;
  } kinds[] = {
    /* EXIF orientation 6: shown upright (250 x 400), its JPEG bytes kept */
    { "turned.jpg", "400", "250", "jpeg", "px=250x400" },
    /* Adobe CMYK: its pixels, turned RGB */
    { "cmyk.jpg", "320", "200", "image", "px=320x200" },
    { "deep.png", "64", "40", "image", "px=64x40" },
    { "interlaced.png", "64", "40", "image", "px=64x40" },
  };
  g_autofree char *dir = picture_folder ();
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *text = g_strdup_printf ("# Titre\n\nDu texte.\n\n![](%s)\n", kinds[i].file);
      g_autofree char *copy = roneo_test_write_file (dir, "kind.md", text);
      g_auto (RoneoTestRun) run, check;
      RUN_EXPECT (&run, dir, 0, "flyer", "kind.md", "-o", "kind.pdf");
      RUN_EXPECT (&check, dir, 0, "check", "kind.md", "--dump");
      roneo_test_assert_contains (check.out, kinds[i].shown);
      g_autofree char *pdf = g_build_filename (dir, "kind.pdf", NULL);
      g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, pdf);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpuint (
          roneo_test_count_images (rows, "image", kinds[i].width, kinds[i].height, kinds[i].enc),
          ==, 1);
    }
  roneo_test_rm_rf (dir);
}

/* 200 px across 96 mm: a warning naming the size of file that would do;
 * an error under --strict, and no PDF. */
static void
test_low_resolution (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy
      = roneo_test_write_file (dir, "soft.md", "# Titre\n\nDu texte.\n\n![](small.jpg)\n");
  g_auto (RoneoTestRun) run, strict, check;
  RUN_EXPECT (&run, dir, 0, "flyer", "soft.md", "-o", "soft.pdf");
  roneo_test_assert_contains (
      run.err, "soft.md:5: small.jpg prints at 52 dpi; use a file of at least 1134 px wide");
  RUN_EXPECT (&check, dir, 0, "check", "soft.md");
  roneo_test_assert_contains (check.err, "small.jpg prints at 52 dpi");
  RUN_EXPECT (&strict, dir, 2, "flyer", "soft.md", "-o", "strict.pdf", "--strict");
  g_autofree char *pdf = g_build_filename (dir, "strict.pdf", NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir);
}

/* Between 72 and 150 dpi a picture prints, a little soft: advice, said,
 * which --strict lets pass. */
static void
test_soft_resolution (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy = roneo_test_write_file (
      dir, "small.md",
      "---\nimage.max-height: 25mm\nimage.min-height: 25mm\n---\n# Titre\n\nDu texte.\n\n"
      "![](small.jpg)\n");
  g_auto (RoneoTestRun) strict;
  RUN_EXPECT (&strict, dir, 0, "flyer", "small.md", "-o", "small.pdf", "--strict");
  roneo_test_assert_contains (strict.err, "advice: small.md:9: small.jpg prints at 126 dpi; use a "
                                          "file of at least 473 px wide");
  g_autofree char *pdf = g_build_filename (dir, "small.pdf", NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir);
}

/* A picture too tall for the page gives way before the body shrinks. */
static void
test_picture_shrinks_first (void)
{
  g_autofree char *dir = picture_folder ();
  g_autoptr (GString) text = g_string_new ("---\nimage.max-height: 180mm\nimage.min-height: 20mm\n"
                                           "---\n# Titre\n\n![](photo.jpg)\n\n");
  for (int i = 0; i < 6; i++)
    g_string_append (text, "Un paragraphe de texte qui raconte la lutte du quartier pour "
                           "garder sa ligne de bus, ses arrêts et ses horaires.\n\n");
  g_autofree char *copy = roneo_test_write_file (dir, "tall.md", text->str);
  g_auto (RoneoTestRun) run;
  RUN_EXPECT (&run, dir, 0, "check", "tall.md", "--dump", "--strict");
  g_assert_null (strstr (run.err, "shrunk"));
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GRegex) regex = g_regex_new ("image image .* h=([0-9.]+)", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, run.out, 0, &match));
  g_autofree char *height = g_match_info_fetch (match, 1);
  double mm = g_ascii_strtod (height, NULL) * 25.4 / 72;
  g_assert_cmpfloat (mm, <, 180 - 1); /* it gave way */
  g_assert_cmpfloat (mm, >=, 20 - 0.01);
  g_assert_true (strstr (run.out, "page 2") == NULL); /* on one page */
  roneo_test_rm_rf (dir);
}

/* Copy on standard input finds its pictures in the current folder. */
static void
test_stdin (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy
      = roneo_test_write_file (dir, "in.md", "# Titre\n\nDu texte.\n\n![](photo.jpg)\n");
  g_auto (RoneoTestRun) run;
  RoneoTestSpawn how = { .stdin_path = copy };
  roneo_test_run_full (&run, dir, &how,
                       (const char *const[]){ "flyer", "-", "-o", "stdin.pdf", NULL });
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = g_build_filename (dir, "stdin.pdf", NULL);
  g_autoptr (GPtrArray) rows = roneo_test_pdf_images (dir, pdf);
  g_assert_cmpuint (roneo_test_count_images (rows, "image", "1600", "1000", "jpeg"), ==, 1);
  roneo_test_rm_rf (dir);
}

typedef struct
{
  const char *name;    /* the test case */
  const char *target;  /* what the copy's ![](...) names */
  const char *file;    /* written to target in the folder first, or NULL */
  const char *message; /* what stderr says, after "copy.md:5: " */
} BadPicture;

static const BadPicture bad_pictures[] = {
  { "missing", "logo-absent.png", NULL, "cannot read 'logo-absent.png'" },
  { "not-a-picture", "notes.png", "just some notes\n", "not a PNG, JPEG or SVG picture" },
  { "svg-external", "ext.svg",
    "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
    "viewBox='0 0 10 10'><image xlink:href='logo.png' width='10' height='10'/></svg>",
    "'ext.svg' refers to 'logo.png'" },
  { "svg-network", "net.svg",
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
    "<image href='https://example.org/x.png' width='10' height='10'/></svg>",
    "refers to 'https://example.org/x.png'" },
  { "svg-css", "css.svg",
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
    "<style>@import url(other.css);</style></svg>",
    "refers to 'other.css'" },
  { "svg-broken", "broken.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect",
    "not an SVG drawing librsvg can read" },
  { "svg-no-size", "nosize.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>",
    "has no size" },
  { "bomb", "bomb.png", NULL, "'bomb.png' is 30000 x 30000 pixels, more than the 100 megapixels" },
  { "url", "https://example.org/logo.png", NULL, "is an address: roneo never fetches anything" },
  { "device", "/dev/zero", NULL, "it is a device, not a picture file" },
  { "folder", "pictures", NULL, "it is a folder, not a picture file" },
  { "fifo", "pipe.png", NULL, "it is a named pipe, not a picture file" },
  { "truncated-jpeg", "cut.jpg", NULL, "the file is truncated" },
  { "truncated-png", "cut.png", NULL, "the file is truncated" },
};

/* Makes what case names in dir: a written file, a folder, a FIFO, a cut picture. */
static void
make_bad_file (const char *dir, const BadPicture *bad)
{
  g_autofree char *path = g_build_filename (dir, bad->target, NULL);
  if (bad->file != NULL)
    g_free (roneo_test_write_file (dir, bad->target, bad->file));
  else if (strcmp (bad->name, "folder") == 0)
    g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  else if (strcmp (bad->name, "fifo") == 0)
    g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  else if (g_str_has_prefix (bad->name, "truncated"))
    {
      g_autofree char *whole
          = g_build_filename (dir, strstr (bad->target, "jpg") ? "photo.jpg" : "logo.png", NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;
      g_assert_true (g_file_get_contents (whole, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (path, bytes, (gssize) length / 3, NULL));
    }
}

static void
test_bad_picture (gconstpointer data)
{
  const BadPicture *bad = data;
  g_autofree char *dir = picture_folder ();
  make_bad_file (dir, bad);
  g_autofree char *text = g_strdup_printf ("# Titre\n\nDu texte.\n\n![alt](%s)\n", bad->target);
  g_autofree char *copy = roneo_test_write_file (dir, "copy.md", text);
  g_auto (RoneoTestRun) run, check;
  RUN_EXPECT (&run, dir, 2, "flyer", "copy.md", "-o", "out.pdf");
  roneo_test_assert_contains (run.err, "copy.md:5: ");
  roneo_test_assert_contains (run.err, bad->message);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  RUN_EXPECT (&check, dir, 2, "check", "copy.md");
  roneo_test_rm_rf (dir);
}

/* The logo of the front matter: its line in messages. */
static void
test_bad_logo (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy
      = roneo_test_write_file (dir, "logo.md", "---\nlogo: absent.svg\n---\n# Titre\n\nTexte.\n");
  g_auto (RoneoTestRun) run;
  RUN_EXPECT (&run, dir, 2, "flyer", "logo.md", "-o", "out.pdf");
  roneo_test_assert_contains (run.err, "logo.md:2: cannot read 'absent.svg'");
  roneo_test_rm_rf (dir);
}

/* A picture inside a sentence stays its alt text, with a warning. */
static void
test_inline_picture (void)
{
  g_autofree char *dir = picture_folder ();
  g_autofree char *copy = roneo_test_write_file (
      dir, "inline.md", "# Titre\n\nNotre ![Logo du collectif](logo.png) appelle.\n");
  g_auto (RoneoTestRun) run, strict;
  RUN_EXPECT (&run, dir, 0, "flyer", "inline.md", "-o", "inline.pdf");
  roneo_test_assert_contains (run.err, "inline.md:3: a picture inside a paragraph is printed as "
                                       "its alt text");
  g_autofree char *pdf = g_build_filename (dir, "inline.pdf", NULL);
  g_autofree char *text = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (text, "Logo du collectif");
  RUN_EXPECT (&strict, dir, 2, "flyer", "inline.md", "-o", "strict.pdf", "--strict");
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/images/tract", test_tract);
  roneo_test_add_isolated_func ("/images/one-xobject", test_one_xobject);
  roneo_test_add_isolated_func ("/images/kinds", test_kinds);
  roneo_test_add_isolated_func ("/images/copies-400", test_copies_400);
  roneo_test_add_isolated_func ("/images/low-resolution", test_low_resolution);
  roneo_test_add_isolated_func ("/images/soft-resolution", test_soft_resolution);
  roneo_test_add_isolated_func ("/images/shrinks-first", test_picture_shrinks_first);
  roneo_test_add_isolated_func ("/images/stdin", test_stdin);
  roneo_test_add_isolated_func ("/images/bad-logo", test_bad_logo);
  roneo_test_add_isolated_func ("/images/inline", test_inline_picture);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_pictures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/images/bad/%s", bad_pictures[i].name);
      roneo_test_add_isolated (path, test_bad_picture, &bad_pictures[i]);
    }
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
