/* test-layout-parser.c: layout files, their errors with file:line, overrides, lookup. */
#include "roneo-error.h"
#include "roneo-layout-parser.h"
#include "roneo-style.h"

#include <glib/gstdio.h>
#include <string.h>

#define EPSILON 1e-9

static const char *const shipped[]
    = { "a3-placard", "a4-tract", "a5-black", "a5-flyer", "a6-card" };
static const char *const aliases[]
    = { "Roneo Display", "Roneo Condensed", "Roneo Text", "Roneo Sans", NULL };

static char *
layouts_dir (void)
{
  const char *root = g_getenv ("RONEO_SOURCE_ROOT");
  g_assert_nonnull (root);
  return g_build_filename (root, "layouts", NULL);
}

static RoneoLayout *
parse (const char *text, GError **error)
{
  return roneo_layout_parse_data ("test.ini", text, strlen (text), error);
}

static RoneoLayout *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  RoneoLayout *layout = parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* The message must start with expected (a position, then the problem). */
static void
assert_parse_error (const char *text, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoLayout) layout = parse (text, &error);
  if (layout != NULL)
    g_error ("for:\n%s\nno error, expected '%s...'", text, expected);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("for:\n%s\ngot      '%s'\nexpected '%s...'", text, error->message, expected);
  g_assert_false (g_str_has_suffix (error->message, "."));
}

/* ---- shipped layouts ---- */

static RoneoLayout *
load_shipped (const char *name)
{
  g_autofree char *dir = layouts_dir ();
  g_autofree char *file = g_strconcat (name, ".ini", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) error = NULL;
  RoneoLayout *layout = roneo_layout_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (layout->path, ==, path);
  return layout;
}

static void
assert_style_sane (const RoneoStyle *style, const RoneoStyle *body)
{
  g_assert_true (g_strv_contains (aliases, style->font));
  g_assert_cmpint (style->weight, >=, 100);
  g_assert_cmpint (style->weight, <=, 900);
  g_assert_cmpfloat (style->min_size, >=, 5);
  g_assert_cmpfloat (style->min_size, <=, style->size);
  g_assert_cmpfloat (style->leading, >=, 0.85);
  g_assert_cmpfloat (style->leading, <=, 1.5);
  /* every block at least as readable as the notes, none larger than the headline */
  g_assert_cmpfloat (style->size, >=, 7);
  g_assert_cmpfloat (style->size, <=, 200);
  (void) body;
}

static void
assert_layout_sane (const RoneoLayout *layout, const char *name)
{
  g_assert_cmpstr (layout->name, ==, name);
  g_assert_nonnull (layout->description);
  g_assert_cmpuint (strlen (layout->description), >, 20);
  g_assert_null (strchr (layout->description, '\n'));
  g_assert_cmpint (layout->kind, ==, RONEO_LAYOUT_FLYER);
  RoneoRect frame = roneo_layout_get_frame (layout);
  g_assert_cmpfloat (frame.width, >=, 0.7 * layout->width);
  g_assert_cmpfloat (frame.height, >=, 0.8 * layout->height);
  g_assert_cmpfloat (layout->margin_bottom, >=, layout->margin_top);
  g_assert_cmpfloat_with_epsilon (layout->bleed, RONEO_MM (3), EPSILON);
  RoneoLayout *mutable = (RoneoLayout *) layout;
  static const char *const styles[]
      = { "headline", "subhead", "body", "list", "quote", "footnotes", "footer" };
  for (gsize i = 0; i < G_N_ELEMENTS (styles); i++)
    assert_style_sane (roneo_layout_get_style (mutable, styles[i]), &layout->body);
  /* the imprint is a legal mention, not copy: smaller than the signature,
   * but not so small that a photocopy loses it */
  g_assert_true (g_strv_contains (aliases, layout->imprint.font));
  g_assert_cmpfloat (layout->imprint.size, <, layout->footer.size);
  g_assert_cmpfloat (layout->imprint.size, >=, 5.5);
  /* a hierarchy: headline > subhead > body > footnotes, headline fitted */
  g_assert_cmpfloat (layout->headline.size, >, 2.5 * layout->body.size);
  g_assert_cmpfloat (layout->subhead.size, >, layout->body.size);
  g_assert_cmpfloat (layout->footnotes.size, <, layout->body.size);
  g_assert_cmpuint (layout->headline.max_lines, >=, 2);
  g_assert_cmpfloat (layout->headline.min_size, <, layout->headline.size / 2);
  g_assert_cmpfloat (layout->headline.leading, <=, 1.0);
  g_assert_false (layout->headline.hyphenate);
  g_assert_cmpint (layout->headline.align, !=, RONEO_ALIGN_JUSTIFY);
  g_assert_cmpfloat (layout->body.leading, >=, 1.15);
  g_assert_cmpfloat (layout->body.min_size, <, layout->body.size);
}

