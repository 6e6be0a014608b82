/* N-up imposition: the documented counts, properties over many copy and sheet
 * sizes in both profiles (slots inside and apart, block centred, marks where
 * PRINT.md puts them, nothing larger fits), cut-and-stack order, duplex checked
 * against the paper turned over by hand, the calibration sheets, errors,
 * descriptions and a dump. */
#include "roneo-error.h"
#include "roneo-nup.h"

#include <math.h>
#include <string.h>

#define EPS 1e-6

typedef struct
{
  const char *name;
  double width, height;
} Paper;

static Paper
paper (const char *name)
{
  Paper p = { name, 0, 0 };
  if (!roneo_paper_lookup (name, &p.width, &p.height)
      && !roneo_size_parse (name, &p.width, &p.height, NULL))
    g_assert_not_reached ();
  return p;
}

static RoneoNupSpec
spec_for (const char *page, const char *sheet, RoneoNupProfile profile, double bleed_mm)
{
  Paper p = paper (page), s = paper (sheet);
  return (RoneoNupSpec){ .page_width = p.width,
                         .page_height = p.height,
                         .sheet_width = s.width,
                         .sheet_height = s.height,
                         .profile = profile,
                         .bleed = RONEO_MM (bleed_mm),
                         .printer_margin = profile == RONEO_NUP_OFFICE ? RONEO_MM (5) : 0 };
}

/* ---- counts ---- */

typedef struct
{
  const char *page, *sheet;
  RoneoNupProfile profile;
  double bleed;
  guint count, cols, rows;
  gboolean landscape;
  RoneoDuplex duplex;
} CountCase;

static void
test_counts (void)
{
#define O RONEO_NUP_OFFICE
#define P RONEO_NUP_PRESS
#define L RONEO_DUPLEX_LONG_EDGE
#define S RONEO_DUPLEX_SHORT_EDGE
  /* page, sheet, profile, bleed mm, count, cols, rows, landscape, natural binding */
  static const CountCase cases[] = {
    { "A5", "A4", O, 0, 2, 2, 1, TRUE, S },    { "A6", "A4", O, 0, 4, 2, 2, FALSE, L },
    { "A7", "A4", O, 0, 8, 4, 2, TRUE, S },    { "A5", "A3", O, 0, 4, 2, 2, FALSE, L },
    { "A6", "A3", O, 0, 8, 4, 2, TRUE, S },    { "A7", "A3", O, 0, 16, 4, 4, FALSE, L },
    { "A5", "SRA3", O, 0, 4, 2, 2, FALSE, L }, { "A4", "A4", O, 0, 1, 1, 1, FALSE, L },
    { "A5", "SRA3", P, 3, 4, 2, 2, FALSE, L }, { "A6", "SRA3", P, 3, 6, 3, 2, TRUE, S },
    { "A6", "A4", P, 3, 2, 2, 1, TRUE, S },    { "A4", "SRA3", P, 3, 2, 2, 1, TRUE, S },
    { "A5", "A3", P, 0, 2, 2, 1, TRUE, S },
  };
#undef O
#undef P
#undef L
#undef S
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CountCase *c = &cases[i];
      RoneoNupSpec spec = spec_for (c->page, c->sheet, c->profile, c->bleed);
      g_autoptr (GError) error = NULL;
      g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, &error);
      g_assert_no_error (error);
      g_test_message ("%s on %s profile %d", c->page, c->sheet, c->profile);
      g_assert_cmpuint (roneo_nup_get_n_slots (nup), ==, c->count);
      g_assert_cmpuint (nup->cols, ==, c->cols);
      g_assert_cmpuint (nup->rows, ==, c->rows);
      g_assert_cmpint (nup->orientation == RONEO_ORIENTATION_LANDSCAPE, ==, c->landscape);
      g_assert_false (nup->rotated);
      g_assert_cmpint (nup->duplex, ==, c->duplex);
    }
}

/* keep_portrait: the same paper, drawn portrait with the cells turned. */
static void
test_keep_portrait (void)
{
  const char *pages[] = { "A5", "A6", "A7" };
  guint counts[] = { 2, 4, 8 }, cols[] = { 1, 2, 2 }, rows[] = { 2, 2, 4 };
  gboolean rotated[] = { TRUE, FALSE, TRUE };
  RoneoDuplex duplex[]
      = { RONEO_DUPLEX_SHORT_EDGE, RONEO_DUPLEX_LONG_EDGE, RONEO_DUPLEX_SHORT_EDGE };
  for (guint i = 0; i < 3; i++)
    {
      RoneoNupSpec spec = spec_for (pages[i], "A4", RONEO_NUP_OFFICE, 0);
      spec.keep_portrait = TRUE;
      g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
      g_assert_cmpint (nup->orientation, ==, RONEO_ORIENTATION_PORTRAIT);
      g_assert_cmpuint (roneo_nup_get_n_slots (nup), ==, counts[i]);
      g_assert_cmpuint (nup->cols, ==, cols[i]);
      g_assert_cmpuint (nup->rows, ==, rows[i]);
      g_assert_cmpint (nup->rotated, ==, rotated[i]);
      g_assert_cmpint (nup->duplex, ==, duplex[i]);
    }
}

