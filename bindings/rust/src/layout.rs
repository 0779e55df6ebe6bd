//! `assert_layout!`, used by generated bindings: const assertions that a
//! Rust type has the size, alignment and field offsets the generator
//! computed for the C struct (the generated C asserts the same numbers).
//! Without `offset_of!` (rustc before 1.77, built with
//! `--cfg libcandid_no_offset_of`) only sizes and alignments are checked.

#[cfg(not(libcandid_no_offset_of))]
#[macro_export]
macro_rules! assert_layout {
    ($t:ty, $size:expr, $align:expr $(, $field:ident = $off:expr)*) => {
        const _: () = assert!(::core::mem::size_of::<$t>() == $size);
        const _: () = assert!(::core::mem::align_of::<$t>() == $align);
        $(const _: () = assert!(::core::mem::offset_of!($t, $field) == $off);)*
    };
}

#[cfg(libcandid_no_offset_of)]
#[macro_export]
macro_rules! assert_layout {
    ($t:ty, $size:expr, $align:expr $(, $field:ident = $off:expr)*) => {
        const _: () = assert!(::core::mem::size_of::<$t>() == $size);
        const _: () = assert!(::core::mem::align_of::<$t>() == $align);
    };
}
