/* roneo-link-notes.c: `[page] links = footnote`, a link's address printed
 * as a note for the reader of the paper copy.
 *
 * The copy's own notes and the links' notes make one series numbered in
 * reading order: each link gets a call after its text and a note with its
 * address as a reader types it; the copy's calls are renumbered and its
 * notes reordered to follow. A link whose text already shows its address
 * (an autolink, a phone number written out) needs no note, and an address
 * linked twice has one note, called twice. Links in the notes themselves
 * stay links only.
 */
#include "roneo-prepare-private.h"
#include "roneo-intl-private.h"

#include <string.h>

typedef struct
{
  guint pos;       /* byte in the block's text */
  guint length;    /* bytes replaced: a call's number; 0 for a new call */
  guint note;      /* the call's number: in the copy, then in the new series */
  guint start;     /* where its text starts in the new text */
  const char *uri; /* a new call: the link's address, interned */
} Edit;

typedef struct
{
  RoneoDocument *document; /* the copy being renumbered */
  GPtrArray *old_notes;    /* the copy's notes, by their old number - 1, taken from it */
  guint *numbers;          /* old number - 1 -> new number, 0 while not called */
  GHashTable *by_uri;      /* interned uri -> GUINT_TO_POINTER (new number) */
  guint count;             /* notes in the new series so far */
} Series;

char *
roneo_compose_address_as_typed (const char *uri)
{
  static const char *const schemes[] = { "https://", "http://", "mailto:", "tel:" };
  const char *text = uri;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (uri, schemes[i], strlen (schemes[i])) == 0)
      text = uri + strlen (schemes[i]);
  char *typed = g_strdup (text);
  gsize length = strlen (typed);
  if (length > 1 && typed[length - 1] == '/')
    typed[length - 1] = '\0';
  return typed;
}

/* The digits of text, at most the last 9 (a national number without its
 * prefix: "05 65 00 00 00" and "+33565000000" agree). Owned. */
static char *
last_digits (const char *text)
{
  GString *digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len > 9)
    g_string_erase (digits, 0, (gssize) digits->len - 9);
  return g_string_free (digits, FALSE);
}

static gboolean
shows_address (const RoneoBlock *block, const RoneoSpan *span)
{
  g_autofree char *text = g_strndup (block->text + span->start, span->end - span->start);
  g_autofree char *typed = roneo_compose_address_as_typed (span->link);
  if (g_ascii_strncasecmp (span->link, "tel:", 4) == 0)
    {
      g_autofree char *a = last_digits (text), *b = last_digits (typed);
      return a[0] != '\0' && strcmp (a, b) == 0;
    }
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_typed = g_utf8_casefold (typed, -1);
  return strstr (folded_text, folded_typed) != NULL;
}

/* The note of a link: its address kept as typed (no
 * typography rule spaces its "?" or its ":"). */
static guint
link_note (Series *s, const RoneoBlock *block, const char *uri)
{
  gpointer known = g_hash_table_lookup (s->by_uri, uri);
  if (known != NULL)
    return GPOINTER_TO_UINT (known);
  g_autofree char *typed = roneo_compose_address_as_typed (uri);
  RoneoBlock *note
      = roneo_document_add_block (s->document, RONEO_BLOCK_FOOTNOTE, typed, block->line, 1);
  roneo_block_add_span (note, 0, (guint) strlen (typed), RONEO_SPAN_ADDRESS, 0);
  note->number = ++s->count;
  g_hash_table_insert (s->by_uri, (gpointer) uri, GUINT_TO_POINTER (note->number));
  return note->number;
}

static guint
copy_note (Series *s, guint old)
{
  if (old == 0 || old > s->old_notes->len)
    return old;
  if (s->numbers[old - 1] == 0)
    {
      RoneoBlock *note = g_ptr_array_index (s->old_notes, old - 1);
      g_ptr_array_index (s->old_notes, old - 1) = NULL;
      s->numbers[old - 1] = note->number = ++s->count;
      g_ptr_array_add (s->document->footnotes, note);
    }
  return s->numbers[old - 1];
}

static gint
by_place (gconstpointer a, gconstpointer b)
{
  const Edit *x = a, *y = b;
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  /* a link's call comes before a call the copy wrote right after it */
  return (x->length > 0) - (y->length > 0);
}

/* The block's calls in reading order: the copy's own, renumbered, and one
 * after each link that does not show its address. */
