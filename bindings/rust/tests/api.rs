//! The wrappers over hand-written descriptors of `(nat64, text)` and
//! `(vec nat16)`: values, borrowing, errors with paths, memory accounting,
//! the cache, and the three writer modes.
use core::ffi::c_void;
use core::ptr::null;

use libcandid::sys::{self, candid_field, candid_header, candid_type};
use libcandid::{Arena, Bignum, Bytes, Cache, Decoder, Opt, Status, Text, Vector, Writer};

#[repr(C)]
#[derive(Debug)]
struct NatText<'a> {
    n: u64,
    t: Text<'a>,
}

#[repr(C)]
#[derive(Debug)]
struct VecNat16<'a> {
    v: Vector<'a, u16>,
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn ty(kind: u8, size: u32, align: u16) -> candid_type {
    candid_type {
        kind, repr: 0, align, size, count: 0, count2: 0, offset: 0, aux: 0,
        inner: null(), fields: null(), args: null(), methods: null(), name: null(),
    }
}

fn args(fields: &'static [candid_field], size: u32, align: u16) -> &'static candid_type {
    leak(candid_type { count: fields.len() as u32, fields: fields.as_ptr(), ..ty(20, size, align) })
}

fn nat_text() -> &'static candid_type {
    let nat64 = unsafe { &*sys::candid_prim_type(8) };
    let text = unsafe { &*sys::candid_prim_type(15) };
    let f = leak([
        candid_field { id: 0, offset: 0, type_: nat64, name: null() },
        candid_field { id: 1, offset: 8, type_: text, name: b"t\0".as_ptr() },
    ]);
    args(f, 24, 8)
}

fn vec_nat16() -> &'static candid_type {
    let nat16 = unsafe { sys::candid_prim_type(6) };
    let v = leak(candid_type { inner: nat16, ..ty(19, 16, 8) });
    let f = leak([candid_field { id: 0, offset: 0, type_: v, name: null() }]);
    args(f, 16, 8)
}

fn header(t: &'static candid_type) -> candid_header {
    let out = Box::leak(vec![0u8; 256].into_boxed_slice());
    let mut work = [0u64; 64];
    let mut h = candid_header { args: null(), bytes: null(), len: 0 };
    let st = unsafe {
        sys::candid_header_build(&mut h, t, out.as_mut_ptr(), out.len(), work.as_mut_ptr() as *mut c_void, 512)
    };
    assert_eq!(st, 0);
    h
}

// (42 : nat64, "héllo")
const MSG: &[u8] = b"DIDL\x00\x02\x78\x71\x2a\x00\x00\x00\x00\x00\x00\x00\x06h\xc3\xa9llo";

#[test]
fn decodes_and_borrows_the_message() {
    let mut work = [0u64; 512];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let v: NatText = unsafe { d.decode_type(MSG, nat_text(), &mut arena) }.unwrap();
    assert_eq!(v.n, 42);
    assert_eq!(v.t.as_str(), "héllo");
    assert_eq!(v.t.as_str().as_ptr(), MSG[17..].as_ptr());
}

#[test]
fn truncated_message_reports_status_offset_and_path() {
    let mut work = [0u64; 512];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let e = unsafe { d.decode_type::<NatText>(&MSG[..20], nat_text(), &mut arena) }.unwrap_err();
    assert_eq!(e.status(), Status::Truncated);
    assert_eq!(e.offset(), 17);
    assert_eq!(e.path(), "argument 1: input ends before the announced data at byte 17");
    assert_eq!(e.to_string(), "CANDID_ERR_TRUNCATED: argument 1: input ends before the announced data at byte 17");
}

#[test]
fn type_mismatch_names_the_argument() {
    // (true, "x"): a bool where nat64 is expected.
    let msg = b"DIDL\x00\x02\x7e\x71\x01\x01x";
    let mut work = [0u64; 512];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let e = unsafe { d.decode_type::<NatText>(msg, nat_text(), &mut arena) }.unwrap_err();
    assert_eq!(e.status(), Status::TypeMismatch);
    assert!(e.path().starts_with("argument 0"), "{}", e.path());
}

#[test]
fn vectors_go_to_the_arena_and_report_what_they_need() {
    // (vec { 1; 2; 300 } : vec nat16)
    let msg = b"DIDL\x01\x6d\x7a\x01\x00\x03\x01\x00\x02\x00\x2c\x01";
    let mut work = [0u64; 512];
    let mut d = Decoder::new(&mut work);
    let mut small = [0u8; 4];
    let mut arena = Arena::new(&mut small);
    let e = unsafe { d.decode_type::<VecNat16>(msg, vec_nat16(), &mut arena) }.unwrap_err();
    assert_eq!(e.status(), Status::ArenaFull);
    assert_eq!(e.needed(), 6);
    let mut mem = [0u8; 64];
    let mut arena = Arena::new(&mut mem);
    let v: VecNat16 = unsafe { d.decode_type(msg, vec_nat16(), &mut arena) }.unwrap();
    assert_eq!(v.v.as_slice(), &[1, 2, 300]);
    assert_eq!(arena.used(), 6);
}

#[test]
fn too_little_work_memory_says_how_much() {
    let mut work = [0u64; 4];
    let mut d = Decoder::new(&mut work);
    let mut arena = Arena::empty();
    let e = unsafe { d.decode_type::<NatText>(MSG, nat_text(), &mut arena) }.unwrap_err();
    assert_eq!(e.status(), Status::WorkFull);
    let mut d = Decoder::with_capacity(e.needed());
    let mut arena = Arena::empty();
    assert!(unsafe { d.decode_type::<NatText>(MSG, nat_text(), &mut arena) }.is_ok());
}

