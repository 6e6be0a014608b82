/* roneo-flow-place.c: one block placed on the pages of a run.
 *
 * Body text and list items are broken into lines and split across pages
 * without orphans or widows; headlines and call-outs, fitted once per
 * document, go whole; the signature goes to the foot of the last page,
 * and the imprint under it, on the frame's bottom edge.
 */
#include "roneo-flow-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-glyph-check.h"
#include "roneo-text-layout.h"

#define FOOTER_GAP 10.0
#define IMPRINT_GAP 4.0 /* pt between the signature (or the copy) and the imprint */
/* A paragraph broken one line shorter or longer for the page keeps every
 * space within the breaker's tolerance of 200, as TeX's \looseness: 0.41 em
 * at most, 0.167 at least. */
#define LOOSENESS_TOLERANCE 200.0

/* --- body text ------------------------------------------------------------ */

static gboolean
ends_with_hyphen (const RoneoLineSet *set, guint line)
{
  return g_array_index (set->lines, RoneoLine, line).hyphen;
}

/* How many of lines first on fit in the room left, notes included. */
static guint
lines_in_room (Flow *f, const RoneoLineSet *set, guint first)
{
  guint n = set->lines->len - first, k = 0;
  double pitch = roneo_line_set_get_pitch (set);
  while (k < n
         && (k + 1) * pitch + roneo_flow_new_notes_height (f, set, first, first + k + 1)
                <= roneo_flow_room (f) + RONEO_FLOW_OVERFLOW_TOLERANCE)
    k++;
  return k;
}

/* TeX's \looseness where the page needs it: lines from first on that would
 * carry one line over (a widow) are broken one line shorter, to end on this
 * page, or else one longer, to carry two, each line within the tolerance
 * (roneo_line_set_loosen). Not for text kept together. */
static void
loosen_for_page (Flow *f, RoneoLineSet *set, guint first, gboolean keep_together)
{
  guint n = set->lines->len - first;
  guint k = lines_in_room (f, set, first);
  if (f->empty || keep_together || k < 2 || k + 1 != n)
    return;
  g_autoptr (GArray) kept = g_array_copy (set->lines);
  if (roneo_line_set_loosen (set, first, -1, LOOSENESS_TOLERANCE)
      && lines_in_room (f, set, first) == set->lines->len - first)
    return;
  g_array_set_size (set->lines, 0);
  g_array_append_vals (set->lines, kept->data, kept->len);
  if (roneo_line_set_loosen (set, first, 1, LOOSENESS_TOLERANCE)
      && lines_in_room (f, set, first) + 2 <= set->lines->len - first)
    return;
  g_array_set_size (set->lines, 0);
  g_array_append_vals (set->lines, kept->data, kept->len);
}

/* How many lines from first fit on this page, notes included, without an
 * orphan (one line left at the foot) or a widow (one line carried over),
 * and not ending on a hyphen (TYPOGRAPHY.md: the reader would turn the page
 * in the middle of a word): that line goes over with the rest (two, at
 * most, after two hyphens in a row), unless that would leave an orphan. */
static guint
lines_that_fit (Flow *f, const RoneoLineSet *set, guint first, gboolean keep_together)
{
  guint n = set->lines->len - first, k = lines_in_room (f, set, first);
  if (k == n || f->empty)
    return MAX (k, 1);
  if (keep_together || k == 1)
    return 0;
  if (n - k == 1)
    k = k >= 3 ? k - 1 : 0;
  while (k > 2 && ends_with_hyphen (set, first + k - 1))
    k--;
  return k;
}

/* The line breaker keeps every line within the measure; a line set wider
 * would run into the margin or off the page: the run fails. */
static void
check_overflow (Flow *f, PangoLayout *layout, double measure, const Prepared *p)
{
  double overflow = roneo_layout_get_overflow (layout, measure);
  if (overflow > RONEO_FLOW_OVERFLOW_TOLERANCE && f->error == NULL)
    g_set_error (&f->error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                 _ ("%s:%u: a line of the %s is %.1f pt wider than the measure; shorten its "
                    "longest word"),
                 f->c->document->source, p->block->line, roneo_compose_role_label (p->role),
                 overflow);
}

