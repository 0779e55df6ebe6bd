/* libcandid: the conformance suite's test-file format (*.test.did).
 *
 *   <def>;* <test>;*
 *   assert <input> : <tuptype> <desc>?          decodes/parses at the types
 *   assert <input> !: <tuptype> <desc>?         does not
 *   assert <input> == <input> : <tuptype> <desc>?   both do, equal values
 *   assert <input> != <input> : <tuptype> <desc>?   both do, different values
 *   <input> ::= <text> | blob <text>
 *
 * This layer only parses; tools/candid (candid test) runs the assertions.
 */
#ifndef CANDID_TESTFILE_H
#define CANDID_TESTFILE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/idl.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum candid_test_kind {
    CANDID_TEST_ACCEPT,
    CANDID_TEST_REJECT,
    CANDID_TEST_EQUAL,
    CANDID_TEST_NOT_EQUAL
} candid_test_kind;

typedef struct candid_test_input {
    int is_blob;          /* blob "...": a binary message; else textual values */
    const uint8_t *bytes; /* unescaped */
    size_t len;
} candid_test_input;

typedef struct candid_test_assertion {
    candid_test_kind kind;
    candid_test_input left;
    candid_test_input right;          /* EQUAL and NOT_EQUAL only */
    const candid_type *args;          /* the tuple type, ids 0..n-1 */
    const char *desc;                 /* may be NULL */
    size_t desc_len;
    uint32_t line;
    struct candid_test_assertion *next;
} candid_test_assertion;

/* Parses a test file; definitions go into idl, assertions (in file order)
 * into a list allocated in idl's arena. Fails like candid_idl_parse. */
candid_status candid_testfile_parse(candid_idl *idl, const char *src, size_t len,
                                    candid_test_assertion **first, size_t *count,
                                    candid_syntax_error *err);

#ifdef __cplusplus
}
#endif
#endif
