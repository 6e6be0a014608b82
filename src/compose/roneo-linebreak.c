/* roneo-linebreak.c: shaping a paragraph and choosing its line breaks.
 *
 * The widths come from one Pango shaping (RoneoShaping), scaled to the size
 * tried; the breaks from a total-fit pass over the break opportunities.
 * Setting the chosen lines is roneo-lineset.c.
 */
#include "roneo-linebreak.h"

#include "roneo-text-layout.h"

#include <math.h>
#include <string.h>

/* The word space as glue, after TeX's values for Linux Libertine (0.25 em
 * plus 0.125 minus 0.083): it may grow by half and shrink by a third. */
#define STRETCH_PER_SPACE 0.5
#define SHRINK_PER_SPACE (1.0 / 3.0)
/* Ragged text, after TeX's \raggedright (\rightskip 0pt plus 2em): a line
 * RAGGED_ZONE em short of the measure has badness 100, so no line is left
 * much shorter than first fit would set it (a zone of 3 em spared hyphens
 * but left lines shorter and more ragged than first fit's). The difference
 * in length with the line before is priced too, as much as a line of
 * badness 90 for a step as long as the zone, growing with its square: no
 * stair-steps, no line short between two long ones. */
#define RAGGED_ZONE 2.0
#define RAGGED_STEP_DEMERITS 10000.0
/* A widow word under ragged text is pulled up or pushed down to a longer
 * last line where no line is then more than this short (em): a line a
 * little short is seen less in a ragged column than a word alone. */
#define RAGGED_WIDOW_SHORT 3.5
#define MAX_BADNESS 10000.0
/* TeX's two passes: first without hyphens, every line within PRETOLERANCE;
 * only if that fails, with hyphens and TOLERANCE, lines past it allowed at
 * a price so that some breaks are always found. */
#define PRETOLERANCE 100.0
#define TOLERANCE 200.0
#define OVER_TOLERANCE_DEMERITS 1e6
#define LINE_PENALTY 10.0 /* TeX's \linepenalty: fewer lines are better */
#define HYPHEN_PENALTY 50.0
#define DOUBLE_HYPHEN_DEMERITS 10000.0 /* two hyphenated lines in a row */
#define FINAL_HYPHEN_DEMERITS 5000.0   /* the line before the last hyphenated */
#define ADJACENT_DEMERITS 10000.0      /* a loose line next to a tight one */
/* A hyphen with fewer than MIN_FRAGMENT letters on one side ("ré-", "in-"):
 * only where the line would otherwise be looser than the tolerance (it
 * costs less than OVER_TOLERANCE_DEMERITS, as TeX, which allows two, would
 * take it). */
#define MIN_FRAGMENT 3
#define FRAGMENT_DEMERITS 3e5
/* One short word alone on the last line (a widow word, WIDOW_WORD) is
 * avoided at almost any price within the tolerance; a longer word alone only
 * where that costs little (a line of badness 30 costs 1500 more than a
 * perfect one): it is no fault worth visibly loosening the lines above for,
 * and TeX, which the spaces are measured against, makes no such trade. */
#define RUNT_DEMERITS 20000.0
#define LONE_WORD_DEMERITS 1500.0
#define SHORT_LAST_DEMERITS 2000.0 /* a last line shorter than SHORT_LAST of the measure */
#define SHORT_LAST 0.125
#define EMERGENCY_DEMERITS 1e8 /* a break inside a word without a hyphen */
#define MAX_HYPHEN_RUN 2       /* TYPOGRAPHY.md: at most 2 hyphenated lines in a row */
#define LONG_RUN_DEMERITS 1e7  /* a third one only when nothing else can be done */
#define EPSILON 0.01
/* Glyph expansion moves in steps this fine, as microtype's default with
 * LuaTeX (step = 1, 0.1 %), which the spaces are measured against: in
 * 0.5 % steps a line could end a few thousandths of an em looser than the
 * glyphs allowed. No neighbouring lines differ visibly by 0.1 %. */
#define EXPANSION_STEP 0.001
#define SOFT_HYPHEN "\u00ad"
/* A widow word: a paragraph's last line of one word shorter than this much
 * of the measure. Looseness pulls it up or pushes a word down to it where
 * no line then gets looser than WIDOW_TOLERANCE or the loosest line
 * already there: a space 0.35 em wide at most, about what TeX sets. */
#define WIDOW_WORD 0.2
#define WIDOW_TOLERANCE 50.0

