/* Status names and messages; see include/candid/error.h. */
#include "candid/error.h"

static const char *const messages[CANDID_STATUS_COUNT] = {
    [CANDID_OK] = "success",
    [CANDID_ERR_TRUNCATED] = "input ends before the announced data",
    [CANDID_ERR_MAGIC] = "missing magic bytes \"DIDL\"",
    [CANDID_ERR_TRAILING] = "trailing bytes after the last argument",
    [CANDID_ERR_LEB_OVERFLOW] = "LEB128 number too large",
    [CANDID_ERR_BAD_OPCODE] = "type opcode not allowed here",
    [CANDID_ERR_BAD_INDEX] = "type index out of range",
    [CANDID_ERR_FIELD_ORDER] = "field ids not strictly increasing",
    [CANDID_ERR_FIELD_ID] = "field id or length does not fit in 32 bits",
    [CANDID_ERR_BAD_SERVICE] = "service methods unsorted, duplicated or not functions",
    [CANDID_ERR_BAD_ANNOTATION] = "unknown function annotation",
    [CANDID_ERR_UTF8] = "text is not valid UTF-8",
    [CANDID_ERR_BAD_TAG] = "byte must be 0 or 1",
    [CANDID_ERR_VARIANT_TAG] = "variant tag out of range",
    [CANDID_ERR_TYPE_MISMATCH] = "value does not coerce to the expected type",
    [CANDID_ERR_MISSING_ARG] = "required argument missing",
    [CANDID_ERR_EMPTY_VALUE] = "a value of type empty cannot exist",
    [CANDID_ERR_RANGE] = "number out of range for its representation",
    [CANDID_ERR_LIMIT] = "configured size limit exceeded",
    [CANDID_ERR_DEPTH] = "nesting deeper than the configured limit",
    [CANDID_ERR_BUDGET] = "decoding budget exhausted",
    [CANDID_ERR_ARENA_FULL] = "output arena too small",
    [CANDID_ERR_WORK_FULL] = "work memory too small",
    [CANDID_ERR_BUFFER_FULL] = "output buffer too small",
    [CANDID_ERR_FLUSH] = "flush callback failed",
    [CANDID_ERR_BAD_TYPE] = "inconsistent type description (candid_type_check says where)",
    [CANDID_ERR_ARGUMENT] = "invalid argument",
    [CANDID_ERR_SYNTAX] = "syntax error",
    [CANDID_ERR_UNBOUND] = "undefined type name",
    [CANDID_ERR_CALL] = "call failed",
};

static const char *const names[CANDID_STATUS_COUNT] = {
    [CANDID_OK] = "CANDID_OK",
    [CANDID_ERR_TRUNCATED] = "CANDID_ERR_TRUNCATED",
    [CANDID_ERR_MAGIC] = "CANDID_ERR_MAGIC",
    [CANDID_ERR_TRAILING] = "CANDID_ERR_TRAILING",
    [CANDID_ERR_LEB_OVERFLOW] = "CANDID_ERR_LEB_OVERFLOW",
    [CANDID_ERR_BAD_OPCODE] = "CANDID_ERR_BAD_OPCODE",
    [CANDID_ERR_BAD_INDEX] = "CANDID_ERR_BAD_INDEX",
    [CANDID_ERR_FIELD_ORDER] = "CANDID_ERR_FIELD_ORDER",
    [CANDID_ERR_FIELD_ID] = "CANDID_ERR_FIELD_ID",
    [CANDID_ERR_BAD_SERVICE] = "CANDID_ERR_BAD_SERVICE",
    [CANDID_ERR_BAD_ANNOTATION] = "CANDID_ERR_BAD_ANNOTATION",
    [CANDID_ERR_UTF8] = "CANDID_ERR_UTF8",
    [CANDID_ERR_BAD_TAG] = "CANDID_ERR_BAD_TAG",
    [CANDID_ERR_VARIANT_TAG] = "CANDID_ERR_VARIANT_TAG",
    [CANDID_ERR_TYPE_MISMATCH] = "CANDID_ERR_TYPE_MISMATCH",
    [CANDID_ERR_MISSING_ARG] = "CANDID_ERR_MISSING_ARG",
    [CANDID_ERR_EMPTY_VALUE] = "CANDID_ERR_EMPTY_VALUE",
    [CANDID_ERR_RANGE] = "CANDID_ERR_RANGE",
    [CANDID_ERR_LIMIT] = "CANDID_ERR_LIMIT",
    [CANDID_ERR_DEPTH] = "CANDID_ERR_DEPTH",
    [CANDID_ERR_BUDGET] = "CANDID_ERR_BUDGET",
    [CANDID_ERR_ARENA_FULL] = "CANDID_ERR_ARENA_FULL",
    [CANDID_ERR_WORK_FULL] = "CANDID_ERR_WORK_FULL",
    [CANDID_ERR_BUFFER_FULL] = "CANDID_ERR_BUFFER_FULL",
    [CANDID_ERR_FLUSH] = "CANDID_ERR_FLUSH",
    [CANDID_ERR_BAD_TYPE] = "CANDID_ERR_BAD_TYPE",
    [CANDID_ERR_ARGUMENT] = "CANDID_ERR_ARGUMENT",
    [CANDID_ERR_SYNTAX] = "CANDID_ERR_SYNTAX",
    [CANDID_ERR_UNBOUND] = "CANDID_ERR_UNBOUND",
    [CANDID_ERR_CALL] = "CANDID_ERR_CALL",
};

const char *candid_status_message(candid_status st) {
    if ((unsigned)st >= CANDID_STATUS_COUNT) return "unknown status";
    return messages[st];
}

const char *candid_status_name(candid_status st) {
    if ((unsigned)st >= CANDID_STATUS_COUNT) return "CANDID_ERR_UNKNOWN";
    return names[st];
}
