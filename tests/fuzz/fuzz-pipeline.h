/* fuzz-pipeline.h: what the whole-pipeline fuzz targets share.
 *
 * fuzz-flyer, fuzz-banner and fuzz-batch run copy through every stage
 * (parse, typeset, compose, impose, render, finish) in one process, many
 * times, as a program embedding roneo does: jobs made with roneo_job_new
 * and its setters, run by roneo_engine_run, read back through RoneoResult.
 * The engine (fonts, dictionaries) is made once; outputs go to a private
 * temporary folder, which is also the process's TMPDIR (so the scratch file
 * behind a stream output is watched too), emptied after each input and
 * removed at exit. GLib warnings and criticals abort, so a broken invariant
 * is a finding like a memory error.
 */
#pragma once

#include "roneo.h"

#include <stdint.h>

G_BEGIN_DECLS

#define FUZZ_DATE 1 /* a fixed date: the same input gives the same bytes */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The engine, loaded on first use. Borrowed, lives as long as the process. */
RoneoEngine *fuzz_engine (void);

/* name in the private folder. Owned. */
char *fuzz_path (const char *name);

/* Runs job on the engine: the result, or NULL after checking the error is
 * one a job may give (fuzz_assert_job_error). warnings may be NULL. */
RoneoResult *fuzz_run (const RoneoJob *job, RoneoWarnings *warnings);

/* A failed job's error: RONEO_ERROR with one of the codes the library
 * gives, or RONEO_JOB_ERROR, and a message. */
void fuzz_assert_job_error (const GError *error);

/* data is a whole PDF: the header, and the end-of-file marker at its end. */
void fuzz_assert_pdf_data (const void *data, gsize length);
/* path is a whole PDF. */
void fuzz_assert_pdf (const char *path);
/* Every proof of result is a PNG, and a file where the result says one was
 * written. */
void fuzz_assert_proofs (const RoneoResult *result);

/* No temporary file is left in the folder (a name with ".tmp", cairo's or
 * the finishing pass's, or a stream's scratch "roneo.XXXXXX"), then every
 * file in it is removed. */
void fuzz_assert_clean_and_empty (void);

G_END_DECLS
