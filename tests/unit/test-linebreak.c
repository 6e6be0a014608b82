/* The body line breaker: what a reader of a justified tract checks. No line
 * past the measure, spaces more even than first fit with no more hyphens,
 * no hyphen in a proper name, seldom one leaving two letters, no break at a
 * no-break space. Swept over measures so no one width decides. */
#include "roneo-fonts.h"
#include "roneo-hyphen.h"
#include "roneo-linebreak.h"
#include "roneo-page.h"

#include <math.h>
#include <string.h>

#define SHY "\u00AD"

/* Body copy of a tract in tests/cases (tract-recto-verso.md), with proper
 * names and capitals added where a hyphen would tempt the breaker. */
static const char *const paragraphs[] = {
  "Fermer une maternité, c’est aussi fermer la porte aux jeunes couples qui voudraient "
  "s’installer ici. Les médecins généralistes, déjà trop rares, hésitent à venir dans un "
  "territoire sans hôpital complet. Les écoles perdent des classes, les commerces ferment, "
  "et la spirale continue. La santé n’est pas un coût : c’est la condition pour que nos "
  "villages restent vivants.",
  "Nous demandons le maintien de la maternité et de ses quinze lits, le recrutement de six "
  "sages-femmes et de deux gynécologues, la réouverture des consultations du samedi et un "
  "moratoire sur toute fermeture de service tant qu’une étude indépendante n’a pas mesuré "
  "les temps de trajet réels des habitants de Montpellier, Carcassonne et Villefranche.",
  "Le plan prévoit 2\u00A0milliards d’euros pour le numérique en santé, quand les urgences "
  "de nuit ferment faute de personnel. L’AGENCE RÉGIONALE DE SANTÉ parle de réorganisation "
  "et de pôle d’excellence à soixante kilomètres d’ici, à Castelnaudary ou à Perpignan.",
};

typedef struct
{
  RoneoFonts *fonts;
  PangoContext *context;
  RoneoHyphenator *hyphenator;
  RoneoStyle style;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  f->fonts = roneo_fonts_new (dir, NULL);
  g_assert_nonnull (f->fonts);
  f->context = roneo_fonts_create_context (f->fonts, "fr");
  const char *hyphen_dir = g_getenv ("RONEO_HYPHEN_DIR");
  f->hyphenator = roneo_hyphenator_new (hyphen_dir ? hyphen_dir : "/usr/share/hyphen");
  f->style = (RoneoStyle){ .font = (char *) "Roneo Text",
                           .weight = 400,
                           .size = 10.5,
                           .leading = 1.25,
                           .align = RONEO_ALIGN_JUSTIFY,
                           .hyphenate = TRUE };
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  roneo_hyphenator_free (f->hyphenator);
  g_object_unref (f->context);
  roneo_fonts_free (f->fonts);
}

static RoneoLineSet *
break_as (Fixture *f, const char *text, double measure, RoneoBreaker breaker, gboolean justify)
{
  RoneoRichText *rich = roneo_rich_text_new (text);
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_hyphenator_hyphenate (f->hyphenator, rich, "fr", &error));
  f->style.breaker = breaker;
  return roneo_line_set_break (f->context, rich, &f->style, f->style.size, measure, justify, NULL);
}

static RoneoLineSet *
break_text (Fixture *f, const char *text, double measure, RoneoBreaker breaker)
{
  return break_as (f, text, measure, breaker, TRUE);
}

/* The widest word space of the set's justified lines, pt. */
static double
widest_space (const RoneoLineSet *set, double space)
{
  double widest = 0;
  for (guint j = 0; j < set->lines->len; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      if (!line->last && line->spaces > 0)
        widest = MAX (widest, space + line->extra);
    }
  return widest;
}

static guint
hyphens (const RoneoLineSet *set)
{
  guint n = 0;
  for (guint j = 0; j < set->lines->len; j++)
    n += g_array_index (set->lines, RoneoLine, j).hyphen;
  return n;
}

/* The letters of the word broken at line's hyphen, before and after it. */
static void
fragments (const RoneoLineSet *set, const RoneoLine *line, guint *before, guint *after,
           gboolean *capital)
{
  const char *text = set->rich->text->str;
  const char *p = text + line->end - strlen (SHY);
  *before = *after = 0;
  gunichar first = 0;
  while (p > text)
    {
      const char *q = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (q);
      if (c != 0x00AD && !g_unichar_isalpha (c))
        break;
      if (c != 0x00AD)
        (*before)++, first = c;
      p = q;
    }
  for (p = text + line->end; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0x00AD && !g_unichar_isalpha (c))
        break;
      *after += c != 0x00AD;
    }
  *capital = g_unichar_isupper (first);
}

