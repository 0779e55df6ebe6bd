/* libcandid: descriptions of Candid types and of their C representation.
 *
 * A candid_type says two things at once: which Candid type it is, and how a
 * value of that type is laid out in C memory (its "slot"). Generated stubs
 * declare them as `static const` data (recursive types through forward
 * declarations); tools build them at run time with candid_type_layout() filling
 * in sizes and offsets. Decoder and encoder are one engine each that interpret
 * these descriptions, in the spirit of nanopb's message descriptors.
 *
 * Slot layout per kind (repr flags change it where noted):
 *   null, reserved, empty      size 0; nothing is stored.
 *   bool                       uint8_t, 0 or 1.
 *   nat8..nat64, int8..int64   uint8_t..int64_t, host byte order.
 *   float32, float64           float, double.
 *   nat, int                   uint64_t / int64_t (checked: a larger value is
 *                              CANDID_ERR_RANGE); with CANDID_REPR_BIG a
 *                              candid_bignum slice of the LEB128 bytes.
 *   text                       candid_slice into the input (valid UTF-8).
 *   principal, service         candid_slice of the principal's bytes.
 *   func                       candid_funcref.
 *   opt                        inline: uint8_t present flag at offset 0, the
 *                              inner slot at `offset`; with CANDID_REPR_BOXED a
 *                              pointer to the inner slot in the arena, NULL
 *                              for none (the way to write recursive types).
 *   vec                        candid_vec {items, len}: `len` inner slots of
 *                              slot size each, contiguous in the arena. With
 *                              CANDID_REPR_SLICE (fixed-width numeric or bool
 *                              inner type only) a candid_slice of the raw
 *                              little-endian element bytes in the input.
 *   record                     each field's slot at its `offset`. With
 *                              CANDID_REPR_BOXED a pointer to such a block.
 *   variant                    uint32_t case index (position in `fields`,
 *                              not the id) at offset 0, the case's slot at its
 *                              field's `offset`. BOXED as for record.
 *
 * `size` is the size of the unboxed representation; a BOXED slot is one
 * pointer wide (candid_slot_size()). `align` is its alignment.
 */
#ifndef CANDID_TYPES_H
#define CANDID_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Kinds are the negated wire opcodes, so kind == -opcode. */
typedef enum candid_kind {
    CANDID_NULL = 1,
    CANDID_BOOL = 2,
    CANDID_NAT = 3,
    CANDID_INT = 4,
    CANDID_NAT8 = 5,
    CANDID_NAT16 = 6,
    CANDID_NAT32 = 7,
    CANDID_NAT64 = 8,
    CANDID_INT8 = 9,
    CANDID_INT16 = 10,
    CANDID_INT32 = 11,
    CANDID_INT64 = 12,
    CANDID_FLOAT32 = 13,
    CANDID_FLOAT64 = 14,
    CANDID_TEXT = 15,
    CANDID_RESERVED = 16,
    CANDID_EMPTY = 17,
    CANDID_OPT = 18,
    CANDID_VEC = 19,
    CANDID_RECORD = 20,
    CANDID_VARIANT = 21,
    CANDID_FUNC = 22,
    CANDID_SERVICE = 23,
    CANDID_PRINCIPAL = 24,
    /* Only in types built from a wire table: an opcode below -24 whose
     * values the decoder skips. Never valid in an expected type. */
    CANDID_FUTURE = 25
} candid_kind;

/* Representation flags (candid_type.repr). */
enum {
    CANDID_REPR_BIG = 1u << 0,   /* nat/int as candid_bignum */
    CANDID_REPR_BOXED = 1u << 1, /* opt/record/variant behind a pointer */
    CANDID_REPR_SLICE = 1u << 2  /* vec of fixed-width numbers as raw bytes */
};

/* Function annotations (candid_type.aux for func), as on the wire: a set. */
enum {
    CANDID_ANN_QUERY = 1u << 0,
    CANDID_ANN_ONEWAY = 1u << 1,
    CANDID_ANN_COMPOSITE_QUERY = 1u << 2
};

/* Bytes borrowed from the input (or from caller memory when encoding). */
typedef struct candid_slice {
    const uint8_t *ptr;
    size_t len;
} candid_slice;

/* An arbitrary-precision number as it is on the wire: LEB128 when
 * is_signed == 0 (a nat, also when decoded at int), SLEB128 otherwise.
 * lib/bignum converts it; candid_bignum_to_u64/i64 check the range. */
typedef struct candid_bignum {
    const uint8_t *ptr;
    size_t len;
    uint8_t is_signed;
} candid_bignum;

typedef struct candid_vec {
    void *items;
    size_t len;
} candid_vec;

