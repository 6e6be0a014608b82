/* test-data.c: the CSV reader of a batch, and filling a template's fields. */
#include "roneo-copy-parser.h"
#include "roneo-data.h"
#include "roneo-error.h"
#include "roneo-fields.h"

#include <glib/gstdio.h>
#include <string.h>

#define LS "\xe2\x80\xa8"

static char *tmp_dir;

static char *
corpus_path (const char *name)
{
  const char *cases = g_getenv ("RONEO_TEST_CASES");
  g_assert_nonnull (cases);
  return g_build_filename (cases, name, NULL);
}

/* Writes length bytes of text to TMP/name and returns the path. */
static char *
write_file (const char *name, const char *text, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

static RoneoDataSet *
open_bytes (const char *text, gssize length)
{
  g_autofree char *path = write_file ("t.csv", text, length);
  g_autoptr (GError) error = NULL;
  RoneoDataSet *data = roneo_data_open (path, &error);
  g_assert_no_error (error);
  return data;
}

static RoneoDataSet *
open_text (const char *text)
{
  return open_bytes (text, -1);
}

/* Opening fails; the message must contain expected. */
static void
assert_open_fails (const char *text, gssize length, const char *expected)
{
  g_autofree char *path = write_file ("t.csv", text, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, &error);
  g_assert_null (data);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  if (strstr (error->message, expected) == NULL)
    g_error ("'%s' does not contain '%s'", error->message, expected);
}

/* Reads every row; expects n_rows rows then an error containing expected
 * (or the end when expected is NULL). */
static void
assert_rows (RoneoDataSet *data, guint n_rows, const char *expected)
{
  g_autoptr (GError) error = NULL;
  guint count = 0, line = 0;
  g_auto (GStrv) values = NULL;
  for (; roneo_data_next (data, &values, &line, &error); count++)
    {
      g_assert_cmpuint (g_strv_length (values), ==,
                        g_strv_length ((GStrv) roneo_data_get_fields (data)));
      g_clear_pointer (&values, g_strfreev);
    }
  g_assert_cmpuint (count, ==, n_rows);
  if (expected == NULL)
    {
      g_assert_no_error (error);
      return;
    }
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  if (strstr (error->message, expected) == NULL)
    g_error ("'%s' does not contain '%s'", error->message, expected);
  g_clear_error (&error);
  g_assert_false (roneo_data_next (data, &values, &line, &error)); /* sticky */
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
}

static void
assert_next (RoneoDataSet *data, guint expected_line, const char *const *expected)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) values = NULL;
  guint line = 0;
  g_assert_true (roneo_data_next (data, &values, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, expected_line);
  g_assert_cmpstrv (values, expected);
}

