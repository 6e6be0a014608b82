/* roneo-fit-stack.c: a placard's slogan stacked, each line filling the measure.
 *
 * A protest placard is read line by line from across the street: every line
 * as large as the width allows, so "PAS" is set larger than "DES SERVEURS !".
 * The lines end at the phrase breaks of roneo-phrase.h, chosen for each line
 * count up to max-lines; each line is measured once at a reference size and
 * scaled (the text is unhinted, so its ink scales with the size), then the
 * chosen stack is set for real and checked against the measure again.
 */
#include "roneo-fit-private.h"

#include "roneo-phrase.h"
#include "roneo-text-layout.h"

#include <math.h>

#define STACK_REFERENCE 100.0 /* pt: the size lines are measured at */
#define STACK_MAX_RATIO 2.5   /* the largest line over the smallest: a lone "À" must not tower */
#define STACK_GAP 0.06        /* of the smaller size of two lines: the ink gap between them */
#define STACK_GAP_BELOW                                                                            \
  0.14                        /* the same under a comma or a tail below the baseline, or the       \
                               * comma reads as an accent on the capital under it */
#define STACK_DESCENT 0.03    /* of the size: ink lower than this under the baseline descends */
#define STACK_TIE 0.03        /* stacks within 3 % of the best area tie: the phrasing decides */
#define STACK_MAX_LINES 5     /* when the style sets no max-lines */
#define STACK_NEVER_COST 1000 /* a break the rules forbid, taken only when nothing else stacks */
#define STACK_SETTLE 3        /* tries to bring a line set for real back inside the measure */

typedef struct
{
  RoneoRichText *rich; /* owned: the line's text */
  PangoRectangle ink;  /* Pango units, at the reference size */
  gboolean descends;   /* its ink goes below the baseline: a comma, a Q's tail */
  double size;         /* pt */
} Line;

typedef struct
{
  GArray *lines;  /* Line, owned */
  GArray *chosen; /* owned: the breaks taken, indices into the phrase breaks */
  double area;    /* pt²: the ink the stack covers */
  int cost;       /* the chosen breaks' penalties */
} Stack;

static void
line_clear (gpointer data)
{
  g_clear_pointer (&((Line *) data)->rich, roneo_rich_text_free);
}

static void
stack_free (Stack *stack)
{
  g_array_unref (stack->lines);
  g_array_unref (stack->chosen);
  g_free (stack);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stack, stack_free)

/* Bytes [start, end) of rich, with their spans. Owned. */
static RoneoRichText *
rich_slice (const RoneoRichText *rich, gsize start, gsize end)
{
  RoneoRichText *slice = roneo_rich_text_copy (rich);
  roneo_rich_text_replace (slice, end, slice->text->len, "");
  roneo_rich_text_replace (slice, 0, start, "");
  return slice;
}

/* Whether layout, set at size pt, inks below its first baseline. */
static gboolean
descends (PangoLayout *layout, const PangoRectangle *ink, double size)
{
  int below = ink->y + ink->height - pango_layout_get_baseline (layout);
  return pango_units_to_double (below) > STACK_DESCENT * size;
}

static void
measure_line (PangoContext *context, const RoneoStyle *style, Line *line)
{
  g_autoptr (PangoLayout) layout
      = roneo_text_layout_new (context, line->rich, style, STACK_REFERENCE, NULL);
  pango_layout_get_extents (layout, &line->ink, NULL);
  line->descends = descends (layout, &line->ink, STACK_REFERENCE);
}

/* The ink gap between line upper, at size upper_size, and the next line at
 * lower_size, pt. */
static double
gap_below (gboolean upper_descends, double upper_size, double lower_size)
{
  return (upper_descends ? STACK_GAP_BELOW : STACK_GAP) * MIN (upper_size, lower_size);
}

/* The lines rich breaks into at chosen (taking chosen), measured at the
 * reference size. */
static Stack *
stack_new (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
           const GArray *breaks, GArray *chosen)
{
  Stack *stack = g_new0 (Stack, 1);
  stack->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (stack->lines, line_clear);
  stack->chosen = chosen;
  gsize start = 0;
  for (guint i = 0; i <= chosen->len; i++)
    {
      const RoneoPhraseBreak *br
          = i < chosen->len
                ? &g_array_index (breaks, RoneoPhraseBreak, g_array_index (chosen, guint, i))
                : NULL;
      Line line = { rich_slice (rich, start, br ? br->end : rich->text->len), { 0 }, FALSE, 0 };
      measure_line (context, style, &line);
      g_array_append_val (stack->lines, line);
      stack->cost += br ? br->penalty + (br->never ? STACK_NEVER_COST : 0) : 0;
      start = br ? br->start : rich->text->len;
    }
  return stack;
}

