/* See fast_encode_check.h. */
#include "fast_encode_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "candid/error.h"

enum { CHUNK = 7, OUT = 1 << 18 };
static uint8_t out1[OUT], out2[OUT];

typedef struct sink {
    uint8_t *buf;
    size_t len, cap;
} sink;

static int collect(void *ctx, const uint8_t *p, size_t n) {
    sink *s = ctx;
    if (n > s->cap - s->len) return 1;
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    return 0;
}

enum { BUFFER, SMALL, SIZE_ONLY, STREAM, LATCHED, MODES };

/* One encode of v in writer mode `mode`, by enc or (enc NULL) candid_encode. */
static candid_status encode(candid_encode_fn enc, const candid_header *h, const void *v,
                            size_t work_cap, int mode, size_t cap, candid_writer *w, sink *s,
                            uint8_t *out) {
    static uint8_t chunk[2][CHUNK];
    switch (mode) {
    case BUFFER: candid_writer_init(w, out, OUT); break;
    case SMALL: candid_writer_init(w, out, cap); break;
    case SIZE_ONLY: candid_writer_init(w, NULL, 0); break;
    case STREAM:
        *s = (sink){out, 0, OUT};
        candid_writer_init_stream(w, chunk[enc != NULL], CHUNK, collect, s);
        break;
    default: /* a buffer already full: BUFFER_FULL latched */
        candid_writer_init(w, out, 1);
        candid_put_bytes(w, "ab", 2);
    }
    if (enc) return enc(w, v);
    void *work = malloc(work_cap);
    candid_status st = candid_encode(w, h, v, work, work_cap, 0);
    free(work);
    return st;
}

const char *fe_compare(candid_encode_fn enc, const candid_header *h, const void *v,
                       size_t work_cap) {
    static char why[256];
    for (int mode = 0; mode < MODES; mode++) {
        candid_writer w1, w2, size;
        sink s1 = {0}, s2 = {0};
        candid_writer_init(&size, NULL, 0);
        enc(&size, v);
        size_t cap = size.total / 2;
        candid_status st1 = encode(enc, h, v, work_cap, mode, cap, &w1, &s1, out1);
        candid_status st2 = encode(NULL, h, v, work_cap, mode, cap, &w2, &s2, out2);
        size_t n = mode == STREAM ? s1.len : mode == SIZE_ONLY ? 0 : w1._private.len;
        if (st1 != st2 || w1.err != w2.err || w1.total != w2.total ||
            w1._private.len != w2._private.len || s1.len != s2.len || memcmp(out1, out2, n) != 0) {
            snprintf(why, sizeof why, "writer mode %d: fast %s total %zu, candid_encode %s total %zu%s",
                     mode, candid_status_name(st1), w1.total, candid_status_name(st2), w2.total,
                     st1 == st2 && w1.total == w2.total ? " (the bytes differ)" : "");
            return why;
        }
    }
    return NULL;
}

enum { SPOTS = 512 };

typedef struct spot {
    const candid_type *t;
    uint8_t *p;
} spot;

static int mutable_kind(const candid_type *t, const uint8_t *p) {
    switch (t->kind) {
    case CANDID_BOOL:
    case CANDID_TEXT:
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
    case CANDID_FUNC:
    case CANDID_VEC:
        return 1;
    case CANDID_NAT:
    case CANDID_INT:
        return (t->repr & CANDID_REPR_BIG) != 0;
    case CANDID_VARIANT:
        return !(t->repr & CANDID_REPR_BOXED) && t->count;
    case CANDID_OPT: /* an absent value's bytes are not a value: only present ones */
        return !(t->repr & CANDID_REPR_BOXED) && *p;
    default:
        return 0;
    }
}

