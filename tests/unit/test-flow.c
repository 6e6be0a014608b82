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
          guint j = 0;
          for (GSList *l = pango_layout_get_lines_readonly (item->layout); l; l = l->next, j++)
            {
              PangoLayoutLine *line = l->data;
              /* as drawn: an expanded line at its scale */
              double width = line_width (line) * roneo_layout_get_line_scale (item->layout, j);
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

/* The A6 card's verso (verso-valign = even) holds two lines and the
 * signature: as much air above the lines as between them and the signature
 * and under it, the imprint at the foot; set at the layout's valign, the
 * lines would open the page. */
static void
test_verso_even (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("card-a6.md");
  g_autoptr (RoneoLayout) layout = layout_load ("a6-card");
  RoneoRect frame = roneo_layout_get_frame (layout);
  g_autoptr (GPtrArray) pages = compose_in (f, copy, layout);
  g_assert_cmpuint (pages->len, ==, 2);
  const RoneoPage *verso = g_ptr_array_index (pages, 1);
  const RoneoItem *body = find_item (verso, "body");
  const RoneoItem *footer = find_item (verso, "footer");
  const RoneoItem *imprint = find_item (verso, "imprint");
  double above = body->rect.y - frame.y;
  double between = footer->rect.y - (body->rect.y + body->rect.height);
  double under = imprint->rect.y - (footer->rect.y + footer->rect.height);
  g_assert_cmpfloat (above, >, frame.height * 0.15);
  g_assert_cmpfloat (fabs (above - under), <, frame.height * 0.05);
  g_assert_cmpfloat (fabs (between - under), <, frame.height * 0.05);
  g_assert_cmpfloat (imprint->rect.y + imprint->rect.height, >, frame.y + frame.height - 10);
  /* unset, the verso spreads as the recto does: the lines open the page */
  layout->verso_valign = -1;
  g_autoptr (GPtrArray) spread = compose_in (f, copy, layout);
  const RoneoItem *top = find_item (g_ptr_array_index (spread, 1), "body");
  g_assert_cmpfloat (top->rect.y - frame.y, <, 1);
}

/* A card without a page break of its own (recto = display): the face holds
 * the headline and the date as display blocks, the date broken at its
 * phrases (the place after the last comma) and far larger than 11 pt; the text goes overleaf
 * and grows from 9 pt. Without the key the text starts on the recto. */
static void
test_card_face (Fixture *f, gconstpointer data)
{
  const char *copy
      = "# Pique-nique revendicatif\n\n## Dimanche 14 juin, midi, parc de la Mairie\n\n"
        "Apportez à manger et à boire, on apporte les banderoles.\n\n"
        "-- Collectif des usagers du quartier\n";
  g_autoptr (RoneoLayout) layout = layout_load ("a6-card");
  g_autoptr (GPtrArray) pages = compose_in (f, copy, layout);
  g_assert_cmpuint (pages->len, ==, 2);
  const RoneoPage *recto = g_ptr_array_index (pages, 0);
  const RoneoPage *verso = g_ptr_array_index (pages, 1);
  const RoneoItem *date = find_item (recto, "subhead");
  g_assert_nonnull (find_item (recto, "headline"));
  g_assert_nonnull (date);
  g_assert_null (find_item (recto, "body"));
  g_assert_null (find_item (recto, "footer"));
  g_assert_cmpfloat (date->size, >, 2 * layout->subhead.min_size);
  g_assert_cmpint (pango_layout_get_line_count (date->layout), >=, 2);
  /* the place on a line of its own, after the comma that closes the hour */
  int last = pango_layout_get_line_count (date->layout) - 1;
  PangoLayoutLine *line = pango_layout_get_line_readonly (date->layout, last);
  const char *text = pango_layout_get_text (date->layout);
  g_assert_cmpstr (text + line->start_index, ==, "parc de\u00a0la\u00a0Mairie");
  int end = line->start_index;
  while (end > 0 && (guchar) text[end - 1] > 0x7f) /* the line separator the fit put there */
    end--;
  while (end > 0 && text[end - 1] == ' ')
    end--;
  g_assert_cmpint (text[end - 1], ==, ',');
  const RoneoItem *body = find_item (verso, "body");
  g_assert_nonnull (body);
  g_assert_nonnull (find_item (verso, "footer"));
  g_assert_cmpfloat (body->size, >, layout->body.size * 1.3);
  layout->recto_display = FALSE;
  g_autoptr (GPtrArray) flat = compose_in (f, copy, layout);
  g_assert_nonnull (find_item (g_ptr_array_index (flat, 0), "body"));
}

/* A 20-word headline that would need less than 1.8 times the body size on
 * an A5 tract is refused, with the size it needs and what to do, not set
 * small with a warning. */
static void
test_long_headline_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("long-headline.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = compose (f, copy, "a5-flyer", &error);
  g_assert_null (pages);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "test.md:1: the headline needs "));
  g_assert_nonnull (strstr (error->message, "less than 1.8 \u00d7 the body (18.9 pt)"));
  g_assert_nonnull (strstr (error->message, "shorten it to about 18 words"));
  g_assert_nonnull (strstr (error->message, "min-ratio"));
  g_assert_cmpuint (roneo_warnings_get_count (f->warnings), ==, 0);
}