/* Lines [first, last) as one text item (and the list marker with the first). */
static void
emit_lines (Flow *f, const Prepared *p, const RoneoLineSet *set, guint first, guint last, double x,
            PangoLayout *marker)
{
  const RoneoStyle *style = set->style;
  g_autoptr (PangoLayout) layout = roneo_line_set_new_layout (set, f->c->cc->context, first, last);
  check_overflow (f, layout, set->measure, p);
  roneo_flow_check_glyphs (f, layout, p);
  if (marker != NULL && first == 0)
    roneo_page_add_text (f->page, roneo_compose_role_name (p->role), marker, f->column.x, f->y,
                         set->size, &style->color);
  roneo_page_add_text (f->page, roneo_compose_role_name (p->role), layout, x, f->y, set->size,
                       &style->color);
}

static void
place_line_set (Flow *f, const Prepared *p, RoneoLineSet *set, double x, PangoLayout *marker,
                gboolean keep_together)
{
  const RoneoStyle *style = set->style;
  guint first = 0;
  roneo_flow_open_block (f, style);
  while (first < set->lines->len)
    {
      loosen_for_page (f, set, first, keep_together);
      guint k = lines_that_fit (f, set, first, keep_together);
      if (k == 0)
        {
          roneo_flow_new_page (f);
          continue;
        }
      if (!f->draft)
        emit_lines (f, p, set, first, first + k, x, marker);
      roneo_flow_add_notes (f, set, first, first + k);
      f->y += k * roneo_line_set_get_pitch (set);
      f->empty = FALSE;
      f->opened_gap = 0;
      first += k;
      if (first < set->lines->len)
        roneo_flow_new_page (f);
    }
  roneo_flow_close_block (f, style);
}

static void
warn_broken_word (Flow *f, const Prepared *p, const RoneoLineSet *set)
{
  if (set->broke_word)
    roneo_warnings_add_at (f->warnings, RONEO_WARNING_GENERAL, f->c->document->source,
                           p->block->line,
                           _ ("a word is wider than the measure and was broken across lines"));
}

/* The indent of list items' text, pt. */
static double
list_indent (const RoneoStyle *style)
{
  return style->indent > 0 ? style->indent : style->size * 1.2;
}

/* The least of the block after p that may open a page's last lines, with
 * the space before it, pt: two lines of a paragraph or list item (all of
 * one of three lines or fewer, which the orphan and widow rule would not
 * split), a call-out whole, nothing after the last block. */
static double
keep_with_next_height (Flow *f, const Prepared *p, const RoneoStyle *style)
{
  if (p->index + 1 >= f->c->n_blocks)
    return 0;
  const Prepared *next = g_ptr_array_index (f->c->prepared, p->index + 1);
  const RoneoStyle *next_style = roneo_flow_style_for (f, next->role);
  double gap = roneo_flow_gap_between (f, style, next_style);
  if (next->role == ROLE_QUOTE)
    return gap + pango_units_to_double (f->c->fits[next->index].ink.height)
           + 2 * roneo_flow_quote_padding (next_style);
  if (next->role != ROLE_BODY && next->role != ROLE_LIST)
    return 0;
  double measure = f->column.width - (next->role == ROLE_LIST ? list_indent (next_style) : 0);
  g_autoptr (RoneoLineSet) set = roneo_flow_break_lines (f, next, next_style, measure);
  guint n = set->lines->len <= 3 ? set->lines->len : 2;
  return gap + n * roneo_line_set_get_pitch (set) + roneo_flow_new_notes_height (f, set, 0, n);
}

/* A subhead goes whole and with the start of what it heads: never the last
 * thing on a page. */
