/* roneo-nup.h: copies of a flyer imposed n-up on sheets, pure geometry
 * (PRINT.md "Imposition" and "Duplex").
 *
 * A RoneoNup is made once from a RoneoNupSpec and is then read only; it owns
 * its slots. Lengths are pt, origins at the sheet's top-left corner, y down.
 * The sheet is drawn as it is chosen: a landscape sheet is a landscape page
 * (printed rotated on the paper, see roneo-tiling.h). Slots are the trims of
 * the copies, row-major from the top-left; the block of slots is always centred
 * on the sheet, which is what lets a verso land behind its recto.
 *
 * Profiles. office: no bleed, cells butt (one shared cut), the block must fit
 * the sheet; ticks 0.4 pt on each cut line, 3 mm long from the printable edge
 * inwards (printer_margin). press: cell = trim + 2 bleed, trims 2 bleed apart
 * (bleeds butt), crop marks 0.25 pt, 5 mm long, starting max (bleed, 3 mm) from
 * the trim on the extension of every trim line, outside the block; block and
 * marks must fit the sheet minus printer_margin (0 for a press printing SRA
 * sheets to the edge).
 *
 * Choice. The most copies that fit (or exactly spec->nup), then upright cells
 * over rotated ones, then the fewest cuts (cols + rows), then portrait. Upright
 * cells on a landscape sheet and rotated cells on a portrait one are the same
 * paper; rotated cells (page top at the sheet's left: 90 degrees
 * counter-clockwise) are only chosen with keep_portrait, for printers whose
 * rotation of landscape pages cannot be trusted.
 *
 * Duplex, with the paper in your hands. A reader turns a flyer over about its
 * own vertical axis, like a book page, so the back must be upright after that
 * turn. IPP `sides` names the paper edge the sheet turns on, and a printer
 * prints the back page so that it reads upright after turning the paper on that
 * edge. In the sheet as drawn, the paper's long edges are its longer sides: for
 * a portrait sheet long-edge is a turn left<->right, short-edge top<->bottom;
 * for a LANDSCAPE sheet it is the other way round: long-edge turns
 * top<->bottom, short-edge left<->right. A left<->right turn sends the piece in
 * slot (c, r) to (cols-1-c, r); a top<->bottom turn to (c, rows-1-r). The
 * piece's back is upright when the sheet turns about the piece's own vertical
 * axis (upright cells: left<->right; rotated cells: top<->bottom); turned about
 * the other axis the piece comes back upside down and its verso is drawn
 * rotated 180 degrees. So A5 2-up on A4 landscape turns left<->right = the
 * paper's short edge: SHORT, verso of the left cell in the right cell, upright;
 * printed LONG instead, the sheet turns top<->bottom, each verso stays in its
 * column (one row) rotated 180. A6 4-up on A4 portrait: LONG, (c, r) -> (1-c,
 * r), upright. The natural binding is the one that keeps every verso upright:
 * LONG iff the pieces' vertical runs along the paper's long edge.
 */
#pragma once

#include "roneo-duplex.h"
#include "roneo-sheet.h"
#include "roneo-tiling.h"
#include "roneo-units.h"

G_BEGIN_DECLS

#define RONEO_NUP_MAX_SLOTS 256
#define RONEO_NUP_CONTENT_CLEARANCE RONEO_MM (8.0) /* office: content to every cut and edge */

typedef enum
{
  RONEO_NUP_OFFICE, /* photocopier: no bleed, cells butt, ticks on the cuts */
  RONEO_NUP_PRESS,  /* print shop: bleed, gutters, crop marks outside the block */
} RoneoNupProfile;

typedef struct
{
  double page_width, page_height;   /* the trim of one copy, pt */
  double sheet_width, sheet_height; /* the paper, portrait: width <= height */
  guint nup;                        /* copies per sheet; 0 = as many as fit */
  RoneoNupProfile profile;
  double bleed;           /* press only: around each trim, pt */
  double printer_margin;  /* unprintable border, pt: office ticks and press marks stay in */
  gboolean keep_portrait; /* never a landscape sheet: rotate the cells instead */
} RoneoNupSpec;