#[test]
fn the_cache_skips_planning_on_a_repeated_header() {
    let mut cmem = [0u64; 1024];
    let mut cache = Cache::new(&mut cmem, 4).unwrap();
    {
        let mut work = [0u64; 512];
        let mut d = Decoder::new(&mut work).with_cache(&mut cache);
        let t = nat_text(); // plans are keyed by the expected type's address
        for round in 0..3 {
            let mut arena = Arena::empty();
            let v: NatText = unsafe { d.decode_type(MSG, t, &mut arena) }.unwrap();
            assert_eq!(v.n, 42);
            assert_eq!(d.cache_hit(), round > 0);
        }
    }
    assert_eq!((cache.hits(), cache.misses()), (2, 1));
    let mut none: [u64; 0] = [];
    assert_eq!(Cache::new(&mut none, 1).unwrap_err().status(), Status::Argument);
}

#[test]
fn limits_are_enforced() {
    let mut work = [0u64; 512];
    let mut d = Decoder::new(&mut work);
    d.limits_mut().budget_base = 1;
    d.limits_mut().budget_per_byte = 0;
    let mut arena = Arena::empty();
    let e = unsafe { d.decode_type::<NatText>(MSG, nat_text(), &mut arena) }.unwrap_err();
    assert_eq!(e.status(), Status::Budget);
}

#[test]
fn writer_modes_encode_the_same_bytes() {
    let h = header(nat_text());
    let v = NatText { n: 42, t: Text::new("héllo") };
    let n = unsafe { Writer::size_only().encode_header(&h, &v) }.unwrap();
    assert_eq!(n, MSG.len());
    let mut buf = [0u8; 64];
    let mut w = Writer::new(&mut buf);
    unsafe { w.encode_header(&h, &v) }.unwrap();
    assert_eq!(w.bytes(), MSG);
    let mut small = [0u8; 8];
    let mut w = Writer::new(&mut small);
    let e = unsafe { w.encode_header(&h, &v) }.unwrap_err();
    assert_eq!((e.status(), e.needed()), (Status::BufferFull, MSG.len()));
    let mut out = Vec::new();
    let mut sink = |c: &[u8]| {
        out.extend_from_slice(c);
        true
    };
    let mut chunk = [0u8; 5];
    let mut w = Writer::stream(&mut chunk, &mut sink);
    unsafe { w.encode_header(&h, &v) }.unwrap();
    assert_eq!(w.finish().unwrap(), MSG.len());
    assert_eq!(out, MSG);
}

#[test]
fn a_refusing_sink_latches_flush() {
    let h = header(nat_text());
    let v = NatText { n: 1, t: Text::new("abc") };
    let mut sink = |_: &[u8]| false;
    let mut chunk = [0u8; 4];
    let mut w = Writer::stream(&mut chunk, &mut sink);
    assert_eq!(unsafe { w.encode_header(&h, &v) }.unwrap_err().status(), Status::Flush);
    assert_eq!(w.error(), Some(Status::Flush));
}

#[test]
fn invalid_utf8_is_refused_by_the_encoder() {
    let h = header(vec_nat16());
    let items = [7u16, 65535];
    let v = VecNat16 { v: Vector::new(&items) };
    let mut buf = [0u8; 64];
    let mut w = Writer::new(&mut buf);
    unsafe { w.encode_header(&h, &v) }.unwrap();
    assert_eq!(w.bytes(), b"DIDL\x01\x6d\x7a\x01\x00\x02\x07\x00\xff\xff");
}

#[test]
fn statuses_match_the_c_names() {
    assert_eq!(Status::from_raw(0), None);
    assert_eq!(Status::from_raw(1), Some(Status::Truncated));
    assert_eq!(Status::from_raw(29), Some(Status::Call));
    assert_eq!(Status::from_raw(30), Some(Status::Unknown));
    assert_eq!(Status::Truncated.name(), "CANDID_ERR_TRUNCATED");
    assert_eq!(Status::Call.name(), "CANDID_ERR_CALL");
    assert_eq!(Status::WorkFull.name(), "CANDID_ERR_WORK_FULL");
}

#[test]
fn slot_types_have_the_c_layouts() {
    use core::mem::{align_of, size_of};
    let p = size_of::<usize>();
    assert_eq!((size_of::<Bytes>(), align_of::<Bytes>()), (2 * p, p));
    assert_eq!(size_of::<Bignum>(), 3 * p);
    assert_eq!(size_of::<Opt<u64>>(), 16);
    assert_eq!(size_of::<Opt<u8>>(), 2);
    assert_eq!(size_of::<Opt<()>>(), 1);
    assert_eq!(size_of::<Opt<Bytes>>(), 3 * p);
    assert_eq!(size_of::<Option<&u64>>(), p);
    assert_eq!(core::mem::offset_of!(NatText, t), 8);
}

#[test]
fn bignums_read_leb128() {
    assert_eq!(Bignum::from_leb(&[0xe5, 0x8e, 0x26], false).to_i128(), Some(624485));
    assert_eq!(Bignum::from_leb(&[0xc0, 0xbb, 0x78], true).to_i128(), Some(-123456));
    assert_eq!(Bignum::from_leb(&[0x80; 20], false).to_i128(), None);
}

#[test]
fn opt_converts_from_option() {
    let o: Opt<u32> = Some(5).into();
    assert_eq!(o.as_option(), Some(&5));
    assert!(!Opt::<u32>::None.is_some());
    assert_eq!(libcandid::hash("amount"), 3573748184);
}
