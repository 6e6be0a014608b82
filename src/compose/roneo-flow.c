/* roneo-flow.c: the overflow policy and roneo_compose_document().
 *
 * Draft runs (roneo-flow-run.c) find the largest body size that fits each
 * page count in turn; the run kept is then made for real.
 */
#include "roneo-flow-private.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"

#include <math.h>

#define HEADLINE_SHARE 0.38       /* of the frame height, when copy follows */
#define HEADLINE_SHARE_ALONE 0.85 /* a headline with little else (placards) */
#define QUOTE_SHARE 0.3
#define SUBHEAD_SHARE 0.3           /* a fitted subhead's box, unless its max-share says */
#define SIZE_STEP (PANGO_SCALE / 4) /* body sizes are tried in quarter points */
/* Short copy: the body grows to 130 % of its size, unless the layout's
 * grow-size says how far; it then still leaves 8 % of the frame free. */
#define GROW_DEFAULT 1.3
#define GROW_RESERVE 0.08
#define HEADLINE_FLOOR 6.0 /* pt: the smallest headline min-ratio = 0 lets through */

/* --- the overflow policy -------------------------------------------------- */

static guint
count_breaks (const Composer *c)
{
  guint breaks = 0;
  for (guint i = 0; i < c->n_blocks; i++)
    breaks += ((Prepared *) g_ptr_array_index (c->prepared, i))->role == ROLE_BREAK;
  return breaks;
}

/* The largest body size in [low, high] that fits on pages leaving reserve
 * pt free at the foot of each, or -1. at_low, when given, is the run at low
 * already made. */
static int
largest_fitting_size (Composer *c, int low, int high, guint pages, double reserve,
                      const Flow *at_low)
{
  g_autoptr (Flow) smallest = at_low ? NULL : roneo_flow_run (c, low, pages, TRUE);
  if (roneo_flow_overflow_reserving (at_low ? at_low : smallest, reserve) > 0)
    return -1;
  while (high - low > SIZE_STEP / 2)
    {
      int mid = low + ((high - low) / 2 / SIZE_STEP + 1) * SIZE_STEP;
      mid = MIN (mid, high);
      g_autoptr (Flow) trial = roneo_flow_run (c, mid, pages, TRUE);
      if (roneo_flow_overflow_reserving (trial, reserve) > 0)
        high = mid - SIZE_STEP / 2;
      else
        low = mid;
    }
  return low;
}

static GPtrArray *
take_pages (Flow *f, RoneoWarnings *warnings)
{
  for (guint i = 0; i < roneo_warnings_get_count (f->warnings); i++)
    {
      const RoneoWarning *warning = roneo_warnings_peek (f->warnings, i);
      roneo_warnings_add_at (warnings, roneo_warning_get_kind (warning),
                             roneo_warning_get_file (warning), roneo_warning_get_line (warning),
                             "%s", roneo_warning_get_message (warning));
    }
  GPtrArray *pages = g_steal_pointer (&f->pages);
  f->pages = g_ptr_array_new ();
  return pages;
}

static void
set_overflow_error (Composer *c, GError **error)
{
  const RoneoLayout *layout = c->layout;
  int min_size = pango_units_from_double (layout->body.min_size);
  g_autoptr (Flow) f = roneo_flow_run (c, min_size, layout->max_pages, TRUE);
  double overflow = roneo_flow_overflow (f);
  double pitch = layout->body.min_size * layout->body.leading;
  guint lines = (guint) ceil (overflow / pitch);
  double measure = roneo_layout_get_column (layout, layout->body.min_size).width;
  guint words = (guint) ceil (lines * measure / (layout->body.min_size * 3.2));
  /* TRANSLATORS: "3 lines (12 mm) too many", said after the layout */
  g_autofree char *excess = g_strdup_printf (
      roneo_intl_ngettext ("%u line (%.0f mm) too many", "%u lines (%.0f mm) too many", lines),
      lines, overflow / RONEO_PT_PER_MM);
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
               roneo_intl_ngettext ("%s: the copy does not fit on %u page of layout '%s' even "
                                    "with the body at %.4g pt: %s; cut about %u words or choose a "
                                    "larger layout",
                                    "%s: the copy does not fit on %u pages of layout '%s' even "
                                    "with the body at %.4g pt: %s; cut about %u words or choose a "
                                    "larger layout",
                                    layout->max_pages),
               c->document->source, layout->max_pages, layout->name, layout->body.min_size, excess,
               words);
}

