/* libcandid's side of the Motoko comparison (run.sh): the core built for
 * wasm64, looping in Wasm over one operation on a bench payload so that
 * the timing from Node covers no JS-to-Wasm calls per iteration. The
 * message is written by the runner at bench_input(): for the first four
 * ops (the interpreter at the hand descriptors) the payload's message, for
 * DECODE_WARM_FAST and ENCODE_FAST the one the --fast stub itself encodes
 * (CASE.gen.bin), whose header its exact-match decoder expects, and for
 * DECODE_COLD_FAST the same value behind a header the stub did not
 * generate (run.mjs's foreignHeader). */
#include "../payloads.h"
#include "../stubs.h"
#include "candid/candid.h"

enum { DECODE_WARM, DECODE_COLD, ENCODE_WARM, ENCODE_COLD, DECODE_WARM_FAST, DECODE_COLD_FAST, ENCODE_FAST };

static uint8_t input[1 << 22], work[1 << 20], arena_mem[1 << 24], cache_mem[1 << 16], hb[1 << 12];
static uint8_t enc[1 << 22], value[4096];

uint8_t *bench_input(void) {
    return input;
}

/* The payload names (NUL-terminated), for the runner to find its cases. */
const char *bench_name(uint32_t index) {
    return index < bench_payload_count ? bench_payloads[index].name : 0;
}

/* The value of the message (for the encoders) stays in value[] and the
 * arena; the loops reset everything else per iteration. */
static candid_status decode_value(const candid_type *args, uint32_t len, candid_decoder *d, candid_arena *a) {
    candid_arena_init(a, arena_mem, sizeof arena_mem);
    return candid_decode(d, input, len, args, value, a);
}

/* Runs op iters times on payload index over the len bytes at
 * bench_input(); returns the last status, or with encodes the message
 * length shifted left by 8 (for the runner's sanity check). */
/* The ops through the --fast stub of the payload (bench/stubs.c). Warm:
 * the stub's own header, so its generated decoder; cold: any other header,
 * so the interpreter with no plan cache, fresh per call. The encoder
 * writes its precomputed header, so it has a single mode. */
static uint64_t stub_loop(const stub *s, uint32_t len, uint32_t op, uint32_t iters) {
    if (s->size > sizeof value || s->value_size > sizeof value) return CANDID_ERR_LIMIT;
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    candid_arena a;
    candid_status st = CANDID_OK;
    if (op == ENCODE_FAST) {
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st = s->decode_value(&d, input, len, value, &a);
        candid_writer w;
        candid_writer_init(&w, enc, sizeof enc);
        for (uint32_t i = 0; i < iters && !st; i++) {
            candid_writer_init(&w, enc, sizeof enc);
            st = s->encode(&w, value);
            if (!st) st = candid_writer_finish(&w);
        }
        return st ? st : (uint64_t)w.total << 8;
    }
    for (uint32_t i = 0; i < iters && !st; i++) {
        if (op == DECODE_COLD_FAST) candid_decoder_init(&d, work, sizeof work);
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st = s->decode(&d, input, len, value, &a);
    }
    return st;
}

uint64_t bench_loop(uint32_t index, uint32_t len, uint32_t op, uint32_t iters) {
    if (op >= DECODE_WARM_FAST) return stub_loop(&bench_fast_table[index], len, op, iters);
    const payload *p = &bench_payloads[index];
    const candid_type *args = p->generic_args ? p->generic_args : p->args;
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena a;
    if (op == DECODE_COLD) {
        candid_status st = CANDID_OK;
        for (uint32_t i = 0; i < iters && !st; i++) {
            candid_decoder_init(&d, work, sizeof work); /* no cache: parse and plan each time */
            st = decode_value(args, len, &d, &a);
        }
        return st;
    }
    d.cache = &cache;
    candid_status st = decode_value(args, len, &d, &a);
    if (op == DECODE_WARM) {
        for (uint32_t i = 0; i < iters && !st; i++) st = decode_value(args, len, &d, &a);
        return st;
    }
    candid_header h;
    if (!st) st = candid_header_build(&h, p->args, hb, sizeof hb, work, sizeof work);
    candid_writer w;
    candid_writer_init(&w, enc, sizeof enc);
    for (uint32_t i = 0; i < iters && !st; i++) {
        if (op == ENCODE_COLD) st = candid_header_build(&h, p->args, hb, sizeof hb, work, sizeof work);
        candid_writer_init(&w, enc, sizeof enc);
        if (!st) st = candid_encode(&w, &h, value, work, sizeof work, 0);
        if (!st) st = candid_writer_finish(&w);
    }
    return st ? st : (uint64_t)w.total << 8;
}
