/* Differential test of the encoder: random values (candid_random_value) of
 * many types, hand-picked, from the .did corpus and in hand-written layouts
 * (nat as uint64_t, inline options, boxed records, wide records), encoded
 * by candid_encode and by the encoder as it was before it wrote members
 * from ops (kept here only as the reference), must give the same bytes, or
 * the same error: with leaf slots broken on purpose, and at every depth
 * limit and work size around the values' nesting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>

#include "candid/candid.h"
#include "candid/idl.h"
#include "candid/random.h"
#include "candid/wire.h"

/* ---- the reference: the interpreter over candid_type, as it was ---- */

static uint32_t fixed_width(uint8_t kind) {
    switch (kind) {
    case CANDID_NAT8: case CANDID_INT8: return 1;
    case CANDID_NAT16: case CANDID_INT16: return 2;
    case CANDID_NAT32: case CANDID_INT32: case CANDID_FLOAT32: return 4;
    case CANDID_NAT64: case CANDID_INT64: case CANDID_FLOAT64: return 8;
    default: return 0;
    }
}

/* A chain: the values a slot of the stack takes in turn through tail
 * steps (a record's last field, a vector's last element, an option's value,
 * a variant's case), which take no frame of their own so that a list of
 * any length encodes. A value that contains itself through pointers makes
 * one chain endless; each value of a chain follows from the one before, so
 * it cycles, and comparing with the value seen at the last power-of-two
 * step (Brent) finds that within twice its length. */
typedef struct chain {
    const candid_type *t;
    const uint8_t *src;
    uint64_t steps;
} chain;

typedef struct eframe {
    const candid_type *t;
    const uint8_t *src;  /* record base / vec cursor */
    uint64_t i;          /* record: next field; vec: elements left */
    chain c;             /* the chain this frame's value belongs to */
} eframe;

/* One tail step of chain c to (t, src): 0 when the chain has been there. */
static int chain_step(chain *c, const candid_type *t, const uint8_t *src) {
    if (c->t == t && c->src == src) return 0;
    c->steps++;
    if (!(c->steps & (c->steps - 1))) {
        c->t = t;
        c->src = src;
    }
    return 1;
}

/* A slot's pointer that is NULL while its length says there is data: the
 * caller's mistake, reported rather than followed. */
static int missing(const void *p, size_t n) {
    return !p && n;
}

static void put_fixed(candid_writer *w, const uint8_t *src, size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid_put_bytes(w, src, width);
#else
    uint8_t tmp[8];
    for (size_t i = 0; i < width; i++) tmp[i] = src[width - 1 - i];
    candid_put_bytes(w, tmp, width);
#endif
}

/* A bignum slice re-encoded for the wire type: LEB128 for nat, SLEB128 for
 * int. A non-negative LEB128 number is a valid SLEB128 one unless its last
 * byte's bit 6 is set (it would read as negative): then one more byte. */
static candid_status put_bignum(candid_writer *w, candid_bignum b, int as_int) {
    size_t end = 0;
    if (missing(b.ptr, b.len)) return CANDID_ERR_ARGUMENT;
    if (!b.len || candid_skip_leb(b.ptr, b.len, &end) || end != b.len) return CANDID_ERR_RANGE;
    int top = (b.ptr[b.len - 1] & 0x40) != 0;
    if (as_int == b.is_signed) {
        candid_put_bytes(w, b.ptr, b.len);
    } else if (!as_int) {
        if (top) return CANDID_ERR_RANGE; /* negative int at nat */
        candid_put_bytes(w, b.ptr, b.len);
    } else if (top) {
        candid_put_bytes(w, b.ptr, b.len - 1);
        candid_put_u8(w, b.ptr[b.len - 1] | 0x80);
        candid_put_u8(w, 0);
    } else {
        candid_put_bytes(w, b.ptr, b.len);
    }
    return CANDID_OK;
}

static candid_status put_principal(candid_writer *w, candid_slice s) {
    candid_put_u8(w, 1);
    candid_put_leb(w, s.len);
    candid_put_bytes(w, s.ptr, s.len);
    return CANDID_OK;
}

