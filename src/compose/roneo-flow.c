#include "roneo-flow.h"

#include "roneo-error.h"
#include "roneo-fit.h"
#include "roneo-linebreak.h"
#include "roneo-prepare-private.h"
#include "roneo-text-layout.h"

#include <math.h>

#define HEADLINE_SHARE 0.38       /* of the frame height, when copy follows */
#define HEADLINE_SHARE_ALONE 0.85 /* a headline with little else (placards) */
#define QUOTE_SHARE 0.3
#define NOTES_GAP 6.0  /* pt between the text and the footnote rule */
#define NOTES_RULE_WIDTH 0.4
#define FOOTER_GAP 10.0
#define SIZE_STEP (PANGO_SCALE / 4) /* body sizes are tried in quarter points */
#define OVERFLOW_TOLERANCE 0.05
#define GROW_LIMIT 1.3     /* short copy: the body may grow to 130 % of its size */
#define GROW_RESERVE 0.08  /* and then still leaves 8 % of the frame free */

typedef struct
{
  const RoneoComposeContext *cc;
  const RoneoDocument *document;
  const RoneoLayout *layout;
  GPtrArray *prepared; /* Prepared*: the blocks, then the footnotes */
  guint n_blocks;
  RoneoFit *fits;      /* per block: headlines and call-outs, fitted once */
  RoneoShaping **shapings; /* per prepared block: its widths for draft runs, made lazily */
  RoneoRect frame;
} Composer;

typedef struct
{
  Composer *c;
  RoneoStyle body, list, footnotes; /* scaled copies; fonts borrowed from the layout */
  GPtrArray *pages;                 /* RoneoPage*, owned */
  RoneoPage *page;                  /* borrowed: the last of pages */
  GArray *used;                     /* double per page: height taken in the frame */
  double y;
  double space;                     /* pending space before the next block */
  gboolean empty;                   /* nothing placed on this page yet */
  GArray *notes;                    /* guint: notes called on this page */
  double notes_height;
  double reserved;                  /* at the foot of this page: the signature */
  GPtrArray *note_sets;             /* RoneoLineSet* per footnote, this size */
  guint max_pages;
  RoneoWarnings *warnings;          /* this run's: only the chosen run's are kept */
  const RoneoStyle *last_style;     /* of the block before: lists get a gap around them */
  gboolean draft;                   /* a trial run: measure only, build no layout */
} Flow;

static const RoneoStyle *
style_for (Flow *f, Role role)
{
  const RoneoLayout *layout = f->c->layout;
  switch (role)
    {
    case ROLE_HEADLINE: return &layout->headline;
    case ROLE_SUBHEAD: return &layout->subhead;
    case ROLE_LIST: return &f->list;
    case ROLE_QUOTE: return &layout->quote;
    case ROLE_FOOTER: return &layout->footer;
    case ROLE_FOOTNOTE: return &f->footnotes;
    default: return &f->body;
    }
}

static double
frame_bottom (const Flow *f)
{
  return f->c->frame.y + f->c->frame.height;
}

/* Lines are broken from widths measured once per block and scaled to the
 * size tried: drafts and the final run break alike, and setting the final
 * lines corrects the few hundredths of a point scaling misses. */
static RoneoLineSet *
break_lines (Flow *f, const Prepared *p, const RoneoStyle *style, double measure)
{
  Composer *c = f->c;
  if (c->shapings[p->index] == NULL)
    c->shapings[p->index] = roneo_shaping_new (c->cc->context, p->rich, style, style->size);
  return roneo_line_set_break (c->cc->context, roneo_rich_text_copy (p->rich), style, style->size,
                               measure, style->align == RONEO_ALIGN_JUSTIFY,
                               c->shapings[p->index]);
}

/* --- footnotes ------------------------------------------------------------ */

static RoneoLineSet *
note_set (Flow *f, guint note)
{
  if (note == 0 || note > f->note_sets->len)
    return NULL;
  return g_ptr_array_index (f->note_sets, note - 1);
}

static double
note_height (Flow *f, guint note)
{
  RoneoLineSet *set = note_set (f, note);
  return set ? set->lines->len * roneo_line_set_get_pitch (set) : 0;
}

static gboolean
page_has_note (const Flow *f, guint note)
{
  for (guint i = 0; i < f->notes->len; i++)
    if (g_array_index (f->notes, guint, i) == note)
      return TRUE;
  return FALSE;
}

