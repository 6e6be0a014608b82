/* roneo-style.c: the one table of style ids, section names and layout fields. */
#include "roneo-style.h"

#include "roneo-intl-private.h"

#include <stddef.h>

typedef struct
{
  const char *name;  /* the layout's section, the dump's item name */
  const char *label; /* what a message calls a block of this style, untranslated */
  gsize offset;      /* of the RoneoStyle in RoneoLayout */
} StyleEntry;

#define ENTRY(id, field, label) [id] = { #field, label, offsetof (RoneoLayout, field) }

static const StyleEntry styles[RONEO_STYLE_COUNT] = {
  ENTRY (RONEO_STYLE_HEADLINE, headline, N_ ("headline")),
  ENTRY (RONEO_STYLE_SUBHEAD, subhead, N_ ("subhead")),
  ENTRY (RONEO_STYLE_BODY, body, N_ ("paragraph")),
  ENTRY (RONEO_STYLE_LIST, list, N_ ("list item")),
  ENTRY (RONEO_STYLE_QUOTE, quote, N_ ("call-out")),
  ENTRY (RONEO_STYLE_FOOTNOTES, footnotes, N_ ("footnote")),
  ENTRY (RONEO_STYLE_FOOTER, footer, N_ ("signature")),
  ENTRY (RONEO_STYLE_IMPRINT, imprint, N_ ("imprint line")),
  ENTRY (RONEO_STYLE_CAPTION, caption, N_ ("caption")),
  ENTRY (RONEO_STYLE_SLOGAN, slogan, N_ ("slogan")),
  ENTRY (RONEO_STYLE_BYLINE, byline, N_ ("byline")),
};

/* The font check warns in this order, so it is the order of the sections in a file. */
static const RoneoStyleId flyer_styles[] = {
  RONEO_STYLE_HEADLINE, RONEO_STYLE_SUBHEAD, RONEO_STYLE_BODY,
  RONEO_STYLE_LIST,     RONEO_STYLE_QUOTE,   RONEO_STYLE_FOOTNOTES,
  RONEO_STYLE_FOOTER,   RONEO_STYLE_IMPRINT, RONEO_STYLE_CAPTION,
};
static const RoneoStyleId banner_styles[] = { RONEO_STYLE_SLOGAN, RONEO_STYLE_BYLINE };

const char *
roneo_style_name (RoneoStyleId id)
{
  g_return_val_if_fail (id < RONEO_STYLE_COUNT, NULL);
  return styles[id].name;
}

const char *
roneo_style_label (RoneoStyleId id)
{
  g_return_val_if_fail (id < RONEO_STYLE_COUNT, NULL);
  return _ (styles[id].label);
}

gboolean
roneo_style_from_name (const char *name, RoneoStyleId *id)
{
  for (guint i = 0; i < RONEO_STYLE_COUNT; i++)
    if (g_strcmp0 (name, styles[i].name) == 0)
      {
        *id = (RoneoStyleId) i;
        return TRUE;
      }
  return FALSE;
}

const RoneoStyleId *
roneo_styles_for_kind (RoneoLayoutKind kind, gsize *n)
{
  if (kind == RONEO_LAYOUT_BANNER)
    {
      *n = G_N_ELEMENTS (banner_styles);
      return banner_styles;
    }
  *n = G_N_ELEMENTS (flyer_styles);
  return flyer_styles;
}

RoneoStyle *
roneo_layout_get_style_by_id (RoneoLayout *layout, RoneoStyleId id)
{
  g_return_val_if_fail (id < RONEO_STYLE_COUNT, NULL);
  return (RoneoStyle *) ((char *) layout + styles[id].offset);
}

const RoneoStyle *
roneo_layout_peek_style (const RoneoLayout *layout, RoneoStyleId id)
{
  return roneo_layout_get_style_by_id ((RoneoLayout *) layout, id);
}
