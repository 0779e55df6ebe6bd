/* Option parsing shared by encode, decode and bench. */
#ifndef CANDID_CLI_OPTIONS_H
#define CANDID_CLI_OPTIONS_H

#include "session.h"

/* -d FILE, -t TYPES, -m METHOD (when allowed), one positional argument.
 * Prints the problem and returns non-zero on bad usage. */
int parse_options(int argc, char **argv, session *s, int allow_method, const char **positional);

/* The value after `name` in argv, or NULL. */
const char *option_value(int argc, char **argv, const char *name);

#endif
