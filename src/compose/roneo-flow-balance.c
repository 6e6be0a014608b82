/* roneo-flow-balance.c: recto and verso balanced when the copy flows over.
 *
 * Copy that runs past the recto fills it to the foot and leaves the verso
 * with what remains: three lines and a signature, or half a page. A
 * designer ends the recto earlier so that both pages carry their share.
 * The recto's frame is cut short for the copy (c->cut), by as much as
 * brings the two pages' spare heights closest, found by bisection over
 * draft runs; the keep rules (roneo-flow-place.c) then decide where the
 * copy actually breaks, and the spread uses the whole page again.
 */
#include "roneo-flow-private.h"

#define BALANCE_SLACK 0.1 /* of the frame height: a difference less is balanced enough */
#define BALANCE_TRIES 6

static gboolean
has_page_break (const Composer *c)
{
  for (guint i = 0; i < c->n_blocks; i++)
    if (((Prepared *) g_ptr_array_index (c->prepared, i))->role == ROLE_BREAK)
      return TRUE;
  return FALSE;
}

static double
spare_of (const Composer *c, const Flow *f, guint page)
{
  return c->frame.height - g_array_index (f->used, double, page);
}

/* The run with the page before the last cut by cut pt, when it still fits
 * pages: then TRUE, with the spare heights of the last two pages. */
static gboolean
try_cut (Composer *c, double cut, int body_size, guint pages, double *before, double *last)
{
  c->cut = cut;
  g_autoptr (Flow) trial = roneo_flow_run (c, body_size, pages, TRUE);
  if (roneo_flow_overflow (trial) > 0 || trial->used->len != pages)
    return FALSE;
  *before = spare_of (c, trial, pages - 2);
  *last = spare_of (c, trial, pages - 1);
  return TRUE;
}

void
roneo_flow_balance (Composer *c, int body_size, guint pages)
{
  c->cut = 0;
  if (pages < 2 || has_page_break (c) || c->verso_from > 0)
    return;
  c->cut_page = pages - 2;
  double before, last;
  if (!try_cut (c, 0, body_size, pages, &before, &last)
      || last - before < BALANCE_SLACK * c->frame.height)
    {
      c->cut = 0;
      return;
    }
  /* More cut moves more copy overleaf: the best is where the spares cross. */
  double low = 0, high = last - before, best = 0, worst = MAX (before, last);
  for (guint i = 0; i < BALANCE_TRIES; i++)
    {
      double mid = (low + high) / 2;
      if (!try_cut (c, mid, body_size, pages, &before, &last))
        {
          high = mid;
          continue;
        }
      if (MAX (before, last) < worst)
        {
          worst = MAX (before, last);
          best = mid;
        }
      if (before < last)
        low = mid;
      else
        high = mid;
    }
  c->cut = best;
}