static void
assert_trim (const RoneoLayout *layout, double width, double height)
{
  g_assert_cmpfloat_with_epsilon (layout->width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (layout->height, height, 0.01);
}

/* Every flyer layout places pictures: a caption readable in print, a
 * min-height under the max-height, a logo no taller than a fifth of the page. */
static void
test_shipped_pictures (void)
{
  static const struct
  {
    const char *name;
    RoneoLogoPosition position;
  } layouts[] = {
    { "a5-flyer", RONEO_LOGO_TOP_LEFT },   { "a5-black", RONEO_LOGO_TOP_LEFT },
    { "a4-tract", RONEO_LOGO_TOP_RIGHT },  { "a6-card", RONEO_LOGO_FOOTER },
    { "a3-placard", RONEO_LOGO_TOP_LEFT },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autoptr (RoneoLayout) layout = load_shipped (layouts[i].name);
      const RoneoPictures *pictures = &layout->pictures;
      g_assert_cmpint (pictures->logo_position, ==, layouts[i].position);
      g_assert_cmpfloat (pictures->min_height, >, 0);
      g_assert_cmpfloat (pictures->min_height, <, pictures->max_height);
      g_assert_cmpfloat (pictures->max_height, <, layout->height / 2);
      g_assert_cmpfloat (pictures->logo_height, <, layout->height / 5);
      g_assert_cmpfloat (layout->caption.size, >=, 6.5);
      g_assert_cmpstr (layout->caption.font, ==, "Roneo Sans");
    }
  g_autoptr (RoneoLayout) black = load_shipped ("a5-black");
  g_assert_cmpfloat (black->caption.color.r, ==, 1); /* white on black */
}

/* The banner layouts place the logo beside the slogan or under it, as a
 * share of the height (one layout for every size); a length clears the share. */
static void
test_shipped_banner_logo (void)
{
  static const struct
  {
    const char *name;
    RoneoLogoPosition position;
    double share;
  } layouts[] = { { "banderole", RONEO_LOGO_TOP_LEFT, 0.7 },
                  { "banderole-rouge", RONEO_LOGO_FOOTER, 0.25 } };
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autoptr (RoneoLayout) layout = load_shipped (layouts[i].name);
      g_assert_cmpint (layout->pictures.logo_position, ==, layouts[i].position);
      g_assert_cmpfloat_with_epsilon (layout->pictures.logo_height_share, layouts[i].share, 1e-9);
      g_assert_cmpfloat_with_epsilon (layout->pictures.logo_gap_share, 0.06, 1e-9);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoLayout) under
      = parse ("[layout]\nkind = banner\n[logo]\nposition = under\nheight = 40cm\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (under->pictures.logo_position, ==, RONEO_LOGO_FOOTER);
  g_assert_cmpfloat (under->pictures.logo_height_share, ==, 0);
  g_assert_cmpfloat_with_epsilon (under->pictures.logo_height, RONEO_MM (400), 1e-6);
}

static void
test_shipped_a5_flyer (void)
{
  g_autoptr (RoneoLayout) layout = load_shipped ("a5-flyer");
  assert_layout_sane (layout, "a5-flyer");
  assert_trim (layout, 419.53, 595.28);
  g_assert_cmpuint (layout->max_pages, ==, 2);
  g_assert_cmpint (layout->valign, ==, RONEO_VALIGN_SPREAD);
  g_assert_cmpint (layout->verso_valign, ==, -1);
  g_assert_cmpfloat (layout->headline.min_ratio, ==, 1.8);
  g_assert_cmpstr (layout->headline.font, ==, "Roneo Display");
  g_assert_cmpint (layout->headline.weight, >=, 700);
  g_assert_cmpfloat (layout->headline.size, ==, 60);
  g_assert_cmpfloat (layout->headline.min_size, ==, 20);
  g_assert_cmpuint (layout->headline.max_lines, ==, 3);
  g_assert_cmpstr (layout->subhead.font, ==, "Roneo Sans");
  g_assert_cmpstr (layout->body.font, ==, "Roneo Text");
  g_assert_cmpfloat (layout->body.size, >=, 10.5);
  g_assert_cmpfloat (layout->body.size, <=, 11);
  g_assert_cmpfloat (layout->body.min_size, ==, 9);
  g_assert_cmpint (layout->body.align, ==, RONEO_ALIGN_JUSTIFY);
  g_assert_true (layout->body.hyphenate);
  g_assert_cmpfloat_with_epsilon (layout->body.expansion, 0.02, 1e-9);
  g_assert_cmpfloat (layout->list.expansion, ==, 0);
  g_assert_true (layout->quote.has_background);
  g_assert_cmpfloat (layout->footnotes.size, <=, 8);
  g_assert_cmpfloat (layout->footer.size, ==, 8.5);
  g_autofree char *accent = roneo_color_to_string (&layout->headline.color);
  g_autofree char *body = roneo_color_to_string (&layout->body.color);
  g_assert_cmpstr (accent, ==, "#c8102e");
  g_assert_cmpstr (body, ==, "#000000");
  g_assert_cmpfloat_with_epsilon (layout->margin_left, RONEO_MM (12), EPSILON);
  g_assert_cmpfloat (layout->margin_bottom, >, layout->margin_top);
}

static void
test_shipped_a4_tract (void)
{
  g_autoptr (RoneoLayout) layout = load_shipped ("a4-tract");
  assert_layout_sane (layout, "a4-tract");
  assert_trim (layout, 595.28, 841.89);
  g_assert_cmpuint (layout->max_pages, ==, 2);
  g_assert_cmpstr (layout->headline.font, ==, "Roneo Condensed");
  g_assert_cmpint (layout->headline.transform, ==, RONEO_TRANSFORM_UPPERCASE);
  g_assert_cmpfloat (layout->body.size, ==, 11.5);
  g_assert_cmpint (layout->body.align, ==, RONEO_ALIGN_JUSTIFY);
  /* a headline band over a text column: the running text's measure, about
   * 65 characters, well under the frame the headline and call-out span */
  RoneoRect frame = roneo_layout_get_frame (layout);
  RoneoRect column = roneo_layout_get_column (layout, layout->body.size);
  g_assert_cmpfloat (column.width, <, RONEO_MM (120));
  g_assert_cmpfloat (column.width, <, frame.width * 0.7);
  /* against the frame's right edge, the gutter on its left */
  g_assert_cmpfloat_with_epsilon (column.x + column.width, frame.x + frame.width, EPSILON);
  g_assert_cmpfloat_with_epsilon (column.y, frame.y, EPSILON);
  g_assert_cmpfloat_with_epsilon (column.height, frame.height, EPSILON);
}

static void
test_shipped_a6_card (void)
{
  g_autoptr (RoneoLayout) layout = load_shipped ("a6-card");
  assert_layout_sane (layout, "a6-card");
  assert_trim (layout, 297.64, 419.53);
  g_assert_cmpuint (layout->max_pages, ==, 2);
  g_assert_cmpstr (layout->headline.font, ==, "Roneo Condensed");
  g_assert_cmpfloat (layout->body.size, ==, 9);
  g_assert_cmpint (layout->body.align, ==, RONEO_ALIGN_LEFT);
  g_assert_cmpfloat (layout->margin_left, >=, RONEO_MM (7));
  g_assert_cmpfloat (layout->margin_left, <=, RONEO_MM (8));
}

static void
test_shipped_a3_placard (void)
{
  g_autoptr (RoneoLayout) layout = load_shipped ("a3-placard");
  assert_layout_sane (layout, "a3-placard");
  assert_trim (layout, 841.89, 1190.55);
  g_assert_cmpuint (layout->max_pages, ==, 1);
  g_assert_cmpint (layout->valign, ==, RONEO_VALIGN_CENTER);
  g_assert_cmpfloat (layout->headline.size, ==, 200);
  /* a stacked slogan: 2 to 5 lines, each at its own size */
  g_assert_cmpuint (layout->headline.max_lines, ==, 5);
  g_assert_true (layout->headline.stack);
  g_assert_false (layout->body.stack);
  g_assert_cmpint (layout->headline.transform, ==, RONEO_TRANSFORM_UPPERCASE);
  g_assert_cmpfloat (layout->body.size, >=, 18);
  g_assert_cmpint (layout->body.align, ==, RONEO_ALIGN_LEFT);
  g_assert_false (layout->body.hyphenate);
}

/* "Each a good design on its own": no two layouts share a headline treatment
 * and a trim size. */
static void
test_shipped_distinct (void)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr (RoneoLayout) layout = load_shipped (shipped[i]);
      char *voice
          = g_strdup_printf ("%s/%d/%d/%.0f/%s", layout->headline.font, layout->headline.weight,
                             layout->headline.transform, layout->width, layout->body.font);
      g_assert_false (g_ptr_array_find_with_equal_func (seen, voice, g_str_equal, NULL));
      g_ptr_array_add (seen, voice);
    }
}

/* ---- values ---- */

static void
test_defaults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoLayout) layout
      = roneo_layout_parse_data ("/some/where/my-design.ini", "", 0, &error);
  g_autoptr (RoneoLayout) defaults = roneo_layout_new ();
  g_assert_no_error (error);
  g_assert_cmpstr (layout->name, ==, "my-design");
  g_assert_cmpstr (layout->path, ==, "/some/where/my-design.ini");
  g_assert_cmpfloat (layout->width, ==, defaults->width);
  g_assert_cmpfloat (layout->body.size, ==, defaults->body.size);
  g_assert_cmpstr (layout->headline.font, ==, defaults->headline.font);

  g_autoptr (RoneoLayout) named = parse_ok ("# comment only\n\n[layout]\nname = other\n");
  g_assert_cmpstr (named->name, ==, "other");
}

