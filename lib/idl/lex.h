/* The lexer shared by the .did type parser, the test-file parser and the
 * textual value parser (lib/text). Internal to libcandid. */
#ifndef CANDID_IDL_LEX_H
#define CANDID_IDL_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/error.h"

typedef enum tok_kind {
    TK_EOF,
    TK_ID,      /* identifier or keyword */
    TK_TEXT,    /* "...": bytes unescaped into the arena */
    TK_NUM,     /* number literal, sign included, as written */
    TK_LPAREN, TK_RPAREN, TK_LBRACE, TK_RBRACE,
    TK_SEMI, TK_COLON, TK_COMMA, TK_EQ, TK_DOT, TK_ARROW,
    TK_NOTCOLON, /* !: */
    TK_EQEQ,     /* == */
    TK_NEQ       /* != */
} tok_kind;

typedef struct token {
    tok_kind kind;
    const char *start;   /* in the source */
    size_t len;          /* in the source */
    const uint8_t *text; /* TK_TEXT: unescaped bytes */
    size_t text_len;
    int text_utf8;       /* TK_TEXT: the bytes are valid UTF-8 */
    int num_float;       /* TK_NUM: has a fraction or exponent */
    uint32_t line, col;
} token;

typedef struct lexer {
    const char *src;
    size_t len, pos;
    uint32_t line;
    size_t line_start;
    candid_arena *arena;
    int raw_text;        /* raw control characters and line breaks may stand
                            in texts (the reference lexer lets .did files
                            have them; values keep the spec's escapes) */
    token tok;           /* the current token */
    /* first error */
    candid_status err;
    uint32_t err_line, err_col;
    const char *err_msg;
} lexer;

void lex_init(lexer *lx, const char *src, size_t len, candid_arena *arena);
/* The same for .did text (files, types, argument lists): raw_text set. */
void lex_init_did(lexer *lx, const char *src, size_t len, candid_arena *arena);
/* Advances to the next token; on a lexical error sets lx->err and makes
 * the current token TK_EOF. */
void lex_next(lexer *lx);
/* Records an error at the current token (the first one wins). */
void lex_error(lexer *lx, candid_status st, const char *msg);
/* The same at a given token. */
void lex_error_at(lexer *lx, const token *t, candid_status st, const char *msg);
/* The same at a given line and column. */
void lex_error_pos(lexer *lx, uint32_t line, uint32_t col, candid_status st, const char *msg);
int lex_is(const lexer *lx, const char *keyword);
/* Room for element n of an array growing in the lexer's arena: returns the
 * array (moved, with doubled capacity *cap, when it was full; new elements
 * zeroed), or NULL with an error recorded when memory runs out. */
void *lex_reserve(lexer *lx, void *arr, size_t n, size_t *cap, size_t elem);
/* A position inside the source, for saving and restoring the lexer. */
typedef struct lex_mark { size_t pos; uint32_t line; size_t line_start; token tok; } lex_mark;
lex_mark lex_save(const lexer *lx);
void lex_restore(lexer *lx, lex_mark m);

#endif
