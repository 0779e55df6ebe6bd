/* The benchmark payloads: each a Candid argument type, its C layout and a
 * deterministic value generator. */
#ifndef BENCH_PAYLOADS_H
#define BENCH_PAYLOADS_H

#include <stddef.h>

#include "candid/types.h"

typedef struct payload {
    const char *name;
    const char *did;          /* the argument types in .did syntax */
    const candid_type *args;  /* argument record, C layout */
    const candid_type *generic_args; /* decode-at type for subtype-skipping cases, else NULL */
    size_t elements;          /* per-element figures divide by this */
    void *(*make)(size_t n);  /* the value, laid out as args (malloc'd) */
    size_t n;                 /* element count at full size */
    size_t n_quick;           /* ...and with --quick */
} payload;

extern const payload bench_payloads[];
extern const size_t bench_payload_count;

/* Frees every value the payloads' make functions have returned so far. */
void bench_payload_free(void);

#endif
