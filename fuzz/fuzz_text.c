/* libFuzzer: the hosted parsers. Inputs starting with 'T' are .did
 * sources (parse, and if they parse, nothing may crash); anything else is a
 * textual argument list: infer its types, parse it, print it, parse the
 * print at the same types, and print again: the two prints must be equal
 * and the values too (print -> parse -> print stability). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/idl.h"
#include "candid/text.h"

static uint8_t types_mem[1 << 22], values_mem[1 << 22];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    candid_arena types, values;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    candid_arena_init(&values, values_mem, sizeof values_mem);
    candid_idl idl;
    candid_idl_init(&idl, &types);
    candid_syntax_error e;
    if (size && data[0] == 'T') {
        candid_idl_parse(&idl, (const char *)data + 1, size - 1, &e);
        return 0;
    }
    const char *src = (const char *)data;
    const candid_type *args;
    if (candid_text_infer_args(src, size, &args, &types, &idl, &e)) return 0;
    void *a = candid_arena_alloc(&values, args->size + 1, 16);
    if (!a || candid_text_parse_args(src, size, args, a, &values, &idl, &e)) return 0;
    candid_strbuf p1 = {0}, p2 = {0};
    if (candid_text_print_args(args, a, &p1)) abort();
    void *b = candid_arena_alloc(&values, args->size + 1, 16);
    if (!b) goto out;
    if (candid_text_parse_args(p1.data, p1.len, args, b, &values, &idl, &e)) abort();
    if (candid_text_print_args(args, b, &p2)) abort();
    if (p1.len != p2.len || memcmp(p1.data, p2.data, p1.len) != 0) abort();
    for (uint32_t i = 0; i < args->count; i++) {
        const candid_field *f = &args->fields[i];
        if (!candid_value_equal(f->type, (uint8_t *)a + f->offset, (uint8_t *)b + f->offset)) abort();
    }
out:
    candid_strbuf_free(&p1);
    candid_strbuf_free(&p2);
    return 0;
}
