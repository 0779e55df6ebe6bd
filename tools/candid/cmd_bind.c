/* candid bind: typed C stubs from a .did file (tools/candid/bind). */
#include <stdlib.h>
#include <string.h>

#include "bind/bind.h"
#include "bind/emit_rust.h"
#include "options.h"

static const char help[] =
    "usage: candid bind --target c|rust [-o DIR] [--name NAME] [--nat u64|big]\n"
    "                   [-m METHOD,...] [--server] [--fast|--no-fast] FILE.did\n"
    "       candid bind --target motoko [-o DIR] [--name NAME] FILE.did\n"
    "Writes DIR/NAME.h and DIR/NAME.c (DIR defaults to '.', NAME to the file's\n"
    "stem): a C type per Candid type, const descriptor tables, precomputed\n"
    "message headers, typed encoders and decoders for every named type and\n"
    "every method's arguments and results, and client call stubs. -m limits\n"
    "the method stubs to the methods listed. --nat big represents nat and int\n"
    "as candid_bignum (default u64: uint64_t/int64_t, range-checked).\n"
    "--server adds the service's entry points: NAME_METHOD_serve decodes the\n"
    "arguments, calls NAME_METHOD_impl (yours to write) and replies; built for\n"
    "Wasm they are the canister_update/query/composite_query/init exports.\n"
    "--fast (the default) adds, for every type a stub sends or expects, a\n"
    "straight-line decoder taken when the arriving type table is the one the\n"
    "stub itself would send, and a straight-line encoder; --no-fast leaves\n"
    "them out for size (every message then goes through the interpreter).\n"
    "--target motoko writes DIR/NAME.mo: a Motoko module with a type per\n"
    "definition, `Service` (the service as an actor type) and `Self` (didc's\n"
    "name; with init arguments, the class form `(ARGS) -> async Service`).\n"
    "--target rust writes DIR/NAME.rs (Rust types with the layout of NAME.h,\n"
    "safe decode/encode functions over NAME.c, for the libcandid crate) and\n"
    "DIR/NAME_layout.c (the same layouts asserted in C, to build with NAME.c).\n";

/* The file's stem with every character C does not allow in a name as
 * '_' (icrc_icrc-1.did: icrc_icrc_1). */
static char *stem_of(const char *path) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".did") == 0) n -= 4;
    char *s = bind_fmt("%s%.*s", n && b[0] >= '0' && b[0] <= '9' ? "_" : "", (int)n, b);
    for (char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'))) *c = '_';
    return s;
}

static int write_motoko(const char *dir, const char *name, const candid_idl *idl, const char *did_name) {
    char *path = bind_fmt("%s/%s.mo", dir, name);
    FILE *f = fopen(path, "w");
    int rc = 1;
    if (f) {
        rc = bind_emit_motoko(f, idl, did_name);
        rc |= fclose(f) != 0;
        if (rc) remove(path);
    }
    if (rc & 1) fprintf(stderr, "candid: cannot write %s\n", path);
    free(path);
    return rc;
}

static int write_file(const char *dir, const char *name, const char *ext, const bind_model *m) {
    char *path = bind_fmt("%s/%s.%s", dir, name, ext);
    FILE *f = fopen(path, "w");
    int rc = 1;
    if (f) {
        rc = ext[0] == 'h' ? bind_emit_header(f, m) : bind_emit_source(f, m);
        rc |= fclose(f) != 0;
    }
    if (rc) fprintf(stderr, "candid: cannot write %s\n", path);
    free(path);
    return rc;
}

static int write_rust(const char *dir, const char *name, const bind_model *m) {
    char *rs = bind_fmt("%s/%s.rs", dir, name), *lc = bind_fmt("%s/%s_layout.c", dir, name);
    FILE *fr = fopen(rs, "w"), *fc = fopen(lc, "w");
    int rc = !fr || !fc || bind_emit_rust(fr, fc, m);
    if (fr && fclose(fr) != 0) rc = 1;
    if (fc && fclose(fc) != 0) rc = 1;
    if (rc) fprintf(stderr, "candid: cannot write %s and %s\n", rs, lc);
    free(rs);
    free(lc);
    return rc;
}

int cmd_bind(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    session_init(&s);
    int rc = EXIT_USAGE;
    bind_opts o = {0};
    char *stem = NULL, *methods_copy = NULL;
    const char **methods = NULL;
    bind_model m = {0};
    cli_options c = {.command = "bind", .argument = "FILE.did",
                     .allowed = OPT_TARGET | OPT_OUT | OPT_NAME | OPT_NAT | OPT_SERVER | OPT_METHODS |
                                OPT_FAST | OPT_NO_FAST};
    if (parse_options(argc, argv, &s, &c)) goto out;
    int motoko = c.target && strcmp(c.target, "motoko") == 0;
    int rust = c.target && strcmp(c.target, "rust") == 0;
    if (c.target && strcmp(c.target, "c") != 0 && !motoko && !rust) {
        usage_error(c.command, "unknown target '%s' (the targets are c, motoko and rust)", c.target);
        goto out;
    }
    if (motoko && (c.given & (OPT_NAT | OPT_SERVER | OPT_METHODS | OPT_FAST | OPT_NO_FAST))) {
        usage_error(c.command, "--nat, --server, --fast, --no-fast and -m are options of --target c and rust");
        goto out;
    }
    if ((c.given & OPT_FAST) && (c.given & OPT_NO_FAST)) {
        usage_error(c.command, "--fast and --no-fast exclude each other");
        goto out;
    }
    if (c.nat && strcmp(c.nat, "u64") != 0 && strcmp(c.nat, "big") != 0) {
        usage_error(c.command, "--nat takes u64 or big, not '%s'", c.nat);
        goto out;
    }
    const char *file = c.positional, *dir = c.out ? c.out : ".";
    o.server = (c.given & OPT_SERVER) != 0;
    o.fast = (c.given & OPT_NO_FAST) == 0;
    o.nat_big = c.nat && c.nat[0] == 'b';
    stem = c.name ? bind_escape(c.name, strlen(c.name)) : stem_of(file);
    if (c.methods) {
        methods_copy = bind_fmt("%s", c.methods);
        methods = calloc(strlen(methods_copy) + 1, sizeof *methods);
        for (char *tok = strtok(methods_copy, ","); tok; tok = strtok(NULL, ","))
            methods[o.nmethods++] = tok;
        o.methods = methods;
    }
    o.name = stem;
    o.did_name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    rc = EXIT_FAILURE_INPUT;
    s.defs_path = file;
    if (session_types(&s)) goto out;
    if (motoko) {
        rc = write_motoko(dir, stem, &s.idl, o.did_name) ? EXIT_FAILURE_INPUT : EXIT_OK;
        goto out;
    }
    if (bind_model_build(&m, &s.idl, &o)) goto out;
    if (rust ? write_rust(dir, stem, &m)
             : write_file(dir, stem, "h", &m) || write_file(dir, stem, "c", &m))
        goto out;
    rc = EXIT_OK;
out:
    if (m.names) bind_model_free(&m);
    session_free(&s);
    free(stem);
    free(methods_copy);
    free(methods);
    return rc;
}