static void
place_subhead (Flow *f, const Prepared *p, const RoneoStyle *style, const RoneoLineSet *set)
{
  if (f->empty)
    return;
  double height = roneo_flow_gap_between (f, f->last_style, style)
                  + set->lines->len * roneo_line_set_get_pitch (set)
                  + roneo_flow_new_notes_height (f, set, 0, set->lines->len)
                  + keep_with_next_height (f, p, style);
  if (height > roneo_flow_room (f) + RONEO_FLOW_OVERFLOW_TOLERANCE)
    roneo_flow_new_page (f);
}

void
roneo_flow_place_text (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = roneo_flow_style_for (f, p->role);
  g_autoptr (RoneoLineSet) set = roneo_flow_break_lines (f, p, style, f->column.width);
  warn_broken_word (f, p, set);
  if (p->role == ROLE_SUBHEAD)
    place_subhead (f, p, style, set);
  place_line_set (f, p, set, f->column.x, NULL, p->role == ROLE_SUBHEAD);
}

void
roneo_flow_place_list_item (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = &f->list;
  double indent = list_indent (style);
  g_autoptr (RoneoLineSet) set = roneo_flow_break_lines (f, p, style, f->column.width - indent);
  warn_broken_word (f, p, set);
  g_autofree char *mark = p->block->ordered ? g_strdup_printf ("%u.", p->block->number)
                          : g_str_has_prefix (f->c->cc->lang, "fr") ? g_strdup ("–")
                                                                    : g_strdup ("•");
  g_autoptr (PangoLayout) marker
      = f->draft ? NULL : roneo_text_layout_new_plain (f->c->cc->context, mark, style, style->size);
  place_line_set (f, p, set, f->column.x + indent, marker, set->lines->len <= 3);
}

