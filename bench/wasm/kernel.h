/* Modes of the benchmark kernel; see kernel.c. */
#ifndef BENCH_KERNEL_H
#define BENCH_KERNEL_H

#include <stdint.h>

enum { MODE_COLD, MODE_WARM, MODE_HEADER, MODE_ENCODE };

uint32_t bench_run(uint32_t index, const uint8_t *msg, uint32_t len, uint32_t mode);

#endif
