/* The plan interpreter: reads value bytes and writes C slots as the plan
 * says. It never recurses: nesting lives on an explicit stack of frames in
 * the caller's work memory, so native stack use does not depend on the
 * input. Coercion failures unwind to the innermost option being tried,
 * which rewinds the input and the arena and skips the value instead
 * (the spec's "else null" rules). Every other error is final. */
#include "candid/wire.h"
#include "internal.h"
#include "plan.h"

enum { F_RECORD, F_VEC, F_OPT, F_SKIP_RECORD, F_SKIP_VEC, F_VARIANT };

typedef struct frame {
    uint32_t kind;
    uint32_t node;
    uint64_t i;        /* record: next step; vec: elements left; variant
                          (traced only): the case */
    uint8_t *dst;      /* record base, vec cursor, or option slot */
    size_t pos;        /* option: where its value starts; vec (traced):
                          its length */
    size_t a_used;     /* option: arena mark */
    size_t a_needed;
} frame;

_Static_assert(sizeof(frame) == CANDID__FRAME_SIZE, "CANDID__FRAME_SIZE in internal.h");

#define PRINCIPAL_MAX 29

/* Bytes a step may cover. Text validation, copies and skips of long runs
 * cost in proportion to their length; charging them keeps the total work
 * linear in the budget even when failed options make the decoder read the
 * same bytes again. */
#define BYTES_PER_STEP_LOG2 4

static uint64_t budget_of(uint64_t base, uint32_t per_byte, size_t len) {
    /* Clamping the length keeps the product within 64 bits without an
     * overflow check (which Wasm would lower to a 128-bit multiply import). */
    uint64_t l = len > UINT32_MAX ? UINT32_MAX : (uint64_t)len;
    uint64_t b = l * per_byte;
    return b > UINT64_MAX - base ? UINT64_MAX : b + base;
}

/* Little-endian wire bytes to a host-order slot. On Wasm one bulk copy;
 * elsewhere by width, so that each is one load and one store rather than
 * a library call. */
