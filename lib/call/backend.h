/* What a call backend (ic0 or host) provides to the shared envelope code,
 * and what the shared code gives back. Internal to lib/call. */
#ifndef CANDID_CALL_BACKEND_H
#define CANDID_CALL_BACKEND_H

#include "candid/call.h"

/* Starts the call on the system (ic0: call_new; host: a pending message). */
candid_status candid__call_begin(candid_call *c);
/* Appends argument bytes to the call under construction; 0 on success. */
int candid__call_append(candid_call *c, const uint8_t *p, size_t n);
/* Adds cycles and sends. CANDID_OK, or CANDID_ERR_CALL with c->refused set
 * when the system refuses the call; never runs the continuation. */
candid_status candid__call_send(candid_call *c);
/* Drops the call under construction, if any: it will not be sent. */
void candid__call_cancel(candid_call *c);

/* How many bytes of the UTF-8 text s[0..len) to keep in cap bytes: len
 * when it fits, else cap less any character that starts before cap but
 * ends after it. Reads only s[0..cap) when it cuts, so a copy of the first
 * cap bytes will do. */
size_t candid__utf8_clip(const uint8_t *s, size_t len, size_t cap);

#endif
