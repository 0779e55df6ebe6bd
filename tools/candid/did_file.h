/* Loading a .did file given with -d, with the files it imports. */
#ifndef CANDID_CLI_DID_FILE_H
#define CANDID_CLI_DID_FILE_H

#include "candid/idl.h"

/* Parses the file at path into idl, reading each `import` relative to the
 * folder of the file that contains it. Prints the problem (file:line:col)
 * on stderr and returns non-zero on failure. */
int did_load(candid_idl *idl, const char *path);

#endif
