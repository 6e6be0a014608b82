/* roneo-document.h: the copy of a tract once parsed, as plain data.
 *
 * The parser (src/parse) builds a RoneoDocument from Markdown + YAML; the
 * typesetter reads it. A document owns its blocks, each block owns its text
 * and spans. Text is UTF-8 as the user wrote it (typography rules are applied
 * later, on a copy); a hard line break is U+2028 LINE SEPARATOR, which Pango
 * honours as a forced break inside a paragraph.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_BLOCK_HEADLINE,   /* # text */
  RONEO_BLOCK_SUBHEAD,    /* ## text (and deeper headings) */
  RONEO_BLOCK_PARAGRAPH,  /* body copy */
  RONEO_BLOCK_LIST_ITEM,  /* - item / 1. item: one block per item */
  RONEO_BLOCK_QUOTE,      /* > text: call-out */
  RONEO_BLOCK_SIGNATURE,  /* last paragraph starting with "-- " (marker removed) */
  RONEO_BLOCK_PAGE_BREAK, /* *** : next page; no text */
  RONEO_BLOCK_FOOTNOTE,   /* [^n]: text; only in RoneoDocument.footnotes */
  RONEO_BLOCK_IMAGE,      /* ![alt](path) as its own paragraph: text is the alt (the caption),
                           * image says what to draw */
} RoneoBlockKind;

/* Where a picture comes from. A file is read by src/typeset/roneo-image.c;
 * a QR code is drawn from its text, never fetched. */
typedef enum
{
  RONEO_IMAGE_FILE, /* a PNG, JPEG or SVG file */
  RONEO_IMAGE_QR,   /* ![qr](https://...): the address drawn as a QR code */
} RoneoImageKind;

/* A picture the copy asks for: a block image or the front matter's logo. */
typedef struct
{
  RoneoImageKind kind;
  char *target;   /* owned: as written (a path for messages, the QR code's text) */
  char *resolved; /* owned, FILE: the path to open, relative to the copy's folder (the
                   * current folder for standard input); NULL for QR */
  char *alt;      /* owned: the alt text, "" when none */
  guint line;     /* 1-based line in the copy, for messages */
} RoneoImageSource;

typedef enum
{
  RONEO_SPAN_EMPHASIS = 1 << 0,    /* *em* */
  RONEO_SPAN_STRONG = 1 << 1,      /* **strong** */
  RONEO_SPAN_NOTE_CALL = 1 << 2,   /* the footnote number, set as a superscript */
  RONEO_SPAN_CODE = 1 << 3,        /* `code`: kept as typed, no typography rules */
  RONEO_SPAN_SUPERSCRIPT = 1 << 4, /* set by the typography rules (1er) */
  RONEO_SPAN_FIELD = 1 << 5,       /* a batch field's value: data, never regrouped */
  RONEO_SPAN_LINK = 1 << 6,        /* [text](https://...): a link annotation over the text */
  RONEO_SPAN_ADDRESS = 1 << 7,     /* an address (a link's note, a QR code's caption): kept
                                    * as typed like code, in the text's own face */
} RoneoSpanFlags;

/* What no typography rule, case transform or hyphen may touch. */
#define RONEO_SPAN_AS_TYPED (RONEO_SPAN_CODE | RONEO_SPAN_ADDRESS)

/* A styled byte range [start, end) of a block's text. */
typedef struct
{
  guint start;
  guint end;
  guint flags;      /* RoneoSpanFlags */
  guint note;       /* for RONEO_SPAN_NOTE_CALL: 1-based footnote number */
  const char *link; /* for RONEO_SPAN_LINK: the address, interned (g_intern_string), so that a
                     * span stays plain data however it is copied; else NULL */
} RoneoSpan;

typedef struct
{
  RoneoBlockKind kind;
  char *text;              /* owned UTF-8; the call of a note is its number as text */
  GArray *spans;           /* owned, RoneoSpan, sorted by start, may nest (em inside strong) */
  guint line;              /* 1-based line in the source where the block starts */
  guint column;            /* 1-based column */
  guint number;            /* ordered list item: its number; footnote: its number; else 0 */
  gboolean ordered;        /* list item of an ordered list */
  RoneoImageSource *image; /* owned, RONEO_BLOCK_IMAGE only; else NULL */
} RoneoBlock;

