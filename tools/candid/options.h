/* Option parsing shared by the subcommands: each command names the options
 * it takes; anything else, a missing or malformed value, or a wrong number
 * of arguments is bad usage (exit 2) with a message naming the problem. */
#ifndef CANDID_CLI_OPTIONS_H
#define CANDID_CLI_OPTIONS_H

#include "session.h"

/* The options a command takes (a set, cli_options.allowed). */
enum {
    OPT_DEFS = 1u << 0,      /* -d, --defs FILE.did */
    OPT_TYPES = 1u << 1,     /* -t, --types '(T, ...)' */
    OPT_METHOD = 1u << 2,    /* -m, --method NAME */
    OPT_REPLY = 1u << 3,     /* --reply: the method's results, not its arguments */
    OPT_FORMAT = 1u << 4,    /* -f, --format NAME, one of cli_options.formats */
    OPT_BUDGET = 1u << 5,    /* --budget STEPS */
    OPT_MAX_DEPTH = 1u << 6, /* --max-depth N */
    OPT_SEED = 1u << 7,      /* --seed N */
    OPT_COUNT = 1u << 8,     /* -n, --count N */
    OPT_MAX_SIZE = 1u << 9,  /* --max-size N */
    OPT_STRICT = 1u << 10,   /* --strict: structural equality, not subtyping */
    OPT_TARGET = 1u << 11,   /* --target LANGUAGE */
    OPT_OUT = 1u << 12,      /* -o, --out DIR */
    OPT_NAME = 1u << 13,     /* --name NAME */
    OPT_NAT = 1u << 14,      /* --nat u64|big */
    OPT_SERVER = 1u << 15,   /* --server */
    OPT_METHODS = 1u << 16,  /* -m, --methods M,...: a list, where OPT_METHOD is one */
    OPT_FAST = 1u << 17,     /* --fast (default) */
    OPT_NO_FAST = 1u << 18   /* --no-fast */
};

typedef struct cli_options {
    const char *command;           /* "encode", ...: for messages */
    unsigned allowed;              /* OPT_* the command takes */
    const char *const *formats;    /* accepted --format values, NULL-terminated */
    unsigned given;                /* OPT_* that were given */
    const char *format;            /* formats[0] unless given */
    uint64_t budget, max_depth, seed, count, max_size; /* set when given */
    const char *target, *out, *name, *nat, *methods;  /* set when given */
    const char *argument;          /* the first argument the command takes, as
                                      messages name it; NULL: none */
    const char *argument2;         /* a second one; NULL: none */
    int argument_optional;         /* 1: the last of them may be left out */
    const char *positional;        /* the first argument given */
    const char *positional2;       /* the second */
} cli_options;

/* Parses argv[1..argc) into o (command, allowed, formats and argument set by
 * the caller) and the -d/-t/-m/--reply fields of s. `--name=v`
 * is the same as `--name v`; `--` ends the options. Prints the problem on
 * stderr and returns non-zero on bad usage. */
int parse_options(int argc, char **argv, session *s, cli_options *o);

/* Prints "candid CMD: <message>" and a pointer to --help on stderr; returns
 * EXIT_USAGE. */
int usage_error(const char *command, const char *fmt, ...);

#endif
