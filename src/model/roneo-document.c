#include "roneo-document.h"

#include "roneo-lang.h"

#include <string.h>

static void
override_free (gpointer data)
{
  RoneoOverride *override = data;
  g_free (override->key);
  g_free (override->value);
  g_free (override);
}

RoneoDocument *
roneo_document_new (const char *source)
{
  RoneoDocument *document = g_new0 (RoneoDocument, 1);
  document->source = g_strdup (source ? source : "<stdin>");
  document->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_block_free);
  document->footnotes = g_ptr_array_new_with_free_func ((GDestroyNotify) roneo_block_free);
  document->overrides = g_ptr_array_new_with_free_func (override_free);
  /* pictures are found beside the copy; standard input has no folder but the current one */
  if (source != NULL && strcmp (source, "<stdin>") != 0 && strcmp (source, "-") != 0)
    document->base_dir = g_path_get_dirname (source);
  return document;
}

void
roneo_document_free (RoneoDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->source);
  g_free (document->layout);
  g_free (document->lang);
  g_free (document->title);
  g_free (document->author);
  g_free (document->date);
  g_free (document->subject);
  g_free (document->imprint);
  g_ptr_array_unref (document->blocks);
  g_ptr_array_unref (document->footnotes);
  g_ptr_array_unref (document->overrides);
  g_free (document->base_dir);
  roneo_image_source_free (document->logo);
  roneo_image_source_free (document->qr);
  g_free (document);
}

RoneoBlock *
roneo_block_new (RoneoBlockKind kind, const char *text, guint line, guint column)
{
  RoneoBlock *block = g_new0 (RoneoBlock, 1);
  block->kind = kind;
  block->text = g_strdup (text ? text : "");
  block->spans = g_array_new (FALSE, TRUE, sizeof (RoneoSpan));
  block->line = line;
  block->column = column;
  return block;
}

void
roneo_block_free (RoneoBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_array_unref (block->spans);
  roneo_image_source_free (block->image);
  g_free (block);
}

RoneoBlock *
roneo_block_copy (const RoneoBlock *block)
{
  RoneoBlock *copy = roneo_block_new (block->kind, block->text, block->line, block->column);
  g_array_append_vals (copy->spans, block->spans->data, block->spans->len);
  copy->number = block->number;
  copy->ordered = block->ordered;
  copy->image = block->image ? roneo_image_source_copy (block->image) : NULL;
  return copy;
}

static void
copy_blocks (GPtrArray *to, const GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, roneo_block_copy (g_ptr_array_index (from, i)));
}

RoneoDocument *
roneo_document_copy (const RoneoDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  RoneoDocument *copy = roneo_document_new (document->source);
  copy->layout = g_strdup (document->layout);
  copy->lang = g_strdup (document->lang);
  copy->title = g_strdup (document->title);
  copy->author = g_strdup (document->author);
  copy->date = g_strdup (document->date);
  copy->subject = g_strdup (document->subject);
  copy->imprint = g_strdup (document->imprint);
  g_free (copy->base_dir);
  copy->base_dir = g_strdup (document->base_dir);
  copy->logo = document->logo ? roneo_image_source_copy (document->logo) : NULL;
  copy->qr = document->qr ? roneo_image_source_copy (document->qr) : NULL;
  copy->inline_image_line = document->inline_image_line;
  copy->unlinked_line = document->unlinked_line;
  copy_blocks (copy->blocks, document->blocks);
  copy_blocks (copy->footnotes, document->footnotes);
  for (guint i = 0; i < document->overrides->len; i++)
    {
      const RoneoOverride *override = g_ptr_array_index (document->overrides, i);
      roneo_document_add_override (copy, override->key, override->value, override->line);
    }
  return copy;
}

void
roneo_block_add_span (RoneoBlock *block, guint start, guint end, guint flags, guint note)
{
  RoneoSpan span = { start, end, flags, note };
  g_array_append_val (block->spans, span);
}

RoneoBlock *
roneo_document_add_block (RoneoDocument *document, RoneoBlockKind kind, const char *text,
                          guint line, guint column)
{
  RoneoBlock *block = roneo_block_new (kind, text, line, column);
  g_ptr_array_add (kind == RONEO_BLOCK_FOOTNOTE ? document->footnotes : document->blocks, block);
  return block;
}

void
roneo_document_add_override (RoneoDocument *document, const char *key, const char *value,
                             guint line)
{
  RoneoOverride *override = g_new0 (RoneoOverride, 1);
  override->key = g_strdup (key);
  override->value = g_strdup (value);
  override->line = line;
  g_ptr_array_add (document->overrides, override);
}

