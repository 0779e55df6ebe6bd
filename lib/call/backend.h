/* What a call backend (ic0 or host) provides to the shared envelope code.
 * Internal to lib/call. */
#ifndef CANDID_CALL_BACKEND_H
#define CANDID_CALL_BACKEND_H

#include "candid/call.h"

/* Starts the call on the system (ic0: call_new; host: a pending message). */
candid_status candid__call_begin(candid_call *c);
/* Appends argument bytes to the call under construction. */
int candid__call_append(candid_call *c, const uint8_t *p, size_t n);
/* Adds cycles and sends. */
candid_status candid__call_send(candid_call *c);

#endif