static Line *
line_at (const Stack *stack, guint i)
{
  return &g_array_index (stack->lines, Line, i);
}

/* The stack's height, pt, at its lines' sizes: their ink and the gaps. */
static double
stack_height (const Stack *stack)
{
  double height = 0;
  for (guint i = 0; i < stack->lines->len; i++)
    {
      const Line *line = line_at (stack, i);
      height += pango_units_to_double (line->ink.height) * line->size / STACK_REFERENCE;
      if (i + 1 < stack->lines->len)
        height += gap_below (line->descends, line->size, line_at (stack, i + 1)->size);
    }
  return height;
}

/* Sizes each line to fill width, the ratio kept, the whole scaled down
 * into height; FALSE when a line is empty or ends below min_size. */
static gboolean
stack_size (Stack *stack, double width, double height, double min_size)
{
  double smallest = G_MAXDOUBLE;
  for (guint i = 0; i < stack->lines->len; i++)
    {
      Line *line = line_at (stack, i);
      if (line->ink.width <= 0)
        return FALSE;
      line->size = STACK_REFERENCE * width / pango_units_to_double (line->ink.width);
      smallest = MIN (smallest, line->size);
    }
  for (guint i = 0; i < stack->lines->len; i++)
    line_at (stack, i)->size = MIN (line_at (stack, i)->size, smallest * STACK_MAX_RATIO);
  double scale = MIN (1, height / stack_height (stack));
  stack->area = 0;
  for (guint i = 0; i < stack->lines->len; i++)
    {
      Line *line = line_at (stack, i);
      /* Whole Pango units, rounded down: never a hair past the measure. */
      line->size = floor (line->size * scale * PANGO_SCALE) / PANGO_SCALE;
      double k = line->size / STACK_REFERENCE;
      stack->area += pango_units_to_double (line->ink.width) * k
                     * pango_units_to_double (line->ink.height) * k;
    }
  return smallest * scale >= min_size;
}

/* The best of stacks: the most ink area; between those within tie (a
 * share) of it the phrasing of least penalty, then the larger area.
 * Borrowed. */
static Stack *
best_stack (GPtrArray *stacks, double tie)
{
  double most = 0;
  for (guint i = 0; i < stacks->len; i++)
    most = MAX (most, ((Stack *) g_ptr_array_index (stacks, i))->area);
  Stack *best = NULL;
  for (guint i = 0; i < stacks->len; i++)
    {
      Stack *stack = g_ptr_array_index (stacks, i);
      if (stack->area < most * (1 - tie))
        continue;
      if (best == NULL || stack->cost < best->cost
          || (stack->cost == best->cost && stack->area > best->area))
        best = stack;
    }
  return best;
}

typedef struct
{
  PangoContext *context;
  const RoneoRichText *rich;
  const RoneoStyle *style;
  GArray *breaks;       /* borrowed: RoneoPhraseBreak */
  PangoLayout *measure; /* borrowed: the text unwrapped at the reference size */
} Stacker;

/* The stacks of every line count the phrase breaks allow (strict: none of
 * the forbidden ones) that keep their lines at min-size. Owned. */
static GPtrArray *
candidate_stacks (const Stacker *s, gboolean strict, double width, double height)
{
  GPtrArray *stacks = g_ptr_array_new_with_free_func ((GDestroyNotify) stack_free);
  guint most = s->style->max_lines > 0 ? s->style->max_lines : STACK_MAX_LINES;
  PangoRectangle whole;
  pango_layout_get_extents (s->measure, NULL, &whole);
  for (guint lines = 1; lines <= most; lines++)
    {
      GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));
      /* The lines may be any width: each is then sized to the measure. */
      if (!roneo_phrase_choose (s->breaks, s->rich->text->len, lines, whole.width + 1.0, strict,
                                roneo_fit_measure_line, s->measure, chosen))
        {
          g_array_unref (chosen);
          continue;
        }
      Stack *stack = stack_new (s->context, s->rich, s->style, s->breaks, chosen);
      if (stack_size (stack, width, height, s->style->min_size))
        g_ptr_array_add (stacks, stack);
      else
        stack_free (stack);
    }
  return stacks;
}

