/* roneo-linebreak.c: shaping a paragraph and choosing its line breaks.
 *
 * The widths come from one Pango shaping (RoneoShaping), scaled to the size
 * tried; the breaks from a total-fit pass over the break opportunities.
 * Setting the chosen lines is roneo-lineset.c.
 */
#include "roneo-linebreak.h"

#include "roneo-text-layout.h"

#include <string.h>

#define STRETCH_PER_SPACE 0.5 /* a space grows by half its width at badness 100 */
#define SHRINK_PER_SPACE 0.25 /* and shrinks by a quarter at most */
#define RAGGED_SLACK 0.3      /* a ragged line 30 % short has badness 100 */
#define MAX_BADNESS 10000.0
#define HYPHEN_PENALTY 50.0
#define DOUBLE_HYPHEN_DEMERITS 3000.0
#define RUNT_DEMERITS 20000.0  /* one word alone on the last line */
#define EMERGENCY_DEMERITS 1e8 /* a break inside a word without a hyphen */
#define MAX_HYPHEN_RUN 2       /* TYPOGRAPHY.md: at most 2 hyphenated lines in a row */
#define LONG_RUN_DEMERITS 1e7  /* a third one only when nothing else can be done */
#define EPSILON 0.01
#define SOFT_HYPHEN "\u00ad"

typedef struct
{
  guint end;  /* content end of the line that breaks here */
  guint next; /* start of the line after */
  gboolean hyphen;
  gboolean forced;
  gboolean emergency;
} Candidate;

struct _RoneoShaping
{
  double size; /* pt it was shaped at */
  gsize len;
  double *advance; /* advance[i]: width of all clusters before byte i; len + 1 entries */
  guint *spaces;   /* spaces[i]: stretchable spaces before byte i */
  double space_width;
  double hyphen_width;
};

typedef struct
{
  const char *text;
  gsize len;
  const RoneoShaping *shaping; /* widths at shaping->size */
  double scale;                /* from shaping->size to the size set */
  double space_width;
  double hyphen_width;
  double measure;
  gboolean justify;
  GArray *candidates; /* Candidate */
} Breaker;

typedef struct
{
  double cost;
  int from;
  int from_run;
} Node;

/* The spaces justification stretches; roneo-lineset.c has the same test. */
static gboolean
is_stretchable (gunichar c)
{
  return c == ' ' || c == 0x00A0;
}

static gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t';
}

void
roneo_line_set_normalize_text (RoneoRichText *rich)
{
  for (gsize i = 0; i < rich->text->len;)
    {
      gsize run = i;
      gboolean tab = FALSE;
      while (run < rich->text->len && is_blank_byte (rich->text->str[run]))
        tab |= rich->text->str[run++] == '\t';
      if (tab)
        roneo_rich_text_replace (rich, i, run, i == 0 ? "" : " ");
      i = tab ? i + (i > 0) : MAX (run, i + 1);
    }
}

/* The length of the forced break at p (a line or paragraph separator that
 * Pango starts a new line at: LF, CR, CR LF, U+2028, U+2029), or 0.
 * roneo-lineset.c counts lines with the same test. */
static gsize
forced_break_length (const char *p)
{
  if (p[0] == '\r')
    return p[1] == '\n' ? 2 : 1;
  gunichar c = g_utf8_get_char (p);
  return c == '\n' || c == 0x2028 || c == 0x2029 ? g_utf8_next_char (p) - p : 0;
}

