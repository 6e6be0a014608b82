#include "roneo-phrase.h"

#include "roneo-lang.h"
#include "roneo-phrase-private.h"

#include <math.h>
#include <string.h>

#define AFTER_PUNCTUATION (-30) /* "DES GUICHETS, / PAS": a phrase ends */
#define BEFORE_OPENER (-12)     /* the next line opens with a conjunction, preposition, "pas" */
#define BEFORE_NOUN (-6)        /* ... with an article or a possessive */
#define WEAK_END 25             /* a line ending on "et", "que", "nous" */
#define SHORT_END 15            /* a line ending on a word of three letters or fewer */
#define SHORT_LETTERS 3
#define BEFORE_DASH 10      /* a dash opening a line */
#define AT_HYPHEN 40        /* a compound cut at its hyphen */
#define RAGGED_WEIGHT 100.0 /* per line: (width / measure)^2, so equal lines cost least */
#define NEVER_COST 1000     /* a forbidden break, when nothing else fits */

/* A word between two breaking spaces, as the rules read it. */
typedef struct
{
  gsize start, end;    /* bytes of text */
  char *core;          /* owned: lower case, ' for ’, without punctuation around */
  gboolean punctuated; /* ends with , ; : . ! ? … or is a dash: a phrase ends after it */
  gboolean only_marks; /* no letter or digit: "!", "–" */
  gboolean dash;       /* "–" or "—" standing alone */
} Word;

static gboolean
is_breaking_space (gunichar c)
{
  return g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x2007;
}

static gboolean
is_forced (gunichar c)
{
  return c == 0x2028 || c == '\n' || c == 0x2029;
}

static gboolean
ends_phrase (gunichar c)
{
  return strchr (",;:.!?", (int) c) != NULL ? c != 0 : c == 0x2026 || c == 0x2013 || c == 0x2014;
}

/* Fills word's core and marks from its bytes [start, end) of text. */
static void
read_word (Word *word, const char *text)
{
  const char *p = text + word->start, *end = text + word->end;
  while (p < end && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  const char *core_end = end;
  while (core_end > p && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (core_end))))
    {
      core_end = g_utf8_prev_char (core_end);
      word->punctuated |= ends_phrase (g_utf8_get_char (core_end));
    }
  word->only_marks = p == end;
  gunichar first = g_utf8_get_char (text + word->start);
  word->dash = word->only_marks && (first == 0x2013 || first == 0x2014);
  word->punctuated |= word->dash;
  g_autofree char *lower = g_utf8_strdown (p, core_end - p);
  g_auto (GStrv) parts = g_strsplit (lower, "\u2019", -1);
  word->core = g_strjoinv ("'", parts);
}

/* The letters of a word after its elision: "c'est" has three, as it reads. */
static guint
letters (const char *core)
{
  guint n = 0;
  const char *apostrophe = strrchr (core, '\'');
  for (const char *p = apostrophe ? apostrophe + 1 : core; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_isalnum (g_utf8_get_char (p)) != 0;
  return n;
}

/* The flags of a word, an elided article or preposition standing for its
 * whole word: "l'hôpital" opens a noun phrase, "d'ajustement" a phrase. */
static guint
word_flags (const char *primary, const Word *word)
{
  gsize elided = roneo_phrase_elision (primary, word->core);
  if (elided == 0)
    return roneo_phrase_word_flags (primary, word->core);
  if (word->core[elided] == '\0')
    return RONEO_WORD_NEVER_END;
  if (word->core[0] == 'n')
    return RONEO_WORD_NEGATION;
  /* d' (de) and the qu' of que, jusque, lorsque open a phrase; l', c', j', s' a noun
   * phrase or a clause */
  gboolean opens = word->core[0] == 'd' || (elided >= 3 && word->core[elided - 2] == 'u');
  return opens ? RONEO_WORD_OPENS : RONEO_WORD_OPENS_NOUN;
}

/* "NE SONT / PAS", "N'EST / PAS": before is the verb of a negation whose
 * particle is after. */
static gboolean
splits_negation (const char *primary, const Word *words, guint before, guint after_flags)
{
  if (!(after_flags & RONEO_WORD_PARTICLE))
    return FALSE;
  if (word_flags (primary, &words[before]) & RONEO_WORD_NEGATION)
    return TRUE;
  return before > 0 && (word_flags (primary, &words[before - 1]) & RONEO_WORD_NEGATION);
}

/* "N'EST PAS", "NE SONT PAS": words[i] is the particle of a negation. */
static gboolean
closes_negation (const char *primary, const Word *words, guint i)
{
  return i > 0 && splits_negation (primary, words, i - 1, word_flags (primary, &words[i]));
}

/* The break between words[i] and words[i + 1]. */
static RoneoPhraseBreak
score_space (const char *primary, const Word *words, guint i)
{
  const Word *a = &words[i], *b = &words[i + 1];
  RoneoPhraseBreak br = { .end = a->end, .start = b->start };
  guint fa = word_flags (primary, a), fb = word_flags (primary, b);
  if (b->only_marks && !b->dash)
    br.never = TRUE;
  if (b->dash)
    br.penalty += BEFORE_DASH;
  if (a->punctuated)
    br.penalty += AFTER_PUNCTUATION;
  else
    {
      br.never |= (fa & RONEO_WORD_NEVER_END) || roneo_phrase_is_pair (primary, a->core, b->core)
                  || splits_negation (primary, words, i, fb);
      /* a line ending on "NOS", "QUE", "DES GUICHETS, PAS" reads as cut off; one ending
       * on a whole negation ("N'EST PAS") or on a short word that carries the meaning
       * ("ON SE BAT / PARCE QUE…") does not, though it costs */
      br.short_end = !a->only_marks && letters (a->core) <= SHORT_LETTERS;
      gboolean function_word = fa != 0 || !roneo_phrase_knows (primary);
      br.never |= br.short_end && function_word && !closes_negation (primary, words, i);
      br.penalty += (fa & RONEO_WORD_WEAK_END ? WEAK_END : 0) + (br.short_end ? SHORT_END : 0);
    }
  gboolean contrast = (fb & RONEO_WORD_PARTICLE) && !splits_negation (primary, words, i, fb);
  br.penalty += (fb & RONEO_WORD_OPENS) || contrast ? BEFORE_OPENER
                : fb & RONEO_WORD_OPENS_NOUN        ? BEFORE_NOUN
                                                    : 0;
  return br;
}

/* Breaks after the hyphens of word: a compound may break there at a cost,
 * a proper name ("L'Isle-Jourdain", or anything in capitals) never. */
static void
add_hyphens (GArray *breaks, const char *text, const Word *word)
{
  const char *end = text + word->end;
  for (const char *p = text + word->start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if ((c != '-' && c != 0x2010) || p == text + word->start || next >= end
          || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p)))
          || !g_unichar_isalpha (g_utf8_get_char (next)))
        continue;
      RoneoPhraseBreak br = { .end = next - text, .start = next - text, .penalty = AT_HYPHEN };
      br.never = g_unichar_isupper (g_utf8_get_char (next));
      g_array_append_val (breaks, br);
    }
}

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->core);
}

