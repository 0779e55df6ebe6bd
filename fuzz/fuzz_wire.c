/* libFuzzer: decode any message at its own wire types (the generic path).
 * A message that decodes must re-encode, and the re-encoding must decode to
 * the same bytes again (decode -> encode -> decode stability). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"

static uint8_t work[1 << 18], types_mem[1 << 18], arena_mem[1 << 20], out[1 << 16];
static uint8_t enc1[1 << 20], enc2[1 << 20], hdr[1 << 16], back[1 << 16], arena2[1 << 20];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena types, arena;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    const candid_type *args;
    if (candid_wire_types(&d, data, size, &args, &types)) return 0;
    if (args->size > sizeof out) return 0;
    candid_arena_init(&arena, arena_mem, sizeof arena_mem);
    if (candid_decode(&d, data, size, args, out, &arena)) return 0;

    /* Types holding a future type cannot be written back (their bytes are
     * unknown): the one reason the header may not build. */
    candid_header h;
    candid_status hs = candid_header_build(&h, args, hdr, sizeof hdr, work, sizeof work);
    if (hs == CANDID_ERR_BAD_TYPE || hs == CANDID_ERR_BUFFER_FULL || hs == CANDID_ERR_WORK_FULL) return 0;
    if (hs) abort();
    candid_writer w;
    candid_writer_init(&w, enc1, sizeof enc1);
    candid_status st = candid_encode(&w, &h, out, work, sizeof work, 0);
    if (st == CANDID_ERR_BUFFER_FULL || st == CANDID_ERR_DEPTH || st == CANDID_ERR_WORK_FULL) return 0;
    if (st) abort();
    size_t n1 = w.total;
    /* The re-encoding decodes, and encodes to the very same bytes. */
    candid_arena_init(&arena, arena2, sizeof arena2);
    st = candid_decode(&d, enc1, n1, args, back, &arena);
    if (st == CANDID_ERR_BUDGET) return 0; /* budgets depend on the length */
    if (st) abort();
    candid_writer_init(&w, enc2, sizeof enc2);
    if (candid_encode(&w, &h, back, work, sizeof work, 0)) abort();
    if (w.total != n1 || memcmp(enc1, enc2, n1) != 0) abort();
    return 0;
}
