/* Primitive type descriptions, slot sizes, natural layout and the field
 * hash; see include/candid/types.h. */
#include "candid/types.h"
#include "internal.h"

#define PRIM(k, T) {.kind = (k), .size = sizeof(T), .align = _Alignof(T)}
#define ZERO(k) {.kind = (k), .size = 0, .align = 1}

static const candid_type prims[CANDID_PRINCIPAL + 1] = {
    [CANDID_NULL] = ZERO(CANDID_NULL),
    [CANDID_BOOL] = PRIM(CANDID_BOOL, uint8_t),
    [CANDID_NAT] = PRIM(CANDID_NAT, uint64_t),
    [CANDID_INT] = PRIM(CANDID_INT, int64_t),
    [CANDID_NAT8] = PRIM(CANDID_NAT8, uint8_t),
    [CANDID_NAT16] = PRIM(CANDID_NAT16, uint16_t),
    [CANDID_NAT32] = PRIM(CANDID_NAT32, uint32_t),
    [CANDID_NAT64] = PRIM(CANDID_NAT64, uint64_t),
    [CANDID_INT8] = PRIM(CANDID_INT8, int8_t),
    [CANDID_INT16] = PRIM(CANDID_INT16, int16_t),
    [CANDID_INT32] = PRIM(CANDID_INT32, int32_t),
    [CANDID_INT64] = PRIM(CANDID_INT64, int64_t),
    [CANDID_FLOAT32] = PRIM(CANDID_FLOAT32, float),
    [CANDID_FLOAT64] = PRIM(CANDID_FLOAT64, double),
    [CANDID_TEXT] = PRIM(CANDID_TEXT, candid_slice),
    [CANDID_RESERVED] = ZERO(CANDID_RESERVED),
    [CANDID_EMPTY] = ZERO(CANDID_EMPTY),
    [CANDID_PRINCIPAL] = PRIM(CANDID_PRINCIPAL, candid_slice),
};

static const candid_type big_nat = {
    .kind = CANDID_NAT, .repr = CANDID_REPR_BIG,
    .size = sizeof(candid_bignum), .align = _Alignof(candid_bignum)};
static const candid_type big_int = {
    .kind = CANDID_INT, .repr = CANDID_REPR_BIG,
    .size = sizeof(candid_bignum), .align = _Alignof(candid_bignum)};

static int is_prim(candid_kind k) {
    return (k >= CANDID_NULL && k <= CANDID_EMPTY) || k == CANDID_PRINCIPAL;
}

const candid_type *candid_prim_type(candid_kind kind) {
    return is_prim(kind) ? &prims[kind] : NULL;
}

const candid_type *candid_prim_type_big(candid_kind kind) {
    if (kind == CANDID_NAT) return &big_nat;
    if (kind == CANDID_INT) return &big_int;
    return candid_prim_type(kind);
}

static int boxed(const candid_type *t) {
    return (t->repr & CANDID_REPR_BOXED) &&
           (t->kind == CANDID_OPT || t->kind == CANDID_RECORD ||
            t->kind == CANDID_VARIANT);
}

size_t candid_slot_size(const candid_type *t) {
    return boxed(t) ? sizeof(void *) : t->size;
}

size_t candid_slot_align(const candid_type *t) {
    return boxed(t) ? _Alignof(void *) : (t->align ? t->align : 1);
}

const char *candid_kind_name(candid_kind kind) {
    static const char *const names[CANDID_FUTURE + 1] = {
        "?",        "null",    "bool",    "nat",     "int",     "nat8",    "nat16",
        "nat32",    "nat64",   "int8",    "int16",   "int32",   "int64",   "float32",
        "float64",  "text",    "reserved", "empty",  "opt",     "vec",     "record",
        "variant",  "func",    "service", "principal", "future"};
    return (unsigned)kind <= CANDID_FUTURE ? names[kind] : "?";
}

uint32_t candid_hash(const char *name, size_t len) {
    uint32_t h = 0;
    for (size_t i = 0; i < len; i++) h = h * 223u + (uint8_t)name[i];
    return h;
}

static uint32_t round_up(uint32_t v, uint32_t a) { return (v + a - 1) & ~(a - 1); }

/* Whether t's slot can be sized now: slots that are pointers or fixed
 * structs are always known; inline composites need their own layout. */
