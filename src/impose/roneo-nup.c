/* roneo-nup.c: choosing the n-up layout (sheet orientation, cols x rows, rotation),
 * the slots, duplex mirroring, cut-and-stack order, and the names in messages and
 * the one-line description (sizes are named back from roneo_paper_lookup() when
 * they match a known paper within half a point: "A5", not "419.53 x 595.28 pt").
 * The sheets themselves are in roneo-nup-sheet.c. */
#include "roneo-nup.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-nup-private.h"

#include <math.h>

#define EPS 1e-6
#define MAX_BLEED RONEO_MM (10.0)

#define NAME_TOLERANCE 0.5

static const char *const known_papers[]
    = { "A7", "A6", "A5", "A4", "A3", "SRA3", "A2", "A1", "A0", "Letter", "Legal", "Tabloid" };

gboolean
roneo_nup_fail (GError **error, RoneoJobErrorCode code, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RONEO_JOB_ERROR, code, message);
  return FALSE;
}

char *
roneo_nup_dup_mm (double pt)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double mm = round (pt / RONEO_PT_PER_MM * 10) / 10;
  const char *format = fabs (mm - round (mm)) < 0.01 ? "%.0f" : "%.1f";
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, mm));
}

static gboolean
same_size (double a, double b)
{
  return fabs (a - b) < NAME_TOLERANCE;
}

char *
roneo_nup_dup_paper_name (double width, double height)
{
  for (gsize i = 0; i < G_N_ELEMENTS (known_papers); i++)
    {
      double w, h;
      if (!roneo_paper_lookup (known_papers[i], &w, &h))
        continue;
      if (same_size (width, w) && same_size (height, h))
        return g_strdup (known_papers[i]);
      if (same_size (width, h) && same_size (height, w))
        return g_strdup_printf ("%s landscape", known_papers[i]);
    }
  g_autofree char *w_mm = roneo_nup_dup_mm (width);
  g_autofree char *h_mm = roneo_nup_dup_mm (height);
  return g_strdup_printf ("%s x %s mm", w_mm, h_mm);
}

char *
roneo_nup_dup_copy_name (const RoneoNupSpec *spec)
{
  g_autofree char *name = roneo_nup_dup_paper_name (spec->page_width, spec->page_height);
  if (spec->profile != RONEO_NUP_PRESS)
    /* TRANSLATORS: the paper of one copy of the tract: "A5 copy" */
    return g_strdup_printf (_ ("%s copy"), name);
  g_autofree char *bleed = roneo_nup_dup_mm (spec->bleed);
  return g_strdup_printf (_ ("%s copy with %s mm bleed and crop marks"), name, bleed);
}

/* "an A5", "an SRA3", "an 80 x 50 mm", "an 11 x 17 mm"; "a Letter", "a 100 x 50
 * mm". */
const char *
roneo_nup_article (const char *name)
{
  if (name[0] == 'A' || name[0] == 'S' || name[0] == '8' || g_str_has_prefix (name, "11 ")
      || g_str_has_prefix (name, "18 "))
    return "an";
  return "a";
}

typedef struct
{
  gboolean landscape, rotated;
  guint cols, rows;
} Choice;

/* Room a press block needs beyond its outer trims on each side: the crop marks. */
double
roneo_nup_mark_reach (const RoneoNupSpec *spec)
{
  if (spec->profile != RONEO_NUP_PRESS)
    return 0;
  return roneo_nup_crop_offset (spec) + RONEO_NUP_CROP_LENGTH;
}

double
roneo_nup_crop_offset (const RoneoNupSpec *spec)
{
  return MAX (spec->bleed, RONEO_MM (3.0));
}

static double
gutter_of (const RoneoNupSpec *spec)
{
  return spec->profile == RONEO_NUP_PRESS ? 2 * spec->bleed : 0;
}

/* How many trims of `trim` fit along `sheet` with the gutters, marks and
 * margins. */
static guint
fit_count (const RoneoNupSpec *spec, double sheet, double trim)
{
  double gutter = gutter_of (spec);
  double avail = sheet;
  if (spec->profile == RONEO_NUP_PRESS)
    avail -= 2 * (spec->printer_margin + roneo_nup_mark_reach (spec));
  if (avail + EPS < trim)
    return 0;
  return (guint) floor ((avail + gutter + EPS) / (trim + gutter));
}

