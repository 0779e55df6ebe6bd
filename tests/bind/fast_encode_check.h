/* Bad values for the fast encoders' differential test and fuzz harness:
 * one slot of a well-typed value (from candid_random_value) made into
 * something candid_encode must refuse or treat specially. */
#ifndef FAST_ENCODE_MUTATE_H
#define FAST_ENCODE_MUTATE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/types.h"

/* Makes the k-th (mod their number) mutable slot of the value of type t at
 * slot bad in the way `how` picks: a bool of 2..255, text with a byte that
 * is never UTF-8, a NULL pointer with a length (text, principal, blob,
 * vector, func), a case index out of range, an option flag of 2..255.
 * Returns 0 when the value has no such slot. Looks at the first 512 slots
 * (breadth first, no recursion). */
int fe_mutate(const candid_type *t, void *slot, uint64_t k, uint64_t how);

#endif
