/* test-cli-files.c: the `cli` suite's cases about files (issue 7, items 3, 6, 7).
 *
 * What roneo reads (only regular files or "-", within limits: FIFOs, devices
 * and files too large refused with the file named), what it writes (never
 * over a file the job reads, also through a link; a file that is not a PDF
 * kept unless --force; every output committed together, so a failure after
 * the PDF leaves the earlier one), standard streams (-o - through a pipe for
 * flyer, banner and batch, a reader that goes away, a terminal refused) and
 * signals (SIGINT, SIGTERM, SIGHUP in the middle of a job leave nothing but
 * the inputs and the earlier output, byte for byte).
 *
 * Each case runs the built roneo (the first argument) in a fresh folder that
 * is also its TMPDIR, with inputs from tests/cases or written by the case.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DATE "2026-03-01"

static const char *source_root;

/* ---------------------------------------------------------------- helpers */

static char *
make_tmp (void)
{
  return roneo_test_make_tmp_dir ("roneo-files-XXXXXX");
}

/* A case file of tests/cases copied into dir (so the folder holds every
 * input the job reads). Returns its path in dir. */
static char *
copy_case (const char *dir, const char *name)
{
  g_autofree char *from = g_build_filename (source_root, "tests", "cases", name, NULL);
  g_autoptr (GBytes) bytes = roneo_test_read_bytes (from);
  char *to = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return to;
}

/* A CSV for tract-modele.md with rows rows. */
static char *
write_rows (const char *dir, const char *name, guint rows)
{
  GString *text = g_string_new ("ville,date,heure,lieu\n");
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "Ville %u,jeudi,14 h,place %u\n", i, i);
  char *path = roneo_test_write_file (dir, name, text->str);
  g_string_free (text, TRUE);
  return path;
}

static void
assert_same_bytes (const char *path, GBytes *expected)
{
  g_autoptr (GBytes) now = roneo_test_read_bytes (path);
  if (!g_bytes_equal (now, expected))
    g_error ("'%s' was changed", path);
}

static void
assert_is_pdf (const char *path, int pages)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  if (pages > 0)
    g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages);
  else
    g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
}

/* Runs a shell script in dir (TMPDIR = dir); $RONEO is the binary. */
static void
run_shell (RoneoTestRun *run, const char *dir, const char *script)
{
  g_autofree char *quoted = g_shell_quote (roneo_test_roneo_path ());
  g_autofree char *full = g_strdup_printf ("RONEO=%s; %s", quoted, script);
  RoneoTestSpawn how = { .program = "sh" };
  roneo_test_run_full (run, dir, &how, (const char *const[]){ "-c", full, NULL });
}

static gboolean
dir_has_temporary (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".tmp"))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------- inputs */

/* A FIFO as the copy or as --data: refused at once, not waited on. */
static void
test_fifo (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.md", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) copy;
  RONEO_TEST_RUN (&copy, dir, "flyer", fifo, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&copy, 2);
  roneo_test_assert_contains (copy.err, "'");
  roneo_test_assert_contains (copy.err, fifo);
  roneo_test_assert_contains (copy.err, "named pipe");
  g_assert_cmpfloat (copy.seconds, <, 30);

  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_auto (RoneoTestRun) data;
  RONEO_TEST_RUN (&data, dir, "batch", tract, "--data", fifo, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&data, 2);
  roneo_test_assert_contains (data.err, fifo);
  roneo_test_assert_contains (data.err, "named pipe");
  const char *inputs[] = { "pipe.md", "tract-modele.md", NULL };
  roneo_test_assert_left_only (dir, inputs);
  roneo_test_rm_rf (dir);
}

/* /dev/zero as the layout (-l and front matter) and as the CSV. */
static void
test_dev_zero (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) layout;
  RONEO_TEST_RUN (&layout, dir, "flyer", tract, "-l", "/dev/zero", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&layout, 2);
  roneo_test_assert_contains (layout.err, "'/dev/zero'");
  roneo_test_assert_contains (layout.err, "a device");

  g_autofree char *front = roneo_test_write_file (dir, "front.md",
                                                  "---\nlayout: /dev/zero\n---\n"
                                                  "# Titre\n\nUn paragraphe.\n");
  g_auto (RoneoTestRun) matter;
  RONEO_TEST_RUN (&matter, dir, "flyer", front, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&matter, 2);
  g_autofree char *where = g_strconcat (front, ":2:", NULL);
  roneo_test_assert_contains (matter.err, where);
  roneo_test_assert_contains (matter.err, "'/dev/zero'");

  g_auto (RoneoTestRun) data;
  RONEO_TEST_RUN (&data, dir, "batch", tract, "--data", "/dev/zero", "-o", out, "--date", DATE);
  roneo_test_assert_exit (&data, 2);
  roneo_test_assert_contains (data.err, "'/dev/zero'");
  g_assert_cmpfloat (data.seconds, <, 30);
  const char *inputs[] = { "tract-modele.md", "front.md", NULL };
  roneo_test_assert_left_only (dir, inputs);
  roneo_test_rm_rf (dir);
}

