/* test-document.c: the document model and its text dump. */
#include "roneo-document.h"

static void
test_dump (void)
{
  g_autoptr (RoneoDocument) document = roneo_document_new ("t.md");
  document->lang = g_strdup ("fr");
  document->title = g_strdup ("Titre");
  roneo_document_add_override (document, "headline.color", "#c00", 3);
  roneo_document_add_block (document, RONEO_BLOCK_HEADLINE, "Numérique", 5, 1);
  RoneoBlock *item = roneo_document_add_block (document, RONEO_BLOCK_LIST_ITEM, "un deux1", 7, 1);
  item->number = 2;
  item->ordered = TRUE;
  roneo_block_add_span (item, 3, 7, RONEO_SPAN_STRONG, 0);
  roneo_block_add_span (item, 7, 8, RONEO_SPAN_NOTE_CALL, 1);
  RoneoBlock *note = roneo_document_add_block (document, RONEO_BLOCK_FOOTNOTE, "Note.", 9, 7);
  note->number = 1;

  g_assert_cmpuint (document->blocks->len, ==, 2);
  g_assert_cmpuint (document->footnotes->len, ==, 1);
  g_assert_true (roneo_document_find_block (document, RONEO_BLOCK_LIST_ITEM) == item);
  g_assert_null (roneo_document_find_block (document, RONEO_BLOCK_QUOTE));
  g_autofree char *dump = roneo_document_dump (document);
  g_assert_cmpstr (dump, ==,
                   "lang: fr\n"
                   "title: Titre\n"
                   "override headline.color = #c00 (line 3)\n"
                   "headline 5:1 \"Numérique\"\n"
                   "list-item 7:1 #2 ordered \"un deux1\"\n"
                   "  span 3-7 flags=2\n"
                   "  span 7-8 flags=4 note=1\n"
                   "footnote 9:7 #1 \"Note.\"\n");
}

static void
test_defaults (void)
{
  g_autoptr (RoneoDocument) document = roneo_document_new (NULL);
  g_assert_cmpstr (document->source, ==, "<stdin>");
  g_autofree char *dump = roneo_document_dump (document);
  g_assert_cmpstr (dump, ==, "");
  g_assert_cmpstr (roneo_block_kind_to_string (RONEO_BLOCK_PAGE_BREAK), ==, "page-break");
  g_assert_cmpstr (roneo_block_kind_to_string (RONEO_BLOCK_SIGNATURE), ==, "signature");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/dump", test_dump);
  g_test_add_func ("/document/defaults", test_defaults);
  return g_test_run ();
}