static void
test_within_measure (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 9)
      {
        g_autoptr (RoneoLineSet) set
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
        g_autoptr (PangoLayout) layout
            = roneo_line_set_new_layout (set, f->context, 0, set->lines->len);
        g_assert_cmpint (pango_layout_get_line_count (layout), ==, (int) set->lines->len);
        g_assert_cmpfloat (roneo_layout_get_overflow (layout, measure), <=, 0.01);
        /* every line but the last ends on the measure */
        GSList *l = pango_layout_get_lines_readonly (layout);
        for (guint j = 0; j + 1 < set->lines->len; j++, l = l->next)
          {
            PangoRectangle logical;
            pango_layout_line_get_extents (l->data, NULL, &logical);
            g_assert_cmpfloat_with_epsilon (pango_units_to_double (logical.width), measure, 0.06);
          }
      }
}

/* Against first fit on the same text and widths: the widest space is
 * narrower overall and seldom wider (first fit may get a narrower one with
 * three hyphens in a row or a hyphen in a name), and no more hyphens are
 * used. */
static void
test_more_even_than_greedy (Fixture *f, gconstpointer data)
{
  double space_width = f->style.size / 4; /* Libertine's space, near enough for a bound */
  double total_fit = 0, greedy = 0;
  guint fit_hyphens = 0, greedy_hyphens = 0, wider = 0, cases = 0;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 9)
      {
        g_autoptr (RoneoLineSet) best
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
        g_autoptr (RoneoLineSet) first
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_GREEDY);
        double b = widest_space (best, space_width), g = widest_space (first, space_width);
        wider += b > g + 0.01;
        cases++;
        total_fit += b;
        greedy += g;
        fit_hyphens += hyphens (best);
        greedy_hyphens += hyphens (first);
      }
  g_test_message ("widest spaces %.1f pt against %.1f, wider in %u of %u, hyphens %u against %u",
                  total_fit, greedy, wider, cases, fit_hyphens, greedy_hyphens);
  g_assert_cmpfloat (total_fit, <, 0.8 * greedy);
  g_assert_cmpuint (wider * 10, <, cases);
  g_assert_cmpuint (fit_hyphens, <=, greedy_hyphens);
  g_assert_cmpuint (fit_hyphens, >, 0);
}

static void
test_hyphen_rules (Fixture *f, gconstpointer data)
{
  guint hyphenated = 0, short_fragments = 0, capitals_by_greedy = 0, short_by_greedy = 0;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 3)
      {
        g_autoptr (RoneoLineSet) set
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
        g_autoptr (RoneoLineSet) greedy
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_GREEDY);
        for (guint j = 0; j < set->lines->len; j++)
          {
            const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
            const char *text = set->rich->text->str;
            /* a no-break space is never a line end */
            g_assert_false (line->end + 2 <= set->rich->text->len
                            && memcmp (text + line->end, "\u00A0", 2) == 0);
            if (!line->hyphen)
              continue;
            guint before, after;
            gboolean capital;
            fragments (set, line, &before, &after, &capital);
            g_assert_false (capital);
            short_fragments += before < 3 || after < 3;
            hyphenated++;
          }
        for (guint j = 0; j < greedy->lines->len; j++)
          {
            const RoneoLine *line = &g_array_index (greedy->lines, RoneoLine, j);
            guint before, after;
            gboolean capital = FALSE;
            if (!line->hyphen)
              continue;
            fragments (greedy, line, &before, &after, &capital);
            capitals_by_greedy += capital;
            short_by_greedy += before < 3 || after < 3;
          }
      }
  /* the rules were put to the test: hyphens were used, and first fit, which
   * knows no rule, did break capitalised words at these widths */
  g_test_message ("%u hyphens, %u leaving two letters; first fit: %u leaving two letters",
                  hyphenated, short_fragments, short_by_greedy);
  g_assert_cmpuint (hyphenated, >, 10);
  /* two letters only where the line would be looser than the tolerance:
   * seldom, and at these narrow measures still less often than first fit */
  g_assert_cmpuint (short_fragments * 6, <, hyphenated);
  g_assert_cmpuint (short_fragments, <, short_by_greedy);
  g_assert_cmpuint (capitals_by_greedy, >, 0);
}

/* The widest word space as drawn (an expanded line's spaces at its scale). */
static double
widest_drawn_space (const RoneoLineSet *set, double space)
{
  double widest = 0;
  for (guint j = 0; j < set->lines->len; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      if (!line->last && line->spaces > 0)
        widest = MAX (widest, (space + line->extra) * line->scale);
    }
  return widest;
}