/* A text slot: checked, then its length and bytes. */
static candid_status put_text(candid_writer *w, const uint8_t *src) {
    candid_slice sl;
    __builtin_memcpy(&sl, src, sizeof sl);
    if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
    if (!candid_utf8_valid(sl.ptr, sl.len)) return CANDID_ERR_UTF8;
    candid_put_leb(w, sl.len);
    candid_put_bytes(w, sl.ptr, sl.len);
    return CANDID_OK;
}

static const uint8_t *load_ptr(const uint8_t *src) {
    const uint8_t *p;
    __builtin_memcpy(&p, src, sizeof p);
    return p;
}

/* Leaves: values written without a frame. Records write their leaf fields
 * in a loop of their own; an inline option of a scalar is a leaf too:
 * ENC_SOME hands its scalar back for a second pass. */
#define ENC_OTHER (-1)
#define ENC_SOME (-2)

/* The kinds enc_step writes itself: null through reserved (the primitives
 * but empty), service and principal. One mask test, as it runs per option. */
#define ENC_SCALAR_KINDS                                                       \
    ((((uint32_t)1 << (CANDID_RESERVED + 1)) - ((uint32_t)1 << CANDID_NULL)) | \
     (uint32_t)1 << CANDID_SERVICE | (uint32_t)1 << CANDID_PRINCIPAL)

static int enc_scalar(uint32_t kind) {
    return kind < 32 && (ENC_SCALAR_KINDS >> kind & 1);
}

static int
enc_step(candid_writer *w, const candid_type **tp, const uint8_t **srcp) {
    const candid_type *t = *tp;
    const uint8_t *src = *srcp;
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        return CANDID_OK;
    case CANDID_BOOL:
        if (*src > 1) return CANDID_ERR_BAD_TAG;
        candid_put_u8(w, *src);
        return CANDID_OK;
    case CANDID_NAT8: case CANDID_NAT16: case CANDID_NAT32: case CANDID_NAT64:
    case CANDID_INT8: case CANDID_INT16: case CANDID_INT32: case CANDID_INT64:
    case CANDID_FLOAT32: case CANDID_FLOAT64:
        put_fixed(w, src, fixed_width(t->kind));
        return CANDID_OK;
    case CANDID_NAT:
    case CANDID_INT:
        if (t->repr & CANDID_REPR_BIG) {
            candid_bignum b;
            __builtin_memcpy(&b, src, sizeof b);
            return put_bignum(w, b, t->kind == CANDID_INT);
        }
        if (t->kind == CANDID_NAT) {
            uint64_t v;
            __builtin_memcpy(&v, src, 8);
            candid_put_leb(w, v);
        } else {
            int64_t v;
            __builtin_memcpy(&v, src, 8);
            candid_put_sleb(w, v);
        }
        return CANDID_OK;
    case CANDID_TEXT:
        return put_text(w, src);
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE: {
        candid_slice sl;
        __builtin_memcpy(&sl, src, sizeof sl);
        if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
        return put_principal(w, sl);
    }
    case CANDID_OPT: {
        const candid_type *in = t->inner;
        /* Decided before the flag is written: a kind this switch does not
         * write (empty among them) goes to the frame loop untouched. */
        if ((t->repr & CANDID_REPR_BOXED) || !enc_scalar(in->kind)) return ENC_OTHER;
        candid_put_u8(w, *src != 0);
        if (!*src) return CANDID_OK;
        *tp = in;
        *srcp = src + t->offset;
        return ENC_SOME;
    }
    default:
        return ENC_OTHER;
    }
}

static int
enc_leaf(candid_writer *w, const candid_type *t, const uint8_t *src) {
    /* at most two rounds; one copy of the leaf code where this inlines */
    for (;;) {
        int r = enc_step(w, &t, &src);
        if (r != ENC_SOME) return r;
    }
}

/* The values of a message after its header. Returns the first value or
 * work-memory error without latching it: candid_encode does, for every
 * return here. */
