/* Declaration order of record and variant fields. The parser sorts fields
 * by id, as the wire and the engine need; code generators want the order
 * the .did wrote them in. It is kept here, keyed by the fields array (which
 * an alias shares with the type it copies), only for lists that were not
 * already in id order. */
#include <string.h>

#include "parser.h"

struct candid_idl_order {
    const candid_field *fields;
    const uint32_t *order;
};

static candid_idl_order *order_slot(candid_idl_order *table, size_t cap, const candid_field *fields) {
    size_t i = ((uintptr_t)fields >> 4) * 2654435761u & (cap - 1);
    while (table[i].fields && table[i].fields != fields) i = (i + 1) & (cap - 1);
    return &table[i];
}

int idl_keep_order(candid_idl *idl, candid_field *fields, size_t n) {
    size_t k = 0;
    while (k < n && fields[k].offset == k) k++;
    if (k == n) return 1;
    uint32_t *order = candid_arena_alloc(idl->arena, n * sizeof *order, _Alignof(uint32_t));
    if (!order) return 0;
    for (k = 0; k < n; k++) order[fields[k].offset] = (uint32_t)k;
    if (2 * (idl->orders_count + 1) > idl->orders_cap) {
        size_t cap = idl->orders_cap ? 2 * idl->orders_cap : 64;
        candid_idl_order *t = candid_arena_alloc(idl->arena, cap * sizeof *t, _Alignof(candid_idl_order));
        if (!t) return 0;
        memset(t, 0, cap * sizeof *t);
        for (size_t i = 0; i < idl->orders_cap; i++)
            if (idl->orders[i].fields) *order_slot(t, cap, idl->orders[i].fields) = idl->orders[i];
        idl->orders = t;
        idl->orders_cap = cap;
    }
    candid_idl_order *s = order_slot(idl->orders, idl->orders_cap, fields);
    s->fields = fields;
    s->order = order;
    idl->orders_count++;
    return 1;
}

const uint32_t *candid_idl_field_order(const candid_idl *idl, const candid_type *t) {
    if (!idl->orders_cap || (t->kind != CANDID_RECORD && t->kind != CANDID_VARIANT) || !t->fields) return NULL;
    return order_slot(idl->orders, idl->orders_cap, t->fields)->order;
}
