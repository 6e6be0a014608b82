/* test-batch.c: the `batch` suite, `roneo batch` as a user runs it.
 *
 * Each case runs the built roneo binary (its path is the first argument) in a
 * fresh temporary folder, which is also its TMPDIR, with a fixed --date, and
 * reads the PDF back with poppler. Where a copy landed on the sheet is found
 * from the text layer: the centre of each match of a word is mapped to the slot
 * grid PRINT.md describes (block of slots centred on the sheet, row-major), so
 * the cut-and-stack order (sheet s, slot p holds record p·S + s), the mirrored
 * slot of a verso and its 180° rotation are checked without knowing how roneo
 * draws. tract-modele.md sets on a6-card, a recto/verso invitation card: the
 * headline ({ville}) and subhead on the recto, the text with its {lieu} on the
 * verso, so each imposed sheet is a recto page followed by its verso page.
 * The press marks are checked on a rendering: ink outside the trims only in
 * the bleed and on the crop marks. Every failing run must exit with its code,
 * say why, and leave nothing at the output path nor in TMPDIR.
 *
 * The environment comes from tests/meson.build: RONEO_DATA_DIR and RONEO_TEST_CASES.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "roneo-test-cli.h"

#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#define DATE "2026-03-01"
#define MM (72.0 / 25.4)
#define A4_W 595.276
#define A4_H 841.890
#define A5_W 419.528
#define A5_H 595.276
#define A6_W 297.638
#define A6_H 419.528
#define SRA3_W (320 * MM)
#define SRA3_H (450 * MM)

/* ---------------------------------------------------------------- running */

/* Runs roneo batch ARGS... --date DATE in cwd, with TMPDIR = cwd. */
static void
run_argv (RoneoTestRun *run, const char *cwd, const char *const *args)
{
  g_autoptr (GStrvBuilder) argv = g_strv_builder_new ();
  g_strv_builder_addv (argv, (const char **) args);
  g_strv_builder_add_many (argv, "--date", DATE, NULL);
  g_auto (GStrv) all = g_strv_builder_end (argv);
  roneo_test_run_full (run, cwd, NULL, (const char *const *) all);
}

#define BATCH(run, cwd, ...)                                                                       \
  run_argv (run, cwd, (const char *const[]){ "batch", __VA_ARGS__, NULL })

static char *
make_tmp (void)
{
  return roneo_test_make_tmp_dir ("roneo-batch-XXXXXX");
}

static char *
write_file (const char *dir, const char *name, const char *text)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* qpdf --check, skipped (with a message) when qpdf is not installed. */
static void
assert_qpdf_clean (const char *path)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  if (qpdf == NULL)
    {
      g_test_message ("qpdf not found (apt-get install qpdf): structure not checked");
      return;
    }
  g_autofree char *out = NULL, *err = NULL;
  if (!roneo_test_qpdf_check (path, &out, &err) || strstr (out, "WARNING"))
    g_error ("qpdf --check %s:\n%s%s", path, out, err);
}

/* ---------------------------------------------------------------- slots */

/* The slot grid PRINT.md promises: cols x rows trims, `gutter` apart, the
 * block centred on the sheet. */
typedef struct
{
  double sheet_w, sheet_h, cell_w, cell_h, gutter;
  int cols, rows;
} Grid;

static double
grid_x0 (const Grid *g)
{
  return (g->sheet_w - g->cols * g->cell_w - (g->cols - 1) * g->gutter) / 2;
}

static double
grid_y0 (const Grid *g)
{
  return (g->sheet_h - g->rows * g->cell_h - (g->rows - 1) * g->gutter) / 2;
}

/* The row-major slot whose trim holds (x, y) (top-left origin), or -1. */
static int
slot_at (const Grid *g, double x, double y)
{
  for (int r = 0; r < g->rows; r++)
    for (int c = 0; c < g->cols; c++)
      {
        double x0 = grid_x0 (g) + c * (g->cell_w + g->gutter);
        double y0 = grid_y0 (g) + r * (g->cell_h + g->gutter);
        if (x >= x0 && x < x0 + g->cell_w && y >= y0 && y < y0 + g->cell_h)
          return r * g->cols + c;
      }
  return -1;
}

static const Grid a6_on_a4 = { A4_W, A4_H, A6_W, A6_H, 0, 2, 2 };
static const Grid a5_on_a4 = { A4_H, A4_W, A5_W, A5_H, 0, 2, 1 };

/* A6 4-up on A4 portrait turns on the paper's long edge (PRINT.md), that is
 * left<->right: the verso of front slot (c, r) is in (1 - c, r), upright. */
static int
a6_verso_slot (int slot)
{
  return slot ^ 1;
}

typedef struct
{
  double x, y; /* centre, top-left origin, y down */
} Hit;

/* The centres of every match of word on the page (case-insensitive). */
static GArray *
find_word (PopplerPage *page, const char *word)
{
  double w, h;
  poppler_page_get_size (page, &w, &h);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GList *matches = poppler_page_find_text (page, word);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* find_text gives PDF coordinates: y up from the bottom */
      Hit hit = { (r->x1 + r->x2) / 2, h - (r->y1 + r->y2) / 2 };
      g_array_append_val (hits, hit);
      poppler_rectangle_free (r);
    }
  g_list_free (matches);
  return hits;
}

