/* roneo-cups-private.h: libcups, loaded the first time something prints.
 *
 * Linking libcups would load it and its dependencies (GSSAPI, Avahi, D-Bus,
 * GnuTLS...) at the start of every roneo run, printing or not. So src/print
 * only includes <cups/cups.h> for its types and constants and calls libcups
 * through RoneoCups, a table of its functions with their exact prototypes.
 * roneo_cups_get () opens libcups.so.2 and fills the table once per process,
 * thread-safely; the table never changes after and the library is never
 * closed.
 */
#pragma once

#include <cups/cups.h>
#include <glib.h>

/* The libcups functions src/print calls, named as in libcups. */
typedef struct
{
  http_t *(*httpConnect2) (const char *host, int port, http_addrlist_t *addrlist, int family,
                           http_encryption_t encryption, int blocking, int msec, int *cancel);
  void (*httpClose) (http_t *http);
  http_uri_status_t (*httpAssembleURIf) (http_uri_coding_t encoding, char *uri, int urilen,
                                         const char *scheme, const char *username, const char *host,
                                         int port, const char *resourcef, ...) G_GNUC_PRINTF (8, 9);

  const char *(*cupsServer) (void);
  const char *(*cupsUser) (void);
  http_encryption_t (*cupsEncryption) (void);
  int (*ippPort) (void);
  ipp_status_t (*cupsLastError) (void);
  const char *(*cupsLastErrorString) (void);

  ipp_t *(*ippNewRequest) (ipp_op_t op);
  void (*ippDelete) (ipp_t *ipp);
  ipp_t *(*cupsDoRequest) (http_t *http, ipp_t *request, const char *resource);
  ipp_attribute_t *(*ippAddString) (ipp_t *ipp, ipp_tag_t group, ipp_tag_t value_tag,
                                    const char *name, const char *language, const char *value);
  ipp_attribute_t *(*ippAddStrings) (ipp_t *ipp, ipp_tag_t group, ipp_tag_t value_tag,
                                     const char *name, int num_values, const char *language,
                                     const char *const *values);
  ipp_attribute_t *(*ippAddInteger) (ipp_t *ipp, ipp_tag_t group, ipp_tag_t value_tag,
                                     const char *name, int value);
  ipp_attribute_t *(*ippFindAttribute) (ipp_t *ipp, const char *name, ipp_tag_t value_tag);
  ipp_attribute_t *(*ippFindNextAttribute) (ipp_t *ipp, const char *name, ipp_tag_t value_tag);
  int (*ippContainsString) (ipp_attribute_t *attr, const char *value);
  int (*ippGetBoolean) (ipp_attribute_t *attr, int element);
  int (*ippGetInteger) (ipp_attribute_t *attr, int element);
  int (*ippGetRange) (ipp_attribute_t *attr, int element, int *upper);
  const char *(*ippGetString) (ipp_attribute_t *attr, int element, const char **language);
  size_t (*ippAttributeString) (ipp_attribute_t *attr, char *buffer, size_t bufsize);
  const char *(*ippEnumString) (const char *attrname, int enumvalue);

  int (*cupsAddOption) (const char *name, const char *value, int num_options,
                        cups_option_t **options);
  void (*cupsFreeOptions) (int num_options, cups_option_t *options);
  int (*cupsCreateJob) (http_t *http, const char *name, const char *title, int num_options,
                        cups_option_t *options);
  http_status_t (*cupsStartDocument) (http_t *http, const char *name, int job_id,
                                      const char *docname, const char *format, int last_document);
  http_status_t (*cupsWriteRequestData) (http_t *http, const char *buffer, size_t length);
  ipp_status_t (*cupsFinishDocument) (http_t *http, const char *name);
  ipp_status_t (*cupsCancelJob2) (http_t *http, const char *name, int job_id, int purge);
} RoneoCups;

/* The loaded table, borrowed for the life of the process. The first call
 * loads libcups; if it or one of its functions is missing, every call returns
 * NULL with RONEO_ERROR_PRINT. */
const RoneoCups *roneo_cups_get (GError **error);

/* The table, once roneo_cups_get () has succeeded: whoever holds an http_t or
 * an ipp_t may use it without an error to handle. */
const RoneoCups *roneo_cups_peek (void);

/* httpClose () and ippDelete () through the table, for g_autoptr. */
void roneo_cups_http_close (http_t *http);
void roneo_cups_ipp_delete (ipp_t *ipp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (http_t, roneo_cups_http_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, roneo_cups_ipp_delete)
