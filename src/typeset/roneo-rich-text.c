/* roneo-rich-text.c: a block's text with its spans, edited by the typesetter.
 *
 * Every edit is a replacement of a byte range; the spans follow the text by a
 * monotone mapping of their two ends, so they stay sorted by start.
 */
#include "roneo-rich-text.h"

#include <string.h>

static GArray *
spans_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (RoneoSpan));
}

RoneoRichText *
roneo_rich_text_new (const char *text)
{
  RoneoRichText *rich = g_new0 (RoneoRichText, 1);
  rich->text = g_string_new (text ? text : "");
  rich->spans = spans_new ();
  return rich;
}

RoneoRichText *
roneo_rich_text_new_from_block (const RoneoBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  RoneoRichText *rich = roneo_rich_text_new (block->text);
  if (block->spans != NULL && block->spans->len > 0)
    g_array_append_vals (rich->spans, block->spans->data, block->spans->len);
  return rich;
}

RoneoRichText *
roneo_rich_text_copy (const RoneoRichText *rich)
{
  g_return_val_if_fail (rich != NULL, NULL);
  RoneoRichText *copy = roneo_rich_text_new (NULL);
  g_string_append_len (copy->text, rich->text->str, rich->text->len);
  if (rich->spans->len > 0)
    g_array_append_vals (copy->spans, rich->spans->data, rich->spans->len);
  return copy;
}

void
roneo_rich_text_free (RoneoRichText *rich)
{
  if (rich == NULL)
    return;
  g_string_free (rich->text, TRUE);
  g_array_unref (rich->spans);
  g_free (rich);
}

/* Where the start of a span goes when [start, end) becomes new_len bytes: a
 * span starting at end (even for an insertion) moves with its text. */
static guint
map_span_start (guint pos, gsize start, gsize end, gsize new_len)
{
  if (pos >= end)
    return pos - end + start + new_len;
  if (pos <= start)
    return pos;
  return start;
}

/* The end of a span: one ending at start does not grow over an insertion. */
static guint
map_span_end (guint pos, gsize start, gsize end, gsize new_len)
{
  if (pos <= start)
    return pos;
  if (pos >= end)
    return pos - end + start + new_len;
  return start + new_len;
}

static void
move_spans (RoneoRichText *rich, gsize start, gsize end, gsize new_len)
{
  for (guint i = rich->spans->len; i > 0; i--)
    {
      RoneoSpan *span = &g_array_index (rich->spans, RoneoSpan, i - 1);
      span->start = map_span_start (span->start, start, end, new_len);
      span->end = map_span_end (span->end, start, end, new_len);
      /* a span whose text was deleted has nothing left to style */
      if (span->end <= span->start)
        g_array_remove_index (rich->spans, i - 1);
    }
}

void
roneo_rich_text_replace (RoneoRichText *rich, gsize start, gsize end, const char *replacement)
{
  g_return_if_fail (rich != NULL);
  g_return_if_fail (start <= end && end <= rich->text->len);
  gsize new_len = replacement ? strlen (replacement) : 0;
  g_string_erase (rich->text, start, end - start);
  if (new_len > 0)
    g_string_insert_len (rich->text, start, replacement, new_len);
  move_spans (rich, start, end, new_len);
}

guint
roneo_rich_text_flags_at (const RoneoRichText *rich, gsize offset)
{
  g_return_val_if_fail (rich != NULL, 0);
  guint flags = 0;
  for (guint i = 0; i < rich->spans->len; i++)
    {
      const RoneoSpan *span = &g_array_index (rich->spans, RoneoSpan, i);
      if (span->start <= offset && offset < span->end)
        flags |= span->flags;
    }
  return flags;
}

static gboolean
lang_is (const char *lang, const char *primary)
{
  gsize n = strlen (primary);
  return lang != NULL && g_ascii_strncasecmp (lang, primary, n) == 0
         && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

/* The capital form of one character. Per character rather than
 * g_utf8_strup() on the whole string so that spans can follow, and so that
 * 'i' does not become 'İ' under a Turkish locale unless the text is Turkish. */
static char *
upper_char (gunichar c, const char *lang)
{
  char buf[8] = { 0 };
  if (c == 'i')
    return g_strdup (lang_is (lang, "tr") || lang_is (lang, "az") ? "\u0130" : "I");
  if (c == 0x00DF) /* ß: SS, the standard capital form (German and elsewhere) */
    return g_strdup ("SS");
  g_unichar_to_utf8 (c, buf);
  return g_utf8_strup (buf, -1);
}

void
roneo_rich_text_uppercase (RoneoRichText *rich, const char *lang)
{
  g_return_if_fail (rich != NULL);
  gsize i = 0;
  while (i < rich->text->len)
    {
      const char *p = rich->text->str + i;
      gsize len = g_utf8_next_char (p) - p;
      /* code is kept as typed; an ordinal suffix stays a small 'e' (1ᵉʳ, not 1ᴱᴿ) */
      if (roneo_rich_text_flags_at (rich, i) & (RONEO_SPAN_AS_TYPED | RONEO_SPAN_SUPERSCRIPT))
        {
          i += len;
          continue;
        }
      g_autofree char *upper = upper_char (g_utf8_get_char (p), lang);
      gsize upper_len = strlen (upper);
      if (upper_len != len || memcmp (upper, p, len) != 0)
        roneo_rich_text_replace (rich, i, i + len, upper);
      i += upper_len;
    }
}
