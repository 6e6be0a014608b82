/* roneo-finish.h: the finishing pass (DESIGN.md section 5, PITFALLS 13-16, 35).
 *
 * Reads the PDF cairo wrote and writes the final one: TrimBox/BleedBox on
 * every page, the page /Group removed (unless keep_group), /UserUnit on
 * every page when user_unit > 1, a deterministic /ID, object streams, no
 * duplicate resource keys; rewritten one object at a time (roneo-finish.c),
 * from memory (a flyer, a banner) or from a file (a batch, any number of
 * sheets).
 */
#pragma once

#include "roneo-output.h"

#include <glib.h>

G_BEGIN_DECLS

/* A link annotation the finishing pass adds to the 0-based page `page`:
 * rect in the page's PDF space (x0 y0 x1 y1, y up, in user units), uri
 * interned. Cairo 1.16.0 cannot write them: any CAIRO_TAG_LINK gives a
 * file whose annotation names an object it never writes. */
typedef struct
{
  guint page;
  double rect[4];
  const char *uri;
} RoneoFinishLink;

typedef struct
{
  double bleed;        /* pt: TrimBox = MediaBox inset by bleed (+ mark room) */
  double mark_room;    /* pt added around the bleed for crop marks, 0 if none */
  gboolean keep_group; /* the artwork uses transparency: keep /Group */
  double user_unit;    /* 0 or 1: none. Else /UserUnit on every page (PITFALLS 19): the
                          pages were drawn at 1/user_unit, and bleed and mark_room (real pt)
                          are divided by it, as the boxes are in user units */
  const GArray *links; /* RoneoFinishLink in page order, or NULL: none */
} RoneoFinishOptions;

/* From a file to out_path, in memory that does not grow with the file: for
 * what cairo wrote (one classic cross-reference table, no object streams). */
gboolean roneo_finish_pdf (const char *in_path, const char *out_path,
                           const RoneoFinishOptions *options, GError **error);

/* The same reading the PDF from memory (what cairo wrote). */
gboolean roneo_finish_pdf_data (const guint8 *data, gsize length, const char *out_path,
                                const RoneoFinishOptions *options, GError **error);

/* The same into output, which is left open (not committed): the caller
 * commits it with the job's other outputs. */
gboolean roneo_finish_pdf_to (const char *in_path, RoneoOutput *output,
                              const RoneoFinishOptions *options, GError **error);
gboolean roneo_finish_pdf_data_to (const guint8 *data, gsize length, RoneoOutput *output,
                                   const RoneoFinishOptions *options, GError **error);

G_END_DECLS
