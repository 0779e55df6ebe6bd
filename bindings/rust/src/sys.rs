//! The C API as it is declared in include/candid/*.h: the few structs the
//! wrappers own by value, with their exact layouts, and the functions they
//! call. Everything here is unsafe to use directly; the rest of the crate is
//! the safe surface.
#![allow(non_camel_case_types)]

use core::ffi::c_void;

/// `candid_status` (a C enum: `int`-sized). Converted by `Status::from_raw`.
pub type candid_status = u32;

/// `candid_type`: a type and its C slot layout (candid/types.h).
#[repr(C)]
pub struct candid_type {
    pub kind: u8,
    pub repr: u8,
    pub align: u16,
    pub size: u32,
    pub count: u32,
    pub count2: u32,
    pub offset: u32,
    pub aux: u32,
    pub inner: *const candid_type,
    pub fields: *const candid_field,
    pub args: *const *const candid_type,
    pub methods: *const c_void,
    pub name: *const u8,
}

#[repr(C)]
pub struct candid_field {
    pub id: u32,
    pub offset: u32,
    pub type_: *const candid_type,
    pub name: *const u8,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct candid_limits {
    pub max_table_entries: u32,
    pub max_table_bytes: u32,
    pub max_depth: u32,
    pub budget_base: u64,
    pub budget_per_byte: u32,
    pub skip_base: u64,
    pub skip_per_byte: u32,
}

// The C structs keep their internals in a member `_private`; the wrappers
// of this crate own the memory behind them and read them, users cannot.
#[repr(C)]
pub struct candid_cache_private {
    pub(crate) mem: *mut u8,
    pub(crate) slot_size: usize,
    pub(crate) nslots: u32,
    pub(crate) clock: u64,
}

#[repr(C)]
pub struct candid_cache {
    pub hits: u64,
    pub misses: u64,
    pub(crate) _private: candid_cache_private,
}

#[repr(C)]
pub struct candid_decoder_failed {
    pub(crate) msg: *const u8,
    pub(crate) len: usize,
    pub(crate) args: *const candid_type,
    pub(crate) plan: *const u32,
    pub(crate) root: u32,
    pub(crate) plan_len: u32,
    pub(crate) start: usize,
    pub(crate) status: candid_status,
}

#[repr(C)]
pub struct candid_decoder_private {
    pub(crate) work: *mut c_void,
    pub(crate) work_cap: usize,
    pub(crate) failed: candid_decoder_failed,
}

#[repr(C)]
pub struct candid_decoder {
    pub limits: candid_limits,
    pub cache: *mut candid_cache,
    pub error_offset: usize,
    pub steps: u64,
    pub skip_steps: u64,
    pub work_needed: usize,
    pub cache_hit: i32,
    pub(crate) _private: candid_decoder_private,
}

#[repr(C)]
pub struct candid_arena_private {
    pub(crate) base: *mut u8,
    pub(crate) cap: usize,
}

#[repr(C)]
pub struct candid_arena {
    pub used: usize,
    pub needed: usize,
    pub(crate) _private: candid_arena_private,
}

pub type candid_flush_fn = unsafe extern "C" fn(ctx: *mut c_void, data: *const u8, len: usize) -> i32;

#[repr(C)]
pub struct candid_writer_private {
    pub(crate) buf: *mut u8,
    pub(crate) cap: usize,
    pub(crate) len: usize,
    pub(crate) flush: Option<candid_flush_fn>,
    pub(crate) flush_ctx: *mut c_void,
}

#[repr(C)]
pub struct candid_writer {
    pub total: usize,
    pub err: candid_status,
    pub(crate) _private: candid_writer_private,
}

#[repr(C)]
pub struct candid_header {
    pub args: *const candid_type,
    pub bytes: *const u8,
    pub len: usize,
}

extern "C" {
    pub fn candid_status_message(st: candid_status) -> *const u8;
    pub fn candid_status_name(st: candid_status) -> *const u8;
    pub fn candid_limits_default(l: *mut candid_limits);
    pub fn candid_cache_init(c: *mut candid_cache, mem: *mut c_void, size: usize, nslots: u32) -> candid_status;
    pub fn candid_cache_clear(c: *mut candid_cache);
    pub fn candid_decoder_init(d: *mut candid_decoder, work: *mut c_void, work_cap: usize);
    pub fn candid_decode(
        d: *mut candid_decoder,
        msg: *const u8,
        len: usize,
        args: *const candid_type,
        out: *mut c_void,
        arena: *mut candid_arena,
    ) -> candid_status;
    pub fn candid_decoder_error_path(d: *const candid_decoder, buf: *mut u8, cap: usize) -> candid_status;
    pub fn candid_arena_init(a: *mut candid_arena, mem: *mut c_void, cap: usize);
    pub fn candid_arena_reset(a: *mut candid_arena);
    pub fn candid_writer_init(w: *mut candid_writer, buf: *mut c_void, cap: usize);
    pub fn candid_writer_init_stream(
        w: *mut candid_writer,
        buf: *mut c_void,
        cap: usize,
        flush: candid_flush_fn,
        ctx: *mut c_void,
    );
    pub fn candid_writer_finish(w: *mut candid_writer) -> candid_status;
    pub fn candid_encode(
        w: *mut candid_writer,
        h: *const candid_header,
        values: *const c_void,
        work: *mut c_void,
        work_cap: usize,
        max_depth: u32,
    ) -> candid_status;
    pub fn candid_prim_type(kind: u32) -> *const candid_type;
    pub fn candid_header_build(
        h: *mut candid_header,
        args: *const candid_type,
        out: *mut u8,
        cap: usize,
        work: *mut c_void,
        work_cap: usize,
    ) -> candid_status;
    pub fn candid_hash(name: *const u8, len: usize) -> u32;
}

#[repr(C)]
pub struct candid_outcome {
    pub replied: i32,
    pub reply: *const u8,
    pub reply_len: usize,
    pub reject_code: u32,
    pub reject_message: *const u8,
    pub reject_message_len: usize,
}

pub type candid_continuation = unsafe extern "C" fn(call: *mut candid_call, outcome: *const candid_outcome);

#[repr(C)]
pub struct candid_call_private {
    pub(crate) callee: *const u8,
    pub(crate) callee_len: usize,
    pub(crate) method: *const u8,
    pub(crate) method_len: usize,
    pub(crate) done: Option<candid_continuation>,
    pub(crate) cycles_high: u64,
    pub(crate) cycles_low: u64,
    pub(crate) chunk: [u8; 256],
    pub(crate) state: i32,
}

#[repr(C)]
pub struct candid_call {
    pub user: *mut c_void,
    pub args: candid_writer,
    pub refused: u32,
    pub reply_buf: *mut u8,
    pub reply_cap: usize,
    pub(crate) _private: candid_call_private,
}

// The call envelope (candid/call.h): the ic0 backend in a canister, the
// host backend (candid/host.h) natively.
extern "C" {
    pub fn candid_call_new(
        c: *mut candid_call,
        callee: *const u8,
        callee_len: usize,
        method: *const u8,
        method_len: usize,
        done: candid_continuation,
        user: *mut c_void,
    ) -> candid_status;
    pub fn candid_call_args(
        c: *mut candid_call,
        h: *const candid_header,
        values: *const c_void,
        work: *mut c_void,
        work_cap: usize,
    ) -> candid_status;
    pub fn candid_call_perform(c: *mut candid_call) -> candid_status;
    pub fn candid_msg_caller(dst: *mut u8, cap: usize) -> usize;
    pub fn candid_msg_reject(msg: *const u8, len: usize);
}
