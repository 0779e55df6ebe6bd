/* candid_type_check: hand-written descriptions with each kind of mistake
 * get an error naming the node and member, and valid ones (including
 * recursive and very deep graphs) pass. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "support.h"

static uint8_t work[1 << 16];
static candid_type_error err;

static candid_status check(const candid_type *t, unsigned flags) {
    return candid_type_check(t, flags, work, sizeof work, &err);
}

#define FAILS(t, flags, msg)                                                  \
    do {                                                                      \
        assert_int_equal(check((t), (flags)), CANDID_ERR_BAD_TYPE);           \
        assert_string_equal(err.message, (msg));                              \
    } while (0)

static const candid_type nat64_t = {.kind = CANDID_NAT64, .size = 8, .align = 8};
static const candid_type text_t = {.kind = CANDID_TEXT, .size = sizeof(candid_slice),
                                   .align = _Alignof(candid_slice)};
static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};

typedef struct user { uint64_t id; candid_slice name; } user;
static const candid_field user_f[] = {
    {.id = 23515, .offset = offsetof(user, id), .type = &nat64_t, .name = "id"},
    {.id = 1224700491, .offset = offsetof(user, name), .type = &text_t, .name = "name"},
};
static const candid_type user_t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = _Alignof(user),
                                   .count = 2, .fields = user_f, .name = "user"};
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &user_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = _Alignof(user),
                                   .count = 1, .fields = args_f};

/* type list = opt record { head : nat64; tail : list } */
typedef struct node { uint64_t head; void *tail; } node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(node, head), .type = &nat64_t, .name = "head"},
    {.id = 1291237008, .offset = offsetof(node, tail), .type = &list_t, .name = "tail"},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = sizeof(node), .align = _Alignof(node),
                                   .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = sizeof(node),
                                   .align = _Alignof(node), .inner = &node_t, .name = "list"};

static void valid_descriptions_pass(void **state) {
    (void)state;
    assert_int_equal(check(&args_t, CANDID_CHECK_ARGS), CANDID_OK);
    assert_int_equal(check(&user_t, 0), CANDID_OK);
    assert_int_equal(check(&list_t, 0), CANDID_OK);
    assert_string_equal(err.message, "");
    assert_int_equal(candid_type_check(&list_t, 0, work, sizeof work, NULL), CANDID_OK);
}

static void unsorted_fields_name_the_field(void **state) {
    (void)state;
    static const candid_field f[] = {
        {.id = 1224700491, .offset = offsetof(user, name), .type = &text_t, .name = "name"},
        {.id = 23515, .offset = offsetof(user, id), .type = &nat64_t, .name = "id"},
    };
    static const candid_type t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = 8,
                                  .count = 2, .fields = f, .name = "user"};
    FAILS(&t, 0, "record user: field 'id' (id 23515): ids not sorted");
    assert_ptr_equal(err.type, &t);
    assert_int_equal(err.index, 1);
    static const candid_field d[] = {{.id = 23515, .type = &nat64_t, .name = "id"},
                                     {.id = 23515, .offset = 8, .type = &nat64_t, .name = "id"}};
    static const candid_type dup = {.kind = CANDID_RECORD, .size = sizeof(user), .align = 8,
                                    .count = 2, .fields = d};
    FAILS(&dup, 0, "record: field 'id' (id 23515): duplicate id");
    static const candid_field h[] = {{.id = 23516, .type = &nat64_t, .name = "id"}};
    static const candid_type hash = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = h};
    FAILS(&hash, 0, "record: field 'id' (id 23516): id is not the hash of the name");
}

static void argument_wrapper(void **state) {
    (void)state;
    /* the record of the argument passed where the argument list belongs */
    FAILS(&user_t, CANDID_CHECK_ARGS,
          "record user: field 'id' (id 23515): an argument list has ids 0..n-1 "
          "(is the record around the arguments missing?)");
    FAILS(&text_t, CANDID_CHECK_ARGS,
          "text: an argument list is an unboxed record with ids 0..n-1 around the arguments");
    FAILS(&list_t, CANDID_CHECK_ARGS,
          "opt list: an argument list is an unboxed record with ids 0..n-1 around the arguments");
}