/* Height the notes called in lines [first, last) add to this page. */
static double
new_notes_height (Flow *f, const RoneoLineSet *set, guint first, guint last)
{
  g_autoptr (GArray) notes = roneo_line_set_get_notes (set, first, last);
  double height = 0;
  for (guint i = 0; i < notes->len; i++)
    if (!page_has_note (f, g_array_index (notes, guint, i)))
      height += note_height (f, g_array_index (notes, guint, i));
  if (height > 0 && f->notes->len == 0)
    height += NOTES_GAP;
  return height;
}

static void
add_notes (Flow *f, const RoneoLineSet *set, guint first, guint last)
{
  f->notes_height += new_notes_height (f, set, first, last);
  g_autoptr (GArray) notes = roneo_line_set_get_notes (set, first, last);
  for (guint i = 0; i < notes->len; i++)
    if (!page_has_note (f, g_array_index (notes, guint, i)))
      g_array_append_val (f->notes, g_array_index (notes, guint, i));
}

static void
place_notes (Flow *f)
{
  if (f->notes->len == 0 || f->draft)
    return;
  const RoneoRect *frame = &f->c->frame;
  double y = frame_bottom (f) - f->reserved - f->notes_height + NOTES_GAP;
  roneo_page_add_rule (f->page, "footnotes", frame->x, y - NOTES_GAP / 2, frame->width / 3,
                       NOTES_RULE_WIDTH, &f->footnotes.color);
  for (guint i = 0; i < f->notes->len; i++)
    {
      RoneoLineSet *set = note_set (f, g_array_index (f->notes, guint, i));
      g_autoptr (PangoLayout) layout
          = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
      roneo_page_add_text (f->page, "footnotes", layout, frame->x, y, set->size,
                           &f->footnotes.color);
      y += set->lines->len * roneo_line_set_get_pitch (set);
    }
}

/* --- pages ---------------------------------------------------------------- */

static double
room (const Flow *f)
{
  return frame_bottom (f) - f->reserved - f->notes_height - f->y;
}

/* A placard's copy sits in the middle of what the notes and the signature
 * leave free. */
static void
center_page (Flow *f)
{
  double offset = room (f) / 2;
  if (f->c->layout->valign != RONEO_VALIGN_CENTER || offset <= 0)
    return;
  for (guint i = 0; i < f->page->items->len; i++)
    {
      RoneoItem *item = g_ptr_array_index (f->page->items, i);
      if (g_strcmp0 (item->role, "footer") != 0)
        item->rect.y += offset;
    }
}

static void
finish_page (Flow *f)
{
  if (f->page == NULL)
    return;
  center_page (f);
  place_notes (f);
  double used = f->y - f->c->frame.y + f->notes_height + f->reserved;
  g_array_append_val (f->used, used);
}

static void
new_page (Flow *f)
{
  finish_page (f);
  const RoneoLayout *layout = f->c->layout;
  f->page = roneo_page_new (layout->width, layout->height, f->pages->len + 1);
  f->page->background = layout->background;
  g_ptr_array_add (f->pages, f->page);
  f->y = f->c->frame.y;
  f->space = 0;
  f->empty = TRUE;
  f->last_style = NULL;
  g_array_set_size (f->notes, 0);
  f->notes_height = 0;
  f->reserved = 0;
}

static void
open_block (Flow *f, const RoneoStyle *style)
{
  gboolean list_edge = (style == &f->list) != (f->last_style == &f->list);
  double gap = MAX (f->space, style->space_before);
  if (list_edge && f->last_style != NULL)
    gap = MAX (gap, f->body.space_after);
  if (!f->empty)
    f->y += gap;
  f->space = 0;
  f->last_style = style;
}

static void
close_block (Flow *f, const RoneoStyle *style)
{
  f->space = style->space_after;
  f->empty = FALSE;
}


/* --- body text ------------------------------------------------------------ */

/* How many lines from first fit on this page, notes included, without an
 * orphan (one line left at the foot) or a widow (one line carried over). */
