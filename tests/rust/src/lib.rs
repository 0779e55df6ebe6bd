//! Every generated module, compiled (so its layout assertions hold against
//! the numbers its C twin asserted) and linked with its C stubs.
include!(concat!(env!("OUT_DIR"), "/modules.rs"));
