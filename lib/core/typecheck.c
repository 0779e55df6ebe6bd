/* Validation of hand-written type descriptions; see candid_type_check in
 * include/candid/types.h. The walk visits each node once: a set of seen
 * nodes and a stack of nodes still to check, both in work memory, so
 * recursive and deep graphs need no native stack. */
#include "internal.h"
#include "message.h"

typedef struct walk {
    candid_arena *work;
    const candid_type **seen; /* open addressing; NULL = empty */
    uint32_t seen_mask, seen_used;
    const candid_type **stack;
    uint32_t sp, stack_cap;
    candid_type_error *err;
} walk;

static uint32_t ptr_hash(const candid_type *t) {
    uint64_t x = (uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(x >> 32);
}

static const candid_type **new_table(candid_arena *a, uint32_t n) {
    const candid_type **p = candid_arena_alloc(a, (size_t)n * sizeof *p, _Alignof(void *));
    if (p) CANDID_MEMSET(p, 0, (size_t)n * sizeof *p);
    return p;
}

static void place(const candid_type **tab, uint32_t mask, const candid_type *t) {
    uint32_t i = ptr_hash(t) & mask;
    while (tab[i]) i = (i + 1) & mask;
    tab[i] = t;
}

/* Queues t unless seen before. 0 on success, -1 when work is full. */
static int enqueue(walk *w, const candid_type *t) {
    for (uint32_t i = ptr_hash(t) & w->seen_mask;; i = (i + 1) & w->seen_mask) {
        if (!w->seen[i]) break;
        if (w->seen[i] == t) return 0;
    }
    if ((w->seen_used + 1) * 4 > (w->seen_mask + 1) * 3) {
        if (w->seen_mask >= 0x7fffffffu) return -1;
        uint32_t n = 2 * (w->seen_mask + 1);
        const candid_type **tab = new_table(w->work, n);
        if (!tab) return -1;
        for (uint32_t i = 0; i <= w->seen_mask; i++)
            if (w->seen[i]) place(tab, n - 1, w->seen[i]);
        w->seen = tab;
        w->seen_mask = n - 1;
    }
    place(w->seen, w->seen_mask, t);
    w->seen_used++;
    if (w->sp == w->stack_cap) {
        uint32_t cap = w->stack_cap * 2;
        const candid_type **s = new_table(w->work, cap);
        if (!s) return -1;
        CANDID_MEMCPY(s, w->stack, (size_t)w->sp * sizeof *s);
        w->stack = s;
        w->stack_cap = cap;
    }
    w->stack[w->sp++] = t;
    return 0;
}

/* Records the first problem: "<kind> <Name>: <member>: <problem>". */
static candid_status bad(walk *w, const candid_type *t, uint32_t index, const char *member_kind,
                         const void *member, const char *problem) {
    candid_type_error *e = w->err;
    if (!e) return CANDID_ERR_BAD_TYPE;
    e->type = t;
    e->index = index;
    msgbuf m;
    candid__msg_init(&m, e->message, sizeof e->message);
    candid__msg_type(&m, t);
    candid__msg_str(&m, ": ");
    if (member_kind) {
        if (!member) {
            candid__msg_str(&m, member_kind);
            if (index != UINT32_MAX) {
                candid__msg_str(&m, " ");
                candid__msg_u64(&m, index);
            }
        } else if (t->kind == CANDID_SERVICE) {
            candid__msg_method(&m, member);
        } else {
            candid__msg_field(&m, member_kind, member);
        }
        candid__msg_str(&m, ": ");
    }
    candid__msg_str(&m, problem);
    return CANDID_ERR_BAD_TYPE;
}

#define BAD_NODE(problem) bad(w, t, UINT32_MAX, NULL, NULL, (problem))

static int pow2(uint32_t v) { return v && !(v & (v - 1)); }

static int is_digits(const char *s) {
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

static int slice_element(const candid_type *t) {
    return t->kind == CANDID_BOOL || candid__fixed_width(t->kind);
}

/* The alignment a slot of type m needs, whatever m->align says for the
 * kinds whose slot is fixed. */
static uint32_t needed_align(const candid_type *m) {
    if (m->kind == CANDID_OPT || m->kind == CANDID_RECORD || m->kind == CANDID_VARIANT)
        return (uint32_t)candid_slot_align(m);
    uint16_t align;
    candid__fixed_slot(m, &align);
    return align;
}

/* A member's slot at `offset` inside a block of `size` bytes aligned to
 * `align`: NULL when it fits, else the problem. */
static const char *slot_problem(const candid_type *m, uint32_t offset, uint32_t size,
                                uint32_t align) {
    uint32_t a = needed_align(m);
    if (offset % a) return "offset not aligned for its type";
    if ((uint64_t)offset + candid_slot_size(m) > size) return "slot extends past the end of the struct";
    if (a > align) return "alignment larger than the struct's";
    return NULL;
}

/* Field x sorts after field y: by offset, then by position. */
static int after(const candid_field *f, uint32_t x, uint32_t y) {
    return f[x].offset > f[y].offset || (f[x].offset == f[y].offset && x > y);
}

/* Heap sort of field indices by slot offset: in place, no recursion. */
static void sort_by_offset(const candid_field *f, uint32_t *ix, uint32_t n) {
    if (n < 2) return;
    for (uint32_t end = n, start = n / 2;;) {
        uint32_t root;
        if (start > 0) {
            root = --start; /* building the heap */
        } else {
            if (--end == 0) return;
            uint32_t top = ix[0]; /* the largest goes to the end */
            ix[0] = ix[end];
            ix[end] = top;
            root = 0;
        }
        for (uint32_t child; (child = 2 * root + 1) < end; root = child) {
            if (child + 1 < end && after(f, ix[child + 1], ix[child])) child++;
            if (!after(f, ix[child], ix[root])) break;
            uint32_t tmp = ix[root];
            ix[root] = ix[child];
            ix[child] = tmp;
        }
    }
}

/* Record fields whose slots share bytes (a copied offsetof, say): the
 * fields sorted by offset, each must end before the next begins. Slots of
 * size zero take no bytes. The index array is temporary work memory. */
static candid_status check_overlaps(walk *w, const candid_type *t) {
    if (t->kind != CANDID_RECORD || t->count < 2) return CANDID_OK;
    size_t used = w->work->used, needed = w->work->needed;
    uint32_t *ix = candid_arena_alloc(w->work, (size_t)t->count * sizeof *ix, _Alignof(uint32_t));
    if (!ix) return CANDID_ERR_WORK_FULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->count; i++)
        if (candid_slot_size(t->fields[i].type)) ix[n++] = i;
    sort_by_offset(t->fields, ix, n);
    candid_status st = CANDID_OK;
    for (uint32_t k = 1; k < n && !st; k++) {
        const candid_field *a = &t->fields[ix[k - 1]], *b = &t->fields[ix[k]];
        if ((uint64_t)a->offset + candid_slot_size(a->type) <= b->offset) continue;
        st = bad(w, t, ix[k], "field", b, "slot overlaps that of ");
        if (w->err) {
            msgbuf m = {w->err->message, sizeof w->err->message, 0};
            while (m.buf[m.len]) m.len++;
            candid__msg_field(&m, "field", a);
        }
    }
    w->work->used = used;
    w->work->needed = needed;
    return st;
}

static candid_status check_fields(walk *w, const candid_type *t) {
    if (t->count && !t->fields) return BAD_NODE("fields is NULL");
    uint32_t first = t->kind == CANDID_VARIANT ? 4 : 0;
    for (uint32_t i = 0; i < t->count; i++) {
        const candid_field *f = &t->fields[i];
        if (!f->type) return bad(w, t, i, "field", f, "type is NULL");
        if (i && f->id == t->fields[i - 1].id) return bad(w, t, i, "field", f, "duplicate id");
        if (i && f->id < t->fields[i - 1].id) return bad(w, t, i, "field", f, "ids not sorted");
        if (f->name && !is_digits(f->name)) {
            size_t n = 0;
            while (f->name[n]) n++;
            if (candid_hash(f->name, n) != f->id) return bad(w, t, i, "field", f, "id is not the hash of the name");
        }
        if (f->offset < first && candid_slot_size(f->type))
            return bad(w, t, i, "field", f, "payload overlaps the variant's case index");
        const char *p = slot_problem(f->type, f->offset, t->size, t->align);
        if (p) return bad(w, t, i, "field", f, p);
        if (enqueue(w, f->type)) return CANDID_ERR_WORK_FULL;
    }
    return check_overlaps(w, t);
}

static candid_status check_func(walk *w, const candid_type *t) {
    uint32_t n = t->count + t->count2;
    if (n < t->count) return BAD_NODE("too many arguments and results");
    if (n && !t->args) return BAD_NODE("args is NULL");
    if (t->aux & ~(uint32_t)(CANDID_ANN_QUERY | CANDID_ANN_ONEWAY | CANDID_ANN_COMPOSITE_QUERY))
        return BAD_NODE("unknown annotation bits");
    if ((t->aux & CANDID_ANN_QUERY) && (t->aux & CANDID_ANN_COMPOSITE_QUERY))
        return BAD_NODE("both query and composite_query");
    if ((t->aux & CANDID_ANN_ONEWAY) && t->count2) return BAD_NODE("a oneway function has results");
    for (uint32_t i = 0; i < n; i++) {
        if (!t->args[i])
            return bad(w, t, i < t->count ? i : i - t->count, i < t->count ? "argument" : "result",
                       NULL, "type is NULL");
        if (enqueue(w, t->args[i])) return CANDID_ERR_WORK_FULL;
    }
    return CANDID_OK;
}

static candid_status check_service(walk *w, const candid_type *t) {
    if (t->count && !t->methods) return BAD_NODE("methods is NULL");
    for (uint32_t i = 0; i < t->count; i++) {
        const candid_method *m = &t->methods[i];
        if (m->name_len && !m->name) return bad(w, t, i, "method", NULL, "name is NULL");
        if (!candid_utf8_valid((const uint8_t *)m->name, m->name_len))
            return bad(w, t, i, "method", NULL, "name is not UTF-8");
        if (i && candid__method_cmp(&t->methods[i - 1], m) >= 0)
            return bad(w, t, i, "method", m, "names not sorted and unique");
        if (!m->type || m->type->kind != CANDID_FUNC)
            return bad(w, t, i, "method", m, "type is not a func");
        if (enqueue(w, m->type)) return CANDID_ERR_WORK_FULL;
    }
    return CANDID_OK;
}

static candid_status check_node(walk *w, const candid_type *t) {
    uint8_t k = t->kind;
    if (k == CANDID_FUTURE) return BAD_NODE("future types exist only in wire tables");
    if (k < CANDID_NULL || k > CANDID_PRINCIPAL) return BAD_NODE("not a Candid kind");
    uint32_t allowed = k == CANDID_NAT || k == CANDID_INT ? CANDID_REPR_BIG
                       : k == CANDID_OPT || k == CANDID_RECORD || k == CANDID_VARIANT ? CANDID_REPR_BOXED
                       : k == CANDID_VEC ? CANDID_REPR_SLICE
                                         : 0;
    if (t->repr & ~allowed) return BAD_NODE("repr flag not valid for the kind");
    if (k == CANDID_OPT || k == CANDID_VEC) {
        if (!t->inner) return BAD_NODE("inner is NULL");
        if ((t->repr & CANDID_REPR_SLICE) && (!slice_element(t->inner) || t->inner->repr))
            return BAD_NODE("SLICE needs a vector of bool or fixed-width numbers");
    }
    if (k == CANDID_OPT || k == CANDID_RECORD || k == CANDID_VARIANT) {
        /* the unboxed block, also for BOXED (the arena holds one) */
        if (!pow2(t->align)) return BAD_NODE("align is not a power of two");
        if (t->size % t->align) return BAD_NODE("size is not a multiple of align");
        if (k == CANDID_VARIANT && (t->size < 4 || t->align < 4))
            return BAD_NODE("too small for the case index (uint32_t)");
    } else {
        uint16_t align;
        uint32_t size = candid__fixed_slot(t, &align);
        if (t->size != size || (t->align && t->align != align))
            return BAD_NODE("size or align differ from the kind's slot (see types.h)");
    }
    switch (k) {
    case CANDID_OPT:
        if (!(t->repr & CANDID_REPR_BOXED)) {
            if (t->offset < 1) return BAD_NODE("inline value overlaps the present flag");
            const char *p = slot_problem(t->inner, t->offset, t->size, t->align);
            if (p) return BAD_NODE(p);
        }
        return enqueue(w, t->inner) ? CANDID_ERR_WORK_FULL : CANDID_OK;
    case CANDID_VEC:
        return enqueue(w, t->inner) ? CANDID_ERR_WORK_FULL : CANDID_OK;
    case CANDID_RECORD:
    case CANDID_VARIANT:
        return check_fields(w, t);
    case CANDID_FUNC:
        return check_func(w, t);
    case CANDID_SERVICE:
        return check_service(w, t);
    default:
        return CANDID_OK;
    }
}

static candid_status check_args(walk *w, const candid_type *t) {
    if (t->kind != CANDID_RECORD || (t->repr & CANDID_REPR_BOXED))
        return BAD_NODE("an argument list is an unboxed record with ids 0..n-1 around the arguments");
    for (uint32_t i = 0; i < t->count && t->fields; i++)
        if (t->fields[i].id != i)
            return bad(w, t, i, "field", &t->fields[i],
                       "an argument list has ids 0..n-1 (is the record around the arguments missing?)");
    return CANDID_OK;
}

static uint32_t seen_slot(const walk *w, const candid_type *t) {
    uint32_t i = ptr_hash(t) & w->seen_mask;
    while (w->seen[i] != t) i = (i + 1) & w->seen_mask;
    return i;
}

/* Whether t's slot holds its value itself, not a pointer or a vector. */
static int inline_composite(const candid_type *t) {
    return (t->kind == CANDID_OPT || t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) &&
           !(t->repr & CANDID_REPR_BOXED);
}

/* A value that contains itself inline has no finite size, and an encoder
 * walking it would never reach its end. Depth first over the inline
 * members of every node (all valid by now) with states in an array beside
 * the seen set: a member still on the path closes a cycle. */
static candid_status check_cycles(walk *w) {
    typedef struct cframe {
        const candid_type *t;
        uint32_t next;
    } cframe;
    enum { NEW, ON_PATH, DONE };
    uint32_t slots = w->seen_mask + 1;
    uint8_t *state = candid_arena_alloc(w->work, slots, 1);
    cframe *path = candid_arena_alloc(w->work, (size_t)w->seen_used * sizeof *path, _Alignof(cframe));
    if (!state || !path) return CANDID_ERR_WORK_FULL;
    CANDID_MEMSET(state, NEW, slots);
    for (uint32_t r = 0; r < slots; r++) {
        if (!w->seen[r] || !inline_composite(w->seen[r]) || state[r] != NEW) continue;
        uint32_t depth = 1;
        path[0] = (cframe){w->seen[r], 0};
        state[r] = ON_PATH;
        while (depth) {
            cframe *f = &path[depth - 1];
            const candid_type *t = f->t;
            int opt = t->kind == CANDID_OPT;
            if (f->next == (opt ? 1 : t->count)) {
                state[seen_slot(w, t)] = DONE;
                depth--;
                continue;
            }
            uint32_t k = f->next++;
            const candid_type *m = opt ? t->inner : t->fields[k].type;
            if (!inline_composite(m)) continue;
            uint32_t s = seen_slot(w, m);
            if (state[s] == ON_PATH) {
                static const char cycle[] = "contains its own type inline (no vec or BOXED node between)";
                return opt ? BAD_NODE(cycle) : bad(w, t, k, "field", &t->fields[k], cycle);
            }
            if (state[s] == NEW) {
                state[s] = ON_PATH;
                path[depth++] = (cframe){m, 0};
            }
        }
    }
    return CANDID_OK;
}

candid_status candid_type_check(const candid_type *t, unsigned flags, void *work,
                                size_t work_cap, candid_type_error *err) {
    if (!t || (!work && work_cap)) return CANDID_ERR_ARGUMENT;
    candid_arena a;
    candid_arena_init(&a, work, work_cap);
    walk w = {&a, NULL, 15, 0, NULL, 0, 16, err};
    if (err) {
        err->type = NULL;
        err->index = UINT32_MAX;
        err->message[0] = 0;
    }
    w.seen = new_table(&a, 16);
    w.stack = new_table(&a, 16);
    if (!w.seen || !w.stack) return CANDID_ERR_WORK_FULL;
    candid_status st = CANDID_OK;
    if (flags & CANDID_CHECK_ARGS) st = check_args(&w, t);
    if (!st && enqueue(&w, t)) st = CANDID_ERR_WORK_FULL;
    while (!st && w.sp) st = check_node(&w, w.stack[--w.sp]);
    return st ? st : check_cycles(&w);
}
