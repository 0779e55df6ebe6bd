/* State shared by the candid subcommands: the arenas, the parsed .did
 * definitions, and the argument types chosen with -d/-t/-m. */
#ifndef CANDID_CLI_SESSION_H
#define CANDID_CLI_SESSION_H

#include "candid/candid.h"
#include "candid/idl.h"
#include "candid/text.h"
#include "cli.h"

typedef struct session {
    candid_arena types;      /* type graphs (long lived) */
    candid_arena values;     /* decoded and parsed values (per message) */
    void *types_mem, *values_mem; /* their memory */
    candid_idl idl;
    const char *defs_path;
    const char *type_text;   /* -t */
    const char *method;      /* -m */
    int reply;               /* --reply: -m picks the results, not the arguments */
    candid_limits limits;    /* of session_decode; defaults, tables up to 1M entries */
    const candid_type *args; /* chosen argument types, or NULL */
    uint8_t *work;
    size_t work_cap;
    char error_path[512];    /* after session_decode failed: where and why */
} session;

/* Allocates the arenas; exits the process when memory is short. */
void session_init(session *s);
void session_free(session *s);

/* Reads -d, parses -t or looks up -m (its arguments, or its results with
 * --reply); prints the error (file:line:col) and
 * returns non-zero on failure. */
int session_types(session *s);

/* Prints a syntax error as "where:line:column: message". */
void print_syntax_error(const char *where, const candid_syntax_error *e);

/* Decodes msg at args (or at its own wire types when args is NULL) into a
 * block from s->values, within s->limits; *args_out gets the types used.
 * Prints nothing; on failure s->error_path says where
 * (candid_decoder_error_path). */
candid_status session_decode(session *s, const uint8_t *msg, size_t len, const candid_type *args,
                             const candid_type **args_out, void **out, size_t *err_off);

/* Encodes a block laid out as args; the message is malloc'd into *out. */
candid_status session_encode(session *s, const candid_type *args, const void *values,
                             uint8_t **out, size_t *len);

#endif
