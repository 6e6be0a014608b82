#include "roneo-fit.h"

#include "roneo-text-layout.h"

#include <string.h>

#define BALANCE_STEP (PANGO_SCALE / 4) /* width bisection stops at 0.25 pt */

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
layout_fits (PangoLayout *layout, const RoneoStyle *style, int width, int height)
{
  PangoRectangle ink;
  pango_layout_get_extents (layout, &ink, NULL);
  int lines = pango_layout_get_line_count (layout);
  return !breaks_a_word (layout) && (style->max_lines == 0 || lines <= (int) style->max_lines)
         && ink.x >= -PANGO_SCALE && ink.x + ink.width <= width && ink.height <= height;
}

gboolean
roneo_fit_check (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                 double size, double max_width, double max_height)
{
  int width = pango_units_from_double (max_width);
  g_autoptr (PangoLayout) layout
      = layout_at (context, rich, style, pango_units_from_double (size), width);
  return layout_fits (layout, style, width, pango_units_from_double (max_height));
}

/* The narrowest width, down to a quarter point, that keeps the line count. */
static int
balance_width (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
               int size, int width, int lines)
{
  int low = width / MAX (lines, 1) / 2, high = width;
  while (high - low > BALANCE_STEP)
    {
      int mid = low + (high - low) / 2;
      g_autoptr (PangoLayout) layout = layout_at (context, rich, style, size, mid);
      PangoRectangle ink;
      pango_layout_get_extents (layout, &ink, NULL);
      if (pango_layout_get_line_count (layout) == lines && !breaks_a_word (layout)
          && ink.x + ink.width <= mid + PANGO_SCALE)
        high = mid;
      else
        low = mid;
    }
  return high;
}

RoneoFit
roneo_fit_text (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                double max_width, double max_height)
{
  int width = pango_units_from_double (max_width);
  int height = pango_units_from_double (max_height);
  int low = pango_units_from_double (MIN (style->min_size, style->size));
  int high = pango_units_from_double (style->size);
  RoneoFit fit = { 0 };
  g_autoptr (PangoLayout) smallest = layout_at (context, rich, style, low, width);
  fit.fits = layout_fits (smallest, style, width, height);
  if (fit.fits)
    {
      /* Invariant: low fits; find the largest size that does. */
      while (high > low)
        {
          int mid = low + (high - low + 1) / 2;
          g_autoptr (PangoLayout) layout = layout_at (context, rich, style, mid, width);
          if (layout_fits (layout, style, width, height))
            low = mid;
          else
            high = mid - 1;
        }
    }
  g_autoptr (PangoLayout) chosen = layout_at (context, rich, style, low, width);
  int lines = pango_layout_get_line_count (chosen);
  int balanced = fit.fits ? balance_width (context, rich, style, low, width, lines) : width;
  fit.layout = layout_at (context, rich, style, low, balanced);
  fit.size = (double) low / PANGO_SCALE;
  fit.width = pango_units_to_double (balanced);
  fit.lines = pango_layout_get_line_count (fit.layout);
  pango_layout_get_extents (fit.layout, &fit.ink, NULL);
  return fit;
}

void
roneo_fit_clear (RoneoFit *fit)
{
  g_clear_object (&fit->layout);
}