typedef struct
{
  guint end;  /* content end of the line that breaks here */
  guint next; /* start of the line after */
  gboolean hyphen;
  gboolean forced;
  gboolean emergency;
  gboolean banned; /* a soft hyphen in a proper name or a word in capitals */
  double demerits; /* a hyphen leaving a short fragment */
} Candidate;

/* A breaking already made from a shaping: the composer's draft runs break
 * the same block at the same size and measure again and again (a page cut
 * tried, a size tried twice), and the total fit is the dearest part of it. */
typedef struct
{
  double size, measure;
  gboolean justify;
  RoneoBreaker breaker;
  double expansion;
  GArray *lines; /* RoneoLine, owned */
  gboolean broke_word;
} Breaking;

#define BREAKINGS_KEPT 8

struct _RoneoShaping
{
  Breaking kept[BREAKINGS_KEPT]; /* the last breakings, oldest overwritten */
  guint next_kept;
  double size; /* pt it was shaped at */
  gsize len;
  double *advance; /* advance[i]: width of all clusters before byte i; len + 1 entries */
  guint *spaces;   /* spaces[i]: stretchable spaces before byte i */
  double space_width;
  double hyphen_width;
  gboolean right_to_left; /* the paragraph's direction, as Pango resolved it */
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
  double em; /* the size set, pt */
  gboolean justify;
  double expansion;   /* style->expansion: the glyphs of a justified line give as much */
  GArray *candidates; /* Candidate */
  /* the pass: */
  gboolean hyphens;  /* hyphen and emergency breaks may be taken */
  double tolerance;  /* worst badness of a line */
  gboolean strict;   /* lines past the tolerance are not taken at all */
  gboolean no_widow; /* a widow word is priced out, not just dear */
} Breaker;

/* TeX's fitness classes: a line's tightness, compared with its neighbours'. */
enum
{
  FIT_VERY_LOOSE,
  FIT_LOOSE,
  FIT_DECENT,
  FIT_TIGHT,
  FIT_COUNT
};

#define STATES ((MAX_HYPHEN_RUN + 1) * FIT_COUNT)

