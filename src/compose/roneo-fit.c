#include "roneo-fit.h"

#include "roneo-text-layout.h"

#include <math.h>
#include <string.h>

#define BALANCE_STEP (PANGO_SCALE / 2) /* width bisection stops at 0.5 pt */
#define SIZE_STEP (PANGO_SCALE / 16)   /* size bisection stops at 1/16 pt */

static PangoLayout *
layout_at (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style, int size,
           int width)
{
  PangoLayout *layout
      = roneo_text_layout_new (context, rich, style, (double) size / PANGO_SCALE, NULL);
  pango_layout_set_width (layout, width);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  PangoAlignment alignment = style->align == RONEO_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
                             : style->align == RONEO_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                                 : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Trials are laid out at one reference size, the wrap width scaled instead
 * of the type: unhinted text at size s in width w is the text at size r in
 * width w * r / s, scaled by s / r. One font size means one font set to
 * load, not one per trial. */
typedef struct
{
  PangoContext *context;
  const RoneoRichText *rich;
  const RoneoStyle *style;
  int reference; /* size, Pango units */
} Prober;

/* A layout at the reference size standing for size at width; *scale
 * turns its extents into those at size. */
static PangoLayout *
probe (const Prober *p, int size, int width, double *scale)
{
  *scale = (double) size / p->reference;
  int scaled_width = (int) ((gint64) width * p->reference / size);
  return layout_at (p->context, p->rich, p->style, p->reference, scaled_width);
}

static PangoRectangle
scaled_ink (PangoLayout *layout, double scale)
{
  PangoRectangle ink;
  pango_layout_get_extents (layout, &ink, NULL);
  return (PangoRectangle) { (int) (ink.x * scale), (int) (ink.y * scale),
                            (int) ceil (ink.width * scale), (int) ceil (ink.height * scale) };
}

/* A wrapped line that does not start after a space, a hyphen or a forced
 * break cut a word in two. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      if (line->start_index == 0)
        continue;
      gunichar before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      if (!g_unichar_isspace (before) && before != '-' && before != 0x2010 && before != 0x2028)
        return TRUE;
    }
  return FALSE;
}

static gboolean
probe_fits (const Prober *p, int size, int width, int height)
{
  double scale;
  g_autoptr (PangoLayout) layout = probe (p, size, width, &scale);
  PangoRectangle ink = scaled_ink (layout, scale);
  int lines = pango_layout_get_line_count (layout);
  return !breaks_a_word (layout) && (p->style->max_lines == 0 || lines <= (int) p->style->max_lines)
         && ink.x >= -PANGO_SCALE && ink.x + ink.width <= width && ink.height <= height;
}

gboolean
roneo_fit_check (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                 double size, double max_width, double max_height)
{
  const Prober p = { context, rich, style, pango_units_from_double (size) };
  return probe_fits (&p, p.reference, pango_units_from_double (max_width),
                     pango_units_from_double (max_height));
}

/* Balancing only compares widths: the logical extents do (the ink, much
 * dearer to measure, differs by a side bearing, inside the 1 pt allowed). */
static int
probe_lines (const Prober *p, int size, int width, gboolean *broken, int *right)
{
  double scale;
  g_autoptr (PangoLayout) layout = probe (p, size, width, &scale);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  *broken = breaks_a_word (layout);
  *right = (int) ((logical.x + logical.width) * scale);
  return pango_layout_get_line_count (layout);
}

/* The narrowest width, down to half a point, that keeps the line count. */
static int
balance_width (const Prober *p, int size, int width, int lines)
{
  int low = width / MAX (lines, 1) / 2, high = width;
  while (high - low > BALANCE_STEP)
    {
      int mid = low + (high - low) / 2;
      gboolean broken;
      int ink_right;
      if (probe_lines (p, size, mid, &broken, &ink_right) == lines && !broken
          && ink_right <= mid + PANGO_SCALE)
        high = mid;
      else
        low = mid;
    }
  return high;
}

/* The largest size in [low, high] that fits, to 1/16 pt, knowing low does. */
static int
largest_size (const Prober *p, int low, int high, int width, int height)
{
  if (probe_fits (p, high, width, height))
    return high;
  /* Invariant: low fits, high does not. */
  while (high - low > SIZE_STEP)
    {
      int mid = low + (high - low) / 2;
      if (probe_fits (p, mid, width, height))
        low = mid;
      else
        high = mid;
    }
  return low;
}

RoneoFit
roneo_fit_text (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                double max_width, double max_height)
{
  int width = pango_units_from_double (max_width);
  int height = pango_units_from_double (max_height);
  int low = pango_units_from_double (MIN (style->min_size, style->size));
  const Prober p = { context, rich, style, pango_units_from_double (style->size) };
  RoneoFit fit = { 0 };
  fit.fits = probe_fits (&p, low, width, height);
  int size = fit.fits ? largest_size (&p, low, p.reference, width, height) : low;
  gboolean broken;
  int ink_right;
  int lines = probe_lines (&p, size, width, &broken, &ink_right);
  int balanced = fit.fits ? balance_width (&p, size, width, lines) : width;
  fit.layout = layout_at (context, rich, style, size, balanced);
  /* Set for real, a line may come out a hair wider than probed: give the
   * balanced width back rather than a different break. */
  if (pango_layout_get_line_count (fit.layout) != lines)
    pango_layout_set_width (fit.layout, width);
  fit.size = (double) size / PANGO_SCALE;
  fit.width = pango_units_to_double (pango_layout_get_width (fit.layout));
  fit.lines = pango_layout_get_line_count (fit.layout);
  pango_layout_get_extents (fit.layout, &fit.ink, NULL);
  return fit;
}

void
roneo_fit_clear (RoneoFit *fit)
{
  g_clear_object (&fit->layout);
}
