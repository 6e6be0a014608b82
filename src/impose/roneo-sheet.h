/* roneo-sheet.h: the sheet IR, what the printer gets, decided and ready to draw.
 *
 * A sheet is exactly the paper size (landscape sheets are landscape pages) and
 * holds placements (a rectangle of a composed page drawn through a matrix and
 * clipped) and marks (cut lines, glue hatching, labels, scale bars), all in pt
 * from the sheet's top-left corner, y down. The renderer draws placements in
 * order, then marks, and decides nothing. A sheet owns its placements and marks.
 * roneo_sheet_dump() is the stable text form the golden tests compare.
 */
#pragma once

#include "roneo-units.h"

G_BEGIN_DECLS

typedef struct
{
  guint page;       /* 0-based index of the composed page drawn */
  RoneoRect source; /* the part of the page used, in page space */
  double matrix[6]; /* page -> sheet: x' = a x + b y + e, y' = c x + d y + f */
  RoneoRect clip;   /* on the sheet: nothing of the page is drawn outside */
} RoneoPlacement;

typedef enum
{
  RONEO_MARK_CUT,       /* a line (x0, y0)-(x1, y1) stroked line_width, on the waste side */
  RONEO_MARK_GLUE,      /* rect hatched at 45 degrees every `spacing`, line_width strokes */
  RONEO_MARK_LABEL,     /* `text` set at `size` pt, centred in rect, shrunk if it is wider;
                           vertical: rotated 90 degrees clockwise (reads top to bottom) */
  RONEO_MARK_SCALE_BAR, /* a bar (x0, y0)-(x1, y1) of `length` pt, stroked line_width, with
                           end ticks across the whole of rect (its caption is a LABEL) */
  RONEO_MARK_FILL,      /* rect filled in grey `grey` (0 black, 1 white) at `opacity`: a
                           veil that pales the artwork under it, or a drawing's surface */
  RONEO_MARK_TEXT,      /* a paragraph: `text` at `size` pt, flush left, wrapped to
                           rect.width from rect's top; shrunk if it is taller than rect */
} RoneoMarkKind;

typedef struct
{
  RoneoMarkKind kind;
  double x0, y0, x1, y1; /* CUT, SCALE_BAR: the line */
  RoneoRect rect; /* GLUE, FILL: the area; LABEL, TEXT: the box; SCALE_BAR: the band of the ticks */
  double line_width;    /* CUT, GLUE, SCALE_BAR */
  double spacing;       /* GLUE */
  double size;          /* LABEL, TEXT: font size, pt */
  gboolean vertical;    /* LABEL */
  double length;        /* SCALE_BAR: pt */
  gboolean knockout;    /* LABEL: on a white box just larger than the text set; SCALE_BAR:
                           rect is painted white first. Legible over any artwork */
  double grey, opacity; /* FILL */
  char *text;           /* LABEL, TEXT: UTF-8, owned */
} RoneoMark;

typedef struct
{
  char *name;           /* "B07" */
  double width, height; /* the paper, pt */
  GArray *placements;   /* RoneoPlacement */
  GArray *marks;        /* RoneoMark, clears its text */
} RoneoSheet;

RoneoSheet *roneo_sheet_new (const char *name, double width, double height);
void roneo_sheet_free (RoneoSheet *sheet);

/* Appends copies; the returned pointers are borrowed and valid until the next add. */
RoneoPlacement *roneo_sheet_add_placement (RoneoSheet *sheet, const RoneoPlacement *placement);
/* Takes a copy of mark->text. */
RoneoMark *roneo_sheet_add_mark (RoneoSheet *sheet, const RoneoMark *mark);

/* The stable text dump: one line for the sheet, one per placement and mark,
 * lengths with two decimals. Owned string. */
char *roneo_sheet_dump (const RoneoSheet *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoSheet, roneo_sheet_free)

G_END_DECLS