static void layout_mistakes(void **state) {
    (void)state;
    static const candid_field past[] = {{.id = 0, .offset = 8, .type = &nat64_t}};
    static const candid_type t1 = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = past};
    FAILS(&t1, 0, "record: field 0: slot extends past the end of the struct");
    static const candid_field odd[] = {{.id = 0, .offset = 4, .type = &nat64_t}};
    static const candid_type t2 = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1, .fields = odd};
    FAILS(&t2, 0, "record: field 0: offset not aligned for its type");
    static const candid_field ok[] = {{.id = 0, .offset = 0, .type = &nat64_t}};
    static const candid_type t3 = {.kind = CANDID_RECORD, .size = 8, .align = 4, .count = 1, .fields = ok};
    FAILS(&t3, 0, "record: field 0: alignment larger than the struct's");
    static const candid_type t4 = {.kind = CANDID_RECORD, .size = 8, .align = 3, .count = 1, .fields = ok};
    FAILS(&t4, 0, "record: align is not a power of two");
    static const candid_type t5 = {.kind = CANDID_RECORD, .size = 12, .align = 8, .count = 1, .fields = ok};
    FAILS(&t5, 0, "record: size is not a multiple of align");
    static const candid_type t6 = {.kind = CANDID_NAT64, .size = 4, .align = 8};
    FAILS(&t6, 0, "nat64: size or align differ from the kind's slot (see types.h)");
    static const candid_type v = {.kind = CANDID_VARIANT, .size = 8, .align = 8, .count = 1, .fields = ok};
    FAILS(&v, 0, "variant: field 0: payload overlaps the variant's case index");
    static const candid_type o = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 0, .inner = &nat64_t};
    FAILS(&o, 0, "opt: inline value overlaps the present flag");
    static const candid_type o2 = {.kind = CANDID_OPT, .size = 8, .align = 8, .offset = 8, .inner = &nat64_t};
    FAILS(&o2, 0, "opt: slot extends past the end of the struct");
    static const candid_field none[] = {{.id = 0, .offset = 0, .type = NULL}};
    static const candid_type t7 = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = none};
    FAILS(&t7, 0, "record: field 0: type is NULL");
}

static const candid_type null_t = {.kind = CANDID_NULL};

static void overlapping_fields(void **state) {
    (void)state;
    /* the second field copied the first one's offsetof */
    static const candid_field f[] = {
        {.id = 23515, .offset = offsetof(user, id), .type = &nat64_t, .name = "id"},
        {.id = 1224700491, .offset = offsetof(user, id), .type = &text_t, .name = "name"},
    };
    static const candid_type t = {.kind = CANDID_RECORD, .size = sizeof(user), .align = 8,
                                  .count = 2, .fields = f};
    FAILS(&t, 0, "record: field 'name' (id 1224700491): slot overlaps that of field 'id' (id 23515)");
    assert_int_equal(err.index, 1);
    /* five fields in scrambled offset order, the third overlapping the fifth */
    static const candid_field g[] = {
        {.id = 1, .offset = 16, .type = &nat64_t}, {.id = 2, .offset = 0, .type = &nat64_t},
        {.id = 3, .offset = 28, .type = &nat8_t},  {.id = 4, .offset = 8, .type = &nat64_t},
        {.id = 5, .offset = 24, .type = &nat64_t},
    };
    static const candid_type u = {.kind = CANDID_RECORD, .size = 32, .align = 8, .count = 5, .fields = g};
    FAILS(&u, 0, "record: field 3: slot overlaps that of field 5");
    /* slots of size zero take no room, variant cases share theirs */
    static const candid_field z[] = {{.id = 0, .offset = 0, .type = &null_t},
                                     {.id = 1, .offset = 0, .type = &nat64_t},
                                     {.id = 2, .offset = 0, .type = &null_t}};
    static const candid_type r = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 3, .fields = z};
    assert_int_equal(check(&r, 0), CANDID_OK);
    static const candid_field c[] = {{.id = 0, .offset = 8, .type = &nat64_t},
                                     {.id = 1, .offset = 8, .type = &text_t}};
    static const candid_type v = {.kind = CANDID_VARIANT, .size = 8 + sizeof(candid_slice), .align = 8,
                                  .count = 2, .fields = c};
    assert_int_equal(check(&v, 0), CANDID_OK);
    /* 1,000 fields at permuted offsets: none overlap, until two do */
    static candid_field many[1000];
    for (uint32_t i = 0; i < 1000; i++)
        many[i] = (candid_field){.id = i, .offset = (i * 7919u % 1000u) * 8, .type = &nat64_t};
    candid_type m = {.kind = CANDID_RECORD, .size = 8000, .align = 8, .count = 1000, .fields = many};
    assert_int_equal(check(&m, 0), CANDID_OK);
    many[500].offset = many[10].offset;
    FAILS(&m, 0, "record: field 500: slot overlaps that of field 10");
}

