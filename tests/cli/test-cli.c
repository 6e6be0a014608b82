/* test-cli.c: the `cli` suite, roneo as a user runs it.
 *
 * Each case runs the built roneo binary (its path is the first argument)
 * in a fresh temporary folder with a fixed --date, then checks what a user
 * would: the exit code, the message on stderr, and the PDF read back with
 * poppler (page count, page size, every word of the copy in the text layer,
 * embedded fonts, nothing past the right margin). Every failing run must
 * leave nothing at the output path and no temporary file beside it.
 *
 * The environment comes from tests/meson.build: RONEO_DATA_DIR,
 * RONEO_SOURCE_ROOT and RONEO_TEST_CASES (tests/cases).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define DATE "2026-03-01"
#define PT_PER_MM (72.0 / 25.4)

static const char *source_root;

static char *
make_tmp (void)
{
  return roneo_test_make_tmp_dir ("roneo-cli-XXXXXX");
}

/* A failed run left nothing: no file at the target, no *.tmp in dir. */
static void
assert_no_output (const char *output, const char *dir)
{
  if (output != NULL && g_file_test (output, G_FILE_TEST_EXISTS))
    g_error ("a file was left at the output path '%s'", output);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".tmp") || g_str_has_prefix (name, "roneo-stdout"))
      g_error ("temporary file '%s' left in '%s'", name, dir);
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------- layouts */

typedef struct
{
  char *name;
  double width, height; /* trim, pt */
  double margin_right;  /* pt */
  int max_pages;
  gboolean uppercases; /* some block has transform = uppercase */
} LayoutInfo;

