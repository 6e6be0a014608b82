/* roneo-layout.h: a layout, the design of one kind of printed piece, as plain data.
 *
 * Layouts are INI files (the .ini files in layouts/) read by src/parse; this is what they
 * become. Every length is in points, every size the trim size. A layout owns
 * its strings. roneo_layout_new() gives the built-in defaults, which the parser
 * then overrides key by key, so a user's file only says what differs.
 */
#pragma once

#include "roneo-units.h"

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_LAYOUT_FLYER,
  RONEO_LAYOUT_BANNER,
} RoneoLayoutKind;

typedef enum
{
  RONEO_ALIGN_LEFT,
  RONEO_ALIGN_CENTER,
  RONEO_ALIGN_RIGHT,
  RONEO_ALIGN_JUSTIFY,
} RoneoAlign;

typedef enum
{
  RONEO_VALIGN_TOP,    /* copy starts at the top of the frame */
  RONEO_VALIGN_CENTER, /* a placard: the copy is centred in the frame */
  RONEO_VALIGN_SPREAD, /* a tract: the spare height goes between the blocks, by their spread
                        * weights, and at the foot */
  RONEO_VALIGN_EVEN,   /* a card's verso: equal shares above the first block, between the
                        * blocks and, the signature moving up with them, below it */
} RoneoVAlign;

/* How much copy a layout takes under its headline ([page] body). */
typedef enum
{
  RONEO_BODY_TEXT, /* any amount: a tract */
  RONEO_BODY_LINE, /* one short line (who, where, when): a placard */
  RONEO_BODY_NONE, /* the headline alone */
} RoneoBodyCopy;

typedef enum
{
  RONEO_TRANSFORM_NONE,
  RONEO_TRANSFORM_UPPERCASE,
} RoneoTransform;

typedef enum
{
  RONEO_BREAKER_TOTAL_FIT, /* the breaks that make the paragraph's spaces most even */
  RONEO_BREAKER_GREEDY,    /* each line as full as it goes, as Pango wraps */
} RoneoBreaker;

/* The style of one kind of block ([headline], [body]...). */
typedef struct
{
  char *font; /* family alias, e.g. "Roneo Display" */
  int weight; /* CSS weight: 400 regular, 700 bold, 900 black */
  gboolean italic;
  double size;     /* pt: the size, or the largest tried when fitting */
  double min_size; /* pt: fitting (headline) or shrinking (body) stops here */
  double leading;  /* baseline pitch as a ratio of the size (1.2 = 120 %) */
  RoneoAlign align;
  gboolean hyphenate;
  RoneoTransform transform;
  guint max_lines; /* fitted blocks: at most that many lines; 0 = no limit */
  RoneoColor color;
  RoneoColor background; /* quote box fill; used when has_background */
  gboolean has_background;
  double space_before;  /* pt */
  double space_after;   /* pt */
  double indent;        /* pt: list hanging indent, quote inner padding */
  gboolean break_words; /* fitted blocks: a word wider than the measure is broken, not an error */
  gboolean stack;       /* headline: stacked lines, each at the size that fills the measure */
  double max_share;     /* headline: short copy lets it grow past size up to this share of the
                         * frame height; 0: size is a hard cap */
  double min_ratio;     /* headline: the smallest size it may take, as a ratio of the body's
                         * size; below it the hierarchy is gone and the copy is refused. 0:
                         * any size that keeps max-lines, min-size included */
  double spread_before; /* valign spread: weights of the spare height put before and after */
  double spread_after;  /* a block of this style (the gap between two blocks adds both) */
  /* A card's display blocks and its growing body (a6-card): */
  gboolean fit;         /* subhead: the subheads before the first body block are fitted like a
                         * headline (size is then the largest, max-share of the frame its box) */
  double grow_size;     /* body: pt short copy lets the body grow to; 0: 130 % of size */
  RoneoBreaker breaker; /* running text: how it is broken into lines (roneo-linebreak.h) */
  double expansion;     /* justified running text: the most a line's glyphs may be widened or
                         * narrowed, as a ratio (0.02 = 2 %); 0: off */
} RoneoStyle;

/* Where the front matter's logo goes ([logo] position). */
typedef enum
{
  RONEO_LOGO_TOP_LEFT,  /* a band at the top of the first page, the logo on its left;
                         * a banner: beside the slogan, on its left ("left") */
  RONEO_LOGO_TOP_RIGHT, /* the same band, the logo on its right; a banner: beside the
                         * slogan, on its right ("right") */
  RONEO_LOGO_FOOTER,    /* a band at the foot of the first page, under the signature;
                         * a banner: under the slogan and its byline ("under") */
} RoneoLogoPosition;

/* What a link of the copy becomes on paper ([page] links). */
typedef enum
{
  RONEO_LINKS_ANNOTATION, /* "annotation": its text, and a link a PDF reader follows */
  RONEO_LINKS_FOOTNOTE,   /* "footnote": also its address as a note, for paper readers */
} RoneoLinks;

