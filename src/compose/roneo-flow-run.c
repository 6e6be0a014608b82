/* roneo-flow-run.c: one run of the composer at one body size.
 *
 * A Flow scales the body, list and footnote styles, breaks the footnotes,
 * opens pages as blocks fill them and records how much of each frame was
 * used, which is what the overflow policy (roneo-flow.c) weighs.
 */
#include "roneo-flow-private.h"

#include "roneo-glyph-check.h"
#include "roneo-i18n.h"
#include "roneo-lang.h"
#include "roneo-text-layout.h"

#define NOTES_GAP 6.0 /* pt between the text and the footnote rule */
#define NOTES_RULE_WIDTH 0.4
#define CUE_GAP 4.0 /* pt between the copy and the continuation cue */

const RoneoStyle *
roneo_flow_style_for (Flow *f, Role role)
{
  const RoneoLayout *layout = f->c->layout;
  switch (role)
    {
    case ROLE_HEADLINE:
      return &layout->headline;
    case ROLE_SUBHEAD:
      return &f->subhead;
    case ROLE_LIST:
      return &f->list;
    case ROLE_QUOTE:
      return &layout->quote;
    case ROLE_FOOTER:
      return &layout->footer;
    case ROLE_FOOTNOTE:
      return &f->footnotes;
    case ROLE_IMAGE:
      return &f->image;
    default:
      return &f->body;
    }
}

double
roneo_flow_frame_bottom (const Flow *f)
{
  return f->c->frame.y + f->c->frame.height - f->logo_foot;
}

static RoneoStyle
scaled (const RoneoStyle *style, double ratio, double floor)
{
  RoneoStyle copy = *style;
  copy.size = MAX (floor, style->size * ratio);
  return copy;
}

/* The styles that follow the body size, in a run at body pt. */
static void
scaled_styles (const RoneoLayout *layout, double body, RoneoStyle *body_style,
               RoneoStyle *list_style, RoneoStyle *footnotes_style)
{
  double ratio = body / layout->body.size;
  *body_style = scaled (&layout->body, ratio, 0);
  *list_style = scaled (&layout->list, ratio, MIN (layout->list.size, layout->body.min_size));
  *footnotes_style = scaled (&layout->footnotes, ratio, MIN (layout->footnotes.size, 6.5));
}

/* The size a draft shapes style's text at: the style's size in a run at
 * the composer's draft body size. Any size gives the same widths, scaled;
 * that one is where most runs end (short copy grows the body to its
 * limit), so the final run sets its lines in the fonts the drafts loaded
 * rather than loading its own (two font sets per face and size). Styles
 * that do not follow the body keep their size. */
static double
shaping_size (const Flow *f, const RoneoStyle *style)
{
  if (!f->draft || f->c->draft_body <= 0)
    return style->size;
  RoneoStyle body, list, footnotes;
  scaled_styles (f->c->layout, pango_units_to_double (f->c->draft_body), &body, &list, &footnotes);
  return style == &f->body        ? body.size
         : style == &f->list      ? list.size
         : style == &f->footnotes ? footnotes.size
                                  : style->size;
}

/* Lines are broken from widths measured once per block and scaled to the
 * size tried: drafts and the final run break alike, and setting the final
 * lines corrects the few hundredths of a point scaling misses. */
RoneoLineSet *
roneo_flow_break_lines (Flow *f, const Prepared *p, const RoneoStyle *style, double measure)
{
  Composer *c = f->c;
  if (c->shapings[p->index] == NULL)
    c->shapings[p->index]
        = roneo_shaping_new (c->cc->context, p->rich, style, shaping_size (f, style));
  return roneo_line_set_break (c->cc->context, roneo_rich_text_copy (p->rich), style, style->size,
                               measure, style->align == RONEO_ALIGN_JUSTIFY, c->shapings[p->index]);
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

static gboolean
has_note (const GArray *notes, guint note)
{
  for (guint i = 0; i < notes->len; i++)
    if (g_array_index (notes, guint, i) == note)
      return TRUE;
  return FALSE;
}

/* The notes that lines [first, last) bring to this page: those they call,
 * then those these notes call in turn (a note called from a note goes on
 * the page of its caller), each once, none already on the page. Owned. */
static GArray *
new_notes (Flow *f, const RoneoLineSet *set, guint first, guint last)
{
  GArray *notes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) called = roneo_line_set_get_notes (set, first, last);
  for (guint i = 0;; i++)
    {
      for (guint j = 0; j < called->len; j++)
        {
          guint note = g_array_index (called, guint, j);
          if (note_set (f, note) != NULL && !page_has_note (f, note) && !has_note (notes, note))
            g_array_append_val (notes, note);
        }
      g_array_unref (called);
      called = NULL;
      if (i >= notes->len)
        break;
      RoneoLineSet *inner = note_set (f, g_array_index (notes, guint, i));
      called = roneo_line_set_get_notes (inner, 0, inner->lines->len);
    }
  return notes;
}

