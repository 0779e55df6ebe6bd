// The expected answers of the Motoko oracle test (oracle.mjs). Every
// expectation is the spec's answer (../shared/candid-reference/Candid.md),
// written in the printing of the side that decodes: Motoko's debug_show of the
// ?value that from_candid returns, or the text of `candid decode`. 'reject'
// means the message must not decode: from_candid returns null (or traps on
// malformed bytes), `candid decode` exits with status 1.

// Type definitions that the `candid` side uses (-d), the same types as in Oracle.mo.
export const DID = `
type List = opt record { head : int; tail : List };
type Account = record { owner : principal; subaccount : opt blob };
type TransferArg = record {
  from_subaccount : opt blob;
  to : Account;
  amount : nat;
  fee : opt nat;
  memo : opt blob;
  created_at_time : opt nat64;
};
type TransferError = variant {
  BadFee : record { expected_fee : nat };
  BadBurn : record { min_burn_amount : nat };
  InsufficientFunds : record { balance : nat };
  TooOld;
  CreatedInFuture : record { ledger_time : nat64 };
  Duplicate : record { duplicate_of : nat };
  TemporarilyUnavailable;
  GenericError : record { error_code : nat; message : text };
};
type TransferResult = variant { Ok : nat; Err : TransferError };
type Small = variant { A; B : nat8 };
type Big = variant { A; B : nat8; C : text; D : nat };
`;

// The Motoko types that Oracle.mo decodes at, by number (its `decode`).
export const KINDS = [
  'big', //            (Nat, Int)
  'fixed', //          (Nat8, Nat16, Nat32, Nat64, Int8, Int16, Int32, Int64)
  'floats', //         (Float, Float, Float, Float, Float), printed as %.16e
  'texts', //          (Text, Blob, Principal)
  'composite', //      (?Nat, [Int], { a : Nat; b : ?Text }, { #A; #B : Nat8; #C : Text })
  'list', //           List
  'transfer', //       TransferArg
  'record-a', //       { a : Nat }
  'record-abc', //     { a : Nat; b : ?Text; c : ?Nat }
  'small', //          Small = { #A; #B : Nat8 }
  'opt-small', //      ?Small
  'big-variant', //    Big = { #A; #B : Nat8; #C : Text; #D : Nat }
  'int', //            Int
  'opt-nat', //        ?Nat
  'nat', //            Nat
  'misc', //           (Bool, Null, {}, Text)
  'vec-opt-small', //  [?Small]
  'text', //           Text
  'map', //            [(Text, Nat)]
  'opt-opt-nat', //    ??Nat
  'transfer-result', // TransferResult
  'func-query', //     shared query Nat -> async Text
  'func-update', //    shared Nat -> async Text
  'func-wide', //      shared query (Nat, ?Nat) -> async (Text, ?Nat)
  'func-int', //       shared query Int -> async Text
  'service-m', //      actor { m : shared () -> async () }
  'any', //            Any (Candid's reserved), printed as "ok"
  'opt-int', //        ?Int
  'small-record', //   { #A : {}; #B : Nat8 }
  'blob-64k', //       Blob, checked against the 64 KiB of typed.c: "ok 65536"
  'rows', //           [Row], checked against the 10,000 rows of typed.c: "ok 10000"
  'old-rows', //       [OldRow] (Row without score), the same rows
];

const FIXED = '(nat8, nat16, nat32, nat64, int8, int16, int32, int64)';
const FLOATS = '(float64, float64, float64, float64, float64)';
const COMPOSITE = '(opt nat, vec int, record { a : nat; b : opt text }, variant { A; B : nat8; C : text })';
const LEDGER = 'principal "ryjl3-tyaaa-aaaaa-aaaba-cai"';
const TRANSFER_VALUE =
  `(record { to = record { owner = ${LEDGER}; subaccount = opt blob "\\01\\02" }; amount = 1_000_000; ` +
  'fee = opt 10_000; memo = opt blob "coffee"; from_subaccount = null; created_at_time = opt 1_700_000_000_000_000_000 })';
export const TRANSFER_MOTOKO =
  '?{amount = 1_000_000; created_at_time = ?1_700_000_000_000_000_000; fee = ?10_000; from_subaccount = null; ' +
  'memo = ?"\\63\\6F\\66\\66\\65\\65"; to = {owner = ryjl3-tyaaa-aaaaa-aaaba-cai; subaccount = ?"\\01\\02"}}';

// A list of n nodes, as `candid` text and as Motoko prints it.
function listText(n) {
  let s = 'null';
  for (let i = n - 1; i >= 0; i--) s = `opt record { head = ${i}; tail = ${s} }`;
  return `(${s})`;
}
export function listMotoko(n) {
  let s = 'null';
  for (let i = n - 1; i >= 0; i--) s = `?{head = ${i ? '+' + i : 0}; tail = ${s}}`;
  return `?(${s})`;
}

