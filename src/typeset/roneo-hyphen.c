/* roneo-hyphen.c: soft hyphens from libhyphen patterns.
 *
 * A word is a run of letters (a soft hyphen inside counts as part of it, and a
 * word that already has one is the user's and left alone). libhyphen works on
 * lower case; for UTF-8 dictionaries its result is per character, and for the
 * 8-bit ones (German is ISO8859-1) per byte of the converted word, which is
 * also per character (PITFALLS 22). Breaks that change letters ("non-standard"
 * hyphenation) are skipped: the words must stay searchable.
 */
#include "roneo-hyphen.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-hyphen-cache.h"
#include "roneo-lang.h"

#include <hyphen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SOFT_HYPHEN 0x00AD
#define MIN_WORD_CHARS 6

struct _RoneoHyphenator
{
  char *dict_dir;
  GHashTable *dicts; /* resolved dictionary path -> HyphenDict*, loaded once */
};

typedef struct
{
  HyphenDict *dict;
  int lhmin; /* the language's own minimums; the dictionary's win when larger */
  int rhmin;
} Patterns;

static void
dict_free (gpointer dict)
{
  hnj_hyphen_free (dict);
}

RoneoHyphenator *
roneo_hyphenator_new (const char *dict_dir)
{
  g_return_val_if_fail (dict_dir != NULL, NULL);
  RoneoHyphenator *hyphenator = g_new0 (RoneoHyphenator, 1);
  hyphenator->dict_dir = g_strdup (dict_dir);
  hyphenator->dicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dict_free);
  return hyphenator;
}

void
roneo_hyphenator_free (RoneoHyphenator *hyphenator)
{
  if (hyphenator == NULL)
    return;
  g_hash_table_unref (hyphenator->dicts);
  g_free (hyphenator->dict_dir);
  g_free (hyphenator);
}

/* ---- dictionaries ---- */

/* The dictionary's real path (Debian links hyph_fr_CA.dic to hyph_fr.dic:
 * one load for both), or NULL. */
static char *
find_dict_path (const char *dict_dir, const RoneoLang *lang)
{
  for (guint k = 0; lang->dictionaries[k] != NULL; k++)
    {
      g_autofree char *path = g_build_filename (dict_dir, lang->dictionaries[k], NULL);
      char resolved[PATH_MAX];
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && realpath (path, resolved))
        return g_strdup (resolved);
    }
  return NULL;
}

static HyphenDict *
load_dict (RoneoHyphenator *hyphenator, const char *lang, GError **error)
{
  const RoneoLang *known = roneo_lang_lookup (lang);
  g_autofree char *path = known ? find_dict_path (hyphenator->dict_dir, known) : NULL;
  HyphenDict *dict = path ? g_hash_table_lookup (hyphenator->dicts, path) : NULL;
  if (dict == NULL && path != NULL && (dict = roneo_hyphen_cache_load (path)) != NULL)
    g_hash_table_insert (hyphenator->dicts, g_steal_pointer (&path), dict);
  if (dict == NULL)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                 _ ("no hyphenation dictionary for language '%s' in '%s'"), lang,
                 hyphenator->dict_dir);
  return dict;
}

/* The least letters libhyphen may leave before and after a break, per
 * language, as TeX's \lefthyphenmin and \righthyphenmin (babel's values;
 * the dictionary's own win when larger): French and English 2 and 3 (no
 * "-té" starting a line), German 2 and 2. Body text asks more: the breaker
 * takes a break leaving fewer than 3 letters on either side only when the
 * line would otherwise be too loose (TYPOGRAPHY.md). */
static const struct
{
  const char *primary;
  int lhmin, rhmin;
} hyphen_minima[] = {
  { "fr", 2, 3 },
  { "en", 2, 3 },
  { "de", 2, 2 },
};

static void
set_minima (const char *lang, Patterns *patterns)
{
  const RoneoLang *known = roneo_lang_lookup (lang);
  patterns->lhmin = 2;
  patterns->rhmin = 3;
  for (guint k = 0; known != NULL && k < G_N_ELEMENTS (hyphen_minima); k++)
    if (g_str_equal (known->primary, hyphen_minima[k].primary))
      {
        patterns->lhmin = hyphen_minima[k].lhmin;
        patterns->rhmin = hyphen_minima[k].rhmin;
      }
}

static gboolean
get_patterns (RoneoHyphenator *hyphenator, const char *lang, Patterns *patterns, GError **error)
{
  g_return_val_if_fail (lang != NULL, FALSE);
  patterns->dict = load_dict (hyphenator, lang, error);
  set_minima (lang, patterns);
  return patterns->dict != NULL;
}

/* ---- one word ---- */

static void
free_nonstandard (char **rep, int *pos, int *cut, gsize n)
{
  if (rep != NULL)
    for (gsize k = 0; k < n; k++)
      free (rep[k]);
  free (rep);
  free (pos);
  free (cut);
}

/* The word as the dictionary reads it: lower case, in its charset. NULL when
 * it cannot be (a letter outside an 8-bit charset, a case change that alters
 * the number of characters). */
