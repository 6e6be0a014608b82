/* pdf-gaps.c: how even a PDF's justified body text is, read back with poppler.
 *
 *   pdf-gaps [--lines] FILE.pdf
 *
 * Prints one line: the body size (the font size most characters have), the
 * justified body lines, the p95 and largest inter-word gap on them in em of
 * the body size, the hyphenated lines, the pairs of consecutive ones, the
 * fragments of two letters or fewer on either side of a hyphen, and the
 * lines that end past their column's right edge; and for ragged text
 * (body lines that end on no shared edge) the mean difference in length
 * between consecutive lines of a paragraph, in em, the paragraph's last line
 * left out: low when no line is much shorter than its neighbours and there
 * are no stair-steps.
 *
 * Read from the PDF rather than from roneo's dump so that LuaLaTeX's output
 * is measured the same way. A justified line is one that ends on a right
 * edge two or more body lines of the page share (to 0.6 pt): the last line
 * of a paragraph and ragged lines do not; a gap is the distance between the
 * glyphs either side of a space; gaps next to a smaller glyph (a note call)
 * are left out, as they are widened on purpose.
 */
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>

#define EDGE_TOLERANCE 0.6 /* pt: a justified line ends this close to its edge */
#define OVER_TOLERANCE 0.1 /* pt: past the edge by more is an overflow */
#define MIN_EDGE_LINES 2

typedef struct
{
  gunichar c;
  double x1, x2, size;
} Glyph;

typedef struct
{
  GArray *glyphs; /* Glyph, no line break */
  double left, right;
  double top; /* pt from the top of the page */
  gboolean body;
  gboolean justified;
} Line;

typedef struct
{
  double body_size;
  GArray *gaps; /* double, em */
  guint lines, justified, hyphenated, pairs, short_fragments, over;
  double ragged_sum; /* em: |difference in length| over ragged_pairs consecutive ragged lines */
  guint ragged_pairs;
  gboolean print_lines; /* --lines: each justified line, its widest gap first */
} Stats;

static double
size_at (GList *attrs, guint index)
{
  for (GList *l = attrs; l != NULL; l = l->next)
    {
      const PopplerTextAttributes *a = l->data;
      if (index >= (guint) a->start_index && index <= (guint) a->end_index)
        return a->font_size;
    }
  return 0;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x00AD;
}

/* The lines of one page, each glyph with its extent and size. */
static GPtrArray *
page_lines (PopplerPage *page)
{
  GPtrArray *lines = g_ptr_array_new ();
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return lines;
  GList *attrs = poppler_page_get_text_attributes (page);
  Line *line = NULL;
  guint index = 0;
  for (const char *p = text; *p != '\0' && index < n_rects; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        {
          line = NULL;
          continue;
        }
      if (line == NULL)
        {
          line = g_new0 (Line, 1);
          line->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
          g_ptr_array_add (lines, line);
        }
      if (line->glyphs->len == 0)
        line->top = rects[index].y1;
      Glyph g = { c, rects[index].x1, rects[index].x2, size_at (attrs, index) };
      g_array_append_val (line->glyphs, g);
    }
  poppler_page_free_text_attributes (attrs);
  g_free (rects);
  return lines;
}

static void
line_free (gpointer data)
{
  Line *line = data;
  g_array_unref (line->glyphs);
  g_free (line);
}

static void
count_sizes (GPtrArray *lines, GHashTable *sizes)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      for (guint k = 0; k < line->glyphs->len; k++)
        {
          const Glyph *g = &g_array_index (line->glyphs, Glyph, k);
          if (is_blank (g->c))
            continue;
          gpointer key = GINT_TO_POINTER ((int) lround (g->size * 100));
          g_hash_table_insert (
              sizes, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (sizes, key)) + 1));
        }
    }
}

static gboolean
is_body_glyph (const Glyph *g, double body)
{
  return fabs (g->size - body) <= 0.03 * body;
}

/* A body line: most of its glyphs at the body size; its ink extent. */
static void
classify (Line *line, double body)
{
  guint ink = 0, at_body = 0;
  line->left = G_MAXDOUBLE;
  line->right = -G_MAXDOUBLE;
  for (guint k = 0; k < line->glyphs->len; k++)
    {
      const Glyph *g = &g_array_index (line->glyphs, Glyph, k);
      if (is_blank (g->c))
        continue;
      ink++;
      at_body += is_body_glyph (g, body);
      line->left = MIN (line->left, g->x1);
      line->right = MAX (line->right, g->x2);
    }
  line->body = ink > 0 && at_body * 5 >= ink * 4;
}

/* Whether a body line from the same left edge ends well past a's end: then a
 * does not end on the column's edge (ragged lines of about the same length
 * share an edge too). */