/* word appears on page, and only in slot (at least once). */
static void
assert_word_in_slot (PopplerDocument *doc, int page_index, const Grid *grid, const char *word,
                     int slot)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, page_index);
  g_autoptr (GArray) hits = find_word (page, word);
  if (hits->len == 0)
    g_error ("'%s' not found on page %d (expected in slot %d)", word, page_index + 1, slot);
  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      int found = slot_at (grid, hit->x, hit->y);
      if (found != slot)
        g_error ("'%s' on page %d at (%.1f, %.1f) is in slot %d, expected slot %d", word,
                 page_index + 1, hit->x, hit->y, found, slot);
    }
}

/* word appears exactly once in each slot of the page. */
static void
assert_once_per_slot (PopplerDocument *doc, int page_index, const Grid *grid, const char *word)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, page_index);
  g_autoptr (GArray) hits = find_word (page, word);
  int slots = grid->cols * grid->rows;
  g_autofree int *seen = g_new0 (int, slots);
  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      int slot = slot_at (grid, hit->x, hit->y);
      if (slot < 0)
        g_error ("'%s' on page %d at (%.1f, %.1f) is in no slot", word, page_index + 1, hit->x,
                 hit->y);
      seen[slot]++;
    }
  for (int slot = 0; slot < slots; slot++)
    if (seen[slot] != 1)
      g_error ("'%s' found %d times in slot %d of page %d, expected once", word, seen[slot], slot,
               page_index + 1);
}

/* Non-space characters of the text layer whose centre lies in each slot,
 * in one pass: counts has a place per slot of grid. */
static void
chars_per_slot (PopplerPage *page, const Grid *grid, guint *counts)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n = 0;
  memset (counts, 0, sizeof *counts * (gsize) (grid->cols * grid->rows));
  if (!poppler_page_get_text_layout (page, &rects, &n))
    return;
  const char *p = text;
  for (guint i = 0; i < n && p != NULL && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      double x = (rects[i].x1 + rects[i].x2) / 2, y = (rects[i].y1 + rects[i].y2) / 2;
      int slot = slot_at (grid, x, y);
      if (slot >= 0)
        counts[slot]++;
    }
  g_free (rects);
}

/* Characters of the text layer whose centre lies in slot. */
static guint
chars_in_slot (PopplerPage *page, const Grid *grid, int slot)
{
  g_autofree guint *counts = g_new0 (guint, grid->cols * grid->rows);
  chars_per_slot (page, grid, counts);
  return counts[slot];
}

static guint
count_word_on_page (PopplerPage *page, const char *word)
{
  g_autoptr (GArray) hits = find_word (page, word);
  return hits->len;
}

static guint
count_word (PopplerDocument *doc, const char *word)
{
  guint count = 0;
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autoptr (GArray) hits = find_word (page, word);
      count += hits->len;
    }
  return count;
}

/* The one match of word on page. */
static Hit
only_hit (PopplerDocument *doc, int page_index, const char *word)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, page_index);
  g_autoptr (GArray) hits = find_word (page, word);
  if (hits->len != 1)
    g_error ("'%s' found %u times on page %d, expected once", word, hits->len, page_index + 1);
  return g_array_index (hits, Hit, 0);
}

/* The one match of word in slot of the page. */
static Hit
hit_in_slot (PopplerDocument *doc, int page_index, const Grid *grid, const char *word, int slot)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, page_index);
  g_autoptr (GArray) hits = find_word (page, word);
  Hit found = { -1, -1 };
  guint count = 0;
  for (guint i = 0; i < hits->len; i++)
    if (slot_at (grid, g_array_index (hits, Hit, i).x, g_array_index (hits, Hit, i).y) == slot)
      {
        found = g_array_index (hits, Hit, i);
        count++;
      }
  if (count != 1)
    g_error ("'%s' found %u times in slot %d of page %d, expected once", word, count, slot,
             page_index + 1);
  return found;
}

/* ---------------------------------------------------------------- personalised */

/* villes.csv on the A6 card: N = 4, k = 4, S = 1: record p's recto (its town,
 * in the headline) in slot p of page 1, its verso (its {lieu}) in the mirrored
 * slot of page 2, on the back of the same card. */
static void
test_data_villes (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *csv = roneo_test_corpus ("villes.csv");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--data", csv, "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  roneo_test_assert_page_sizes (doc, A4_W, A4_H);
  /* the headline may break a name at its hyphen: search a part that stays whole */
  const char *towns[] = { "Albi", "Castres", "L\u2019Isle", "Affrique" };
  /* and each row's {lieu} went with its {ville}, overleaf */
  const char *places[] = { "Cordeliers", "Jaurès", "fêtes", "couvert" };
  for (int p = 0; p < 4; p++)
    {
      assert_word_in_slot (doc, 0, &a6_on_a4, towns[p], p);
      assert_word_in_slot (doc, 1, &a6_on_a4, places[p], a6_verso_slot (p));
      g_assert_cmpuint (count_word (doc, towns[p]), ==, 1);
      g_assert_cmpuint (count_word (doc, places[p]), ==, 1);
    }
  roneo_test_assert_fonts_embedded (doc);
  roneo_test_rm_rf (dir);
}

