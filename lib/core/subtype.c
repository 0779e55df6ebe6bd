/* The subtyping relation of the spec ("Upgrading and Subtyping"), decided
 * coinductively for recursive types: a pair under examination is assumed to
 * hold, as Rust's and Motoko's checkers do. Needed to decode func and service
 * references, whose coercion is a subtype check. */
#include "internal.h"

#define SUBTYPE_MAX_DEPTH 512

typedef struct pair_set {
    candid_arena *work;
    const candid_type **keys; /* 2 per slot; NULL = empty */
    uint32_t mask;
    uint32_t used;
} pair_set;

typedef struct sub_ctx {
    pair_set assumed;
    unsigned depth;
    candid_status err;
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

static int sub(sub_ctx *c, const candid_type *t1, const candid_type *t2);

/* Tuple rule shared by records, function arguments and results:
 * record{f1..} <: record{f2..}. For argument/result lists the ids are the
 * positions. */
static int sub_fields(sub_ctx *c, const candid_field *f1, uint32_t n1,
                      const candid_field *f2, uint32_t n2) {
    uint32_t i = 0;
    for (uint32_t j = 0; j < n2; j++) {
        while (i < n1 && f1[i].id < f2[j].id) i++;
        if (i < n1 && f1[i].id == f2[j].id) {
            if (!sub(c, f1[i].type, f2[j].type)) return 0;
        } else if (!candid__nullable(f2[j].type)) {
            return 0;
        }
    }
    return 1;
}

static int sub_list(sub_ctx *c, const candid_type *const *l1, uint32_t n1,
                    const candid_type *const *l2, uint32_t n2) {
    for (uint32_t j = 0; j < n2; j++) {
        if (j < n1) {
            if (!sub(c, l1[j], l2[j])) return 0;
        } else if (!candid__nullable(l2[j])) {
            return 0;
        }
    }
    return 1;
}

static int method_cmp(const candid_method *a, const candid_method *b) {
    uint32_t m = a->name_len < b->name_len ? a->name_len : b->name_len;
    int r = CANDID_MEMCMP(a->name, b->name, m);
    if (r) return r;
    return a->name_len < b->name_len ? -1 : a->name_len > b->name_len;
}

static int sub(sub_ctx *c, const candid_type *t1, const candid_type *t2) {
    if (c->err) return 0;
    if (t1 == t2) return 1;
    /* reserved is top, empty is bottom, and by the special opt rules every
     * type is a subtype of an option. */
    if (t2->kind == CANDID_RESERVED || t1->kind == CANDID_EMPTY || t2->kind == CANDID_OPT)
        return 1;
    if (t1->kind != t2->kind) {
        return (t1->kind == CANDID_NAT && t2->kind == CANDID_INT) ||
               (t1->kind == CANDID_SERVICE && t2->kind == CANDID_PRINCIPAL);
    }
    switch (t1->kind) {
    case CANDID_VEC:
    case CANDID_RECORD:
    case CANDID_VARIANT:
    case CANDID_FUNC:
    case CANDID_SERVICE:
        break;
    case CANDID_FUTURE:
        return 0;
    default:
        return 1; /* equal primitive kinds */
    }
    int ins = set_insert(&c->assumed, t1, t2);
    if (ins < 0) {
        c->err = CANDID_ERR_WORK_FULL;
        return 0;
    }
    if (ins == 0) return 1; /* coinductive hypothesis */
    if (++c->depth > SUBTYPE_MAX_DEPTH) {
        c->err = CANDID_ERR_DEPTH;
        return 0;
    }
    int r = 1;
    switch (t1->kind) {
    case CANDID_VEC:
        r = sub(c, t1->inner, t2->inner);
        break;
    case CANDID_RECORD:
        r = sub_fields(c, t1->fields, t1->count, t2->fields, t2->count);
        break;
    case CANDID_VARIANT: {
        uint32_t j = 0;
        for (uint32_t i = 0; i < t1->count && r; i++) {
            while (j < t2->count && t2->fields[j].id < t1->fields[i].id) j++;
            r = j < t2->count && t2->fields[j].id == t1->fields[i].id &&
                sub(c, t1->fields[i].type, t2->fields[j].type);
        }
        break;
    }
    case CANDID_FUNC:
        /* Arguments are contravariant, results covariant, annotations equal. */
        r = t1->aux == t2->aux &&
            sub_list(c, t2->args, t2->count, t1->args, t1->count) &&
            sub_list(c, t1->count2 ? t1->args + t1->count : NULL, t1->count2,
                     t2->count2 ? t2->args + t2->count : NULL, t2->count2);
        break;
    case CANDID_SERVICE: {
        uint32_t i = 0;
        for (uint32_t j = 0; j < t2->count && r; j++) {
            while (i < t1->count && method_cmp(&t1->methods[i], &t2->methods[j]) < 0) i++;
            r = i < t1->count && method_cmp(&t1->methods[i], &t2->methods[j]) == 0 &&
                sub(c, t1->methods[i].type, t2->methods[j].type);
        }
        break;
    }
    }
    c->depth--;
    return r;
}

candid_status candid__subtype(candid_arena *work, const candid_type *t1,
                              const candid_type *t2, int *result) {
    sub_ctx c = {{work, NULL, 15, 0}, 0, CANDID_OK};
    c.assumed.keys = new_keys(work, 16);
    if (!c.assumed.keys) return CANDID_ERR_WORK_FULL;
    int r = sub(&c, t1, t2);
    if (c.err) return c.err;
    *result = r;
    return CANDID_OK;
}
