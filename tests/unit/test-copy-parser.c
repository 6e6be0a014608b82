/* test-copy-parser.c: the copy parser on small inline inputs and on the shared corpus. */
#include "roneo-copy-parser.h"
#include "roneo-error.h"

#include <string.h>

#define LS "\xe2\x80\xa8"

static RoneoDocument *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  RoneoDocument *document = roneo_copy_parse ("t.md", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Parses text, expects RONEO_ERROR_INPUT and returns the message. */
static char *
parse_fails (const char *text, gsize length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse ("t.md", text, length, &error);
  g_assert_null (document);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  return g_strdup (error->message);
}

static char *
corpus_path (const char *name)
{
  const char *cases = g_getenv ("RONEO_TEST_CASES");
  g_assert_nonnull (cases);
  return g_build_filename (cases, name, NULL);
}

static RoneoDocument *
parse_corpus (const char *name)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr (GError) error = NULL;
  RoneoDocument *document = roneo_copy_parse_file (path, &error);
  g_assert_no_error (error);
  return document;
}

static const RoneoBlock *
block_at (const RoneoDocument *document, guint i)
{
  g_assert_cmpuint (i, <, document->blocks->len);
  return g_ptr_array_index (document->blocks, i);
}

static const RoneoSpan *
span_at (const RoneoBlock *block, guint i)
{
  g_assert_cmpuint (i, <, block->spans->len);
  return &g_array_index (block->spans, RoneoSpan, i);
}

/* The text a span covers, for readable assertions. */
static char *
span_text (const RoneoBlock *block, guint i)
{
  const RoneoSpan *span = span_at (block, i);
  g_assert_cmpuint (span->end, <=, strlen (block->text));
  return g_strndup (block->text + span->start, span->end - span->start);
}

static void
assert_block (const RoneoDocument *document, guint i, RoneoBlockKind kind, const char *text,
              guint line)
{
  const RoneoBlock *block = block_at (document, i);
  g_assert_cmpstr (roneo_block_kind_to_string (block->kind), ==, roneo_block_kind_to_string (kind));
  g_assert_cmpstr (block->text, ==, text);
  g_assert_cmpuint (block->line, ==, line);
}

static void
test_front_matter (void)
{
  g_autoptr (RoneoDocument) document = parse_ok ("---\n"
                                                 "layout: a5-flyer\n"
                                                 "lang: fr\n"
                                                 "title: \"Le titre\"\n"
                                                 "author: Nous\n"
                                                 "date: 2024-03-01\n"
                                                 "subject: guichets\n"
                                                 "headline.color: \"#c00\"\n"
                                                 "body.size: 11pt\n"
                                                 "---\n"
                                                 "\n"
                                                 "# Titre\n");
  g_assert_cmpstr (document->layout, ==, "a5-flyer");
  g_assert_cmpstr (document->lang, ==, "fr");
  g_assert_cmpstr (document->title, ==, "Le titre");
  g_assert_cmpstr (document->author, ==, "Nous");
  g_assert_cmpstr (document->date, ==, "2024-03-01");
  g_assert_cmpstr (document->subject, ==, "guichets");
  g_assert_cmpuint (document->overrides->len, ==, 2);
  const RoneoOverride *color = g_ptr_array_index (document->overrides, 0);
  const RoneoOverride *size = g_ptr_array_index (document->overrides, 1);
  g_assert_cmpstr (color->key, ==, "headline.color");
  g_assert_cmpstr (color->value, ==, "#c00");
  g_assert_cmpuint (color->line, ==, 8);
  g_assert_cmpstr (size->key, ==, "body.size");
  g_assert_cmpuint (size->line, ==, 9);
  assert_block (document, 0, RONEO_BLOCK_HEADLINE, "Titre", 12);
}

static void
test_front_matter_variants (void)
{
  /* "..." closes too; CRLF and a byte order mark are accepted; empty front matter */
  g_autoptr (RoneoDocument) dots = parse_ok ("---\nlang: en\n...\n# T\n");
  g_assert_cmpstr (dots->lang, ==, "en");
  assert_block (dots, 0, RONEO_BLOCK_HEADLINE, "T", 4);
  g_autoptr (RoneoDocument) crlf = parse_ok ("\xef\xbb\xbf---\r\nlang: de\r\n---\r\n## U\r\n");
  g_assert_cmpstr (crlf->lang, ==, "de");
  assert_block (crlf, 0, RONEO_BLOCK_SUBHEAD, "U", 4);
  g_autoptr (RoneoDocument) empty = parse_ok ("---\n---\nText.\n");
  g_assert_null (empty->layout);
  assert_block (empty, 0, RONEO_BLOCK_PARAGRAPH, "Text.", 3);
}

