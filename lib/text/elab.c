/* Writing parsed textual values into slots of an expected type. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "candid/bignum.h"
#include "candid/principal.h"
#include "candid/wire.h"
#include "stack.h"
#include "value.h"

/* Values still to write: a heap worklist instead of native recursion, so
 * nesting costs no native stack. Elements are pushed last first, so values
 * are written (and errors found) in the order of the text. */
typedef struct task {
    const tv *v;
    const candid_type *t;
    uint8_t *slot;
} task;

typedef struct elab {
    candid_arena *arena;
    tstack todo;
    size_t budget; /* nodes still to write, see candid_text_parse_args */
    candid_status st;
    const char *msg;
    uint32_t line, col;
} elab;

static int fail(elab *e, const tv *v, candid_status st, const char *msg) {
    if (!e->st) {
        e->st = st;
        e->msg = msg;
        e->line = v->line;
        e->col = v->col;
    }
    return 0;
}

static void *alloc(elab *e, const tv *v, size_t size, size_t align) {
    void *m = candid_arena_alloc(e->arena, size ? size : 1, align ? align : 1);
    if (!m) {
        fail(e, v, CANDID_ERR_ARENA_FULL, "out of memory");
        return NULL;
    }
    memset(m, 0, size ? size : 1);
    return m;
}

/* Schedules v to be written at t into slot. */
static int later(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    task *k = tstack_push(&e->todo);
    if (!k) return fail(e, v, CANDID_ERR_ARENA_FULL, "out of memory");
    *k = (task){v, t, slot};
    return 1;
}

/* An integer literal as a bignum of the wire encoding for `signed`. */
static int integer(elab *e, const tv *v, int is_signed, candid_bignum *out) {
    if (v->num_float) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "a float literal is not an integer");
    mp_int m;
    if (mp_init(&m) != MP_OKAY) return fail(e, v, CANDID_ERR_ARENA_FULL, "out of memory");
    candid_status st = candid_mp_from_text(v->num, v->num_len, &m);
    if (!st) st = candid_bignum_from_mp(&m, is_signed, e->arena, out);
    mp_clear(&m);
    if (st == CANDID_ERR_RANGE) return fail(e, v, st, "a negative number is not a nat");
    if (st) return fail(e, v, st, "malformed number");
    return 1;
}

static int fixed_int(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    static const struct { uint8_t kind, width, is_signed; } info[] = {
        {CANDID_NAT8, 1, 0},  {CANDID_NAT16, 2, 0}, {CANDID_NAT32, 4, 0}, {CANDID_NAT64, 8, 0},
        {CANDID_INT8, 1, 1},  {CANDID_INT16, 2, 1}, {CANDID_INT32, 4, 1}, {CANDID_INT64, 8, 1},
        {CANDID_NAT, 8, 0},   {CANDID_INT, 8, 1},
    };
    size_t i = 0;
    while (info[i].kind != t->kind) i++;
    candid_bignum b;
    if (!integer(e, v, info[i].is_signed, &b)) return 0;
    int w = info[i].width;
    if (info[i].is_signed) {
        int64_t x;
        if (candid_bignum_to_i64(b, &x) ||
            (w < 8 && (x < -((int64_t)1 << (8 * w - 1)) || x >= ((int64_t)1 << (8 * w - 1)))))
            return fail(e, v, CANDID_ERR_RANGE, "number out of range for its type");
        if (w == 1) { int8_t y = (int8_t)x; memcpy(slot, &y, 1); }
        else if (w == 2) { int16_t y = (int16_t)x; memcpy(slot, &y, 2); }
        else if (w == 4) { int32_t y = (int32_t)x; memcpy(slot, &y, 4); }
        else memcpy(slot, &x, 8);
    } else {
        uint64_t x;
        if (candid_bignum_to_u64(b, &x) || (w < 8 && x >> (8 * w)))
            return fail(e, v, CANDID_ERR_RANGE, "number out of range for its type");
        if (w == 1) { uint8_t y = (uint8_t)x; memcpy(slot, &y, 1); }
        else if (w == 2) { uint16_t y = (uint16_t)x; memcpy(slot, &y, 2); }
        else if (w == 4) { uint32_t y = (uint32_t)x; memcpy(slot, &y, 4); }
        else memcpy(slot, &x, 8);
    }
    return 1;
}

static int floating(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (!v->num_float) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "an integer literal is not a float (write 1.0)");
    char buf[128];
    size_t n = 0;
    for (size_t i = 0; i < v->num_len && n + 1 < sizeof buf; i++)
        if (v->num[i] != '_') buf[n++] = v->num[i];
    buf[n] = 0;
    char *end;
    double d = strtod(buf, &end);
    if (*end) return fail(e, v, CANDID_ERR_SYNTAX, "malformed float");
    if (t->kind == CANDID_FLOAT32) {
        float f = (float)d;
        memcpy(slot, &f, 4);
    } else {
        memcpy(slot, &d, 8);
    }
    return 1;
}