typedef struct
{
  double cost;
  int from;       /* candidate the line before ends at */
  int from_state; /* and its state: hyphen run * FIT_COUNT + fitness */
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
  shaping->right_to_left
      = pango_layout_get_line_readonly (layout, 0)->resolved_dir == PANGO_DIRECTION_RTL;
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
  for (guint i = 0; i < BREAKINGS_KEPT; i++)
    g_clear_pointer (&shaping->kept[i].lines, g_array_unref);
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
  Candidate candidate = { end, next, hyphen, forced, FALSE, FALSE, 0 };
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

/* Letters of the word fragment before byte end (back = TRUE) or from it,
 * soft hyphens skipped; *first: the fragment's first letter going back. */
static guint
fragment_letters (const Breaker *b, gsize at, gboolean back, gunichar *first)
{
  guint letters = 0;
  const char *p = b->text + at;
  while (back ? p > b->text : p < b->text + b->len)
    {
      const char *q = back ? g_utf8_prev_char (p) : p;
      gunichar c = g_utf8_get_char (q);
      if (c != 0x00AD && !g_unichar_isalpha (c))
        break;
      if (c != 0x00AD)
        {
          letters++;
          *first = c;
        }
      p = back ? q : g_utf8_next_char (q);
    }
  return letters;
}

/* TYPOGRAPHY.md: no hyphen in a word that starts with a capital (a proper
 * name, a word in capitals), and three letters either side unless nothing
 * else fits. The soft hyphens come from the patterns, which allow two. */
static void
judge_hyphens (Breaker *b)
{
  for (guint k = 0; k < b->candidates->len; k++)
    {
      Candidate *cand = &g_array_index (b->candidates, Candidate, k);
      if (!cand->hyphen)
        continue;
      gunichar first = 0, unused = 0;
      gsize shy = cand->end - strlen (SOFT_HYPHEN);
      guint before = fragment_letters (b, shy, TRUE, &first);
      guint after = fragment_letters (b, cand->end, FALSE, &unused);
      cand->banned = g_unichar_isupper (first);
      if (before < MIN_FRAGMENT || after < MIN_FRAGMENT)
        cand->demerits = FRAGMENT_DEMERITS;
    }
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
            Candidate emergency = { p - b->text, p - b->text, FALSE, FALSE, TRUE, FALSE, 0 };
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

/* Whether text [start, end) is one word: no space to break at. A no-break
 * space binds ("zone !", "2 milliards") as the breaker does. */
static gboolean
is_one_word (const char *text, guint start, guint end)
{
  return memchr (text + start, ' ', end - start) == NULL;
}

/* The rag zone, pt. */
static double
rag_zone (const Breaker *b)
{
  return RAGGED_ZONE * b->em;
}

static double
cube (double x)
{
  return x * x * x;
}

/* What the glyphs of a justified line of natural width and n stretchable
 * spaces may give with expansion (the width that is not spaces), pt. As
 * pdfTeX counts font expansion, the glyphs take the slack first and the
 * badness is that of the spaces, set to what is left. */
static double
glyph_give (const Breaker *b, double width, guint n)
{
  return b->expansion * MAX (0.0, width - n * b->space_width);
}

/* TeX caps badness at 10000, which makes every line past it equal: two
 * words spread across the measure would cost no more than five spaces
 * stretched to twice their width, and the breaker would pick either
 * ("Écrivez-nous à" alone before an address too long to share its line).
 * Past the cap, the emptier line is the worse, up to twice the cap (a
 * line too wide to be set costs ten times). */
static double
underfull (const Breaker *b, double badness, double rest)
{
  return badness <= MAX_BADNESS ? badness : MAX_BADNESS * (1 + MIN (1.0, rest / b->measure));
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
      return MIN (MAX_BADNESS, 100 * cube (slack / rag_zone (b)));
    }
  /* One word and no space to stretch: set flush left, the rest of the
   * measure empty, as bad as a line can be while it fits. */
  if (n == 0)
    return slack < 0 ? -1 : slack <= EPSILON ? 0 : underfull (b, MAX_BADNESS + 1, slack);
  double rest = MAX (0.0, fabs (slack) - glyph_give (b, width, n));
  if (slack >= 0)
    return underfull (b, 100 * cube (rest / (n * STRETCH_PER_SPACE * b->space_width)), rest);
  if (rest > n * SHRINK_PER_SPACE * b->space_width + EPSILON)
    return -1;
  return 100 * cube (rest / (n * SHRINK_PER_SPACE * b->space_width));
}

/* The fitness class of a line of that badness: stretched or shrunk. */
static int
fitness (const Breaker *b, double width, double badness)
{
  if (b->measure - width < 0)
    return badness > 12 ? FIT_TIGHT : FIT_DECENT;
  if (badness > 99)
    return FIT_VERY_LOOSE;
  return badness > 12 ? FIT_LOOSE : FIT_DECENT;
}

/* Demerits of the line from candidate i to k, but for what depends on the
 * line before it (see relax). */
static double
line_demerits (const Breaker *b, guint i, guint k, double width, double badness)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  double demerits = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
  if (badness > b->tolerance)
    demerits += OVER_TOLERANCE_DEMERITS;
  if (to->hyphen)
    demerits += HYPHEN_PENALTY * HYPHEN_PENALTY + to->demerits;
  if (to->emergency)
    demerits += EMERGENCY_DEMERITS;
  const Candidate *from = &g_array_index (b->candidates, Candidate, i);
  gboolean final = k + 1 == b->candidates->len;
  if (final && i > 0 && is_one_word (b->text, from->next, to->end))
    demerits += width >= WIDOW_WORD * b->measure ? LONE_WORD_DEMERITS
                : b->no_widow                    ? EMERGENCY_DEMERITS
                                                 : RUNT_DEMERITS;
  else if (final && i > 0 && width < SHORT_LAST * b->measure)
    demerits += SHORT_LAST_DEMERITS;
  return demerits;
}

/* The line from candidate i to k, from the states of i (from_nodes) to
 * those of k (to_nodes). */
static void
relax (const Breaker *b, const Node *from_nodes, Node *to_nodes, guint i, guint k, double width,
       double badness)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  double demerits = line_demerits (b, i, k, width, badness);
  int fit = to->forced ? FIT_DECENT : fitness (b, width, badness);
  gboolean final = k + 1 == b->candidates->len;
  for (int state = 0; state < STATES; state++)
    {
      const Node *from = &from_nodes[state];
      if (from->cost >= G_MAXDOUBLE)
        continue;
      int run = state / FIT_COUNT, from_fit = state % FIT_COUNT;
      int next_run = to->hyphen ? run + 1 : 0;
      double cost = from->cost + demerits;
      if (to->hyphen && run > 0)
        cost += DOUBLE_HYPHEN_DEMERITS;
      if (final && run > 0)
        cost += FINAL_HYPHEN_DEMERITS;
      if (ABS (fit - from_fit) > 1)
        cost += ADJACENT_DEMERITS;
      if (next_run > MAX_HYPHEN_RUN)
        {
          cost += LONG_RUN_DEMERITS;
          next_run = MAX_HYPHEN_RUN;
        }
      Node *node = &to_nodes[next_run * FIT_COUNT + fit];
      if (cost < node->cost)
        *node = (Node){ cost, (int) i, state };
    }
}

