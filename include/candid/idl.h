/* libcandid: the .did type language.
 *
 * Parses type definitions, service descriptions and type expressions into
 * candid_type graphs with the generic layout (nat/int as bignums; opt,
 * record and variant boxed; vec nat8 as a slice), allocated in a caller
 * arena and laid out with candid_type_layout, ready for candid_decode,
 * candid_encode and the text layer.
 */
#ifndef CANDID_IDL_H
#define CANDID_IDL_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where and why parsing stopped: 1-based line and column, and a short
 * static message saying what was expected. */
typedef struct candid_syntax_error {
    candid_status status;
    uint32_t line, column;
    const char *message;
} candid_syntax_error;

typedef struct candid_idl_def candid_idl_def;

/* An environment of type definitions plus the main service, if any. Lives
 * in the arena it was parsed into. */
typedef struct candid_idl {
    candid_arena *arena;
    candid_idl_def *defs;
    const candid_type *service;    /* the main service (kind CANDID_SERVICE) */
    const candid_type *init_args;  /* service : (init) -> ...: the init tuple */
} candid_idl;

void candid_idl_init(candid_idl *idl, candid_arena *arena);

/* Parses a whole .did file (definitions and an optional main service) into
 * idl. Fails with CANDID_ERR_SYNTAX (grammar), CANDID_ERR_UNBOUND (an
 * undefined name), CANDID_ERR_BAD_TYPE (a vacuous definition such as
 * `type A = B; type B = A;`, a duplicate field id or method, a method that
 * is not a function), CANDID_ERR_ARENA_FULL; err says where. */
candid_status candid_idl_parse(candid_idl *idl, const char *src, size_t len,
                               candid_syntax_error *err);

/* Parses an argument tuple "(T1, T2, ...)" in idl's environment: the result
 * is a record with field ids 0..n-1 (see types.h). Fails as above. */
candid_status candid_idl_parse_args(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **args, candid_syntax_error *err);

/* Parses one type expression in idl's environment. */
candid_status candid_idl_parse_type(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **type, candid_syntax_error *err);

/* The type a definition names, or NULL. */
const candid_type *candid_idl_lookup(const candid_idl *idl, const char *name, size_t len);

/* Argument and result tuples (records with ids 0..n-1) of a method of the
 * main service. Fails with CANDID_ERR_UNBOUND (no service or no such
 * method) or CANDID_ERR_ARENA_FULL. */
candid_status candid_idl_method(candid_idl *idl, const char *name, size_t len,
                                const candid_type **args, const candid_type **results);

#ifdef __cplusplus
}
#endif
#endif
