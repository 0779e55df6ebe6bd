//! The Rust ledger canister (examples/rust-canister/src/service.rs) natively,
//! on the host backend: called through its C server stubs with messages the
//! generated Rust encoders make, replies decoded by the generated Rust
//! decoders, and relay_fee calling a C sibling (and one that rejects).
use libcandid::{Arena, Bytes, Decoder, Opt};
use libcandid_bind_tests::ledger as l;

extern "C" {
    fn rust_host_setup() -> i32;
    fn rust_host_ingress(method: *const u8, caller: *const u8, caller_len: usize, arg: *const u8, len: usize,
                         out: *mut *const u8, out_len: *mut usize) -> i32;
}

const ALICE: &[u8] = &[0xa1];
const BOB: &[u8] = &[0xb0, 0xb0];

/// (replied, reply or reject message)
fn ingress(method: &str, caller: &[u8], arg: &[u8]) -> (bool, Vec<u8>) {
    let m = format!("{method}\0");
    let (mut p, mut n) = (core::ptr::null(), 0);
    let rc = unsafe { rust_host_ingress(m.as_ptr(), caller.as_ptr(), caller.len(), arg.as_ptr(), arg.len(), &mut p, &mut n) };
    assert!(rc >= 0, "{method} not delivered");
    (rc == 1, unsafe { std::slice::from_raw_parts(p, n) }.to_vec())
}

fn balance(who: &'static [u8]) -> u64 {
    let args = l::icrc1_balance_of_args { _0: l::Account { owner: Bytes::new(who), subaccount: Opt::None } };
    let msg = libcandid::encode_to_vec(|w| l::icrc1_balance_of_args_encode(&args, w)).unwrap();
    let (ok, reply) = ingress("icrc1_balance_of", BOB, &msg);
    assert!(ok);
    let mut work = [0u64; 1024];
    let mut arena = Arena::empty();
    l::icrc1_balance_of_result_decode(&mut Decoder::new(&mut work), &reply, &mut arena).unwrap()._0
}

fn transfer(to: &'static [u8], amount: u64, fee: Option<u64>) -> String {
    let t = l::TransferArg {
        to: l::Account { owner: Bytes::new(to), subaccount: Opt::None },
        fee: fee.into(),
        memo: Opt::None,
        from_subaccount: Opt::None,
        created_at_time: Opt::None,
        amount,
    };
    let msg = libcandid::encode_to_vec(|w| l::icrc1_transfer_args_encode(&l::icrc1_transfer_args { _0: t }, w)).unwrap();
    let (ok, reply) = ingress("icrc1_transfer", ALICE, &msg);
    assert!(ok);
    let mut work = [0u64; 1024];
    let mut arena = Arena::empty();
    let r = l::icrc1_transfer_result_decode(&mut Decoder::new(&mut work), &reply, &mut arena).unwrap();
    format!("{:?}", r._0)
}

fn relay(sibling: &'static [u8]) -> String {
    let msg = libcandid::encode_to_vec(|w| l::relay_fee_args_encode(&l::relay_fee_args { _0: Bytes::new(sibling) }, w)).unwrap();
    let (ok, reply) = ingress("relay_fee", ALICE, &msg);
    assert!(ok, "{}", String::from_utf8_lossy(&reply));
    let mut work = [0u64; 1024];
    let mut arena = Arena::empty();
    let r = l::relay_fee_result_decode(&mut Decoder::new(&mut work), &reply, &mut arena).unwrap();
    format!("{:?}", r._0)
}

#[test]
fn the_rust_ledger_serves_on_the_host_backend() {
    assert_eq!(unsafe { rust_host_setup() }, 0);
    let init = libcandid::encode_to_vec(|w| l::init_args_encode(&l::init_args { _empty: 0 }, w)).unwrap();
    ingress("canister_init", ALICE, &init); // init has no reply
    assert_eq!(balance(ALICE), 1_000_000_000);
    assert_eq!(transfer(BOB, 100, None), "Ok(0)");
    assert_eq!(transfer(BOB, 1, Some(5)), "Err(BadFee(TransferError_BadFee { expected_fee: 10000 }))");
    assert_eq!(transfer(BOB, 2_000_000_000, Some(10_000)),
               "Err(InsufficientFunds(TransferError_InsufficientFunds { balance: 999989900 }))");
    assert_eq!((balance(ALICE), balance(BOB)), (999_989_900, 100));
    assert_eq!(relay(&[0x02]), "Ok(10000)");
    assert_eq!(relay(&[0x03]), "Err(\"no fee here\")");
    // arguments that do not decode are rejected by the C stub with the status
    let (ok, why) = ingress("icrc1_transfer", ALICE, b"DIDL\x00\x00");
    assert!(!ok);
    assert!(String::from_utf8_lossy(&why).contains("CANDID_ERR"), "{}", String::from_utf8_lossy(&why));
}
