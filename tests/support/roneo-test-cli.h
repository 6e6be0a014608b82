/* roneo-test-cli.h: the harness of the suites that run the built roneo as a
 * user does (cli, batch, banner, print-cli).
 *
 * roneo_test_cli_setup () reads the path of the binary from the command
 * line and the test cases folder from RONEO_TEST_CASES, once, in main; the helpers
 * then run roneo (or another program) in a scratch folder that is also the
 * child's TMPDIR, so that a temporary file roneo forgets is seen, and check
 * what a user would see. They fail the running test (g_assert, g_error)
 * rather than return errors.
 */
#pragma once

#include <glib.h>

#include "roneo-test-files.h"
#include "roneo-test-pdf.h"

G_BEGIN_DECLS

/* What a run gave back; roneo_test_run_clear frees it (g_auto works). */
typedef struct
{
  int status;     /* exit code, or -1 if killed */
  char *out;      /* stdout (NULL when redirected to a file) */
  char *err;      /* stderr, never NULL after a run */
  double seconds; /* how long the child ran */
  char *tmpdir;   /* the child's own TMPDIR (RoneoTestSpawn.tmpdir_in), or NULL */
} RoneoTestRun;

/* Frees out and err, and removes tmpdir if the child left it empty. */
void roneo_test_run_clear (RoneoTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoneoTestRun, roneo_test_run_clear)

/* How to run; a NULL RoneoTestSpawn is all defaults. */
typedef struct
{
  const char *program;     /* NULL: the roneo under test; otherwise looked up in PATH */
  const char *stdin_path;  /* NULL: inherited */
  const char *stdout_path; /* NULL: captured in RoneoTestRun.out */
  const char *tmpdir_in;   /* NULL: TMPDIR is cwd; otherwise a fresh folder made in it */
} RoneoTestSpawn;

/* Runs the program with args (NULL-terminated, argv[0] not included) in cwd
 * and waits for it; run is overwritten. */
void roneo_test_run_full (RoneoTestRun *run, const char *cwd, const RoneoTestSpawn *how,
                          const char *const *args);

/* Runs roneo with the remaining arguments in cwd. */
#define RONEO_TEST_RUN(run, cwd, ...)                                                              \
  roneo_test_run_full (run, cwd, NULL, (const char *const[]){ __VA_ARGS__, NULL })

/* The test picture file of tests/cases/images copied to dir/to (its
 * folders made as needed), as a collective keeps its pictures beside its
 * copy. */
void roneo_test_copy_picture (const char *file, const char *dir, const char *to);

/* The columns of a `pdfimages -list` row (poppler-utils 22.12). */
enum
{
  RONEO_TEST_IMAGE_PAGE,
  RONEO_TEST_IMAGE_NUM,
  RONEO_TEST_IMAGE_TYPE, /* "image", "smask" */
  RONEO_TEST_IMAGE_WIDTH,
  RONEO_TEST_IMAGE_HEIGHT,
  RONEO_TEST_IMAGE_COLOR,
  RONEO_TEST_IMAGE_COMP,
  RONEO_TEST_IMAGE_BPC,
  RONEO_TEST_IMAGE_ENC, /* "jpeg", "image"... */
  RONEO_TEST_IMAGE_INTERP,
  RONEO_TEST_IMAGE_OBJECT, /* the object number: one per XObject, a mask its image's */
  RONEO_TEST_IMAGE_COLUMNS = 11
};

/* `pdfimages -list pdf` run in cwd: one row per image shown, each its
 * columns (a GStrv of at least RONEO_TEST_IMAGE_COLUMNS). Owned. */
GPtrArray *roneo_test_pdf_images (const char *cwd, const char *pdf);

/* The rows of images of type, width x height px and encoding enc. */
guint roneo_test_count_images (GPtrArray *rows, const char *type, const char *width,
                               const char *height, const char *enc);

/* The run exited with expected; otherwise its stderr is in the message. */
void roneo_test_assert_exit (const RoneoTestRun *run, int expected);

/* needle occurs in haystack. */
void roneo_test_assert_contains (const char *haystack, const char *needle);

/* A failed run left nothing in dir but the files named in inputs (NULL: none). */
void roneo_test_assert_left_only (const char *dir, const char *const *inputs);

/* In main, after g_test_init: takes the binary's path from argv[1] (into
 * RONEO_TEST_BINARY, so an isolated case's subprocess, which gets no
 * arguments, finds it), the cases folder from RONEO_TEST_CASES and the
 * source tree from RONEO_SOURCE_ROOT, and sets a UTF-8 locale if there is none. On a missing one
 * says so on stderr and returns FALSE: main should exit 1. */
gboolean roneo_test_cli_setup (int argc, char **argv);

/* Frees what roneo_test_cli_setup and the isolated cases hold; after g_test_run. */
void roneo_test_cli_teardown (void);

/* The source tree (RONEO_SOURCE_ROOT), borrowed. */
const char *roneo_test_source_root (void);

/* The path of the roneo binary under test (borrowed). */
const char *roneo_test_roneo_path (void);

/* The path of a file of tests/cases (RONEO_TEST_CASES). Owned. */
char *roneo_test_corpus (const char *name);

/* Cases added with roneo_test_add_isolated* run each in a subprocess, so one
 * failure (g_error aborts) does not hide the others. Call once in main
 * before adding them: it makes the parent's assertions non-fatal. */
void roneo_test_isolation_init (void);

/* Adds func (data) at path, run in its own subprocess. */
void roneo_test_add_isolated (const char *path, GTestDataFunc func, gconstpointer data);

/* Adds func at path, run in its own subprocess. */
void roneo_test_add_isolated_func (const char *path, GTestFunc func);

G_END_DECLS