static void
test_block_kinds (void)
{
  g_autoptr (RoneoDocument) document = parse_ok ("# Head\n"        /* 1 */
                                                 "\n"              /* 2 */
                                                 "## Sub\n"        /* 3 */
                                                 "### Deeper\n"    /* 4 */
                                                 "\n"              /* 5 */
                                                 "Body text\n"     /* 6 */
                                                 "on two lines.\n" /* 7 */
                                                 "\n"              /* 8 */
                                                 "- one\n"         /* 9 */
                                                 "- two\n"         /* 10 */
                                                 "\n"              /* 11 */
                                                 "3. three\n"      /* 12 */
                                                 "4. four\n"       /* 13 */
                                                 "\n"              /* 14 */
                                                 "> first\n"       /* 15 */
                                                 ">\n"             /* 16 */
                                                 "> second\n"      /* 17 */
                                                 "\n"              /* 18 */
                                                 "***\n"           /* 19 */
                                                 "\n"              /* 20 */
                                                 "Verso.\n");      /* 21 */
  g_assert_cmpuint (document->blocks->len, ==, 11);
  assert_block (document, 0, RONEO_BLOCK_HEADLINE, "Head", 1);
  assert_block (document, 1, RONEO_BLOCK_SUBHEAD, "Sub", 3);
  assert_block (document, 2, RONEO_BLOCK_SUBHEAD, "Deeper", 4);
  assert_block (document, 3, RONEO_BLOCK_PARAGRAPH, "Body text on two lines.", 6);
  assert_block (document, 4, RONEO_BLOCK_LIST_ITEM, "one", 9);
  assert_block (document, 5, RONEO_BLOCK_LIST_ITEM, "two", 10);
  g_assert_false (block_at (document, 5)->ordered);
  g_assert_cmpuint (block_at (document, 5)->number, ==, 0);
  assert_block (document, 6, RONEO_BLOCK_LIST_ITEM, "three", 12);
  assert_block (document, 7, RONEO_BLOCK_LIST_ITEM, "four", 13);
  g_assert_true (block_at (document, 7)->ordered);
  g_assert_cmpuint (block_at (document, 6)->number, ==, 3);
  g_assert_cmpuint (block_at (document, 7)->number, ==, 4);
  assert_block (document, 8, RONEO_BLOCK_QUOTE, "first" LS "second", 15);
  assert_block (document, 9, RONEO_BLOCK_PAGE_BREAK, "", 19);
  assert_block (document, 10, RONEO_BLOCK_PARAGRAPH, "Verso.", 21);
  g_assert_cmpuint (block_at (document, 0)->column, ==, 1);
}

static void
test_nested_and_literal (void)
{
  g_autoptr (RoneoDocument) document = parse_ok ("- outer\n"
                                                 "  - inner\n"
                                                 "\n"
                                                 "  after\n"
                                                 "\n"
                                                 "1. loose\n"
                                                 "\n"
                                                 "   second para\n"
                                                 "\n"
                                                 "```\n"
                                                 "code  kept\n"
                                                 "line\n"
                                                 "```\n"
                                                 "\n"
                                                 "<div>\n"
                                                 "html\n"
                                                 "</div>\n");
  assert_block (document, 0, RONEO_BLOCK_LIST_ITEM, "outer", 1);
  assert_block (document, 1, RONEO_BLOCK_LIST_ITEM, "inner", 2);
  assert_block (document, 2, RONEO_BLOCK_PARAGRAPH, "after", 4);
  assert_block (document, 3, RONEO_BLOCK_LIST_ITEM, "loose" LS "second para", 6);
  assert_block (document, 4, RONEO_BLOCK_PARAGRAPH, "code  kept" LS "line", 10);
  const RoneoBlock *code = block_at (document, 4);
  g_assert_cmpuint (code->spans->len, ==, 1);
  g_assert_cmpuint (span_at (code, 0)->flags, ==, RONEO_SPAN_CODE);
  g_assert_cmpuint (span_at (code, 0)->start, ==, 0);
  g_assert_cmpuint (span_at (code, 0)->end, ==, strlen (code->text));
  assert_block (document, 5, RONEO_BLOCK_PARAGRAPH, "<div>" LS "html" LS "</div>", 15);
}

