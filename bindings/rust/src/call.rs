//! The call envelope (candid/call.h) for generated client and server code:
//! outcomes of calls, a call object living until its continuation ran, the
//! context of a served method, and the message's caller.
use core::ffi::c_void;
use core::marker::PhantomData;

use crate::error::{Error, Status};
use crate::sys;

/// How a call ended: the reply's Candid message, or the reject.
pub enum Outcome<'a> {
    Reply(&'a [u8]),
    Reject { code: u32, message: &'a str },
}

impl<'a> Outcome<'a> {
    /// # Safety
    /// `o` must point at an outcome the envelope passed to a continuation.
    pub unsafe fn from_raw(o: *const sys::candid_outcome) -> Outcome<'a> {
        let o = &*o;
        let bytes = |p: *const u8, n: usize| if n == 0 { &[][..] } else { core::slice::from_raw_parts(p, n) };
        if o.replied != 0 {
            Outcome::Reply(bytes(o.reply, o.reply_len))
        } else {
            let m = bytes(o.reject_message, o.reject_message_len);
            let message = core::str::from_utf8(m).unwrap_or("(a reject message that is not UTF-8)");
            Outcome::Reject { code: o.reject_code, message }
        }
    }

    /// The reply's message, or `Status::Call` for a reject.
    pub fn reply(&self) -> Result<&'a [u8], Error> {
        match self {
            Outcome::Reply(m) => Ok(m),
            Outcome::Reject { .. } => Err(Error::new(Status::Call, 0)),
        }
    }
}

/// What runs when a call ends, exactly once.
pub type Continuation = fn(&Outcome<'_>);

/// An outgoing call. It must stay in place until its continuation ran,
/// hence `&'static mut` (a canister keeps it in a static).
pub struct Call {
    raw: sys::candid_call,
    done: Option<Continuation>,
}

unsafe extern "C" fn trampoline(call: *mut sys::candid_call, o: *const sys::candid_outcome) {
    let this = (*call).user as *const Call;
    if let Some(done) = (*this).done {
        done(&Outcome::from_raw(o));
    }
}

impl Call {
    /// A call not yet made, without a reply buffer (const: for a static).
    pub const fn new() -> Call {
        let args = sys::candid_writer {
            total: 0, err: 0,
            _private: sys::candid_writer_private {
                buf: core::ptr::null_mut(), cap: 0, len: 0, flush: None, flush_ctx: core::ptr::null_mut(),
            },
        };
        let raw = sys::candid_call {
            user: core::ptr::null_mut(), args, refused: 0, reply_buf: core::ptr::null_mut(), reply_cap: 0,
            _private: sys::candid_call_private {
                callee: core::ptr::null(), callee_len: 0, method: core::ptr::null(), method_len: 0,
                done: None, cycles_high: 0, cycles_low: 0, chunk: [0; 256], state: 0,
            },
        };
        Call { raw, done: None }
    }

    /// Room for the reply: the ic0 backend copies it there before the
    /// continuation runs (without one, replies arrive empty).
    pub fn set_reply_buffer(&mut self, buf: &'static mut [u8]) {
        self.raw.reply_buf = buf.as_mut_ptr();
        self.raw.reply_cap = buf.len();
    }

    /// Calls `method` on `callee` with the arguments `args` laid out as
    /// `h.args` (candid_call_new, _args, _perform): `done` runs later with
    /// the outcome. Fails as those do; then `done` never runs.
    ///
    /// # Safety
    /// `args` must be laid out as the header's argument types (generated
    /// `_call` functions pair them).
    pub unsafe fn start<T>(
        &'static mut self,
        callee: &[u8],
        method: &'static [u8],
        h: &'static sys::candid_header,
        args: &T,
        done: Continuation,
    ) -> Result<(), Error> {
        let reply = (self.raw.reply_buf, self.raw.reply_cap);
        self.done = Some(done);
        let user = self as *mut Call as *mut c_void;
        let mut st = sys::candid_call_new(&mut self.raw, callee.as_ptr(), callee.len(), method.as_ptr(),
                                          method.len(), trampoline, user);
        self.raw.reply_buf = reply.0;
        self.raw.reply_cap = reply.1;
        let mut work = [0u64; 256];
        if st == 0 {
            st = sys::candid_call_args(&mut self.raw, h, args as *const T as *const c_void,
                                       work.as_mut_ptr() as *mut c_void, 2048);
        }
        if st == 0 {
            st = sys::candid_call_perform(&mut self.raw);
        }
        match Status::from_raw(st) {
            None => Ok(()),
            Some(s) => Err(Error::new(s, 0)),
        }
    }
}

/// The principal of the message's caller, into `buf` (29 bytes suffice).
pub fn msg_caller(buf: &mut [u8]) -> &[u8] {
    let n = unsafe { sys::candid_msg_caller(buf.as_mut_ptr(), buf.len()) };
    &buf[..n.min(buf.len())]
}

/// Rejects the current message.
pub fn msg_reject(message: &str) {
    unsafe { sys::candid_msg_reject(message.as_ptr(), message.len()) }
}

/// `NAME_ctx` of `candid bind --server`: how a method implementation
/// answers (generated servers hand one to each implementation).
#[repr(C)]
pub struct ServerCtx {
    pub arena: *mut sys::candid_arena,
    pub reject: *const u8,
    pub defer: i32,
}

/// The context of one served message, valid for `'a`.
pub struct Ctx<'a> {
    raw: *mut ServerCtx,
    _life: PhantomData<&'a mut ServerCtx>,
}

impl<'a> Ctx<'a> {
    /// # Safety
    /// `raw` must be the context a generated `_serve` passed in.
    pub unsafe fn from_raw(raw: *mut ServerCtx) -> Ctx<'a> {
        Ctx { raw, _life: PhantomData }
    }

    /// Rejects the message with `message` instead of replying;
    /// `message` must end with a NUL byte (`"...\0"`), else `Argument`.
    pub fn reject(&mut self, message: &'static str) -> Result<(), Error> {
        if !message.ends_with('\0') {
            return Err(Error::new(Status::Argument, 0));
        }
        unsafe { (*self.raw).reject = message.as_ptr() };
        Ok(())
    }

    /// No reply now: a continuation answers later with the generated
    /// `_reply` function (or `msg_reject`).
    pub fn defer(&mut self) {
        unsafe { (*self.raw).defer = 1 };
    }
}
