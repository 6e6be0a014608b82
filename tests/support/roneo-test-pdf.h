/* roneo-test-pdf.h: reading back the PDFs roneo writes, for the test suites.
 *
 * Poppler opens and rasterises a document and checks its pages and fonts;
 * qpdf (the program and libqpdf) checks its structure. Every helper fails
 * the running test with a g_assert or g_error rather than returning an
 * error; returned objects are owned by the caller.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 (Debian 12) defines no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* The document at path (a file name, not a URI); owned, never NULL. */
PopplerDocument *roneo_test_open_pdf (const char *path);

/* The text of every page of the PDF at path, one after another. Owned. */
char *roneo_test_pdf_text (const char *path);

/* The text of every page as a reader sees its lines: the characters that
 * share a baseline joined left to right, one line of the page per line of
 * the result, top to bottom. poppler's reading order may cut a line of large
 * type set under a line of another size into two ("N'EST" and "PAS"). Owned. */
char *roneo_test_pdf_visual_lines (const char *path);

/* Page index is width x height pt, to 0.01 pt. */
void roneo_test_assert_page_size (PopplerDocument *doc, int index, double width, double height);

/* Every page is width x height pt, to 0.01 pt. */
void roneo_test_assert_page_sizes (PopplerDocument *doc, double width, double height);

/* The document uses at least one font, and embeds each of them. */
void roneo_test_assert_fonts_embedded (PopplerDocument *doc);

/* Page index rendered by poppler on white, scale px per pt (RGB24, the size
 * rounded up). Owned: cairo_surface_destroy. */
cairo_surface_t *roneo_test_rasterise (PopplerDocument *doc, int index, double scale);

/* Whether a pixel of a rasterised page (BGRx) is ink on paper of that
 * colour: a channel at least 16 levels off it. */
gboolean roneo_test_is_ink_on (const unsigned char *pixel, const unsigned char *paper);

/* Whether a pixel of a rasterised page (BGRx on white) is ink. */
gboolean roneo_test_is_ink (const unsigned char *pixel);

/* Page index rasterised at scale: the tallest run of rows with no ink across
 * the width (issue 13's empty band) and the rows from the first inked to the
 * last, each as a share of the page height. Ink is what differs from the
 * page's paper, the colour most of its corners show (white, or the black of
 * a page printed to the edge). Either pointer may be NULL. */
void roneo_test_page_bands (PopplerDocument *doc, int index, double scale, double *empty_band,
                            double *inked_span);

/* Runs `qpdf --check path` (qpdf from PATH, which must be there); returns
 * whether it exited 0, its stdout in *out and stderr in *err (owned). */
gboolean roneo_test_qpdf_check (const char *path, char **out, char **err);

/* qpdf --check passes on path, with no WARNING on stdout or stderr. */
void roneo_test_assert_qpdf_check_clean (const char *path);

/* path read by libqpdf, errors and warnings silenced, which must succeed.
 * Owned: qpdf_cleanup. */
qpdf_data roneo_test_open_qpdf (const char *path);

G_END_DECLS
