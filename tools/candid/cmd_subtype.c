/* candid subtype: whether one type is a subtype of another, and why not. */
#include <string.h>

#include "session.h"

static const char help[] =
    "usage: candid subtype [-d defs.did] [--strict] T1 T2\n"
    "Decides T1 <: T2 by the subtyping rules of the spec (with --strict:\n"
    "structural equality), where T1 and T2 are type expressions that may use\n"
    "the definitions of defs.did. Exit status 0 when it holds, 1 when not\n"
    "(the reason on stderr: where the types differ and how), 2 for bad usage.\n"
    "Where it holds only by the special opt rule (a type changed inside an\n"
    "opt: the receiver reads null), a warning on stderr says where.\n";

static void print_warning(void *ctx, const char *warning) {
    (void)ctx;
    fprintf(stderr, "candid: warning: %s (only by the special opt rule: the receiver reads null)\n",
            warning);
}

int cmd_subtype(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    const char *types[2] = {NULL, NULL};
    const char *defs = NULL;
    unsigned flags = 0;
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-d") == 0 || strcmp(argv[i], "--defs") == 0) && i + 1 < argc) {
            defs = argv[++i];
        } else if (strcmp(argv[i], "--strict") == 0) {
            flags |= CANDID_SUB_EQUAL;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "candid: unknown option %s\n", argv[i]);
            return EXIT_USAGE;
        } else if (n < 2) {
            types[n++] = argv[i];
        } else {
            fprintf(stderr, "candid: unexpected argument %s\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (n < 2) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    session s;
    session_init(&s);
    s.defs_path = defs;
    int rc = EXIT_FAILURE_INPUT;
    const candid_type *t[2];
    if (session_types(&s)) goto out;
    for (int k = 0; k < 2; k++) {
        candid_syntax_error e;
        if (candid_idl_parse_type(&s.idl, types[k], strlen(types[k]), &t[k], &e)) {
            print_syntax_error(k ? "T2" : "T1", &e);
            goto out;
        }
    }
    char why[1024];
    int holds;
    candid_status st = candid_subtype_explain(t[0], t[1], flags, s.work, s.work_cap, &holds, why,
                                              sizeof why);
    if (st) {
        fprintf(stderr, "candid: cannot compare: %s (%s)\n", candid_status_message(st),
                candid_status_name(st));
    } else if (!holds) {
        fprintf(stderr, "candid: %s is not %s %s: %s\n", types[0],
                flags ? "equal to" : "a subtype of", types[1], why);
    } else {
        rc = EXIT_OK;
        if (!flags) st = candid_subtype_warnings(t[0], t[1], s.work, s.work_cap, print_warning, NULL);
        if (st) {
            fprintf(stderr, "candid: cannot compare: %s (%s)\n", candid_status_message(st),
                    candid_status_name(st));
            rc = EXIT_FAILURE_INPUT;
        }
    }
out:
    session_free(&s);
    return rc;
}
