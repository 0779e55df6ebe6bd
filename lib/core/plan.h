/* The coercion plan: what the decoder does for each (wire type, expected
 * type) pair, compiled once per header and expected type and then only
 * interpreted. Internal to lib/core.
 *
 * A plan is an array of 32-bit words holding nodes (struct pnode, NODE_WORDS
 * words each) and the step lists of records and case maps of variants.
 * Nodes are referred to by their word offset, which keeps plans position
 * independent (they are copied into cache slots). The compiler takes every
 * decision the types allow, leafness included: the interpreter only reads
 * the flags. */
#ifndef CANDID_CORE_PLAN_H
#define CANDID_CORE_PLAN_H

#include <stdint.h>

#define NODE_WORDS 5
#define NO_NODE 0xffffffffu

enum plan_op {
    /* Decoding into a slot. */
    OP_NOP,          /* nothing to read or write (null, reserved→reserved) */
    OP_BOOL,         /* byte 0/1 → uint8_t */
    OP_FIXED,        /* fixed: fixed-width number or float */
    OP_NAT_U64,      /* LEB128 → uint64_t (range checked) */
    OP_NAT_I64,      /* LEB128 → int64_t (nat at int) */
    OP_INT_I64,      /* SLEB128 → int64_t */
    OP_NAT_BIG,      /* LEB128 slice, is_signed 0 */
    OP_INT_BIG,      /* SLEB128 slice, is_signed 1 */
    OP_TEXT,         /* length + UTF-8 → candid_slice */
    OP_PRINCIPAL,    /* tag 1 + length + bytes → candid_slice */
    OP_FUNC,         /* tag 1 + principal + method text → candid_funcref */
    OP_OPT_NONE,     /* opt: write none, read nothing (child, skip unused) */
    OP_OPT_FLAG,     /* opt: wire opt, read 0/1; on 1 try child, on coercion
                        failure skip with skip */
    OP_OPT_WRAP,     /* opt: wire non-opt value at opt: try child, else skip
                        with skip and write none; child = NO_NODE when the
                        types decide none statically */
    OP_VEC,          /* vec: child per element into slots of size, align */
    OP_VEC_BULK,     /* fixed: element width; same fixed-width type, one copy */
    OP_VEC_SLICE,    /* fixed: element width (0: kinds differ, only empty
                        vectors coerce) → candid_slice of the raw bytes */
    OP_RECORD,       /* agg: count steps of (node, offset) from first, an
                        offset 0 when skipped, then their field ids, one
                        word each. BOXED: a block of size, align */
    OP_VARIANT,      /* agg: count entries (expected index or NO_NODE,
                        node, offset) from first, then the wire cases' ids.
                        BOXED: a block of size, align */
    OP_FAIL,         /* fail: coercion failure, described for error
                        messages (wire and expected kinds both 0: a variant
                        case the expected type lacks; is_field: the wire
                        record lacks the required field id) */
    OP_MISSING_ARG,  /* missing: a required argument is absent (top only) */
    /* Skipping (no slot; skipped record fields may have one, never
     * written). */
    OP_SKIP_FIXED,   /* fixed: bytes */
    OP_SKIP_BOOL,
    OP_SKIP_LEB,
    OP_SKIP_TEXT,
    OP_SKIP_PRINCIPAL,
    OP_SKIP_FUNC,
    OP_SKIP_OPT,     /* opt.child */
    OP_SKIP_VEC,     /* vec: child, width = fixed element width or 0 */
    OP_SKIP_RECORD,  /* agg: count steps (node only, one word) from first,
                        then the steps' field ids */
    OP_SKIP_VARIANT, /* agg: count cases (node only) from first, then ids */
    OP_SKIP_FUTURE,
    OP_EMPTY         /* a value of type empty: always an error */
};

typedef struct pnode {
    uint8_t op;
    uint8_t flags;
    uint16_t align; /* boxed blocks and vector elements */
    union {
        struct {
            uint32_t width;
        } fixed;
        struct {
            uint32_t child, skip;
            uint32_t off;  /* inline: where the value lies after the flag */
            uint32_t size; /* the value's (inline) or the block's (BOXED) */
        } opt;
        struct {
            uint32_t child;
            uint32_t size;  /* element slot size */
            uint32_t width; /* OP_SKIP_VEC: fixed element width or 0 */
            uint32_t min1;  /* every element takes at least one byte */
        } vec;
        struct {
            uint32_t first, count;
            uint32_t size; /* BOXED block */
        } agg;
        struct {
            uint32_t wire, exp, id, is_field;
        } fail;
        struct {
            uint32_t index;
        } missing;
    };
} pnode;

_Static_assert(sizeof(pnode) == NODE_WORDS * 4, "a node is NODE_WORDS words");

static inline const pnode *node_at(const uint32_t *plan, uint32_t n) {
    return (const pnode *)(const void *)(plan + n);
}

/* The scalar ops: one value, nothing nested, never a failure to coerce.
 * Each is written once, in leaf.h, as a function scalar_NAME(keep, var)
 * that every path of the interpreter uses: a single value, a vector's
 * elements, a record's fields. X(op, NAME, keep, var): keep 0 for the
 * skipping ops (they read and check the same bytes, and store nothing);
 * var selects a variant of NAME. */
#define SCALAR_OPS(X)                                                          \
    X(OP_NOP, nop, 1, 0)                                                       \
    X(OP_BOOL, bool, 1, 0)                                                     \
    X(OP_FIXED, fixed, 1, 0)                                                   \
    X(OP_NAT_U64, nat, 1, 0)                                                   \
    X(OP_NAT_I64, nat, 1, 1)                                                   \
    X(OP_INT_I64, int, 1, 0)                                                   \
    X(OP_NAT_BIG, big, 1, 0)                                                   \
    X(OP_INT_BIG, big, 1, 1)                                                   \
    X(OP_TEXT, text, 1, 0)                                                     \
    X(OP_PRINCIPAL, principal, 1, 0)                                           \
    X(OP_FUNC, func, 1, 0)                                                     \
    X(OP_OPT_NONE, none, 1, 0)                                                 \
    X(OP_SKIP_FIXED, fixed, 0, 0)                                              \
    X(OP_SKIP_BOOL, bool, 0, 0)                                                \
    X(OP_SKIP_LEB, big, 0, 0)                                                  \
    X(OP_SKIP_TEXT, text, 0, 0)                                                \
    X(OP_SKIP_PRINCIPAL, principal, 0, 0)                                      \
    X(OP_SKIP_FUNC, func, 0, 0)                                                \
    X(OP_SKIP_FUTURE, future, 0, 0)

#define PF_BOXED 1u
/* OP_OPT_FLAG: the child cannot fail to coerce (no failing op is reachable
 * from it without passing another option), so no fallback is needed. */
#define PF_SURE 2u
/* A leaf: a value that cannot fail to coerce and needs no frame. A scalar
 * (any op of SCALAR_OPS), an inline option of a scalar, or an unboxed
 * variant all of whose cases are scalars the expected type has. */
#define PF_LEAF 4u
/* A scalar leaf: decoded by one entry of the op table, nothing nested. */
#define PF_SCALAR 8u
/* OP_RECORD, unboxed, a vector's element: every step is a leaf, so the
 * record is one loop over its (leaf node, offset) steps and a vector of
 * them one loop over the records. */
#define PF_LEAVES 16u

#endif
