/* roneo-input.h: every file roneo reads goes through here.
 *
 * One place decides what may be read and how much: a regular file, or "-"
 * for standard input (a pipe, a terminal or a redirected file); a FIFO, a
 * device or a folder named as a file is refused before anything is read
 * (opening a FIFO would wait for a writer, /dev/zero would never end). Each
 * kind of input has its limit: copy and layouts 10 MB, read whole; CSV data
 * 1 GB, read as a stream; a picture 50 MB, read whole. Past the limit, reading stops with an error
 * that names the file. Errors are RONEO_ERROR_INPUT; a read interrupted by a signal fails (the CLI
 * catches only the signals that stop a job).
 *
 * A RoneoInput is opened, read in chunks and freed; roneo_input_read_all
 * does the three for the inputs that are read whole. An input may also be
 * bytes a program already holds, read the same way within the same limit.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RONEO_INPUT_COPY,   /* a tract or a slogan */
  RONEO_INPUT_LAYOUT, /* a layout .ini file */
  RONEO_INPUT_DATA,   /* the CSV file of a batch */
  RONEO_INPUT_IMAGE,  /* a picture (PNG, JPEG, SVG): never standard input */
} RoneoInputKind;

#define RONEO_INPUT_MAX_TEXT (10 * 1024 * 1024)      /* copy and layouts */
#define RONEO_INPUT_MAX_DATA (1024 * 1024 * 1024ull) /* CSV */
#define RONEO_INPUT_MAX_IMAGE (50 * 1024 * 1024)     /* a picture, read whole */

typedef struct _RoneoInput RoneoInput;

/* Opens path ("-": standard input) to read an input of that kind. Returns
 * an owned input, or NULL with error when path cannot be opened or is not a
 * regular file. */
RoneoInput *roneo_input_open (const char *path, RoneoInputKind kind, GError **error);

/* Reads bytes (a reference is taken) as an input of that kind, named name
 * in messages. Owned. */
RoneoInput *roneo_input_new_bytes (GBytes *bytes, const char *name, RoneoInputKind kind);

/* Reads up to size bytes into buffer. Returns the number read, 0 at the end,
 * or -1 with error (a read error, or the input passed its limit). */
gssize roneo_input_read (RoneoInput *input, void *buffer, gsize size, GError **error);

/* The name used in messages: the path, "<stdin>" or the bytes' name. Borrowed. */
const char *roneo_input_get_source (const RoneoInput *input);

/* Closes the file (standard input stays open). */
void roneo_input_free (RoneoInput *input);

/* The whole of path ("-": standard input), within the kind's limit. Owned;
 * NULL with error. */
GBytes *roneo_input_read_all (const char *path, RoneoInputKind kind, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoneoInput, roneo_input_free)

G_END_DECLS