static void put_fixed(uint8_t *dst, const uint8_t *src, uint32_t width) {
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

static void put_ptr(uint8_t *dst, void *p) {
    if (dst) CANDID_MEMCPY(dst, &p, sizeof p);
}

static void put_slice(uint8_t *dst, const uint8_t *p, size_t n) {
    if (dst) {
        candid_slice s = {p, n};
        CANDID_MEMCPY(dst, &s, sizeof s);
    }
}

/* None for an option slot: a NULL pointer, or flag 0 and a zeroed value so
 * that results do not depend on what the slot held before. */
static void put_none(uint8_t *dst, int boxed, uint32_t off, uint32_t size) {
    if (!dst) return;
    if (boxed) {
        put_ptr(dst, NULL);
    } else {
        dst[0] = 0;
        CANDID_MEMSET(dst + off, 0, size);
    }
}

/* Decodes (items != NULL) or skips `count` elements whose plan op is a leaf
 * that cannot fail to coerce. Returns 0, doing nothing, for other ops. The
 * caller has checked the element count against the budget. */
static int leaf_loop(uint32_t op, const uint8_t *msg, size_t len, size_t *pos,
                     uint8_t *items, uint32_t size, uint64_t count, candid_status *st) {
    /* Locals only inside the loops: stores through pos and st each element
     * would cost more than the element itself. */
    size_t p = *pos;
    uint64_t v;
    candid_status s = CANDID_OK;
    /* Elements read at reserved are skipping ops with slots of size 0:
     * nothing may be stored, nor an element count derived from the size. */
    uint8_t *d = op >= OP_SKIP_FIXED ? NULL : items;
    switch (op) {
    case OP_NOP:
        break;
    case OP_BOOL:
    case OP_SKIP_BOOL:
        if (count > len - p) {
            s = CANDID_ERR_TRUNCATED;
            p = len;
            break;
        }
        for (uint64_t i = 0; i < count; i++) {
            if (msg[p + i] > 1) {
                s = CANDID_ERR_BAD_TAG;
                p += (size_t)i;
                goto out;
            }
        }
        if (d) CANDID_MEMCPY(d, msg + p, (size_t)count);
        p += (size_t)count;
        break;
    case OP_SKIP_LEB:
        /* Skipped numbers have any width: no range to check. */
        for (uint64_t i = 0; i < count; i++) {
            if ((s = candid__skip_leb(msg, len, &p))) break;
        }
        break;
    case OP_NAT_U64:
        /* Numbers below 2^14 (one or two bytes) while two bytes remain:
         * the shape of counts, amounts and ids, in a loop of their own. */
        if (d) {
            const uint8_t *q = msg + p;
            uint64_t left = count;
            /* Batches in which two bytes surely remain for every element
             * (none takes more), so the loop tests only its count. */
            for (;;) {
                size_t batch = (size_t)(msg + len - q) / 2;
                if (left < batch) batch = (size_t)left;
                if (!batch) break;
                left -= batch;
                for (; batch; batch--) {
                    /* both bytes in one load */
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
                        goto long_nat;
                    }
                    CANDID_MEMCPY(d, &x, 8);
                    d += size;
                }
            }
        long_nat:
            p = (size_t)(q - msg);
            count = left;
        }
        for (uint64_t i = 0; i < count; i++) {
            if ((s = candid__leb(msg, len, &p, &v))) break;
            if (d) {
                CANDID_MEMCPY(d, &v, 8);
                d += size;
            }
        }
        if (s == CANDID_ERR_LEB_OVERFLOW) s = CANDID_ERR_RANGE;
        break;
    case OP_NAT_BIG:
    case OP_INT_BIG:
        for (uint64_t i = 0; i < count; i++) {
            size_t at = p;
            if ((s = candid__skip_leb(msg, len, &p))) break;
            if (d) {
                const uint8_t *bp = msg + at;
                size_t bl = p - at;
                uint8_t sg = op == OP_INT_BIG;
                CANDID_MEMCPY(d + offsetof(candid_bignum, ptr), &bp, sizeof bp);
                CANDID_MEMCPY(d + offsetof(candid_bignum, len), &bl, sizeof bl);
                CANDID_MEMCPY(d + offsetof(candid_bignum, is_signed), &sg, 1);
                d += size;
            }
        }
        break;
    case OP_TEXT:
    case OP_SKIP_TEXT:
        for (uint64_t i = 0; i < count; i++) {
            if ((s = candid__leb(msg, len, &p, &v))) break;
            if (v > len - p) {
                s = CANDID_ERR_TRUNCATED;
                break;
            }
            if (!candid_utf8_valid(msg + p, (size_t)v)) {
                s = CANDID_ERR_UTF8;
                break;
            }
            if (d) {
                candid_slice sl = {msg + p, (size_t)v};
                CANDID_MEMCPY(d, &sl, sizeof sl);
                d += size;
            }
            p += (size_t)v;
        }
        break;
    default:
        return 0;
    }
out:
    *pos = p;
    *st = s;
    return 1;
}

/* Leaves: values that never fail to coerce and need no frame. Records run
 * their leaf fields through these in a loop of their own, which is most of
 * the decoding work of real messages; only other fields take a frame
 * round trip. LEAF_OTHER: not a leaf, the interpreter proper takes it. */
#define LEAF_OTHER (-1)

typedef struct leaf_env {
    const uint8_t *msg;
    size_t len;
    uint64_t budget;
    uint64_t skip_budget;
} leaf_env;

/* Ops of scalar leaves (the plan orders them first): an option or variant
 * of one cannot fail to coerce either. Options' and variants' children
 * are never skipping ops, so this test suffices there. */
static inline int scalar_op(uint32_t op) {
    return op <= OP_PRINCIPAL;
}

/* One switch for every leaf, options and variants of scalars included:
 * when such an option's flag says a value follows, or such a variant's tag
 * is read, LEAF_SOME asks the caller to decode the scalar *next into
 * *ndst. */
#define LEAF_SOME (-2)

