/* The native benchmark: for each payload, encode and decode times on the
 * struct path (warm plan cache), a cold decode (no cache: header parsing
 * and plan compilation every time), the generic path (the message's own
 * types, generic layout), then the same encode, warm and cold decode
 * through the stubs candid bind generates from bench.did, with fast paths
 * (OP_fast) and without (OP_interp), and a memcpy of the message's bytes
 * (the bound of bulk cases). One line per measurement:
 *   native CASE OP ns=N bytes=B arena=A elements=E
 * Usage: bench-native [--quick] [--out DIR] [--messages N] (DIR receives
 * CASE.bin, the messages the peer decodes, and CASE.gen.bin, what the
 * --fast stubs encode; with --messages, only CASE.N.bin and
 * CASE.N.gen.bin, of N elements). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "candid/candid.h"
#include "payloads.h"
#include "stubs.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A payload through one set of generated stubs. */
typedef struct gen {
    const char *label; /* "fast" or "interp" */
    const stub *s;
    void *value;       /* the payload's value in the generated encode type */
    uint8_t *arena_mem; /* ...whose vectors live here */
    uint8_t *msg;      /* what the stub encodes from it, then room for encodes */
    size_t len;
    void *out;         /* decodes land here */
} gen;

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
    gen *g; /* the stubs the op_gen_ functions time */
} ctx;

static int op_encode(ctx *c) {
    candid_writer w;
    uint8_t *buf = c->msg + c->len; /* a second area of the same size */
    candid_writer_init(&w, buf, c->len);
    return candid_encode(&w, &c->h, c->value, c->work, c->work_cap, 0) != CANDID_OK;
}

static int decode_at(ctx *c, candid_decoder *d) {
    candid_arena a;
    candid_arena_init(&a, c->arena_mem, c->arena_cap);
    int r = candid_decode(d, c->msg, c->len, c->dec_args, c->out, &a) != CANDID_OK;
    c->arena_used = a.used;
    return r;
}
static int op_decode(ctx *c) { return decode_at(c, &c->warm); }
static int op_decode_cold(ctx *c) { return decode_at(c, &c->cold); }

static int op_generic(ctx *c) {
    candid_arena types, a;
    candid_arena_init(&types, c->types_mem, 1 << 20);
    candid_arena_init(&a, c->arena_mem, c->arena_cap);
    const candid_type *args;
    if (candid_wire_types(&c->cold, c->msg, c->len, &args, &types)) return 1;
    return candid_decode(&c->cold, c->msg, c->len, args, c->out, &a) != CANDID_OK;
}

static int op_gen_encode(ctx *c) {
    candid_writer w;
    candid_writer_init(&w, c->g->msg + c->g->len, c->g->len);
    return c->g->s->encode(&w, c->g->value) != CANDID_OK;
}

static int gen_decode_at(ctx *c, candid_decoder *d) {
    candid_arena a;
    candid_arena_init(&a, c->arena_mem, c->arena_cap);
    int r = c->g->s->decode(d, c->g->msg, c->g->len, c->g->out, &a) != CANDID_OK;
    c->arena_used = a.used;
    return r;
}
static int op_gen_decode(ctx *c) { return gen_decode_at(c, &c->warm); }
static int op_gen_decode_cold(ctx *c) { return gen_decode_at(c, &c->cold); }

/* The bound of bulk cases: the message's bytes copied once. */
static int op_memcpy(ctx *c) {
    memcpy(c->msg + c->len, c->msg, c->len);
    __asm__ volatile("" : : "r"(c->msg) : "memory"); /* the copy is used */
    return 0;
}

/* Median ns per operation over `batches` batches of about `target` ns. */
static double measure(ctx *c, int (*op)(ctx *), int batches, double target) {
    long iters = 1;
    double times[16];
    for (int warm = 0; warm < 3; warm++) { /* warm-up and iteration count */
        double t0 = now();
        for (long i = 0; i < iters; i++)
            if (op(c)) return -1;
        double dt = now() - t0;
        if (dt < target) iters = (long)(iters * (target / (dt + 1)) + 1);
    }
    for (int b = 0; b < batches; b++) {
        double t0 = now();
        for (long i = 0; i < iters; i++) op(c);
        times[b] = (now() - t0) / (double)iters;
    }
    qsort(times, (size_t)batches, sizeof times[0], cmp_double);
    return times[batches / 2];
}

/* Encodes v with the stub into a new buffer twice its size (the second
 * half is room for timed encodes); NULL when it fails. */
