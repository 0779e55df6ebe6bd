/* The native benchmark: for each payload, encode and decode times on the
 * struct path (warm plan cache), a cold decode (no cache: header parsing
 * and plan compilation every time), and the generic path (the message's
 * own types, generic layout). One line per measurement:
 *   native CASE OP ns=N bytes=B arena=A
 * Usage: bench-native [--quick] [--out DIR] (DIR receives CASE.bin, the
 * messages the peer decodes). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "candid/candid.h"
#include "payloads.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct ctx {
    const payload *p;
    const candid_type *dec_args;
    candid_header h;
    uint8_t *msg;
    size_t len;
    void *value;
    void *out;
    uint8_t *work, *arena_mem, *types_mem;
    size_t work_cap, arena_cap;
    candid_cache cache;
    candid_decoder warm, cold;
    size_t arena_used;
} ctx;

static int op_encode(ctx *c) {
    candid_writer w;
    uint8_t *buf = c->msg + c->len; /* a second area of the same size */
    candid_writer_init(&w, buf, c->len);
    return candid_encode(&w, &c->h, c->value, c->work, c->work_cap, 0) != CANDID_OK;
}

static int op_decode(ctx *c, candid_decoder *d) {
    candid_arena a;
    candid_arena_init(&a, c->arena_mem, c->arena_cap);
    int r = candid_decode(d, c->msg, c->len, c->dec_args, c->out, &a) != CANDID_OK;
    c->arena_used = a.used;
    return r;
}

static int op_generic(ctx *c) {
    candid_arena types, a;
    candid_arena_init(&types, c->types_mem, 1 << 20);
    candid_arena_init(&a, c->arena_mem, c->arena_cap);
    const candid_type *args;
    if (candid_wire_types(&c->cold, c->msg, c->len, &args, &types)) return 1;
    return candid_decode(&c->cold, c->msg, c->len, args, c->out, &a) != CANDID_OK;
}

/* Median ns per operation over `batches` batches of about `target` ns. */
static double measure(ctx *c, int op, int batches, double target) {
    int (*fns[4])(ctx *) = {op_encode, NULL, NULL, op_generic};
    long iters = 1;
    double times[16];
    for (int warm = 0; warm < 3; warm++) { /* warm-up and iteration count */
        double t0 = now();
        for (long i = 0; i < iters; i++) {
            int bad = op == 1 ? op_decode(c, &c->warm) : op == 2 ? op_decode(c, &c->cold) : fns[op](c);
            if (bad) return -1;
        }
        double dt = now() - t0;
        if (dt < target) iters = (long)(iters * (target / (dt + 1)) + 1);
    }
    for (int b = 0; b < batches; b++) {
        double t0 = now();
        for (long i = 0; i < iters; i++) {
            if (op == 1) op_decode(c, &c->warm);
            else if (op == 2) op_decode(c, &c->cold);
            else fns[op](c);
        }
        times[b] = (now() - t0) / (double)iters;
    }
    qsort(times, (size_t)batches, sizeof times[0], cmp_double);
    return times[batches / 2];
}

int main(int argc, char **argv) {
    int quick = 0;
    const char *outdir = NULL;
    long messages = 0; /* --messages N: only write CASE.N.bin with N elements */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) quick = 1;
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) outdir = argv[++i];
        else if (strcmp(argv[i], "--messages") == 0 && i + 1 < argc) messages = atol(argv[++i]);
    }
    int batches = quick ? 3 : 7;
    double target = quick ? 5e6 : 2e7;
    static const char *const ops[] = {"encode", "decode", "decode_cold", "decode_generic"};
    for (size_t k = 0; k < bench_payload_count; k++) {
        ctx c;
        memset(&c, 0, sizeof c);
        c.p = &bench_payloads[k];
        size_t n = messages ? (c.p->n > 1 ? (size_t)messages : 1) : quick ? c.p->n_quick : c.p->n;
        c.dec_args = c.p->generic_args ? c.p->generic_args : c.p->args;
        c.value = c.p->make(n);
        c.work_cap = 1 << 20;
        c.work = malloc(c.work_cap);
        static uint8_t hb[1 << 16];
        if (candid_header_build(&c.h, c.p->args, hb, sizeof hb, c.work, c.work_cap)) {
            fprintf(stderr, "%s: header\n", c.p->name);
            return 1;
        }
        candid_writer w;
        candid_writer_init(&w, NULL, 0);
        candid_encode(&w, &c.h, c.value, c.work, c.work_cap, 0);
        c.len = w.total;
        c.msg = malloc(2 * c.len);
        candid_writer_init(&w, c.msg, c.len);
        if (candid_encode(&w, &c.h, c.value, c.work, c.work_cap, 0)) {
            fprintf(stderr, "%s: encode\n", c.p->name);
            return 1;
        }
        if (outdir) {
            char path[4096];
            if (messages)
                snprintf(path, sizeof path, "%s/%s.%ld.bin", outdir, c.p->name, messages);
            else
                snprintf(path, sizeof path, "%s/%s.bin", outdir, c.p->name);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(c.msg, 1, c.len, f);
                fclose(f);
            }
        }
        if (messages) {
            free(c.msg);
            free(c.work);
            continue;
        }
        c.arena_cap = 64 * c.len + (1 << 16);
        c.arena_mem = malloc(c.arena_cap);
        c.types_mem = malloc(1 << 20);
        c.out = calloc(1, 4096);
        static uint8_t cache_mem[1 << 16];
        candid_cache_init(&c.cache, cache_mem, sizeof cache_mem, 4);
        candid_decoder_init(&c.warm, c.work, c.work_cap);
        candid_decoder_init(&c.cold, c.work, c.work_cap);
        c.warm.cache = &c.cache;
        /* messages beyond the default budget are the benchmark's own */
        c.warm.limits.budget_base = c.cold.limits.budget_base = 1ull << 40;
        c.warm.limits.skip_base = c.cold.limits.skip_base = 1ull << 40;
        for (int op = 0; op < 4; op++) {
            double ns = measure(&c, op, batches, target);
            if (ns < 0) {
                printf("native %s %s FAILED\n", c.p->name, ops[op]);
                continue;
            }
            printf("native %s %s ns=%.1f bytes=%zu arena=%zu elements=%zu\n", c.p->name, ops[op], ns,
                   c.len, op ? c.arena_used : 0, n);
            fflush(stdout);
        }
        free(c.msg);
        free(c.arena_mem);
        free(c.types_mem);
        free(c.out);
        free(c.work);
    }
    return 0;
}