static double
plain_width (PangoContext *context, const char *text, const RoneoStyle *style, double size)
{
  g_autoptr (PangoLayout) layout = roneo_text_layout_new_plain (context, text, style, size);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

RoneoShaping *
roneo_shaping_new (PangoContext *context, const RoneoRichText *rich, const RoneoStyle *style,
                   double size)
{
  RoneoShaping *shaping = g_new0 (RoneoShaping, 1);
  const char *text = rich->text->str;
  shaping->size = size;
  shaping->len = rich->text->len;
  shaping->space_width = plain_width (context, " ", style, size);
  shaping->hyphen_width = plain_width (context, "-", style, size);
  g_autofree double *width_at = g_new0 (double, shaping->len + 1);
  g_autoptr (PangoLayout) layout = roneo_text_layout_new (context, rich, style, size, NULL);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_cluster_extents (iter, NULL, &logical);
      int index = pango_layout_iter_get_index (iter);
      if (index >= 0 && (gsize) index < shaping->len)
        width_at[index] += pango_units_to_double (logical.width);
    }
  while (pango_layout_iter_next_cluster (iter));
  pango_layout_iter_free (iter);
  shaping->advance = g_new0 (double, shaping->len + 1);
  shaping->spaces = g_new0 (guint, shaping->len + 1);
  for (gsize i = 0; i < shaping->len; i++)
    {
      shaping->advance[i + 1] = shaping->advance[i] + width_at[i];
      gboolean lead = ((guchar) text[i] & 0xC0) != 0x80;
      shaping->spaces[i + 1]
          = shaping->spaces[i] + (lead && is_stretchable (g_utf8_get_char (text + i)));
    }
  return shaping;
}

void
roneo_shaping_free (RoneoShaping *shaping)
{
  if (shaping == NULL)
    return;
  g_free (shaping->advance);
  g_free (shaping->spaces);
  g_free (shaping);
}

static double
advance_at (const Breaker *b, gsize i)
{
  return b->shaping->advance[i] * b->scale;
}

static guint
spaces_at (const Breaker *b, gsize i)
{
  return b->shaping->spaces[i];
}

static void
add_candidate (GArray *candidates, guint end, guint next, gboolean hyphen, gboolean forced)
{
  Candidate candidate = { end, next, hyphen, forced, FALSE };
  g_array_append_val (candidates, candidate);
}

static gboolean
is_word_char_at (const Breaker *b, gssize i)
{
  return i >= 0 && (gsize) i < b->len && g_unichar_isalnum (g_utf8_get_char (b->text + i));
}

/* The break opportunities: after spaces, at soft hyphens, after a hyphen
 * inside a compound word, and the forced breaks. */
static void
collect_candidates (Breaker *b)
{
  GArray *candidates = b->candidates;
  add_candidate (candidates, 0, 0, FALSE, FALSE);
  gsize i = 0;
  while (i < b->len)
    {
      gunichar c = g_utf8_get_char (b->text + i);
      gsize n = g_utf8_next_char (b->text + i) - (b->text + i);
      if (c == ' ')
        {
          gsize j = i;
          while (j < b->len && b->text[j] == ' ')
            j++;
          if (j < b->len && i > 0)
            add_candidate (candidates, i, j, FALSE, FALSE);
          i = j;
          continue;
        }
      gsize forced = forced_break_length (b->text + i);
      if (forced > 0)
        {
          add_candidate (candidates, i, i + forced, FALSE, TRUE);
          i += forced;
          continue;
        }
      if (c == 0x00AD)
        add_candidate (candidates, i + n, i + n, TRUE, FALSE);
      else if ((c == '-' || c == 0x2010) && i > 0
               && is_word_char_at (b, g_utf8_prev_char (b->text + i) - b->text)
               && is_word_char_at (b, i + n))
        add_candidate (candidates, i + n, i + n, FALSE, FALSE);
      i += n;
    }
  gsize end = b->len;
  while (end > 0 && b->text[end - 1] == ' ')
    end--;
  add_candidate (candidates, end, b->len, FALSE, TRUE);
}

static double
segment_width (const Breaker *b, guint start, const Candidate *to)
{
  return advance_at (b, to->end) - advance_at (b, start) + (to->hyphen ? b->hyphen_width : 0);
}

/* A word wider than the measure gets a break opportunity between every two
 * characters, so no text ever sticks out (the caller warns). */
