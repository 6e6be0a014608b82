/* roneo-text-layout.h: Pango layouts for a rich text set in a layout's style.
 *
 * One place turns a RoneoStyle (family, weight, size, leading) and a rich
 * text's spans (emphasis, strong, superscripts, note calls, code) into a
 * PangoLayout, with the attribute list built once (PITFALLS 7) and an exact
 * baseline pitch (PITFALLS 6). Layouts are returned unwrapped (width -1);
 * the caller sets width, alignment or breaks.
 */
#pragma once

#include "roneo-layout.h"
#include "roneo-rich-text.h"

#include <pango/pango.h>

G_BEGIN_DECLS

/* The style's font at size pt. Owned. */
PangoFontDescription *roneo_style_font_description (const RoneoStyle *style, double size);

/* The weight **strong** text takes in style. */
int roneo_style_strong_weight (const RoneoStyle *style);

/* A new layout (owned) of rich set in style at size pt; extra (may be NULL)
 * holds further attributes for that text, copied in. */
PangoLayout *roneo_text_layout_new (PangoContext *context, const RoneoRichText *rich,
                                    const RoneoStyle *style, double size, PangoAttrList *extra);

/* A new layout of plain text in style at size pt. */
PangoLayout *roneo_text_layout_new_plain (PangoContext *context, const char *text,
                                          const RoneoStyle *style, double size);

/* The height of a capital H in style at size, pt, as its ink: what sets the
 * distance a banner or a placard reads from. */
double roneo_text_cap_height (PangoContext *context, const RoneoStyle *style, double size);

/* Spaces the lines of layout, set in style at size pt and broken as it
 * will be set, when they are capitals (the style's transform, or a text
 * with no lower-case letter): each pair of lines is pitched so that the
 * ink of the lower one (an accent over a capital) stays clearance x size
 * below the ink of the upper one (a comma, the tail of a Q), never closer
 * than the style's leading. A line's own height grows, the last keeps the
 * style's, so a block with no accent and nothing below the baseline comes
 * out as before. Whether a pitch grew. */
gboolean roneo_text_layout_space_capitals (PangoLayout *layout, const RoneoStyle *style,
                                           double size, double clearance);

/* A link over a range of a layout's text, to uri (a copy is interned):
 * set by the spans of a RONEO_SPAN_LINK, read back by the renderer. */
PangoAttribute *roneo_attr_link_new (const char *uri);
/* The address of a link attribute; NULL for any other attribute. */
const char *roneo_attr_link_get_uri (const PangoAttribute *attr);

G_END_DECLS
