/* api-support.h: what the api suite's programs share. They see roneo as a
 * program embedding it does: roneo.h and nothing else of the library, and
 * poppler to read back the PDFs it writes. */
#pragma once

#include "roneo.h"

#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22 does not define these yet */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define API_DATE 1772323200 /* 2026-03-01: a fixed date, so the same job gives the same bytes */

/* Points the process's temporary folder (TMPDIR) at a new empty folder,
 * before anything asked GLib for it, so a test can see that a job leaves
 * nothing there. Call first in main. Borrowed, lives as long as the process. */
const char *api_isolate_tmp (void);

/* The engine the tests share, made on first use from RONEO_DATA_DIR.
 * Borrowed. */
RoneoEngine *api_engine (void);

/* tests/cases/NAME as bytes (RONEO_TEST_CASES). Owned. */
GBytes *api_read_case (const char *name);

/* A new empty folder under the temporary folder. Owned; remove it with
 * api_remove_dir. */
char *api_make_dir (void);
/* The names in folder, sorted, joined by ", "; "" when it is empty. Owned. */
char *api_list_dir (const char *folder);
/* Removes folder and the files in it. */
void api_remove_dir (const char *folder);

/* A job in scratch (a folder of the temporary folder) left nothing: scratch
 * is empty, the temporary folder holds scratch alone; then removes scratch. */
void api_assert_left_nothing (const char *scratch);

/* What a memory stream holds, without closing it. Owned. */
GBytes *api_memory_bytes (GOutputStream *stream);

/* The PDF in bytes, read back; fails the test if poppler cannot read it. */
PopplerDocument *api_open_pdf (GBytes *pdf);
/* The text of every page, whitespace removed, typographic apostrophes made
 * plain and case folded, so words broken across lines or in capitals still
 * match. Owned. */
char *api_pdf_words (PopplerDocument *doc);
/* word (made plain the same way) is in the PDF's text. */
void api_assert_pdf_has (PopplerDocument *doc, const char *word);

/* An error message as the library gives it: a sentence in lower case
 * without the command's flags ("--sheet"). */
void api_assert_library_message (const char *message);

G_END_DECLS
