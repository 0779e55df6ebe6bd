/* Printing values in the textual syntax, in didc's style. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "candid/bignum.h"
#include "candid/principal.h"
#include "candid/text.h"
#include "candid/wire.h"
#include "stack.h"

void candid_strbuf_free(candid_strbuf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

static void put(candid_strbuf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->oom = 1;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static void puts_(candid_strbuf *b, const char *s) { put(b, s, strlen(s)); }

static void putf(candid_strbuf *b, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The name of a numeric kind (numbers print with an annotation), else NULL. */
static const char *kind_name(uint8_t k) {
    static const char *const names[] = {
        [CANDID_NAT] = "nat",       [CANDID_INT] = "int",         [CANDID_NAT8] = "nat8",
        [CANDID_NAT16] = "nat16",   [CANDID_NAT32] = "nat32",     [CANDID_NAT64] = "nat64",
        [CANDID_INT8] = "int8",     [CANDID_INT16] = "int16",     [CANDID_INT32] = "int32",
        [CANDID_INT64] = "int64",   [CANDID_FLOAT32] = "float32", [CANDID_FLOAT64] = "float64",
    };
    return k < sizeof names / sizeof names[0] ? names[k] : NULL;
}

/* Text literal contents: escapes for quotes, backslashes and control
 * characters; UTF-8 kept. With `blob`, bytes outside printable ASCII are
 * \XX. */
static void quoted(candid_strbuf *b, const uint8_t *p, size_t n, int blob) {
    put(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(b, e, 2);
        } else if (!blob && c == '\n') {
            puts_(b, "\\n");
        } else if (!blob && c == '\t') {
            puts_(b, "\\t");
        } else if (!blob && c == '\r') {
            puts_(b, "\\r");
        } else if (c < 0x20 || c == 0x7f || (blob && c >= 0x80)) {
            putf(b, "\\%02x", c);
        } else {
            put(b, (const char *)&c, 1);
        }
    }
    put(b, "\"", 1);
}

static int is_ident(const char *s, size_t n) {
    static const char *const kw[] = {
        "type", "import", "service", "func", "opt", "vec", "record", "variant", "blob",
        "query", "oneway", "composite_query", "null", "bool", "nat", "int", "nat8", "nat16",
        "nat32", "nat64", "int8", "int16", "int32", "int64", "float32", "float64", "text",
        "reserved", "empty", "principal", "true", "false",
    };
    if (!n || (s[0] >= '0' && s[0] <= '9')) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strlen(kw[i]) == n && memcmp(kw[i], s, n) == 0) return 0;
    return 1;
}

static void label(candid_strbuf *b, const candid_field *f) {
    if (f->name && is_ident(f->name, strlen(f->name))) {
        puts_(b, f->name);
    } else if (f->name) {
        quoted(b, (const uint8_t *)f->name, strlen(f->name), 0);
    } else {
        putf(b, "%u", f->id);
    }
}

static void bignum(candid_strbuf *b, candid_bignum v) {
    mp_int m;
    char small[64];
    size_t len;
    if (mp_init(&m) != MP_OKAY || candid_bignum_to_mp(v, &m)) {
        b->oom = 1;
        return;
    }
    if (!candid_mp_to_text(&m, 1, small, sizeof small, &len)) {
        put(b, small, len);
    } else {
        char *big = malloc(len + 1);
        if (big && !candid_mp_to_text(&m, 1, big, len + 1, &len)) put(b, big, len);
        else b->oom = 1;
        free(big);
    }
    mp_clear(&m);
}

static void grouped_u64(candid_strbuf *b, uint64_t v, int neg) {
    char digits[32], out[48];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    int o = 0;
    if (neg) out[o++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) out[o++] = '_';
        out[o++] = digits[i];
    }
    put(b, out, (size_t)o);
}

static void floating(candid_strbuf *b, double d, int single) {
    char tmp[64];
    if (isnan(d)) {
        puts_(b, "nan");
        return;
    }
    if (isinf(d)) {
        puts_(b, d < 0 ? "-inf" : "inf");
        return;
    }
    /* Shortest form that reads back to the same value. */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, d);
        if (single ? (float)strtod(tmp, NULL) == (float)d : strtod(tmp, NULL) == d) break;
    }
    puts_(b, tmp);
    if (!strpbrk(tmp, ".e")) puts_(b, ".0");
}

