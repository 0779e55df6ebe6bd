/* The subtyping relation of the spec ("Upgrading and Subtyping"), decided
 * coinductively for recursive types: a pair under examination is assumed to
 * hold, as Rust's and Motoko's checkers do. Needed to decode func and service
 * references, whose coercion is a subtype check, and for upgrade checks.
 *
 * Every rule is a conjunction (all fields, all cases, all arguments), so the
 * relation holds exactly when no pair reachable from the first one fails its
 * local test. The search is depth first over an explicit stack of frames in
 * work memory, one per composite pair on the current path; a pair seen
 * before is not examined again. When a pair fails, the frames are the path
 * to it, which is what the explanation prints. */
#include "candid/subtype.h"
#include "internal.h"
#include "message.h"

typedef struct pair_set {
    candid_arena *work;
    const candid_type **keys; /* 2 per slot; NULL = empty */
    uint32_t mask;
    uint32_t used;
} pair_set;

/* How the pair a frame is examining now was reached from the frame's pair. */
enum edge { E_NONE, E_OPT, E_VEC, E_FIELD, E_CASE, E_ARG, E_RESULT, E_METHOD };

typedef struct frame {
    const candid_type *t1, *t2;
    uint32_t i, j; /* next member of t1 and of t2 (func: j runs over
                      t1's arguments, then t2's results) */
    uint8_t edge;
    uint32_t edge_index;   /* E_ARG, E_RESULT */
    const void *edge_what; /* E_FIELD, E_CASE: candid_field; E_METHOD: candid_method */
    struct frame *up, *down; /* down: kept after a pop, for reuse */
} frame;

/* Why a pair or a frame failed. ONLY1 and ONLY2 are members present on one
 * side only; ARG and RESULT a missing argument or result. */
enum why { W_KIND, W_FUTURE, W_ANNOTATION, W_ARITY, W_ONLY1, W_ONLY2, W_ARG, W_RESULT };

typedef struct sub_ctx {
    pair_set assumed;
    unsigned equal;
    /* Warning mode: options are compared by their values' types, and a
     * failure below an option is reported to warn() instead of failing. */
    candid_subtype_warn_fn warn;
    void *warn_ctx;
    candid_status err;
    frame *root, *top;
    /* the failure */
    uint8_t why;
    const candid_type *a, *b; /* the failing pair */
    uint32_t index;
    const void *what;
} sub_ctx;

static uint32_t pair_hash(const candid_type *a, const candid_type *b) {
    uint64_t x = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)b;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ull;
    return (uint32_t)(x ^ (x >> 32));
}

static const candid_type **new_keys(candid_arena *work, uint32_t slots) {
    const candid_type **k = candid_arena_alloc(work, (size_t)slots * 2 * sizeof *k, _Alignof(void *));
    if (k) CANDID_MEMSET(k, 0, (size_t)slots * 2 * sizeof *k);
    return k;
}

static void place(const candid_type **keys, uint32_t mask, const candid_type *a,
                  const candid_type *b) {
    uint32_t i = pair_hash(a, b) & mask;
    while (keys[2 * i]) i = (i + 1) & mask;
    keys[2 * i] = a;
    keys[2 * i + 1] = b;
}

/* Returns 1 if inserted, 0 if present, -1 if out of memory. The set starts
 * small and doubles at three quarters full. */
static int set_insert(pair_set *s, const candid_type *a, const candid_type *b) {
    for (uint32_t i = pair_hash(a, b) & s->mask;; i = (i + 1) & s->mask) {
        const candid_type **k = &s->keys[2 * i];
        if (!k[0]) break;
        if (k[0] == a && k[1] == b) return 0;
    }
    if ((s->used + 1) * 4 > (s->mask + 1) * 3) {
        if (s->mask >= 0x7fffffffu) return -1;
        uint32_t slots = 2 * (s->mask + 1);
        const candid_type **keys = new_keys(s->work, slots);
        if (!keys) return -1;
        for (uint32_t i = 0; i <= s->mask; i++)
            if (s->keys[2 * i]) place(keys, slots - 1, s->keys[2 * i], s->keys[2 * i + 1]);
        s->keys = keys;
        s->mask = slots - 1;
    }
    place(s->keys, s->mask, a, b);
    s->used++;
    return 1;
}

