// The typed direction of the oracle (typed/typed.c on the generated C
// types of typed/interop.did, run by oracle.mjs): what Motoko's from_candid
// must make of each message that the generated encoders wrote, by label,
// at one or more Motoko types (KINDS), older and newer ones included. The
// other direction's expectations are C code (typed.c's checks).
import { listMotoko, TRANSFER_MOTOKO } from './cases.mjs';

const err = (e) => `?(#Err(${e}))`;

export const TYPED_ENCODED = [
  {
    label: 'fixed-max',
    kind: 'fixed',
    motoko:
      '?(255, 65_535, 4_294_967_295, 18_446_744_073_709_551_615, +127, +32_767, +2_147_483_647, +9_223_372_036_854_775_807)',
  },
  {
    label: 'fixed-min',
    kind: 'fixed',
    motoko: '?(0, 0, 0, 0, -128, -32_768, -2_147_483_648, -9_223_372_036_854_775_808)',
  },
  {
    label: 'floats',
    kind: 'floats',
    motoko:
      '?(1.5000000000000000e0, -0.0000000000000000e0, 1.0000000000000001e300, 1.0000000000000001e-1, -2.5000000000000171e-310)',
  },
  {
    label: 'texts',
    kind: 'texts',
    motoko: '?("h\u00e9llo \u20ac \u{1F600} "q"\n", "\\00\\FF\\7F", ryjl3-tyaaa-aaaaa-aaaba-cai)',
  },
  { label: 'composite', kind: 'composite', motoko: '?(?7, [-1, 0, +1], {a = 1; b = ?"x"}, #C("z"))' },
  { label: 'list-3', kind: 'list', motoko: '?(?{head = +1; tail = ?{head = -2; tail = ?{head = +300; tail = null}}})' },
  { label: 'list-1000', kind: 'list', motoko: listMotoko(1000) },
  { label: 'transfer', kind: 'transfer', motoko: TRANSFER_MOTOKO },
  { label: 'result-ok', kind: 'transfer-result', motoko: '?(#Ok(42))' },
  { label: 'err-BadFee', kind: 'transfer-result', motoko: err('#BadFee({expected_fee = 10_000})') },
  { label: 'err-BadBurn', kind: 'transfer-result', motoko: err('#BadBurn({min_burn_amount = 1})') },
  { label: 'err-InsufficientFunds', kind: 'transfer-result', motoko: err('#InsufficientFunds({balance = 5})') },
  { label: 'err-TooOld', kind: 'transfer-result', motoko: err('#TooOld') },
  {
    label: 'err-CreatedInFuture',
    kind: 'transfer-result',
    motoko: err('#CreatedInFuture({ledger_time = 18_446_744_073_709_551_615})'),
  },
  {
    label: 'err-Duplicate',
    kind: 'transfer-result',
    motoko: err('#Duplicate({duplicate_of = 18_446_744_073_709_551_615})'),
  },
  { label: 'err-TemporarilyUnavailable', kind: 'transfer-result', motoko: err('#TemporarilyUnavailable') },
  { label: 'err-GenericError', kind: 'transfer-result', motoko: err('#GenericError({error_code = 7; message = "busy"})') },
  // A newer sender (opt fields b, c) and an older receiver, and the reverse.
  { label: 'wide', kind: 'record-a', motoko: '?{a = 1}' },
  { label: 'wide', kind: 'record-abc', motoko: '?{a = 1; b = ?"x"; c = ?2}' },
  { label: 'narrow', kind: 'record-abc', motoko: '?{a = 5; b = null; c = null}' },
  // A case the receiver's older variant lacks: null under opt, else no value.
  { label: 'big-c', kind: 'opt-small', motoko: '?null' },
  { label: 'big-c', kind: 'small', motoko: 'reject' },
  { label: 'big-c', kind: 'big-variant', motoko: '?(#C("z"))' },
  { label: 'small-b', kind: 'big-variant', motoko: '?(#B(7))' },
  { label: 'opt-variants', kind: 'vec-opt-small', motoko: '?[?(#A), ?(#B(1)), null]' },
  { label: 'nat', kind: 'nat', motoko: '?5' },
  { label: 'nat', kind: 'int', motoko: '?(+5)' },
  { label: 'nat', kind: 'opt-nat', motoko: '?(?5)' },
  { label: 'opt-null', kind: 'opt-opt-nat', motoko: '?(?null)' },
  { label: 'misc', kind: 'misc', motoko: '?(true, null, {}, "t")' },
  { label: 'refs', kind: 'func-query', motoko: 'ok' },
  { label: 'blob-64k', kind: 'blob-64k', motoko: 'ok 65536' },
  { label: 'rows-10000', kind: 'rows', motoko: 'ok 10000' },
  { label: 'rows-10000', kind: 'old-rows', motoko: 'ok 10000' },
  { label: 'new-rows-10000', kind: 'rows', motoko: 'ok 10000' },
];
