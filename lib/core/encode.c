/* Encoding values from C slots, driven by the same descriptions as the
 * decoder. Every member is first reduced to an op (a small code saying how
 * its slot is written); leaves are written from their op without a frame,
 * and a vector of records of leaves compiles the record's ops once and
 * loops over its elements with them. Nesting uses an explicit stack in
 * caller memory, so native stack use does not grow with the depth of the
 * data. */
#include "candid/encode.h"
#include "candid/wire.h"
#include "internal.h"

/* How a member (field, case, element, option value) is written. The leaves
 * need no frame; EL_NODE is a composite, written through the frame loop. */
enum {
    EL_NONE,      /* null, reserved: nothing */
    EL_BOOL,      /* 0/1 checked */
    EL_F1,        /* fixed-width numbers: 1, 2, 4 or 8 little-endian bytes */
    EL_F2,
    EL_F4,
    EL_F8,
    EL_NAT,       /* uint64_t as LEB128 */
    EL_INT,       /* int64_t as SLEB128 */
    EL_BIGNAT,    /* candid_bignum as LEB128 */
    EL_BIGINT,    /* candid_bignum as SLEB128 */
    EL_TEXT,      /* candid_slice, UTF-8 checked */
    EL_PRINCIPAL, /* principal and service references */
    EL_FUNC,      /* candid_funcref */
    EL_EMPTY,     /* no value can be written */
    EL_BAD,       /* a kind the encoder cannot write */
    EL_OPT,       /* inline option of a leaf: flag, then `icode` at `ioffset` */
    EL_NODE       /* opt (boxed or around a composite), vec, record, variant */
};

typedef struct eop {
    uint8_t code;     /* EL_* */
    uint8_t icode;    /* EL_OPT: the inner leaf's code */
    uint32_t offset;  /* of the member's slot in its parent's block */
    uint32_t ioffset; /* EL_OPT: of the inner slot in the option's */
} eop;

/* The code of a type written without a frame, or EL_NODE. */
CANDID_INLINE uint8_t leaf_code(const candid_type *t) {
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        return EL_NONE;
    case CANDID_BOOL:
        return EL_BOOL;
    case CANDID_NAT:
        return t->repr & CANDID_REPR_BIG ? EL_BIGNAT : EL_NAT;
    case CANDID_INT:
        return t->repr & CANDID_REPR_BIG ? EL_BIGINT : EL_INT;
    case CANDID_NAT8:
    case CANDID_INT8:
        return EL_F1;
    case CANDID_NAT16:
    case CANDID_INT16:
        return EL_F2;
    case CANDID_NAT32:
    case CANDID_INT32:
    case CANDID_FLOAT32:
        return EL_F4;
    case CANDID_NAT64:
    case CANDID_INT64:
    case CANDID_FLOAT64:
        return EL_F8;
    case CANDID_TEXT:
        return EL_TEXT;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        return EL_PRINCIPAL;
    case CANDID_FUNC:
        return EL_FUNC;
    case CANDID_EMPTY:
        return EL_EMPTY;
    case CANDID_OPT:
    case CANDID_VEC:
    case CANDID_RECORD:
    case CANDID_VARIANT:
        return EL_NODE;
    default:
        return EL_BAD;
    }
}

/* The op of a member of type t whose slot is at `offset`. */
CANDID_INLINE eop member_op(const candid_type *t, uint32_t offset) {
    eop op = {leaf_code(t), 0, offset, 0};
    if (op.code == EL_NODE && t->kind == CANDID_OPT && !(t->repr & CANDID_REPR_BOXED)) {
        uint8_t in = leaf_code(t->inner);
        if (in != EL_NODE) {
            op.code = EL_OPT;
            op.icode = in;
            op.ioffset = t->offset;
        }
    }
    return op;
}

/* A chain: the values a slot of the stack takes in turn through tail
 * steps (a record's last field, a vector's last element, an option's value,
 * a variant's case), which take no frame of their own so that a list of
 * any length encodes. A value that contains itself through pointers makes
 * one chain endless; each value of a chain follows from the one before, so
 * it cycles, and comparing with the value seen at the last power-of-two
 * step (Brent) finds that within twice its length. Leaves end a chain, so
 * only composite steps are taken. */
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

CANDID_INLINE void put_fixed(candid_writer *w, const uint8_t *src,
                                                            size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid__put_bytes(w, src, width);
#else
    uint8_t tmp[8];
    for (size_t i = 0; i < width; i++) tmp[i] = src[width - 1 - i];
    candid__put_bytes(w, tmp, width);
#endif
}

/* A bignum slice re-encoded for the wire type: LEB128 for nat, SLEB128 for
 * int. A non-negative LEB128 number is a valid SLEB128 one unless its last
 * byte's bit 6 is set (it would read as negative): then one more byte. */
