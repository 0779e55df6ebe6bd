/* Tokens of the Candid textual syntax (types, values, test files), with
 * text escapes decoded as the spec's value grammar says. */
#include <string.h>

#include "candid/wire.h"
#include "lex.h"

static void start(lexer *lx, const char *src, size_t len, candid_arena *arena, int raw_text) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->arena = arena;
    lx->raw_text = raw_text;
    lex_next(lx);
}

void lex_init(lexer *lx, const char *src, size_t len, candid_arena *arena) {
    start(lx, src, len, arena, 0);
}

void lex_init_did(lexer *lx, const char *src, size_t len, candid_arena *arena) {
    start(lx, src, len, arena, 1);
}

void lex_error(lexer *lx, candid_status st, const char *msg) {
    if (lx->err) return;
    lx->err = st;
    lx->err_line = lx->tok.line;
    lx->err_col = lx->tok.col;
    lx->err_msg = msg;
}

void lex_error_at(lexer *lx, const token *t, candid_status st, const char *msg) {
    lex_error_pos(lx, t->line, t->col, st, msg);
}

void lex_error_pos(lexer *lx, uint32_t line, uint32_t col, candid_status st, const char *msg) {
    if (lx->err) return;
    lx->err = st;
    lx->err_line = line;
    lx->err_col = col;
    lx->err_msg = msg;
}

static void error_here(lexer *lx, candid_status st, const char *msg) {
    if (lx->err) return;
    lx->err = st;
    lx->err_line = lx->line;
    lx->err_col = (uint32_t)(lx->pos - lx->line_start + 1);
    lx->err_msg = msg;
}

int lex_is(const lexer *lx, const char *keyword) {
    size_t n = strlen(keyword);
    return lx->tok.kind == TK_ID && lx->tok.len == n && memcmp(lx->tok.start, keyword, n) == 0;
}

void *lex_reserve(lexer *lx, void *arr, size_t n, size_t *cap, size_t elem) {
    if (arr && n < *cap) return arr;
    size_t grown = *cap ? 2 * *cap : 8;
    uint8_t *a = candid_arena_alloc(lx->arena, grown * elem, 16);
    if (!a) {
        lex_error(lx, CANDID_ERR_ARENA_FULL, "out of memory");
        return NULL;
    }
    if (n) memcpy(a, arr, n * elem);
    memset(a + n * elem, 0, (grown - n) * elem);
    *cap = grown;
    return a;
}

lex_mark lex_save(const lexer *lx) {
    lex_mark m = {lx->pos, lx->line, lx->line_start, lx->tok};
    return m;
}

void lex_restore(lexer *lx, lex_mark m) {
    lx->pos = m.pos;
    lx->line = m.line;
    lx->line_start = m.line_start;
    lx->tok = m.tok;
}

static int is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int hex_val(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Skips white space and comments (line, and nested block comments). */
static void skip_space(lexer *lx) {
    while (lx->pos < lx->len) {
        char c = lx->src[lx->pos];
        if (c == '\n') {
            lx->pos++;
            lx->line++;
            lx->line_start = lx->pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
        } else if (c == '/' && lx->pos + 1 < lx->len && lx->src[lx->pos + 1] == '/') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n') lx->pos++;
        } else if (c == '/' && lx->pos + 1 < lx->len && lx->src[lx->pos + 1] == '*') {
            int depth = 0;
            do {
                if (lx->pos + 1 < lx->len && lx->src[lx->pos] == '/' && lx->src[lx->pos + 1] == '*') {
                    depth++;
                    lx->pos += 2;
                } else if (lx->pos + 1 < lx->len && lx->src[lx->pos] == '*' && lx->src[lx->pos + 1] == '/') {
                    depth--;
                    lx->pos += 2;
                } else {
                    if (lx->src[lx->pos] == '\n') {
                        lx->line++;
                        lx->line_start = lx->pos + 1;
                    }
                    lx->pos++;
                }
            } while (depth > 0 && lx->pos < lx->len);
            if (depth > 0) {
                error_here(lx, CANDID_ERR_SYNTAX, "unterminated comment");
                return;
            }
        } else {
            return;
        }
    }
}

