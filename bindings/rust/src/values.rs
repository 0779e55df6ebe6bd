//! The C slot types of candid/types.h as Rust types with the same layout:
//! what generated structs are made of. Decoded ones borrow the message (text,
//! blobs, principals) or the arena (vectors, boxed values) for `'a`.
use core::marker::PhantomData;
use core::{fmt, slice};

/// Elements of a vector or bytes of a blob: `ptr` may be NULL when `len` is 0
/// (the C side writes that); a slice needs a non-null pointer.
unsafe fn parts<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if len == 0 || core::mem::size_of::<T>() == 0 && ptr.is_null() {
        // SAFETY: a dangling pointer is valid for zero bytes.
        slice::from_raw_parts(core::ptr::NonNull::dangling().as_ptr(), len)
    } else {
        slice::from_raw_parts(ptr, len)
    }
}

/// `candid_slice` of arbitrary bytes: blob, principal, service.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Bytes<'a> {
    ptr: *const u8,
    len: usize,
    _life: PhantomData<&'a [u8]>,
}

impl<'a> Bytes<'a> {
    pub const fn new(b: &'a [u8]) -> Self {
        Bytes { ptr: b.as_ptr(), len: b.len(), _life: PhantomData }
    }
    pub fn as_slice(&self) -> &'a [u8] {
        // SAFETY: built from a slice, or by the decoder from the message.
        unsafe { parts(self.ptr, self.len) }
    }
}

impl<'a> From<&'a [u8]> for Bytes<'a> {
    fn from(b: &'a [u8]) -> Self {
        Bytes::new(b)
    }
}

impl PartialEq for Bytes<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.as_slice() == o.as_slice()
    }
}

impl fmt::Debug for Bytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "blob \"")?;
        for b in self.as_slice() {
            write!(f, "\\{b:02x}")?;
        }
        write!(f, "\"")
    }
}

/// `candid_slice` of text: valid UTF-8 by construction (from a `&str`, or
/// checked by the decoder).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Text<'a> {
    ptr: *const u8,
    len: usize,
    _life: PhantomData<&'a str>,
}

impl<'a> Text<'a> {
    pub const fn new(s: &'a str) -> Self {
        Text { ptr: s.as_ptr(), len: s.len(), _life: PhantomData }
    }
    pub fn as_str(&self) -> &'a str {
        // SAFETY: UTF-8 from a &str or validated by candid_decode.
        unsafe { core::str::from_utf8_unchecked(parts(self.ptr, self.len)) }
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text::new(s)
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A principal's bytes (a `candid_slice`).
pub type Principal<'a> = Bytes<'a>;
/// A service reference: the principal's bytes.
pub type Service<'a> = Bytes<'a>;

/// `candid_vec` of `T` slots: decoded into the arena, or borrowed from a
/// caller's slice for encoding.
#[repr(C)]
pub struct Vector<'a, T> {
    items: *const T,
    len: usize,
    _life: PhantomData<&'a [T]>,
}

impl<'a, T> Vector<'a, T> {
    pub const fn new(items: &'a [T]) -> Self {
        Vector { items: items.as_ptr(), len: items.len(), _life: PhantomData }
    }
    pub fn as_slice(&self) -> &'a [T] {
        // SAFETY: built from a slice, or by the decoder in the arena.
        unsafe { parts(self.items, self.len) }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T> Clone for Vector<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Vector<'_, T> {}

impl<'a, T> From<&'a [T]> for Vector<'a, T> {
    fn from(s: &'a [T]) -> Self {
        Vector::new(s)
    }
}

impl<T: PartialEq> PartialEq for Vector<'_, T> {
    fn eq(&self, o: &Self) -> bool {
        self.as_slice() == o.as_slice()
    }
}

impl<T: fmt::Debug> fmt::Debug for Vector<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// An inline `opt`: the C `{uint8_t present; T value;}`. A `repr(C, u8)`
/// enum has exactly that layout (the tag, then the payload at T's
/// alignment), so the flag and the value can never disagree in Rust.
#[repr(C, u8)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Opt<T> {
    None,
    Some(T),
}

impl<T> Opt<T> {
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Opt::None => None,
            Opt::Some(v) => Some(v),
        }
    }
    pub fn is_some(&self) -> bool {
        matches!(self, Opt::Some(_))
    }
}

impl<T> From<Option<T>> for Opt<T> {
    fn from(o: Option<T>) -> Self {
        match o {
            None => Opt::None,
            Some(v) => Opt::Some(v),
        }
    }
}

/// `candid_bignum`: a nat or int of any size as its (S)LEB128 bytes
/// (`--nat big`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Bignum<'a> {
    ptr: *const u8,
    len: usize,
    is_signed: u8,
    _life: PhantomData<&'a [u8]>,
}

impl<'a> Bignum<'a> {
    /// From the LEB128 (nat) or SLEB128 (int, `signed`) bytes of one number;
    /// the encoder rejects anything else with `Status::Range`.
    pub const fn from_leb(bytes: &'a [u8], signed: bool) -> Self {
        Bignum { ptr: bytes.as_ptr(), len: bytes.len(), is_signed: signed as u8, _life: PhantomData }
    }
    pub fn leb_bytes(&self) -> &'a [u8] {
        // SAFETY: as Bytes.
        unsafe { parts(self.ptr, self.len) }
    }
    pub fn is_signed(&self) -> bool {
        self.is_signed != 0
    }
    /// The value when it fits 128 bits.
    pub fn to_i128(&self) -> Option<i128> {
        let (mut v, mut shift, mut last) = (0i128, 0u32, 0u8);
        for &b in self.leb_bytes() {
            if shift >= 127 {
                return None;
            }
            v |= ((b & 0x7f) as i128) << shift;
            shift += 7;
            last = b;
        }
        if self.is_signed() && shift < 128 && last & 0x40 != 0 {
            v |= -1i128 << shift;
        }
        Some(v)
    }
}

/// Equal values, whatever their encoding (a nat read at int stays LEB128).
impl PartialEq for Bignum<'_> {
    fn eq(&self, o: &Self) -> bool {
        match (self.to_i128(), o.to_i128()) {
            (Some(a), Some(b)) => a == b,
            _ => self.is_signed == o.is_signed && self.leb_bytes() == o.leb_bytes(),
        }
    }
}

impl fmt::Debug for Bignum<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_i128() {
            Some(v) => write!(f, "{v}"),
            None => write!(f, "bignum({:?})", Bytes::new(self.leb_bytes())),
        }
    }
}

/// `candid_funcref`: a function reference.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FuncRef<'a> {
    pub principal: Bytes<'a>,
    pub method: Text<'a>,
}