static inline __attribute__((always_inline)) int
leaf_step(const leaf_env *e, const uint32_t *P, const uint32_t *w, size_t *pos, uint8_t *dst,
          uint64_t *steps, uint64_t *skips, const uint32_t **next, uint8_t **ndst) {
    const uint8_t *msg = e->msg;
    size_t len = e->len, p = *pos;
    uint64_t v;
    candid_status st;
    uint32_t op = w[0] & 0xff;
    /* Skipping ops may be given a slot (skipped record fields are) and
     * must not write to it. */
    switch (op) {
    case OP_NOP:
        return CANDID_OK;
    case OP_BOOL:
        if (p == len) return CANDID_ERR_TRUNCATED;
        if (msg[p] > 1) return CANDID_ERR_BAD_TAG;
        if (dst) *dst = msg[p];
        *pos = p + 1;
        return CANDID_OK;
    case OP_FIXED:
        if (w[1] > len - p) return CANDID_ERR_TRUNCATED;
        if (dst) put_fixed(dst, msg + p, w[1]);
        *pos = p + w[1];
        return CANDID_OK;
    case OP_NAT_U64:
    case OP_NAT_I64:
        st = candid__leb(msg, len, pos, &v);
        if (st == CANDID_ERR_LEB_OVERFLOW ||
            (op == OP_NAT_I64 && !st && v > (uint64_t)INT64_MAX))
            st = CANDID_ERR_RANGE;
        if (st) return st;
        if (dst) CANDID_MEMCPY(dst, &v, 8);
        return CANDID_OK;
    case OP_INT_I64: {
        int64_t s;
        st = candid__sleb(msg, len, pos, &s);
        if (st == CANDID_ERR_LEB_OVERFLOW) st = CANDID_ERR_RANGE;
        if (st) return st;
        if (dst) CANDID_MEMCPY(dst, &s, 8);
        return CANDID_OK;
    }
    case OP_NAT_BIG:
    case OP_INT_BIG:
        if ((st = candid__skip_leb(msg, len, pos))) return st;
        if (dst) {
            /* Member by member: padding bytes of the slot stay as they were,
             * so results are reproducible byte for byte. */
            const uint8_t *bp = msg + p;
            size_t bl = *pos - p;
            uint8_t sg = op == OP_INT_BIG;
            CANDID_MEMCPY(dst + offsetof(candid_bignum, ptr), &bp, sizeof bp);
            CANDID_MEMCPY(dst + offsetof(candid_bignum, len), &bl, sizeof bl);
            CANDID_MEMCPY(dst + offsetof(candid_bignum, is_signed), &sg, 1);
        }
        return CANDID_OK;
    case OP_PRINCIPAL:
    case OP_SKIP_PRINCIPAL:
        /* Opaque references (tag 0) have no meaning outside the system. */
        if (p == len) return CANDID_ERR_TRUNCATED;
        if (msg[p] != 1) return CANDID_ERR_BAD_TAG;
        *pos = p + 1;
        if ((st = candid__leb(msg, len, pos, &v))) return st;
        p = *pos;
        if (v > len - p) return CANDID_ERR_TRUNCATED;
        if (v > PRINCIPAL_MAX) return CANDID_ERR_RANGE;
        if (op == OP_PRINCIPAL) put_slice(dst, msg + p, (size_t)v);
        *pos = p + (size_t)v;
        return CANDID_OK;
    case OP_TEXT:
    case OP_SKIP_TEXT:
        if ((st = candid__leb(msg, len, pos, &v))) return st;
        p = *pos;
        if (v > len - p) return CANDID_ERR_TRUNCATED;
        if (!candid_utf8_valid(msg + p, (size_t)v)) return CANDID_ERR_UTF8;
        if (op == OP_TEXT) put_slice(dst, msg + p, (size_t)v);
        *pos = p + (size_t)v;
        *steps += v >> BYTES_PER_STEP_LOG2;
        return *steps > e->budget ? CANDID_ERR_BUDGET : CANDID_OK;
    case OP_SKIP_FIXED:
        if (++*skips > e->skip_budget) return CANDID_ERR_BUDGET;
        if (w[1] > len - p) return CANDID_ERR_TRUNCATED;
        *pos = p + w[1];
        return CANDID_OK;
    case OP_SKIP_LEB:
        if (++*skips > e->skip_budget) return CANDID_ERR_BUDGET;
        return candid__skip_leb(msg, len, pos);
    case OP_OPT_NONE:
        put_none(dst, w[0] >> 8 & PF_BOXED, w[1], w[2]);
        return CANDID_OK;
    case OP_OPT_FLAG:
        if ((w[0] >> 8 & PF_BOXED) || !scalar_op(P[w[1]] & 0xff)) return LEAF_OTHER;
        if (p == len) return CANDID_ERR_TRUNCATED;
        if (msg[p] > 1) return CANDID_ERR_BAD_TAG;
        *pos = p + 1;
        if (!msg[p]) {
            put_none(dst, 0, w[3], w[4]);
            return CANDID_OK;
        }
        /* some now: the scalar cannot fail to coerce, only be malformed */
        if (dst) dst[0] = 1;
        *next = P + w[1];
        *ndst = dst ? dst + w[3] : NULL;
        return LEAF_SOME;
    case OP_VARIANT: {
        /* Only the plain case: anything unusual (a bad tag, a case the
         * expected type lacks, a case that is not a scalar) is left to the
         * interpreter, which reads the tag again and says what is wrong. */
        if (w[0] >> 8 & PF_BOXED) return LEAF_OTHER;
        size_t q = p;
        if (candid__leb(msg, len, &q, &v) || v >= w[2]) return LEAF_OTHER;
        const uint32_t *m = P + w[1] + 3 * v;
        if (m[0] == NO_NODE || !scalar_op(P[m[1]] & 0xff)) return LEAF_OTHER;
        if (dst) CANDID_MEMCPY(dst, &m[0], 4);
        *pos = q;
        *next = P + m[1];
        *ndst = dst ? dst + m[2] : NULL;
        return LEAF_SOME;
    }
    default:
        return LEAF_OTHER;
    }
}

