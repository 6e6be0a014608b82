/* roneo-layout-keys.c: the sections and keys of a layout file, and their setters.
 *
 * One table per section kind ([layout], [page], the block styles) maps a key
 * to the setter that reads its value (roneo-layout-values.c) and stores it.
 * roneo_layout_set_value() dispatches through them, for a layout file and a
 * front matter override alike. A setter sees the layout as set so far: the
 * reader orders the keys (sizes first) so that relative ones find their base.
 */
#include "roneo-layout-parser.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-layout-keys-private.h"
#include "roneo-layout-values-private.h"
#include "roneo-style.h"

#include <string.h>

#define MAX_LEADING 3.0
#define MAX_SPREAD_WEIGHT 100.0

/* ---- [layout] and [page] ---- */

typedef gboolean (*LayoutSetter) (RoneoLayout *layout, const char *value, GError **error);

static gboolean
set_name (RoneoLayout *layout, const char *value, GError **error)
{
  if (*value == '\0')
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("the name is empty"));
      return FALSE;
    }
  g_free (layout->name);
  layout->name = g_strdup (value);
  return TRUE;
}

static gboolean
set_description (RoneoLayout *layout, const char *value, GError **error)
{
  g_free (layout->description);
  layout->description = g_strdup (value);
  return TRUE;
}

static gboolean
set_kind (RoneoLayout *layout, const char *value, GError **error)
{
  int kind = 0;
  if (!roneo_layout_value_kind (value, &kind, error))
    return FALSE;
  layout->kind = kind;
  return TRUE;
}

static gboolean
set_size (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_page_size_parse (value, &layout->width, &layout->height, error);
}

/* Applied after size, so "landscape" turns whatever size the page has. */
static gboolean
set_orientation (RoneoLayout *layout, const char *value, GError **error)
{
  int landscape = 0;
  if (!roneo_layout_value_orientation (value, &landscape, error))
    return FALSE;
  if (landscape == (layout->width < layout->height))
    {
      double swap = layout->width;
      layout->width = layout->height;
      layout->height = swap;
    }
  return TRUE;
}

static gboolean
set_margin (RoneoLayout *layout, const char *value, GError **error)
{
  double sides[4];
  if (!roneo_layout_value_margins (value, sides, error))
    return FALSE;
  layout->margin_top = sides[0];
  layout->margin_right = sides[1];
  layout->margin_bottom = sides[2];
  layout->margin_left = sides[3];
  return TRUE;
}

static gboolean
set_margin_top (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->margin_top, error);
}

static gboolean
set_margin_right (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->margin_right, error);
}

static gboolean
set_margin_bottom (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->margin_bottom, error);
}

static gboolean
set_margin_left (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->margin_left, error);
}

static gboolean
set_bleed (RoneoLayout *layout, const char *value, GError **error)
{
  double bleed = 0;
  if (!roneo_layout_value_length (value, &bleed, error))
    return FALSE;
  if (bleed > RONEO_MM (20))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("bleed '%s' is more than 20 mm (print shops ask for 2 to 5 mm)"), value);
      return FALSE;
    }
  layout->bleed = bleed;
  return TRUE;
}

static gboolean
set_page_background (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_color_parse (value, &layout->background, error);
}

static gboolean
set_pages (RoneoLayout *layout, const char *value, GError **error)
{
  if (g_strcmp0 (value, "1") != 0 && g_strcmp0 (value, "2") != 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("pages '%s' must be 1 (recto only) or 2 (recto and verso)"), value);
      return FALSE;
    }
  layout->max_pages = value[0] - '0';
  return TRUE;
}

static gboolean
set_valign (RoneoLayout *layout, const char *value, GError **error)
{
  int valign = 0;
  if (!roneo_layout_value_valign (value, &valign, error))
    return FALSE;
  layout->valign = valign;
  return TRUE;
}

/* A verso with little copy is a page of its own (the card's back, the end of
 * a short tract): it may sit otherwise than the recto. */
static gboolean
set_verso_valign (RoneoLayout *layout, const char *value, GError **error)
{
  int valign = 0;
  if (!roneo_layout_value_valign (value, &valign, error))
    return FALSE;
  layout->verso_valign = valign;
  return TRUE;
}

/* The text column's width: a length, or ems of the body's size ("28em"),
 * which is how a designer gives a measure in characters per line. */
