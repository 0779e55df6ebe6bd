/* candid bench: decode and encode timings of one message. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "options.h"

static const char help[] =
    "usage: candid bench [-d defs.did] (-t '(T, ...)' | -m METHOD [--reply]) HEX|-|@file\n"
    "Decodes the message at the types repeatedly through the generic (struct-less)\n"
    "plan path and re-encodes it; prints ns/op for a cold decode (no plan cache),\n"
    "a warm decode (cached plan) and an encode.\n";

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int cmd_bench(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    const char *input;
    session_init(&s);
    int rc = EXIT_USAGE;
    cli_options o = {.command = "bench", .argument = "the message (HEX, - or @file)",
                     .allowed = OPT_DEFS | OPT_TYPES | OPT_METHOD | OPT_REPLY};
    if (parse_options(argc, argv, &s, &o)) goto out;
    input = o.positional;
    if (!s.type_text && !s.method) {
        rc = usage_error("bench", "give the types with -t or -m");
        goto out;
    }
    rc = EXIT_FAILURE_INPUT;
    cli_bytes msg;
    if (session_types(&s) || cli_read_message(input, &msg)) goto out;
    const candid_type *args = s.args;
    static uint8_t cache_mem[1 << 20];
    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 4);
    void *out = malloc(args->size ? args->size : 1);
    candid_decoder d;
    candid_decoder_init(&d, s.work, s.work_cap);
    candid_status st = CANDID_OK;
    /* enough iterations for about 0.2 s per measurement */
    long iters = 1;
    for (int pass = 0; pass < 3 && !st; pass++) {
        d.cache = pass == 0 ? NULL : &cache;
        double best = 0;
        for (int round = 0; round < 5 && !st; round++) {
            double t0 = now_ns();
            for (long i = 0; i < iters && !st; i++) {
                candid_arena_reset(&s.values);
                if (pass < 2) {
                    st = candid_decode(&d, msg.data, msg.len, args, out, &s.values);
                } else {
                    uint8_t *enc;
                    size_t len;
                    st = session_encode(&s, args, out, &enc, &len);
                    free(enc);
                }
            }
            double per = (now_ns() - t0) / (double)iters;
            if (round == 0 && per * iters < 2e7) iters = (long)(2e8 / (per + 1)) / 5 + 1;
            if (round > 0 && (best == 0 || per < best)) best = per;
        }
        if (pass == 1) {
            /* keep the decoded values for the encode pass */
            candid_arena_reset(&s.values);
            st = st ? st : candid_decode(&d, msg.data, msg.len, args, out, &s.values);
        }
        if (!st) printf("%s %.0f ns/op\n", pass == 0 ? "decode-cold" : pass == 1 ? "decode-warm" : "encode", best);
    }
    if (st) fprintf(stderr, "candid: %s (%s)\n", candid_status_message(st), candid_status_name(st));
    else rc = EXIT_OK;
    free(out);
    free(msg.data);
out:
    session_free(&s);
    return rc;
}