static void
test_explicit_nup (void)
{
  RoneoNupSpec spec = spec_for ("A7", "A4", RONEO_NUP_OFFICE, 0);
  spec.nup = 4;
  g_autoptr (RoneoNup) four = roneo_nup_new (&spec, NULL);
  g_assert_cmpuint (four->cols * four->rows, ==, 4);
  g_assert_cmpuint (four->cols, ==, 2); /* fewest cuts */
  spec.nup = 2;
  g_autoptr (RoneoNup) two = roneo_nup_new (&spec, NULL);
  g_assert_cmpuint (roneo_nup_get_n_slots (two), ==, 2);
  spec.nup = 8;
  g_autoptr (RoneoNup) eight = roneo_nup_new (&spec, NULL);
  g_assert_cmpuint (roneo_nup_get_n_slots (eight), ==, 8);
}

/* ---- errors ---- */

static void
expect_error (const RoneoNupSpec *spec, int code, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoNup) nup = roneo_nup_new (spec, &error);
  g_assert_null (nup);
  /* The setting it is about, in words that name no command-line option. */
  g_assert_error (error, RONEO_JOB_ERROR, code);
  g_assert_null (strstr (error->message, "--"));
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_errors (void)
{
  RoneoNupSpec spec = spec_for ("A3", "A4", RONEO_NUP_OFFICE, 0);
  expect_error (&spec, RONEO_JOB_ERROR_SHEET, "an A3 copy does not fit an A4 sheet; A3 or larger");
  spec = spec_for ("A4", "A4", RONEO_NUP_PRESS, 3);
  expect_error (&spec, RONEO_JOB_ERROR_SHEET,
                "an A4 copy with 3 mm bleed and crop marks does not fit an A4 sheet; "
                "A3 or larger");
  spec = spec_for ("A3", "A3", RONEO_NUP_PRESS, 3);
  expect_error (&spec, RONEO_JOB_ERROR_SHEET,
                "an A3 copy with 3 mm bleed and crop marks does not fit an A3 sheet; "
                "SRA3 or larger");
  spec = spec_for ("A0", "A4", RONEO_NUP_PRESS, 3);
  expect_error (&spec, RONEO_JOB_ERROR_SHEET,
                "an A0 copy with 3 mm bleed and crop marks does not fit an A4 sheet; "
                "a larger sheet");
  spec = spec_for ("A6", "A4", RONEO_NUP_OFFICE, 0);
  spec.nup = 3;
  expect_error (&spec, RONEO_JOB_ERROR_NUP,
                "A6 copies cannot be arranged 3-up on an A4 sheet; possible: 1, 2, 4");
  spec.nup = 5;
  expect_error (&spec, RONEO_JOB_ERROR_NUP,
                "A6 copies cannot be arranged 5-up on an A4 sheet; possible: 1, 2, 4");
  spec = spec_for ("A6", "A4", RONEO_NUP_OFFICE, 0);
  spec.page_width = -1;
  expect_error (&spec, RONEO_JOB_ERROR_SHEET, "copy and sheet sizes must be positive");
  spec = spec_for ("A6", "A4", RONEO_NUP_PRESS, 30);
  expect_error (&spec, RONEO_JOB_ERROR_BLEED, "bleed must lie between 0 and 10 mm");
  spec = spec_for ("10x10mm", "A3", RONEO_NUP_OFFICE, 0);
  expect_error (&spec, RONEO_JOB_ERROR_NUP,
                "1218 copies fit on one sheet, more than 256; say how many");
}

/* ---- geometry properties ---- */

static gboolean
rects_overlap (const RoneoRect *a, const RoneoRect *b)
{
  return a->x < b->x + b->width - EPS && b->x < a->x + a->width - EPS
         && a->y < b->y + b->height - EPS && b->y < a->y + a->height - EPS;
}

static gboolean
rect_inside (const RoneoRect *inner, double x, double y, double w, double h)
{
  return inner->x >= x - EPS && inner->y >= y - EPS && inner->x + inner->width <= x + w + EPS
         && inner->y + inner->height <= y + h + EPS;
}