static uint8_t *stub_encode(const stub *s, const void *v, size_t *len) {
    candid_writer w;
    candid_writer_init(&w, NULL, 0);
    s->encode(&w, v);
    *len = w.total;
    uint8_t *buf = malloc(2 * w.total);
    candid_writer_init(&w, buf, w.total);
    if (s->encode(&w, v) != CANDID_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Sets g up on c's payload: the value decoded from the hand-described
 * message into the generated struct, and its encoding by the stub. The
 * two layouts must agree before anything is timed: the stub's message,
 * decoded by the hand descriptors and encoded again, is the payload's
 * message byte for byte; and the stub's decode of its own message encodes
 * back to it. Returns a reason on failure. */
static const char *gen_setup(ctx *c, gen *g, const char *label, const stub *s) {
    memset(g, 0, sizeof *g);
    g->label = label;
    g->s = s;
    if (strcmp(s->name, c->p->name) != 0) return "stub table out of payload order";
    candid_arena a;
    g->arena_mem = malloc(c->arena_cap);
    candid_arena_init(&a, g->arena_mem, c->arena_cap);
    g->value = calloc(1, s->value_size);
    g->out = calloc(1, s->size > s->value_size ? s->size : s->value_size);
    if (s->decode_value(&c->cold, c->msg, c->len, g->value, &a)) return "stub decode of the payload";
    g->msg = stub_encode(s, g->value, &g->len);
    if (!g->msg) return "stub encode";
    /* back through the hand descriptors */
    uint8_t *back = malloc(c->len + 1);
    candid_arena b;
    candid_arena_init(&b, c->arena_mem, c->arena_cap);
    candid_writer w;
    candid_writer_init(&w, back, c->len + 1);
    int differs = candid_decode(&c->cold, g->msg, g->len, c->p->args, c->out, &b) ||
                  candid_encode(&w, &c->h, c->out, c->work, c->work_cap, 0) || w.total != c->len ||
                  memcmp(back, c->msg, c->len) != 0;
    free(back);
    if (differs) return "the stub's message is not the payload's value";
    if (s->decode == s->decode_value) { /* decode type = encode type */
        candid_arena_init(&b, c->arena_mem, c->arena_cap);
        if (s->decode(&c->cold, g->msg, g->len, g->out, &b)) return "stub decode of its own message";
        size_t len;
        uint8_t *again = stub_encode(s, g->out, &len);
        differs = !again || len != g->len || memcmp(again, g->msg, len) != 0;
        free(again);
        if (differs) return "the stub's decode does not encode back to its message";
    }
    return NULL;
}

static void gen_free(gen *g) {
    free(g->value);
    free(g->arena_mem);
    free(g->msg);
    free(g->out);
}

static void write_file(const char *path, const uint8_t *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
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
    if (bench_fast_count != bench_payload_count || bench_interp_count != bench_payload_count) {
        fprintf(stderr, "bench.did: %zu and %zu stubs for %zu payloads\n", bench_fast_count,
                bench_interp_count, bench_payload_count);
        return 1;
    }
    int batches = quick ? 3 : 7;
    double target = quick ? 5e6 : 2e7;
    static const struct {
        const char *name;
        int (*fn)(ctx *);
    } ops[] = {{"encode", op_encode}, {"decode", op_decode}, {"decode_cold", op_decode_cold},
               {"decode_generic", op_generic}, {"memcpy", op_memcpy}};
    static const struct {
        const char *name;
        int (*fn)(ctx *);
    } gen_ops[] = {{"encode", op_gen_encode}, {"decode", op_gen_decode}, {"decode_cold", op_gen_decode_cold}};
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
        gen gens[2];
        const char *why = gen_setup(&c, &gens[0], "fast", &bench_fast_table[k]);
        if (!why) why = gen_setup(&c, &gens[1], "interp", &bench_interp_table[k]);
        if (why) {
            fprintf(stderr, "%s: %s\n", c.p->name, why);
            return 1;
        }
        if (outdir) {
            char path[4096];
            if (messages) {
                snprintf(path, sizeof path, "%s/%s.%ld.bin", outdir, c.p->name, messages);
                write_file(path, c.msg, c.len);
                snprintf(path, sizeof path, "%s/%s.%ld.gen.bin", outdir, c.p->name, messages);
                write_file(path, gens[0].msg, gens[0].len);
            } else {
                snprintf(path, sizeof path, "%s/%s.bin", outdir, c.p->name);
                write_file(path, c.msg, c.len);
                snprintf(path, sizeof path, "%s/%s.gen.bin", outdir, c.p->name);
                write_file(path, gens[0].msg, gens[0].len);
            }
        }
        for (size_t op = 0; !messages && op < sizeof ops / sizeof ops[0]; op++) {
            double ns = measure(&c, ops[op].fn, batches, target);
            if (ns < 0) {
                printf("native %s %s FAILED\n", c.p->name, ops[op].name);
                continue;
            }
            int decodes = strncmp(ops[op].name, "decode", 6) == 0;
            printf("native %s %s ns=%.1f bytes=%zu arena=%zu elements=%zu\n", c.p->name, ops[op].name,
                   ns, c.len, decodes ? c.arena_used : 0, n);
            fflush(stdout);
        }
        for (int v = 0; !messages && v < 2; v++) {
            c.g = &gens[v];
            for (size_t op = 0; op < sizeof gen_ops / sizeof gen_ops[0]; op++) {
                double ns = measure(&c, gen_ops[op].fn, batches, target);
                if (ns < 0) {
                    printf("native %s %s_%s FAILED\n", c.p->name, gen_ops[op].name, c.g->label);
                    continue;
                }
                printf("native %s %s_%s ns=%.1f bytes=%zu arena=%zu elements=%zu\n", c.p->name,
                       gen_ops[op].name, c.g->label, ns, c.g->len, op ? c.arena_used : 0, n);
                fflush(stdout);
            }
        }
        gen_free(&gens[0]);
        gen_free(&gens[1]);
        bench_payload_free();
        free(c.msg);
        free(c.arena_mem);
        free(c.types_mem);
        free(c.out);
        free(c.work);
    }
    return 0;
}
