/* The cli-column suite: the A4 tract's headline band over a text column
 * (issue 13, item 6), read back from the PDF text layer as a reader measures
 * a page: the body's justified lines hold 60 to 70 characters, nothing of
 * the running text passes the column's edges, the headline and the call-out
 * span wider than the column, and the signature and the imprint start where
 * the column does. */
#include "roneo-test-cli.h"

#include <math.h>
#include <string.h>

#define EDGE 0.6 /* pt: glyph boxes of one edge line up closer than that */

/* One line as a reader sees it: the characters that share a baseline. */
typedef struct
{
  double baseline, left, right, size;
  GString *text;
} Line;

static void
line_clear (gpointer data)
{
  g_string_free (((Line *) data)->text, TRUE);
}

static Line *
line_at (GArray *lines, double baseline, double size)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      if (fabs (line->baseline - baseline) < 0.5 && fabs (line->size - size) < 0.01)
        return line;
    }
  Line line = { baseline, G_MAXDOUBLE, -G_MAXDOUBLE, size, g_string_new (NULL) };
  g_array_append_val (lines, line);
  return &g_array_index (lines, Line, lines->len - 1);
}

static double
size_at (GList *attributes, guint index)
{
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      if (index >= (guint) a->start_index && index <= (guint) a->end_index)
        return a->font_size;
    }
  return 0;
}

/* The lines of page index, each of one font size. Owned. */
static GArray *
page_lines (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n = 0;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  GList *attributes = poppler_page_get_text_attributes (page);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (lines, line_clear);
  const char *p = text;
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        continue;
      Line *line = line_at (lines, rects[i].y2, size_at (attributes, i));
      /* poppler's newline between two words of one line was a space */
      if (line->right > -G_MAXDOUBLE && c != ' ' && rects[i].x1 > line->right + 0.5
          && !g_str_has_suffix (line->text->str, " "))
        g_string_append_c (line->text, ' ');
      g_string_append_unichar (line->text, c);
      if (c != ' ')
        {
          line->left = MIN (line->left, rects[i].x1);
          line->right = MAX (line->right, rects[i].x2);
        }
    }
  poppler_page_free_text_attributes (attributes);
  return lines;
}

/* The size most characters of the page are set in: the body's. */
static double
body_size (GArray *lines)
{
  double best = 0;
  glong most = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      double size = g_array_index (lines, Line, i).size;
      glong chars = 0;
      for (guint j = 0; j < lines->len; j++)
        if (fabs (g_array_index (lines, Line, j).size - size) < 0.01)
          chars += g_utf8_strlen (g_array_index (lines, Line, j).text->str, -1);
      if (chars > most)
        most = chars, best = size;
    }
  return best;
}

typedef struct
{
  double left, right; /* the column, from the body's lines */
  double mean;        /* characters per justified line */
  guint shortest, longest, full;
  double widest_display; /* the widest line larger than the body, pt */
  double display_left;
} Column;

static Column
measure_page (GArray *lines)
{
  double size = body_size (lines);
  Column col = { G_MAXDOUBLE, -G_MAXDOUBLE, 0, G_MAXUINT, 0, 0, 0, G_MAXDOUBLE };
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      if (fabs (line->size - size) < 0.01)
        {
          col.left = MIN (col.left, line->left);
          col.right = MAX (col.right, line->right);
        }
      else if (line->size > 2 * size)
        {
          col.widest_display = MAX (col.widest_display, line->right - line->left);
          col.display_left = MIN (col.display_left, line->left);
        }
    }
  guint chars = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      /* justified lines reach the column's right edge; a paragraph's last
       * line and list items do not */
      if (fabs (line->size - size) >= 0.01 || line->right < col.right - EDGE
          || line->left > col.left + EDGE)
        continue;
      guint n = g_utf8_strlen (line->text->str, -1);
      chars += n;
      col.full++;
      col.shortest = MIN (col.shortest, n);
      col.longest = MAX (col.longest, n);
    }
  col.mean = col.full ? (double) chars / col.full : 0;
  return col;
}

static char *
flyer (const char *dir, const char *name)
{
  g_autofree char *input = roneo_test_corpus (name);
  char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", input, "-l", "a4-tract", "-o", pdf);
  roneo_test_assert_exit (&run, 0);
  return pdf;
}

/* The corpus tracts: about 65 characters a line, the headline wider than
 * the column and starting left of it, in the gutter. */
static void
test_measure (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-column-XXXXXX");
  g_autofree char *pdf = flyer (dir, name);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (GArray) lines = page_lines (doc, 0);
  roneo_test_rm_rf (dir);
  Column col = measure_page (lines);
  g_test_message ("%s: %u justified lines, %.1f characters (%u to %u), column %.1f to %.1f pt",
                  name, col.full, col.mean, col.shortest, col.longest, col.left, col.right);
  g_assert_cmpuint (col.full, >=, 4);
  g_assert_cmpfloat (col.mean, >=, 60);
  g_assert_cmpfloat (col.mean, <=, 70);
  g_assert_cmpuint (col.shortest, >=, 55);
  g_assert_cmpuint (col.longest, <=, 75);
  g_assert_cmpfloat (col.widest_display, >, 1.15 * (col.right - col.left));
  g_assert_cmpfloat (col.display_left, <, col.left - 20);
}

/* Every line of the running text, on every page, inside the column the
 * body's lines draw; the signature and the imprint start at its left edge. */
static void
test_inside (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-column-XXXXXX");
  g_autofree char *pdf = flyer (dir, name);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  roneo_test_rm_rf (dir);
  for (int page = 0; page < poppler_document_get_n_pages (doc); page++)
    {
      g_autoptr (GArray) lines = page_lines (doc, page);
      Column col = measure_page (lines);
      double size = body_size (lines);
      gboolean signed_here = FALSE;
      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);
          if (line->size > 2 * size)
            continue; /* headline and call-out: the band */
          if (line->left < col.left - EDGE || line->right > col.right + EDGE)
            g_error ("%s page %d: '%s' (%.1f to %.1f pt) outside the column (%.1f to %.1f)", name,
                     page + 1, line->text->str, line->left, line->right, col.left, col.right);
          if (strstr (line->text->str, "IPNS") != NULL)
            {
              g_assert_cmpfloat (fabs (line->left - col.left), <, EDGE);
              signed_here = TRUE;
            }
        }
      if (page == poppler_document_get_n_pages (doc) - 1)
        g_assert_true (signed_here);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated ("/column/measure/pompe-a-fric", test_measure, "tract-pompe-a-fric.md");
  roneo_test_add_isolated ("/column/measure/en", test_measure, "tract-en.md");
  roneo_test_add_isolated ("/column/measure/recto-verso", test_measure, "tract-recto-verso.md");
  roneo_test_add_isolated ("/column/inside/pompe-a-fric", test_inside, "tract-pompe-a-fric.md");
  roneo_test_add_isolated ("/column/inside/recto-verso", test_inside, "tract-recto-verso.md");
  roneo_test_add_isolated ("/column/inside/footnote", test_inside, "footnote.md");
  roneo_test_add_isolated ("/column/inside/list-quote", test_inside, "list-quote.md");
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