static candid_status put_bignum(candid_writer *w, const uint8_t *src, int as_int) {
    candid_bignum b;
    __builtin_memcpy(&b, src, sizeof b);
    size_t end = 0;
    if (missing(b.ptr, b.len)) return CANDID_ERR_ARGUMENT;
    if (!b.len || candid_skip_leb(b.ptr, b.len, &end) || end != b.len) return CANDID_ERR_RANGE;
    int top = (b.ptr[b.len - 1] & 0x40) != 0;
    if (as_int == b.is_signed) {
        candid__put_bytes(w, b.ptr, b.len);
    } else if (!as_int) {
        if (top) return CANDID_ERR_RANGE; /* negative int at nat */
        candid__put_bytes(w, b.ptr, b.len);
    } else if (top) {
        candid__put_bytes(w, b.ptr, b.len - 1);
        candid__put_u8(w, b.ptr[b.len - 1] | 0x80);
        candid__put_u8(w, 0);
    } else {
        candid__put_bytes(w, b.ptr, b.len);
    }
    return CANDID_OK;
}

static void put_principal(candid_writer *w, candid_slice s) {
    candid__put_u8(w, 1);
    candid__put_leb(w, s.len);
    candid__put_bytes(w, s.ptr, s.len);
}

static candid_status put_func(candid_writer *w, const uint8_t *src) {
    candid_funcref fr;
    __builtin_memcpy(&fr, src, sizeof fr);
    if (missing(fr.principal.ptr, fr.principal.len) || missing(fr.method.ptr, fr.method.len))
        return CANDID_ERR_ARGUMENT;
    if (!candid_utf8_valid(fr.method.ptr, fr.method.len)) return CANDID_ERR_UTF8;
    candid__put_u8(w, 1);
    put_principal(w, fr.principal);
    candid__put_leb(w, fr.method.len);
    candid__put_bytes(w, fr.method.ptr, fr.method.len);
    return CANDID_OK;
}

/* One leaf of code `code` from its slot. The common leaves are inline;
 * the rare ones are calls, to keep the loops that run this small. */
CANDID_INLINE candid_status
put_scalar(candid_writer *w, uint32_t code, const uint8_t *src) {
    switch (code) {
    case EL_NONE:
        return CANDID_OK;
    case EL_BOOL:
        if (*src > 1) return CANDID_ERR_BAD_TAG;
        candid__put_u8(w, *src);
        return CANDID_OK;
    /* constant sizes: a load and a store each, not a library call */
    case EL_F1:
        put_fixed(w, src, 1);
        return CANDID_OK;
    case EL_F2:
        put_fixed(w, src, 2);
        return CANDID_OK;
    case EL_F4:
        put_fixed(w, src, 4);
        return CANDID_OK;
    case EL_F8:
        put_fixed(w, src, 8);
        return CANDID_OK;
    case EL_NAT: {
        uint64_t v;
        __builtin_memcpy(&v, src, 8);
        candid__put_leb(w, v);
        return CANDID_OK;
    }
    case EL_INT: {
        int64_t v;
        __builtin_memcpy(&v, src, 8);
        candid__put_sleb(w, v);
        return CANDID_OK;
    }
    case EL_BIGNAT:
    case EL_BIGINT:
        return put_bignum(w, src, code == EL_BIGINT);
    case EL_TEXT: {
        candid_slice sl;
        __builtin_memcpy(&sl, src, sizeof sl);
        if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
        if (!candid_utf8_valid(sl.ptr, sl.len)) return CANDID_ERR_UTF8;
        candid__put_leb(w, sl.len);
        candid__put_bytes(w, sl.ptr, sl.len);
        return CANDID_OK;
    }
    case EL_PRINCIPAL: {
        candid_slice sl;
        __builtin_memcpy(&sl, src, sizeof sl);
        if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
        put_principal(w, sl);
        return CANDID_OK;
    }
    case EL_FUNC:
        return put_func(w, src);
    case EL_EMPTY:
        return CANDID_ERR_EMPTY_VALUE;
    default:
        return CANDID_ERR_BAD_TYPE;
    }
}

/* A leaf member whose slot is at src: an inline option of a leaf writes
 * its flag, then the leaf. */
CANDID_INLINE candid_status put_leaf(candid_writer *w,
                                                                    const eop *op,
                                                                    const uint8_t *src) {
    uint32_t code = op->code;
    if (code == EL_OPT) {
        candid__put_u8(w, *src != 0);
        if (!*src) return CANDID_OK;
        code = op->icode;
        src += op->ioffset;
    }
    /* one expansion of the leaf switch, not two: each holds every writer */
    return put_scalar(w, code, src);
}

/* put_leaf for the members the frame loop meets one at a time: one copy
 * of the leaf writers for its three call sites, where inlining each would
 * triple them (tens of KB in Wasm) for no gain outside vector loops. */
