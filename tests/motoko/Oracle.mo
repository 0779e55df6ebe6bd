// The Motoko side of the oracle test (tests/motoko/run): one program, compiled
// once, that decodes many Candid messages with from_candid and encodes known
// values with to_candid.
//
// A WASI program built by moc imports nothing but fd_write, so it cannot read
// its input. The runner (oracle.mjs) therefore compiles this file with @PAD@
// replaced by a long run of bytes, and overwrites them in the compiled module:
// a start index, a count, a seed and a number of random values to encode
// (Random.mo), then per message its kind (which Motoko type to decode it at),
// its length and its bytes, integers as u32 little-endian. The program
// decodes messages start, start + 1, ... in order, so when a malformed
// message traps (from_candid returns null only for a type mismatch) the
// runner starts it again after the message that trapped.
//
// Output lines, each under the 512 bytes that debugPrint keeps:
//   "E <label>"  an encoding begins (printed first, when start is 0),
//   "D <index>"  the decoding of a message begins (the last one seen trapped),
//   "C <hex>"    a piece of the UTF-8 text of the result, in hex (texts may
//                hold newlines and quotes that debug_show leaves raw),
//   "END"        everything was printed.
// A decoding prints debug_show of the ?value, "null" on a type mismatch.
import Prim "mo:⛔";
import Float "mo:core/Float";
import Random "Random";

let input : Blob = "LIBCANDID-MOTOKO-ORACLE-INPUT:@PAD@";

