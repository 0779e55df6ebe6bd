/* See stack.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stack.h"

tstack tstack_new(size_t elem) {
    tstack s = {NULL, 0, 0, elem};
    return s;
}

void *tstack_push(tstack *s) {
    if (s->len == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        if (cap > SIZE_MAX / s->elem) return NULL;
        unsigned char *d = realloc(s->data, cap * s->elem);
        if (!d) return NULL;
        s->data = d;
        s->cap = cap;
    }
    void *f = s->data + s->len++ * s->elem;
    memset(f, 0, s->elem);
    return f;
}

void *tstack_top(const tstack *s) {
    return s->len ? s->data + (s->len - 1) * s->elem : NULL;
}

void *tstack_at(const tstack *s, size_t i) {
    return s->data + i * s->elem;
}

void tstack_pop(tstack *s) {
    if (s->len) s->len--;
}

void tstack_free(tstack *s) {
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
}
