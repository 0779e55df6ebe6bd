/* The semantics of the scalar ops (SCALAR_OPS in plan.h), each written
 * once: what it reads, what it checks, what it stores. The interpreter
 * (run.c) calls them for single values, for vectors' elements and for
 * records' fields. Internal to lib/core.
 *
 * Each reads at *pos of msg[0..len), advancing *pos, and returns a status
 * (its position on an error is where the value broke). keep 0: the op is a
 * skipping one and stores nothing, whatever dst is; keep 1: it stores into
 * dst unless dst is NULL (a value being traced, or in a block the arena
 * could not give). Costs beyond the value's own step (long byte runs) go
 * to the meter; run.c charges them against the budget. */
#ifndef CANDID_CORE_LEAF_H
#define CANDID_CORE_LEAF_H

#include "candid/wire.h"
#include "internal.h"
#include "plan.h"

#define LEAF_INLINE CANDID_INLINE

#define PRINCIPAL_MAX 29

/* Bytes a step may cover. Text validation, copies and skips of long runs
 * cost in proportion to their length; charging them keeps the total work
 * linear in the budget even when failed options make the decoder read the
 * same bytes again. */
#define BYTES_PER_STEP_LOG2 4

/* Steps left (negative: over budget) and skips taken. */
typedef struct meter {
    int64_t left;
    uint64_t skips;
} meter;

#define LEAF_ARGS                                                              \
    const pnode *nd, const uint8_t *msg, size_t len, size_t *pos, uint8_t *dst, meter *m,      \
        const int keep, const int var

/* Little-endian wire bytes to a host-order slot. On Wasm one bulk copy;
 * elsewhere by width, so that each is one load and one store rather than
 * a library call. */
LEAF_INLINE void put_fixed(uint8_t *dst, const uint8_t *src, uint32_t width) {
#if defined(__wasm__)
    CANDID_MEMCPY(dst, src, width);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    switch (width) {
    case 1:
        dst[0] = src[0];
        break;
    case 2:
        CANDID_MEMCPY(dst, src, 2);
        break;
    case 4:
        CANDID_MEMCPY(dst, src, 4);
        break;
    default:
        CANDID_MEMCPY(dst, src, 8);
        break;
    }
#else
    switch (width) {
    case 1:
        dst[0] = src[0];
        break;
    case 2: {
        uint16_t v = candid_load_u16(src);
        CANDID_MEMCPY(dst, &v, 2);
        break;
    }
    case 4: {
        uint32_t v = candid_load_u32(src);
        CANDID_MEMCPY(dst, &v, 4);
        break;
    }
    default: {
        uint64_t v = candid_load_u64(src);
        CANDID_MEMCPY(dst, &v, 8);
        break;
    }
    }
#endif
}

LEAF_INLINE void put_slice(uint8_t *dst, const uint8_t *p, size_t n) {
    if (dst) {
        candid_slice s = {p, n};
        CANDID_MEMCPY(dst, &s, sizeof s);
    }
}

/* None for an option slot: a NULL pointer, or flag 0 and a zeroed value so
 * that results do not depend on what the slot held before. */
LEAF_INLINE void put_none(uint8_t *dst, const pnode *nd) {
    if (!dst) return;
    if (nd->flags & PF_BOXED) {
        void *p = NULL;
        CANDID_MEMCPY(dst, &p, sizeof p);
    } else {
        dst[0] = 0;
        CANDID_MEMSET(dst + nd->opt.off, 0, nd->opt.size);
    }
}

LEAF_INLINE int scalar_nop(LEAF_ARGS) {
    (void)nd, (void)msg, (void)len, (void)pos, (void)dst, (void)m, (void)keep, (void)var;
    return CANDID_OK;
}

LEAF_INLINE int scalar_none(LEAF_ARGS) {
    (void)msg, (void)len, (void)pos, (void)m, (void)keep, (void)var;
    put_none(dst, nd);
    return CANDID_OK;
}

LEAF_INLINE int scalar_bool(LEAF_ARGS) {
    (void)nd, (void)m, (void)var;
    size_t p = *pos;
    if (p == len) return CANDID_ERR_TRUNCATED;
    if (msg[p] > 1) return CANDID_ERR_BAD_TAG;
    if (keep && dst) *dst = msg[p];
    *pos = p + 1;
    return CANDID_OK;
}

LEAF_INLINE int scalar_fixed(LEAF_ARGS) {
    (void)m, (void)var;
    size_t p = *pos;
    uint32_t width = nd->fixed.width;
    if (width > len - p) return CANDID_ERR_TRUNCATED;
    if (keep && dst) put_fixed(dst, msg + p, width);
    *pos = p + width;
    return CANDID_OK;
}

