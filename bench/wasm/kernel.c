/* The benchmark kernel for Wasm instruction counts: decodes (cold, then
 * warm through the plan cache) and encodes an embedded message of a
 * payload, in one of four modes, so that differences between exports
 * isolate each operation (bench/wasm/count.sh). */
#include "../payloads.h"
#include "candid/candid.h"
#include "kernel.h"

static uint8_t work[1 << 18], arena_mem[1 << 20], cache_mem[1 << 16], enc[1 << 20], hb[1 << 12];
static uint8_t out[4096];

uint32_t bench_run(uint32_t index, const uint8_t *msg, uint32_t len, uint32_t mode) {
    const payload *p = &bench_payloads[index];
    const candid_type *args = p->generic_args ? p->generic_args : p->args;
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    uint32_t st = candid_decode(&d, msg, len, args, out, &a);
    if (mode == MODE_WARM) {
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st |= candid_decode(&d, msg, len, args, out, &a);
    }
    if (mode == MODE_HEADER || mode == MODE_ENCODE) {
        candid_header h;
        st |= candid_header_build(&h, args, hb, sizeof hb, work, sizeof work);
        if (mode == MODE_ENCODE) {
            candid_writer w;
            candid_writer_init(&w, enc, sizeof enc);
            st |= candid_encode(&w, &h, out, work, sizeof work, 0);
        }
    }
    return st;
}
