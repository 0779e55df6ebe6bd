/* The cases of fuzz/fast/all.did for the differential test
 * (tests/bind/fast_decode.c) and the fuzz harness (fast_decode.c): every
 * method's argument and result lists and every named type's message of
 * one value, in the stubs generated with nat/int as words (fa) and as
 * bignums (fab). Include after fa.h and fab.h. */
#ifndef FAST_CASES_H
#define FAST_CASES_H

typedef struct fast_case {
    const char *name;
    const candid_type *type; /* the message's argument record */
    candid_status (*encode)(candid_writer *w, const void *v);
    candid_status (*decode)(candid_decoder *d, const uint8_t *msg, size_t len, void *out,
                            candid_arena *arena);
} fast_case;

/* Typed stubs behind untyped entry points. */
#define FAST_WRAP(stem, T)                                                     \
    static candid_status stem##_enc(candid_writer *w, const void *v) {         \
        return stem##_encode(w, (const T *)v);                                 \
    }                                                                          \
    static candid_status stem##_dec(candid_decoder *d, const uint8_t *m, size_t l, void *o, \
                                    candid_arena *a) {                         \
        return stem##_decode(d, m, l, (T *)o, a);                              \
    }
/* A named type's message: a record of one value. */
#define FAST_ONE(stem, T)                                                      \
    FAST_WRAP(stem, T)                                                         \
    static const candid_field stem##_f1[] = {{.id = 0, .offset = 0, .type = &stem##_type}}; \
    static const candid_type stem##_t1 = {.kind = CANDID_RECORD, .size = sizeof(T),        \
                                          .align = _Alignof(T), .count = 1, .fields = stem##_f1};

FAST_WRAP(fa_leaves_args, fa_leaves_args)
FAST_WRAP(fa_leaves_result, fa_leaves_result)
FAST_WRAP(fa_refs_args, fa_refs_args)
FAST_WRAP(fa_refs_result, fa_refs_result)
FAST_WRAP(fa_shapes_args, fa_shapes_args)
FAST_WRAP(fa_shapes_result, fa_shapes_result)
FAST_WRAP(fa_tuples_args, fa_tuples_args)
FAST_WRAP(fa_tuples_result, fa_tuples_result)
FAST_WRAP(fa_lists_args, fa_lists_args)
FAST_WRAP(fa_lists_result, fa_lists_result)
FAST_WRAP(fa_one_args, fa_one_args)
FAST_WRAP(fa_one_result, fa_one_result)
FAST_WRAP(fa_none_args, fa_none_args)
FAST_WRAP(fa_none_result, fa_none_result)
FAST_ONE(fa_Leaves, fa_Leaves)
FAST_ONE(fa_Refs, fa_Refs)
FAST_ONE(fa_Shape, fa_Shape)
FAST_ONE(fa_Opts, fa_Opts)
FAST_ONE(fa_Vecs, fa_Vecs)
FAST_ONE(fa_Pair, fa_Pair)
FAST_ONE(fa_Maybe, fa_Maybe)
FAST_ONE(fa_List, fa_List)
FAST_ONE(fa_Tree, fa_Tree)
FAST_WRAP(fab_leaves_args, fab_leaves_args)
FAST_WRAP(fab_leaves_result, fab_leaves_result)
FAST_WRAP(fab_refs_args, fab_refs_args)
FAST_WRAP(fab_refs_result, fab_refs_result)
FAST_WRAP(fab_shapes_args, fab_shapes_args)
FAST_WRAP(fab_shapes_result, fab_shapes_result)
FAST_WRAP(fab_tuples_args, fab_tuples_args)
FAST_WRAP(fab_tuples_result, fab_tuples_result)
FAST_WRAP(fab_lists_args, fab_lists_args)
FAST_WRAP(fab_lists_result, fab_lists_result)
FAST_WRAP(fab_one_args, fab_one_args)
FAST_WRAP(fab_one_result, fab_one_result)
FAST_WRAP(fab_none_args, fab_none_args)
FAST_WRAP(fab_none_result, fab_none_result)
FAST_ONE(fab_Leaves, fab_Leaves)
FAST_ONE(fab_Refs, fab_Refs)
FAST_ONE(fab_Shape, fab_Shape)
FAST_ONE(fab_Opts, fab_Opts)
FAST_ONE(fab_Vecs, fab_Vecs)
FAST_ONE(fab_Pair, fab_Pair)
FAST_ONE(fab_Maybe, fab_Maybe)
FAST_ONE(fab_List, fab_List)
FAST_ONE(fab_Tree, fab_Tree)