/* A break this pass does not take. */
static gboolean
is_skipped (const Breaker *b, const Candidate *cand)
{
  return cand->banned || (!b->hyphens && (cand->hyphen || cand->emergency));
}

/* The nodes are one layer per candidate, or, counting lines (looseness),
 * layers per candidate: the states of candidate k reached in l lines. */
static Node *
node_at (Node *nodes, guint layers, guint k, guint l)
{
  return &nodes[(k * layers + l) * STATES];
}

/* The line from i to k, from each layer of i to the next one of k (or
 * within the one layer when lines are not counted). */
static void
relax_layers (const Breaker *b, Node *nodes, guint layers, guint i, guint k, double width,
              double badness)
{
  if (layers == 1)
    relax (b, node_at (nodes, 1, i, 0), node_at (nodes, 1, k, 0), i, k, width, badness);
  for (guint l = 0; l + 1 < layers; l++)
    relax (b, node_at (nodes, layers, i, l), node_at (nodes, layers, k, l + 1), i, k, width,
           badness);
}

/* What is done with each line a walk finds: from candidate i to k, its
 * natural width and badness (MAX_BADNESS * 10 for one that cannot be set). */
typedef void (*LineVisit) (const Breaker *b, guint i, guint k, double width, double badness,
                           gpointer data);

/* Lines ending at candidate k: every start i back to the last forced break
 * (or to lowest), while the line can still be set (widths only grow going
 * back), each given to visit. */
static void
lines_ending_at (const Breaker *b, guint lowest, guint k, LineVisit visit, gpointer data)
{
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  if (is_skipped (b, to))
    return;
  gboolean nearest = TRUE; /* the shortest line is kept even if it cannot be set */
  for (int i = (int) k - 1; i >= (int) lowest; i--)
    {
      const Candidate *from = &g_array_index (b->candidates, Candidate, i);
      if (is_skipped (b, from) && !from->forced && i > (int) lowest)
        continue;
      double width = segment_width (b, from->next, to);
      guint n = spaces_at (b, to->end) - spaces_at (b, from->next);
      double badness = line_badness (b, width, n, to->forced);
      gboolean settable = badness >= 0 && !(b->strict && badness > b->tolerance);
      if (!settable && badness < 0 && (b->strict || !nearest))
        break;
      nearest = FALSE;
      if (settable || !b->strict)
        visit (b, (guint) i, k, width, badness < 0 ? MAX_BADNESS * 10 : badness, data);
      if (from->forced)
        break;
    }
}

typedef struct
{
  Node *nodes;
  guint layers;
} Justified;

static void
visit_justified (const Breaker *b, guint i, guint k, double width, double badness, gpointer data)
{
  Justified *j = data;
  relax_layers (b, j->nodes, j->layers, i, k, width, badness);
}

/* Justified lines ending at candidate k, priced into nodes. */
static void
relax_candidate (const Breaker *b, Node *nodes, guint layers, guint lowest, guint k)
{
  Justified j = { nodes, layers };
  lines_ending_at (b, lowest, k, visit_justified, &j);
}

/* Ragged text prices each line against the one before it, which TeX's
 * nodes (one per fitness class and hyphen run) cannot know: a node here is
 * a line ending at a candidate reached from a given start, so the step is
 * exact. A line ends at a candidate from a few starts only (those that fit
 * the measure), so this stays small. */
typedef struct
{
  double cost;
  double width;  /* of the line ending here, pt; < 0 at the paragraph's start */
  int from;      /* candidate the line starts after */
  int from_node; /* its node there */
  int run;       /* hyphenated lines in a row, this one included */
  guint lines;   /* lines from the start (when counted) */
} RaggedNode;

/* The price of a step between two consecutive ragged lines. */
static double
step_demerits (const Breaker *b, double before, double width)
{
  double step = (width - before) / rag_zone (b);
  return RAGGED_STEP_DEMERITS * step * step;
}

/* The line from candidate i to k after each node of i, into the nodes of
 * k: one per start, hyphen run and line count. */