// The two large values, built as Oracle.mo and typed/typed.c build them: a
// 64 KiB blob and 10,000 rows, as `candid` text.
const ROWS = '(vec record { id : nat32; name : text; score : opt int64 })';
function bigBlobText() {
  let s = '';
  for (let i = 0; i < 65536; i++) s += '\\' + ((i * 7 + 3) % 256).toString(16).padStart(2, '0');
  return `(blob "${s}")`;
}
function rowsText() {
  const rows = [];
  for (let i = 0; i < 10000; i++) {
    const score = i % 3 === 0 ? 'null' : `opt (${i * 1000 - 5000000} : int64)`;
    rows.push(`record { id = ${i}; name = "item-${i}"; score = ${score} }`);
  }
  return `(vec { ${rows.join('; ')} })`;
}

function listCli(n) {
  let s = 'null';
  for (let i = n - 1; i >= 0; i--)
    s = `opt record { head = ${i.toLocaleString('en').replaceAll(',', '_')} : int; tail = ${s} }`;
  return `(${s})`;
}

// Messages that `candid encode` makes from `value` at `type`, decoded by
// Motoko at `kind`.
export const MOTOKO_DECODE = [
  {
    name: 'nat and int beyond 64 bits',
    kind: 'big',
    type: '(nat, int)',
    value: '(340282366920938463463374607431768211456, -170141183460469231731687303715884105728)',
    motoko:
      '?(340_282_366_920_938_463_463_374_607_431_768_211_456, -170_141_183_460_469_231_731_687_303_715_884_105_728)',
  },
  { name: 'nat and int zero', kind: 'big', type: '(nat, int)', value: '(0, 0)', motoko: '?(0, 0)' },
  {
    name: 'nat and int at 2^64',
    kind: 'big',
    type: '(nat, int)',
    value: '(18446744073709551616, 18446744073709551616)',
    motoko: '?(18_446_744_073_709_551_616, +18_446_744_073_709_551_616)',
  },
  { name: 'nat <: int', kind: 'big', type: '(nat, nat)', value: '(1, 2)', motoko: '?(1, +2)' },
  { name: 'int is no nat', kind: 'big', type: '(int, int)', value: '(1, 2)', motoko: 'reject' },
  {
    name: 'fixed-width maxima',
    kind: 'fixed',
    type: FIXED,
    value: '(255, 65535, 4294967295, 18446744073709551615, 127, 32767, 2147483647, 9223372036854775807)',
    motoko:
      '?(255, 65_535, 4_294_967_295, 18_446_744_073_709_551_615, +127, +32_767, +2_147_483_647, +9_223_372_036_854_775_807)',
  },
  {
    name: 'fixed-width minima',
    kind: 'fixed',
    type: FIXED,
    value: '(0, 0, 0, 0, -128, -32768, -2147483648, -9223372036854775808)',
    motoko: '?(0, 0, 0, 0, -128, -32_768, -2_147_483_648, -9_223_372_036_854_775_808)',
  },
  {
    name: 'fixed width is exact (nat16 for nat8)',
    kind: 'fixed',
    type: '(nat16, nat16, nat32, nat64, int8, int16, int32, int64)',
    value: '(1, 2, 3, 4, 5, 6, 7, 8)',
    motoko: 'reject',
  },
  {
    name: 'float64 values',
    kind: 'floats',
    type: FLOATS,
    value: '(1.5, -0.0, 1e300, 0.1, -2.5e-310)',
    motoko:
      '?(1.5000000000000000e0, -0.0000000000000000e0, 1.0000000000000001e300, 1.0000000000000001e-1, -2.5000000000000171e-310)',
  },
  {
    name: 'float32 is no float64',
    kind: 'floats',
    type: '(float32, float64, float64, float64, float64)',
    value: '(1.5, 1.5, 1.5, 1.5, 1.5)',
    motoko: 'reject',
  },
  {
    name: 'text (multibyte), blob, principal',
    kind: 'texts',
    type: '(text, blob, principal)',
    value: `("h\u00e9llo \u20ac \u{1F600} \\"q\\"\\n", blob "\\00\\ff\\7f", ${LEDGER})`,
    motoko: '?("h\u00e9llo \u20ac \u{1F600} "q"\n", "\\00\\FF\\7F", ryjl3-tyaaa-aaaaa-aaaba-cai)',
  },
  {
    name: 'empty text, blob, management principal',
    kind: 'texts',
    type: '(text, blob, principal)',
    value: '("", blob "", principal "aaaaa-aa")',
    motoko: '?("", "", aaaaa-aa)',
  },
  {
    name: 'blob is no text',
    kind: 'texts',
    type: '(blob, blob, principal)',
    value: '(blob "abc", blob "", principal "aaaaa-aa")',
    motoko: 'reject',
  },
  {
    name: 'opt, vec, record, variant',
    kind: 'composite',
    type: COMPOSITE,
    value: '(opt 7, vec { -1; 0; 1 }, record { a = 1; b = opt "x" }, variant { C = "z" })',
    motoko: '?(?7, [-1, 0, +1], {a = 1; b = ?"x"}, #C("z"))',
  },
  {
    name: 'null, empty vec, null field, unit case',
    kind: 'composite',
    type: COMPOSITE,
    value: '(null, vec {}, record { a = 0; b = null }, variant { A })',
    motoko: '?(null, [], {a = 0; b = null}, #A)',
  },
  { name: 'recursive list of 3', kind: 'list', type: '(List)', value: listText(3), motoko: listMotoko(3) },
  { name: 'recursive list, empty', kind: 'list', type: '(List)', value: '(null)', motoko: '?null' },
  { name: 'recursive list of 1000', kind: 'list', type: '(List)', value: listText(1000), motoko: listMotoko(1000) },
  { name: 'recursive list of 10000', kind: 'list', type: '(List)', value: listText(10000), motoko: listMotoko(10000) },
  { name: '64 KiB blob', kind: 'blob-64k', type: '(blob)', value: bigBlobText(), motoko: 'ok 65536' },
  { name: 'vec record of 10000', kind: 'rows', type: ROWS, value: rowsText(), motoko: 'ok 10000' },
  { name: 'vec record of 10000 at an older record', kind: 'old-rows', type: ROWS, value: rowsText(), motoko: 'ok 10000' },
  {
    name: 'ICRC-1 TransferArg',
    kind: 'transfer',
    type: '(TransferArg)',
    value: TRANSFER_VALUE,
    motoko: TRANSFER_MOTOKO,
  },
  {
    name: 'TransferArg with a field added by a newer sender',
    kind: 'transfer',
    type:
      '(record { to : Account; amount : nat; fee : opt nat; memo : opt blob; from_subaccount : opt blob; ' +
      'created_at_time : opt nat64; extra : vec record { text; nat } })',
    value: TRANSFER_VALUE.replace(' })', '; extra = vec { record { "k"; 1 }; record { "l"; 2 } } })'),
    motoko: TRANSFER_MOTOKO,
  },
  {
    name: 'TransferArg from an older sender without the opt fields',
    kind: 'transfer',
    type: '(record { to : Account; amount : nat })',
    value: `(record { to = record { owner = ${LEDGER}; subaccount = null }; amount = 1 })`,
    motoko:
      '?{amount = 1; created_at_time = null; fee = null; from_subaccount = null; memo = null; ' +
      'to = {owner = ryjl3-tyaaa-aaaaa-aaaba-cai; subaccount = null}}',
  },
  {
    name: 'TransferArg without its required amount',
    kind: 'transfer',
    type: '(record { to : Account; fee : opt nat })',
    value: `(record { to = record { owner = ${LEDGER}; subaccount = null }; fee = opt 1 })`,
    motoko: 'reject',
  },
  {
    name: 'TransferResult Ok',
    kind: 'transfer-result',
    type: '(TransferResult)',
    value: '(variant { Ok = 42 })',
    motoko: '?(#Ok(42))',
  },
  {
    name: 'TransferResult Err GenericError',
    kind: 'transfer-result',
    type: '(TransferResult)',
    value: '(variant { Err = variant { GenericError = record { error_code = 7; message = "busy" } } })',
    motoko: '?(#Err(#GenericError({error_code = 7; message = "busy"})))',
  },
  {
    name: 'TransferResult with an error case added by a newer ledger',
    kind: 'transfer-result',
    type: '(variant { Ok : nat; Err : variant { TooOld; Frozen : text } })',
    value: '(variant { Err = variant { Frozen = "until 2027" } })',
    motoko: 'reject',
  },
  {
    name: 'record read with fewer fields',
    kind: 'record-a',
    type: '(record { a : nat; b : opt text; c : opt nat })',
    value: '(record { a = 1; b = opt "x"; c = opt 2 })',
    motoko: '?{a = 1}',
  },
  {
    name: 'record skipping a recursive list of 300',
    kind: 'record-a',
    type: '(record { a : nat; z : List })',
    value: listText(300).replace(/^\((.*)\)$/, '(record { a = 1; z = $1 })'),
    motoko: '?{a = 1}',
  },
  {
    name: 'record skipping func and service references',
    kind: 'record-a',
    type: '(record { a : nat; f : func (nat) -> (text) query; s : service { m : () -> () } })',
    value: '(record { a = 1; f = func "aaaaa-aa".m; s = service "ryjl3-tyaaa-aaaaa-aaaba-cai" })',
    motoko: '?{a = 1}',
  },
  {
    name: 'record read with added opt fields',
    kind: 'record-abc',
    type: '(record { a : nat })',
    value: '(record { a = 5 })',
    motoko: '?{a = 5; b = null; c = null}',
  },
  {
    name: 'opt field of another type reads as null',
    kind: 'record-abc',
    type: '(record { a : nat; b : opt nat })',
    value: '(record { a = 5; b = opt 3 })',
    motoko: '?{a = 5; b = null; c = null}',
  },
  {
    name: 'plain field read at opt',
    kind: 'record-abc',
    type: '(record { a : nat; b : text })',
    value: '(record { a = 5; b = "t" })',
    motoko: '?{a = 5; b = ?"t"; c = null}',
  },
  {
    name: 'reserved field read at opt',
    kind: 'record-abc',
    type: '(record { a : nat; b : reserved })',
    value: '(record { a = 5; b = null })',
    motoko: '?{a = 5; b = null; c = null}',
  },
  { name: 'variant', kind: 'small', type: '(Small)', value: '(variant { B = 3 })', motoko: '?(#B(3))' },
  {
    name: 'variant with an added case, known case',
    kind: 'small',
    type: '(Big)',
    value: '(variant { B = 3 })',
    motoko: '?(#B(3))',
  },
  {
    name: 'variant with an added case, new case',
    kind: 'small',
    type: '(Big)',
    value: '(variant { C = "z" })',
    motoko: 'reject',
  },
  {
    name: 'opt variant with an added case, new case',
    kind: 'opt-small',
    type: '(opt Big)',
    value: '(opt variant { C = "z" })',
    motoko: '?null',
  },
  {
    name: 'variant at opt variant, new case',
    kind: 'opt-small',
    type: '(Big)',
    value: '(variant { C = "z" })',
    motoko: '?null',
  },
  {
    name: 'opt variant, known case',
    kind: 'opt-small',
    type: '(opt Small)',
    value: '(opt variant { A })',
    motoko: '?(?(#A))',
  },
  {
    name: 'variant read with more cases',
    kind: 'big-variant',
    type: '(Small)',
    value: '(variant { A })',
    motoko: '?(#A)',
  },
  {
    name: 'variant case with a big nat',
    kind: 'big-variant',
    type: '(Big)',
    value: '(variant { D = 1180591620717411303424 })',
    motoko: '?(#D(1_180_591_620_717_411_303_424))',
  },
  {
    name: 'vec of opt variants with new cases',
    kind: 'vec-opt-small',
    type: '(vec opt Big)',
    value: '(vec { opt variant { A }; opt variant { C = "x" }; null; opt variant { B = 1 } })',
    motoko: '?[?(#A), null, null, ?(#B(1))]',
  },
  { name: 'nat at int', kind: 'int', type: '(nat)', value: '(5)', motoko: '?(+5)' },
  {
    name: 'int below -2^64',
    kind: 'int',
    type: '(int)',
    value: '(-1267650600228229401496703205376)',
    motoko: '?(-1_267_650_600_228_229_401_496_703_205_376)',
  },
  { name: 'nat64 is no int', kind: 'int', type: '(nat64)', value: '(5)', motoko: 'reject' },
  { name: 'nat at opt nat', kind: 'opt-nat', type: '(nat)', value: '(5)', motoko: '?(?5)' },
  { name: 'opt nat', kind: 'opt-nat', type: '(opt nat)', value: '(opt 5)', motoko: '?(?5)' },
  { name: 'null at opt nat', kind: 'opt-nat', type: '(null)', value: '(null)', motoko: '?null' },
  { name: 'missing argument at opt nat', kind: 'opt-nat', type: '()', value: '()', motoko: '?null' },
  { name: 'text at opt nat', kind: 'opt-nat', type: '(text)', value: '("x")', motoko: '?null' },
  { name: 'opt text at opt nat', kind: 'opt-nat', type: '(opt text)', value: '(opt "x")', motoko: '?null' },
  { name: 'reserved at opt nat', kind: 'opt-nat', type: '(reserved)', value: '(null)', motoko: '?null' },
  { name: 'opt opt nat at opt nat', kind: 'opt-nat', type: '(opt opt nat)', value: '(opt opt 5)', motoko: '?null' },
  { name: 'opt nat at opt opt nat', kind: 'opt-opt-nat', type: '(opt nat)', value: '(opt 5)', motoko: '?(?(?5))' },
  { name: 'nat at opt opt nat', kind: 'opt-opt-nat', type: '(nat)', value: '(5)', motoko: '?(?(?5))' },
  { name: 'null of opt nat at opt opt nat', kind: 'opt-opt-nat', type: '(opt nat)', value: '(null)', motoko: '?null' },
  {
    name: 'opt null at opt opt nat',
    kind: 'opt-opt-nat',
    type: '(opt opt nat)',
    value: '(opt null)',
    motoko: '?(?null)',
  },
  { name: 'opt text at opt opt nat', kind: 'opt-opt-nat', type: '(opt text)', value: '(opt "x")', motoko: '?(?null)' },
  { name: 'extra arguments ignored', kind: 'nat', type: '(nat, text)', value: '(7, "extra")', motoko: '?7' },
  { name: 'missing argument at nat', kind: 'nat', type: '()', value: '()', motoko: 'reject' },
  { name: 'opt nat is no nat', kind: 'nat', type: '(opt nat)', value: '(opt 5)', motoko: 'reject' },
  {
    name: 'vec of tuples (a map)',
    kind: 'map',
    type: '(vec record { text; nat })',
    value: '(vec { record { "a"; 1 }; record { "\u{e9}"; 18446744073709551616 } })',
    motoko: '?[("a", 1), ("\u00e9", 18_446_744_073_709_551_616)]',
  },
  {
    name: 'bool, null, record read as empty, text',
    kind: 'misc',
    type: '(bool, null, record { a : nat; b : vec text }, text)',
    value: '(true, null, record { a = 1; b = vec { "x" } }, "t")',
    motoko: '?(true, null, {}, "t")',
  },
];

