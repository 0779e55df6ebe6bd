/* libcandid: subtyping and structural equality of type graphs, with a
 * reason when they fail.
 *
 * The relation is the spec's ("Upgrading and Subtyping"), decided
 * coinductively for recursive types. The check keeps its stack and its memo
 * in caller memory, so types of any nesting depth take constant native
 * stack; the memory needed grows with the number of distinct composite type
 * pairs examined, at most about 140 bytes each on 64-bit hosts (a frame on
 * the current path and the memo with its growth): 100,000 nested records
 * take 14 MB.
 */
#ifndef CANDID_SUBTYPE_H
#define CANDID_SUBTYPE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    /* Structural equality instead of subtyping: same kinds, same fields,
     * cases, methods, arguments and annotations (names of definitions and
     * C layout are ignored). */
    CANDID_SUB_EQUAL = 1u << 0
};

/* Decides t1 <: t2 (or t1 = t2 with CANDID_SUB_EQUAL) and stores 1 or 0 in
 * *result. When the answer is 0 and why_cap > 0, `why` receives a
 * NUL-terminated explanation, truncated to why_cap bytes: the path from the
 * top to the first difference found, then what differs, for example
 * `argument 0 > field 'to' (id 25979) > opt: text is not a subtype of nat`.
 * On success `why` is the empty string.
 *
 * Fails with CANDID_ERR_ARGUMENT when a pointer argument is NULL,
 * CANDID_ERR_BAD_TYPE when a graph has a NULL where a type is needed, and
 * CANDID_ERR_WORK_FULL when work[0..work_cap) is too small. */
candid_status candid_subtype_explain(const candid_type *t1, const candid_type *t2,
                                     unsigned flags, void *work, size_t work_cap,
                                     int *result, char *why, size_t why_cap);

typedef void (*candid_subtype_warn_fn)(void *ctx, const char *warning);

/* Where does t1 <: t2 hold only by the special opt rule? That rule makes
 * every t a subtype of any opt t' (and opt t of opt t'): when t is not a
 * subtype of t', a receiver at the supertype reads null where the sender
 * had a value. `warn` is called once for each such place with the path to
 * it and what differs below the option, as candid_subtype_explain writes
 * them; the text lives until the call returns. A pair of types is examined
 * once, so a difference reached along several paths is reported once.
 * Meant for pairs where t1 <: t2 holds (ask candid_subtype_explain first):
 * on others the search stops at the first difference outside options, or
 * may not reach it. Fails as candid_subtype_explain does. */
candid_status candid_subtype_warnings(const candid_type *t1, const candid_type *t2, void *work,
                                      size_t work_cap, candid_subtype_warn_fn warn, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
