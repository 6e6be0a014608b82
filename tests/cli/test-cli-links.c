/* The cli-links suite: links of the copy (issue 11, item 5) as a PDF reader
 * follows them. `[text](url)` keeps its text and becomes a link annotation
 * over it: poppler finds each address, its area over the words of the link
 * (on each line of a link that breaks, on the verso of a recto/verso tract,
 * on every copy of an imposed batch sheet); the text layer is the
 * copy's words, no address added. `[page] links = footnote` also prints the
 * address as a note numbered with the copy's notes in reading order. A link
 * a reader cannot follow warns at its line, and --strict writes nothing. */
#include "roneo-test-cli.h"
#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

#include <string.h>

#define DATE "2026-03-01"
#define PETITION "https://exemple.org/petition?ville=rodez&objet=l'école(2)"
/* what the PDF holds: a URI is 7-bit ASCII (RFC 3986) */
#define PETITION_URI "https://exemple.org/petition?ville=rodez&objet=l'%C3%A9cole(2)"
#define SITE "https://exemple.org/infos"
#define MAIL "mailto:collectif@exemple.org"

static const char *const tract_text
    = "# Sauvons la poste du quartier\n\n"
      "La direction veut fermer le bureau[^1] de la rue Jean-Jaurès. Signez la [pétition en "
      "ligne](" PETITION ") avant le 15 janvier[^2], et écrivez au [collectif](" MAIL ") ou "
      "appelez le [05 65 00 00 00](tel:+33565000000). Tout est sur <" SITE "> et sur [le site "
      "du collectif, que nous tenons à jour chaque semaine avec les dates des "
      "réunions](" SITE ").\n\n"
      "[^1]: Le seul du quartier.\n"
      "[^2]: Le conseil municipal vote le 16.\n";

typedef struct
{
  char *uri;
  PopplerRectangle area; /* PDF space, y up, as poppler_page_find_text gives it */
} Link;

static void
link_clear (gpointer data)
{
  g_free (((Link *) data)->uri);
}

/* The URI links of page index. */
static GArray *
page_links (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  GArray *links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (links, link_clear);
  GList *mapping = poppler_page_get_link_mapping (page);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      const PopplerLinkMapping *m = l->data;
      g_assert_cmpint (m->action->type, ==, POPPLER_ACTION_URI);
      Link link = { g_strdup (m->action->uri.uri), m->area };
      g_array_append_val (links, link);
    }
  poppler_page_free_link_mapping (mapping);
  return links;
}

static gboolean
covers (const PopplerRectangle *area, const PopplerRectangle *word)
{
  const double x = (word->x1 + word->x2) / 2, y = (word->y1 + word->y2) / 2;
  return x > area->x1 && x < area->x2 && y > area->y1 && y < area->y2;
}

/* How many times word is on page index, each under a link to uri. */
static guint
count_linked (PopplerDocument *doc, int index, const char *word, const char *uri)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autoptr (GArray) links = page_links (doc, index);
  GList *found = poppler_page_find_text (page, word);
  guint n = 0;
  for (GList *l = found; l != NULL; l = l->next, n++)
    {
      gboolean linked = FALSE;
      for (guint i = 0; i < links->len && !linked; i++)
        {
          const Link *link = &g_array_index (links, Link, i);
          linked = strcmp (link->uri, uri) == 0 && covers (&link->area, l->data);
        }
      if (!linked)
        {
          const PopplerRectangle *w = l->data;
          g_autoptr (GString) areas = g_string_new (NULL);
          for (guint i = 0; i < links->len; i++)
            {
              const Link *link = &g_array_index (links, Link, i);
              g_string_append_printf (areas, "\n  %s [%.1f %.1f %.1f %.1f]", link->uri,
                                      link->area.x1, link->area.y1, link->area.x2, link->area.y2);
            }
          g_error ("'%s' (%d of page %d, [%.1f %.1f %.1f %.1f]) is not under a link to %s; "
                   "links:%s",
                   word, n + 1, index + 1, w->x1, w->y1, w->x2, w->y2, uri, areas->str);
        }
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return n;
}

/* The links of page index to uri. */
static guint
count_uri (PopplerDocument *doc, int index, const char *uri)
{
  g_autoptr (GArray) links = page_links (doc, index);
  guint n = 0;
  for (guint i = 0; i < links->len; i++)
    n += strcmp (g_array_index (links, Link, i).uri, uri) == 0;
  return n;
}

/* The tract of text as an A5 flyer, to dir/out. Its path, owned. */
static char *
run_flyer (const char *dir, const char *text, const char *out)
{
  g_autofree char *copy = roneo_test_write_file (dir, "tract.md", text);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "flyer", "tract.md", "-l", "a5-flyer", "-o", out, "--date", DATE,
                  "--strict");
  roneo_test_assert_exit (&run, 0);
  return g_build_filename (dir, out, NULL);
}

static void
test_tract (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *pdf = run_flyer (dir, tract_text, "tract.pdf");
  roneo_test_assert_qpdf_check_clean (pdf);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpuint (count_linked (doc, 0, "pétition", PETITION_URI), ==, 1);
  g_assert_cmpuint (count_linked (doc, 0, "ligne", PETITION_URI), ==, 1);
  g_assert_cmpuint (count_linked (doc, 0, "collectif,", SITE), ==, 1);
  g_assert_cmpuint (count_linked (doc, 0, "réunions", SITE), ==, 1);
  g_assert_cmpuint (count_linked (doc, 0, "exemple.org/infos", SITE), ==, 1);
  g_assert_cmpuint (count_linked (doc, 0, "au collectif", MAIL), ==, 1);
  g_assert_cmpuint (count_uri (doc, 0, "tel:+33565000000"), ==, 1);
  /* the long link breaks: one rectangle on each of its lines */
  g_assert_cmpuint (count_uri (doc, 0, SITE), >=, 3);
  /* the words of the copy and no address it did not write */
  g_autofree char *text = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (text, "Signez la pétition en ligne avant le 15 janvier");
  g_assert_null (strstr (text, "petition?ville"));
  g_assert_null (strstr (text, "mailto"));
  roneo_test_rm_rf (dir);
}