static int slot_known(const candid_type *t) {
    if (boxed(t)) return 1;
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_RECORD:
    case CANDID_VARIANT:
        return t->align != 0;
    default:
        return 1;
    }
}

uint32_t candid__fixed_slot(const candid_type *t, uint16_t *align) {
    switch (t->kind) {
    case CANDID_NAT:
    case CANDID_INT:
        if (t->repr & CANDID_REPR_BIG) {
            *align = _Alignof(candid_bignum);
            return sizeof(candid_bignum);
        }
        *align = 8;
        return 8;
    case CANDID_VEC:
        if (t->repr & CANDID_REPR_SLICE) {
            *align = _Alignof(candid_slice);
            return sizeof(candid_slice);
        }
        *align = _Alignof(candid_vec);
        return sizeof(candid_vec);
    case CANDID_FUNC:
        *align = _Alignof(candid_funcref);
        return sizeof(candid_funcref);
    case CANDID_SERVICE:
        *align = _Alignof(candid_slice);
        return sizeof(candid_slice);
    case CANDID_FUTURE:
        *align = 1;
        return 0;
    default: {
        const candid_type *p = candid_prim_type((candid_kind)t->kind);
        *align = p ? p->align : 1;
        return p ? p->size : 0;
    }
    }
}

static candid_status layout(candid_type *array, candid_type *const *list, size_t n) {
#define NODE(i) (list ? list[i] : &array[i])
    size_t done = 0;
    /* Leaves first, then composites in as many passes as their nesting
     * needs; a pass without progress means an unboxed cycle. */
    for (size_t i = 0; i < n; i++) {
        candid_type *t = NODE(i);
        if (t->kind != CANDID_OPT && t->kind != CANDID_RECORD && t->kind != CANDID_VARIANT) {
            t->size = candid__fixed_slot(t, &t->align);
            done++;
        } else {
            t->align = 0;
        }
    }
    while (done < n) {
        size_t progress = 0;
        for (size_t i = 0; i < n; i++) {
            candid_type *t = NODE(i);
            if (t->align) continue;
            if (t->kind == CANDID_OPT) {
                if (!t->inner) return CANDID_ERR_BAD_TYPE;
                if (boxed(t)) {
                    t->size = (uint32_t)sizeof(void *);
                    t->align = _Alignof(void *);
                } else {
                    if (!slot_known(t->inner)) continue;
                    uint32_t a = (uint32_t)candid_slot_align(t->inner);
                    t->offset = round_up(1, a);
                    t->align = (uint16_t)a;
                    t->size = round_up(t->offset + (uint32_t)candid_slot_size(t->inner), a);
                }
            } else {
                int ready = 1;
                for (uint32_t f = 0; f < t->count; f++) {
                    if (!t->fields[f].type) return CANDID_ERR_BAD_TYPE;
                    if (!slot_known(t->fields[f].type)) ready = 0;
                }
                if (!ready) continue;
                candid_field *fields = (candid_field *)t->fields;
                uint32_t off = t->kind == CANDID_VARIANT ? 4 : 0;
                uint32_t align = t->kind == CANDID_VARIANT ? 4 : 1;
                uint32_t start = off;
                for (uint32_t f = 0; f < t->count; f++) {
                    const candid_type *ft = fields[f].type;
                    uint32_t a = (uint32_t)candid_slot_align(ft);
                    if (a > align) align = a;
                    if (t->kind == CANDID_VARIANT) {
                        /* cases overlap, like a union after the tag */
                        fields[f].offset = round_up(start, a);
                        uint32_t end = fields[f].offset + (uint32_t)candid_slot_size(ft);
                        if (end > off) off = end;
                    } else {
                        off = round_up(off, a);
                        fields[f].offset = off;
                        off += (uint32_t)candid_slot_size(ft);
                    }
                }
                t->align = (uint16_t)align;
                t->size = round_up(off, align);
            }
            done++;
            progress++;
        }
        if (!progress) return CANDID_ERR_BAD_TYPE;
    }
    return CANDID_OK;
}
#undef NODE

candid_status candid_type_layout(candid_type *types, size_t n) {
    return layout(types, NULL, n);
}

candid_status candid_type_layout_list(candid_type *const *types, size_t n) {
    return layout(NULL, types, n);
}
