/* candid hash NAME: the field id of a name. */
#include <string.h>

#include "candid/types.h"
#include "cli.h"

static const char help[] =
    "usage: candid hash NAME...\n"
    "Prints the Candid field id of each NAME: h = h * 223 + byte, mod 2^32,\n"
    "over its UTF-8 bytes.\n";

int cmd_hash(int argc, char **argv) {
    if (cli_wants_help(argc, argv, help)) return EXIT_OK;
    if (argc < 2) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) printf("%u\n", candid_hash(argv[i], strlen(argv[i])));
    return EXIT_OK;
}