static guint
lines_that_fit (Flow *f, const RoneoLineSet *set, guint first, gboolean keep_together)
{
  guint n = set->lines->len - first, k = 0;
  double pitch = roneo_line_set_get_pitch (set);
  while (k < n
         && (k + 1) * pitch + new_notes_height (f, set, first, first + k + 1)
                <= room (f) + OVERFLOW_TOLERANCE)
    k++;
  if (k == n || f->empty)
    return MAX (k, 1);
  if (keep_together || k == 1)
    return 0;
  if (n - k == 1)
    return k >= 3 ? k - 1 : 0;
  return k;
}

static void
check_overflow (Flow *f, PangoLayout *layout, double measure, const Prepared *p)
{
  double overflow = roneo_layout_get_overflow (layout, measure);
  if (overflow > OVERFLOW_TOLERANCE)
    roneo_warnings_add (f->warnings, RONEO_WARNING_GENERAL,
                        "%s:%u: a line is %.1f pt wider than the measure", f->c->document->source,
                        p->block->line, overflow);
}

/* Lines [first, last) as one text item (and the list marker with the first). */
static void
emit_lines (Flow *f, const Prepared *p, const RoneoLineSet *set, guint first, guint last, double x,
            PangoLayout *marker)
{
  const RoneoStyle *style = set->style;
  g_autoptr (PangoLayout) layout = roneo_line_set_new_layout (set, f->c->cc->context, first, last);
  check_overflow (f, layout, set->measure, p);
  if (marker != NULL && first == 0)
    roneo_page_add_text (f->page, role_name (p->role), marker, f->c->frame.x, f->y, set->size,
                         &style->color);
  roneo_page_add_text (f->page, role_name (p->role), layout, x, f->y, set->size, &style->color);
}

static void
place_line_set (Flow *f, const Prepared *p, RoneoLineSet *set, double x, PangoLayout *marker,
                gboolean keep_together)
{
  const RoneoStyle *style = set->style;
  guint first = 0;
  open_block (f, style);
  while (first < set->lines->len)
    {
      guint k = lines_that_fit (f, set, first, keep_together);
      if (k == 0)
        {
          new_page (f);
          continue;
        }
      if (!f->draft)
        emit_lines (f, p, set, first, first + k, x, marker);
      add_notes (f, set, first, first + k);
      f->y += k * roneo_line_set_get_pitch (set);
      f->empty = FALSE;
      first += k;
      if (first < set->lines->len)
        new_page (f);
    }
  close_block (f, style);
}

static void
warn_broken_word (Flow *f, const Prepared *p, const RoneoLineSet *set)
{
  if (set->broke_word)
    roneo_warnings_add (f->warnings, RONEO_WARNING_GENERAL,
                        "%s:%u: a word is wider than the measure and was broken across lines",
                        f->c->document->source, p->block->line);
}

static void
place_text (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = style_for (f, p->role);
  g_autoptr (RoneoLineSet) set = break_lines (f, p, style, f->c->frame.width);
  warn_broken_word (f, p, set);
  place_line_set (f, p, set, f->c->frame.x, NULL, p->role == ROLE_SUBHEAD);
}

static void
place_list_item (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = &f->list;
  double indent = style->indent > 0 ? style->indent : style->size * 1.2;
  g_autoptr (RoneoLineSet) set = break_lines (f, p, style, f->c->frame.width - indent);
  warn_broken_word (f, p, set);
  g_autofree char *mark = p->block->ordered ? g_strdup_printf ("%u.", p->block->number)
                          : g_str_has_prefix (f->c->cc->lang, "fr") ? g_strdup ("–")
                                                                      : g_strdup ("•");
  g_autoptr (PangoLayout) marker
      = f->draft ? NULL : roneo_text_layout_new_plain (f->c->cc->context, mark, style, style->size);
  place_line_set (f, p, set, f->c->frame.x + indent, marker, set->lines->len <= 3);
}

/* --- display text: headlines and call-outs -------------------------------- */

static double
fit_x (const RoneoRect *frame, const RoneoFit *fit, RoneoAlign align, double inset)
{
  double inner = frame->width - 2 * inset;
  if (align == RONEO_ALIGN_CENTER)
    return frame->x + inset + (inner - fit->width) / 2;
  if (align == RONEO_ALIGN_RIGHT)
    return frame->x + inset + inner - fit->width;
  return frame->x + inset;
}