static void
test_villes (void)
{
  g_autofree char *path = corpus_path ("villes.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, &error);
  g_assert_no_error (error);
  const char *fields[] = { "ville", "date", "heure", "lieu", NULL };
  g_assert_cmpstrv (roneo_data_get_fields (data), fields);
  const char *albi[]
      = { "Albi", "jeudi 6 octobre", "14 h", "devant la CPAM, rue des Cordeliers", NULL };
  const char *castres[] = { "Castres", "samedi 8 octobre", "10 h 30", "place Jean-Jaurès", NULL };
  const char *isle[] = { "L'Isle-Jourdain", "lundi 10 octobre", "18 h",
                         "salle des fêtes, « grande salle »", NULL };
  const char *affrique[]
      = { "Saint-Affrique", "mercredi 12 octobre", "9 h", "marché couvert", NULL };
  assert_next (data, 2, albi);
  assert_next (data, 3, castres);
  assert_next (data, 4, isle);
  assert_next (data, 5, affrique);
  assert_rows (data, 0, NULL);
  g_assert_cmpuint (roneo_data_count_rows (path, &error), ==, 4);
  g_assert_no_error (error);
}

/* villes-ragged.csv: line 2 has an unquoted comma (5 fields), line 3 two
 * fields, line 4 a quote never closed. The reader stops at line 2. */
static void
test_ragged (void)
{
  g_autofree char *path = corpus_path ("bad/villes-ragged.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, &error);
  g_assert_no_error (error);
  assert_rows (data, 0,
               "villes-ragged.csv:2: this row has 5 fields, the header has 4 (quote values that "
               "contain commas");
  g_assert_cmpuint (roneo_data_count_rows (path, &error), ==, 0);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);

  g_autoptr (RoneoDataSet) short_row
      = open_text ("ville,date,heure,lieu\nAlbi,a,b,c\nCastres,samedi 8 octobre\n");
  assert_rows (short_row, 1, "t.csv:3: this row has 2 fields, the header has 4 (give every");
  g_autoptr (RoneoDataSet) open_quote
      = open_text ("ville,date,heure,lieu\nAlbi,a,b,c\n\"Gaillac,lundi 10 octobre,18 h,halle\n");
  assert_rows (open_quote, 1, "t.csv:3: this row opens a quote that is never closed");
}

static void
test_crlf_bom (void)
{
  g_autoptr (RoneoDataSet) crlf = open_text ("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n\r\n4,5\r\n");
  assert_next (crlf, 2, (const char *[]){ "1", "2", NULL });
  assert_next (crlf, 3, (const char *[]){ "x\ny", "3", NULL });
  assert_next (crlf, 6, (const char *[]){ "4", "5", NULL });
  assert_rows (crlf, 0, NULL);

  g_autoptr (RoneoDataSet) cr = open_text ("a,b\r1,\"x\ry\"\r\r3,4");
  assert_next (cr, 2, (const char *[]){ "1", "x\ny", NULL });
  assert_next (cr, 5, (const char *[]){ "3", "4", NULL });
  assert_rows (cr, 0, NULL);

  g_autoptr (RoneoDataSet) bom = open_text ("\xef\xbb\xbfville,date\nAlbi,jeudi");
  g_assert_cmpstr (roneo_data_get_fields (bom)[0], ==, "ville");
  assert_next (bom, 2, (const char *[]){ "Albi", "jeudi", NULL });
  assert_rows (bom, 0, NULL);
}

static void
test_quoted (void)
{
  g_autoptr (RoneoDataSet) data = open_text ("a,b\n\"one\ntwo\nthree\",\"x, \"\"y\"\"\"\n"
                                             "last,\n\n\"\",\"\"\nbad\n");
  assert_next (data, 2, (const char *[]){ "one\ntwo\nthree", "x, \"y\"", NULL });
  assert_next (data, 5, (const char *[]){ "last", "", NULL });
  assert_next (data, 7, (const char *[]){ "", "", NULL });
  assert_rows (data, 0, "t.csv:8: this row has 1 field, the header has 2");

  g_autoptr (RoneoDataSet) stray = open_text ("a,b\n1,2\n14\" screen,2\n");
  assert_rows (stray, 1, "t.csv:3: stray quote");
  g_autoptr (RoneoDataSet) after = open_text ("a,b\n\"x\ny\"z,2\n");
  assert_rows (after, 0, "t.csv:3: stray quote in the row that starts on line 2");
}

/* Values keep their blanks; blank lines (or lines of blanks) are skipped. */
static void
test_as_written (void)
{
  g_autoptr (RoneoDataSet) data = open_text (" ville , date\n\n 14 h ,\tx\n   \n3,4");
  g_assert_cmpstrv (roneo_data_get_fields (data), ((const char *[]){ "ville", "date", NULL }));
  assert_next (data, 3, (const char *[]){ " 14 h ", "\tx", NULL });
  assert_next (data, 5, (const char *[]){ "3", "4", NULL });
  assert_rows (data, 0, NULL);
}

static void
test_not_utf8 (void)
{
  g_autoptr (RoneoDataSet) data = open_text ("a,b\n1,2\n\x81t\xe9,3\n");
  assert_rows (data, 1, "t.csv:3: not UTF-8 text (save the file as UTF-8)");
  g_autoptr (RoneoDataSet) later = open_text ("a,b\n\"ok\n\xff\x8d\nok\",x\n");
  assert_rows (later, 0, "t.csv:3: not UTF-8 text");
  g_autoptr (RoneoDataSet) nul = open_bytes ("a,b\nx\0y,2\n", 10);
  assert_rows (nul, 0, "t.csv:2: not UTF-8 text (save the file as UTF-8)");
  assert_open_fails ("vil\x90,b\n1,2\n", -1, "t.csv:1: not UTF-8 text (save the file as UTF-8)");
}

static void
test_open_errors (void)
{
  assert_open_fails ("", 0,
                     "t.csv: empty file: no header (the first line names the columns: "
                     "name,town,date)");
  assert_open_fails ("\xef\xbb\xbf\n\r\n", -1,
                     "t.csv: empty file: no header (the first line "
                     "names the columns: name,town,date)");
  assert_open_fails ("ville,date\n", -1,
                     "t.csv:1: no row after the header: nothing to fill (add one line per copy)");
  assert_open_fails ("\nville,date\n\n", -1, "t.csv:2: no row after the header");
  assert_open_fails ("a,,c\n1,2,3\n", -1,
                     "t.csv:1: column 2 has no name (name every column in the first line)");
  assert_open_fails ("a, a\n1,2\n", -1,
                     "t.csv:1: two columns are named 'a' (give each column its own name;");
  assert_open_fails ("a,\"b\n", -1, "t.csv:1: this row opens a quote that is never closed");

  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);
  g_assert_null (roneo_data_open (missing, &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "cannot read '"));
  g_assert_nonnull (strstr (error->message, "missing.csv': "));
  g_clear_error (&error);
  g_assert_cmpuint (roneo_data_count_rows (missing, &error), ==, 0);
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
}

