//! Generated bindings against the bytes of `candid encode` (the same
//! messages the C tests use): typed decodes that borrow the message, encodes
//! that reproduce it, recursive types, and errors with their paths.
use libcandid::{Arena, Bytes, Decoder, Opt, Status, Text, Writer};
use libcandid_bind_tests::{golden_recursion as rec, icrc1};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

// candid encode -d examples/icrc1/icrc1.did -t '(TransferArg)' '(record { to = record { owner =
// principal "ryjl3-tyaaa-aaaaa-aaaba-cai"; subaccount = null }; amount = 1_000_000;
// fee = opt 10_000; memo = opt blob "coffee" })'
const TRANSFER: &str = "4449444c096c06fbca0101c6fcb60202ba89e5c20403a2de94eb060482f3f3910c05d8a38ca80d7d6c02b3b0dac30368ad86ca8305066e7d6e076e086e786e086d7b6d7b0100010a000000000000000201010001904e0106636f666665650000c0843d";
const LEDGER: &[u8] = &[0, 0, 0, 0, 0, 0, 0, 2, 1, 1];

fn transfer_arg() -> icrc1::TransferArg<'static> {
    icrc1::TransferArg {
        to: icrc1::Account { owner: Bytes::new(LEDGER), subaccount: Opt::None },
        fee: Opt::Some(10_000),
        memo: Opt::Some(Bytes::new(b"coffee")),
        from_subaccount: Opt::None,
        created_at_time: Opt::None,
        amount: 1_000_000,
    }
}

#[test]
fn transfer_arg_decodes_to_the_expected_value_borrowing_the_message() {
    let msg = hex(TRANSFER);
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let v = icrc1::TransferArg_decode(&mut d, &msg, &mut arena).unwrap();
    assert_eq!(v, transfer_arg());
    let memo = v.memo.as_option().unwrap().as_slice();
    assert!(msg.as_ptr_range().contains(&memo.as_ptr()));
}

#[test]
fn transfer_arg_encodes_the_bytes_of_candid_encode() {
    let mut buf = [0u8; 256];
    let mut w = Writer::new(&mut buf);
    let n = icrc1::TransferArg_encode(&transfer_arg(), &mut w).unwrap();
    assert_eq!(w.bytes(), &hex(TRANSFER)[..]);
    assert_eq!(n, hex(TRANSFER).len());
    let args = icrc1::icrc1_transfer_args { _0: transfer_arg() };
    let v = libcandid::encode_to_vec(|w| icrc1::icrc1_transfer_args_encode(&args, w)).unwrap();
    assert_eq!(v, hex(TRANSFER));
}

#[test]
fn variant_results_round_trip() {
    // (variant { Err = variant { GenericError = record { message = "no"; error_code = 7 } } })
    let msg = hex("4449444c086b02bc8a017dc5fed201016b08d1c4987c02c291ecb9027f94c1c7890403eb82a8970404a1c3ebfd0705f087e6db090693e5bec80c7feb9cdbd50f076c02c7ebc4d00971c498b1b50d7d6c019bb3bea60a7d6c018bbdf29b017d6c01bf9bb7f00d7d6c01a3bb918c0a786c019cbab69c027d01000100026e6f07");
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let v = icrc1::TransferResult_decode(&mut d, &msg, &mut arena).unwrap();
    let want = icrc1::TransferResult::Err(icrc1::TransferError::GenericError(
        icrc1::TransferError_GenericError { message: Text::new("no"), error_code: 7 },
    ));
    assert_eq!(v, want);
    let mut buf = [0u8; 256];
    let mut w = Writer::new(&mut buf);
    icrc1::TransferResult_encode(&want, &mut w).unwrap();
    assert_eq!(w.bytes(), &msg[..]);
    let ok = icrc1::TransferResult::Ok(5);
    let mut w = Writer::new(&mut buf);
    icrc1::TransferResult_encode(&ok, &mut w).unwrap();
    let bytes = w.bytes().to_vec();
    let mut arena = Arena::empty();
    assert_eq!(icrc1::TransferResult_decode(&mut d, &bytes, &mut arena).unwrap(), ok);
}

#[test]
fn a_broken_message_reports_the_path() {
    let msg = hex(TRANSFER);
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let e = icrc1::TransferArg_decode(&mut d, &msg[..msg.len() - 2], &mut arena).unwrap_err();
    assert_eq!(e.status(), Status::Truncated);
    assert_eq!(e.path(), "argument 0 .amount: input ends before the announced data at byte 96");
    // An older type (the message lacks a field the expected type requires).
    let old = hex("4449444c016c01ba89e5c2047d0100c0843d"); // (record { amount = 1_000_000 })
    let e = icrc1::TransferArg_decode(&mut d, &old, &mut arena).unwrap_err();
    assert_eq!(e.status(), Status::TypeMismatch);
    assert!(e.path().starts_with("argument 0"), "{}", e.path());
}

#[test]
fn recursive_list_decodes_through_references() {
    // (opt record { head = 1; tail = opt record { head = 2; tail = null } }) at (List)
    let msg = hex("4449444c026e016c02a0d2aca8047c90eddae7040001000101010200");
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut mem = [0u8; 256];
    let mut arena = Arena::new(&mut mem);
    let v = rec::sum_args_decode(&mut d, &msg, &mut arena).unwrap();
    let mut heads = Vec::new();
    let mut node = v._0;
    while let Some(n) = node {
        heads.push(n.head);
        node = n.tail;
    }
    assert_eq!(heads, [1, 2]);
    let mut buf = [0u8; 64];
    let mut w = Writer::new(&mut buf);
    rec::sum_args_encode(&v, &mut w).unwrap();
    assert_eq!(w.bytes(), &msg[..]);
}

#[test]
fn recursive_tree_encodes_from_rust_references() {
    let leaf = |n| rec::Tree::leaf(n);
    let (a, b) = (leaf(1), leaf(2));
    let inner = rec::Tree_node { left: &a, right: &b };
    let t = rec::Tree::node(&inner);
    let args = rec::depth_args { _0: t };
    let mut buf = [0u8; 128];
    let mut w = Writer::new(&mut buf);
    rec::depth_args_encode(&args, &mut w).unwrap();
    let msg = w.bytes().to_vec();
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut mem = [0u8; 256];
    let mut arena = Arena::new(&mut mem);
    let back = rec::depth_args_decode(&mut d, &msg, &mut arena).unwrap();
    match back._0 {
        rec::Tree::node(n) => match (n.left, n.right) {
            (rec::Tree::leaf(1), rec::Tree::leaf(2)) => {}
            _ => panic!("wrong leaves"),
        },
        _ => panic!("not a node"),
    }
}

#[test]
fn corpus_bindings_were_built() {
    let n: usize = env!("CORPUS_FILES").parse().unwrap();
    println!("{n} corpus files bound, compiled and linked");
}
