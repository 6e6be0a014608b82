/* Composition of whole documents: what a reader of the printed tract checks.
 * No line sticks out, justified lines fill the measure, notes sit on the
 * page that calls them, the signature at the foot of the last page, copy
 * that is too long is refused with the overflow stated. */
#include "roneo-copy-parser.h"
#include "roneo-error.h"
#include "roneo-flow.h"
#include "roneo-fonts.h"
#include "roneo-layout-parser.h"

#include <math.h>
#include <string.h>

typedef struct
{
  RoneoFonts *fonts;
  PangoContext *context;
  RoneoHyphenator *hyphenator;
  RoneoWarnings *warnings;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RONEO_SOURCE_ROOT"), "fonts", NULL);
  f->fonts = roneo_fonts_new (dir, NULL);
  g_assert_nonnull (f->fonts);
  f->context = roneo_fonts_create_context (f->fonts, "fr");
  f->hyphenator = roneo_hyphenator_new ("/usr/share/hyphen");
  f->warnings = roneo_warnings_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->context);
  roneo_fonts_free (f->fonts);
  roneo_hyphenator_free (f->hyphenator);
  roneo_warnings_free (f->warnings);
}

static RoneoLayout *
layout_load (const char *name)
{
  g_autofree char *path
      = g_strdup_printf ("%s/layouts/%s.ini", g_getenv ("RONEO_SOURCE_ROOT"), name);
  g_autoptr (GError) error = NULL;
  RoneoLayout *layout = roneo_layout_parse_file (path, &error);
  g_assert_no_error (error);
  return layout;
}

static GPtrArray *
compose (Fixture *f, const char *copy, const char *layout_name, GError **error)
{
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (RoneoDocument) document
      = roneo_copy_parse ("test.md", copy, strlen (copy), &parse_error);
  g_assert_no_error (parse_error);
  g_autoptr (RoneoLayout) layout = layout_load (layout_name);
  RoneoComposeContext cc = { f->context, f->hyphenator, "fr", f->warnings };
  return roneo_compose_document (&cc, document, layout, error);
}

/* copy composed in a layout the test has changed. */
static GPtrArray *
compose_in (Fixture *f, const char *copy, const RoneoLayout *layout)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse ("test.md", copy, strlen (copy), &error);
  g_assert_no_error (error);
  RoneoComposeContext cc = { f->context, f->hyphenator, "fr", f->warnings };
  GPtrArray *pages = roneo_compose_document (&cc, document, layout, &error);
  g_assert_no_error (error);
  return pages;
}

static char *
corpus (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("RONEO_TEST_CASES"), name, NULL);
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static double
line_width (PangoLayoutLine *line)
{
  PangoRectangle logical;
  pango_layout_line_get_extents (line, NULL, &logical);
  return pango_units_to_double (logical.x + logical.width);
}

static const RoneoItem *
find_item (const RoneoPage *page, const char *role)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      if (item->kind == RONEO_ITEM_TEXT && strcmp (item->role, role) == 0)
        return item;
    }
  return NULL;
}

/* Every body line within the measure; every one but the last of each block
 * is the full measure (justified); a single word is never alone on the last
 * line of a paragraph; no three hyphenated lines in a row. */
