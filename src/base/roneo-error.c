#include "roneo-error.h"

G_DEFINE_QUARK (roneo-error-quark, roneo_error)
