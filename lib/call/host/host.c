/* The in-process call backend; see include/candid/host.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../backend.h"
#include "candid/host.h"

/* The host call.h's functions act on: harnesses are single-threaded. */
static candid_host *active;

candid_status candid_host_init(candid_host *h, void *mem, size_t cap) {
    if (!h) return CANDID_ERR_ARGUMENT;
    memset(h, 0, sizeof *h);
    h->_private.slot_bytes = cap / CANDID_HOST_MESSAGES / 2;
    if (!mem || h->_private.slot_bytes < 512) return CANDID_ERR_ARGUMENT;
    h->_private.mem = mem;
    h->_private.current = -1;
    h->_private.building = -1;
    return CANDID_OK;
}

void candid_host_activate(candid_host *h) { active = h; }

void candid_host_refuse_calls(candid_host *h, uint32_t code) { h->_private.refuse_code = code; }

candid_status candid_host_add(candid_host *h, const candid_host_canister *c) {
    if (h->_private.ncanisters == CANDID_HOST_CANISTERS) return CANDID_ERR_LIMIT;
    h->_private.canisters[h->_private.ncanisters++] = c;
    return CANDID_OK;
}

static int new_msg(candid_host *h) {
    for (int i = 0; i < CANDID_HOST_MESSAGES; i++) {
        candid_host_msg *m = &h->_private.msgs[i];
        if (m->kind) continue;
        memset(m, 0, sizeof *m);
        m->arg = h->_private.mem + (size_t)i * 2 * h->_private.slot_bytes;
        m->arg_cap = h->_private.slot_bytes;
        m->reply = m->arg + h->_private.slot_bytes;
        m->reply_cap = h->_private.slot_bytes;
        m->parent = -1;
        return i;
    }
    return -1;
}

static const candid_host_canister *find(candid_host *h, const uint8_t *id, size_t len) {
    for (size_t i = 0; i < h->_private.ncanisters; i++)
        if (h->_private.canisters[i]->id_len == len && memcmp(h->_private.canisters[i]->id, id, len) == 0)
            return h->_private.canisters[i];
    return NULL;
}

/* Copies as much of the UTF-8 text src[0..n) as fits dst[0..cap), whole
 * characters only; returns the length copied. */
static size_t clip_copy(char *dst, size_t cap, const char *src, size_t n) {
    n = candid__utf8_clip((const uint8_t *)src, n, cap);
    memcpy(dst, src, n);
    return n;
}

static void reject(candid_host_msg *m, uint32_t code, const char *msg, size_t len) {
    m->replied = 2;
    m->reject_code = code;
    m->reject_len = clip_copy(m->reject_msg, sizeof m->reject_msg, msg, len);
}

/* Frees the calls a handler began but did not perform: as on the IC, a
 * call under construction when the message ends is dropped. */
static void drop_unsent(candid_host *h, int ctx) {
    for (int i = 0; i < CANDID_HOST_MESSAGES; i++) {
        candid_host_msg *m = &h->_private.msgs[i];
        if (m->kind != -1 || m->parent != ctx) continue;
        m->call->_private.state = 0;
        m->kind = 0;
    }
}

/* Runs `fn` for message `ctx` (a call, or the call context a continuation
 * belongs to), turning a trap into a reject. */
static void run_handler(candid_host *h, int ctx, void (*fn)(void *), void *arg) {
    int saved = h->_private.current;
    h->_private.current = ctx;
    if (setjmp(h->_private.trap) == 0) {
        fn(arg);
    } else if (ctx >= 0 && !h->_private.msgs[ctx].replied) {
        char msg[160];
        size_t n = strlen(h->_private.trap_msg);
        memcpy(msg, "Canister trapped: ", 18);
        memcpy(msg + 18, h->_private.trap_msg, n);
        reject(&h->_private.msgs[ctx], CANDID_REJECT_CANISTER_ERROR, msg, 18 + n);
    }
    drop_unsent(h, ctx);
    h->_private.current = saved;
}

static void call_method(void *p) { ((candid_method_fn)p)(); }

typedef struct response { candid_call *call; candid_outcome o; } response;
static void call_continuation(void *p) {
    response *r = p;
    r->call->_private.done(r->call, &r->o);
}

