//! `candid_decoder` over caller work memory, and typed decoding through a
//! generated C stub or a descriptor.
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::MaybeUninit;

use crate::arena::{Arena, Cache};
use crate::error::{Error, Status, PATH_CAP};
use crate::sys;

/// Decoding limits (`candid_limits`); `Limits::default()` is the C default.
pub type Limits = sys::candid_limits;

impl Default for Limits {
    fn default() -> Self {
        let mut l = MaybeUninit::uninit();
        unsafe {
            sys::candid_limits_default(l.as_mut_ptr());
            l.assume_init()
        }
    }
}

/// The signature of a generated `NAME_Type_decode` stub.
pub type DecodeFn<T> = unsafe extern "C" fn(
    *mut sys::candid_decoder,
    *const u8,
    usize,
    *mut T,
    *mut sys::candid_arena,
) -> sys::candid_status;

#[cfg(feature = "alloc")]
enum Work<'w> {
    Borrowed(PhantomData<&'w mut [u64]>),
    // Never read: the decoder's raw work pointer points into it.
    #[allow(dead_code)]
    Owned(alloc::boxed::Box<[u64]>),
}
#[cfg(not(feature = "alloc"))]
enum Work<'w> {
    Borrowed(PhantomData<&'w mut [u64]>),
}

/// A decoder: work memory (the parsed header, the plan, the explicit stack)
/// and an optional plan cache, both borrowed for `'w` (or owned, with the
/// `alloc` feature). One decode at a time; not `Sync`.
pub struct Decoder<'w> {
    raw: sys::candid_decoder,
    _work: Work<'w>,
}

impl<'w> Decoder<'w> {
    /// Over caller work memory (8-byte aligned by its type), default limits,
    /// no cache. 4 KiB decode most messages; `Error::needed` says how much a
    /// `WorkFull` failure wanted.
    pub fn new(work: &'w mut [u64]) -> Self {
        let mut raw = MaybeUninit::zeroed();
        unsafe {
            sys::candid_decoder_init(raw.as_mut_ptr(), work.as_mut_ptr() as *mut c_void, work.len() * 8);
            Decoder { raw: raw.assume_init(), _work: Work::Borrowed(PhantomData) }
        }
    }

    /// Owning `bytes` of work memory (rounded up to 8).
    #[cfg(feature = "alloc")]
    pub fn with_capacity(bytes: usize) -> Decoder<'static> {
        let mut mem = alloc::vec![0u64; (bytes + 7) / 8].into_boxed_slice();
        let mut raw = MaybeUninit::zeroed();
        unsafe {
            sys::candid_decoder_init(raw.as_mut_ptr(), mem.as_mut_ptr() as *mut c_void, mem.len() * 8);
            Decoder { raw: raw.assume_init(), _work: Work::Owned(mem) }
        }
    }

    /// Keeps compiled plans in `cache`: a repeated header skips parsing and
    /// planning.
    pub fn with_cache(mut self, cache: &'w mut Cache<'_>) -> Self {
        self.raw.cache = &mut cache.raw;
        self
    }

    pub fn limits(&self) -> &Limits {
        &self.raw.limits
    }

    pub fn limits_mut(&mut self) -> &mut Limits {
        &mut self.raw.limits
    }

    /// Steps the last decode took (see `Limits` for the budget).
    pub fn steps(&self) -> u64 {
        self.raw.steps
    }

    /// Whether the last decode's plan came from the cache.
    pub fn cache_hit(&self) -> bool {
        self.raw.cache_hit != 0
    }

    /// Work bytes the last decode needed.
    pub fn work_needed(&self) -> usize {
        self.raw.work_needed
    }

    /// The raw decoder, for C functions this crate does not wrap.
    pub fn as_raw(&mut self) -> *mut sys::candid_decoder {
        &mut self.raw
    }

    /// The error for a failed decode, with its path (re-run by the C layer
    /// right away, while the message is still borrowed).
    fn error(&self, st: Status, arena: &Arena<'_>) -> Error {
        let needed = match st {
            Status::ArenaFull => arena.raw.needed,
            Status::WorkFull => self.raw.work_needed,
            _ => 0,
        };
        let mut e = Error::new(st, self.raw.error_offset).with_needed(needed);
        let mut buf = [0u8; PATH_CAP + 1];
        let rc = unsafe { sys::candid_decoder_error_path(&self.raw, buf.as_mut_ptr(), buf.len()) };
        if Status::from_raw(rc) != Some(Status::Argument) {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(0);
            e.set_path(&buf[..n]);
        }
        e
    }

    /// Decodes `msg` with a generated `_decode` stub into a `T` that borrows
    /// the message and the arena for `'a`.
    ///
    /// # Safety
    /// `f` must decode into exactly the layout of `T`: a generated stub
    /// paired with the generated Rust type of the same .did (whose layout
    /// the generated const assertions check).
    pub unsafe fn decode_with<'a, T>(
        &mut self,
        msg: &'a [u8],
        arena: &'a mut Arena<'_>,
        f: DecodeFn<T>,
    ) -> Result<T, Error> {
        let mut out = MaybeUninit::<T>::uninit();
        let st = f(&mut self.raw, msg.as_ptr(), msg.len(), out.as_mut_ptr(), &mut arena.raw);
        match Status::from_raw(st) {
            None => Ok(out.assume_init()),
            Some(s) => Err(self.error(s, arena)),
        }
    }

    /// Decodes `msg` at argument types `args` (a descriptor such as a
    /// generated `NAME_method_args_type`) into a `T`.
    ///
    /// # Safety
    /// `T` must be laid out as `args` describes.
    pub unsafe fn decode_type<'a, T>(
        &mut self,
        msg: &'a [u8],
        args: &'static sys::candid_type,
        arena: &'a mut Arena<'_>,
    ) -> Result<T, Error> {
        let mut out = MaybeUninit::<T>::uninit();
        let st = sys::candid_decode(&mut self.raw, msg.as_ptr(), msg.len(), args,
                                    out.as_mut_ptr() as *mut c_void, &mut arena.raw);
        match Status::from_raw(st) {
            None => Ok(out.assume_init()),
            Some(s) => Err(self.error(s, arena)),
        }
    }
}
