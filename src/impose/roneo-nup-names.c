/* roneo-nup-names.c: paper names and numbers for n-up messages and
 * descriptions.
 *
 * Sizes are named back from roneo_paper_lookup() when they match a known paper
 * within half a point, so a message says "A5", not "419.53 x 595.28 pt". */
#include "roneo-nup-private.h"

#include "roneo-error.h"

#include <math.h>
#include <string.h>

#define NAME_TOLERANCE 0.5

static const char *const known_papers[] = {"A7", "A6",     "A5",    "A4",
                                           "A3", "SRA3",   "A2",    "A1",
                                           "A0", "Letter", "Legal", "Tabloid"};

gboolean roneo_nup_fail(GError **error, const char *format, ...) {
  va_list args;
  va_start(args, format);
  g_autofree char *message = g_strdup_vprintf(format, args);
  va_end(args);
  g_set_error_literal(error, RONEO_ERROR, RONEO_ERROR_USAGE, message);
  return FALSE;
}

char *roneo_nup_dup_mm(double pt) {
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double mm = round(pt / RONEO_PT_PER_MM * 10) / 10;
  const char *format = fabs(mm - round(mm)) < 0.01 ? "%.0f" : "%.1f";
  return g_strdup(g_ascii_formatd(buffer, sizeof buffer, format, mm));
}

static gboolean same_size(double a, double b) {
  return fabs(a - b) < NAME_TOLERANCE;
}

char *roneo_nup_dup_paper_name(double width, double height) {
  for (gsize i = 0; i < G_N_ELEMENTS(known_papers); i++) {
    double w, h;
    if (!roneo_paper_lookup(known_papers[i], &w, &h))
      continue;
    if (same_size(width, w) && same_size(height, h))
      return g_strdup(known_papers[i]);
    if (same_size(width, h) && same_size(height, w))
      return g_strdup_printf("%s landscape", known_papers[i]);
  }
  g_autofree char *w_mm = roneo_nup_dup_mm(width);
  g_autofree char *h_mm = roneo_nup_dup_mm(height);
  return g_strdup_printf("%s x %s mm", w_mm, h_mm);
}

char *roneo_nup_dup_copy_name(const RoneoNupSpec *spec) {
  g_autofree char *name =
      roneo_nup_dup_paper_name(spec->page_width, spec->page_height);
  if (spec->profile != RONEO_NUP_PRESS)
    return g_strdup_printf("%s copy", name);
  g_autofree char *bleed = roneo_nup_dup_mm(spec->bleed);
  return g_strdup_printf("%s copy with %s mm bleed and crop marks", name,
                         bleed);
}

/* "an A5", "an SRA3", "an 80 x 50 mm", "an 11 x 17 mm"; "a Letter", "a 100 x 50
 * mm". */
const char *roneo_nup_article(const char *name) {
  if (name[0] == 'A' || name[0] == 'S' || name[0] == '8' ||
      g_str_has_prefix(name, "11 ") || g_str_has_prefix(name, "18 "))
    return "an";
  return "a";
}
