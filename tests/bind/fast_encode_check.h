/* The fast encoders' differential check, shared by the test
 * (fast_encode.c) and the fuzz harness (fuzz/fast_encode): the generated
 * encoder against candid_encode on one value, and bad values made from
 * good ones. */
#ifndef FAST_ENCODE_CHECK_H
#define FAST_ENCODE_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "candid/call.h"
#include "candid/types.h"

/* Encodes v with enc (a generated NAME_METHOD_args_message) and with
 * candid_encode at h, work as the stubs give it (work_cap bytes), into a
 * large buffer, a buffer of half the size needed, a size-only writer, a
 * streaming writer of 7-byte chunks and a writer with BUFFER_FULL latched
 * already. Returns NULL when every status, latched error, `total` and
 * byte written is the same, else what differs (static storage). */
const char *fe_compare(candid_encode_fn enc, const candid_header *h, const void *v,
                       size_t work_cap);

/* Makes the k-th (mod their number) mutable slot of the value of type t at
 * slot bad in the way `how` picks: a bool of 2..255, text with a byte that
 * is never UTF-8, a NULL pointer with a length (text, principal, blob,
 * vector, func), a case index out of range, an option flag of 2..255, a
 * bignum slice cut short, NULL or of the other (or no) signedness.
 * Returns 0 when the value has no such slot. Looks at the first 512 slots
 * (breadth first, no recursion). */
int fe_mutate(const candid_type *t, void *slot, uint64_t k, uint64_t how);

#endif
