#ifndef COURTESY_CFUZZDRIVER_H
#define COURTESY_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for a program with its own main (SwiftPM renames an executable's entry point, so
// libFuzzer's main is not the one that runs). Defined by libFuzzer when linked with -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