/* A leaf, or an option or variant of a scalar leaf (which cannot fail to
 * coerce, so it needs no frame to fall back to). */
static inline __attribute__((always_inline)) int
leaf(const leaf_env *e, const uint32_t *P, const uint32_t *w, size_t *pos, uint8_t *dst,
     uint64_t *steps, uint64_t *skips) {
    /* At most two rounds (a scalar is never an option or a variant); a
     * loop keeps one copy of the leaf code at each place this inlines. */
    for (;;) {
        int r = leaf_step(e, P, w, pos, dst, steps, skips, &w, &dst);
        if (__builtin_expect(r != LEAF_SOME, 1)) return r;
        if (++*steps > e->budget) return CANDID_ERR_BUDGET;
    }
}

/* The leaf fields of a record from step *k on. CANDID_OK: the record is
 * complete; LEAF_OTHER: step *k is not a leaf (its step is not yet
 * counted); else an error. */
static inline __attribute__((always_inline)) int
record_leaves(const leaf_env *e, const uint32_t *P, const uint32_t *rw, uint8_t *base,
              uint32_t *k, size_t *pos, uint64_t *steps, uint64_t *skips) {
    uint32_t i = *k, count = rw[2];
    const uint32_t *s = P + rw[1] + 2 * i;
    /* A step per field, counted ahead; what is not done here is given back. */
    *steps += count - i;
    if (*steps > e->budget) return CANDID_ERR_BUDGET;
    for (; i < count; i++, s += 2) {
        int r = leaf(e, P, P + s[0], pos, base ? base + s[1] : NULL, steps, skips);
        if (r == CANDID_OK) continue;
        if (r == LEAF_OTHER) {
            *steps -= count - i;
            *k = i;
        }
        return r;
    }
    return CANDID_OK;
}

/* The interpreter, in two versions: the decoder, and the tracer that
 * re-runs a failed decode (writing nothing) keeping a frame for every
 * container on the path to the failure, none of them popped early nor
 * finished in a fast loop, so that the stack names the path. */
