//! The example ledger (examples/ledger/ledger.did) in Rust: the methods as a
//! `Service` implementation over the types `candid bind --target rust`
//! generates, the decoding, dispatch and replies in the C server stubs
//! (`candid bind --target c --server`), relay_fee calling a sibling
//! canister's fee_info through the generated client. no_std, all memory
//! static; build.sh links it with the core and the ic0 backend. The same
//! service.rs runs natively on the host backend in tests/rust/tests/canister.rs.
#![no_std]

#[macro_use] // ledger_serve!
mod ledger;
mod service;
mod sibling;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    extern "C" {
        fn candid_trap(msg: *const u8) -> !;
    }
    unsafe { candid_trap(b"panic in the Rust ledger\0".as_ptr()) }
}