/* With min-ratio = 0 the layout takes a smaller headline: it is set below
 * min-size, in no more lines than max-lines, and the body keeps its size. */
static void
test_long_headline_allowed (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = corpus ("long-headline.md");
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  layout->headline.min_ratio = 0;
  g_autoptr (GPtrArray) pages = compose_in (f, copy, layout);
  const RoneoItem *headline = find_item (g_ptr_array_index (pages, 0), "headline");
  g_assert_cmpfloat (headline->size, <, layout->headline.min_size);
  g_assert_cmpfloat (headline->size, >, layout->body.size);
  g_assert_cmpint (pango_layout_get_line_count (headline->layout), <=, layout->headline.max_lines);
  g_assert_cmpuint (roneo_warnings_get_count (f->warnings), ==, 0);
}

/* A shorter headline in the words the message gave fits at min-size. */
static void
test_shortened_headline_fits (Fixture *f, gconstpointer data)
{
  const char *shortened
      = "# Pour que nos enfants puissent encore prendre le bus scolaire le matin sans faire "
        "quarante minutes de route\n\nLa communaut\u00e9 de communes veut supprimer trois "
        "lignes de ramassage.\n";
  g_autoptr (GPtrArray) pages = compose (f, shortened, "a5-flyer", NULL);
  g_assert_nonnull (pages);
  g_autoptr (RoneoLayout) layout = layout_load ("a5-flyer");
  const RoneoItem *headline = find_item (g_ptr_array_index (pages, 0), "headline");
  g_assert_cmpfloat (headline->size, >=, layout->headline.min_size);
  g_assert_cmpint (pango_layout_get_line_count (headline->layout), <=, layout->headline.max_lines);
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

/* --- keep together -------------------------------------------------------- */

/* copy composed in layout in language lang; NULL when it is too long for
 * the layout's pages (a sweep's end). */
static GPtrArray *
compose_lang (Fixture *f, const char *copy, const RoneoLayout *layout, const char *lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse ("test.md", copy, strlen (copy), &error);
  g_assert_no_error (error);
  RoneoComposeContext cc = { f->context, f->hyphenator, lang, f->warnings };
  GPtrArray *pages = roneo_compose_document (&cc, document, layout, &error);
  if (g_error_matches (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW))
    return NULL;
  g_assert_no_error (error);
  return pages;
}

/* a5-flyer with its body at one size (no shrinking: the copy's length
 * alone decides where the recto ends) and its blocks at the top of the
 * page, so that what the page holds is where it ends. */
static RoneoLayout *
fixed_layout (void)
{
  RoneoLayout *layout = layout_load ("a5-flyer");
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_layout_set_value (layout, "body", "min-size", "10.5pt", &error));
  g_assert_true (roneo_layout_set_value (layout, "list", "min-size", "10.5pt", &error));
  g_assert_true (roneo_layout_set_value (layout, "page", "valign", "top", &error));
  g_assert_no_error (error);
  return layout;
}

#define FOUR_LINES                                                                                 \
  "Pendant que les urgences ferment leurs portes la nuit, l’argent public coule à flots vers "  \
  "les sociétés informatiques, les cabinets de conseil et les plateformes qui promettent de "    \
  "tout régler par une application, sans un soignant de plus ni un lit rouvert dans nos "         \
  "hôpitaux de campagne."

/* A headline and three paragraphs, the last words words longer, then
 * tail: the sweep over words moves tail's start down the recto and past
 * its foot. */