static int outstanding(candid_host *h, int i) {
    for (int j = 0; j < CANDID_HOST_MESSAGES; j++)
        if ((h->_private.msgs[j].kind == 1 || h->_private.msgs[j].kind == 2) && h->_private.msgs[j].parent == i && h->_private.msgs[j].call)
            return 1;
    return 0;
}

/* After a method or one of its continuations ran: a message with no answer
 * and nothing left to wait for failed; an answered one becomes a response
 * for its caller (the harness collects ingress answers itself). */
static void settle(candid_host *h, int i) {
    candid_host_msg *m = &h->_private.msgs[i];
    if (!m->replied && !outstanding(h, i))
        reject(m, CANDID_REJECT_CANISTER_ERROR, "Canister did not reply to the call", 34);
    if (m->replied && !m->ingress) m->kind = 2;
}

static void dispatch(candid_host *h, int i) {
    candid_host_msg *m = &h->_private.msgs[i];
    const candid_host_canister *c = find(h, m->callee_id, m->callee_id_len);
    if (!c) {
        reject(m, CANDID_REJECT_DESTINATION_INVALID, "Canister not found", 18);
        return;
    }
    for (size_t k = 0; k < c->nmethods; k++) {
        if (strlen(c->methods[k].name) == m->method_len &&
            memcmp(c->methods[k].name, m->method, m->method_len) == 0) {
            m->callee = c;
            run_handler(h, i, call_method, (void *)c->methods[k].fn);
            return;
        }
    }
    reject(m, CANDID_REJECT_CANISTER_ERROR, "Canister has no such method", 27);
}

/* Delivers one queued message or response; returns 0 when none is left. */
static int step(candid_host *h) {
    for (int i = 0; i < CANDID_HOST_MESSAGES; i++) {
        candid_host_msg *m = &h->_private.msgs[i];
        if (m->kind == 1 && !m->started) {
            m->started = 1;
            dispatch(h, i);
            settle(h, i);
            return 1;
        }
        if (m->kind == 2 && m->call) {
            response r = {m->call, {0}};
            r.o.replied = m->replied == 1;
            r.o.reply = m->reply;
            r.o.reply_len = m->reply_len;
            r.o.reject_code = m->reject_code;
            r.o.reject_message = m->reject_msg;
            r.o.reject_message_len = m->reject_len;
            int parent = m->parent;
            m->kind = 3; /* being delivered: its bytes stay, nobody waits on it */
            run_handler(h, parent, call_continuation, &r);
            m->kind = 0;
            if (parent >= 0) settle(h, parent);
            return 1;
        }
    }
    return 0;
}

candid_status candid_host_ingress(candid_host *h, const uint8_t *callee, size_t callee_len,
                                  const char *method, const uint8_t *caller, size_t caller_len,
                                  const uint8_t *arg, size_t arg_len, candid_outcome *out) {
    int i = new_msg(h);
    if (i < 0) return CANDID_ERR_LIMIT;
    candid_host_msg *m = &h->_private.msgs[i];
    if (arg_len > m->arg_cap || caller_len > sizeof m->caller) return CANDID_ERR_BUFFER_FULL;
    m->kind = 1;
    m->ingress = 1;
    m->callee_id = callee;
    m->callee_id_len = callee_len;
    m->method = method;
    m->method_len = strlen(method);
    memcpy(m->caller, caller, caller_len);
    m->caller_len = caller_len;
    if (arg_len) memcpy(m->arg, arg, arg_len);
    m->arg_len = arg_len;
    candid_host_activate(h);
    while (step(h)) {
    }
    memset(out, 0, sizeof *out);
    out->replied = m->replied == 1;
    out->reply = m->reply;
    out->reply_len = m->reply_len;
    out->reject_code = m->reject_code;
    out->reject_message = m->reject_msg;
    out->reject_message_len = m->reject_len;
    m->kind = 0;
    return m->replied ? CANDID_OK : CANDID_ERR_CALL;
}

_Noreturn void candid_trap(const char *msg) {
    if (!msg) msg = "";
    if (!active || active->_private.current < 0) {
        /* No handler's jump buffer to return to: a harness bug, said plainly. */
        fprintf(stderr, "candid_trap outside a method (no message is being handled): %s\n", msg);
        abort();
    }
    size_t n = clip_copy(active->_private.trap_msg, sizeof active->_private.trap_msg - 1, msg, strlen(msg));
    active->_private.trap_msg[n] = 0;
    longjmp(active->_private.trap, 1);
}

/* ---- call.h, answering side ---- */