/* var 1: nat at int64 (half the range). */
LEAF_INLINE int scalar_nat(LEAF_ARGS) {
    (void)nd, (void)m, (void)keep;
    uint64_t v;
    candid_status st = candid__leb(msg, len, pos, &v);
    if (st == CANDID_ERR_LEB_OVERFLOW || (var && !st && v > (uint64_t)INT64_MAX))
        st = CANDID_ERR_RANGE;
    if (st) return st;
    if (keep && dst) CANDID_MEMCPY(dst, &v, 8);
    return CANDID_OK;
}

LEAF_INLINE int scalar_int(LEAF_ARGS) {
    (void)nd, (void)m, (void)keep, (void)var;
    int64_t v;
    candid_status st = candid__sleb(msg, len, pos, &v);
    if (st == CANDID_ERR_LEB_OVERFLOW) st = CANDID_ERR_RANGE;
    if (st) return st;
    if (keep && dst) CANDID_MEMCPY(dst, &v, 8);
    return CANDID_OK;
}

/* Numbers of any width as slices (var 1: signed); skipped numbers (keep 0)
 * have no range to check either. */
LEAF_INLINE int scalar_big(LEAF_ARGS) {
    (void)nd, (void)m;
    size_t at = *pos;
    candid_status st = candid__skip_leb(msg, len, pos);
    if (st) return st;
    if (keep && dst) {
        /* Member by member: padding bytes of the slot stay as they were,
         * so results are reproducible byte for byte. */
        const uint8_t *bp = msg + at;
        size_t bl = *pos - at;
        uint8_t sg = (uint8_t)var;
        CANDID_MEMCPY(dst + offsetof(candid_bignum, ptr), &bp, sizeof bp);
        CANDID_MEMCPY(dst + offsetof(candid_bignum, len), &bl, sizeof bl);
        CANDID_MEMCPY(dst + offsetof(candid_bignum, is_signed), &sg, 1);
    }
    return CANDID_OK;
}

LEAF_INLINE int scalar_text(LEAF_ARGS) {
    (void)nd, (void)var;
    uint64_t v;
    candid_status st = candid__leb(msg, len, pos, &v);
    if (st) return st;
    size_t p = *pos;
    if (v > len - p) return CANDID_ERR_TRUNCATED;
    if (!candid_utf8_valid(msg + p, (size_t)v)) return CANDID_ERR_UTF8;
    if (keep) put_slice(dst, msg + p, (size_t)v);
    *pos = p + (size_t)v;
    m->left -= (int64_t)(v >> BYTES_PER_STEP_LOG2);
    return CANDID_OK;
}

/* A principal's length and bytes (after its tag); *out their slice. */
LEAF_INLINE int principal_bytes(const uint8_t *msg, size_t len, size_t *pos, candid_slice *out) {
    uint64_t v;
    size_t p;
    candid_status st = candid__leb(msg, len, pos, &v);
    if (st) return st;
    p = *pos;
    if (v > len - p) return CANDID_ERR_TRUNCATED;
    if (v > PRINCIPAL_MAX) return CANDID_ERR_RANGE;
    out->ptr = msg + p;
    out->len = (size_t)v;
    *pos = p + (size_t)v;
    return CANDID_OK;
}

LEAF_INLINE int scalar_principal(LEAF_ARGS) {
    (void)nd, (void)m, (void)var;
    /* Opaque references (tag 0) have no meaning outside the system. */
    size_t p = *pos;
    if (p == len) return CANDID_ERR_TRUNCATED;
    if (msg[p] != 1) return CANDID_ERR_BAD_TAG;
    *pos = p + 1;
    candid_slice s;
    candid_status st = principal_bytes(msg, len, pos, &s);
    if (st) return st;
    if (keep) put_slice(dst, s.ptr, s.len);
    return CANDID_OK;
}

/* Tag 1 (a public reference), the principal's tag 1, the principal, then
 * the method name. */
LEAF_INLINE int scalar_func(LEAF_ARGS) {
    (void)nd, (void)var;
    candid_funcref f;
    size_t p = *pos;
    if (2 > len - p) return CANDID_ERR_TRUNCATED;
    if (msg[p] != 1 || msg[p + 1] != 1) return CANDID_ERR_BAD_TAG;
    *pos = p + 2;
    candid_status st = principal_bytes(msg, len, pos, &f.principal);
    if (st) return st;
    if ((st = scalar_text(nd, msg, len, pos, keep ? (uint8_t *)&f.method : NULL, m, 1, 0)))
        return st;
    if (keep && dst) CANDID_MEMCPY(dst, &f, sizeof f);
    return CANDID_OK;
}

/* A value of a future type: its byte length and reference count first. */
LEAF_INLINE int scalar_future(LEAF_ARGS) {
    (void)nd, (void)dst, (void)keep, (void)var;
    uint64_t v, refs;
    candid_status st = candid__leb(msg, len, pos, &v);
    if (!st) st = candid__leb(msg, len, pos, &refs);
    if (st) return st;
    if (v > len - *pos) return CANDID_ERR_TRUNCATED;
    *pos += (size_t)v;
    m->left -= (int64_t)(v >> BYTES_PER_STEP_LOG2);
    return CANDID_OK;
}

