/* candid encode: textual values to a binary message. */
#include <stdlib.h>
#include <string.h>

#include "options.h"

static const char help[] =
    "usage: candid encode [-d defs.did] [-t '(T, ...)' | -m METHOD [--reply]]\n"
    "                     [-f|--format hex|bin] ['(v, ...)' | - | @file]\n"
    "Encodes textual Candid values. With -t the values take those types (names\n"
    "from -d); with -m, the argument types of that method of the service in -d\n"
    "(its result types with --reply); without either, the types the values have\n"
    "by themselves (integers are int). Prints hex and a newline (the default), or\n"
    "writes the raw bytes with --format bin. The values are the argument, '-' or\n"
    "nothing for standard input, or @file.\n";

static const char *const formats[] = {"hex", "bin", NULL};

int cmd_encode(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    const char *text;
    cli_bytes src = {0};
    session_init(&s);
    int rc = EXIT_USAGE;
    cli_options o = {.command = "encode", .formats = formats, .argument = "the values '(v, ...)'",
                     .argument_optional = 1,
                     .allowed = OPT_DEFS | OPT_TYPES | OPT_METHOD | OPT_REPLY | OPT_FORMAT};
    if (parse_options(argc, argv, &s, &o)) goto out;
    text = o.positional;
    rc = EXIT_FAILURE_INPUT;
    if (session_types(&s) || cli_read_text(text, &src)) goto out;
    candid_syntax_error e;
    const candid_type *args = s.args;
    if (!args && candid_text_infer_args((const char *)src.data, src.len, &args, &s.types, &s.idl, &e)) {
        print_syntax_error("values", &e);
        goto out;
    }
    void *values = candid_arena_alloc(&s.values, args->size ? args->size : 1, 16);
    if (!values) goto out;
    memset(values, 0, args->size);
    if (candid_text_parse_args((const char *)src.data, src.len, args, values, &s.values, &s.idl, &e)) {
        print_syntax_error("values", &e);
        goto out;
    }
    uint8_t *msg;
    size_t len;
    candid_status st = session_encode(&s, args, values, &msg, &len);
    if (st) {
        fprintf(stderr, "candid: encoding failed: %s (%s)\n", candid_status_message(st),
                candid_status_name(st));
        goto out;
    }
    if (strcmp(o.format, "bin") == 0) fwrite(msg, 1, len, stdout);
    else cli_print_hex(stdout, msg, len);
    free(msg);
    rc = EXIT_OK;
out:
    free(src.data);
    session_free(&s);
    return rc;
}