typedef struct
{
  RoneoNupSpec spec;
  RoneoOrientation orientation;
  double width, height; /* the sheet as drawn: landscape means width > height */
  guint cols, rows;     /* cols * rows slots */
  gboolean rotated;     /* pages turned 90 degrees counter-clockwise in their slots */
  double gutter;        /* between neighbouring trims: 0 office, 2 bleed press */
  RoneoRect block;      /* the bounding box of the trims, centred on the sheet */
  RoneoRect *slots;     /* cols * rows trims on the sheet, row-major */
  RoneoDuplex duplex;   /* the natural binding, LONG_EDGE or SHORT_EDGE: every verso upright */
} RoneoNup;

/* Lays the copies out. Owned, or NULL with RONEO_ERROR_USAGE when a size is not
 * positive, the bleed or margin is unreasonable, a copy does not fit the sheet
 * (naming a sheet it fits), or spec->nup copies cannot be arranged on it
 * (naming the counts that can). */
RoneoNup *roneo_nup_new (const RoneoNupSpec *spec, GError **error);
void roneo_nup_free (RoneoNup *nup);

guint roneo_nup_get_n_slots (const RoneoNup *nup);
/* The trim of a slot on the sheet. Borrowed. */
const RoneoRect *roneo_nup_get_slot (const RoneoNup *nup, guint slot);

/* Where the back of the piece in front slot `slot` is drawn on the verso sheet
 * when the paper turns on `duplex` (LONG_EDGE or SHORT_EDGE), and whether it
 * is rotated 180 degrees relative to the front's orientation (may be NULL). */
guint roneo_nup_verso_slot (const RoneoNup *nup, guint slot, RoneoDuplex duplex,
                            gboolean *upside_down);

/* One sheet. pages[slot] (roneo_nup_get_n_slots entries) is the composed page
 * for front slot `slot`, -1 for blank. With verso, each page is drawn in the
 * slot behind that front slot (roneo_nup_verso_slot), so the caller passes the
 * same mapping for both sides. Placements in sheet slot order, then the marks
 * of the profile, the same on both sides (they coincide through the paper).
 * Owned. */
RoneoSheet *roneo_nup_new_sheet (const RoneoNup *nup, const int *pages, gboolean verso,
                                 RoneoDuplex duplex, const char *name);

/* The one-sheet test job: LABEL marks only (plus the profile's marks). The
 * front shows in each slot its letter (A, B, ... row-major) and "FRONT" with an
 * arrow to the top of the page; the back, in each slot, the letter of the front
 * slot it backs and "BACK" with its arrow. Held to the light, letters and
 * arrows coincide when the printer turns the paper as `duplex` says. The
 * front's first slot also says, in the document's language lang (NULL:
 * English), how to read it, with a drawing of a good and a bad result, and
 * which setting to change. Owned sheets. */
void roneo_nup_new_calibration (const RoneoNup *nup, RoneoDuplex duplex, const char *lang,
                                RoneoSheet **front, RoneoSheet **back);

/* Cut-and-stack: the record in `slot` of `sheet`, or -1 for a blank slot. */
int roneo_nup_cut_and_stack (guint n_records, guint slots, guint sheet, guint slot);
/* ceil (n_records / slots). */
guint roneo_nup_sheet_count (guint n_records, guint slots);

/* The smallest distance from a copy's content (its trim inset by copy_margin)
 * to any cut line or sheet edge, in pt. */
double roneo_nup_content_clearance (const RoneoNup *nup, double copy_margin);
/* Whether content copy_margin inside each trim keeps
 * RONEO_NUP_CONTENT_CLEARANCE from every cut and sheet edge and lies in the
 * printable area. */
gboolean roneo_nup_content_clear (const RoneoNup *nup, double copy_margin);

/* "A5 2-up on A4 landscape (2 x 1), duplex short edge". Owned. */
char *roneo_nup_describe (const RoneoNup *nup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoNup, roneo_nup_free)

G_END_DECLS
