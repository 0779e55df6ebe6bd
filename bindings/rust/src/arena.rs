//! The arena and the plan cache: wrappers over caller memory.
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::MaybeUninit;

use crate::error::{Error, Status};
use crate::sys;

/// `candid_arena`: decoded vectors and boxed values are carved out of
/// `'m` memory. Values decoded into it borrow the arena mutably, so it can
/// only be reset once they are gone.
pub struct Arena<'m> {
    pub(crate) raw: sys::candid_arena,
    _mem: PhantomData<&'m mut [u8]>,
}

impl core::fmt::Debug for Arena<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Arena").field("cap", &self.raw._private.cap).field("used", &self.raw.used)
            .field("needed", &self.raw.needed).finish()
    }
}

impl<'m> Arena<'m> {
    pub fn new(mem: &'m mut [u8]) -> Self {
        let mut raw = MaybeUninit::uninit();
        // SAFETY: init writes every field; mem outlives the arena.
        unsafe { sys::candid_arena_init(raw.as_mut_ptr(), mem.as_mut_ptr() as *mut c_void, mem.len()) };
        Arena { raw: unsafe { raw.assume_init() }, _mem: PhantomData }
    }

    /// An arena with no memory: decodes that need none still succeed, the
    /// others fail with `ArenaFull` and `Error::needed`.
    pub fn empty() -> Arena<'static> {
        let mut raw = MaybeUninit::uninit();
        unsafe { sys::candid_arena_init(raw.as_mut_ptr(), core::ptr::null_mut(), 0) };
        Arena { raw: unsafe { raw.assume_init() }, _mem: PhantomData }
    }

    /// Forgets everything allocated.
    pub fn reset(&mut self) {
        unsafe { sys::candid_arena_reset(&mut self.raw) }
    }

    pub fn used(&self) -> usize {
        self.raw.used
    }

    /// What would have been used had the memory been large enough.
    pub fn needed(&self) -> usize {
        self.raw.needed
    }

    pub fn capacity(&self) -> usize {
        self.raw._private.cap
    }
}

/// `candid_cache`: compiled plans in `'m` memory, least recently used slot
/// replaced. Results never depend on it.
pub struct Cache<'m> {
    pub(crate) raw: sys::candid_cache,
    _mem: PhantomData<&'m mut [u64]>,
}

impl core::fmt::Debug for Cache<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Cache").field("nslots", &self.raw._private.nslots).field("hits", &self.raw.hits)
            .field("misses", &self.raw.misses).finish()
    }
}

impl<'m> Cache<'m> {
    /// `nslots` slots over `mem`; fails with `Argument` when nslots is 0 or a
    /// slot would be smaller than 256 bytes.
    pub fn new(mem: &'m mut [u64], nslots: u32) -> Result<Self, Error> {
        let mut raw = MaybeUninit::<sys::candid_cache>::zeroed();
        let st = unsafe {
            sys::candid_cache_init(raw.as_mut_ptr(), mem.as_mut_ptr() as *mut c_void, mem.len() * 8, nslots)
        };
        match Status::from_raw(st) {
            Some(s) => Err(Error::new(s, 0)),
            None => Ok(Cache { raw: unsafe { raw.assume_init() }, _mem: PhantomData }),
        }
    }

    pub fn clear(&mut self) {
        unsafe { sys::candid_cache_clear(&mut self.raw) }
    }

    pub fn hits(&self) -> u64 {
        self.raw.hits
    }

    pub fn misses(&self) -> u64 {
        self.raw.misses
    }
}