static void
ragged_edge (const Breaker *b, GArray **nodes, guint i, guint k, double width, double badness,
             guint wanted)
{
  const Candidate *from = &g_array_index (b->candidates, Candidate, i);
  const Candidate *to = &g_array_index (b->candidates, Candidate, k);
  double demerits = line_demerits (b, i, k, width, badness);
  gboolean final = k + 1 == b->candidates->len;
  GArray *at = nodes[k];
  guint first = at->len; /* the nodes of k that start after i */
  for (guint e = 0; e < nodes[i]->len; e++)
    {
      const RaggedNode *before = &g_array_index (nodes[i], RaggedNode, e);
      if (wanted > 0 && before->lines >= wanted)
        continue;
      double cost = before->cost + demerits;
      /* a paragraph's last line, or one ending at a forced break, is short
       * by nature: it is no step, nor the line after it */
      if (before->width >= 0 && !from->forced && !to->forced)
        cost += step_demerits (b, before->width, width);
      int run = to->hyphen ? before->run + 1 : 0;
      if (to->hyphen && before->run > 0)
        cost += DOUBLE_HYPHEN_DEMERITS;
      if (final && before->run > 0)
        cost += FINAL_HYPHEN_DEMERITS;
      if (run > MAX_HYPHEN_RUN)
        {
          cost += LONG_RUN_DEMERITS;
          run = MAX_HYPHEN_RUN;
        }
      guint lines = wanted > 0 ? before->lines + 1 : 0;
      RaggedNode node = { cost, width, (int) i, (int) e, run, lines };
      guint j = first;
      while (j < at->len
             && (g_array_index (at, RaggedNode, j).run != run
                 || g_array_index (at, RaggedNode, j).lines != lines))
        j++;
      if (j == at->len)
        g_array_append_val (at, node);
      else if (cost < g_array_index (at, RaggedNode, j).cost)
        g_array_index (at, RaggedNode, j) = node;
    }
}

typedef struct
{
  GArray **nodes;
  guint wanted;
} Ragged;

static void
visit_ragged (const Breaker *b, guint i, guint k, double width, double badness, gpointer data)
{
  Ragged *r = data;
  if (r->nodes[i]->len > 0)
    ragged_edge (b, r->nodes, i, k, width, badness, r->wanted);
}

/* Ragged lines ending at candidate k, from every start with a node, priced
 * against the line before each. */
static void
ragged_candidate (const Breaker *b, GArray **nodes, guint lowest, guint k, guint wanted)
{
  Ragged r = { nodes, wanted };
  lines_ending_at (b, lowest, k, visit_ragged, &r);
}

/* The best ragged path from candidate start to the paragraph's end, in
 * wanted lines (0: any number), or NULL if there is none; its demerits in
 * cost. */
static GArray *
ragged_breaks (const Breaker *b, guint start, guint wanted, double *cost)
{
  guint count = b->candidates->len;
  g_autofree GArray **nodes = g_new0 (GArray *, count);
  for (guint k = 0; k < count; k++)
    nodes[k] = g_array_new (FALSE, FALSE, sizeof (RaggedNode));
  RaggedNode origin = { 0, -1, -1, -1, 0, 0 };
  g_array_append_val (nodes[start], origin);
  for (guint k = start + 1; k < count; k++)
    ragged_candidate (b, nodes, start, k, wanted);
  const GArray *last = nodes[count - 1];
  int best = -1;
  for (guint j = 0; j < last->len; j++)
    {
      const RaggedNode *node = &g_array_index (last, RaggedNode, j);
      if ((wanted == 0 || node->lines == wanted)
          && (best < 0 || node->cost < g_array_index (last, RaggedNode, best).cost))
        best = (int) j;
    }
  GArray *path = NULL;
  if (best >= 0)
    {
      *cost = g_array_index (last, RaggedNode, best).cost;
      path = g_array_new (FALSE, FALSE, sizeof (guint));
      for (int k = (int) count - 1, e = best; k > (int) start;)
        {
          g_array_prepend_val (path, k);
          const RaggedNode *node = &g_array_index (nodes[k], RaggedNode, e);
          k = node->from;
          e = node->from_node;
        }
    }
  for (guint k = 0; k < count; k++)
    g_array_unref (nodes[k]);
  return path;
}

/* The best path through the candidates in this pass, or NULL if the
 * paragraph's end cannot be reached; its demerits in cost. */