/* rows towns: row i is Ville<i> at place Lieu<i>, one word each that no line
 * breaks and that no other row's contains (for the numbers checked). */
static char *
write_towns_csv (const char *dir, int rows)
{
  g_autoptr (GString) csv = g_string_new ("ville,date,heure,lieu\n");
  for (int i = 0; i < rows; i++)
    g_string_append_printf (csv, "Ville%02d,jeudi %d octobre,14 h,place Lieu%02d\n", i, i + 1, i);
  return write_file (dir, "towns.csv", csv->str);
}

/* 10 records, 4 slots: S = 3 sheets (6 pages, recto and verso), sheet s slot p
 * holds record p·3 + s: its town on the recto (page 2s), its {lieu} on the
 * verso (page 2s + 1) in the mirrored slot. Slot 3 of sheets 1 and 2 (records
 * 10 and 11) is blank on the recto, and so is its back, slot 2 of the verso. */
static void
test_data_cut_and_stack (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *csv = write_towns_csv (dir, 10);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--data", csv, "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  const int n = 10, k = 4, sheets = 3;
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2 * sheets);
  for (int s = 0; s < sheets; s++)
    for (int p = 0; p < k; p++)
      {
        int record = p * sheets + s;
        if (record < n)
          {
            g_autofree char *town = g_strdup_printf ("Ville%02d", record);
            g_autofree char *place = g_strdup_printf ("Lieu%02d", record);
            assert_word_in_slot (doc, 2 * s, &a6_on_a4, town, p);
            assert_word_in_slot (doc, 2 * s + 1, &a6_on_a4, place, a6_verso_slot (p));
            continue;
          }
        for (int side = 0; side < 2; side++)
          {
            g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 2 * s + side);
            int slot = side ? a6_verso_slot (p) : p;
            guint chars = chars_in_slot (page, &a6_on_a4, slot);
            if (chars != 0)
              g_error ("slot %d of sheet %d's %s should be blank (record %d >= %d): %u characters",
                       slot, s + 1, side ? "verso" : "recto", record, n, chars);
          }
      }
  for (int record = 0; record < n; record++)
    {
      g_autofree char *town = g_strdup_printf ("Ville%02d", record);
      g_autofree char *place = g_strdup_printf ("Lieu%02d", record);
      g_assert_cmpuint (count_word (doc, town), ==, 1);
      g_assert_cmpuint (count_word (doc, place), ==, 1);
    }
  roneo_test_rm_rf (dir);
}

/* How many times needle occurs in the file at path (bytes, NULs and all). */
static guint
count_bytes (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  guint count = 0;
  const gsize n = strlen (needle);
  for (gsize at = 0; at + n <= length; at++)
    count += memcmp (data + at, needle, n) == 0;
  return count;
}

/* 600 records, 4 slots: 150 sheets recto/verso, 300 pages, finished object by
 * object (PITFALLS 35) into several object streams of 100 objects. Every page
 * keeps its boxes and loses its /Group across the stream boundaries, the file
 * is qpdf-clean, and the rows come back from where the batch kept them in
 * cut-and-stack order: sheet s slot p holds record p·150 + s, its town on the
 * recto (page 2s), its {lieu} in the mirrored slot of the verso (page 2s + 1). */
static void
test_data_many_sheets (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *csv = write_towns_csv (dir, 600);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--data", csv, "-o", out, "-q");
  roneo_test_assert_exit (&run, 0);
  assert_qpdf_clean (out);
  g_assert_cmpuint (count_bytes (out, "/Type /ObjStm"), >=, 3);
  qpdf_data qpdf = roneo_test_open_qpdf (out);
  const int sheets = 150, pages = 2 * sheets;
  g_assert_cmpint (qpdf_get_num_pages (qpdf), ==, pages);
  for (int i = 0; i < pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, i);
      qpdf_oh trim = qpdf_oh_get_key (qpdf, page, "/TrimBox");
      if (!qpdf_oh_is_array (qpdf, trim) || qpdf_oh_get_array_n_items (qpdf, trim) != 4)
        g_error ("page %d of %d has no TrimBox", i + 1, pages);
      if (qpdf_oh_has_key (qpdf, page, "/Group"))
        g_error ("page %d of %d has a transparency /Group", i + 1, pages);
      qpdf_oh_release_all (qpdf);
    }
  qpdf_cleanup (&qpdf);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  roneo_test_assert_page_sizes (doc, A4_W, A4_H);
  const int checks[][2] = { { 0, 0 }, { 0, 3 }, { 99, 2 }, { sheets - 1, 3 } };
  for (gsize c = 0; c < G_N_ELEMENTS (checks); c++)
    {
      int s = checks[c][0], p = checks[c][1], record = p * sheets + s;
      g_autofree char *town = g_strdup_printf ("Ville%02d", record);
      g_autofree char *place = g_strdup_printf ("Lieu%02d", record);
      assert_word_in_slot (doc, 2 * s, &a6_on_a4, town, p);
      assert_word_in_slot (doc, 2 * s + 1, &a6_on_a4, place, a6_verso_slot (p));
    }
  roneo_test_rm_rf (dir);
}

/* villes.csv twice: 8 cards, 2 sheets recto/verso, 4 pages; each town (recto)
 * and each {lieu} (verso) twice. */