typedef struct
{
  const char *text;
  double pt;
} LengthCase;

static void
test_lengths (void)
{
  static const LengthCase cases[] = {
    { "10mm", 10 * 72 / 25.4 },
    { "1.5cm", 15 * 72 / 25.4 },
    { "0.5in", 36 },
    { "12pt", 12 },
    { "0.0", 0 },
    { "  2 cm  ", 20 * 72 / 25.4 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[page]\nmargin-top = %s\nbleed = %s\n"
                                               "[body]\nspace-after = %s\n",
                                               cases[i].text, cases[i].text, cases[i].text);
      g_autoptr (RoneoLayout) layout = parse_ok (text);
      g_assert_cmpfloat_with_epsilon (layout->margin_top, cases[i].pt, EPSILON);
      g_assert_cmpfloat_with_epsilon (layout->bleed, cases[i].pt, EPSILON);
      g_assert_cmpfloat_with_epsilon (layout->body.space_after, cases[i].pt, EPSILON);
    }
}

typedef struct
{
  const char *text;
  double width, height;
} SizeCase;

static void
test_paper (void)
{
  static const SizeCase cases[] = {
    { "size = A4", 595.28, 841.89 },
    { "size = a5", 419.53, 595.28 },
    { "size = A4 landscape", 841.89, 595.28 },
    { "size = A4\norientation = landscape", 841.89, 595.28 },
    /* orientation applies after size whatever the order */
    { "orientation = landscape\nsize = A5", 595.28, 419.53 },
    { "orientation = portrait\nsize = A4 landscape", 595.28, 841.89 },
    { "orientation = Landscape", 595.28, 419.53 },
    { "size = 148x210mm", 419.53, 595.28 },
    { "size = 300 x 90 cm", RONEO_MM (3000), RONEO_MM (900) },
    { "size = Letter", 612, 792 },
    { "size = SRA3", RONEO_MM (320), RONEO_MM (450) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[page]\n%s\n", cases[i].text);
      g_autoptr (RoneoLayout) layout = parse_ok (text);
      assert_trim (layout, cases[i].width, cases[i].height);
    }
}

typedef struct
{
  const char *text;
  double top, right, bottom, left; /* mm */
} MarginCase;

static void
test_margins (void)
{
  static const MarginCase cases[] = {
    { "margin = 12mm", 12, 12, 12, 12 },
    { "margin = 10mm 20mm", 10, 20, 10, 20 },
    { "margin = 15mm 12mm 18mm", 15, 12, 18, 12 },
    { "margin = 1mm 2mm 3mm 4mm", 1, 2, 3, 4 },
    { "margin = 1cm  15 mm", 10, 15, 10, 15 },
    { "margin = 12mm\nmargin-bottom = 20mm", 12, 12, 20, 12 },
    { "margin-left = 5mm\nmargin-right = 6mm", 12, 6, 12, 5 },
    { "margin-top = 0", 0, 12, 12, 12 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[page]\n%s\n", cases[i].text);
      g_autoptr (RoneoLayout) layout = parse_ok (text);
      g_assert_cmpfloat_with_epsilon (layout->margin_top, RONEO_MM (cases[i].top), EPSILON);
      g_assert_cmpfloat_with_epsilon (layout->margin_right, RONEO_MM (cases[i].right), EPSILON);
      g_assert_cmpfloat_with_epsilon (layout->margin_bottom, RONEO_MM (cases[i].bottom), EPSILON);
      g_assert_cmpfloat_with_epsilon (layout->margin_left, RONEO_MM (cases[i].left), EPSILON);
    }
}

static void
test_page_keys (void)
{
  g_autoptr (RoneoLayout) layout = parse_ok ("[layout]\nkind = banner\ndescription = One line, "
                                             "with commas\n[page]\npages = 1\nvalign = center\n"
                                             "verso-valign = top\nbackground = #fffbe6\n");
  g_assert_cmpint (layout->kind, ==, RONEO_LAYOUT_BANNER);
  g_assert_cmpstr (layout->description, ==, "One line, with commas");
  g_assert_cmpuint (layout->max_pages, ==, 1);
  g_assert_cmpint (layout->valign, ==, RONEO_VALIGN_CENTER);
  g_assert_cmpint (layout->verso_valign, ==, RONEO_VALIGN_TOP);
  /* no column: the running text takes the frame */
  RoneoRect frame = roneo_layout_get_frame (layout);
  RoneoRect whole = roneo_layout_get_column (layout, 11);
  g_assert_cmpfloat_with_epsilon (whole.x, frame.x, EPSILON);
  g_assert_cmpfloat_with_epsilon (whole.width, frame.width, EPSILON);
  /* a column in ems follows a body grown past its size, not one shrunk
   * under it (the grid stays); one in mm stays; either is at most the frame */
  g_autoptr (RoneoLayout) ems = parse_ok ("[page]\nmargin = 10mm\ncolumn = 20em\n"
                                          "column-align = center\n[body]\nsize = 8pt\n");
  RoneoRect column = roneo_layout_get_column (ems, 10);
  g_assert_cmpfloat_with_epsilon (column.width, 200, EPSILON);
  g_assert_cmpfloat_with_epsilon (column.x, RONEO_MM (10) + (RONEO_MM (128) - 200) / 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (roneo_layout_get_column (ems, 5).width, 160, EPSILON);
  g_assert_cmpfloat_with_epsilon (roneo_layout_get_column (ems, 40).width, RONEO_MM (128), EPSILON);
  g_autoptr (RoneoLayout) mm = parse_ok ("[page]\nmargin = 10mm\ncolumn = 80mm\n"
                                         "column-align = right\n");
  column = roneo_layout_get_column (mm, 30);
  g_assert_cmpfloat_with_epsilon (column.width, RONEO_MM (80), EPSILON);
  g_assert_cmpfloat_with_epsilon (column.x, RONEO_MM (10 + 128 - 80), EPSILON);
  g_autoptr (RoneoLayout) any = parse_ok ("[headline]\nmin-ratio = 0\n");
  g_assert_cmpfloat (any->headline.min_ratio, ==, 0);
  g_autofree char *background = roneo_color_to_string (&layout->background);
  g_assert_cmpstr (background, ==, "#fffbe6");
  /* [page] body: a tract takes any copy, the placard one line */
  g_assert_cmpint (layout->body_copy, ==, RONEO_BODY_TEXT);
  g_autoptr (RoneoLayout) placard = parse_ok ("[page]\nbody = line\n");
  g_assert_cmpint (placard->body_copy, ==, RONEO_BODY_LINE);
  g_autoptr (RoneoLayout) slogan = parse_ok ("[page]\nbody = none\n");
  g_assert_cmpint (slogan->body_copy, ==, RONEO_BODY_NONE);
  g_autoptr (RoneoLayout) shipped_placard = load_shipped ("a3-placard");
  g_assert_cmpint (shipped_placard->body_copy, ==, RONEO_BODY_LINE);
}

static void
test_style_keys (void)
{
  g_autoptr (RoneoLayout) layout = parse_ok (
      "[quote]\nfont = Roneo Condensed\nweight = semibold\nstyle = italic\nsize = 20pt\n"
      "align = right\ntransform = uppercase\nmax-lines = 4\ncolor = #fff\n"
      "background = #c8102e\nspace-before = 2mm\nspace-after = 3pt\nindent = 6pt\n"
      "hyphenate = yes\nbreak-words = true\n"
      "[footer]\nweight = 350\njustify = true\n[body]\njustify = false\n"
      "[list]\nalign = justify\njustify = false\n[subhead]\nalign = center\njustify = no\n");
  const RoneoStyle *quote = &layout->quote;
  g_assert_cmpstr (quote->font, ==, "Roneo Condensed");
  g_assert_cmpint (quote->weight, ==, 600);
  g_assert_true (quote->italic);
  g_assert_cmpfloat (quote->size, ==, 20);
  g_assert_cmpint (quote->align, ==, RONEO_ALIGN_RIGHT);
  g_assert_cmpint (quote->transform, ==, RONEO_TRANSFORM_UPPERCASE);
  g_assert_cmpuint (quote->max_lines, ==, 4);
  g_assert_cmpfloat (quote->color.r + quote->color.g + quote->color.b, ==, 3);
  g_assert_true (quote->has_background);
  g_assert_cmpfloat_with_epsilon (quote->space_before, RONEO_MM (2), EPSILON);
  g_assert_cmpfloat (quote->space_after, ==, 3);
  g_assert_cmpfloat (quote->indent, ==, 6);
  g_assert_true (quote->hyphenate);
  g_assert_true (quote->break_words);
  g_assert_false (layout->headline.break_words); /* off unless asked */
  g_assert_cmpint (layout->footer.weight, ==, 350);
  g_assert_cmpint (layout->footer.align, ==, RONEO_ALIGN_JUSTIFY);
  g_assert_cmpint (layout->body.align, ==, RONEO_ALIGN_LEFT);
  g_assert_cmpint (layout->list.align, ==, RONEO_ALIGN_LEFT);
  g_assert_cmpint (layout->subhead.align, ==, RONEO_ALIGN_CENTER);
  g_assert_false (layout->subhead.italic);

  g_autoptr (RoneoLayout) none = parse_ok ("[quote]\nbackground = #000\n[quote]\n"
                                           "background = none\n");
  g_assert_false (none->quote.has_background);
}

typedef struct
{
  const char *name;
  int weight;
} WeightCase;

static void
test_weights (void)
{
  static const WeightCase cases[] = {
    { "100", 100 },      { "900", 900 },  { "regular", 400 },   { "medium", 500 },
    { "semibold", 600 }, { "Bold", 700 }, { "extrabold", 800 }, { "black", 900 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[headline]\nweight = %s\n", cases[i].name);
      g_autoptr (RoneoLayout) layout = parse_ok (text);
      g_assert_cmpint (layout->headline.weight, ==, cases[i].weight);
    }
}

static void
test_leading (void)
{
  g_autoptr (RoneoLayout) layout
      = parse_ok ("[body]\nleading = 13pt\nsize = 10pt\n[list]\nleading = 1.15\n"
                  "[quote]\nsize = 20pt\nleading = 0.5cm\n");
  /* the length is taken against the size set in the same section, whatever the order */
  g_assert_cmpfloat_with_epsilon (layout->body.leading, 1.3, EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->list.leading, 1.15, EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->quote.leading, RONEO_MM (5) / 20, EPSILON);
}

static void
test_sizes (void)
{
  g_autoptr (RoneoLayout) layout
      = parse_ok ("[headline]\nmax-size = 60pt\n[body]\nsize = 8pt\n[quote]\nsize = 24pt\n"
                  "[list]\nmin-size = 8pt\nsize = 12pt\n[subhead]\nsize = 13pt\n"
                  "min-size = 13pt\n");
  /* a fitted headline keeps its floor */
  g_assert_cmpfloat (layout->headline.size, ==, 60);
  g_assert_cmpfloat (layout->headline.min_size, ==, 18);
  /* a floor above a new size comes down to it */
  g_assert_cmpfloat (layout->body.size, ==, 8);
  g_assert_cmpfloat (layout->body.min_size, ==, 8);
  /* a block that did not shrink still does not */
  g_assert_cmpfloat (layout->quote.size, ==, 24);
  g_assert_cmpfloat (layout->quote.min_size, ==, 24);
  g_assert_cmpfloat (layout->list.size, ==, 12);
  g_assert_cmpfloat (layout->list.min_size, ==, 8);
  g_assert_cmpfloat (layout->subhead.min_size, ==, 13);
}

static void
test_file_syntax (void)
{
  /* CRLF, indented keys, comments, a repeated key (the last wins), a repeated section */
  g_autoptr (RoneoLayout) layout
      = parse_ok ("# a comment\r\n[page]\r\n  margin = 10mm\r\n\tmargin = 11mm\r\n"
                  "[body]\r\nsize=12pt\r\n   # indented comment\r\n[page]\r\npages = 1\r\n");
  g_assert_cmpfloat_with_epsilon (layout->margin_top, RONEO_MM (11), EPSILON);
  g_assert_cmpfloat (layout->body.size, ==, 12);
  g_assert_cmpuint (layout->max_pages, ==, 1);

  g_autoptr (RoneoLayout) escaped
      = parse_ok ("\xef\xbb\xbf[layout]\ndescription = one\\sspace, a\\\\b\n");
  g_assert_cmpstr (escaped->description, ==, "one space, a\\b");
}

/* ---- errors, each with its line ---- */

typedef struct
{
  const char *text;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* syntax (GKeyFile's rules, our positions) */
  { "[page]\nsize = A5\nthis line is wrong\n",
    "test.ini:3: line 'this line is wrong' is neither a [section] nor a key = value" },
  { "[page\nsize = A5\n", "test.ini:1: bad section header '[page'" },
  { "[page] x\n", "test.ini:1: bad section header" },
  { "[]\n", "test.ini:1: bad section header" },
  { "\n\nsize = A5\n[page]\n", "test.ini:3: key 'size' comes before any [section]" },
  { "[page]\n= A5\n", "test.ini:2: line '= A5' is neither" },
  { "[page]\nsi]ze = A5\n", "test.ini:2: bad key name 'si]ze'" },
  { "[page]\nsize = A5\n[body]\nfont = Ron\xe9o\n", "test.ini:4: text is not UTF-8" },
  { "[layout]\ndescription = a \\q b\n", "test.ini:2: bad escape sequence" },
  { "[layout]\nname = x\ndescription = a \\q \\\n", "test.ini:3: bad escape sequence" },
  /* sections and keys */
  { "[page]\nsize = A5\n\n[headlines]\nsize = 12\n",
    "test.ini:4: unknown section [headlines] (known: layout, page, tiles, image, logo, headline, "
    "subhead, body, list, quote, footnotes, footer, imprint, caption, slogan, byline)" },
  { "[logo]\nposition = middle\n",
    "test.ini:2: position 'middle' must be top-left, top-right or footer" },
  { "[logo]\nheight = 60%\n",
    "test.ini:2: '60%' is a share of a banner's height; a flyer's logo takes a length" },
  { "[layout]\nkind = banner\n[logo]\ngap = 0%\n",
    "test.ini:4: '0%' is not a share from 1% to 100% of the banner's height" },
  { "[layout]\nkind = banner\n[logo]\nheight = tall%\n", "test.ini:4: 'tall%' is not a share" },
  { "[image]\nmax-height = 60\n", "test.ini:2:" },
  { "[image]\nwidth = 60mm\n",
    "test.ini:2: unknown key 'width' in [image] (known: max-height, min-height, space-before, "
    "space-after, qr-size)" },
  { "[layout]\nname = x\n[page]\nsize = A5\n[body]\nsize = 10pt\n\n\n\n\n\n[headline]\n"
    "colour = #c00\n",
    "test.ini:13: unknown key 'colour' in [headline] (known: font, weight, style, size, "
    "min-size, max-size, leading, align, justify, hyphenate, transform, max-lines, color, "
    "background, space-before, space-after, indent, break-words, stack, max-share, "
    "min-ratio, spread-before, spread-after, fit, grow-size, breaker, expansion)" },
  { "[body]\nbreaker = optimal\n", "test.ini:2: bad breaker 'optimal' (use total-fit or greedy)" },
  { "[body]\nexpansion = 7%\n",
    "test.ini:2: bad expansion '7%' (use a percentage from 0% to 5%, e.g. 2%)" },
  { "[body]\nexpansion = 2\n",
    "test.ini:2: bad expansion '2' (use a percentage from 0% to 5%, e.g. 2%)" },
  { "[page]\nmargins = 12mm\n", "test.ini:2: unknown key 'margins' in [page] (known: size," },
  { "[layout]\ntitle = x\n", "test.ini:2: unknown key 'title' in [layout] (known: name, "
                             "description, kind)" },
  { "[body]\nsize[fr] = 10\n", "test.ini:2: unknown key 'size[fr]' in [body]" },
  /* values */
  { "[page]\n\nbleed = 3px\n", "test.ini:3: unknown unit 'px' in '3px'" },
  { "[body]\nspace-after = lots\n", "test.ini:2: 'lots' is not a length" },
  { "[body]\ncolor = red\n", "test.ini:2: 'red' is not a colour" },
  { "[page]\nbackground = #12\n", "test.ini:2: '#12' is not a colour" },
  { "[quote]\nbackground = blue\n", "test.ini:2: 'blue' is not a colour" },
  { "[page]\nsize = A8\n", "test.ini:2: unknown paper size 'A8'" },
  { "[page]\nsize = 0x0\n", "test.ini:2: page size '0x0' is out of range" },
  { "[page]\nsize = 100000x100000mm\n", "test.ini:2: page size '100000x100000mm' is out of "
                                        "range" },
  { "[page]\norientation = sideways\n",
    "test.ini:2: 'sideways' is not an orientation (use portrait or landscape)" },
  { "[body]\nalign = middle\n",
    "test.ini:2: 'middle' is not an alignment (use left, center, centre, right or justify)" },
  { "[body]\nstyle = bold\n", "test.ini:2: 'bold' is not a font style (use normal or italic)" },
  { "[body]\ntransform = capitals\n", "test.ini:2: 'capitals' is not a text transform" },
  { "[layout]\nkind = poster\n", "test.ini:2: 'poster' is not a layout kind (use flyer or "
                                 "banner)" },
  { "[body]\nweight = heavy\n", "test.ini:2: 'heavy' is not a weight" },
  { "[body]\nweight = 950\n", "test.ini:2: weight '950' is out of range" },
  { "[body]\nweight = 50\n", "test.ini:2: weight '50' is out of range" },
  { "[body]\njustify = maybe\n", "test.ini:2: 'maybe' is not true or false" },
  { "[body]\nhyphenate = 2\n", "test.ini:2: '2' is not true or false" },
  { "[headline]\nbreak-words = sometimes\n", "test.ini:2: 'sometimes' is not true or false" },
  { "[headline]\nstack = 2\n", "test.ini:2: '2' is not true or false" },
  { "[headline]\nmax-lines = three\n", "test.ini:2: 'three' is not a whole number" },
  { "[headline]\nmax-lines = -1\n", "test.ini:2: '-1' is not a whole number" },
  { "[headline]\nmax-lines = 2.5\n", "test.ini:2: '2.5' is not a whole number" },
  { "[body]\nsize = 0\n", "test.ini:2: font size '0' is too small" },
  { "[body]\nsize = -10pt\n", "test.ini:2: negative length '-10pt'" },
  { "[body]\nsize = 10km\n", "test.ini:2: unknown unit 'km'" },
  { "[body]\nfont =\n", "test.ini:2: the font is empty" },
  { "[layout]\nname =  \n", "test.ini:2: the name is empty" },
  { "[page]\nbleed = 6km\n", "test.ini:2: unknown unit 'km'" },
  { "[page]\nbleed = 6m\n", "test.ini:2: length '6m' is too large (at most 5 m)" },
  { "[page]\nbleed = 30mm\n", "test.ini:2: bleed '30mm' is more than 20 mm" },
  { "[page]\nbleed = 600cm\n", "test.ini:2: length '600cm' is too large" },
  /* margins */
  { "[page]\nmargin = -5mm\n", "test.ini:2: negative length '-5mm'" },
  { "[page]\nmargin-left = -1mm\n", "test.ini:2: negative length '-1mm'" },
  { "[page]\nmargin = 1mm 2mm 3mm 4mm 5mm\n", "test.ini:2: margin '1mm 2mm 3mm 4mm 5mm' needs "
                                              "1 to 4 lengths" },
  { "[page]\nmargin =\n", "test.ini:2: margin '' needs 1 to 4 lengths" },
  { "[page]\nsize = A5\nmargin = 65mm\n",
    "test.ini:3: the margins leave a frame of 18.0 x 80.0 mm on a 148.0 x 210.0 mm page" },
  /* the line of the last key that makes the frame too small, not the first */
  { "[page]\nmargin = 30mm\n\nsize = A7\n", "test.ini:4: the margins leave a frame of 14.0 x "
                                            "45.0 mm" },
  { "[page]\nmargin-top = 100mm\nmargin-bottom = 100mm\n",
    "test.ini:3: the margins leave a frame of 124.0 x 10.0 mm" },
  { "[page]\nmargin = 65mm 10mm\norientation = landscape\n", "test.ini:3: the margins leave" },
  /* sizes */
  { "[body]\nsize = 10pt\nmin-size = 12pt\n",
    "test.ini:3: min-size 12pt is larger than size 10pt" },
  { "[body]\n\nmin-size = 12pt\nsize = 10pt\n",
    "test.ini:3: min-size 12pt is larger than size 10pt" },
  { "[quote]\nmin-size = 19pt\n", "test.ini:2: min-size 19pt is larger than size 18pt" },
  { "[headline]\nmax-size = 30pt\nmin-size = 40pt\n", "test.ini:3: min-size 40pt is larger" },
  /* leading */
  { "[body]\nleading = 0\n", "test.ini:2: bad leading '0'" },
  { "[body]\nleading = 3.5\n", "test.ini:2: bad leading '3.5'" },
  { "[body]\nleading = -1.2\n", "test.ini:2: bad leading '-1.2'" },
  { "[body]\nsize = 10pt\nleading = 40pt\n", "test.ini:3: bad leading '40pt'" },
  { "[body]\nleading = wide\n", "test.ini:2: bad leading 'wide'" },
  { "[body]\nleading = 0x1\n", "test.ini:2: bad leading '0x1'" },
  { "[page]\nvalign = middle\n",
    "test.ini:2: 'middle' is not a vertical alignment (use top, center, centre, spread or even)" },
  { "[page]\nverso-valign = bottom\n",
    "test.ini:2: 'bottom' is not a vertical alignment (use top, center, centre, spread or even)" },
  /* the text column: a length or ems of the body size, placed left, center or right */
  { "[page]\ncolumn = 5em\n", "test.ini:2: column '5em' must be from 10em to 200em" },
  { "[page]\ncolumn = wideem\n", "test.ini:2: column 'wideem' must be from 10em" },
  { "[page]\ncolumn = 120\n", "test.ini:2: length '120' has no unit (write 120mm or 12cm)" },
  { "[page]\ncolumn-align = justify\n",
    "test.ini:2: column-align 'justify' must be left, center or right" },
  { "[page]\ncolumn-align = top\n", "test.ini:2: 'top' is not an alignment" },
  /* body: how much copy the headline may have under it */
  { "[page]\nbody = short\n", "test.ini:2: 'short' is not a body amount (use text, line or none)" },
  { "[page]\nrecto = face\n",
    "test.ini:2: 'face' is not what a recto holds (use copy or display)" },
  /* min-ratio: 0 or a ratio from 1 to 10 */
  { "[headline]\nmin-ratio = 0.5\n", "test.ini:2: bad min-ratio '0.5' (use a ratio" },
  { "[headline]\nmin-ratio = 12\n", "test.ini:2: bad min-ratio '12'" },
  { "[headline]\nmin-ratio = big\n", "test.ini:2: bad min-ratio 'big'" },
  /* a bare number is not a length: every length key says what to write */
  { "[page]\nmargin = 12\n", "test.ini:2: length '12' has no unit (write 12mm)" },
  { "[page]\nmargin = 12mm 15\n", "test.ini:2: length '15' has no unit (write 15mm)" },
  { "[page]\nmargin-top = 8\n", "test.ini:2: length '8' has no unit (write 8mm)" },
  { "[page]\nmargin-right = 8\n", "test.ini:2: length '8' has no unit (write 8mm)" },
  { "[page]\nmargin-bottom = 8\n", "test.ini:2: length '8' has no unit (write 8mm)" },
  { "[page]\nmargin-left = 8\n", "test.ini:2: length '8' has no unit (write 8mm)" },
  { "[page]\nbleed = 3\n", "test.ini:2: length '3' has no unit (write 3mm)" },
  { "[page]\nsize = 3000x900\n",
    "test.ini:2: size '3000x900' has no unit (write 3000x900mm or 300x90cm)" },
  { "[page]\nsize = 148 x 210\n",
    "test.ini:2: size '148 x 210' has no unit (write 148x210mm or 14.8x21cm)" },
  { "[tiles]\nsheet = 210x297\n", "test.ini:2: size '210x297' has no unit" },
  { "[tiles]\noverlap = 10\n", "test.ini:2: length '10' has no unit (write 10mm)" },
  { "[tiles]\nprinter-margin = 5\n", "test.ini:2: length '5' has no unit (write 5mm)" },
  { "[body]\nsize = 10.5\n", "test.ini:2: length '10.5' has no unit (write 10.5pt)" },
  { "[headline]\nmin-size = 20\n", "test.ini:2: length '20' has no unit (write 20pt)" },
  { "[headline]\nmax-size = 60\n", "test.ini:2: length '60' has no unit (write 60pt)" },
  { "[body]\nspace-before = 6\n", "test.ini:2: length '6' has no unit (write 6pt)" },
  { "[body]\nspace-after = 6\n", "test.ini:2: length '6' has no unit (write 6pt)" },
  { "[list]\nindent = 12\n", "test.ini:2: length '12' has no unit (write 12pt)" },
  /* pages */
  { "[page]\npages = 3\n", "test.ini:2: pages '3' must be 1 (recto only) or 2" },
  { "[page]\npages = 0\n", "test.ini:2: pages '0' must be 1" },
  { "[page]\npages = two\n", "test.ini:2: pages 'two' must be 1" },
};

static void
test_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
    assert_parse_error (error_cases[i].text, error_cases[i].message);
}

static void
test_error_names_file (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "[headline]\ncolour = #c00\n";
  g_autoptr (RoneoLayout) layout
      = roneo_layout_parse_data ("layouts/mine.ini", text, strlen (text), &error);
  g_assert_null (layout);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "layouts/mine.ini:2: unknown key 'colour'"));
}

static void
test_parse_file_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoLayout) layout = roneo_layout_parse_file ("/nonexistent/x.ini", &error);
  g_assert_null (layout);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "cannot read layout '/nonexistent/x.ini'"));
}