// Motoko's to_candid of the values labelled in Oracle.mo, decoded by
// `candid decode -t type`; `exact` marks the type Motoko encoded at.
export const ENCODED = [
  // The large values: `candid decode`'s reading of Motoko's bytes must be its
  // reading of its own encoding of the same value (roundtrip, the text being
  // too long to write here).
  { label: 'blob-64k', type: '(blob)', roundtrip: bigBlobText() },
  { label: 'rows-10000', type: ROWS, roundtrip: rowsText() },
  {
    label: 'rows-10000',
    type: '(vec record { id : nat32; name : text })',
    roundtrip: rowsText().replace(/; score = [^}]*}/g, ' }'),
  },
  {
    label: 'big',
    exact: true,
    type: '(nat, int, nat, int)',
    cli:
      '(340_282_366_920_938_463_463_374_607_431_768_211_456 : nat, -170_141_183_460_469_231_731_687_303_715_884_105_728 : int, ' +
      '0 : nat, 18_446_744_073_709_551_616 : int)',
  },
  {
    label: 'fixed-max',
    exact: true,
    type: FIXED,
    cli:
      '(255 : nat8, 65535 : nat16, 4_294_967_295 : nat32, 18_446_744_073_709_551_615 : nat64, 127 : int8, ' +
      '32767 : int16, 2147483647 : int32, 9_223_372_036_854_775_807 : int64)',
  },
  {
    label: 'fixed-min',
    exact: true,
    type: FIXED,
    cli:
      '(0 : nat8, 0 : nat16, 0 : nat32, 0 : nat64, -128 : int8, -32768 : int16, -2147483648 : int32, ' +
      '-9_223_372_036_854_775_808 : int64)',
  },
  {
    label: 'floats',
    exact: true,
    type: FLOATS,
    cli: '(1.5 : float64, -0.0 : float64, 1e+300 : float64, 0.1 : float64, -2.5e-310 : float64)',
  },
  { label: 'float-inf', exact: true, type: '(float64, float64)', cli: '(inf : float64, -inf : float64)' },
  {
    label: 'texts',
    exact: true,
    type: '(text, blob, principal)',
    cli: '("h\u00e9llo \u20ac \u{1F600} \\"q\\"\\n", blob "\\00\\ff\\7f", principal "ryjl3-tyaaa-aaaaa-aaaba-cai")',
  },
  { label: 'escapes', exact: true, type: '(text)', cli: '("\\t\\r\\7f\\00\u0085\\\\ \' \u{10FFFF}")' },
  {
    label: 'keywords',
    exact: true, // Motoko's type_ is Candid's "type"
    type: '(record { "type" : nat; "service" : text; "vec" : nat8 })',
    cli: '(record { "vec" = 2 : nat8; "service" = "s"; "type" = 1 : nat })',
  },
  { label: 'empty-texts', exact: true, type: '(text, blob, principal)', cli: '("", blob "", principal "aaaaa-aa")' },
  {
    label: 'composite',
    exact: true,
    type: COMPOSITE,
    cli: '(opt (7 : nat), vec { -1 : int; 0 : int; 1 : int }, record { a = 1 : nat; b = opt "x" }, variant { C = "z" })',
  },
  {
    label: 'list',
    exact: true,
    type: '(List)',
    cli: '(opt record { head = 1 : int; tail = opt record { head = -2 : int; tail = opt record { head = 300 : int; tail = null } } })',
  },
  { label: 'list-2000', exact: true, type: '(List)', cli: listCli(2000) },
  {
    label: 'map',
    exact: true,
    type: '(vec record { text; nat })',
    cli: '(vec { record { "a"; 1 : nat }; record { "\u00e9"; 2 : nat }; record { ""; 18_446_744_073_709_551_616 : nat } })',
  },
  {
    label: 'transfer',
    exact: true,
    type: '(TransferArg)',
    cli:
      '(record { to = record { owner = principal "ryjl3-tyaaa-aaaaa-aaaba-cai"; subaccount = opt blob "\\01\\02" }; ' +
      'fee = opt (10_000 : nat); memo = opt blob "coffee"; from_subaccount = null; ' +
      'created_at_time = opt (1_700_000_000_000_000_000 : nat64); amount = 1_000_000 : nat })',
  },
  { label: 'result-ok', exact: true, type: '(TransferResult)', cli: '(variant { Ok = 42 : nat })' },
  {
    label: 'result-err',
    exact: true,
    type: '(TransferResult)',
    cli: '(variant { Err = variant { InsufficientFunds = record { balance = 5 : nat } } })',
  },
  { label: 'result-err', type: '(variant { Ok : nat; Err : variant { TooOld } })', cli: 'reject' },
  { label: 'result-err', type: '(opt variant { Ok : nat; Err : variant { TooOld } })', cli: '(null)' },
  {
    label: 'opt-opt',
    type: '(opt opt nat, opt opt nat, opt opt nat, opt opt nat)',
    cli: '(opt opt (5 : nat), opt null, null, opt null)',
  },
  { label: 'opt-opt', type: '(opt nat, opt nat, opt nat)', cli: '(null, null, null)' },
  {
    label: 'opt-opt',
    exact: true,
    type: '(opt opt nat, opt opt nat, opt opt nat, opt text)',
    cli: '(opt opt (5 : nat), opt null, null, opt "x")',
  },
  {
    label: 'record-wide',
    exact: true,
    type: '(record { a : nat; b : opt text; c : opt nat })',
    cli: '(record { a = 1 : nat; b = opt "x"; c = opt (2 : nat) })',
  },
  { label: 'record-wide', type: '(record { a : nat })', cli: '(record { a = 1 : nat })' },
  { label: 'record-narrow', exact: true, type: '(record { a : nat })', cli: '(record { a = 5 : nat })' },
  {
    label: 'record-narrow',
    type: '(record { a : nat; b : opt text; c : opt nat })',
    cli: '(record { a = 5 : nat; b = null; c = null })',
  },
  { label: 'variant-c', exact: true, type: '(Big)', cli: '(variant { C = "z" })' },
  { label: 'variant-d', exact: true, type: '(Big)', cli: '(variant { D = 1_180_591_620_717_411_303_424 : nat })' },
  { label: 'variant-c', type: '(Small)', cli: 'reject' },
  { label: 'variant-c', type: '(opt Small)', cli: '(null)' },
  {
    label: 'opt-variants',
    exact: true,
    type: '(vec opt Small)',
    cli: '(vec { opt variant { A }; opt variant { B = 1 : nat8 }; null })',
  },
  { label: 'opt-variants', type: '(vec opt variant { A })', cli: '(vec { opt variant { A }; null; null })' },
  { label: 'nat', exact: true, type: '(nat)', cli: '(5 : nat)' },
  { label: 'nat', type: '(int)', cli: '(5 : int)' },
  { label: 'nat', type: '(opt nat)', cli: '(opt (5 : nat))' },
  { label: 'nat', type: '(nat64)', cli: 'reject' },
  { label: 'none', exact: true, type: '()', cli: '()' },
  { label: 'none', type: '(opt nat)', cli: '(null)' },
  { label: 'none', type: '(nat)', cli: 'reject' },
  { label: 'bool-null', exact: true, type: '(bool, null, bool)', cli: '(true, null, false)' },
  { label: 'bool-null', type: '(bool)', cli: '(true)' },
];

