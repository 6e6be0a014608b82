/* Headline fitting: properties, not numbers (STYLE.md). The fit is inside
 * the box, within min/max, one step larger would not fit, and balancing
 * keeps the line count with lines of similar length. */
#include "roneo-fit.h"
#include "roneo-fonts.h"

#include <pango/pango.h>
#include <string.h>

typedef struct
{
  RoneoFonts *fonts;
  PangoContext *context;
  RoneoStyle style;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  f->fonts = roneo_fonts_new (dir, NULL);
  g_assert_nonnull (f->fonts);
  f->context = roneo_fonts_create_context (f->fonts, "fr");
  f->style = (RoneoStyle){ .font = (char *) "Roneo Display",
                           .weight = 900,
                           .size = 72,
                           .min_size = 18,
                           .leading = 1.0,
                           .max_lines = 3 };
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->context);
  roneo_fonts_free (f->fonts);
}

static void
assert_fit_properties (Fixture *f, const char *text, double width, double height)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (text);
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", width, height);
  g_assert_true (fit.fits);
  g_assert_cmpfloat (fit.size, >=, f->style.min_size);
  g_assert_cmpfloat (fit.size, <=, f->style.size);
  g_assert_cmpint (fit.lines, <=, (int) f->style.max_lines);
  g_assert_cmpfloat (pango_units_to_double (fit.ink.x + fit.ink.width), <=, width + 0.01);
  g_assert_cmpfloat (pango_units_to_double (fit.ink.height), <=, height + 0.01);
  g_assert_cmpfloat (fit.width, <=, width);
  /* A tenth of a point larger does not fit, unless the fit is at the maximum
   * (trial sizes are exact to a few Pango units, see roneo-fit.c). */
  if (fit.size < f->style.size)
    g_assert_false (
        roneo_fit_check (f->context, rich, &f->style, "fr", fit.size + 0.1, width, height));
  /* Deterministic. */
  RoneoFit again = roneo_fit_text (f->context, rich, &f->style, "fr", width, height);
  g_assert_cmpfloat (again.size, ==, fit.size);
  g_assert_cmpfloat (again.width, ==, fit.width);
  roneo_fit_clear (&again);
  roneo_fit_clear (&fit);
}

static void
test_fit_inside_box (Fixture *f, gconstpointer data)
{
  assert_fit_properties (f, "Numérique, pompe à fric", 351.5, 200);
  assert_fit_properties (f, "Un médecin, pas une appli", 351.5, 120);
  assert_fit_properties (f, "Nos données ne sont pas à vendre", 200, 300);
  assert_fit_properties (f, "Non", 351.5, 60);
}

static void
test_fit_limited_by_height (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Des guichets, pas des serveurs");
  RoneoFit tall = roneo_fit_text (f->context, rich, &f->style, "fr", 351.5, 300);
  RoneoFit low = roneo_fit_text (f->context, rich, &f->style, "fr", 351.5, 40);
  g_assert_cmpfloat (low.size, <, tall.size);
  g_assert_cmpfloat (pango_units_to_double (low.ink.height), <=, 40.01);
  roneo_fit_clear (&tall);
  roneo_fit_clear (&low);
}

static double
line_width (PangoLayoutLine *line)
{
  PangoRectangle logical;
  pango_layout_line_get_extents (line, NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* Balanced: same line count as the greedy wrap at full width, lines of
 * similar length, and any narrower width adds a line. */
static void
test_balance (Fixture *f, gconstpointer data)
{
  f->style.max_lines = 4;
  f->style.size = 40;
  g_autoptr (RoneoRichText) rich
      = roneo_rich_text_new ("Le numérique, ce n’est plus du service public");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", 351.5, 300);
  g_assert_cmpint (fit.lines, >=, 2);
  double shortest = G_MAXDOUBLE, longest = 0;
  for (GSList *l = pango_layout_get_lines_readonly (fit.layout); l != NULL; l = l->next)
    {
      shortest = MIN (shortest, line_width (l->data));
      longest = MAX (longest, line_width (l->data));
    }
  g_assert_cmpfloat (shortest / longest, >, 0.6);
  PangoLayout *narrower = pango_layout_copy (fit.layout);
  pango_layout_set_width (narrower, pango_units_from_double (fit.width - 1));
  g_assert_cmpint (pango_layout_get_line_count (narrower), >, fit.lines);
  g_object_unref (narrower);
  roneo_fit_clear (&fit);
}

/* A word that cannot fit even at min-size is reported, not hidden. */
static void
test_unfittable (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Anticonstitutionnellement");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", 60, 100);
  g_assert_false (fit.fits);
  g_assert_cmpfloat (fit.size, ==, f->style.min_size);
  /* it would stick out of the box: the word is named for the error */
  g_assert_cmpstr (fit.wide_word, ==, "Anticonstitutionnellement");
  g_assert_cmpfloat (fit.wide_width, >, 60);
  roneo_fit_clear (&fit);
  g_assert_null (fit.wide_word);
}

/* Only the word too wide is named, not its short neighbours. */
static void
test_wide_word_among_others (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Non à\u00a0l\u2019anticonstitutionnalité");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", 60, 100);
  g_assert_cmpstr (fit.wide_word, ==, "l\u2019anticonstitutionnalité");
  roneo_fit_clear (&fit);
  /* a word that fits is never named, even when the box is too low */
  g_autoptr (RoneoRichText) fits = roneo_rich_text_new ("Non");
  fit = roneo_fit_text (f->context, fits, &f->style, "fr", 300, 1);
  g_assert_false (fit.fits);
  g_assert_null (fit.wide_word);
  roneo_fit_clear (&fit);
}

