/* The private font set: aliases resolve to the Debian fonts, a missing
 * family is a warning, the context is set for print (72 dpi). */
#include "roneo-error.h"
#include "roneo-fonts.h"
#include "roneo-layout-parser.h"
#include "roneo-style.h"
#include "roneo-text-layout.h"

#include <pango/pangocairo.h>
#include <string.h>

static RoneoFonts *
fonts_new (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  g_autoptr (GError) error = NULL;
  RoneoFonts *fonts = roneo_fonts_new (dir, &error);
  g_assert_no_error (error);
  return fonts;
}

static void
test_aliases_resolve (void)
{
  g_autoptr (RoneoFonts) fonts = fonts_new ();
  const char *expected[][2] = { { "Roneo Display", "League Spartan" },
                                { "Roneo Condensed", "Bebas Neue" },
                                { "Roneo Text", "Linux Libertine O" },
                                { "Roneo Sans", "Inter" } };
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *described = roneo_fonts_describe (fonts, expected[i][0], 400, FALSE);
      g_assert_true (g_str_has_prefix (described, expected[i][1]));
      g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
      g_assert_true (roneo_fonts_check (fonts, expected[i][0], 700, FALSE, warnings));
      g_assert_cmpuint (roneo_warnings_get_count (warnings), ==, 0);
    }
}

/* **strong** in the running text of every shipped layout is set in a face
 * other than the text around it: a bold list in a family that stops at bold
 * would make it vanish. */
static void
test_strong_visible_in_layouts (void)
{
  g_autoptr (RoneoFonts) fonts = fonts_new ();
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "layouts", NULL);
  g_autoptr (GDir) layouts = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (layouts);
  /* not the quote: a call-out in display capitals, bold through */
  static const RoneoStyleId running[] = { RONEO_STYLE_BODY, RONEO_STYLE_LIST };
  guint checked = 0;
  for (const char *name; (name = g_dir_read_name (layouts)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (RoneoLayout) layout = roneo_layout_parse_file (path, &error);
      g_assert_no_error (error);
      if (layout->kind != RONEO_LAYOUT_FLYER)
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (running); k++)
        {
          const RoneoStyle *style = roneo_layout_peek_style (layout, running[k]);
          g_autofree char *plain
              = roneo_fonts_describe (fonts, style->font, style->weight, style->italic);
          g_autofree char *strong = roneo_fonts_describe (
              fonts, style->font, roneo_style_strong_weight (style), style->italic);
          if (g_strcmp0 (plain, strong) == 0)
            g_error ("%s [%s]: strong is set in %s, as the text around it", name,
                     roneo_style_name (running[k]), plain);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 8);
}

static void
test_missing_family_warns (void)
{
  g_autoptr (RoneoFonts) fonts = fonts_new ();
  g_autoptr (RoneoWarnings) warnings = roneo_warnings_new ();
  g_assert_false (roneo_fonts_check (fonts, "Comic Nonexistent", 400, FALSE, warnings));
  g_assert_cmpuint (roneo_warnings_get_count (warnings), ==, 1);
  const RoneoWarning *warning = roneo_warnings_peek (warnings, 0);
  g_assert_cmpint (roneo_warning_get_kind (warning), ==, RONEO_WARNING_FONT);
  g_assert_nonnull (strstr (roneo_warning_get_message (warning), "Comic Nonexistent"));
  /* about no file: printed as the message alone */
  g_assert_null (roneo_warning_get_file (warning));
  g_assert_cmpuint (roneo_warning_get_line (warning), ==, 0);
  g_autofree char *text = roneo_warning_to_string (warning);
  g_assert_cmpstr (text, ==, roneo_warning_get_message (warning));
  /* Checked once: a second check adds nothing. */
  roneo_fonts_check (fonts, "Comic Nonexistent", 400, FALSE, warnings);
  g_assert_cmpuint (roneo_warnings_get_count (warnings), ==, 1);
}

static void
test_missing_config_is_font_error (void)
{
  g_autoptr (GError) error = NULL;
  RoneoFonts *fonts = roneo_fonts_new ("/nonexistent-roneo-fonts", &error);
  g_assert_null (fonts);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_FONT);
}

/* PITFALLS 1: 10 pt text is 10 pt tall in the PDF, not 13.33. */
static void
test_context_is_72_dpi (void)
{
  g_autoptr (RoneoFonts) fonts = fonts_new ();
  PangoContext *context = roneo_fonts_create_context (fonts, "fr");
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("Roneo Text, 10");
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Hxg", -1);
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  double height = pango_units_to_double (logical.height);
  g_assert_cmpfloat (height, >, 9.0);
  g_assert_cmpfloat (height, <, 13.0);
  pango_font_description_free (desc);
  g_object_unref (layout);
  g_object_unref (context);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fonts/aliases-resolve", test_aliases_resolve);
  g_test_add_func ("/fonts/strong-visible-in-layouts", test_strong_visible_in_layouts);
  g_test_add_func ("/fonts/missing-family-warns", test_missing_family_warns);
  g_test_add_func ("/fonts/missing-config", test_missing_config_is_font_error);
  g_test_add_func ("/fonts/72-dpi", test_context_is_72_dpi);
  return g_test_run ();
}