static char *
swept_copy (guint words, const char *tail)
{
  static const char *filler[] = { "Les", "usagers", "attendent", "des", "heures", "au", "guichet" };
  GString *copy = g_string_new ("# Titre\n\n" FOUR_LINES "\n\n" FOUR_LINES "\n\n" FOUR_LINES);
  for (guint i = 0; i < words; i++)
    g_string_append_printf (copy, " %s", filler[i % G_N_ELEMENTS (filler)]);
  g_string_append_printf (copy, ".\n\n%s", tail);
  return g_string_free (copy, FALSE);
}

static guint
line_count (const RoneoItem *item)
{
  return (guint) pango_layout_get_line_count (item->layout);
}

static gboolean
is_text (const RoneoItem *item, const char *role)
{
  return item->kind == RONEO_ITEM_TEXT && strcmp (item->role, role) == 0;
}

/* A subhead is followed on its page by two lines of its text: never the
 * last thing on the recto. Swept a few words at a time across the foot of
 * the recto, with copy after it that fills the verso more or less (the
 * balance of recto and verso moves the subhead over when the verso has
 * room: the rule matters when it has not). */
static void
test_keep_subhead_with_text (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoLayout) layout = fixed_layout ();
  guint on_page[2] = { 0, 0 };
  /* A subhead followed by a short text (on the recto or flowing over) and
   * by a long one (always flowing over). */
  static const guint tails[] = { 4, 10 };
  for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
    {
      guint paragraphs = tails[t];
      GString *tail = g_string_new ("## Ce que nous demandons\n\n");
      for (guint i = 0; i < paragraphs; i++)
        g_string_append (tail, FOUR_LINES "\n\n");
      g_autofree char *tail_text = g_string_free (tail, FALSE);
      for (guint words = 0; words < 400; words += 4)
        {
          g_autofree char *copy = swept_copy (words, tail_text);
          g_autoptr (GPtrArray) pages = compose_lang (f, copy, layout, "fr");
          if (pages == NULL)
            break;
          for (guint p = 0; p < pages->len; p++)
            {
              const RoneoPage *page = g_ptr_array_index (pages, p);
              for (guint i = 0; i < page->items->len; i++)
                {
                  const RoneoItem *item = g_ptr_array_index (page->items, i);
                  if (!is_text (item, "subhead"))
                    continue;
                  g_assert_cmpuint (i + 1, <, page->items->len);
                  const RoneoItem *next = g_ptr_array_index (page->items, i + 1);
                  g_assert_true (is_text (next, "body"));
                  g_assert_cmpuint (line_count (next), >=, 2);
                  on_page[MIN (p, 1)]++;
                }
            }
        }
    }
  g_assert_cmpuint (on_page[0], >, 0);
  g_assert_cmpuint (on_page[1], >, 0);
}

/* No page holds a single line of a paragraph or of a list item, at its
 * foot or at its head; swept until some were split across the pages. */
static void
assert_no_single_line (Fixture *f, const char *role, const char *tail, guint blocks_in_copy)
{
  g_autoptr (RoneoLayout) layout = fixed_layout ();
  RoneoRect frame = roneo_layout_get_frame (layout);
  guint split = 0;
  for (guint words = 0; words < 400; words += 4)
    {
      g_autofree char *copy = swept_copy (words, tail);
      g_autoptr (GPtrArray) pages = compose_lang (f, copy, layout, "fr");
      if (pages == NULL)
        break;
      guint pieces = 0;
      for (guint p = 0; p < pages->len; p++)
        {
          const RoneoPage *page = g_ptr_array_index (pages, p);
          for (guint i = 0; i < page->items->len; i++)
            {
              const RoneoItem *item = g_ptr_array_index (page->items, i);
              /* list markers sit in the indent, their text after it */
              if (!is_text (item, role)
                  || (strcmp (role, "list") == 0 && item->rect.x < frame.x + 1))
                continue;
              g_assert_cmpuint (line_count (item), >=, 2);
              pieces++;
            }
        }
      split += pieces > blocks_in_copy;
    }
  g_assert_cmpuint (split, >, 0);
}

static void
test_keep_paragraph_lines (Fixture *f, gconstpointer data)
{
  /* the three paragraphs of the head, the six of the tail */
  assert_no_single_line (f, "body",
                         FOUR_LINES "\n\n" FOUR_LINES "\n\n" FOUR_LINES "\n\n" FOUR_LINES
                                    "\n\n" FOUR_LINES "\n\n" FOUR_LINES "\n",
                         3 + 6);
}

