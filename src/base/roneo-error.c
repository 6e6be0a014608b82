#include "roneo-error.h"

#include "roneo-config.h"
#include "roneo-intl-private.h"

G_DEFINE_QUARK (roneo - error - quark, roneo_error)
G_DEFINE_QUARK (roneo - job - error - quark, roneo_job_error)

const char *
roneo_get_version (void)
{
  return RONEO_VERSION;
}

void
roneo_set_thread_language (const char *lang)
{
  roneo_intl_set_thread_language (lang);
}
