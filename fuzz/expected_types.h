/* Expected types the struct-path fuzzer decodes at: the shapes that
 * exercise every plan operation (records with skipped and missing fields,
 * variants, nested and recursive options, vectors in all representations,
 * references). */
#ifndef CANDID_FUZZ_EXPECTED_TYPES_H
#define CANDID_FUZZ_EXPECTED_TYPES_H

#include <stddef.h>

#include "candid/types.h"

#define PRIM(k, sz) (&(const candid_type){.kind = (k), .size = (sz), .align = (sz) ? (sz) : 1})

/* type List = opt record { head : int; tail : List } */
typedef struct fz_node { int64_t head; struct fz_node *tail; } fz_node;
static const candid_type fz_list;
static const candid_field fz_node_f[] = {
    {.id = 1158359328, .offset = offsetof(fz_node, head), .type = PRIM(CANDID_INT, 8)},
    {.id = 1291237008, .offset = offsetof(fz_node, tail), .type = &fz_list},
};
static const candid_type fz_node_t = {.kind = CANDID_RECORD, .size = sizeof(fz_node), .align = 8,
                                      .count = 2, .fields = fz_node_f};
static const candid_type fz_list = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8,
                                    .align = 8, .inner = &fz_node_t};

/* type VariantList = variant { nil; cons : record { head : int; tail : VariantList } } (boxed) */
static const candid_type fz_vlist;
typedef struct fz_cons { candid_bignum head; void *tail; } fz_cons;
static const candid_field fz_cons_f[] = {
    {.id = 1158359328, .offset = offsetof(fz_cons, head),
     .type = &(const candid_type){.kind = CANDID_INT, .repr = CANDID_REPR_BIG, .size = sizeof(candid_bignum), .align = 8}},
    {.id = 1291237008, .offset = offsetof(fz_cons, tail), .type = &fz_vlist},
};
static const candid_type fz_cons_t = {.kind = CANDID_RECORD, .size = sizeof(fz_cons), .align = 8,
                                      .count = 2, .fields = fz_cons_f};
static const candid_field fz_vlist_f[] = {
    {.id = 5493713, .offset = 8, .type = PRIM(CANDID_NULL, 0)},
    {.id = 1103411697, .offset = 8, .type = &fz_cons_t},
};
static const candid_type fz_vlist = {.kind = CANDID_VARIANT, .repr = CANDID_REPR_BOXED,
                                     .size = 8 + sizeof(fz_cons), .align = 8, .count = 2, .fields = fz_vlist_f};

/* record { 0 : opt opt bool; 1 : vec nat32; 2 : blob; 3 : text; 4 : nat; 5 : reserved;
 *          6 : principal; 7 : func () -> (); 8 : service {}; 9 : vec opt int8 } */
typedef struct fz_rec {
    uint8_t oob[3];
    candid_vec v32;
    candid_slice blob;
    candid_slice text;
    uint64_t nat;
    candid_slice principal;
    candid_funcref func;
    candid_slice service;
    candid_vec vopt;
} fz_rec;
static const candid_type fz_opt_bool = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1,
                                        .inner = PRIM(CANDID_BOOL, 1)};
static const candid_type fz_func = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref), .align = 8};
static const candid_type fz_service = {.kind = CANDID_SERVICE, .size = sizeof(candid_slice), .align = 8};
static const candid_field fz_rec_f[] = {
    {.id = 0, .offset = offsetof(fz_rec, oob),
     .type = &(const candid_type){.kind = CANDID_OPT, .size = 3, .align = 1, .offset = 1, .inner = &fz_opt_bool}},
    {.id = 1, .offset = offsetof(fz_rec, v32),
     .type = &(const candid_type){.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = PRIM(CANDID_NAT32, 4)}},
    {.id = 2, .offset = offsetof(fz_rec, blob),
     .type = &(const candid_type){.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice), .align = 8, .inner = PRIM(CANDID_NAT8, 1)}},
    {.id = 3, .offset = offsetof(fz_rec, text), .type = PRIM(CANDID_TEXT, sizeof(candid_slice))},
    {.id = 4, .offset = offsetof(fz_rec, nat), .type = PRIM(CANDID_NAT, 8)},
    {.id = 5, .offset = 0, .type = PRIM(CANDID_RESERVED, 0)},
    {.id = 6, .offset = offsetof(fz_rec, principal), .type = PRIM(CANDID_PRINCIPAL, sizeof(candid_slice))},
    {.id = 7, .offset = offsetof(fz_rec, func), .type = &fz_func},
    {.id = 8, .offset = offsetof(fz_rec, service), .type = &fz_service},
    {.id = 9, .offset = offsetof(fz_rec, vopt),
     .type = &(const candid_type){.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                  .inner = &(const candid_type){.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1, .inner = PRIM(CANDID_INT8, 1)}}},
};
static const candid_type fz_rec_t = {.kind = CANDID_RECORD, .size = sizeof(fz_rec), .align = 8,
                                     .count = 10, .fields = fz_rec_f};

typedef struct fz_args { void *list; void *vlist; fz_rec rec; uint8_t opt_rec_has; fz_rec opt_rec; } fz_args;
static const candid_field fz_args_f[] = {
    {.id = 0, .offset = offsetof(fz_args, list), .type = &fz_list},
    {.id = 1, .offset = offsetof(fz_args, vlist), .type = &(const candid_type){.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &fz_vlist}},
    {.id = 2, .offset = offsetof(fz_args, rec), .type = &fz_rec_t},
    {.id = 3, .offset = offsetof(fz_args, opt_rec_has),
     .type = &(const candid_type){.kind = CANDID_OPT, .size = 8 + sizeof(fz_rec), .align = 8, .offset = 8, .inner = &fz_rec_t}},
};
static const candid_type fz_args_all = {.kind = CANDID_RECORD, .size = sizeof(fz_args), .align = 8,
                                        .count = 4, .fields = fz_args_f};
static const candid_field fz_args_rec_f[] = {{.id = 0, .offset = 0, .type = &fz_rec_t}};
static const candid_type fz_args_rec = {.kind = CANDID_RECORD, .size = sizeof(fz_rec), .align = 8,
                                        .count = 1, .fields = fz_args_rec_f};
static const candid_field fz_args_vlist_f[] = {{.id = 0, .offset = 0, .type = &fz_vlist}};
static const candid_type fz_args_vlist = {.kind = CANDID_RECORD, .size = 8, .align = 8,
                                          .count = 1, .fields = fz_args_vlist_f};

static const candid_type *const fuzz_expected[] = {&fz_args_all, &fz_args_rec, &fz_args_vlist};
#define FUZZ_EXPECTED_COUNT 3

#endif