static void
test_data_copies (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *csv = roneo_test_corpus ("villes.csv");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--data", csv, "--copies", "2", "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 4);
  const char *towns[] = { "Albi", "Castres", "L\u2019Isle", "Affrique" };
  const char *places[] = { "Cordeliers", "Jaurès", "fêtes", "couvert" };
  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    {
      if (count_word (doc, towns[i]) != 2)
        g_error ("'%s' appears %u times, expected 2", towns[i], count_word (doc, towns[i]));
      if (count_word (doc, places[i]) != 2)
        g_error ("'%s' appears %u times, expected 2", places[i], count_word (doc, places[i]));
    }
  /* the towns on the rectos (even pages), the places on the versos */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      for (guint w = 0; w < G_N_ELEMENTS (towns); w++)
        g_assert_cmpuint (count_word_on_page (page, i % 2 ? towns[w] : places[w]), ==, 0);
    }
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- copies */

/* The size of the PDF of `batch tract --copies n`, written in dir. */
static goffset
copies_size (const char *dir, const char *tract, const char *copies, const char *out)
{
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--copies", copies, "-o", out);
  roneo_test_assert_exit (&run, 0);
  GStatBuf st;
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  return st.st_size;
}

/* 40 copies, 2-up: 20 sheets, every slot of every sheet the whole tract.
 * The copies share one drawing: each sheet past the first adds under 1 KB
 * (a sheet that drew its own two pages would add about 4 KB), so 400 copies
 * would prove nothing more than 40 and cost ten times the reading back. */
static void
test_copies_40 (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *one = g_build_filename (dir, "one.pdf", NULL);
  goffset one_sheet = copies_size (dir, tract, "2", one);
  goffset size = copies_size (dir, tract, "40", out);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 20);
  roneo_test_assert_page_sizes (doc, A4_H, A4_W);
  guint segur = 0;
  for (int i = 0; i < 20; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      guint chars[2];
      chars_per_slot (page, &a5_on_a4, chars);
      for (int slot = 0; slot < 2; slot++)
        if (chars[slot] < 1000)
          g_error ("page %d slot %d holds %u characters: not the tract", i + 1, slot, chars[slot]);
      segur += count_word_on_page (page, "Ségur");
    }
  for (int i = 0; i < 20; i += 19)
    assert_once_per_slot (doc, i, &a5_on_a4, "Ségur");
  g_assert_cmpuint (segur, ==, 40);
  g_test_message ("2 copies: %ld bytes, 40 copies: %ld bytes", (long) one_sheet, (long) size);
  g_assert_cmpint (size, <, 200 * 1024);
  g_assert_cmpint ((size - one_sheet) / 19, <, 1024);
  assert_qpdf_clean (out);
  roneo_test_assert_fonts_embedded (doc);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- duplex */

static const char recto_verso[] = "---\nlayout: a5-flyer\nlang: fr\n---\n\n"
                                  "# Recto {ville}\n\nFace avant pour {ville}.\n\n***\n\n"
                                  "# Verso {ville}\n\nFace arrière pour {ville}.\n";

static void
test_duplex_copies (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = write_file (dir, "rv.md",
                                       "---\nlayout: a5-flyer\nlang: fr\n---\n\n"
                                       "# Recto\n\nFace avant.\n\n***\n\n"
                                       "# Verso\n\nFace arrière.\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--copies", "4", "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      const char *side = i % 2 == 0 ? "avant" : "arrière";
      const char *other = i % 2 == 0 ? "arrière" : "avant";
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autoptr (GArray) wrong = find_word (page, other);
      g_assert_cmpuint (wrong->len, ==, 0);
      assert_once_per_slot (doc, i, &a5_on_a4, side);
    }
  roneo_test_rm_rf (dir);
}

/* Two records on the recto/verso template, so left and right differ. */
static PopplerDocument *
duplex_records (const char *dir, const char *duplex, RoneoTestRun *run)
{
  g_autofree char *tract = write_file (dir, "rv.md", recto_verso);
  g_autofree char *csv = write_file (dir, "rv.csv", "ville\nGauche\nDroite\n");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  if (duplex != NULL)
    BATCH (run, dir, tract, "--data", csv, "--duplex", duplex, "-o", out);
  else
    BATCH (run, dir, tract, "--data", csv, "-o", out);
  roneo_test_assert_exit (run, 0);
  PopplerDocument *doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  roneo_test_assert_page_sizes (doc, A4_H, A4_W);
  /* the front: record 0 (Gauche) left, record 1 (Droite) right, upright */
  assert_word_in_slot (doc, 0, &a5_on_a4, "avant pour Gauche", 0);
  assert_word_in_slot (doc, 0, &a5_on_a4, "avant pour Droite", 1);
  return doc;
}

/* Default for A5 2-up on A4 landscape: short edge, the verso of the left cell
 * in the right cell, upright (its headline above its body, words left to right). */