/* ---- set_value and overrides ---- */

static void
test_set_value (void)
{
  g_autoptr (RoneoLayout) layout = roneo_layout_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_layout_set_value (layout, "body", "size", " 10.5pt ", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (layout->body.size, ==, 10.5);
  g_assert_true (roneo_layout_set_value (layout, "page", "size", "A4", &error));
  g_assert_cmpfloat_with_epsilon (layout->width, RONEO_MM (210), EPSILON);

  g_assert_false (roneo_layout_set_value (layout, "body", "colour", "#000", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "unknown key 'colour' in [body] (known: "));
  g_clear_error (&error);
  g_assert_false (roneo_layout_set_value (layout, "tiling", "size", "10", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "unknown section [tiling]"));
  g_clear_error (&error);
  g_assert_false (roneo_layout_set_value (layout, "body", "size", "big", &error));
  g_assert_cmpstr (error->message, ==,
                   "'big' is not a length (write it like 12mm, 1.5cm, 0.5in or 10pt)");
  g_assert_cmpfloat (layout->body.size, ==, 10.5);
}

static RoneoDocument *
document_with (const char *const *pairs)
{
  RoneoDocument *document = roneo_document_new ("tract.md");
  for (guint i = 0; pairs[i] != NULL; i += 2)
    roneo_document_add_override (document, pairs[i], pairs[i + 1], 2 + i / 2);
  return document;
}

static void
test_overrides (void)
{
  static const char *const pairs[] = { "headline.color",
                                       "#cc0000",
                                       "body.min-size",
                                       "10pt",
                                       "page.orientation",
                                       "landscape",
                                       "page.size",
                                       "A4",
                                       "body.size",
                                       "12pt",
                                       "page.margin",
                                       "20mm",
                                       NULL };
  g_autoptr (RoneoDocument) document = document_with (pairs);
  g_autoptr (RoneoLayout) layout = load_shipped ("a5-flyer");
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_layout_apply_overrides (layout, document, &error));
  g_assert_no_error (error);
  g_autofree char *color = roneo_color_to_string (&layout->headline.color);
  g_assert_cmpstr (color, ==, "#cc0000");
  assert_trim (layout, 841.89, 595.28);
  g_assert_cmpfloat (layout->body.size, ==, 12);
  g_assert_cmpfloat (layout->body.min_size, ==, 10);
  g_assert_cmpfloat_with_epsilon (layout->margin_left, RONEO_MM (20), EPSILON);
  /* untouched keys keep the layout's values */
  g_assert_cmpfloat (layout->headline.size, ==, 60);
}