static void
frame_capacity (const RoneoNupSpec *spec, gboolean landscape, gboolean rotated, guint *cols,
                guint *rows)
{
  double sw = landscape ? spec->sheet_height : spec->sheet_width;
  double sh = landscape ? spec->sheet_width : spec->sheet_height;
  double cw = rotated ? spec->page_height : spec->page_width;
  double ch = rotated ? spec->page_width : spec->page_height;
  *cols = fit_count (spec, sw, cw);
  *rows = fit_count (spec, sh, ch);
}

/* More copies (when `by_count`), then upright cells, fewer cuts, portrait. */
static gboolean
choice_better (const Choice *a, const Choice *b, gboolean by_count)
{
  guint na = a->cols * a->rows, nb = b->cols * b->rows;
  if (by_count && na != nb)
    return na > nb;
  if (a->rotated != b->rotated)
    return !a->rotated;
  if (a->cols + a->rows != b->cols + b->rows)
    return a->cols + a->rows < b->cols + b->rows;
  return !a->landscape && b->landscape;
}

static void
consider (Choice *best, const Choice *candidate, gboolean by_count)
{
  if (best->cols == 0 || choice_better (candidate, best, by_count))
    *best = *candidate;
}

/* The best arrangement of exactly `nup` copies (any number when 0) and the
 * largest number that fits at all. best->cols is 0 when nothing matches. */
static void
choose (const RoneoNupSpec *spec, guint nup, Choice *best, guint *max_fit)
{
  *best = (Choice){ 0 };
  *max_fit = 0;
  gboolean square = fabs (spec->sheet_width - spec->sheet_height) < EPS;
  for (int landscape = 0; landscape < 2; landscape++)
    for (int rotated = 0; rotated < 2; rotated++)
      {
        if (landscape && (spec->keep_portrait || square))
          continue;
        guint cols, rows;
        frame_capacity (spec, landscape, rotated, &cols, &rows);
        *max_fit = MAX (*max_fit, cols * rows);
        if (nup == 0 && cols * rows > 0)
          consider (best, &(Choice){ landscape, rotated, cols, rows }, TRUE);
        for (guint c = 1; nup > 0 && c <= cols; c++)
          if (nup % c == 0 && nup / c <= rows)
            consider (best, &(Choice){ landscape, rotated, c, nup / c }, FALSE);
      }
}

/* "1, 2, 4": the copy counts some arrangement reaches. Owned. */
static char *
possible_counts (const RoneoNupSpec *spec, guint max_fit)
{
  GString *out = g_string_new (NULL);
  for (guint n = 1; n <= MIN (max_fit, RONEO_NUP_MAX_SLOTS); n++)
    {
      Choice choice;
      guint unused;
      choose (spec, n, &choice, &unused);
      if (choice.cols > 0)
        g_string_append_printf (out, "%s%u", out->len > 0 ? ", " : "", n);
    }
  return g_string_free (out, FALSE);
}

static gboolean
spec_check (const RoneoNupSpec *spec, GError **error)
{
  double shortest = MIN (spec->sheet_width, spec->sheet_height);
  if (!(spec->page_width > 0 && spec->page_height > 0 && spec->sheet_width > 0
        && spec->sheet_height > 0))
    return roneo_nup_fail (error, RONEO_JOB_ERROR_SHEET,
                           _ ("copy and sheet sizes must be positive"));
  if (spec->profile == RONEO_NUP_PRESS && !(spec->bleed >= 0 && spec->bleed <= MAX_BLEED))
    return roneo_nup_fail (error, RONEO_JOB_ERROR_BLEED, _ ("bleed must lie between 0 and 10 mm"));
  if (!(spec->printer_margin >= 0 && spec->printer_margin < shortest / 4))
    return roneo_nup_fail (error, RONEO_JOB_ERROR_SHEET,
                           _ ("printer margin must lie between 0 and a quarter of the sheet"));
  if (spec->nup > RONEO_NUP_MAX_SLOTS)
    return roneo_nup_fail (error, RONEO_JOB_ERROR_NUP, _ ("at most %d copies per sheet"),
                           RONEO_NUP_MAX_SLOTS);
  return TRUE;
}

/* "A3 or larger": the first usual sheet bigger than the spec's that
 * holds one copy. */
static char *
dup_larger_sheet (const RoneoNupSpec *spec)
{
  static const char *const sheets[] = { "A4", "A3", "SRA3", "A2", "A1", "A0" };
  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      RoneoNupSpec larger = *spec;
      Choice choice;
      guint max_fit;
      roneo_paper_lookup (sheets[i], &larger.sheet_width, &larger.sheet_height);
      if (larger.sheet_width * larger.sheet_height <= spec->sheet_width * spec->sheet_height)
        continue;
      choose (&larger, 0, &choice, &max_fit);
      if (max_fit > 0)
        return g_strdup_printf ("%s or larger", sheets[i]);
    }
  return g_strdup ("a larger sheet");
}