/* The value's slots, breadth first, at most SPOTS of them. */
static size_t spots(const candid_type *t, void *slot, spot *out) {
    size_t n = 0, head = 0;
    out[n++] = (spot){t, slot};
    while (head < n && n < SPOTS) {
        spot s = out[head++];
        const candid_type *u = s.t;
        uint8_t *p = s.p;
        if (u->repr & CANDID_REPR_BOXED) {
            memcpy(&p, s.p, sizeof p);
            if (!p) continue;
        }
        switch (u->kind) {
        case CANDID_RECORD:
            for (uint32_t k = 0; k < u->count && n < SPOTS; k++)
                out[n++] = (spot){u->fields[k].type, p + u->fields[k].offset};
            break;
        case CANDID_VARIANT: {
            uint32_t tag;
            memcpy(&tag, p, 4);
            if (tag < u->count) out[n++] = (spot){u->fields[tag].type, p + u->fields[tag].offset};
            break;
        }
        case CANDID_OPT:
            if (u->repr & CANDID_REPR_BOXED) out[n++] = (spot){u->inner, p};
            else if (*p) out[n++] = (spot){u->inner, p + u->offset};
            break;
        case CANDID_VEC: {
            if (u->repr & CANDID_REPR_SLICE) break;
            candid_vec v;
            memcpy(&v, p, sizeof v);
            if (!v.items) break; /* spoilt already */
            size_t size = candid_slot_size(u->inner);
            for (size_t k = 0; k < v.len && n < SPOTS; k++)
                out[n++] = (spot){u->inner, (uint8_t *)v.items + k * size};
            break;
        }
        default:
            break;
        }
    }
    return n;
}

static void break_slice(uint8_t *p, uint64_t how) {
    candid_slice s;
    memcpy(&s, p, sizeof s);
    if (s.ptr && s.len && (how & 1)) {
        ((uint8_t *)s.ptr)[how / 2 % s.len] = 0xff; /* never in UTF-8 */
    } else {
        s.ptr = NULL;
        s.len = 1 + how % 5;
    }
    memcpy(p, &s, sizeof s);
}

int fe_mutate(const candid_type *t, void *slot, uint64_t k, uint64_t how) {
    static spot all[SPOTS];
    size_t n = spots(t, slot, all), m = 0;
    for (size_t i = 0; i < n; i++)
        if (mutable_kind(all[i].t, all[i].p)) all[m++] = all[i];
    if (!m) return 0;
    spot s = all[k % m];
    switch (s.t->kind) {
    case CANDID_BOOL:
        *s.p = (uint8_t)(2 + how % 254);
        break;
    case CANDID_TEXT:
        break_slice(s.p, how);
        break;
    case CANDID_NAT:
    case CANDID_INT: {
        candid_bignum b;
        memcpy(&b, s.p, sizeof b);
        switch (how % 4) {
        case 0: b.is_signed ^= 1; break;                      /* converted, or RANGE */
        case 1: b.ptr = NULL; break;                          /* ARGUMENT */
        case 2: b.len = b.len > 1 ? b.len - 1 : 0; break;     /* cut short: RANGE */
        default: b.is_signed = (uint8_t)(2 + how / 4 % 200);  /* neither form */
        }
        memcpy(s.p, &b, sizeof b);
        break;
    }
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        break_slice(s.p, how & ~(uint64_t)1);
        break;
    case CANDID_FUNC:
        if (how & 2) break_slice(s.p + offsetof(candid_funcref, method), how | 1);
        else break_slice(s.p, how & ~(uint64_t)1);
        break;
    case CANDID_VEC: {
        if (s.t->repr & CANDID_REPR_SLICE) {
            break_slice(s.p, how & ~(uint64_t)1);
            break;
        }
        candid_vec v;
        memcpy(&v, s.p, sizeof v);
        v.items = NULL;
        v.len = 1 + how % 3;
        memcpy(s.p, &v, sizeof v);
        break;
    }
    case CANDID_VARIANT: {
        uint32_t tag = s.t->count + (uint32_t)(how % 3);
        memcpy(s.p, &tag, 4);
        break;
    }
    default: /* an inline option */
        *s.p = (uint8_t)(2 + how % 254);
    }
    return 1;
}
