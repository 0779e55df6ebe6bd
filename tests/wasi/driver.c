/* The core's test vectors without cmocka, for wasm32-wasi under Node.js:
 * proves the Wasm build of the core decodes, encodes and caches as the
 * native one does. Prints "N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "candid/candid.h"

static int passed, failed;

static void check(int ok, const char *what) {
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s\n", what);
    }
}

static uint8_t work[1 << 16], types_mem[1 << 16], arena_mem[1 << 16], out[4096], enc[4096], hdr[1024];

typedef struct vec { const char *msg; size_t len; candid_status want; } vec;
#define V(lit, st) {lit, sizeof(lit) - 1, st}

/* Decodes at the message's own types; a success must re-encode to the same
 * bytes (these messages are canonical). */
static void wire_vectors(void) {
    static const vec v[] = {
        V("DIDL\0\0", CANDID_OK),
        V("DIDL\0\x01\x7d\x80\x01", CANDID_OK),
        V("DIDL\0\x01\x7c\x7f", CANDID_OK),
        V("DIDL\0\x01\x71\x03\xe2\x98\x83", CANDID_OK),
        V("DIDL\0\x01\x71\x03\xe2\x28\xa1", CANDID_ERR_UTF8),
        V("DIDL\0\x01\x7e\x02", CANDID_ERR_BAD_TAG),
        V("DIDL\x01\x6e\x7c\x01\x00\x01\x2a", CANDID_OK),
        V("DIDL\x01\x6d\x7c\x01\x00\x02\x01\x02", CANDID_OK),
        V("DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00\x01\x01\x01\x02\x00", CANDID_OK),
        V("DIDL\x01\x6b\x02\x00\x7f\x01\x7c\x01\x00\x01\x2a", CANDID_OK),
        V("DIDL\x01\x6c\x02\x00\x7c\x00\x7e\x01\x00\x2a\x01", CANDID_ERR_FIELD_ORDER),
        V("DIDL\x01\x6d\x7f\x01\x00\x80\x94\xeb\xdc\x03", CANDID_ERR_BUDGET),
        V("DIDL\x01\x6a\x01\x71\x01\x7d\x00\x01\x00\x01\x01\x03\xca\xff\xee\x03" "foo", CANDID_OK),
        V("DIDL\0\x01\x68\x01\x03\xca\xff\xee", CANDID_OK),
        V("DIDL\0\x01\x72\x00\x00\x00\x00\x00\x00\xe0\x3f", CANDID_OK),
        V("DIDL\0\x01\x78\x01\x00\x00\x00\x00\x00\x00", CANDID_ERR_TRUNCATED),
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        candid_arena types, arena;
        candid_arena_init(&types, types_mem, sizeof types_mem);
        candid_arena_init(&arena, arena_mem, sizeof arena_mem);
        const candid_type *args;
        const uint8_t *m = (const uint8_t *)v[i].msg;
        candid_status st = candid_wire_types(&d, m, v[i].len, &args, &types);
        if (!st) st = candid_decode(&d, m, v[i].len, args, out, &arena);
        char what[64];
        snprintf(what, sizeof what, "wire vector %zu: %s", i, candid_status_name(st));
        check(st == v[i].want, what);
        if (st) continue;
        candid_header h;
        candid_writer w;
        candid_writer_init(&w, enc, sizeof enc);
        st = candid_header_build(&h, args, hdr, sizeof hdr, work, sizeof work);
        if (!st) st = candid_encode(&w, &h, out, work, sizeof work, 0);
        snprintf(what, sizeof what, "re-encode vector %zu", i);
        check(!st && w.total == v[i].len && memcmp(enc, m, w.total) == 0, what);
    }
}

/* The struct path with the plan cache: cold and warm decodes agree. */
typedef struct { uint64_t id; candid_slice name; } user;
static const candid_type nat64_t = {.kind = CANDID_NAT64, .size = 8, .align = 8};
static const candid_type text_t = {.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = _Alignof(candid_slice)};
static const candid_field user_f[] = {
    {.id = 23515, .offset = offsetof(user, id), .type = &nat64_t},
    {.id = 1224700491, .offset = offsetof(user, name), .type = &text_t},
};
static const candid_type user_t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = 8, .count = 2, .fields = user_f};
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &user_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = 8, .count = 1, .fields = args_f};

static void struct_path(void) {
    static const uint8_t expected[] = "DIDL\x01\x6c\x02\xdb\xb7\x01\x78\xcb\xe4\xfd\xc7\x04\x71\x01\x00"
                                      "\x2a\x00\x00\x00\x00\x00\x00\x00\x03" "Ada";
    candid_header h;
    check(candid_header_build(&h, &args_t, hdr, sizeof hdr, work, sizeof work) == CANDID_OK, "header");
    user u = {42, {(const uint8_t *)"Ada", 3}};
    candid_writer w;
    candid_writer_init(&w, enc, sizeof enc);
    check(candid_encode(&w, &h, &u, work, sizeof work, 0) == CANDID_OK, "encode");
    check(w.total == sizeof expected - 1 && memcmp(enc, expected, w.total) == 0, "encoded bytes");
    static uint8_t cache_mem[4096];
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    d.cache = &cache;
    for (int round = 0; round < 2; round++) {
        user back;
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        check(candid_decode(&d, enc, w.total, &args_t, &back, &a) == CANDID_OK, "decode");
        check(back.id == 42 && back.name.len == 3 && memcmp(back.name.ptr, "Ada", 3) == 0, "decoded values");
        check(d.cache_hit == round, round ? "warm decode hits the cache" : "cold decode misses");
    }
}

int main(void) {
    wire_vectors();
    struct_path();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