static const fast_case fast_cases[] = {
    {"fa.leaves.args", &fa_leaves_args_type, fa_leaves_args_enc, fa_leaves_args_dec},
    {"fa.leaves.result", &fa_leaves_result_type, fa_leaves_result_enc, fa_leaves_result_dec},
    {"fa.refs.args", &fa_refs_args_type, fa_refs_args_enc, fa_refs_args_dec},
    {"fa.refs.result", &fa_refs_result_type, fa_refs_result_enc, fa_refs_result_dec},
    {"fa.shapes.args", &fa_shapes_args_type, fa_shapes_args_enc, fa_shapes_args_dec},
    {"fa.shapes.result", &fa_shapes_result_type, fa_shapes_result_enc, fa_shapes_result_dec},
    {"fa.tuples.args", &fa_tuples_args_type, fa_tuples_args_enc, fa_tuples_args_dec},
    {"fa.tuples.result", &fa_tuples_result_type, fa_tuples_result_enc, fa_tuples_result_dec},
    {"fa.lists.args", &fa_lists_args_type, fa_lists_args_enc, fa_lists_args_dec},
    {"fa.lists.result", &fa_lists_result_type, fa_lists_result_enc, fa_lists_result_dec},
    {"fa.one.args", &fa_one_args_type, fa_one_args_enc, fa_one_args_dec},
    {"fa.one.result", &fa_one_result_type, fa_one_result_enc, fa_one_result_dec},
    {"fa.none.args", &fa_none_args_type, fa_none_args_enc, fa_none_args_dec},
    {"fa.none.result", &fa_none_result_type, fa_none_result_enc, fa_none_result_dec},
    {"fa.Leaves", &fa_Leaves_t1, fa_Leaves_enc, fa_Leaves_dec},
    {"fa.Refs", &fa_Refs_t1, fa_Refs_enc, fa_Refs_dec},
    {"fa.Shape", &fa_Shape_t1, fa_Shape_enc, fa_Shape_dec},
    {"fa.Opts", &fa_Opts_t1, fa_Opts_enc, fa_Opts_dec},
    {"fa.Vecs", &fa_Vecs_t1, fa_Vecs_enc, fa_Vecs_dec},
    {"fa.Pair", &fa_Pair_t1, fa_Pair_enc, fa_Pair_dec},
    {"fa.Maybe", &fa_Maybe_t1, fa_Maybe_enc, fa_Maybe_dec},
    {"fa.List", &fa_List_t1, fa_List_enc, fa_List_dec},
    {"fa.Tree", &fa_Tree_t1, fa_Tree_enc, fa_Tree_dec},
    {"fab.leaves.args", &fab_leaves_args_type, fab_leaves_args_enc, fab_leaves_args_dec},
    {"fab.leaves.result", &fab_leaves_result_type, fab_leaves_result_enc, fab_leaves_result_dec},
    {"fab.refs.args", &fab_refs_args_type, fab_refs_args_enc, fab_refs_args_dec},
    {"fab.refs.result", &fab_refs_result_type, fab_refs_result_enc, fab_refs_result_dec},
    {"fab.shapes.args", &fab_shapes_args_type, fab_shapes_args_enc, fab_shapes_args_dec},
    {"fab.shapes.result", &fab_shapes_result_type, fab_shapes_result_enc, fab_shapes_result_dec},
    {"fab.tuples.args", &fab_tuples_args_type, fab_tuples_args_enc, fab_tuples_args_dec},
    {"fab.tuples.result", &fab_tuples_result_type, fab_tuples_result_enc, fab_tuples_result_dec},
    {"fab.lists.args", &fab_lists_args_type, fab_lists_args_enc, fab_lists_args_dec},
    {"fab.lists.result", &fab_lists_result_type, fab_lists_result_enc, fab_lists_result_dec},
    {"fab.one.args", &fab_one_args_type, fab_one_args_enc, fab_one_args_dec},
    {"fab.one.result", &fab_one_result_type, fab_one_result_enc, fab_one_result_dec},
    {"fab.none.args", &fab_none_args_type, fab_none_args_enc, fab_none_args_dec},
    {"fab.none.result", &fab_none_result_type, fab_none_result_enc, fab_none_result_dec},
    {"fab.Leaves", &fab_Leaves_t1, fab_Leaves_enc, fab_Leaves_dec},
    {"fab.Refs", &fab_Refs_t1, fab_Refs_enc, fab_Refs_dec},
    {"fab.Shape", &fab_Shape_t1, fab_Shape_enc, fab_Shape_dec},
    {"fab.Opts", &fab_Opts_t1, fab_Opts_enc, fab_Opts_dec},
    {"fab.Vecs", &fab_Vecs_t1, fab_Vecs_enc, fab_Vecs_dec},
    {"fab.Pair", &fab_Pair_t1, fab_Pair_enc, fab_Pair_dec},
    {"fab.Maybe", &fab_Maybe_t1, fab_Maybe_enc, fab_Maybe_dec},
    {"fab.List", &fab_List_t1, fab_List_enc, fab_List_dec},
    {"fab.Tree", &fab_Tree_t1, fab_Tree_enc, fab_Tree_dec},
};

#endif
