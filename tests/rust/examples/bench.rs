//! ns per warm decode (plan cache hit) and encode of the ICRC-1 transfer
//! argument through the generated Rust bindings:
//!   LIBCANDID_DIR=build cargo run --release --offline --example bench
use std::hint::black_box;
use std::time::Instant;

use libcandid::{Arena, Cache, Decoder, Writer};
use libcandid_bind_tests::icrc1;

const TRANSFER: &str = "4449444c096c06fbca0101c6fcb60202ba89e5c20403a2de94eb060482f3f3910c05d8a38ca80d7d6c02b3b0dac30368ad86ca8305066e7d6e076e086e786e086d7b6d7b0100010a000000000000000201010001904e0106636f666665650000c0843d";

/// Best of 7 runs of n calls of f, in ns per call.
fn best(n: u32, mut f: impl FnMut()) -> f64 {
    (0..7)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_nanos() as f64 / n as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let msg: Vec<u8> = (0..TRANSFER.len()).step_by(2).map(|i| u8::from_str_radix(&TRANSFER[i..i + 2], 16).unwrap()).collect();
    let mut cmem = vec![0u64; 4096];
    let mut cache = Cache::new(&mut cmem, 4).unwrap();
    let mut work = vec![0u64; 1024];
    let mut d = Decoder::new(&mut work).with_cache(&mut cache);
    let decode = best(1_000_000, || {
        let mut arena = Arena::empty();
        black_box(icrc1::TransferArg_decode(&mut d, black_box(&msg), &mut arena).unwrap());
    });
    let mut arena = Arena::empty();
    let v = icrc1::TransferArg_decode(&mut d, &msg, &mut arena).unwrap();
    let mut buf = [0u8; 256];
    let encode = best(1_000_000, || {
        let mut w = Writer::new(&mut buf);
        black_box(icrc1::TransferArg_encode(black_box(&v), &mut w).unwrap());
    });
    println!("ICRC-1 TransferArg ({} bytes): decode {decode:.1} ns (warm cache), encode {encode:.1} ns", msg.len());
}
