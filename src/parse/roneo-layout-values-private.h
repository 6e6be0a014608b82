/* roneo-layout-values-private.h: the values of a layout file, text to numbers.
 *
 * Each function reads one value as a layout key or a front matter override
 * writes it (lengths with a unit, margins as in CSS, weights by number or
 * name, named choices) and returns TRUE, or FALSE with RONEO_ERROR_INPUT set
 * and *out untouched. Messages carry no position: the caller prefixes it.
 * Not installed.
 */
#pragma once

#include "roneo-layout.h"

G_BEGIN_DECLS

/* A length ("12mm", "10.5pt"...) of at most 5 m, in points. The unit is
 * required (a bare 0 excepted); the message for a bare number suggests mm. */
gboolean roneo_layout_value_length (const char *text, double *out, GError **error);

/* The same, suggesting the unit that suits kind (pt for type and the spaces
 * of a block style). */
gboolean roneo_layout_value_length_kind (const char *text, RoneoLengthKind kind, double *out,
                                         GError **error);

/* A whole number from 0 to max. */
gboolean roneo_layout_value_uint (const char *text, guint max, guint *out, GError **error);

/* 100 to 900, or a name: thin, light, regular, bold, black... */
gboolean roneo_layout_value_weight (const char *text, int *out, GError **error);

/* 1 to 4 lengths, top right bottom left as in CSS, into out[4] in that order. */
gboolean roneo_layout_value_margins (const char *text, double out[4], GError **error);

/* A font size: a length of at least 1 pt ("10.5pt"; a bare number suggests pt). */
gboolean roneo_layout_value_font_size (const char *text, double *out, GError **error);

/* Named choices, case-insensitive; the error lists the names. bool: TRUE or
 * FALSE (true/false, yes/no, on/off, 1/0); align: a RoneoAlign; italic: TRUE
 * for italic, FALSE for normal; transform: a RoneoTransform; kind: a
 * RoneoLayoutKind; orientation: TRUE for landscape; valign: a RoneoVAlign;
 * body_copy: a RoneoBodyCopy; recto: TRUE for display. */
gboolean roneo_layout_value_bool (const char *text, int *out, GError **error);
gboolean roneo_layout_value_align (const char *text, int *out, GError **error);
gboolean roneo_layout_value_italic (const char *text, int *out, GError **error);
gboolean roneo_layout_value_transform (const char *text, int *out, GError **error);
gboolean roneo_layout_value_kind (const char *text, int *out, GError **error);
gboolean roneo_layout_value_orientation (const char *text, int *out, GError **error);
gboolean roneo_layout_value_valign (const char *text, int *out, GError **error);
gboolean roneo_layout_value_body_copy (const char *text, int *out, GError **error);
gboolean roneo_layout_value_recto (const char *text, int *out, GError **error);

G_END_DECLS