typedef struct
{
  const char *const pairs[9];
  const char *message;
} OverrideErrorCase;

static void
test_override_errors (void)
{
  static const OverrideErrorCase cases[] = {
    { { "headline.color", "#c00", "headline.colour", "#c00", NULL },
      "tract.md:3: unknown key 'colour' in [headline] (known: font," },
    { { "color", "#c00", NULL },
      "tract.md:2: layout override 'color' must be written "
      "section.key (like headline.color)" },
    { { "headline.", "#c00", NULL }, "tract.md:2: layout override 'headline.' must be" },
    { { "tiling.size", "10", NULL }, "tract.md:2: unknown section [tiling]" },
    { { "body.size", "12pt", "body.leading", "5", NULL }, "tract.md:3: bad leading '5'" },
    { { "body.min-size", "14pt", "body.size", "12pt", NULL },
      "tract.md:2: min-size 14pt is larger than size 12pt" },
    { { "page.pages", "3", NULL }, "tract.md:2: pages '3' must be 1" },
    { { "page.margin", "5mm", "page.size", "A7", "page.margin-left", "60mm", NULL },
      "tract.md:4: the margins leave a frame of" },
    { { "headline.size", "-1pt", NULL }, "tract.md:2: negative length '-1pt'" },
    { { "page.margin", "12", NULL }, "tract.md:2: length '12' has no unit (write 12mm)" },
    { { "body.size", "12pt", "headline.size", "40", NULL },
      "tract.md:3: length '40' has no unit (write 40pt)" },
    { { "page.size", "3000x900", NULL },
      "tract.md:2: size '3000x900' has no unit (write 3000x900mm or 300x90cm)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RoneoDocument) document = document_with (cases[i].pairs);
      g_autoptr (RoneoLayout) layout = roneo_layout_new ();
      g_autoptr (GError) error = NULL;
      g_assert_false (roneo_layout_apply_overrides (layout, document, &error));
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("got '%s', expected '%s...'", error->message, cases[i].message);
    }
}

static void
test_overrides_none (void)
{
  g_autoptr (RoneoDocument) document = roneo_document_new ("tract.md");
  g_autoptr (RoneoLayout) layout = roneo_layout_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_layout_apply_overrides (layout, document, &error));
  g_assert_no_error (error);
}

