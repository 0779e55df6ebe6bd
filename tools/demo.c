/* A tour of the core API on an ICRC-1 transfer argument: describe the C
 * structs once (generated from the .did), encode, then decode twice
 * through the plan cache and once at an older version of the type (extra
 * fields are skipped by subtyping). Run by tools/quickstart.sh. */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "candid/candid.h"

/* The C types, descriptors and message headers come from the .did files:
 * candid bind --target c examples/icrc1/icrc1.did   (icrc1.h, icrc1.c)
 * candid bind --target c tools/demo_v1.did          (demo_v1.h, demo_v1.c)
 * run by tools/meson.build. */
#include "demo_v1.h"
#include "icrc1.h"

static void hex(const char *label, const uint8_t *p, size_t n) {
    printf("%s (%zu bytes): ", label, n);
    for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
    printf("\n");
}

static int fail(const char *what, candid_status st, size_t off) {
    fprintf(stderr, "%s: %s (%s) at byte %zu\n", what, candid_status_message(st),
            candid_status_name(st), off);
    return 1;
}

int main(void) {
    static uint8_t work[1 << 16], cache_mem[1 << 14], arena_mem[1 << 12];
    static uint8_t msg[256];

    static const uint8_t owner[] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01};
    icrc1_TransferArg t;
    memset(&t, 0, sizeof t);
    t.to.owner = (candid_slice){owner, sizeof owner};
    t.amount = 1000000;
    t.fee = (icrc1_opt_Tokens){1, 10000};
    t.memo = (icrc1_opt_blob){1, {(const uint8_t *)"coffee", 6}};
    /* A message of one TransferArg: the header was computed by candid bind. */
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    candid_status st = icrc1_TransferArg_encode(&w, &t);
    if (!st) st = candid_writer_finish(&w);
    if (st) return fail("encode", st, w.total);
    hex("icrc1_transfer argument", msg, w.total);

    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 4);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    for (int round = 1; round <= 2; round++) {
        icrc1_TransferArg back;
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st = icrc1_TransferArg_decode(&d, msg, w.total, &back, &a);
        if (st) return fail("decode", st, d.error_offset);
        printf("decode %d (%s): amount=%" PRIu64 " fee=%" PRIu64 " memo=\"%.*s\" owner=%zu bytes "
               "created_at_time=%s, %" PRIu64 " steps\n",
               round, d.cache_hit ? "cached plan" : "parsed header, compiled plan", back.amount,
               back.fee.value, (int)back.memo.value.len, (const char *)back.memo.value.ptr,
               back.to.owner.len, back.created_at_time.present ? "set" : "null", d.steps);
    }

    demo_v1_TransferArgV1 old;
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    st = demo_v1_TransferArgV1_decode(&d, msg, w.total, &old, &a);
    if (st) return fail("decode v1", st, d.error_offset);
    printf("decode at record { to; amount }: amount=%" PRIu64 " (%" PRIu64 " of %" PRIu64
           " steps skipping fields it does not know)\n",
           old.amount, d.skip_steps, d.steps);

    /* A malformed message fails with a code and a byte offset. */
    msg[w.total - 1] ^= 0x80;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    st = demo_v1_TransferArgV1_decode(&d, msg, w.total, &old, &a);
    printf("corrupted last byte: %s at byte %zu\n", candid_status_name(st), d.error_offset);
    return st == CANDID_OK;
}