static gboolean
set_column (RoneoLayout *layout, const char *value, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (value));
  if (g_str_has_suffix (clean, "em"))
    {
      char *end = NULL;
      double ems = g_ascii_strtod (clean, &end);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == clean || g_strcmp0 (end, "em") != 0 || !(ems >= 10 && ems <= 200))
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                       _ ("column '%s' must be from 10em to 200em (ems of the body size)"), value);
          return FALSE;
        }
      layout->column_em = ems;
      layout->column = 0;
      return TRUE;
    }
  layout->column_em = 0;
  return roneo_layout_value_length (value, &layout->column, error);
}

static gboolean
set_column_align (RoneoLayout *layout, const char *value, GError **error)
{
  int align = 0;
  if (!roneo_layout_value_align (value, &align, error))
    return FALSE;
  if (align == RONEO_ALIGN_JUSTIFY)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("column-align '%s' must be left, center or right"), value);
      return FALSE;
    }
  layout->column_align = align;
  return TRUE;
}

/* A placard carries a slogan: copy it cannot carry is refused rather than
 * set in small type under it (roneo-prepare.c says what a line is). */
static gboolean
set_body_copy (RoneoLayout *layout, const char *value, GError **error)
{
  int body_copy = 0;
  if (!roneo_layout_value_body_copy (value, &body_copy, error))
    return FALSE;
  layout->body_copy = (RoneoBodyCopy) body_copy;
  return TRUE;
}

/* "display": the recto is the card's face, its headline and first subheads
 * alone; "copy" (the default): the copy starts on the recto. */
static gboolean
set_recto (RoneoLayout *layout, const char *value, GError **error)
{
  int display = FALSE;
  if (!roneo_layout_value_recto (value, &display, error))
    return FALSE;
  layout->recto_display = display;
  return TRUE;
}

typedef struct
{
  const char *key;
  LayoutSetter set;
} LayoutKey;

static const LayoutKey layout_keys[] = {
  { "name", set_name },
  { "description", set_description },
  { "kind", set_kind },
};

static gboolean
set_links (RoneoLayout *layout, const char *value, GError **error)
{
  if (strcmp (value, "annotation") == 0)
    layout->links = RONEO_LINKS_ANNOTATION;
  else if (strcmp (value, "footnote") == 0)
    layout->links = RONEO_LINKS_FOOTNOTE;
  else
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("bad links '%s' (use annotation or footnote)"), value);
      return FALSE;
    }
  return TRUE;
}

static const LayoutKey page_keys[] = {
  { "size", set_size },
  { "orientation", set_orientation },
  { "margin", set_margin },
  { "margin-top", set_margin_top },
  { "margin-right", set_margin_right },
  { "margin-bottom", set_margin_bottom },
  { "margin-left", set_margin_left },
  { "bleed", set_bleed },
  { "background", set_page_background },
  { "pages", set_pages },
  { "valign", set_valign },
  { "verso-valign", set_verso_valign },
  { "column", set_column },
  { "column-align", set_column_align },
  { "body", set_body_copy },
  { "recto", set_recto },
  /* A link's address also printed as a note (footnote), or only followable (annotation). */
  { "links", set_links },
};

/* ---- banner tiles ---- */

static gboolean
set_sheet (RoneoLayout *layout, const char *value, GError **error)
{
  double width = 0, height = 0;
  if (!roneo_page_size_parse (value, &width, &height, error))
    return FALSE;
  layout->tiles.sheet_width = MIN (width, height);
  layout->tiles.sheet_height = MAX (width, height);
  return TRUE;
}

static gboolean
set_overlap (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->tiles.overlap, error);
}

static gboolean
set_printer_margin (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_margins (value, layout->tiles.printer_margin, error);
}

static gboolean
set_marks (RoneoLayout *layout, const char *value, GError **error)
{
  int marks = 0;
  if (!roneo_layout_value_bool (value, &marks, error))
    return FALSE;
  layout->tiles.marks = marks;
  return TRUE;
}

static gboolean
set_cover (RoneoLayout *layout, const char *value, GError **error)
{
  int cover = 0;
  if (!roneo_layout_value_bool (value, &cover, error))
    return FALSE;
  layout->tiles.cover = cover;
  return TRUE;
}

static const LayoutKey tiles_keys[] = {
  { "sheet", set_sheet }, { "overlap", set_overlap }, { "printer-margin", set_printer_margin },
  { "marks", set_marks }, { "cover", set_cover },
};

/* ---- pictures: [image] and [logo] ---- */

static gboolean
set_image_max_height (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->pictures.max_height, error);
}