static int fail(sub_ctx *c, uint8_t why, const candid_type *a, const candid_type *b,
                uint32_t index, const void *what) {
    c->why = why;
    c->a = a;
    c->b = b;
    c->index = index;
    c->what = what;
    return -1;
}

enum { HOLDS = 1, NEEDS_FRAME = 2 };

/* The local test of a pair: HOLDS without looking inside, NEEDS_FRAME when
 * its members must be compared, -1 when it fails (or on an error in c->err). */
static int test_pair(sub_ctx *c, const candid_type *a, const candid_type *b) {
    if (!a || !b) {
        c->err = CANDID_ERR_BAD_TYPE;
        return -1;
    }
    if (a == b) return HOLDS;
    if (!c->equal) {
        /* reserved is top, empty is bottom, and by the special opt rules
         * every type is a subtype of an option. */
        if (b->kind == CANDID_RESERVED || a->kind == CANDID_EMPTY)
            return HOLDS;
        if (b->kind == CANDID_OPT) {
            if (!c->warn || a->kind == CANDID_NULL || a->kind == CANDID_RESERVED) return HOLDS;
            goto composite;
        }
        if ((a->kind == CANDID_NAT && b->kind == CANDID_INT) ||
            (a->kind == CANDID_SERVICE && b->kind == CANDID_PRINCIPAL))
            return HOLDS;
    }
    if (a->kind != b->kind) return fail(c, W_KIND, a, b, 0, NULL);
    switch (a->kind) {
    case CANDID_FUTURE:
        return fail(c, W_FUTURE, a, b, 0, NULL);
    case CANDID_FUNC:
        if (a->aux != b->aux) return fail(c, W_ANNOTATION, a, b, 0, NULL);
        if (c->equal && (a->count != b->count || a->count2 != b->count2))
            return fail(c, W_ARITY, a, b, 0, NULL);
        if ((a->count + a->count2 && !a->args) || (b->count + b->count2 && !b->args)) break;
        goto composite;
    case CANDID_RECORD:
    case CANDID_VARIANT:
        if ((a->count && !a->fields) || (b->count && !b->fields)) break;
        goto composite;
    case CANDID_SERVICE:
        if ((a->count && !a->methods) || (b->count && !b->methods)) break;
        goto composite;
    case CANDID_OPT: /* reached only when comparing for equality */
    case CANDID_VEC:
        goto composite;
    default:
        return HOLDS; /* equal primitive kinds */
    }
    c->err = CANDID_ERR_BAD_TYPE;
    return -1;
composite:;
    int ins = set_insert(&c->assumed, a, b);
    if (ins < 0) {
        c->err = CANDID_ERR_WORK_FULL;
        return -1;
    }
    return ins ? NEEDS_FRAME : HOLDS; /* a pair seen before is assumed */
}

/* The next pair of members of a record, variant or service frame: both
 * member lists are sorted, so one merge pass pairs equal keys. Which
 * one-sided members are allowed is the only difference between the kinds. */
