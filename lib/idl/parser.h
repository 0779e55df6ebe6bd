/* The type parser over a lexer, shared by candid_idl_* entry points, the
 * test-file parser and type annotations in textual values. Internal. */
#ifndef CANDID_IDL_PARSER_H
#define CANDID_IDL_PARSER_H

#include "candid/idl.h"
#include "lex.h"

struct candid_idl_def {
    const char *name;
    size_t len;
    candid_type *node;
    candid_idl_def *alias;  /* type X = Y: resolved by copying Y */
    int defined;
    uint32_t line, col;     /* first use or definition, for errors */
    candid_idl_def *next;
};

typedef struct idl_parser {
    candid_idl *idl;
    lexer *lx;
    candid_type **nodes;    /* nodes made by this parse, for the layout */
    size_t n, cap;
    unsigned depth;         /* type nesting, bounded: the parser recurses */
} idl_parser;

/* Deeper type or value nesting in source text is CANDID_ERR_DEPTH: the
 * parsers recurse, and hostile input must not exhaust the native stack. */
#define CANDID_TEXT_MAX_DEPTH 512

void idl_parser_init(idl_parser *p, candid_idl *idl, lexer *lx);
/* One type expression at the lexer's current token. NULL after an error. */
candid_type *idl_type(idl_parser *p);
/* "{ name : functype-or-id; ... }" (the lexer at '{'). */
candid_type *idl_actortype(idl_parser *p);
/* "(T1, ...)" as an unboxed record with ids 0..n-1. */
candid_type *idl_tuple_record(idl_parser *p);
/* "type X = T" (the lexer at "type"). */
void idl_definition(idl_parser *p);
/* Resolves aliases, reports undefined names and lays out every node made;
 * returns the lexer's first error or CANDID_OK. */
candid_status idl_finish(idl_parser *p);
/* Copies the lexer's error into err. */
candid_status idl_error(const lexer *lx, candid_syntax_error *err);

#endif
