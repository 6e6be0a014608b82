#include "roneo-banner.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-fit.h"
#include "roneo-glyph-check.h"
#include "roneo-style.h"
#include "roneo-text-layout.h"
#include "roneo-typo.h"

#include <string.h>

#define MARGIN_SHARE 0.08     /* a margin never takes more than 8 % of the short side */
#define BYLINE_SHARE 0.2      /* the byline's box, of the frame height */
#define BYLINE_GAP 0.05       /* between slogan and byline, of the frame height */
#define BYLINE_RATIO 0.4      /* byline at most 40 % of the slogan's size */
#define LEGIBLE_FACTOR 300.0  /* cap height x 300: the farthest it reads */
#define IMPACT_FACTOR 120.0   /* cap height x 120: where it strikes */
#define LOGO_BESIDE_SHARE 0.3 /* a logo beside the slogan takes at most 30 % of the width */
#define LOGO_UNDER_SHARE 0.5  /* a logo under it at most half the frame's height */

double
roneo_banner_max_distance (double cap_height)
{
  return cap_height * LEGIBLE_FACTOR;
}

double
roneo_banner_impact_distance (double cap_height)
{
  return cap_height * IMPACT_FACTOR;
}

/* The slogan: every block but the signature, one forced break between them. */
static RoneoRichText *
slogan_text (const RoneoDocument *document)
{
  RoneoRichText *rich = roneo_rich_text_new ("");
  for (guint i = 0; i < document->blocks->len; i++)
    {
      const RoneoBlock *block = g_ptr_array_index (document->blocks, i);
      if (block->kind == RONEO_BLOCK_SIGNATURE || block->kind == RONEO_BLOCK_PAGE_BREAK)
        continue;
      g_autoptr (RoneoRichText) part = roneo_rich_text_new_from_block (block);
      if (rich->text->len > 0)
        roneo_rich_text_replace (rich, rich->text->len, rich->text->len, "\u2028");
      gsize at = rich->text->len;
      g_string_append_len (rich->text, part->text->str, part->text->len);
      for (guint s = 0; s < part->spans->len; s++)
        {
          RoneoSpan span = g_array_index (part->spans, RoneoSpan, s);
          span.start += at;
          span.end += at;
          g_array_append_val (rich->spans, span);
        }
    }
  return rich;
}

static void
prepare_display (RoneoRichText *rich, const RoneoStyle *style, const char *lang)
{
  /* the rules read the case as typed; uppercasing keeps their superscripts */
  roneo_typo_apply (rich, lang, RONEO_TYPO_DISPLAY);
  if (style->transform == RONEO_TRANSFORM_UPPERCASE)
    roneo_rich_text_uppercase (rich, lang);
}

static RoneoRect
banner_frame (const RoneoLayout *layout, double width, double height)
{
  double cap = MARGIN_SHARE * MIN (width, height);
  double top = MIN (layout->margin_top, cap), bottom = MIN (layout->margin_bottom, cap);
  double left = MIN (layout->margin_left, cap), right = MIN (layout->margin_right, cap);
  return (RoneoRect){ left, top, width - left - right, height - top - bottom };
}

/* Fits rich in style into a box, the largest size being what the box allows. */
static RoneoFit
fit_in_box (const RoneoComposeContext *cc, const RoneoRichText *rich, const RoneoStyle *style,
            double width, double height, double largest)
{
  RoneoStyle sized = *style;
  sized.size = MAX (sized.min_size, MIN (style->size, largest));
  /* The user's own line breaks are lines the style must allow. */
  guint forced = 1;
  for (const char *p = strstr (rich->text->str, "\u2028"); p; p = strstr (p + 1, "\u2028"))
    forced++;
  if (sized.max_lines > 0)
    sized.max_lines = MAX (sized.max_lines, forced);
  return roneo_fit_text (cc->context, rich, &sized, cc->lang, width, height);
}

static double
fit_height (const RoneoFit *fit)
{
  return pango_units_to_double (fit->ink.height);
}

static void
place_fit (RoneoPage *page, const char *role, const RoneoFit *fit, const RoneoStyle *style,
           const RoneoRect *frame, double top)
{
  double x = frame->x + (frame->width - fit->width) / 2;
  if (style->align == RONEO_ALIGN_LEFT)
    x = frame->x;
  else if (style->align == RONEO_ALIGN_RIGHT)
    x = frame->x + frame->width - fit->width;
  roneo_page_add_text (page, role, fit->layout, x, top - pango_units_to_double (fit->ink.y),
                       fit->size, &style->color);
}