static gboolean
set_image_min_height (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->pictures.min_height, error);
}

static gboolean
set_image_space_before (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->pictures.space_before, error);
}

static gboolean
set_image_space_after (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->pictures.space_after, error);
}

static gboolean
set_image_qr_size (RoneoLayout *layout, const char *value, GError **error)
{
  return roneo_layout_value_length (value, &layout->pictures.qr_size, error);
}

static const LayoutKey image_keys[] = {
  { "max-height", set_image_max_height },     { "min-height", set_image_min_height },
  { "space-before", set_image_space_before }, { "space-after", set_image_space_after },
  { "qr-size", set_image_qr_size },
};

/* Flyers say top-left, top-right, footer; banners left, right, under: the
 * same three places, read by each composer its own way. */
static gboolean
set_logo_position (RoneoLayout *layout, const char *value, GError **error)
{
  static const char *const names[] = { "top-left", "top-right", "footer" };
  static const char *const banner_names[] = { "left", "right", "under" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (value, names[i]) == 0 || strcmp (value, banner_names[i]) == 0)
      {
        layout->pictures.logo_position = i;
        return TRUE;
      }
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
               _ ("position '%s' must be top-left, top-right or footer (on a banner: left, "
                  "right or under)"),
               value);
  return FALSE;
}

/* "60%": a share of the banner's frame height, for banner layouts only (a
 * flyer's logo has a fixed height). FALSE with *is_share FALSE when value is
 * not a percentage at all. */
static gboolean
logo_share (const RoneoLayout *layout, const char *value, double *share, gboolean *is_share,
            GError **error)
{
  *is_share = g_str_has_suffix (value, "%");
  if (!*is_share)
    return FALSE;
  char *end = NULL;
  double percent = g_ascii_strtod (value, &end);
  if (layout->kind != RONEO_LAYOUT_BANNER)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                 _ ("'%s' is a share of a banner's height; a flyer's logo takes a length like "
                    "15mm"),
                 value);
  else if (end == value || *end != '%' || !(percent > 0 && percent <= 100))
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                 _ ("'%s' is not a share from 1%% to 100%% of the banner's height"), value);
  else
    {
      *share = percent / 100;
      return TRUE;
    }
  return FALSE;
}

static gboolean
set_logo_height (RoneoLayout *layout, const char *value, GError **error)
{
  gboolean is_share = FALSE;
  if (logo_share (layout, value, &layout->pictures.logo_height_share, &is_share, error))
    return TRUE;
  if (is_share)
    return FALSE;
  layout->pictures.logo_height_share = 0;
  return roneo_layout_value_length (value, &layout->pictures.logo_height, error);
}

static gboolean
set_logo_gap (RoneoLayout *layout, const char *value, GError **error)
{
  gboolean is_share = FALSE;
  if (logo_share (layout, value, &layout->pictures.logo_gap_share, &is_share, error))
    return TRUE;
  if (is_share)
    return FALSE;
  layout->pictures.logo_gap_share = 0;
  return roneo_layout_value_length (value, &layout->pictures.logo_gap, error);
}

static const LayoutKey logo_keys[] = {
  { "position", set_logo_position },
  { "height", set_logo_height },
  { "gap", set_logo_gap },
};

/* ---- block styles ---- */

typedef gboolean (*StyleSetter) (RoneoStyle *style, const char *value, GError **error);

static gboolean
set_font (RoneoStyle *style, const char *value, GError **error)
{
  if (*value == '\0')
    {
      g_set_error_literal (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                           _ ("the font is empty (name a family like Roneo Text)"));
      return FALSE;
    }
  g_free (style->font);
  style->font = g_strdup (value);
  return TRUE;
}

static gboolean
set_weight (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_layout_value_weight (value, &style->weight, error);
}

static gboolean
set_italic (RoneoStyle *style, const char *value, GError **error)
{
  int italic = 0;
  if (!roneo_layout_value_italic (value, &italic, error))
    return FALSE;
  style->italic = italic;
  return TRUE;
}

/* A block that did not shrink (min-size = size) still does not; one that
 * could shrink keeps its floor unless it is now above the size. */
static gboolean
set_font_size (RoneoStyle *style, const char *value, GError **error)
{
  double size = 0;
  if (!roneo_layout_value_font_size (value, &size, error))
    return FALSE;
  if (style->min_size == style->size || style->min_size > size)
    style->min_size = size;
  style->size = size;
  return TRUE;
}

