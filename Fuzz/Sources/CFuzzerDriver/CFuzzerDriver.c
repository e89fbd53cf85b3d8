// Only the declaration in include/CFuzzerDriver.h; libFuzzer defines the function.
#include "CFuzzerDriver.h"
