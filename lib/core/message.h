/* Explanations written into caller buffers (subtype reasons, descriptor
 * errors): the core has no printf, so these append pieces one by one. The
 * text is always NUL-terminated and silently truncated to the buffer. */
#ifndef CANDID_CORE_MESSAGE_H
#define CANDID_CORE_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/types.h"

typedef struct msgbuf {
    char *buf; /* may be NULL when cap is 0 */
    size_t cap;
    size_t len;
} msgbuf;

void candid__msg_init(msgbuf *m, char *buf, size_t cap);
void candid__msg_bytes(msgbuf *m, const char *s, size_t n);
void candid__msg_str(msgbuf *m, const char *s);
void candid__msg_u64(msgbuf *m, uint64_t v);

/* "field 'name' (id 123)", or "field 123" when the field has no name;
 * `what` replaces "field" (e.g. "case"). */
void candid__msg_field(msgbuf *m, const char *what, const candid_field *f);

/* "method 'name'" */
void candid__msg_method(msgbuf *m, const candid_method *meth);

/* The kind's name, followed by " Name" when the type names a definition. */
void candid__msg_type(msgbuf *m, const candid_type *t);

#endif