static void
test_body_lines (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("tract-pompe-a-fric.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", &error);
  g_assert_no_error (error);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  double measure = roneo_layout_get_frame (layout).width;
  guint checked = 0;
  for (guint p = 0; p < pages->len; p++)
    {
      const RoneoPage *page = g_ptr_array_index (pages, p);
      for (guint i = 0; i < page->items->len; i++)
        {
          const RoneoItem *item = g_ptr_array_index (page->items, i);
          if (item->kind != RONEO_ITEM_TEXT || strcmp (item->role, "body") != 0)
            continue;
          const char *text = pango_layout_get_text (item->layout);
          int hyphens_in_a_row = 0;
          for (GSList *l = pango_layout_get_lines_readonly (item->layout); l; l = l->next)
            {
              PangoLayoutLine *line = l->data;
              double width = line_width (line);
              g_assert_cmpfloat (width, <=, measure + 0.05);
              g_autofree char *chunk = g_strndup (text + line->start_index, line->length);
              if (l->next != NULL)
                {
                  g_assert_cmpfloat (width, >=, measure - 0.3);
                  hyphens_in_a_row = g_str_has_suffix (chunk, "-") ? hyphens_in_a_row + 1 : 0;
                  g_assert_cmpint (hyphens_in_a_row, <=, 2);
                }
              else if (pango_layout_get_line_count (item->layout) > 1)
                g_assert_nonnull (strchr (g_strstrip (chunk), ' '));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 10);
}

static void
test_note_on_calling_page (Fixture *f, gconstpointer data)
{
  GString *copy = g_string_new ("# Titre\n\n");
  for (int i = 0; i < 14; i++)
    g_string_append (copy, "Pendant que les urgences ferment leurs portes la nuit, l’argent public "
                           "coule à flots vers les sociétés informatiques et les plateformes.\n\n");
  g_string_append (copy, "***\n\nAu verso, un appel[^n].\n\n[^n]: La note du verso.\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = compose (f, copy->str, "a5-flyer", &error);
  g_string_free (copy, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_null (find_item (g_ptr_array_index (pages, 0), "footnotes"));
  const RoneoItem *note = find_item (g_ptr_array_index (pages, 1), "footnotes");
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (pango_layout_get_text (note->layout), "La note du verso"));
}

static void
test_signature_at_foot_of_last_page (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("tract-pompe-a-fric.md");
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", NULL);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  const RoneoPage *last = g_ptr_array_index (pages, pages->len - 1);
  const RoneoItem *footer = find_item (last, "footer");
  g_assert_nonnull (footer);
  /* French copy, French spacing (the dash kept with IPNS): the imprint sits
   * on the frame's bottom edge, the signature just above it, and neither is
   * on an earlier page */
  const RoneoItem *imprint = find_item (last, "imprint");
  g_assert_nonnull (imprint);
  g_assert_cmpstr (pango_layout_get_text (imprint->layout), ==,
                   "IPNS\u00a0— Ne pas jeter sur la voie publique");
  double bottom = layout->height - layout->margin_bottom;
  g_assert_cmpfloat (imprint->rect.y + imprint->rect.height, <=, bottom + 0.01);
  g_assert_cmpfloat (imprint->rect.y + imprint->rect.height, >, bottom - 1.0);
  g_assert_cmpfloat (footer->rect.y + footer->rect.height, <=, imprint->rect.y);
  g_assert_cmpfloat (footer->rect.y + footer->rect.height, >, imprint->rect.y - 6.0);
  for (guint i = 0; i + 1 < pages->len; i++)
    g_assert_null (find_item (g_ptr_array_index (pages, i), "imprint"));
  /* The note of the recto sits above the signature. */
  const RoneoItem *note = find_item (last, "footnotes");
  g_assert_nonnull (note);
  g_assert_cmpfloat (note->rect.y + note->rect.height, <=, footer->rect.y);
}

static void
test_overflow_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("bad/overflow.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", &error);
  g_assert_null (pages);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "lines"));
  g_assert_nonnull (strstr (error->message, "mm"));
}

/* Copy a little too long for the recto: the body shrinks, with a warning,
 * before the verso is used. */
static void
test_shrink_before_verso (Fixture *f, gconstpointer data)
{
  GString *copy = g_string_new ("# Titre\n\n");
  for (int i = 0; i < 16; i++)
    g_string_append (copy, "Pendant que les urgences ferment leurs portes la nuit, l’argent public "
                           "coule à flots vers les sociétés informatiques et les plateformes.\n\n");
  g_autoptr (GPtrArray) pages = compose (f, copy->str, "a5-flyer", NULL);
  g_string_free (copy, TRUE);
  g_assert_nonnull (pages);
  g_assert_cmpuint (pages->len, ==, 1);
  const RoneoItem *body = find_item (g_ptr_array_index (pages, 0), "body");
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  g_assert_cmpfloat (body->size, <, layout->body.size);
  g_assert_cmpfloat (body->size, >=, layout->body.min_size);
  g_assert_cmpuint (roneo_warnings_get_count (f->warnings), >=, 1);
}

