/* One table of generated stubs (see stubs.h); compiled once per generated
 * set with STUBS the set's prefix and STUBS_HEADER its header. */
#include "stubs.h"
#include STUBS_HEADER

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define NAMED(type, suffix) CAT(STUBS, CAT(_, CAT(type, suffix)))

/* void * wrappers of NAME_Type_decode and NAME_Type_encode */
#define WRAP_DECODE(type)                                                              \
    static candid_status CAT(dec_, type)(candid_decoder * d, const uint8_t *msg,       \
                                         size_t len, void *out, candid_arena *arena) { \
        return NAMED(type, _decode)(d, msg, len, out, arena);                          \
    }
#define WRAP(type)                                                           \
    WRAP_DECODE(type)                                                        \
    static candid_status CAT(enc_, type)(candid_writer * w, const void *v) { \
        return NAMED(type, _encode)(w, v);                                   \
    }
WRAP(A)
WRAP(B)
WRAP(C)
WRAP(D)
WRAP(E1)
WRAP(E2)
WRAP(List)
WRAP(Text)
WRAP(VecInt16)
WRAP(VecNat32)
WRAP(VecNat64)
WRAP(VecNat)
WRAP(Map)
WRAP(VariantList)
WRAP(Wide)
WRAP_DECODE(Narrow)
WRAP(Results)

#define AS(name, dec, enc) \
    {name, CAT(dec_, dec), sizeof(NAMED(dec, )), CAT(enc_, enc), CAT(dec_, enc), sizeof(NAMED(enc, ))}
#define SAME(name, type) AS(name, type, type)

const stub CAT(STUBS, _table)[] = {
    SAME("a", A),
    SAME("b", B),
    SAME("c", C),
    SAME("d", D),
    SAME("e1", E1),
    SAME("e2ok", E2),
    SAME("e2err", E2),
    SAME("f", List),
    SAME("blob2m", C),
    SAME("text2m", Text),
    SAME("vec_int16", VecInt16),
    SAME("vec_nat32", VecNat32),
    SAME("vec_nat64", VecNat64),
    SAME("vec_nat", VecNat),
    SAME("map", Map),
    SAME("optlist", List),
    SAME("variantlist", VariantList),
    SAME("rec16", Wide),
    AS("rec16as4", Narrow, Wide),
    SAME("results", Results),
};
const size_t CAT(STUBS, _count) = sizeof CAT(STUBS, _table) / sizeof CAT(STUBS, _table)[0];
