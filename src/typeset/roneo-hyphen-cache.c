/* roneo-hyphen-cache.c: libhyphen's dictionaries, kept built in the user's cache.
 *
 * hnj_hyphen_load builds a state machine from the patterns through a hash
 * table whose chains grow long: Debian's German patterns (78 000 lines) take
 * 2.5 s of CPU, every cold `roneo flyer` in German (PITFALLS 24). The machine
 * built is written once to $XDG_CACHE_HOME/roneo/hyphen/, under the
 * dictionary's name and a digest of its path, with the path, its size and
 * modification time, and read
 * back in milliseconds. A cache that does not match (another dictionary,
 * changed since, another format), is cut short or fails its CRC is built
 * again and replaced; one that cannot be written costs only the time. The
 * states are allocated as libhyphen allocates them (malloc), so
 * hnj_hyphen_free frees a dictionary read back.
 */
#include "roneo-hyphen-cache.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define MAGIC "roneo hyphen cache 2\n"
/* Far more than any dictionary has: a bound for what a damaged file claims. */
#define MAX_STATES (1 << 24)

/* ---- writing ---- */

/* Every number as 32 bits, little-endian. */
static void
put_int (GString *out, gint64 value)
{
  guint32 le = GUINT32_TO_LE ((guint32) (gint32) value);
  g_string_append_len (out, (const char *) &le, sizeof le);
}

static void
put_bytes (GString *out, const char *bytes, gssize length)
{
  put_int (out, bytes != NULL ? length : -1);
  if (bytes != NULL)
    g_string_append_len (out, bytes, length);
}

/* nohyphen holds nohyphenl + 1 strings one after the other, each ended by
 * its NUL (libhyphen cuts the comma-separated list in place). */
static gssize
nohyphen_length (const HyphenDict *dict)
{
  if (dict->nohyphen == NULL)
    return -1;
  gsize length = 0;
  for (int i = 0; i <= dict->nohyphenl; i++)
    length += strlen (dict->nohyphen + length) + 1;
  return (gssize) length;
}

static void
put_dict (GString *out, const HyphenDict *dict)
{
  put_int (out, dict->lhmin);
  put_int (out, dict->rhmin);
  put_int (out, dict->clhmin);
  put_int (out, dict->crhmin);
  put_int (out, dict->nohyphenl);
  put_bytes (out, dict->nohyphen, nohyphen_length (dict));
  put_int (out, dict->utf8);
  g_string_append_len (out, dict->cset, MAX_NAME);
  put_int (out, dict->num_states);
  for (int s = 0; s < dict->num_states; s++)
    {
      const HyphenState *state = &dict->states[s];
      put_bytes (out, state->match, state->match ? (gssize) strlen (state->match) : -1);
      put_bytes (out, state->repl, state->repl ? (gssize) strlen (state->repl) : -1);
      put_int (out, state->replindex);
      put_int (out, state->replcut);
      put_int (out, state->fallback_state);
      put_int (out, state->num_trans);
      for (int t = 0; t < state->num_trans; t++)
        {
          put_int (out, state->trans[t].ch);
          put_int (out, state->trans[t].new_state);
        }
    }
  put_int (out, dict->nextlevel != NULL);
  if (dict->nextlevel != NULL)
    put_dict (out, dict->nextlevel);
}

/* ---- reading ---- */

typedef struct
{
  const guint8 *at, *end;
  gboolean bad;
} Reader;

static gint64
get_int (Reader *r)
{
  guint32 le = 0;
  if (r->bad || (gsize) (r->end - r->at) < sizeof le)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&le, r->at, sizeof le);
  r->at += sizeof le;
  return (gint32) GUINT32_FROM_LE (le);
}

static gint64
get_ranged (Reader *r, gint64 low, gint64 high)
{
  gint64 value = get_int (r);
  if (value < low || value > high)
    r->bad = TRUE;
  return r->bad ? low : value;
}

/* Bytes of the given length, NUL added, in malloc'ed memory (as libhyphen's). */
static char *
get_bytes (Reader *r)
{
  gint64 length = get_int (r);
  if (r->bad || length == -1)
    return NULL;
  if (length < 0 || length > r->end - r->at)
    {
      r->bad = TRUE;
      return NULL;
    }
  char *bytes = malloc ((gsize) length + 1);
  memcpy (bytes, r->at, (gsize) length);
  bytes[length] = '\0';
  r->at += length;
  return bytes;
}

