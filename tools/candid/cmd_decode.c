/* candid decode: a binary message to textual values. */
#include <stdlib.h>
#include <string.h>

#include "options.h"

static const char help[] =
    "usage: candid decode [-d defs.did] [-t '(T, ...)' | -m METHOD [--reply]]\n"
    "                     [--budget STEPS] [--max-depth N] HEX|-|@file\n"
    "Prints the values of a Candid message. With -t (or -m: the argument types\n"
    "of that method of the service in -d, its result types with --reply) the\n"
    "message is decoded at those types, with the subtyping rules of the spec;\n"
    "without, at its own wire types. The message is hex text, '-' for standard\n"
    "input, or @file (raw bytes or hex).\n"
    "  --budget STEPS   at most STEPS decoding steps (one per value, field or\n"
    "                   element, one per 16 bytes of text or blob), and as many\n"
    "                   for skipped values; default 100000 + 64 per message byte\n"
    "  --max-depth N    at most N levels of nesting in types and values\n"
    "                   (default 4096)\n"
    "Exceeding either fails with exit status 1 (budget or depth exceeded).\n";

int cmd_decode(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    const char *input;
    session_init(&s);
    int rc = EXIT_USAGE;
    cli_options o = {.command = "decode", .argument = "the message (HEX, - or @file)",
                     .allowed = OPT_DEFS | OPT_TYPES | OPT_METHOD | OPT_REPLY | OPT_BUDGET |
                                OPT_MAX_DEPTH};
    if (parse_options(argc, argv, &s, &o)) goto out;
    input = o.positional;
    if (o.given & OPT_BUDGET) {
        s.limits.budget_base = s.limits.skip_base = o.budget;
        s.limits.budget_per_byte = s.limits.skip_per_byte = 0;
    }
    if (o.given & OPT_MAX_DEPTH) {
        if (o.max_depth < 1 || o.max_depth > UINT32_MAX) {
            rc = usage_error("decode", "--max-depth must be between 1 and %u", UINT32_MAX);
            goto out;
        }
        s.limits.max_depth = (uint32_t)o.max_depth;
    }
    rc = EXIT_FAILURE_INPUT;
    cli_bytes msg;
    if (session_types(&s) || cli_read_message(input, &msg)) goto out;
    const candid_type *args;
    void *values;
    size_t off;
    candid_status st = session_decode(&s, msg.data, msg.len, s.args, &args, &values, &off);
    if (st) {
        /* the path to the failing value when the decoder could trace it */
        if (s.error_path[0])
            fprintf(stderr, "candid: decoding failed: %s (%s)\n", s.error_path, candid_status_name(st));
        else
            fprintf(stderr, "candid: decoding failed at byte %zu: %s (%s)\n", off,
                    candid_status_message(st), candid_status_name(st));
    } else {
        candid_strbuf out = {0};
        st = candid_text_print_args(args, values, &out);
        if (!st) {
            puts(out.data);
            rc = EXIT_OK;
        } else {
            fprintf(stderr, "candid: cannot print: %s\n", candid_status_message(st));
        }
        candid_strbuf_free(&out);
    }
    free(msg.data);
out:
    session_free(&s);
    return rc;
}