/* Glyph expansion (expansion = 2%): every line drawn within 2 % of its
 * natural glyphs in 0.1 % steps, still exactly on the measure as drawn;
 * the word spaces nearer their natural width than without, and no more
 * hyphens. */
static void
test_expansion (Fixture *f, gconstpointer data)
{
  double space_width = f->style.size / 4;
  double with = 0, without = 0;
  guint hyphens_with = 0, hyphens_without = 0, expanded = 0;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 9)
      {
        f->style.expansion = 0;
        g_autoptr (RoneoLineSet) plain
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
        f->style.expansion = 0.02;
        g_autoptr (RoneoLineSet) set
            = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
        g_autoptr (PangoLayout) layout
            = roneo_line_set_new_layout (set, f->context, 0, set->lines->len);
        g_assert_cmpfloat (roneo_layout_get_overflow (layout, measure), <=, 0.01);
        GSList *l = pango_layout_get_lines_readonly (layout);
        for (guint j = 0; j < set->lines->len; j++, l = l->next)
          {
            const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
            double scale = roneo_layout_get_line_scale (layout, j);
            g_assert_cmpfloat (scale, ==, line->scale);
            g_assert_cmpfloat (fabs (scale - 1), <=, 0.02 + 1e-9);
            double steps = (scale - 1) / 0.001;
            g_assert_cmpfloat_with_epsilon (steps, round (steps), 1e-6);
            expanded += scale != 1;
            if (line->last)
              continue;
            PangoRectangle logical;
            pango_layout_line_get_extents (l->data, NULL, &logical);
            g_assert_cmpfloat_with_epsilon (pango_units_to_double (logical.width) * scale, measure,
                                            0.06);
          }
        with += widest_drawn_space (set, space_width);
        without += widest_space (plain, space_width);
        hyphens_with += hyphens (set);
        hyphens_without += hyphens (plain);
      }
  f->style.expansion = 0;
  g_test_message ("widest spaces %.1f pt with expansion against %.1f, hyphens %u against %u, "
                  "%u lines expanded",
                  with, without, hyphens_with, hyphens_without, expanded);
  g_assert_cmpuint (expanded, >, 0);
  g_assert_cmpfloat (with, <, 0.95 * without);
  g_assert_cmpuint (hyphens_with, <=, hyphens_without);
}

/* Mean |difference in length| between consecutive lines, the last line of
 * the paragraph left out, pt; *longest: the widest line; *short: the
 * largest shortfall from the measure of a line but the last. */
static double
raggedness (const RoneoLineSet *set, double *longest, double *shortfall)
{
  double sum = 0;
  guint pairs = 0;
  for (guint j = 0; j < set->lines->len; j++)
    {
      const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
      *longest = MAX (*longest, line->natural);
      if (!line->last)
        *shortfall = MAX (*shortfall, set->measure - line->natural);
      if (j > 0 && !line->last)
        {
          sum += fabs (line->natural - g_array_index (set->lines, RoneoLine, j - 1).natural);
          pairs++;
        }
    }
  return pairs ? sum / pairs : 0;
}

/* Ragged right: lines of more even length than first fit gives, none past
 * the measure, no more hyphens, and the shortest line (but the last) on
 * average no shorter than first fit's. */
static void
test_ragged (Fixture *f, gconstpointer data)
{
  double best = 0, first = 0, best_short = 0, first_short = 0;
  guint best_hyphens = 0, first_hyphens = 0, shorter = 0, cases = 0;
  f->style.align = RONEO_ALIGN_LEFT;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 9)
      {
        g_autoptr (RoneoLineSet) set
            = break_as (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT, FALSE);
        g_autoptr (RoneoLineSet) greedy
            = break_as (f, paragraphs[i], measure, RONEO_BREAKER_GREEDY, FALSE);
        double longest = 0, set_short = 0, greedy_short = 0;
        best += raggedness (set, &longest, &set_short);
        g_assert_cmpfloat (longest, <=, measure + 0.01);
        first += raggedness (greedy, &longest, &greedy_short);
        best_short += set_short / f->style.size;
        first_short += greedy_short / f->style.size;
        shorter += set_short > greedy_short + 0.01;
        cases++;
        best_hyphens += hyphens (set);
        first_hyphens += hyphens (greedy);
      }
  f->style.align = RONEO_ALIGN_JUSTIFY;
  g_test_message ("mean step %.1f pt against %.1f for first fit, hyphens %u against %u, "
                  "shortest line %.2f em short on average against %.2f (shorter in %u of %u)",
                  best, first, best_hyphens, first_hyphens, best_short / cases, first_short / cases,
                  shorter, cases);
  g_assert_cmpfloat (best, <, 0.8 * first);
  g_assert_cmpuint (best_hyphens, <=, first_hyphens);
  g_assert_cmpfloat (best_short, <=, first_short);
}