typedef struct candid_funcref {
    candid_slice principal;
    candid_slice method; /* UTF-8 */
} candid_funcref;

typedef struct candid_type candid_type;

typedef struct candid_field {
    uint32_t id;               /* field id (hash of the name, or number) */
    uint32_t offset;           /* slot offset inside the record/variant */
    const candid_type *type;
    const char *name;          /* for printing only; may be NULL */
} candid_field;

typedef struct candid_method {
    const char *name;          /* UTF-8, need not be NUL-terminated */
    uint32_t name_len;
    const candid_type *type;   /* a func type */
} candid_method;

struct candid_type {
    uint8_t kind;              /* candid_kind */
    uint8_t repr;              /* CANDID_REPR_* */
    uint16_t align;            /* alignment of the unboxed representation */
    uint32_t size;             /* size of the unboxed representation */
    uint32_t count;            /* record/variant: fields; service: methods;
                                  func: arguments */
    uint32_t count2;           /* func: results */
    uint32_t offset;           /* opt inline: offset of the inner slot */
    uint32_t aux;              /* func: CANDID_ANN_* set */
    const candid_type *inner;  /* opt, vec */
    const candid_field *fields;/* record, variant: sorted by strictly
                                  increasing id */
    const candid_type *const *args; /* func: count args then count2 results */
    const candid_method *methods;   /* service: sorted by name bytes */
    const char *name;          /* optional name of a type definition */
};

/* The argument list of a message is described as a record whose field ids are
 * 0, 1, 2, ... in argument order (the spec treats it exactly as a tuple). */

/* Size of a slot holding a value of type t (a pointer if BOXED). */
size_t candid_slot_size(const candid_type *t);
size_t candid_slot_align(const candid_type *t);

/* Shared, statically allocated descriptions of the primitive types with the
 * default representation (nat/int as uint64_t/int64_t). kind 1..17 and 24;
 * other kinds give NULL. */
const candid_type *candid_prim_type(candid_kind kind);

/* The same with nat and int as CANDID_REPR_BIG (the generic layout). */
const candid_type *candid_prim_type_big(candid_kind kind);

/* Computes size, align and offsets (of fields and of inline opt values) for a
 * mutable type graph, as a C compiler lays out the equivalent structs.
 * `types` lists every node of the graph; `n` is its length. Fails with
 * CANDID_ERR_BAD_TYPE when the graph contains an unboxed cycle (a record,
 * variant or inline opt that contains itself without a vec or BOXED node in
 * between) or an opt, record or variant with a NULL member type. Does not
 * allocate. */
candid_status candid_type_layout(candid_type *types, size_t n);

/* The same for nodes that are not contiguous: types[0..n) point at them. */
candid_status candid_type_layout_list(candid_type *const *types, size_t n);

/* The kind's name as in the .did language ("nat", "record", ...; "future"
 * for CANDID_FUTURE, "?" for a value that is no kind). Never NULL. */
const char *candid_kind_name(candid_kind kind);

/* What candid_type_check found wrong: the node, the member of it (field,
 * method or argument index; UINT32_MAX for the node itself) and a message
 * such as "record User: field 'name' (id 1224700491): ids not sorted". */
typedef struct candid_type_error {
    const candid_type *type;
    uint32_t index;
    char message[192];
} candid_type_error;

enum {
    /* The root is an argument list: an unboxed record with ids 0..n-1. */
    CANDID_CHECK_ARGS = 1u << 0
};

/* Validates a description (typically hand-written) before it is trusted
 * for decoding and encoding: every node reachable from t, once each (graphs
 * may be recursive). Checks kinds, repr flags valid for the kind, NULL
 * members, field ids strictly increasing and matching the names' hashes,
 * methods sorted and unique with function types, annotations, slot sizes of
 * the fixed kinds, alignments (powers of two, offsets aligned), every
 * field's and inline option's slot inside its struct, variant payloads after
 * the tag, record fields that do not overlap, no value containing itself
 * without a vec or BOXED node in between, and with CANDID_CHECK_ARGS the
 * argument-list wrapper.
 * Fails with CANDID_ERR_BAD_TYPE and fills *err (when not NULL) for the first
 * problem found, CANDID_ERR_WORK_FULL when work[0..work_cap) cannot hold the
 * walk (at most about 64 bytes per node on 64-bit hosts), CANDID_ERR_ARGUMENT when t
 * is NULL. */
candid_status candid_type_check(const candid_type *t, unsigned flags, void *work,
                                size_t work_cap, candid_type_error *err);

/* Field-name hash of the Candid spec: h = h * 223 + byte, mod 2^32. */
uint32_t candid_hash(const char *name, size_t len);

#ifdef __cplusplus
}
#endif
#endif