static void
get_state (Reader *r, HyphenState *state, gint64 num_states)
{
  state->match = get_bytes (r);
  state->repl = get_bytes (r);
  state->replindex = (signed char) get_ranged (r, -128, 127);
  state->replcut = (signed char) get_ranged (r, -128, 127);
  state->fallback_state = (int) get_ranged (r, -1, num_states - 1);
  /* each transition is two numbers */
  state->num_trans = (int) get_ranged (r, 0, (r->end - r->at) / 8);
  state->trans
      = state->num_trans > 0 ? calloc ((gsize) state->num_trans, sizeof (HyphenTrans)) : NULL;
  for (int t = 0; t < state->num_trans && !r->bad; t++)
    {
      state->trans[t].ch = (char) get_ranged (r, -128, 255);
      state->trans[t].new_state = (int) get_ranged (r, 0, num_states - 1);
    }
}

static HyphenDict *
get_dict (Reader *r, int depth)
{
  HyphenDict *dict = calloc (1, sizeof (HyphenDict));
  dict->lhmin = (char) get_ranged (r, -128, 127);
  dict->rhmin = (char) get_ranged (r, -128, 127);
  dict->clhmin = (char) get_ranged (r, -128, 127);
  dict->crhmin = (char) get_ranged (r, -128, 127);
  dict->nohyphenl = (int) get_ranged (r, 0, G_MAXINT);
  dict->nohyphen = get_bytes (r);
  dict->utf8 = (int) get_ranged (r, 0, 1);
  if (!r->bad && r->end - r->at >= MAX_NAME)
    {
      memcpy (dict->cset, r->at, MAX_NAME);
      dict->cset[MAX_NAME - 1] = '\0';
      r->at += MAX_NAME;
    }
  else
    r->bad = TRUE;
  /* each state is at least six numbers */
  gint64 num_states = get_ranged (r, 1, MIN (MAX_STATES, (r->end - r->at) / 24));
  if (!r->bad)
    {
      dict->states = calloc ((gsize) num_states, sizeof (HyphenState));
      dict->num_states = (int) num_states;
    }
  for (int s = 0; s < dict->num_states && !r->bad; s++)
    get_state (r, &dict->states[s], num_states);
  if (get_ranged (r, 0, 1) && depth < 2)
    dict->nextlevel = get_dict (r, depth + 1);
  return dict;
}

/* ---- the cache file ---- */

/* What the cache must have been built from: the dictionary's own path, size
 * and modification time. Owned. */
static char *
source_key (const char *path)
{
  struct stat st;
  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%s %lld %lld.%09ld\n", path, (long long) st.st_size,
                          (long long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
}

/* hyph_de_DE.dic-1a2b3c4d.cache: the name, and a digest of the path, so
 * that two folders' dictionaries of the same name keep a cache each. */
static char *
cache_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  g_autofree char *name = g_strdup_printf ("%s-%.8s.cache", base, digest);
  return g_build_filename (g_get_user_cache_dir (), "roneo", "hyphen", name, NULL);
}

/* The header: the magic, then the source's key. */
static void
put_header (GString *out, const char *key)
{
  g_string_append (out, MAGIC);
  g_string_append (out, key);
}

static HyphenDict *
read_cache (const char *cache, const char *key)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (cache, &contents, &length, NULL))
    return NULL;
  g_autoptr (GString) header = g_string_new (NULL);
  put_header (header, key);
  /* the header, the body, and the body's CRC-32 as the last 4 bytes */
  if (length < header->len + 4 || memcmp (contents, header->str, header->len) != 0)
    return NULL;
  const guint8 *body = (const guint8 *) contents + header->len;
  gsize body_length = length - header->len - 4;
  Reader crc_reader = { body + body_length, body + body_length + 4, FALSE };
  guint32 crc = (guint32) get_int (&crc_reader);
  if (crc != (guint32) crc32 (0L, body, (uInt) body_length))
    return NULL;
  Reader r = { body, body + body_length, FALSE };
  HyphenDict *dict = get_dict (&r, 0);
  if (r.bad || r.at != r.end)
    {
      hnj_hyphen_free (dict);
      return NULL;
    }
  return dict;
}

/* g_file_set_contents writes beside and renames: a reader never sees half
 * a cache, and two writers leave one whole. */
static void
write_cache (const char *cache, const char *key, const HyphenDict *dict)
{
  g_autofree char *folder = g_path_get_dirname (cache);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return;
  g_autoptr (GString) out = g_string_new (NULL);
  put_header (out, key);
  gsize header_length = out->len;
  put_dict (out, dict);
  put_int (out, (gint64) crc32 (0L, (const Bytef *) out->str + header_length,
                                (uInt) (out->len - header_length)));
  g_file_set_contents (cache, out->str, (gssize) out->len, NULL);
}

HyphenDict *
roneo_hyphen_cache_load (const char *path)
{
  g_autofree char *key = source_key (path);
  g_autofree char *cache = cache_path (path);
  HyphenDict *dict = key != NULL ? read_cache (cache, key) : NULL;
  if (dict != NULL)
    return dict;
  dict = hnj_hyphen_load (path);
  if (dict != NULL && key != NULL)
    write_cache (cache, key, dict);
  return dict;
}
