/* The generic walk over decoded values; see include/candid/visit.h. */
#include "candid/visit.h"
#include "internal.h"

typedef struct vframe {
    const candid_type *t;
    const uint8_t *base; /* record block / vec cursor / opt inner / variant block */
    uint64_t i;          /* next field or element */
    uint64_t n;
} vframe;

static const uint8_t *deref(const uint8_t *slot) {
    const uint8_t *p;
    CANDID_MEMCPY(&p, slot, sizeof p);
    return p;
}

candid_status candid_visit(const candid_type *t, const void *slot, candid_visit_fn fn,
                           void *ctx, void *work, size_t work_cap, uint32_t max_depth) {
    if (!t || !fn) return CANDID_ERR_ARGUMENT;
    if (!max_depth) max_depth = 4096;
    uintptr_t b = ((uintptr_t)work + 7) & ~(uintptr_t)7;
    vframe *stack = (vframe *)b;
    size_t cap = work && work_cap >= b - (uintptr_t)work ? (work_cap - (b - (uintptr_t)work)) / sizeof(vframe) : 0;
    size_t sp = 0;
    candid_event ev = {CANDID_EV_VALUE, t, slot, NULL, 0, 0, 0};
    candid_status st;

    for (;;) {
        /* ev describes the next value to report. */
        const candid_type *vt = ev.type;
        const uint8_t *s = (const uint8_t *)ev.slot;
        int composite = vt->kind == CANDID_OPT || vt->kind == CANDID_RECORD ||
                        vt->kind == CANDID_VARIANT ||
                        (vt->kind == CANDID_VEC && !(vt->repr & CANDID_REPR_SLICE));
        if (!composite) {
            if ((st = fn(ctx, &ev))) return st;
        } else {
            if (sp == cap || sp >= max_depth) return sp >= max_depth ? CANDID_ERR_DEPTH : CANDID_ERR_WORK_FULL;
            vframe *f = &stack[sp];
            f->t = vt;
            f->i = 0;
            int boxed = (vt->repr & CANDID_REPR_BOXED) != 0;
            switch (vt->kind) {
            case CANDID_OPT:
                f->base = boxed ? deref(s) : (s[0] ? s + vt->offset : NULL);
                f->n = f->base != NULL;
                break;
            case CANDID_VEC: {
                candid_vec v;
                CANDID_MEMCPY(&v, s, sizeof v);
                f->base = (const uint8_t *)v.items;
                f->n = v.len;
                break;
            }
            case CANDID_RECORD:
                f->base = boxed ? deref(s) : s;
                f->n = vt->count;
                break;
            default: { /* variant */
                f->base = boxed ? deref(s) : s;
                if (!f->base) return CANDID_ERR_BAD_TYPE; /* a variant always has a case */
                uint32_t tag;
                CANDID_MEMCPY(&tag, f->base, 4);
                if (tag >= vt->count) return CANDID_ERR_VARIANT_TAG;
                f->n = 1;
                break;
            }
            }
            if (f->n && !f->base) return CANDID_ERR_BAD_TYPE;
            ev.kind = CANDID_EV_ENTER;
            ev.slot = f->base;
            ev.count = f->n;
            if ((st = fn(ctx, &ev))) return st;
            sp++;
        }
        /* Find the next value: the next child of the innermost frame, or
         * leave frames that are done. */
        for (;;) {
            if (!sp) return CANDID_OK;
            vframe *f = &stack[sp - 1];
            if (f->i < f->n) {
                uint64_t i = f->i++;
                ev.kind = CANDID_EV_VALUE;
                ev.depth = (uint32_t)sp;
                ev.index = i;
                ev.count = 0;
                switch (f->t->kind) {
                case CANDID_OPT:
                    ev.type = f->t->inner;
                    ev.slot = f->base;
                    ev.field = NULL;
                    break;
                case CANDID_VEC:
                    ev.type = f->t->inner;
                    ev.slot = f->base + i * candid_slot_size(f->t->inner);
                    ev.field = NULL;
                    break;
                case CANDID_RECORD:
                    ev.field = &f->t->fields[i];
                    ev.type = ev.field->type;
                    ev.slot = f->base + ev.field->offset;
                    break;
                default: { /* variant: the chosen case */
                    uint32_t tag;
                    CANDID_MEMCPY(&tag, f->base, 4);
                    ev.field = &f->t->fields[tag];
                    ev.type = ev.field->type;
                    ev.slot = f->base + ev.field->offset;
                    ev.index = tag;
                    break;
                }
                }
                break;
            }
            sp--;
            candid_event leave = {CANDID_EV_LEAVE, f->t, f->base, NULL, 0, f->n, (uint32_t)sp};
            if ((st = fn(ctx, &leave))) return st;
        }
    }
}