static gboolean
is_short_of_column (const GPtrArray *lines, const Line *a)
{
  for (guint j = 0; j < lines->len; j++)
    {
      const Line *b = g_ptr_array_index (lines, j);
      if (b->body && fabs (b->left - a->left) <= EDGE_TOLERANCE && b->right > a->right + 10)
        return TRUE;
    }
  return FALSE;
}

/* The right edges of the page's columns: an edge two body lines share, no
 * line of the column ending well past it. */
static GArray *
right_edges (GPtrArray *lines)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *a = g_ptr_array_index (lines, i);
      if (!a->body)
        continue;
      guint same = 0;
      for (guint j = 0; j < lines->len; j++)
        {
          const Line *b = g_ptr_array_index (lines, j);
          same += b->body && fabs (b->right - a->right) <= EDGE_TOLERANCE / 2;
        }
      gboolean known = FALSE;
      for (guint e = 0; e < edges->len; e++)
        known |= fabs (g_array_index (edges, double, e) - a->right) <= EDGE_TOLERANCE;
      if (same >= MIN_EDGE_LINES && !known && !is_short_of_column (lines, a))
        g_array_append_val (edges, a->right);
    }
  return edges;
}

/* The letters of the fragment that ends (or starts) the line at its hyphen. */
static guint
last_fragment (const Line *line)
{
  guint n = 0;
  for (int k = (int) line->glyphs->len - 2; k >= 0; k--)
    {
      gunichar c = g_array_index (line->glyphs, Glyph, k).c;
      if (!g_unichar_isalpha (c))
        break;
      n++;
    }
  return n;
}

static guint
first_fragment (const Line *line)
{
  guint n = 0;
  for (guint k = 0; k < line->glyphs->len; k++)
    {
      gunichar c = g_array_index (line->glyphs, Glyph, k).c;
      if (!g_unichar_isalpha (c))
        break;
      n++;
    }
  return n;
}

static gboolean
ends_hyphenated (const Line *line)
{
  guint n = line->glyphs->len;
  return n >= 2 && is_hyphen (g_array_index (line->glyphs, Glyph, n - 1).c)
         && g_unichar_isalpha (g_array_index (line->glyphs, Glyph, n - 2).c);
}

static void
add_gaps (const Line *line, double body, GArray *gaps)
{
  const GArray *gl = line->glyphs;
  for (guint k = 1; k < gl->len; k++)
    {
      if (!is_blank (g_array_index (gl, Glyph, k).c))
        continue;
      guint next = k;
      while (next < gl->len && is_blank (g_array_index (gl, Glyph, next).c))
        next++;
      const Glyph *before = &g_array_index (gl, Glyph, k - 1);
      if (next < gl->len && !is_blank (before->c))
        {
          const Glyph *after = &g_array_index (gl, Glyph, next);
          if (is_body_glyph (before, body) && is_body_glyph (after, body))
            {
              double gap = (after->x1 - before->x2) / body;
              g_array_append_val (gaps, gap);
            }
        }
      k = next;
    }
}

static void
print_line (const Line *line, const GArray *gaps, guint from)
{
  double widest = 0;
  for (guint k = from; k < gaps->len; k++)
    widest = MAX (widest, g_array_index (gaps, double, k));
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint k = 0; k < line->glyphs->len; k++)
    g_string_append_unichar (text, g_array_index (line->glyphs, Glyph, k).c);
  printf ("%.3f %s\n", widest, text->str);
}

static void
measure_page (GPtrArray *lines, Stats *s)
{
  for (guint i = 0; i < lines->len; i++)
    classify (g_ptr_array_index (lines, i), s->body_size);
  g_autoptr (GArray) edges = right_edges (lines);
  const Line *prev = NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      if (!line->body)
        {
          prev = NULL;
          continue;
        }
      s->lines++;
      gboolean justified = FALSE;
      for (guint e = 0; e < edges->len; e++)
        {
          double edge = g_array_index (edges, double, e);
          justified |= fabs (line->right - edge) <= EDGE_TOLERANCE;
          s->over += line->right - edge > OVER_TOLERANCE && line->right - edge < 10
                     && line->left < edge - 20;
        }
      ((Line *) line)->justified = justified;
      if (justified)
        {
          s->justified++;
          guint before = s->gaps->len;
          add_gaps (line, s->body_size, s->gaps);
          if (s->print_lines)
            print_line (line, s->gaps, before);
        }
      if (ends_hyphenated (line))
        {
          const Line *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;
          s->hyphenated++;
          s->short_fragments += last_fragment (line) <= 2
                                || (next != NULL && next->body && first_fragment (next) <= 2);
          s->pairs += prev != NULL && ends_hyphenated (prev);
        }
      prev = line;
    }
}

