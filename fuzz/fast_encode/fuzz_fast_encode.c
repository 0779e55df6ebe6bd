/* libFuzzer: the fast encoders `candid bind --fast` generates, against
 * candid_encode (tests/bind/fast_encode_check.c), on values the input
 * picks: byte 0 the method of fast_encode.did, bytes 1-8 the seed of
 * candid_random_value, then pairs of 8-byte words that each spoil one slot
 * (fe_mutate). Any difference in status, bytes, total or latched error
 * aborts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/random.h"
#include "fast_encode_check.h"
#include "fx.h"

#define ENTRY(m_) {&fx_##m_##_args_type, &fx_##m_##_args_header, fx_##m_##_args_message, sizeof(fx_##m_##_args)}
static const struct {
    const candid_type *type;
    const candid_header *header;
    candid_encode_fn encode;
    size_t size;
} entries[] = {
    ENTRY(leaf), ENTRY(item), ENTRY(shape), ENTRY(refs), ENTRY(nested), ENTRY(list),
    ENTRY(tree), ENTRY(dir), ENTRY(empties), ENTRY(none), ENTRY(tuple), ENTRY(chain),
};

static _Alignas(16) uint8_t random_mem[1 << 20], value[1 << 16];

static uint64_t word(const uint8_t *p) {
    uint64_t v = 0;
    for (int k = 0; k < 8; k++) v |= (uint64_t)p[k] << (8 * k);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 9) return 0;
    size_t e = data[0] % (sizeof entries / sizeof entries[0]);
    if (entries[e].size > sizeof value) abort();
    candid_random r;
    candid_random_init(&r, word(data + 1));
    candid_arena a;
    candid_arena_init(&a, random_mem, sizeof random_mem);
    if (candid_random_value(&r, entries[e].type, value, &a)) return 0;
    for (size_t at = 9; at + 16 <= size; at += 16)
        fe_mutate(entries[e].type, value, word(data + at), word(data + at + 8));
    if (fe_compare(entries[e].encode, entries[e].header, value, fx_ENCODE_WORK)) abort();
    return 0;
}
