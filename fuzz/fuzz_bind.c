/* libFuzzer: the decoders `candid bind` generates (ICRC-1 and the recursive
 * types of tests/bind/golden/recursion.did). The first byte picks one. A
 * message that decodes must re-encode through the generated encoder, the
 * re-encoding must decode, and encoding that again must give the same
 * bytes: decoded values are always valid values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "icrc1.h"
#include "recursion.h"

typedef candid_status (*decode_fn)(candid_decoder *, const uint8_t *, size_t, void *, candid_arena *);
typedef candid_status (*encode_fn)(candid_writer *, const void *);

#define ENTRY(prefix, fn) {(decode_fn)prefix##_##fn##_decode, (encode_fn)prefix##_##fn##_encode}
static const struct {
    decode_fn decode;
    encode_fn encode;
} entries[] = {
    ENTRY(icrc1, icrc1_transfer_args), ENTRY(icrc1, icrc1_transfer_result),
    ENTRY(icrc1, icrc1_balance_of_args), ENTRY(recursion, sum_args),
    ENTRY(recursion, depth_args), ENTRY(recursion, walk_args),
};

_Static_assert(sizeof(icrc1_icrc1_transfer_args) <= 4096 && sizeof(icrc1_icrc1_transfer_result) <= 4096 &&
                   sizeof(icrc1_icrc1_balance_of_args) <= 4096 && sizeof(recursion_sum_args) <= 4096 &&
                   sizeof(recursion_depth_args) <= 4096 && sizeof(recursion_walk_args) <= 4096,
               "every value fits value1 and value2");
static uint8_t work[1 << 18], arena1[1 << 18], arena2[1 << 18], msg1[1 << 18], msg2[1 << 18];
static _Alignas(16) uint8_t value1[4096], value2[4096];

static size_t encode(int e, const void *value, uint8_t *out, size_t cap) {
    candid_writer w;
    candid_writer_init(&w, out, cap);
    candid_status st = entries[e].encode(&w, value);
    if (!st) st = candid_writer_finish(&w);
    if (st == CANDID_ERR_BUFFER_FULL || st == CANDID_ERR_WORK_FULL) return 0; /* too big to check */
    if (st) abort();
    return w.total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    int e = data[0] % (int)(sizeof entries / sizeof entries[0]);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena a;
    candid_arena_init(&a, arena1, sizeof arena1);
    if (entries[e].decode(&d, data + 1, size - 1, value1, &a)) return 0;
    size_t n1 = encode(e, value1, msg1, sizeof msg1);
    if (!n1) return 0;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena_init(&a, arena2, sizeof arena2);
    if (entries[e].decode(&d, msg1, n1, value2, &a)) abort();
    size_t n2 = encode(e, value2, msg2, sizeof msg2);
    if (n2 != n1 || memcmp(msg1, msg2, n1) != 0) abort();
    return 0;
}