static void
test_page_break_gives_verso (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) pages
      = compose (f, "# Recto\n\nUn paragraphe.\n\n***\n\n# Verso\n\nUn autre.\n", "a5-flyer", NULL);
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_nonnull (find_item (g_ptr_array_index (pages, 1), "headline"));
}

static const RoneoWarning *
find_warning (RoneoWarnings *warnings, const char *text)
{
  for (guint i = 0; i < roneo_warnings_get_count (warnings); i++)
    {
      const RoneoWarning *warning = roneo_warnings_peek (warnings, i);
      if (strstr (roneo_warning_get_message (warning), text) != NULL)
        return warning;
    }
  g_assert_not_reached ();
}

/* A warning says which file and line it is about apart from what is wrong,
 * and reads "file:line: message" as the CLI prints it. */
static void
test_warning_records (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_strdup_printf ("# Titre\n\nUn paragraphe.\n\nUn mot %s trop long.\n",
                                           "anticonstitutionnellementanticonstitutionnellement"
                                           "anticonstitutionnellementanticonstitutionnellement");
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", NULL);
  g_assert_nonnull (pages);
  const RoneoWarning *broke = find_warning (f->warnings, "wider than the measure");
  g_assert_cmpint (roneo_warning_get_kind (broke), ==, RONEO_WARNING_GENERAL);
  g_assert_cmpstr (roneo_warning_get_file (broke), ==, "test.md");
  g_assert_cmpuint (roneo_warning_get_line (broke), ==, 5);
  g_assert_cmpstr (roneo_warning_get_message (broke), ==,
                   "a word is wider than the measure and was broken across lines");
  g_autofree char *text = roneo_warning_to_string (broke);
  g_assert_cmpstr (text, ==,
                   "test.md:5: a word is wider than the measure and was broken across lines");
}

/* A warning about the whole file has no line, and none is printed. */
static void
test_warning_without_line (Fixture *f, gconstpointer data)
{
  GString *copy = g_string_new ("# Titre\n\n");
  for (int i = 0; i < 16; i++)
    g_string_append (copy, "Pendant que les urgences ferment leurs portes la nuit, l’argent public "
                           "coule à flots vers les sociétés informatiques et les plateformes.\n\n");
  g_autoptr (GPtrArray) pages = compose (f, copy->str, "a5-flyer", NULL);
  g_string_free (copy, TRUE);
  g_assert_nonnull (pages);
  const RoneoWarning *shrunk = find_warning (f->warnings, "body shrunk");
  g_assert_cmpint (roneo_warning_get_kind (shrunk), ==, RONEO_WARNING_FIT);
  g_assert_cmpstr (roneo_warning_get_file (shrunk), ==, "test.md");
  g_assert_cmpuint (roneo_warning_get_line (shrunk), ==, 0);
  g_assert_true (g_str_has_prefix (roneo_warning_get_message (shrunk), "body shrunk from "));
  g_autofree char *text = roneo_warning_to_string (shrunk);
  g_autofree char *expected = g_strconcat ("test.md: ", roneo_warning_get_message (shrunk), NULL);
  g_assert_cmpstr (text, ==, expected);
}

/* --- composition from the message: the spare height ---------------------- */

static double
ink_height (const RoneoItem *item)
{
  PangoRectangle ink;
  pango_layout_get_extents (item->layout, &ink, NULL);
  return pango_units_to_double (ink.height);
}

/* Two lines of copy: the headline passes the layout's max-size, within
 * max-lines and its max-share of the frame, and no wider than the measure. */
static void
test_headline_grows_for_short_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("short-two-lines.md");
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", NULL);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  RoneoRect frame = roneo_layout_get_frame (layout);
  const RoneoItem *headline = find_item (g_ptr_array_index (pages, 0), "headline");
  g_assert_cmpfloat (headline->size, >, layout->headline.size * 1.2);
  g_assert_cmpfloat (ink_height (headline), <=, layout->headline.max_share * frame.height);
  g_assert_cmpint (pango_layout_get_line_count (headline->layout), <=, layout->headline.max_lines);
  for (GSList *l = pango_layout_get_lines_readonly (headline->layout); l; l = l->next)
    g_assert_cmpfloat (line_width (l->data), <=, frame.width + 0.05);
}