/* TeX's looseness: a paragraph broken one line shorter or longer where the
 * tolerance allows, every line still on the measure and none past it, its
 * spaces within TeX's tolerance of 200, 0.167 to 0.41 em (Roneo Text's
 * space is a hair over 0.25 em); the lines before the point it starts
 * from kept. */
static void
test_looseness (Fixture *f, gconstpointer data)
{
  double space_width = f->style.size / 4;
  guint tried = 0, shorter = 0, longer = 0;
  /* one long paragraph: looseness needs many lines to share a line's worth */
  g_autofree char *text = g_strconcat (paragraphs[0], " ", paragraphs[1], " ", paragraphs[2], NULL);
  for (double measure = 180; measure <= 360; measure += 4.5)
    for (int looseness = -1; looseness <= 1; looseness += 2)
      for (guint from = 0; from <= 2; from += 2)
        for (f->style.expansion = 0; f->style.expansion <= 0.021; f->style.expansion += 0.02)
          {
            g_autoptr (RoneoLineSet) set = break_text (f, text, measure, RONEO_BREAKER_TOTAL_FIT);
            guint natural = set->lines->len;
            if (from >= natural)
              continue;
            g_autoptr (GArray) before = g_array_copy (set->lines);
            tried++;
            if (!roneo_line_set_loosen (set, from, looseness, 200))
              {
                g_assert_cmpuint (set->lines->len, ==, natural);
                continue;
              }
            shorter += looseness < 0;
            longer += looseness > 0;
            g_assert_cmpuint (set->lines->len, ==, natural + looseness);
            for (guint j = 0; j < from; j++)
              g_assert_cmpmem (&g_array_index (set->lines, RoneoLine, j), sizeof (RoneoLine),
                               &g_array_index (before, RoneoLine, j), sizeof (RoneoLine));
            g_autoptr (PangoLayout) layout
                = roneo_line_set_new_layout (set, f->context, 0, set->lines->len);
            g_assert_cmpint (pango_layout_get_line_count (layout), ==, set->lines->len);
            g_assert_cmpfloat (roneo_layout_get_overflow (layout, measure), <=, 0.01);
            for (guint j = from; j + 1 < set->lines->len; j++)
              {
                const RoneoLine *line = &g_array_index (set->lines, RoneoLine, j);
                if (line->spaces == 0)
                  continue;
                g_assert_cmpfloat (space_width + line->extra, <=, 0.415 * f->style.size);
                g_assert_cmpfloat (space_width + line->extra, >=,
                                   space_width * (1 - 1.0 / 3) - 0.01);
              }
          }
  f->style.expansion = 0;
  g_test_message ("%u tried: %u one line shorter, %u one longer", tried, shorter, longer);
  g_assert_cmpuint (shorter, >, 0);
  g_assert_cmpuint (longer, >, 0);
}

/* A last line of one short word (under a fifth of the measure). */
static gboolean
ends_with_widow_word (const RoneoLineSet *set)
{
  const RoneoLine *last = &g_array_index (set->lines, RoneoLine, set->lines->len - 1);
  /* a no-break space binds: "zone !" is one word */
  return set->lines->len > 1
         && memchr (set->rich->text->str + last->start, ' ', last->end - last->start) == NULL
         && last->natural < 0.2 * set->measure;
}

/* Widow words: the total fit, with its looseness, leaves at most half as
 * many as first fit (most of the rest are in paragraphs of two or three
 * lines, where a line less or more cannot be set within the tolerance). */
static void
test_widow_word (Fixture *f, gconstpointer data)
{
  guint total = 0, widows = 0, greedy_widows = 0;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 1.5)
      for (f->style.expansion = 0; f->style.expansion <= 0.021; f->style.expansion += 0.02)
        {
          g_autoptr (RoneoLineSet) set
              = break_text (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT);
          g_autoptr (RoneoLineSet) greedy
              = break_text (f, paragraphs[i], measure, RONEO_BREAKER_GREEDY);
          total++;
          widows += ends_with_widow_word (set);
          greedy_widows += ends_with_widow_word (greedy);
        }
  f->style.expansion = 0;
  g_test_message ("%u paragraphs: %u widow words, %u with first fit", total, widows, greedy_widows);
  g_assert_cmpuint (greedy_widows, >, 0);
  g_assert_cmpuint (2 * widows, <=, greedy_widows);
}