static void
test_duplex_short (void)
{
  g_autofree char *dir = make_tmp ();
  g_auto (RoneoTestRun) run;
  g_autoptr (PopplerDocument) doc = duplex_records (dir, NULL, &run);
  roneo_test_assert_contains (run.err, "short edge");
  assert_word_in_slot (doc, 1, &a5_on_a4, "arrière pour Gauche", 1);
  assert_word_in_slot (doc, 1, &a5_on_a4, "arrière pour Droite", 0);
  Hit face = only_hit (doc, 1, "Face arrière pour Gauche");
  Hit word = only_hit (doc, 1, "Gauche.");
  Hit head = hit_in_slot (doc, 1, &a5_on_a4, "Verso", 1);
  g_assert_cmpfloat (face.x, <, word.x);
  g_assert_cmpfloat (head.y, <, face.y);
  roneo_test_rm_rf (dir);
}

/* --duplex long on the same sheet: the sheet turns top<->bottom, each verso
 * stays in its column and is drawn rotated 180°: its words run right to left
 * and its headline is below its body. */
static void
test_duplex_long (void)
{
  g_autofree char *dir = make_tmp ();
  g_auto (RoneoTestRun) run;
  g_autoptr (PopplerDocument) doc = duplex_records (dir, "long", &run);
  assert_word_in_slot (doc, 1, &a5_on_a4, "arrière pour Gauche", 0);
  assert_word_in_slot (doc, 1, &a5_on_a4, "arrière pour Droite", 1);
  Hit face = only_hit (doc, 1, "Face arrière pour Gauche");
  Hit word = only_hit (doc, 1, "Gauche.");
  Hit verso = hit_in_slot (doc, 1, &a5_on_a4, "Verso", 0);
  g_assert_cmpfloat (face.x, >, word.x);
  g_assert_cmpfloat (verso.y, >, face.y);
  roneo_test_rm_rf (dir);
}

/* The summary line names the binding the PDF was made for, not the natural one. */
static void
test_duplex_long_summary (void)
{
  g_autofree char *dir = make_tmp ();
  g_auto (RoneoTestRun) run;
  g_autoptr (PopplerDocument) doc = duplex_records (dir, "long", &run);
  roneo_test_assert_contains (run.err, "long edge");
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- press */

typedef struct
{
  guchar *data;
  int width, height, stride;
  double scale; /* px per pt */
} Image;

static Image
render (PopplerPage *page, double scale)
{
  double w, h;
  poppler_page_get_size (page, &w, &h);
  Image img = { NULL, (int) ceil (w * scale), (int) ceil (h * scale), 0, scale };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, img.width, img.height);
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  img.stride = cairo_image_surface_get_stride (surface);
  img.data = g_memdup2 (cairo_image_surface_get_data (surface), (gsize) img.stride * img.height);
  cairo_surface_destroy (surface);
  return img;
}

static gboolean
inked (const Image *img, int x, int y)
{
  guint32 px = *(guint32 *) (img->data + (gsize) y * img->stride + 4 * x);
  return ((px >> 16) & 0xff) < 245 || ((px >> 8) & 0xff) < 245 || (px & 0xff) < 245;
}

/* Inside [a - tol, b + tol]. */
static gboolean
within (double v, double a, double b, double tol)
{
  return v >= MIN (a, b) - tol && v <= MAX (a, b) + tol;
}

typedef struct
{
  double xs[8], ys[8]; /* every trim line */
  int nx, ny;
  double left, top, right, bottom; /* outer trims of the block */
  double bleed, start, end;        /* mark offsets from the block's trims */
} Marks;

/* Where a pixel centre (x, y) in pt may hold ink: in a trim grown by the
 * bleed, or on a crop mark (on a trim line's extension, outside the block,
 * between start and end from its outer trim). */
static gboolean
ink_allowed (const Grid *g, const Marks *m, double x, double y, double tol)
{
  for (int r = 0; r < g->rows; r++)
    for (int c = 0; c < g->cols; c++)
      {
        double x0 = grid_x0 (g) + c * (g->cell_w + g->gutter);
        double y0 = grid_y0 (g) + r * (g->cell_h + g->gutter);
        if (within (x, x0 - m->bleed, x0 + g->cell_w + m->bleed, tol)
            && within (y, y0 - m->bleed, y0 + g->cell_h + m->bleed, tol))
          return TRUE;
      }
  for (int i = 0; i < m->nx; i++)
    if (within (x, m->xs[i], m->xs[i], tol)
        && (within (y, m->top - m->start, m->top - m->end, tol)
            || within (y, m->bottom + m->start, m->bottom + m->end, tol)))
      return TRUE;
  for (int i = 0; i < m->ny; i++)
    if (within (y, m->ys[i], m->ys[i], tol)
        && (within (x, m->left - m->start, m->left - m->end, tol)
            || within (x, m->right + m->start, m->right + m->end, tol)))
      return TRUE;
  return FALSE;
}

/* Fraction of the pixels along a mark (from a to b on one axis at c on the
 * other) that hold ink within tol of the line. */
static double
mark_coverage (const Image *img, gboolean vertical, double c, double a, double b, double tol)
{
  int hit = 0, total = 0;
  for (double t = MIN (a, b) + 0.5 * MM; t <= MAX (a, b) - 0.5 * MM; t += 1 / img->scale)
    {
      gboolean found = FALSE;
      for (double d = -tol; d <= tol && !found; d += 0.5 / img->scale)
        {
          double x = vertical ? c + d : t, y = vertical ? t : c + d;
          int px = (int) (x * img->scale), py = (int) (y * img->scale);
          if (px >= 0 && py >= 0 && px < img->width && py < img->height)
            found = inked (img, px, py);
        }
      hit += found;
      total++;
    }
  return total ? (double) hit / total : 0;
}