static char *
dict_word (const HyphenDict *dict, const char *word, gsize len)
{
  g_autofree char *lower = g_utf8_strdown (word, len);
  if (g_utf8_strlen (lower, -1) != g_utf8_strlen (word, len))
    return NULL;
  if (dict->utf8)
    return g_steal_pointer (&lower);
  return g_convert (lower, -1, dict->cset, "UTF-8", NULL, NULL, NULL);
}

/* The character indices after which the word may break, or NULL. */
static GArray *
word_breaks (const Patterns *patterns, const char *word, gsize len)
{
  g_autofree char *input = dict_word (patterns->dict, word, len);
  if (input == NULL)
    return NULL;
  int size = (int) strlen (input);
  g_autofree char *hyphens = g_malloc0 (size + 5);
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  if (hnj_hyphen_hyphenate3 (patterns->dict, input, size, hyphens, NULL, &rep, &pos, &cut,
                             patterns->lhmin, patterns->rhmin, 0, 0)
      == 0)
    {
      glong chars = g_utf8_strlen (word, len);
      for (guint k = 0; k + 1 < (guint) chars; k++)
        if ((hyphens[k] & 1) && (rep == NULL || rep[k] == NULL))
          g_array_append_val (breaks, k);
    }
  free_nonstandard (rep, pos, cut, size);
  return breaks;
}

/* ---- the text ---- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || c == SOFT_HYPHEN;
}

static gboolean
is_acronym (const char *word, gsize len)
{
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Whether the word [start, end) may take hyphens at all. */
static gboolean
may_hyphenate (const RoneoRichText *rich, gsize start, gsize end)
{
  const char *s = rich->text->str;
  gunichar before = start > 0 ? g_utf8_get_char (g_utf8_prev_char (s + start)) : 0;
  gunichar after = g_utf8_get_char (s + end);
  if (g_unichar_isdigit (before) || g_unichar_isdigit (after)
      || g_utf8_strlen (s + start, end - start) < MIN_WORD_CHARS
      || is_acronym (s + start, end - start) || g_strstr_len (s + start, end - start, "\u00AD"))
    return FALSE;
  for (gsize k = start; k < end; k++)
    if (roneo_rich_text_flags_at (rich, k) & (RONEO_SPAN_AS_TYPED | RONEO_SPAN_NOTE_CALL))
      return FALSE;
  return TRUE;
}

/* Inserts the soft hyphens of the word [start, end); returns its new end. */
static gsize
hyphenate_word (RoneoRichText *rich, const Patterns *patterns, gsize start, gsize end)
{
  if (!may_hyphenate (rich, start, end))
    return end;
  g_autoptr (GArray) breaks = word_breaks (patterns, rich->text->str + start, end - start);
  if (breaks == NULL)
    return end;
  /* from the right, so the character indices on the left stay valid */
  for (guint k = breaks->len; k > 0; k--)
    {
      guint index = g_array_index (breaks, guint, k - 1);
      const char *after = g_utf8_offset_to_pointer (rich->text->str + start, index + 1);
      gsize at = after - rich->text->str;
      roneo_rich_text_replace (rich, at, at, "\u00AD");
      end += strlen ("\u00AD");
    }
  return end;
}

static gsize
word_end (const RoneoRichText *rich, gsize i)
{
  while (i < rich->text->len && is_word_char (g_utf8_get_char (rich->text->str + i)))
    i = g_utf8_next_char (rich->text->str + i) - rich->text->str;
  return i;
}

/* The start of the last word of the text, which is never hyphenated. */
static gsize
last_word_start (const RoneoRichText *rich)
{
  const char *s = rich->text->str;
  const char *p = s + rich->text->len;
  while (p > s && !is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  while (p > s && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  return p - s;
}

gboolean
roneo_hyphenator_hyphenate (RoneoHyphenator *hyphenator, RoneoRichText *rich, const char *lang,
                            GError **error)
{
  g_return_val_if_fail (hyphenator != NULL && rich != NULL, FALSE);
  Patterns patterns;
  if (!get_patterns (hyphenator, lang, &patterns, error))
    return FALSE;
  gsize last = last_word_start (rich);
  gsize i = 0;
  while (i < last)
    {
      gsize end = word_end (rich, i);
      if (end == i)
        i = g_utf8_next_char (rich->text->str + i) - rich->text->str;
      else
        {
          gsize new_end = hyphenate_word (rich, &patterns, i, end);
          last += new_end - end;
          i = new_end;
        }
    }
  return TRUE;
}

char *
roneo_hyphenator_show (RoneoHyphenator *hyphenator, const char *word, const char *lang,
                       GError **error)
{
  g_return_val_if_fail (hyphenator != NULL && word != NULL, NULL);
  Patterns patterns;
  if (!get_patterns (hyphenator, lang, &patterns, error))
    return NULL;
  g_autoptr (GArray) breaks = word_breaks (&patterns, word, strlen (word));
  GString *out = g_string_new (NULL);
  guint next = 0;
  glong index = 0;
  for (const char *p = word; *p; p = g_utf8_next_char (p), index++)
    {
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if (breaks && next < breaks->len && g_array_index (breaks, guint, next) == (guint) index)
        {
          g_string_append_c (out, '-');
          next++;
        }
    }
  return g_string_free (out, FALSE);
}
