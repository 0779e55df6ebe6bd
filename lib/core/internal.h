/* Internal interfaces between the files of lib/core. Not installed. */
#ifndef CANDID_CORE_INTERNAL_H
#define CANDID_CORE_INTERNAL_H

#include "candid/decode.h"
#include "candid/encode.h"
#include "candid/wire.h"
#include "byteorder.h"

/* The hot helpers below are forced inline: each call site pays no call in
 * the decoder's and encoder's loops. A size-first build (meson
 * -Dcore_opt=size, which defines CANDID_OPT_SIZE) leaves the choice to the
 * compiler instead, for canisters that count bytes before instructions.
 * A forced inline spelled out elsewhere in the core stays forced in the
 * size build: use this macro. */
#ifdef CANDID_OPT_SIZE
#define CANDID_INLINE static inline
#else
#define CANDID_INLINE static inline __attribute__((always_inline))
#endif

#define CANDID_MEMCPY(d, s, n) __builtin_memcpy((d), (s), (n))
#define CANDID_MEMSET(d, v, n) __builtin_memset((d), (v), (n))
/* No memcmp: freestanding Wasm has no instruction for it and the core
 * must not import one. Ordering compare for names, equality for keys. */
static inline int candid__memcmp(const void *a, const void *b, size_t n) {
    const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return 0;
}

static inline int candid__equal(const void *a, const void *b, size_t n) {
    const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
    uint64_t u, v;
    if (n >= 8) {
        /* words, the last one overlapping the one before */
        for (size_t i = 0; i + 8 < n; i += 8) {
            __builtin_memcpy(&u, x + i, 8);
            __builtin_memcpy(&v, y + i, 8);
            if (u != v) return 0;
        }
        __builtin_memcpy(&u, x + n - 8, 8);
        __builtin_memcpy(&v, y + n - 8, 8);
        return u == v;
    }
    if (n >= 4) {
        uint32_t p, q, r, t;
        __builtin_memcpy(&p, x, 4);
        __builtin_memcpy(&q, y, 4);
        __builtin_memcpy(&r, x + n - 4, 4);
        __builtin_memcpy(&t, y + n - 4, 4);
        return p == q && r == t;
    }
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return 0;
    }
    return 1;
}
#define CANDID_MEMCMP(a, b, n) candid__memcmp((a), (b), (n))

/* The wire header of a message as a type graph in work memory. */
typedef struct wire_header {
    candid_type *nodes;      /* one per type-table entry */
    uint32_t n_nodes;
    candid_type args;        /* record of the argument types, ids 0..n-1 */
    size_t end;              /* offset of the first value byte */
} wire_header;

/* Parses magic, type table and argument types of msg, enforcing every
 * well-formedness rule of the spec, with nodes carved from `work`. The
 * generic layout is applied when `layout` is non-zero. */
candid_status candid__parse_header(const candid_limits *lim, const uint8_t *msg,
                                   size_t len, candid_arena *work,
                                   wire_header *h, size_t *err_off, int layout);

/* Size and alignment of the slot of a kind other than opt, record and
 * variant, whose slots are fixed by kind and repr (see types.h). */
uint32_t candid__fixed_slot(const candid_type *t, uint16_t *align);

/* Order of service methods: by name bytes, a prefix first. */
static inline int candid__method_cmp(const candid_method *a, const candid_method *b) {
    uint32_t m = a->name_len < b->name_len ? a->name_len : b->name_len;
    int r = candid__memcmp(a->name, b->name, m);
    if (r) return r;
    return a->name_len < b->name_len ? -1 : a->name_len > b->name_len;
}

/* t1 <: t2 per the spec. Memory for the memo comes from `work`. */
candid_status candid__subtype(candid_arena *work, const candid_type *t1,
                              const candid_type *t2, int *result);

/* One LEB128 number into 64 bits: up to nine bytes inline (they always fit);
 * longer, overlong or truncated forms take the general reader. */
