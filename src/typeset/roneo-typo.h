/* roneo-typo.h: the typography rules of a language, applied to a copy of the text.
 *
 * TYPOGRAPHY.md is the specification: French (fr, and fr-CA for Québec),
 * English (en, en-GB) and German (de). Users type straight quotes, "...", a
 * space or none before "?", and get the language's typography. Text inside
 * RONEO_SPAN_CODE spans is left alone. Rules are idempotent: applying them to
 * their own output changes nothing.
 */
#pragma once

#include "roneo-rich-text.h"

G_BEGIN_DECLS

typedef enum
{
  RONEO_TYPO_BODY,    /* paragraphs, lists, notes, footers */
  RONEO_TYPO_DISPLAY, /* headlines, call-outs, slogans: short words bound to the next */
} RoneoTypoRole;

/* Rewrites rich for lang (a tag of roneo-lang.h: "fr", "fr-CA", "en-GB",
 * "de-AT"...; a language outside that table gets only the universal rules:
 * "..." to "…" and the apostrophe). Ordinal suffixes (1er, 2e, XIXe) get a
 * RONEO_SPAN_SUPERSCRIPT span. */
void roneo_typo_apply (RoneoRichText *rich, const char *lang, RoneoTypoRole role);

/* TRUE when lang is in the table of roneo-lang.h, whose rules these are. */
gboolean roneo_typo_knows_lang (const char *lang);

G_END_DECLS