/* The error for a spec where nothing or not `nup` fits. */
static void
set_choice_error (const RoneoNupSpec *spec, guint max_fit, GError **error)
{
  g_autofree char *copy = roneo_nup_dup_copy_name (spec);
  g_autofree char *sheet = roneo_nup_dup_paper_name (spec->sheet_width, spec->sheet_height);
  if (max_fit == 0)
    {
      g_autofree char *larger = dup_larger_sheet (spec);
      roneo_nup_fail (error, RONEO_JOB_ERROR_SHEET, _ ("%s %s does not fit %s %s sheet; %s"),
                      roneo_nup_article (copy), copy, roneo_nup_article (sheet), sheet, larger);
    }
  else if (spec->nup == 0)
    roneo_nup_fail (error, RONEO_JOB_ERROR_NUP,
                    _ ("%u copies fit on one sheet, more than %d; say how many"), max_fit,
                    RONEO_NUP_MAX_SLOTS);
  else
    {
      g_autofree char *counts = possible_counts (spec, max_fit);
      g_autofree char *page = roneo_nup_dup_paper_name (spec->page_width, spec->page_height);
      roneo_nup_fail (error, RONEO_JOB_ERROR_NUP,
                      _ ("%s copies cannot be arranged %u-up on %s %s sheet; possible: %s"), page,
                      spec->nup, roneo_nup_article (sheet), sheet, counts);
    }
}

static void
lay_out_slots (RoneoNup *nup, double cell_w, double cell_h)
{
  guint n = nup->cols * nup->rows;
  nup->block.width = nup->cols * cell_w + (nup->cols - 1) * nup->gutter;
  nup->block.height = nup->rows * cell_h + (nup->rows - 1) * nup->gutter;
  nup->block.x = (nup->width - nup->block.width) / 2;
  nup->block.y = (nup->height - nup->block.height) / 2;
  nup->slots = g_new (RoneoRect, n);
  for (guint i = 0; i < n; i++)
    nup->slots[i]
        = (RoneoRect){ nup->block.x + (i % nup->cols) * (cell_w + nup->gutter),
                       nup->block.y + (i / nup->cols) * (cell_h + nup->gutter), cell_w, cell_h };
}

static RoneoNup *
nup_from_choice (const RoneoNupSpec *spec, const Choice *choice)
{
  RoneoNup *nup = g_new0 (RoneoNup, 1);
  nup->spec = *spec;
  nup->orientation = choice->landscape ? RONEO_ORIENTATION_LANDSCAPE : RONEO_ORIENTATION_PORTRAIT;
  nup->width = choice->landscape ? spec->sheet_height : spec->sheet_width;
  nup->height = choice->landscape ? spec->sheet_width : spec->sheet_height;
  nup->cols = choice->cols;
  nup->rows = choice->rows;
  nup->rotated = choice->rotated;
  nup->gutter = gutter_of (spec);
  /* Pieces read upright after a turn about their own vertical axis: LONG when
   * that axis runs along the paper's long edge (header). */
  nup->duplex
      = choice->rotated == choice->landscape ? RONEO_DUPLEX_LONG_EDGE : RONEO_DUPLEX_SHORT_EDGE;
  lay_out_slots (nup, choice->rotated ? spec->page_height : spec->page_width,
                 choice->rotated ? spec->page_width : spec->page_height);
  return nup;
}

RoneoNup *
roneo_nup_new (const RoneoNupSpec *spec, GError **error)
{
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!spec_check (spec, error))
    return NULL;
  RoneoNupSpec portrait = *spec;
  portrait.sheet_width = MIN (spec->sheet_width, spec->sheet_height);
  portrait.sheet_height = MAX (spec->sheet_width, spec->sheet_height);
  Choice choice;
  guint max_fit;
  choose (&portrait, portrait.nup, &choice, &max_fit);
  if (choice.cols == 0 || choice.cols * choice.rows > RONEO_NUP_MAX_SLOTS)
    {
      set_choice_error (&portrait, max_fit, error);
      return NULL;
    }
  return nup_from_choice (&portrait, &choice);
}

void
roneo_nup_free (RoneoNup *nup)
{
  if (nup == NULL)
    return;
  g_free (nup->slots);
  g_free (nup);
}

guint
roneo_nup_get_n_slots (const RoneoNup *nup)
{
  return nup->cols * nup->rows;
}