static void
layout_info_clear (LayoutInfo *info)
{
  g_clear_pointer (&info->name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LayoutInfo, layout_info_clear)

static double
parse_length (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  g_assert_true (end != text);
  if (g_str_equal (end, "mm"))
    return value * PT_PER_MM;
  if (g_str_equal (end, "cm"))
    return value * 10 * PT_PER_MM;
  if (g_str_equal (end, "in"))
    return value * 72;
  if (g_str_equal (end, "pt"))
    return value;
  g_error ("unknown unit in length '%s'", text);
}

/* The trims the brief promises, to 0.01 pt. */
static void
paper_size (const char *size, double *width, double *height)
{
  static const struct
  {
    const char *name;
    double width, height;
  } papers[] = {
    { "A3", 841.89, 1190.55 },
    { "A4", 595.28, 841.89 },
    { "A5", 419.53, 595.28 },
    { "A6", 297.64, 419.53 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (size, papers[i].name) == 0)
      {
        *width = papers[i].width;
        *height = papers[i].height;
        return;
      }
  g_error ("paper size '%s' not known to the test", size);
}

/* CSS order: 1 value all sides; 2: vertical, sides; 3: top, sides, bottom;
 * 4: top, right, bottom, left. The right one is the second unless alone. */
static double
right_margin (const char *margin)
{
  g_auto (GStrv) parts = g_strsplit_set (g_strstrip ((char *) margin), " \t", -1);
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (values, parts[i]);
  g_assert_cmpuint (values->len, >=, 1);
  return parse_length (g_ptr_array_index (values, values->len >= 2 ? 1 : 0));
}

static void
load_layout (const char *name, LayoutInfo *info)
{
  g_autofree char *file = g_strconcat (name, ".ini", NULL);
  g_autofree char *path = g_build_filename (source_root, "layouts", file, NULL);
  g_autoptr (GKeyFile) ini = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_autofree char *size = g_key_file_get_string (ini, "page", "size", &error);
  g_assert_no_error (error);
  g_autofree char *margin = g_key_file_get_string (ini, "page", "margin", &error);
  g_assert_no_error (error);
  info->name = g_strdup (name);
  paper_size (g_strstrip (size), &info->width, &info->height);
  info->margin_right = right_margin (margin);
  info->max_pages = g_key_file_has_key (ini, "page", "pages", NULL)
                        ? g_key_file_get_integer (ini, "page", "pages", NULL)
                        : 2;
  g_auto (GStrv) groups = g_key_file_get_groups (ini, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *transform = g_key_file_get_string (ini, groups[i], "transform", NULL);
      if (transform != NULL && g_str_equal (g_strstrip (transform), "uppercase"))
        info->uppercases = TRUE;
    }
}

/* The layout a copy asks for in its front matter, else the default. */
static char *
copy_layout_name (const char *text)
{
  if (!g_str_has_prefix (text, "---\n"))
    return g_strdup ("a5-flyer");
  g_auto (GStrv) lines = g_strsplit (text + 4, "\n", -1);
  for (guint i = 0; lines[i] != NULL && !g_str_equal (lines[i], "---"); i++)
    if (g_str_has_prefix (lines[i], "layout:"))
      {
        char *value = g_strstrip (g_strdup (lines[i] + strlen ("layout:")));
        g_strdelimit (value, "\"'", ' ');
        return g_strstrip (value);
      }
  return g_strdup ("a5-flyer");
}

/* ---------------------------------------------------------------- words */

static char *
strip_front_matter (const char *text)
{
  if (!g_str_has_prefix (text, "---\n"))
    return g_strdup (text);
  const char *end = strstr (text + 4, "\n---\n");
  g_assert_nonnull (end);
  return g_strdup (end + 5);
}

/* The words of a source copy: front matter and footnote labels out
 * ("[^segur]" and "[^segur]:"), Markdown markers fall out with the
 * punctuation since a word is a run of letters and digits. */
static char *
source_text (const char *text)
{
  g_autofree char *body = strip_front_matter (text);
  g_autoptr (GRegex) note = g_regex_new ("\\[\\^[^\\]]*\\]:?", 0, 0, NULL);
  return g_regex_replace_literal (note, body, -1, 0, " ", 0, NULL);
}

/* The brief's normalisation of extracted text, then NFKC (ligatures, the
 * no-break spaces) and, when asked, case folding. */
static char *
normalise (const char *text, gboolean fold)
{
  GString *s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (c)
        {
        case 0x202F:
        case 0x00A0:
          g_string_append_c (s, ' ');
          break;
        case 0x2019:
          g_string_append_c (s, '\'');
          break;
        case 0x00AB:
        case 0x00BB:
          g_string_append_c (s, '"');
          break;
        case 0x2026:
          g_string_append (s, "...");
          break;
        case 0x200E: /* poppler wraps each right-to-left character in these */
        case 0x200F:
        case 0x202A:
        case 0x202B:
        case 0x202C:
        case 0x202D:
        case 0x202E:
          break;
        default:
          g_string_append_unichar (s, c);
        }
    }
  g_autofree char *plain = g_string_free (s, FALSE);
  g_autofree char *nfkc = g_utf8_normalize (plain, -1, G_NORMALIZE_NFKC);
  return fold ? g_utf8_casefold (nfkc, -1) : g_steal_pointer (&nfkc);
}

static void
add_words (GHashTable *set, const char *text)
{
  GString *word = g_string_new (NULL);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_hash_table_add (set, g_strdup (word->str));
          /* poppler gives right-to-left words in visual order */
          GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (word->str));
          if (script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW)
            g_hash_table_add (set, g_utf8_strreverse (word->str, -1));
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}

/* Joins words hyphenated at a line end: "ser-\nveur" -> "serveur". */
static char *
join_hyphens (const char *text)
{
  g_autoptr (GRegex) re = g_regex_new ("(-|\u00AD|\u2010)[ \t]*\r?\n", 0, 0, NULL);
  return g_regex_replace_literal (re, text, -1, 0, "", 0, NULL);
}

/* The words of the text layer: both with hyphenated line ends joined and
 * as they are, since "start-up" may break at its own hyphen. */
static GHashTable *
pdf_words (const char *text, gboolean fold)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *norm = normalise (text, fold);
  g_autofree char *joined = join_hyphens (norm);
  /* a note call sits against its word in the text layer: "euros1" */
  g_autoptr (GRegex) call = g_regex_new ("(\\pL)(\\d)", 0, 0, NULL);
  g_autofree char *calls = g_regex_replace (call, joined, -1, 0, "\\1 \\2", 0, NULL);
  add_words (set, norm);
  add_words (set, joined);
  add_words (set, calls);
  return set;
}

/* ---------------------------------------------------------------- the PDF */