/* type R = record { r : R } laid out inline; S and T contain each other */
static const candid_type self_r;
static const candid_field self_f[] = {{.id = 114, .offset = 0, .type = &self_r, .name = "r"}};
static const candid_type self_r = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                   .fields = self_f, .name = "R"};
static const candid_type pair_s, pair_t;
static const candid_field pair_s_f[] = {{.id = 0, .offset = 0, .type = &pair_t}};
static const candid_field pair_t_f[] = {{.id = 0, .offset = 0, .type = &pair_s}};
static const candid_type pair_s = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                   .fields = pair_s_f};
static const candid_type pair_t = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                   .fields = pair_t_f};

static void values_containing_themselves(void **state) {
    (void)state;
    FAILS(&self_r, 0, "record R: field 'r' (id 114): contains its own type inline (no vec or BOXED node between)");
    /* which of the two is named depends on the walk's order */
    assert_int_equal(check(&pair_t, 0), CANDID_ERR_BAD_TYPE);
    assert_string_equal(err.message, "record: field 0: contains its own type inline (no vec or BOXED node between)");
    /* boxed, the same shapes are fine (list_t is one) */
    assert_int_equal(check(&list_t, 0), CANDID_OK);
}

static void kinds_and_repr_flags(void **state) {
    (void)state;
    static const candid_type big_text = {.kind = CANDID_TEXT, .repr = CANDID_REPR_BIG,
                                         .size = sizeof(candid_slice), .align = _Alignof(candid_slice)};
    FAILS(&big_text, 0, "text: repr flag not valid for the kind");
    static const candid_type vec_text = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE,
                                         .size = sizeof(candid_slice), .align = _Alignof(candid_slice),
                                         .inner = &text_t};
    FAILS(&vec_text, 0, "vec: SLICE needs a vector of bool or fixed-width numbers");
    static const candid_type blob = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE,
                                     .size = sizeof(candid_slice), .align = _Alignof(candid_slice),
                                     .inner = &nat8_t};
    assert_int_equal(check(&blob, 0), CANDID_OK);
    static const candid_type future = {.kind = CANDID_FUTURE};
    FAILS(&future, 0, "future: future types exist only in wire tables");
    static const candid_type k99 = {.kind = 99};
    FAILS(&k99, 0, "?: not a Candid kind");
    static const candid_type vec_null = {.kind = CANDID_VEC, .size = sizeof(candid_vec),
                                         .align = _Alignof(candid_vec)};
    FAILS(&vec_null, 0, "vec: inner is NULL");
}

static const candid_type funcref_size = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref),
                                         .align = _Alignof(candid_funcref)};