const RoneoRect *
roneo_nup_get_slot (const RoneoNup *nup, guint slot)
{
  g_return_val_if_fail (slot < roneo_nup_get_n_slots (nup), NULL);
  return &nup->slots[slot];
}

/* In the sheet as drawn the paper's long edges are its longer sides, so LONG
 * turns a portrait sheet left<->right and a landscape one top<->bottom. The
 * piece comes back upright when that turn is about its own vertical axis
 * (header). */
guint
roneo_nup_verso_slot (const RoneoNup *nup, guint slot, RoneoDuplex duplex, gboolean *upside_down)
{
  g_return_val_if_fail (slot < roneo_nup_get_n_slots (nup), 0);
  /* A verso exists only for a paper that turns on an edge. */
  g_return_val_if_fail (duplex == RONEO_DUPLEX_LONG_EDGE || duplex == RONEO_DUPLEX_SHORT_EDGE,
                        slot);
  gboolean landscape = nup->orientation == RONEO_ORIENTATION_LANDSCAPE;
  gboolean left_right = (duplex == RONEO_DUPLEX_LONG_EDGE) != landscape;
  guint c = slot % nup->cols, r = slot / nup->cols;
  if (upside_down != NULL)
    *upside_down = left_right == nup->rotated;
  if (left_right)
    return r * nup->cols + (nup->cols - 1 - c);
  return (nup->rows - 1 - r) * nup->cols + c;
}

int
roneo_nup_cut_and_stack (guint n_records, guint slots, guint sheet, guint slot)
{
  g_return_val_if_fail (slots > 0 && slot < slots, -1);
  guint64 record = (guint64) slot * roneo_nup_sheet_count (n_records, slots) + sheet;
  return record < n_records ? (int) record : -1;
}

guint
roneo_nup_sheet_count (guint n_records, guint slots)
{
  g_return_val_if_fail (slots > 0, 0);
  return n_records / slots + (n_records % slots != 0);
}

double
roneo_nup_content_clearance (const RoneoNup *nup, double copy_margin)
{
  double clearance = copy_margin; /* every trim edge is a cut or lies on the waste */
  for (guint i = 0; i < roneo_nup_get_n_slots (nup); i++)
    {
      const RoneoRect *s = &nup->slots[i];
      double left = s->x + copy_margin, top = s->y + copy_margin;
      double right = nup->width - (s->x + s->width - copy_margin);
      double bottom = nup->height - (s->y + s->height - copy_margin);
      clearance = MIN (clearance, MIN (MIN (left, right), MIN (top, bottom)));
    }
  return clearance;
}

gboolean
roneo_nup_content_clear (const RoneoNup *nup, double copy_margin)
{
  double clearance = roneo_nup_content_clearance (nup, copy_margin);
  return clearance >= RONEO_NUP_CONTENT_CLEARANCE - EPS
         && clearance >= nup->spec.printer_margin - EPS;
}

char *
roneo_nup_describe (const RoneoNup *nup)
{
  g_autofree char *copy = roneo_nup_dup_paper_name (nup->spec.page_width, nup->spec.page_height);
  g_autofree char *sheet = roneo_nup_dup_paper_name (nup->spec.sheet_width, nup->spec.sheet_height);
  GString *out = g_string_new (NULL);
  /* TRANSLATORS: the copy's paper, copies per sheet, the sheet's paper, the
   * columns and rows of the grid: "A6 4-up on A4 portrait (2 x 2)" */
  gboolean landscape = nup->orientation == RONEO_ORIENTATION_LANDSCAPE;
  const char *grid = nup->rotated ? (landscape ? _ ("%s %u-up on %s landscape (%u x %u, rotated)")
                                               : _ ("%s %u-up on %s portrait (%u x %u, rotated)"))
                     : landscape  ? _ ("%s %u-up on %s landscape (%u x %u)")
                                  : _ ("%s %u-up on %s portrait (%u x %u)");
  g_string_append_printf (out, grid, copy, roneo_nup_get_n_slots (nup), sheet, nup->cols,
                          nup->rows);
  /* the facts that follow, each a clause of its own after a comma */
  g_string_append_printf (out, ", %s",
                          nup->duplex == RONEO_DUPLEX_LONG_EDGE ? _ ("duplex long edge")
                                                                : _ ("duplex short edge"));
  if (nup->spec.profile == RONEO_NUP_PRESS)
    {
      g_autofree char *bleed = roneo_nup_dup_mm (nup->spec.bleed);
      g_string_append (out, ", ");
      g_string_append_printf (out, _ ("press, %s mm bleed"), bleed);
    }
  return g_string_free (out, FALSE);
}
