/* test-print-request.c: what roneo asks a printer for a PDF's sheets (the
 * media name, the sides, the copies), and the IPP sides keywords. No printer
 * is involved: the print suite sends these to a real cupsd. */
#include "roneo-duplex.h"
#include "roneo-print.h"
#include "roneo-units.h"

#define MM(mm) ((mm) *RONEO_PT_PER_MM)

typedef struct
{
  double width_mm, height_mm;
  const char *media;
} MediaCase;

static void
test_media_names (void)
{
  static const MediaCase cases[] = {
    { 210, 297, "iso_a4_210x297mm" },
    { 297, 210, "iso_a4_210x297mm" },     /* a landscape sheet is the same paper */
    { 210.8, 296.3, "iso_a4_210x297mm" }, /* within 1 mm: rounding in a PDF */
    { 297, 420, "iso_a3_297x420mm" },
    { 148, 210, "iso_a5_148x210mm" },
    { 320, 450, "iso_sra3_320x450mm" },
    { 450, 320, "iso_sra3_320x450mm" },
    { 215.9, 279.4, "na_letter_8.5x11in" }, /* 612 x 792 pt */
    { 215.9, 355.6, "na_legal_8.5x14in" },
    { 431.8, 279.4, "na_ledger_11x17in" },
    { 190, 260, "custom_190x260mm_190x260mm" },
    { 260, 190, "custom_190x260mm_190x260mm" }, /* short edge first */
    { 212, 297, "custom_212x297mm_212x297mm" }, /* 2 mm off A4 is not A4 */
    { 100.5, 250.25, "custom_100.5x250.25mm_100.5x250.25mm" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *media
          = roneo_print_media_for_size (MM (cases[i].width_mm), MM (cases[i].height_mm));
      g_assert_cmpstr (media, ==, cases[i].media);
    }
}

/* The names are found by size: Letter by its points, whatever it is called. */
static void
test_media_of_papers (void)
{
  double width = 0, height = 0;
  g_assert_true (roneo_paper_lookup ("Letter", &width, &height));
  g_autofree char *letter = roneo_print_media_for_size (width, height);
  g_assert_cmpstr (letter, ==, "na_letter_8.5x11in");
  g_autofree char *points = roneo_print_media_for_size (612, 792);
  g_assert_cmpstr (points, ==, "na_letter_8.5x11in");
  g_assert_true (roneo_paper_lookup ("A4", &width, &height));
  g_autofree char *a4 = roneo_print_media_for_size (height, width);
  g_assert_cmpstr (a4, ==, "iso_a4_210x297mm");
}

/* One page per sheet is one-sided whatever the binding was. */
static void
test_request_one_sided (void)
{
  g_auto (RoneoPrintRequest) request = { 0 };
  roneo_print_request_for_sheets (MM (297), MM (210), FALSE, RONEO_DUPLEX_SHORT_EDGE, 1, &request);
  g_assert_cmpstr (request.media, ==, "iso_a4_210x297mm");
  g_assert_cmpint (request.sides, ==, RONEO_DUPLEX_ONE_SIDED);
  g_assert_cmpuint (request.copies, ==, 1);
}

/* Recto/verso: the edge the imposition bound the versos on. */
static void
test_request_two_sided (void)
{
  g_auto (RoneoPrintRequest) long_edge = { 0 };
  roneo_print_request_for_sheets (MM (210), MM (297), TRUE, RONEO_DUPLEX_LONG_EDGE, 25, &long_edge);
  g_assert_cmpstr (long_edge.media, ==, "iso_a4_210x297mm");
  g_assert_cmpint (long_edge.sides, ==, RONEO_DUPLEX_LONG_EDGE);
  g_assert_cmpuint (long_edge.copies, ==, 25);

  g_auto (RoneoPrintRequest) short_edge = { 0 };
  roneo_print_request_for_sheets (MM (450), MM (320), TRUE, RONEO_DUPLEX_SHORT_EDGE, 0,
                                  &short_edge);
  g_assert_cmpstr (short_edge.media, ==, "iso_sra3_320x450mm");
  g_assert_cmpint (short_edge.sides, ==, RONEO_DUPLEX_SHORT_EDGE);
  g_assert_cmpuint (short_edge.copies, ==, 1); /* 0 counts as 1 */
}

/* Versos laid out for no edge are a caller's bug, said, not printed blind. */
static void
test_request_two_sided_auto (void)
{
  if (g_test_subprocess ())
    {
      g_auto (RoneoPrintRequest) request = { 0 };
      roneo_print_request_for_sheets (MM (210), MM (297), TRUE, RONEO_DUPLEX_AUTO, 1, &request);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*AUTO*");
}

static void
test_duplex_ipp (void)
{
  static const struct
  {
    RoneoDuplex sides;
    const char *keyword;
  } cases[] = {
    { RONEO_DUPLEX_ONE_SIDED, "one-sided" },
    { RONEO_DUPLEX_LONG_EDGE, "two-sided-long-edge" },
    { RONEO_DUPLEX_SHORT_EDGE, "two-sided-short-edge" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RoneoDuplex back = RONEO_DUPLEX_AUTO;
      g_assert_cmpstr (roneo_duplex_to_ipp (cases[i].sides), ==, cases[i].keyword);
      g_assert_true (roneo_duplex_from_ipp (cases[i].keyword, &back));
      g_assert_cmpint (back, ==, cases[i].sides);
    }
  /* AUTO is no IPP value, and words IPP does not have leave sides alone. */
  g_assert_null (roneo_duplex_to_ipp (RONEO_DUPLEX_AUTO));
  RoneoDuplex sides = RONEO_DUPLEX_LONG_EDGE;
  g_assert_false (roneo_duplex_from_ipp ("duplex", &sides));
  g_assert_false (roneo_duplex_from_ipp ("auto", &sides));
  g_assert_false (roneo_duplex_from_ipp ("Two-Sided-Long-Edge", &sides));
  g_assert_false (roneo_duplex_from_ipp (NULL, &sides));
  g_assert_cmpint (sides, ==, RONEO_DUPLEX_LONG_EDGE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print-request/media-names", test_media_names);
  g_test_add_func ("/print-request/media-of-papers", test_media_of_papers);
  g_test_add_func ("/print-request/one-sided", test_request_one_sided);
  g_test_add_func ("/print-request/two-sided", test_request_two_sided);
  g_test_add_func ("/print-request/two-sided-auto", test_request_two_sided_auto);
  g_test_add_func ("/print-request/duplex-ipp", test_duplex_ipp);
  return g_test_run ();
}
