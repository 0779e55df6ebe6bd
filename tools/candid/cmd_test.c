/* candid test: runs files in the conformance suite's format. */
#include <stdlib.h>
#include <string.h>

#include "candid/testfile.h"
#include "options.h"

static const char help[] =
    "usage: candid test [--round-trip] FILE.test.did...\n"
    "Runs the assertions of conformance-suite files: blob inputs are decoded,\n"
    "text inputs parsed, at the assertion's types, and compared. Prints each\n"
    "failure (file:line, description, what happened) and a final line\n"
    "'N passed, N failed'. With --round-trip, every blob that decodes is also\n"
    "printed, parsed back, encoded and decoded again, and must stay equal.\n";

typedef struct outcome {
    candid_status st;
    size_t off;
    void *values;
    candid_syntax_error err;
} outcome;

static void run_input(session *s, const candid_test_input *in, const candid_type *args, outcome *o) {
    memset(o, 0, sizeof *o);
    if (in->is_blob) {
        const candid_type *used;
        o->st = session_decode(s, in->bytes, in->len, args, &used, &o->values, &o->off);
        return;
    }
    o->values = candid_arena_alloc(&s->values, args->size ? args->size : 1, 16);
    if (!o->values) {
        o->st = CANDID_ERR_ARENA_FULL;
        return;
    }
    memset(o->values, 0, args->size);
    o->st = candid_text_parse_args((const char *)in->bytes, in->len, args, o->values, &s->values,
                                   &s->idl, &o->err);
}

static int args_equal(const candid_type *args, const void *a, const void *b) {
    for (uint32_t i = 0; i < args->count; i++) {
        const candid_field *f = &args->fields[i];
        if (!candid_value_equal(f->type, (const uint8_t *)a + f->offset, (const uint8_t *)b + f->offset))
            return 0;
    }
    return 1;
}

static void describe(char *buf, size_t cap, const candid_test_input *in, const outcome *o) {
    if (!o->st) {
        snprintf(buf, cap, "%s accepted", in->is_blob ? "blob" : "text");
    } else if (in->is_blob) {
        snprintf(buf, cap, "blob rejected at byte %zu: %s", o->off, candid_status_message(o->st));
    } else {
        snprintf(buf, cap, "text rejected at %u:%u: %s", o->err.line, o->err.column,
                 o->err.message ? o->err.message : candid_status_message(o->st));
    }
}

/* print -> parse -> encode -> decode must give an equal value. */
static int round_trip(session *s, const candid_type *args, const void *values, char *why, size_t cap) {
    candid_strbuf text = {0};
    candid_status st = candid_text_print_args(args, values, &text);
    int ok = 0;
    if (st) {
        snprintf(why, cap, "print failed: %s", candid_status_message(st));
        goto out;
    }
    void *parsed = candid_arena_alloc(&s->values, args->size ? args->size : 1, 16);
    candid_syntax_error e;
    if (!parsed) goto out;
    memset(parsed, 0, args->size);
    st = candid_text_parse_args(text.data, text.len, args, parsed, &s->values, &s->idl, &e);
    if (st) {
        snprintf(why, cap, "printed %s does not parse: %u:%u %s", text.data, e.line, e.column, e.message);
        goto out;
    }
    uint8_t *msg;
    size_t len, off;
    st = session_encode(s, args, parsed, &msg, &len);
    if (st) {
        snprintf(why, cap, "encoding %s failed: %s", text.data, candid_status_message(st));
        goto out;
    }
    const candid_type *used;
    void *back;
    st = session_decode(s, msg, len, args, &used, &back, &off);
    if (st) {
        snprintf(why, cap, "re-encoded %s does not decode: %s", text.data, candid_status_message(st));
    } else if (!args_equal(args, values, back)) {
        snprintf(why, cap, "%s changed in the round trip", text.data);
    } else {
        ok = 1;
    }
    free(msg); /* after the comparison: decoded text points into it */
out:
    candid_strbuf_free(&text);
    return ok;
}

int cmd_test(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    int trip = 0, files = 0;
    long pass = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--round-trip") == 0) trip = 1;
        else if (argv[i][0] == '-') return usage_error("test", "unknown option '%s'", argv[i]);
        else files++;
    }
    if (!files) return usage_error("test", "missing FILE.test.did");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--round-trip") == 0) continue;
        session s;
        session_init(&s);
        cli_bytes src;
        if (cli_read_file(argv[i], &src)) {
            failed++;
            session_free(&s);
            continue;
        }
        candid_test_assertion *a;
        size_t count;
        candid_syntax_error e;
        if (candid_testfile_parse(&s.idl, (const char *)src.data, src.len, &a, &count, &e)) {
            print_syntax_error(argv[i], &e);
            failed++;
            free(src.data);
            session_free(&s);
            continue;
        }
        for (; a; a = a->next) {
            candid_arena_reset(&s.values);
            outcome l, r;
            run_input(&s, &a->left, a->args, &l);
            int two = a->kind == CANDID_TEST_EQUAL || a->kind == CANDID_TEST_NOT_EQUAL;
            if (two) run_input(&s, &a->right, a->args, &r);
            int ok;
            char what[512] = "";
            switch (a->kind) {
            case CANDID_TEST_ACCEPT:
                ok = l.st == CANDID_OK;
                describe(what, sizeof what, &a->left, &l);
                break;
            case CANDID_TEST_REJECT:
                ok = l.st != CANDID_OK;
                describe(what, sizeof what, &a->left, &l);
                break;
            default:
                if (l.st || r.st) {
                    ok = 0;
                    describe(what, sizeof what, l.st ? &a->left : &a->right, l.st ? &l : &r);
                } else {
                    int eq = args_equal(a->args, l.values, r.values);
                    ok = a->kind == CANDID_TEST_EQUAL ? eq : !eq;
                    snprintf(what, sizeof what, "values are %s", eq ? "equal" : "different");
                }
            }
            if (ok && trip) {
                const candid_test_input *ins[2] = {&a->left, two ? &a->right : NULL};
                const outcome *outs[2] = {&l, &r};
                for (int k = 0; k < 2 && ok; k++) {
                    if (!ins[k] || !ins[k]->is_blob || outs[k]->st) continue;
                    ok = round_trip(&s, a->args, outs[k]->values, what, sizeof what);
                }
            }
            if (ok) {
                pass++;
            } else {
                failed++;
                printf("%s:%u: %.*s: %s\n", argv[i], a->line, (int)a->desc_len, a->desc ? a->desc : "",
                       what);
            }
        }
        free(src.data);
        session_free(&s);
    }
    printf("%ld passed, %ld failed\n", pass, failed);
    return failed ? EXIT_FAILURE_INPUT : EXIT_OK;
}