static candid_status ref_values(candid_writer *w, const candid_type *args, const uint8_t *values,
                                void *work, size_t work_cap, uint32_t max_depth) {
    if (!max_depth) max_depth = 4096;
    uintptr_t base = ((uintptr_t)work + 7) & ~(uintptr_t)7;
    eframe *stack = (eframe *)base;
    size_t cap = work && work_cap >= base - (uintptr_t)work
                     ? (work_cap - (base - (uintptr_t)work)) / sizeof(eframe)
                     : 0;
    if (cap > max_depth) cap = max_depth;
    size_t sp = 0;
    if (!cap) return CANDID_ERR_WORK_FULL;
    chain c = {NULL, NULL, 0};
    stack[sp++] = (eframe){args, values, 0, c};
    const candid_type *t;
    const uint8_t *src;

    while (sp) {
        eframe *f = &stack[sp - 1];
        if (f->t->kind == CANDID_RECORD) {
            uint64_t i = f->i, count = f->t->count;
            /* (values may be NULL when every field is zero-sized, and
             * fields NULL when there are none) */
            for (; i < count; i++) {
                const candid_field *fd = &f->t->fields[i];
                int r = enc_leaf(w, fd->type, f->src ? f->src + fd->offset : NULL);
                if (r == ENC_OTHER) break;
                if (r) return (candid_status)r;
            }
            if (i == count) {
                sp--;
                continue;
            }
            const candid_field *fd = &f->t->fields[i];
            f->i = i + 1;
            t = fd->type;
            src = f->src ? f->src + fd->offset : NULL;
        } else {
            if (!f->i) {
                sp--;
                continue;
            }
            f->i--;
            t = f->t->inner;
            src = f->src;
            f->src += candid_slot_size(t);
        }
        if (f->t->kind == CANDID_RECORD ? f->i == f->t->count : !f->i) {
            /* the last member is a tail step: lists take one frame in all */
            c = f->c;
            sp--;
            if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
        } else {
            c = (chain){NULL, NULL, 0};
        }
    value:
        switch (t->kind) {
        case CANDID_FUNC: {
            candid_funcref fr;
            __builtin_memcpy(&fr, src, sizeof fr);
            if (missing(fr.principal.ptr, fr.principal.len) || missing(fr.method.ptr, fr.method.len))
                return CANDID_ERR_ARGUMENT;
            if (!candid_utf8_valid(fr.method.ptr, fr.method.len)) return CANDID_ERR_UTF8;
            candid_put_u8(w, 1);
            put_principal(w, fr.principal);
            candid_put_leb(w, fr.method.len);
            candid_put_bytes(w, fr.method.ptr, fr.method.len);
            break;
        }
        case CANDID_OPT: {
            const uint8_t *inner;
            if (t->repr & CANDID_REPR_BOXED) {
                inner = load_ptr(src);
            } else {
                inner = *src ? src + t->offset : NULL;
            }
            candid_put_u8(w, inner != NULL);
            if (inner) {
                t = t->inner;
                src = inner;
                if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
                goto value;
            }
            break;
        }
        case CANDID_VEC: {
            size_t width = fixed_width(t->inner->kind);
            if (t->repr & CANDID_REPR_SLICE) {
                candid_slice s;
                __builtin_memcpy(&s, src, sizeof s);
                if (!width || s.len % width) return CANDID_ERR_BAD_TYPE;
                if (missing(s.ptr, s.len)) return CANDID_ERR_ARGUMENT;
                candid_put_leb(w, s.len / width);
                candid_put_bytes(w, s.ptr, s.len);
                break;
            }
            candid_vec v;
            __builtin_memcpy(&v, src, sizeof v);
            if (missing(v.items, v.len)) return CANDID_ERR_ARGUMENT;
            candid_put_leb(w, v.len);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            if (width) {
                candid_put_bytes(w, v.items, v.len * width);
                break;
            }
#endif
            if (!v.len) break;
            /* Vectors of common leaves loop here, without a frame per element. */
            const uint8_t *it = v.items;
            const candid_type *in = t->inner;
            if ((in->kind == CANDID_NAT || in->kind == CANDID_INT) && !(in->repr & CANDID_REPR_BIG)) {
                for (size_t i = 0; i < v.len; i++, it += 8) {
                    uint64_t x;
                    __builtin_memcpy(&x, it, 8);
                    if (in->kind == CANDID_NAT) candid_put_leb(w, x);
                    else candid_put_sleb(w, (int64_t)x);
                }
                break;
            }
            if (in->kind == CANDID_TEXT) {
                for (size_t i = 0; i < v.len; i++, it += sizeof(candid_slice)) {
                    candid_status ts = put_text(w, it);
                    if (ts) return ts;
                }
                break;
            }
            if (sp == cap) return sp == max_depth ? CANDID_ERR_DEPTH : CANDID_ERR_WORK_FULL;
            stack[sp++] = (eframe){t, (const uint8_t *)v.items, v.len, c};
            break;
        }
        case CANDID_RECORD:
            if (t->repr & CANDID_REPR_BOXED) src = load_ptr(src);
            if (!src && t->count) return CANDID_ERR_ARGUMENT;
            if (sp == cap) return sp == max_depth ? CANDID_ERR_DEPTH : CANDID_ERR_WORK_FULL;
            stack[sp++] = (eframe){t, src, 0, c};
            break;
        case CANDID_VARIANT: {
            if (t->repr & CANDID_REPR_BOXED) src = load_ptr(src);
            if (!src) return CANDID_ERR_ARGUMENT;
            uint32_t idx;
            __builtin_memcpy(&idx, src, 4);
            if (idx >= t->count) return CANDID_ERR_VARIANT_TAG;
            candid_put_leb(w, idx);
            src += t->fields[idx].offset;
            t = t->fields[idx].type;
            if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
            goto value;
        }
        case CANDID_EMPTY:
            return CANDID_ERR_EMPTY_VALUE;
        default: {
            int r = enc_leaf(w, t, src);
            if (r == ENC_OTHER) return CANDID_ERR_BAD_TYPE;
            if (r) return (candid_status)r;
            break;
        }
        }
    }
    return CANDID_OK;
}

