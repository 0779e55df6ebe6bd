/* candid check: a .did file parses and resolves, and optionally is a safe
 * upgrade of a previous version of the interface. */
#include <string.h>

#include "options.h"

static const char help[] =
    "usage: candid check FILE.did [PREVIOUS.did] [--strict]\n"
    "Parses FILE.did and resolves its names; errors are reported with\n"
    "line:column. With PREVIOUS.did, also checks that the new service is a\n"
    "subtype of the previous one (a safe upgrade: every old method is still\n"
    "there with a type that old clients can call), naming each incompatible\n"
    "method and where its types differ. Argument types are compared the other\n"
    "way round (old <: new): the reasons inside arguments speak of the old\n"
    "argument as the subtype. Places where the upgrade is safe only by the\n"
    "special opt rule (a value whose type changed inside an opt, which the\n"
    "receiver then reads as null) are reported as warnings on stderr.\n"
    "--strict requires the two services to be structurally equal.\n"
    "Exit status 0 when the file is valid (and the upgrade safe), 1 otherwise,\n"
    "2 for bad usage.\n";

typedef struct report {
    const char *headline; /* printed before the first problem */
    int problems;
} report;

static void problem(report *r) {
    if (!r->problems++) fputs(r->headline, stderr);
}

typedef struct method_name {
    const char *name;
    int len;
} method_name;

static void print_warning(void *ctx, const char *warning) {
    const method_name *m = ctx;
    fprintf(stderr, "candid: warning: method '%.*s': %s (only by the special opt rule: "
                    "the receiver reads null)\n", m->len, m->name, warning);
}

/* Reports each method of the old service that the new one lacks or changes
 * incompatibly (with --strict, also methods only in the new one). Returns
 * the number of problems, or -1 after an error that stops the comparison. */
static int compare_services(session *s, const candid_type *cur, const candid_type *old,
                            unsigned flags, report *r) {
    uint32_t i = 0, j = 0;
    while (i < cur->count || j < old->count) {
        const candid_method *mc = i < cur->count ? &cur->methods[i] : NULL;
        const candid_method *mo = j < old->count ? &old->methods[j] : NULL;
        int cmp;
        if (!mc || !mo) {
            cmp = mc ? -1 : 1;
        } else {
            uint32_t n = mc->name_len < mo->name_len ? mc->name_len : mo->name_len;
            cmp = memcmp(mc->name, mo->name, n);
            if (!cmp) cmp = (mc->name_len > mo->name_len) - (mc->name_len < mo->name_len);
        }
        if (cmp < 0) { /* only in the new service */
            if (flags & CANDID_SUB_EQUAL) {
                problem(r);
                fprintf(stderr, "  method '%.*s' was added\n", (int)mc->name_len, mc->name);
            }
            i++;
        } else if (cmp > 0) {
            problem(r);
            fprintf(stderr, "  method '%.*s' was removed\n", (int)mo->name_len, mo->name);
            j++;
        } else {
            char why[1024];
            int holds;
            candid_status st = candid_subtype_explain(mc->type, mo->type, flags, s->work, s->work_cap,
                                                      &holds, why, sizeof why);
            if (st) {
                fprintf(stderr, "candid: cannot compare method '%.*s': %s (%s)\n", (int)mc->name_len,
                        mc->name, candid_status_message(st), candid_status_name(st));
                return -1;
            }
            if (!holds) {
                problem(r);
                fprintf(stderr, "  method '%.*s': %s\n", (int)mc->name_len, mc->name, why);
            } else if (!flags) {
                method_name m = {mc->name, (int)mc->name_len};
                st = candid_subtype_warnings(mc->type, mo->type, s->work, s->work_cap, print_warning, &m);
                if (st) {
                    fprintf(stderr, "candid: cannot compare method '%.*s': %s (%s)\n", m.len, m.name,
                            candid_status_message(st), candid_status_name(st));
                    return -1;
                }
            }
            i++;
            j++;
        }
    }
    return r->problems;
}

int cmd_check(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    /* Both files load into one session, each into its own environment: the
     * previous one first, then the session's environment starts afresh. */
    session s;
    session_init(&s);
    candid_idl old = {0};
    int rc = EXIT_USAGE;
    cli_options o = {.command = "check", .argument = "FILE.did", .argument2 = "PREVIOUS.did",
                     .argument_optional = 1, .allowed = OPT_STRICT};
    if (parse_options(argc, argv, &s, &o)) goto out;
    const char *files[2] = {o.positional, o.positional2};
    unsigned flags = o.given & OPT_STRICT ? CANDID_SUB_EQUAL : 0;
    if (flags && !files[1]) {
        usage_error(o.command, "--strict needs PREVIOUS.did");
        goto out;
    }
    rc = EXIT_FAILURE_INPUT;
    if (files[1]) {
        s.defs_path = files[1];
        if (session_types(&s)) goto out;
        old = s.idl;
        candid_idl_init(&s.idl, &s.types);
    }
    s.defs_path = files[0];
    if (session_types(&s)) goto out;
    if (!files[1]) {
        printf("%s: ok\n", files[0]);
        rc = EXIT_OK;
        goto out;
    }
    const candid_type *cs = s.idl.service, *os = old.service;
    if (!os) {
        fprintf(stderr, "candid: %s has no service to compare with\n", files[1]);
        goto out;
    }
    if (!cs) {
        fprintf(stderr, "candid: %s has no service, %s has one\n", files[0], files[1]);
        goto out;
    }
    const char *relation = flags ? "structurally equal to" : "a compatible upgrade of";
    char headline[4096];
    snprintf(headline, sizeof headline, "candid: %s is not %s %s:\n", files[0], relation, files[1]);
    report r = {headline, 0};
    if (compare_services(&s, cs, os, flags, &r) == 0) {
        printf("%s is %s %s\n", files[0], relation, files[1]);
        rc = EXIT_OK;
    }
out:
    session_free(&s);
    return rc;
}