static gboolean
set_min_size (RoneoStyle *style, const char *value, GError **error)
{
  double size = 0;
  if (!roneo_layout_value_font_size (value, &size, error))
    return FALSE;
  if (size > style->size)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("min-size %gpt is larger than size %gpt (lower min-size or raise size)"),
                   size, style->size);
      return FALSE;
    }
  style->min_size = size;
  return TRUE;
}

/* "1.15" is a ratio of the size, "13pt" a baseline pitch made into one. */
static gboolean
set_leading (RoneoStyle *style, const char *value, GError **error)
{
  gsize len = strlen (value);
  double number = -1;
  if (len > 0 && g_ascii_isalpha (value[len - 1]))
    {
      if (roneo_length_parse_kind (value, RONEO_LENGTH_TYPE, &number, NULL))
        number /= style->size;
    }
  else if (!roneo_number_parse (value, &number))
    number = -1;
  if (!(number > 0 && number <= MAX_LEADING))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("bad leading '%s' (use a ratio of the size above 0 and at most 3, "
                      "like 1.2, or a length like 13pt)"),
                   value);
      return FALSE;
    }
  style->leading = number;
  return TRUE;
}

static gboolean
set_align (RoneoStyle *style, const char *value, GError **error)
{
  int align = 0;
  if (!roneo_layout_value_align (value, &align, error))
    return FALSE;
  style->align = align;
  return TRUE;
}

static gboolean
set_justify (RoneoStyle *style, const char *value, GError **error)
{
  int justify = 0;
  if (!roneo_layout_value_bool (value, &justify, error))
    return FALSE;
  if (justify)
    style->align = RONEO_ALIGN_JUSTIFY;
  else if (style->align == RONEO_ALIGN_JUSTIFY)
    style->align = RONEO_ALIGN_LEFT;
  return TRUE;
}

static gboolean
set_hyphenate (RoneoStyle *style, const char *value, GError **error)
{
  int hyphenate = 0;
  if (!roneo_layout_value_bool (value, &hyphenate, error))
    return FALSE;
  style->hyphenate = hyphenate;
  return TRUE;
}

static gboolean
set_transform (RoneoStyle *style, const char *value, GError **error)
{
  int transform = 0;
  if (!roneo_layout_value_transform (value, &transform, error))
    return FALSE;
  style->transform = transform;
  return TRUE;
}

static gboolean
set_max_lines (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_layout_value_uint (value, 100, &style->max_lines, error);
}

static gboolean
set_color (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_color_parse (value, &style->color, error);
}

/* "none" takes a background away. */
static gboolean
set_background (RoneoStyle *style, const char *value, GError **error)
{
  if (g_ascii_strcasecmp (value, "none") == 0)
    {
      style->has_background = FALSE;
      return TRUE;
    }
  if (!roneo_color_parse (value, &style->background, error))
    return FALSE;
  style->has_background = TRUE;
  return TRUE;
}

static gboolean
set_space_before (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_layout_value_length_kind (value, RONEO_LENGTH_TYPE, &style->space_before, error);
}

static gboolean
set_space_after (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_layout_value_length_kind (value, RONEO_LENGTH_TYPE, &style->space_after, error);
}

static gboolean
set_indent (RoneoStyle *style, const char *value, GError **error)
{
  return roneo_layout_value_length_kind (value, RONEO_LENGTH_TYPE, &style->indent, error);
}

static gboolean
set_break_words (RoneoStyle *style, const char *value, GError **error)
{
  int break_words = 0;
  if (!roneo_layout_value_bool (value, &break_words, error))
    return FALSE;
  style->break_words = break_words;
  return TRUE;
}

static gboolean
set_stack (RoneoStyle *style, const char *value, GError **error)
{
  int stack = 0;
  if (!roneo_layout_value_bool (value, &stack, error))
    return FALSE;
  style->stack = stack;
  return TRUE;
}

/* A share of the frame height the headline may grow to: above 0, at most 1. */
static gboolean
set_max_share (RoneoStyle *style, const char *value, GError **error)
{
  double share = -1;
  if (!roneo_number_parse (value, &share) || !(share >= 0 && share <= 1))
    {
      g_set_error (
          error, RONEO_ERROR, RONEO_ERROR_INPUT,
          _ ("bad max-share '%s' (use a share of the frame height from 0 to 1, like 0.45)"), value);
      return FALSE;
    }
  style->max_share = share;
  return TRUE;
}