static void
place_headline (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  const RoneoStyle *style = &f->c->layout->headline;
  double height = pango_units_to_double (fit->ink.height);
  open_block (f, style);
  if (!f->empty && height > room (f))
    new_page (f);
  double x = fit_x (&f->c->frame, fit, style->align, 0);
  roneo_page_add_text (f->page, "headline", fit->layout, x,
                       f->y - pango_units_to_double (fit->ink.y), fit->size, &style->color);
  f->y += height;
  close_block (f, style);
}

static double
quote_padding (const RoneoStyle *style)
{
  return style->indent > 0 ? style->indent : style->size * 0.6;
}

static void
place_quote (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  const RoneoStyle *style = &f->c->layout->quote;
  const RoneoRect *frame = &f->c->frame;
  double pad = quote_padding (style);
  double height = pango_units_to_double (fit->ink.height) + 2 * pad;
  open_block (f, style);
  if (!f->empty && height > room (f))
    new_page (f);
  RoneoRect box = { frame->x, f->y, frame->width, height };
  if (style->has_background)
    roneo_page_add_box (f->page, "quote", &box, &style->background);
  else
    {
      roneo_page_add_rule (f->page, "quote", frame->x, f->y, frame->width, 1.5, &style->color);
      roneo_page_add_rule (f->page, "quote", frame->x, f->y + height, frame->width, 1.5,
                           &style->color);
    }
  roneo_page_add_text (f->page, "quote", fit->layout, fit_x (frame, fit, style->align, pad),
                       f->y + pad - pango_units_to_double (fit->ink.y), fit->size, &style->color);
  f->y += height;
  close_block (f, style);
}

/* --- signature ------------------------------------------------------------ */

/* At the foot of the last page, below its footnotes; on a page of its own
 * when the last one is full. */
static void
place_signature (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = &f->c->layout->footer;
  const RoneoRect *frame = &f->c->frame;
  g_autoptr (RoneoLineSet) set = break_lines (f, p, style, frame->width);
  double height = set->lines->len * roneo_line_set_get_pitch (set);
  if (room (f) < height + FOOTER_GAP)
    new_page (f);
  f->reserved = height + FOOTER_GAP;
  double y = frame_bottom (f) - height;
  roneo_page_add_rule (f->page, "footer", frame->x, y - FOOTER_GAP / 2, frame->width, 0.5,
                       &style->color);
  f->empty = FALSE;
  if (f->draft)
    return;
  g_autoptr (PangoLayout) layout
      = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
  roneo_page_add_text (f->page, "footer", layout, frame->x, y, set->size, &style->color);
}

/* --- one run at one body size --------------------------------------------- */

static RoneoStyle
scaled (const RoneoStyle *style, double ratio, double floor)
{
  RoneoStyle copy = *style;
  copy.size = MAX (floor, style->size * ratio);
  return copy;
}

static void
prepare_notes (Flow *f)
{
  Composer *c = f->c;
  for (guint i = c->n_blocks; i < c->prepared->len; i++)
    {
      const Prepared *p = g_ptr_array_index (c->prepared, i);
      g_ptr_array_add (f->note_sets, break_lines (f, p, &f->footnotes, c->frame.width));
    }
}

static void
flow_free (Flow *f)
{
  g_ptr_array_unref (f->pages);
  g_array_unref (f->used);
  g_array_unref (f->notes);
  g_ptr_array_unref (f->note_sets);
  roneo_warnings_free (f->warnings);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Flow, flow_free)

static void
place_block (Flow *f, guint i)
{
  const Prepared *p = g_ptr_array_index (f->c->prepared, i);
  switch (p->role)
    {
    case ROLE_HEADLINE: place_headline (f, p, &f->c->fits[i]); break;
    case ROLE_QUOTE: place_quote (f, p, &f->c->fits[i]); break;
    case ROLE_LIST: place_list_item (f, p); break;
    case ROLE_FOOTER: place_signature (f, p); break;
    case ROLE_BREAK:
      if (!f->empty)
        new_page (f);
      break;
    default: place_text (f, p); break;
    }
}