CANDID_INLINE candid_status candid__leb(const uint8_t *msg, size_t len, size_t *pos, uint64_t *v) {
    size_t p = *pos;
    /* one and two bytes (below 2^14) without a loop: lengths, tags, small nats */
    if (len - p >= 2) {
        uint8_t b0 = msg[p], b1 = msg[p + 1];
        if (b0 < 0x80) {
            *v = b0;
            *pos = p + 1;
            return CANDID_OK;
        }
        if (b1 < 0x80) {
            *v = (uint64_t)(b0 & 0x7f) | (uint64_t)b1 << 7;
            *pos = p + 2;
            return CANDID_OK;
        }
    }
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 63 && p < len; shift += 7) {
        uint8_t b = msg[p++];
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            *pos = p;
            return CANDID_OK;
        }
    }
    /* Temporaries keep the caller's position out of memory: an address
     * that escapes would pin it to the shadow stack on Wasm. */
    size_t q = *pos;
    uint64_t t = 0;
    candid_status st = candid_read_leb(msg, len, &q, &t);
    *pos = q;
    *v = t;
    return st;
}

/* One SLEB128 number: one and two bytes inline, else the general reader. */
CANDID_INLINE candid_status candid__sleb(const uint8_t *msg, size_t len, size_t *pos, int64_t *v) {
    size_t p = *pos;
    if (len - p >= 2) {
        uint8_t b0 = msg[p], b1 = msg[p + 1];
        if (b0 < 0x80) {
            *v = (int64_t)(b0 & 0x3f) - (int64_t)(b0 & 0x40);
            *pos = p + 1;
            return CANDID_OK;
        }
        if (b1 < 0x80) {
            int64_t x = (int64_t)(b0 & 0x7f) | (int64_t)(b1 & 0x3f) << 7;
            *v = x - ((int64_t)(b1 & 0x40) << 7);
            *pos = p + 2;
            return CANDID_OK;
        }
    }
    size_t q = *pos;
    int64_t t = 0;
    candid_status st = candid_read_sleb(msg, len, &q, &t);
    *pos = q;
    *v = t;
    return st;
}

/* candid_skip_leb through a temporary, for the reason given above. */
CANDID_INLINE candid_status candid__skip_leb(const uint8_t *msg, size_t len, size_t *pos) {
    size_t q = *pos;
    candid_status st = candid_skip_leb(msg, len, &q);
    *pos = q;
    return st;
}

/* candid_arena_alloc with its common case inline: nothing has overflowed
 * and the block fits. Same result as the function in every case. */
CANDID_INLINE void *candid__alloc(candid_arena *a, size_t size,
                                                                 size_t align) {
    size_t used = a->used;
    size_t pad = (size_t)(-((uintptr_t)a->_private.base + used) & (align - 1));
    if (used == a->needed && pad <= a->_private.cap - used && size <= a->_private.cap - used - pad) {
        a->used = a->needed = used + pad + size;
        return a->_private.base + used + pad;
    }
    return candid_arena_alloc(a, size, align);
}

/* candid_put_bytes and candid_put_u8 with their common case inline: no
 * error yet and room in the buffer. */
CANDID_INLINE void candid__put_bytes(candid_writer *w,
                                                                    const void *p, size_t n) {
    if (!w->err && w->_private.buf && n <= w->_private.cap - w->_private.len) {
        CANDID_MEMCPY(w->_private.buf + w->_private.len, p, n);
        w->_private.len += n;
        w->total += n;
        return;
    }
    candid_put_bytes(w, p, n);
}

CANDID_INLINE void candid__put_u8(candid_writer *w, uint8_t v) {
    if (!w->err && w->_private.buf && w->_private.len < w->_private.cap) {
        w->_private.buf[w->_private.len++] = v;
        w->total++;
        return;
    }
    candid_put_bytes(w, &v, 1);
}

/* The minimal LEB128 form of v into out (at most ten bytes); returns its
 * length. Inline here for the writer, and behind candid_leb_encode. */
CANDID_INLINE size_t candid__leb_encode(uint64_t v, uint8_t *out) {
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
}

