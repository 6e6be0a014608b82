/* roneo-cli-options.h: the options every subcommand shares, and their parsing.
 *
 * Each subcommand is an option group over one RoneoCliOptions: the common
 * entries (layout, language, strict, quiet, verbose) plus its own. Not
 * installed.
 */
#pragma once

#include "roneo-cli.h"

#define RONEO_CLI_DEFAULT_PNG_DPI 150.0

typedef struct
{
  char *layout;
  char *output;
  char *lang;
  char *date;
  char *bleed;
  double png_dpi;
  gboolean marks;
  gboolean strict;
  gboolean quiet;
  gboolean verbose;
  gboolean dump;
  gboolean force; /* replace a file at the output path that is not a PDF */
  /* banner */
  char *size;
  char *sheet;
  char *overlap;
  char *printer_margin;
  char *sheets;
  char *manifest;
  char *text;
  char *distance;
  int max_sheets;
  gboolean whole;
  gboolean stencil;
  /* batch and print */
  char *data;
  char *nup;
  char *profile;
  char *duplex;
  char *print;
  char *printer;
  char *sides;
  char *media;
  int copies;
  gboolean calibration;
  gboolean single;
  gboolean mono;
  gboolean copies_given;
  char **fields; /* --field name=value, repeatable */
  char **files;
} RoneoCliOptions;

void roneo_cli_options_clear (RoneoCliOptions *o);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoCliOptions, roneo_cli_options_clear)

/* --png[=DPI]: a GOptionArgFunc whose data is the RoneoCliOptions. */
gboolean roneo_cli_parse_png (const char *name, const char *value, gpointer data,
                              GError **error);

/* A context for a subcommand: the common entries bound to o, plus own (n_own
 * entries, the last a NULL one). Owned. */
GOptionContext *roneo_cli_context_new (const char *usage, const char *summary,
                                       RoneoCliOptions *o, const GOptionEntry *own, gsize n_own);

/* Parses argv (argv[0] the subcommand); the remaining words go to o->files.
 * Returns 0, or the usage exit code after printing why. */
int roneo_cli_parse_args (GOptionContext *context, int argc, char **argv, RoneoCliOptions *o);

/* --lang: one of the known language tags, in any case; *out is set to its
 * canonical form (static), untouched when text is NULL. FALSE with a usage
 * error listing the known tags otherwise. */
gboolean roneo_cli_parse_lang (const char *text, const char **out, GError **error);

/* --bleed: a length with a unit, at most 20 mm; *out untouched when text is
 * NULL. FALSE with a usage error otherwise. */
gboolean roneo_cli_parse_bleed (const char *text, double *out, GError **error);

/* The job's date: --date, else SOURCE_DATE_EPOCH, else now. */
gboolean roneo_cli_options_date (const RoneoCliOptions *o, gint64 *date, GError **error);
