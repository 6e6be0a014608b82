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