// Messages that `candid encode` makes at `type`, read at other types by
// both: Motoko at `kind`, `candid decode` at `expected`.
export const COERCIONS = [
  {
    name: 'variant case of record {} at a case of null',
    type: '(variant { A : record {}; B : nat8 })',
    value: '(variant { A = record {} })',
    kind: 'small',
    expected: '(Small)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'variant case of null at a case of record {}',
    type: '(Small)',
    value: '(variant { A })',
    kind: 'small-record',
    expected: '(variant { A : record {}; B : nat8 })',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'variant case of record {}',
    type: '(variant { A : record {}; B : nat8 })',
    value: '(variant { A = record {} })',
    kind: 'small-record',
    expected: '(variant { A : record {}; B : nat8 })',
    motoko: '?(#A({}))',
    cli: '(variant { A = record {} })',
  },
  {
    name: 'missing argument at reserved',
    type: '()',
    value: '()',
    kind: 'any',
    expected: '(reserved)',
    motoko: 'ok',
    cli: '(null)',
  },
  {
    name: 'vec text at reserved',
    type: '(vec text)',
    value: '(vec { "a"; "b" })',
    kind: 'any',
    expected: '(reserved)',
    motoko: 'ok',
    cli: '(null)',
  },
  {
    name: 'opt nat at opt int',
    type: '(opt nat)',
    value: '(opt 5)',
    kind: 'opt-int',
    expected: '(opt int)',
    motoko: '?(?(+5))',
    cli: '(opt (5 : int))',
  },
  {
    name: 'nat at opt int',
    type: '(nat)',
    value: '(7)',
    kind: 'opt-int',
    expected: '(opt int)',
    motoko: '?(?(+7))',
    cli: '(opt (7 : int))',
  },
  {
    name: 'int at opt nat',
    type: '(int)',
    value: '(7)',
    kind: 'opt-nat',
    expected: '(opt nat)',
    motoko: '?null',
    cli: '(null)',
  },
  {
    name: 'vec nat at vec int',
    type: '(opt nat, vec nat, record { a : nat; b : opt text }, variant { A })',
    value: '(null, vec { 1; 2 }, record { a = 0; b = null }, variant { A })',
    kind: 'composite',
    expected: COMPOSITE,
    motoko: '?(null, [+1, +2], {a = 0; b = null}, #A)',
    cli: '(null, vec { 1 : int; 2 : int }, record { a = 0 : nat; b = null }, variant { A })',
  },
  {
    name: 'opt record failing deep inside reads as null',
    type: '(opt record { a : nat; b : opt text }, vec int, record { a : nat; b : opt text }, variant { A })',
    value: '(opt record { a = 1; b = null }, vec {}, record { a = 0; b = null }, variant { A })',
    kind: 'composite',
    expected: COMPOSITE,
    motoko: '?(null, [], {a = 0; b = null}, #A)',
    cli: '(null, vec {}, record { a = 0 : nat; b = null }, variant { A })',
  },
];

