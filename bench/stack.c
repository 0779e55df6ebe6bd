/* Measures the native stack the decoder and encoder use, by painting the
 * stack below the caller and looking for the deepest changed byte, on
 * lists of 10 and of 10,000 nodes: the figures must not grow with depth
 * (nesting lives on the explicit stack in work memory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"

enum { PAINT = 256 * 1024 };

__attribute__((noinline)) static void paint(void) {
    volatile uint8_t area[PAINT];
    for (size_t i = 0; i < PAINT; i++) area[i] = 0xcd;
}

__attribute__((noinline)) static size_t used(void) {
    volatile uint8_t area[PAINT];
    size_t i = 0;
    while (i < PAINT && area[i] == 0xcd) i++; /* lowest addresses first */
    return PAINT - i;
}

typedef struct node { int64_t head; struct node *tail; } node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(node, head), .type = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}},
    {.id = 1291237008, .offset = offsetof(node, tail), .type = &list_t},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = sizeof(node), .align = 8, .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &node_t};
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &list_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = args_f};

static uint8_t work[1 << 22], hb[256];
static uint8_t *msg, *arena_mem;

int main(void) {
    /* the first run resolves the dynamic linker's lazy symbols: not ours */
    static const size_t depths[] = {1, 10, 10000};
    msg = malloc(1 << 20);
    arena_mem = malloc(1 << 20);
    for (size_t k = 0; k < 3; k++) {
        size_t n = depths[k];
        node *nodes = calloc(n, sizeof *nodes);
        for (size_t i = 0; i < n; i++) {
            nodes[i].head = (int64_t)i;
            nodes[i].tail = i + 1 < n ? &nodes[i + 1] : NULL;
        }
        node *first = nodes;
        candid_header h;
        candid_header_build(&h, &args_t, hb, sizeof hb, work, sizeof work);
        candid_writer w;
        candid_writer_init(&w, msg, 1 << 20);
        paint();
        candid_status st = candid_encode(&w, &h, &first, work, sizeof work, 0);
        size_t enc = used();
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        d.limits.max_depth = 1 << 20;
        candid_arena a;
        candid_arena_init(&a, arena_mem, 1 << 20);
        node *back;
        paint();
        candid_status st2 = candid_decode(&d, msg, w.total, &args_t, &back, &a);
        size_t dec = used();
        if (k == 0) continue;
        printf("stack encode list_nodes=%zu bytes=%zu status=%s\n", n, enc, candid_status_name(st));
        printf("stack decode list_nodes=%zu bytes=%zu status=%s\n", n, dec, candid_status_name(st2));
        free(nodes);
    }
    return 0;
}