static int next_member(sub_ctx *c, frame *f, const candid_type **a, const candid_type **b) {
    const candid_type *t1 = f->t1, *t2 = f->t2;
    int service = t1->kind == CANDID_SERVICE;
    /* subtyping: a record may have more fields (its supertype's extra ones
     * must be nullable), a variant fewer cases, a service more methods. */
    int only1_ok = !c->equal && t1->kind != CANDID_VARIANT;
    int only2_ok = !c->equal && !service;
    for (;;) {
        int has1 = f->i < t1->count, has2 = f->j < t2->count;
        if (!has1 && !has2) return 0;
        int cmp = !has1 ? 1
                  : !has2 ? -1
                  : service ? candid__method_cmp(&t1->methods[f->i], &t2->methods[f->j])
                  : (t1->fields[f->i].id > t2->fields[f->j].id) - (t1->fields[f->i].id < t2->fields[f->j].id);
        if (cmp == 0) {
            if (service) {
                f->edge = E_METHOD;
                f->edge_what = &t2->methods[f->j];
                *a = t1->methods[f->i].type;
                *b = t2->methods[f->j].type;
            } else {
                f->edge = t1->kind == CANDID_RECORD ? E_FIELD : E_CASE;
                /* a name from either side (wire types have none) */
                f->edge_what = t2->fields[f->j].name ? &t2->fields[f->j] : &t1->fields[f->i];
                *a = t1->fields[f->i].type;
                *b = t2->fields[f->j].type;
            }
            f->i++;
            f->j++;
            return 1;
        }
        if (cmp < 0) {
            if (!only1_ok)
                return fail(c, W_ONLY1, t1, t2, 0,
                            service ? (const void *)&t1->methods[f->i] : (const void *)&t1->fields[f->i]);
            f->i++;
        } else {
            const candid_type *ft = service ? NULL : t2->fields[f->j].type;
            if (!service && !ft) {
                c->err = CANDID_ERR_BAD_TYPE;
                return -1;
            }
            if (!only2_ok || (t1->kind == CANDID_RECORD && !candid__nullable(ft)))
                return fail(c, W_ONLY2, t1, t2, 0,
                            service ? (const void *)&t2->methods[f->j] : (const void *)&t2->fields[f->j]);
            f->j++;
        }
    }
}

/* Arguments are contravariant (an argument the caller does not pass must be
 * nullable), results covariant (a result the callee does not return must
 * be nullable). Equal arities were checked for equality in test_pair. */
static int next_func_member(sub_ctx *c, frame *f, const candid_type **a, const candid_type **b) {
    const candid_type *t1 = f->t1, *t2 = f->t2;
    while (f->j < t1->count + t2->count2) {
        uint32_t k = f->j++;
        if (k < t1->count) {
            if (k < t2->count) {
                f->edge = E_ARG;
                f->edge_index = k;
                /* for equality the sides keep their order in the message */
                *a = c->equal ? t1->args[k] : t2->args[k];
                *b = c->equal ? t2->args[k] : t1->args[k];
                return 1;
            }
            if (!t1->args[k]) break;
            if (!candid__nullable(t1->args[k])) return fail(c, W_ARG, t1, t2, k, NULL);
        } else {
            k -= t1->count;
            const candid_type *r2 = t2->args[t2->count + k];
            if (k < t1->count2) {
                f->edge = E_RESULT;
                f->edge_index = k;
                *a = t1->args[t1->count + k];
                *b = r2;
                return 1;
            }
            if (!r2) break;
            if (!candid__nullable(r2)) return fail(c, W_RESULT, t1, t2, k, NULL);
        }
    }
    if (f->j < t1->count + t2->count2) {
        c->err = CANDID_ERR_BAD_TYPE;
        return -1;
    }
    return 0;
}

/* 1 with the next pair to examine in *a, *b; 0 when the frame's pair holds;
 * -1 when it fails. */
static int next_pair(sub_ctx *c, frame *f, const candid_type **a, const candid_type **b) {
    f->edge = E_NONE;
    if (f->t2->kind == CANDID_OPT || f->t2->kind == CANDID_VEC) {
        if (f->j) return 0;
        f->j = 1;
        f->edge = f->t2->kind == CANDID_OPT ? E_OPT : E_VEC;
        /* in warning mode, t <: opt t' compares t with t' */
        *a = f->t1->kind == f->t2->kind ? f->t1->inner : f->t1;
        *b = f->t2->inner;
        return 1;
    }
    switch (f->t1->kind) {
    case CANDID_FUNC:
        return next_func_member(c, f, a, b);
    default:
        return next_member(c, f, a, b);
    }
}

