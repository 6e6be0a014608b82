/* roneo-page.h: the page IR, the contract between deciding and drawing.
 *
 * Composition places items on pages at fixed positions; render only draws
 * them. A text item holds the PangoLayout that was measured, so what is drawn
 * is what was fitted. Positions are pt from the top-left corner of the trim,
 * y down. A page owns its items; an item owns a reference on its layout.
 * roneo_page_dump() is the stable text form the golden tests compare.
 */
#pragma once

#include "roneo-image.h"
#include "roneo-units.h"

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_ITEM_TEXT,  /* a laid-out block: layout drawn with its top-left at rect.x, rect.y */
  RONEO_ITEM_BOX,   /* a filled rectangle (call-out background) */
  RONEO_ITEM_RULE,  /* a horizontal line from (x, y) to (x + width, y), stroked line_width */
  RONEO_ITEM_IMAGE, /* a picture filling rect (its aspect kept by who placed it) */
} RoneoItemKind;

typedef struct
{
  RoneoItemKind kind;
  char *role;          /* "headline", "body", "footnotes"...: for dumps and tests */
  RoneoRect rect;      /* pt on the page */
  PangoLayout *layout; /* TEXT only: owned reference */
  RoneoColor color;    /* TEXT: ink; BOX: fill; RULE: stroke */
  double line_width;   /* RULE only */
  double size;         /* TEXT only: the point size it was set at */
  RoneoImage *image;   /* IMAGE only: owned reference */
} RoneoItem;

typedef struct
{
  double width;  /* trim width, pt */
  double height; /* trim height, pt */
  guint number;  /* 1-based */
  RoneoColor background;
  GPtrArray *items; /* RoneoItem*, owned, drawn in order */
} RoneoPage;

RoneoPage *roneo_page_new (double width, double height, guint number);
void roneo_page_free (RoneoPage *page);

/* Adds a text item; takes a new reference on layout. Returns the item, borrowed. */
RoneoItem *roneo_page_add_text (RoneoPage *page, const char *role, PangoLayout *layout, double x,
                                double y, double size, const RoneoColor *color);
RoneoItem *roneo_page_add_box (RoneoPage *page, const char *role, const RoneoRect *rect,
                               const RoneoColor *color);
RoneoItem *roneo_page_add_rule (RoneoPage *page, const char *role, double x, double y, double width,
                                double line_width, const RoneoColor *color);

/* Adds a picture drawn in rect; takes a new reference on image. Borrowed. */
RoneoItem *roneo_page_add_image (RoneoPage *page, const char *role, RoneoImage *image,
                                 const RoneoRect *rect);

/* The effective resolution of a bitmap item at its printed size, in pixels
 * per inch across its width; 0 for a vector or another kind of item. */
double roneo_item_get_dpi (const RoneoItem *item);

/* Glyph expansion (TYPOGRAPHY.md): a layout's line j may be drawn under a
 * horizontal scale around its origin, glyphs and spaces alike, since Pango
 * 1.50 has no horizontal scale of its own. The factors travel with the
 * layout so that what is drawn, dumped and checked is what was fitted.
 * scales: one factor per line (1 = as shaped), taken; NULL clears them. */
void roneo_layout_set_line_scales (PangoLayout *layout, GArray *scales);
/* The factor of line j, 1 when it has none. */
double roneo_layout_get_line_scale (PangoLayout *layout, guint j);

/* Justified lines are laid out with no width and then set to the measure
 * (roneo-lineset.c): the width of their box, pt, which an item of the
 * layout takes rather than the widest line's; 0 when none was set. */
void roneo_layout_set_measure (PangoLayout *layout, double measure);
double roneo_layout_get_measure (PangoLayout *layout);

/* Where a reader follows a link: a rectangle over the link's text on one
 * line (pt on the page, as items), and its address, interned. */
typedef struct
{
  RoneoRect rect;
  const char *uri;
} RoneoPageLink;

/* The links of the page's text (roneo_attr_link_new over a layout's text):
 * one rectangle per line a link's text covers, in item and line order,
 * expanded lines as they are drawn. Owned array of RoneoPageLink. */
GArray *roneo_page_collect_links (const RoneoPage *page);

/* The stable text dump: page size, then per item its kind, role, rectangle,
 * font and size, and for text each line with its width (and its scale
 * when it is expanded), then each link's rectangle and address. Owned string. */
char *roneo_page_dump (const RoneoPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoPage, roneo_page_free)

G_END_DECLS