/* ---- find and list ---- */

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry = NULL;
  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_find (void)
{
  g_autofree char *shipped_dir = layouts_dir ();
  const char *dirs[] = { shipped_dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = roneo_layout_find ("a6-card", dirs, &error);
  g_assert_no_error (error);
  g_autofree char *expected = g_build_filename (shipped_dir, "a6-card.ini", NULL);
  g_assert_cmpstr (path, ==, expected);

  g_autofree char *as_is = roneo_layout_find ("./mine.ini", dirs, &error);
  g_assert_cmpstr (as_is, ==, "./mine.ini");
  g_autofree char *ini = roneo_layout_find ("mine.ini", dirs, &error);
  g_assert_cmpstr (ini, ==, "mine.ini");

  g_autofree char *missing = roneo_layout_find ("a5-flyr", dirs, &error);
  g_assert_null (missing);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "unknown layout 'a5-flyr' (available: a3-placard, a4-tract, a5-black, a5-flyer, "
                   "a6-card, banderole, banderole-rouge)");
  g_clear_error (&error);

  const char *none[] = { "/nonexistent", NULL };
  g_assert_null (roneo_layout_find ("a5-flyer", none, &error));
  g_assert_cmpstr (error->message, ==, "unknown layout 'a5-flyer' (available: none)");
}

