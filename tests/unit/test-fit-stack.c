/* Stacked display lines (a placard's slogan, roneo-fit.h): each line fills
 * the measure with its ink unless the size ratio or the box holds it back,
 * the lines keep the slogan's order, the stack stays inside the box, the
 * ink of two consecutive lines never overlaps (an accent on the line below
 * does not touch the line above), and the same slogan gives the same stack. */
#include "roneo-fit.h"
#include "roneo-fonts.h"

#include <math.h>
#include <pango/pango.h>
#include <string.h>

#define MEASURE 756.85 /* pt: an A3 placard's 267 mm measure */
#define BOX 930.0      /* pt: the headline box of that placard */
#define MAX_RATIO 2.5  /* roneo-fit-stack.c */

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
  f->style = (RoneoStyle){ .font = (char *) "Roneo Condensed",
                           .weight = 700,
                           .size = 200,
                           .min_size = 48,
                           .leading = 0.88,
                           .max_lines = 5,
                           .stack = TRUE };
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->context);
  roneo_fonts_free (f->fonts);
}

static const RoneoFitLine *
stack_line (const RoneoFit *fit, guint i)
{
  return &g_array_index (fit->stack, RoneoFitLine, i);
}

/* Line i's ink on the page, relative to the stack's top left. */
static PangoRectangle
line_ink (const RoneoFit *fit, guint i, double *top, double *bottom)
{
  PangoRectangle ink;
  pango_layout_get_extents (stack_line (fit, i)->layout, &ink, NULL);
  *top = stack_line (fit, i)->y + pango_units_to_double (ink.y);
  *bottom = *top + pango_units_to_double (ink.height);
  return ink;
}

/* The lines' texts joined by spaces give the slogan back: nothing lost,
 * nothing reordered. */
static void
assert_in_order (const RoneoFit *fit, const char *text)
{
  g_autoptr (GString) joined = g_string_new (NULL);
  for (guint i = 0; i < fit->stack->len; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "",
                            pango_layout_get_text (stack_line (fit, i)->layout));
  g_assert_cmpstr (joined->str, ==, text);
}

static double
smallest_size (const RoneoFit *fit)
{
  double smallest = G_MAXDOUBLE;
  for (guint i = 0; i < fit->stack->len; i++)
    smallest = MIN (smallest, stack_line (fit, i)->size);
  return smallest;
}

static void
assert_stack_properties (Fixture *f, const char *text, double height)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (text);
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, height);
  g_assert_nonnull (fit.stack);
  g_assert_true (fit.fits);
  g_assert_cmpuint (fit.stack->len, <=, f->style.max_lines);
  g_assert_cmpfloat (pango_units_to_double (fit.ink.height), <=, height + 0.01);
  assert_in_order (&fit, text);
  double smallest = smallest_size (&fit);
  g_assert_cmpfloat (smallest, >=, f->style.min_size);
  g_assert_cmpfloat (fit.size, ==, smallest);
  /* The box holds the stack back only when its ink fills the box height. */
  gboolean height_bound = pango_units_to_double (fit.ink.height) > height * 0.98;
  double previous_bottom = -1;
  for (guint i = 0; i < fit.stack->len; i++)
    {
      const RoneoFitLine *line = stack_line (&fit, i);
      double top, bottom;
      PangoRectangle ink = line_ink (&fit, i, &top, &bottom);
      double left = line->x + pango_units_to_double (ink.x);
      double right = left + pango_units_to_double (ink.width);
      g_assert_cmpfloat (left, >=, -0.01);
      g_assert_cmpfloat (right, <=, MEASURE + 0.01);
      g_assert_cmpfloat (line->size, <=, smallest * MAX_RATIO + 0.01);
      gboolean ratio_bound = line->size >= smallest * MAX_RATIO - 0.1;
      if (!height_bound && !ratio_bound)
        g_assert_cmpfloat (right - left, >=, MEASURE * 0.98);
      /* No ink overlap with the line above, nor touching. */
      g_assert_cmpfloat (top, >, previous_bottom);
      g_assert_cmpfloat (top, >=, -0.01);
      g_assert_cmpfloat (bottom, <=, height + 0.01);
      previous_bottom = bottom;
    }
  /* Deterministic. */
  RoneoFit again = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, height);
  g_assert_cmpuint (again.stack->len, ==, fit.stack->len);
  for (guint i = 0; i < fit.stack->len; i++)
    {
      g_assert_cmpfloat (stack_line (&again, i)->size, ==, stack_line (&fit, i)->size);
      g_assert_cmpfloat (stack_line (&again, i)->y, ==, stack_line (&fit, i)->y);
    }
  roneo_fit_clear (&again);
  roneo_fit_clear (&fit);
}