/* The widest shortfall from the measure of set's lines but the last, pt. */
static double
worst_shortfall (const RoneoLineSet *set)
{
  double worst = 0;
  for (guint j = 0; j + 1 < set->lines->len; j++)
    worst = MAX (worst, set->measure - g_array_index (set->lines, RoneoLine, j).natural);
  return worst;
}

/* Ragged right, widow words: tract-plain's second paragraph as a5-black
 * sets it (Roneo Sans 500, 15 pt, 345.83 pt) ends on "zone !" alone with
 * first fit; the total fit ends on a longer line, every line within the
 * measure and none but the last more than 3.5 em short. Swept over
 * measures, it leaves at most half as many widow words as first fit, and
 * seldom a line shorter than 3.5 em and than first fit's shortest. */
static void
test_ragged_widow_word (Fixture *f, gconstpointer data)
{
  const char *plain = "Une consultation par écran interposé ne remplace ni un cabinet médical "
                      "ouvert, ni un guichet où l’on peut parler à quelqu’un. Qui n’a pas de "
                      "smartphone devient un usager de seconde zone\u202F!";
  f->style.align = RONEO_ALIGN_LEFT;
  f->style.font = (char *) "Roneo Sans";
  f->style.weight = 500;
  f->style.size = 15;
  g_autoptr (RoneoLineSet) greedy = break_as (f, plain, 345.83, RONEO_BREAKER_GREEDY, FALSE);
  g_autoptr (RoneoLineSet) set = break_as (f, plain, 345.83, RONEO_BREAKER_TOTAL_FIT, FALSE);
  g_assert_true (ends_with_widow_word (greedy));
  g_assert_false (ends_with_widow_word (set));
  g_assert_cmpuint (set->lines->len, ==, greedy->lines->len);
  double longest = 0, unused = 0;
  raggedness (set, &longest, &unused);
  g_assert_cmpfloat (longest, <=, 345.83 + 0.01);
  g_assert_cmpfloat (worst_shortfall (set), <=, 3.5 * 15 + 0.01);
  f->style.font = (char *) "Roneo Text";
  f->style.weight = 400;
  f->style.size = 10.5;
  guint total = 0, widows = 0, greedy_widows = 0, shorter = 0;
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    for (double measure = 180; measure <= 360; measure += 1.5)
      {
        g_autoptr (RoneoLineSet) fit
            = break_as (f, paragraphs[i], measure, RONEO_BREAKER_TOTAL_FIT, FALSE);
        g_autoptr (RoneoLineSet) first
            = break_as (f, paragraphs[i], measure, RONEO_BREAKER_GREEDY, FALSE);
        total++;
        widows += ends_with_widow_word (fit);
        greedy_widows += ends_with_widow_word (first);
        /* shorter than first fit's and than 3.5 em: only to spare three
         * hyphenated lines in a row or a fragment of two letters */
        shorter
            += worst_shortfall (fit) > MAX (worst_shortfall (first), 3.5 * f->style.size) + 0.01;
      }
  f->style.align = RONEO_ALIGN_JUSTIFY;
  g_test_message ("ragged, %u paragraphs: %u widow words, %u with first fit; %u with a line "
                  "over 3.5 em short where first fit has none",
                  total, widows, greedy_widows, shorter);
  g_assert_cmpuint (greedy_widows, >, 0);
  g_assert_cmpuint (2 * widows, <=, greedy_widows);
  g_assert_cmpuint (20 * shorter, <=, total);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/linebreak/within-measure", Fixture, NULL, fixture_set_up, test_within_measure,
              fixture_tear_down);
  g_test_add ("/linebreak/more-even-than-greedy", Fixture, NULL, fixture_set_up,
              test_more_even_than_greedy, fixture_tear_down);
  g_test_add ("/linebreak/hyphen-rules", Fixture, NULL, fixture_set_up, test_hyphen_rules,
              fixture_tear_down);
  g_test_add ("/linebreak/expansion", Fixture, NULL, fixture_set_up, test_expansion,
              fixture_tear_down);
  g_test_add ("/linebreak/ragged", Fixture, NULL, fixture_set_up, test_ragged, fixture_tear_down);
  g_test_add ("/linebreak/widow-word", Fixture, NULL, fixture_set_up, test_widow_word,
              fixture_tear_down);
  g_test_add ("/linebreak/ragged-widow-word", Fixture, NULL, fixture_set_up, test_ragged_widow_word,
              fixture_tear_down);
  g_test_add ("/linebreak/looseness", Fixture, NULL, fixture_set_up, test_looseness,
              fixture_tear_down);
  return g_test_run ();
}