/* --- the logo ------------------------------------------------------------ */

typedef struct
{
  RoneoImage *image; /* borrowed from the job's set, NULL: no logo */
  gboolean under;    /* under the slogan, else beside it */
  gboolean right;    /* beside it on its right */
  double width, height, gap;
} Logo;

static gboolean
load_logo (const RoneoComposeContext *cc, const RoneoDocument *document, RoneoImageSet **own,
           RoneoImage **image, GError **error)
{
  *image = NULL;
  if (document->logo == NULL)
    return TRUE;
  RoneoImageSet *set = cc->images;
  if (set == NULL)
    set = *own = roneo_image_set_new ();
  *image = roneo_image_set_get (set, document->logo, document->source, error);
  return *image != NULL;
}

/* The logo's size from [logo]: a share of the frame's height (or a length),
 * narrowed so the slogan keeps most of the width, or of the height under it. */
static Logo
logo_size (const RoneoLayout *layout, RoneoImage *image, const RoneoRect *frame)
{
  const RoneoPictures *pictures = &layout->pictures;
  Logo logo = { image, pictures->logo_position == RONEO_LOGO_FOOTER,
                pictures->logo_position == RONEO_LOGO_TOP_RIGHT };
  if (image == NULL)
    return logo;
  double aspect = roneo_image_get_aspect (image);
  double height = pictures->logo_height_share > 0 ? pictures->logo_height_share * frame->height
                                                  : pictures->logo_height;
  height = MIN (height, frame->height * (logo.under ? LOGO_UNDER_SHARE : 1));
  double width = MIN (height * aspect, frame->width * (logo.under ? 1 : LOGO_BESIDE_SHARE));
  logo.width = width;
  logo.height = width / aspect;
  logo.gap = pictures->logo_gap_share > 0 ? pictures->logo_gap_share * frame->height
                                          : pictures->logo_gap;
  return logo;
}

/* What the logo leaves of the frame to the slogan and its byline. */
static RoneoRect
text_frame (const Logo *logo, const RoneoRect *frame)
{
  RoneoRect text = *frame;
  if (logo->image == NULL)
    return text;
  if (logo->under)
    text.height -= logo->height + logo->gap;
  else
    {
      text.width -= logo->width + logo->gap;
      if (!logo->right)
        text.x += logo->width + logo->gap;
    }
  return text;
}

/* Beside: the logo, the gap and the slogan as one group centred in the
 * frame, so a slogan narrower than its column keeps the logo at the gap.
 * *column becomes the slogan's column; returns the logo's rectangle. */
static RoneoRect
place_beside (const Logo *logo, const RoneoRect *frame, double text_width, RoneoRect *column)
{
  double group = logo->width + logo->gap + text_width;
  double left = frame->x + (frame->width - group) / 2;
  double y = frame->y + (frame->height - logo->height) / 2;
  column->width = text_width;
  column->x = logo->right ? left : left + logo->width + logo->gap;
  double x = logo->right ? left + text_width + logo->gap : left;
  return (RoneoRect){ x, y, logo->width, logo->height };
}

/* A word wider than the banner would be cut off at its edge. Clears the fits. */
static RoneoPage *
wide_word_error (const RoneoDocument *document, RoneoFit *fit, RoneoFit *by, double measure,
                 GError **error)
{
  gboolean slogan = fit->wide_word != NULL;
  const RoneoFit *wide = slogan ? fit : by;
  const RoneoBlock *block = slogan ? roneo_fit_find_block (wide, document)
                                   : roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE);
  RoneoStyleId style = slogan ? RONEO_STYLE_SLOGAN : RONEO_STYLE_BYLINE;
  roneo_fit_set_wide_word_error (wide, document->source, block, style, measure, error);
  roneo_fit_clear (fit);
  roneo_fit_clear (by);
  return NULL;
}

