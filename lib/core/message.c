/* Appending text to explanation buffers; see message.h. */
#include "message.h"

void candid__msg_init(msgbuf *m, char *buf, size_t cap) {
    m->buf = buf;
    m->cap = buf ? cap : 0;
    m->len = 0;
    if (m->cap) buf[0] = 0;
}

void candid__msg_bytes(msgbuf *m, const char *s, size_t n) {
    if (!m->cap) return;
    /* one byte always stays free for the terminator */
    for (size_t i = 0; i < n && m->len + 1 < m->cap; i++) m->buf[m->len++] = s[i];
    m->buf[m->len] = 0;
}

void candid__msg_str(msgbuf *m, const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    candid__msg_bytes(m, s, n);
}

void candid__msg_u64(msgbuf *m, uint64_t v) {
    char d[20];
    size_t n = 0;
    do {
        d[sizeof d - ++n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    candid__msg_bytes(m, d + sizeof d - n, n);
}

void candid__msg_field(msgbuf *m, const char *what, const candid_field *f) {
    candid__msg_str(m, what);
    if (f->name) {
        candid__msg_str(m, " '");
        candid__msg_str(m, f->name);
        candid__msg_str(m, "' (id ");
        candid__msg_u64(m, f->id);
        candid__msg_str(m, ")");
    } else {
        candid__msg_str(m, " ");
        candid__msg_u64(m, f->id);
    }
}

void candid__msg_method(msgbuf *m, const candid_method *meth) {
    candid__msg_str(m, "method '");
    if (meth->name) candid__msg_bytes(m, meth->name, meth->name_len);
    candid__msg_str(m, "'");
}

void candid__msg_type(msgbuf *m, const candid_type *t) {
    candid__msg_str(m, candid_kind_name((candid_kind)t->kind));
    if (t->name) {
        candid__msg_str(m, " ");
        candid__msg_str(m, t->name);
    }
}