static void
test_inline_spans (void)
{
  g_autoptr (RoneoDocument) document
      = parse_ok ("Un *mot* et **du *gras* ici** avec `du code`, un\\\nsaut, "
                  "[un lien](http://a.fr), <http://b.fr>, ![une image](i.png) "
                  "et <b>html</b> {ville}.\n");
  const RoneoBlock *block = block_at (document, 0);
  g_assert_cmpstr (block->text, ==,
                   "Un mot et du gras ici avec du code, un" LS "saut, un lien, http://b.fr, une "
                   "image et <b>html</b> {ville}.");
  g_assert_cmpuint (block->spans->len, ==, 6);
  g_autofree char *em = span_text (block, 0);
  g_autofree char *strong = span_text (block, 1);
  g_autofree char *inner = span_text (block, 2);
  g_autofree char *code = span_text (block, 3);
  g_assert_cmpstr (em, ==, "mot");
  g_assert_cmpuint (span_at (block, 0)->flags, ==, RONEO_SPAN_EMPHASIS);
  g_assert_cmpstr (strong, ==, "du gras ici");
  g_assert_cmpuint (span_at (block, 1)->flags, ==, RONEO_SPAN_STRONG);
  g_assert_cmpstr (inner, ==, "gras");
  g_assert_cmpuint (span_at (block, 2)->flags, ==, RONEO_SPAN_EMPHASIS);
  g_assert_cmpstr (code, ==, "du code");
  g_assert_cmpuint (span_at (block, 3)->flags, ==, RONEO_SPAN_CODE);
  /* links keep their text and carry their address; an autolink's text is it */
  g_autofree char *link = span_text (block, 4);
  g_autofree char *autolink = span_text (block, 5);
  g_assert_cmpstr (link, ==, "un lien");
  g_assert_cmpuint (span_at (block, 4)->flags, ==, RONEO_SPAN_LINK);
  g_assert_cmpstr (span_at (block, 4)->link, ==, "http://a.fr");
  g_assert_cmpstr (autolink, ==, "http://b.fr");
  g_assert_cmpstr (span_at (block, 5)->link, ==, "http://b.fr");
  g_assert_cmpuint (document->unlinked_line, ==, 0);
  for (guint i = 1; i < block->spans->len; i++)
    g_assert_cmpuint (span_at (block, i - 1)->start, <=, span_at (block, i)->start);
}

/* Only what a reader of the PDF can follow becomes a link: a relative or a
 * javascript: target keeps its text, and the line is kept for a warning. */
static void
test_unfollowable_links (void)
{
  g_autoptr (RoneoDocument) document
      = parse_ok ("Un [mail](MAILTO:a@b.fr) et [tel](tel:+33123).\n"
                  "\n"
                  "Le [plan](docs/plan.pdf), [x](javascript:alert(1)).\n");
  const RoneoBlock *first = block_at (document, 0);
  g_assert_cmpuint (first->spans->len, ==, 2);
  g_assert_cmpstr (span_at (first, 0)->link, ==, "MAILTO:a@b.fr");
  g_assert_cmpstr (span_at (first, 1)->link, ==, "tel:+33123");
  const RoneoBlock *second = block_at (document, 1);
  g_assert_cmpstr (second->text, ==, "Le plan, x.");
  g_assert_cmpuint (second->spans->len, ==, 0);
  g_assert_cmpuint (document->unlinked_line, ==, 3);
}

