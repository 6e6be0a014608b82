/* fuzz-layout.c: libFuzzer target for the layout file parser.
 *
 * Any bytes must give either a layout that the later stages can trust (a
 * frame of at least 20 mm, sizes within their bounds, a sane leading) or a
 * RONEO_ERROR_INPUT error with a "fuzz.ini:LINE: " position, never a crash or
 * a leak. A layout that parses is also copied and taken as overrides of
 * itself would be, to run roneo_layout_set_value on odd values.
 */
#include "roneo-error.h"
#include "roneo-layout-parser.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const sections[]
    = { "headline", "subhead", "body", "list", "quote", "footnotes", "footer" };

static void
check_style (const RoneoStyle *style)
{
  g_assert (style->font != NULL && *style->font != '\0');
  g_assert (style->weight >= 1 && style->weight <= 1000);
  g_assert (isfinite (style->size) && style->size >= 1);
  g_assert (style->min_size >= 1 && style->min_size <= style->size);
  g_assert (style->leading > 0 && style->leading <= 3);
  g_assert (style->space_before >= 0 && isfinite (style->space_before));
  g_assert (style->space_after >= 0 && isfinite (style->space_after));
  g_assert (style->indent >= 0 && isfinite (style->indent));
}

static void
check_layout (RoneoLayout *layout)
{
  RoneoRect frame = roneo_layout_get_frame (layout);
  g_assert (layout->name != NULL && layout->description != NULL && layout->path != NULL);
  g_assert (isfinite (layout->width) && isfinite (layout->height));
  g_assert (frame.width >= RONEO_MM (20) - 1e-6 && frame.height >= RONEO_MM (20) - 1e-6);
  g_assert (layout->margin_top >= 0 && layout->margin_right >= 0);
  g_assert (layout->margin_bottom >= 0 && layout->margin_left >= 0);
  g_assert (layout->max_pages == 1 || layout->max_pages == 2);
  for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
    check_style (roneo_layout_get_style (layout, sections[i]));
}

/* The input's first line as an override value for every style key. */
static void
check_overrides (const RoneoLayout *layout, const char *data, size_t size)
{
  g_autofree char *value = g_strndup (data, size);
  value[strcspn (value, "\n")] = '\0';
  if (!g_utf8_validate (value, -1, NULL))
    return;
  g_autoptr (RoneoLayout) copy = roneo_layout_copy (layout);
  g_autoptr (RoneoDocument) document = roneo_document_new ("fuzz.md");
  roneo_document_add_override (document, "body.size", value, 2);
  roneo_document_add_override (document, "page.margin", value, 3);
  roneo_document_add_override (document, "quote.leading", value, 4);
  g_autoptr (GError) error = NULL;
  if (roneo_layout_apply_overrides (copy, document, &error))
    check_layout (copy);
  else
    g_assert (g_str_has_prefix (error->message, "fuzz.md:"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RoneoLayout) layout
      = roneo_layout_parse_data ("fuzz.ini", (const char *) data, size, &error);
  if (layout == NULL)
    {
      g_assert (error != NULL && error->domain == RONEO_ERROR);
      g_assert (error->code == RONEO_ERROR_INPUT);
      g_assert (g_str_has_prefix (error->message, "fuzz.ini:"));
      return 0;
    }
  g_assert (error == NULL);
  check_layout (layout);
  check_overrides (layout, (const char *) data, size);
  return 0;
}
