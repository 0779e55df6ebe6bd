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
 * static message saying what was expected. file names the source the
 * position is in (as given to candid_idl_parse_file or returned by its
 * reader; NULL for sources without a name). */
typedef struct candid_syntax_error {
    candid_status status;
    uint32_t line, column;
    const char *message;
    const char *file;
} candid_syntax_error;

typedef struct candid_idl_def candid_idl_def;
typedef struct candid_idl_order candid_idl_order;

/* An environment of type definitions plus the main service, if any. Lives
 * in the arena it was parsed into. */
typedef struct candid_idl {
    candid_arena *arena;
    candid_idl_def *defs;
    candid_idl_def **index;        /* defs by name, open addressing (internal) */
    size_t index_cap, count;
    const candid_type *service;    /* the main service (kind CANDID_SERVICE) */
    const candid_type *init_args;  /* service : (init) -> ...: the init tuple */
    candid_idl_order *orders;      /* declaration orders of fields (internal) */
    size_t orders_cap, orders_count;
} candid_idl;

void candid_idl_init(candid_idl *idl, candid_arena *arena);

/* Parses a whole .did file (definitions and an optional main service) into
 * idl, as the reference parser (Rust candid_parser) accepts it: trailing
 * separators, definitions after use, nested comments, names that are
 * primitive type names or quoted texts. Nesting is bounded only by memory.
 * Fails with CANDID_ERR_SYNTAX (grammar), CANDID_ERR_UTF8 (a text that is
 * not UTF-8), CANDID_ERR_UNBOUND (an undefined name; an import, which
 * needs candid_idl_parse_file), CANDID_ERR_BAD_TYPE (a vacuous definition
 * such as `type A = B; type B = A;`, a name defined twice, a duplicate
 * field id, method or argument name, a method that is not a function, two
 * annotations, a oneway function with results), CANDID_ERR_ARENA_FULL
 * (arena or heap exhausted); err says where and why. After a failure idl
 * may hold part of the file's definitions: start again from a fresh one. */
candid_status candid_idl_parse(candid_idl *idl, const char *src, size_t len,
                               candid_syntax_error *err);

/* Reads the file named by an import for candid_idl_parse_file. importer is
 * the name of the importing file (as given to candid_idl_parse_file, NULL
 * included, or as this reader returned it), path the import's text
 * (NUL-terminated; resolving it, e.g. against importer's folder, is the
 * reader's job, which keeps lib/idl free of file access). On
 * success returns 0 and sets *name to a NUL-terminated name of the file
 * that is equal for every import of the same file (a resolved path) and
 * serves as importer for the file's own imports, and *src, *len to its
 * contents; all stay valid until candid_idl_parse_file returns (the
 * reader's owner frees them after). Nonzero: the file cannot be read. */
typedef int (*candid_idl_reader)(void *ctx, const char *importer, const char *path,
                                 const char **name, const char **src, size_t *len);

/* candid_idl_parse for a file named name (may be NULL) whose imports are
 * read through read(ctx, ...) (may be NULL: imports are then errors).
 * `import "f.did"` adds f's definitions (and those of its imports), each
 * file read once; `import service "f.did"` also adds f's service methods
 * to the main service (which they form when the file has none), also when
 * an imported file says it, as the reference parser does. Fails as
 * candid_idl_parse, and with CANDID_ERR_UNBOUND at the import when the
 * reader fails or an imported service is missing, CANDID_ERR_BAD_TYPE at
 * the import when the file imports itself (directly or through others),
 * an imported service has init arguments or repeats a method name; for an
 * error inside an imported file, err->file names that file. */
candid_status candid_idl_parse_file(candid_idl *idl, const char *name, const char *src, size_t len,
                                    candid_idl_reader read, void *ctx, candid_syntax_error *err);

/* Parses an argument tuple "(T1, T2, ...)" in idl's environment: the result
 * is a record with field ids 0..n-1 (see types.h). Fails as above; a
 * failure leaves idl's definitions as they were. */
candid_status candid_idl_parse_args(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **args, candid_syntax_error *err);

/* Parses one type expression in idl's environment. */
candid_status candid_idl_parse_type(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **type, candid_syntax_error *err);

/* The type a definition names, or NULL. */
const candid_type *candid_idl_lookup(const candid_idl *idl, const char *name, size_t len);

/* Walks the definitions (those of imported files included): pass NULL
 * for the first, the previous result for the next; NULL after the last.
 * Sets *name (NUL-terminated), *len and *type. The order is fixed for a
 * given input: latest first mention first. Never fails. */
const candid_idl_def *candid_idl_next(const candid_idl *idl, const candid_idl_def *prev,
                                      const char **name, size_t *len, const candid_type **type);

/* The order in which the .did wrote the fields of a record or variant
 * that idl parsed: entry k is the index in t->fields (sorted by id) of the
 * k-th field written. NULL when that is id order, or t is not a record or
 * variant of idl (a copy of one keeps its order). Never fails. */
const uint32_t *candid_idl_field_order(const candid_idl *idl, const candid_type *t);

/* Argument and result tuples (records with ids 0..n-1) of a method of the
 * main service. Fails with CANDID_ERR_UNBOUND (no service or no such
 * method) or CANDID_ERR_ARENA_FULL. */
candid_status candid_idl_method(candid_idl *idl, const char *name, size_t len,
                                const candid_type **args, const candid_type **results);

#ifdef __cplusplus
}
#endif
#endif
