/* roneo-sheet.c: the sheet IR and its text dump. */
#include "roneo-sheet.h"

static void
mark_clear (gpointer data)
{
  RoneoMark *mark = data;
  g_clear_pointer (&mark->text, g_free);
}

RoneoSheet *
roneo_sheet_new (const char *name, double width, double height)
{
  RoneoSheet *sheet = g_new0 (RoneoSheet, 1);
  sheet->name = g_strdup (name);
  sheet->width = width;
  sheet->height = height;
  sheet->placements = g_array_new (FALSE, TRUE, sizeof (RoneoPlacement));
  sheet->marks = g_array_new (FALSE, TRUE, sizeof (RoneoMark));
  g_array_set_clear_func (sheet->marks, mark_clear);
  return sheet;
}

void
roneo_sheet_free (RoneoSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_array_unref (sheet->placements);
  g_array_unref (sheet->marks);
  g_free (sheet);
}

RoneoPlacement *
roneo_sheet_add_placement (RoneoSheet *sheet, const RoneoPlacement *placement)
{
  g_array_append_vals (sheet->placements, placement, 1);
  return &g_array_index (sheet->placements, RoneoPlacement, sheet->placements->len - 1);
}

RoneoMark *
roneo_sheet_add_mark (RoneoSheet *sheet, const RoneoMark *mark)
{
  g_array_append_vals (sheet->marks, mark, 1);
  RoneoMark *copy = &g_array_index (sheet->marks, RoneoMark, sheet->marks->len - 1);
  copy->text = g_strdup (mark->text);
  return copy;
}

/* Appends " v" for each value, two decimals, never "-0.00". */
static void
append_numbers (GString *out, const double *values, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double value = values[i] > -0.005 && values[i] < 0.005 ? 0.0 : values[i];
      g_string_append_printf (out, " %s", g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
    }
}

static void
append_rect (GString *out, const char *word, const RoneoRect *rect)
{
  double values[4] = { rect->x, rect->y, rect->width, rect->height };
  g_string_append_printf (out, " %s", word);
  append_numbers (out, values, 4);
}

static void
dump_placement (GString *out, const RoneoPlacement *placement)
{
  g_string_append_printf (out, "  place page %u", placement->page + 1);
  append_rect (out, "source", &placement->source);
  g_string_append (out, " matrix");
  append_numbers (out, placement->matrix, 6);
  append_rect (out, "clip", &placement->clip);
  g_string_append_c (out, '\n');
}

static void
dump_line (GString *out, const char *word, const RoneoMark *mark)
{
  double values[5] = { mark->x0, mark->y0, mark->x1, mark->y1, mark->line_width };
  g_string_append_printf (out, "  %s", word);
  append_numbers (out, values, 4);
  g_string_append (out, " width");
  append_numbers (out, values + 4, 1);
}

static void
dump_mark (GString *out, const RoneoMark *mark)
{
  switch (mark->kind)
    {
    case RONEO_MARK_CUT:
      dump_line (out, "cut", mark);
      break;
    case RONEO_MARK_GLUE:
      append_rect (out, " glue", &mark->rect);
      g_string_append (out, " spacing");
      append_numbers (out, &mark->spacing, 1);
      break;
    case RONEO_MARK_LABEL:
      append_rect (out, " label", &mark->rect);
      g_string_append (out, " size");
      append_numbers (out, &mark->size, 1);
      g_string_append_printf (out, "%s%s \"%s\"", mark->vertical ? " vertical" : "",
                              mark->knockout ? " knockout" : "", mark->text);
      break;
    case RONEO_MARK_SCALE_BAR:
      dump_line (out, "scale", mark);
      g_string_append (out, " length");
      append_numbers (out, &mark->length, 1);
      if (mark->knockout)
        g_string_append (out, " knockout");
      break;
    case RONEO_MARK_FILL:
      {
        double values[2] = { mark->grey, mark->opacity };
        append_rect (out, " fill", &mark->rect);
        g_string_append (out, " grey");
        append_numbers (out, values, 1);
        g_string_append (out, " opacity");
        append_numbers (out, values + 1, 1);
      }
      break;
    case RONEO_MARK_TEXT:
      append_rect (out, " text", &mark->rect);
      g_string_append (out, " size");
      append_numbers (out, &mark->size, 1);
      g_string_append_printf (out, " \"%s\"", mark->text);
      break;
    }
  g_string_append_c (out, '\n');
}

char *
roneo_sheet_dump (const RoneoSheet *sheet)
{
  GString *out = g_string_new ("sheet ");
  double size[2] = { sheet->width, sheet->height };
  g_string_append (out, sheet->name ? sheet->name : "-");
  append_numbers (out, size, 2);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < sheet->placements->len; i++)
    dump_placement (out, &g_array_index (sheet->placements, RoneoPlacement, i));
  for (guint i = 0; i < sheet->marks->len; i++)
    dump_mark (out, &g_array_index (sheet->marks, RoneoMark, i));
  return g_string_free (out, FALSE);
}