// References, whose coercion needs the subtype check of their types: `candid
// encode` makes the message at `type`, which Motoko decodes at `kind` (and
// says "ok") and `candid decode` at `expected`.
const FUNC = 'func "aaaaa-aa".m';
export const REFERENCES = [
  {
    name: 'same func type',
    type: '(func (nat) -> (text) query)',
    value: `(${FUNC})`,
    kind: 'func-query',
    expected: '(func (nat) -> (text) query)',
    motoko: 'ok',
    cli: `(${FUNC})`,
  },
  {
    name: 'query func at update func',
    type: '(func (nat) -> (text) query)',
    value: `(${FUNC})`,
    kind: 'func-update',
    expected: '(func (nat) -> (text))',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'update func at query func',
    type: '(func (nat) -> (text))',
    value: `(${FUNC})`,
    kind: 'func-query',
    expected: '(func (nat) -> (text) query)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'func at one taking an extra opt argument and giving an extra opt result',
    type: '(func (nat) -> (text) query)',
    value: `(${FUNC})`,
    kind: 'func-wide',
    expected: '(func (nat, opt nat) -> (text, opt nat) query)',
    motoko: 'ok',
    cli: `(${FUNC})`,
  },
  {
    name: 'func taking int at one taking nat',
    type: '(func (int) -> (text) query)',
    value: `(${FUNC})`,
    kind: 'func-query',
    expected: '(func (nat) -> (text) query)',
    motoko: 'ok',
    cli: `(${FUNC})`,
  },
  {
    name: 'func taking nat at one taking int',
    type: '(func (nat) -> (text) query)',
    value: `(${FUNC})`,
    kind: 'func-int',
    expected: '(func (int) -> (text) query)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'func giving nat at one giving text',
    type: '(func (nat) -> (nat) query)',
    value: `(${FUNC})`,
    kind: 'func-query',
    expected: '(func (nat) -> (text) query)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'service with an extra method',
    type: '(service { m : () -> (); n : (nat) -> () })',
    value: '(service "aaaaa-aa")',
    kind: 'service-m',
    expected: '(service { m : () -> () })',
    motoko: 'ok',
    cli: '(service "aaaaa-aa")',
  },
  {
    name: 'service without the method',
    type: '(service { n : () -> () })',
    value: '(service "aaaaa-aa")',
    kind: 'service-m',
    expected: '(service { m : () -> () })',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'service with the method at another type',
    type: '(service { m : (nat) -> () })',
    value: '(service "aaaaa-aa")',
    kind: 'service-m',
    expected: '(service { m : () -> () })',
    motoko: 'reject',
    cli: 'reject',
  },
];

