#ifndef TUNEDATA_CPOPPLER_SHIM_H
#define TUNEDATA_CPOPPLER_SHIM_H

#include <poppler.h>
#include <glib.h>
#include <glib-object.h>
#include <cairo.h>
#include <cairo-pdf.h>

#endif