static void
test_find_first_dir_wins (void)
{
  g_autofree char *user = g_dir_make_tmp ("roneo-layouts-XXXXXX", NULL);
  g_autofree char *shipped_dir = layouts_dir ();
  write_file (user, "a5-flyer.ini", "[layout]\ndescription = my own A5\n");
  write_file (user, "broken.ini", "[page]\nsize = A9\n");
  write_file (user, "zine.ini", "[layout]\ndescription = a zine\n[page]\nsize = A6\n");
  write_file (user, "notes.txt", "not a layout");
  const char *dirs[] = { user, shipped_dir, NULL };

  g_autoptr (GError) error = NULL;
  g_autofree char *path = roneo_layout_find ("a5-flyer", dirs, &error);
  g_autofree char *expected = g_build_filename (user, "a5-flyer.ini", NULL);
  g_assert_cmpstr (path, ==, expected);
  g_autofree char *shipped_path = roneo_layout_find ("a4-tract", dirs, &error);
  g_assert_true (g_str_has_prefix (shipped_path, shipped_dir));

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) layouts = roneo_layout_list (dirs, warnings);
  static const char *const names[] = { "a3-placard", "a4-tract",  "a5-black",        "a5-flyer",
                                       "a6-card",    "banderole", "banderole-rouge", "zine" };
  g_assert_cmpuint (layouts->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < layouts->len; i++)
    {
      const RoneoLayout *layout = g_ptr_array_index (layouts, i);
      g_assert_cmpstr (layout->name, ==, names[i]);
    }
  const RoneoLayout *mine = g_ptr_array_index (layouts, 3);
  g_assert_cmpstr (mine->description, ==, "my own A5");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (strstr (g_ptr_array_index (warnings, 0), "broken.ini:2: unknown paper size")
                 != NULL);

  g_autoptr (GPtrArray) quiet = roneo_layout_list (dirs, NULL);
  g_assert_cmpuint (quiet->len, ==, G_N_ELEMENTS (names));
  remove_dir (user);
}

static void
test_list_shipped (void)
{
  g_autofree char *shipped_dir = layouts_dir ();
  const char *dirs[] = { shipped_dir, NULL };
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) layouts = roneo_layout_list (dirs, warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (layouts->len, >=, G_N_ELEMENTS (shipped));
  for (gsize i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      const RoneoLayout *layout = g_ptr_array_index (layouts, i);
      g_assert_cmpstr (layout->name, ==, shipped[i]);
    }
  g_autoptr (GPtrArray) empty = roneo_layout_list (NULL, NULL);
  g_assert_cmpuint (empty->len, ==, 0);
}