/* A word wider than its box would stick out of the page: an error, unless
 * the style lets it be cut. A quote with too many lines or too tall is a
 * warning: the block is set whole and the flow then weighs its height. */
static gboolean
check_display_fit (Composer *c, const Prepared *p, const RoneoFit *fit, double measure,
                   GError **error)
{
  const char *role = roneo_compose_role_label (p->role);
  if (fit->wide_word != NULL)
    {
      roneo_fit_set_wide_word_error (fit, c->document->source, p->block, (RoneoStyleId) p->role,
                                     measure, error);
      return FALSE;
    }
  if (!fit->fits && p->role != ROLE_HEADLINE)
    roneo_warnings_add_at (c->cc->warnings, RONEO_WARNING_FIT, c->document->source, p->block->line,
                           _ ("the %s does not fit its box even at %.4g pt; shorten it"), role,
                           fit->size);
  return TRUE;
}

/* --- the headline keeps the hierarchy, or the copy is refused ------------- */

static guint
count_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\u2028", -1);
  guint n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* The headline refitted with no floor but HEADLINE_FLOOR: the size it needs
 * to keep max-lines inside its box. */
static RoneoFit
fit_unfloored (Composer *c, const Prepared *p, double height)
{
  RoneoStyle style = c->layout->headline;
  style.min_size = MIN (style.min_size, HEADLINE_FLOOR);
  return roneo_fit_text (c->cc->context, p->rich, &style, c->cc->lang, c->frame.width, height);
}

/* A headline that needs needed pt where least pt is the smallest allowed: the
 * copy is refused, with how many words would reach least (a headline held
 * by max-lines takes words in proportion to its measure, 1/size). */
static void
set_headline_error (Composer *c, const Prepared *p, const RoneoFit *needed, double least,
                    GError **error)
{
  const RoneoLayout *layout = c->layout;
  const char *source = c->document->source;
  guint line = p->block->line, words = count_words (p->block->text);
  guint lines = layout->headline.max_lines;
  g_autofree char *room
      = lines > 0 ? g_strdup_printf (roneo_intl_ngettext ("%u line", "%u lines", lines), lines)
                  : g_strdup ("its box");
  if (!needed->fits)
    g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                 _ ("%s:%u: the headline does not fit in %s even at %.4g pt: shorten it"), source,
                 line, room, needed->size);
  else
    {
      guint keep = MAX (1, (guint) floor (words * needed->size / least));
      keep = MIN (keep, words > 1 ? words - 1 : 1);
      double ratio_floor = layout->headline.min_ratio * layout->body.size;
      if (needed->size < ratio_floor)
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                     _ ("%s:%u: the headline needs %.3g pt to fit, less than %.3g \u00d7 the body "
                        "(%.3g pt): shorten it to about %u words, or allow a smaller headline "
                        "with min-ratio in the layout"),
                     source, line, needed->size, layout->headline.min_ratio, ratio_floor, keep);
      else
        g_set_error (error, RONEO_ERROR, RONEO_ERROR_OVERFLOW,
                     _ ("%s:%u: the headline needs %.3g pt to fit, less than its min-size "
                        "(%.3g pt): shorten it to about %u words, or lower min-size in the layout"),
                     source, line, needed->size, least, keep);
    }
}

/* The headline must reach the larger of min-size and min-ratio times the
 * body size, in at most max-lines: else the page has no hierarchy and is
 * refused rather than set with a warning. min-ratio = 0 lets it shrink past
 * min-size as far as it must, never past max-lines. */
static gboolean
decide_headline (Composer *c, guint i, double height, GError **error)
{
  const Prepared *p = g_ptr_array_index (c->prepared, i);
  const RoneoStyle *style = &c->layout->headline;
  double least = MAX (style->min_size, style->min_ratio * c->layout->body.size);
  if (style->min_ratio == 0)
    least = HEADLINE_FLOOR;
  RoneoFit *fit = &c->fits[i];
  if (fit->fits && fit->size >= least - 1.0 / 64)
    return TRUE;
  RoneoFit needed = fit->fits ? (RoneoFit){ 0 } : fit_unfloored (c, p, height);
  const RoneoFit *at = fit->fits ? fit : &needed;
  gboolean allowed = at->fits && at->wide_word == NULL && at->size >= least - 1.0 / 64;
  if (allowed)
    {
      roneo_fit_clear (fit);
      *fit = needed;
    }
  else
    {
      set_headline_error (c, p, at, least, error);
      roneo_fit_clear (&needed);
    }
  return allowed;
}

