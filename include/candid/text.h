/* libcandid: Candid values in their textual form (spec section "Values").
 *
 * Parsing writes values into C slots as any candid_type describes them
 * (generic layout or not), with memory from a caller arena; printing and
 * equality read such slots. Text literals, blobs and bignums parsed from
 * text live in the arena.
 *
 * No function here recurses on the input: nesting of any depth is walked
 * with explicit stacks on the heap (malloc), growing with the depth and
 * bounded by the input's size, and a small native stack suffices.
 */
#ifndef CANDID_TEXT_H
#define CANDID_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/error.h"
#include "candid/idl.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parses "(v1, v2, ...)" at the argument types `args` (a record with ids
 * 0..n-1) into out (args->size bytes). Missing trailing values of
 * null/opt/reserved type are null; extra values are ignored. Type
 * annotations "(v : T)" are parsed in idl's environment (idl may be NULL:
 * then only primitive and structural types can be named). Numbers take the
 * expected type (range checked; an integer literal is not a float). Nesting
 * depth is not limited. Fails with CANDID_ERR_SYNTAX,
 * CANDID_ERR_TYPE_MISMATCH, CANDID_ERR_RANGE, CANDID_ERR_UTF8,
 * CANDID_ERR_UNBOUND, CANDID_ERR_ARENA_FULL (the arena, or the heap for the
 * parser's stacks), or CANDID_ERR_BUDGET when annotations nested in
 * annotations would need work beyond 64 steps per node of the text; err
 * says where. */
candid_status candid_text_parse_args(const char *src, size_t len, const candid_type *args,
                                     void *out, candid_arena *arena, candid_idl *idl,
                                     candid_syntax_error *err);

/* Builds the types the values in "(v1, ...)" have by themselves (integers
 * are int, other numbers float64, `vec {}` is vec empty, annotations are
 * taken as written), as an argument record in the generic layout, in the
 * arena. Fails as candid_text_parse_args does on syntax (CANDID_ERR_SYNTAX,
 * CANDID_ERR_UNBOUND, ...), with CANDID_ERR_ARENA_FULL when the arena or
 * heap is short, or CANDID_ERR_BAD_TYPE when the types have no layout. */
candid_status candid_text_infer_args(const char *src, size_t len, const candid_type **args,
                                     candid_arena *arena, candid_idl *idl,
                                     candid_syntax_error *err);

/* A growable output string (malloc'd); oom is set when it could not grow. */
typedef struct candid_strbuf {
    char *data;
    size_t len, cap;
    int oom;
} candid_strbuf;

void candid_strbuf_free(candid_strbuf *b);

/* Appends the textual form of the argument values in `values` (laid out as
 * args) to out, in the style of didc: "(42 : nat8, record { name = \"x\" })".
 * Fails with CANDID_ERR_ARENA_FULL (out of memory, for out or for the
 * heap stack of open values), CANDID_ERR_RANGE (a principal longer than 29
 * bytes), CANDID_ERR_VARIANT_TAG or CANDID_ERR_BAD_TYPE for slots that do
 * not match their type; out then holds the text up to the problem. */
candid_status candid_text_print_args(const candid_type *args, const void *values,
                                     candid_strbuf *out);

/* The same for one value of type t. */
candid_status candid_text_print_value(const candid_type *t, const void *slot,
                                      candid_strbuf *out);

/* 1 when the two values of type t are equal as the conformance suite
 * compares them: structurally, numbers by value (whatever their encoding),
 * all reserved values equal, floats bit for bit except that NaNs are equal.
 * 0 also when the heap has no room for the list of pairs still to compare. */
int candid_value_equal(const candid_type *t, const void *a, const void *b);

#ifdef __cplusplus
}
#endif
#endif
