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
gboolean roneo_cli_parse_png (const char *name, const char *value, gpointer data, GError **error);

/* A context for a subcommand: the common entries bound to o, plus own (n_own
 * entries, the last a NULL one). Owned. */
GOptionContext *roneo_cli_context_new (const char *usage, const char *summary, RoneoCliOptions *o,
                                       const GOptionEntry *own, gsize n_own);

/* Parses argv (argv[0] the subcommand); the remaining words go to o->files.
 * Returns 0, or the usage exit code after printing why. */
int roneo_cli_parse_args (GOptionContext *context, int argc, char **argv, RoneoCliOptions *o);

/* A job of kind from the options every subcommand shares: the input
 * (files[0]), -o, --layout, --lang, --field, --date, --strict, --force,
 * --png. NULL with the error (a usage error, or one naming its option). */
RoneoJob *roneo_cli_job_new (RoneoJobKind kind, const RoneoCliOptions *o, GError **error);

/* --bleed onto job: a length with a unit; text NULL leaves it. */
gboolean roneo_cli_set_bleed (RoneoJob *job, const char *text, GError **error);

/* Runs job on a new engine; SIGINT, SIGTERM and SIGHUP cancel it. The
 * warnings are printed (none with --quiet, nor after a failure with
 * --strict: the error says the first). NULL after a failure, said, with
 * *status its exit code. */
RoneoResult *roneo_cli_run (RoneoJob *job, const RoneoCliOptions *o, int *status);