static void functions_and_services(void **state) {
    (void)state;
    static const candid_type *const res[] = {&nat64_t};
    static const candid_type oneway = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref),
                                       .align = _Alignof(candid_funcref), .count2 = 1, .args = res,
                                       .aux = CANDID_ANN_ONEWAY};
    FAILS(&oneway, 0, "func: a oneway function has results");
    static const candid_type qq = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref),
                                   .align = _Alignof(candid_funcref),
                                   .aux = CANDID_ANN_QUERY | CANDID_ANN_COMPOSITE_QUERY};
    FAILS(&qq, 0, "func: both query and composite_query");
    static const candid_type *const nul[] = {&nat64_t, NULL};
    static const candid_type f_null = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref),
                                       .align = _Alignof(candid_funcref), .count = 1, .count2 = 1,
                                       .args = nul};
    FAILS(&f_null, 0, "func: result 0: type is NULL");
    static const candid_method m[] = {{.name = "b", .name_len = 1, .type = &funcref_size},
                                      {.name = "a", .name_len = 1, .type = &funcref_size}};
    static const candid_type s = {.kind = CANDID_SERVICE, .size = sizeof(candid_slice),
                                  .align = _Alignof(candid_slice), .count = 2, .methods = m};
    FAILS(&s, 0, "service: method 'a': names not sorted and unique");
    static const candid_method m2[] = {{.name = "a", .name_len = 1, .type = &nat64_t}};
    static const candid_type s2 = {.kind = CANDID_SERVICE, .size = sizeof(candid_slice),
                                   .align = _Alignof(candid_slice), .count = 1, .methods = m2};
    FAILS(&s2, 0, "service: method 'a': type is not a func");
    assert_int_equal(check(&(candid_type){.kind = CANDID_SERVICE, .size = sizeof(candid_slice),
                                          .align = _Alignof(candid_slice), .count = 1, .methods = m + 1},
                           0),
                     CANDID_OK);
}

/* 100,000 nested boxed options: checked with work memory only. */
static void deep_graphs_and_small_work(void **state) {
    (void)state;
    enum { N = 100000 };
    candid_type *t = calloc(N + 1, sizeof *t);
    assert_non_null(t);
    for (int i = 0; i < N; i++)
        t[i] = (candid_type){.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8,
                             .inner = &t[i + 1]};
    t[N] = nat64_t;
    size_t cap = 16u << 20;
    void *mem = malloc(cap);
    assert_non_null(mem);
    assert_int_equal(candid_type_check(t, 0, mem, cap, &err), CANDID_OK);
    assert_int_equal(candid_type_check(t, 0, mem, 4096, &err), CANDID_ERR_WORK_FULL);
    assert_int_equal(candid_type_check(NULL, 0, mem, cap, &err), CANDID_ERR_ARGUMENT);
    free(mem);
    free(t);
}

/* The wire types of a message (the generic layout) are valid descriptions. */
static void wire_types_pass(void **state) {
    (void)state;
    static uint8_t types_mem[1 << 14];
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena types;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    const candid_type *args;
    /* (List, variant { 0; 1 : vec int8 }, func (text) -> (nat) query) */
    assert_int_equal(candid_wire_types(&d, MSG("DIDL\x05\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00"
                                               "\x6b\x02\x00\x7f\x01\x03\x6d\x77\x6a\x01\x71\x01\x7d\x01\x01"
                                               "\x03\x00\x02\x04"),
                                     &args, &types),
                     CANDID_OK);
    assert_int_equal(check(args, CANDID_CHECK_ARGS), CANDID_OK);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_descriptions_pass),
        cmocka_unit_test(unsorted_fields_name_the_field),
        cmocka_unit_test(argument_wrapper),
        cmocka_unit_test(layout_mistakes),
        cmocka_unit_test(overlapping_fields),
        cmocka_unit_test(values_containing_themselves),
        cmocka_unit_test(kinds_and_repr_flags),
        cmocka_unit_test(functions_and_services),
        cmocka_unit_test(deep_graphs_and_small_work),
        cmocka_unit_test(wire_types_pass),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
