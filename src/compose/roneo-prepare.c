#include "roneo-prepare-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-linebreak.h"
#include "roneo-typo.h"
#include <string.h>

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;
  roneo_rich_text_free (prepared->rich);
  roneo_block_free (prepared->own_block);
  g_free (prepared);
}

static Role
role_of (RoneoBlockKind kind)
{
  switch (kind)
    {
    case RONEO_BLOCK_HEADLINE:
      return ROLE_HEADLINE;
    case RONEO_BLOCK_SUBHEAD:
      return ROLE_SUBHEAD;
    case RONEO_BLOCK_LIST_ITEM:
      return ROLE_LIST;
    case RONEO_BLOCK_QUOTE:
      return ROLE_QUOTE;
    case RONEO_BLOCK_SIGNATURE:
      return ROLE_FOOTER;
    case RONEO_BLOCK_FOOTNOTE:
      return ROLE_FOOTNOTE;
    case RONEO_BLOCK_PAGE_BREAK:
      return ROLE_BREAK;
    case RONEO_BLOCK_IMAGE:
      return ROLE_IMAGE;
    case RONEO_BLOCK_PARAGRAPH:
    default:
      return ROLE_BODY;
    }
}

const char *
roneo_compose_role_name (Role role)
{
  if (role == ROLE_IMAGE)
    return "image";
  return role == ROLE_BREAK ? "break" : roneo_style_name ((RoneoStyleId) role);
}

const char *
roneo_compose_role_label (Role role)
{
  if (role == ROLE_IMAGE)
    return _ ("picture");
  return role == ROLE_BREAK ? _ ("page break") : roneo_style_label ((RoneoStyleId) role);
}

/* A page break has no text: the body style is as good as any. A picture's
 * text is its caption. */
static const RoneoStyle *
role_style (const RoneoLayout *layout, Role role)
{
  if (role == ROLE_IMAGE)
    return &layout->caption;
  return roneo_layout_peek_style (layout,
                                  role == ROLE_BREAK ? RONEO_STYLE_BODY : (RoneoStyleId) role);
}

/* A missing dictionary is a warning, given once per document. */
static void
hyphenate (const RoneoComposeContext *cc, RoneoRichText *rich, gboolean *warned)
{
  g_autoptr (GError) error = NULL;
  if (cc->hyphenator == NULL || roneo_hyphenator_hyphenate (cc->hyphenator, rich, cc->lang, &error))
    return;
  if (!*warned)
    roneo_warnings_add (cc->warnings, RONEO_WARNING_GENERAL, _ ("%s; body text is not hyphenated"),
                        error->message);
  *warned = TRUE;
}

static Prepared *
prepare_block_as (const RoneoComposeContext *cc, const RoneoLayout *layout, const RoneoBlock *block,
                  Role role, gboolean *warned)
{
  Prepared *prepared = g_new0 (Prepared, 1);
  prepared->block = block;
  prepared->role = role;
  prepared->rich = roneo_rich_text_new_from_block (block);
  roneo_line_set_normalize_text (prepared->rich);
  const RoneoStyle *style = role_style (layout, prepared->role);
  gboolean display = prepared->role == ROLE_HEADLINE || prepared->role == ROLE_SUBHEAD
                     || prepared->role == ROLE_QUOTE;
  /* the rules first: they read the case as typed ("1er" is an ordinal,
   * "81000 Albi" a postcode) and mark what uppercasing must leave alone */
  roneo_typo_apply (prepared->rich, cc->lang, display ? RONEO_TYPO_DISPLAY : RONEO_TYPO_BODY);
  if (style->transform == RONEO_TRANSFORM_UPPERCASE)
    roneo_rich_text_uppercase (prepared->rich, cc->lang);
  if (style->hyphenate && !display && prepared->role != ROLE_FOOTER
      && prepared->role != ROLE_IMPRINT && prepared->role != ROLE_IMAGE)
    hyphenate (cc, prepared->rich, warned);
  return prepared;
}