GPtrArray *
roneo_document_image_sources (const RoneoDocument *document)
{
  GPtrArray *sources = g_ptr_array_new ();
  if (document->logo)
    g_ptr_array_add (sources, document->logo);
  if (document->qr)
    g_ptr_array_add (sources, document->qr);
  for (guint i = 0; i < document->blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (document->blocks, i);
      if (block->image)
        g_ptr_array_add (sources, block->image);
    }
  return sources;
}

const RoneoBlock *
roneo_document_find_block (const RoneoDocument *document, RoneoBlockKind kind)
{
  for (guint i = 0; i < document->blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (document->blocks, i);
      if (block->kind == kind)
        return block;
    }
  return NULL;
}

const char *
roneo_document_peek_imprint (const RoneoDocument *document, const char *lang)
{
  if (document->imprint != NULL)
    return document->imprint[0] != '\0' ? document->imprint : NULL;
  const RoneoLang *entry = roneo_lang_lookup (lang);
  return entry != NULL ? entry->imprint : NULL;
}

const char *
roneo_block_kind_to_string (RoneoBlockKind kind)
{
  static const char *const names[] = { "headline",  "subhead",    "paragraph", "list-item", "quote",
                                       "signature", "page-break", "footnote",  "image" };
  return kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

static void
dump_block (GString *out, const RoneoBlock *block)
{
  g_string_append_printf (out, "%s %u:%u", roneo_block_kind_to_string (block->kind), block->line,
                          block->column);
  if (block->number)
    g_string_append_printf (out, " #%u%s", block->number, block->ordered ? " ordered" : "");
  g_string_append_printf (out, " \"%s\"\n", block->text);
  if (block->image)
    g_string_append_printf (out, "  %s '%s'\n",
                            block->image->kind == RONEO_IMAGE_QR ? "qr" : "file",
                            block->image->target);
  for (guint i = 0; i < block->spans->len; i++)
    {
      const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, i);
      g_string_append_printf (out, "  span %u-%u flags=%u", span->start, span->end, span->flags);
      if (span->note)
        g_string_append_printf (out, " note=%u", span->note);
      if (span->link)
        g_string_append_printf (out, " link=%s", span->link);
      g_string_append_c (out, '\n');
    }
}

char *
roneo_document_dump (const RoneoDocument *document)
{
  GString *out = g_string_new (NULL);
  const char *const fields[]
      = { "layout",  document->layout,
          "lang",    document->lang,
          "title",   document->title,
          "author",  document->author,
          "date",    document->date,
          "subject", document->subject,
          "imprint", document->imprint && !document->imprint[0] ? "false" : document->imprint };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i += 2)
    if (fields[i + 1])
      g_string_append_printf (out, "%s: %s\n", fields[i], fields[i + 1]);
  if (document->logo)
    g_string_append_printf (out, "logo: %s\n", document->logo->target);
  if (document->qr)
    g_string_append_printf (out, "qr: %s\n", document->qr->target);
  for (guint i = 0; i < document->overrides->len; i++)
    {
      const RoneoOverride *override = g_ptr_array_index (document->overrides, i);
      g_string_append_printf (out, "override %s = %s (line %u)\n", override->key, override->value,
                              override->line);
    }
  for (guint i = 0; i < document->blocks->len; i++)
    dump_block (out, g_ptr_array_index (document->blocks, i));
  for (guint i = 0; i < document->footnotes->len; i++)
    dump_block (out, g_ptr_array_index (document->footnotes, i));
  return g_string_free (out, FALSE);
}

RoneoImageSource *
roneo_image_source_new (const RoneoDocument *document, RoneoImageKind kind, const char *target,
                        const char *alt, guint line)
{
  return roneo_image_source_new_in (document->base_dir, kind, target, alt, line);
}

RoneoImageSource *
roneo_image_source_new_in (const char *base_dir, RoneoImageKind kind, const char *target,
                           const char *alt, guint line)
{
  RoneoImageSource *source = g_new0 (RoneoImageSource, 1);
  source->kind = kind;
  source->target = g_strdup (target ? target : "");
  source->alt = g_strdup (alt ? alt : "");
  source->line = line;
  if (kind == RONEO_IMAGE_FILE)
    source->resolved
        = g_path_is_absolute (source->target) || base_dir == NULL || strcmp (base_dir, ".") == 0
              ? g_strdup (source->target)
              : g_build_filename (base_dir, source->target, NULL);
  return source;
}

RoneoImageSource *
roneo_image_source_copy (const RoneoImageSource *source)
{
  RoneoImageSource *copy = g_memdup2 (source, sizeof *source);
  copy->target = g_strdup (source->target);
  copy->resolved = g_strdup (source->resolved);
  copy->alt = g_strdup (source->alt);
  return copy;
}

void
roneo_image_source_free (RoneoImageSource *source)
{
  if (source == NULL)
    return;
  g_free (source->target);
  g_free (source->resolved);
  g_free (source->alt);
  g_free (source);
}