static candid_status ref_encode(candid_writer *w, const candid_header *h, const void *values,
                                void *work, size_t work_cap, uint32_t max_depth) {
    candid_put_bytes(w, h->bytes, h->len);
    candid_status st = ref_values(w, h->args, values, work, work_cap, max_depth);
    if (st) return candid_writer_fail(w, st);
    return candid_writer_finish(w);
}

/* ---- the comparison ---- */

enum { TYPES_CAP = 16 << 20, VALUES_CAP = 16 << 20, WORK_CAP = 1 << 16, OUT_CAP = 1 << 20 };
static uint8_t *types_mem, *values_mem, *work, *out_new, *out_ref;
static candid_arena types, values;
static candid_idl idl;
static size_t compared, failures;

static const char defs[] =
    "type List = opt record { head : int; tail : List };"
    "type Tree = variant { leaf : int; node : record { left : Tree; right : Tree } };"
    "type Expr = variant { num : float64; neg : Expr; add : record { Expr; Expr }; var : text };"
    "type Rose = record { label : text; kids : vec Rose };"
    "type F = func (nat) -> (text) query;"
    "type S = service { get : () -> (nat) query; put : (F) -> () };";

static int setup(void **state) {
    (void)state;
    types_mem = malloc(TYPES_CAP);
    values_mem = malloc(VALUES_CAP);
    work = malloc(WORK_CAP);
    out_new = malloc(OUT_CAP);
    out_ref = malloc(OUT_CAP);
    candid_arena_init(&types, types_mem, TYPES_CAP);
    candid_arena_init(&values, values_mem, VALUES_CAP);
    candid_idl_init(&idl, &types);
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, defs, sizeof defs - 1, &e), CANDID_OK);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    free(types_mem);
    free(values_mem);
    free(work);
    free(out_new);
    free(out_ref);
    return 0;
}

