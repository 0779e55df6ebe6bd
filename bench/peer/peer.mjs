// The peer: @dfinity/candid on the messages bench-native wrote. For each
// case it decodes the bytes at the same types and encodes the decoded value
// back, and prints "peer CASE OP ns=N" (median of batches after warm-up).
// Usage: node peer.mjs DIR [--quick]
import { readFileSync, existsSync } from 'node:fs';
import { IDL } from '@dfinity/candid';

const dir = process.argv[2];
const quick = process.argv.includes('--quick');

const Account = IDL.Record({ owner: IDL.Principal, subaccount: IDL.Opt(IDL.Vec(IDL.Nat8)) });
const TransferError = IDL.Variant({
  GenericError: IDL.Record({ message: IDL.Text, error_code: IDL.Nat }),
  TemporarilyUnavailable: IDL.Null,
  BadBurn: IDL.Record({ min_burn_amount: IDL.Nat }),
  Duplicate: IDL.Record({ duplicate_of: IDL.Nat }),
  BadFee: IDL.Record({ expected_fee: IDL.Nat }),
  CreatedInFuture: IDL.Record({ ledger_time: IDL.Nat64 }),
  TooOld: IDL.Null,
  InsufficientFunds: IDL.Record({ balance: IDL.Nat }),
});
const List = IDL.Rec();
List.fill(IDL.Opt(IDL.Record({ head: IDL.Int, tail: List })));
const VariantList = IDL.Rec();
VariantList.fill(IDL.Variant({ nil: IDL.Null, cons: IDL.Record({ head: IDL.Int, tail: VariantList }) }));
const wide = {};
for (let i = 0; i < 16; i++) wide['_' + i + '_'] = IDL.Nat64;
const narrow = { _0_: IDL.Nat64, _5_: IDL.Nat64, _10_: IDL.Nat64, _15_: IDL.Nat64 };

const cases = {
  a: [IDL.Nat64],
  b: [IDL.Record({ id: IDL.Nat64, name: IDL.Text, tags: IDL.Vec(IDL.Text), balance: IDL.Nat, active: IDL.Bool })],
  c: [IDL.Vec(IDL.Nat8)],
  d: [IDL.Vec(IDL.Record({ a: IDL.Nat32, b: IDL.Text, c: IDL.Opt(IDL.Int64) }))],
  e1: [IDL.Record({
    to: Account, fee: IDL.Opt(IDL.Nat), memo: IDL.Opt(IDL.Vec(IDL.Nat8)),
    from_subaccount: IDL.Opt(IDL.Vec(IDL.Nat8)), created_at_time: IDL.Opt(IDL.Nat64), amount: IDL.Nat,
  })],
  e2ok: [IDL.Variant({ Ok: IDL.Nat, Err: TransferError })],
  e2err: [IDL.Variant({ Ok: IDL.Nat, Err: TransferError })],
  f: [List],
  blob2m: [IDL.Vec(IDL.Nat8)],
  text2m: [IDL.Text],
  vec_int16: [IDL.Vec(IDL.Int16)],
  vec_nat32: [IDL.Vec(IDL.Nat32)],
  vec_nat64: [IDL.Vec(IDL.Nat64)],
  vec_nat: [IDL.Vec(IDL.Nat)],
  map: [IDL.Vec(IDL.Tuple(IDL.Text, IDL.Nat))],
  optlist: [List],
  variantlist: [VariantList],
  rec16: [IDL.Vec(IDL.Record(wide))],
  rec16as4: [IDL.Vec(IDL.Record(narrow))],
  results: [IDL.Vec(IDL.Variant({ Ok: IDL.Nat, Err: IDL.Text }))],
};
const encodeTypes = { rec16as4: [IDL.Vec(IDL.Record(wide))] };

function median(xs) { xs.sort((a, b) => a - b); return xs[xs.length >> 1]; }

function measure(fn) {
  const target = quick ? 5e6 : 2e7;
  let iters = 1;
  for (let w = 0; w < 3; w++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) fn();
    const dt = Number(process.hrtime.bigint() - t0);
    if (dt < target) iters = Math.ceil(iters * target / (dt + 1));
  }
  const times = [];
  for (let b = 0; b < (quick ? 3 : 7); b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) fn();
    times.push(Number(process.hrtime.bigint() - t0) / iters);
  }
  return median(times);
}

for (const [name, types] of Object.entries(cases)) {
  const file = `${dir}/${name}.bin`;
  if (!existsSync(file)) continue;
  const bytes = new Uint8Array(readFileSync(file));
  let decoded;
  try {
    decoded = IDL.decode(types, bytes);
  } catch (e) {
    console.log(`peer ${name} decode FAILED ${String(e.message).split('\n')[0]}`);
    continue;
  }
  const dec = measure(() => IDL.decode(types, bytes));
  console.log(`peer ${name} decode ns=${dec.toFixed(1)}`);
  const encTypes = encodeTypes[name] ?? types;
  let value = decoded;
  if (encodeTypes[name]) value = IDL.decode(encTypes, bytes);
  let encoded;
  try {
    encoded = IDL.encode(encTypes, value);
  } catch (e) {
    console.log(`peer ${name} encode FAILED ${String(e.message).split('\n')[0]}`);
    continue;
  }
  const enc = measure(() => IDL.encode(encTypes, value));
  console.log(`peer ${name} encode ns=${enc.toFixed(1)} bytes=${encoded.length}`);
}
