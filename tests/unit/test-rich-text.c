/* test-rich-text.c: spans follow the text through replacements and uppercasing. */
#include "roneo-rich-text.h"

static RoneoSpan *
span_at (RoneoRichText *rich, guint index)
{
  g_assert_cmpuint (index, <, rich->spans->len);
  return &g_array_index (rich->spans, RoneoSpan, index);
}

static void
add_span (RoneoRichText *rich, guint start, guint end, guint flags)
{
  RoneoSpan span = { start, end, flags, 0 };
  g_array_append_val (rich->spans, span);
}

static void
test_new_from_block (void)
{
  g_autoptr (RoneoBlock) block = roneo_block_new (RONEO_BLOCK_PARAGRAPH, "un mot fort", 1, 1);
  roneo_block_add_span (block, 3, 6, RONEO_SPAN_STRONG, 0);
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new_from_block (block);
  g_assert_cmpstr (rich->text->str, ==, "un mot fort");
  g_assert_cmpuint (rich->spans->len, ==, 1);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 6);
  /* a copy, not a view */
  span_at (rich, 0)->end = 4;
  g_assert_cmpuint (g_array_index (block->spans, RoneoSpan, 0).end, ==, 6);

  g_autoptr (RoneoRichText) copy = roneo_rich_text_copy (rich);
  g_assert_cmpstr (copy->text->str, ==, "un mot fort");
  g_assert_cmpuint (span_at (copy, 0)->end, ==, 4);
}

static void
test_insert_at_span_edges (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("ab[cd]ef");
  add_span (rich, 3, 5, RONEO_SPAN_EMPHASIS); /* "cd" */
  /* insertion at the start: the span moves with its text */
  roneo_rich_text_replace (rich, 3, 3, "XX");
  g_assert_cmpstr (rich->text->str, ==, "ab[XXcd]ef");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 5);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 7);
  /* insertion at the end: the span does not grow */
  roneo_rich_text_replace (rich, 7, 7, "YY");
  g_assert_cmpstr (rich->text->str, ==, "ab[XXcdYY]ef");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 5);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 7);
  /* insertion inside: it grows */
  roneo_rich_text_replace (rich, 6, 6, "\u202F");
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 10);
}

static void
test_replace_inside_and_delete (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("et puis... fin");
  add_span (rich, 0, 10, RONEO_SPAN_STRONG);    /* "et puis..." */
  add_span (rich, 11, 14, RONEO_SPAN_EMPHASIS); /* "fin" */
  roneo_rich_text_replace (rich, 7, 10, "\u2026");
  g_assert_cmpstr (rich->text->str, ==, "et puis\u2026 fin");
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 10);
  g_assert_cmpuint (span_at (rich, 1)->start, ==, 11);
  g_assert_cmpuint (span_at (rich, 1)->end, ==, 14);
  /* deleting all of a span's text removes the span */
  roneo_rich_text_replace (rich, 10, 14, NULL);
  g_assert_cmpstr (rich->text->str, ==, "et puis\u2026");
  g_assert_cmpuint (rich->spans->len, ==, 1);
  /* a range straddling a span's start */
  roneo_rich_text_replace (rich, 0, 0, "ah ");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 3);
  roneo_rich_text_replace (rich, 1, 4, "X");
  g_assert_cmpstr (rich->text->str, ==, "aXt puis\u2026");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 1);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 11);
}

static void
test_flags_at (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("abcdef");
  add_span (rich, 0, 4, RONEO_SPAN_STRONG);
  add_span (rich, 2, 3, RONEO_SPAN_EMPHASIS);
  g_assert_cmpuint (roneo_rich_text_flags_at (rich, 0), ==, RONEO_SPAN_STRONG);
  g_assert_cmpuint (roneo_rich_text_flags_at (rich, 2), ==,
                    RONEO_SPAN_STRONG | RONEO_SPAN_EMPHASIS);
  g_assert_cmpuint (roneo_rich_text_flags_at (rich, 4), ==, 0);
  g_assert_cmpuint (roneo_rich_text_flags_at (rich, 99), ==, 0);
}

static void
test_uppercase_accents (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("à l’hôpital, écran");
  add_span (rich, 3, 15, RONEO_SPAN_STRONG); /* "l’hôpital" */
  roneo_rich_text_uppercase (rich, "fr");
  g_assert_cmpstr (rich->text->str, ==, "À L’HÔPITAL, ÉCRAN");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 3);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 15);
}

static void
test_uppercase_sharp_s (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("Straße frei");
  add_span (rich, 8, 12, RONEO_SPAN_EMPHASIS); /* "frei" */
  roneo_rich_text_uppercase (rich, "de");
  g_assert_cmpstr (rich->text->str, ==, "STRASSE FREI");
  g_assert_cmpuint (span_at (rich, 0)->start, ==, 8);
  g_assert_cmpuint (span_at (rich, 0)->end, ==, 12);
}

static void
test_uppercase_keeps_code_and_superscript (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("le 1er code");
  add_span (rich, 4, 6, RONEO_SPAN_SUPERSCRIPT);
  add_span (rich, 7, 11, RONEO_SPAN_CODE);
  roneo_rich_text_uppercase (rich, "fr");
  g_assert_cmpstr (rich->text->str, ==, "LE 1er code");
}

static void
test_uppercase_dotted_i (void)
{
  g_autoptr (RoneoRichText) rich = roneo_rich_text_new ("istanbul");
  roneo_rich_text_uppercase (rich, "en");
  g_assert_cmpstr (rich->text->str, ==, "ISTANBUL");
  g_autoptr (RoneoRichText) turkish = roneo_rich_text_new ("istanbul");
  roneo_rich_text_uppercase (turkish, "tr");
  g_assert_cmpstr (turkish->text->str, ==, "\u0130STANBUL");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rich-text/new-from-block", test_new_from_block);
  g_test_add_func ("/rich-text/insert-at-span-edges", test_insert_at_span_edges);
  g_test_add_func ("/rich-text/replace-inside-and-delete", test_replace_inside_and_delete);
  g_test_add_func ("/rich-text/flags-at", test_flags_at);
  g_test_add_func ("/rich-text/uppercase-accents", test_uppercase_accents);
  g_test_add_func ("/rich-text/uppercase-sharp-s", test_uppercase_sharp_s);
  g_test_add_func ("/rich-text/uppercase-keeps-code-and-superscript",
                   test_uppercase_keeps_code_and_superscript);
  g_test_add_func ("/rich-text/uppercase-dotted-i", test_uppercase_dotted_i);
  return g_test_run ();
}