/* One encode each way with these limits: same status, length and bytes. */
static void compare_once(const candid_header *h, const void *v, size_t work_cap, uint32_t max_depth) {
    candid_writer a, b;
    candid_writer_init(&a, out_new, OUT_CAP);
    candid_writer_init(&b, out_ref, OUT_CAP);
    candid_status sa = candid_encode(&a, h, v, work, work_cap, max_depth);
    candid_status sb = ref_encode(&b, h, v, work, work_cap, max_depth);
    compared++;
    if (sa != sb || a.err != b.err || (!sa && (a.total != b.total || memcmp(out_new, out_ref, a.total)))) {
        if (failures++ < 10)
            print_error("work %zu, max_depth %u: %s (%zu bytes) where the reference gives %s (%zu bytes)\n",
                        work_cap, max_depth, candid_status_name(sa), a.total, candid_status_name(sb), b.total);
    }
}

static void compare(const candid_header *h, const void *v) {
    compare_once(h, v, WORK_CAP, 0);
    for (uint32_t d = 1; d <= 6; d++) compare_once(h, v, WORK_CAP, d);
    static const size_t caps[] = {0, 8, 40, 48, 60, 96, 100, 144, 200, 300};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) compare_once(h, v, caps[i], 0);
}

static const uint8_t bad_utf8[] = {'o', 'k', 0xc0, 0x80};

/* Breaks the leaf slots directly in a record's block (not behind
 * pointers): each with probability 1/4, so a value often has several
 * errors and the first one must be the same. */
static void break_leaves(const candid_type *rec, uint8_t *block, candid_random *r) {
    for (uint32_t i = 0; i < rec->count; i++) {
        const candid_field *f = &rec->fields[i];
        uint8_t *slot = block + f->offset;
        if (candid_random_next(r) % 4) continue;
        switch (f->type->kind) {
        case CANDID_BOOL:
            *slot = 2;
            break;
        case CANDID_TEXT: {
            candid_slice s = {bad_utf8, sizeof bad_utf8};
            memcpy(slot, &s, sizeof s);
            break;
        }
        case CANDID_PRINCIPAL: {
            candid_slice s = {NULL, 3};
            memcpy(slot, &s, sizeof s);
            break;
        }
        case CANDID_VARIANT:
            if (!(f->type->repr & CANDID_REPR_BOXED)) memcpy(slot, &f->type->count, 4);
            break;
        case CANDID_RECORD:
            if (!(f->type->repr & CANDID_REPR_BOXED)) break_leaves(f->type, slot, r);
            break;
        default:
            break;
        }
    }
}

/* n random values of args (a record), compared as they are and broken. */
static void differential(const candid_type *args, uint64_t seed, int n) {
    static uint8_t hdr[1 << 16];
    candid_header h;
    assert_int_equal(candid_header_build(&h, args, hdr, sizeof hdr, work, WORK_CAP), CANDID_OK);
    candid_random r;
    candid_random_init(&r, seed);
    for (int i = 0; i < n; i++) {
        candid_arena_reset(&values);
        uint8_t *v = candid_arena_alloc(&values, args->size + 1, 16);
        assert_non_null(v);
        candid_status st = candid_random_value(&r, args, v, &values);
        if (st == CANDID_ERR_EMPTY_VALUE) return;
        assert_int_equal(st, CANDID_OK);
        compare(&h, v);
        break_leaves(args, v, &r);
        compare(&h, v);
    }
}

static const candid_type *args_of(const char *tuple) {
    candid_syntax_error e;
    const candid_type *t = NULL;
    assert_int_equal(candid_idl_parse_args(&idl, tuple, strlen(tuple), &t, &e), CANDID_OK);
    return t;
}