/* A leaf (PF_LEAF): a scalar, or the flag of an option or the tag of a
 * variant and then a scalar, whose step is counted here. One switch for
 * all of them, taken at most twice. A skipping scalar costs a skip as well
 * as its step. stored 1: the caller knows dst is not NULL, so that the
 * compiler drops the ops' tests of it (a loop over a block's slots). */
LEAF_INLINE int leaf(const uint32_t *P, const pnode *nd, const uint8_t *msg, size_t len,
                     size_t *pos, uint8_t *dst, meter *m, const int stored) {
    for (;;) {
        switch (nd->op) {
#define X(op_, name_, keep_, var_)                                             \
    case op_:                                                                  \
        m->skips += !(keep_);                                                  \
        if (stored && !dst) __builtin_unreachable();                           \
        return scalar_##name_(nd, msg, len, pos, dst, m, keep_, var_);
            SCALAR_OPS(X)
#undef X
        case OP_OPT_FLAG: {
            size_t p = *pos;
            if (p == len) return CANDID_ERR_TRUNCATED;
            if (msg[p] > 1) return CANDID_ERR_BAD_TAG;
            *pos = p + 1;
            if (!msg[p]) {
                put_none(dst, nd);
                return CANDID_OK;
            }
            if (dst) {
                dst[0] = 1;
                dst += nd->opt.off;
            }
            nd = node_at(P, nd->opt.child);
            break;
        }
        default: { /* OP_VARIANT */
            uint64_t v;
            candid_status st = candid__leb(msg, len, pos, &v);
            if (st) return st;
            if (v >= nd->agg.count) return CANDID_ERR_VARIANT_TAG;
            const uint32_t *e = P + nd->agg.first + 3 * v;
            if (dst) {
                CANDID_MEMCPY(dst, &e[0], 4);
                dst += e[2];
            }
            nd = node_at(P, e[1]);
            break;
        }
        }
        m->left--;
    }
}

/* The vector form of scalar_nat for its common case: numbers below 2^14
 * (one or two bytes, the shape of counts, amounts and ids) while two bytes
 * remain, both read in one load. Stops, leaving *count, at the first other
 * number, which scalar_nat then reads (and checks) as usual. */
LEAF_INLINE void small_nats(const uint8_t *msg, size_t len, size_t *pos, uint8_t **items,
                            uint32_t size, uint64_t *count) {
    const uint8_t *q = msg + *pos;
    uint8_t *d = *items;
    uint64_t left = *count;
    /* Batches in which two bytes surely remain for every element (none
     * takes more), so the loop tests only its count. */
    for (;;) {
        size_t batch = (size_t)(msg + len - q) / 2;
        if (left < batch) batch = (size_t)left;
        if (!batch) break;
        left -= batch;
        for (; batch; batch--) {
            uint32_t u;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            uint16_t h;
            CANDID_MEMCPY(&h, q, 2);
            u = h;
#else
            u = candid_load_u16(q);
#endif
            uint64_t x;
            /* two bytes first: most numbers below 2^14 have two */
            if (__builtin_expect((u & 0x8080) == 0x80, 1)) {
                x = (u & 0x7f) | (u >> 1 & 0x3f80);
                q += 2;
            } else if (!(u & 0x80)) {
                x = u & 0x7f;
                q++;
            } else {
                left += batch;
                goto out;
            }
            CANDID_MEMCPY(d, &x, 8);
            d += size;
        }
    }
out:
    *pos = (size_t)(q - msg);
    *items = d;
    *count = left;
}

/* count scalars of node nd into slots size bytes apart from items (NULL:
 * store nothing): the switch once, then a loop per op. */
LEAF_INLINE int scalars(const pnode *nd, const uint8_t *msg, size_t len, size_t *pos,
                        uint8_t *items, uint32_t size, uint64_t count, meter *m) {
    /* Locals inside the loops: stores through pos each element would cost
     * more than the element itself. */
    size_t p = *pos;
    int st = CANDID_OK;
    if (nd->op == OP_NAT_U64 && items) small_nats(msg, len, &p, &items, size, &count);
    switch (nd->op) {
#define X(op_, name_, keep_, var_)                                             \
    case op_:                                                                  \
        m->skips += (keep_) ? 0 : count;                                       \
        for (uint64_t i = 0; i < count; i++) {                                 \
            if ((st = scalar_##name_(nd, msg, len, &p, items, m, keep_, var_))) break; \
            if ((keep_) && items) items += size;                               \
        }                                                                      \
        break;
        SCALAR_OPS(X)
#undef X
    default:
        __builtin_unreachable();
    }
    *pos = p;
    return st;
}

#endif
