/* roneo-flow-private.h: what the files of the composer share.
 *
 * roneo-flow.c holds the overflow policy: it tries body sizes and page
 * counts, each try a Flow (roneo-flow-run.c: one run at one body size, its
 * pages, footnotes and page breaks), which places each block with
 * roneo-flow-place.c. A Composer lives for one roneo_compose_document() call;
 * a Flow for one run, and only the kept run's pages leave it.
 */
#pragma once

#include "roneo-fit.h"
#include "roneo-flow.h"
#include "roneo-linebreak.h"
#include "roneo-prepare-private.h"

G_BEGIN_DECLS

#define RONEO_FLOW_OVERFLOW_TOLERANCE 0.05

typedef struct
{
  const RoneoComposeContext *cc;
  const RoneoDocument *document;
  const RoneoLayout *layout;
  GPtrArray *prepared;     /* Prepared*: the blocks, the imprint, then the footnotes */
  guint n_blocks;          /* placed in reading order: the copy's and the author's */
  const Prepared *imprint; /* borrowed from prepared, or NULL: none */
  guint first_note;        /* index in prepared of footnote 1 */
  RoneoFit *fits;          /* per block: headlines and call-outs, fitted once */
  RoneoShaping **shapings; /* per prepared block: its widths for draft runs, made lazily */
  int draft_body;          /* Pango units: the body size the drafts' widths are shaped at */
  RoneoRect frame;
  guint cut_page;            /* the page whose frame is cut short to balance the pages */
  double cut;                /* pt taken off that page's frame for the copy, 0: none */
  guint verso_from;          /* a card (recto = display): the first block set overleaf; 0: none */
  RoneoImageSet *own_images; /* owned when the context brings no set */
  RoneoImage *logo;          /* borrowed from the set: the front matter's logo, or NULL */
  gboolean has_images;       /* the copy has block pictures, which may shrink */
  double image_shrink;       /* 0: pictures at their largest, 1: at [image] min-height */
} Composer;

/* Where a block starts on its page: the items from item on move down by
 * weight's share of the spare height (valign = spread). */
typedef struct
{
  guint item;
  double weight;
} Gap;

typedef struct
{
  Composer *c;
  RoneoStyle body, list, footnotes; /* scaled copies; fonts borrowed from the layout */
  RoneoRect column;   /* where the running text is set at this body size; display blocks
                       * (headline, call-out) take the whole frame */
  RoneoStyle subhead; /* a card's subheads in the text: at min-size */
  GPtrArray *pages;   /* RoneoPage*, owned */
  RoneoPage *page;    /* borrowed: the last of pages */
  GArray *used;       /* double per page: height taken in the frame */
  double y;
  double space;   /* pending space before the next block */
  gboolean empty; /* nothing placed on this page yet */
  GArray *notes;  /* guint: notes called on this page */
  double notes_height;
  double reserved;      /* at the foot of this page: the signature and the imprint */
  gboolean imprinted;   /* the imprint is set (on the page the signature closes) */
  GPtrArray *note_sets; /* RoneoLineSet* per footnote, this size */
  guint max_pages;
  RoneoWarnings *warnings;      /* this run's: only the chosen run's are kept */
  const RoneoStyle *last_style; /* of the block before: lists get a gap around them */
  gboolean draft;               /* a trial run: measure only, build no layout */
  GError *error;                /* owned: the first line set wider than its measure */
  GHashTable *seen;             /* undrawable characters and fonts warned about */
  GArray *gaps;                 /* Gap: the block starts of this page, final runs only */
  double cue;                   /* at the foot of this page: the continuation cue */
  double cut;                   /* pt of this page's frame the copy may not use (balance) */
  double opened_gap;            /* pt added to y by the block opened, until it sets a line */
  RoneoStyle image;             /* the gaps and spread weights around a picture */
  double logo_foot;             /* pt at the foot of this page's frame taken by the logo */
} Flow;

/* --- one run at one body size (roneo-flow-run.c) -------------------------- */

/* A run at body_size (Pango units) on at most max_pages pages, to be freed
 * with roneo_flow_free. draft: measure only, build no layout. */
Flow *roneo_flow_run (Composer *c, int body_size, guint max_pages, gboolean draft);
void roneo_flow_free (Flow *f);
/* Height set beyond the frame, pt: 0 when the run fits. */
double roneo_flow_overflow_reserving (const Flow *f, double reserve);
double roneo_flow_overflow (const Flow *f);