static int is_tuple(const candid_type *t) {
    for (uint32_t i = 0; i < t->count; i++)
        if (t->fields[i].id != i || t->fields[i].name) return 0;
    return t->count > 0;
}

/* A composite value being printed: its elements one by one, then its
 * closing text. */
typedef struct frame {
    const candid_type *t;  /* the vec, record or variant (or the argument list) */
    const uint8_t *base;   /* the elements' memory */
    size_t i, n, es;       /* next element, count, vec element size */
    const char *close;
    int args, tuple;
} frame;

static candid_status scalar(candid_strbuf *b, const candid_type *t, const uint8_t *s) {
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        puts_(b, "null");
        break;
    case CANDID_BOOL:
        puts_(b, s[0] ? "true" : "false");
        break;
    case CANDID_NAT:
    case CANDID_INT:
        if (t->repr & CANDID_REPR_BIG) {
            candid_bignum v;
            memcpy(&v, s, sizeof v);
            bignum(b, v);
        } else if (t->kind == CANDID_NAT) {
            uint64_t v;
            memcpy(&v, s, 8);
            grouped_u64(b, v, 0);
        } else {
            int64_t v;
            memcpy(&v, s, 8);
            grouped_u64(b, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
        }
        putf(b, " : %s", kind_name(t->kind));
        break;
    case CANDID_NAT8: putf(b, "%u : nat8", *(const uint8_t *)s); break;
    case CANDID_NAT16: { uint16_t v; memcpy(&v, s, 2); putf(b, "%u : nat16", v); break; }
    case CANDID_NAT32: { uint32_t v; memcpy(&v, s, 4); grouped_u64(b, v, 0); puts_(b, " : nat32"); break; }
    case CANDID_NAT64: { uint64_t v; memcpy(&v, s, 8); grouped_u64(b, v, 0); puts_(b, " : nat64"); break; }
    case CANDID_INT8: putf(b, "%d : int8", *(const int8_t *)s); break;
    case CANDID_INT16: { int16_t v; memcpy(&v, s, 2); putf(b, "%d : int16", v); break; }
    case CANDID_INT32: { int32_t v; memcpy(&v, s, 4); putf(b, "%d : int32", v); break; }
    case CANDID_INT64: {
        int64_t v;
        memcpy(&v, s, 8);
        grouped_u64(b, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
        puts_(b, " : int64");
        break;
    }
    case CANDID_FLOAT32: { float v; memcpy(&v, s, 4); floating(b, v, 1); puts_(b, " : float32"); break; }
    case CANDID_FLOAT64: { double v; memcpy(&v, s, 8); floating(b, v, 0); puts_(b, " : float64"); break; }
    case CANDID_TEXT: {
        candid_slice v;
        memcpy(&v, s, sizeof v);
        quoted(b, v.ptr, v.len, 0);
        break;
    }
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE: {
        candid_slice v;
        char text[CANDID_PRINCIPAL_MAX_TEXT];
        memcpy(&v, s, sizeof v);
        if (candid_principal_to_text(v.ptr, v.len, text)) return CANDID_ERR_RANGE;
        putf(b, "%s \"%s\"", t->kind == CANDID_SERVICE ? "service" : "principal", text);
        break;
    }
    case CANDID_FUNC: {
        candid_funcref f;
        char text[CANDID_PRINCIPAL_MAX_TEXT];
        memcpy(&f, s, sizeof f);
        if (candid_principal_to_text(f.principal.ptr, f.principal.len, text)) return CANDID_ERR_RANGE;
        putf(b, "func \"%s\".", text);
        if (is_ident((const char *)f.method.ptr, f.method.len)) put(b, (const char *)f.method.ptr, f.method.len);
        else quoted(b, f.method.ptr, f.method.len, 0);
        break;
    }
    default:
        return CANDID_ERR_BAD_TYPE;
    }
    return b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
}

/* Prints the start of a composite value and pushes its frame; prints a
 * scalar whole. */
static candid_status enter(candid_strbuf *b, tstack *st, const candid_type *t, const uint8_t *s) {
    const uint8_t *base = s;
    size_t n = 0, es = 0;
    const char *open, *close = " }";
    switch (t->kind) {
    case CANDID_OPT:
        if (t->repr & CANDID_REPR_BOXED) memcpy(&base, s, sizeof base);
        else base = s[0] ? s + t->offset : NULL;
        if (!base) {
            puts_(b, "null");
            return b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
        }
        /* "opt 42 : int" would annotate the option: parenthesise. */
        open = kind_name(t->inner->kind) ? "opt (" : "opt ";
        close = kind_name(t->inner->kind) ? ")" : "";
        n = 1;
        break;
    case CANDID_VEC:
        if (t->repr & CANDID_REPR_SLICE) {
            candid_slice v;
            memcpy(&v, s, sizeof v);
            base = v.ptr;
            es = t->inner->size;
            n = es ? v.len / es : 0;
        } else {
            candid_vec v;
            memcpy(&v, s, sizeof v);
            base = v.items;
            es = candid_slot_size(t->inner);
            n = v.len;
        }
        if (t->inner->kind == CANDID_NAT8) {
            puts_(b, "blob ");
            quoted(b, base, n, 1);
            return b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
        }
        open = n ? "vec { " : "vec {}";
        close = n ? " }" : "";
        break;
    case CANDID_RECORD:
        if (t->repr & CANDID_REPR_BOXED) memcpy(&base, s, sizeof base);
        n = t->count;
        open = n ? "record { " : "record {}";
        close = n ? " }" : "";
        break;
    case CANDID_VARIANT: {
        uint32_t idx;
        if (t->repr & CANDID_REPR_BOXED) memcpy(&base, s, sizeof base);
        memcpy(&idx, base, 4);
        if (idx >= t->count) return CANDID_ERR_VARIANT_TAG;
        puts_(b, "variant { ");
        label(b, &t->fields[idx]);
        /* the case's own element: i starts at its index */
        frame *f = tstack_push(st);
        if (!f) return CANDID_ERR_ARENA_FULL;
        *f = (frame){t, base, idx, t->fields[idx].type->kind != CANDID_NULL ? idx + 1 : idx, 0, close, 0, 0};
        return b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
    }
    default:
        return scalar(b, t, s);
    }
    puts_(b, open);
    frame *f = tstack_push(st);
    if (!f) return CANDID_ERR_ARENA_FULL;
    *f = (frame){t, base, 0, n, es, close, 0, t->kind == CANDID_RECORD && is_tuple(t)};
    return b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
}

/* Prints the values of frames (the argument list at the bottom) until the
 * stack is empty: depth costs heap frames, not native stack. */
static candid_status run(candid_strbuf *b, tstack *st) {
    candid_status s = CANDID_OK;
    frame *f;
    while (!s && (f = tstack_top(st))) {
        if (f->i == f->n) {
            puts_(b, f->close);
            tstack_pop(st);
            continue;
        }
        size_t i = f->i++;
        const candid_type *t = f->t, *et;
        const uint8_t *slot;
        if (t->kind == CANDID_OPT) {
            et = t->inner;
            slot = f->base;
        } else if (t->kind == CANDID_VEC) {
            if (i) puts_(b, "; ");
            et = t->inner;
            slot = f->base + i * f->es;
        } else {
            const candid_field *fd = &t->fields[i];
            if (f->args) {
                if (i) puts_(b, ", ");
            } else if (t->kind == CANDID_VARIANT) {
                puts_(b, " = ");
            } else {
                if (i) puts_(b, "; ");
                if (!f->tuple) {
                    label(b, fd);
                    puts_(b, " = ");
                }
            }
            et = fd->type;
            slot = f->base + fd->offset;
        }
        s = enter(b, st, et, slot);
    }
    return s ? s : b->oom ? CANDID_ERR_ARENA_FULL : CANDID_OK;
}

candid_status candid_text_print_value(const candid_type *t, const void *slot, candid_strbuf *out) {
    tstack st = tstack_new(sizeof(frame));
    candid_status s = enter(out, &st, t, slot);
    if (!s) s = run(out, &st);
    tstack_free(&st);
    return s;
}

candid_status candid_text_print_args(const candid_type *args, const void *values,
                                     candid_strbuf *out) {
    tstack st = tstack_new(sizeof(frame));
    frame *f = tstack_push(&st);
    candid_status s = CANDID_ERR_ARENA_FULL;
    if (f) {
        *f = (frame){args, values, 0, args->count, 0, ")", 1, 0};
        puts_(out, "(");
        s = run(out, &st);
    }
    tstack_free(&st);
    return s;
}
