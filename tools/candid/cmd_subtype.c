/* candid subtype: whether one type is a subtype of another, and why not. */
#include <string.h>

#include "options.h"

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
    session s;
    session_init(&s);
    int rc = EXIT_USAGE;
    cli_options o = {.command = "subtype", .argument = "T1", .argument2 = "T2",
                     .allowed = OPT_DEFS | OPT_STRICT};
    if (parse_options(argc, argv, &s, &o)) goto out;
    const char *types[2] = {o.positional, o.positional2};
    unsigned flags = o.given & OPT_STRICT ? CANDID_SUB_EQUAL : 0;
    rc = EXIT_FAILURE_INPUT;
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
