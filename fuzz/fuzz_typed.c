/* libFuzzer: decode at fixed expected types (the struct path), uncached,
 * cold-cached and warm-cached; the three must agree byte for byte (status,
 * offset, output block, arena). The first input byte picks the type. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"
#include "expected_types.h"

static uint8_t work[1 << 18], cache_mem[1 << 16];
static uint8_t arena_mem[1 << 16], saved_arena[1 << 16], out[4096], saved_out[4096];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const candid_type *args = fuzz_expected[data[0] % FUZZ_EXPECTED_COUNT];
    data++;
    size--;
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_status first = CANDID_OK;
    size_t first_off = 0, first_used = 0;
    for (int way = 0; way < 3; way++) {
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        d.cache = way ? &cache : NULL;
        candid_arena a;
        memset(arena_mem, 0, sizeof arena_mem);
        memset(out, 0, sizeof out);
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        candid_status st = candid_decode(&d, data, size, args, out, &a);
        size_t used = a.used;
        if (way == 0) {
            first = st;
            first_off = d.error_offset;
            first_used = used;
            memcpy(saved_out, out, args->size);
            memcpy(saved_arena, arena_mem, used);
            continue;
        }
        if (st != first || d.error_offset != first_off || used != first_used ||
            memcmp(out, saved_out, args->size) != 0 || memcmp(arena_mem, saved_arena, used) != 0)
            abort();
        if (way == 2 && st == CANDID_OK && !d.cache_hit) abort();
    }
    return 0;
}
