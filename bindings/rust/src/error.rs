//! Statuses of the C API as a Rust enum, and the error every fallible call
//! returns: the status, the byte offset and, for decodes, the path to the
//! value that broke ("argument 0 .to .owner: expected principal, ...").
use core::fmt;

use crate::sys;

/// `candid_status` without `CANDID_OK`, in the C order (the discriminants
/// are the C values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum Status {
    Truncated = 1,
    Magic,
    Trailing,
    LebOverflow,
    BadOpcode,
    BadIndex,
    FieldOrder,
    FieldId,
    BadService,
    BadAnnotation,
    Utf8,
    BadTag,
    VariantTag,
    TypeMismatch,
    MissingArg,
    EmptyValue,
    Range,
    Limit,
    Depth,
    Budget,
    ArenaFull,
    WorkFull,
    BufferFull,
    Flush,
    BadType,
    Argument,
    Syntax,
    Unbound,
    Call,
    /// A status this crate does not know (a newer libcandid).
    Unknown = u32::MAX,
}

const ALL: [Status; 29] = [
    Status::Truncated, Status::Magic, Status::Trailing, Status::LebOverflow, Status::BadOpcode,
    Status::BadIndex, Status::FieldOrder, Status::FieldId, Status::BadService,
    Status::BadAnnotation, Status::Utf8, Status::BadTag, Status::VariantTag,
    Status::TypeMismatch, Status::MissingArg, Status::EmptyValue, Status::Range, Status::Limit,
    Status::Depth, Status::Budget, Status::ArenaFull, Status::WorkFull, Status::BufferFull,
    Status::Flush, Status::BadType, Status::Argument, Status::Syntax, Status::Unbound,
    Status::Call,
];

fn c_str(p: *const u8) -> &'static str {
    // SAFETY: the C API returns static NUL-terminated ASCII strings.
    unsafe {
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        core::str::from_utf8_unchecked(core::slice::from_raw_parts(p, n))
    }
}

impl Status {
    /// `None` for `CANDID_OK`.
    pub fn from_raw(st: sys::candid_status) -> Option<Status> {
        match st {
            0 => None,
            n if (n as usize) <= ALL.len() => Some(ALL[n as usize - 1]),
            _ => Some(Status::Unknown),
        }
    }

    /// The C status value.
    pub fn raw(self) -> sys::candid_status {
        self as u32
    }

    /// `candid_status_name`, e.g. "CANDID_ERR_TRUNCATED".
    pub fn name(self) -> &'static str {
        c_str(unsafe { sys::candid_status_name(self.raw()) })
    }

    /// `candid_status_message`: what the status means.
    pub fn message(self) -> &'static str {
        c_str(unsafe { sys::candid_status_message(self.raw()) })
    }
}

/// Longest error path kept (the C line is cut there, on a character
/// boundary).
pub const PATH_CAP: usize = 192;

/// A failed decode or encode. No allocation: the path lives inline.
#[derive(Clone)]
pub struct Error {
    status: Status,
    offset: usize,
    needed: usize,
    path: [u8; PATH_CAP],
    path_len: usize,
}

/// An error without a path, for generated code.
pub fn new_error(status: Status, offset: usize) -> Error {
    Error::new(status, offset)
}

impl Error {
    pub(crate) fn new(status: Status, offset: usize) -> Error {
        Error { status, offset, needed: 0, path: [0; PATH_CAP], path_len: 0 }
    }

    pub(crate) fn with_needed(mut self, needed: usize) -> Error {
        self.needed = needed;
        self
    }

    pub(crate) fn set_path(&mut self, bytes: &[u8]) {
        let mut n = bytes.len().min(PATH_CAP);
        while core::str::from_utf8(&bytes[..n]).is_err() {
            n -= 1;
        }
        self.path[..n].copy_from_slice(&bytes[..n]);
        self.path_len = n;
    }

    pub fn status(&self) -> Status {
        self.status
    }

    /// Byte offset in the message where decoding stopped (for an encode:
    /// the bytes written before the failure).
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// On `ArenaFull`: the arena bytes the decode needs; on `WorkFull`: the
    /// work memory to retry with; on `BufferFull`: the message length.
    /// Zero otherwise.
    pub fn needed(&self) -> usize {
        self.needed
    }

    /// Where a decode broke and why, from `candid_decoder_error_path`, e.g.
    /// "argument 0 .to .owner: expected principal, found text at byte 37".
    /// Empty for encodes and when the C layer had none.
    pub fn path(&self) -> &str {
        // SAFETY: set_path keeps only a valid UTF-8 prefix.
        unsafe { core::str::from_utf8_unchecked(&self.path[..self.path_len]) }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("status", &self.status)
            .field("offset", &self.offset)
            .field("path", &self.path())
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path_len > 0 {
            write!(f, "{}: {}", self.status.name(), self.path())
        } else {
            write!(f, "{}: {} at byte {}", self.status.name(), self.status.message(), self.offset)
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}