static GArray *
best_breaks (const Breaker *b, double *cost)
{
  if (!b->justify)
    return ragged_breaks (b, 0, 0, cost);
  guint count = b->candidates->len;
  g_autofree Node *nodes = g_new (Node, count * STATES);
  for (guint i = 0; i < count * STATES; i++)
    nodes[i] = (Node){ G_MAXDOUBLE, -1, 0 };
  nodes[FIT_DECENT].cost = 0;
  for (guint k = 1; k < count; k++)
    relax_candidate (b, nodes, 1, 0, k);
  int best = 0;
  const Node *last = &nodes[(count - 1) * STATES];
  for (int state = 1; state < STATES; state++)
    if (last[state].cost < last[best].cost)
      best = state;
  if (last[best].cost >= G_MAXDOUBLE)
    return NULL;
  *cost = last[best].cost;
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int k = (int) count - 1, state = best; k > 0;)
    {
      g_array_prepend_val (path, k);
      const Node *node = &nodes[k * STATES + state];
      k = node->from;
      state = node->from_state;
    }
  return path;
}

/* First fit, as Pango wraps: each line ends at the last break that fits at
 * natural width (a soft hyphen's included), or at the first one if none does. */
static GArray *
greedy_breaks (const Breaker *b)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));
  guint count = b->candidates->len;
  for (guint i = 0; i + 1 < count;)
    {
      const Candidate *from = &g_array_index (b->candidates, Candidate, i);
      guint best = i + 1;
      for (guint k = i + 1; k < count; k++)
        {
          const Candidate *to = &g_array_index (b->candidates, Candidate, k);
          gboolean fits = segment_width (b, from->next, to) <= b->measure + EPSILON;
          if (fits && (!to->emergency || best == i + 1))
            best = k;
          if (!fits || to->forced)
            break;
        }
      g_array_append_val (path, best);
      i = best;
    }
  return path;
}

/* TeX's passes: without hyphens if every line then stays within the
 * pretolerance (hyphens only where they buy evenness), else with them,
 * every line within the tolerance; only if that fails (or costs as much as
 * a line past it: an emergency break), lines past it allowed at a price.
 * Every path the last pass adds costs that price or more, so the lenient
 * pass would find the same: the strict one, which prices far fewer lines,
 * spares it on most paragraphs. */
static GArray *
total_fit_breaks (Breaker *b)
{
  double cost = 0;
  b->hyphens = FALSE;
  b->tolerance = PRETOLERANCE;
  b->strict = TRUE;
  GArray *path = best_breaks (b, &cost);
  if (path != NULL)
    return path;
  b->hyphens = TRUE;
  b->tolerance = TOLERANCE;
  path = best_breaks (b, &cost);
  if (path != NULL && cost < OVER_TOLERANCE_DEMERITS)
    return path;
  g_clear_pointer (&path, g_array_unref);
  b->strict = FALSE;
  path = best_breaks (b, &cost);
  return path != NULL ? path : greedy_breaks (b);
}

/* A justified line's glyph expansion: as pdfTeX sets it, the glyphs take
 * the slack first, up to style->expansion, in steps, and the spaces what
 * is left, so they stay nearer their natural width. The last line keeps
 * its glyphs. Drawn at scale s, the spaces are set so the whole line is the
 * measure. */
static double
line_scale (const Breaker *b, const RoneoLine *line, double slack)
{
  double give = glyph_give (b, line->natural, line->spaces);
  if (!b->justify || line->last || line->spaces == 0 || give <= 0)
    return 1.0;
  double ratio = CLAMP (slack / give, -1.0, 1.0);
  return 1.0 + round (ratio * b->expansion / EXPANSION_STEP) * EXPANSION_STEP;
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
  line.scale = line_scale (b, &line, slack);
  if (b->justify && line.spaces > 0 && (!line.last || slack < 0))
    line.extra = (b->measure / line.scale - line.natural) / line.spaces;
  return line;
}

/* The breaker over set's text at its size and measure, its break
 * opportunities collected; candidates owned by the caller. */
static void
breaker_init (Breaker *b, const RoneoLineSet *set)
{
  const RoneoShaping *shaping = set->shaping;
  double scale = set->size / shaping->size;
  *b = (Breaker){ set->rich->text->str, set->rich->text->len, shaping, scale };
  b->space_width = shaping->space_width * scale;
  b->hyphen_width = shaping->hyphen_width * scale;
  b->measure = set->measure;
  b->em = set->size;
  b->justify = set->justify;
  b->expansion = set->style->breaker == RONEO_BREAKER_GREEDY ? 0 : set->style->expansion;
  /* An expanded line is drawn scaled around its left end, where Pango puts
   * it unscaled: a right-to-left line, aligned on its right, would end
   * past the measure or short of it. Its spaces take all the slack. */
  if (shaping->right_to_left)
    b->expansion = 0;
  b->candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  collect_candidates (b);
  add_emergency_breaks (b);
}

