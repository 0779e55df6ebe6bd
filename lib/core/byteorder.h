/* Little-endian loads and stores of fixed-width wire numbers, for the
 * files of lib/core (not installed): they compile to single moves on
 * little-endian hosts and stay correct on big-endian ones. */
#ifndef CANDID_CORE_BYTEORDER_H
#define CANDID_CORE_BYTEORDER_H

#include <stdint.h>

/* Little-endian loads; p must have the bytes (no bounds check). */
static inline uint16_t candid_load_u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}
static inline uint32_t candid_load_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}
static inline uint64_t candid_load_u64(const uint8_t *p) {
    return (uint64_t)candid_load_u32(p) | (uint64_t)candid_load_u32(p + 4) << 32;
}
static inline void candid_store_u16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void candid_store_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static inline void candid_store_u64(uint8_t *p, uint64_t v) {
    candid_store_u32(p, (uint32_t)v);
    candid_store_u32(p + 4, (uint32_t)(v >> 32));
}

#endif