static char *
document_text (PopplerDocument *doc)
{
  GString *text = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Every character of text size ends inside the right margin (0.5 pt
 * slack): its advance box, so a hyphen sticking out is caught. */
static void
assert_inside_right_margin (PopplerDocument *doc, double limit)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n = 0;
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
      const char *p = text;
      for (guint k = 0; k < n && *p != '\0'; k++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          /* display type is fitted on its ink: see assert_no_ink_past */
          if (g_unichar_isspace (c) || rects[k].y2 - rects[k].y1 > 24)
            continue;
          if (rects[k].x2 > limit + 0.5)
            g_error ("page %d: '%.24s' ends at x=%.2f pt, past the right margin at %.2f pt", i + 1,
                     p, rects[k].x2, limit);
        }
      g_free (rects);
    }
}

/* Nothing inked past the right margin: the page rendered at 144 dpi on
 * white, every column right of the margin (plus 0.5 pt) must stay white.
 * Display type is fitted on its ink, so this, not the glyph boxes, is the
 * test for headlines. */
static void
assert_no_ink_past (PopplerDocument *doc, double limit)
{
  const double scale = 2.0;
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      cairo_surface_t *surface = roneo_test_rasterise (doc, i, scale);
      const guchar *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      int first = (int) ceil ((limit + 0.5) * scale);
      for (int y = 0; y < height; y++)
        for (int x = first; x < width; x++)
          {
            guint32 px = *(const guint32 *) (data + y * stride + x * 4);
            guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
            if (r < 128 || g < 128 || b < 128)
              g_error ("page %d: ink at x=%.1f pt, y=%.1f pt, past the right margin at %.2f pt",
                       i + 1, x / scale, y / scale, limit);
          }
      cairo_surface_destroy (surface);
    }
}

static void
assert_words_present (const char *source, const char *pdf_text, gboolean fold)
{
  g_autofree char *copy = source_text (source);
  g_autofree char *norm = normalise (copy, fold);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_words (expected, norm);
  g_autoptr (GHashTable) found = pdf_words (pdf_text, fold);
  GHashTableIter iter;
  gpointer word;
  GString *missing = g_string_new (NULL);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (!g_hash_table_contains (found, word))
      g_string_append_printf (missing, " '%s'", (char *) word);
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  if (missing->len > 0)
    g_error ("words of the copy missing from the text layer:%s\ntext layer:\n%s", missing->str,
             pdf_text);
  g_string_free (missing, TRUE);
}

/* ---------------------------------------------------------------- flyers */

typedef struct
{
  char *path;
  int pages; /* expected page count, 0: between 1 and the layout's maximum */
} FlyerCase;

static void
test_flyer (gconstpointer data)
{
  const FlyerCase *fc = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", fc->path, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);

  g_autofree char *source = read_text (fc->path);
  g_autofree char *name = copy_layout_name (source);
  g_auto (LayoutInfo) layout = { 0 };
  load_layout (name, &layout);

  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  int pages = poppler_document_get_n_pages (doc);
  if (fc->pages > 0)
    g_assert_cmpint (pages, ==, fc->pages);
  else
    g_assert_cmpint (pages, >=, 1);
  g_assert_cmpint (pages, <=, layout.max_pages);
  roneo_test_assert_page_sizes (doc, layout.width, layout.height);
  g_autofree char *text = document_text (doc);
  assert_words_present (source, text, layout.uppercases);
  roneo_test_assert_fonts_embedded (doc);
  assert_inside_right_margin (doc, layout.width - layout.margin_right);
  assert_no_ink_past (doc, layout.width - layout.margin_right);
  roneo_test_rm_rf (dir);
}

static void
flyer_case_free (gpointer data)
{
  FlyerCase *fc = data;
  g_free (fc->path);
  g_free (fc);
}

static GPtrArray *flyer_cases;

static void
add_flyer_case (const char *test_path, char *file, int pages)
{
  FlyerCase *fc = g_new0 (FlyerCase, 1);
  fc->path = file;
  fc->pages = pages;
  g_ptr_array_add (flyer_cases, fc);
  roneo_test_add_isolated (test_path, test_flyer, fc);
}

/* Every copy in examples/, whenever one is added. */
static void
add_example_cases (void)
{
  g_autofree char *examples = g_build_filename (source_root, "examples", NULL);
  g_autoptr (GDir) dir = g_dir_open (examples, 0, NULL);
  if (dir == NULL)
    return;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strconcat ("/flyer/examples/", n, NULL);
      add_flyer_case (test_path, g_build_filename (examples, n, NULL), 0);
    }
}