static Flow *
flow_run (Composer *c, int body_size, guint max_pages, gboolean draft)
{
  Flow *f = g_new0 (Flow, 1);
  f->draft = draft;
  const RoneoLayout *layout = c->layout;
  double ratio = pango_units_to_double (body_size) / layout->body.size;
  f->c = c;
  f->body = scaled (&layout->body, ratio, 0);
  f->list = scaled (&layout->list, ratio, MIN (layout->list.size, layout->body.min_size));
  f->footnotes = scaled (&layout->footnotes, ratio, MIN (layout->footnotes.size, 6.5));
  f->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  f->used = g_array_new (FALSE, TRUE, sizeof (double));
  f->notes = g_array_new (FALSE, TRUE, sizeof (guint));
  f->note_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_line_set_free);
  f->max_pages = max_pages;
  f->warnings = roneo_warnings_new ();
  prepare_notes (f);
  new_page (f);
  for (guint i = 0; i < c->n_blocks; i++)
    place_block (f, i);
  finish_page (f);
  return f;
}

/* Height set beyond the frame of max_pages pages, less reserve pt at the
 * foot of each page, in pt (0 when it fits). */
static double
flow_overflow_reserving (const Flow *f, double reserve)
{
  double overflow = 0;
  for (guint i = 0; i < f->used->len; i++)
    {
      double used = g_array_index (f->used, double, i);
      if (i >= f->max_pages)
        overflow += used;
      else
        overflow += MAX (0, used - (f->c->frame.height - reserve) - OVERFLOW_TOLERANCE);
    }
  return overflow;
}

static double
flow_overflow (const Flow *f)
{
  return flow_overflow_reserving (f, 0);
}

/* --- the overflow policy -------------------------------------------------- */

static guint
count_breaks (const Composer *c)
{
  guint breaks = 0;
  for (guint i = 0; i < c->n_blocks; i++)
    breaks += ((Prepared *) g_ptr_array_index (c->prepared, i))->role == ROLE_BREAK;
  return breaks;
}

/* The largest body size in [low, high] that fits on pages leaving reserve
 * pt free at the foot of each, or -1. */
static int
largest_fitting_size (Composer *c, int low, int high, guint pages, double reserve)
{
  g_autoptr (Flow) smallest = flow_run (c, low, pages, TRUE);
  if (flow_overflow_reserving (smallest, reserve) > 0)
    return -1;
  while (high - low > SIZE_STEP / 2)
    {
      int mid = low + ((high - low) / 2 / SIZE_STEP + 1) * SIZE_STEP;
      mid = MIN (mid, high);
      g_autoptr (Flow) trial = flow_run (c, mid, pages, TRUE);
      if (flow_overflow_reserving (trial, reserve) > 0)
        high = mid - SIZE_STEP / 2;
      else
        low = mid;
    }
  return low;
}

static GPtrArray *
take_pages (Flow *f, RoneoWarnings *warnings)
{
  for (guint i = 0; i < roneo_warnings_get_count (f->warnings); i++)
    {
      const RoneoWarning *warning = roneo_warnings_peek (f->warnings, i);
      roneo_warnings_add (warnings, warning->kind, "%s", warning->message);
    }
  GPtrArray *pages = g_steal_pointer (&f->pages);
  f->pages = g_ptr_array_new ();
  return pages;
}

static void
set_overflow_error (Composer *c, GError **error)
{
  const RoneoLayout *layout = c->layout;
  int min_size = pango_units_from_double (layout->body.min_size);
  g_autoptr (Flow) f = flow_run (c, min_size, layout->max_pages, TRUE);
  double overflow = flow_overflow (f);
  double pitch = layout->body.min_size * layout->body.leading;
  guint lines = (guint) ceil (overflow / pitch);
  guint words = (guint) ceil (lines * c->frame.width / (layout->body.min_size * 3.2));
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
               "%s: the copy does not fit on %u page%s of layout '%s' even with the body at "
               "%.4g pt: %u line%s (%.0f mm) too many; cut about %u words or choose a larger "
               "layout (roneo layouts)",
               c->document->source, layout->max_pages, layout->max_pages > 1 ? "s" : "",
               layout->name, layout->body.min_size, lines, lines > 1 ? "s" : "",
               overflow / RONEO_PT_PER_MM, words);
}

