// Only the declaration in include/CFuzzDriver.h; SwiftPM needs one source file for a C target.
#include "CFuzzDriver.h"
