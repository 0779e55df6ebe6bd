/* The `candid` command-line tool: shared declarations of its subcommands
 * and input/output helpers. */
#ifndef CANDID_CLI_H
#define CANDID_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, as didc users expect them. */
enum { EXIT_OK = 0, EXIT_FAILURE_INPUT = 1, EXIT_USAGE = 2 };

typedef struct cli_bytes {
    uint8_t *data;
    size_t len;
} cli_bytes;

/* Reads a message given as hex text, "-" (standard input: hex, or raw bytes
 * when they start with "DIDL") or "@file" (raw bytes, or hex text).
 * Prints the problem on stderr and returns non-zero on failure. The buffer
 * is malloc'd. */
int cli_read_message(const char *arg, cli_bytes *out);

/* Reads a whole file (or stdin for "-") into a NUL-terminated buffer. */
int cli_read_file(const char *path, cli_bytes *out);

/* Reads textual input as didc does: the argument itself, standard input
 * for "-" or a NULL (omitted) argument, or the contents of "@file". The
 * malloc'd buffer is NUL-terminated; prints the problem on stderr and
 * returns non-zero on failure. */
int cli_read_text(const char *arg, cli_bytes *out);

/* Prints bytes as lower-case hex followed by a newline. */
void cli_print_hex(FILE *f, const uint8_t *p, size_t n);

int cmd_hash(int argc, char **argv);
int cmd_encode(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_random(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_subtype(int argc, char **argv);
int cmd_bind(int argc, char **argv);

/* Prints `text` when argv holds --help or -h and returns 1. */
int cli_wants_help(int argc, char **argv, const char *text);

#endif