/* 10 000 rows (some with quoted line breaks, over several 64 KB chunks) go
 * through a queue that never holds more than one row. */
static void
test_stream (void)
{
  GString *text = g_string_new ("n,ville,lieu\n");
  for (guint i = 0; i < 10000; i++)
    if (i % 100 == 0)
      g_string_append_printf (text, "%u,\"Ville %u\",\"salle %u\r\n2e étage, « fond »\"\r\n", i, i,
                              i);
    else
      g_string_append_printf (text, "%u,Ville %u,salle des fêtes n° %u\n", i, i, i);
  g_autofree char *path = write_file ("big.csv", text->str, text->len);
  g_string_free (text, TRUE);

  g_autoptr (GError) error = NULL;
  g_assert_cmpuint (roneo_data_count_rows (path, &error), ==, 10000);
  g_assert_no_error (error);
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, &error);
  g_assert_no_error (error);
  guint count = 0, line = 0, expected_line = 2;
  g_auto (GStrv) values = NULL;
  for (; roneo_data_next (data, &values, &line, &error); count++)
    {
      g_assert_cmpuint (line, ==, expected_line);
      expected_line += count % 100 == 0 ? 2 : 1;
      g_assert_cmpuint (g_ascii_strtoull (values[0], NULL, 10), ==, count);
      g_clear_pointer (&values, g_strfreev);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 10000);
  g_assert_cmpuint (roneo_data_get_max_queued (data), <=, 1);
}

static RoneoDocument *
parse_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  RoneoDocument *document = roneo_copy_parse ("t.md", text, strlen (text), &error);
  g_assert_no_error (error);
  return document;
}

static const RoneoBlock *
block_at (const GPtrArray *blocks, guint i)
{
  g_assert_cmpuint (i, <, blocks->len);
  return g_ptr_array_index (blocks, i);
}

static void
assert_span (const RoneoBlock *block, guint i, guint start, guint end, guint flags)
{
  g_assert_cmpuint (i, <, block->spans->len);
  const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, i);
  g_assert_cmpuint (span->start, ==, start);
  g_assert_cmpuint (span->end, ==, end);
  g_assert_cmpuint (span->flags, ==, flags);
}

static char *
span_text (const RoneoBlock *block, guint i)
{
  const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, i);
  return g_strndup (block->text + span->start, span->end - span->start);
}

