/* The benchmark kernel for Wasm instruction counts: decodes (cold, then
 * warm through the plan cache) and encodes an embedded message of a
 * payload, in one of several modes, so that differences between exports
 * isolate each operation (bench/wasm/count.sh). The hand-described modes
 * take the payload's message; the generated stubs' modes take what the
 * stubs themselves encode (CASE.N.gen.bin), the header their fast paths
 * expect. */
#include "../payloads.h"
#include "../stubs.h"
#include "candid/candid.h"
#include "kernel.h"

static uint8_t work[1 << 18], arena_mem[1 << 20], cache_mem[1 << 16], enc[1 << 20], hb[1 << 12];
static uint8_t out[4096];

/* STUB_COLD: one decode (a cache miss); STUB_WARM: the same, then a
 * warm one; STUB_VALUE: a decode at the encode type; STUB_ENCODE: the
 * same, then the encode of what it decoded. */
static uint32_t run_stub(const stub *s, const uint8_t *msg, uint32_t len, uint32_t mode) {
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    if (mode == STUB_VALUE || mode == STUB_ENCODE) {
        uint32_t st = s->decode_value(&d, msg, len, out, &a);
        if (mode == STUB_ENCODE) {
            candid_writer w;
            candid_writer_init(&w, enc, sizeof enc);
            st |= s->encode(&w, out);
        }
        return st;
    }
    uint32_t st = s->decode(&d, msg, len, out, &a);
    if (mode == STUB_WARM) {
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st |= s->decode(&d, msg, len, out, &a);
    }
    return st;
}

uint32_t bench_run(uint32_t index, const uint8_t *msg, uint32_t len, uint32_t mode) {
    if (mode >= MODE_STUBS) {
        const stub *table = (mode - MODE_STUBS) / 4 ? bench_interp_table : bench_fast_table;
        return run_stub(&table[index], msg, len, (mode - MODE_STUBS) % 4);
    }
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
