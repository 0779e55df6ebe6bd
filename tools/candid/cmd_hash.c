/* candid hash NAME: the field id of a name. */
#include <string.h>

#include "candid/types.h"
#include "options.h"

static const char help[] =
    "usage: candid hash NAME...\n"
    "Prints the Candid field id of each NAME: h = h * 223 + byte, mod 2^32,\n"
    "over its UTF-8 bytes. Names after '--' may start with '-'.\n";

int cmd_hash(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (first >= argc) return usage_error("hash", "missing NAME");
    for (int i = first; i < argc; i++)
        if (first == 1 && argv[i][0] == '-') return usage_error("hash", "unknown option '%s'", argv[i]);
    for (int i = first; i < argc; i++) printf("%u\n", candid_hash(argv[i], strlen(argv[i])));
    return EXIT_OK;
}