/* set's lines from line from on: those of path, from candidate start. */
static void
set_lines (RoneoLineSet *set, const Breaker *b, guint from, guint start, const GArray *path)
{
  g_array_set_size (set->lines, from);
  for (guint j = 0; j < path->len; j++)
    {
      guint to = g_array_index (path, guint, j);
      RoneoLine line = make_line (b, start, to);
      g_array_append_val (set->lines, line);
      start = to;
    }
}

/* The worst badness of set's lines from line from on. */
static double
worst_badness (const Breaker *b, const RoneoLineSet *set, guint from)
{
  double worst = 0;
  for (guint j = from; j < set->lines->len; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      worst = MAX (worst, line_badness (b, line->natural, line->spaces, line->last));
    }
  return worst;
}

/* The candidate line from of set starts after (0 for the first line), or
 * -1 if the breaks have moved. */
static int
start_candidate (const Breaker *b, const RoneoLineSet *set, guint from)
{
  if (from == 0)
    return 0;
  const RoneoLine *before = &g_array_index (set->lines, RoneoLine, from - 1);
  for (guint k = 1; k < b->candidates->len; k++)
    {
      const Candidate *cand = &g_array_index (b->candidates, Candidate, k);
      if (cand->end == before->end && cand->next == before->next && cand->hyphen == before->hyphen)
        return (int) k;
    }
  return -1;
}

/* The best path from candidate start to the paragraph's end in exactly
 * lines lines, each within the tolerance, or NULL if there is none. */
static GArray *
counted_breaks (const Breaker *b, guint start, guint lines)
{
  double cost;
  if (!b->justify)
    return ragged_breaks (b, start, lines, &cost);
  guint count = b->candidates->len, layers = lines + 1;
  gsize n = (gsize) count * layers * STATES;
  g_autofree Node *nodes = g_new (Node, n);
  for (gsize i = 0; i < n; i++)
    nodes[i] = (Node){ G_MAXDOUBLE, -1, 0 };
  node_at (nodes, layers, start, 0)[FIT_DECENT].cost = 0;
  for (guint k = start + 1; k < count; k++)
    relax_candidate (b, nodes, layers, start, k);
  const Node *last = node_at (nodes, layers, count - 1, lines);
  int best = 0;
  for (int state = 1; state < STATES; state++)
    if (last[state].cost < last[best].cost)
      best = state;
  if (last[best].cost >= G_MAXDOUBLE)
    return NULL;
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int k = (int) count - 1, state = best, l = (int) lines; k > (int) start; l--)
    {
      g_array_prepend_val (path, k);
      const Node *node = &node_at (nodes, layers, k, l)[state];
      k = node->from;
      state = node->from_state;
    }
  return path;
}

/* roneo_line_set_loosen; no_widow: no widow word on the last line. */
static gboolean
loosen (RoneoLineSet *set, guint from, int looseness, double max_badness, gboolean no_widow)
{
  guint lines = set->lines->len - MIN (from, set->lines->len);
  if (set->style->breaker == RONEO_BREAKER_GREEDY || lines == 0 || (int) lines + looseness < 1)
    return FALSE;
  Breaker b;
  breaker_init (&b, set);
  judge_hyphens (&b);
  b.hyphens = TRUE;
  b.tolerance = MIN (set->justify ? TOLERANCE : MAX_BADNESS, max_badness);
  b.strict = TRUE;
  b.no_widow = no_widow;
  int start = start_candidate (&b, set, from);
  g_autoptr (GArray) path = start < 0 ? NULL : counted_breaks (&b, start, lines + looseness);
  if (path != NULL)
    set_lines (set, &b, from, start, path);
  g_array_unref (b.candidates);
  return path != NULL;
}

gboolean
roneo_line_set_loosen (RoneoLineSet *set, guint from, int looseness, double max_badness)
{
  return loosen (set, from, looseness, max_badness, FALSE);
}

/* A last line of one short word, where the paragraph has more. */
static gboolean
ends_with_widow_word (const RoneoLineSet *set)
{
  if (set->lines->len < 2)
    return FALSE;
  const RoneoLine *last = &g_array_index (set->lines, RoneoLine, set->lines->len - 1);
  return is_one_word (set->rich->text->str, last->start, last->end)
         && last->natural < WIDOW_WORD * set->measure;
}

