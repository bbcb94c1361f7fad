/*
 * fuzz.h — what the fuzz harnesses share. Each tests/fuzz/fuzz_NAME.c
 * defines LLVMFuzzerTestOneInput and is built two ways: with libFuzzer
 * (`make fuzz`: clang, -fsanitize=fuzzer,address,undefined) to search for
 * crashing inputs, and with replay.c (`make test`, any compiler) to run
 * every file kept in tests/fuzz/NAME/ — the seeds and each crash input
 * found — through the same code. A harness aborts (fuzz_check) when an
 * invariant of the module does not hold, so that both builds catch it.
 */
#ifndef SPINDLE_FUZZ_H
#define SPINDLE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the failed condition and where, when cond is false. */
#define fuzz_check(cond) \
    do { if (!(cond)) { fprintf(stderr, "%s:%d: invariant failed: %s\n", \
                                __FILE__, __LINE__, #cond); abort(); } } while (0)

#endif