type List = ?{ head : Int; tail : List };
type Account = { owner : Principal; subaccount : ?Blob };
type TransferArg = {
  from_subaccount : ?Blob;
  to : Account;
  amount : Nat;
  fee : ?Nat;
  memo : ?Blob;
  created_at_time : ?Nat64;
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
type TransferResult = { #Ok : Nat; #Err : TransferError };
type Small = { #A; #B : Nat8 };
type Big = { #A; #B : Nat8; #C : Text; #D : Nat };
type Row = { id : Nat32; name : Text; score : ?Int64 };
type OldRow = { id : Nat32; name : Text };

let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"];

func hex(b : Blob) : Text {
  var t = "";
  for (byte in b.vals()) {
    let n = Prim.nat8ToNat(byte);
    t #= hexDigits[n / 16] # hexDigits[n % 16];
  };
  t;
};

func decimal(n : Nat) : Text {
  if (n < 10) hexDigits[n] else decimal(n / 10) # hexDigits[n % 10];
};

func emit(result : Text) {
  var chunk = "";
  for (byte in Prim.encodeUtf8(result).vals()) {
    let n = Prim.nat8ToNat(byte);
    chunk #= hexDigits[n / 16] # hexDigits[n % 16];
    if (chunk.size() >= 400) { Prim.debugPrint("C " # chunk); chunk := "" };
  };
  if (chunk != "") Prim.debugPrint("C " # chunk);
};

// debug_show prints floats with six decimals; 17 significant digits keep
// every bit. (#exact prints fixed-point notation in this moc: 1e300 takes
// 300 digits, so the exponent form it is.)
func exact(x : Float) : Text = Float.format(x, #exp 16);

func reference<T>(v : ?T) : Text = switch v { case null "null"; case _ "ok" };

// The two large values (a 64 KiB blob, 10,000 records), built alike in
// typed.c, and checked field by field here: their debug_show would fill
// megabytes of output.
let bigBlobSize = 65_536;
let rowCount = 10_000;
func bigBlobByte(i : Nat) : Nat8 = Prim.natToNat8((i * 7 + 3) % 256);
func rowScore(i : Nat) : ?Int64 {
  let s : Int = i * 1000;
  if (i % 3 == 0) null else ?Prim.intToInt64(s - 5_000_000);
};
func row(i : Nat) : Row = { id = Prim.natToNat32(i); name = "item-" # decimal i; score = rowScore(i) };

func checkBlob(v : ?Blob) : Text = switch v {
  case null "null";
  case (?b) {
    if (b.size() != bigBlobSize) return "size " # decimal(b.size());
    var i = 0;
    for (byte in b.vals()) {
      if (byte != bigBlobByte(i)) return "byte " # decimal i;
      i += 1;
    };
    "ok " # decimal i;
  };
};

// Rows at the type they were sent at, or at the older OldRow.
func checkRows<R>(v : ?[R], same : (R, Nat) -> Bool) : Text = switch v {
  case null "null";
  case (?rows) {
    if (rows.size() != rowCount) return "size " # decimal(rows.size());
    var i = 0;
    while (i < rowCount) {
      if (not same(rows[i], i)) return "row " # decimal i;
      i += 1;
    };
    "ok " # decimal i;
  };
};
func sameRow(r : Row, i : Nat) : Bool = r == row(i);
func sameOldRow(r : OldRow, i : Nat) : Bool = r.id == Prim.natToNat32(i) and r.name == "item-" # decimal i;

// The kinds, numbered as in cases.mjs (KINDS).
func decode(kind : Nat, m : Blob) : Text {
  switch kind {
    case 0 { let v : ?(Nat, Int) = from_candid m; debug_show v };
    case 1 {
      let v : ?(Nat8, Nat16, Nat32, Nat64, Int8, Int16, Int32, Int64) = from_candid m;
      debug_show v;
    };
    case 2 {
      let v : ?(Float, Float, Float, Float, Float) = from_candid m;
      switch v {
        case null "null";
        case (?(a, b, c, d, e)) {
          "?(" # exact a # ", " # exact b # ", " # exact c # ", " # exact d # ", " # exact e # ")";
        };
      };
    };
    case 3 { let v : ?(Text, Blob, Principal) = from_candid m; debug_show v };
    case 4 {
      let v : ?(?Nat, [Int], { a : Nat; b : ?Text }, { #A; #B : Nat8; #C : Text }) = from_candid m;
      debug_show v;
    };
    case 5 { let v : ?List = from_candid m; debug_show v };
    case 6 { let v : ?TransferArg = from_candid m; debug_show v };
    case 7 { let v : ?{ a : Nat } = from_candid m; debug_show v };
    case 8 { let v : ?{ a : Nat; b : ?Text; c : ?Nat } = from_candid m; debug_show v };
    case 9 { let v : ?Small = from_candid m; debug_show v };
    case 10 { let v : ??Small = from_candid m; debug_show v };
    case 11 { let v : ?Big = from_candid m; debug_show v };
    case 12 { let v : ?Int = from_candid m; debug_show v };
    case 13 { let v : ??Nat = from_candid m; debug_show v };
    case 14 { let v : ?Nat = from_candid m; debug_show v };
    case 15 { let v : ?(Bool, Null, {}, Text) = from_candid m; debug_show v };
    case 16 { let v : ?[?Small] = from_candid m; debug_show v };
    case 17 { let v : ?Text = from_candid m; debug_show v };
    case 18 { let v : ?[(Text, Nat)] = from_candid m; debug_show v };
    case 19 { let v : ???Nat = from_candid m; debug_show v };
    case 20 { let v : ?TransferResult = from_candid m; debug_show v };
    // References and Any: debug_show cannot print them, so "ok" tells that one decoded.
    case 21 { let v : ?(shared query Nat -> async Text) = from_candid m; reference v };
    case 22 { let v : ?(shared Nat -> async Text) = from_candid m; reference v };
    case 23 { let v : ?(shared query (Nat, ?Nat) -> async (Text, ?Nat)) = from_candid m; reference v };
    case 24 { let v : ?(shared query Int -> async Text) = from_candid m; reference v };
    case 25 { let v : ?(actor { m : shared () -> async () }) = from_candid m; reference v };
    case 26 { let v : ?Any = from_candid m; reference v };
    case 27 { let v : ??Int = from_candid m; debug_show v };
    case 28 { let v : ?{ #A : {}; #B : Nat8 } = from_candid m; debug_show v };
    case 29 { let v : ?Blob = from_candid m; checkBlob v };
    case 30 { let v : ?[Row] = from_candid m; checkRows(v, sameRow) };
    case 31 { let v : ?[OldRow] = from_candid m; checkRows(v, sameOldRow) };
    case _ { "unknown kind " # decimal kind };
  };
};

let bytes = Prim.blobToArray(input);
var pos = 30; // the marker's length

func u32() : Nat {
  var n = 0;
  for (k in [3, 2, 1, 0].vals()) n := n * 256 + Prim.nat8ToNat(bytes[pos + k]);
  pos += 4;
  n;
};

let start = u32();
let count = u32();
let seed = u32();
let randomCount = u32();

// Known values, labelled as in cases.mjs (ENCODED).
func encoded(name : Text, b : Blob) {
  Prim.debugPrint("E " # name);
  emit(hex b);
};

let ledger = Prim.principalOfBlob("\00\00\00\00\00\00\00\02\01\01");
// Printed first, so that a message that traps cannot hide them.
if (start == 0) {
  encoded("big", to_candid (2 ** 128 : Nat, -(2 ** 127) : Int, 0 : Nat, 18_446_744_073_709_551_616 : Int));
  encoded(
    "fixed-max",
    to_candid (255 : Nat8, 65_535 : Nat16, 4_294_967_295 : Nat32, 18_446_744_073_709_551_615 : Nat64, 127 : Int8, 32_767 : Int16, 2_147_483_647 : Int32, 9_223_372_036_854_775_807 : Int64),
  );
  encoded(
    "fixed-min",
    to_candid (0 : Nat8, 0 : Nat16, 0 : Nat32, 0 : Nat64, -128 : Int8, -32_768 : Int16, -2_147_483_648 : Int32, -9_223_372_036_854_775_808 : Int64),
  );
  encoded("floats", to_candid (1.5, -0.0, 1e300, 0.1, -2.5e-310));
  encoded("float-inf", to_candid (1.0 / 0.0, -1.0 / 0.0));
  encoded("texts", to_candid ("h\u{e9}llo \u{20ac} \u{1F600} \"q\"\n", "\00\FF\7F" : Blob, ledger));
  encoded("escapes", to_candid ("\t\r\u{7f}\u{0}\u{85}\\ ' \u{10FFFF}"));
  encoded("keywords", to_candid ({ type_ = 1; service_ = "s"; vec_ = 2 : Nat8 }));
  encoded("empty-texts", to_candid ("", "" : Blob, Prim.principalOfBlob("")));
  encoded("composite", to_candid (?7, [-1, 0, 1], { a = 1; b = ?"x" }, #C("z")));
  let list : List = ?{ head = 1; tail = ?{ head = -2; tail = ?{ head = 300; tail = null } } };
  encoded("list", to_candid (list));
  var long : List = null;
  var node = 2_000;
  while (node > 0) { node -= 1; long := ?{ head = node; tail = long } };
  encoded("list-2000", to_candid (long));
  encoded("map", to_candid ([("a", 1), ("\u{e9}", 2), ("", 2 ** 64)] : [(Text, Nat)]));
  let arg : TransferArg = {
    from_subaccount = null;
    to = { owner = ledger; subaccount = ?"\01\02" };
    amount = 1_000_000;
    fee = ?10_000;
    memo = ?"coffee";
    created_at_time = ?1_700_000_000_000_000_000;
  };
  encoded("transfer", to_candid (arg));
  encoded("result-ok", to_candid (#Ok(42) : TransferResult));
  encoded("result-err", to_candid (#Err(#InsufficientFunds { balance = 5 }) : TransferResult));
  encoded("opt-opt", to_candid (??5 : ??Nat, ?null : ??Nat, null : ??Nat, ?"x" : ?Text));
  encoded("record-wide", to_candid ({ a = 1; b = ?"x"; c = ?2 }));
  encoded("record-narrow", to_candid ({ a = 5 }));
  encoded("variant-c", to_candid (#C("z") : Big));
  encoded("variant-d", to_candid (#D(2 ** 70) : Big));
  encoded("opt-variants", to_candid ([?#A, ?#B(1), null] : [?Small]));
  encoded("nat", to_candid (5 : Nat));
  encoded("none", to_candid ());
  encoded("bool-null", to_candid (true, null, false));
  // For the generated C types (typed.c) only: every TransferError case,
  // references, and the two large values.
  encoded("err-BadFee", to_candid (#Err(#BadFee { expected_fee = 10_000 }) : TransferResult));
  encoded("err-BadBurn", to_candid (#Err(#BadBurn { min_burn_amount = 1 }) : TransferResult));
  encoded("err-InsufficientFunds", to_candid (#Err(#InsufficientFunds { balance = 5 }) : TransferResult));
  encoded("err-TooOld", to_candid (#Err(#TooOld) : TransferResult));
  encoded("err-CreatedInFuture", to_candid (#Err(#CreatedInFuture { ledger_time = 18_446_744_073_709_551_615 }) : TransferResult));
  encoded("err-Duplicate", to_candid (#Err(#Duplicate { duplicate_of = 18_446_744_073_709_551_615 }) : TransferResult));
  encoded("err-TemporarilyUnavailable", to_candid (#Err(#TemporarilyUnavailable) : TransferResult));
  encoded("err-GenericError", to_candid (#Err(#GenericError { error_code = 7; message = "busy" }) : TransferResult));
  let svc = actor ("ryjl3-tyaaa-aaaaa-aaaba-cai") : actor { q : shared query Nat -> async Text; m : shared () -> async () };
  encoded("refs", to_candid (svc.q, svc));
  encoded("blob-64k", to_candid (Prim.arrayToBlob(Prim.Array_tabulate<Nat8>(bigBlobSize, bigBlobByte))));
  encoded("rows-10000", to_candid (Prim.Array_tabulate<Row>(rowCount, row)));
  let generator = Random.Generator(Prim.natToNat32(seed));
  var k = 0;
  while (k < randomCount) {
    encoded("random-" # decimal k, Random.message(generator, k));
    k += 1;
  };
};
var index = 0;
while (index < count) {
  let kind = Prim.nat8ToNat(bytes[pos]);
  pos += 1;
  let length = u32();
  if (index >= start) {
    let at = pos;
    let message = Prim.arrayToBlob(Prim.Array_tabulate<Nat8>(length, func i = bytes[at + i]));
    Prim.debugPrint("D " # decimal index); // before decoding, which may trap
    emit(decode(kind, message));
  };
  pos += length;
  index += 1;
};

Prim.debugPrint("END");
