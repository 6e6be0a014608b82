/* roneo-duplex.h: which edge a sheet turns on, the one duplex enum of roneo.
 *
 * The imposition decides the binding of a batch, the print stage asks the
 * printer for it, and both speak this enum; its values are IPP's `sides`
 * keywords plus AUTO, the imposition's natural binding, which has none.
 * The enum and its IPP names are public: they are declared in roneo.h.
 */
#pragma once

#include "roneo.h"