/* The headline's smallest size as a ratio of the body's: 0 (any) or from 1
 * (a headline no larger than the body is no headline) to 10. */
static gboolean
set_min_ratio (RoneoStyle *style, const char *value, GError **error)
{
  double ratio = -1;
  if (!roneo_number_parse (value, &ratio) || !(ratio == 0 || (ratio >= 1 && ratio <= 10)))
    {
      g_set_error (
          error, RONEO_ERROR, RONEO_ERROR_INPUT,
          _ ("bad min-ratio '%s' (use a ratio of the headline size to the body size from 1 "
             "to 10, like 1.8, or 0 to allow any size)"),
          value);
      return FALSE;
    }
  style->min_ratio = ratio;
  return TRUE;
}

static gboolean
set_spread_weight (double *weight, const char *key, const char *value, GError **error)
{
  double number = -1;
  if (!roneo_number_parse (value, &number) || !(number >= 0 && number <= MAX_SPREAD_WEIGHT))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("bad %s '%s' (use a weight from 0 to %g, like 1)"), key, value,
                   MAX_SPREAD_WEIGHT);
      return FALSE;
    }
  *weight = number;
  return TRUE;
}

static gboolean
set_spread_before (RoneoStyle *style, const char *value, GError **error)
{
  return set_spread_weight (&style->spread_before, "spread-before", value, error);
}

static gboolean
set_spread_after (RoneoStyle *style, const char *value, GError **error)
{
  return set_spread_weight (&style->spread_after, "spread-after", value, error);
}

/* ---- a card: fitted subheads, a body that grows ---- */

static gboolean
set_fit (RoneoStyle *style, const char *value, GError **error)
{
  int fit = 0;
  if (!roneo_layout_value_bool (value, &fit, error))
    return FALSE;
  style->fit = fit;
  return TRUE;
}

static gboolean
set_grow_size (RoneoStyle *style, const char *value, GError **error)
{
  double size = 0;
  if (!roneo_layout_value_font_size (value, &size, error))
    return FALSE;
  style->grow_size = size;
  return TRUE;
}

/* ---- line breaking ---- */

static gboolean
set_breaker (RoneoStyle *style, const char *value, GError **error)
{
  if (strcmp (value, "total-fit") == 0)
    style->breaker = RONEO_BREAKER_TOTAL_FIT;
  else if (strcmp (value, "greedy") == 0)
    style->breaker = RONEO_BREAKER_GREEDY;
  else
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("bad breaker '%s' (use total-fit or greedy)"), value);
      return FALSE;
    }
  return TRUE;
}

/* "2%" or "0": at most 5 %, beyond which letters visibly change shape. */
static gboolean
set_expansion (RoneoStyle *style, const char *value, GError **error)
{
  char *end = NULL;
  double percent = g_ascii_strtod (value, &end);
  if (end == value || (*end != '\0' && strcmp (end, "%") != 0) || !(percent >= 0 && percent <= 5)
      || (*end == '\0' && percent != 0))
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   "bad expansion '%s' (use a percentage from 0%% to 5%%, e.g. 2%%)", value);
      return FALSE;
    }
  style->expansion = percent / 100;
  return TRUE;
}

typedef struct
{
  const char *key;
  StyleSetter set;
} StyleKey;

static const StyleKey style_keys[] = {
  { "font", set_font },
  { "weight", set_weight },
  { "style", set_italic },
  { "size", set_font_size },
  { "min-size", set_min_size },
  { "max-size", set_font_size },
  { "leading", set_leading },
  { "align", set_align },
  { "justify", set_justify },
  { "hyphenate", set_hyphenate },
  { "transform", set_transform },
  { "max-lines", set_max_lines },
  { "color", set_color },
  { "background", set_background },
  { "space-before", set_space_before },
  { "space-after", set_space_after },
  { "indent", set_indent },
  /* Fitted blocks (headline, quote, slogan, byline): a word wider than the
   * measure at min-size is cut across lines (true); by default (false) it is
   * a fit error naming the word. Body text always breaks such a word, with a
   * warning. */
  { "break-words", set_break_words },
  /* The headline of a placard: each line at its own size, filling the measure. */
  { "stack", set_stack },
  /* The headline: how tall short copy lets it grow (size is then a preference). */
  { "max-share", set_max_share },
  /* The headline: below this ratio to the body size the copy is refused. */
  { "min-ratio", set_min_ratio },
  /* [page] valign = spread: the weights of the spare height around each block. */
  { "spread-before", set_spread_before },
  { "spread-after", set_spread_after },
  /* The subhead: the subheads before the first body block fitted like a headline. */
  { "fit", set_fit },
  /* The body: how large short copy lets it grow (default 130 % of size). */
  { "grow-size", set_grow_size },
  /* Running text: total-fit breaks (default), or greedy ones to compare with. */
  { "breaker", set_breaker },
  /* Justified running text: glyphs widened or narrowed by at most this much. */
  { "expansion", set_expansion },
};

