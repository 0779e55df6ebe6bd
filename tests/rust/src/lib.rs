//! Every generated module, compiled (so its layout assertions hold against
//! the numbers its C twin asserted) and linked with its C stubs.
include!(concat!(env!("OUT_DIR"), "/modules.rs"));

/// The Rust ledger canister's methods (examples/rust-canister), over the
/// `ledger` (--server) and `sibling` modules above, for tests/canister.rs.
#[path = "../../../examples/rust-canister/src/service.rs"]
pub mod service;
