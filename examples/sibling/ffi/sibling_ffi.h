/* The sibling's methods for a Motoko module's runtime (sibling_ffi.c):
 * arg/len is to_candid of the method's arguments; see mo_ffi.h for the
 * results. */
#ifndef SIBLING_FFI_H
#define SIBLING_FFI_H

#include "mo_ffi.h"

int sibling_ffi_sha256(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out);
int sibling_ffi_find(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out);
int sibling_ffi_varint_encode(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out);
int sibling_ffi_varint_decode(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out);

#endif
