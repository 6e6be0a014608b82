/* roneo-cleanup-private.h: autocleanups that Cairo 1.16, Pango 1.50 and
 * fontconfig lack (PITFALLS 10). Include it only from .c files. */
#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pango.h>

#if !PANGO_VERSION_CHECK(1, 58, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoContext, g_object_unref)
#endif
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_font_options_t, cairo_font_options_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPattern, FcPatternDestroy)