/* The front matter names a layout by name or .ini file, nothing else. */
static void
test_front_matter_layout (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *other = roneo_test_write_file (dir, "notes.txt", "[page]\nsize = A6\n");
  g_autofree char *bad = roneo_test_write_file (dir, "bad.md",
                                                "---\ntitle: T\nlayout: notes.txt\n---\n"
                                                "# Titre\n\nUn paragraphe.\n");
  g_auto (RoneoTestRun) refused;
  RONEO_TEST_RUN (&refused, dir, "flyer", bad, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&refused, 2);
  g_autofree char *where = g_strconcat (bad, ":3:", NULL);
  roneo_test_assert_contains (refused.err, where);
  roneo_test_assert_contains (refused.err, ".ini");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_autofree char *ini = roneo_test_write_file (dir, "mine.ini", "[page]\nsize = A6\n");
  g_autofree char *good = roneo_test_write_file (dir, "good.md",
                                                 "---\nlayout: mine.ini\n---\n"
                                                 "# Titre\n\nUn paragraphe.\n");
  g_auto (RoneoTestRun) taken;
  RONEO_TEST_RUN (&taken, dir, "flyer", good, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&taken, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  roneo_test_assert_page_sizes (doc, 297.64, 419.53);
  roneo_test_rm_rf (dir);
}

/* An 11 MB copy, and endless standard input, stop with the file named. */
static void
test_too_large (void)
{
  g_autofree char *dir = make_tmp ();
  GString *text = g_string_new ("# Titre\n\n");
  while (text->len < 11 * 1024 * 1024)
    g_string_append (text, "Un paragraphe de texte qui se répète encore et encore.\n\n");
  g_autofree char *big = roneo_test_write_file (dir, "big.md", text->str);
  g_string_free (text, TRUE);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) file;
  RONEO_TEST_RUN (&file, dir, "flyer", big, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&file, 2);
  roneo_test_assert_contains (file.err, big);
  roneo_test_assert_contains (file.err, "10 MB");

  g_auto (RoneoTestRun) endless;
  run_shell (&endless, dir, "yes | \"$RONEO\" flyer - -o out.pdf --date " DATE);
  roneo_test_assert_exit (&endless, 2);
  roneo_test_assert_contains (endless.err, "<stdin>");
  roneo_test_assert_contains (endless.err, "10 MB");
  g_assert_cmpfloat (endless.seconds, <, 60);
  const char *inputs[] = { "big.md", NULL };
  roneo_test_assert_left_only (dir, inputs);
  roneo_test_rm_rf (dir);
}