/* Looseness -1 or +1, tried in that order, where the total fit leaves a
 * widow word: the paragraph one line shorter or longer, no line looser
 * than the loosest there was (or WIDOW_TOLERANCE). Ragged text tries
 * between the two the same number of lines with a longer last line, no
 * line then shorter than RAGGED_WIDOW_SHORT em (one line longer hardly
 * ever helps there: its lines would all be much shorter). */
static void
avoid_widow_word (RoneoLineSet *set, const Breaker *b)
{
  if (!ends_with_widow_word (set))
    return;
  double max_badness = MAX (WIDOW_TOLERANCE, worst_badness (b, set, 0));
  double ragged_badness = 100 * cube (RAGGED_WIDOW_SHORT / RAGGED_ZONE);
  g_autoptr (GArray) kept = g_array_copy (set->lines);
  for (int looseness = -1; looseness <= 1; looseness++)
    {
      if (looseness == 0 && set->justify)
        continue;
      gboolean ok = loosen (set, 0, looseness, looseness == 0 ? ragged_badness : max_badness,
                            !set->justify);
      if (ok && !ends_with_widow_word (set))
        return;
      g_array_set_size (set->lines, 0);
      g_array_append_vals (set->lines, kept->data, kept->len);
    }
}

static gboolean
is_breaking_of (const Breaking *kept, const RoneoLineSet *set)
{
  return kept->lines != NULL && kept->size == set->size && kept->measure == set->measure
         && kept->justify == set->justify && kept->breaker == set->style->breaker
         && kept->expansion == set->style->expansion;
}

/* set's lines from a breaking its shaping keeps, if there is one. */
static gboolean
reuse_breaking (RoneoLineSet *set, const RoneoShaping *shaping)
{
  for (guint i = 0; i < BREAKINGS_KEPT; i++)
    if (is_breaking_of (&shaping->kept[i], set))
      {
        g_array_append_vals (set->lines, shaping->kept[i].lines->data, shaping->kept[i].lines->len);
        set->broke_word = shaping->kept[i].broke_word;
        return TRUE;
      }
  return FALSE;
}

static void
keep_breaking (RoneoShaping *shaping, const RoneoLineSet *set)
{
  Breaking *kept = &shaping->kept[shaping->next_kept];
  shaping->next_kept = (shaping->next_kept + 1) % BREAKINGS_KEPT;
  g_clear_pointer (&kept->lines, g_array_unref);
  *kept = (Breaking){ set->size,           set->measure,          set->justify,
                      set->style->breaker, set->style->expansion, g_array_copy (set->lines),
                      set->broke_word };
}

RoneoLineSet *
roneo_line_set_break (PangoContext *context, RoneoRichText *rich, const RoneoStyle *style,
                      double size, double measure, gboolean justify, RoneoShaping *shaping)
{
  RoneoLineSet *set = g_new0 (RoneoLineSet, 1);
  if (shaping == NULL)
    shaping = set->own_shaping = roneo_shaping_new (context, rich, style, size);
  g_return_val_if_fail (shaping->len == rich->text->len, NULL);
  set->shaping = shaping;
  set->rich = rich;
  set->style = style;
  set->size = size;
  set->measure = measure;
  set->justify = justify;
  set->lines = g_array_new (FALSE, TRUE, sizeof (RoneoLine));
  if (reuse_breaking (set, shaping))
    return set;
  Breaker b;
  breaker_init (&b, set);
  set->broke_word = has_overwide_word (&b);
  g_autoptr (GArray) path = NULL;
  if (style->breaker == RONEO_BREAKER_GREEDY)
    path = greedy_breaks (&b);
  else
    {
      judge_hyphens (&b);
      path = total_fit_breaks (&b);
    }
  set_lines (set, &b, 0, 0, path);
  if (style->breaker != RONEO_BREAKER_GREEDY)
    avoid_widow_word (set, &b);
  g_array_unref (b.candidates);
  if (set->own_shaping == NULL)
    keep_breaking (shaping, set);
  return set;
}

void
roneo_line_set_free (RoneoLineSet *set)
{
  if (set == NULL)
    return;
  roneo_rich_text_free (set->rich);
  roneo_shaping_free (set->own_shaping);
  g_array_unref (set->lines);
  g_free (set);
}

double
roneo_line_set_get_pitch (const RoneoLineSet *set)
{
  return set->size * set->style->leading;
}