static void
test_press_marks (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--profile", "press", "--sheet", "SRA3", "--bleed", "3mm", "-o", out);
  roneo_test_assert_exit (&run, 0);
  assert_qpdf_clean (out);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, 0);
  double w, h;
  poppler_page_get_size (page, &w, &h);
  /* SRA3 either way round; A5 cells upright, trims 2 bleed apart */
  gboolean landscape = w > h;
  g_assert_cmpfloat_with_epsilon (landscape ? h : w, SRA3_W, 0.05);
  g_assert_cmpfloat_with_epsilon (landscape ? w : h, SRA3_H, 0.05);
  double bleed = 3 * MM;
  Grid g = { w, h, A5_W, A5_H, 2 * bleed, 0, 0 };
  g_autoptr (GArray) hits = find_word (page, "Ségur");
  g.cols = (int) floor ((w + g.gutter) / (A5_W + g.gutter));
  g.rows = (int) floor ((h + g.gutter) / (A5_H + g.gutter));
  /* shrink the grid to the copies drawn: one "Ségur" per copy */
  while (g.cols * g.rows > (int) hits->len && g.cols > 1)
    g.cols--;
  while (g.cols * g.rows > (int) hits->len && g.rows > 1)
    g.rows--;
  g_assert_cmpuint (hits->len, ==, (guint) (g.cols * g.rows));
  g_test_message ("press: %d x %d on %s SRA3", g.cols, g.rows,
                  landscape ? "landscape" : "portrait");
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (slot_at (&g, g_array_index (hits, Hit, i).x, g_array_index (hits, Hit, i).y),
                     >=, 0);

  Marks m = { .bleed = bleed, .start = MAX (bleed, 3 * MM), .end = MAX (bleed, 3 * MM) + 5 * MM };
  m.left = grid_x0 (&g);
  m.top = grid_y0 (&g);
  m.right = w - m.left;
  m.bottom = h - m.top;
  for (int c = 0; c < g.cols; c++)
    {
      m.xs[m.nx++] = m.left + c * (A5_W + g.gutter);
      m.xs[m.nx++] = m.left + c * (A5_W + g.gutter) + A5_W;
    }
  for (int r = 0; r < g.rows; r++)
    {
      m.ys[m.ny++] = m.top + r * (A5_H + g.gutter);
      m.ys[m.ny++] = m.top + r * (A5_H + g.gutter) + A5_H;
    }

  Image img = render (page, 2.0);
  double tol = 1.0; /* pt: anti-aliasing of a 0.25 pt line at 2 px/pt */
  guint stray = 0;
  for (int y = 0; y < img.height; y++)
    for (int x = 0; x < img.width; x++)
      if (inked (&img, x, y) && !ink_allowed (&g, &m, (x + 0.5) / 2.0, (y + 0.5) / 2.0, tol))
        {
          if (stray++ < 5)
            g_test_message ("ink outside the trims and marks at (%.1f, %.1f) pt", (x + 0.5) / 2,
                            (y + 0.5) / 2);
        }
  g_assert_cmpuint (stray, ==, 0);
  /* and every mark is there */
  for (int i = 0; i < m.nx; i++)
    {
      g_assert_cmpfloat (mark_coverage (&img, TRUE, m.xs[i], m.top - m.start, m.top - m.end, 0.5),
                         >, 0.9);
      g_assert_cmpfloat (
          mark_coverage (&img, TRUE, m.xs[i], m.bottom + m.start, m.bottom + m.end, 0.5), >, 0.9);
    }
  for (int i = 0; i < m.ny; i++)
    {
      g_assert_cmpfloat (
          mark_coverage (&img, FALSE, m.ys[i], m.left - m.start, m.left - m.end, 0.5), >, 0.9);
      g_assert_cmpfloat (
          mark_coverage (&img, FALSE, m.ys[i], m.right + m.start, m.right + m.end, 0.5), >, 0.9);
    }
  g_free (img.data);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- single (press) */

/* --profile press --single: no imposition, each copy's two pages (recto, then
 * verso) in row order, each the trim plus 3 mm bleed on every side; without
 * press it is refused. */
static void
test_single (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  g_autofree char *csv = roneo_test_corpus ("villes.csv");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, tract, "--data", csv, "--profile", "press", "--single", "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 8);
  const double bleed = 3 * 72 / 25.4;
  roneo_test_assert_page_sizes (doc, 105 * 72 / 25.4 + 2 * bleed, 148 * 72 / 25.4 + 2 * bleed);
  const char *towns[] = { "Albi", "Castres", "L\u2019Isle", "Affrique" }; /* {ville} */
  const char *places[] = { "Cordeliers", "Jaurès", "fêtes", "marché" };   /* {lieu} */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr (PopplerPage) recto = poppler_document_get_page (doc, 2 * i);
      g_autoptr (PopplerPage) verso = poppler_document_get_page (doc, 2 * i + 1);
      g_assert_cmpuint (count_word_on_page (recto, towns[i]), ==, 1);
      g_assert_cmpuint (count_word_on_page (recto, places[i]), ==, 0);
      g_assert_cmpuint (count_word_on_page (verso, places[i]), ==, 1);
      g_assert_cmpuint (count_word_on_page (verso, towns[i]), ==, 0);
    }
  roneo_test_rm_rf (dir);

  g_autofree char *dir2 = make_tmp ();
  g_autofree char *out2 = g_build_filename (dir2, "out.pdf", NULL);
  g_auto (RoneoTestRun) office;
  BATCH (&office, dir2, tract, "--single", "-o", out2);
  roneo_test_assert_exit (&office, 1);
  roneo_test_assert_contains (office.err, "--profile press");
  g_assert_false (g_file_test (out2, G_FILE_TEST_EXISTS));
  roneo_test_rm_rf (dir2);
}

