/* Option parsing shared by encode, decode and bench. */
#include <string.h>

#include "options.h"

int parse_options(int argc, char **argv, session *s, int allow_method, const char **positional) {
    *positional = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-d") == 0 || strcmp(a, "--defs") == 0) && i + 1 < argc) {
            s->defs_path = argv[++i];
        } else if ((strcmp(a, "-t") == 0 || strcmp(a, "--types") == 0) && i + 1 < argc) {
            s->type_text = argv[++i];
        } else if (allow_method && (strcmp(a, "-m") == 0 || strcmp(a, "--method") == 0) && i + 1 < argc) {
            s->method = argv[++i];
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            ++i; /* handled by the command */
        } else if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
            fprintf(stderr, "candid: unknown option %s\n", a);
            return 1;
        } else if (!*positional) {
            *positional = a;
        } else {
            fprintf(stderr, "candid: unexpected argument %s\n", a);
            return 1;
        }
    }
    if (s->type_text && s->method) {
        fprintf(stderr, "candid: give -t or -m, not both\n");
        return 1;
    }
    if (s->method && !s->defs_path) {
        fprintf(stderr, "candid: -m needs -d FILE.did\n");
        return 1;
    }
    return 0;
}

const char *option_value(int argc, char **argv, const char *name) {
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0) return argv[i + 1];
    return NULL;
}