const RoneoStyle *roneo_flow_style_for (Flow *f, Role role);
double roneo_flow_frame_bottom (const Flow *f);
/* The lines of p in style, measure pt wide (owned). */
RoneoLineSet *roneo_flow_break_lines (Flow *f, const Prepared *p, const RoneoStyle *style,
                                      double measure);
/* Height the notes called in lines [first, last) of set add to this page. */
double roneo_flow_new_notes_height (Flow *f, const RoneoLineSet *set, guint first, guint last);
void roneo_flow_add_notes (Flow *f, const RoneoLineSet *set, guint first, guint last);
/* What is left of the frame on this page, pt. */
double roneo_flow_room (const Flow *f);
void roneo_flow_new_page (Flow *f);
/* The space between a block of style before (NULL: none) and one of style
 * after on the same page, pt. */
double roneo_flow_gap_between (const Flow *f, const RoneoStyle *before, const RoneoStyle *after);
void roneo_flow_open_block (Flow *f, const RoneoStyle *style);
void roneo_flow_close_block (Flow *f, const RoneoStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Flow, roneo_flow_free)

/* --- spare height (roneo-flow-spare.c) ------------------------------------ */

/* Refits the headline in a taller box, up to the style's max-share of the
 * frame, when the run at body_size leaves height on its first page; keeps it
 * only if the run still fits pages. Bounded tries, deterministic. */
void roneo_flow_grow_headline (Composer *c, int body_size, guint pages);
/* Records that a block of style after opens here, after one of style before
 * (NULL at the top of a page). */
void roneo_flow_mark_gap (Flow *f, const RoneoStyle *before, const RoneoStyle *after);
/* Moves the finished page's items down per the layout's valign. */
void roneo_flow_align_page (Flow *f);

/* --- balance (roneo-flow-balance.c) --------------------------------------- */

/* When the copy flows over onto the last page and leaves it much emptier
 * than the page before, sets c->cut so that both leave about as much;
 * kept only if the run at body_size still fits pages. Deterministic. */
void roneo_flow_balance (Composer *c, int body_size, guint pages);

/* --- placing blocks (roneo-flow-place.c) ---------------------------------- */

void roneo_flow_place_text (Flow *f, const Prepared *p);
void roneo_flow_place_list_item (Flow *f, const Prepared *p);
void roneo_flow_place_headline (Flow *f, const Prepared *p, const RoneoFit *fit);
/* A fitted subhead (a card's date and place), whole, like a headline in
 * its own style. */
void roneo_flow_place_display (Flow *f, const Prepared *p, const RoneoFit *fit);
/* A stacked headline (fit->stack): one text item per line (roneo-flow-stack.c). */
void roneo_flow_place_stack (Flow *f, const Prepared *p, const RoneoFit *fit);
void roneo_flow_place_quote (Flow *f, const Prepared *p, const RoneoFit *fit);
void roneo_flow_place_signature (Flow *f, const Prepared *p);

/* --- pictures (roneo-flow-image.c) ------------------------------------------ */

/* Loads the pictures of the document (its block images and its logo) into
 * the context's set or the composer's own. FALSE with RONEO_ERROR_INPUT. */
gboolean roneo_flow_load_images (Composer *c, GError **error);
/* A block picture on the measure, its caption under it, kept together. */
void roneo_flow_place_image (Flow *f, const Prepared *p);
/* The logo's band on a new first page: the copy starts under it (top) or
 * ends above it (footer). */
void roneo_flow_open_logo (Flow *f);
/* The logo drawn in its band, once the page's items have found their places. */
void roneo_flow_place_logo (Flow *f);
/* The imprint at the foot of the last page, once the copy is placed; a no-op
 * when the signature set it already or there is none. */
void roneo_flow_place_imprint (Flow *f);
/* Font warnings for the characters of layout (set for p) no font draws;
 * final runs only. */
void roneo_flow_check_glyphs (Flow *f, PangoLayout *layout, const Prepared *p);
/* Inside a call-out's box, on each side, pt. */
double roneo_flow_quote_padding (const RoneoStyle *style);

/* --- a card: display recto, copy overleaf (roneo-flow-card.c) ------------ */

/* The first block that is neither a headline nor a subhead, or n_blocks. */
guint roneo_flow_card_first_copy (const Composer *c);
/* The block before which a card's copy goes overleaf (layout recto =
 * display), 0 when the copy has its own page break or nothing follows. */
guint roneo_flow_card_verso_from (const Composer *c);
/* Whether the subhead at i is set as a fitted display block. */
gboolean roneo_flow_card_fits_subhead (const Composer *c, guint i);
/* Before block i: the card's recto ends here. */
void roneo_flow_card_break (Flow *f, guint i);

G_END_DECLS
