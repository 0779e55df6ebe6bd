/* candid: encode, decode, generate, hash and test Candid from the command
 * line, with the usage didc users know. */
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: candid <command> [options]\n"
    "\n"
    "commands:\n"
    "  encode [-d defs.did] [-t '(T, ...)'] '(v, ...)'   textual values to a message (hex)\n"
    "  decode [-d defs.did] [-t '(T, ...)' | -m METHOD] HEX|-|@file\n"
    "                                                    a message to textual values\n"
    "  random [-d defs.did] -t '(T, ...)' [--seed N]     random values of the types\n"
    "  hash NAME...                                      field ids of names\n"
    "  test FILE.test.did...                             run conformance-suite files\n"
    "  bench [-d defs.did] -t '(T, ...)' HEX|@file       decode/encode timings\n"
    "  check FILE.did [PREVIOUS.did] [--strict]          validate; safe upgrade of PREVIOUS\n"
    "  subtype [-d defs.did] T1 T2                       whether T1 <: T2, and why not\n"
    "  bind --target c [-o DIR] [--name NAME] FILE.did   typed C stubs for a .did\n"
    "\n"
    "'candid <command> --help' describes a command. Exit status: 0 success,\n"
    "1 a decoding or parse failure (reported on stderr), 2 bad usage.\n"
    "'candid --version' prints the version.\n";

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("candid " CANDID_VERSION);
        return EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } cmds[] = {
        {"encode", cmd_encode}, {"decode", cmd_decode}, {"hash", cmd_hash},
        {"test", cmd_test},     {"bench", cmd_bench},   {"random", cmd_random},
        {"check", cmd_check},   {"subtype", cmd_subtype},
        {"bind", cmd_bind},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(cmd, cmds[i].name) == 0) return cmds[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "candid: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
