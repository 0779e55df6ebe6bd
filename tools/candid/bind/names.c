/* Identifiers of generated code: escaping Candid names into C and keeping
 * every public name unique (a set of strings, open addressing). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"

struct bind_names {
    char **slot;
    size_t cap, n;
};

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fputs("candid: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

char *bind_fmt(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = xcalloc((size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

bind_names *bind_names_new(void) {
    bind_names *n = xcalloc(1, sizeof *n);
    n->cap = 1024;
    n->slot = xcalloc(n->cap, sizeof *n->slot);
    return n;
}

void bind_names_free(bind_names *n) {
    if (!n) return;
    for (size_t i = 0; i < n->cap; i++) free(n->slot[i]);
    free(n->slot);
    free(n);
}

static size_t hash(const char *s) {
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 1099511628211u;
    return h;
}

static size_t find(const bind_names *n, const char *s) {
    size_t i = hash(s) & (n->cap - 1);
    while (n->slot[i] && strcmp(n->slot[i], s) != 0) i = (i + 1) & (n->cap - 1);
    return i;
}

int bind_names_taken(const bind_names *n, const char *s) {
    return n->slot[find(n, s)] != NULL;
}

static void insert(bind_names *n, const char *s) {
    if (2 * (n->n + 1) > n->cap) {
        bind_names bigger = {xcalloc(2 * n->cap, sizeof(char *)), 2 * n->cap, n->n};
        for (size_t i = 0; i < n->cap; i++)
            if (n->slot[i]) bigger.slot[find(&bigger, n->slot[i])] = n->slot[i];
        free(n->slot);
        *n = bigger;
    }
    n->slot[find(n, s)] = bind_fmt("%s", s);
    n->n++;
}

char *bind_names_reserve(bind_names *n, const char *want) {
    char *s = bind_fmt("%s", want);
    for (unsigned k = 2; bind_names_taken(n, s); k++) {
        free(s);
        s = bind_fmt("%s_%u", want, k);
    }
    insert(n, s);
    return s;
}

/* C11 keywords and the macros of stdbool.h and stddef.h. */
static const char *const reserved[] = {
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
    "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
    "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
    "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas",
    "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
    "_Static_assert", "_Thread_local", "bool", "true", "false", "NULL",
};

char *bind_escape(const char *name, size_t len) {
    char *out = xcalloc(4 * len + 3, 1);
    size_t o = 0;
    if (len == 0 || (name[0] >= '0' && name[0] <= '9')) out[o++] = '_';
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)name[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
            out[o++] = (char)c;
        } else if (c < 0x80) {
            out[o++] = '_';
        } else {
            o += (size_t)sprintf(out + o, "_x%02X", c);
        }
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
        if (strcmp(out, reserved[i]) == 0) {
            out[o++] = '_';
            break;
        }
    }
    return out;
}

char *bind_c_string(const char *s, size_t len) {
    char *out = xcalloc(4 * len + 3, 1);
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c == '"' || c == '\\' || c == '?') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c >= 0x20 && c < 0x7f) {
            out[o++] = (char)c;
        } else {
            o += (size_t)sprintf(out + o, "\\%03o", c);
        }
    }
    out[o++] = '"';
    return out;
}
