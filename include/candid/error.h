/* libcandid: error codes shared by every layer.
 *
 * Every fallible function returns a candid_status. CANDID_OK is zero so that
 * `if (st) return st;` reads naturally. Functions that work on a byte stream
 * also report the byte offset where they stopped in the context they were
 * given. The library never aborts, traps or prints.
 */
#ifndef CANDID_ERROR_H
#define CANDID_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum candid_status {
    CANDID_OK = 0,
    /* The input ends before the value or table it announces. */
    CANDID_ERR_TRUNCATED,
    /* The message does not start with the magic bytes "DIDL". */
    CANDID_ERR_MAGIC,
    /* Bytes remain after the last argument value. */
    CANDID_ERR_TRAILING,
    /* A LEB128 number does not fit the 64 bits the decoder reads it into. */
    CANDID_ERR_LEB_OVERFLOW,
    /* A type opcode is not allowed where it stands (primitive in the table,
     * composite in an argument list, index where a constructor is needed). */
    CANDID_ERR_BAD_OPCODE,
    /* A type index points outside the type table. */
    CANDID_ERR_BAD_INDEX,
    /* Record or variant field ids not strictly increasing. */
    CANDID_ERR_FIELD_ORDER,
    /* A field id or method-name length does not fit in 32 bits. */
    CANDID_ERR_FIELD_ID,
    /* Service methods not strictly sorted by name bytes, or a method type that
     * is not a function. */
    CANDID_ERR_BAD_SERVICE,
    /* Unknown function annotation byte. */
    CANDID_ERR_BAD_ANNOTATION,
    /* Text (or a name) that is not valid UTF-8. */
    CANDID_ERR_UTF8,
    /* A byte that must be 0 or 1 (bool, opt flag, reference tag) is not. */
    CANDID_ERR_BAD_TAG,
    /* Variant tag index outside the variant's cases. */
    CANDID_ERR_VARIANT_TAG,
    /* The value cannot be coerced to the expected type. */
    CANDID_ERR_TYPE_MISMATCH,
    /* An argument the expected types require is missing. */
    CANDID_ERR_MISSING_ARG,
    /* A value of type `empty` was found (no such value exists). */
    CANDID_ERR_EMPTY_VALUE,
    /* A number does not fit the C representation chosen for it. */
    CANDID_ERR_RANGE,
    /* A configured limit was hit: table entries, table bytes. */
    CANDID_ERR_LIMIT,
    /* Nesting deeper than the configured bound. */
    CANDID_ERR_DEPTH,
    /* The decoding or skipping budget is spent (spacebomb protection). */
    CANDID_ERR_BUDGET,
    /* The caller's output arena is too small; the needed size is reported. */
    CANDID_ERR_ARENA_FULL,
    /* The caller's work memory (type table, plan, stacks) is too small. */
    CANDID_ERR_WORK_FULL,
    /* The caller's output buffer is too small (encoder without flush). */
    CANDID_ERR_BUFFER_FULL,
    /* The flush callback of a streaming writer reported failure. */
    CANDID_ERR_FLUSH,
    /* An expected-type description is inconsistent (caller bug). */
    CANDID_ERR_BAD_TYPE,
    /* A function argument is invalid (NULL where memory is required, ...). */
    CANDID_ERR_ARGUMENT,
    /* Textual syntax error (text and .did layers). */
    CANDID_ERR_SYNTAX,
    /* A name used in a textual type is not defined. */
    CANDID_ERR_UNBOUND,
    /* Reserved for the call layer: the call could not be made. */
    CANDID_ERR_CALL,
    CANDID_STATUS_COUNT
} candid_status;

/* A static, human-readable message for a status; never NULL. */
const char *candid_status_message(candid_status st);

/* A short identifier for a status such as "CANDID_ERR_TRUNCATED"; never NULL. */
const char *candid_status_name(candid_status st);

#ifdef __cplusplus
}
#endif
#endif
