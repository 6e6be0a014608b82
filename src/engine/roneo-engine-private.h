/* roneo-engine-private.h: what the flyer and the banner jobs share.
 *
 * The engine (fonts, hyphenation dictionaries, where the data is) and the
 * steps every job takes: find and read its layout, check its fonts, apply
 * --strict, name and copy its output. Not installed.
 */
#pragma once

#include "roneo-document.h"
#include "roneo-fonts.h"
#include "roneo-hyphen.h"
#include "roneo-job.h"
#include "roneo-layout.h"
#include "roneo-output.h"

struct _RoneoEngine
{
  char *data_dir;
  GStrv layout_dirs;
  GStrv font_dirs; /* the user's first, then DATA/fonts (with fonts.conf) */
  RoneoFonts *fonts;
  RoneoHyphenator *hyphenator;
};

/* The job's layout: name (a name or a path), else the document's, else the
 * default for kind; the document's overrides applied. Refuses a layout of
 * another kind (RONEO_ERROR_USAGE). Owned. */
RoneoLayout *roneo_engine_load_layout (RoneoEngine *engine, const char *name,
                                       const RoneoDocument *document, RoneoLayoutKind kind,
                                       GError **error);

/* The document with its {fields} filled from assignments ("name=value"),
 * taken (it may be replaced). A field left without a value is a warning: it
 * stays as typed. FALSE with RONEO_ERROR_USAGE for a malformed assignment or
 * one naming no field of the document. */
gboolean roneo_engine_fill_fields (RoneoDocument **document, const char *const *assignments,
                                   RoneoWarnings *warnings, GError **error);

/* Warns for each style of the layout's kind whose font is not there. */
void roneo_engine_check_fonts (RoneoEngine *engine, const RoneoLayout *layout,
                               RoneoWarnings *warnings);

/* Under --strict the first warning (a font one first) fails the job, before
 * anything is written: RONEO_ERROR_FONT or RONEO_ERROR_INPUT. */
gboolean roneo_engine_check_strict (gboolean strict, RoneoWarnings *warnings, GError **error);

/* input with its extension replaced by suffix ("-" stays "-"). Owned. */
char *roneo_engine_default_output (const char *input, const char *suffix);

/* text with its forced breaks (U+2028) as spaces. Owned. */
char *roneo_engine_one_line (const char *text);

/* The outputs of a job that reads copy ("-": standard input) and layout
 * (either may be NULL): roneo-output.h. Owned. */
RoneoOutputSet *roneo_engine_new_outputs (gboolean force, const gint *cancel, const char *copy,
                                          const RoneoLayout *layout);

/* TRUE, with RONEO_ERROR_OUTPUT "interrupted", once *cancel is set. */
gboolean roneo_engine_cancelled (const gint *cancel, GError **error);