/* ---------------------------------------------------------------- outputs */

static void
assert_png_size (const char *path, double width_pt, double height_pt, double dpi)
{
  guint32 w, h;
  roneo_test_png_size (path, &w, &h);
  g_assert_cmpfloat (fabs (w - width_pt / 72 * dpi), <, 1.0);
  g_assert_cmpfloat (fabs (h - height_pt / 72 * dpi), <, 1.0);
}

static void
test_png (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "tract-1.png", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-o", out, "--png", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  assert_png_size (png, 419.53, 595.28, 150);
  g_unlink (png);

  g_auto (RoneoTestRun) run2;
  RONEO_TEST_RUN (&run2, dir, "flyer", tract, "-o", out, "--png=100", "--date", DATE);
  roneo_test_assert_exit (&run2, 0);
  assert_png_size (png, 419.53, 595.28, 100);
  g_autofree char *png2 = g_build_filename (dir, "tract-2.png", NULL);
  g_assert_false (g_file_test (png2, G_FILE_TEST_EXISTS)); /* one page, one proof */
  roneo_test_rm_rf (dir);
}

static void
test_stdout (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *captured = g_build_filename (dir, "captured.pdf", NULL);
  RoneoTestSpawn redirect = { .stdout_path = captured };
  g_auto (RoneoTestRun) run;
  roneo_test_run_full (&run, dir, &redirect,
                       (const char *const[]){ "flyer", tract, "-o", "-", "--date", DATE, NULL });
  roneo_test_assert_exit (&run, 0);
  g_autofree char *data = read_text (captured);
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (captured);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  roneo_test_assert_page_sizes (doc, 419.53, 595.28);
  g_unlink (captured);
  assert_no_output (NULL, dir);
  /* nothing else written beside the input or in the folder */
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
  roneo_test_rm_rf (dir);
}

static void
test_stdin (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "from-stdin.pdf", NULL);
  RoneoTestSpawn redirect = { .stdin_path = tract };
  g_auto (RoneoTestRun) run;
  roneo_test_run_full (&run, dir, &redirect,
                       (const char *const[]){ "flyer", "-", "-o", out, "--date", DATE, NULL });
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  g_autofree char *source = read_text (tract);
  g_autofree char *text = document_text (doc);
  assert_words_present (source, text, FALSE);
  roneo_test_rm_rf (dir);
}

/* --field fills a template's {fields} as plain text; an unfilled one warns
 * and stays as typed; a field the copy does not have is a usage error. */
static void
test_fields (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *out = g_build_filename (dir, "albi.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "--field", "ville=Albi", "--field",
                  "lieu=**place** du Vigan", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "{date} has no value");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autofree char *text = document_text (doc);
  roneo_test_assert_contains (text, "ALBI");               /* the headline is set in capitals */
  roneo_test_assert_contains (text, "**place** du Vigan"); /* a value is never Markdown */
  roneo_test_assert_contains (text, "{date}");
  g_assert_null (strstr (text, "{ville}"));
  g_autofree char *bad = g_build_filename (dir, "bad.pdf", NULL);
  g_auto (RoneoTestRun) unknown;
  RONEO_TEST_RUN (&unknown, dir, "flyer", tract, "--field", "ville-x=1", "-o", bad, "--date", DATE);
  roneo_test_assert_exit (&unknown, 1);
  roneo_test_assert_contains (unknown.err, "has no {ville-x}");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir);
}

/* ------------------------------------------------------------- typography */

/* tests/cases/typo-details.md in every flyer layout, read back with poppler:
 * the headline "Rassemblement le 1er mars" set in capitals keeps its
 * ordinal small and on its line, nᵒ is raised, and no phone number is
 * broken across two lines. */
