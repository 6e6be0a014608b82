/* roneo-flow-spare.c: what the composer does with the height the copy leaves.
 *
 * A designer builds the page from the message: short copy earns a larger
 * headline, and what is still spare is shared out between the blocks
 * instead of left at the foot. Both steps come after fitting and never undo
 * it. The headline is refitted in a taller box only if a draft run at the
 * body size already chosen still fits the same pages; the spread only moves
 * the items of a finished page down, inside what the notes and the
 * signature leave free, so overflow and its messages stay what they were.
 */
#include "roneo-flow-private.h"

#include "roneo-fit-private.h"

#define GROW_MIN_SPARE 0.1 /* of the frame height: less is not worth a refit */
#define GROW_TAKE 0.8      /* of the spare height offered to the headline first */
#define GROW_TRIES 4       /* each try offers half the height of the one before */
#define SIZE_PER_INK 1.6   /* a size cap no line's ink can reach in a box that tall */

/* --- the headline takes the share its length earns ------------------------ */

/* The one headline of the document, or -1: with several, none grows. */
static int
headline_index (const Composer *c)
{
  int found = -1;
  for (guint i = 0; i < c->n_blocks; i++)
    if (((Prepared *) g_ptr_array_index (c->prepared, i))->role == ROLE_HEADLINE)
      {
        if (found >= 0)
          return -1;
        found = (int) i;
      }
  return found;
}

/* Copy that flows over onto the verso fills the recto: what the recto
 * leaves then is the orphan and widow rule's, not the headline's. A card's
 * copy goes overleaf by design (recto = display): its face is the
 * headline's. */
static gboolean
flows_over (const Composer *c, const Flow *f)
{
  if (f->used->len < 2 || c->verso_from > 0)
    return FALSE;
  for (guint i = 0; i < c->n_blocks; i++)
    if (((Prepared *) g_ptr_array_index (c->prepared, i))->role == ROLE_BREAK)
      return FALSE;
  return TRUE;
}

/* The headline opens the copy: what its page leaves is what it may take.
 * When the copy flows over, that page is full; after a page break it is
 * not, whatever the verso holds. */
static double
first_page_spare (const Composer *c, const Flow *f)
{
  if (f->used->len == 0)
    return 0;
  return c->frame.height - g_array_index (f->used, double, 0);
}

/* The headline fitted in a box box_height pt tall, laid out only when it
 * comes out larger than larger_than pt; its size may pass the
 * style's, which is the size for copy that fills the page. */
static RoneoFit
fit_taller (Composer *c, const Prepared *p, double box_height, double larger_than)
{
  RoneoStyle style = c->layout->headline;
  style.size = MAX (style.size, box_height * SIZE_PER_INK);
  /* measured at the size the first fit measured at: its font is loaded */
  return roneo_fit_text_measured_at (c->cc->context, p->rich, &style, c->cc->lang, c->frame.width,
                                     box_height, c->layout->headline.size, larger_than);
}

/* Tries the headline of index h in a box grown by extra pt: kept (TRUE) when
 * it came out larger and the run at body_size still fits the pages. */
static gboolean
try_taller (Composer *c, guint h, double extra, int body_size, guint pages)
{
  RoneoFit *fit = &c->fits[h];
  double limit = c->layout->headline.max_share * c->frame.height;
  double box = MIN (limit, pango_units_to_double (fit->ink.height) + extra);
  RoneoFit taller = fit_taller (c, g_ptr_array_index (c->prepared, h), box, fit->size);
  if (!taller.fits || taller.wide_word != NULL || taller.size <= fit->size)
    {
      roneo_fit_clear (&taller);
      return FALSE;
    }
  RoneoFit kept = *fit;
  *fit = taller;
  g_autoptr (Flow) trial = roneo_flow_run (c, body_size, pages, TRUE);
  gboolean fits = roneo_flow_overflow (trial) <= 0 && trial->used->len <= pages;
  roneo_fit_clear (fits ? &kept : fit);
  if (!fits)
    *fit = kept;
  return fits;
}

