/* The payloads through the stubs `candid bind` generates from bench.did:
 * one table per generated set, bench_fast_table (--fast) and
 * bench_interp_table (--no-fast), one entry per payload of payloads.c.
 * Functions take the generated struct as void * so that one loop times
 * every case. */
#ifndef BENCH_STUBS_H
#define BENCH_STUBS_H

#include "candid/candid.h"

typedef candid_status (*stub_decode_fn)(candid_decoder *d, const uint8_t *msg, size_t len,
                                        void *out, candid_arena *arena);
typedef candid_status (*stub_encode_fn)(candid_writer *w, const void *v);

typedef struct stub {
    const char *name;     /* the payload's name in payloads.c */
    stub_decode_fn decode; /* at the payload's decode type */
    size_t size;          /* ...and its generated struct's size */
    /* The payload's encode type: the same but for rec16as4 (written as
     * 16 fields, read as 4). decode_value decodes a message into it. */
    stub_encode_fn encode;
    stub_decode_fn decode_value;
    size_t value_size;
} stub;

/* In the order of bench_payloads (bench-native checks the names). */
extern const stub bench_fast_table[], bench_interp_table[];
extern const size_t bench_fast_count, bench_interp_count;

#endif