/* Pictures: the block images of the copy ([image]) and the logo ([logo]). */
typedef struct
{
  double max_height;   /* [image] pt: a picture on the measure is at most this tall */
  double min_height;   /* [image] pt: copy that does not fit shrinks it down to this first */
  double space_before; /* [image] pt */
  double space_after;  /* [image] pt */
  double qr_size;      /* [image] pt: the side of a QR code, its quiet zone included */
  RoneoLogoPosition logo_position;
  double logo_height; /* [logo] pt: the logo's height (at most the frame's width wide) */
  double logo_gap;    /* [logo] pt between the logo's band and the copy */
  /* Banners only, [logo] height = 60% / gap = 6%: shares of the banner's frame
   * height, so one layout suits every banner size; 0: the length above. */
  double logo_height_share;
  double logo_gap_share;
} RoneoPictures;

/* How a banner is cut into sheets for a home printer (PRINT.md, banner tiles). */
typedef struct
{
  double sheet_width;       /* pt, portrait */
  double sheet_height;      /* pt */
  double overlap;           /* pt glued under the neighbour */
  double printer_margin[4]; /* pt the printer cannot print: top, right, bottom, left of a
                             * portrait sheet; they turn with the sheet */
  gboolean marks;           /* IDs, cut marks, glue hatching, scale bar on the waste */
  gboolean cover;           /* a first page that tells how to assemble */
} RoneoTiles;

typedef struct
{
  char *name;          /* "a5-flyer" */
  char *description;   /* one line for `roneo layouts` */
  char **descriptions; /* description[fr] and the like as "fr=…", NULL-ended; NULL: none */
  char *path;          /* file it was read from, or NULL for the defaults */
  RoneoLayoutKind kind;
  double width;                                                /* trim width, pt */
  double height;                                               /* trim height, pt */
  double margin_top, margin_right, margin_bottom, margin_left; /* pt */
  double bleed; /* pt, used with --bleed and for the artwork extent */
  RoneoColor background;
  guint max_pages;    /* 2: the verso may take what the recto cannot */
  RoneoVAlign valign; /* where the copy sits in the frame when it is shorter */
  int verso_valign;   /* a RoneoVAlign for the pages after the first, or -1: as valign */
  /* The text column: the running text (body, subheads, lists, notes, the
   * signature and the imprint) may be set narrower than the frame, the
   * headline and the call-out keeping the frame's width as a band. */
  double column;           /* pt wide; 0: the frame's width */
  double column_em;        /* or this many ems of the body's size as set, so that a body grown
                            * for short copy keeps its characters per line (one shrunk for
                            * long copy keeps the width of the layout's size); 0: column */
  RoneoAlign column_align; /* where the column sits in the frame: left, center or right */
  gboolean recto_display;  /* the recto holds the headline and the subheads before the first
                            * body block, the rest goes overleaf (a card); a page break of
                            * the copy wins, and copy the verso cannot hold flows as usual */
  RoneoStyle headline;
  RoneoStyle subhead;
  RoneoStyle body;
  RoneoStyle list;
  RoneoStyle quote;
  RoneoStyle footnotes;
  RoneoStyle footer;
  RoneoStyle imprint; /* the imprint line ("IPNS..."), small, at the foot of the last page */
  RoneoStyle caption; /* under a picture: its alt text */
  RoneoPictures pictures;
  RoneoLinks links;
  RoneoStyle slogan; /* banners: the slogan, fitted to the frame */
  RoneoStyle byline; /* banners: a smaller second line (who, where, when) */
  RoneoTiles tiles;  /* banners: the sheets it is printed on */

  /* flyers: the copy the headline may have under it; more is refused, not set small */
  RoneoBodyCopy body_copy;
} RoneoLayout;

/* The built-in defaults: an A5 flyer. Owned by the caller. */
RoneoLayout *roneo_layout_new (void);
RoneoLayout *roneo_layout_copy (const RoneoLayout *layout);
void roneo_layout_free (RoneoLayout *layout);

/* The style a section name stands for ("headline" -> &layout->headline), or NULL.
 * Borrowed. */
RoneoStyle *roneo_layout_get_style (RoneoLayout *layout, const char *section);

/* The description in the user's language (LANGUAGE, LC_MESSAGES...: the
 * first of g_get_language_names() the layout has), else the plain one. */
const char *roneo_layout_get_description (const RoneoLayout *layout);

/* Adds the description in language lang ("fr", "de_CH"), replacing one. */
void roneo_layout_set_translated_description (RoneoLayout *layout, const char *lang,
                                              const char *text);

/* The frame inside the margins. */
RoneoRect roneo_layout_get_frame (const RoneoLayout *layout);
/* The text column inside the frame for a body of body_size pt: the frame's
 * height, at most its width. */
RoneoRect roneo_layout_get_column (const RoneoLayout *layout, double body_size);

const char *roneo_align_to_string (RoneoAlign align);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoLayout, roneo_layout_free)

G_END_DECLS
