/* The plan interpreter: reads value bytes and writes C slots as the plan
 * says. It never recurses: nesting lives on an explicit stack of frames in
 * the caller's work memory, so native stack use does not depend on the
 * input. Coercion failures unwind to the innermost option being tried,
 * which rewinds the input and the arena and skips the value instead
 * (the spec's "else null" rules). Every other error is final.
 *
 * The plan says which values are leaves (they need no frame): scalars run
 * through the op table of leaf.h, options and variants of scalars and
 * records of leaves through the loops here, whole vectors of them without
 * leaving the loop.
 *
 * Budget: every value costs a step, charged by its container before the
 * work (a record for its fields, a vector for its elements, the head of the
 * interpreter for the rest); leaves add the costs of long byte runs, to be
 * checked at the next charge, and skipping ops a skip each. charge() and
 * charge_skip() are the only places that compare against the budget. */
#include "candid/wire.h"
#include "internal.h"
#include "leaf.h"
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

static uint64_t budget_of(uint64_t base, uint32_t per_byte, size_t len) {
    /* Clamping the length keeps the product within 64 bits without an
     * overflow check (which Wasm would lower to a 128-bit multiply import). */
    uint64_t l = len > UINT32_MAX ? UINT32_MAX : (uint64_t)len;
    uint64_t b = l * per_byte;
    return b > UINT64_MAX - base ? UINT64_MAX : b + base;
}

/* k steps ahead of their work, after whatever the meter has gathered
 * since the last charge: the one place steps meet the budget. */
LEAF_INLINE candid_status charge(meter *m, uint64_t k) {
    if (m->left < 0 || k > (uint64_t)m->left) return CANDID_ERR_BUDGET;
    m->left -= (int64_t)k;
    return CANDID_OK;
}

/* The skipping op in hand, and those the meter has gathered: the one place
 * skips meet their budget. Every skip is a step as well, so checking here
 * and at the end bounds the work. */
LEAF_INLINE candid_status charge_skip(meter *m, uint64_t skip_budget) {
    return ++m->skips > skip_budget ? CANDID_ERR_BUDGET : CANDID_OK;
}

LEAF_INLINE void put_ptr(uint8_t *dst, void *p) {
    if (dst) CANDID_MEMCPY(dst, &p, sizeof p);
}

/* The leaf steps of a record from step *step on, up to end, into base:
 * all of them (CANDID_OK with *step = end), or up to the first that is not
 * a leaf (CANDID_OK, *step that one); else an error. all: the record is
 * PF_LEAVES, no step needs the test. stored: base is not NULL (the
 * caller tested it once for many records). */
LEAF_INLINE int record_leaves(const uint32_t *P, const uint32_t **step, const uint32_t *end,
                              uint8_t *base, const uint8_t *msg, size_t len, size_t *pos,
                              meter *m, const int all, const int stored) {
    const uint32_t *s = *step;
    for (; s != end; s += 2) {
        const pnode *fn = node_at(P, s[0]);
        if (!all && !(fn->flags & PF_LEAF)) break;
        uint8_t *dst = stored ? base + s[1] : base ? base + s[1] : NULL;
        int r = leaf(P, fn, msg, len, pos, dst, m, stored);
        if (r) return r;
    }
    *step = s;
    return CANDID_OK;
}

/* The steps of record rn from step k, and their end. */
#define STEPS(rn, k) (P + (rn)->agg.first + 2 * (k))

/* count elements of node en (a leaf, or a record of leaves) into slots
 * size bytes apart from items (NULL: store nothing). */
static int leaf_elements(const uint32_t *P, const pnode *en, const uint8_t *msg, size_t len,
                         size_t *pos, uint8_t *items, uint32_t size, uint64_t count, meter *m) {
    /* Position and meter in locals for the loops, stored once after. */
    size_t p = *pos;
    meter mm = *m;
    int r = CANDID_OK;
    if (en->flags & PF_SCALAR) {
        r = scalars(en, msg, len, &p, items, size, count, &mm);
    } else if (en->flags & PF_LEAF) {
        /* Two loops here too: see below. */
        if (items) {
            for (; count; count--, items += size)
                if ((r = leaf(P, en, msg, len, &p, items, &mm, 1))) break;
        } else {
            for (; count; count--)
                if ((r = leaf(P, en, msg, len, &p, NULL, &mm, 0))) break;
        }
    } else {
        const uint32_t *first = STEPS(en, 0), *end = STEPS(en, en->agg.count);
        /* Two loops, so that the one that stores tests for a block once
         * rather than every field. */
        if (items) {
            for (; count; count--) {
                const uint32_t *s = first;
                if ((r = charge(&mm, en->agg.count))) break;
                if ((r = record_leaves(P, &s, end, items, msg, len, &p, &mm, 1, 1))) break;
                items += size;
            }
        } else {
            for (; count; count--) {
                const uint32_t *s = first;
                if ((r = charge(&mm, en->agg.count))) break;
                if ((r = record_leaves(P, &s, end, NULL, msg, len, &p, &mm, 1, 0))) break;
            }
        }
    }
    *pos = p;
    *m = mm;
    return r;
}