/* The x of a line's origin in the measure, its ink aligned per the style. */
static double
aligned_x (const RoneoStyle *style, const PangoRectangle *ink, double width)
{
  double left = pango_units_to_double (ink->x), inked = pango_units_to_double (ink->width);
  if (style->align == RONEO_ALIGN_CENTER)
    return (width - inked) / 2 - left;
  if (style->align == RONEO_ALIGN_RIGHT)
    return width - inked - left;
  return -left;
}

/* line set for real at its size, brought back inside width if the real
 * glyphs came out a hair wider than the scaled measure. Owned. */
static PangoLayout *
set_line (const Stacker *s, Line *line, double width, PangoRectangle *ink)
{
  PangoLayout *layout = NULL;
  for (guint i = 0; i < STACK_SETTLE; i++)
    {
      g_clear_object (&layout);
      layout = roneo_text_layout_new (s->context, line->rich, s->style, line->size, NULL);
      pango_layout_get_extents (layout, ink, NULL);
      if (pango_units_to_double (ink->width) <= width)
        break;
      line->size = floor (line->size * width / pango_units_to_double (ink->width) * PANGO_SCALE - 1)
                   / PANGO_SCALE;
    }
  return layout;
}

static void
stack_line_clear (gpointer data)
{
  g_clear_object (&((RoneoFitLine *) data)->layout);
}

/* Sets stack into fit: one layout per line, each line's ink a gap of the
 * smaller size below the ink of the line above (gap_below). */
static void
stack_set (const Stacker *s, Stack *stack, double width, RoneoFit *fit)
{
  fit->stack = g_array_new (FALSE, TRUE, sizeof (RoneoFitLine));
  g_array_set_clear_func (fit->stack, stack_line_clear);
  double y = 0, right = 0, smallest = G_MAXDOUBLE;
  for (guint i = 0; i < stack->lines->len; i++)
    {
      Line *line = line_at (stack, i);
      PangoRectangle ink;
      RoneoFitLine set = { set_line (s, line, width, &ink), line->size, 0, 0 };
      if (i > 0)
        {
          const Line *above = line_at (stack, i - 1);
          y += gap_below (above->descends, above->size, line->size);
        }
      set.x = aligned_x (s->style, &ink, width);
      set.y = y - pango_units_to_double (ink.y);
      y += pango_units_to_double (ink.height);
      right = MAX (right, set.x + pango_units_to_double (ink.x + ink.width));
      smallest = MIN (smallest, line->size);
      g_array_append_val (fit->stack, set);
    }
  g_autoptr (RoneoRichText) broken = roneo_fit_rich_broken_at (s->rich, s->breaks, stack->chosen);
  fit->layout = roneo_text_layout_new (s->context, broken, s->style, smallest, NULL);
  fit->size = smallest;
  fit->width = width;
  fit->lines = (int) stack->lines->len;
  fit->ink = (PangoRectangle){ 0, 0, pango_units_from_double (right), pango_units_from_double (y) };
  fit->fits = TRUE;
}

gboolean
roneo_fit_stack (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                 const char *lang, double max_width, double max_height, RoneoFit *fit)
{
  g_autoptr (GArray) breaks = roneo_phrase_breaks (rich->text->str, lang);
  g_autoptr (PangoLayout) measure
      = roneo_text_layout_new (context, rich, style, STACK_REFERENCE, NULL);
  Stacker s = { context, rich, style, breaks, measure };
  g_autoptr (GPtrArray) stacks = candidate_stacks (&s, TRUE, max_width, max_height);
  /* As for one size (roneo-fit.c): the forbidden breaks only when no stack
   * keeps its lines at min-size without them, the least bad of them then.
   * A slogan whose every break is forbidden ("ON SE BAT PARCE QUE C'EST
   * JUSTE": each ends on a short word or splits "PARCE QUE") stays on one
   * line. */
  double tie = STACK_TIE;
  if (stacks->len == 0)
    {
      g_ptr_array_unref (stacks);
      stacks = candidate_stacks (&s, FALSE, max_width, max_height);
      tie = 1;
    }
  Stack *best = best_stack (stacks, tie);
  if (best == NULL)
    return FALSE;
  stack_set (&s, best, max_width, fit);
  return TRUE;
}