static void
test_footnotes (void)
{
  /* notes are numbered in the order they are called, not defined */
  g_autoptr (RoneoDocument) document = parse_ok ("Voir[^b] puis[^a].\n"
                                                 "\n"
                                                 "[^a]: Note A[^b].\n"
                                                 "\n"
                                                 "[^b]: Note B.\n");
  const RoneoBlock *block = block_at (document, 0);
  g_assert_cmpstr (block->text, ==, "Voir1 puis2.");
  g_assert_cmpuint (block->spans->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *call = span_text (block, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_assert_cmpstr (call, ==, number);
      g_assert_cmpuint (span_at (block, i)->flags, ==, RONEO_SPAN_NOTE_CALL);
      g_assert_cmpuint (span_at (block, i)->note, ==, i + 1);
    }
  g_assert_cmpuint (document->blocks->len, ==, 1);
  g_assert_cmpuint (document->footnotes->len, ==, 2);
  const RoneoBlock *first = g_ptr_array_index (document->footnotes, 0);
  const RoneoBlock *second = g_ptr_array_index (document->footnotes, 1);
  g_assert_cmpint (first->kind, ==, RONEO_BLOCK_FOOTNOTE);
  g_assert_cmpstr (first->text, ==, "Note B.");
  g_assert_cmpuint (first->number, ==, 1);
  g_assert_cmpuint (first->line, ==, 5);
  g_assert_cmpstr (second->text, ==, "Note A1.");
  g_assert_cmpuint (second->number, ==, 2);
  g_assert_cmpuint (second->line, ==, 3);
  g_assert_cmpuint (span_at (second, 0)->note, ==, 1);
}

static void
test_signature (void)
{
  g_autoptr (RoneoDocument) document = parse_ok ("# Titre\n\nTexte.\n\n-- **Collectif**, Albi\n");
  assert_block (document, 2, RONEO_BLOCK_SIGNATURE, "Collectif, Albi", 5);
  const RoneoBlock *signature = block_at (document, 2);
  g_autofree char *strong = span_text (signature, 0);
  g_assert_cmpstr (strong, ==, "Collectif");

  /* only the last block, and only a paragraph */
  g_autoptr (RoneoDocument) middle = parse_ok ("# T\n\n-- pas ici\n\nFin.\n");
  assert_block (middle, 1, RONEO_BLOCK_PARAGRAPH, "-- pas ici", 3);
  g_autoptr (RoneoDocument) item = parse_ok ("# T\n\n- -- item\n");
  assert_block (item, 1, RONEO_BLOCK_LIST_ITEM, "-- item", 3);
}

static void
test_no_markup (void)
{
  g_autoptr (RoneoDocument) document = parse_corpus ("tract-plain.txt");
  guint n = document->blocks->len;
  g_assert_cmpuint (n, ==, 5);
  assert_block (document, 0, RONEO_BLOCK_HEADLINE, "Numérique, pompe à fric", 1);
  assert_block (document, n - 1, RONEO_BLOCK_SIGNATURE, "Collectif Écran total", 9);
  for (guint i = 1; i < n - 1; i++)
    g_assert_cmpint (block_at (document, i)->kind, ==, RONEO_BLOCK_PARAGRAPH);

  /* long or sentence-like first and last paragraphs stay body copy */
  g_autoptr (RoneoDocument) sentences = parse_ok ("Une phrase.\n\nDeux.\n\nTrois !\n");
  assert_block (sentences, 0, RONEO_BLOCK_PARAGRAPH, "Une phrase.", 1);
  assert_block (sentences, 2, RONEO_BLOCK_PARAGRAPH, "Trois !", 5);
  g_autoptr (RoneoDocument) two_lines = parse_ok ("Titre\nsur deux lignes\n\nTexte.\n\nSigné\n");
  g_assert_cmpint (block_at (two_lines, 0)->kind, ==, RONEO_BLOCK_PARAGRAPH);
  g_assert_cmpint (block_at (two_lines, 2)->kind, ==, RONEO_BLOCK_SIGNATURE);
  g_autoptr (RoneoDocument) two = parse_ok ("Titre\n\nSigné\n");
  g_assert_cmpint (block_at (two, 0)->kind, ==, RONEO_BLOCK_HEADLINE);
  g_assert_cmpint (block_at (two, 1)->kind, ==, RONEO_BLOCK_PARAGRAPH);

  /* with markup the rule does not apply */
  g_autoptr (RoneoDocument) marked = parse_ok ("Titre\n\n- item\n\nSigné\n");
  g_assert_cmpint (block_at (marked, 0)->kind, ==, RONEO_BLOCK_PARAGRAPH);
  g_assert_cmpint (block_at (marked, 2)->kind, ==, RONEO_BLOCK_PARAGRAPH);
}

static void
test_corpus_tract (void)
{
  g_autoptr (RoneoDocument) document = parse_corpus ("tract-pompe-a-fric.md");
  g_assert_true (g_str_has_suffix (document->source, "/cases/tract-pompe-a-fric.md"));
  g_assert_cmpstr (document->layout, ==, "a5-flyer");
  g_assert_cmpstr (document->lang, ==, "fr");
  g_assert_cmpstr (document->author, ==, "Collectif Écran total");
  assert_block (document, 0, RONEO_BLOCK_HEADLINE, "Numérique, pompe à fric", 7);
  assert_block (document, 1, RONEO_BLOCK_SUBHEAD, "Des guichets, pas des serveurs !", 9);
  g_assert_cmpint (block_at (document, 2)->kind, ==, RONEO_BLOCK_PARAGRAPH);
  g_assert_cmpuint (block_at (document, 2)->line, ==, 11);

  const RoneoBlock *call = block_at (document, 2);
  g_assert_cmpuint (call->spans->len, ==, 1);
  g_autofree char *number = span_text (call, 0);
  g_assert_cmpstr (number, ==, "1");
  g_assert_true (g_str_has_suffix (call->text, "2 milliards d'euros1."));

  const RoneoBlock *first_item = block_at (document, 6);
  g_assert_cmpint (first_item->kind, ==, RONEO_BLOCK_LIST_ITEM);
  g_autofree char *strong = span_text (first_item, 0);
  g_assert_cmpstr (strong, ==, "sans internet ni smartphone");
  g_assert_cmpuint (span_at (first_item, 0)->flags, ==, RONEO_SPAN_STRONG);
  assert_block (document, 9, RONEO_BLOCK_QUOTE, "Le numérique, ce n'est plus du service public.",
                23);
  assert_block (document, 10, RONEO_BLOCK_SIGNATURE,
                "Collectif Écran total · permanence le jeudi de 17 h à 19 h, 12 rue des Lilas, "
                "Albi",
                27);
  g_assert_cmpuint (document->blocks->len, ==, 11);
  g_assert_cmpuint (document->footnotes->len, ==, 1);
  const RoneoBlock *note = g_ptr_array_index (document->footnotes, 0);
  g_assert_cmpuint (note->line, ==, 25);
  g_assert_true (g_str_has_prefix (note->text, "Plan d'investissement"));
}

/* Every word of the body (after the front matter) appears in some block. */
static void
test_no_text_lost (void)
{
  const char *const names[] = { "tract-pompe-a-fric.md", "tract-en.md", "tract-modele.md",
                                "multilingual.md", "tract-plain.txt" };
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = corpus_path (names[n]);
      g_autofree char *contents = NULL;
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_autoptr (RoneoDocument) document = parse_corpus (names[n]);
      g_autoptr (GString) all = g_string_new (NULL);
      for (guint i = 0; i < document->blocks->len; i++)
        g_string_append_printf (all, "%s\n", block_at (document, i)->text);
      for (guint i = 0; i < document->footnotes->len; i++)
        g_string_append_printf (all, "%s\n",
                                ((RoneoBlock *) g_ptr_array_index (document->footnotes, i))->text);
      const char *body
          = g_str_has_prefix (contents, "---\n") ? strstr (contents + 4, "\n---\n") : contents;
      g_auto (GStrv) words = g_strsplit_set (body, " \n*#>[]^:-", -1);
      for (guint i = 0; words[i]; i++)
        if (strlen (words[i]) > 1 && strcmp (words[i], "segur") != 0 /* the note's label */
            && strstr (all->str, words[i]) == NULL)
          g_error ("%s: '%s' lost", names[n], words[i]);
    }
}