static __attribute__((noinline)) candid_status put_member(candid_writer *w, const eop *op,
                                                          const uint8_t *src) {
    return put_leaf(w, op, src);
}

/* Every field of a record of leaves, from its compiled ops. */
CANDID_INLINE candid_status put_fields(candid_writer *w,
                                                                      const eop *ops, uint32_t n,
                                                                      const uint8_t *src) {
    for (uint32_t i = 0; i < n; i++) {
        candid_status st = put_leaf(w, &ops[i], src + ops[i].offset);
        if (st) return st;
    }
    return CANDID_OK;
}

static const uint8_t *load_ptr(const uint8_t *src) {
    const uint8_t *p;
    __builtin_memcpy(&p, src, sizeof p);
    return p;
}

/* The encoder's explicit stack: frames in caller memory. */
typedef struct estack {
    eframe *f;
    size_t sp;
    size_t cap;         /* frames that fit, at most max_depth */
    uint32_t max_depth;
} estack;

/* Whether `k` more frames fit: CANDID_ERR_DEPTH at max_depth, else
 * CANDID_ERR_WORK_FULL. Vectors written in a loop of their own check the
 * levels a frame per vector and per record would take, so the limits
 * hold as for any other value. */
static candid_status room(const estack *s, size_t k) {
    for (size_t h = s->sp; h < s->sp + k; h++) {
        if (h == s->cap) return h == s->max_depth ? CANDID_ERR_DEPTH : CANDID_ERR_WORK_FULL;
    }
    return CANDID_OK;
}

/* The most fields of a record of leaves whose ops a vector compiles once
 * for all its elements (on the native stack); a wider record takes a frame
 * per element. */
#define FLAT_FIELDS 32

/* A vector's elements after its length when they need no frame of their
 * own: leaves, or records of at most FLAT_FIELDS leaves. Returns 1 (and
 * writes nothing) when they need frames; else 0 with the status in *st. */
static int put_flat(const estack *s, candid_writer *w, const candid_type *in, const candid_vec *v,
                    candid_status *st) {
    const uint8_t *it = (const uint8_t *)v->items;
    size_t elem = candid_slot_size(in);
    eop op = member_op(in, 0);
    if (op.code != EL_NODE) {
        /* vectors of nat, int and text have always looped without a level */
        if (op.code != EL_NAT && op.code != EL_INT && op.code != EL_TEXT && (*st = room(s, 1)))
            return 0;
        for (size_t k = 0; k < v->len; k++, it += elem) {
            if ((*st = put_leaf(w, &op, it))) return 0;
        }
        return 0;
    }
    if (in->kind != CANDID_RECORD || in->count > FLAT_FIELDS) return 1;
    eop ops[FLAT_FIELDS];
    for (uint32_t i = 0; i < in->count; i++) {
        ops[i] = member_op(in->fields[i].type, in->fields[i].offset);
        if (ops[i].code == EL_NODE) return 1;
    }
    if ((*st = room(s, 1))) return 0;
    if (!(in->repr & CANDID_REPR_BOXED)) {
        /* every element but the last took a second level */
        if (v->len > 1 && (*st = room(s, 2))) return 0;
        for (size_t k = 0; k < v->len; k++, it += elem) {
            if ((*st = put_fields(w, ops, in->count, it))) return 0;
        }
        return 0;
    }
    for (size_t k = 0; k < v->len; k++, it += elem) {
        const uint8_t *rs = load_ptr(it);
        if (!rs && in->count) {
            *st = CANDID_ERR_ARGUMENT;
            return 0;
        }
        /* (after the first element's pointer, as the frame was) */
        if (!k && v->len > 1 && (*st = room(s, 2))) return 0;
        if ((*st = put_fields(w, ops, in->count, rs))) return 0;
    }
    return 0;
}

/* The values of a message after its header. Returns the first value or
 * work-memory error without latching it: candid_encode does, for every
 * return here. */
