#include "roneo-layout.h"

#include "roneo-style.h"
#include "roneo-intl-private.h"

#include <string.h>

static const RoneoColor black = { 0, 0, 0 };
static const RoneoColor white = { 1, 1, 1 };

static RoneoStyle
style_default (const char *font, int weight, double size, RoneoAlign align)
{
  RoneoStyle style = {
    .font = g_strdup (font),
    .weight = weight,
    .size = size,
    .min_size = size,
    .leading = 1.2,
    .align = align,
    .color = black,
    .background = white,
  };
  return style;
}

static void
style_copy_into (RoneoStyle *dest, const RoneoStyle *src)
{
  *dest = *src;
  dest->font = g_strdup (src->font);
}

static void
style_clear (RoneoStyle *style)
{
  g_clear_pointer (&style->font, g_free);
}

RoneoLayout *
roneo_layout_new (void)
{
  RoneoLayout *layout = g_new0 (RoneoLayout, 1);
  layout->name = g_strdup ("default");
  layout->description = g_strdup ("built-in defaults");
  layout->kind = RONEO_LAYOUT_FLYER;
  layout->width = RONEO_MM (148);
  layout->height = RONEO_MM (210);
  layout->margin_top = layout->margin_right = RONEO_MM (12);
  layout->margin_bottom = layout->margin_left = RONEO_MM (12);
  layout->background = white;
  layout->max_pages = 2;
  layout->valign = RONEO_VALIGN_SPREAD;
  layout->verso_valign = -1;
  layout->body_copy = RONEO_BODY_TEXT;
  layout->headline = style_default ("Roneo Display", 700, 72, RONEO_ALIGN_LEFT);
  layout->headline.min_size = 18;
  layout->headline.leading = 1.0;
  layout->headline.max_lines = 3;
  layout->headline.max_share = 0.45;
  layout->headline.min_ratio = 1.8;
  layout->headline.spread_after = 2;
  layout->subhead = style_default ("Roneo Sans", 700, 14, RONEO_ALIGN_LEFT);
  layout->subhead.spread_before = 1;
  layout->body = style_default ("Roneo Text", 400, 11, RONEO_ALIGN_JUSTIFY);
  layout->body.min_size = 9;
  layout->body.hyphenate = TRUE;
  layout->body.space_after = 6;
  layout->body.spread_after = 0.5;
  layout->list = style_default ("Roneo Text", 400, 11, RONEO_ALIGN_LEFT);
  layout->list.indent = 12;
  layout->quote = style_default ("Roneo Display", 700, 18, RONEO_ALIGN_CENTER);
  layout->quote.spread_before = 2;
  layout->footnotes = style_default ("Roneo Text", 400, 8, RONEO_ALIGN_LEFT);
  layout->footer = style_default ("Roneo Sans", 400, 9, RONEO_ALIGN_LEFT);
  layout->footer.spread_before = 1;
  layout->imprint = style_default ("Roneo Sans", 400, 6, RONEO_ALIGN_LEFT);
  layout->caption = style_default ("Roneo Sans", 400, 8, RONEO_ALIGN_LEFT);
  layout->caption.space_before = 3;
  layout->pictures = (RoneoPictures){
    .max_height = RONEO_MM (60),
    .min_height = RONEO_MM (30),
    .space_before = 6,
    .space_after = 6,
    .qr_size = RONEO_MM (25),
    .logo_position = RONEO_LOGO_TOP_LEFT,
    .logo_height = RONEO_MM (15),
    .logo_gap = RONEO_MM (4),
    .logo_height_share = 0.6,
    .logo_gap_share = 0.06,
  };
  layout->slogan = style_default ("Roneo Condensed", 700, 1000, RONEO_ALIGN_CENTER);
  layout->slogan.min_size = 12;
  layout->slogan.leading = 0.95;
  layout->slogan.max_lines = 3;
  layout->byline = style_default ("Roneo Sans", 700, 200, RONEO_ALIGN_CENTER);
  layout->byline.min_size = 8;
  layout->tiles = (RoneoTiles){
    .sheet_width = RONEO_MM (210),
    .sheet_height = RONEO_MM (297),
    .overlap = RONEO_MM (10),
    .printer_margin = { RONEO_MM (5), RONEO_MM (5), RONEO_MM (5), RONEO_MM (5) },
    .marks = TRUE,
    .cover = TRUE,
  };
  return layout;
}