static GArray *
collect_edits (Series *s, const RoneoBlock *block)
{
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  for (guint i = 0; i < block->spans->len; i++)
    {
      const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, i);
      Edit edit = { 0 };
      if (span->flags & RONEO_SPAN_NOTE_CALL)
        edit = (Edit){ span->start, span->end - span->start, span->note, 0, NULL };
      else if ((span->flags & RONEO_SPAN_LINK) && span->link != NULL
               && !shows_address (block, span))
        edit = (Edit){ span->end, 0, 0, 0, span->link };
      else
        continue;
      g_array_append_val (edits, edit);
    }
  g_array_sort (edits, by_place);
  /* numbered in reading order, once sorted */
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = &g_array_index (edits, Edit, i);
      edit->note = edit->length > 0 ? copy_note (s, edit->note) : link_note (s, block, edit->uri);
    }
  return edits;
}

/* Where an old offset lands once the edits are made: a span's end stays
 * before a call inserted where it ends, its start goes after it. */
static guint
moved (const GArray *edits, guint pos, gboolean is_end)
{
  gint64 shift = 0;
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);
      g_autofree char *number = g_strdup_printf ("%u", e->note);
      gboolean before
          = e->length > 0 ? e->pos + e->length <= pos : (is_end ? e->pos < pos : e->pos <= pos);
      if (before)
        shift += (gint64) strlen (number) - e->length;
    }
  return (guint) ((gint64) pos + shift);
}

static gint
by_start (gconstpointer a, gconstpointer b)
{
  const RoneoSpan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

static void
apply_edits (RoneoBlock *block, GArray *edits)
{
  GString *text = g_string_new (NULL);
  guint from = 0;
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *e = &g_array_index (edits, Edit, i);
      g_string_append_len (text, block->text + from, e->pos - from);
      e->start = (guint) text->len;
      g_string_append_printf (text, "%u", e->note);
      from = e->pos + e->length;
    }
  g_string_append (text, block->text + from);
  for (guint i = 0; i < block->spans->len; i++)
    {
      RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, i);
      if (span->flags & RONEO_SPAN_NOTE_CALL)
        continue; /* replaced below with its new number */
      span->start = moved (edits, span->start, FALSE);
      span->end = moved (edits, span->end, TRUE);
    }
  for (guint i = block->spans->len; i-- > 0;)
    if (g_array_index (block->spans, RoneoSpan, i).flags & RONEO_SPAN_NOTE_CALL)
      g_array_remove_index (block->spans, i);
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);
      g_autofree char *number = g_strdup_printf ("%u", e->note);
      roneo_block_add_span (block, e->start, e->start + (guint) strlen (number),
                            RONEO_SPAN_NOTE_CALL, e->note);
    }
  g_array_sort (block->spans, by_start);
  g_free (block->text);
  block->text = g_string_free (text, FALSE);
}

static gboolean
has_link_to_note (const RoneoDocument *document)
{
  for (guint i = 0; i < document->blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (document->blocks, i);
      for (guint j = 0; j < block->spans->len; j++)
        {
          const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, j);
          if ((span->flags & RONEO_SPAN_LINK) && span->link != NULL && !shows_address (block, span))
            return TRUE;
        }
    }
  return FALSE;
}

RoneoDocument *
roneo_compose_notes_from_links (const RoneoDocument *document)
{
  if (!has_link_to_note (document))
    return NULL;
  RoneoDocument *copy = roneo_document_copy (document);
  Series s = { copy, copy->footnotes, NULL, g_hash_table_new (NULL, NULL), 0 };
  copy->footnotes = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_block_free);
  s.numbers = g_new0 (guint, s.old_notes->len + 1);
  for (guint i = 0; i < copy->blocks->len; i++)
    {
      RoneoBlock *block = g_ptr_array_index (copy->blocks, i);
      g_autoptr (GArray) edits = collect_edits (&s, block);
      if (edits->len > 0)
        apply_edits (block, edits);
    }
  /* a note the copy never calls keeps its place at the end, as before */
  for (guint i = 0; i < s.old_notes->len; i++)
    if (g_ptr_array_index (s.old_notes, i) != NULL)
      copy_note (&s, i + 1);
  g_ptr_array_unref (s.old_notes);
  g_hash_table_unref (s.by_uri);
  g_free (s.numbers);
  return copy;
}

void
roneo_compose_warn_links (const RoneoComposeContext *cc, const RoneoDocument *document)
{
  if (document->unlinked_line > 0)
    roneo_warnings_add_at (cc->warnings, RONEO_WARNING_GENERAL, document->source,
                           document->unlinked_line,
                           _ ("a link to an address a reader cannot follow (not http, https, "
                              "mailto or tel) is printed as its text alone"));
}