static int
compare_top (gconstpointer a, gconstpointer b)
{
  const Line *x = *(const Line *const *) a, *y = *(const Line *const *) b;
  return (x->top > y->top) - (x->top < y->top);
}

/* The page's line pitch: the most common step between body lines, pt. */
static double
common_pitch (const GPtrArray *lines)
{
  g_autoptr (GHashTable) steps = g_hash_table_new (NULL, NULL);
  int best = 0, count = 0;
  for (guint i = 1; i < lines->len; i++)
    {
      const Line *a = g_ptr_array_index (lines, i - 1), *b = g_ptr_array_index (lines, i);
      if (!a->body || !b->body)
        continue;
      gpointer key = GINT_TO_POINTER ((int) lround ((b->top - a->top) * 10));
      int n = GPOINTER_TO_INT (g_hash_table_lookup (steps, key)) + 1;
      g_hash_table_insert (steps, key, GINT_TO_POINTER (n));
      if (n > count)
        {
          count = n;
          best = GPOINTER_TO_INT (key);
        }
    }
  return best / 10.0;
}

/* Whether b follows a in the same ragged paragraph: same left edge, one
 * pitch below. */
static gboolean
same_ragged_paragraph (const Line *a, const Line *b, double pitch)
{
  return a->body && b->body && !a->justified && !b->justified
         && fabs (a->left - b->left) <= EDGE_TOLERANCE && fabs (b->top - a->top - pitch) <= 0.5;
}

/* Consecutive lines of each ragged paragraph but its last line. */
static void
measure_raggedness (GPtrArray *page, Stats *s)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_copy (page, NULL, NULL);
  g_ptr_array_set_free_func (lines, NULL); /* borrowed from page */
  g_ptr_array_sort (lines, compare_top);
  double pitch = common_pitch (lines);
  for (guint i = 0; i < lines->len;)
    {
      guint end = i + 1;
      while (end < lines->len
             && same_ragged_paragraph (g_ptr_array_index (lines, end - 1),
                                       g_ptr_array_index (lines, end), pitch))
        end++;
      for (guint k = i; k + 2 < end; k++)
        {
          const Line *a = g_ptr_array_index (lines, k), *b = g_ptr_array_index (lines, k + 1);
          s->ragged_sum += fabs ((b->right - b->left) - (a->right - a->left)) / s->body_size;
          s->ragged_pairs++;
        }
      i = end;
    }
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  Stats s = { 0 };
  s.print_lines = argc == 3 && g_str_equal (argv[1], "--lines");
  if (argc != 2 + s.print_lines)
    {
      fprintf (stderr, "usage: pdf-gaps [--lines] FILE.pdf\n");
      return 1;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (argv[argc - 1], NULL, &error);
  PopplerDocument *doc = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;
  if (doc == NULL)
    {
      fprintf (stderr, "pdf-gaps: %s\n", error->message);
      return 1;
    }
  int pages = poppler_document_get_n_pages (doc);
  GPtrArray **lines = g_new0 (GPtrArray *, pages);
  g_autoptr (GHashTable) sizes = g_hash_table_new (NULL, NULL);
  for (int i = 0; i < pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      lines[i] = page_lines (page);
      g_ptr_array_set_free_func (lines[i], line_free);
      count_sizes (lines[i], sizes);
      g_object_unref (page);
    }
  int best = 0;
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) > best)
      {
        best = GPOINTER_TO_INT (value);
        s.body_size = GPOINTER_TO_INT (key) / 100.0;
      }
  s.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < pages; i++)
    {
      measure_page (lines[i], &s);
      measure_raggedness (lines[i], &s);
      g_ptr_array_unref (lines[i]);
    }
  g_free (lines);
  g_array_sort (s.gaps, compare_double);
  double p95 = 0, max = 0;
  if (s.gaps->len > 0)
    {
      p95 = g_array_index (s.gaps, double, (guint) ceil (0.95 * s.gaps->len) - 1);
      max = g_array_index (s.gaps, double, s.gaps->len - 1);
    }
  printf ("size=%.2f lines=%u justified=%u gaps=%u p95=%.3f max=%.3f hyphens=%u pairs=%u "
          "two=%u over=%u ragged=%.3f rpairs=%u\n",
          s.body_size, s.lines, s.justified, s.gaps->len, p95, max, s.hyphenated, s.pairs,
          s.short_fragments, s.over, s.ragged_pairs ? s.ragged_sum / s.ragged_pairs : 0,
          s.ragged_pairs);
  g_array_unref (s.gaps);
  g_object_unref (doc);
  return 0;
}
