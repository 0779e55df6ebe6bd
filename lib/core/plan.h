/* The coercion plan: what the decoder does for each (wire type, expected
 * type) pair, compiled once per header and expected type and then only
 * interpreted. Internal to lib/core.
 *
 * A plan is an array of 32-bit words. A node takes NODE_WORDS words:
 *   w[0] = op | flags << 8, w[1..4] = a, b, c, d (meaning per op below).
 * Nodes are referred to by their word offset, which keeps plans position
 * independent (they are copied into cache slots). Record steps and variant
 * maps live in the same array. */
#ifndef CANDID_CORE_PLAN_H
#define CANDID_CORE_PLAN_H

#include <stdint.h>

#define NODE_WORDS 5
#define NO_NODE 0xffffffffu

enum plan_op {
    /* Decoding into a slot. */
    OP_NOP,          /* nothing to read or write (null, reserved→reserved) */
    OP_BOOL,         /* byte 0/1 → uint8_t */
    OP_FIXED,        /* a = byte width: fixed-width number or float */
    OP_NAT_U64,      /* LEB128 → uint64_t (range checked) */
    OP_NAT_I64,      /* LEB128 → int64_t (nat at int) */
    OP_INT_I64,      /* SLEB128 → int64_t */
    OP_NAT_BIG,      /* LEB128 slice, is_signed 0 */
    OP_INT_BIG,      /* SLEB128 slice, is_signed 1 */
    OP_TEXT,         /* length + UTF-8 → candid_slice */
    OP_PRINCIPAL,    /* tag 1 + length + bytes → candid_slice */
    OP_FUNC,         /* tag 1 + principal + method text → candid_funcref */
    OP_OPT_NONE,     /* write none; reads nothing. a = inner offset (inline)
                        b = inner slot size; flag BOXED */
    OP_OPT_FLAG,     /* wire opt: read 0/1; on 1 try child a; on coercion
                        failure skip with b. c = inner offset (inline) or
                        inner slot size (BOXED); d = inner size (inline) or
                        inner align (BOXED) */
    OP_OPT_WRAP,     /* wire non-opt value at opt: try child a, else skip
                        with b and write none; a = NO_NODE when the types
                        decide none statically. c, d as OP_OPT_FLAG */
    OP_VEC,          /* a = child, b = element slot size, c = align,
                        d = element wire size is at least one byte */
    OP_VEC_BULK,     /* a = element width: same fixed-width type, one copy */
    OP_VEC_SLICE,    /* a = element width (0: kinds differ, only empty
                        vectors coerce) → candid_slice of the raw bytes */
    OP_RECORD,       /* a = first step, b = steps; each step is (node,
                        offset) in two words, offset 0 when skipped; the
                        steps' field ids follow them, one word each.
                        BOXED: c = block size, d = align */
    OP_VARIANT,      /* a = first map entry, b = wire cases; each entry is
                        (expected index or NO_NODE, node, offset); the
                        cases' wire ids follow the map, one word each.
                        BOXED: c = block size, d = align */
    OP_FAIL,         /* coercion failure, described for error messages:
                        a = wire kind, b = expected kind (both 0: a variant
                        case the expected type lacks); d = 1 when the wire
                        record lacks the required field of id c */
    OP_MISSING_ARG,  /* a required argument is absent (top level only);
                        a = its index */
    /* Skipping (no slot). Everything from here counts as skipping. */
    OP_SKIP_FIXED,   /* a = bytes */
    OP_SKIP_BOOL,
    OP_SKIP_LEB,
    OP_SKIP_TEXT,
    OP_SKIP_PRINCIPAL,
    OP_SKIP_FUNC,
    OP_SKIP_OPT,     /* a = child */
    OP_SKIP_VEC,     /* a = child, b = fixed element width or 0, d as OP_VEC */
    OP_SKIP_RECORD,  /* a = first step, b = steps (node only, one word),
                        then the steps' field ids */
    OP_SKIP_VARIANT, /* a = first entry, b = cases (node only, one word),
                        then the cases' ids */
    OP_SKIP_FUTURE,
    OP_EMPTY         /* a value of type empty: always an error */
};

#define PF_BOXED 1u
/* OP_OPT_FLAG: the child cannot fail to coerce (no failing op is reachable
 * from it without passing another option), so no fallback is needed. */
#define PF_SURE 2u

#endif