/* The interpreter, in two versions: the decoder, and the tracer that
 * re-runs a failed decode (writing nothing) keeping a frame for every
 * container on the path to the failure, none of them popped early nor
 * finished in a fast loop, so that the stack names the path. Both charge
 * the same steps at the same places, so a budget failure recurs. */
CANDID_INLINE candid_status
run_plan(run_ctx *c, size_t start, void *out, const int trace) {
    const uint32_t *P = c->plan;
    const uint8_t *msg = c->msg;
    const size_t len = c->len;
    candid_arena *arena = c->arena;
    frame *stack = (frame *)c->stack;
    size_t cap = c->stack_cap / sizeof(frame);
    if (!trace && cap > c->lim->max_depth) cap = c->lim->max_depth;
    size_t sp = 0, hi = 0, pos = start;
    /* Budgets beyond 2^63 steps are never reached: clamped to fit the
     * meter. */
    uint64_t budget = budget_of(c->lim->budget_base, c->lim->budget_per_byte, len);
    if (budget > INT64_MAX) budget = INT64_MAX;
    /* Most messages skip nothing: their skip budget is never worked out. */
#define SKIP_BUDGET budget_of(c->lim->skip_base, c->lim->skip_per_byte, len)
    meter m = {(int64_t)budget, 0};
    uint32_t n = c->root;
    uint8_t *dst = (uint8_t *)out;
    candid_status st = CANDID_OK;
    uint64_t v;
    const pnode *nd;

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
            st = !trace && sp == c->lim->max_depth ? CANDID_ERR_DEPTH          \
                                                   : CANDID_ERR_WORK_FULL;     \
            goto error;                                                        \
        }                                                                      \
        stack[sp].kind = (k);                                                  \
        stack[sp].node = (node_);                                              \
        stack[sp].i = (i_);                                                    \
        stack[sp].dst = (dst_);                                                \
        if (++sp > hi) hi = sp;                                                \
    } while (0)

exec: /* a value whose step no container has charged */
    CHECK(charge(&m, 1));
