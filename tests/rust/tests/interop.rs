//! The Motoko oracle corpus (tests/motoko/cases.mjs) as `candid encode`
//! writes it (interop/cases.tsv, from interop/gen.mjs), decoded through the
//! generated Rust bindings at the types Motoko reads it at: every message
//! is accepted or rejected as the spec says, including subtyping both ways
//! (extra fields and cases skipped, missing options read as null, opt
//! coercions, nat read as int; narrower types turned away).
use libcandid::{Arena, Bignum, Decoder, Error};
use libcandid_bind_tests::interop as t;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// Decodes msg at the kind; Ok(()) or the error.
fn decode(kind: &str, msg: &[u8]) -> Result<(), Error> {
    let mut work = vec![0u64; 1 << 14];
    let mut d = Decoder::new(&mut work);
    let mut mem = vec![0u8; 1 << 20];
    let a = &mut Arena::new(&mut mem);
    let d = &mut d;
    match kind {
        "big" => t::big_args_decode(d, msg, a).map(drop),
        "fixed" => t::fixed_args_decode(d, msg, a).map(drop),
        "floats" => t::floats_args_decode(d, msg, a).map(drop),
        "texts" => t::texts_args_decode(d, msg, a).map(drop),
        "composite" => t::composite_args_decode(d, msg, a).map(drop),
        "list" => t::List_decode(d, msg, a).map(drop),
        "transfer" => t::TransferArg_decode(d, msg, a).map(drop),
        "record-a" => t::RecordA_decode(d, msg, a).map(drop),
        "record-abc" => t::RecordAbc_decode(d, msg, a).map(drop),
        "small" => t::Small_decode(d, msg, a).map(drop),
        "opt-small" => t::OptSmall_decode(d, msg, a).map(drop),
        "big-variant" => t::Big_decode(d, msg, a).map(drop),
        "int" => t::read_int_args_decode(d, msg, a).map(drop),
        "opt-nat" => t::OptNat_decode(d, msg, a).map(drop),
        "nat" => t::read_nat_args_decode(d, msg, a).map(drop),
        "misc" => t::misc_args_decode(d, msg, a).map(drop),
        "vec-opt-small" => t::VecOptSmall_decode(d, msg, a).map(drop),
        "text" => t::read_text_args_decode(d, msg, a).map(drop),
        "map" => t::Map_decode(d, msg, a).map(drop),
        "opt-opt-nat" => t::OptOptNat_decode(d, msg, a).map(drop),
        "transfer-result" => t::TransferResult_decode(d, msg, a).map(drop),
        "func-query" => t::func_query_args_decode(d, msg, a).map(drop),
        "service-m" => t::service_m_args_decode(d, msg, a).map(drop),
        "any" => t::any_args_decode(d, msg, a).map(drop),
        "opt-int" => t::OptInt_decode(d, msg, a).map(drop),
        "small-record" => t::SmallRecord_decode(d, msg, a).map(drop),
        _ => panic!("no Rust type for kind {kind}"),
    }
}

#[test]
fn every_corpus_message_gets_the_spec_verdict() {
    let data = include_str!("../interop/cases.tsv");
    let (mut n, mut wrong) = (0, Vec::new());
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let (source, name, kind, verdict) = (f[0], f[1], f[2], f[3]);
        let got = decode(kind, &hex(f[4]));
        if got.is_ok() != (verdict == "accept") {
            wrong.push(format!("{source}: {name} at {kind}: want {verdict}, got {got:?}"));
        }
        n += 1;
    }
    println!("{n} interop messages");
    assert!(n >= 90, "only {n} cases");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn one(kind: &str, name: &str) -> Vec<u8> {
    let line = include_str!("../interop/cases.tsv")
        .lines()
        .find(|l| l.split('\t').nth(1) == Some(name) && l.split('\t').nth(2) == Some(kind))
        .unwrap_or_else(|| panic!("no case {name}"));
    hex(line.split('\t').nth(4).unwrap())
}

#[test]
fn numbers_beyond_64_bits_arrive_whole() {
    let msg = one("big", "nat and int at 2^64");
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    let mut a = Arena::empty();
    let v = t::big_args_decode(&mut d, &msg, &mut a).unwrap();
    assert_eq!(v._0.to_i128(), Some(1 << 64));
    assert_eq!(v._1.to_i128(), Some(1 << 64));
    assert_eq!(v._1, Bignum::from_leb(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02], false));
}

#[test]
fn a_long_list_decodes_without_recursion() {
    let msg = one("list", "recursive list of 10000");
    let mut work = vec![0u64; 1 << 12];
    let mut d = Decoder::new(&mut work);
    let mut mem = vec![0u8; 1 << 20];
    let mut a = Arena::new(&mut mem);
    let v = t::List_decode(&mut d, &msg, &mut a).unwrap();
    let (mut n, mut node) = (0i128, v);
    while let Some(r) = node {
        assert_eq!(r.head.to_i128(), Some(n));
        n += 1;
        node = r.tail;
    }
    assert_eq!(n, 10_000);
}

#[test]
fn subtyping_fills_missing_options_and_skips_extra_fields() {
    // record { a } read as record { a; b : opt text; c : opt nat }: b, c null
    let mut work = [0u64; 1024];
    let mut d = Decoder::new(&mut work);
    for case in include_str!("../interop/cases.tsv").lines().filter(|l| l.contains("\trecord-abc\taccept\t")) {
        let msg = hex(case.split('\t').nth(4).unwrap());
        let mut a = Arena::empty();
        let v = t::RecordAbc_decode(&mut d, &msg, &mut a).unwrap();
        assert!(v.a.to_i128().is_some(), "{case}");
    }
    // a wider record read at record { a : nat }
    let mut hits = 0;
    for case in include_str!("../interop/cases.tsv").lines().filter(|l| l.contains("\trecord-a\taccept\t")) {
        let msg = hex(case.split('\t').nth(4).unwrap());
        let mut a = Arena::empty();
        t::RecordA_decode(&mut d, &msg, &mut a).unwrap();
        hits += 1;
    }
    assert!(hits >= 3);
}