static Prepared *
prepare_block (const RoneoComposeContext *cc, const RoneoLayout *layout, const RoneoBlock *block,
               gboolean *warned)
{
  return prepare_block_as (cc, layout, block, role_of (block->kind), warned);
}

/* A block of text the copy does not hold, set in role's style like a block
 * of the copy (same typography rules), owned by what is returned. */
static Prepared *
prepare_text (const RoneoComposeContext *cc, const RoneoLayout *layout, const char *text,
              RoneoBlockKind kind, Role role, gboolean *warned)
{
  g_autoptr (RoneoBlock) block = roneo_block_new (kind, text, 0, 0);
  Prepared *prepared = prepare_block_as (cc, layout, block, role, warned);
  prepared->own_block = g_steal_pointer (&block);
  return prepared;
}

/* A QR code (![qr](…) in the copy or qr: in the front matter) set as a
 * picture with its address for caption, owned by what is returned. */
static Prepared *
prepare_qr (const RoneoComposeContext *cc, const RoneoLayout *layout,
            const RoneoImageSource *source, gboolean *warned)
{
  /* kept as typed: no typography rule puts a space before its "?" */
  g_autofree char *caption = roneo_compose_address_as_typed (source->target);
  g_autoptr (RoneoBlock) block = roneo_block_new (RONEO_BLOCK_IMAGE, caption, source->line, 1);
  roneo_block_add_span (block, 0, (guint) strlen (caption), RONEO_SPAN_ADDRESS, 0);
  block->image = roneo_image_source_copy (source);
  Prepared *prepared = prepare_block_as (cc, layout, block, ROLE_IMAGE, warned);
  prepared->own_block = g_steal_pointer (&block);
  return prepared;
}

static Prepared *
prepare_copy_block (const RoneoComposeContext *cc, const RoneoLayout *layout,
                    const RoneoBlock *block, gboolean *warned)
{
  if (block->image != NULL && block->image->kind == RONEO_IMAGE_QR)
    return prepare_qr (cc, layout, block->image, warned);
  return prepare_block (cc, layout, block, warned);
}

/* Where the front matter's QR code goes: at the end of the copy, before the
 * signature that closes it. */
static guint
qr_position (const RoneoDocument *document)
{
  guint end = document->blocks->len;
  const RoneoBlock *last = end > 0 ? g_ptr_array_index (document->blocks, end - 1) : NULL;
  return last != NULL && last->kind == RONEO_BLOCK_SIGNATURE ? end - 1 : end;
}

/* What signs the tract and what the law asks at its foot: the author signs
 * when the copy has no "-- " line, so that a name given once in the front
 * matter is printed and not only written in the PDF's metadata. */
static void
prepare_foot (const RoneoComposeContext *cc, const RoneoDocument *document,
              const RoneoLayout *layout, GPtrArray *prepared, gboolean *warned)
{
  const char *imprint = roneo_document_peek_imprint (document, cc->lang);
  if (document->author != NULL && document->author[0] != '\0'
      && roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE) == NULL)
    g_ptr_array_add (prepared, prepare_text (cc, layout, document->author, RONEO_BLOCK_SIGNATURE,
                                             ROLE_FOOTER, warned));
  if (imprint != NULL)
    g_ptr_array_add (
        prepared, prepare_text (cc, layout, imprint, RONEO_BLOCK_PARAGRAPH, ROLE_IMPRINT, warned));
}

GPtrArray *
roneo_compose_prepare_document (const RoneoComposeContext *cc, const RoneoDocument *document,
                                const RoneoLayout *layout)
{
  GPtrArray *prepared = g_ptr_array_new_with_free_func (prepared_free);
  gboolean warned = FALSE;
  guint qr_at = document->qr != NULL ? qr_position (document) : G_MAXUINT;
  for (guint i = 0; i <= document->blocks->len; i++)
    {
      if (i == qr_at)
        g_ptr_array_add (prepared, prepare_qr (cc, layout, document->qr, &warned));
      if (i < document->blocks->len)
        g_ptr_array_add (
            prepared,
            prepare_copy_block (cc, layout, g_ptr_array_index (document->blocks, i), &warned));
    }
  prepare_foot (cc, document, layout, prepared, &warned);
  for (guint i = 0; i < document->footnotes->len; i++)
    {
      Prepared *note
          = prepare_block (cc, layout, g_ptr_array_index (document->footnotes, i), &warned);
      g_autofree char *label = g_strdup_printf ("%u.\u00a0", i + 1);
      roneo_rich_text_replace (note->rich, 0, 0, label);
      g_ptr_array_add (prepared, note);
    }
  for (guint i = 0; i < prepared->len; i++)
    ((Prepared *) g_ptr_array_index (prepared, i))->index = i;
  return prepared;
}