/* tract-modele.md filled with every row of villes.csv. */
static void
test_fill_villes (void)
{
  g_autofree char *md = corpus_path ("tract-modele.md");
  g_autofree char *csv = corpus_path ("villes.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) template_ = roneo_copy_parse_file (md, &error);
  g_assert_no_error (error);
  g_auto (GStrv) used = roneo_document_dup_fields (template_);
  g_assert_cmpstrv (used, ((const char *[]){ "ville", "date", "heure", "lieu", NULL }));
  g_autoptr (RoneoDataSet) data = roneo_data_open (csv, &error);
  g_assert_no_error (error);
  g_assert_true (roneo_document_check_data (template_, data, &error));
  g_assert_no_error (error);
  const char *const *fields = roneo_data_get_fields (data);
  g_auto (GStrv) row = NULL;
  guint count = 0;
  for (; roneo_data_next (data, &row, NULL, &error); count++)
    {
      g_autoptr (RoneoDocument) copy
          = roneo_document_fill (template_, fields, (const char *const *) row, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < copy->blocks->len; i++)
        g_assert_null (strchr (block_at (copy->blocks, i)->text, '{'));
      g_autofree char *headline = g_strconcat ("Rassemblement à ", row[0], NULL);
      g_autofree char *subhead = g_strconcat (row[1], ", ", row[2], NULL);
      g_assert_cmpstr (block_at (copy->blocks, 0)->text, ==, headline);
      g_assert_cmpstr (block_at (copy->blocks, 1)->text, ==, subhead);
      const RoneoBlock *body = block_at (copy->blocks, 2);
      g_assert_cmpuint (body->spans->len, ==, 2); /* **{lieu}** and the value */
      g_autofree char *strong = span_text (body, 0);
      g_assert_cmpstr (strong, ==, row[3]); /* **{lieu}** covers the whole value */
      assert_span (body, 1, g_array_index (body->spans, RoneoSpan, 0).start,
                   g_array_index (body->spans, RoneoSpan, 0).end, RONEO_SPAN_FIELD);
      g_autofree char *end = g_strconcat ("retrouvons-nous ", row[3], ".", NULL);
      g_assert_true (g_str_has_suffix (body->text, end));
      g_clear_pointer (&row, g_strfreev);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  /* the template is untouched */
  g_assert_cmpstr (block_at (template_->blocks, 0)->text, ==, "Rassemblement à {ville}");
}

/* A value is plain text: Markdown and braces in it stay as typed. */
static void
test_fill_literal (void)
{
  g_autoptr (RoneoDocument) template_ = parse_text ("# Rassemblement à {ville}\n\n**{lieu}**\n");
  const char *fields[] = { "ville", "lieu", NULL };
  const char *values[] = { "**bold** {ville} # x", "salle 1\nau fond", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) copy = roneo_document_fill (template_, fields, values, NULL, &error);
  g_assert_no_error (error);
  const RoneoBlock *headline = block_at (copy->blocks, 0);
  g_assert_cmpstr (headline->text, ==, "Rassemblement à **bold** {ville} # x");
  /* no style of its own: only the mark that it is data */
  g_assert_cmpuint (headline->spans->len, ==, 1);
  assert_span (headline, 0, strlen ("Rassemblement à "), strlen (headline->text), RONEO_SPAN_FIELD);
  const RoneoBlock *body = block_at (copy->blocks, 1);
  g_assert_cmpstr (body->text, ==, "salle 1" LS "au fond");
  g_assert_cmpuint (body->spans->len, ==, 2);
  assert_span (body, 0, 0, strlen (body->text), RONEO_SPAN_STRONG);
  assert_span (body, 1, 0, strlen (body->text), RONEO_SPAN_FIELD);
}

/* Spans after a field move by its change of length; a note call moves but is
 * never stretched; a span over a field left empty goes; front matter and
 * footnotes are filled. A "{vi1lle}" made with a note call is no field. */
static void
test_fill_spans (void)
{
  g_autoptr (RoneoDocument) template_
      = parse_text ("---\ntitle: Tract {ville}\n---\n\n# *{x}* and **b** {y}[^1] end\n\n"
                    "{vi[^1]lle} *{y}* more\n\n[^1]: the note {x}.");
  g_auto (GStrv) used = roneo_document_dup_fields (template_);
  g_assert_cmpstrv (used, ((const char *[]){ "ville", "x", "y", NULL }));
  const char *fields[] = { "y", "x", "ville", NULL };
  const char *values[] = { "", "longer", "Albi\nTarn", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) copy = roneo_document_fill (template_, fields, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->title, ==, "Tract Albi Tarn");
  const RoneoBlock *headline = block_at (copy->blocks, 0);
  g_assert_cmpstr (headline->text, ==, "longer and b 1 end");
  /* a value is marked as data; an empty one leaves no span */
  g_assert_cmpuint (headline->spans->len, ==, 4);
  assert_span (headline, 0, 0, 6, RONEO_SPAN_EMPHASIS);
  assert_span (headline, 1, 0, 6, RONEO_SPAN_FIELD);
  assert_span (headline, 2, 11, 12, RONEO_SPAN_STRONG);
  assert_span (headline, 3, 13, 14, RONEO_SPAN_NOTE_CALL);
  g_assert_cmpuint (g_array_index (headline->spans, RoneoSpan, 3).note, ==, 1);
  const RoneoBlock *paragraph = block_at (copy->blocks, 1);
  g_assert_cmpstr (paragraph->text, ==, "{vi1lle}  more");
  g_assert_cmpuint (paragraph->spans->len, ==, 1);
  assert_span (paragraph, 0, 3, 4, RONEO_SPAN_NOTE_CALL);
  g_assert_cmpstr (block_at (copy->footnotes, 0)->text, ==, "the note longer.");
}

static void
assert_message (GError *error, const char *expected)
{
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_unknown_field (void)
{
  g_autoptr (RoneoDocument) template_ = parse_text ("# Title {ville}\n\nline\n\n{lieu} here\n");
  const char *fields[] = { "ville", "date", "heure", NULL };
  const char *values[] = { "a", "b", "c", NULL };
  g_autoptr (GError) error = NULL;
  g_assert_false (roneo_document_check_fields (template_, fields, &error));
  assert_message (error, "t.md:5: the field {lieu} is not a column of the data (columns: ville, "
                         "date, heure)");
  g_clear_error (&error);
  g_assert_null (roneo_document_fill (template_, fields, values, NULL, &error));
  assert_message (error, "t.md:5: the field {lieu} is not a column of the data (columns: ville, "
                         "date, heure)");
  g_clear_error (&error);

  g_autoptr (RoneoDataSet) data = open_text ("ville,date,heure\nAlbi,jeudi,14 h\n");
  g_assert_false (roneo_document_check_data (template_, data, &error));
  assert_message (error, "t.md:5: the field {lieu} is not a column of t.csv (columns: ville, "
                         "date, heure)");
  g_clear_error (&error);

  g_autoptr (RoneoDocument) front = parse_text ("---\nsubject: for {x}\n---\n\n# {ville}\n");
  g_assert_false (roneo_document_check_fields (front, fields, &error));
  assert_message (error, "t.md: the field {x} in the front matter 'subject' is not a column of "
                         "the data (columns: ville, date, heure)");
}

static void
test_copy (void)
{
  g_autofree char *md = corpus_path ("tract-pompe-a-fric.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse_file (md, &error);
  g_assert_no_error (error);
  g_autoptr (RoneoDocument) copy = roneo_document_copy (document);
  g_autofree char *expected = roneo_document_dump (document);
  g_autofree char *dump = roneo_document_dump (copy);
  g_assert_cmpstr (dump, ==, expected);
  g_assert_true (copy->blocks->pdata[0] != document->blocks->pdata[0]);
}

/* ---- CSV as spreadsheets save it ---- */

#define CP1252_MESSAGE                                                                             \
  "not UTF-8: the file looks like Windows-1252 (as Excel saves CSV); save it as 'CSV UTF-8'"

/* The separator is the header line's: ',' ';' (French spreadsheets) or tab. */
static void
test_separators (void)
{
  const char *fields[] = { "ville", "date", "heure", "lieu", NULL };
  g_autoptr (RoneoDataSet) semi
      = open_text ("ville;date;heure;lieu\r\nRodez;jeudi 6, au soir;14 h;\"place; haute\"\r\n");
  g_assert_cmpstrv (roneo_data_get_fields (semi), fields);
  assert_next (semi, 2,
               (const char *[]){ "Rodez", "jeudi 6, au soir", "14 h", "place; haute", NULL });
  assert_rows (semi, 0, NULL);
  g_autoptr (RoneoDataSet) tab = open_text ("\nville\tdate\theure\tlieu\nAlbi\t6, 7\t9 h\tx;y\n");
  g_assert_cmpstrv (roneo_data_get_fields (tab), fields);
  assert_next (tab, 3, (const char *[]){ "Albi", "6, 7", "9 h", "x;y", NULL });
  /* separators inside quotes do not count; the most frequent wins */
  g_autoptr (RoneoDataSet) comma = open_text ("\"a;b;c\",d\n1,2\n");
  g_assert_cmpstrv (roneo_data_get_fields (comma), ((const char *[]){ "a;b;c", "d", NULL }));
  g_autoptr (RoneoDataSet) one = open_text ("ville\nRodez; Albi\n");
  assert_next (one, 2, (const char *[]){ "Rodez; Albi", NULL });
  /* the hint of a ragged row speaks of the file's separator */
  g_autoptr (RoneoDataSet) ragged = open_text ("a;b\n1;2;3\n");
  assert_rows (ragged, 0,
               "t.csv:2: this row has 3 fields, the header has 2 (quote values that "
               "contain semicolons: \"a; b\")");
  g_autoptr (RoneoDataSet) short_row = open_text ("a\tb\tc\n1\t2\n");
  assert_rows (short_row, 0, "(give every column a value, even an empty one: a\t\tc)");
}

static void
test_windows_1252 (void)
{
  /* "€", "Béziers", "Nîmes" as Excel writes them for "CSV" */
  g_autoptr (RoneoDataSet) data = open_text ("ville;prix\nAlbi;2 \x80\nB\xe9ziers;3\nN\xeemes;4\n");
  assert_rows (data, 0, "t.csv:2: " CP1252_MESSAGE);
  g_autoptr (RoneoDataSet) later = open_text ("ville,date\nAlbi,1er mai\nB\xe9ziers,2 mai\n");
  assert_rows (later, 1, "t.csv:3: " CP1252_MESSAGE);
  assert_open_fails ("ville,d\xe9partement\nAlbi,Tarn\n", -1, "t.csv:1: " CP1252_MESSAGE);
  /* bytes Windows-1252 does not define, or control characters: no guess */
  g_autoptr (RoneoDataSet) binary = open_text ("a,b\n\x01\x9d,2\n");
  assert_rows (binary, 0, "t.csv:2: not UTF-8 text (save the file as UTF-8)");
  assert_open_fails ("\xff\xfev\0i\0l\0l\0e\0\n\0", 14,
                     "t.csv:1: not UTF-8: the file is UTF-16 (as Excel saves 'Unicode text'); "
                     "save it as 'CSV UTF-8'");
}

/* Column names match the way people read them. */
static void
test_names_match (void)
{
  g_assert_true (roneo_field_names_match ("ville", "Ville"));
  g_assert_true (roneo_field_names_match ("ville", " VILLE "));
  g_assert_true (roneo_field_names_match ("departement", "Département"));
  g_assert_true (roneo_field_names_match ("De\xcc\x81partement", "d\xc3\xa9partement"));
  g_assert_true (roneo_field_names_match ("Straße", "STRASSE"));
  g_assert_false (roneo_field_names_match ("ville", "villes"));
  g_assert_false (roneo_field_names_match ("code-postal", "code_postal"));
  g_autofree char *key = roneo_field_name_key ("\u00a0Élan ");
  g_assert_cmpstr (key, ==, "elan");
  assert_open_fails ("Ville;date;ville\n1;2;3\n", -1,
                     "t.csv:1: two columns are named 'ville' (give each column its own name; "
                     "case and accents do not count)");
}

static void
test_fill_any_case (void)
{
  g_autofree char *path = write_file ("semi.csv",
                                      "\xef\xbb\xbf Ville ;DATE;Département\r\n"
                                      "Rodez 2501;6 mai;Aveyron\r\n",
                                      -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) data = roneo_data_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (RoneoDocument) template_
      = parse_text ("# {ville} le {date}\n\nEn {departement}, {Ville}.\n");
  g_auto (GStrv) used = roneo_document_dup_fields (template_);
  g_assert_cmpstrv (used, ((const char *[]){ "ville", "date", "departement", NULL }));
  g_assert_true (roneo_document_check_data (template_, data, &error));
  g_assert_no_error (error);
  g_auto (GStrv) values = NULL;
  g_assert_true (roneo_data_next (data, &values, NULL, &error));
  g_autoptr (RoneoDocument) copy = roneo_document_fill (template_, roneo_data_get_fields (data),
                                                        (const char *const *) values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (block_at (copy->blocks, 0)->text, ==, "Rodez 2501 le 6 mai");
  g_assert_cmpstr (block_at (copy->blocks, 1)->text, ==, "En Aveyron, Rodez 2501.");
  assert_span (block_at (copy->blocks, 0), 0, 0, 10, RONEO_SPAN_FIELD);
}

/* Everything a reader of the data set sees: the open error, or the fields,
 * each row with its line, and how the reading ended. */
static char *
dump_data (RoneoDataSet *data, const GError *open_error)
{
  if (data == NULL)
    return g_strdup_printf ("open error %d: %s\n", open_error->code, open_error->message);
  GString *out = g_string_new (NULL);
  g_autofree char *fields = g_strjoinv ("|", (GStrv) roneo_data_get_fields (data));
  g_string_append_printf (out, "fields %s\n", fields);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) values = NULL;
  guint line = 0;
  while (roneo_data_next (data, &values, &line, &error))
    {
      g_autofree char *row = g_strjoinv ("|", values);
      g_string_append_printf (out, "%u: %s\n", line, row);
      g_clear_pointer (&values, g_strfreev);
    }
  g_string_append_printf (out, "end: %s\n", error ? error->message : "ok");
  return g_string_free (out, FALSE);
}

/* bytes read as a file with that content, named path: the same dump. */
static char *
assert_bytes_as_file (const char *path)
{
  g_autoptr (GError) file_error = NULL;
  g_autoptr (RoneoDataSet) from_file = roneo_data_open (path, &file_error);
  g_autofree char *file_dump = dump_data (from_file, file_error);
  char *contents = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_autoptr (GBytes) bytes = g_bytes_new_take (contents, length);
  g_autoptr (GError) bytes_error = NULL;
  g_autoptr (RoneoDataSet) from_bytes = roneo_data_open_bytes (bytes, path, &bytes_error);
  char *bytes_dump = dump_data (from_bytes, bytes_error);
  g_assert_cmpstr (bytes_dump, ==, file_dump);
  return bytes_dump;
}

static void
test_bytes_as_file (void)
{
  g_autofree char *villes = corpus_path ("villes.csv");
  g_autofree char *dump = assert_bytes_as_file (villes);
  g_assert_true (g_str_has_prefix (dump, "fields ville|date|heure|lieu\n2: Albi|jeudi 6 octobre|"));
  g_assert_true (g_str_has_suffix (dump, "5: Saint-Affrique|mercredi 12 octobre|9 h|marché "
                                         "couvert\nend: ok\n"));
  g_autofree char *ragged = corpus_path ("bad/villes-ragged.csv");
  g_autofree char *ragged_dump = assert_bytes_as_file (ragged);
  g_assert_nonnull (strstr (ragged_dump, "villes-ragged.csv:2: this row has 5 fields"));

  static const char *const inputs[] = {
    "",
    "\xef\xbb\xbf"
    "ville;date\r\n\r\nRodez;\"6 mai\r\n14 h\"\r\n",
    "ville,date\n",
    "a,,c\n1,2,3\n",
    "ville,date\nAlbi,\"jeudi\n",
    "ville,date\nAlbi,jeudi\nCastres,sa\"medi\n",
    "ville,date\nAlbi,jeudi\nB\xe9ziers,lundi\n",
    "\xff\xfev\0i\0l\0l\0e\0\n\0",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gsize length = i == G_N_ELEMENTS (inputs) - 1 ? 14 : strlen (inputs[i]);
      g_autofree char *path = write_file ("t.csv", inputs[i], length);
      g_free (assert_bytes_as_file (path));
    }
}

/* Rows across several 64 KB chunks, a quoted line break on a chunk's edge
 * somewhere among them: the same rows and lines from bytes. */
static void
test_bytes_chunks (void)
{
  GString *text = g_string_new ("n,ville,lieu\n");
  guint line = 2; /* of the next row */
  for (guint i = 0; i < 15000; i++, line++)
    if (i % 7 == 0)
      {
        g_string_append_printf (text, "%u,\"Ville\r\n%u\",salle\r\n", i, i);
        line++;
      }
    else
      g_string_append_printf (text, "%u,Ville %u,x\n", i, i);
  g_string_append (text, "15000,\"Fin\n");
  g_autofree char *path = write_file ("big.csv", text->str, text->len);
  g_assert_cmpuint (text->len, >, 3 * 64 * 1024);
  g_string_free (text, TRUE);
  g_autofree char *dump = assert_bytes_as_file (path);
  g_autofree char *unclosed
      = g_strdup_printf ("big.csv:%u: this row opens a quote that is never closed", line);
  g_assert_nonnull (strstr (dump, unclosed));
  g_autofree char *last = g_strdup_printf ("\n%u: 14999|Ville 14999|x\n", line - 1);
  g_assert_nonnull (strstr (dump, last));
}

/* The name given is the one in messages. */
static void
test_bytes_name (void)
{
  static const char text[] = "ville,date\nAlbi\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDataSet) data = roneo_data_open_bytes (bytes, "villes.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (roneo_data_get_source (data), ==, "villes.csv");
  assert_rows (data, 0, "villes.csv:2: this row has 1 field, the header has 2");
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_assert_null (roneo_data_open_bytes (empty, "vide.csv", &error));
  g_assert_error (error, RONEO_ERROR, RONEO_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "vide.csv: empty file: no header"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  tmp_dir = g_dir_make_tmp ("roneo-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/data/villes", test_villes);
  g_test_add_func ("/data/ragged", test_ragged);
  g_test_add_func ("/data/crlf-bom", test_crlf_bom);
  g_test_add_func ("/data/quoted", test_quoted);
  g_test_add_func ("/data/as-written", test_as_written);
  g_test_add_func ("/data/not-utf8", test_not_utf8);
  g_test_add_func ("/data/open-errors", test_open_errors);
  g_test_add_func ("/data/stream", test_stream);
  g_test_add_func ("/data/bytes/as-file", test_bytes_as_file);
  g_test_add_func ("/data/bytes/chunks", test_bytes_chunks);
  g_test_add_func ("/data/bytes/name", test_bytes_name);
  g_test_add_func ("/fields/fill-villes", test_fill_villes);
  g_test_add_func ("/fields/fill-literal", test_fill_literal);
  g_test_add_func ("/fields/fill-spans", test_fill_spans);
  g_test_add_func ("/fields/unknown", test_unknown_field);
  g_test_add_func ("/fields/copy", test_copy);
  g_test_add_func ("/data/separators", test_separators);
  g_test_add_func ("/data/windows-1252", test_windows_1252);
  g_test_add_func ("/fields/names-match", test_names_match);
  g_test_add_func ("/fields/fill-any-case", test_fill_any_case);
  int status = g_test_run ();
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL;)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
