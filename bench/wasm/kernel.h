/* Modes of the benchmark kernel; see kernel.c. */
#ifndef BENCH_KERNEL_H
#define BENCH_KERNEL_H

#include <stdint.h>

/* Through the hand descriptors of payloads.c: */
enum { MODE_COLD, MODE_WARM, MODE_HEADER, MODE_ENCODE };
/* Through the generated stubs (stubs.h), mode MODE_STUBS + 4 * set + STUB_x
 * with set 0 for --fast and 1 for --no-fast: */
enum { MODE_STUBS = 4 };
enum { STUB_COLD, STUB_WARM, STUB_VALUE, STUB_ENCODE };

uint32_t bench_run(uint32_t index, const uint8_t *msg, uint32_t len, uint32_t mode);

#endif