static frame *push(sub_ctx *c, const candid_type *a, const candid_type *b) {
    frame *f = c->top ? c->top->down : c->root;
    if (!f) {
        f = candid_arena_alloc(c->assumed.work, sizeof *f, _Alignof(frame));
        if (!f) return NULL;
        f->down = NULL;
        f->up = c->top;
        if (c->top) c->top->down = f;
        else c->root = f;
    }
    f->t1 = a;
    f->t2 = b;
    f->i = f->j = 0;
    f->edge = E_NONE;
    c->top = f;
    return f;
}

static void say_edge(msgbuf *m, const frame *f) {
    switch (f->edge) {
    case E_OPT: candid__msg_str(m, "opt"); break;
    case E_VEC: candid__msg_str(m, "vec"); break;
    case E_FIELD: candid__msg_field(m, "field", f->edge_what); break;
    case E_CASE: candid__msg_field(m, "case", f->edge_what); break;
    case E_METHOD: candid__msg_method(m, f->edge_what); break;
    case E_ARG:
    case E_RESULT:
        candid__msg_str(m, f->edge == E_ARG ? "argument " : "result ");
        candid__msg_u64(m, f->edge_index);
        break;
    }
}

static void say_annotations(msgbuf *m, uint32_t aux) {
    static const char *const names[] = {"query", "oneway", "composite_query"};
    if (!aux) candid__msg_str(m, "none");
    int first = 1;
    for (unsigned k = 0; k < 3; k++) {
        if (!(aux & (1u << k))) continue;
        if (!first) candid__msg_str(m, " ");
        candid__msg_str(m, names[k]);
        first = 0;
    }
}

/* What differs, after the path. Members present on one side only are
 * described in the words of the relation: for subtyping the first type is
 * the subtype, for equality the first of the two. */
static void say_reason(const sub_ctx *c, msgbuf *m) {
    const char *side1 = c->equal ? "the first type" : "the subtype";
    const char *side2 = c->equal ? "the second type" : "the supertype";
    switch (c->why) {
    case W_KIND:
        candid__msg_type(m, c->a);
        candid__msg_str(m, c->equal ? " is not " : " is not a subtype of ");
        candid__msg_type(m, c->b);
        break;
    case W_FUTURE:
        candid__msg_str(m, "a future type (unknown opcode) has no subtypes");
        break;
    case W_ANNOTATION:
        candid__msg_str(m, "annotations differ: ");
        say_annotations(m, c->a->aux);
        candid__msg_str(m, " vs ");
        say_annotations(m, c->b->aux);
        break;
    case W_ARITY:
        candid__msg_u64(m, c->a->count);
        candid__msg_str(m, " -> ");
        candid__msg_u64(m, c->a->count2);
        candid__msg_str(m, " arguments and results vs ");
        candid__msg_u64(m, c->b->count);
        candid__msg_str(m, " -> ");
        candid__msg_u64(m, c->b->count2);
        break;
    case W_ONLY1:
    case W_ONLY2: {
        int one = c->why == W_ONLY1;
        if (c->a->kind == CANDID_SERVICE) candid__msg_method(m, c->what);
        else candid__msg_field(m, c->a->kind == CANDID_RECORD ? "field" : "case", c->what);
        candid__msg_str(m, " is only in ");
        candid__msg_str(m, one ? side1 : side2);
        if (!c->equal && !one && c->a->kind == CANDID_RECORD)
            candid__msg_str(m, " and is not opt, null or reserved");
        break;
    }
    case W_ARG:
        candid__msg_str(m, "argument ");
        candid__msg_u64(m, c->index);
        candid__msg_str(m, " of the subtype is not passed by callers of the supertype "
                           "and is not opt, null or reserved");
        break;
    case W_RESULT:
        candid__msg_str(m, "result ");
        candid__msg_u64(m, c->index);
        candid__msg_str(m, " of the supertype is not returned by the subtype "
                           "and is not opt, null or reserved");
        break;
    }
}

