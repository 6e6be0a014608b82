/* A gettext .mo file read whole (GNU gettext manual, "The Format of GNU MO
 * Files"): a header, then two tables of (length, offset) pairs, the original
 * strings and their translations; every string is NUL-terminated, the forms
 * of a plural translation are separated by NULs. */
#include "roneo-i18n-private.h"

#include <string.h>

#define MO_MAGIC 0x950412deu

struct _RoneoCatalogue
{
  char *data; /* the file; every string below points into it */
  gsize length;
  GHashTable *translations;         /* msgid -> msgstr, both borrowed from data */
  GHashTable *lengths;              /* msgid -> length of msgstr with its plural forms */
  gboolean plural_if_more_than_one; /* French "n > 1", else English "n != 1" */
};

static guint32
word_at (const RoneoCatalogue *c, gsize offset, gboolean swapped)
{
  guint32 word = 0;
  if (offset + 4 <= c->length)
    memcpy (&word, c->data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of table entry i, NULL when it lies outside the file or is not
 * NUL-terminated there. */
static const char *
string_at (const RoneoCatalogue *c, guint32 table, guint32 i, gboolean swapped, guint32 *length)
{
  *length = word_at (c, (gsize) table + 8 * (gsize) i, swapped);
  gsize offset = word_at (c, (gsize) table + 8 * (gsize) i + 4, swapped);
  if (offset + *length >= c->length || c->data[offset + *length] != '\0')
    return NULL;
  return c->data + offset;
}

/* The header (the translation of "") says the plural rule; roneo's languages
 * have one of two. */
static void
read_plural_rule (RoneoCatalogue *c)
{
  const char *header = g_hash_table_lookup (c->translations, "");
  const char *rule = header ? strstr (header, "plural=") : NULL;
  c->plural_if_more_than_one
      = rule != NULL
        && (g_str_has_prefix (rule, "plural=(n > 1)") || g_str_has_prefix (rule, "plural=n > 1")
            || g_str_has_prefix (rule, "plural=(n>1)"));
}

static gboolean
read_tables (RoneoCatalogue *c)
{
  guint32 magic = word_at (c, 0, FALSE);
  gboolean swapped = magic == GUINT32_SWAP_LE_BE (MO_MAGIC);
  if (c->length < 20 || (magic != MO_MAGIC && !swapped))
    return FALSE;
  guint32 n = word_at (c, 8, swapped);
  guint32 originals = word_at (c, 12, swapped), translations = word_at (c, 16, swapped);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 length = 0, translated_length = 0;
      const char *msgid = string_at (c, originals, i, swapped, &length);
      const char *msgstr = string_at (c, translations, i, swapped, &translated_length);
      if (msgid == NULL || msgstr == NULL)
        return FALSE;
      g_hash_table_insert (c->translations, (gpointer) msgid, (gpointer) msgstr);
      g_hash_table_insert (c->lengths, (gpointer) msgid, GUINT_TO_POINTER (translated_length));
    }
  read_plural_rule (c);
  return TRUE;
}

RoneoCatalogue *
roneo_catalogue_load (const char *path)
{
  RoneoCatalogue *c = g_new0 (RoneoCatalogue, 1);
  c->translations = g_hash_table_new (g_str_hash, g_str_equal);
  c->lengths = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_file_get_contents (path, &c->data, &c->length, NULL) || !read_tables (c))
    {
      roneo_catalogue_free (c);
      return NULL;
    }
  return c;
}

void
roneo_catalogue_free (RoneoCatalogue *catalogue)
{
  if (catalogue == NULL)
    return;
  g_hash_table_unref (catalogue->translations);
  g_hash_table_unref (catalogue->lengths);
  g_free (catalogue->data);
  g_free (catalogue);
}

const char *
roneo_catalogue_lookup (const RoneoCatalogue *catalogue, const char *msgid)
{
  const char *msgstr = g_hash_table_lookup (catalogue->translations, msgid);
  /* msgfmt leaves fuzzy and empty entries out; an empty one is untranslated */
  return msgstr != NULL && *msgstr != '\0' ? msgstr : NULL;
}

const char *
roneo_catalogue_lookup_plural (const RoneoCatalogue *catalogue, const char *msgid, gulong n)
{
  const char *msgstr = roneo_catalogue_lookup (catalogue, msgid);
  if (msgstr == NULL)
    return NULL;
  gsize length = GPOINTER_TO_UINT (g_hash_table_lookup (catalogue->lengths, msgid));
  gboolean plural = catalogue->plural_if_more_than_one ? n > 1 : n != 1;
  const char *second = memchr (msgstr, '\0', length);
  /* a singular-only entry, or a plural with one form, serves every n */
  if (!plural || second == NULL || second + 1 >= msgstr + length)
    return msgstr;
  return second + 1;
}
