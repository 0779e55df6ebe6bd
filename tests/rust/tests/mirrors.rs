//! The crate's mirrors of the C structs (libcandid::sys) have the C sizes.
use core::mem::size_of;
use libcandid::sys;
// The C side (host.c) is in the archive this crate links.
use libcandid_bind_tests as _;

extern "C" {
    fn rust_c_sizeof(which: i32) -> usize;
}

#[test]
fn mirrors_have_the_c_sizes() {
    let rust = [
        size_of::<sys::candid_limits>(),
        size_of::<sys::candid_cache>(),
        size_of::<sys::candid_decoder>(),
        size_of::<sys::candid_arena>(),
        size_of::<sys::candid_writer>(),
        size_of::<sys::candid_header>(),
        size_of::<sys::candid_call>(),
        size_of::<sys::candid_outcome>(),
    ];
    for (i, n) in rust.iter().enumerate() {
        assert_eq!(*n, unsafe { rust_c_sizeof(i as i32) }, "struct {i} of the list");
    }
}