static size_t put_utf8(uint8_t *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xc0 | cp >> 6);
        out[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xe0 | cp >> 12);
        out[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (uint8_t)(0xf0 | cp >> 18);
    out[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

static void lex_text(lexer *lx) {
    size_t p = lx->pos + 1;
    /* Unescaped text is never longer than its source: find the closing
     * quote first and reserve that much. */
    size_t end = p;
    while (end < lx->len && lx->src[end] != '"' && (lx->src[end] != '\n' || lx->raw_text))
        end += lx->src[end] == '\\' && end + 1 < lx->len ? 2 : 1;
    /* Raw characters must be printable: valid UTF-8 and no control
     * characters (escapes are how those are written). */
    if (!candid_utf8_valid((const uint8_t *)lx->src + p, end - p)) {
        lx->pos = p;
        error_here(lx, CANDID_ERR_UTF8, "text is not valid UTF-8");
        return;
    }
    for (size_t i = p; i < end && !lx->raw_text; i++) {
        uint8_t c = (uint8_t)lx->src[i];
        if (c < 0x20 || c == 0x7f) {
            lx->pos = i;
            error_here(lx, CANDID_ERR_SYNTAX, "control character in text (write an escape)");
            return;
        }
    }
    uint8_t *out = candid_arena_alloc(lx->arena, end - p + 1, 1);
    if (!out) {
        error_here(lx, CANDID_ERR_ARENA_FULL, "out of memory");
        return;
    }
    size_t n = 0;
    for (;;) {
        if (p >= lx->len || (lx->src[p] == '\n' && !lx->raw_text)) {
            lx->pos = p;
            error_here(lx, CANDID_ERR_SYNTAX, "unterminated text");
            return;
        }
        char c = lx->src[p];
        if (c == '"') break;
        if (c != '\\') {
            if (c == '\n') { /* raw_text: the text goes on on the next line */
                lx->line++;
                lx->line_start = p + 1;
            }
            out[n++] = (uint8_t)c;
            p++;
            continue;
        }
        if (p + 1 >= lx->len) {
            lx->pos = p;
            error_here(lx, CANDID_ERR_SYNTAX, "unterminated text");
            return;
        }
        char e = lx->src[p + 1];
        switch (e) {
        case 'n': out[n++] = '\n'; p += 2; break;
        case 'r': out[n++] = '\r'; p += 2; break;
        case 't': out[n++] = '\t'; p += 2; break;
        case '\\': out[n++] = '\\'; p += 2; break;
        case '"': out[n++] = '"'; p += 2; break;
        case '\'': out[n++] = '\''; p += 2; break;
        case 'u': {
            size_t q = p + 2;
            uint32_t cp = 0;
            int digits = 0, ok = q < lx->len && lx->src[q] == '{';
            if (ok) q++;
            /* any number of digits, leading zeros included, as the
             * reference lexer reads them; cp saturates past the range */
            while (ok && q < lx->len && (is_hex(lx->src[q]) || (lx->src[q] == '_' && digits))) {
                if (lx->src[q] != '_') {
                    if (cp <= 0x10ffff) cp = cp * 16 + (uint32_t)hex_val(lx->src[q]);
                    digits++;
                }
                q++;
            }
            if (!ok || !digits || q >= lx->len || lx->src[q] != '}') {
                lx->pos = p;
                error_here(lx, CANDID_ERR_SYNTAX, "malformed \\u{...} escape");
                return;
            }
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                lx->pos = p;
                error_here(lx, CANDID_ERR_SYNTAX, "\\u{...} is not a Unicode scalar value");
                return;
            }
            n += put_utf8(out + n, cp);
            p = q + 1;
            break;
        }
        default:
            if (p + 2 < lx->len && is_hex(e) && is_hex(lx->src[p + 2])) {
                out[n++] = (uint8_t)(hex_val(e) << 4 | hex_val(lx->src[p + 2]));
                p += 3;
                break;
            }
            lx->pos = p;
            error_here(lx, CANDID_ERR_SYNTAX, "unknown escape in text");
            return;
        }
    }
    lx->tok.kind = TK_TEXT;
    lx->tok.text = out;
    lx->tok.text_len = n;
    lx->tok.text_utf8 = candid_utf8_valid(out, n);
    lx->pos = p + 1;
}

static int id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static void lex_number(lexer *lx) {
    size_t p = lx->pos;
    const char *s = lx->src;
    int is_float = 0;
    if (s[p] == '+' || s[p] == '-') p++;
    if (p + 1 < lx->len && s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'X')) {
        p += 2;
        while (p < lx->len && (is_hex(s[p]) || s[p] == '_')) p++;
        if (p < lx->len && s[p] == '.') {
            is_float = 1;
            p++;
            while (p < lx->len && (is_hex(s[p]) || s[p] == '_')) p++;
        }
        if (p < lx->len && (s[p] == 'p' || s[p] == 'P')) {
            is_float = 1;
            p++;
            if (p < lx->len && (s[p] == '+' || s[p] == '-')) p++;
            while (p < lx->len && s[p] >= '0' && s[p] <= '9') p++;
        }
    } else {
        while (p < lx->len && ((s[p] >= '0' && s[p] <= '9') || s[p] == '_')) p++;
        /* a '.' followed by a digit, or ending the number, is a fraction;
         * '.' before a name is the func-reference dot and not ours */
        if (p < lx->len && s[p] == '.' && !(p + 1 < lx->len && (id_char(s[p + 1]) && !(s[p + 1] >= '0' && s[p + 1] <= '9') && s[p + 1] != 'e' && s[p + 1] != 'E'))) {
            is_float = 1;
            p++;
            while (p < lx->len && ((s[p] >= '0' && s[p] <= '9') || s[p] == '_')) p++;
        }
        if (p < lx->len && (s[p] == 'e' || s[p] == 'E')) {
            is_float = 1;
            p++;
            if (p < lx->len && (s[p] == '+' || s[p] == '-')) p++;
            while (p < lx->len && s[p] >= '0' && s[p] <= '9') p++;
        }
    }
    lx->tok.kind = TK_NUM;
    lx->tok.num_float = is_float;
    lx->pos = p;
}

