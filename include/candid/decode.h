/* libcandid: decoding Candid messages at expected types.
 *
 * A decode runs in three steps: parse and validate the header (magic, type
 * table, argument types), compile a coercion plan for (wire types, expected
 * types), and run the plan over the value bytes, writing C slots described by
 * the expected types. The plan can be cached (candid_cache) keyed by the exact
 * header bytes and the expected type: a repeated message then goes straight
 * to the last step.
 *
 * Memory is the caller's: `work` holds the parsed table, the plan when it is
 * not cached, and the decoder's explicit stack (no C recursion follows the
 * input); `arena` receives vectors and boxed values. Text, blobs and bignums
 * are slices of the message, which must outlive the decoded values.
 */
#ifndef CANDID_DECODE_H
#define CANDID_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct candid_limits {
    uint32_t max_table_entries; /* type table entries (default 4096) */
    uint32_t max_table_bytes;   /* header bytes (default 1 MiB) */
    uint32_t max_depth;         /* value nesting (default 4096): deeper is
                                   CANDID_ERR_DEPTH. It counts what must wait
                                   while an inner value decodes: fields and
                                   elements still to come, options whose value
                                   could yet fail to coerce. A last field and
                                   an option that cannot fail count nothing,
                                   so a list of any length decodes. */
    /* Budgets: a decode may take at most base + per_byte * message length
     * steps (one step per value, field, element or skipped element, zero-sized
     * ones included, plus one per 16 bytes of text, blob or fixed-width run
     * read, so that re-reading after a failed option is charged too); the
     * skipping budget counts the steps spent on values the expected type
     * ignores. Exceeding either is CANDID_ERR_BUDGET. The work of a decode is
     * linear in its steps, hence at most linear in the message length. */
    uint64_t budget_base;       /* default 100000 */
    uint32_t budget_per_byte;   /* default 64 */
    uint64_t skip_base;         /* default 100000 */
    uint32_t skip_per_byte;     /* default 64 */
} candid_limits;

void candid_limits_default(candid_limits *l);

/* A cache of compiled plans in caller memory: `nslots` equal slots, each
 * holding one header's bytes and its plan; the least recently used slot is
 * replaced. A plan that does not fit a slot is simply not cached. Results
 * never depend on the cache. Expected types must stay alive (and unchanged)
 * while plans compiled for them are cached. Not thread-safe: one cache per
 * thread or canister. */
typedef struct candid_cache {
    uint64_t hits;           /* decodes that found their plan here */
    uint64_t misses;         /* decodes that compiled theirs */
    struct {                 /* set by candid_cache_init: do not touch */
        uint8_t *mem;
        size_t slot_size;
        uint32_t nslots;
        uint64_t clock;
    } _private;
} candid_cache;

/* Fails with CANDID_ERR_ARGUMENT when mem is NULL, nslots is 0 or a slot
 * would be smaller than 256 bytes. */
candid_status candid_cache_init(candid_cache *c, void *mem, size_t size,
                                uint32_t nslots);
void candid_cache_clear(candid_cache *c);

typedef struct candid_decoder {
    candid_limits limits;    /* set by candid_decoder_init; may be changed */
    candid_cache *cache;     /* optional (NULL after candid_decoder_init) */
    /* Filled in by every decode: */
    size_t error_offset;     /* byte offset where decoding stopped */
    uint64_t steps;          /* decoding steps taken */
    uint64_t skip_steps;     /* of which spent skipping */
    size_t work_needed;      /* work bytes this decode needs, the same
                                with or without the cache. After it ran
                                (whatever its result): exactly what it
                                took. After CANDID_ERR_WORK_FULL: a size
                                with which a retry (same message, types
                                and limits) does not fail for work memory
                                again; it allows for max_depth frames, so
                                it may exceed what the retry then reports.
                                When the header or the plan compiler's
                                scratch did not fit, it is measured in the
                                arena's free memory; only when that is too
                                small as well is it an estimate (at least
                                twice work_cap and enough for the header),
                                after which a retry may fail once more,
                                reporting the exact figure. */
    int cache_hit;           /* 1 when the plan came from the cache */
    struct {                 /* the decoder's own state: do not touch */
        void *work;          /* from candid_decoder_init */
        size_t work_cap;
        struct {             /* the last decode, for
                                candid_decoder_error_path */
            const uint8_t *msg;
            size_t len;
            const candid_type *args;
            const uint32_t *plan;  /* NULL: it failed before it had one */
            uint32_t root, plan_len;
            size_t start;
            candid_status status;
        } failed;
    } _private;
} candid_decoder;