static int principal(elab *e, const tv *v, candid_slice *out) {
    uint8_t *bytes = alloc(e, v, CANDID_PRINCIPAL_MAX_BYTES, 1);
    size_t n;
    if (!bytes) return 0;
    if (candid_principal_from_text((const char *)v->bytes, v->len, bytes, &n))
        return fail(e, v, CANDID_ERR_SYNTAX, "not a valid principal");
    out->ptr = bytes;
    out->len = n;
    return 1;
}

static int fixed_width(uint8_t kind) {
    switch (kind) {
    case CANDID_NAT8: case CANDID_INT8: return 1;
    case CANDID_NAT16: case CANDID_INT16: return 2;
    case CANDID_NAT32: case CANDID_INT32: case CANDID_FLOAT32: return 4;
    case CANDID_NAT64: case CANDID_INT64: case CANDID_FLOAT64: return 8;
    default: return 0;
    }
}

static int vector(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (v->kind == TV_BLOB) {
        if (t->inner->kind != CANDID_NAT8) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "a blob is a vec nat8");
        if (t->repr & CANDID_REPR_SLICE) {
            candid_slice s = {v->bytes, v->len};
            memcpy(slot, &s, sizeof s);
        } else {
            candid_vec cv = {(void *)v->bytes, v->len};
            memcpy(slot, &cv, sizeof cv);
        }
        return 1;
    }
    if (v->kind != TV_VEC) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "expected a vec");
    size_t es = (t->repr & CANDID_REPR_SLICE) ? (size_t)fixed_width(t->inner->kind)
                                              : candid_slot_size(t->inner);
    uint8_t *items = alloc(e, v, es * v->nitems, candid_slot_align(t->inner));
    if (!items) return 0;
    for (uint32_t i = v->nitems; i-- > 0;)
        if (!later(e, v->items[i], t->inner, items + i * es)) return 0;
    if (t->repr & CANDID_REPR_SLICE) {
        candid_slice s = {items, es * v->nitems};
        memcpy(slot, &s, sizeof s);
    } else {
        candid_vec cv = {items, v->nitems};
        memcpy(slot, &cv, sizeof cv);
    }
    return 1;
}

static const tv_field *find(const tv *v, uint32_t id) {
    for (uint32_t i = 0; i < v->nfields; i++)
        if (v->fields[i].id == id) return &v->fields[i];
    return NULL;
}

/* The null value of a nullable type into its slot. */
static void null_value(const candid_type *t, uint8_t *slot) {
    if (t->kind == CANDID_OPT) memset(slot, 0, candid_slot_size(t));
}

static int nullable(const candid_type *t) {
    return t->kind == CANDID_NULL || t->kind == CANDID_OPT || t->kind == CANDID_RESERVED;
}

static int record(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (v->kind != TV_RECORD) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "expected a record");
    for (uint32_t i = 0; i < v->nfields; i++)
        for (uint32_t j = i + 1; j < v->nfields; j++)
            if (v->fields[i].id == v->fields[j].id)
                return fail(e, v->fields[j].val, CANDID_ERR_SYNTAX, "duplicate field in record");
    uint8_t *base = slot;
    if (t->repr & CANDID_REPR_BOXED) {
        base = alloc(e, v, t->size, t->align);
        if (!base) return 0;
        memcpy(slot, &base, sizeof base);
    }
    for (uint32_t i = t->count; i-- > 0;) {
        const candid_field *f = &t->fields[i];
        const tv_field *vf = find(v, f->id);
        if (vf) {
            if (!later(e, vf->val, f->type, base + f->offset)) return 0;
        } else if (nullable(f->type)) {
            null_value(f->type, base + f->offset);
        } else {
            return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "record lacks a required field");
        }
    }
    return 1;
}

static int variant(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (v->kind != TV_VARIANT) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "expected a variant");
    if (v->nfields != 1) return fail(e, v, CANDID_ERR_SYNTAX, "a variant value has exactly one field");
    uint32_t idx = 0;
    while (idx < t->count && t->fields[idx].id != v->fields[0].id) idx++;
    if (idx == t->count) return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "no such variant case");
    uint8_t *base = slot;
    if (t->repr & CANDID_REPR_BOXED) {
        base = alloc(e, v, t->size, t->align);
        if (!base) return 0;
        memcpy(slot, &base, sizeof base);
    }
    memcpy(base, &idx, 4);
    return later(e, v->fields[0].val, t->fields[idx].type, base + t->fields[idx].offset);
}

static int option(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (v->kind == TV_NULL) {
        null_value(t, slot);
        return 1;
    }
    const tv *inner = v->kind == TV_OPT ? v->child : v;
    uint8_t *dst;
    if (t->repr & CANDID_REPR_BOXED) {
        dst = alloc(e, v, candid_slot_size(t->inner), candid_slot_align(t->inner));
        if (!dst) return 0;
        memcpy(slot, &dst, sizeof dst);
    } else {
        slot[0] = 1;
        dst = slot + t->offset;
    }
    return later(e, inner, t->inner, dst);
}