/* With break-words the word is cut across lines, none wider than the box. */
static void
test_break_words (Fixture *f, gconstpointer data)
{
  f->style.break_words = TRUE;
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Anticonstitutionnellement");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", 150, 200);
  g_assert_true (fit.fits);
  g_assert_null (fit.wide_word);
  g_assert_cmpint (fit.lines, >, 1);
  g_assert_cmpint (fit.lines, <=, (int) f->style.max_lines);
  g_assert_cmpfloat (pango_units_to_double (fit.ink.x + fit.ink.width), <=, 150.01);
  roneo_fit_clear (&fit);
  /* a word that fits whole is not cut */
  g_autoptr (RoneoRichText) whole = roneo_rich_text_new ("Grève générale");
  fit = roneo_fit_text (f->context, whole, &f->style, "fr", 300, 200);
  g_assert_true (fit.fits);
  g_assert_cmpint (fit.lines, <=, 2);
  const char *text = pango_layout_get_text (fit.layout);
  for (GSList *l = pango_layout_get_lines_readonly (fit.layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      gunichar before = line->start_index == 0
                            ? ' '
                            : g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      /* a space, or the forced break the fit put in its place */
      g_assert_true (before == ' ' || before == 0x2028);
    }
  roneo_fit_clear (&fit);
}

/* The lines of fit, " / " between them, without the forced breaks. Owned. */
static char *
fit_lines (const RoneoFit *fit)
{
  const char *text = pango_layout_get_text (fit->layout);
  GString *out = g_string_new (NULL);
  for (GSList *l = pango_layout_get_lines_readonly (fit->layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (text + line->start_index, line->length);
      if (g_str_has_suffix (part, "\u2028"))
        part[strlen (part) - strlen ("\u2028")] = '\0';
      g_string_append_printf (out, "%s%s", out->len ? " / " : "", g_strstrip (part));
    }
  return g_string_free (out, FALSE);
}

/* The fit breaks where the phrase does, not where Pango's greedy wrap
 * would ("UN MÉDECIN, / PAS / UNE APPLI"), and keeps its properties. */
static void
test_phrase_breaks (Fixture *f, gconstpointer data)
{
  const struct
  {
    const char *text;
    double width, height;
    const char *lines;
  } cases[] = {
    { "UN MÉDECIN, PAS UNE APPLI", 351.5, 300, "UN MÉDECIN, / PAS UNE APPLI" },
    { "DES GUICHETS, PAS DES SERVEURS !", 351.5, 300, "DES GUICHETS, / PAS DES SERVEURS !" },
    { "RASSEMBLEMENT À L’ISLE-JOURDAIN", 300, 300, "RASSEMBLEMENT / À L’ISLE-JOURDAIN" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RoneoRichText) rich = roneo_rich_text_new (cases[i].text);
      RoneoFit fit
          = roneo_fit_text (f->context, rich, &f->style, "fr", cases[i].width, cases[i].height);
      g_autofree char *lines = fit_lines (&fit);
      g_assert_cmpstr (lines, ==, cases[i].lines);
      roneo_fit_clear (&fit);
      assert_fit_properties (f, cases[i].text, cases[i].width, cases[i].height);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/fit/inside-box", Fixture, NULL, fixture_set_up, test_fit_inside_box,
              fixture_tear_down);
  g_test_add ("/fit/limited-by-height", Fixture, NULL, fixture_set_up, test_fit_limited_by_height,
              fixture_tear_down);
  g_test_add ("/fit/balance", Fixture, NULL, fixture_set_up, test_balance, fixture_tear_down);
  g_test_add ("/fit/unfittable", Fixture, NULL, fixture_set_up, test_unfittable, fixture_tear_down);
  g_test_add ("/fit/wide-word", Fixture, NULL, fixture_set_up, test_wide_word_among_others,
              fixture_tear_down);
  g_test_add ("/fit/phrase-breaks", Fixture, NULL, fixture_set_up, test_phrase_breaks,
              fixture_tear_down);
  g_test_add ("/fit/break-words", Fixture, NULL, fixture_set_up, test_break_words,
              fixture_tear_down);
  return g_test_run ();
}
