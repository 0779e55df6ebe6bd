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
    unsigned mark;          /* alias resolution: on the chain being followed */
    const char *file;       /* where line:col is (NULL: the main source) */
    uint32_t line, col;     /* first use or definition, for errors */
    candid_idl_def *next;
};

/* A method given by a type name, checked to be a function once every
 * name is resolved. */
typedef struct idl_method_ref {
    const candid_type *type;
    const char *file;
    uint32_t line, col;
} idl_method_ref;

typedef struct idl_parser {
    candid_idl *idl;
    lexer *lx;
    const char *file;       /* the source being read, for positions */
    candid_type **nodes;    /* nodes made by this parse, for the layout */
    size_t n, cap;
    idl_method_ref *refs;   /* methods given by name */
    size_t nrefs, refs_cap;
    const char *err_file;   /* the file of an error found after parsing */
} idl_parser;

void idl_parser_init(idl_parser *p, candid_idl *idl, lexer *lx);
/* One type expression at the lexer's current token. NULL after an error. */
candid_type *idl_type(idl_parser *p);
/* "{ name : functype-or-id; ... }" (the lexer at '{'). */
candid_type *idl_actortype(idl_parser *p);
/* "(T1, ...)" as an unboxed record with ids 0..n-1. */
candid_type *idl_tuple_record(idl_parser *p);
/* "type X = T" (the lexer at "type"). */
void idl_definition(idl_parser *p);
/* Whether a token is a keyword of the .did language (so not a name). */
int idl_is_keyword(const token *t);
/* The definition of a name (defined or only mentioned so far), or NULL. */
candid_idl_def *idl_find_def(const candid_idl *idl, const char *name, size_t len);
/* Drops the names mentioned but not defined since the definition `since`
 * was the newest, so that a failed parse leaves no unbound name behind. */
void idl_forget_unbound(candid_idl *idl, const candid_idl_def *since);
/* Keeps the declaration order of n fields just sorted by id, whose offsets
 * still hold their declaration indices (see candid_idl_field_order); 0
 * when memory runs out. */
int idl_keep_order(candid_idl *idl, candid_field *fields, size_t n);
/* Sorts methods by name; 0 when a name repeats. */
int idl_sort_methods(candid_method *m, size_t n);
/* Resolves aliases, reports undefined names and lays out every node made;
 * returns the lexer's first error or CANDID_OK. */
candid_status idl_finish(idl_parser *p);
/* Records an error at a position of a file (an error found after that
 * file was read); returns st. */
candid_status idl_fail(idl_parser *p, const char *file, uint32_t line, uint32_t col,
                       candid_status st, const char *msg);
/* Copies the lexer's error into err. */
candid_status idl_error(const lexer *lx, candid_syntax_error *err);

#endif