static gboolean
fit_display_blocks (Composer *c, GError **error)
{
  guint others = 0;
  for (guint i = 0; i < c->n_blocks; i++)
    others += ((Prepared *) g_ptr_array_index (c->prepared, i))->role != ROLE_HEADLINE;
  double share = others <= 2 ? HEADLINE_SHARE_ALONE : HEADLINE_SHARE;
  const RoneoLayout *layout = c->layout;
  for (guint i = 0; i < c->n_blocks; i++)
    {
      const Prepared *p = g_ptr_array_index (c->prepared, i);
      double measure = c->frame.width;
      if (p->role == ROLE_HEADLINE)
        c->fits[i] = roneo_fit_text (c->cc->context, p->rich, &layout->headline, c->cc->lang,
                                     measure, c->frame.height * share);
      else if (roneo_flow_card_fits_subhead (c, i))
        {
          double sub = layout->subhead.max_share > 0 ? layout->subhead.max_share : SUBHEAD_SHARE;
          c->fits[i] = roneo_fit_text (c->cc->context, p->rich, &layout->subhead, c->cc->lang,
                                       measure, c->frame.height * sub);
        }
      else if (p->role == ROLE_QUOTE)
        {
          measure -= 2 * roneo_flow_quote_padding (&layout->quote);
          c->fits[i] = roneo_fit_text (c->cc->context, p->rich, &layout->quote, c->cc->lang,
                                       measure, c->frame.height * QUOTE_SHARE);
        }
      if (c->fits[i].layout != NULL && !check_display_fit (c, p, &c->fits[i], measure, error))
        return FALSE;
      if (p->role == ROLE_HEADLINE && !decide_headline (c, i, c->frame.height * share, error))
        return FALSE;
    }
  return TRUE;
}

static void
composer_clear (Composer *c)
{
  for (guint i = 0; i < c->n_blocks; i++)
    roneo_fit_clear (&c->fits[i]);
  g_free (c->fits);
  for (guint i = 0; i < c->prepared->len; i++)
    roneo_shaping_free (c->shapings[i]);
  g_free (c->shapings);
  g_ptr_array_unref (c->prepared);
  roneo_image_set_free (c->own_images);
}

/* Pictures give way before the text: the least shrink (towards [image]
 * min-height) that lets the body keep its size on pages, found by halving.
 * FALSE, the pictures left at their smallest, when even that overflows. */
static gboolean
shrink_images (Composer *c, int size, guint pages)
{
  if (!c->has_images)
    return FALSE;
  c->image_shrink = 1;
  g_autoptr (Flow) least = roneo_flow_run (c, size, pages, TRUE);
  if (roneo_flow_overflow (least) > 0)
    return FALSE;
  double fits = 1, fails = 0;
  for (int i = 0; i < 6; i++)
    {
      c->image_shrink = (fits + fails) / 2;
      g_autoptr (Flow) f = roneo_flow_run (c, size, pages, TRUE);
      *(roneo_flow_overflow (f) > 0 ? &fails : &fits) = c->image_shrink;
    }
  c->image_shrink = fits;
  return TRUE;
}

/* The largest body size short copy may grow to, Pango units. */
static int
grow_limit (const Composer *c)
{
  const RoneoLayout *layout = c->layout;
  int size = pango_units_from_double (layout->body.size);
  int limit = layout->body.grow_size > 0 ? pango_units_from_double (layout->body.grow_size)
                                         : (int) (size * GROW_DEFAULT);
  return MAX (size, limit);
}

/* The body size for pages: the layout's when it fits, grown for short copy,
 * shrunk down to min-size for long copy; -1 when even that does not fit. */