/* A tract that fills its page keeps the headline at the layout's size. */
static void
test_headline_kept_for_long_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("tract-pompe-a-fric.md");
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", NULL);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  const RoneoItem *headline = find_item (g_ptr_array_index (pages, 0), "headline");
  g_assert_cmpfloat (headline->size, <=, layout->headline.size);
}

/* The text items of page from top to bottom: no two overlap, the last
 * inside the frame. Returns the largest gap between two of them, pt. */
static double
largest_gap (const RoneoPage *page, const RoneoRect *frame)
{
  double bottom = -1, gap = 0;
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      if (item->kind != RONEO_ITEM_TEXT)
        continue;
      if (bottom >= 0)
        {
          g_assert_cmpfloat (item->rect.y, >=, bottom - 0.05);
          gap = MAX (gap, item->rect.y - bottom);
        }
      bottom = item->rect.y + item->rect.height;
    }
  g_assert_cmpfloat (bottom, <=, frame->y + frame->height + 0.05);
  return gap;
}

/* A short tract: the spare height is shared between the blocks, none of
 * the gaps as tall as what valign = top leaves at the foot; the signature
 * and the imprint stay at the foot. */
static void
test_spare_space_spread (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("tract-plain.txt");
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", NULL);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  g_assert_cmpint (layout->valign, ==, RONEO_VALIGN_SPREAD);
  RoneoRect frame = roneo_layout_get_frame (layout);
  const RoneoPage *page = g_ptr_array_index (pages, 0);
  double gap = largest_gap (page, &frame);
  g_assert_cmpfloat (gap, >, layout->body.space_after + 10);
  g_assert_cmpfloat (gap, <, 0.3 * frame.height);
  /* the signature stays at the foot, just above the imprint (French copy) */
  const RoneoItem *footer = find_item (page, "footer");
  const RoneoItem *imprint = find_item (page, "imprint");
  g_assert_cmpfloat (fabs (imprint->rect.y + imprint->rect.height - (frame.y + frame.height)), <,
                     1.0);
  g_assert_cmpfloat (footer->rect.y + footer->rect.height, <=, imprint->rect.y);
  g_assert_cmpfloat (footer->rect.y + footer->rect.height, >, imprint->rect.y - 6.0);

  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_layout_set_value (layout, "page", "valign", "top", &error));
  g_autoptr (GPtrArray) top = compose_in (f, copy, layout);
  double top_gap = largest_gap (g_ptr_array_index (top, 0), &frame);
  g_assert_cmpfloat (gap, <, top_gap);
}

/* The same copy gives the same pages, spread and grown alike. */
static void
test_spread_deterministic (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("short-two-lines.md");
  g_autoptr (GPtrArray) a = compose (f, copy, "a5-flyer", NULL);
  g_autoptr (GPtrArray) b = compose (f, copy, "a5-flyer", NULL);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *dump_a = roneo_page_dump (g_ptr_array_index (a, i));
      g_autofree char *dump_b = roneo_page_dump (g_ptr_array_index (b, i));
      g_assert_cmpstr (dump_a, ==, dump_b);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/flow/body-lines", test_body_lines);
  ADD ("/flow/note-on-calling-page", test_note_on_calling_page);
  ADD ("/flow/signature-at-foot", test_signature_at_foot_of_last_page);
  ADD ("/flow/overflow-refused", test_overflow_refused);
  ADD ("/flow/shrink-before-verso", test_shrink_before_verso);
  ADD ("/flow/page-break", test_page_break_gives_verso);
  ADD ("/flow/warnings/file-line", test_warning_records);
  ADD ("/flow/warnings/file-only", test_warning_without_line);
  ADD ("/flow/spare/headline-grows", test_headline_grows_for_short_copy);
  ADD ("/flow/spare/headline-kept", test_headline_kept_for_long_copy);
  ADD ("/flow/spare/spread", test_spare_space_spread);
  ADD ("/flow/spare/deterministic", test_spread_deterministic);
  return g_test_run ();
}
