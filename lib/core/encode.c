/* Encoding values from C slots, driven by the same descriptions as the
 * decoder. Nesting uses an explicit stack in caller memory, so native stack
 * use does not grow with the depth of the data. */
#include "candid/encode.h"
#include "candid/wire.h"
#include "internal.h"

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
static candid_status put_bignum(candid_writer *w, candid_bignum b, int as_int) {
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

static candid_status put_principal(candid_writer *w, candid_slice s) {
    candid__put_u8(w, 1);
    candid__put_leb(w, s.len);
    candid__put_bytes(w, s.ptr, s.len);
    return CANDID_OK;
}

/* A text slot: checked, then its length and bytes. */
static inline __attribute__((always_inline)) candid_status put_text(candid_writer *w,
                                                                    const uint8_t *src) {
    candid_slice sl;
    __builtin_memcpy(&sl, src, sizeof sl);
    if (missing(sl.ptr, sl.len)) return CANDID_ERR_ARGUMENT;
    if (!candid_utf8_valid(sl.ptr, sl.len)) return CANDID_ERR_UTF8;
    candid__put_leb(w, sl.len);
    candid__put_bytes(w, sl.ptr, sl.len);
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

static inline __attribute__((always_inline)) int
enc_step(candid_writer *w, const candid_type **tp, const uint8_t **srcp) {
    const candid_type *t = *tp;
    const uint8_t *src = *srcp;
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        return CANDID_OK;
    case CANDID_BOOL:
        if (*src > 1) return CANDID_ERR_BAD_TAG;
        candid__put_u8(w, *src);
        return CANDID_OK;
    case CANDID_NAT8: case CANDID_NAT16: case CANDID_NAT32: case CANDID_NAT64:
    case CANDID_INT8: case CANDID_INT16: case CANDID_INT32: case CANDID_INT64:
    case CANDID_FLOAT32: case CANDID_FLOAT64:
        put_fixed(w, src, candid__fixed_width(t->kind));
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
            candid__put_leb(w, v);
        } else {
            int64_t v;
            __builtin_memcpy(&v, src, 8);
            candid__put_sleb(w, v);
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
        candid__put_u8(w, *src != 0);
        if (!*src) return CANDID_OK;
        *tp = in;
        *srcp = src + t->offset;
        return ENC_SOME;
    }
    default:
        return ENC_OTHER;
    }
}

static inline __attribute__((always_inline)) int
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
static candid_status put_values(candid_writer *w, const candid_type *args, const uint8_t *values,
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
            candid__put_u8(w, 1);
            put_principal(w, fr.principal);
            candid__put_leb(w, fr.method.len);
            candid__put_bytes(w, fr.method.ptr, fr.method.len);
            break;
        }
        case CANDID_OPT: {
            const uint8_t *inner;
            if (t->repr & CANDID_REPR_BOXED) {
                inner = load_ptr(src);
            } else {
                inner = *src ? src + t->offset : NULL;
            }
            candid__put_u8(w, inner != NULL);
            if (inner) {
                t = t->inner;
                src = inner;
                if (!chain_step(&c, t, src)) return CANDID_ERR_DEPTH;
                goto value;
            }
            break;
        }
        case CANDID_VEC: {
            size_t width = candid__fixed_width(t->inner->kind);
            if (t->repr & CANDID_REPR_SLICE) {
                candid_slice s;
                __builtin_memcpy(&s, src, sizeof s);
                if (!width || s.len % width) return CANDID_ERR_BAD_TYPE;
                if (missing(s.ptr, s.len)) return CANDID_ERR_ARGUMENT;
                candid__put_leb(w, s.len / width);
                candid__put_bytes(w, s.ptr, s.len);
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
            /* Vectors of common leaves loop here, without a frame per element. */
            const uint8_t *it = v.items;
            const candid_type *in = t->inner;
            if ((in->kind == CANDID_NAT || in->kind == CANDID_INT) && !(in->repr & CANDID_REPR_BIG)) {
                for (size_t i = 0; i < v.len; i++, it += 8) {
                    uint64_t x;
                    __builtin_memcpy(&x, it, 8);
                    if (in->kind == CANDID_NAT) candid__put_leb(w, x);
                    else candid__put_sleb(w, (int64_t)x);
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
            candid__put_leb(w, idx);
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