static void hand_picked_types(void **state) {
    (void)state;
    static const char *const tuples[] = {
        "()", "(null)", "(bool)", "(nat)", "(int)", "(nat8, int16, nat32, int64, float32, float64)",
        "(text)", "(reserved)", "(principal)", "(opt nat)", "(opt opt text)", "(opt bool)",
        "(vec int)", "(vec nat)", "(blob)", "(vec bool)", "(vec float32)", "(vec text)",
        "(vec principal)", "(vec null)", "(vec reserved)", "(vec opt nat8)", "(vec vec nat16)",
        "(vec record { nat; text })", "(vec record { a : nat32; b : text; c : opt int64 })",
        "(vec record { a : bool; b : principal; c : opt text; d : null })",
        "(vec record { a : nat; b : vec nat8 })", "(vec record {})", "(vec variant { a; b : text })",
        "(record { a : nat; b : opt int64 })", "(record { record { bool } ; record {} })",
        "(variant { a; b : text; c : record { nat8; nat8 } })", "(List)", "(Tree)", "(Expr)",
        "(Rose)", "(vec List)", "(vec Tree, opt Rose)", "(F)", "(S)", "(vec F)", "(opt F, opt S)",
        "(record { x : opt record { y : opt vec record { z : text } } })",
    };
    for (size_t i = 0; i < sizeof tuples / sizeof tuples[0]; i++)
        differential(args_of(tuples[i]), i, 100);
    print_message("%zu encodes compared\n", compared);
    assert_int_equal(failures, 0);
}

/* Layouts the .did parser does not make: nat and int as 64-bit numbers,
 * options of scalars inline, records boxed, records too wide to be
 * compiled once per vector. */
#define PRIM(k, s) {.kind = (k), .size = (s), .align = (s)}
static const candid_type nat32_t = PRIM(CANDID_NAT32, 4), nat8_t = PRIM(CANDID_NAT8, 1),
                         int64_t_ = PRIM(CANDID_INT64, 8), nat_t = PRIM(CANDID_NAT, 8),
                         int_t = PRIM(CANDID_INT, 8), bool_t = PRIM(CANDID_BOOL, 1),
                         null_t = {.kind = CANDID_NULL, .align = 1},
                         text_t = {.kind = CANDID_TEXT, .size = 16, .align = 8},
                         principal_t = {.kind = CANDID_PRINCIPAL, .size = 16, .align = 8};
static const candid_type opt_i64 = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8, .inner = &int64_t_};
static const candid_type opt_nat = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8, .inner = &nat_t};
static const candid_type opt_text = {.kind = CANDID_OPT, .size = 24, .align = 8, .offset = 8, .inner = &text_t};
static const candid_type opt_bool = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1, .inner = &bool_t};
static const candid_field d_f[] = {
    {.id = 97, .offset = 0, .type = &nat32_t},
    {.id = 98, .offset = 8, .type = &text_t},
    {.id = 99, .offset = 24, .type = &opt_i64},
};
static const candid_type d_t = {.kind = CANDID_RECORD, .size = 40, .align = 8, .count = 3, .fields = d_f};
static const candid_type d_boxed = {.kind = CANDID_RECORD, .repr = CANDID_REPR_BOXED, .size = 40, .align = 8, .count = 3, .fields = d_f};
static const candid_field m_f[] = {
    {.id = 0, .offset = 0, .type = &nat_t},      {.id = 1, .offset = 8, .type = &int_t},
    {.id = 2, .offset = 16, .type = &opt_nat},   {.id = 3, .offset = 32, .type = &bool_t},
    {.id = 4, .offset = 33, .type = &opt_bool},  {.id = 5, .offset = 35, .type = &null_t},
    {.id = 6, .offset = 40, .type = &principal_t}, {.id = 7, .offset = 56, .type = &opt_text},
};
static const candid_type m_t = {.kind = CANDID_RECORD, .size = 80, .align = 8, .count = 8, .fields = m_f};
#define W(i) {.id = (i), .offset = (i), .type = &nat8_t}
static const candid_field wide_f[] = {W(0), W(1), W(2), W(3), W(4), W(5), W(6), W(7), W(8), W(9),
    W(10), W(11), W(12), W(13), W(14), W(15), W(16), W(17), W(18), W(19), W(20), W(21), W(22),
    W(23), W(24), W(25), W(26), W(27), W(28), W(29), W(30), W(31), W(32), W(33)};