/* --- what a placard carries ----------------------------------------------- */

/* Copy under the headline that [page] body counts: the signature says who
 * (the footer's), a page break has no text. */
static gboolean
is_body_copy (const RoneoBlock *block)
{
  switch (block->kind)
    {
    case RONEO_BLOCK_SUBHEAD:
    case RONEO_BLOCK_PARAGRAPH:
    case RONEO_BLOCK_LIST_ITEM:
    case RONEO_BLOCK_QUOTE:
    case RONEO_BLOCK_FOOTNOTE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The lines block takes in its style across the frame, at the size it is
 * set in when nothing else asks for room (a call-out at its largest). */
static guint
count_set_lines (const RoneoComposeContext *cc, const RoneoLayout *layout, const RoneoBlock *block)
{
  gboolean warned = TRUE; /* a missing dictionary: the composer says it */
  Prepared *prepared = prepare_block (cc, layout, block, &warned);
  const RoneoStyle *style = role_style (layout, prepared->role);
  double measure = roneo_layout_get_frame (layout).width;
  if (prepared->role == ROLE_QUOTE || prepared->role == ROLE_LIST)
    measure -= 2 * style->indent;
  g_autoptr (RoneoLineSet) set = roneo_line_set_break (
      cc->context, g_steal_pointer (&prepared->rich), style, style->size, measure, FALSE, NULL);
  prepared_free (prepared);
  return set->lines->len;
}

/* Why block cannot go under a placard's slogan: it is one block too many, or
 * it would take lines lines (0: not counted). */
static void
set_refused_error (const RoneoDocument *document, const RoneoLayout *layout,
                   const RoneoBlock *block, guint lines, GError **error)
{
  const char *what = roneo_compose_role_label (role_of (block->kind));
  if (layout->body_copy == RONEO_BODY_NONE)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                 _ ("%s:%u: a placard carries a slogan; use a4-tract for a text (layout '%s' "
                    "takes nothing under the slogan, not this %s)"),
                 document->source, block->line, layout->name, what);
  else if (lines > 1)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                 _ ("%s:%u: a placard carries a slogan; use a4-tract for a text (layout '%s' "
                    "takes one line under the slogan, this %s takes %u)"),
                 document->source, block->line, layout->name, what, lines);
  else
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                 _ ("%s:%u: a placard carries a slogan; use a4-tract for a text (layout '%s' "
                    "takes one line under the slogan, not this %s too)"),
                 document->source, block->line, layout->name, what);
}

gboolean
roneo_compose_check_body (const RoneoComposeContext *cc, const RoneoDocument *document,
                          const RoneoLayout *layout, GError **error)
{
  if (layout->body_copy == RONEO_BODY_TEXT)
    return TRUE;
  guint allowed = layout->body_copy == RONEO_BODY_LINE ? 1 : 0, seen = 0;
  for (guint i = 0; i < document->blocks->len + document->footnotes->len; i++)
    {
      const RoneoBlock *block
          = i < document->blocks->len
                ? g_ptr_array_index (document->blocks, i)
                : g_ptr_array_index (document->footnotes, i - document->blocks->len);
      if (!is_body_copy (block))
        continue;
      if (++seen > allowed)
        {
          set_refused_error (document, layout, block, 0, error);
          return FALSE;
        }
      guint lines = count_set_lines (cc, layout, block);
      if (lines > 1)
        {
          set_refused_error (document, layout, block, lines, error);
          return FALSE;
        }
    }
  return TRUE;
}