/* The path (every frame's edge down to the failing pair) and the reason. */
static void say_failure(const sub_ctx *c, msgbuf *m) {
    int any = 0;
    for (const frame *f = c->top ? c->root : NULL; f; f = f == c->top ? NULL : f->down) {
        if (f->edge == E_NONE) continue;
        if (any) candid__msg_str(m, " > ");
        say_edge(m, f);
        any = 1;
    }
    if (any) candid__msg_str(m, ": ");
    say_reason(c, m);
}

/* In warning mode, a failure below an option is reported and the option
 * holds (by the special opt rule): returns 1 when the search goes on. */
static int warn_and_resume(sub_ctx *c) {
    frame *f = c->top;
    while (f && f->t2->kind != CANDID_OPT) f = f->up;
    if (!f) return 0;
    enum { WARNING_CAP = 1024 };
    char *buf = candid_arena_alloc(c->assumed.work, WARNING_CAP, 1);
    if (!buf) {
        c->err = CANDID_ERR_WORK_FULL;
        return 0;
    }
    msgbuf m;
    candid__msg_init(&m, buf, WARNING_CAP);
    say_failure(c, &m);
    c->warn(c->warn_ctx, buf);
    c->top = f->up;
    return 1;
}

static candid_status check(sub_ctx *c, const candid_type *t1, const candid_type *t2,
                           int *result, char *why, size_t why_cap) {
    msgbuf m;
    candid__msg_init(&m, why, why_cap);
    c->assumed.keys = new_keys(c->assumed.work, 16);
    if (!c->assumed.keys) return CANDID_ERR_WORK_FULL;
    int r = test_pair(c, t1, t2);
    if (r == NEEDS_FRAME && !push(c, t1, t2)) c->err = CANDID_ERR_WORK_FULL;
    while (r == NEEDS_FRAME && c->top && !c->err) {
        const candid_type *a, *b;
        int n = next_pair(c, c->top, &a, &b);
        if (n < 0) {
            r = -1;
        } else if (n == 0) {
            c->top = c->top->up;
        } else {
            int t = test_pair(c, a, b);
            if (t < 0) r = -1;
            else if (t == NEEDS_FRAME && !push(c, a, b)) c->err = CANDID_ERR_WORK_FULL;
        }
        if (r < 0 && !c->err && c->warn && warn_and_resume(c)) r = NEEDS_FRAME;
    }
    if (c->err) return c->err;
    if (r < 0) say_failure(c, &m);
    *result = r >= 0;
    return CANDID_OK;
}

candid_status candid__subtype(candid_arena *work, const candid_type *t1,
                              const candid_type *t2, int *result) {
    sub_ctx c = {.assumed = {work, NULL, 15, 0}};
    return check(&c, t1, t2, result, NULL, 0);
}

candid_status candid_subtype_explain(const candid_type *t1, const candid_type *t2,
                                     unsigned flags, void *work, size_t work_cap,
                                     int *result, char *why, size_t why_cap) {
    if (!t1 || !t2 || !result || (!work && work_cap) || (!why && why_cap))
        return CANDID_ERR_ARGUMENT;
    candid_arena a;
    candid_arena_init(&a, work, work_cap);
    sub_ctx c = {.assumed = {&a, NULL, 15, 0}, .equal = (flags & CANDID_SUB_EQUAL) != 0};
    return check(&c, t1, t2, result, why, why_cap);
}

candid_status candid_subtype_warnings(const candid_type *t1, const candid_type *t2, void *work,
                                      size_t work_cap, candid_subtype_warn_fn warn, void *ctx) {
    if (!t1 || !t2 || !warn || (!work && work_cap)) return CANDID_ERR_ARGUMENT;
    candid_arena a;
    candid_arena_init(&a, work, work_cap);
    sub_ctx c = {.assumed = {&a, NULL, 15, 0}, .warn = warn, .warn_ctx = ctx};
    int holds;
    return check(&c, t1, t2, &holds, NULL, 0);
}
