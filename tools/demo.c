/* A tour of the core API on an ICRC-1 transfer argument: describe the C
 * structs once, build the message header once, encode, then decode twice
 * through the plan cache and once at an older version of the type (extra
 * fields are skipped by subtyping). Run by tools/quickstart.sh. */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "candid/candid.h"

/* type Account = record { owner : principal; subaccount : opt blob };
 * type TransferArg = record { from_subaccount : opt blob; to : Account;
 *   amount : nat; fee : opt nat; memo : opt blob; created_at_time : opt nat64 }; */
typedef struct { uint8_t has; candid_slice v; } opt_blob;
typedef struct { uint8_t has; uint64_t v; } opt_u64;
typedef struct { candid_slice owner; opt_blob subaccount; } account;
typedef struct {
    account to;
    opt_u64 fee;
    opt_blob memo;
    opt_blob from_subaccount;
    opt_u64 created_at_time;
    uint64_t amount;
} transfer_arg;

static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};
static const candid_type blob_t = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE,
                                   .size = sizeof(candid_slice), .align = _Alignof(candid_slice),
                                   .inner = &nat8_t};
static const candid_type opt_blob_t = {.kind = CANDID_OPT, .size = sizeof(opt_blob),
                                       .align = _Alignof(opt_blob),
                                       .offset = offsetof(opt_blob, v), .inner = &blob_t};
static const candid_type nat_t = {.kind = CANDID_NAT, .size = 8, .align = 8};
static const candid_type nat64_t = {.kind = CANDID_NAT64, .size = 8, .align = 8};
static const candid_type opt_nat_t = {.kind = CANDID_OPT, .size = sizeof(opt_u64), .align = 8,
                                      .offset = offsetof(opt_u64, v), .inner = &nat_t};
static const candid_type opt_nat64_t = {.kind = CANDID_OPT, .size = sizeof(opt_u64), .align = 8,
                                        .offset = offsetof(opt_u64, v), .inner = &nat64_t};
static const candid_type principal_t = {.kind = CANDID_PRINCIPAL, .size = sizeof(candid_slice),
                                        .align = _Alignof(candid_slice)};

/* Fields are sorted by id, the hash of their names (candid hash NAME). */
static const candid_field account_f[] = {
    {.id = 947296307, .offset = offsetof(account, owner), .type = &principal_t, .name = "owner"},
    {.id = 1349681965, .offset = offsetof(account, subaccount), .type = &opt_blob_t, .name = "subaccount"},
};
static const candid_type account_t = {.kind = CANDID_RECORD, .size = sizeof(account),
                                      .align = _Alignof(account), .count = 2, .fields = account_f};
static const candid_field transfer_f[] = {
    {.id = 25979, .offset = offsetof(transfer_arg, to), .type = &account_t, .name = "to"},
    {.id = 5094982, .offset = offsetof(transfer_arg, fee), .type = &opt_nat_t, .name = "fee"},
    {.id = 1213809850, .offset = offsetof(transfer_arg, memo), .type = &opt_blob_t, .name = "memo"},
    {.id = 1835347746, .offset = offsetof(transfer_arg, from_subaccount), .type = &opt_blob_t, .name = "from_subaccount"},
    {.id = 3258775938u, .offset = offsetof(transfer_arg, created_at_time), .type = &opt_nat64_t, .name = "created_at_time"},
    {.id = 3573748184u, .offset = offsetof(transfer_arg, amount), .type = &nat_t, .name = "amount"},
};
static const candid_type transfer_t = {.kind = CANDID_RECORD, .size = sizeof(transfer_arg),
                                       .align = _Alignof(transfer_arg), .count = 6, .fields = transfer_f};
/* The argument list (transfer_arg) is a record with field 0. */
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &transfer_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = sizeof(transfer_arg),
                                   .align = _Alignof(transfer_arg), .count = 1, .fields = args_f};

/* An older client's view: record { to : Account; amount : nat }. */
typedef struct { account to; uint64_t amount; } transfer_v1;
static const candid_field v1_f[] = {
    {.id = 25979, .offset = offsetof(transfer_v1, to), .type = &account_t, .name = "to"},
    {.id = 3573748184u, .offset = offsetof(transfer_v1, amount), .type = &nat_t, .name = "amount"},
};
static const candid_type v1_t = {.kind = CANDID_RECORD, .size = sizeof(transfer_v1),
                                 .align = _Alignof(transfer_v1), .count = 2, .fields = v1_f};
static const candid_field v1_args_f[] = {{.id = 0, .offset = 0, .type = &v1_t}};
static const candid_type v1_args_t = {.kind = CANDID_RECORD, .size = sizeof(transfer_v1),
                                      .align = _Alignof(transfer_v1), .count = 1, .fields = v1_args_f};

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
    static uint8_t header_bytes[128], msg[256];

    candid_header h;
    candid_status st = candid_header_build(&h, &args_t, header_bytes, sizeof header_bytes, work, sizeof work);
    if (st) return fail("header", st, 0);

    static const uint8_t owner[] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01};
    transfer_arg t;
    memset(&t, 0, sizeof t);
    t.to.owner = (candid_slice){owner, sizeof owner};
    t.amount = 1000000;
    t.fee = (opt_u64){1, 10000};
    t.memo = (opt_blob){1, {(const uint8_t *)"coffee", 6}};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    st = candid_encode(&w, &h, &t, work, sizeof work, 0);
    if (st) return fail("encode", st, w.total);
    hex("icrc1_transfer argument", msg, w.total);

    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 4);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    for (int round = 1; round <= 2; round++) {
        transfer_arg back;
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        st = candid_decode(&d, msg, w.total, &args_t, &back, &a);
        if (st) return fail("decode", st, d.error_offset);
        printf("decode %d (%s): amount=%" PRIu64 " fee=%" PRIu64 " memo=\"%.*s\" owner=%zu bytes "
               "created_at_time=%s, %" PRIu64 " steps\n",
               round, d.cache_hit ? "cached plan" : "parsed header, compiled plan", back.amount,
               back.fee.v, (int)back.memo.v.len, (const char *)back.memo.v.ptr,
               back.to.owner.len, back.created_at_time.has ? "set" : "null", d.steps);
    }

    transfer_v1 old;
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    st = candid_decode(&d, msg, w.total, &v1_args_t, &old, &a);
    if (st) return fail("decode v1", st, d.error_offset);
    printf("decode at record { to; amount }: amount=%" PRIu64 " (%" PRIu64 " of %" PRIu64
           " steps skipping fields it does not know)\n",
           old.amount, d.skip_steps, d.steps);

    /* A malformed message fails with a code and a byte offset. */
    msg[w.total - 1] ^= 0x80;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    st = candid_decode(&d, msg, w.total, &args_t, &old, &a);
    printf("corrupted last byte: %s at byte %zu\n", candid_status_name(st), d.error_offset);
    return st == CANDID_OK;
}