/* ---------------------------------------------------------------- interrupt */

/* Ctrl-C in the middle of a long run: the job stops, and neither the PDF nor
 * a temporary is left (the "no partial output"). */
static void
test_interrupt (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-modele.md");
  GString *rows = g_string_new ("ville,date,heure,lieu\n");
  for (int i = 0; i < 10000; i++) /* some 4 s of work: the signal comes well before the end */
    g_string_append_printf (rows, "Ville %d,jeudi,14 h,place %d\n", i, i);
  g_autofree char *csv = write_file (dir, "rows.csv", rows->str);
  g_string_free (rows, TRUE);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  const char *argv[]
      = { roneo_test_roneo_path (), "batch", tract, "--data", csv, "-o", out, "-q", NULL };
  GPid pid;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_async (dir, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_usleep (G_USEC_PER_SEC); /* long enough to be laying out sheets */
  kill (pid, SIGINT);
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* Stopped by the signal before its handler was set, or exit 5 after it. */
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 5));
  const char *inputs[] = { "rows.csv", NULL };
  roneo_test_assert_left_only (dir, inputs);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- calibration */

static void
test_calibration (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *tract = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  /* the sheet speaks the document's language: English asked for here */
  BATCH (&run, dir, tract, "--calibration", "--lang", "en", "-o", out);
  roneo_test_assert_exit (&run, 0);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  roneo_test_assert_page_sizes (doc, A4_H, A4_W);
  g_assert_cmpuint (count_word (doc, "FRONT"), ==, 2);
  g_assert_cmpuint (count_word (doc, "BACK"), ==, 2);
  /* The front says how to read it and what to change, naming no CLI flag. */
  g_autofree char *layer = roneo_test_pdf_text (out);
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (spaces, layer, -1, 0, " ", 0, NULL);
  roneo_test_assert_contains (flat, "hold it up to the light");
  roneo_test_assert_contains (flat, "change the duplex setting (long or short edge)");
  g_assert_null (strstr (flat, "--duplex"));
  /* short edge: front A | B, back B | A (A's back behind A) */
  const char *front[] = { "A", "B" }, *back[] = { "B", "A" };
  for (int slot = 0; slot < 2; slot++)
    {
      g_autoptr (PopplerPage) p0 = poppler_document_get_page (doc, 0);
      g_autoptr (PopplerPage) p1 = poppler_document_get_page (doc, 1);
      g_autofree char *t0 = poppler_page_get_text (p0);
      g_autofree char *t1 = poppler_page_get_text (p1);
      roneo_test_assert_contains (t0, "FRONT");
      roneo_test_assert_contains (t1, "BACK");
      g_assert_null (strstr (t0, "BACK"));
      g_assert_null (strstr (t1, "FRONT"));
      PopplerRectangle *rects = NULL;
      guint n = 0;
      for (int side = 0; side < 2; side++)
        {
          PopplerPage *pg = side ? p1 : p0;
          const char *text = side ? t1 : t0;
          const char *want = side ? back[slot] : front[slot];
          g_assert_true (poppler_page_get_text_layout (pg, &rects, &n));
          gboolean seen = FALSE;
          guint i = 0;
          for (const char *c = text; *c && i < n; c = g_utf8_next_char (c), i++)
            {
              /* the slot letters are the big ones (A and B stand next to each other
               * in the text, with no space between) */
              gboolean big = rects[i].y2 - rects[i].y1 > 50;
              if (!big || (*c != 'A' && *c != 'B'))
                continue;
              int at = slot_at (&a5_on_a4, (rects[i].x1 + rects[i].x2) / 2,
                                (rects[i].y1 + rects[i].y2) / 2);
              if (at == slot)
                {
                  if (*c != want[0])
                    g_error ("%s page slot %d holds '%c', expected '%s'", side ? "back" : "front",
                             slot, *c, want);
                  seen = TRUE;
                }
            }
          g_free (rects);
          if (!seen)
            g_error ("no slot letter in slot %d of the %s page", slot, side ? "back" : "front");
        }
    }
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- defaults */

/* No -o: FILE-batch.pdf beside FILE. */
static void
test_default_output (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *src = roneo_test_corpus ("tract-pompe-a-fric.md");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  g_autofree char *tract = write_file (dir, "tract.md", text);
  g_auto (RoneoTestRun) run;
  BATCH (&run, dir, "tract.md", "--copies", "3", "-q");
  roneo_test_assert_exit (&run, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_autofree char *out = g_build_filename (dir, "tract-batch.pdf", NULL);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2); /* ceil (3 / 2) */
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- bad input */

typedef struct
{
  const char *name;
  const char *tract; /* corpus file, or NULL: tract-modele.md */
  const char *args[8];
  int status;
  const char *words[4]; /* all in stderr */
  gboolean no_o;        /* run without -o (with --print: a temporary PDF) */
} BadCase;

static const BadCase bad_cases[] = {
  { "data-missing", NULL, { "--data", "missing.csv" }, 2, { "missing.csv" } },
  { "data-ragged", NULL, { "--data", "@bad/villes-ragged.csv" }, 2, { "villes-ragged.csv:2:" } },
  { "data-no-field", NULL, { "--data", "nofield.csv" }, 2, { "{lieu}", "nofield.csv" } },
  { "data-header-only", NULL, { "--data", "header.csv" }, 2, { "header.csv" } },
  { "copies-zero", NULL, { "--copies", "0" }, 1, { "--copies" } },
  { "copies-negative", NULL, { "--copies", "-3" }, 1, { "--copies" } },
  { "nup-3", NULL, { "--nup", "3" }, 1, { "3-up", "1, 2, 4" } },
  { "a3-on-a4", NULL, { "-l", "a3-placard", "--sheet", "A4" }, 1, { "A3", "A4" } },
  { "overflow-row", NULL, { "--data", "overflow.csv" }, 4, { "row 2", "Castres" } },
  /* fails before printing: the temporary PDF and its folder must go too */
  { "print-bad-data",
    NULL,
    { "--data", "missing.csv", "--print", "roneo-nowhere" },
    2,
    { "missing.csv" },
    TRUE },
};

static char *
overflow_csv (void)
{
  g_autoptr (GString) csv = g_string_new ("ville,date,heure,lieu\nAlbi,jeudi,14 h,place\n");
  g_string_append (csv, "Castres,samedi,10 h,");
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (csv, "mot%d ", i);
  g_string_append (csv, "\n");
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *dir = make_tmp ();
  g_autofree char *overflow = overflow_csv ();
  g_free (write_file (dir, "nofield.csv", "ville,date,heure\nAlbi,jeudi,14 h\n"));
  g_free (write_file (dir, "header.csv", "ville,date,heure,lieu\n"));
  g_free (write_file (dir, "overflow.csv", overflow));
  const char *inputs[] = { "nofield.csv", "header.csv", "overflow.csv", NULL };
  g_autofree char *tract = roneo_test_corpus (bad->tract ? bad->tract : "tract-modele.md");
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("batch"));
  g_ptr_array_add (args, g_strdup (tract));
  for (guint i = 0; bad->args[i] != NULL; i++)
    g_ptr_array_add (args, bad->args[i][0] == '@' ? roneo_test_corpus (bad->args[i] + 1)
                                                  : g_strdup (bad->args[i]));
  if (!bad->no_o)
    {
      g_ptr_array_add (args, g_strdup ("-o"));
      g_ptr_array_add (args, g_strdup ("out.pdf"));
    }
  g_ptr_array_add (args, NULL);
  g_auto (RoneoTestRun) run;
  run_argv (&run, dir, (const char *const *) args->pdata);
  roneo_test_assert_exit (&run, bad->status);
  roneo_test_assert_contains (run.err, "roneo: ");
  for (guint i = 0; i < G_N_ELEMENTS (bad->words) && bad->words[i] != NULL; i++)
    roneo_test_assert_contains (run.err, bad->words[i]);
  roneo_test_assert_left_only (dir, inputs);
  roneo_test_rm_rf (dir);
}

/* ---------------------------------------------------------------- main */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  if (g_getenv ("RONEO_DATA_DIR") == NULL)
    {
      g_printerr ("RONEO_DATA_DIR must be set (meson test does it)\n");
      return 1;
    }

  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/batch/data/villes", test_data_villes);
  roneo_test_add_isolated_func ("/batch/data/cut-and-stack", test_data_cut_and_stack);
  roneo_test_add_isolated_func ("/batch/data/copies", test_data_copies);
  roneo_test_add_isolated_func ("/batch/data/many-sheets", test_data_many_sheets);
  roneo_test_add_isolated_func ("/batch/copies/40", test_copies_40);
  roneo_test_add_isolated_func ("/batch/copies/default-output", test_default_output);
  roneo_test_add_isolated_func ("/batch/duplex/copies", test_duplex_copies);
  roneo_test_add_isolated_func ("/batch/duplex/short", test_duplex_short);
  roneo_test_add_isolated_func ("/batch/duplex/long", test_duplex_long);
  roneo_test_add_isolated_func ("/batch/duplex/long-summary", test_duplex_long_summary);
  roneo_test_add_isolated_func ("/batch/press/marks", test_press_marks);
  roneo_test_add_isolated_func ("/batch/calibration", test_calibration);
  roneo_test_add_isolated_func ("/batch/single", test_single);
  roneo_test_add_isolated_func ("/batch/interrupt", test_interrupt);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/batch/bad/", bad_cases[i].name, NULL);
      roneo_test_add_isolated (path, test_bad, &bad_cases[i]);
    }
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