/* Default limits, no cache. */
void candid_decoder_init(candid_decoder *d, void *work, size_t work_cap);

/* Work memory that is always enough for candid_decode of a message of
 * msg_len bytes under *lim at expected argument types of size exp_size
 * (candid_type_size). Without failing; SIZE_MAX when it does not fit.
 * Generous: the frames alone take max_depth * 48 bytes, and the plan
 * term grows with exp_size times the table; work_needed after a decode
 * says what that message took. */
size_t candid_work_bound(const candid_limits *lim, size_t msg_len, size_t exp_size);

/* The size of the type graph at t for candid_work_bound: its distinct
 * nodes plus their fields, arguments and methods. Uses `work` as scratch
 * (24 bytes per node); fails with CANDID_ERR_WORK_FULL when that is too
 * small, CANDID_ERR_ARGUMENT when t or size is NULL. */
candid_status candid_type_size(const candid_type *t, void *work, size_t cap, size_t *size);

/* Decodes msg[0..len) at the argument types `args` (a record with field ids
 * 0..n-1, see types.h) into `out`, a block of args->size bytes laid out as
 * that record. Fails with a candid_status and sets d->error_offset; on
 * CANDID_ERR_ARENA_FULL, arena->needed holds the bytes the decode needs;
 * on CANDID_ERR_WORK_FULL, d->work_needed the work memory to retry with.
 * The result never depends on the cache: a cached plan is used only when
 * this decoder's limits and work memory would have made it too.
 * `out` and the arena are left in an unspecified state on failure. */
candid_status candid_decode(candid_decoder *d, const uint8_t *msg, size_t len,
                            const candid_type *args, void *out,
                            candid_arena *arena);

/* Describes where the last candid_decode of d failed, as one line into
 * buf (NUL-terminated): the path from the argument to the failing value,
 * what went wrong, and the byte offset, e.g.
 *   argument 0 .to .owner: expected principal, found text at byte 37
 * Fields are named by the expected types (".owner"), or by id (".0",
 * ".1224700491") where they have no name or the value was being skipped;
 * vector elements are "[3]"; options are not named. Without a path when
 * the header or the plan failed, and when the re-run does not reach the
 * same failure (its frames, one per container on the path, do not fit
 * d's work memory; on CANDID_ERR_BUDGET or CANDID_ERR_DEPTH it may stop
 * elsewhere). Call it right after the failed decode, with the message,
 * the work memory and the cache unchanged: it re-runs the decode without
 * writing anything, in d's work memory, so a decode that succeeds costs
 * nothing for it. Fails with CANDID_ERR_ARGUMENT when buf is NULL, cap
 * is 0 or the last decode did not fail, CANDID_ERR_BUFFER_FULL when the
 * line was cut to cap - 1 bytes. */
candid_status candid_decoder_error_path(const candid_decoder *d, char *buf, size_t cap);

/* Parses and validates the header of msg and describes its wire argument
 * types as a candid_type graph (a record of the arguments) in `types`,
 * with the generic layout (nat/int BIG; opt, record and variant BOXED; vec
 * nat8 as SLICE), so that it can be passed to candid_decode to decode the
 * message at its own types. Names in the graph point into msg. Fails as the
 * header part of candid_decode does, or CANDID_ERR_ARENA_FULL. */
candid_status candid_wire_types(candid_decoder *d, const uint8_t *msg,
                                size_t len, const candid_type **args_out,
                                candid_arena *types);

/* Subtype check between two expected-type graphs (t1 <: t2) as the spec's
 * subtyping rules define it, for func and service references and upgrade
 * checks. Returns 1 or 0 in *result. Uses d's work memory; fails with
 * CANDID_ERR_WORK_FULL when the graphs are too large for it and
 * CANDID_ERR_BAD_TYPE for a NULL member type. candid_subtype_explain
 * (subtype.h) also says why. */
candid_status candid_subtype(candid_decoder *d, const candid_type *t1,
                             const candid_type *t2, int *result);

#ifdef __cplusplus
}
#endif
#endif
