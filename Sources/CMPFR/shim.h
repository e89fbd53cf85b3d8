#ifndef PRECISIONLAB_CMPFR_SHIM_H
#define PRECISIONLAB_CMPFR_SHIM_H
#include <gmp.h>
#include <mpfr.h>
#endif