static void
test_corpus_multilingual (void)
{
  g_autoptr (RoneoDocument) document = parse_corpus ("multilingual.md");
  g_assert_cmpstr (document->layout, ==, "a4-tract");
  assert_block (document, 2, RONEO_BLOCK_SUBHEAD, "العربية", 10);
  g_assert_true (g_str_has_prefix (block_at (document, 3)->text, "بياناتنا"));
  g_autoptr (RoneoDocument) model = parse_corpus ("tract-modele.md");
  assert_block (model, 0, RONEO_BLOCK_HEADLINE, "Rassemblement à {ville}", 6);
  assert_block (model, 1, RONEO_BLOCK_SUBHEAD, "{date}, {heure}", 8);
}

/* An error from a corpus file names the file and, when it has one, the position. */
static void
assert_file_error (const char *name, const char *expected)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_autofree char *message = g_strconcat (path, expected, NULL);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_files (void)
{
  assert_file_error ("bad/latin1.txt", ":1:4: not UTF-8 text (save the file as UTF-8)");
  assert_file_error ("bad/empty.txt", ": empty file: nothing to lay out");
  assert_file_error ("bad/binary.png", ": binary file, not text");

  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) missing = roneo_copy_parse_file ("/nonexistent/t.md", &error);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "cannot read '/nonexistent/t.md': No such file or directory");
}

static void
assert_fails (const char *text, const char *expected)
{
  g_autofree char *message = parse_fails (text, strlen (text));
  if (!g_str_has_prefix (message, expected))
    g_error ("expected '%s...', got '%s'", expected, message);
}