static RoneoRect
grow (const RoneoRect *r, double by)
{
  return (RoneoRect){ r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

static void
apply (const double m[6], double x, double y, double *ox, double *oy)
{
  *ox = m[0] * x + m[1] * y + m[4];
  *oy = m[2] * x + m[3] * y + m[5];
}

static void
check_slots (const RoneoNup *nup)
{
  const RoneoNupSpec *spec = &nup->spec;
  double bleed = spec->profile == RONEO_NUP_PRESS ? spec->bleed : 0;
  guint n = roneo_nup_get_n_slots (nup);
  double cw = nup->rotated ? spec->page_height : spec->page_width;
  double ch = nup->rotated ? spec->page_width : spec->page_height;
  g_assert_cmpfloat (fabs (nup->block.x * 2 + nup->block.width - nup->width), <, EPS);
  g_assert_cmpfloat (fabs (nup->block.y * 2 + nup->block.height - nup->height), <, EPS);
  for (guint i = 0; i < n; i++)
    {
      const RoneoRect *s = roneo_nup_get_slot (nup, i);
      RoneoRect cell = grow (s, bleed);
      g_assert_cmpfloat (fabs (s->width - cw), <, EPS);
      g_assert_cmpfloat (fabs (s->height - ch), <, EPS);
      g_assert_true (rect_inside (&cell, 0, 0, nup->width, nup->height));
      g_assert_true (
          rect_inside (s, nup->block.x, nup->block.y, nup->block.width, nup->block.height));
      if (i > 0) /* row-major from the top-left */
        g_assert_true (s->y > roneo_nup_get_slot (nup, i - 1)->y + EPS
                       || s->x > roneo_nup_get_slot (nup, i - 1)->x + EPS);
      for (guint j = 0; j < i; j++)
        {
          RoneoRect other = grow (roneo_nup_get_slot (nup, j), bleed);
          g_assert_false (rects_overlap (&cell, &other));
        }
    }
  if (spec->profile == RONEO_NUP_PRESS && n > 1)
    g_assert_cmpfloat (nup->gutter, >=, 2 * bleed - EPS);
  if (nup->cols > 1)
    g_assert_cmpfloat (fabs (nup->slots[1].x - nup->slots[0].x - cw - nup->gutter), <, EPS);
}

/* Is v one of the trim lines (slot edges) across x (vertical) or y? */
static gboolean
on_trim_line (const RoneoNup *nup, double v, gboolean vertical)
{
  for (guint i = 0; i < roneo_nup_get_n_slots (nup); i++)
    {
      const RoneoRect *s = &nup->slots[i];
      double a = vertical ? s->x : s->y, b = a + (vertical ? s->width : s->height);
      if (fabs (v - a) < EPS || fabs (v - b) < EPS)
        return TRUE;
    }
  return FALSE;
}

static void
check_crop_mark (const RoneoNup *nup, const RoneoMark *m)
{
  const RoneoNupSpec *spec = &nup->spec;
  const RoneoRect *b = &nup->block;
  gboolean vertical = fabs (m->x0 - m->x1) < EPS;
  g_assert_cmpfloat (m->line_width, ==, 0.25);
  g_assert_cmpfloat (fabs (hypot (m->x1 - m->x0, m->y1 - m->y0) - RONEO_MM (5)), <, EPS);
  g_assert_true (on_trim_line (nup, vertical ? m->x0 : m->y0, vertical));
  /* Outside the block with its bleed, at least `bleed` from the nearest trim. */
  RoneoRect line
      = { MIN (m->x0, m->x1), MIN (m->y0, m->y1), fabs (m->x1 - m->x0), fabs (m->y1 - m->y0) };
  RoneoRect bled = grow (b, spec->bleed);
  g_assert_false (rects_overlap (&line, &bled));
  double near = vertical
                    ? MIN (fabs (line.y - (b->y + b->height)), fabs (line.y + line.height - b->y))
                    : MIN (fabs (line.x - (b->x + b->width)), fabs (line.x + line.width - b->x));
  g_assert_cmpfloat (near, >=, spec->bleed - EPS);
  double pm = spec->printer_margin;
  g_assert_true (rect_inside (&line, pm, pm, nup->width - 2 * pm, nup->height - 2 * pm));
}

static void
check_tick (const RoneoNup *nup, const RoneoMark *m)
{
  double pm = nup->spec.printer_margin;
  gboolean vertical = fabs (m->x0 - m->x1) < EPS;
  RoneoRect line
      = { MIN (m->x0, m->x1), MIN (m->y0, m->y1), fabs (m->x1 - m->x0), fabs (m->y1 - m->y0) };
  g_assert_cmpfloat (m->line_width, >=, 0.25);
  g_assert_cmpfloat (m->line_width, <=, 0.5);
  g_assert_true (vertical || fabs (m->y0 - m->y1) < EPS);
  g_assert_cmpfloat (hypot (line.width, line.height), <=, RONEO_MM (5));
  g_assert_true (rect_inside (&line, pm, pm, nup->width - 2 * pm, nup->height - 2 * pm));
  g_assert_true (on_trim_line (nup, vertical ? m->x0 : m->y0, vertical));
}

static void
check_front_sheet (const RoneoNup *nup)
{
  guint n = roneo_nup_get_n_slots (nup);
  g_autofree int *pages = g_new (int, n);
  for (guint i = 0; i < n; i++)
    pages[i] = (int) i;
  g_autoptr (RoneoSheet) sheet = roneo_nup_new_sheet (nup, pages, FALSE, nup->duplex, "r");
  g_assert_cmpuint (sheet->placements->len, ==, n);
  double bleed = nup->spec.profile == RONEO_NUP_PRESS ? nup->spec.bleed : 0;
  for (guint i = 0; i < n; i++)
    {
      const RoneoPlacement *p = &g_array_index (sheet->placements, RoneoPlacement, i);
      const RoneoRect *s = &nup->slots[i];
      double x0, y0, x1, y1;
      apply (p->matrix, 0, 0, &x0, &y0);
      apply (p->matrix, nup->spec.page_width, nup->spec.page_height, &x1, &y1);
      g_assert_cmpuint (p->page, ==, i);
      g_assert_cmpfloat (fabs (MIN (x0, x1) - s->x), <, EPS);
      g_assert_cmpfloat (fabs (MIN (y0, y1) - s->y), <, EPS);
      g_assert_cmpfloat (fabs (fabs (x1 - x0) - s->width), <, EPS);
      g_assert_cmpfloat (fabs (p->clip.x - (s->x - bleed)), <, EPS);
      g_assert_cmpfloat (fabs (p->clip.width - (s->width + 2 * bleed)), <, EPS);
      g_assert_cmpfloat (fabs (p->source.x + bleed), <, EPS);
    }
  if (nup->spec.profile == RONEO_NUP_PRESS || n > 1)
    g_assert_cmpuint (sheet->marks->len, >, 0);
  for (guint i = 0; i < sheet->marks->len; i++)
    {
      const RoneoMark *m = &g_array_index (sheet->marks, RoneoMark, i);
      g_assert_cmpint (m->kind, ==, RONEO_MARK_CUT);
      if (nup->spec.profile == RONEO_NUP_PRESS)
        check_crop_mark (nup, m);
      else
        check_tick (nup, m);
    }
}

static void
test_properties (void)
{
  const char *pages[]
      = { "A4", "A5", "A6", "A7", "90x55mm", "100x100mm", "210x99mm", "A5 landscape" };
  const char *sheets[] = { "A4", "A3", "SRA3" };
  guint made = 0;
  for (gsize p = 0; p < G_N_ELEMENTS (pages); p++)
    for (gsize s = 0; s < G_N_ELEMENTS (sheets); s++)
      for (int profile = 0; profile < 2; profile++)
        for (int keep = 0; keep < 2; keep++)
          {
            RoneoNupSpec spec = spec_for (pages[p], sheets[s], profile, profile ? 3 : 0);
            spec.keep_portrait = keep;
            g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
            if (nup == NULL)
              continue;
            made++;
            check_slots (nup);
            check_front_sheet (nup);
            /* The most that fit: no arrangement of more exists. */
            guint n = roneo_nup_get_n_slots (nup);
            for (spec.nup = n + 1; spec.nup <= n + 4; spec.nup++)
              {
                g_autoptr (RoneoNup) more = roneo_nup_new (&spec, NULL);
                g_assert_null (more);
              }
          }
  g_assert_cmpuint (made, >=, 80);
}

static void
test_ticks_cuts (void)
{
  /* A6 4-up on A4 portrait: the middle cuts only (0.5 mm waste top and bottom). */
  RoneoNupSpec spec = spec_for ("A6", "A4", RONEO_NUP_OFFICE, 0);
  g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
  int pages[4] = { 0, 0, 0, 0 };
  g_autoptr (RoneoSheet) sheet = roneo_nup_new_sheet (nup, pages, FALSE, nup->duplex, "1");
  g_assert_cmpuint (sheet->marks->len, ==, 4);
  /* 100 mm squares on A4: 2 x 2 with real waste: three cuts each way. */
  spec = spec_for ("100x100mm", "A4", RONEO_NUP_OFFICE, 0);
  g_autoptr (RoneoNup) squares = roneo_nup_new (&spec, NULL);
  g_autoptr (RoneoSheet) cut = roneo_nup_new_sheet (squares, pages, FALSE, squares->duplex, "1");
  g_assert_cmpuint (cut->marks->len, ==, 12);
  /* Press A5 4-up: 4 vertical and 4 horizontal trim lines, two marks each. */
  spec = spec_for ("A5", "SRA3", RONEO_NUP_PRESS, 3);
  g_autoptr (RoneoNup) press = roneo_nup_new (&spec, NULL);
  g_autoptr (RoneoSheet) crops = roneo_nup_new_sheet (press, pages, FALSE, press->duplex, "1");
  g_assert_cmpuint (crops->marks->len, ==, 16);
}

static void
test_clearance (void)
{
  RoneoNupSpec spec = spec_for ("A5", "A4", RONEO_NUP_OFFICE, 0);
  g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
  g_assert_cmpfloat (fabs (roneo_nup_content_clearance (nup, RONEO_MM (8)) - RONEO_MM (8)), <, EPS);
  g_assert_true (roneo_nup_content_clear (nup, RONEO_MM (8)));
  g_assert_true (roneo_nup_content_clear (nup, RONEO_MM (12)));
  g_assert_false (roneo_nup_content_clear (nup, RONEO_MM (7)));
  /* A margin of 0 puts content on the cut. */
  g_assert_cmpfloat (fabs (roneo_nup_content_clearance (nup, 0)), <, EPS);
}

/* ---- cut-and-stack ---- */

static void
test_cut_and_stack (void)
{
  guint records[] = { 0, 1, 7, 8, 9, 100, 401 }, slots[] = { 1, 2, 4, 8 };
  for (gsize i = 0; i < G_N_ELEMENTS (records); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (slots); j++)
      {
        guint n = records[i], k = slots[j], sheets = roneo_nup_sheet_count (n, k);
        g_assert_cmpuint (sheets, ==, (n + k - 1) / k);
        g_autofree guint *seen = g_new0 (guint, n + 1);
        int expected = 0;
        /* Piles in slot order, each read from sheet 0 down: records 0..N-1. */
        for (guint p = 0; p < k; p++)
          for (guint s = 0; s < sheets; s++)
            {
              int record = roneo_nup_cut_and_stack (n, k, s, p);
              if (record < 0)
                continue;
              g_assert_cmpint (record, ==, expected++);
              g_assert_cmpint (record, ==, (int) (p * sheets + s));
              seen[record]++;
            }
        g_assert_cmpint (expected, ==, (int) n);
        for (guint r = 0; r < n; r++)
          g_assert_cmpuint (seen[r], ==, 1);
      }
  g_assert_cmpint (roneo_nup_cut_and_stack (9, 4, 2, 3), ==, -1);
  g_assert_cmpint (roneo_nup_cut_and_stack (9, 4, 2, 0), ==, 2);
}

/* ---- duplex ---- */

/* The paper turned over on `duplex`, by hand: where a point of the back (as the
 * back is seen after turning) lies on the front. The paper's long edges are the
 * sheet's longer sides; it turns about an axis parallel to the binding edge. */
static void
turn_over (const RoneoNup *nup, RoneoDuplex duplex, double x, double y, double *fx, double *fy)
{
  gboolean long_vertical = nup->height > nup->width;
  gboolean axis_vertical = (duplex == RONEO_DUPLEX_LONG_EDGE) == long_vertical;
  *fx = axis_vertical ? nup->width - x : x;
  *fy = axis_vertical ? y : nup->height - y;
}

static const RoneoPlacement *
find_page (const RoneoSheet *sheet, guint page)
{
  for (guint i = 0; i < sheet->placements->len; i++)
    if (g_array_index (sheet->placements, RoneoPlacement, i).page == page)
      return &g_array_index (sheet->placements, RoneoPlacement, i);
  g_assert_not_reached ();
}

static guint
slot_at (const RoneoNup *nup, double x, double y)
{
  for (guint i = 0; i < roneo_nup_get_n_slots (nup); i++)
    {
      const RoneoRect *s = &nup->slots[i];
      if (x > s->x && x < s->x + s->width && y > s->y && y < s->y + s->height)
        return i;
    }
  g_assert_not_reached ();
}

/* Every point of the back of page p, seen through the paper, lies behind the
 * point of the front that a reader turning the piece like a book page finds
 * behind it: (x, y) behind (w - x, y). That fixes the slot and keeps the text's
 * top on the same side. Returns for each front slot its verso slot and whether
 * the verso is drawn upside down relative to the front. */
static void
check_duplex (const RoneoNup *nup, RoneoDuplex duplex, guint *verso_slot, gboolean *flipped)
{
  guint n = roneo_nup_get_n_slots (nup);
  double w = nup->spec.page_width, h = nup->spec.page_height;
  g_autofree int *pages = g_new (int, n);
  for (guint i = 0; i < n; i++)
    pages[i] = (int) i;
  g_autoptr (RoneoSheet) front = roneo_nup_new_sheet (nup, pages, FALSE, duplex, "r");
  g_autoptr (RoneoSheet) back = roneo_nup_new_sheet (nup, pages, TRUE, duplex, "v");
  g_assert_cmpuint (back->placements->len, ==, n);
  double q[5][2] = { { 0, 0 }, { w, 0 }, { 0, h }, { w, h }, { w / 3, h / 5 } };
  for (guint p = 0; p < n; p++)
    {
      const RoneoPlacement *f = find_page (front, p), *v = find_page (back, p);
      for (guint i = 0; i < 5; i++)
        {
          double bx, by, tx, ty, fx, fy;
          apply (v->matrix, q[i][0], q[i][1], &bx, &by);
          turn_over (nup, duplex, bx, by, &tx, &ty);
          apply (f->matrix, w - q[i][0], q[i][1], &fx, &fy);
          g_assert_cmpfloat (fabs (tx - fx), <, EPS);
          g_assert_cmpfloat (fabs (ty - fy), <, EPS);
        }
      double cx, cy;
      apply (v->matrix, w / 2, h / 2, &cx, &cy);
      verso_slot[p] = slot_at (nup, cx, cy);
      flipped[p]
          = fabs (v->matrix[0] + f->matrix[0]) < EPS && fabs (v->matrix[1] + f->matrix[1]) < EPS;
      g_assert_true (flipped[p] || (v->matrix[0] == f->matrix[0] && v->matrix[1] == f->matrix[1]));
      gboolean upside_down;
      g_assert_cmpuint (roneo_nup_verso_slot (nup, p, duplex, &upside_down), ==, verso_slot[p]);
      g_assert_cmpint (upside_down, ==, flipped[p]);
    }
  /* The marks coincide through the paper. */
  g_assert_cmpuint (back->marks->len, ==, front->marks->len);
  for (guint i = 0; i < back->marks->len; i++)
    {
      const RoneoMark *b = &g_array_index (back->marks, RoneoMark, i);
      double x0, y0, x1, y1;
      gboolean found = FALSE;
      turn_over (nup, duplex, b->x0, b->y0, &x0, &y0);
      turn_over (nup, duplex, b->x1, b->y1, &x1, &y1);
      for (guint j = 0; j < front->marks->len && !found; j++)
        {
          const RoneoMark *m = &g_array_index (front->marks, RoneoMark, j);
          found = (fabs (m->x0 - x0) + fabs (m->y0 - y0) + fabs (m->x1 - x1) + fabs (m->y1 - y1)
                   < EPS)
                  || (fabs (m->x0 - x1) + fabs (m->y0 - y1) + fabs (m->x1 - x0) + fabs (m->y1 - y0)
                      < EPS);
        }
      g_assert_true (found);
    }
}

typedef struct
{
  const char *page;
  gboolean keep_portrait;
  RoneoDuplex duplex;
  guint n;
  guint verso[8];
  gboolean flipped;
} DuplexCase;

static void
test_duplex (void)
{
  const RoneoDuplex L = RONEO_DUPLEX_LONG_EDGE, S = RONEO_DUPLEX_SHORT_EDGE;
  const DuplexCase cases[] = {
    /* A5 2-up on A4 landscape: short edge turns it left<->right. */
    { "A5", FALSE, S, 2, { 1, 0 }, FALSE },
    /* ...long edge turns it top<->bottom: same slot, upside down. */
    { "A5", FALSE, L, 2, { 0, 1 }, TRUE },
    /* The same paper drawn portrait with rotated cells: the same physics. */
    { "A5", TRUE, S, 2, { 1, 0 }, FALSE },
    { "A5", TRUE, L, 2, { 0, 1 }, TRUE },
    /* A6 4-up on A4 portrait. */
    { "A6", FALSE, L, 4, { 1, 0, 3, 2 }, FALSE },
    { "A6", FALSE, S, 4, { 2, 3, 0, 1 }, TRUE },
    /* A7 8-up on A4 landscape, 4 x 2. */
    { "A7", FALSE, S, 8, { 3, 2, 1, 0, 7, 6, 5, 4 }, FALSE },
    { "A7", FALSE, L, 8, { 4, 5, 6, 7, 0, 1, 2, 3 }, TRUE },
    /* ...and portrait 2 x 4 with rotated cells. */
    { "A7", TRUE, S, 8, { 6, 7, 4, 5, 2, 3, 0, 1 }, FALSE },
    { "A7", TRUE, L, 8, { 1, 0, 3, 2, 5, 4, 7, 6 }, TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DuplexCase *c = &cases[i];
      RoneoNupSpec spec = spec_for (c->page, "A4", RONEO_NUP_OFFICE, 0);
      spec.keep_portrait = c->keep_portrait;
      g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
      guint verso[RONEO_NUP_MAX_SLOTS];
      gboolean flipped[RONEO_NUP_MAX_SLOTS];
      g_test_message ("case %zu", i);
      g_assert_cmpuint (roneo_nup_get_n_slots (nup), ==, c->n);
      check_duplex (nup, c->duplex, verso, flipped);
      for (guint p = 0; p < c->n; p++)
        {
          g_assert_cmpuint (verso[p], ==, c->verso[p]);
          g_assert_cmpint (flipped[p], ==, c->flipped);
        }
      /* The natural binding never turns a verso upside down. */
      check_duplex (nup, nup->duplex, verso, flipped);
      for (guint p = 0; p < c->n; p++)
        g_assert_false (flipped[p]);
    }
}

/* Duplex holds for every layout of the property sweep, press included. */
static void
test_duplex_sweep (void)
{
  const char *pages[] = { "A5", "A6", "A7", "90x55mm", "A5 landscape", "100x100mm" };
  const char *sheets[] = { "A4", "A3", "SRA3" };
  for (gsize p = 0; p < G_N_ELEMENTS (pages); p++)
    for (gsize s = 0; s < G_N_ELEMENTS (sheets); s++)
      for (int bits = 0; bits < 8; bits++)
        {
          RoneoNupSpec spec = spec_for (pages[p], sheets[s], bits & 1, (bits & 1) ? 3 : 0);
          spec.keep_portrait = (bits >> 1) & 1;
          g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
          guint verso[RONEO_NUP_MAX_SLOTS];
          gboolean flipped[RONEO_NUP_MAX_SLOTS];
          if (nup != NULL)
            check_duplex (nup, (bits >> 2) & 1 ? RONEO_DUPLEX_SHORT_EDGE : RONEO_DUPLEX_LONG_EDGE,
                          verso, flipped);
        }
}

/* ---- calibration ---- */

static void
arrow_vector (const char *text, double *dx, double *dy)
{
  *dx = g_str_has_suffix (text, "\u2192") - g_str_has_suffix (text, "\u2190");
  *dy = g_str_has_suffix (text, "\u2193") - g_str_has_suffix (text, "\u2191");
  g_assert_cmpfloat (fabs (*dx) + fabs (*dy), ==, 1);
}

/* The letter labels of a side, by letter, and the caption following each. */
static const RoneoMark *
find_label (const RoneoSheet *sheet, const char *text, const RoneoMark **caption)
{
  for (guint i = 0; i + 1 < sheet->marks->len; i++)
    {
      const RoneoMark *m = &g_array_index (sheet->marks, RoneoMark, i);
      if (m->kind == RONEO_MARK_LABEL && g_strcmp0 (m->text, text) == 0)
        {
          *caption = m + 1;
          return m;
        }
    }
  g_assert_not_reached ();
}

static void
check_calibration (const RoneoNup *nup, RoneoDuplex duplex)
{
  g_autoptr (RoneoSheet) front = NULL;
  g_autoptr (RoneoSheet) back = NULL;
  roneo_nup_new_calibration (nup, duplex, NULL, &front, &back);
  g_assert_cmpuint (front->placements->len + back->placements->len, ==, 0);
  for (guint p = 0; p < roneo_nup_get_n_slots (nup); p++)
    {
      char letter[2] = { (char) ('A' + p), 0 };
      const RoneoMark *fc, *bc;
      const RoneoMark *f = find_label (front, letter, &fc), *b = find_label (back, letter, &bc);
      const RoneoRect *slot = &nup->slots[p];
      g_assert_true (g_str_has_prefix (fc->text, "FRONT "));
      g_assert_true (g_str_has_prefix (bc->text, "BACK "));
      /* The front letter is in its slot; the back one right behind it. */
      g_assert_cmpfloat (fabs (f->rect.x + f->rect.width / 2 - slot->x - slot->width / 2), <, EPS);
      g_assert_cmpfloat (fabs (f->rect.y + f->rect.height / 2 - slot->y - slot->height / 2), <,
                         EPS);
      double tx, ty, dx, dy, ex, ey, ox, oy;
      turn_over (nup, duplex, b->rect.x + b->rect.width / 2, b->rect.y + b->rect.height / 2, &tx,
                 &ty);
      g_assert_cmpfloat (fabs (tx - slot->x - slot->width / 2), <, EPS);
      g_assert_cmpfloat (fabs (ty - slot->y - slot->height / 2), <, EPS);
      /* The arrows point the same way through the paper. */
      arrow_vector (fc->text, &dx, &dy);
      arrow_vector (bc->text, &ex, &ey);
      turn_over (nup, duplex, ex, ey, &ox, &oy);
      turn_over (nup, duplex, 0, 0, &tx, &ty);
      g_assert_cmpfloat (fabs (ox - tx - dx) + fabs (oy - ty - dy), <, EPS);
      /* And to the top of the page on the front: the page top is the sheet's
       * left edge in rotated cells. */
      g_assert_cmpfloat (dx, ==, nup->rotated ? -1 : 0);
      g_assert_cmpfloat (dy, ==, nup->rotated ? 0 : -1);
    }
}

static void
test_calibration (void)
{
  RoneoNupSpec spec = spec_for ("A5", "A4", RONEO_NUP_OFFICE, 0);
  g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
  g_autoptr (RoneoSheet) front = NULL;
  g_autoptr (RoneoSheet) back = NULL;
  roneo_nup_new_calibration (nup, RONEO_DUPLEX_SHORT_EDGE, NULL, &front, &back);
  g_autofree char *f = roneo_sheet_dump (front);
  g_autofree char *b = roneo_sheet_dump (back);
  g_test_message ("%s%s", f, b);
  /* "FRONT ↑ A | B", "BACK ↑ B | A" (PRINT.md). */
  const RoneoMark *m = &g_array_index (front->marks, RoneoMark, 0);
  g_assert_cmpstr (m[0].text, ==, "A");
  g_assert_cmpstr (m[1].text, ==, "FRONT \u2191");
  g_assert_cmpstr (m[2].text, ==, "B");
  g_assert_cmpfloat (m[0].rect.x, <, m[2].rect.x);
  const RoneoMark *caption;
  const RoneoMark *a = find_label (back, "A", &caption), *bb = find_label (back, "B", &caption);
  g_assert_cmpstr (caption->text, ==, "BACK \u2191");
  g_assert_cmpfloat (bb->rect.x, <, a->rect.x);
  g_autoptr (RoneoSheet) front_long = NULL;
  g_autoptr (RoneoSheet) back_long = NULL;
  roneo_nup_new_calibration (nup, RONEO_DUPLEX_LONG_EDGE, NULL, &front_long, &back_long);
  find_label (back_long, "A", &caption);
  g_assert_cmpstr (caption->text, ==, "BACK \u2193");

  const char *pages[] = { "A5", "A6", "A7" };
  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    for (int bits = 0; bits < 8; bits++)
      {
        spec = spec_for (pages[i], "A4", bits & 1, (bits & 1) ? 3 : 0);
        spec.keep_portrait = (bits >> 1) & 1;
        g_autoptr (RoneoNup) each = roneo_nup_new (&spec, NULL);
        if (each != NULL)
          check_calibration (each,
                             (bits >> 2) & 1 ? RONEO_DUPLEX_SHORT_EDGE : RONEO_DUPLEX_LONG_EDGE);
      }
}

static void
test_describe (void)
{
  struct
  {
    const char *page, *sheet;
    RoneoNupProfile profile;
    double bleed;
    gboolean keep;
    const char *text;
  } cases[] = {
    { "A5", "A4", RONEO_NUP_OFFICE, 0, FALSE,
      "A5 2-up on A4 landscape (2 x 1), duplex short edge" },
    { "A6", "A4", RONEO_NUP_OFFICE, 0, FALSE, "A6 4-up on A4 portrait (2 x 2), duplex long edge" },
    { "A7", "A4", RONEO_NUP_OFFICE, 0, TRUE,
      "A7 8-up on A4 portrait (2 x 4, rotated), duplex short edge" },
    { "A5", "SRA3", RONEO_NUP_PRESS, 3, FALSE,
      "A5 4-up on SRA3 portrait (2 x 2), duplex long edge, press, 3 mm bleed" },
    { "90x55mm", "A4", RONEO_NUP_OFFICE, 0, FALSE,
      "90 x 55 mm 10-up on A4 portrait (2 x 5), duplex long edge" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RoneoNupSpec spec
          = spec_for (cases[i].page, cases[i].sheet, cases[i].profile, cases[i].bleed);
      spec.keep_portrait = cases[i].keep;
      g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
      g_autofree char *text = roneo_nup_describe (nup);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A5 2-up on A4 landscape: the left page of the recto is backed on the right of
 * the verso, upright (short edge); printed long edge, each verso stays behind
 * its recto, rotated 180 degrees. */
static const char recto_dump[]
    = "sheet 1r 841.89 595.28\n"
      "  place page 1 source 0.00 0.00 419.53 595.28 matrix 1.00 0.00 0.00 1.00 "
      "1.42 0.00 "
      "clip 1.42 0.00 419.53 595.28\n"
      "  place page 2 source 0.00 0.00 419.53 595.28 matrix 1.00 0.00 0.00 1.00 "
      "420.94 0.00 "
      "clip 420.94 0.00 419.53 595.28\n"
      "  cut 420.94 14.17 420.94 22.68 width 0.40\n"
      "  cut 420.94 572.60 420.94 581.10 width 0.40\n";
static const char verso_short_dump[]
    = "sheet 1v 841.89 595.28\n"
      "  place page 3 source 0.00 0.00 419.53 595.28 matrix 1.00 0.00 0.00 1.00 "
      "1.42 0.00 "
      "clip 1.42 0.00 419.53 595.28\n"
      "  place page 2 source 0.00 0.00 419.53 595.28 matrix 1.00 0.00 0.00 1.00 "
      "420.94 0.00 "
      "clip 420.94 0.00 419.53 595.28\n"
      "  cut 420.94 14.17 420.94 22.68 width 0.40\n"
      "  cut 420.94 572.60 420.94 581.10 width 0.40\n";
static const char verso_long_dump[]
    = "sheet 1v 841.89 595.28\n"
      "  place page 2 source 0.00 0.00 419.53 595.28 matrix -1.00 0.00 0.00 "
      "-1.00 420.94 595.28 "
      "clip 1.42 0.00 419.53 595.28\n"
      "  place page 3 source 0.00 0.00 419.53 595.28 matrix -1.00 0.00 0.00 "
      "-1.00 840.47 595.28 "
      "clip 420.94 0.00 419.53 595.28\n"
      "  cut 420.94 14.17 420.94 22.68 width 0.40\n"
      "  cut 420.94 572.60 420.94 581.10 width 0.40\n";

static void
test_dump (void)
{
  RoneoNupSpec spec = spec_for ("A5", "A4", RONEO_NUP_OFFICE, 0);
  g_autoptr (RoneoNup) nup = roneo_nup_new (&spec, NULL);
  int recto_pages[2] = { 0, 1 }, verso_pages[2] = { 1, 2 };
  g_autoptr (RoneoSheet) recto = roneo_nup_new_sheet (nup, recto_pages, FALSE, nup->duplex, "1r");
  g_autoptr (RoneoSheet) v_short
      = roneo_nup_new_sheet (nup, verso_pages, TRUE, RONEO_DUPLEX_SHORT_EDGE, "1v");
  g_autoptr (RoneoSheet) v_long
      = roneo_nup_new_sheet (nup, verso_pages, TRUE, RONEO_DUPLEX_LONG_EDGE, "1v");
  g_autofree char *r = roneo_sheet_dump (recto);
  g_autofree char *vs = roneo_sheet_dump (v_short);
  g_autofree char *vl = roneo_sheet_dump (v_long);
  g_test_message ("%s%s%s", r, vs, vl);
  g_assert_cmpstr (r, ==, recto_dump);
  g_assert_cmpstr (vs, ==, verso_short_dump);
  g_assert_cmpstr (vl, ==, verso_long_dump);
  /* A blank slot draws nothing. */
  int one[2] = { 4, -1 };
  g_autoptr (RoneoSheet) blank = roneo_nup_new_sheet (nup, one, TRUE, nup->duplex, "2v");
  g_assert_cmpuint (blank->placements->len, ==, 1);
  g_assert_cmpfloat (g_array_index (blank->placements, RoneoPlacement, 0).clip.x, >, 400);
}

static void
add_duplex_tests (void)
{
  g_test_add_func ("/nup/duplex", test_duplex);
  g_test_add_func ("/nup/duplex-sweep", test_duplex_sweep);
  g_test_add_func ("/nup/calibration", test_calibration);
  g_test_add_func ("/nup/describe", test_describe);
  g_test_add_func ("/nup/dump", test_dump);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nup/counts", test_counts);
  g_test_add_func ("/nup/keep-portrait", test_keep_portrait);
  g_test_add_func ("/nup/explicit", test_explicit_nup);
  g_test_add_func ("/nup/errors", test_errors);
  g_test_add_func ("/nup/properties", test_properties);
  g_test_add_func ("/nup/ticks-and-crops", test_ticks_cuts);
  g_test_add_func ("/nup/clearance", test_clearance);
  g_test_add_func ("/nup/cut-and-stack", test_cut_and_stack);
  add_duplex_tests ();
  return g_test_run ();
}
