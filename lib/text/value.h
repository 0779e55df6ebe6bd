/* The untyped syntax tree of textual values, shared by the parser, the
 * elaboration against a type and type inference. Internal. */
#ifndef CANDID_TEXT_VALUE_H
#define CANDID_TEXT_VALUE_H

#include "../idl/lex.h"
#include "../idl/parser.h"
#include "candid/text.h"
#include "stack.h"

typedef enum tv_kind {
    TV_NUM, TV_TEXT, TV_BOOL, TV_NULL, TV_OPT, TV_VEC, TV_RECORD, TV_VARIANT,
    TV_BLOB, TV_PRINCIPAL, TV_SERVICE, TV_FUNC, TV_ANNOT
} tv_kind;

typedef struct tv tv;

typedef struct tv_field {
    uint32_t id;
    const char *name; /* NUL-terminated, when written as a name */
    tv *val;
} tv_field;

/* One node per value as written; 48 bytes on 64-bit hosts, since a
 * 500,000-level text makes several million of them. */
struct tv {
    uint8_t kind;             /* tv_kind */
    uint8_t num_float;        /* TV_NUM: has a fraction or exponent */
    uint8_t utf8;             /* TEXT, BLOB, PRINCIPAL, SERVICE, FUNC */
    uint8_t bval;             /* TV_BOOL */
    uint32_t line, col;
    union {
        struct { const char *num; size_t num_len; };           /* NUM: as written */
        struct {                                                /* TEXT ... FUNC */
            const uint8_t *bytes;
            size_t len;
            const uint8_t *method;                              /* FUNC */
            size_t method_len;
        };
        struct { tv *child; const candid_type *annot; };       /* OPT, ANNOT */
        struct { tv_field *fields; uint32_t nfields; };         /* RECORD, VARIANT */
        struct { tv **items; uint32_t nitems; };                /* VEC */
    };
};

typedef struct tv_parser {
    lexer lx;
    idl_parser types;
    candid_idl local_idl;
    tstack frames, elems; /* open brackets; elements of open lists and fields */
    size_t nodes;         /* tv nodes made */
} tv_parser;

/* Parses "(v, ...)" into a TV_VEC node of the values; NULL on error (in
 * p->lx). */
tv *tv_parse_args(tv_parser *p, const char *src, size_t len, candid_arena *arena,
                  candid_idl *idl);

#endif