static candid_status put_values(candid_writer *w, const candid_type *args, const uint8_t *values,
                                void *work, size_t work_cap, uint32_t max_depth) {
    static const uint8_t nothing[1];
    uintptr_t base = ((uintptr_t)work + 7) & ~(uintptr_t)7;
    estack s = {(eframe *)base, 0,
                work && work_cap >= base - (uintptr_t)work
                    ? (work_cap - (base - (uintptr_t)work)) / sizeof(eframe)
                    : 0,
                max_depth ? max_depth : 4096};
    if (s.cap > s.max_depth) s.cap = s.max_depth;
    if (!s.cap) return CANDID_ERR_WORK_FULL;
    chain c = {NULL, NULL, 0};
    /* (values may be NULL when every field is zero-sized) */
    s.f[s.sp++] = (eframe){args, values ? values : nothing, 0, c};
    const candid_type *t;
    const uint8_t *src;
    candid_status st;
    eop op;

    while (s.sp) {
        eframe *f = &s.f[s.sp - 1];
        int tail;
        if (f->t->kind == CANDID_RECORD) {
            uint64_t i = f->i, count = f->t->count;
            const candid_field *fd = NULL;
            for (; i < count; i++) {
                fd = &f->t->fields[i];
                op = member_op(fd->type, fd->offset);
                if (op.code == EL_NODE) break;
                if ((st = put_member(w, &op, f->src + fd->offset))) return st;
            }
            if (i == count) {
                s.sp--;
                continue;
            }
            f->i = i + 1;
            t = fd->type;
            src = f->src + fd->offset;
            tail = i + 1 == count;
        } else {
            if (!f->i) {
                s.sp--;
                continue;
            }
            f->i--;
            t = f->t->inner;
            src = f->src;
            f->src += candid_slot_size(t);
            tail = !f->i;
        }
        if (tail) {
            /* the last member is a tail step: lists take one frame in all */
            c = f->c;
            s.sp--;
            if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
        } else {
            c = (chain){NULL, NULL, 0};
        }
    value:
        /* t is a composite here (EL_NODE) */
        switch (t->kind) {
        case CANDID_OPT: {
            const uint8_t *inner = t->repr & CANDID_REPR_BOXED ? load_ptr(src)
                                   : *src                      ? src + t->offset
                                                               : NULL;
            candid__put_u8(w, inner != NULL);
            if (!inner) break;
            t = t->inner;
            src = inner;
            op = member_op(t, 0);
            if (op.code != EL_NODE) {
                if ((st = put_member(w, &op, src))) return st;
                break;
            }
            if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
            goto value;
        }
        case CANDID_VARIANT: {
            if (t->repr & CANDID_REPR_BOXED) src = load_ptr(src);
            if (!src) return CANDID_ERR_ARGUMENT;
            uint32_t idx;
            __builtin_memcpy(&idx, src, 4);
            if (idx >= t->count) return CANDID_ERR_VARIANT_TAG;
            candid__put_leb(w, idx);
            src += t->fields[idx].offset;
            t = t->fields[idx].type;
            op = member_op(t, 0);
            if (op.code != EL_NODE) {
                if ((st = put_member(w, &op, src))) return st;
                break;
            }
            if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
            goto value;
        }
        case CANDID_RECORD:
            if (t->repr & CANDID_REPR_BOXED) src = load_ptr(src);
            if (!src && t->count) return CANDID_ERR_ARGUMENT;
            if ((st = room(&s, 1))) return st;
            s.f[s.sp++] = (eframe){t, src, 0, c};
            break;
        default: { /* CANDID_VEC */
            size_t width = candid__fixed_width(t->inner->kind);
            if (t->repr & CANDID_REPR_SLICE) {
                candid_slice sl;
                __builtin_memcpy(&sl, src, sizeof sl);
                if (!width || sl.len % width) return CANDID_ERR_BAD_TYPE;
                if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
                candid__put_leb(w, sl.len / width);
                candid__put_bytes(w, sl.ptr, sl.len);
                break;
            }
            candid_vec v;
            __builtin_memcpy(&v, src, sizeof v);
            if (missing(v.items, v.len)) return CANDID_ERR_ARGUMENT;
            candid__put_leb(w, v.len);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            if (width) {
                candid__put_bytes(w, v.items, v.len * width);
                break;
            }
#endif
            if (!v.len) break;
            if (!put_flat(&s, w, t->inner, &v, &st)) {
                if (st) return st;
                break;
            }
            if ((st = room(&s, 1))) return st;
            s.f[s.sp++] = (eframe){t, (const uint8_t *)v.items, v.len, c};
            break;
        }
        }
    }
    return CANDID_OK;
}

/* A header as candid_header_build leaves it on success: at least "DIDL"
 * and the two counts. A failed build leaves args and bytes NULL. */
static int built(const candid_header *h) {
    const uint8_t *b = h->bytes;
    return h->args && b && h->len >= 6 && b[0] == 'D' && b[1] == 'I' && b[2] == 'D' && b[3] == 'L';
}

candid_status candid_encode(candid_writer *w, const candid_header *h,
                            const void *values, void *work, size_t work_cap,
                            uint32_t max_depth) {
    if (!w) return CANDID_ERR_ARGUMENT;
    if (!h || !built(h) || (!values && h->args->size))
        return candid_writer_fail(w, CANDID_ERR_ARGUMENT);
    candid__put_bytes(w, h->bytes, h->len);
    candid_status st = put_values(w, h->args, values, work, work_cap, max_depth);
    if (st) return candid_writer_fail(w, st);
    return candid_writer_finish(w);
}
