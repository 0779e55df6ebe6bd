/* Input and output helpers of the candid tool. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_read_file(const char *path, cli_bytes *out) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "candid: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap + 1);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len < cap) break;
        cap *= 2;
        uint8_t *nb = realloc(buf, cap + 1);
        if (!nb) free(buf);
        buf = nb;
    }
    int err = ferror(f);
    if (f != stdin) fclose(f);
    if (!buf || err) {
        free(buf);
        fprintf(stderr, "candid: cannot read %s\n", path);
        return 1;
    }
    buf[len] = 0;
    out->data = buf;
    out->len = len;
    return 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Hex digits with optional white space; fails on anything else. */
static int from_hex(const uint8_t *s, size_t n, cli_bytes *out) {
    uint8_t *buf = malloc(n / 2 + 1);
    if (!buf) return 1;
    size_t len = 0;
    int hi = -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') continue;
        int v = hexval(s[i]);
        if (v < 0) {
            fprintf(stderr, "candid: not a hex digit at position %zu: '%c'\n", i, s[i]);
            free(buf);
            return 1;
        }
        if (hi < 0) {
            hi = v;
        } else {
            buf[len++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    if (hi >= 0) {
        fprintf(stderr, "candid: odd number of hex digits\n");
        free(buf);
        return 1;
    }
    out->data = buf;
    out->len = len;
    return 0;
}

int cli_read_message(const char *arg, cli_bytes *out) {
    if (arg[0] == '@' || strcmp(arg, "-") == 0) {
        cli_bytes raw;
        if (cli_read_file(arg[0] == '@' ? arg + 1 : arg, &raw)) return 1;
        if (raw.len >= 4 && memcmp(raw.data, "DIDL", 4) == 0) {
            *out = raw;
            return 0;
        }
        int r = from_hex(raw.data, raw.len, out);
        free(raw.data);
        return r;
    }
    return from_hex((const uint8_t *)arg, strlen(arg), out);
}

int cli_read_text(const char *arg, cli_bytes *out) {
    if (!arg || strcmp(arg, "-") == 0) return cli_read_file("-", out);
    if (arg[0] == '@') return cli_read_file(arg + 1, out);
    size_t n = strlen(arg);
    out->data = malloc(n + 1);
    if (!out->data) {
        fprintf(stderr, "candid: out of memory\n");
        return 1;
    }
    memcpy(out->data, arg, n + 1);
    out->len = n;
    return 0;
}

void cli_print_hex(FILE *f, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) fprintf(f, "%02x", p[i]);
    fputc('\n', f);
}

int cli_wants_help(int argc, char **argv, const char *text) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(text, stdout);
            return 1;
        }
    }
    return 0;
}