static gboolean
add_emergency_breaks (Breaker *b)
{
  GArray *old = b->candidates;
  gboolean added = FALSE;
  b->candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_append_val (b->candidates, g_array_index (old, Candidate, 0));
  for (guint k = 1; k < old->len; k++)
    {
      const Candidate *prev = &g_array_index (old, Candidate, k - 1);
      const Candidate *cand = &g_array_index (old, Candidate, k);
      if (segment_width (b, prev->next, cand) > b->measure + EPSILON)
        for (const char *p = g_utf8_next_char (b->text + prev->next); p < b->text + cand->end;
             p = g_utf8_next_char (p))
          {
            Candidate emergency = { p - b->text, p - b->text, FALSE, FALSE, TRUE };
            g_array_append_val (b->candidates, emergency);
            added = TRUE;
          }
      g_array_append_val (b->candidates, *cand);
    }
  g_array_unref (old);
  return added;
}

/* A word (between spaces) wider than the measure must be cut somewhere;
 * the caller tells the user. */
static gboolean
has_overwide_word (const Breaker *b)
{
  guint start = 0;
  for (guint k = 1; k < b->candidates->len; k++)
    {
      const Candidate *cand = &g_array_index (b->candidates, Candidate, k);
      if (cand->hyphen || cand->emergency)
        continue;
      Candidate plain = *cand;
      if (segment_width (b, start, &plain) > b->measure + EPSILON)
        return TRUE;
      start = cand->next;
    }
  return FALSE;
}

static double
cube (double x)
{
  return x * x * x;
}

/* Badness of a line of natural width and n stretchable spaces, or < 0 when
 * it cannot be set. */
static double
line_badness (const Breaker *b, double width, guint n, gboolean last)
{
  double slack = b->measure - width;
  if (!b->justify || last)
    {
      if (slack < -EPSILON
          && !(b->justify && n > 0 && -slack <= n * SHRINK_PER_SPACE * b->space_width))
        return -1;
      if (last || slack <= 0)
        return 0;
      return MIN (MAX_BADNESS, 100 * cube (slack / (RAGGED_SLACK * b->measure)));
    }
  if (slack >= 0)
    return n == 0
               ? MAX_BADNESS / 2
               : MIN (MAX_BADNESS, 100 * cube (slack / (n * STRETCH_PER_SPACE * b->space_width)));
  if (n == 0 || -slack > n * SHRINK_PER_SPACE * b->space_width + EPSILON)
    return -1;
  return 100 * cube (-slack / (n * SHRINK_PER_SPACE * b->space_width));
}

/* Demerits of the line from candidate i to k, but for the run of
 * hyphenated lines before it (see relax). */
static double
line_demerits (const Breaker *b, guint i, guint k, double badness)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  double demerits = (10 + badness) * (10 + badness);
  if (to->hyphen)
    demerits += HYPHEN_PENALTY * HYPHEN_PENALTY;
  if (to->emergency)
    demerits += EMERGENCY_DEMERITS;
  const Candidate *from = &g_array_index (b->candidates, Candidate, i);
  gboolean final = k + 1 == b->candidates->len;
  if (final && i > 0 && spaces_at (b, to->end) == spaces_at (b, from->next))
    demerits += RUNT_DEMERITS;
  return demerits;
}

static void
relax (const Breaker *b, Node *nodes, guint i, guint k, double badness)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  double demerits = line_demerits (b, i, k, badness);
  for (int run = 0; run <= MAX_HYPHEN_RUN; run++)
    {
      const Node *from = &nodes[i * (MAX_HYPHEN_RUN + 1) + run];
      if (from->cost >= G_MAXDOUBLE)
        continue;
      int next_run = to->hyphen ? run + 1 : 0;
      double cost = from->cost + demerits + (to->hyphen && run > 0 ? DOUBLE_HYPHEN_DEMERITS : 0);
      if (next_run > MAX_HYPHEN_RUN)
        {
          cost += LONG_RUN_DEMERITS;
          next_run = MAX_HYPHEN_RUN;
        }
      Node *node = &nodes[k * (MAX_HYPHEN_RUN + 1) + next_run];
      if (cost < node->cost)
        *node = (Node){ cost, (int) i, run };
    }
}

/* Lines ending at candidate k: every start i back to the last forced break,
 * while the line can still be set (widths only grow going back). */