static inline __attribute__((always_inline)) candid_status
run_plan(run_ctx *c, size_t start, void *out, const int trace) {
    const uint32_t *P = c->plan;
    const uint8_t *msg = c->msg;
    const size_t len = c->len;
    candid_arena *arena = c->arena;
    frame *stack = (frame *)c->stack;
    size_t cap = c->stack_cap / sizeof(frame);
    if (!trace && cap > c->lim->max_depth) cap = c->lim->max_depth;
    size_t sp = 0, hi = 0, pos = start;
    const uint64_t budget = budget_of(c->lim->budget_base, c->lim->budget_per_byte, len);
    const uint64_t skip_budget = budget_of(c->lim->skip_base, c->lim->skip_per_byte, len);
    uint64_t steps = 0, skips = 0;
    uint32_t n = c->root;
    uint8_t *dst = (uint8_t *)out;
    candid_status st = CANDID_OK;
    uint64_t v;
    const uint32_t *w;
    const leaf_env env = {msg, len, budget, skip_budget};

#define NEED(k)                                                                \
    do {                                                                       \
        if ((uint64_t)(k) > len - pos) {                                       \
            st = CANDID_ERR_TRUNCATED;                                         \
            goto error;                                                        \
        }                                                                      \
    } while (0)
#define CHECK(expr)                                                            \
    do {                                                                       \
        if ((st = (expr)) != CANDID_OK) goto error;                            \
    } while (0)
#define PUSH(k, node_, i_, dst_)                                               \
    do {                                                                       \
        if (sp == cap) {                                                       \
            st = !trace && sp == c->lim->max_depth ? CANDID_ERR_DEPTH              \
                                                   : CANDID_ERR_WORK_FULL;     \
            goto error;                                                        \
        }                                                                      \
        stack[sp].kind = (k);                                                  \
        stack[sp].node = (node_);                                              \
        stack[sp].i = (i_);                                                    \
        stack[sp].dst = (dst_);                                                \
        if (++sp > hi) hi = sp;                                                \
    } while (0)

exec:
    if (trace) dst = NULL;
    w = P + n;
    if (++steps > budget) {
        st = CANDID_ERR_BUDGET;
        goto error;
    }
    switch (w[0] & 0xff) {
    case OP_FUNC:
    case OP_SKIP_FUNC: {
        /* Opaque references (tag 0) have no meaning outside the system. */
        NEED(2);
        if (msg[pos] != 1 || msg[pos + 1] != 1) {
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        pos += 2;
        CHECK(candid__leb(msg, len, &pos, &v));
        NEED(v);
        if (v > PRINCIPAL_MAX) {
            st = CANDID_ERR_RANGE;
            goto error;
        }
        const uint8_t *pr = msg + pos;
        size_t prlen = (size_t)v;
        pos += prlen;
        CHECK(candid__leb(msg, len, &pos, &v));
        NEED(v);
        if (!candid_utf8_valid(msg + pos, (size_t)v)) {
            st = CANDID_ERR_UTF8;
            goto error;
        }
        if (dst && (w[0] & 0xff) == OP_FUNC) {
            candid_funcref f = {{pr, prlen}, {msg + pos, (size_t)v}};
            CANDID_MEMCPY(dst, &f, sizeof f);
        }
        pos += (size_t)v;
        steps += (v) >> BYTES_PER_STEP_LOG2;
        break;
    }
    case OP_OPT_FLAG:
        /* an inline option of a scalar is a leaf */
        if (!(w[0] >> 8 & PF_BOXED) && scalar_op(P[w[1]] & 0xff)) goto leaf_op;
        NEED(1);
        if (msg[pos] > 1) {
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        if (msg[pos++] == 0) {
            put_none(dst, w[0] >> 8 & PF_BOXED, w[3], w[4]);
            break;
        }
        goto try_opt; /* the flag said a value follows */
    case OP_OPT_WRAP:
        if (w[1] == NO_NODE) {
            put_none(dst, w[0] >> 8 & PF_BOXED, w[3], w[4]);
            n = w[2];
            dst = NULL;
            goto exec;
        }
    try_opt: {
        /* A value that cannot fail to coerce needs nothing to fall back
         * to: the option is some before it is decoded, and no frame waits
         * (a list decodes without a frame per node). */
        int sure = w[0] >> 8 & PF_SURE;
        if (!sure) {
            PUSH(F_OPT, n, 0, dst);
            stack[sp - 1].pos = pos;
            stack[sp - 1].a_used = arena->used;
            stack[sp - 1].a_needed = arena->needed;
        }
        uint8_t *inner;
        if (w[0] >> 8 & PF_BOXED) {
            inner = candid__alloc(arena, w[3], w[4]);
            if (dst) put_ptr(dst, inner);
        } else {
            inner = dst ? dst + w[3] : NULL;
            if (sure && dst) dst[0] = 1;
        }
        n = w[1];
        dst = inner;
        goto exec;
    }
    case OP_VEC: {
        CHECK(candid__leb(msg, len, &pos, &v));
        if (w[4]) NEED(v);
        /* Each element costs a step: fail now rather than after the work. */
        if (v > budget - steps) {
            st = CANDID_ERR_BUDGET;
            goto error;
        }
        uint8_t *items = NULL;
        if (v >> 32 && w[2]) {
            /* more than 2^32 non-empty slots: no arena holds them */
            arena->needed = SIZE_MAX;
        } else if ((uint64_t)(v * w[2]) > SIZE_MAX) {
            arena->needed = SIZE_MAX;
        } else {
            items = candid__alloc(arena, (size_t)(v * w[2]), w[3]);
        }
        if (dst) {
            candid_vec cv = {items, (size_t)v};
            CANDID_MEMCPY(dst, &cv, sizeof cv);
        }
        if (!v) break;
        if (trace) {
            PUSH(F_VEC, n, v, NULL);
            stack[sp - 1].pos = (size_t)v;
            break;
        }
        /* Vectors of leaves run in a loop of their own, without a frame per
         * element. */
        size_t at = pos, q = pos;
        candid_status ls;
        if (leaf_loop(P[w[1]] & 0xff, msg, len, &q, items, w[2], v, &ls)) {
            pos = q;
            st = ls;
            steps += v + ((pos - at) >> BYTES_PER_STEP_LOG2);
            if (st) goto error;
            break;
        }
        PUSH(F_VEC, n, v, items);
        break;
    }
    case OP_VEC_BULK: {
        CHECK(candid__leb(msg, len, &pos, &v));
        NEED(v);
        uint64_t bytes = v * w[1];
        NEED(bytes);
        uint8_t *items = candid__alloc(arena, (size_t)bytes, w[1]);
        if (items) CANDID_MEMCPY(items, msg + pos, (size_t)bytes);
        pos += (size_t)bytes;
        steps += (bytes) >> BYTES_PER_STEP_LOG2;
        if (dst) {
            candid_vec cv = {items, (size_t)v};
            CANDID_MEMCPY(dst, &cv, sizeof cv);
        }
        break;
    }
    case OP_VEC_SLICE: {
        CHECK(candid__leb(msg, len, &pos, &v));
        if (!w[1] && v) goto fail; /* other element type: only [] coerces */
        NEED(v);
        uint64_t bytes = v * w[1];
        NEED(bytes);
        put_slice(dst, msg + pos, (size_t)bytes);
        pos += (size_t)bytes;
        steps += (bytes) >> BYTES_PER_STEP_LOG2;
        break;
    }
    case OP_RECORD: {
        if (trace) {
            PUSH(F_RECORD, n, 0, NULL);
            break;
        }
        uint8_t *base = dst;
        if (w[0] >> 8 & PF_BOXED) {
            base = candid__alloc(arena, w[3], w[4]);
            put_ptr(dst, base);
        }
        uint32_t k = 0;
        int r = record_leaves(&env, P, w, base, &k, &pos, &steps, &skips);
        if (r == CANDID_OK) break;
        if (r != LEAF_OTHER) {
            st = (candid_status)r;
            goto error;
        }
        /* The rest of the record waits in a frame while field k, not a
         * leaf, runs; none is needed when k is the last field. */
        const uint32_t *s = P + w[1] + 2 * k;
        if (k + 1 < w[2]) PUSH(F_RECORD, n, k + 1, base);
        n = s[0];
        dst = base ? base + s[1] : NULL;
        goto exec;
    }
    case OP_VARIANT: {
        CHECK(candid__leb(msg, len, &pos, &v));
        if (v >= w[2]) {
            st = CANDID_ERR_VARIANT_TAG;
            goto error;
        }
        const uint32_t *m = P + w[1] + 3 * v;
        if (trace) PUSH(F_VARIANT, n, v, NULL);
        if (m[0] == NO_NODE) {
            n = m[1]; /* the failure the plan describes */
            goto fail;
        }
        uint8_t *base = dst;
        if (w[0] >> 8 & PF_BOXED) {
            base = candid__alloc(arena, w[3], w[4]);
            put_ptr(dst, base);
        }
        if (base) CANDID_MEMCPY(base, &m[0], 4);
        n = m[1];
        dst = base ? base + m[2] : NULL;
        goto exec;
    }
    case OP_FAIL:
        goto fail;
    case OP_MISSING_ARG:
        st = CANDID_ERR_MISSING_ARG;
        goto error;
    case OP_SKIP_BOOL:
        skips++;
        NEED(1);
        if (msg[pos++] > 1) {
            pos--;
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        break;
    case OP_SKIP_OPT:
        skips++;
        NEED(1);
        if (msg[pos] > 1) {
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        if (msg[pos++] == 1) {
            n = w[1];
            dst = NULL;
            goto exec;
        }
        break;
    case OP_SKIP_VEC:
        skips++;
        CHECK(candid__leb(msg, len, &pos, &v));
        if (w[2]) {
            NEED(v);
            NEED(v * w[2]);
            pos += (size_t)(v * w[2]);
            steps += (v * w[2]) >> BYTES_PER_STEP_LOG2;
            break;
        }
        if (w[4]) NEED(v);
        if (v > budget - steps || v > skip_budget - skips) {
            st = CANDID_ERR_BUDGET;
            goto error;
        }
        if (!v) break;
        if (trace) {
            PUSH(F_SKIP_VEC, n, v, NULL);
            stack[sp - 1].pos = (size_t)v;
            break;
        }
        size_t at = pos, q = pos;
        candid_status ls;
        if (leaf_loop(P[w[1]] & 0xff, msg, len, &q, NULL, 0, v, &ls)) {
            pos = q;
            st = ls;
            steps += v + ((pos - at) >> BYTES_PER_STEP_LOG2);
            skips += v;
            if (st) goto error;
            break;
        }
        PUSH(F_SKIP_VEC, n, v, NULL);
        break;
    case OP_SKIP_RECORD:
        skips++;
        PUSH(F_SKIP_RECORD, n, 0, NULL);
        break;
    case OP_SKIP_VARIANT:
        skips++;
        CHECK(candid__leb(msg, len, &pos, &v));
        if (v >= w[2]) {
            st = CANDID_ERR_VARIANT_TAG;
            goto error;
        }
        if (trace) PUSH(F_VARIANT, n, v, NULL);
        n = P[w[1] + v];
        dst = NULL;
        goto exec;
    case OP_SKIP_FUTURE: {
        uint64_t refs;
        skips++;
        CHECK(candid__leb(msg, len, &pos, &v));
        CHECK(candid__leb(msg, len, &pos, &refs));
        NEED(v);
        pos += (size_t)v;
        steps += (v) >> BYTES_PER_STEP_LOG2;
        break;
    }
    case OP_EMPTY:
        st = CANDID_ERR_EMPTY_VALUE;
        goto error;
    default:
    leaf_op: {
        int r = leaf(&env, P, w, &pos, dst, &steps, &skips);
        if (r == CANDID_OK) goto next;
        st = (candid_status)r; /* every op that comes here is a leaf */
        goto error;
    }
    }
    if (skips > skip_budget || steps > budget) {
        st = CANDID_ERR_BUDGET;
        goto error;
    }

next:

    /* The value is complete: continue with whatever the innermost frame
     * does next. */
    while (sp) {
        frame *f = &stack[sp - 1];
        const uint32_t *fw = P + f->node;
        switch (f->kind) {
        /* A frame whose last child is next is popped first (a tail call),
         * so a list costs one frame per node, not two. */
        case F_RECORD: {
            if (trace) {
                if (f->i == fw[2]) break;
                n = P[fw[1] + 2 * f->i++];
                goto exec;
            }
            uint32_t k = (uint32_t)f->i;
            int r = record_leaves(&env, P, fw, f->dst, &k, &pos, &steps, &skips);
            if (r == CANDID_OK) break;
            if (r != LEAF_OTHER) {
                st = (candid_status)r;
                goto error;
            }
            const uint32_t *s = P + fw[1] + 2 * k;
            n = s[0];
            dst = f->dst ? f->dst + s[1] : NULL;
            f->i = k + 1;
            if (k + 1 == fw[2]) sp--;
            goto exec;
        }
        case F_SKIP_RECORD:
            if (f->i < fw[2]) {
                n = P[fw[1] + f->i++];
                dst = NULL;
                skips++;
                if (!trace && f->i == fw[2]) sp--;
                goto exec;
            }
            break;
        case F_VEC: {
            if (trace) {
                if (!f->i) break;
                f->i--;
                n = fw[1];
                goto exec;
            }
            const uint32_t *ew = P + fw[1];
            /* Records of leaves, the common element, and options and
             * variants of scalars complete here without leaving the loop,
             * which keeps its cursor in locals until it does. */
            int leaf_records = (ew[0] & 0xff) == OP_RECORD && !(ew[0] >> 8 & PF_BOXED);
            uint64_t left = f->i;
            uint8_t *cur = f->dst;
            const uint32_t stride = fw[2];
            while (left) {
                uint8_t *ed = cur;
                left--;
                if (cur) cur += stride;
                if (++steps > budget) {
                    st = CANDID_ERR_BUDGET;
                    goto error;
                }
                uint32_t k = 0;
                int r = leaf_records ? record_leaves(&env, P, ew, ed, &k, &pos, &steps, &skips)
                                     : leaf(&env, P, ew, &pos, ed, &steps, &skips);
                if (r == CANDID_OK) continue;
                if (r != LEAF_OTHER) {
                    st = (candid_status)r;
                    goto error;
                }
                f->i = left;
                f->dst = cur;
                if (!left) sp--;
                if (!leaf_records) {
                    steps--; /* the exec head counts it */
                    n = fw[1];
                    dst = ed;
                    goto exec;
                }
                const uint32_t *s = P + ew[1] + 2 * k;
                if (k + 1 < ew[2]) PUSH(F_RECORD, fw[1], k + 1, ed);
                n = s[0];
                dst = ed ? ed + s[1] : NULL;
                goto exec;
            }
            break;
        }
        case F_SKIP_VEC:
            if (f->i) {
                f->i--;
                n = fw[1];
                dst = NULL;
                skips++;
                if (!trace && !f->i) sp--;
                goto exec;
            }
            break;
        case F_VARIANT: /* the case's value is complete */
            break;
        default: /* F_OPT: the value coerced */
            if (f->dst && !(fw[0] >> 8 & PF_BOXED)) f->dst[0] = 1;
            break;
        }
        sp--;
    }
    c->steps = steps;
    c->skip_steps = skips;
    c->err_off = pos;
    c->frames_peak = hi;
    if (pos != len) return CANDID_ERR_TRAILING;
    return CANDID_OK;

fail:
    /* Coercion failed: the innermost option being tried becomes null. With
     * none, the frames stay as they are: they describe the path. */
    {
        size_t k = sp;
        while (k && stack[k - 1].kind != F_OPT) k--;
        if (!k) {
            st = CANDID_ERR_TYPE_MISMATCH;
            goto error;
        }
        sp = k - 1;
        frame *f = &stack[sp];
        const uint32_t *fw = P + f->node;
        pos = f->pos;
        arena->used = f->a_used;
        arena->needed = f->a_needed;
        put_none(f->dst, fw[0] >> 8 & PF_BOXED, fw[3], fw[4]);
        n = fw[2];
        dst = NULL;
        goto exec;
    }

error:
    c->steps = steps;
    c->skip_steps = skips;
    c->err_off = pos;
    c->frames_peak = hi;
    c->err_node = n;
    c->frames = sp;
    return st;
#undef NEED
#undef CHECK
#undef PUSH
}

candid_status candid__run(run_ctx *c, size_t start, void *out) {
    return run_plan(c, start, out, 0);
}

candid_status candid__trace(run_ctx *c, size_t start) {
    return run_plan(c, start, NULL, 1);
}

void candid__frame_at(const run_ctx *c, size_t i, uint32_t *kind, uint32_t *node,
                      uint64_t *index) {
    const frame *f = (const frame *)c->stack + i;
    *kind = f->kind == F_RECORD || f->kind == F_SKIP_RECORD ? TRACE_FIELD
            : f->kind == F_VEC || f->kind == F_SKIP_VEC     ? TRACE_ELEMENT
            : f->kind == F_VARIANT                          ? TRACE_CASE
                                                            : TRACE_OPTION;
    *node = f->node;
    /* the step, element or case under way */
    *index = f->kind == F_VEC || f->kind == F_SKIP_VEC ? (uint64_t)f->pos - f->i - 1
             : f->kind == F_VARIANT                    ? f->i
                                                       : f->i - 1;
}
