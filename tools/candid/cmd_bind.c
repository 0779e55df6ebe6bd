/* candid bind: typed C stubs from a .did file (tools/candid/bind). */
#include <stdlib.h>
#include <string.h>

#include "bind/bind.h"
#include "cli.h"

static const char help[] =
    "usage: candid bind --target c [-o DIR] [--name NAME] [--nat u64|big]\n"
    "                   [-m METHOD,...] [--server] FILE.did\n"
    "Writes DIR/NAME.h and DIR/NAME.c (DIR defaults to '.', NAME to the file's\n"
    "stem): a C type per Candid type, const descriptor tables, precomputed\n"
    "message headers, typed encoders and decoders for every named type and\n"
    "every method's arguments and results, and client call stubs. -m limits\n"
    "the method stubs to the methods listed. --nat big represents nat and int\n"
    "as candid_bignum (default u64: uint64_t/int64_t, range-checked).\n"
    "--server adds the service's entry points: NAME_METHOD_serve decodes the\n"
    "arguments, calls NAME_METHOD_impl (yours to write) and replies; built for\n"
    "Wasm they are the canister_update/query/composite_query/init exports.\n";

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

int cmd_bind(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    const char *target = NULL, *dir = ".", *name = NULL, *file = NULL, *mlist = NULL;
    bind_opts o = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--target") == 0 && v) target = v, i++;
        else if (strcmp(a, "-o") == 0 && v) dir = v, i++;
        else if (strcmp(a, "--name") == 0 && v) name = v, i++;
        else if (strcmp(a, "-m") == 0 && v) mlist = v, i++;
        else if (strcmp(a, "--server") == 0) o.server = 1;
        else if (strcmp(a, "--nat") == 0 && v && (!strcmp(v, "u64") || !strcmp(v, "big")))
            o.nat_big = v[0] == 'b', i++;
        else if (a[0] != '-' && !file) file = a;
        else {
            fprintf(stderr, "candid bind: unexpected argument '%s'\n%s", a, help);
            return EXIT_USAGE;
        }
    }
    if (!file || (target && strcmp(target, "c") != 0)) {
        fprintf(stderr, target && strcmp(target, "c") ? "candid bind: the only target is c\n%s" : "%s", help);
        return EXIT_USAGE;
    }
    char *stem = name ? bind_escape(name, strlen(name)) : stem_of(file);
    char *methods_copy = mlist ? bind_fmt("%s", mlist) : NULL;
    const char **methods = NULL;
    if (methods_copy) {
        methods = calloc(strlen(methods_copy) + 1, sizeof *methods);
        for (char *tok = strtok(methods_copy, ","); tok; tok = strtok(NULL, ","))
            methods[o.nmethods++] = tok;
        o.methods = methods;
    }
    o.name = stem;
    o.did_name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    int rc = EXIT_FAILURE_INPUT;
    enum { TYPES_CAP = 64u << 20 };
    void *mem = malloc(TYPES_CAP);
    cli_bytes src = {0};
    candid_arena arena;
    candid_idl idl;
    candid_syntax_error e;
    bind_model m = {0};
    if (!mem || cli_read_file(file, &src)) goto out;
    candid_arena_init(&arena, mem, TYPES_CAP);
    candid_idl_init(&idl, &arena);
    if (candid_idl_parse(&idl, (const char *)src.data, src.len, &e)) {
        fprintf(stderr, "candid: %s:%u:%u: %s (%s)\n", file, e.line, e.column,
                e.message ? e.message : candid_status_message(e.status), candid_status_name(e.status));
        goto out;
    }
    if (bind_model_build(&m, &idl, &o)) goto out;
    if (write_file(dir, stem, "h", &m) || write_file(dir, stem, "c", &m)) goto out;
    rc = EXIT_OK;
out:
    if (m.names) bind_model_free(&m);
    free(src.data);
    free(mem);
    free(stem);
    free(methods_copy);
    free(methods);
    return rc;
}