static void
test_bad_input (void)
{
  g_autofree char *nul = parse_fails ("a\0b", 3);
  g_assert_cmpstr (nul, ==, "t.md: binary file, not text");
  assert_fails ("ok\nnot \xff ok\n", "t.md:2:5: not UTF-8 text");
  assert_fails (" \n\t\n  \xe2\x80\x83\n", "t.md: empty file: nothing to lay out");
  assert_fails ("", "t.md: empty file");
  assert_fails ("---\n---\n\n", "t.md: no copy: nothing to lay out");
  assert_fails ("---\nlang: fr\n\n# T\n", "t.md:1:1: unterminated front matter");
  assert_fails ("---\nlang: fr\ncolour: red\n---\n# T\n",
                "t.md:3:1: unknown front matter key 'colour' (known: layout, lang, title, author, "
                "date, subject, imprint, logo, qr, or section.key for a layout override)");
  assert_fails ("---\nlang: fr\ntitle: a: b\n---\n# T\n",
                "t.md:3:9: bad front matter: mapping values are not allowed");
  assert_fails ("---\ntitle: \"open\n---\n# T\n", "t.md:3:1: bad front matter:");
  assert_fails ("---\nlang: [fr, en]\n---\n# T\n",
                "t.md:2:7: front matter value of 'lang' must be plain text");
  assert_fails ("---\njust text\n---\n# T\n", "t.md:2:1: front matter must be 'key: value' lines");
  assert_fails ("---\nlang: fr\nlang: en\n---\n# T\n",
                "t.md:3:1: front matter key 'lang' given twice");
  assert_fails ("# T\n\nVoir[^nope].\n",
                "t.md:3:5: footnote '[^nope]' is called but never defined");
  assert_fails ("# T\n\nVoir.\n\n[^x]: jamais appelée\n",
                "t.md:5:1: footnote '[^x]' is defined but never called");

  /* an escaped call and a definition in code are text, not errors */
  g_autoptr (RoneoDocument) escaped = parse_ok ("Voir \\[^nope].\n\n```\n[^x]: code\n```\n");
  assert_block (escaped, 0, RONEO_BLOCK_PARAGRAPH, "Voir [^nope].", 1);
}

static void
test_stdin_source (void)
{
  g_autoptr (RoneoDocument) document = roneo_copy_parse (NULL, "# T\n", 4, NULL);
  g_assert_cmpstr (document->source, ==, "<stdin>");
  /* text need not be NUL-terminated */
  g_autoptr (RoneoDocument) cut = roneo_copy_parse ("t.md", "# AB-garbage", 4, NULL);
  assert_block (cut, 0, RONEO_BLOCK_HEADLINE, "AB", 1);
}

/* Banner slogans: lines kept as forced breaks, "-- " is the byline, no
 * Markdown, the corpus banner is one line. */
static void
test_slogan (void)
{
  const char *text
      = "---\nlang: fr\n---\nNumérique,\n\n  pompe à *fric*  \n-- Collectif Écran total\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_slogan_parse ("s.txt", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->lang, ==, "fr");
  g_assert_cmpuint (document->blocks->len, ==, 2);
  const RoneoBlock *slogan = g_ptr_array_index (document->blocks, 0);
  g_assert_cmpint (slogan->kind, ==, RONEO_BLOCK_HEADLINE);
  g_assert_cmpstr (slogan->text, ==, "Numérique,\u2028pompe à *fric*");
  g_assert_cmpuint (slogan->line, ==, 4);
  const RoneoBlock *byline = roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE);
  g_assert_nonnull (byline);
  g_assert_cmpstr (byline->text, ==, "Collectif Écran total");

  g_autofree char *path = corpus_path ("banner-service-public.txt");
  g_autoptr (RoneoDocument) banner = roneo_slogan_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RoneoBlock *) g_ptr_array_index (banner->blocks, 0))->text, ==,
                   "Le numérique, ce n'est plus du service public");

  g_autoptr (RoneoDocument) only_byline = roneo_slogan_parse ("b.txt", "-- nous\n", 8, &error);
  g_assert_null (only_byline);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "b.txt: no slogan"));
  g_clear_error (&error);
  g_autoptr (RoneoDocument) empty = roneo_slogan_parse ("e.txt", "  \n", 3, &error);
  g_assert_null (empty);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
}