/* Height the notes called in lines [first, last) add to this page. */
double
roneo_flow_new_notes_height (Flow *f, const RoneoLineSet *set, guint first, guint last)
{
  g_autoptr (GArray) notes = new_notes (f, set, first, last);
  double height = 0;
  for (guint i = 0; i < notes->len; i++)
    height += note_height (f, g_array_index (notes, guint, i));
  if (height > 0 && f->notes->len == 0)
    height += NOTES_GAP;
  return height;
}

void
roneo_flow_add_notes (Flow *f, const RoneoLineSet *set, guint first, guint last)
{
  f->notes_height += roneo_flow_new_notes_height (f, set, first, last);
  g_autoptr (GArray) notes = new_notes (f, set, first, last);
  g_array_append_vals (f->notes, notes->data, notes->len);
}

static void
place_notes (Flow *f)
{
  if (f->notes->len == 0 || f->draft)
    return;
  const RoneoRect *column = &f->column;
  const char *role = roneo_style_name (RONEO_STYLE_FOOTNOTES);
  double y = roneo_flow_frame_bottom (f) - f->reserved - f->notes_height + NOTES_GAP;
  roneo_page_add_rule (f->page, role, column->x, y - NOTES_GAP / 2, column->width / 3,
                       NOTES_RULE_WIDTH, &f->footnotes.color);
  for (guint i = 0; i < f->notes->len; i++)
    {
      RoneoLineSet *set = note_set (f, g_array_index (f->notes, guint, i));
      g_autoptr (PangoLayout) layout
          = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
      roneo_page_add_text (f->page, role, layout, column->x, y, set->size, &f->footnotes.color);
      guint note = f->c->first_note + g_array_index (f->notes, guint, i) - 1;
      roneo_flow_check_glyphs (f, layout, g_ptr_array_index (f->c->prepared, note));
      y += set->lines->len * roneo_line_set_get_pitch (set);
    }
}

/* --- the continuation cue ------------------------------------------------- */

/* What the foot of a page says when the copy goes on overleaf, in the
 * document's language (po/: "suite au verso ›"). */
static const char *
cue_text (const char *lang)
{
  return roneo_doc_gettext (lang, "continued overleaf ›");
}

/* Every page but the last of the pages the run may fill keeps a line at
 * its foot for the cue: whether the copy goes on is known only once the
 * page is full, and the line must be free by then. */
static double
cue_height (const Flow *f)
{
  if (f->pages->len >= f->max_pages)
    return 0;
  const RoneoStyle *style = &f->c->layout->footer;
  return style->size * style->leading + CUE_GAP;
}

/* Right-aligned at the foot of the column, above the notes and the
 * signature: the page just finished is followed by another. */
static void
place_cue (Flow *f)
{
  if (f->draft || f->cue <= 0)
    return;
  const RoneoStyle *style = &f->c->layout->footer;
  const RoneoRect *column = &f->column;
  g_autoptr (PangoLayout) layout = roneo_text_layout_new_plain (
      f->c->cc->context, cue_text (f->c->cc->lang), style, style->size);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  double width = pango_units_to_double (logical.width);
  double height = pango_units_to_double (logical.height);
  double y = roneo_flow_frame_bottom (f) - f->reserved - f->notes_height - height;
  roneo_page_add_text (f->page, "cue", layout, column->x + column->width - width, y, style->size,
                       &style->color);
}

/* --- pages ---------------------------------------------------------------- */

double
roneo_flow_room (const Flow *f)
{
  return roneo_flow_frame_bottom (f) - f->reserved - f->notes_height - f->cue - f->cut - f->y;
}

static void
finish_page (Flow *f)
{
  if (f->page == NULL)
    return;
  /* The cut only decides what copy goes overleaf: the spread may then use
   * the whole page. A block that went overleaf leaves its space behind. */
  f->cut = 0;
  f->y -= f->opened_gap;
  f->opened_gap = 0;
  roneo_flow_align_page (f);
  place_notes (f);
  roneo_flow_place_logo (f);
  double used = f->y - f->c->frame.y + f->notes_height + f->reserved + f->cue + f->logo_foot;
  g_array_append_val (f->used, used);
}

void
roneo_flow_new_page (Flow *f)
{
  finish_page (f);
  if (f->page != NULL)
    place_cue (f);
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
  g_array_set_size (f->gaps, 0);
  f->cue = cue_height (f);
  f->cut = f->pages->len == f->c->cut_page + 1 ? f->c->cut : 0;
  f->logo_foot = 0;
  roneo_flow_open_logo (f);
}

double
roneo_flow_gap_between (const Flow *f, const RoneoStyle *before, const RoneoStyle *after)
{
  if (before == NULL)
    return 0;
  gboolean list_edge = (after == &f->list) != (before == &f->list);
  double gap = MAX (before->space_after, after->space_before);
  return list_edge ? MAX (gap, f->body.space_after) : gap;
}

