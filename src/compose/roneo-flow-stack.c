/* roneo-flow-stack.c: a stacked headline (a placard's slogan) placed on the page.
 *
 * Each line of the stack becomes its own text item at its own size, so the
 * page IR, its dump and the renderer need nothing new: a stack is lines of
 * headline placed one under the other, their ink spaced by the fit.
 */
#include "roneo-flow-private.h"

void
roneo_flow_place_stack (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  const RoneoStyle *style = &f->c->layout->headline;
  const RoneoFitLine *last = &g_array_index (fit->stack, RoneoFitLine, fit->stack->len - 1);
  /* Like a single headline, the stack ends at its last line's descent. */
  PangoRectangle logical;
  pango_layout_get_extents (last->layout, NULL, &logical);
  double height = MAX (pango_units_to_double (fit->ink.height),
                       last->y + pango_units_to_double (logical.y + logical.height));
  roneo_flow_open_block (f, style);
  if (!f->empty && height > roneo_flow_room (f))
    roneo_flow_new_page (f);
  roneo_flow_check_glyphs (f, fit->layout, p);
  for (guint i = 0; i < fit->stack->len; i++)
    {
      const RoneoFitLine *line = &g_array_index (fit->stack, RoneoFitLine, i);
      roneo_page_add_text (f->page, roneo_compose_role_name (p->role), line->layout,
                           f->c->frame.x + line->x, f->y + line->y, line->size, &style->color);
    }
  f->y += height;
  roneo_flow_close_block (f, style);
}