/* lang is a language tag roneo knows, kept in its canonical form. */
static void
test_lang (void)
{
  static const char *const cases[][2] = {
    { "fr", "fr" },       { "FR", "fr" },       { "fr-fr", "fr-FR" }, { "fr_FR", "fr-FR" },
    { "fr-CA", "fr-CA" }, { "fr-be", "fr-BE" }, { "Fr-Ch", "fr-CH" }, { "en", "en" },
    { "en-gb", "en-GB" }, { "en_US", "en-US" }, { "de", "de" },       { "de-DE", "de-DE" },
    { "de-at", "de-AT" }, { "DE-CH", "de-CH" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nlang: %s\n---\n# T\n", cases[i][0]);
      g_autoptr (RoneoDocument) document = parse_ok (text);
      g_assert_cmpstr (document->lang, ==, cases[i][1]);
    }
  g_autoptr (RoneoDocument) none = parse_ok ("# T\n");
  g_assert_null (none->lang);
  g_autoptr (RoneoDocument) null_lang = parse_ok ("---\nlang:\nauthor:\n---\n# T\n");
  g_assert_null (null_lang->lang);
  g_assert_null (null_lang->author);
#define KNOWN "fr, fr-FR, fr-CA, fr-BE, fr-CH, en, en-GB, en-US, de, de-DE, de-AT, de-CH"
  assert_fails ("---\ntitle: x\nlang: français\n---\n# T\n",
                "t.md:3:7: unknown language 'français' (use a language tag: " KNOWN ")");
  assert_fails ("---\nlang: fr-LU\n---\n# T\n", "t.md:2:7: unknown language 'fr-LU'");
  assert_fails ("---\nlang: en-UK\n---\n# T\n", "t.md:2:7: unknown language 'en-UK'");
  assert_fails ("---\nlang: \"\"\n---\n# T\n", "t.md:2:7: unknown language ''");
  assert_fails ("---\nlang: fr-\n---\n# T\n", "t.md:2:7: unknown language 'fr-'");
#undef KNOWN
  /* a slogan's front matter is read the same way */
  g_autoptr (GError) error = NULL;
  const char *slogan = "---\nlang: german\n---\nNEIN\n";
  g_autoptr (RoneoDocument) refused = roneo_slogan_parse ("s.txt", slogan, strlen (slogan), &error);
  g_assert_null (refused);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "s.txt:2:7: unknown language 'german'"));
}

/* imprint: the French default, any text, or false; none by default in the
 * other languages; given twice is refused like any key. */