void
roneo_flow_grow_headline (Composer *c, int body_size, guint pages)
{
  int h = headline_index (c);
  if (h < 0 || c->fits[h].layout == NULL || c->layout->headline.max_share <= 0)
    return;
  g_autoptr (Flow) run = roneo_flow_run (c, body_size, pages, TRUE);
  double spare = first_page_spare (c, run);
  if (flows_over (c, run) || spare < GROW_MIN_SPARE * c->frame.height
      || pango_units_to_double (c->fits[h].ink.height)
             >= c->layout->headline.max_share * c->frame.height)
    return;
  double extra = spare * GROW_TAKE;
  for (guint i = 0; i < GROW_TRIES && !try_taller (c, h, extra, body_size, pages); i++)
    extra /= 2;
}

/* --- the spare height shared out between the blocks ----------------------- */

void
roneo_flow_mark_gap (Flow *f, const RoneoStyle *before, const RoneoStyle *after)
{
  if (f->draft || f->empty)
    return;
  Gap gap = { f->page->items->len, (before ? before->spread_after : 0) + after->spread_before };
  g_array_append_val (f->gaps, gap);
}

/* The signature, the footnotes and the imprint keep to the foot. */
static gboolean
is_anchored (const RoneoItem *item)
{
  return g_strcmp0 (item->role, "footer") == 0 || g_strcmp0 (item->role, "footnotes") == 0
         || g_strcmp0 (item->role, "imprint") == 0 || g_strcmp0 (item->role, "logo") == 0;
}

static void
shift_items (RoneoPage *page, guint from, double offset)
{
  for (guint i = from; i < page->items->len; i++)
    {
      RoneoItem *item = g_ptr_array_index (page->items, i);
      if (!is_anchored (item))
        item->rect.y += offset;
    }
}

/* Each gap takes its weight's share of room, the foot (after the last
 * block, above the notes and the signature) the rest. */
static void
spread_page (Flow *f, double room)
{
  const RoneoLayout *layout = f->c->layout;
  double foot = (f->last_style ? f->last_style->spread_after : 0) + layout->footer.spread_before;
  double total = foot;
  for (guint i = 0; i < f->gaps->len; i++)
    total += g_array_index (f->gaps, Gap, i).weight;
  if (total <= 0)
    return;
  for (guint i = 0; i < f->gaps->len; i++)
    {
      const Gap *gap = &g_array_index (f->gaps, Gap, i);
      shift_items (f->page, gap->item, room * gap->weight / total);
    }
}

/* A verso may sit otherwise than the recto: a card's back holds a few
 * lines of its own, which spread would leave at the top of the page (the
 * first block of a page gets no share). */
static RoneoVAlign
page_valign (const Flow *f)
{
  const RoneoLayout *layout = f->c->layout;
  gboolean verso = f->pages->len > 1;
  return verso && layout->verso_valign >= 0 ? (RoneoVAlign) layout->verso_valign : layout->valign;
}

/* A page that holds a few blocks of its own (a card's verso): as much air
 * above the first as between each two and around the signature, which
 * moves up with the copy; the notes and the imprint keep to the foot. */
static void
even_page (Flow *f, double room)
{
  RoneoPage *page = f->page;
  gboolean signed_page = FALSE;
  for (guint i = 0; i < page->items->len; i++)
    signed_page
        |= g_strcmp0 (((RoneoItem *) g_ptr_array_index (page->items, i))->role, "footer") == 0;
  double share = room / (f->gaps->len + 2 + signed_page);
  shift_items (page, 0, share);
  for (guint i = 0; i < f->gaps->len; i++)
    shift_items (page, g_array_index (f->gaps, Gap, i).item, share);
  for (guint i = 0; i < page->items->len && signed_page; i++)
    {
      RoneoItem *item = g_ptr_array_index (page->items, i);
      if (g_strcmp0 (item->role, "footer") == 0)
        item->rect.y -= share;
    }
}

void
roneo_flow_align_page (Flow *f)
{
  double room = roneo_flow_room (f);
  if (f->draft || room <= 0)
    return;
  RoneoVAlign valign = page_valign (f);
  if (valign == RONEO_VALIGN_CENTER)
    shift_items (f->page, 0, room / 2);
  else if (valign == RONEO_VALIGN_SPREAD)
    spread_page (f, room);
  else if (valign == RONEO_VALIGN_EVEN)
    even_page (f, room);
}
