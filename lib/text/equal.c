/* Value equality as the conformance suite compares values. */
#include <math.h>
#include <string.h>

#include "candid/bignum.h"
#include "candid/text.h"
#include "stack.h"

static int slices_equal(const uint8_t *a, const uint8_t *b, size_t off) {
    candid_slice x, y;
    memcpy(&x, a + off, sizeof x);
    memcpy(&y, b + off, sizeof y);
    return x.len == y.len && (!x.len || memcmp(x.ptr, y.ptr, x.len) == 0);
}

static int bignums_equal(candid_bignum x, candid_bignum y) {
    mp_int a, b;
    if (mp_init(&a) != MP_OKAY) return 0;
    if (mp_init(&b) != MP_OKAY) {
        mp_clear(&a);
        return 0;
    }
    int eq = !candid_bignum_to_mp(x, &a) && !candid_bignum_to_mp(y, &b) && mp_cmp(&a, &b) == MP_EQ;
    mp_clear(&a);
    mp_clear(&b);
    return eq;
}

/* The pointer stored in a boxed slot. */
static const uint8_t *unbox(const uint8_t *slot) {
    const uint8_t *p;
    memcpy(&p, slot, sizeof p);
    return p;
}

/* A pair of values still to compare. */
typedef struct pair {
    const candid_type *t;
    const uint8_t *a, *b;
} pair;

static int push(tstack *st, const candid_type *t, const uint8_t *a, const uint8_t *b) {
    pair *p = tstack_push(st);
    if (p) *p = (pair){t, a, b};
    return p != NULL;
}

/* Compares a pair by itself, or pushes its elements: 1 so far equal, 0
 * not equal (or out of memory). */
static int compare(tstack *st, const candid_type *t, const uint8_t *a, const uint8_t *b) {
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
    case CANDID_EMPTY:
        return 1;
    case CANDID_FLOAT32: {
        float x, y;
        memcpy(&x, a, 4);
        memcpy(&y, b, 4);
        return (isnan(x) && isnan(y)) || memcmp(&x, &y, 4) == 0;
    }
    case CANDID_FLOAT64: {
        double x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        return (isnan(x) && isnan(y)) || memcmp(&x, &y, 8) == 0;
    }
    case CANDID_NAT:
    case CANDID_INT:
        if (t->repr & CANDID_REPR_BIG) {
            candid_bignum x, y;
            memcpy(&x, a, sizeof x);
            memcpy(&y, b, sizeof y);
            return bignums_equal(x, y);
        }
        return memcmp(a, b, 8) == 0;
    case CANDID_TEXT:
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        return slices_equal(a, b, 0);
    case CANDID_FUNC:
        return slices_equal(a, b, offsetof(candid_funcref, principal)) &&
               slices_equal(a, b, offsetof(candid_funcref, method));
    case CANDID_OPT: {
        const uint8_t *x, *y;
        if (t->repr & CANDID_REPR_BOXED) {
            x = unbox(a);
            y = unbox(b);
        } else {
            x = a[0] ? a + t->offset : NULL;
            y = b[0] ? b + t->offset : NULL;
        }
        if (!x || !y) return !x && !y;
        return push(st, t->inner, x, y);
    }
    case CANDID_VEC: {
        if (t->repr & CANDID_REPR_SLICE) return slices_equal(a, b, 0);
        candid_vec x, y;
        memcpy(&x, a, sizeof x);
        memcpy(&y, b, sizeof y);
        if (x.len != y.len) return 0;
        size_t es = candid_slot_size(t->inner);
        for (size_t i = 0; i < x.len; i++)
            if (!push(st, t->inner, (const uint8_t *)x.items + i * es, (const uint8_t *)y.items + i * es))
                return 0;
        return 1;
    }
    case CANDID_RECORD:
        if (t->repr & CANDID_REPR_BOXED) {
            a = unbox(a);
            b = unbox(b);
        }
        for (uint32_t i = 0; i < t->count; i++)
            if (!push(st, t->fields[i].type, a + t->fields[i].offset, b + t->fields[i].offset)) return 0;
        return 1;
    case CANDID_VARIANT: {
        if (t->repr & CANDID_REPR_BOXED) {
            a = unbox(a);
            b = unbox(b);
        }
        uint32_t i, j;
        memcpy(&i, a, 4);
        memcpy(&j, b, 4);
        if (i != j || i >= t->count) return 0;
        return push(st, t->fields[i].type, a + t->fields[i].offset, b + t->fields[i].offset);
    }
    default: /* fixed-width integers and bool */
        return memcmp(a, b, t->size) == 0;
    }
}

int candid_value_equal(const candid_type *t, const void *a, const void *b) {
    /* a worklist on the heap: nesting costs no native stack */
    tstack st = tstack_new(sizeof(pair));
    int eq = push(&st, t, a, b);
    pair *p;
    while (eq && (p = tstack_top(&st))) {
        pair cur = *p;
        tstack_pop(&st);
        eq = compare(&st, cur.t, cur.a, cur.b);
    }
    tstack_free(&st);
    return eq;
}