void lex_next(lexer *lx) {
    skip_space(lx);
    token *t = &lx->tok;
    memset(t, 0, sizeof *t);
    t->line = lx->line;
    t->col = (uint32_t)(lx->pos - lx->line_start + 1);
    t->start = lx->src + lx->pos;
    if (lx->err || lx->pos >= lx->len) {
        t->kind = TK_EOF;
        return;
    }
    const char *s = lx->src + lx->pos;
    size_t rest = lx->len - lx->pos;
    char c = s[0];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        size_t n = 1;
        while (n < rest && id_char(s[n])) n++;
        t->kind = TK_ID;
        lx->pos += n;
    } else if ((c >= '0' && c <= '9') ||
               ((c == '-' || c == '+') && rest > 1 && s[1] >= '0' && s[1] <= '9')) {
        lex_number(lx);
    } else if ((c == '-' || c == '+') && rest >= 4 && memcmp(s + 1, "inf", 3) == 0 &&
               (rest == 4 || !id_char(s[4]))) {
        /* signed infinity, as floats print */
        t->kind = TK_NUM;
        t->num_float = 1;
        lx->pos += 4;
    } else if (c == '"') {
        lex_text(lx);
        if (lx->err) {
            t->kind = TK_EOF;
            return;
        }
    } else {
        static const struct { const char *s; tok_kind k; } ops[] = {
            {"->", TK_ARROW}, {"!:", TK_NOTCOLON}, {"==", TK_EQEQ}, {"!=", TK_NEQ},
            {"(", TK_LPAREN}, {")", TK_RPAREN}, {"{", TK_LBRACE}, {"}", TK_RBRACE},
            {";", TK_SEMI},   {":", TK_COLON},  {",", TK_COMMA},  {"=", TK_EQ},
            {".", TK_DOT},
        };
        size_t i;
        for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
            size_t n = strlen(ops[i].s);
            if (rest >= n && memcmp(s, ops[i].s, n) == 0) {
                t->kind = ops[i].k;
                lx->pos += n;
                break;
            }
        }
        if (i == sizeof ops / sizeof ops[0]) {
            error_here(lx, CANDID_ERR_SYNTAX, "unexpected character");
            t->kind = TK_EOF;
            return;
        }
    }
    t->len = (size_t)(lx->src + lx->pos - t->start);
}
