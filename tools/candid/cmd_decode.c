/* candid decode: a binary message to textual values. */
#include <stdlib.h>
#include <string.h>

#include "options.h"

static const char help[] =
    "usage: candid decode [-d defs.did] [-t '(T, ...)' | -m METHOD] HEX|-|@file\n"
    "Prints the values of a Candid message. With -t (or -m, the argument types\n"
    "of a method of the service in -d) the message is decoded at those types,\n"
    "with the subtyping rules of the spec; without, at its own wire types.\n"
    "The message is hex text, '-' for standard input, or @file (raw bytes or hex).\n";

int cmd_decode(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    const char *input;
    session_init(&s);
    int rc = EXIT_USAGE;
    if (parse_options(argc, argv, &s, 1, &input) || !input) {
        if (!input) fputs(help, stderr);
        goto out;
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