void
roneo_flow_check_glyphs (Flow *f, PangoLayout *layout, const Prepared *p)
{
  if (!f->draft)
    roneo_compose_check_glyphs (f->warnings, f->seen, layout, f->c->document->source, NULL,
                                p->block);
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

/* A fitted block in style, the headline's way: it starts at its ink
 * (capitals align with the frame's top) but ends at its last line's
 * descent, not its ink: "machines" and "pompe" are followed by the same gap. */
static void
place_fitted (Flow *f, const Prepared *p, const RoneoFit *fit, const RoneoStyle *style)
{
  PangoRectangle logical;
  pango_layout_get_extents (fit->layout, NULL, &logical);
  int bottom = MAX (fit->ink.y + fit->ink.height, logical.y + logical.height);
  double height = pango_units_to_double (bottom - fit->ink.y);
  roneo_flow_open_block (f, style);
  if (!f->empty && height > roneo_flow_room (f))
    roneo_flow_new_page (f);
  double x = fit_x (&f->c->frame, fit, style->align, 0);
  roneo_flow_check_glyphs (f, fit->layout, p);
  roneo_page_add_text (f->page, roneo_compose_role_name (p->role), fit->layout, x,
                       f->y - pango_units_to_double (fit->ink.y), fit->size, &style->color);
  f->y += height;
  roneo_flow_close_block (f, style);
}

void
roneo_flow_place_headline (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  if (fit->stack != NULL)
    roneo_flow_place_stack (f, p, fit);
  else
    place_fitted (f, p, fit, &f->c->layout->headline);
}

void
roneo_flow_place_display (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  place_fitted (f, p, fit, &f->c->layout->subhead);
}

double
roneo_flow_quote_padding (const RoneoStyle *style)
{
  return style->indent > 0 ? style->indent : style->size * 0.6;
}

void
roneo_flow_place_quote (Flow *f, const Prepared *p, const RoneoFit *fit)
{
  const RoneoStyle *style = &f->c->layout->quote;
  const RoneoRect *frame = &f->c->frame;
  const char *role = roneo_compose_role_name (p->role);
  double pad = roneo_flow_quote_padding (style);
  double height = pango_units_to_double (fit->ink.height) + 2 * pad;
  roneo_flow_open_block (f, style);
  if (!f->empty && height > roneo_flow_room (f))
    roneo_flow_new_page (f);
  RoneoRect box = { frame->x, f->y, frame->width, height };
  if (style->has_background)
    roneo_page_add_box (f->page, role, &box, &style->background);
  else
    {
      roneo_page_add_rule (f->page, role, frame->x, f->y, frame->width, 1.5, &style->color);
      roneo_page_add_rule (f->page, role, frame->x, f->y + height, frame->width, 1.5,
                           &style->color);
    }
  roneo_flow_check_glyphs (f, fit->layout, p);
  roneo_page_add_text (f->page, role, fit->layout, fit_x (frame, fit, style->align, pad),
                       f->y + pad - pango_units_to_double (fit->ink.y), fit->size, &style->color);
  f->y += height;
  roneo_flow_close_block (f, style);
}

/* --- signature and imprint ----------------------------------------------- */

/* The imprint's lines, or NULL when the document has none. Owned. */
static RoneoLineSet *
imprint_lines (Flow *f)
{
  const Prepared *p = f->c->imprint;
  return p ? roneo_flow_break_lines (f, p, &f->c->layout->imprint, f->column.width) : NULL;
}

/* What the imprint takes at the foot of the frame, its gap included. */
static double
imprint_room (const RoneoLineSet *set)
{
  return set ? set->lines->len * roneo_line_set_get_pitch (set) + IMPRINT_GAP : 0;
}

/* On the bottom edge of the frame: inside the margins, so inside the safe
 * area of every profile, whatever bleed the job asks. */
static void
set_imprint (Flow *f, const RoneoLineSet *set)
{
  const Prepared *p = f->c->imprint;
  double y = roneo_flow_frame_bottom (f) - (imprint_room (set) - IMPRINT_GAP);
  f->imprinted = TRUE;
  if (f->draft)
    return;
  g_autoptr (PangoLayout) layout
      = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
  roneo_flow_check_glyphs (f, layout, p);
  roneo_page_add_text (f->page, roneo_compose_role_name (p->role), layout, f->column.x, y,
                       set->size, &set->style->color);
}

/* At the foot of the last page, below its footnotes and above the imprint;
 * on a page of its own when the last one is full. */
void
roneo_flow_place_signature (Flow *f, const Prepared *p)
{
  const RoneoStyle *style = &f->c->layout->footer;
  const char *role = roneo_compose_role_name (p->role);
  const RoneoRect *column = &f->column;
  g_autoptr (RoneoLineSet) set = roneo_flow_break_lines (f, p, style, column->width);
  g_autoptr (RoneoLineSet) imprint = imprint_lines (f);
  double height = set->lines->len * roneo_line_set_get_pitch (set);
  double foot = imprint_room (imprint);
  if (roneo_flow_room (f) < height + FOOTER_GAP + foot)
    roneo_flow_new_page (f);
  f->reserved = height + FOOTER_GAP + foot;
  double y = roneo_flow_frame_bottom (f) - foot - height;
  roneo_page_add_rule (f->page, role, column->x, y - FOOTER_GAP / 2, column->width, 0.5,
                       &style->color);
  f->empty = FALSE;
  if (!f->draft)
    {
      g_autoptr (PangoLayout) layout
          = roneo_line_set_new_layout (set, f->c->cc->context, 0, set->lines->len);
      roneo_flow_check_glyphs (f, layout, p);
      roneo_page_add_text (f->page, role, layout, column->x, y, set->size, &style->color);
    }
  if (imprint != NULL)
    set_imprint (f, imprint);
}

void
roneo_flow_place_imprint (Flow *f)
{
  if (f->imprinted || f->c->imprint == NULL)
    return;
  g_autoptr (RoneoLineSet) set = imprint_lines (f);
  if (roneo_flow_room (f) < imprint_room (set))
    roneo_flow_new_page (f);
  f->reserved += imprint_room (set);
  set_imprint (f, set);
}