/* The same bytes for the same copy, links and all. */
static void
test_same_bytes (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *pdf = run_flyer (dir, tract_text, "tract.pdf");
  g_autofree char *again = run_flyer (dir, tract_text, "again.pdf");
  roneo_test_assert_same_bytes (pdf, again);
  roneo_test_rm_rf (dir);
}

/* For paper readers: each address a note, numbered with the copy's own
 * notes in the order the calls are read; an address the text shows (the
 * autolink, the phone number) needs none, an address linked twice one. */
static void
test_footnote (void)
{
  g_autofree char *text = g_strconcat ("---\npage.links: footnote\n---\n", tract_text, NULL);
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *pdf = run_flyer (dir, text, "tract.pdf");
  g_autofree char *lines = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (lines, "bureau1 de la rue");
  roneo_test_assert_contains (lines, "en ligne2 avant le 15 janvier3");
  roneo_test_assert_contains (lines, "au collectif4 ou");
  roneo_test_assert_contains (lines, "réunions5.");
  roneo_test_assert_contains (lines, "1. Le seul du quartier.");
  /* as a reader types it: no https://, no space before its "?" */
  roneo_test_assert_contains (lines, "2. exemple.org/petition?ville=rodez&objet=l'école(2)");
  roneo_test_assert_contains (lines, "3. Le conseil municipal vote le 16.");
  roneo_test_assert_contains (lines, "4. collectif@exemple.org");
  roneo_test_assert_contains (lines, "5. exemple.org/infos");
  g_assert_null (strstr (lines, "\n6."));
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpuint (count_linked (doc, 0, "pétition", PETITION_URI), ==, 1);
  roneo_test_rm_rf (dir);
}

/* A two-sided tract: the link overleaf is on page 2, over its words. */
static void
test_verso (void)
{
  g_autofree char *text
      = g_strconcat ("# Sauvons la poste\n\nLa direction veut fermer le bureau.\n\n***\n\n"
                     "Rendez-vous sur [le site du collectif](" SITE ") pour signer.\n",
                     NULL);
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *pdf = run_flyer (dir, text, "tract.pdf");
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  g_assert_cmpuint (count_uri (doc, 0, SITE), ==, 0);
  g_assert_cmpuint (count_linked (doc, 1, "collectif", SITE), ==, 1);
  roneo_test_rm_rf (dir);
}

/* Copies imposed two to a landscape A4 sheet: each copy's links on its own
 * words, on every sheet (the batch's streaming finish). */
static void
test_batch (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (dir, "tract.md", tract_text);
  g_auto (RoneoTestRun) run;
  RONEO_TEST_RUN (&run, dir, "batch", "tract.md", "-n", "4", "-o", "batch.pdf", "--date", DATE,
                  "--strict");
  roneo_test_assert_exit (&run, 0);
  g_autofree char *pdf = g_build_filename (dir, "batch.pdf", NULL);
  roneo_test_assert_qpdf_check_clean (pdf);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_assert_cmpuint (count_linked (doc, i, "pétition", PETITION_URI), ==, 2);
      g_assert_cmpuint (count_linked (doc, i, "réunions", SITE), ==, 2);
      g_assert_cmpuint (count_uri (doc, i, MAIL), ==, 2);
    }
  roneo_test_rm_rf (dir);
}

/* A relative or a script link keeps its text, says so at its line. */
static void
test_unfollowable (void)
{
  g_autofree char *dir = roneo_test_make_tmp_dir ("roneo-links-XXXXXX");
  g_autofree char *copy = roneo_test_write_file (
      dir, "plan.md",
      "# Réunion\n\nLe plan est [ici](plan.pdf), l'agenda [là](javascript:alert(1)).\n");
  g_auto (RoneoTestRun) run, strict;
  RONEO_TEST_RUN (&run, dir, "flyer", "plan.md", "-o", "plan.pdf", "--date", DATE);
  roneo_test_assert_exit (&run, 0);
  roneo_test_assert_contains (run.err, "plan.md:3: a link to an address a reader cannot follow");
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr (PopplerDocument) doc = roneo_test_open_pdf (pdf);
  g_autoptr (GArray) links = page_links (doc, 0);
  g_assert_cmpuint (links->len, ==, 0);
  g_autofree char *text = roneo_test_pdf_text (pdf);
  roneo_test_assert_contains (text, "Le plan est ici, l’agenda là.");
  RONEO_TEST_RUN (&strict, dir, "flyer", "plan.md", "-o", "strict.pdf", "--strict");
  roneo_test_assert_exit (&strict, 2);
  roneo_test_assert_left_only (dir, (const char *const[]){ "plan.md", "plan.pdf", NULL });
  roneo_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!roneo_test_cli_setup (argc, argv))
    return 1;
  roneo_test_isolation_init ();
  roneo_test_add_isolated_func ("/links/tract", test_tract);
  roneo_test_add_isolated_func ("/links/same-bytes", test_same_bytes);
  roneo_test_add_isolated_func ("/links/footnote", test_footnote);
  roneo_test_add_isolated_func ("/links/verso", test_verso);
  roneo_test_add_isolated_func ("/links/batch", test_batch);
  roneo_test_add_isolated_func ("/links/unfollowable", test_unfollowable);
  int status = g_test_run ();
  roneo_test_cli_teardown ();
  return status;
}