static candid_host_msg *cur(void) {
    if (!active || active->_private.current < 0) candid_trap("a call.h function needs a message");
    return &active->_private.msgs[active->_private.current];
}

size_t candid_msg_arg_size(void) { return cur()->arg_len; }

void candid_msg_arg_copy(void *dst, size_t offset, size_t size) {
    candid_host_msg *m = cur();
    if (offset > m->arg_len || size > m->arg_len - offset) candid_trap("msg_arg_data_copy out of range");
    memcpy(dst, m->arg + offset, size);
}

size_t candid_msg_caller(uint8_t *dst, size_t cap) {
    candid_host_msg *m = cur();
    if (m->caller_len > cap) candid_trap("caller buffer too small");
    memcpy(dst, m->caller, m->caller_len);
    return m->caller_len;
}

size_t candid_self(uint8_t *dst, size_t cap) {
    candid_host_msg *m = cur();
    if (m->callee_id_len > cap) candid_trap("self buffer too small");
    memcpy(dst, m->callee_id, m->callee_id_len);
    return m->callee_id_len;
}

void candid_msg_reply_append(const void *p, size_t n) {
    candid_host_msg *m = cur();
    if (m->replied) candid_trap("reply after the message was answered");
    if (n > m->reply_cap - m->reply_len) candid_trap("reply larger than the host's message slot");
    memcpy(m->reply + m->reply_len, p, n);
    m->reply_len += n;
}

void candid_msg_reply(void) {
    candid_host_msg *m = cur();
    if (m->replied) candid_trap("reply after the message was answered");
    m->replied = 1;
}

void candid_msg_reject(const char *msg, size_t len) {
    candid_host_msg *m = cur();
    if (m->replied) candid_trap("reject after the message was answered");
    reject(m, CANDID_REJECT_CANISTER_REJECT, msg, len);
}

/* ---- call.h, caller side ---- */

candid_status candid__call_begin(candid_call *c) {
    candid_host *h = active;
    if (!h || h->_private.current < 0) return CANDID_ERR_CALL;
    int i = new_msg(h);
    if (i < 0) return CANDID_ERR_LIMIT;
    candid_host_msg *m = &h->_private.msgs[i];
    candid_host_msg *self = &h->_private.msgs[h->_private.current];
    /* Copied, as ic0.call_new copies them: the caller's buffers may be gone
     * (a stack frame, an arena reset) when the call is delivered. */
    if (c->_private.callee_len > sizeof m->callee_copy || c->_private.method_len > sizeof m->method_copy)
        return CANDID_ERR_LIMIT;
    m->kind = -1; /* under construction: not delivered yet */
    if (c->_private.callee_len) memcpy(m->callee_copy, c->_private.callee, c->_private.callee_len);
    memcpy(m->method_copy, c->_private.method, c->_private.method_len);
    m->callee_id = m->callee_copy;
    m->callee_id_len = c->_private.callee_len;
    m->method = m->method_copy;
    m->method_len = c->_private.method_len;
    m->caller_len = self->callee_id_len < sizeof m->caller ? self->callee_id_len : sizeof m->caller;
    memcpy(m->caller, self->callee_id, m->caller_len);
    m->call = c;
    m->parent = h->_private.current;
    c->_private.state = i + 1; /* the message under construction, 0 for none */
    return CANDID_OK;
}

int candid__call_append(candid_call *c, const uint8_t *p, size_t n) {
    if (!c->_private.state) return -1; /* dropped with the handler that began it */
    candid_host_msg *m = &active->_private.msgs[c->_private.state - 1];
    if (n > m->arg_cap - m->arg_len) return -1;
    memcpy(m->arg + m->arg_len, p, n);
    m->arg_len += n;
    return 0;
}

void candid__call_cancel(candid_call *c) {
    if (!c->_private.state) return;
    active->_private.msgs[c->_private.state - 1].kind = 0;
    c->_private.state = 0;
}

candid_status candid__call_send(candid_call *c) {
    if (!c->_private.state) return CANDID_ERR_CALL; /* dropped with its handler */
    if (active->_private.refuse_code) {
        c->refused = active->_private.refuse_code;
        candid__call_cancel(c);
        return CANDID_ERR_CALL;
    }
    active->_private.msgs[c->_private.state - 1].kind = 1; /* delivered when the queue runs */
    c->_private.state = 0;
    return CANDID_OK;
}
