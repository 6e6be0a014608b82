/* roneo-flow-card.c: an invitation card, its face and its back.
 *
 * A card is read at a glance: what (the headline) and when and where (the
 * subheads that follow it) are its face, set as display blocks, and the
 * rest (the text, the programme, who invites) goes overleaf. The face is
 * laid out like a headline, fitted once per document; the break before the
 * copy is implicit, so a page break the copy makes itself wins.
 */
#include "roneo-flow-private.h"

static Role
role_of (const Composer *c, guint i)
{
  return ((const Prepared *) g_ptr_array_index (c->prepared, i))->role;
}

guint
roneo_flow_card_first_copy (const Composer *c)
{
  guint i = 0;
  while (i < c->n_blocks && (role_of (c, i) == ROLE_HEADLINE || role_of (c, i) == ROLE_SUBHEAD))
    i++;
  return i;
}

guint
roneo_flow_card_verso_from (const Composer *c)
{
  if (!c->layout->recto_display || c->layout->max_pages < 2)
    return 0;
  for (guint i = 0; i < c->n_blocks; i++)
    if (role_of (c, i) == ROLE_BREAK)
      return 0;
  guint first = roneo_flow_card_first_copy (c);
  /* A signature alone stays under the face. */
  if (first == 0 || first >= c->n_blocks || role_of (c, first) == ROLE_FOOTER)
    return 0;
  return first;
}

gboolean
roneo_flow_card_fits_subhead (const Composer *c, guint i)
{
  return c->layout->subhead.fit && role_of (c, i) == ROLE_SUBHEAD
         && i < roneo_flow_card_first_copy (c);
}

void
roneo_flow_card_break (Flow *f, guint i)
{
  if (f->c->verso_from == 0 || i != f->c->verso_from || f->empty)
    return;
  /* The card turns over by design: no "continued" cue. */
  f->cue = 0;
  roneo_flow_new_page (f);
}

void
roneo_flow_place_display (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  const RoneoStyle *style = &f->c->layout->subhead;
  const RoneoRect *frame = &f->c->frame;
  /* From the ink of the first line to the descent of the last, like the
   * headline: the gap after it does not depend on its letters. */
  PangoRectangle logical;
  pango_layout_get_extents (fit->layout, NULL, &logical);
  int bottom = MAX (fit->ink.y + fit->ink.height, logical.y + logical.height);
  double height = pango_units_to_double (bottom - fit->ink.y);
  roneo_flow_open_block (f, style);
  if (!f->empty && height > roneo_flow_room (f))
    roneo_flow_new_page (f);
  double x = frame->x;
  if (style->align == RONEO_ALIGN_CENTER)
    x += (frame->width - fit->width) / 2;
  else if (style->align == RONEO_ALIGN_RIGHT)
    x += frame->width - fit->width;
  roneo_flow_check_glyphs (f, fit->layout, p);
  roneo_page_add_text (f->page, roneo_compose_role_name (p->role), fit->layout, x,
                       f->y - pango_units_to_double (fit->ink.y), fit->size, &style->color);
  f->y += height;
  roneo_flow_close_block (f, style);
}
