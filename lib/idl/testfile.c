/* The conformance suite's test-file format; see include/candid/testfile.h. */
#include <string.h>

#include "candid/testfile.h"
#include "parser.h"

static int input(lexer *lx, candid_test_input *in) {
    in->is_blob = lex_is(lx, "blob");
    if (in->is_blob) lex_next(lx);
    if (lx->tok.kind != TK_TEXT) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a text or blob input");
        return 0;
    }
    in->bytes = lx->tok.text;
    in->len = lx->tok.text_len;
    lex_next(lx);
    return 1;
}

candid_status candid_testfile_parse(candid_idl *idl, const char *src, size_t len,
                                    candid_test_assertion **first, size_t *count,
                                    candid_syntax_error *err) {
    lexer lx;
    lex_init(&lx, src, len, idl->arena);
    idl_parser p;
    idl_parser_init(&p, idl, &lx);
    candid_test_assertion **tail = first;
    *first = NULL;
    *count = 0;
    while (!lx.err && lx.tok.kind != TK_EOF) {
        if (lex_is(&lx, "type")) {
            idl_definition(&p);
        } else if (lex_is(&lx, "assert")) {
            candid_test_assertion *a = candid_arena_alloc(idl->arena, sizeof *a, _Alignof(candid_test_assertion));
            if (!a) {
                lex_error(&lx, CANDID_ERR_ARENA_FULL, "out of memory");
                break;
            }
            memset(a, 0, sizeof *a);
            a->line = lx.tok.line;
            lex_next(&lx);
            if (!input(&lx, &a->left)) break;
            switch (lx.tok.kind) {
            case TK_COLON:
                a->kind = CANDID_TEST_ACCEPT;
                break;
            case TK_NOTCOLON:
                a->kind = CANDID_TEST_REJECT;
                break;
            case TK_EQEQ:
            case TK_NEQ:
                a->kind = lx.tok.kind == TK_EQEQ ? CANDID_TEST_EQUAL : CANDID_TEST_NOT_EQUAL;
                lex_next(&lx);
                if (!input(&lx, &a->right)) break;
                if (lx.tok.kind != TK_COLON) lex_error(&lx, CANDID_ERR_SYNTAX, "expected ':'");
                break;
            default:
                lex_error(&lx, CANDID_ERR_SYNTAX, "expected ':', '!:', '==' or '!='");
            }
            if (lx.err) break;
            lex_next(&lx);
            a->args = idl_tuple_record(&p);
            if (!a->args) break;
            if (lx.tok.kind == TK_TEXT) {
                a->desc = (const char *)lx.tok.text;
                a->desc_len = lx.tok.text_len;
                lex_next(&lx);
            }
            *tail = a;
            tail = &a->next;
            (*count)++;
        } else {
            lex_error(&lx, CANDID_ERR_SYNTAX, "expected 'type' or 'assert'");
        }
        if (lx.err) break;
        if (lx.tok.kind == TK_SEMI) {
            lex_next(&lx);
        } else if (lx.tok.kind != TK_EOF) {
            lex_error(&lx, CANDID_ERR_SYNTAX, "expected ';'");
        }
    }
    if (!lx.err) idl_finish(&p);
    return idl_error(&lx, err);
}