/* ---- one key ---- */

#define KEY_NAMES(keys) key_names (&(keys)[0].key, sizeof (keys)[0], G_N_ELEMENTS (keys))

static char *
key_names (const char *const *first, gsize stride, gsize n)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    {
      const char *const *name = (const char *const *) ((const char *) first + i * stride);
      g_string_append_printf (names, "%s%s", i == 0 ? "" : ", ", *name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
set_unknown_key (const char *section, const char *key, char *known, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("unknown key '%s' in [%s] (known: %s)"),
               key, section, known);
  g_free (known);
}

static gboolean
set_layout_key (RoneoLayout *layout, const LayoutKey *keys, gsize n, const char *section,
                const char *key, const char *value, GError **error)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (keys[i].key, key) == 0)
      return keys[i].set (layout, value, error);
  set_unknown_key (section, key, key_names (&keys[0].key, sizeof keys[0], n), error);
  return FALSE;
}

static gboolean
set_style_key (RoneoStyle *style, const char *section, const char *key, const char *value,
               GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (style_keys); i++)
    if (strcmp (style_keys[i].key, key) == 0)
      return style_keys[i].set (style, value, error);
  set_unknown_key (section, key, KEY_NAMES (style_keys), error);
  return FALSE;
}

static char *
section_names (void)
{
  g_autoptr (GString) names = g_string_new ("layout, page, tiles, image, logo");
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    g_string_append_printf (names, ", %s", roneo_style_name (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
roneo_layout_is_known_section (const char *section)
{
  RoneoStyleId id;
  return g_strcmp0 (section, "layout") == 0 || g_strcmp0 (section, "page") == 0
         || g_strcmp0 (section, "tiles") == 0 || g_strcmp0 (section, "image") == 0
         || g_strcmp0 (section, "logo") == 0 || roneo_style_from_name (section, &id);
}

void
roneo_layout_unknown_section_error (const char *section, GError **error)
{
  g_autofree char *known = section_names ();
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT, _ ("unknown section [%s] (known: %s)"),
               section, known);
}

gboolean
roneo_layout_set_value (RoneoLayout *layout, const char *section, const char *key,
                        const char *value, GError **error)
{
  g_return_val_if_fail (layout != NULL && section != NULL && key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_autofree char *clean = g_strstrip (g_strdup (value));
  RoneoStyle *style = roneo_layout_get_style (layout, section);
  if (style != NULL)
    return set_style_key (style, section, key, clean, error);
  if (strcmp (section, "layout") == 0 && g_str_has_prefix (key, "description[")
      && g_str_has_suffix (key, "]") && strlen (key) > strlen ("description[]"))
    {
      /* GKeyFile's localized key: description[fr], shown under a French locale */
      g_autofree char *lang
          = g_strndup (key + strlen ("description["), strlen (key) - strlen ("description[]"));
      roneo_layout_set_translated_description (layout, lang, clean);
      return TRUE;
    }
  if (strcmp (section, "layout") == 0)
    return set_layout_key (layout, layout_keys, G_N_ELEMENTS (layout_keys), section, key, clean,
                           error);
  if (strcmp (section, "page") == 0)
    return set_layout_key (layout, page_keys, G_N_ELEMENTS (page_keys), section, key, clean, error);
  if (strcmp (section, "tiles") == 0)
    return set_layout_key (layout, tiles_keys, G_N_ELEMENTS (tiles_keys), section, key, clean,
                           error);
  if (strcmp (section, "image") == 0)
    return set_layout_key (layout, image_keys, G_N_ELEMENTS (image_keys), section, key, clean,
                           error);
  if (strcmp (section, "logo") == 0)
    return set_layout_key (layout, logo_keys, G_N_ELEMENTS (logo_keys), section, key, clean, error);
  roneo_layout_unknown_section_error (section, error);
  return FALSE;
}

const char *
roneo_layout_page_key (guint i)
{
  return i < G_N_ELEMENTS (page_keys) ? page_keys[i].key : NULL;
}
