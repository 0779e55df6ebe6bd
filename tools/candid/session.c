/* Shared state of the candid subcommands. */
#include <stdlib.h>
#include <string.h>

#include "did_file.h"
#include "session.h"

enum { TYPES_CAP = 64u << 20, VALUES_CAP = 256u << 20, WORK_CAP = 16u << 20 };

void session_init(session *s) {
    memset(s, 0, sizeof s[0]);
    s->types_mem = malloc(TYPES_CAP);
    s->values_mem = malloc(VALUES_CAP);
    s->work = malloc(WORK_CAP);
    if (!s->types_mem || !s->values_mem || !s->work) {
        fprintf(stderr, "candid: out of memory\n");
        exit(EXIT_FAILURE_INPUT);
    }
    s->work_cap = WORK_CAP;
    candid_limits_default(&s->limits);
    s->limits.max_table_entries = 1u << 20;
    s->limits.max_table_bytes = 64u << 20;
    candid_arena_init(&s->types, s->types_mem, TYPES_CAP);
    candid_arena_init(&s->values, s->values_mem, VALUES_CAP);
    candid_idl_init(&s->idl, &s->types);
}

void session_free(session *s) {
    free(s->types_mem);
    free(s->values_mem);
    free(s->work);
}

void print_syntax_error(const char *where, const candid_syntax_error *e) {
    fprintf(stderr, "candid: %s:%u:%u: %s (%s)\n", where, e->line, e->column,
            e->message ? e->message : candid_status_message(e->status),
            candid_status_name(e->status));
}

int session_types(session *s) {
    candid_syntax_error e;
    if (s->defs_path && did_load(&s->idl, s->defs_path)) return 1;
    if (s->type_text) {
        if (candid_idl_parse_args(&s->idl, s->type_text, strlen(s->type_text), &s->args, &e)) {
            print_syntax_error("-t", &e);
            return 1;
        }
    } else if (s->method) {
        if (!s->idl.service) {
            fprintf(stderr, "candid: -m needs a service in the file given with -d\n");
            return 1;
        }
        const candid_type *args, *results;
        if (candid_idl_method(&s->idl, s->method, strlen(s->method), &args, &results)) {
            fprintf(stderr, "candid: the service has no method '%s'\n", s->method);
            return 1;
        }
        s->args = s->reply ? results : args;
    }
    return 0;
}

candid_status session_decode(session *s, const uint8_t *msg, size_t len, const candid_type *args,
                             const candid_type **args_out, void **out, size_t *err_off) {
    candid_decoder d;
    candid_decoder_init(&d, s->work, s->work_cap);
    d.limits = s->limits;
    candid_status st;
    if (!args) {
        st = candid_wire_types(&d, msg, len, &args, &s->values);
        if (st) {
            *err_off = d.error_offset;
            return st;
        }
    }
    void *block = candid_arena_alloc(&s->values, args->size ? args->size : 1, 16);
    if (!block) return CANDID_ERR_ARENA_FULL;
    memset(block, 0, args->size);
    st = candid_decode(&d, msg, len, args, block, &s->values);
    if (st) candid_decoder_error_path(&d, s->error_path, sizeof s->error_path);
    *err_off = d.error_offset;
    *args_out = args;
    *out = block;
    return st;
}

candid_status session_encode(session *s, const candid_type *args, const void *values,
                             uint8_t **out, size_t *len) {
    candid_header h;
    size_t cap = 1024;
    uint8_t *hb = NULL;
    candid_status st;
    for (;;) {
        free(hb);
        hb = malloc(cap);
        if (!hb) return CANDID_ERR_ARENA_FULL;
        st = candid_header_build(&h, args, hb, cap, s->work, s->work_cap);
        if (st != CANDID_ERR_BUFFER_FULL) break;
        cap = h.len + 1;
    }
    if (st) {
        free(hb);
        return st;
    }
    /* size first, then write */
    candid_writer w;
    candid_writer_init(&w, NULL, 0);
    st = candid_encode(&w, &h, values, s->work, s->work_cap, 0);
    if (!st) {
        *len = w.total;
        *out = malloc(w.total ? w.total : 1);
        if (!*out) st = CANDID_ERR_ARENA_FULL;
    }
    if (!st) {
        candid_writer_init(&w, *out, *len);
        st = candid_encode(&w, &h, values, s->work, s->work_cap, 0);
    }
    free(hb);
    return st;
}