typedef struct
{
  char *key;   /* "headline.color": section.key of a layout override */
  char *value; /* owned */
  guint line;  /* line in the source file */
} RoneoOverride;

typedef struct
{
  char *source; /* file name for messages ("-" is "<stdin>") */
  char *layout; /* front matter 'layout', or NULL */
  char *lang;   /* front matter 'lang', or NULL */
  char *title;  /* NULL when absent; the engine falls back to the headline */
  char *author;
  char *date;
  char *subject;
  char *imprint;          /* front matter 'imprint': NULL when absent (the language's
                           * default), "" for 'imprint: false' (none) */
  GPtrArray *blocks;      /* RoneoBlock*, in reading order */
  GPtrArray *footnotes;   /* RoneoBlock* (kind FOOTNOTE), footnotes[n - 1] is note n */
  GPtrArray *overrides;   /* RoneoOverride*, in file order */
  char *base_dir;         /* owned: the folder image paths are relative to; NULL: the current one */
  RoneoImageSource *logo; /* owned: front matter 'logo', or NULL */
  RoneoImageSource *qr;   /* owned: front matter 'qr' (kind QR), placed by the layout, or NULL */
  guint inline_image_line; /* first image inside a paragraph's text (kept as its alt text), 0:
                            * none */
  guint unlinked_line;     /* first [text](target) whose target a reader cannot follow (not
                            * http, https, mailto or tel): its text kept, no link; 0: none */
} RoneoDocument;

RoneoDocument *roneo_document_new (const char *source);
void roneo_document_free (RoneoDocument *document);

/* A deep copy: every string, block, span, footnote and override is new.
 * Owned by the caller. A batch fills one copy of the template per row. */
RoneoDocument *roneo_document_copy (const RoneoDocument *document);

/* A new block appended to the document (or to its footnotes for FOOTNOTE);
 * the document owns it and the caller borrows it. text is copied. */
RoneoBlock *roneo_document_add_block (RoneoDocument *document, RoneoBlockKind kind,
                                      const char *text, guint line, guint column);
void roneo_document_add_override (RoneoDocument *document, const char *key, const char *value,
                                  guint line);

RoneoBlock *roneo_block_new (RoneoBlockKind kind, const char *text, guint line, guint column);
void roneo_block_free (RoneoBlock *block);
/* A deep copy of block (text and spans). Owned by the caller. */
RoneoBlock *roneo_block_copy (const RoneoBlock *block);
void roneo_block_add_span (RoneoBlock *block, guint start, guint end, guint flags, guint note);

/* The first block of that kind, or NULL. Borrowed. */
const RoneoBlock *roneo_document_find_block (const RoneoDocument *document, RoneoBlockKind kind);

/* The imprint line set at the foot of the last page: the front matter's,
 * else the default of lang (a tag such as "fr-CA"; NULL for none), or NULL
 * when there is none. Borrowed from the document or static. */
const char *roneo_document_peek_imprint (const RoneoDocument *document, const char *lang);

/* A stable text dump of the document (for tests and `roneo check -v`). */
char *roneo_document_dump (const RoneoDocument *document);

const char *roneo_block_kind_to_string (RoneoBlockKind kind);

/* Every picture the document asks for, in reading order: the logo, the front
 * matter's QR code, then each block's image. The array is owned by the caller,
 * its elements are borrowed from the document (a batch fills fields into them). */
GPtrArray *roneo_document_image_sources (const RoneoDocument *document);

/* A picture written target (a path or, for QR, the text to encode) at line of
 * document; a FILE's path is resolved against document->base_dir. Owned. */
RoneoImageSource *roneo_image_source_new (const RoneoDocument *document, RoneoImageKind kind,
                                          const char *target, const char *alt, guint line);
/* The same, a FILE's path resolved against base_dir (NULL: the current folder). */
RoneoImageSource *roneo_image_source_new_in (const char *base_dir, RoneoImageKind kind,
                                             const char *target, const char *alt, guint line);
RoneoImageSource *roneo_image_source_copy (const RoneoImageSource *source);
void roneo_image_source_free (RoneoImageSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoDocument, roneo_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoBlock, roneo_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoImageSource, roneo_image_source_free)

G_END_DECLS