RoneoLayout *
roneo_layout_copy (const RoneoLayout *layout)
{
  RoneoLayout *copy = g_new0 (RoneoLayout, 1);
  *copy = *layout;
  copy->name = g_strdup (layout->name);
  copy->description = g_strdup (layout->description);
  copy->descriptions = g_strdupv (layout->descriptions);
  copy->path = g_strdup (layout->path);
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    style_copy_into (roneo_layout_get_style_by_id (copy, i), roneo_layout_peek_style (layout, i));
  return copy;
}

void
roneo_layout_free (RoneoLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->name);
  g_free (layout->description);
  g_strfreev (layout->descriptions);
  g_free (layout->path);
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    style_clear (roneo_layout_get_style_by_id (layout, i));
  g_free (layout);
}

/* The entry of descriptions for lang ("fr=…"), or NULL. */
static char **
find_description (char **descriptions, const char *lang)
{
  gsize n = strlen (lang);
  for (char **d = descriptions; d != NULL && *d != NULL; d++)
    if (strncmp (*d, lang, n) == 0 && (*d)[n] == '=')
      return d;
  return NULL;
}

const char *
roneo_layout_get_description (const RoneoLayout *layout)
{
  /* the thread's message language when it has one (roneo_set_thread_language) */
  const char *own = roneo_intl_get_thread_language ();
  const char *const only_own[] = { own, NULL };
  const char *const *langs = own != NULL ? only_own : g_get_language_names ();
  for (const char *const *lang = langs; *lang != NULL; lang++)
    {
      char **found = find_description (layout->descriptions, *lang);
      if (found != NULL)
        return strchr (*found, '=') + 1;
    }
  return layout->description ? layout->description : "";
}

void
roneo_layout_set_translated_description (RoneoLayout *layout, const char *lang, const char *text)
{
  char *entry = g_strconcat (lang, "=", text, NULL);
  char **found = find_description (layout->descriptions, lang);
  if (found != NULL)
    {
      g_free (*found);
      *found = entry;
      return;
    }
  guint n = layout->descriptions ? g_strv_length (layout->descriptions) : 0;
  layout->descriptions = g_renew (char *, layout->descriptions, n + 2);
  layout->descriptions[n] = entry;
  layout->descriptions[n + 1] = NULL;
}

RoneoStyle *
roneo_layout_get_style (RoneoLayout *layout, const char *section)
{
  RoneoStyleId id;
  return roneo_style_from_name (section, &id) ? roneo_layout_get_style_by_id (layout, id) : NULL;
}

RoneoRect
roneo_layout_get_frame (const RoneoLayout *layout)
{
  RoneoRect frame = {
    .x = layout->margin_left,
    .y = layout->margin_top,
    .width = layout->width - layout->margin_left - layout->margin_right,
    .height = layout->height - layout->margin_top - layout->margin_bottom,
  };
  return frame;
}

RoneoRect
roneo_layout_get_column (const RoneoLayout *layout, double body_size)
{
  RoneoRect column = roneo_layout_get_frame (layout);
  /* a body shrunk for long copy keeps the grid: more characters a line, not
   * fewer lines a page */
  double ems = MAX (body_size, layout->body.size);
  double width = layout->column_em > 0 ? layout->column_em * ems : layout->column;
  if (width <= 0 || width >= column.width)
    return column;
  if (layout->column_align == RONEO_ALIGN_RIGHT)
    column.x += column.width - width;
  else if (layout->column_align == RONEO_ALIGN_CENTER)
    column.x += (column.width - width) / 2;
  column.width = width;
  return column;
}

const char *
roneo_align_to_string (RoneoAlign align)
{
  switch (align)
    {
    case RONEO_ALIGN_LEFT:
      return "left";
    case RONEO_ALIGN_CENTER:
      return "center";
    case RONEO_ALIGN_RIGHT:
      return "right";
    case RONEO_ALIGN_JUSTIFY:
      return "justify";
    default:
      return "?";
    }
}