/* A banner layout: its styles and how it is cut into sheets. */
static void
test_banner_tiles (void)
{
  g_autoptr (RoneoLayout) layout
      = parse_ok ("[layout]\nkind = banner\n[page]\nsize = 300x90cm\n[slogan]\nsize = 800pt\n"
                  "transform = uppercase\n[byline]\nsize = 120pt\n[tiles]\nsheet = A3\n"
                  "overlap = 12mm\nprinter-margin = 5mm 5mm 15mm\nmarks = false\n");
  g_assert_cmpint (layout->kind, ==, RONEO_LAYOUT_BANNER);
  g_assert_cmpfloat_with_epsilon (layout->width, RONEO_MM (3000), EPSILON);
  g_assert_cmpfloat (layout->slogan.size, ==, 800);
  g_assert_cmpint (layout->slogan.transform, ==, RONEO_TRANSFORM_UPPERCASE);
  g_assert_cmpfloat (layout->byline.size, ==, 120);
  g_assert_cmpfloat_with_epsilon (layout->tiles.sheet_width, RONEO_MM (297), EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->tiles.sheet_height, RONEO_MM (420), EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->tiles.overlap, RONEO_MM (12), EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->tiles.printer_margin[2], RONEO_MM (15), EPSILON);
  g_assert_cmpfloat_with_epsilon (layout->tiles.printer_margin[3], RONEO_MM (5), EPSILON);
  g_assert_false (layout->tiles.marks);
  g_assert_true (layout->tiles.cover);
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_layout_set_value (layout, "tiles", "glue", "yes", &error));
  g_assert_true (g_str_has_prefix (error->message, "unknown key 'glue' in [tiles] (known: sheet,"));
}

/* One table names the styles: each name gives its id back, and nothing else is one. */
static void
test_style_names (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    {
      const char *name = roneo_style_name (i);
      g_assert_nonnull (name);
      g_assert_true (g_hash_table_add (seen, (gpointer) name));
      RoneoStyleId id = RONEO_STYLE_COUNT;
      g_assert_true (roneo_style_from_name (name, &id));
      g_assert_cmpint (id, ==, i);
    }
  g_assert_cmpstr (roneo_style_name (RONEO_STYLE_FOOTNOTES), ==, "footnotes");
  static const char *const not_styles[] = { "break", "Headline", "layout", "page", "tiles", "" };
  for (gsize i = 0; i < G_N_ELEMENTS (not_styles); i++)
    {
      RoneoStyleId id = RONEO_STYLE_COUNT;
      g_assert_false (roneo_style_from_name (not_styles[i], &id));
      g_assert_cmpint (id, ==, RONEO_STYLE_COUNT);
    }
}

/* [NAME] size = 13pt in a layout of the kind: accepted, and it is that style that changes. */
static void
assert_section_accepted (RoneoLayoutKind kind, RoneoStyleId id)
{
  g_autofree char *text
      = g_strdup_printf ("[layout]\nkind = %s\n\n[%s]\nsize = 13pt\n",
                         kind == RONEO_LAYOUT_BANNER ? "banner" : "flyer", roneo_style_name (id));
  g_autoptr (RoneoLayout) layout = parse_ok (text);
  g_assert_cmpint (layout->kind, ==, kind);
  for (guint other = 0; other < RONEO_STYLE_COUNT; other++)
    if (other == id)
      g_assert_cmpfloat (roneo_layout_peek_style (layout, other)->size, ==, 13);
    else
      g_assert_cmpfloat (roneo_layout_peek_style (layout, other)->size, !=, 13);
  g_assert_true (roneo_layout_get_style (layout, roneo_style_name (id))
                 == roneo_layout_peek_style (layout, id));
}

/* Every style belongs to one kind of layout, and the parser takes its section. */
static void
test_style_kinds (void)
{
  static const RoneoLayoutKind kinds[] = { RONEO_LAYOUT_FLYER, RONEO_LAYOUT_BANNER };
  guint owners[RONEO_STYLE_COUNT] = { 0 };
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gsize n = 0;
      const RoneoStyleId *ids = roneo_styles_for_kind (kinds[k], &n);
      g_assert_cmpuint (n, >=, 2);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpint (ids[i], <, RONEO_STYLE_COUNT);
          owners[ids[i]]++;
          assert_section_accepted (kinds[k], ids[i]);
        }
    }
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    g_assert_cmpuint (owners[i], ==, 1);
  gsize n = 0;
  const RoneoStyleId *banner = roneo_styles_for_kind (RONEO_LAYOUT_BANNER, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (banner[0], ==, RONEO_STYLE_SLOGAN);
  g_assert_cmpint (banner[1], ==, RONEO_STYLE_BYLINE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout-parser/shipped/a5-flyer", test_shipped_a5_flyer);
  g_test_add_func ("/layout-parser/shipped/pictures", test_shipped_pictures);
  g_test_add_func ("/layout-parser/shipped/banner-logo", test_shipped_banner_logo);
  g_test_add_func ("/layout-parser/shipped/a4-tract", test_shipped_a4_tract);
  g_test_add_func ("/layout-parser/shipped/a6-card", test_shipped_a6_card);
  g_test_add_func ("/layout-parser/shipped/a3-placard", test_shipped_a3_placard);
  g_test_add_func ("/layout-parser/shipped/distinct", test_shipped_distinct);
  g_test_add_func ("/layout-parser/values/defaults", test_defaults);
  g_test_add_func ("/layout-parser/values/lengths", test_lengths);
  g_test_add_func ("/layout-parser/values/paper", test_paper);
  g_test_add_func ("/layout-parser/values/margins", test_margins);
  g_test_add_func ("/layout-parser/values/page", test_page_keys);
  g_test_add_func ("/layout-parser/values/style", test_style_keys);
  g_test_add_func ("/layout-parser/values/weights", test_weights);
  g_test_add_func ("/layout-parser/values/leading", test_leading);
  g_test_add_func ("/layout-parser/values/sizes", test_sizes);
  g_test_add_func ("/layout-parser/values/syntax", test_file_syntax);
  g_test_add_func ("/layout-parser/errors/all", test_errors);
  g_test_add_func ("/layout-parser/errors/file-name", test_error_names_file);
  g_test_add_func ("/layout-parser/errors/missing-file", test_parse_file_missing);
  g_test_add_func ("/layout-parser/set-value", test_set_value);
  g_test_add_func ("/layout-parser/styles/names", test_style_names);
  g_test_add_func ("/layout-parser/styles/kinds", test_style_kinds);
  g_test_add_func ("/layout-parser/overrides/apply", test_overrides);
  g_test_add_func ("/layout-parser/overrides/errors", test_override_errors);
  g_test_add_func ("/layout-parser/overrides/none", test_overrides_none);
  g_test_add_func ("/layout-parser/find/shipped", test_find);
  g_test_add_func ("/layout-parser/find/first-dir-wins", test_find_first_dir_wins);
  g_test_add_func ("/layout-parser/list/shipped", test_list_shipped);
  g_test_add_func ("/layout-parser/banner-tiles", test_banner_tiles);
  return g_test_run ();
}