/* LEB128 and SLEB128 straight into the writer's buffer when ten bytes are
 * free (the common case), else through a temporary and candid_put_bytes;
 * the bytes written are the same either way. */
CANDID_INLINE void candid__put_leb(candid_writer *w, uint64_t v) {
    if (!w->err && w->_private.buf && w->_private.cap - w->_private.len >= 10) {
        size_t n = candid__leb_encode(v, w->_private.buf + w->_private.len);
        w->_private.len += n;
        w->total += n;
        return;
    }
    uint8_t tmp[10];
    candid_put_bytes(w, tmp, candid__leb_encode(v, tmp));
}

CANDID_INLINE void candid__put_sleb(candid_writer *w, int64_t v) {
    if (!w->err && w->_private.buf && w->_private.cap - w->_private.len >= 10) {
        uint8_t *o = w->_private.buf + w->_private.len;
        size_t n = candid_sleb_encode(v, o);
        w->_private.len += n;
        w->total += n;
        return;
    }
    uint8_t tmp[10];
    candid_put_bytes(w, tmp, candid_sleb_encode(v, tmp));
}

/* Byte width of a fixed-width number kind, 0 for other kinds. */
static inline uint32_t candid__fixed_width(uint8_t kind) {
    switch (kind) {
    case CANDID_NAT8:
    case CANDID_INT8:
        return 1;
    case CANDID_NAT16:
    case CANDID_INT16:
        return 2;
    case CANDID_NAT32:
    case CANDID_INT32:
    case CANDID_FLOAT32:
        return 4;
    case CANDID_NAT64:
    case CANDID_INT64:
    case CANDID_FLOAT64:
        return 8;
    default:
        return 0;
    }
}

/* 1 for null, opt and reserved: the types whose missing values read as
 * null (the spec's `null <: t`). */
static inline int candid__nullable(const candid_type *t) {
    return t->kind == CANDID_NULL || t->kind == CANDID_OPT ||
           t->kind == CANDID_RESERVED;
}

/* Plans: a flat array of 32-bit words, position independent, so that a
 * compiled plan can be copied into a cache slot as it is. */
typedef struct plan {
    uint32_t *w;
    uint32_t len;
    uint32_t root;
    size_t peak; /* work bytes the compilation took, plan included */
} plan;

/* Compiles with scratch from `work` and the plan growing down from `top`
 * (4-aligned, at or above work's end); on success the plan is
 * out->w[0..len), ending at top. With top NULL only measures: out->len
 * and out->peak as they would be, no plan written. */
candid_status candid__compile(candid_arena *work, uint32_t *top, const candid_type *wire_args,
                              const candid_type *exp_args, plan *out);

typedef struct run_ctx {
    const candid_limits *lim;
    const uint32_t *plan;
    uint32_t root;
    const uint8_t *msg;
    size_t len;
    candid_arena *arena;
    void *stack;
    size_t stack_cap;
    uint64_t steps;
    uint64_t skip_steps;
    size_t err_off;
    size_t frames_peak; /* most frames the stack held */
    uint32_t err_node;  /* after an error: the node that failed */
    size_t frames;      /* after an error: the frames on the stack */
} run_ctx;

candid_status candid__run(run_ctx *c, size_t start, void *out);

/* Re-runs a decode writing nothing, with a frame for every container
 * around the value being decoded; after an error, c->frames of them
 * (candid__frame_at) name the path to c->err_node. */
candid_status candid__trace(run_ctx *c, size_t start);

enum { TRACE_FIELD, TRACE_ELEMENT, TRACE_CASE, TRACE_OPTION };

/* Frame i of a trace: what it is, its plan node, and the record step,
 * vector element or variant case under way. */
void candid__frame_at(const run_ctx *c, size_t i, uint32_t *kind, uint32_t *node,
                      uint64_t *index);

/* Bytes of one frame of the decoder's stack (run.c checks it). */
#define CANDID__FRAME_SIZE (16 + 4 * sizeof(size_t))

#endif