// Hand-written messages decoded by both, at `kind` in Motoko and `type` in `candid`.
export const BYTES = [
  {
    name: 'float64 specials',
    hex:
      '4449444c0005' +
      '72'.repeat(5) +
      '000000000000f07f' +
      '000000000000f0ff' +
      '0100000000000000' +
      '0000000000000080' +
      'ffffffffffffef7f',
    kind: 'floats',
    type: FLOATS,
    motoko: '?(inf, -inf, 4.9406564584124654e-324, -0.0000000000000000e0, 1.7976931348623157e308)',
    cli: '(inf : float64, -inf : float64, 5e-324 : float64, -0.0 : float64, 1.7976931348623157e+308 : float64)',
  },
  {
    name: 'nat: overlong LEB128',
    hex: '4449444c00017d8000',
    kind: 'nat',
    type: '(nat)',
    motoko: '?0',
    cli: '(0 : nat)',
  },
  {
    name: 'nat: LEB128 cut short',
    hex: '4449444c00017d80',
    kind: 'nat',
    type: '(nat)',
    motoko: 'reject',
    cli: 'reject',
  },
  { name: 'trailing bytes', hex: '4449444c00017d0500', kind: 'nat', type: '(nat)', motoko: 'reject', cli: 'reject' },
  {
    name: 'text: invalid UTF-8',
    hex: '4449444c00017101ff',
    kind: 'text',
    type: '(text)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'text: length beyond the input',
    hex: '4449444c0001710561',
    kind: 'text',
    type: '(text)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'bool: byte 2',
    hex: '4449444c016c00047e7f00710200',
    kind: 'misc',
    type: '(bool, null, record {}, text)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'variant: case index out of range',
    hex: '4449444c016b02417f427b010002',
    kind: 'small',
    type: '(Small)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'record: fields out of order in the type table',
    hex: '4449444c016c02627d617d01000102',
    kind: 'record-a',
    type: '(record { a : nat })',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'opt: tag byte 2',
    hex: '4449444c016e7d01000205',
    kind: 'opt-nat',
    type: '(opt nat)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'vec: length beyond the input',
    hex: '4449444c016d7d0100ffffffff0f',
    kind: 'vec-opt-small',
    type: '(vec nat)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'principal: opaque reference flag',
    hex: '4449444c016d7b03710068000000',
    kind: 'texts',
    type: '(text, blob, principal)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'service reference at principal',
    hex: '4449444c0269006d7b0371010000000103caffee',
    kind: 'texts',
    type: '(text, blob, principal)',
    motoko: '?("", "", w7x7r-cok77-xa)',
    cli: '("", blob "", principal "w7x7r-cok77-xa")',
  },
  {
    name: 'text: NUL inside',
    hex: '4449444c00017103610062',
    kind: 'text',
    type: '(text)',
    motoko: '?"a\u0000b"',
    cli: '("a\\00b")',
  },
  {
    name: 'text: UTF-16 surrogate',
    hex: '4449444c00017103eda080',
    kind: 'text',
    type: '(text)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'text: overlong UTF-8',
    hex: '4449444c00017102c080',
    kind: 'text',
    type: '(text)',
    motoko: 'reject',
    cli: 'reject',
  },
  { name: 'magic: DIDM', hex: '4449444d00017d05', kind: 'nat', type: '(nat)', motoko: 'reject', cli: 'reject' },
  {
    name: 'argument type index out of range',
    hex: '4449444c00010505',
    kind: 'nat',
    type: '(nat)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'variant: duplicate tags in the type table',
    hex: '4449444c016b02417f417f010000',
    kind: 'small',
    type: '(Small)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'variant: tags out of order in the type table',
    hex: '4449444c016b02427b417f010001',
    kind: 'small',
    type: '(Small)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'record: field id beyond 32 bits',
    hex: '4449444c016c0180808080107d010005',
    kind: 'record-a',
    type: '(record { a : nat })',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'record: extra field of type empty',
    hex: '4449444c016c02617d626f010005',
    kind: 'record-a',
    type: '(record { a : nat })',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'space bomb: 10^9 nulls as an extra argument',
    hex: '4449444c016d7f027d00058094ebdc03',
    kind: 'nat',
    type: '(nat)',
    motoko: 'reject',
    cli: 'reject',
  },
  {
    name: 'space bomb: 10^7 empty records as an extra argument',
    hex: '4449444c026d016c00027d000580ade204',
    kind: 'nat',
    type: '(nat)',
    motoko: 'reject',
    cli: 'reject',
  },
];

// Disagreements with the spec that are known and reported: "direction:name"
// (as the script prints them) -> whose answer departs from the spec, and how.
export const KNOWN = {
  'bytes:service reference at principal (motoko)':
    'Motoko returns null for a service reference read at principal; the spec has service <: principal ' +
    '(Candid.md, "Primitive Types"; test-suite/reference.test.did), libcandid accepts it',
  'motoko-decode:recursive list of 10000':
    "Motoko's from_candid recurses per node and runs out of Node's default stack (about 1 MB) on 10,000 nested " +
    'options (it decodes them with --stack-size=7000); the spec sets no depth limit, libcandid decodes the list',
};