static void
test_keep_list_item_lines (Fixture *f, gconstpointer data)
{
  assert_no_single_line (f, "list",
                         "- " FOUR_LINES "\n- " FOUR_LINES "\n- " FOUR_LINES "\n- " FOUR_LINES
                         "\n- " FOUR_LINES "\n- " FOUR_LINES "\n",
                         6);
}

/* The last body item of a page, the lowest one. */
static const RoneoItem *
last_body_item (const RoneoPage *page)
{
  const RoneoItem *last = NULL;
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      if (is_text (item, "body") && (last == NULL || item->rect.y > last->rect.y))
        last = item;
    }
  return last;
}

static gboolean
last_line_hyphenated (const RoneoItem *item)
{
  const char *text = pango_layout_get_text (item->layout);
  GSList *lines = pango_layout_get_lines_readonly (item->layout);
  const PangoLayoutLine *line = g_slist_last (lines)->data;
  return line->length > 0 && text[line->start_index + line->length - 1] == '-';
}

/* A page never ends on a hyphenated line (the copy has no hyphen of its
 * own): the reader would turn the page in the middle of a word. Swept so
 * that paragraphs are split at the foot of the recto many ways, and some
 * lines there are hyphenated. */
static void
test_no_hyphen_at_page_foot (Fixture *f, gconstpointer data)
{
  static const char *long_words[]
      = { "les",      "administrations", "dématérialisées", "abandonnent", "progressivement",
          "leurs",    "usagers",         "départementales", "ordinateurs", "à",
          "guichets", "remplacement" };
  g_autoptr (RoneoLayout) layout = fixed_layout ();
  g_autoptr (GError) error = NULL;
  /* glyph expansion off: more hyphens to put to the test */
  g_assert_true (roneo_layout_set_value (layout, "body", "expansion", "0", &error));
  guint split = 0, hyphenated = 0;
  for (guint seed = 0; seed < 100; seed++)
    {
      /* words drawn at random (the same each run): the lines at the foot of
       * the recto differ each time */
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      GString *text = g_string_new ("# Titre\n\n" FOUR_LINES "\n\nIls");
      for (guint i = 0; i < 215; i++)
        g_string_append_printf (text, " %s",
                                long_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (long_words))]);
      g_string_append (text, ".\n");
      g_autofree char *copy = g_string_free (text, FALSE);
      g_autoptr (GPtrArray) pages = compose_lang (f, copy, layout, "fr");
      if (pages == NULL)
        continue;
      for (guint p = 0; p + 1 < pages->len; p++)
        {
          const RoneoItem *foot = last_body_item (g_ptr_array_index (pages, p));
          const RoneoItem *head = find_item (g_ptr_array_index (pages, p + 1), "body");
          if (foot == NULL || head == NULL)
            continue;
          split++;
          g_assert_false (last_line_hyphenated (foot));
        }
      for (guint p = 0; p < pages->len; p++)
        {
          const RoneoPage *page = g_ptr_array_index (pages, p);
          for (guint i = 0; i < page->items->len; i++)
            {
              const RoneoItem *item = g_ptr_array_index (page->items, i);
              hyphenated
                  += is_text (item, "body") && strstr (pango_layout_get_text (item->layout), "-\n");
            }
        }
    }
  g_test_message ("%u page breaks, %u items with a hyphenated line", split, hyphenated);
  g_assert_cmpuint (split, >, 10);
  g_assert_cmpuint (hyphenated, >, 10);
}

/* Where the copy ends on a page with valign = top, pt below the frame's top. */
static double
page_fill (const RoneoPage *page, const RoneoRect *frame)
{
  double bottom = frame->y;
  for (guint i = 0; i < page->items->len; i++)
    {
      const RoneoItem *item = g_ptr_array_index (page->items, i);
      /* the cue, the signature and the imprint keep to the foot */
      if (strcmp (item->role, "cue") != 0 && strcmp (item->role, "footer") != 0
          && strcmp (item->role, "imprint") != 0)
        bottom = MAX (bottom, item->rect.y + item->rect.height);
    }
  return bottom - frame->y;
}

/* Copy a few lines longer than the recto: both pages carry their share,
 * not a full recto and a verso of three lines. */
