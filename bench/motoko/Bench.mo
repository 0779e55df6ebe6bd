// Motoko's side of the comparison with libcandid (bench/motoko/run.sh):
// from_candid or to_candid in a loop over the bench messages.
//
// A WASI module by moc imports only fd_write (and has no clock), so the
// runner (run.mjs) overwrites the bytes after the marker in the compiled
// module with its jobs, and times the lines this program prints. Input,
// integers as u32 little-endian: the first job to run and how many (the
// runner sets them in each instance's memory, so that every job starts on
// a fresh heap while the compiled code stays warm); the number of
// messages, each as length and bytes; the number of jobs, each as case
// (run's numbers), operation (0 from_candid, 1 to_candid of the message's
// value), message index, iterations and repeats. Per job: one untimed
// decode, then per repeat a line "T" before the loop and "T ok N" after it
// (N: decodes that gave a value, or bytes encoded), "T error" when the
// message does not decode at the case's type.
import Prim "mo:⛔";

let input : Blob = "LIBCANDID-MOTOKO-BENCH-INPUT:@PAD@";

type B = { id : Nat64; name : Text; tags : [Text]; balance : Nat; active : Bool };
type D = [{ a : Nat32; b : Text; c : ?Int64 }];
type E1 = {
  to : { owner : Principal; subaccount : ?Blob };
  fee : ?Nat;
  memo : ?Blob;
  from_subaccount : ?Blob;
  created_at_time : ?Nat64;
  amount : Nat;
};
type TransferError = {
  #BadFee : { expected_fee : Nat };
  #BadBurn : { min_burn_amount : Nat };
  #InsufficientFunds : { balance : Nat };
  #TooOld;
  #CreatedInFuture : { ledger_time : Nat64 };
  #Duplicate : { duplicate_of : Nat };
  #TemporarilyUnavailable;
  #GenericError : { error_code : Nat; message : Text };
};
type E2 = { #Ok : Nat; #Err : TransferError };
type List = ?{ head : Int; tail : List };
type VariantList = { #nil; #cons : { head : Int; tail : VariantList } };
type Map = [(Text, Nat)];
type Narrow = [{ _0_ : Nat64; _5_ : Nat64; _10_ : Nat64; _15_ : Nat64 }];
type Results = [{ #Ok : Nat; #Err : Text }];

// op 0: decodes; op 1: decodes once, then encodes that value.
func repeat<T>(op : Nat, n : Nat, m : Blob, dec : Blob -> ?T, enc : T -> Blob) : ?Nat {
  var k = 0;
  var sum = 0;
  if (op == 0) {
    while (k < n) {
      switch (dec m) { case null {}; case (?_) sum += 1 };
      k += 1;
    };
    return ?sum;
  };
  let ?v = dec m else return null;
  while (k < n) {
    sum += (enc v).size();
    k += 1;
  };
  ?sum;
};

// The cases, numbered as in run.mjs (CASES).
func run(kind : Nat, op : Nat, n : Nat, m : Blob) : ?Nat {
  switch kind {
    case 0 repeat<Nat64>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 1 repeat<B>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 2 repeat<D>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 3 repeat<E1>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 4 repeat<E2>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 5 repeat<List>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 6 repeat<VariantList>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 7 repeat<Map>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 8 repeat<Narrow>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case 9 repeat<Results>(op, n, m, func b = from_candid b, func v = to_candid (v));
    case _ null;
  };
};

let bytes = Prim.blobToArray(input);
var pos = 29; // the marker's length
func u32() : Nat {
  var n = 0;
  for (k in [3, 2, 1, 0].vals()) n := n * 256 + Prim.nat8ToNat(bytes[pos + k]);
  pos += 4;
  n;
};
let first = u32();
let last = first + u32();
let messages = Prim.Array_tabulate<Blob>(
  u32(),
  func _ {
    let length = u32();
    let at = pos;
    pos += length;
    Prim.arrayToBlob(Prim.Array_tabulate<Nat8>(length, func i = bytes[at + i]));
  },
);
let jobs = u32();
var job = 0;
while (job < jobs) {
  let kind = u32();
  let op = u32();
  let message = messages[u32()];
  let iterations = u32();
  var repeats = if (job >= first and job < last) u32() else { ignore u32(); 0 };
  if (repeats > 0) ignore run(kind, 0, 1, message);
  while (repeats > 0) {
    Prim.debugPrint("T");
    switch (run(kind, op, iterations, message)) {
      case null Prim.debugPrint("T error");
      case (?n) Prim.debugPrint("T ok " # debug_show n);
    };
    repeats -= 1;
  };
  job += 1;
};
