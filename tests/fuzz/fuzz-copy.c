/* fuzz-copy.c: libFuzzer target for the copy parser and the slogan parser.
 *
 * Any bytes must give either a document or a RONEO_ERROR_INPUT error, never a
 * crash, a leak or a span outside its block's text; as a slogan, a document
 * always has its slogan first.
 */
#include "roneo-copy-parser.h"
#include "roneo-error.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_blocks (const GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (blocks, i);
      gsize length = strlen (block->text);
      g_assert (g_utf8_validate (block->text, -1, NULL));
      for (guint j = 0; j < block->spans->len; j++)
        {
          const RoneoSpan *span = &g_array_index (block->spans, RoneoSpan, j);
          g_assert (span->start < span->end && span->end <= length);
          g_assert (j == 0 || (span - 1)->start <= span->start);
        }
    }
}

static void
check_slogan (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) slogan = roneo_slogan_parse ("fuzz", (const char *) data, size, &error);
  if (slogan == NULL)
    {
      g_assert (error != NULL && error->domain == RONEO_ERROR && error->code == RONEO_ERROR_INPUT);
      return;
    }
  g_assert (slogan->blocks->len >= 1);
  g_assert (((RoneoBlock *) g_ptr_array_index (slogan->blocks, 0))->kind == RONEO_BLOCK_HEADLINE);
  check_blocks (slogan->blocks);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  check_slogan (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoDocument) document = roneo_copy_parse ("fuzz", (const char *) data, size, &error);

  if (document == NULL)
    {
      g_assert (error != NULL && error->domain == RONEO_ERROR && error->code == RONEO_ERROR_INPUT);
      return 0;
    }
  g_assert (error == NULL);
  check_blocks (document->blocks);
  check_blocks (document->footnotes);
  g_autofree char *dump = roneo_document_dump (document);
  g_assert (dump != NULL);
  return 0;
}
