/* candid bind: the C code generator. A .did file parsed by lib/idl becomes a
 * model (every reachable type with its C name, representation and
 * dependencies) that two emitters print as NAME.h and NAME.c. Nothing here
 * recurses on type depth: walks use explicit stacks. */
#ifndef CANDID_BIND_H
#define CANDID_BIND_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "candid/encode.h"
#include "candid/idl.h"

typedef struct bind_opts {
    const char *name;          /* prefix of every public identifier */
    const char *did_name;      /* the .did file's name, for comments */
    int nat_big;               /* nat/int as candid_bignum instead of u64/i64 */
    int server;                /* --server: canister entry points too */
    int fast;                  /* --fast (default; --no-fast clears it): exact-match fast paths */
    const char *const *methods;/* -m: only these methods (NULL: all) */
    size_t nmethods;
} bind_opts;

/* One Candid type node of the parsed graph. */
typedef struct bnode {
    const candid_type *t;
    char *stem;        /* unique name without the prefix: "Account", "opt_nat" */
    char *path;        /* where an anonymous node was first met, for its stem */
    char **members;    /* record/variant: C member name per field */
    char **tags;       /* variant: the case constants' names (stem_case_tag) */
    const uint32_t *order; /* record/variant: field indices in declaration
                              order (candid_idl_field_order); NULL: id order */
    uint32_t scc;      /* strongly connected component over value containment */
    uint8_t named;     /* a .did definition (or a method's tuple) */
    uint8_t boxed_opt; /* an opt on a cycle: a pointer, NULL for none */
    uint8_t boxed_ref; /* some field holds it by pointer: needs a BOXED descriptor */
    uint8_t is_tuple;  /* a method's argument or result list */
} bnode;

typedef struct bmethod {
    const candid_method *m; /* NULL for the service's init arguments */
    char *stem;             /* escaped method name */
    size_t args, results;   /* bnode indices of the tuples */
} bmethod;

typedef struct bind_model {
    bind_opts opts;
    candid_idl *idl;
    bnode *nodes;
    size_t n, cap;
    size_t *defs;           /* node indices of definitions, in source order */
    size_t ndefs;
    bmethod *methods;
    size_t nmethods;
    int has_init;
    struct bind_names *names;
    const candid_type **ikey; /* node index by pointer, open addressing */
    size_t *ival, icap;
} bind_model;

/* Builds the model. Prints the problem on stderr and returns non-zero for a
 * -m method the service lacks or when memory runs out. */
int bind_model_build(bind_model *m, candid_idl *idl, const bind_opts *opts);
void bind_model_free(bind_model *m);

/* The index in t->fields of the k-th field the .did declared. */
static inline uint32_t bind_decl(const bnode *b, uint32_t k) { return b->order ? b->order[k] : k; }

/* Index of the node for t (which must be in the model). */
size_t bind_node(const bind_model *m, const candid_type *t);

/* Kinds with no C data (null, reserved, empty). */
int bind_is_void(const candid_type *t);
/* record, variant, inline opt, vec other than a slice: a struct of its own. */
int bind_is_struct(const bind_model *m, size_t i);
/* Whether the field edge parent -> child is a pointer (both on one cycle). */
int bind_edge_boxed(const bind_model *m, size_t parent, size_t child);

/* The C type of a slot of node i (unboxed), as a malloc'd string. */
char *bind_ctype(const bind_model *m, size_t i);
/* The C type of a kind that is not a struct (primitives, blob, func,
 * service). */
const char *bind_prim_ctype(const bind_model *m, uint8_t kind);
/* The descriptor symbol of node i as a slot: NAME_STEM_type for a named
 * type or a method's tuple (public), else t_STEM, or tp_STEM for an option
 * held by pointer (tr_STEM is a record or variant held by pointer, tt_STEM
 * the one-value tuple of a named type). */
char *bind_dsym(const bind_model *m, size_t i);

/* Wire width of a fixed-width number kind (nat8 ... float64), 0 for any
 * other kind. */
int bind_fixed_width(uint8_t kind);
/* The header of a message of the tuple `args` (a record of ids 0..n-1),
 * built now from the parsed graph: its bytes in *bytes (malloc'd, for the
 * caller to free) and their length in h->len. Fails as
 * candid_header_build does, apart from buffer and work sizes, which it
 * grows. */
candid_status bind_header(const candid_type *args, candid_header *h, uint8_t **bytes);

/* Identifier helpers (names.c). */
typedef struct bind_names bind_names;
bind_names *bind_names_new(void);
void bind_names_free(bind_names *n);
/* Reserves `want` (or want_2, want_3, ...) and returns the malloc'd name. */
char *bind_names_reserve(bind_names *n, const char *want);
/* Whether `s` is reserved. */
int bind_names_taken(const bind_names *n, const char *s);
/* A Candid name as a C identifier: [A-Za-z0-9_] kept, other ASCII as '_',
 * other bytes as _xHH; a leading digit gets a leading '_', a C keyword a
 * trailing one. Callers make the results unique where they must be. */
char *bind_escape(const char *name, size_t len);
/* A C string literal (quotes included) of bytes. */
char *bind_c_string(const char *s, size_t len);
char *bind_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Emitters. Return non-zero on a write error or when a header cannot be
 * built. */
int bind_emit_header(FILE *f, const bind_model *m);
int bind_emit_source(FILE *f, const bind_model *m);
/* The server side (--server), appended to each file. */
void bind_emit_server_header(FILE *f, const bind_model *m);
void bind_emit_server_source(FILE *f, const bind_model *m);
/* --fast encoders (emit_fast_encode.c). The state remembers which struct
 * encoders are written. bind_fast_encoder writes NAME_fn(w, const
 * NAME_type *), the encoder of the message of node i (a tuple, or with
 * one_value the one-value tuple (i)) with header hd, and the functions it
 * needs; with `message`, also that candid_encode_fn, which NAME_fn calls. */
typedef struct bind_fast bind_fast;
bind_fast *bind_fast_new(const bind_model *m);
void bind_fast_free(bind_fast *fa);
void bind_fast_encoder(FILE *f, const bind_model *m, bind_fast *fa, size_t i, int one_value,
                       const char *fn, const char *type, const char *hd, const char *message);

/* --fast (emit_fast_decode.c): the exact-match decoders, before the stubs;
 * then, in the stub decoding node i (one_value: the message of one value
 * of a named type, else a method's tuple) at descriptor desc, its body over
 * them. Returns 0, printing nothing, when node i has none (--no-fast, or a
 * type on a recursive cycle). */
void bind_emit_fast_decoders(FILE *f, const bind_model *m);
int bind_emit_fast_call(FILE *f, const bind_model *m, size_t i, int one_value, const char *desc);
/* --target motoko (emit_motoko.c): the .did's types and service as a Motoko
 * module. Works from the parsed file alone (no model). Returns 1 on a write
 * error, 2 for a method name that is not a Motoko identifier (said on
 * stderr). */
int bind_emit_motoko(FILE *f, const candid_idl *idl, const char *did_name);

#endif
