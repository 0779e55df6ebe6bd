//! `candid_writer`: a buffer, size-only or streaming output with a latched
//! error, and typed encoding through a generated C stub.
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::MaybeUninit;

use crate::error::{Error, Status};
use crate::sys;

/// The signature of a generated `NAME_Type_encode` stub.
pub type EncodeFn<T> = unsafe extern "C" fn(*mut sys::candid_writer, *const T) -> sys::candid_status;

/// Output of an encode, over a buffer borrowed for `'b`. After the first
/// failure every write is a no-op and the error stays (`finish`).
pub struct Writer<'b> {
    raw: sys::candid_writer,
    _buf: PhantomData<&'b mut [u8]>,
}

unsafe extern "C" fn flush_trampoline<F: FnMut(&[u8]) -> bool>(
    ctx: *mut c_void,
    data: *const u8,
    len: usize,
) -> i32 {
    let f = &mut *(ctx as *mut F);
    if f(core::slice::from_raw_parts(data, len)) { 0 } else { 1 }
}

impl<'b> Writer<'b> {
    /// Into `buf`; running out fails with `BufferFull` while `total` keeps
    /// counting the message length.
    pub fn new(buf: &'b mut [u8]) -> Self {
        let mut raw = MaybeUninit::zeroed();
        unsafe {
            sys::candid_writer_init(raw.as_mut_ptr(), buf.as_mut_ptr() as *mut c_void, buf.len());
            Writer { raw: raw.assume_init(), _buf: PhantomData }
        }
    }

    /// Counts the message length without writing it.
    pub fn size_only() -> Writer<'static> {
        let mut raw = MaybeUninit::zeroed();
        unsafe {
            sys::candid_writer_init(raw.as_mut_ptr(), core::ptr::null_mut(), 0);
            Writer { raw: raw.assume_init(), _buf: PhantomData }
        }
    }

    /// Streams through `buf`: each time it fills, `sink` receives the chunk
    /// (and on `finish` the rest); `sink` returning false latches `Flush`.
    /// An empty `buf` latches `Argument`.
    pub fn stream<F: FnMut(&[u8]) -> bool>(buf: &'b mut [u8], sink: &'b mut F) -> Self {
        let mut raw = MaybeUninit::zeroed();
        unsafe {
            sys::candid_writer_init_stream(raw.as_mut_ptr(), buf.as_mut_ptr() as *mut c_void, buf.len(),
                                           flush_trampoline::<F>, sink as *mut F as *mut c_void);
            Writer { raw: raw.assume_init(), _buf: PhantomData }
        }
    }

    /// Bytes produced since creation (the message length when it fit).
    pub fn total(&self) -> usize {
        self.raw.total
    }

    /// What sits in the buffer: the whole message in buffer mode.
    pub fn bytes(&self) -> &[u8] {
        if self.raw._private.buf.is_null() {
            return &[];
        }
        unsafe { core::slice::from_raw_parts(self.raw._private.buf, self.raw._private.len) }
    }

    /// The latched error, if any, without flushing.
    pub fn error(&self) -> Option<Status> {
        Status::from_raw(self.raw.err)
    }

    /// Flushes (streaming) and returns the message length or the first error.
    pub fn finish(&mut self) -> Result<usize, Error> {
        let st = unsafe { sys::candid_writer_finish(&mut self.raw) };
        self.result(st)
    }

    pub fn as_raw(&mut self) -> *mut sys::candid_writer {
        &mut self.raw
    }

    fn result(&self, st: sys::candid_status) -> Result<usize, Error> {
        match Status::from_raw(st) {
            None => Ok(self.raw.total),
            Some(s) => {
                let needed = if s == Status::BufferFull { self.raw.total } else { 0 };
                Err(Error::new(s, self.raw.total).with_needed(needed))
            }
        }
    }

    /// Appends the message for `v` through a generated `_encode` stub;
    /// returns the writer's total so far.
    ///
    /// # Safety
    /// `f` must read exactly the layout of `T` (a generated stub and the
    /// generated Rust type of the same .did).
    pub unsafe fn encode_with<T>(&mut self, v: &T, f: EncodeFn<T>) -> Result<usize, Error> {
        let st = f(&mut self.raw, v);
        self.result(st)
    }
}

/// Words of encoder stack in `encode_header` (32 bytes per nesting level),
/// as generated stubs' default `NAME_ENCODE_WORK`.
const ENCODE_WORK: usize = 2048 / 8;

impl Writer<'_> {
    /// Appends the message for `v` at a built header (`candid_header_build`
    /// or a generated `NAME_method_args_header`).
    ///
    /// # Safety
    /// `v` must be laid out as `h.args` describes.
    pub unsafe fn encode_header<T>(&mut self, h: &sys::candid_header, v: &T) -> Result<usize, Error> {
        let mut work = [0u64; ENCODE_WORK];
        let st = sys::candid_encode(&mut self.raw, h, v as *const T as *const c_void,
                                    work.as_mut_ptr() as *mut c_void, ENCODE_WORK * 8, 0);
        self.result(st)
    }
}

/// Runs `encode` (a generated `_encode` function) into a size-only writer,
/// then into a new `Vec` of that size.
#[cfg(feature = "alloc")]
pub fn encode_to_vec<F>(encode: F) -> Result<alloc::vec::Vec<u8>, Error>
where
    F: Fn(&mut Writer<'_>) -> Result<usize, Error>,
{
    let n = encode(&mut Writer::size_only())?;
    let mut out = alloc::vec![0u8; n];
    encode(&mut Writer::new(&mut out))?;
    Ok(out)
}
