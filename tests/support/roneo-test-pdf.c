/* roneo-test-pdf.c: reading back the PDFs roneo writes, with poppler and qpdf. */
#include "roneo-test-pdf.h"

#include <math.h>
#include <string.h>

PopplerDocument *
roneo_test_open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

void
roneo_test_assert_page_size (PopplerDocument *doc, int index, double width, double height)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  double w, h;
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);
}

void
roneo_test_assert_page_sizes (PopplerDocument *doc, double width, double height)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    roneo_test_assert_page_size (doc, i, width, height);
}

void
roneo_test_assert_fonts_embedded (PopplerDocument *doc)
{
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  guint count = 0;
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          count++;
          if (!poppler_fonts_iter_is_embedded (iter))
            g_error ("font '%s' is not embedded", poppler_fonts_iter_get_name (iter));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (count, >, 0);
}

cairo_surface_t *
roneo_test_rasterise (PopplerDocument *doc, int index, double scale)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  double w, h;
  poppler_page_get_size (page, &w, &h);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                                       (int) ceil (h * scale));
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* A hairline rule, antialiased, still counts: a channel 16 levels off the paper. */
#define INK_LEVELS 0x10
#define EDGE 2 /* px */

gboolean
roneo_test_is_ink_on (const unsigned char *pixel, const unsigned char *paper)
{
  for (int c = 0; c < 3; c++)
    if (ABS ((int) pixel[c] - (int) paper[c]) >= INK_LEVELS)
      return TRUE;
  return FALSE;
}

gboolean
roneo_test_is_ink (const unsigned char *pixel)
{
  static const unsigned char white[4] = { 0xff, 0xff, 0xff, 0xff };
  return roneo_test_is_ink_on (pixel, white);
}

/* The paper is what most corners of the page show: a page printed to the
 * edge (a black night tract) is its background colour there, and a corner
 * an item reaches is outvoted. */
static const unsigned char *
page_paper (const unsigned char *data, int stride, int width, int height)
{
  const unsigned char *corners[] = {
    data,
    data + 4 * (width - 1),
    data + (gsize) (height - 1) * stride,
    data + (gsize) (height - 1) * stride + 4 * (width - 1),
  };
  const unsigned char *paper = corners[0];
  guint best = 0;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      guint same = 0;
      for (guint j = 0; j < G_N_ELEMENTS (corners); j++)
        same += !roneo_test_is_ink_on (corners[j], corners[i]);
      if (same > best)
        best = same, paper = corners[i];
    }
  return paper;
}

static gboolean
row_has_ink (const unsigned char *row, int width, const unsigned char *paper)
{
  for (int x = 0; x < width; x++)
    if (roneo_test_is_ink_on (row + 4 * x, paper))
      return TRUE;
  return FALSE;
}

void
roneo_test_page_bands (PopplerDocument *doc, int index, double scale, double *empty_band,
                       double *inked_span)
{
  cairo_surface_t *image = roneo_test_rasterise (doc, index, scale);
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int height = cairo_image_surface_get_height (image);
  /* EDGE pixels in from each side: there a background printed to the edge
   * is antialiased with the white under the page, ink on black (no item
   * comes that close: margins) */
  int width = cairo_image_surface_get_width (image) - 2 * EDGE;
  const unsigned char *inside = data + (gsize) EDGE * stride + 4 * EDGE;
  unsigned char paper[4];
  memcpy (paper, page_paper (inside, stride, width, height - 2 * EDGE), sizeof paper);
  int run = 0, longest = 0, first = -1, last = -1;
  for (int y = 0; y < height; y++)
    {
      gboolean edge = y < EDGE || y >= height - EDGE;
      if (!edge && row_has_ink (data + (gsize) y * stride + 4 * EDGE, width, paper))
        {
          run = 0;
          first = first < 0 ? y : first;
          last = y;
        }
      else if (++run > longest)
        longest = run;
    }
  cairo_surface_destroy (image);
  if (empty_band != NULL)
    *empty_band = (double) longest / height;
  if (inked_span != NULL)
    *inked_span = first >= 0 ? (double) (last - first + 1) / height : 0;
}

gboolean
roneo_test_qpdf_check (const char *path, char **out, char **err)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  int status;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

void
roneo_test_assert_qpdf_check_clean (const char *path)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_true (roneo_test_qpdf_check (path, &out, &err));
  g_assert_null (strstr (out, "WARNING"));
  g_assert_null (strstr (err, "WARNING"));
}

qpdf_data
roneo_test_open_qpdf (const char *path)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  return qpdf;
}

char *
roneo_test_pdf_text (const char *path)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  GString *text = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  double baseline; /* the bottom of its characters' boxes, pt from the top */
  double right;    /* pt: where its last character ends */
  GString *text;
} VisualLine;

static gint
by_baseline (gconstpointer a, gconstpointer b)
{
  double da = ((const VisualLine *) a)->baseline, db = ((const VisualLine *) b)->baseline;
  return da < db ? -1 : da > db;
}

/* The line of lines at baseline, added if there is none. */
static VisualLine *
line_at_baseline (GArray *lines, double baseline)
{
  for (guint i = 0; i < lines->len; i++)
    if (fabs (g_array_index (lines, VisualLine, i).baseline - baseline) < 0.5)
      return &g_array_index (lines, VisualLine, i);
  VisualLine line = { baseline, -1, g_string_new (NULL) };
  g_array_append_val (lines, line);
  return &g_array_index (lines, VisualLine, lines->len - 1);
}

/* Appends page's lines to out. */
static void
append_visual_lines (PopplerPage *page, GString *out)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n = 0;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (VisualLine));
  const char *p = text;
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        continue;
      VisualLine *line = line_at_baseline (lines, rects[i].y2);
      /* poppler's newline between two words of one visual line was a space */
      if (line->right >= 0 && c != ' ' && rects[i].x1 > line->right + 0.5
          && !g_str_has_suffix (line->text->str, " "))
        g_string_append_c (line->text, ' ');
      g_string_append_unichar (line->text, c);
      line->right = rects[i].x2;
    }
  g_array_sort (lines, by_baseline);
  for (guint i = 0; i < lines->len; i++)
    {
      GString *line = g_array_index (lines, VisualLine, i).text;
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

char *
roneo_test_pdf_visual_lines (const char *path)
{
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (path);
  GString *text = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      append_visual_lines (page, text);
    }
  return g_string_free (text, FALSE);
}