run:
    if (trace) dst = NULL;
    nd = node_at(P, n);
    /* Scalars are the default case; options and variants that are leaves
     * join them. */
    switch (nd->op) {
    case OP_OPT_FLAG:
        if (nd->flags & PF_LEAF) goto leaf;
        NEED(1);
        if (msg[pos] > 1) {
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        if (msg[pos++] == 0) {
            put_none(dst, nd);
            break;
        }
        goto try_opt; /* the flag said a value follows */
    case OP_OPT_WRAP:
        if (nd->opt.child == NO_NODE) {
            put_none(dst, nd);
            n = nd->opt.skip;
            dst = NULL;
            goto exec;
        }
    try_opt: {
        /* A value that cannot fail to coerce needs nothing to fall back
         * to: the option is some before it is decoded, and no frame waits
         * (a list decodes without a frame per node). */
        int sure = nd->flags & PF_SURE;
        if (!sure) {
            PUSH(F_OPT, n, 0, dst);
            stack[sp - 1].pos = pos;
            stack[sp - 1].a_used = arena->used;
            stack[sp - 1].a_needed = arena->needed;
        }
        uint8_t *inner;
        if (nd->flags & PF_BOXED) {
            inner = candid__alloc(arena, nd->opt.size, nd->align);
            put_ptr(dst, inner);
        } else {
            inner = dst ? dst + nd->opt.off : NULL;
            if (sure && dst) dst[0] = 1;
        }
        n = nd->opt.child;
        dst = inner;
        goto exec;
    }
    case OP_VEC: {
        CHECK(candid__leb(msg, len, &pos, &v));
        if (nd->vec.min1) NEED(v);
        /* Each element costs a step: fail now rather than after the work. */
        CHECK(charge(&m, v));
        const uint32_t size = nd->vec.size;
        uint8_t *items = NULL;
        if (v >> 32 && size) {
            /* more than 2^32 non-empty slots: no arena holds them */
            arena->needed = SIZE_MAX;
        } else if ((uint64_t)(v * size) > SIZE_MAX) {
            arena->needed = SIZE_MAX;
        } else {
            items = candid__alloc(arena, (size_t)(v * size), nd->align);
        }
        if (dst) {
            candid_vec cv = {items, (size_t)v};
            CANDID_MEMCPY(dst, &cv, sizeof cv);
        }
        if (!v) break;
        const pnode *en = node_at(P, nd->vec.child);
        if (trace) {
            PUSH(F_VEC, n, v, NULL);
            stack[sp - 1].pos = (size_t)v;
            break;
        }
        if (en->flags & (PF_LEAF | PF_LEAVES)) {
            /* Through copies: an address that escapes would pin the
             * interpreter's own position and meter to memory. */
            size_t q = pos;
            meter mq = m;
            st = (candid_status)leaf_elements(P, en, msg, len, &q, items, size, v, &mq);
            pos = q;
            m = mq;
            if (st) goto error;
            break;
        }
        PUSH(F_VEC, n, v, items);
        break;
    }
    case OP_VEC_BULK: {
        CHECK(candid__leb(msg, len, &pos, &v));
        NEED(v);
        uint64_t bytes = v * nd->fixed.width;
        NEED(bytes);
        uint8_t *items = candid__alloc(arena, (size_t)bytes, nd->fixed.width);
        if (items) CANDID_MEMCPY(items, msg + pos, (size_t)bytes);
        pos += (size_t)bytes;
        m.left -= (int64_t)(bytes >> BYTES_PER_STEP_LOG2);
        if (dst) {
            candid_vec cv = {items, (size_t)v};
            CANDID_MEMCPY(dst, &cv, sizeof cv);
        }
        break;
    }
    case OP_VEC_SLICE: {
        CHECK(candid__leb(msg, len, &pos, &v));
        if (!nd->fixed.width && v) goto fail; /* other element type: only [] coerces */
        NEED(v);
        uint64_t bytes = v * nd->fixed.width;
        NEED(bytes);
        put_slice(dst, msg + pos, (size_t)bytes);
        pos += (size_t)bytes;
        m.left -= (int64_t)(bytes >> BYTES_PER_STEP_LOG2);
        break;
    }
    case OP_RECORD: {
        uint8_t *base = dst;
        if (nd->flags & PF_BOXED) {
            base = candid__alloc(arena, nd->agg.size, nd->align);
            put_ptr(dst, base);
        }
        CHECK(charge(&m, nd->agg.count));
        if (trace) {
            PUSH(F_RECORD, n, 0, NULL);
            break;
        }
        const uint32_t *s = STEPS(nd, 0), *end = STEPS(nd, nd->agg.count);
        CHECK((candid_status)record_leaves(P, &s, end, base, msg, len, &pos, &m, 0, 0));
        if (s == end) break;
        /* The rest of the record waits in a frame while this field, not a
         * leaf, runs; none is needed when it is the last. */
        if (s + 2 != end) PUSH(F_RECORD, n, (uint64_t)(s + 2 - STEPS(nd, 0)) / 2, base);
        n = s[0];
        dst = base ? base + s[1] : NULL;
        goto run;
    }
    case OP_VARIANT: {
        if (nd->flags & PF_LEAF) {
            /* a traced variant keeps a frame naming its case */
            if (trace) {
                size_t q = pos;
                if (!candid__leb(msg, len, &q, &v) && v < nd->agg.count)
                    PUSH(F_VARIANT, n, v, NULL);
            }
            goto leaf;
        }
        CHECK(candid__leb(msg, len, &pos, &v));
        if (v >= nd->agg.count) {
            st = CANDID_ERR_VARIANT_TAG;
            goto error;
        }
        const uint32_t *e = P + nd->agg.first + 3 * v;
        if (trace) PUSH(F_VARIANT, n, v, NULL);
        if (e[0] == NO_NODE) {
            n = e[1]; /* the failure the plan describes */
            goto fail;
        }
        uint8_t *base = dst;
        if (nd->flags & PF_BOXED) {
            base = candid__alloc(arena, nd->agg.size, nd->align);
            put_ptr(dst, base);
        }
        if (base) CANDID_MEMCPY(base, &e[0], 4);
        n = e[1];
        dst = base ? base + e[2] : NULL;
        goto exec;
    }
    case OP_FAIL:
        goto fail;
    case OP_MISSING_ARG:
        st = CANDID_ERR_MISSING_ARG;
        goto error;
    case OP_SKIP_OPT:
        CHECK(charge_skip(&m, SKIP_BUDGET));
        NEED(1);
        if (msg[pos] > 1) {
            st = CANDID_ERR_BAD_TAG;
            goto error;
        }
        if (msg[pos++] == 1) {
            n = nd->opt.child;
            dst = NULL;
            goto exec;
        }
        break;
    case OP_SKIP_VEC: {
        CHECK(charge_skip(&m, SKIP_BUDGET));
        CHECK(candid__leb(msg, len, &pos, &v));
        if (nd->vec.width) {
            NEED(v);
            NEED(v * nd->vec.width);
            pos += (size_t)(v * nd->vec.width);
            m.left -= (int64_t)((v * nd->vec.width) >> BYTES_PER_STEP_LOG2);
            break;
        }
        if (nd->vec.min1) NEED(v);
        CHECK(charge(&m, v));
        if (m.skips > SKIP_BUDGET || v > SKIP_BUDGET - m.skips) {
            st = CANDID_ERR_BUDGET;
            goto error;
        }
        if (!v) break;
        const pnode *en = node_at(P, nd->vec.child);
        if (trace) {
            PUSH(F_SKIP_VEC, n, v, NULL);
            stack[sp - 1].pos = (size_t)v;
            break;
        }
        if (en->flags & PF_SCALAR) {
            size_t q = pos;
            meter mq = m;
            st = (candid_status)leaf_elements(P, en, msg, len, &q, NULL, 0, v, &mq);
            pos = q;
            m = mq;
            if (st) goto error;
            break;
        }
        PUSH(F_SKIP_VEC, n, v, NULL);
        break;
    }
    case OP_SKIP_RECORD:
        CHECK(charge_skip(&m, SKIP_BUDGET));
        CHECK(charge(&m, nd->agg.count));
        PUSH(F_SKIP_RECORD, n, 0, NULL);
        break;
    case OP_SKIP_VARIANT:
        CHECK(charge_skip(&m, SKIP_BUDGET));
        CHECK(candid__leb(msg, len, &pos, &v));
        if (v >= nd->agg.count) {
            st = CANDID_ERR_VARIANT_TAG;
            goto error;
        }
        if (trace) PUSH(F_VARIANT, n, v, NULL);
        n = P[nd->agg.first + v];
        dst = NULL;
        goto exec;
    case OP_EMPTY:
        st = CANDID_ERR_EMPTY_VALUE;
        goto error;
    default:
    leaf:
        CHECK((candid_status)leaf(P, nd, msg, len, &pos, dst, &m, 0));
        break;
    }

    /* The value is complete: continue with whatever the innermost frame
     * does next. */
    while (sp) {
        frame *f = &stack[sp - 1];
        const pnode *fn = node_at(P, f->node);
        switch (f->kind) {
        /* A frame whose last child is next is popped first (a tail call),
         * so a list costs one frame per node, not two. */
        case F_RECORD: {
            if (trace) {
                if (f->i == fn->agg.count) break;
                n = P[fn->agg.first + 2 * f->i++];
                goto run;
            }
            const uint32_t *s = STEPS(fn, f->i), *end = STEPS(fn, fn->agg.count);
            CHECK((candid_status)record_leaves(P, &s, end, f->dst, msg, len, &pos, &m, 0, 0));
            if (s == end) break;
            n = s[0];
            dst = f->dst ? f->dst + s[1] : NULL;
            f->i = (uint64_t)(s + 2 - STEPS(fn, 0)) / 2;
            if (s + 2 == end) sp--;
            goto run;
        }
        case F_SKIP_RECORD:
            if (f->i < fn->agg.count) {
                n = P[fn->agg.first + f->i++];
                dst = NULL;
                if (!trace && f->i == fn->agg.count) sp--;
                goto run;
            }
            break;
        case F_VEC:
        case F_SKIP_VEC:
            if (f->i) {
                f->i--;
                n = fn->vec.child;
                dst = f->dst;
                if (f->dst) f->dst += fn->vec.size;
                if (!trace && !f->i) sp--;
                goto run;
            }
            break;
        case F_VARIANT: /* the case's value is complete */
            break;
        default: /* F_OPT: the value coerced */
            if (f->dst && !(fn->flags & PF_BOXED)) f->dst[0] = 1;
            break;
        }
        sp--;
    }
    if (m.left < 0 || (m.skips && m.skips > SKIP_BUDGET)) {
        st = CANDID_ERR_BUDGET;
        goto error;
    }
    c->steps = budget - (uint64_t)m.left;
    c->skip_steps = m.skips;
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
        const pnode *fn = node_at(P, f->node);
        pos = f->pos;
        arena->used = f->a_used;
        arena->needed = f->a_needed;
        put_none(f->dst, fn);
        n = fn->opt.skip;
        dst = NULL;
        goto exec;
    }

error:
    c->steps = budget - (uint64_t)m.left;
    c->skip_steps = m.skips;
    c->err_off = pos;
    c->frames_peak = hi;
    c->err_node = n;
    c->frames = sp;
    return st;
#undef NEED
#undef CHECK
#undef PUSH
#undef SKIP_BUDGET
#undef STEPS
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
