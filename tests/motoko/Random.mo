// Random values for Motoko's to_candid (direction "random-encode" of
// oracle.mjs): the generator of random.mjs (mulberry32, and the same draws in
// the same order), so that the runner knows every value without being told.
import Prim "mo:⛔";

module {
  public class Generator(seed : Nat32) {
    var state = seed;

    // A float in [0, 1), as random.mjs computes it (u32 / 2^32).
    func next() : Float {
      state := state +% 0x6d2b79f5;
      var t = state;
      t := (t ^ (t >> 15)) *% (t | 1);
      t := t ^ (t +% ((t ^ (t >> 7)) *% (t | 61)));
      Prim.intToFloat(Prim.nat32ToNat(t ^ (t >> 14))) / 4294967296.0;
    };

    public func int(n : Nat) : Nat = Prim.abs(Prim.floatToInt(next() * Prim.intToFloat(n)));

    public func bits(n : Nat) : Nat {
      var v = 0;
      var i = 0;
      while (i < n) { v := v * 2 + int(2); i += 1 };
      v;
    };
  };

  type Small = { #A; #B : Nat8 };

  // Edge values more often than not, as random.mjs draws them: bits first.
  func edge(r : Generator, width : Nat, signed : Bool) : Int {
    let span = 2 ** width;
    let b = r.bits(width);
    let v = switch (r.int(6)) {
      case 0 0;
      case 1 1;
      case 2 (span - 1 : Nat);
      case 3 (span / 2);
      case 4 (span / 2 - 1 : Nat);
      case _ b;
    };
    if (signed and v >= span / 2) v - span else v;
  };

  let ranges : [(Nat, Nat)] = [(0x20, 0x5b), (0x5d, 0x7e), (0xa0, 0x7ff), (0x800, 0xd7ff), (0xe000, 0xfffd), (0x10000, 0x10ffff)];

  func text(r : Generator, max : Nat) : Text {
    var s = "";
    var n = r.int(max + 1);
    while (n > 0) {
      let (lo, hi) = ranges[r.int(ranges.size())];
      s #= Prim.charToText(Prim.nat32ToChar(Prim.natToNat32(lo + r.int(hi - lo + 1))));
      n -= 1;
    };
    s;
  };

  func bytes(r : Generator, max : Nat) : Blob {
    let n = r.int(max + 1);
    Prim.arrayToBlob(Prim.Array_tabulate<Nat8>(n, func _ = Prim.natToNat8(r.int(256))));
  };

  // Message i, of the shape random.mjs (ENCODE_SHAPES) gives it.
  public func message(r : Generator, i : Nat) : Blob {
    switch (i % 4) {
      case 0 {
        let nat = r.bits(r.int(200));
        let magnitude = r.bits(r.int(200));
        let int : Int = if (r.int(2) == 1) -magnitude else magnitude;
        to_candid (nat, int);
      };
      case 1 {
        to_candid (
          Prim.natToNat8(Prim.abs(edge(r, 8, false))),
          Prim.natToNat16(Prim.abs(edge(r, 16, false))),
          Prim.natToNat32(Prim.abs(edge(r, 32, false))),
          Prim.natToNat64(Prim.abs(edge(r, 64, false))),
          Prim.intToInt8(edge(r, 8, true)),
          Prim.intToInt16(edge(r, 16, true)),
          Prim.intToInt32(edge(r, 32, true)),
          Prim.intToInt64(edge(r, 64, true)),
        );
      };
      case 2 {
        let t = text(r, 12);
        let b = bytes(r, 12);
        let p = Prim.principalOfBlob(bytes(r, 29));
        to_candid (t, b, p);
      };
      case _ {
        let n = r.int(8);
        let items = Prim.Array_tabulate<Nat>(n, func _ = r.int(5));
        let small = Prim.natToNat8(r.int(256));
        let values = Prim.Array_tabulate<?Small>(
          n,
          func k = switch (items[k]) { case 1 ?#A; case 2 ?#B(small); case _ null },
        );
        to_candid (values);
      };
    };
  };
};
