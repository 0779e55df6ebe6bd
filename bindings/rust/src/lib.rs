//! Safe Rust over libcandid, the allocation-free Candid codec in C.
//!
//! Decoding writes `#[repr(C)]` values whose text and blobs borrow the
//! message and whose vectors live in a caller [`Arena`]; the lifetimes tie
//! them to both. Types and typed functions come from
//! `candid bind --target rust FILE.did`, over the C stubs of
//! `candid bind --target c`. Usable without `std` (`default-features =
//! false`); the `alloc` feature adds owned work memory and `encode_to_vec`.
#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod arena;
mod call;
mod decoder;
mod error;
mod layout;
pub mod sys;
mod values;
mod writer;

pub use arena::{Arena, Cache};
pub use call::{msg_caller, msg_reject, Call, Continuation, Ctx, Outcome, ServerCtx};
pub use decoder::{DecodeFn, Decoder, Limits};
pub use error::{Error, Status, PATH_CAP};
#[doc(hidden)]
pub use error::new_error;
pub use values::{Bignum, Bytes, FuncRef, Opt, Principal, Service, Text, Vector};
#[cfg(feature = "alloc")]
pub use writer::encode_to_vec;
pub use writer::{EncodeFn, Writer};

/// The Candid field-name hash (`candid_hash`).
pub fn hash(name: &str) -> u32 {
    unsafe { sys::candid_hash(name.as_ptr(), name.len()) }
}
