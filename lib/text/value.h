/* The untyped syntax tree of textual values, shared by the parser, the
 * elaboration against a type and type inference. Internal. */
#ifndef CANDID_TEXT_VALUE_H
#define CANDID_TEXT_VALUE_H

#include "../idl/lex.h"
#include "../idl/parser.h"
#include "candid/text.h"

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

struct tv {
    tv_kind kind;
    const char *num;          /* TV_NUM: as written */
    size_t num_len;
    int num_float;
    const uint8_t *bytes;     /* TEXT, BLOB, PRINCIPAL, SERVICE, FUNC: text */
    size_t len;
    int utf8;
    int bval;
    const uint8_t *method;    /* TV_FUNC */
    size_t method_len;
    tv *child;                /* OPT, ANNOT */
    const candid_type *annot; /* ANNOT */
    tv_field *fields;         /* RECORD, VARIANT */
    uint32_t nfields;
    tv **items;               /* VEC */
    uint32_t nitems;
    uint32_t line, col;
};

typedef struct tv_parser {
    lexer lx;
    idl_parser types;
    candid_idl local_idl;
    unsigned depth; /* value nesting, bounded by CANDID_TEXT_MAX_DEPTH */
} tv_parser;

/* Parses "(v, ...)" into items; NULL on error (in p->lx). */
tv **tv_parse_args(tv_parser *p, const char *src, size_t len, candid_arena *arena,
                   candid_idl *idl, uint32_t *count);

#endif
