/* fuzz-pipeline.h: what the whole-pipeline fuzz targets share.
 *
 * fuzz-flyer, fuzz-banner and fuzz-batch run copy through every stage
 * (parse, typeset, compose, impose, render, finish) in one process, many
 * times: the engine (fonts, dictionaries) is made once, outputs go to a
 * private temporary folder that is emptied after each input and removed at
 * exit. GLib warnings and criticals abort, so a broken invariant is a
 * finding like a memory error.
 */
#pragma once

#include "roneo-engine-private.h"
#include "roneo-error.h"

#include <stdint.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The engine, loaded on first use. Borrowed, lives as long as the process. */
RoneoEngine *fuzz_engine (void);

/* name in the private folder. Owned. */
char *fuzz_path (const char *name);

/* A failed job's error: RONEO_ERROR with one of its exit codes, and a message. */
void fuzz_assert_job_error (const GError *error);

/* path is a whole PDF: the header, and the end-of-file marker at its end. */
void fuzz_assert_pdf (const char *path);

/* No temporary file is left in the folder (a name with ".tmp", cairo's
 * or the finishing pass's), then every file in it is removed. */
void fuzz_assert_clean_and_empty (void);

G_END_DECLS
