#ifndef TUNEDATA_CZLIB_SHIM_H
#define TUNEDATA_CZLIB_SHIM_H
#include <zlib.h>
#endif