static void
fit_display_blocks (Composer *c)
{
  guint others = 0;
  for (guint i = 0; i < c->n_blocks; i++)
    others += ((Prepared *) g_ptr_array_index (c->prepared, i))->role != ROLE_HEADLINE;
  double share = others <= 2 ? HEADLINE_SHARE_ALONE : HEADLINE_SHARE;
  const RoneoLayout *layout = c->layout;
  for (guint i = 0; i < c->n_blocks; i++)
    {
      const Prepared *p = g_ptr_array_index (c->prepared, i);
      if (p->role == ROLE_HEADLINE)
        c->fits[i] = roneo_fit_text (c->cc->context, p->rich, &layout->headline,
                                     c->frame.width, c->frame.height * share);
      else if (p->role == ROLE_QUOTE)
        c->fits[i] = roneo_fit_text (c->cc->context, p->rich, &layout->quote,
                                     c->frame.width - 2 * quote_padding (&layout->quote),
                                     c->frame.height * QUOTE_SHARE);
      if (c->fits[i].layout != NULL && !c->fits[i].fits)
        roneo_warnings_add (c->cc->warnings, RONEO_WARNING_FIT,
                            "%s:%u: the %s does not fit its box even at %.4g pt; shorten it",
                            c->document->source, p->block->line, role_name (p->role),
                            c->fits[i].size);
    }
}

static void
composer_clear (Composer *c)
{
  for (guint i = 0; i < c->n_blocks; i++)
    roneo_fit_clear (&c->fits[i]);
  g_free (c->fits);
  for (guint i = 0; i < c->prepared->len; i++)
    roneo_shaping_free (c->shapings[i]);
  g_free (c->shapings);
  g_ptr_array_unref (c->prepared);
}

/* The body size for pages: the layout's when it fits, grown for short copy,
 * shrunk down to min-size for long copy; -1 when even that does not fit. */
static int
body_size_for (Composer *c, guint pages)
{
  const RoneoLayout *layout = c->layout;
  int size = pango_units_from_double (layout->body.size);
  int min_size = pango_units_from_double (MIN (layout->body.min_size, layout->body.size));
  g_autoptr (Flow) nominal = flow_run (c, size, pages, TRUE);
  if (flow_overflow (nominal) > 0)
    return size > min_size ? largest_fitting_size (c, min_size, size - SIZE_STEP, pages, 0) : -1;
  int grown = largest_fitting_size (c, size, (int) (size * GROW_LIMIT), pages,
                                    c->frame.height * GROW_RESERVE);
  return MAX (size, grown);
}

/* The run that is kept, shaped for real. Drafts measure widths to a few
 * thousandths of a point, so on a knife edge the real run can take one line
 * more: then a quarter point less. */
static Flow *
final_run (Composer *c, int size, guint pages)
{
  int min_size = pango_units_from_double (MIN (c->layout->body.min_size, c->layout->body.size));
  Flow *f = flow_run (c, size, pages, FALSE);
  while (flow_overflow (f) > 0 && size - SIZE_STEP >= min_size)
    {
      flow_free (f);
      size -= SIZE_STEP;
      f = flow_run (c, size, pages, FALSE);
    }
  return f;
}

static GPtrArray *
compose_pages (Composer *c, GError **error)
{
  const RoneoLayout *layout = c->layout;
  for (guint pages = count_breaks (c) + 1; pages <= layout->max_pages; pages++)
    {
      int best = body_size_for (c, pages);
      if (best < 0)
        continue;
      if (best < pango_units_from_double (layout->body.size))
        roneo_warnings_add (c->cc->warnings, RONEO_WARNING_FIT,
                            "%s: body shrunk from %.4g to %.4g pt to fit %u page%s",
                            c->document->source, layout->body.size,
                            pango_units_to_double (best), pages, pages > 1 ? "s" : "");
      g_autoptr (Flow) f = final_run (c, best, pages);
      return take_pages (f, c->cc->warnings);
    }
  set_overflow_error (c, error);
  return NULL;
}

GPtrArray *
roneo_compose_document (const RoneoComposeContext *cc, const RoneoDocument *document,
                        const RoneoLayout *layout, GError **error)
{
  Composer c = { cc, document, layout };
  c.prepared = prepare_document (cc, document, layout);
  c.n_blocks = document->blocks->len;
  c.fits = g_new0 (RoneoFit, c.n_blocks);
  c.shapings = g_new0 (RoneoShaping *, c.prepared->len);
  c.frame = roneo_layout_get_frame (layout);
  fit_display_blocks (&c);
  GPtrArray *pages = compose_pages (&c, error);
  composer_clear (&c);
  return pages;
}
