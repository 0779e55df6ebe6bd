/* libcandid: walking decoded values generically.
 *
 * For consumers that do not know the types at compile time (printers,
 * comparators, tools, fuzzers): decode at any description (for instance the
 * message's own types from candid_wire_types) and walk the result. The walk
 * reports a flat stream of events in value order and keeps its own stack in
 * caller memory, so deep values need no native stack.
 */
#ifndef CANDID_VISIT_H
#define CANDID_VISIT_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum candid_event_kind {
    CANDID_EV_VALUE, /* a leaf: a primitive, a reference, or a vec in SLICE
                        representation (slot is its candid_slice) */
    CANDID_EV_ENTER, /* an opt, vec, record or variant begins */
    CANDID_EV_LEAVE  /* ...and ends, after its contents */
} candid_event_kind;

typedef struct candid_event {
    candid_event_kind kind;
    const candid_type *type;
    /* VALUE: the value's slot. ENTER: the unboxed contents (record or
     * variant block, the opt's inner slot or NULL for none, the vec's
     * items). LEAVE: as at ENTER. */
    const void *slot;
    /* The record field or variant case holding this value (a variant's
     * payload reports the chosen case); NULL at the top and inside opt and
     * vec. */
    const candid_field *field;
    uint64_t index;  /* position inside the enclosing vec or record */
    uint64_t count;  /* ENTER: fields, elements, 1 for opt some, 0 for none */
    uint32_t depth;  /* 0 at the top */
} candid_event;

/* Returns CANDID_OK to continue; anything else stops the walk and is
 * returned by candid_visit. */
typedef candid_status (*candid_visit_fn)(void *ctx, const candid_event *ev);

/* Walks the value of type t in `slot`. `work` holds the walk's stack (32
 * bytes per nesting level). Fails with the callback's status,
 * CANDID_ERR_DEPTH beyond max_depth levels (0 for 4096), CANDID_ERR_WORK_FULL
 * when work is too small, CANDID_ERR_VARIANT_TAG for a variant case index
 * out of range and CANDID_ERR_BAD_TYPE for an inconsistent description or
 * a NULL pointer in the slot of a BOXED record (with fields) or variant. */
candid_status candid_visit(const candid_type *t, const void *slot, candid_visit_fn fn,
                           void *ctx, void *work, size_t work_cap, uint32_t max_depth);

#ifdef __cplusplus
}
#endif
#endif