static int
body_size_for (Composer *c, guint pages)
{
  const RoneoLayout *layout = c->layout;
  int size = pango_units_from_double (layout->body.size);
  int min_size = pango_units_from_double (MIN (layout->body.min_size, layout->body.size));
  c->image_shrink = 0;
  g_autoptr (Flow) nominal = roneo_flow_run (c, size, pages, TRUE);
  if (roneo_flow_overflow (nominal) > 0 && shrink_images (c, size, pages))
    return size;
  if (roneo_flow_overflow (nominal) > 0)
    return size > min_size ? largest_fitting_size (c, min_size, size - SIZE_STEP, pages, 0, NULL)
                           : -1;
  int grown = largest_fitting_size (c, size, grow_limit (c), pages, c->frame.height * GROW_RESERVE,
                                    nominal);
  return MAX (size, grown);
}

/* The run that is kept, shaped for real. Drafts measure widths to a few
 * thousandths of a point, so on a knife edge the real run can take one line
 * more: then a quarter point less. */
static Flow *
final_run (Composer *c, int size, guint pages)
{
  int min_size = pango_units_from_double (MIN (c->layout->body.min_size, c->layout->body.size));
  Flow *f = roneo_flow_run (c, size, pages, FALSE);
  while (roneo_flow_overflow (f) > 0 && size - SIZE_STEP >= min_size)
    {
      roneo_flow_free (f);
      size -= SIZE_STEP;
      f = roneo_flow_run (c, size, pages, FALSE);
    }
  return f;
}

/* The body size for the fewest pages that hold the copy, or -1. */
static int
body_size_and_pages (Composer *c, guint *pages)
{
  guint least = count_breaks (c) + 1 + (c->verso_from > 0);
  for (*pages = least; *pages <= c->layout->max_pages; (*pages)++)
    {
      int best = body_size_for (c, *pages);
      if (best >= 0)
        return best;
    }
  return -1;
}

static GPtrArray *
compose_pages (Composer *c, GError **error)
{
  const RoneoLayout *layout = c->layout;
  int size = pango_units_from_double (layout->body.size);
  guint pages = 0;
  c->verso_from = roneo_flow_card_verso_from (c);
  /* most copy is shorter than its page: the drafts measure at the size it grows to */
  c->draft_body = grow_limit (c);
  int best = body_size_and_pages (c, &pages);
  if (best < size && c->verso_from > 0)
    {
      /* A card whose verso would hold its copy only shrunk: the copy starts
       * on the recto, as on a tract. */
      c->verso_from = 0;
      best = body_size_and_pages (c, &pages);
    }
  if (best < 0)
    {
      set_overflow_error (c, error);
      return NULL;
    }
  if (best < size)
    roneo_warnings_add_at (c->cc->warnings, RONEO_WARNING_FIT, c->document->source, 0,
                           roneo_intl_ngettext ("body shrunk from %.4g to %.4g pt to fit %u page",
                                                "body shrunk from %.4g to %.4g pt to fit %u pages",
                                                pages),
                           layout->body.size, pango_units_to_double (best), pages);
  roneo_flow_grow_headline (c, best, pages);
  roneo_flow_balance (c, best, pages);
  g_autoptr (Flow) f = final_run (c, best, pages);
  if (f->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&f->error));
      return NULL;
    }
  return take_pages (f, c->cc->warnings);
}

GPtrArray *
roneo_compose_document (const RoneoComposeContext *cc, const RoneoDocument *document,
                        const RoneoLayout *layout, GError **error)
{
  g_autoptr (RoneoDocument) noted
      = layout->links == RONEO_LINKS_FOOTNOTE ? roneo_compose_notes_from_links (document) : NULL;
  if (noted != NULL)
    document = noted;
  roneo_compose_warn_links (cc, document);
  if (!roneo_compose_check_body (cc, document, layout, error))
    return NULL;
  Composer c = { cc, document, layout };
  c.prepared = roneo_compose_prepare_document (cc, document, layout);
  c.first_note = c.prepared->len - document->footnotes->len;
  const Prepared *last = c.first_note > 0 ? g_ptr_array_index (c.prepared, c.first_note - 1) : NULL;
  c.imprint = last != NULL && last->role == ROLE_IMPRINT ? last : NULL;
  c.n_blocks = c.first_note - (c.imprint != NULL);
  c.fits = g_new0 (RoneoFit, c.n_blocks);
  c.shapings = g_new0 (RoneoShaping *, c.prepared->len);
  c.frame = roneo_layout_get_frame (layout);
  GPtrArray *pages = roneo_flow_load_images (&c, error) && fit_display_blocks (&c, error)
                         ? compose_pages (&c, error)
                         : NULL;
  composer_clear (&c);
  return pages;
}