static void
test_imprint (void)
{
  static const char *const defaults[][2] = {
    { "fr", "IPNS — Ne pas jeter sur la voie publique" },
    { "fr-CA", "IPNS — Ne pas jeter sur la voie publique" },
    { "en", NULL },
    { "en-GB", NULL },
    { "de", NULL },
    { "de-CH", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nlang: %s\n---\n# T\n", defaults[i][0]);
      g_autoptr (RoneoDocument) document = parse_ok (text);
      g_assert_null (document->imprint);
      g_assert_cmpstr (roneo_document_peek_imprint (document, document->lang), ==, defaults[i][1]);
    }
  /* no lang in the copy: the job's language decides */
  g_autoptr (RoneoDocument) bare = parse_ok ("# T\n");
  g_assert_nonnull (roneo_document_peek_imprint (bare, "fr"));
  g_assert_null (roneo_document_peek_imprint (bare, "en"));
  g_assert_null (roneo_document_peek_imprint (bare, NULL));

  g_autoptr (RoneoDocument) given
      = parse_ok ("---\nlang: en\nimprint: Printed by Union Press, 12 Dock Road\n---\n# T\n");
  g_assert_cmpstr (roneo_document_peek_imprint (given, "en"), ==,
                   "Printed by Union Press, 12 Dock Road");
  g_autoptr (RoneoDocument) own = parse_ok ("---\nimprint: Imprimerie du Midi, Albi\n---\n# T\n");
  g_assert_cmpstr (roneo_document_peek_imprint (own, "fr"), ==, "Imprimerie du Midi, Albi");

  const char *const off[] = { "false", "False", "no", "off" };
  for (gsize i = 0; i < G_N_ELEMENTS (off); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nlang: fr\nimprint: %s\n---\n# T\n", off[i]);
      g_autoptr (RoneoDocument) document = parse_ok (text);
      g_assert_null (roneo_document_peek_imprint (document, "fr"));
      g_autofree char *dump = roneo_document_dump (document);
      g_assert_nonnull (strstr (dump, "imprint: false\n"));
    }
  /* quoted, false is text; empty, the key is as if absent */
  g_autoptr (RoneoDocument) quoted = parse_ok ("---\nimprint: \"false\"\n---\n# T\n");
  g_assert_cmpstr (roneo_document_peek_imprint (quoted, "fr"), ==, "false");
  g_autoptr (RoneoDocument) empty = parse_ok ("---\nimprint:\n---\n# T\n");
  g_assert_nonnull (roneo_document_peek_imprint (empty, "fr"));
  /* a batch copy keeps it */
  g_autoptr (RoneoDocument) copy = roneo_document_copy (own);
  g_assert_cmpstr (copy->imprint, ==, "Imprimerie du Midi, Albi");
  assert_fails ("---\nimprint: a\nimprint: b\n---\n# T\n",
                "t.md:3:1: front matter key 'imprint' given twice");
}

/* ![alt](path) alone in its paragraph is a picture block, its path beside
 * the copy; inside a sentence it stays its alt text, and the line is noted. */
static void
test_pictures (void)
{
  g_autoptr (GError) error = NULL;
  const char *text
      = "---\nlogo: logo.svg\n---\n# T\n\n![Le *dépôt*](img/photo.jpg)\n\n"
        "![](drawing.svg)\n\nNotre ![logo](logo.png) appelle.\n\n![qr](https://x.org/p)\n";
  g_autoptr (RoneoDocument) document
      = roneo_copy_parse ("tracts/t.md", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document->blocks->len, ==, 5);
  const RoneoBlock *photo = g_ptr_array_index (document->blocks, 1);
  g_assert_cmpint (photo->kind, ==, RONEO_BLOCK_IMAGE);
  g_assert_cmpstr (photo->text, ==, "Le dépôt");
  g_assert_cmpuint (photo->spans->len, ==, 0);
  g_assert_cmpint (photo->image->kind, ==, RONEO_IMAGE_FILE);
  g_assert_cmpstr (photo->image->target, ==, "img/photo.jpg");
  g_assert_cmpstr (photo->image->resolved, ==, "tracts/img/photo.jpg");
  g_assert_cmpuint (photo->image->line, ==, 6);
  const RoneoBlock *drawing = g_ptr_array_index (document->blocks, 2);
  g_assert_cmpint (drawing->kind, ==, RONEO_BLOCK_IMAGE);
  g_assert_cmpstr (drawing->text, ==, "");
  const RoneoBlock *inline_text = g_ptr_array_index (document->blocks, 3);
  g_assert_cmpint (inline_text->kind, ==, RONEO_BLOCK_PARAGRAPH);
  g_assert_cmpstr (inline_text->text, ==, "Notre logo appelle.");
  g_assert_cmpuint (document->inline_image_line, ==, 10);
  const RoneoBlock *qr = g_ptr_array_index (document->blocks, 4);
  g_assert_cmpint (qr->image->kind, ==, RONEO_IMAGE_QR);
  g_assert_null (qr->image->resolved);
  g_assert_cmpstr (document->logo->resolved, ==, "tracts/logo.svg");
  g_assert_cmpuint (document->logo->line, ==, 2);
  /* standard input: the current folder */
  g_autoptr (RoneoDocument) piped = parse_ok ("# T\n\n![](photo.jpg)\n");
  const RoneoBlock *piped_photo = g_ptr_array_index (piped->blocks, 1);
  g_assert_cmpstr (piped_photo->image->resolved, ==, "photo.jpg");
  /* a batch copies the pictures with the rest */
  g_autoptr (RoneoDocument) copy = roneo_document_copy (document);
  const RoneoBlock *copied = g_ptr_array_index (copy->blocks, 1);
  g_assert_cmpstr (copied->image->resolved, ==, "tracts/img/photo.jpg");
  g_assert_cmpstr (copy->logo->target, ==, "logo.svg");
  assert_fails ("# T\n\n![logo](https://example.org/logo.png)\n",
                "t.md:3: picture 'https://example.org/logo.png' is an address: roneo never "
                "fetches anything");
  assert_fails ("---\nlogo: http://x.org/l.png\n---\n# T\n", "t.md:2:1: logo 'http://x.org");
  assert_fails ("---\nlogo: a.png\nlogo: b.png\n---\n# T\n",
                "t.md:3:1: front matter key 'logo' given twice");
  assert_fails ("# T\n\n![alt]()\n", "t.md:3: picture with no file");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/copy-parser/front-matter", test_front_matter);
  g_test_add_func ("/copy-parser/front-matter-variants", test_front_matter_variants);
  g_test_add_func ("/copy-parser/block-kinds", test_block_kinds);
  g_test_add_func ("/copy-parser/pictures", test_pictures);
  g_test_add_func ("/copy-parser/nested-and-literal", test_nested_and_literal);
  g_test_add_func ("/copy-parser/inline-spans", test_inline_spans);
  g_test_add_func ("/copy-parser/unfollowable-links", test_unfollowable_links);
  g_test_add_func ("/copy-parser/footnotes", test_footnotes);
  g_test_add_func ("/copy-parser/signature", test_signature);
  g_test_add_func ("/copy-parser/no-markup", test_no_markup);
  g_test_add_func ("/copy-parser/corpus-tract", test_corpus_tract);
  g_test_add_func ("/copy-parser/corpus-multilingual", test_corpus_multilingual);
  g_test_add_func ("/copy-parser/no-text-lost", test_no_text_lost);
  g_test_add_func ("/copy-parser/bad-files", test_bad_files);
  g_test_add_func ("/copy-parser/bad-input", test_bad_input);
  g_test_add_func ("/copy-parser/stdin-source", test_stdin_source);
  g_test_add_func ("/copy-parser/slogan", test_slogan);
  g_test_add_func ("/copy-parser/lang", test_lang);
  g_test_add_func ("/copy-parser/imprint", test_imprint);
  return g_test_run ();
}