static void
relax_candidate (const Breaker *b, Node *nodes, guint k)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  for (int i = (int) k - 1; i >= 0; i--)
    {
      const Candidate *from = &g_array_index (b->candidates, Candidate, i);
      double width = segment_width (b, from->next, to);
      guint n = spaces_at (b, to->end) - spaces_at (b, from->next);
      double badness = line_badness (b, width, n, to->forced);
      if (badness < 0 && i < (int) k - 1)
        break;
      relax (b, nodes, i, k, badness < 0 ? MAX_BADNESS * 10 : badness);
      if (from->forced)
        break;
    }
}

static GArray *
best_breaks (const Breaker *b)
{
  guint count = b->candidates->len;
  g_autofree Node *nodes = g_new (Node, count * (MAX_HYPHEN_RUN + 1));
  for (guint i = 0; i < count * (MAX_HYPHEN_RUN + 1); i++)
    nodes[i] = (Node){ G_MAXDOUBLE, -1, 0 };
  nodes[0].cost = 0;
  for (guint k = 1; k < count; k++)
    relax_candidate (b, nodes, k);
  int best_run = 0;
  for (int run = 1; run <= MAX_HYPHEN_RUN; run++)
    if (nodes[(count - 1) * (MAX_HYPHEN_RUN + 1) + run].cost
        < nodes[(count - 1) * (MAX_HYPHEN_RUN + 1) + best_run].cost)
      best_run = run;
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int k = (int) count - 1, run = best_run; k > 0;)
    {
      g_array_prepend_val (path, k);
      const Node *node = &nodes[k * (MAX_HYPHEN_RUN + 1) + run];
      k = node->from;
      run = node->from_run;
    }
  return path;
}

static RoneoLine
make_line (const Breaker *b, guint i, guint k)
{
  const Candidate *from = &g_array_index (b->candidates, Candidate, i);
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  RoneoLine line = {
    .start = from->next,
    .end = to->end,
    .next = to->next,
    .hyphen = to->hyphen,
    .last = to->forced,
    .natural = segment_width (b, from->next, to),
    .spaces = spaces_at (b, to->end) - spaces_at (b, from->next),
  };
  double slack = b->measure - line.natural;
  if (b->justify && line.spaces > 0 && (!line.last || slack < 0))
    line.extra = slack / line.spaces;
  return line;
}

RoneoLineSet *
roneo_line_set_break (PangoContext *context, RoneoRichText *rich, const RoneoStyle *style,
                      double size, double measure, gboolean justify, const RoneoShaping *shaping)
{
  g_autoptr (RoneoShaping) own = NULL;
  if (shaping == NULL)
    shaping = own = roneo_shaping_new (context, rich, style, size);
  g_return_val_if_fail (shaping->len == rich->text->len, NULL);
  RoneoLineSet *set = g_new0 (RoneoLineSet, 1);
  set->rich = rich;
  set->style = style;
  set->size = size;
  set->measure = measure;
  set->justify = justify;
  set->lines = g_array_new (FALSE, TRUE, sizeof (RoneoLine));
  double scale = size / shaping->size;
  Breaker b = { rich->text->str, rich->text->len, shaping, scale };
  b.space_width = shaping->space_width * scale;
  b.hyphen_width = shaping->hyphen_width * scale;
  b.measure = measure;
  b.justify = justify;
  b.candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  collect_candidates (&b);
  add_emergency_breaks (&b);
  set->broke_word = has_overwide_word (&b);
  g_autoptr (GArray) path = best_breaks (&b);
  guint from = 0;
  for (guint j = 0; j < path->len; j++)
    {
      guint to = g_array_index (path, guint, j);
      RoneoLine line = make_line (&b, from, to);
      g_array_append_val (set->lines, line);
      from = to;
    }
  g_array_unref (b.candidates);
  return set;
}

void
roneo_line_set_free (RoneoLineSet *set)
{
  if (set == NULL)
    return;
  roneo_rich_text_free (set->rich);
  g_array_unref (set->lines);
  g_free (set);
}

double
roneo_line_set_get_pitch (const RoneoLineSet *set)
{
  return set->size * set->style->leading;
}
