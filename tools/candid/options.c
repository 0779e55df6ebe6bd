/* Option parsing shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

int usage_error(const char *command, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "candid %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'candid %s --help'.\n", command);
    va_end(ap);
    return EXIT_USAGE;
}

typedef struct spec {
    unsigned bit;
    const char *short_name, *long_name; /* short_name may be NULL */
    int takes_value;
} spec;

static const spec specs[] = {
    {OPT_DEFS, "-d", "--defs", 1},        {OPT_TYPES, "-t", "--types", 1},
    {OPT_METHOD, "-m", "--method", 1},    {OPT_REPLY, NULL, "--reply", 0},
    {OPT_FORMAT, "-f", "--format", 1},    {OPT_BUDGET, NULL, "--budget", 1},
    {OPT_MAX_DEPTH, NULL, "--max-depth", 1}, {OPT_SEED, NULL, "--seed", 1},
    {OPT_COUNT, "-n", "--count", 1},      {OPT_MAX_SIZE, NULL, "--max-size", 1},
    {OPT_STRICT, NULL, "--strict", 0},    {OPT_TARGET, NULL, "--target", 1},
    {OPT_OUT, "-o", "--out", 1},          {OPT_NAME, NULL, "--name", 1},
    {OPT_NAT, NULL, "--nat", 1},          {OPT_SERVER, NULL, "--server", 0},
    {OPT_METHODS, "-m", "--methods", 1},  {OPT_FAST, NULL, "--fast", 0},
    {OPT_NO_FAST, NULL, "--no-fast", 0},
};

/* The option spelled a[0..len) among those `allowed` (one spelling may mean
 * different options to different commands: -m), or NULL. */
static const spec *find(const char *a, size_t len, unsigned allowed) {
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        const spec *p = &specs[i];
        if ((allowed & p->bit) &&
            ((p->short_name && strlen(p->short_name) == len && memcmp(a, p->short_name, len) == 0) ||
             (strlen(p->long_name) == len && memcmp(a, p->long_name, len) == 0)))
            return p;
    }
    return NULL;
}

/* Decimal digits only: strtoull alone would take signs, spaces and hex. */
static int number(const char *v, uint64_t *out) {
    if (*v < '0' || *v > '9') return 0;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (*end || errno) return 0;
    *out = n;
    return 1;
}

static int set(cli_options *o, session *s, const spec *p, const char *v) {
    const char *name = p->long_name;
    uint64_t *num = NULL;
    switch (p->bit) {
    case OPT_DEFS: s->defs_path = v; return 0;
    case OPT_TYPES: s->type_text = v; return 0;
    case OPT_METHOD: s->method = v; return 0;
    case OPT_REPLY: s->reply = 1; return 0;
    case OPT_STRICT: case OPT_SERVER: case OPT_FAST: case OPT_NO_FAST: return 0;
    case OPT_TARGET: o->target = v; return 0;
    case OPT_OUT: o->out = v; return 0;
    case OPT_NAME: o->name = v; return 0;
    case OPT_NAT: o->nat = v; return 0;
    case OPT_METHODS: o->methods = v; return 0;
    case OPT_FORMAT:
        for (const char *const *f = o->formats; *f; f++) {
            if (strcmp(*f, v) == 0) {
                o->format = *f;
                return 0;
            }
        }
        fprintf(stderr, "candid %s: unknown format '%s' (one of:", o->command, v);
        for (const char *const *f = o->formats; *f; f++) fprintf(stderr, " %s", *f);
        fprintf(stderr, ")\nTry 'candid %s --help'.\n", o->command);
        return 1;
    case OPT_BUDGET: num = &o->budget; break;
    case OPT_MAX_DEPTH: num = &o->max_depth; break;
    case OPT_SEED: num = &o->seed; break;
    case OPT_COUNT: num = &o->count; break;
    default: num = &o->max_size; break;
    }
    if (!number(v, num)) return usage_error(o->command, "%s needs a number, not '%s'", name, v);
    return 0;
}

int parse_options(int argc, char **argv, session *s, cli_options *o) {
    o->given = 0;
    o->positional = o->positional2 = NULL;
    o->format = o->formats ? o->formats[0] : NULL;
    int options_end = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_end || a[0] != '-' || strcmp(a, "-") == 0) {
            if (o->argument && !o->positional) o->positional = a;
            else if (o->argument2 && !o->positional2) o->positional2 = a;
            else return usage_error(o->command, "unexpected argument '%s'", a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_end = 1;
            continue;
        }
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        const spec *p = find(a, eq ? (size_t)(eq - a) : strlen(a), o->allowed);
        if (!p) return usage_error(o->command, "unknown option '%s'", a);
        const char *v = NULL;
        if (p->takes_value) {
            if (eq) v = eq + 1;
            else if (i + 1 < argc) v = argv[++i];
            else return usage_error(o->command, "%s needs a value", a);
        } else if (eq) {
            return usage_error(o->command, "%s takes no value", p->long_name);
        }
        if (set(o, s, p, v)) return 1;
        o->given |= p->bit;
    }
    const char *last = o->argument2 ? o->argument2 : o->argument;
    if (o->argument && !o->positional && (o->argument2 || !o->argument_optional))
        return usage_error(o->command, "missing %s", o->argument);
    if (o->argument2 && !o->positional2 && !o->argument_optional)
        return usage_error(o->command, "missing %s", last);
    if (s->type_text && s->method) return usage_error(o->command, "give -t or -m, not both");
    if (s->method && !s->defs_path) return usage_error(o->command, "-m needs -d FILE.did");
    if (s->reply && !s->method) return usage_error(o->command, "--reply needs -m METHOD");
    return 0;
}
