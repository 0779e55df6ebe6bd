/* candid random: random values of given types, as text or messages. */
#include <stdlib.h>
#include <string.h>

#include "candid/random.h"
#include "options.h"

static const char help[] =
    "usage: candid random [-d defs.did] (-t '(T, ...)' | -m METHOD [--reply])\n"
    "                     [--seed N] [-n|--count N] [-f|--format text|hex|bin]\n"
    "                     [--max-size N] [--max-depth N]\n"
    "Prints random values of the types (names from -d; with -m the argument\n"
    "types of that method of the service in -d, its result types with --reply),\n"
    "the same ones for the same seed. Numbers favour their extremes (nat and int\n"
    "beyond 64 bits, NaN, infinities, -0), texts are often empty or multibyte,\n"
    "principals have 0 to 29 bytes; recursive types stop growing with depth.\n"
    "  --seed N       the seed (default 0)\n"
    "  -n, --count N  how many argument lists (default 1)\n"
    "  --format F     text (default): one per line, as `candid encode` reads\n"
    "                 them with the same -d and -t or -m; hex: each encoded, one\n"
    "                 per line; bin: the encoded bytes, one message after another\n"
    "  --max-size N   values per argument list before every further value is\n"
    "                 the smallest its type allows: null, vec {}, the variant\n"
    "                 case nearest to a leaf (default 64)\n"
    "  --max-depth N  nesting before values are the smallest (default 8)\n"
    "A type with no values (every value would need one of type empty) fails\n"
    "with exit status 1: cannot generate a value.\n";

static const char *const formats[] = {"text", "hex", "bin", NULL};

/* Prints or encodes one random argument list; non-zero after a failure
 * (reported). */
static int one(session *s, candid_random *r, const char *format) {
    const candid_type *args = s->args;
    void *values = candid_arena_alloc(&s->values, args->size ? args->size : 1, 16);
    if (!values) return 1;
    memset(values, 0, args->size);
    candid_status st = candid_random_value(r, args, values, &s->values);
    if (st) {
        fprintf(stderr, "candid random: %s (%s)\n",
                st == CANDID_ERR_EMPTY_VALUE
                    ? "cannot generate a value: every value of the types needs one of type empty"
                    : candid_status_message(st),
                candid_status_name(st));
        return 1;
    }
    if (strcmp(format, "text") == 0) {
        candid_strbuf out = {0};
        st = candid_text_print_args(args, values, &out);
        if (!st) puts(out.data);
        candid_strbuf_free(&out);
    } else {
        uint8_t *msg;
        size_t len;
        st = session_encode(s, args, values, &msg, &len);
        if (!st && strcmp(format, "bin") == 0) fwrite(msg, 1, len, stdout);
        else if (!st) cli_print_hex(stdout, msg, len);
        if (!st) free(msg);
    }
    if (st) fprintf(stderr, "candid random: %s (%s)\n", candid_status_message(st), candid_status_name(st));
    return st != CANDID_OK;
}

int cmd_random(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    session s;
    session_init(&s);
    int rc = EXIT_USAGE;
    cli_options o = {.command = "random", .formats = formats,
                     .allowed = OPT_DEFS | OPT_TYPES | OPT_METHOD | OPT_REPLY | OPT_FORMAT |
                                OPT_SEED | OPT_COUNT | OPT_MAX_SIZE | OPT_MAX_DEPTH};
    if (parse_options(argc, argv, &s, &o)) goto out;
    if (!s.type_text && !s.method) {
        rc = usage_error("random", "give the types with -t or -m");
        goto out;
    }
    if (((o.given & OPT_MAX_SIZE) && o.max_size > UINT32_MAX) ||
        ((o.given & OPT_MAX_DEPTH) && o.max_depth > UINT32_MAX)) {
        rc = usage_error("random", "--max-size and --max-depth must be below 2^32");
        goto out;
    }
    rc = EXIT_FAILURE_INPUT;
    if (session_types(&s)) goto out;
    candid_random r;
    candid_random_init(&r, o.seed);
    if (o.given & OPT_MAX_SIZE) r.max_size = (uint32_t)o.max_size;
    if (o.given & OPT_MAX_DEPTH) r.max_depth = (uint32_t)o.max_depth;
    uint64_t count = o.given & OPT_COUNT ? o.count : 1;
    for (uint64_t i = 0; i < count; i++) {
        candid_arena_reset(&s.values);
        if (one(&s, &r, o.format)) goto out;
    }
    rc = EXIT_OK;
out:
    session_free(&s);
    return rc;
}
