/* libFuzzer: the exact-match decoders generated from fuzz/fast/all.did
 * against the interpreter. The first byte picks a case (cases.h); with
 * the second byte odd, the message is a random value of the case (seeded
 * by the next 8 bytes) encoded by the generated encoder, so that its
 * header is the stub's own, then changed by the rest of the input: pairs
 * (position, xor mask), and an odd last byte cuts that many bytes off the
 * end. Otherwise the rest of the input is the message. Both decoders must
 * agree on status, error offset and arena use, and on the value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"
#include "candid/random.h"
#include "candid/text.h"
#include "fa.h"
#include "fab.h"
#include "cases.h"

static uint8_t random_mem[1 << 18], arena1[1 << 18], arena2[1 << 18], msg[1 << 16];
static _Alignas(8) uint8_t work1[1 << 18], work2[1 << 18];
static _Alignas(8) uint8_t out1[1 << 12], out2[1 << 12], value[1 << 12];

/* The case's random value, encoded, changed by data[0..n). */
static size_t derived(const fast_case *c, const uint8_t *data, size_t n) {
    uint64_t seed = 0;
    for (size_t i = 0; i < 8 && i < n; i++) seed |= (uint64_t)data[i] << (8 * i);
    data += n < 8 ? n : 8;
    n -= n < 8 ? n : 8;
    candid_random r;
    candid_random_init(&r, seed);
    candid_arena ra;
    candid_arena_init(&ra, random_mem, sizeof random_mem);
    if (candid_random_value(&r, c->type, value, &ra)) return 0;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    if (c->encode(&w, value) || candid_writer_finish(&w) || !w.total) return 0;
    size_t len = w.total;
    for (; n >= 2; n -= 2, data += 2) msg[data[0] % len] ^= data[1];
    if (n) len -= data[0] < len ? data[0] : len;
    return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    const fast_case *c = &fast_cases[data[0] % (sizeof fast_cases / sizeof *fast_cases)];
    size_t len;
    if (data[1] & 1) {
        len = derived(c, data + 2, size - 2);
    } else {
        len = size - 2 < sizeof msg ? size - 2 : sizeof msg;
        memcpy(msg, data + 2, len);
    }
    candid_decoder d1, d2;
    candid_decoder_init(&d1, work1, sizeof work1);
    candid_decoder_init(&d2, work2, sizeof work2);
    candid_arena a1, a2;
    candid_arena_init(&a1, arena1, sizeof arena1);
    candid_arena_init(&a2, arena2, sizeof arena2);
    candid_status st1 = c->decode(&d1, msg, len, out1, &a1);
    candid_status st2 = candid_decode(&d2, msg, len, c->type, out2, &a2);
    if (st1 != st2 || d1.error_offset != d2.error_offset || a1.used != a2.used ||
        a1.needed != a2.needed)
        abort();
    if (!st1 && (!candid_value_equal(c->type, out1, out2) || d1.steps < d2.steps)) abort();
    return 0;
}