static void
test_typography_details (gconstpointer data)
{
  const char *layout = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("typo-details.md");
  g_autofree char *out = g_build_filename (dir, "typo.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-l", layout, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autofree char *text = document_text (doc);
  /* its second line, whole: a5-flyer sets its headline as typed, the
   * others in capitals */
  const char *headline = g_str_equal (layout, "a5-flyer") ? "\nle 1\u1D49\u02B3 mars\n"
                                                          : "\nLE 1\u1D49\u02B3 MARS\n";
  roneo_test_assert_contains (text, headline);
  g_assert_null (strstr (text, "1ER"));
  g_assert_null (strstr (text, "\nER\n"));
  g_assert_null (strstr (text, "\ner\n"));
  /* the body's superscripts are raised letters the text layer reads plainly */
  roneo_test_assert_contains (text, "XXe si");
  /* "3" binds to "no", not to "de": the line may end after it */
  roneo_test_assert_contains (text, "au no 3");
  g_autoptr (GRegex) phones = g_regex_new ("06[ \u202F\u00A0]12[ \u202F\u00A0]34[ "
                                           "\u202F\u00A0]56[ \u202F\u00A0]78|05\\.61\\.22\\."
                                           "33\\.44|\\+33[ \u202F\u00A0]6[ \u202F\u00A0]98[ "
                                           "\u202F\u00A0]76[ \u202F\u00A0]54[ \u202F\u00A0]32",
                                           0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint found = 0;
  for (g_regex_match (phones, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    found++;
  g_assert_cmpuint (found, ==, 3);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- recto/verso */

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  return poppler_page_get_text (page);
}

/* tests/cases/tract-recto-verso.md, 560 words that flow over onto the verso:
 * the recto ends with "suite au verso ›", the verso does not; no subhead is
 * among the last two lines of the recto (it goes with two lines of its
 * text); every word is set. */
static void
test_recto_verso (gconstpointer data)
{
  const char *layout_name = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-recto-verso.md");
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-l", layout_name, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  g_autofree char *recto = page_text (doc, 0);
  g_autofree char *verso = page_text (doc, 1);
  g_auto (GStrv) lines = g_strsplit (g_strstrip (recto), "\n", -1);
  guint n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpstr (lines[n - 1], ==, "suite au verso ›");
  g_assert_null (strstr (verso, "suite au verso"));
  for (guint i = n - 3; i < n - 1; i++)
    {
      g_autofree char *folded = g_utf8_casefold (lines[i], -1);
      if (g_str_has_prefix (folded, "ce que "))
        g_error ("the subhead '%s' is among the last lines of the recto", lines[i]);
    }

  g_autofree char *source = read_text (tract);
  g_auto (LayoutInfo) layout = { 0 };
  load_layout (layout_name, &layout);
  g_autofree char *text = document_text (doc);
  assert_words_present (source, text, layout.uppercases);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- bad input */

typedef struct
{
  const char *file;
  int status;
  const char *const *messages; /* each must appear on stderr */
} BadCase;

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bc = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *input = roneo_test_corpus (bc->file);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, bc->status);
  roneo_test_assert_contains (run.err, "roneo: ");
  roneo_test_assert_contains (run.err, input);
  for (guint i = 0; bc->messages[i] != NULL; i++)
    roneo_test_assert_contains (run.err, bc->messages[i]);
  assert_no_output (out, dir);
  /* nothing beside the input either */
  g_autofree char *input_dir = g_path_get_dirname (input);
  assert_no_output (NULL, input_dir);
  roneo_test_rm_rf (dir);
}

static const BadCase bad_cases[] = {
  /* the message names the file and the line of the first bad byte */
  { "bad/latin1.txt", 2, (const char *const[]){ "latin1.txt:1:", "UTF-8", NULL } },
  { "bad/empty.txt", 2, (const char *const[]){ "empty", NULL } },
  { "bad/binary.png", 2, (const char *const[]){ "binary", NULL } },
  /* says by how much it overflows */
  { "bad/overflow.md", 4, (const char *const[]){ "lines", "mm", NULL } },
  /* a 20-word headline would lose the hierarchy: refused, with what to do */
  { "long-headline.md", 4,
    (const char *const[]){ "long-headline.md:1: the headline needs ", "1.8 \u00d7 the body",
                           "shorten it to about 18 words", "min-ratio", NULL } },
};

static void
test_long_word (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *input = roneo_test_corpus ("bad/longword.txt");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  /* a word wider than the measure has to be broken: the user is told */
  roneo_test_assert_contains (run.err, "roneo: warning: ");
  roneo_test_assert_contains (run.err, "word");
  g_autofree char *source = read_text (input);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autofree char *text = document_text (doc);
  g_autofree char *joined = join_hyphens (text);
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (space, joined, -1, 0, "", 0, NULL);
  g_auto (GStrv) words = g_strsplit (g_strstrip (source), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    roneo_test_assert_contains (flat, words[i]); /* every letter of the long word is there */
  assert_inside_right_margin (doc, 419.53 - 12 * PT_PER_MM);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- layouts */

/* A copy of a5-flyer.ini with the first occurrence of `from` replaced by
 * `to`; *line gets the line number of the change. */
static char *
write_layout (const char *dir, const char *name, const char *from, const char *to, int *line)
{
  g_autofree char *ini = g_build_filename (source_root, "layouts", "a5-flyer.ini", NULL);
  g_autofree char *text = read_text (ini);
  char *at = strstr (text, from);
  g_assert_nonnull (at);
  if (line != NULL)
    {
      *line = 1;
      for (const char *p = text; p < at; p++)
        *line += *p == '\n';
    }
  *at = '\0';
  g_autofree char *changed = g_strconcat (text, to, at + strlen (from), NULL);
  char *path = g_build_filename (dir, name, NULL);
  write_text (path, changed);
  return path;
}

/* A layout that allows a smaller headline (min-ratio = 0) sets the long
 * headline in no more lines than max-lines, and says nothing. */
static void
test_long_headline_allowed (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *layout
      = write_layout (dir, "small.ini", "min-ratio = 1.8\n", "min-ratio = 0\n", NULL);
  g_autofree char *input = roneo_test_corpus ("long-headline.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-l", layout, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_autofree char *text = document_text (doc);
  roneo_test_assert_contains (text, "quarante minutes");
  roneo_test_rm_rf (dir);
}

static void
run_bad_layout (const char *from, const char *to, const char *const *messages)
{
  g_autofree char *dir = make_tmp ();
  int line = 0;
  g_autofree char *layout = write_layout (dir, "bad.ini", from, to, &line);
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-l", layout, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 2);
  g_autofree char *position = g_strdup_printf ("bad.ini:%d", line);
  roneo_test_assert_contains (run.err, position);
  for (guint i = 0; messages != NULL && messages[i] != NULL; i++)
    roneo_test_assert_contains (run.err, messages[i]);
  assert_no_output (out, dir);
  roneo_test_rm_rf (dir);
}

static void
test_layout_unknown_key (void)
{
  run_bad_layout ("color = #c8102e\n", "colour = #c8102e\n",
                  (const char *const[]){ "colour", NULL });
}

static void
test_layout_negative_margin (void)
{
  run_bad_layout ("margin = 12mm 12mm 15mm", "margin = 12mm -5mm 15mm", NULL);
}

static void
test_layout_zero_page (void)
{
  run_bad_layout ("size = A5", "size = 0x0mm", NULL);
}

static void
test_layout_huge_page (void)
{
  run_bad_layout ("size = A5", "size = 100m x 100m", NULL);
  run_bad_layout ("size = A5", "size = 10000x10000cm", NULL);
}

static void
test_layout_unknown_name (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-l", "a5-flier", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 2);
  roneo_test_assert_contains (run.err, "a5-flier");
  const char *names[] = { "a3-placard", "a4-tract", "a5-flyer", "a6-card" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    roneo_test_assert_contains (run.err, names[i]);
  assert_no_output (out, dir);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- outputs */

static void
run_bad_output (const char *dir, const char *out, const char *leftover_dir)
{
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 5);
  roneo_test_assert_contains (run.err, "roneo: ");
  roneo_test_assert_contains (run.err, out);
  assert_no_output (out, leftover_dir);
}

static void
test_output_missing_dir (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *out = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  run_bad_output (dir, out, dir);
  g_autofree char *sub = g_path_get_dirname (out);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir);
}

/* Tests run as root, so chmod would not stop a write: a plain file used as
 * a folder and /proc do. The file must come out untouched. */
static void
test_output_unwritable_dir (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *file = g_build_filename (dir, "existingfile", NULL);
  write_text (file, "keep me\n");
  g_autofree char *out = g_build_filename (file, "out.pdf", NULL);
  run_bad_output (dir, out, dir);
  g_autofree char *kept = read_text (file);
  g_assert_cmpstr (kept, ==, "keep me\n");
  run_bad_output (dir, "/proc/roneo-test.pdf", "/proc");
  roneo_test_rm_rf (dir);
}

/* A full device at the output path: exit 5, and the device is still there.
 * As root the test makes its own /dev/full-like node, so a roneo that
 * removes or replaces the target cannot break the machine's /dev/full. */
static void
test_output_full_device (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *node = g_build_filename (dir, "full", NULL);
  const char *out = node;
  if (mknod (node, S_IFCHR | 0666, makedev (1, 7)) != 0)
    {
      if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
        g_error ("no /dev/full and cannot make a full device in '%s'", dir);
      out = "/dev/full";
    }
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 5);
  roneo_test_assert_contains (run.err, out);
  struct stat st;
  if (stat (out, &st) != 0)
    g_error ("the device '%s' at the output path was removed", out);
  g_assert_true (S_ISCHR (st.st_mode));
  g_autofree char *out_dir = g_path_get_dirname (out);
  assert_no_output (NULL, out_dir);
  assert_no_output (NULL, dir);
  roneo_test_rm_rf (dir);
}

/* A failed run must not take away a good PDF a previous run left there. */
static void
test_output_keeps_previous (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  write_text (out, "previous\n");
  g_autofree char *input = roneo_test_corpus ("bad/overflow.md");
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 4);
  g_autofree char *kept = read_text (out);
  g_assert_cmpstr (kept, ==, "previous\n");
  g_unlink (out);
  assert_no_output (out, dir);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- usage */

static void
test_usage (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_auto (RoneoTestRun) a;
  RONEO_TEST_RUN (&a, dir, "flyer", "--no-such-option", tract);
  roneo_test_assert_exit (&a, 1);
  roneo_test_assert_contains (a.err, "no-such-option");
  g_auto (RoneoTestRun) b;
  RONEO_TEST_RUN (&b, dir, "flyer");
  roneo_test_assert_exit (&b, 1);
  roneo_test_assert_contains (b.err, "roneo: ");
  g_auto (RoneoTestRun) c;
  RONEO_TEST_RUN (&c, dir, "no-such-command");
  roneo_test_assert_exit (&c, 1);
  roneo_test_assert_contains (c.err, "no-such-command");
  g_auto (RoneoTestRun) d;
  RONEO_TEST_RUN (&d, dir, "check");
  roneo_test_assert_exit (&d, 1);
  g_autoptr (GDir) d2 = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d2)); /* a usage error writes nothing */
  roneo_test_rm_rf (dir);
}

static void
assert_lists_exit_codes (const char *help)
{
  for (int code = 0; code <= 6; code++)
    {
      g_autofree char *pattern = g_strdup_printf ("(?m)^\\s*%d\\s+\\S", code);
      if (!g_regex_match_simple (pattern, help, 0, 0))
        g_error ("exit code %d not listed in:\n%s", code, help);
    }
}

static void
test_help (void)
{
  const char *commands[] = { NULL, "flyer", "check", "layouts", "fonts" };
  g_autofree char *dir = make_tmp ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (RoneoTestRun) run;
      if (commands[i] == NULL)
        RONEO_TEST_RUN (&run, dir, "--help");
      else
        RONEO_TEST_RUN (&run, dir, commands[i], "--help");
      roneo_test_assert_exit (&run, 0);
      assert_lists_exit_codes (run.out);
    }
  roneo_test_rm_rf (dir);
}

static void
test_layouts (void)
{
  g_autofree char *dir = make_tmp ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "layouts");
  roneo_test_assert_exit (&run, 0);
  const char *names[]
      = { "a3-placard", "a4-tract", "a5-flyer", "a6-card", "banderole", "banderole-rouge" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("(?m)^%s\\s", names[i]);
      if (!g_regex_match_simple (pattern, run.out, 0, 0))
        g_error ("layout %s not listed in:\n%s", names[i], run.out);
    }
  roneo_test_rm_rf (dir);
}

static void
test_fonts (void)
{
  g_autofree char *dir = make_tmp ();
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "fonts");
  roneo_test_assert_exit (&run, 0);
  const char *families[] = { "League Spartan", "Bebas Neue", "Linux Libertine O", "Inter" };
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    roneo_test_assert_contains (run.out, families[i]);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- fonts */

static void
test_missing_font (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *layout = write_layout (dir, "comic.ini", "font = Roneo Display\n",
                                          "font = Comic Nonexistent\n", NULL);
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);

  g_auto (RoneoTestRun) strict;
  RONEO_TEST_RUN (&strict, dir, "flyer", tract, "-l", layout, "-o", out, "--strict", "--date",
                  DATE);
  roneo_test_assert_exit (&strict, 3);
  roneo_test_assert_contains (strict.err, "Comic Nonexistent");
  assert_no_output (out, dir);

  g_auto (RoneoTestRun) lenient;
  RONEO_TEST_RUN (&lenient, dir, "flyer", tract, "-l", layout, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&lenient, 0);
  roneo_test_assert_contains (lenient.err, "roneo: warning: ");
  roneo_test_assert_contains (lenient.err, "Comic Nonexistent");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  roneo_test_assert_fonts_embedded (doc);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- main */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  source_root = roneo_test_source_root ();
  roneo_test_isolation_init ();

  flyer_cases = g_ptr_array_new_with_free_func (flyer_case_free);
  const struct
  {
    const char *file;
    int pages;
  } tracts[] = {
    { "tract-pompe-a-fric.md", 1 }, { "tract-plain.txt", 1 }, { "tract-en.md", 1 },
    { "tract-modele.md", 2 },       { "multilingual.md", 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (tracts); i++)
    {
      g_autofree char *test_path = g_strconcat ("/flyer/corpus/", tracts[i].file, NULL);
      add_flyer_case (test_path, roneo_test_corpus (tracts[i].file), tracts[i].pages);
    }
  add_example_cases ();

  roneo_test_add_isolated_func ("/output/png", test_png);
  roneo_test_add_isolated_func ("/output/stdout", test_stdout);
  roneo_test_add_isolated_func ("/input/stdin", test_stdin);
  roneo_test_add_isolated_func ("/input/fields", test_fields);
  static const char *const typo_layouts[] = { "a5-flyer", "a4-tract", "a5-black", "a6-card" };
  for (gsize i = 0; i < G_N_ELEMENTS (typo_layouts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/typography/details/%s", typo_layouts[i]);
      roneo_test_add_isolated (path, test_typography_details, typo_layouts[i]);
    }
  static const char *const recto_verso_layouts[] = { "a5-flyer", "a4-tract" };
  for (gsize i = 0; i < G_N_ELEMENTS (recto_verso_layouts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/flyer/recto-verso/%s", recto_verso_layouts[i]);
      roneo_test_add_isolated (path, test_recto_verso, recto_verso_layouts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/input/", bad_cases[i].file, NULL);
      roneo_test_add_isolated (test_path, test_bad_input, &bad_cases[i]);
    }
  roneo_test_add_isolated_func ("/input/bad/longword.txt", test_long_word);
  roneo_test_add_isolated_func ("/input/long-headline-allowed", test_long_headline_allowed);
  roneo_test_add_isolated_func ("/layout/unknown-key", test_layout_unknown_key);
  roneo_test_add_isolated_func ("/layout/negative-margin", test_layout_negative_margin);
  roneo_test_add_isolated_func ("/layout/zero-page", test_layout_zero_page);
  roneo_test_add_isolated_func ("/layout/huge-page", test_layout_huge_page);
  roneo_test_add_isolated_func ("/layout/unknown-name", test_layout_unknown_name);
  roneo_test_add_isolated_func ("/output/missing-dir", test_output_missing_dir);
  roneo_test_add_isolated_func ("/output/unwritable-dir", test_output_unwritable_dir);
  roneo_test_add_isolated_func ("/output/full-device", test_output_full_device);
  roneo_test_add_isolated_func ("/output/keeps-previous", test_output_keeps_previous);
  roneo_test_add_isolated_func ("/usage/errors", test_usage);
  roneo_test_add_isolated_func ("/usage/help", test_help);
  roneo_test_add_isolated_func ("/list/layouts", test_layouts);
  roneo_test_add_isolated_func ("/list/fonts", test_fonts);
  roneo_test_add_isolated_func ("/font/missing", test_missing_font);

  int status = g_test_run ();
  g_ptr_array_unref (flyer_cases);
  roneo_test_cli_teardown ();
  return status;
}
