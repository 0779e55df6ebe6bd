/* The reader behind `import "f.did"` for the CLI: paths relative to the
 * importing file, each file known by its real path so that two spellings
 * of one file (or an import of the main file) are recognised. */
#define _XOPEN_SOURCE 700 /* realpath, strdup */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "did_file.h"
#include "session.h"

typedef struct loaded {
    char *real;      /* realpath: the identity */
    char *name;      /* the path first used for it: the name in messages */
    cli_bytes src;
} loaded;

typedef struct loader {
    loaded *files;
    size_t n, cap;
} loader;

/* Records a file read from path; the new entry, or NULL when memory is short. */
static loaded *add(loader *l, const char *path, char *real) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        loaded *f = realloc(l->files, cap * sizeof *f);
        if (!f) return NULL;
        l->files = f;
        l->cap = cap;
    }
    loaded *f = &l->files[l->n];
    memset(f, 0, sizeof *f);
    f->real = real;
    f->name = strdup(path);
    if (!f->name) return NULL;
    l->n++;
    return f;
}

static int read_import(void *ctx, const char *importer, const char *path, const char **name,
                       const char **src, size_t *len) {
    loader *l = ctx;
    const char *slash = path[0] == '/' ? NULL : strrchr(importer, '/');
    size_t dir = slash ? (size_t)(slash - importer + 1) : 0;
    char *full = malloc(dir + strlen(path) + 1);
    if (!full) return 1;
    memcpy(full, importer, dir);
    strcpy(full + dir, path);
    char *real = realpath(full, NULL);
    loaded *f = NULL;
    for (size_t i = 0; real && i < l->n && !f; i++)
        if (strcmp(l->files[i].real, real) == 0) f = &l->files[i];
    if (!f && real) {
        cli_bytes b;
        if (!cli_read_file(full, &b)) {
            if ((f = add(l, full, real))) {
                f->src = b;
                real = NULL;
            } else {
                free(b.data);
            }
        }
    }
    if (!real && !f) fprintf(stderr, "candid: cannot open %s\n", full);
    free(real);
    free(full);
    if (!f) return 1;
    *name = f->name;
    *src = (const char *)f->src.data;
    *len = f->src.len;
    return 0;
}

int did_load(candid_idl *idl, const char *path) {
    loader l = {0};
    cli_bytes src;
    if (cli_read_file(path, &src)) return 1;
    char *real = realpath(path, NULL);
    loaded *root = real ? add(&l, path, real) : NULL;
    if (!root) free(real);
    candid_syntax_error e;
    candid_status st = candid_idl_parse_file(idl, path, (const char *)src.data, src.len,
                                             read_import, &l, &e);
    if (st) print_syntax_error(e.file ? e.file : path, &e);
    free(src.data);
    for (size_t i = 0; i < l.n; i++) {
        free(l.files[i].real);
        free(l.files[i].name);
        free(l.files[i].src.data);
    }
    free(l.files);
    return st != CANDID_OK;
}