/* The slogan and its byline fitted in box. */
static gboolean
fit_slogan (const RoneoComposeContext *cc, const RoneoDocument *document, const RoneoLayout *layout,
            RoneoRichText *slogan, const RoneoRect *box, RoneoFit *fit, RoneoFit *by,
            GError **error)
{
  const RoneoBlock *signature = roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE);
  double slogan_box = box->height * (signature ? 1 - BYLINE_SHARE - BYLINE_GAP : 1);
  *fit = fit_in_box (cc, slogan, &layout->slogan, box->width, slogan_box, slogan_box * 1.5);
  if (signature != NULL)
    {
      g_autoptr (RoneoRichText) byline = roneo_rich_text_new_from_block (signature);
      prepare_display (byline, &layout->byline, cc->lang);
      *by = fit_in_box (cc, byline, &layout->byline, box->width, box->height * BYLINE_SHARE,
                        fit->size * BYLINE_RATIO);
    }
  if (fit->wide_word != NULL || by->wide_word != NULL)
    {
      wide_word_error (document, fit, by, box->width, error);
      return FALSE;
    }
  return TRUE;
}

/* The logo on the page beside or under the text block of height block,
 * which starts at *top; *column is where the slogan is centred. */
static RoneoItem *
add_logo (RoneoPage *page, const Logo *logo, const RoneoRect *frame, const RoneoFit *fit,
          const RoneoFit *by, double block, double *top, RoneoRect *column)
{
  if (logo->image == NULL)
    return NULL;
  RoneoRect rect;
  if (logo->under)
    {
      *top = frame->y + (frame->height - block - logo->gap - logo->height) / 2;
      rect = (RoneoRect){ frame->x + (frame->width - logo->width) / 2, *top + block + logo->gap,
                          logo->width, logo->height };
    }
  else
    rect = place_beside (logo, frame, MAX (fit->width, by->layout ? by->width : 0), column);
  return roneo_page_add_image (page, "logo", logo->image, &rect);
}

RoneoPage *
roneo_compose_banner (const RoneoComposeContext *cc, const RoneoDocument *document,
                      const RoneoLayout *layout, double width, double height, RoneoBannerInfo *info,
                      GError **error)
{
  g_autoptr (RoneoRichText) slogan = slogan_text (document);
  if (slogan->text->len == 0)
    {
      g_set_error (error, RONEO_ERROR, RONEO_ERROR_INPUT,
                   _ ("%s: no slogan (write it on the first lines of the file)"), document->source);
      return NULL;
    }
  g_autoptr (RoneoImageSet) own = NULL;
  RoneoImage *image = NULL;
  if (!load_logo (cc, document, &own, &image, error))
    return NULL;
  prepare_display (slogan, &layout->slogan, cc->lang);
  const RoneoBlock *signature = roneo_document_find_block (document, RONEO_BLOCK_SIGNATURE);
  RoneoRect frame = banner_frame (layout, width, height);
  Logo logo = logo_size (layout, image, &frame);
  RoneoRect column = text_frame (&logo, &frame);
  RoneoFit fit = { 0 }, by = { 0 };
  if (!fit_slogan (cc, document, layout, slogan, &column, &fit, &by, error))
    return NULL;
  double gap = column.height * BYLINE_GAP;
  double block = fit_height (&fit) + (by.layout ? gap + fit_height (&by) : 0);
  double top = frame.y + (frame.height - block) / 2;
  RoneoPage *page = roneo_page_new (width, height, 1);
  page->background = layout->background;
  RoneoItem *item = add_logo (page, &logo, &frame, &fit, &by, block, &top, &column);
  place_fit (page, roneo_style_name (RONEO_STYLE_SLOGAN), &fit, &layout->slogan, &column, top);
  g_autoptr (GHashTable) seen = roneo_compose_new_glyph_seen ();
  roneo_compose_check_glyphs (cc->warnings, seen, fit.layout, document->source, document->blocks,
                              g_ptr_array_index (document->blocks, 0));
  if (by.layout != NULL)
    {
      place_fit (page, roneo_style_name (RONEO_STYLE_BYLINE), &by, &layout->byline, &column,
                 top + fit_height (&fit) + gap);
      roneo_compose_check_glyphs (cc->warnings, seen, by.layout, document->source, NULL, signature);
    }
  *info
      = (RoneoBannerInfo){ fit.size, roneo_text_cap_height (cc->context, &layout->slogan, fit.size),
                           fit.lines, fit.fits && (by.layout == NULL || by.fits) };
  if (item != NULL)
    {
      info->logo = item->rect;
      info->logo_dpi = roneo_item_get_dpi (item);
    }
  roneo_fit_clear (&fit);
  roneo_fit_clear (&by);
  return page;
}