static void
test_stack_fills_measure (Fixture *f, gconstpointer data)
{
  assert_stack_properties (f, "NUMÉRIQUE, POMPE À FRIC", BOX);
  assert_stack_properties (f, "DES GUICHETS, PAS DES SERVEURS !", BOX);
  assert_stack_properties (f, "NOS DONNÉES NE SONT PAS À VENDRE", BOX);
  assert_stack_properties (f, "LE NUMÉRIQUE, CE N’EST PLUS DU SERVICE PUBLIC", BOX);
  assert_stack_properties (f, "NON", BOX);
}

/* Too tall for the box: every line is scaled down together, so the
 * sizes keep their proportions and the stack fits the box. */
static void
test_stack_limited_by_height (Fixture *f, gconstpointer data)
{
  const char *text = "NUMÉRIQUE, POMPE À FRIC";
  assert_stack_properties (f, text, 300);
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new (text);
  RoneoFit tall = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, BOX);
  RoneoFit low = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, 300);
  g_assert_cmpfloat (low.size, <, tall.size);
  g_assert_cmpfloat (pango_units_to_double (low.ink.height), >, 300 * 0.95);
  roneo_fit_clear (&tall);
  roneo_fit_clear (&low);
}

/* The lines end where the phrases do, and a short line is set larger. */
static void
test_stack_phrasing (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("NOS DONNÉES NE SONT PAS À VENDRE");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, BOX);
  g_assert_cmpuint (fit.stack->len, ==, 3);
  g_assert_cmpstr (pango_layout_get_text (stack_line (&fit, 2)->layout), ==, "À VENDRE");
  g_assert_cmpfloat (stack_line (&fit, 2)->size, >, stack_line (&fit, 0)->size);
  roneo_fit_clear (&fit);
}

/* Accents on the line below ("À", "É") sit below the ink of the line above. */
static void
test_stack_accents (Fixture *f, gconstpointer data)
{
  assert_stack_properties (f, "ÉCOLES, ÉTATS, ÂMES, ÊTRES, ÎLES", BOX);
  assert_stack_properties (f, "HÔPITAL, À NOUS !", BOX);
}

/* A comma at the end of a line sits over the capital of the line below
 * when the lines are flush: it gets more room, or "APPLI" reads "APPLÍ". */
static void
test_stack_comma_room (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("UN MÉDECIN, PAS UNE APPLI");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, BOX);
  g_assert_cmpuint (fit.stack->len, ==, 2);
  g_assert_true (g_str_has_suffix (pango_layout_get_text (stack_line (&fit, 0)->layout), ","));
  double top0, bottom0, top1, bottom1;
  line_ink (&fit, 0, &top0, &bottom0);
  line_ink (&fit, 1, &top1, &bottom1);
  double smaller = MIN (stack_line (&fit, 0)->size, stack_line (&fit, 1)->size);
  g_assert_cmpfloat (top1 - bottom0, >=, 0.1 * smaller);
  roneo_fit_clear (&fit);
}

/* Without stack the same style keeps one size for all lines. */
static void
test_no_stack (Fixture *f, gconstpointer data)
{
  f->style.stack = FALSE;
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("NUMÉRIQUE, POMPE À FRIC");
  RoneoFit fit = roneo_fit_text (f->context, rich, &f->style, "fr", MEASURE, BOX);
  g_assert_null (fit.stack);
  g_assert_cmpfloat (fit.size, <=, f->style.size);
  roneo_fit_clear (&fit);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/fit-stack/fills-measure", Fixture, NULL, fixture_set_up, test_stack_fills_measure,
              fixture_tear_down);
  g_test_add ("/fit-stack/limited-by-height", Fixture, NULL, fixture_set_up,
              test_stack_limited_by_height, fixture_tear_down);
  g_test_add ("/fit-stack/phrasing", Fixture, NULL, fixture_set_up, test_stack_phrasing,
              fixture_tear_down);
  g_test_add ("/fit-stack/accents", Fixture, NULL, fixture_set_up, test_stack_accents,
              fixture_tear_down);
  g_test_add ("/fit-stack/comma-room", Fixture, NULL, fixture_set_up, test_stack_comma_room,
              fixture_tear_down);
  g_test_add ("/fit-stack/no-stack", Fixture, NULL, fixture_set_up, test_no_stack,
              fixture_tear_down);
  return g_test_run ();
}
