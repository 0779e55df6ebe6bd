/* See fast_encode_mutate.h. */
#include "fast_encode_mutate.h"

#include <string.h>

enum { SPOTS = 512 };

typedef struct spot {
    const candid_type *t;
    uint8_t *p;
} spot;

static int mutable_kind(const candid_type *t, const uint8_t *p) {
    switch (t->kind) {
    case CANDID_BOOL:
    case CANDID_TEXT:
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
    case CANDID_FUNC:
    case CANDID_VEC:
        return 1;
    case CANDID_VARIANT:
        return !(t->repr & CANDID_REPR_BOXED) && t->count;
    case CANDID_OPT: /* an absent value's bytes are not a value: only present ones */
        return !(t->repr & CANDID_REPR_BOXED) && *p;
    default:
        return 0;
    }
}

/* The value's slots, breadth first, at most SPOTS of them. */
static size_t spots(const candid_type *t, void *slot, spot *out) {
    size_t n = 0, head = 0;
    out[n++] = (spot){t, slot};
    while (head < n && n < SPOTS) {
        spot s = out[head++];
        const candid_type *u = s.t;
        uint8_t *p = s.p;
        if (u->repr & CANDID_REPR_BOXED) {
            memcpy(&p, s.p, sizeof p);
            if (!p) continue;
        }
        switch (u->kind) {
        case CANDID_RECORD:
            for (uint32_t k = 0; k < u->count && n < SPOTS; k++)
                out[n++] = (spot){u->fields[k].type, p + u->fields[k].offset};
            break;
        case CANDID_VARIANT: {
            uint32_t tag;
            memcpy(&tag, p, 4);
            if (tag < u->count) out[n++] = (spot){u->fields[tag].type, p + u->fields[tag].offset};
            break;
        }
        case CANDID_OPT:
            if (u->repr & CANDID_REPR_BOXED) out[n++] = (spot){u->inner, p};
            else if (*p) out[n++] = (spot){u->inner, p + u->offset};
            break;
        case CANDID_VEC: {
            if (u->repr & CANDID_REPR_SLICE) break;
            candid_vec v;
            memcpy(&v, p, sizeof v);
            size_t size = candid_slot_size(u->inner);
            for (size_t k = 0; k < v.len && n < SPOTS; k++)
                out[n++] = (spot){u->inner, (uint8_t *)v.items + k * size};
            break;
        }
        default:
            break;
        }
    }
    return n;
}

static void break_slice(uint8_t *p, uint64_t how) {
    candid_slice s;
    memcpy(&s, p, sizeof s);
    if (s.len && (how & 1)) {
        ((uint8_t *)s.ptr)[how / 2 % s.len] = 0xff; /* never in UTF-8 */
    } else {
        s.ptr = NULL;
        s.len = 1 + how % 5;
    }
    memcpy(p, &s, sizeof s);
}

int fe_mutate(const candid_type *t, void *slot, uint64_t k, uint64_t how) {
    static spot all[SPOTS];
    size_t n = spots(t, slot, all), m = 0;
    for (size_t i = 0; i < n; i++)
        if (mutable_kind(all[i].t, all[i].p)) all[m++] = all[i];
    if (!m) return 0;
    spot s = all[k % m];
    switch (s.t->kind) {
    case CANDID_BOOL:
        *s.p = (uint8_t)(2 + how % 254);
        break;
    case CANDID_TEXT:
        break_slice(s.p, how);
        break;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        break_slice(s.p, how & ~(uint64_t)1);
        break;
    case CANDID_FUNC:
        if (how & 2) break_slice(s.p + offsetof(candid_funcref, method), how | 1);
        else break_slice(s.p, how & ~(uint64_t)1);
        break;
    case CANDID_VEC: {
        if (s.t->repr & CANDID_REPR_SLICE) {
            break_slice(s.p, how & ~(uint64_t)1);
            break;
        }
        candid_vec v;
        memcpy(&v, s.p, sizeof v);
        v.items = NULL;
        v.len = 1 + how % 3;
        memcpy(s.p, &v, sizeof v);
        break;
    }
    case CANDID_VARIANT: {
        uint32_t tag = s.t->count + (uint32_t)(how % 3);
        memcpy(s.p, &tag, 4);
        break;
    }
    default: /* an inline option */
        *s.p = (uint8_t)(2 + how % 254);
    }
    return 1;
}
