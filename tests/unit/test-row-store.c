/* test-row-store: the rows of a batch, kept on disk and read back in any order. */
#include "roneo-row-store.h"

#include <glib/gstdio.h>

static void
assert_row (RoneoRowStore *store, guint row, const char *const *want)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) got = roneo_row_store_get (store, row, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (g_strv_equal ((const char *const *) got, want));
}

/* Values of any bytes (empty, line breaks, long), read in cut-and-stack order
 * (far apart), between writes too. */
static void
test_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoRowStore) store = roneo_row_store_new (&error);
  g_assert_no_error (error);
  g_autofree char *long_value = g_strnfill (100000, 'x');
  const char *const odd[] = { "", "deux\nlignes", long_value, "Rodez 2501", NULL };
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *town = g_strdup_printf ("Ville %u", i);
      const char *const row[] = { town, "samedi", "", NULL };
      g_assert_true (roneo_row_store_add (store, i == 500 ? odd : row, &error));
      g_assert_no_error (error);
      if (i == 700)
        assert_row (store, 500, odd); /* a read between writes */
    }
  g_assert_cmpuint (roneo_row_store_get_n_rows (store), ==, 1000);
  for (guint k = 0; k < 4; k++)
    for (guint s = 0; s < 250; s += 83)
      {
        guint i = k * 250 + s;
        g_autofree char *town = g_strdup_printf ("Ville %u", i);
        const char *const row[] = { town, "samedi", "", NULL };
        assert_row (store, i, i == 500 ? odd : row);
      }
  assert_row (store, 500, odd);
  assert_row (store, 999, (const char *const[]){ "Ville 999", "samedi", "", NULL });
}

static char *tmp_dir; /* TMPDIR for the whole run: GLib reads it once */

/* The file is unlinked at once: nothing is left in the temporary folder. */
static void
test_nothing_left (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoRowStore) store = roneo_row_store_new (&error);
  g_assert_no_error (error);
  g_assert_true (roneo_row_store_add (store, (const char *const[]){ "a", NULL }, &error));
  g_autoptr (GDir) listing = g_dir_open (tmp_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* not g_dir_make_tmp: it would read TMPDIR before it is set */
  const char *parent = g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp";
  tmp_dir = g_build_filename (parent, "roneo-rows-test-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_dir));
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_dir);
  g_test_add_func ("/row-store/nothing-left", test_nothing_left);
  g_test_add_func ("/row-store/round-trip", test_round_trip);
  int status = g_test_run ();
  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);
  return status;
}