/* Writes one node, scheduling its elements. */
static int elab_node(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    if (v->kind == TV_ANNOT) {
        /* The annotation is checked on a scratch slot (unless it is the
         * expected type), then the value is written at the expected type. */
        const candid_type *a = v->annot;
        if (!later(e, v->child, t, slot)) return 0;
        if (a == t) return 1;
        uint8_t *scratch = alloc(e, v, candid_slot_size(a), candid_slot_align(a));
        return scratch && later(e, v->child, a, scratch);
    }
    switch (t->kind) {
    case CANDID_RESERVED:
        return 1;
    case CANDID_EMPTY:
        return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "no value has type empty");
    case CANDID_OPT:
        return option(e, v, t, slot);
    default:
        break;
    }
    switch (v->kind) {
    case TV_NULL:
        if (t->kind == CANDID_NULL) return 1;
        break;
    case TV_BOOL:
        if (t->kind == CANDID_BOOL) {
            slot[0] = (uint8_t)v->bval;
            return 1;
        }
        break;
    case TV_NUM:
        if (t->kind == CANDID_FLOAT32 || t->kind == CANDID_FLOAT64) return floating(e, v, t, slot);
        if ((t->kind == CANDID_NAT || t->kind == CANDID_INT) && (t->repr & CANDID_REPR_BIG)) {
            candid_bignum b;
            if (!integer(e, v, t->kind == CANDID_INT, &b)) return 0;
            memcpy(slot, &b, sizeof b);
            return 1;
        }
        if ((t->kind >= CANDID_NAT && t->kind <= CANDID_INT64)) return fixed_int(e, v, t, slot);
        break;
    case TV_TEXT:
        if (t->kind == CANDID_TEXT) {
            if (!v->utf8) return fail(e, v, CANDID_ERR_UTF8, "text is not valid UTF-8");
            candid_slice s = {v->bytes, v->len};
            memcpy(slot, &s, sizeof s);
            return 1;
        }
        break;
    case TV_VEC:
    case TV_BLOB:
        if (t->kind == CANDID_VEC) return vector(e, v, t, slot);
        break;
    case TV_RECORD:
        if (t->kind == CANDID_RECORD) return record(e, v, t, slot);
        break;
    case TV_VARIANT:
        if (t->kind == CANDID_VARIANT) return variant(e, v, t, slot);
        break;
    case TV_PRINCIPAL:
        if (t->kind == CANDID_PRINCIPAL) return principal(e, v, (candid_slice *)(void *)slot);
        break;
    case TV_SERVICE:
        if (t->kind == CANDID_SERVICE || t->kind == CANDID_PRINCIPAL) {
            candid_slice s;
            if (!principal(e, v, &s)) return 0;
            memcpy(slot, &s, sizeof s);
            return 1;
        }
        break;
    case TV_FUNC:
        if (t->kind == CANDID_FUNC) {
            candid_funcref f;
            if (!principal(e, v, &f.principal)) return 0;
            f.method.ptr = v->method;
            f.method.len = v->method_len;
            memcpy(slot, &f, sizeof f);
            return 1;
        }
        break;
    default:
        break;
    }
    return fail(e, v, CANDID_ERR_TYPE_MISMATCH, "value does not have the expected type");
}

/* Writes v and everything in it. */
static int elab_value(elab *e, const tv *v, const candid_type *t, uint8_t *slot) {
    int ok = later(e, v, t, slot);
    task *k;
    while (ok && (k = tstack_top(&e->todo))) {
        task cur = *k;
        tstack_pop(&e->todo);
        ok = e->budget-- ? elab_node(e, cur.v, cur.t, cur.slot)
                         : fail(e, cur.v, CANDID_ERR_BUDGET, "annotations nested too deeply to check");
    }
    e->todo.len = 0;
    return ok;
}

candid_status candid_text_parse_args(const char *src, size_t len, const candid_type *args,
                                     void *out, candid_arena *arena, candid_idl *idl,
                                     candid_syntax_error *err) {
    tv_parser p;
    const tv *list = tv_parse_args(&p, src, len, arena, idl);
    if (!list) return idl_error(&p.lx, err);
    tv *const *items = list->items;
    uint32_t n = list->nitems;
    /* A value under an annotation is written twice (at the annotation,
     * then at the expected type), so nested annotations could double the
     * work per level; a budget linear in the text's size bounds it, far
     * above what annotations written by hand or by a printer need. */
    elab e = {arena, tstack_new(sizeof(task)), 64 * p.nodes + (1u << 20), CANDID_OK, NULL, 0, 0};
    uint8_t *base = out;
    for (uint32_t i = 0; i < args->count && !e.st; i++) {
        const candid_field *f = &args->fields[i];
        if (f->id < n) {
            elab_value(&e, items[f->id], f->type, base + f->offset);
        } else if (nullable(f->type)) {
            null_value(f->type, base + f->offset);
        } else {
            e.st = CANDID_ERR_TYPE_MISMATCH;
            e.msg = "missing argument";
            e.line = p.lx.tok.line;
            e.col = p.lx.tok.col;
        }
    }
    tstack_free(&e.todo);
    if (err) {
        err->status = e.st;
        err->line = e.line;
        err->column = e.col;
        err->message = e.msg;
    }
    return e.st;
}