void
roneo_flow_open_block (Flow *f, const RoneoStyle *style)
{
  gboolean list_edge = (style == &f->list) != (f->last_style == &f->list);
  double gap = MAX (f->space, style->space_before);
  if (list_edge && f->last_style != NULL)
    gap = MAX (gap, f->body.space_after);
  f->opened_gap = 0;
  if (!f->empty)
    {
      roneo_flow_mark_gap (f, f->last_style, style);
      f->y += gap;
      f->opened_gap = gap;
    }
  f->space = 0;
  f->last_style = style;
}

void
roneo_flow_close_block (Flow *f, const RoneoStyle *style)
{
  f->opened_gap = 0;
  f->space = style->space_after;
  f->empty = FALSE;
}

/* --- one run at one body size --------------------------------------------- */

static void
prepare_notes (Flow *f)
{
  Composer *c = f->c;
  for (guint i = c->first_note; i < c->prepared->len; i++)
    {
      const Prepared *p = g_ptr_array_index (c->prepared, i);
      g_ptr_array_add (f->note_sets, roneo_flow_break_lines (f, p, &f->footnotes, f->column.width));
    }
}

void
roneo_flow_free (Flow *f)
{
  g_ptr_array_unref (f->pages);
  g_array_unref (f->used);
  g_array_unref (f->notes);
  g_ptr_array_unref (f->note_sets);
  roneo_warnings_free (f->warnings);
  g_clear_error (&f->error);
  g_hash_table_unref (f->seen);
  g_array_unref (f->gaps);
  g_free (f);
}

static void
place_block (Flow *f, guint i)
{
  const Prepared *p = g_ptr_array_index (f->c->prepared, i);
  roneo_flow_card_break (f, i);
  if (p->role == ROLE_SUBHEAD && f->c->fits[i].layout != NULL)
    {
      roneo_flow_place_display (f, p, &f->c->fits[i]);
      return;
    }
  switch (p->role)
    {
    case ROLE_HEADLINE:
      roneo_flow_place_headline (f, p, &f->c->fits[i]);
      break;
    case ROLE_QUOTE:
      roneo_flow_place_quote (f, p, &f->c->fits[i]);
      break;
    case ROLE_LIST:
      roneo_flow_place_list_item (f, p);
      break;
    case ROLE_FOOTER:
      roneo_flow_place_signature (f, p);
      break;
    case ROLE_IMAGE:
      roneo_flow_place_image (f, p);
      break;
    case ROLE_BREAK:
      /* The copy chose where the page ends (a card's verso): nothing to
       * say "continued" about. */
      f->cue = 0;
      if (!f->empty)
        roneo_flow_new_page (f);
      break;
    default:
      roneo_flow_place_text (f, p);
      break;
    }
}

Flow *
roneo_flow_run (Composer *c, int body_size, guint max_pages, gboolean draft)
{
  Flow *f = g_new0 (Flow, 1);
  f->draft = draft;
  const RoneoLayout *layout = c->layout;
  f->c = c;
  scaled_styles (layout, pango_units_to_double (body_size), &f->body, &f->list, &f->footnotes);
  f->column = roneo_layout_get_column (layout, f->body.size);
  /* size is what a card's face fits its subheads to; those in the text are text */
  f->image = layout->caption;
  f->image.space_before = layout->pictures.space_before;
  f->image.space_after = layout->pictures.space_after;
  f->image.spread_before = f->image.spread_after = 1;
  f->subhead = layout->subhead;
  if (layout->subhead.fit)
    f->subhead.size = layout->subhead.min_size;
  f->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_page_free);
  f->used = g_array_new (FALSE, TRUE, sizeof (double));
  f->notes = g_array_new (FALSE, TRUE, sizeof (guint));
  f->note_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_line_set_free);
  f->max_pages = max_pages;
  f->warnings = roneo_warnings_new ();
  f->seen = roneo_compose_new_glyph_seen ();
  f->gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  prepare_notes (f);
  roneo_flow_new_page (f);
  for (guint i = 0; i < c->n_blocks; i++)
    place_block (f, i);
  roneo_flow_place_imprint (f);
  finish_page (f);
  return f;
}

/* Height set beyond the frame of max_pages pages, less reserve pt at the
 * foot of each page, in pt (0 when it fits). */
double
roneo_flow_overflow_reserving (const Flow *f, double reserve)
{
  double overflow = 0;
  for (guint i = 0; i < f->used->len; i++)
    {
      double used = g_array_index (f->used, double, i);
      if (i >= f->max_pages)
        overflow += used;
      else
        overflow += MAX (0, used - (f->c->frame.height - reserve) - RONEO_FLOW_OVERFLOW_TOLERANCE);
    }
  return overflow;
}

double
roneo_flow_overflow (const Flow *f)
{
  return roneo_flow_overflow_reserving (f, 0);
}