/* The words of text, and in *forced_after whether a forced break follows each. */
static GArray *
split_words (const char *text, GArray *forced_after)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  g_array_set_clear_func (words, word_clear);
  const char *p = text;
  while (*p != '\0')
    {
      const char *start = p;
      while (*p != '\0' && !is_breaking_space (g_utf8_get_char (p))
             && !is_forced (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      gboolean forced = FALSE;
      while (*p != '\0'
             && (is_breaking_space (g_utf8_get_char (p)) || is_forced (g_utf8_get_char (p))))
        {
          forced |= is_forced (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      if (p == start)
        break;
      Word word = { .start = start - text, .end = start - text };
      for (const char *q = start;
           q < p && !is_breaking_space (g_utf8_get_char (q)) && !is_forced (g_utf8_get_char (q));
           q = g_utf8_next_char (q))
        word.end = g_utf8_next_char (q) - text;
      if (word.end == word.start)
        continue; /* spaces before the first word */
      read_word (&word, text);
      g_array_append_val (words, word);
      g_array_append_val (forced_after, forced);
    }
  return words;
}

/* The break before the last word, when that word is short, unpunctuated and
 * ends the phrase of the line before: alone on a line it reads as a leftover
 * ("SAUVONS LA LIGNE / 14"), where "NON !" and "JEUDI 6 OCTOBRE, / 14 H" do not. */
static void
mark_lone_tail (GArray *breaks, const GArray *words)
{
  if (breaks->len == 0 || words->len < 2)
    return;
  const Word *tail = &g_array_index (words, Word, words->len - 1);
  RoneoPhraseBreak *before = &g_array_index (breaks, RoneoPhraseBreak, breaks->len - 1);
  const Word *previous = tail - 1;
  before->lone_tail = before->start == tail->start && !previous->punctuated && !tail->only_marks
                      && !tail->punctuated && letters (tail->core) <= SHORT_LETTERS;
}

GArray *
roneo_phrase_breaks (const char *text, const char *lang)
{
  const RoneoLang *entry = roneo_lang_lookup (lang);
  const char *primary = entry ? entry->primary : NULL;
  GArray *breaks = g_array_new (FALSE, TRUE, sizeof (RoneoPhraseBreak));
  g_autoptr (GArray) forced = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr (GArray) words = split_words (text, forced);
  const Word *w = (const Word *) words->data;
  for (guint i = 0; i < words->len; i++)
    {
      add_hyphens (breaks, text, &w[i]);
      if (i + 1 == words->len)
        break;
      RoneoPhraseBreak br = score_space (primary, w, i);
      if (g_array_index (forced, gboolean, i))
        br = (RoneoPhraseBreak){
          .end = w[i].end, .start = w[i + 1].start, .forced = TRUE, .short_end = br.short_end
        };
      g_array_append_val (breaks, br);
    }
  mark_lone_tail (breaks, words);
  return breaks;
}

/* Lines run from node to node: node 0 is the start of the text, node k the
 * break k - 1, the last node the end of the text. */
typedef struct
{
  const GArray *breaks;
  gsize length;
  double limit;
  gboolean strict;
  RoneoPhraseMeasure measure;
  gpointer data;
} Chooser;

static const RoneoPhraseBreak *
break_at (const Chooser *c, guint node)
{
  return &g_array_index (c->breaks, RoneoPhraseBreak, node - 1);
}

/* The cost of a line from node u to node v, or INFINITY when it is too
 * wide or skips a forced break. */
/* "UN MÉDECIN, / PAS / UNE APPLI", "SAUVONS LA LIGNE / 14": a short word
 * alone on a line between two chosen breaks, or at the end, which the copy
 * did not force. */
static gboolean
strands_short_word (const Chooser *c, guint u, guint v)
{
  guint last = c->breaks->len + 1;
  if (v == last)
    return v == u + 1 && u > 0 && break_at (c, u)->lone_tail && !break_at (c, u)->forced;
  if (v != u + 1 || !break_at (c, v)->short_end)
    return FALSE;
  return !(u == 0 || break_at (c, u)->forced) || !break_at (c, v)->forced;
}

static double
line_cost (const Chooser *c, guint u, guint v)
{
  guint last = c->breaks->len + 1;
  if (c->strict && strands_short_word (c, u, v))
    return INFINITY;
  for (guint w = u + 1; w < v; w++)
    if (break_at (c, w)->forced)
      return INFINITY;
  gsize start = u == 0 ? 0 : break_at (c, u)->start;
  gsize end = v == last ? c->length : break_at (c, v)->end;
  double width = c->measure (start, end, c->data);
  if (width > c->limit)
    return INFINITY;
  double ratio = c->limit > 0 ? width / c->limit : 0;
  return RAGGED_WEIGHT * ratio * ratio;
}

/* What taking the break at node v costs, INFINITY when it may not be taken. */
static double
break_cost (const Chooser *c, guint v)
{
  if (v == c->breaks->len + 1)
    return 0;
  const RoneoPhraseBreak *br = break_at (c, v);
  if (br->never && c->strict)
    return INFINITY;
  return br->penalty + (br->never ? NEVER_COST : 0);
}

gboolean
roneo_phrase_choose (const GArray *breaks, gsize length, guint lines, double limit, gboolean strict,
                     RoneoPhraseMeasure measure, gpointer data, GArray *chosen)
{
  const Chooser c = { breaks, length, limit, strict, measure, data };
  guint nodes = breaks->len + 2;
  if (lines == 0 || lines > nodes - 1)
    return FALSE;
  /* cost[m * nodes + v]: the best m lines ending at node v; from: the node before. */
  g_autofree double *cost = g_new (double, (lines + 1) * nodes);
  g_autofree guint *from = g_new0 (guint, (lines + 1) * nodes);
  for (guint i = 0; i < (lines + 1) * nodes; i++)
    cost[i] = INFINITY;
  cost[0] = 0;
  for (guint m = 1; m <= lines; m++)
    for (guint v = m; v < nodes; v++)
      {
        double take = break_cost (&c, v);
        for (guint u = m - 1; u < v && isfinite (take); u++)
          {
            if (!isfinite (cost[(m - 1) * nodes + u]))
              continue;
            double total = cost[(m - 1) * nodes + u] + line_cost (&c, u, v) + take;
            if (total < cost[m * nodes + v])
              cost[m * nodes + v] = total, from[m * nodes + v] = u;
          }
      }
  if (!isfinite (cost[lines * nodes + nodes - 1]))
    return FALSE;
  guint at = chosen->len;
  g_array_set_size (chosen, at + lines - 1);
  for (guint m = lines, v = nodes - 1; m > 1; m--)
    {
      v = from[m * nodes + v];
      g_array_index (chosen, guint, at + m - 2) = v - 1;
    }
  return TRUE;
}

static double
count_characters (gsize start, gsize end, gpointer data)
{
  return (double) g_utf8_strlen ((const char *) data + start, end - start);
}

char *
roneo_phrase_break_to_string (const char *text, const char *lang, guint lines, double limit)
{
  g_autoptr (GArray) breaks = roneo_phrase_breaks (text, lang);
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize length = strlen (text);
  if (!roneo_phrase_choose (breaks, length, lines, limit, TRUE, count_characters, (gpointer) text,
                            chosen))
    return NULL;
  GString *out = g_string_new (NULL);
  gsize start = 0;
  for (guint i = 0; i <= chosen->len; i++)
    {
      const RoneoPhraseBreak *br
          = i < chosen->len
                ? &g_array_index (breaks, RoneoPhraseBreak, g_array_index (chosen, guint, i))
                : NULL;
      g_string_append_len (out, text + start, (br ? br->end : length) - start);
      if (br != NULL)
        g_string_append (out, " / ");
      start = br ? br->start : length;
    }
  return g_string_free (out, FALSE);
}
