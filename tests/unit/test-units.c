/* test-units.c: lengths, paper sizes and colours as users write them. */
#include "roneo-error.h"
#include "roneo-units.h"

#include <locale.h>
#include <string.h>

#define EPSILON 1e-9

typedef struct
{
  const char *text;
  double pt;
} LengthCase;

static void
test_length_units (void)
{
  static const LengthCase cases[] = {
    { "12mm", 12 * 72 / 25.4 },
    { "2m", 2000 * 72 / 25.4 },
    { "1.5cm", 15 * 72 / 25.4 },
    { "0.5in", 36 },
    { "10pt", 10 },
    { "0.0", 0 },
    { " 12 mm ", 12 * 72 / 25.4 },
    { "2.54CM", 72 },
    { ".5in", 36 },
    { "0", 0 },
    { "1e1pt", 10 },
    { "+3pt", 3 },
    { "25.4mm", 72 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double pt = -1;
      g_assert_true (roneo_length_parse (cases[i].text, &pt, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (pt, cases[i].pt, EPSILON);
    }
}

typedef struct
{
  const char *text;
  const char *message; /* expected start of the message */
} BadCase;

static void
test_length_errors (void)
{
  static const BadCase cases[] = {
    { "", "'' is not a length" },
    { "abc", "'abc' is not a length" },
    { "12px", "unknown unit 'px' in '12px'" },
    { "12 km", "unknown unit 'km'" },
    { "-3mm", "negative length '-3mm'" },
    { "-0.1", "negative length" },
    { "nan", "'nan' is not a length" },
    { "inf", "'inf' is not a length" },
    { "0x10", "unknown unit 'x10'" },
    { "1e400mm", "'1e400mm' is not a length" },
    { "1e308in", "length '1e308in' is too large" },
    { "12mm 3mm", "unknown unit" },
    /* a bare number says how to write it */
    { "10", "length '10' has no unit (write 10mm)" },
    { " 3 ", "length '3' has no unit (write 3mm)" },
    { "2.5", "length '2.5' has no unit (write 2.5mm)" },
    { "150", "length '150' has no unit (write 150mm or 15cm)" },
    { "-3", "negative length '-3'" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double pt = 42;
      g_assert_false (roneo_length_parse (cases[i].text, &pt, &error));
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("'%s': got '%s', expected '%s...'", cases[i].text, error->message,
                 cases[i].message);
      g_assert_cmpfloat (pt, ==, 42); /* untouched on failure */
    }
}

/* The unit suggested for a bare number is the one that kind is measured in. */
static void
test_length_kinds (void)
{
  static const struct
  {
    RoneoLengthKind kind;
    const char *text, *message;
  } cases[] = {
    { RONEO_LENGTH_PAPER, "12", "length '12' has no unit (write 12mm)" },
    { RONEO_LENGTH_TYPE, "10.5", "length '10.5' has no unit (write 10.5pt)" },
    { RONEO_LENGTH_TYPE, "120", "length '120' has no unit (write 120pt)" },
    { RONEO_LENGTH_DISTANCE, "20", "length '20' has no unit (write 20m)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double pt = 42;
      g_assert_false (roneo_length_parse_kind (cases[i].text, cases[i].kind, &pt, &error));
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpfloat (pt, ==, 42);
    }
  double pt = -1;
  g_assert_true (roneo_length_parse_kind ("20m", RONEO_LENGTH_DISTANCE, &pt, NULL));
  g_assert_cmpfloat_with_epsilon (pt, RONEO_MM (20000), EPSILON);
  g_assert_true (roneo_length_parse_kind ("0", RONEO_LENGTH_TYPE, &pt, NULL));
  g_assert_cmpfloat (pt, ==, 0);
}

static void
test_number (void)
{
  double value = -1;
  g_assert_true (roneo_number_parse (" 1.15 ", &value));
  g_assert_cmpfloat (value, ==, 1.15);
  g_assert_true (roneo_number_parse (".5", &value));
  g_assert_cmpfloat (value, ==, 0.5);
  static const char *const bad[] = { "", "1.2pt", "inf", "0x1", "1,5", "1.2 3", "em" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      value = 42;
      g_assert_false (roneo_number_parse (bad[i], &value));
      g_assert_cmpfloat (value, ==, 42);
    }
}

typedef struct
{
  const char *name;
  double width_mm, height_mm;
} PaperCase;

static void
test_paper_lookup (void)
{
  static const PaperCase cases[] = {
    { "A0", 841, 1189 },        { "A1", 594, 841 },        { "A2", 420, 594 },
    { "A3", 297, 420 },         { "A4", 210, 297 },        { "a5", 148, 210 },
    { "A6", 105, 148 },         { "A7", 74, 105 },         { "SRA3", 320, 450 },
    { "letter", 215.9, 279.4 }, { "Legal", 215.9, 355.6 }, { "TABLOID", 279.4, 431.8 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double w = 0, h = 0;
      g_assert_true (roneo_paper_lookup (cases[i].name, &w, &h));
      g_assert_cmpfloat_with_epsilon (w, RONEO_MM (cases[i].width_mm), EPSILON);
      g_assert_cmpfloat_with_epsilon (h, RONEO_MM (cases[i].height_mm), EPSILON);
      g_assert_cmpfloat (w, <=, h);
    }
  double w = 0, h = 0;
  g_assert_false (roneo_paper_lookup ("A8", &w, &h));
  g_assert_false (roneo_paper_lookup ("B5", &w, &h));
  g_assert_false (roneo_paper_lookup ("", &w, &h));
}

/* PRINT.md: exact sizes, never rounded. */
static void
test_paper_exact (void)
{
  double w = 0, h = 0;
  g_assert_true (roneo_paper_lookup ("A5", &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 419.528, 1e-3);
  g_assert_cmpfloat_with_epsilon (h, 595.276, 1e-3);
  g_assert_true (roneo_paper_lookup ("A4", &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 595.276, 1e-3);
  g_assert_cmpfloat_with_epsilon (h, 841.890, 1e-3);
}

typedef struct
{
  const char *text;
  double width_mm, height_mm;
} SizeCase;

static void
test_page_size (void)
{
  static const SizeCase cases[] = {
    { "A4", 210, 297 },           { "A4 landscape", 297, 210 },    { "a5  Portrait", 148, 210 },
    { "A3 LANDSCAPE", 420, 297 }, { "148x210mm", 148, 210 },       { "300 x 90 cm", 3000, 900 },
    { "8.5x11in", 215.9, 279.4 }, { "100X50mm", 100, 50 },         { "10x10mm", 10, 10 },
    { "500x500cm", 5000, 5000 },  { "595.28x841.89pt", 210, 297 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double w = 0, h = 0;
      g_assert_true (roneo_page_size_parse (cases[i].text, &w, &h, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (w, RONEO_MM (cases[i].width_mm), 0.01);
      g_assert_cmpfloat_with_epsilon (h, RONEO_MM (cases[i].height_mm), 0.01);
    }
}

static void
test_page_size_errors (void)
{
  static const BadCase cases[] = {
    { "A8", "unknown paper size 'A8'" },
    { "A4 sideways", "unknown paper size 'A4 sideways'" },
    { "A4 landscape portrait", "unknown paper size" },
    { "", "unknown paper size ''" },
    { "148x210", "size '148x210' has no unit (write 148x210mm or 14.8x21cm)" },
    { "3000x900", "size '3000x900' has no unit (write 3000x900mm or 300x90cm)" },
    { "3000 X 900", "size '3000 X 900' has no unit (write 3000x900mm or 300x90cm)" },
    { "50x80", "size '50x80' has no unit (write 50x80mm)" },
    { "0x210", "size '0x210' has no unit (write 0x210mm)" },
    { "148x210px", "unknown paper size '148x210px'" },
    { "-148x210mm", "unknown paper size" },
    { "0x0", "page size '0x0' is out of range" },
    { "0x0mm", "page size '0x0mm' is out of range" },
    { "0x210mm", "page size '0x210mm' is out of range" },
    { "9x100mm", "page size '9x100mm' is out of range" },
    { "10000 x 10000 cm", "page size '10000 x 10000 cm' is out of range" },
    { "501x90cm", "page size '501x90cm' is out of range" },
    { "nanxnanmm", "unknown paper size" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double w = 0, h = 0;
      gboolean ok = roneo_page_size_parse (cases[i].text, &w, &h, &error);
      if (*cases[i].message == '\0')
        {
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("'%s': got '%s', expected '%s...'", cases[i].text, error->message,
                 cases[i].message);
    }
}

static void
test_color (void)
{
  RoneoColor color = { 0 };
  g_autoptr (GError) error = NULL;
  g_assert_true (roneo_color_parse ("#c8102e", &color, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (color.r, 200 / 255.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (color.g, 16 / 255.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (color.b, 46 / 255.0, EPSILON);
  g_assert_true (roneo_color_parse ("#C00", &color, NULL));
  g_assert_cmpfloat_with_epsilon (color.r, 0.8, EPSILON);
  g_assert_cmpfloat (color.g, ==, 0);
  g_assert_true (roneo_color_parse (" #ffffff ", &color, NULL));
  g_assert_cmpfloat (color.r + color.g + color.b, ==, 3);
  g_autofree char *text
      = roneo_color_to_string (&(RoneoColor){ 200 / 255.0, 16 / 255.0, 46 / 255.0 });
  g_assert_cmpstr (text, ==, "#c8102e");
}

static void
test_color_errors (void)
{
  static const char *const cases[]
      = { "red", "c8102e", "#12345", "#1234567", "#ggg", "", "#", "# c00", "#c0 0" };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      RoneoColor color = { 0.5, 0.5, 0.5 };
      g_assert_false (roneo_color_parse (cases[i], &color, &error));
      g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
      g_autofree char *expected = g_strdup_printf ("'%s' is not a colour", cases[i]);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_cmpfloat (color.r, ==, 0.5);
    }
}

static void
test_pt_to_string (void)
{
  g_autofree char *a5 = roneo_pt_to_string (RONEO_MM (148));
  g_autofree char *zero = roneo_pt_to_string (0);
  g_assert_cmpstr (a5, ==, "419.53");
  g_assert_cmpstr (zero, ==, "0.00");
}

int
main (int argc, char **argv)
{
  /* A comma as decimal separator must change nothing (tools/setup.sh
   * generates fr_FR); the messages matched here are the English ones. */
  setlocale (LC_ALL, "fr_FR.UTF-8");
  setlocale (LC_MESSAGES, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/units/length/units", test_length_units);
  g_test_add_func ("/units/length/errors", test_length_errors);
  g_test_add_func ("/units/length/kinds", test_length_kinds);
  g_test_add_func ("/units/number", test_number);
  g_test_add_func ("/units/paper/lookup", test_paper_lookup);
  g_test_add_func ("/units/paper/exact", test_paper_exact);
  g_test_add_func ("/units/page-size/parse", test_page_size);
  g_test_add_func ("/units/page-size/errors", test_page_size_errors);
  g_test_add_func ("/units/color/parse", test_color);
  g_test_add_func ("/units/color/errors", test_color_errors);
  g_test_add_func ("/units/pt-to-string", test_pt_to_string);
  return g_test_run ();
}