static const candid_type wide_t = {.kind = CANDID_RECORD, .size = 34, .align = 1, .count = 34, .fields = wide_f};
#define VEC(in) {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = (in)}
static const candid_type vec_d = VEC(&d_t), vec_dboxed = VEC(&d_boxed), vec_m = VEC(&m_t),
                         vec_wide = VEC(&wide_t), vec_nat = VEC(&nat_t), vec_int = VEC(&int_t),
                         vec_opt_i64 = VEC(&opt_i64), vec_vec_d = VEC(&vec_d);
#define ARGS1(name, t, sz) \
    static const candid_field name##_f[] = {{.id = 0, .offset = 0, .type = (t)}}; \
    static const candid_type name = {.kind = CANDID_RECORD, .size = (sz), .align = 8, .count = 1, .fields = name##_f}
ARGS1(a_vec_d, &vec_d, 16);
ARGS1(a_vec_dboxed, &vec_dboxed, 16);
ARGS1(a_vec_m, &vec_m, 16);
ARGS1(a_vec_wide, &vec_wide, 16);
ARGS1(a_vec_nat, &vec_nat, 16);
ARGS1(a_vec_int, &vec_int, 16);
ARGS1(a_vec_opt_i64, &vec_opt_i64, 16);
ARGS1(a_vec_vec_d, &vec_vec_d, 16);
ARGS1(a_d, &d_t, 40);
ARGS1(a_m, &m_t, 80);
static const candid_field two_f[] = {{.id = 0, .offset = 0, .type = &m_t}, {.id = 1, .offset = 80, .type = &vec_d}};
static const candid_type a_two = {.kind = CANDID_RECORD, .size = 96, .align = 8, .count = 2, .fields = two_f};

static void hand_written_layouts(void **state) {
    (void)state;
    const candid_type *const all[] = {&a_vec_d, &a_vec_dboxed, &a_vec_m, &a_vec_wide, &a_vec_nat,
                                      &a_vec_int, &a_vec_opt_i64, &a_vec_vec_d, &a_d, &a_m, &a_two, &m_t};
    static uint8_t check_work[1 << 16];
    size_t before = compared;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        candid_type_error err;
        assert_int_equal(candid_type_check(all[i], 0, check_work, sizeof check_work, &err), CANDID_OK);
        differential(all[i], 100 + i, 300);
    }
    print_message("%zu encodes compared\n", compared - before);
    assert_int_equal(failures, 0);
}

static void corpus_methods(void **state) {
    (void)state;
    DIR *dir = opendir(CORPUS_DIR);
    if (!dir) {
        print_message("corpus not found at %s: skipped\n", CORPUS_DIR);
        skip();
    }
    candid_arena saved = types;
    candid_idl saved_idl = idl;
    size_t before = compared;
    for (struct dirent *d; (d = readdir(dir));) {
        size_t n = strlen(d->d_name);
        if (n < 4 || strcmp(d->d_name + n - 4, ".did") != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, d->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char src[1 << 20];
        size_t len = fread(src, 1, sizeof src, f);
        fclose(f);
        types = saved;
        candid_idl_init(&idl, &types);
        candid_syntax_error e;
        assert_int_equal(candid_idl_parse(&idl, src, len, &e), CANDID_OK);
        if (!idl.service) continue;
        for (uint32_t m = 0; m < idl.service->count; m++) {
            const candid_method *cm = &idl.service->methods[m];
            const candid_type *args, *results;
            assert_int_equal(candid_idl_method(&idl, cm->name, cm->name_len, &args, &results), CANDID_OK);
            differential(args, m, 10);
            differential(results, m, 10);
        }
    }
    closedir(dir);
    types = saved;
    idl = saved_idl;
    print_message("%zu encodes compared\n", compared - before);
    assert_int_equal(failures, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_picked_types),
        cmocka_unit_test(hand_written_layouts),
        cmocka_unit_test(corpus_methods),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