/* "-" reads the slogan, the CSV and the layout too; only one at a time. */
static void
test_stdin_everywhere (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_autofree char *csv = write_rows (dir, "rows.csv", 3);
  g_autofree char *slogan = roneo_test_write_file (dir, "slogan.txt", "NON A LA FERMETURE\n");
  g_autofree char *layout_path = g_build_filename (source_root, "layouts", "a6-card.ini", NULL);

  g_auto (RoneoTestRun) data;
  RoneoTestSpawn from_csv = { .stdin_path = csv };
  roneo_test_run_full (&data, dir, &from_csv,
                       (const char *const[]){ "batch", tract, "--data", "-", "-o", "rows.pdf",
                                              "--date", DATE, NULL });
  roneo_test_assert_exit (&data, 0);
  g_autofree char *rows_pdf = g_build_filename (dir, "rows.pdf", NULL);
  assert_is_pdf (rows_pdf, 0);

  g_auto (RoneoTestRun) banner;
  RoneoTestSpawn from_slogan = { .stdin_path = slogan };
  roneo_test_run_full (&banner, dir, &from_slogan,
                       (const char *const[]){ "banner", "-", "--size", "100x30cm", "-o",
                                              "banner.pdf", "--date", DATE, NULL });
  roneo_test_assert_exit (&banner, 0);
  g_autofree char *banner_pdf = g_build_filename (dir, "banner.pdf", NULL);
  assert_is_pdf (banner_pdf, 0);

  g_auto (RoneoTestRun) layout;
  RoneoTestSpawn from_layout = { .stdin_path = layout_path };
  roneo_test_run_full (
      &layout, dir, &from_layout,
      (const char *const[]){ "flyer", tract, "-l", "-", "-o", "card.pdf", "--date", DATE, NULL });
  roneo_test_assert_exit (&layout, 0);
  g_autofree char *card = g_build_filename (dir, "card.pdf", NULL);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (card);
  roneo_test_assert_page_sizes (doc, 297.64, 419.53);

  g_auto (RoneoTestRun) twice;
  roneo_test_run_full (&twice, dir, &from_csv,
                       (const char *const[]){ "batch", "-", "--data", "-", "-o", "x.pdf", NULL });
  roneo_test_assert_exit (&twice, 1);
  roneo_test_assert_contains (twice.err, "standard input");
  const char *left[]
      = { "tract-modele.md", "rows.csv", "slogan.txt", "rows.pdf", "banner.pdf", "card.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- outputs */

typedef struct
{
  const char *name;   /* test path */
  const char *what;   /* in the message */
  gboolean link;      /* -o is a symlink to the input */
  gboolean hard_link; /* -o is a hard link to the input */
  int input;          /* 0 copy, 1 CSV, 2 layout */
} IsInputCase;

static const IsInputCase is_input_cases[] = {
  { "/output/is-input/copy", "the copy", FALSE, FALSE, 0 },
  { "/output/is-input/copy-symlink", "the copy", TRUE, FALSE, 0 },
  { "/output/is-input/copy-hard-link", "the copy", FALSE, TRUE, 0 },
  { "/output/is-input/csv", "the CSV file", FALSE, FALSE, 1 },
  { "/output/is-input/csv-hard-link", "the CSV file", FALSE, TRUE, 1 },
  { "/output/is-input/layout-symlink", "the layout", TRUE, FALSE, 2 },
};

/* -o naming a file the job reads: exit 5 saying which, the input intact. */
static void
test_output_is_input (gconstpointer data)
{
  const IsInputCase *c = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_autofree char *csv = write_rows (dir, "rows.csv", 2);
  g_autofree char *layout = roneo_test_write_file (dir, "mine.ini", "[page]\nsize = A6\n");
  const char *inputs[] = { tract, csv, layout };
  const char *input = inputs[c->input];
  g_autoptr (GBytes) before = roneo_test_read_bytes (input);
  g_autofree char *out = g_strdup (input);
  if (c->link || c->hard_link)
    {
      g_free (out);
      out = g_build_filename (dir, "out.pdf", NULL);
      g_assert_cmpint (c->link ? symlink (input, out) : link (input, out), ==, 0);
    }
  g_auto (RoneoTestRun) run;
  if (c->input == 1)
    RONEO_TEST_RUN (&run, dir, "batch", tract, "--data", csv, "-l", layout, "-o", out, "--date",
                    DATE);
  else
    RONEO_TEST_RUN (&run, dir, "flyer", tract, "-l", layout, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 5);
  roneo_test_assert_contains (run.err, c->what);
  roneo_test_assert_contains (run.err, out);
  assert_same_bytes (input, before);
  if (c->link)
    {
      struct stat st;
      g_assert_cmpint (lstat (out, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
    }
  const char *left[] = { "tract-modele.md", "rows.csv", "mine.ini", "out.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* `-o tract.txt` over a file that is not a PDF: kept, unless --force. */
static void
test_output_not_pdf (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  g_autofree char *notes = roneo_test_write_file (dir, "notes.txt", "my notes, not a PDF\n");
  g_autoptr (GBytes) before = roneo_test_read_bytes (notes);
  const char *const commands[][8] = {
    { "flyer", tract, "-o", notes, "--date", DATE, NULL },
    { "banner", "--text", "A BAS", "--size", "100x30cm", "-o", notes },
    { "batch", tract, "-n", "2", "-o", notes, "--date", DATE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (RoneoTestRun) kept;
      const char *args[10] = { 0 };
      for (guint j = 0; j < 8 && commands[i][j] != NULL; j++)
        args[j] = commands[i][j];
      roneo_test_run_full (&kept, dir, NULL, args);
      roneo_test_assert_exit (&kept, 5);
      roneo_test_assert_contains (kept.err, "not a PDF");
      roneo_test_assert_contains (kept.err, "--force");
      roneo_test_assert_contains (kept.err, notes);
      assert_same_bytes (notes, before);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (RoneoTestRun) forced;
      const char *args[10] = { 0 };
      guint n = 0;
      for (; n < 8 && commands[i][n] != NULL; n++)
        args[n] = commands[i][n];
      args[n] = "--force";
      roneo_test_run_full (&forced, dir, NULL, args);
      roneo_test_assert_exit (&forced, 0);
      assert_is_pdf (notes, 0);
      g_free (roneo_test_write_file (dir, "notes.txt", "my notes, not a PDF\n"));
    }
  /* an earlier PDF is replaced without --force */
  g_autofree char *pdf = g_build_filename (dir, "tract.pdf", NULL);
  g_auto (RoneoTestRun) first, second;
  RONEO_TEST_RUN (&first, dir, "flyer", tract, "-o", pdf, "--date", DATE);
  roneo_test_assert_exit (&first, 0);
  RONEO_TEST_RUN (&second, dir, "flyer", tract, "-o", pdf, "--date", "2026-04-01");
  roneo_test_assert_exit (&second, 0);
  const char *left[] = { "tract-pompe-a-fric.md", "notes.txt", "tract.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* A symlink at the output path is replaced; what it pointed to is untouched. */
static void
test_output_symlink_replaced (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  g_autofree char *elsewhere = make_tmp ();
  g_autofree char *target = g_build_filename (elsewhere, "theirs.pdf", NULL);
  g_auto (RoneoTestRun) theirs;
  RONEO_TEST_RUN (&theirs, dir, "flyer", tract, "-o", target, "--date", "2020-01-01");
  roneo_test_assert_exit (&theirs, 0);
  g_autoptr (GBytes) before = roneo_test_read_bytes (target);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_assert_cmpint (symlink (target, out), ==, 0);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", tract, "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  struct stat st;
  g_assert_cmpint (lstat (out, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  assert_is_pdf (out, 1);
  assert_same_bytes (target, before);
  roneo_test_rm_rf (elsewhere);
  roneo_test_rm_rf (dir);
}

/* The manifest and the PDF at one path: refused, nothing written. */
static void
test_output_manifest_is_pdf (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *out = g_build_filename (dir, "x.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "banner", "--text", "A BAS", "--size", "100x30cm", "--manifest", out,
                  "-o", out, "--date", DATE);
  roneo_test_assert_exit (&run, 5);
  roneo_test_assert_contains (run.err, "manifest");
  roneo_test_assert_contains (run.err, out);
  roneo_test_assert_left_only (dir, NULL);
  roneo_test_rm_rf (dir);
}

/* A proof or a manifest that cannot be written after the PDF was made: the
 * earlier PDF stays, byte for byte, and no proof is left half done. */
static void
test_output_failure_keeps_earlier (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "tract.pdf", NULL);
  g_auto (RoneoTestRun) good;
  RONEO_TEST_RUN (&good, dir, "flyer", tract, "-o", out, "--date", "2020-01-01");
  roneo_test_assert_exit (&good, 0);
  g_autoptr (GBytes) before = roneo_test_read_bytes (out);
  g_autofree char *blocker = g_build_filename (dir, "tract-1.png", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0755), ==, 0);
  g_auto (RoneoTestRun) png;
  RONEO_TEST_RUN (&png, dir, "flyer", tract, "-o", out, "--png", "--date", DATE);
  roneo_test_assert_exit (&png, 5);
  roneo_test_assert_contains (png.err, "tract-1.png");
  assert_same_bytes (out, before);

  g_autofree char *banner = g_build_filename (dir, "banner.pdf", NULL);
  g_auto (RoneoTestRun) first;
  RONEO_TEST_RUN (&first, dir, "banner", "--text", "A BAS", "--size", "100x30cm", "-o", banner,
                  "--date", "2020-01-01");
  roneo_test_assert_exit (&first, 0);
  g_autoptr (GBytes) banner_before = roneo_test_read_bytes (banner);
  g_autofree char *manifest = g_build_filename (dir, "no-such-dir", "m.json", NULL);
  g_auto (RoneoTestRun) second;
  RONEO_TEST_RUN (&second, dir, "banner", "--text", "A BAS", "--size", "100x30cm", "-o", banner,
                  "--manifest", manifest, "--png", "--date", DATE);
  roneo_test_assert_exit (&second, 5);
  roneo_test_assert_contains (second.err, manifest);
  assert_same_bytes (banner, banner_before);
  const char *left[] = { "tract-pompe-a-fric.md", "tract.pdf", "tract-1.png", "banner.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* Two runs at once with the same -o: each its own temporary, both succeed. */
static void
test_output_unique_temporaries (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_autofree char *csv = write_rows (dir, "rows.csv", 60);
  g_auto (RoneoTestRun) run;
  run_shell (&run, dir,
             "\"$RONEO\" batch tract-modele.md --data rows.csv -o out.pdf -q & a=$!; "
             "\"$RONEO\" batch tract-modele.md --data rows.csv -o out.pdf -q; b=$?; "
             "wait $a; a=$?; test $a = 0 && test $b = 0");
  roneo_test_assert_exit (&run, 0);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  roneo_test_assert_qpdf_check_clean (out);
  const char *left[] = { "tract-modele.md", "rows.csv", "out.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- streams */

typedef struct
{
  const char *name;
  const char *command; /* roneo's arguments, shell words */
  int pages;
} PipeCase;

static const PipeCase pipe_cases[] = {
  { "/stream/pipe/flyer", "flyer tract-pompe-a-fric.md", 1 },
  { "/stream/pipe/banner", "banner --text 'A BAS' --size 100x30cm", 9 },
  { "/stream/pipe/batch", "batch tract-pompe-a-fric.md -n 4", 2 },
};

/* -o - into a pipe: the PDF comes out whole; no file named "-", no temporary. */
static void
test_stdout_pipe (gconstpointer data)
{
  const PipeCase *c = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  g_autofree char *script
      = g_strdup_printf ("\"$RONEO\" %s -o - --date " DATE " -q | cat > got", c->command);
  g_auto (RoneoTestRun) run;
  run_shell (&run, dir, script);
  roneo_test_assert_exit (&run, 0);
  g_autofree char *got = g_build_filename (dir, "got", NULL);
  assert_is_pdf (got, c->pages);
  const char *left[] = { "tract-pompe-a-fric.md", "got", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* The reader is gone before roneo writes: exit 5, no temporary anywhere. */
static void
test_stdout_reader_exits (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  const char *commands[] = { "flyer tract-pompe-a-fric.md", "batch tract-pompe-a-fric.md -n 4",
                             "banner --text 'A BAS' --size 100x30cm" };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *script = g_strdup_printf (
          "(\"$RONEO\" %s -o - -q; echo $? > status) | true; cat status; rm status", commands[i]);
      g_auto (RoneoTestRun) run;
      run_shell (&run, dir, script);
      roneo_test_assert_exit (&run, 0);
      g_assert_cmpstr (run.out, ==, "5\n");
      roneo_test_assert_contains (run.err, "standard output");
      const char *left[] = { "tract-pompe-a-fric.md", NULL };
      roneo_test_assert_left_only (dir, left);
    }
  roneo_test_rm_rf (dir);
}

/* Runs roneo with a terminal as standard output and copy on standard input. */
static int
run_on_terminal (const char *dir, const char *copy, const char *const *args, char **said)
{
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  g_autofree char *slave_name = g_strdup (ptsname (master));
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int slave = open (slave_name, O_RDWR | O_NOCTTY);
      int in = open (copy, O_RDONLY);
      if (slave < 0 || in < 0 || chdir (dir) != 0)
        _exit (127);
      dup2 (in, 0);
      dup2 (slave, 1);
      dup2 (slave, 2);
      execv (roneo_test_roneo_path (), (char **) args);
      _exit (127);
    }
  GString *out = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;
  while ((n = read (master, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (out, buffer, n);
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (master);
  *said = g_string_free (out, FALSE);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* `cat tract.md | roneo flyer -` on a terminal: refused, as gzip does. */
static void
test_stdout_terminal (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-pompe-a-fric.md");
  const char *const flyer[] = { roneo_test_roneo_path (), "flyer", "-", NULL };
  const char *const batch[] = { roneo_test_roneo_path (), "batch", tract, "-o", "-", NULL };
  const char *const banner[] = { roneo_test_roneo_path (), "banner", "-", NULL };
  const char *const *cases[] = { flyer, batch, banner };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *said = NULL;
      g_assert_cmpint (run_on_terminal (dir, tract, cases[i], &said), ==, 1);
      roneo_test_assert_contains (said, "use -o FILE");
      g_assert_null (strstr (said, "%PDF"));
    }
  const char *left[] = { "tract-pompe-a-fric.md", NULL };
  roneo_test_assert_left_only (dir, left);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- signals */

typedef struct
{
  const char *name;
  int signum;
  gboolean png; /* a flyer's proof at high resolution, else a long batch */
} SignalCase;

static const SignalCase signal_cases[] = {
  { "/signal/batch/SIGINT", SIGINT, FALSE }, { "/signal/batch/SIGTERM", SIGTERM, FALSE },
  { "/signal/batch/SIGHUP", SIGHUP, FALSE }, { "/signal/png/SIGTERM", SIGTERM, TRUE },
  { "/signal/png/SIGHUP", SIGHUP, TRUE },
};

static GPid
spawn_roneo (const char *dir, const char *const *args)
{
  GPid pid;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "TMPDIR", dir, TRUE);
  g_assert_true (g_spawn_async (dir, (char **) args, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* Waits until the job's temporary is in dir (it is writing), at most 120 s. */
static void
wait_for_temporary (const char *dir, GPid pid)
{
  for (int i = 0; i < 24000 && !dir_has_temporary (dir); i++)
    {
      int status;
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("roneo ended before it wrote a temporary (status %d)", status);
      g_usleep (5000);
    }
  g_assert_true (dir_has_temporary (dir));
}

/* A signal in the middle of writing: exit 5, nothing left but the inputs and
 * the earlier output, which is byte-identical. */
static void
test_signal (gconstpointer data)
{
  const SignalCase *c = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = copy_case (dir, "tract-modele.md");
  g_autofree char *csv = write_rows (dir, "rows.csv", c->png ? 1 : 4000);
  g_autofree char *small = write_rows (dir, "small.csv", 1);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) earlier;
  if (c->png)
    RONEO_TEST_RUN (&earlier, dir, "flyer", tract, "-o", out, "--date", "2020-01-01", "-q");
  else
    RONEO_TEST_RUN (&earlier, dir, "batch", tract, "--data", small, "-o", out, "--date",
                    "2020-01-01");
  roneo_test_assert_exit (&earlier, 0);
  g_unlink (small);
  g_autoptr (GBytes) before = roneo_test_read_bytes (out);
  const char *const batch[]
      = { roneo_test_roneo_path (), "batch", tract, "--data", csv, "-o", out, "-q", NULL };
  const char *const png[]
      = { roneo_test_roneo_path (), "flyer", tract, "--png=1200", "-o", out, "-q", NULL };
  GPid pid = spawn_roneo (dir, c->png ? png : batch);
  wait_for_temporary (dir, pid);
  kill (pid, c->signum);
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 5);
  assert_same_bytes (out, before);
  const char *left[] = { "tract-modele.md", "rows.csv", "out.pdf", NULL };
  roneo_test_assert_left_only (dir, left);
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
  roneo_test_add_isolated_func ("/input/fifo", test_fifo);
  roneo_test_add_isolated_func ("/input/dev-zero", test_dev_zero);
  roneo_test_add_isolated_func ("/input/front-matter-layout", test_front_matter_layout);
  roneo_test_add_isolated_func ("/input/too-large", test_too_large);
  roneo_test_add_isolated_func ("/input/stdin-everywhere", test_stdin_everywhere);
  for (guint i = 0; i < G_N_ELEMENTS (is_input_cases); i++)
    roneo_test_add_isolated (is_input_cases[i].name, test_output_is_input, &is_input_cases[i]);
  roneo_test_add_isolated_func ("/output/not-pdf", test_output_not_pdf);
  roneo_test_add_isolated_func ("/output/symlink-replaced", test_output_symlink_replaced);
  roneo_test_add_isolated_func ("/output/manifest-is-pdf", test_output_manifest_is_pdf);
  roneo_test_add_isolated_func ("/output/failure-keeps-earlier", test_output_failure_keeps_earlier);
  roneo_test_add_isolated_func ("/output/unique-temporaries", test_output_unique_temporaries);
  for (guint i = 0; i < G_N_ELEMENTS (pipe_cases); i++)
    roneo_test_add_isolated (pipe_cases[i].name, test_stdout_pipe, &pipe_cases[i]);
  roneo_test_add_isolated_func ("/stream/reader-exits", test_stdout_reader_exits);
  roneo_test_add_isolated_func ("/stream/terminal", test_stdout_terminal);
  for (guint i = 0; i < G_N_ELEMENTS (signal_cases); i++)
    roneo_test_add_isolated (signal_cases[i].name, test_signal, &signal_cases[i]);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