static void
test_recto_verso_balanced (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoLayout) layout = fixed_layout ();
  RoneoRect frame = roneo_layout_get_frame (layout);
  guint flowed = 0;
  for (guint words = 150; words < 400; words += 25)
    {
      g_autofree char *copy
          = swept_copy (words, FOUR_LINES "\n\n" FOUR_LINES "\n\n" FOUR_LINES "\n\n" FOUR_LINES
                                          "\n\n" FOUR_LINES "\n");
      g_autoptr (GPtrArray) pages = compose_lang (f, copy, layout, "fr");
      if (pages == NULL)
        break;
      if (pages->len < 2)
        continue;
      double recto = page_fill (g_ptr_array_index (pages, 0), &frame);
      double verso = page_fill (g_ptr_array_index (pages, 1), &frame);
      /* a paragraph of four lines moves as two and two: the slack */
      g_assert_cmpfloat (fabs (recto - verso), <, 0.15 * frame.height);
      flowed++;
    }
  g_assert_cmpuint (flowed, >=, 3);
}

static const RoneoItem *
find_cue (const RoneoPage *page)
{
  return find_item (page, "cue");
}

/* The recto of copy that goes on overleaf ends with the cue in the copy's
 * language, right-aligned at the foot of the frame, above the notes; the
 * last page and a single page have none. */
static void
test_continuation_cue (Fixture *f, gconstpointer data)
{
  g_autoptr (RoneoLayout) layout = fixed_layout ();
  RoneoRect frame = roneo_layout_get_frame (layout);
  static const struct
  {
    const char *lang, *cue;
  } cues[] = { { "fr", "suite au verso ›" },
               { "fr-CA", "suite au verso ›" },
               { "en", "continued overleaf ›" },
               { "de", "Fortsetzung umseitig ›" } };
  GString *text = g_string_new ("# Titre\n\nUn appel[^n] en tête.\n\n");
  for (guint i = 0; i < 10; i++)
    g_string_append (text, FOUR_LINES "\n\n");
  g_string_append (text, "[^n]: La note du recto.\n");
  g_autofree char *copy = g_string_free (text, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      g_autoptr (GPtrArray) pages = compose_lang (f, copy, layout, cues[i].lang);
      g_assert_nonnull (pages);
      g_assert_cmpuint (pages->len, ==, 2);
      const RoneoPage *recto = g_ptr_array_index (pages, 0);
      const RoneoItem *cue = find_cue (recto);
      g_assert_nonnull (cue);
      g_assert_cmpstr (pango_layout_get_text (cue->layout), ==, cues[i].cue);
      g_assert_cmpfloat (fabs (cue->rect.x + cue->rect.width - (frame.x + frame.width)), <, 0.5);
      g_assert_cmpfloat (cue->rect.y + cue->rect.height, <=, frame.y + frame.height + 0.05);
      const RoneoItem *note = find_item (recto, "footnotes");
      g_assert_nonnull (note);
      g_assert_cmpfloat (cue->rect.y + cue->rect.height, <=, note->rect.y);
      for (guint k = 0; k < recto->items->len; k++)
        {
          const RoneoItem *item = g_ptr_array_index (recto->items, k);
          if (is_text (item, "body"))
            g_assert_cmpfloat (item->rect.y + item->rect.height, <=, cue->rect.y);
        }
      g_assert_null (find_cue (g_ptr_array_index (pages, 1)));
    }
  g_autoptr (GPtrArray) single = compose_lang (f, "# Titre\n\nDeux lignes.\n", layout, "fr");
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_null (find_cue (g_ptr_array_index (single, 0)));
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
  ADD ("/flow/spare/verso-even", test_verso_even);
  ADD ("/flow/card/face", test_card_face);
  ADD ("/flow/headline/refused", test_long_headline_refused);
  ADD ("/flow/headline/allowed", test_long_headline_allowed);
  ADD ("/flow/headline/shortened", test_shortened_headline_fits);
  ADD ("/flow/spare/deterministic", test_spread_deterministic);
  ADD ("/flow/keep/subhead-with-text", test_keep_subhead_with_text);
  ADD ("/flow/keep/paragraph-lines", test_keep_paragraph_lines);
  ADD ("/flow/keep/list-item-lines", test_keep_list_item_lines);
  ADD ("/flow/keep/recto-verso-balanced", test_recto_verso_balanced);
  ADD ("/flow/keep/continuation-cue", test_continuation_cue);
  ADD ("/flow/keep/no-hyphen-at-page-foot", test_no_hyphen_at_page_foot);
  return g_test_run ();
}
