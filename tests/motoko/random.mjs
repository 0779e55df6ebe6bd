// Seeded random values for the Motoko oracle (direction "random" of
// oracle.mjs): each is written as `candid encode` text at a Candid type and as
// Motoko's debug_show of the ?value that from_candid must return, so that
// libcandid's encoder meets Motoko's decoder on values nobody chose by hand.
// The same seed gives the same cases.

// mulberry32: small, fast, good enough to pick test values.
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n); // 0 <= int(n) < n
  const bits = (n) => {
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 1n) | BigInt(int(2));
    return v;
  };
  return { int, bits, pick: (list) => list[int(list.length)] };
}

// Motoko's debug_show of numbers: groups of three digits, a sign on Int.
function grouped(v) {
  const digits = (v < 0n ? -v : v).toString();
  return (v < 0n ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}
const showNat = (v) => grouped(v);
const showInt = (v) => (v > 0n ? '+' : '') + grouped(v);

// Text drawn from ASCII (no backslash: Motoko prints it raw and Candid
// escapes it), two-, three- and four-byte UTF-8 characters.
function text(r, max) {
  const ranges = [
    [0x20, 0x5b],
    [0x5d, 0x7e],
    [0xa0, 0x7ff],
    [0x800, 0xd7ff],
    [0xe000, 0xfffd],
    [0x10000, 0x10ffff],
  ];
  let s = '';
  const n = r.int(max + 1);
  for (let i = 0; i < n; i++) {
    const [lo, hi] = r.pick(ranges);
    s += String.fromCodePoint(lo + r.int(hi - lo + 1));
  }
  return s;
}
const candidText = (s) => `"${s.replaceAll('"', '\\"')}"`;
const motokoText = (s) => `"${s}"`;

function bytes(r, max) {
  return Array.from({ length: r.int(max + 1) }, () => r.int(256));
}
const candidBlob = (b) => `blob "${b.map((x) => '\\' + x.toString(16).padStart(2, '0')).join('')}"`;
const motokoBlob = (b) => `"${b.map((x) => '\\' + x.toString(16).toUpperCase().padStart(2, '0')).join('')}"`;

// The textual form of a principal: base32 of CRC-32 (big-endian) and the
// bytes, lower case, in groups of five.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function principalText(b) {
  let crc = 0xffffffff;
  for (const x of b) crc = CRC[(crc ^ x) & 0xff] ^ (crc >>> 8);
  crc = (crc ^ 0xffffffff) >>> 0;
  const all = [crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255, ...b];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  let acc = 0;
  let n = 0;
  for (const x of all) {
    acc = (acc << 8) | x;
    n += 8;
    while (n >= 5) {
      out += alphabet[(acc >>> (n - 5)) & 31];
      n -= 5;
    }
    acc &= (1 << n) - 1;
  }
  if (n > 0) out += alphabet[(acc << (5 - n)) & 31];
  return out.match(/.{1,5}/g).join('-');
}

const FIXED = [
  ['nat8', 8n, false],
  ['nat16', 16n, false],
  ['nat32', 32n, false],
  ['nat64', 64n, false],
  ['int8', 8n, true],
  ['int16', 16n, true],
  ['int32', 32n, true],
  ['int64', 64n, true],
];

// One random case of each shape; `kind` names a Motoko type of cases.mjs.
const SHAPES = [
  (r) => {
    const nat = r.bits(r.int(200));
    const int = r.bits(r.int(200)) * (r.int(2) ? -1n : 1n);
    return { kind: 'big', type: '(nat, int)', value: `(${nat}, ${int})`, motoko: `?(${showNat(nat)}, ${showInt(int)})` };
  },
  (r) => {
    // Near the edges more often than not: the extremes and small values.
    const values = FIXED.map(([, width, signed]) => {
      const span = 1n << width;
      const v = r.pick([0n, 1n, span - 1n, span / 2n, span / 2n - 1n, r.bits(Number(width))]);
      return signed && v >= span / 2n ? v - span : v;
    });
    return {
      kind: 'fixed',
      type: `(${FIXED.map(([t]) => t).join(', ')})`,
      value: `(${values.join(', ')})`,
      motoko: `?(${values.map((v, i) => (FIXED[i][2] ? showInt(v) : showNat(v))).join(', ')})`,
    };
  },
  (r) => {
    const t = text(r, 12);
    const b = bytes(r, 12);
    const p = bytes(r, 29);
    return {
      kind: 'texts',
      type: '(text, blob, principal)',
      value: `(${candidText(t)}, ${candidBlob(b)}, principal "${principalText(p)}")`,
      motoko: `?(${motokoText(t)}, ${motokoBlob(b)}, ${principalText(p)})`,
    };
  },
  (r) => {
    // vec opt Big read as [?Small]: cases C and D become null.
    const items = Array.from({ length: r.int(8) }, () => r.int(5));
    const small = r.int(256);
    const candid = items.map((c) => ['null', 'opt variant { A }', `opt variant { B = ${small} }`, 'opt variant { C = "c" }', 'opt variant { D = 1 }'][c]);
    const motoko = items.map((c) => ['null', '?(#A)', `?(#B(${small}))`, 'null', 'null'][c]);
    return { kind: 'vec-opt-small', type: '(vec opt Big)', value: `(vec { ${candid.join('; ')} })`, motoko: `?[${motoko.join(', ')}]` };
  },
  (r) => {
    const entries = Array.from({ length: r.int(5) }, () => [text(r, 6), r.bits(r.int(100))]);
    return {
      kind: 'map',
      type: '(vec record { text; nat })',
      value: `(vec { ${entries.map(([k, v]) => `record { ${candidText(k)}; ${v} }`).join('; ')} })`,
      motoko: `?[${entries.map(([k, v]) => `(${motokoText(k)}, ${showNat(v)})`).join(', ')}]`,
    };
  },
  (r) => {
    const owner = bytes(r, 29);
    const sub = r.int(2) ? bytes(r, 32) : null;
    const amount = r.bits(r.int(130));
    const fee = r.int(2) ? r.bits(r.int(70)) : null;
    const time = r.int(2) ? r.bits(64) : null;
    const opt = (v, c, m) => (v === null ? ['null', 'null'] : [`opt ${c(v)}`, `?${m(v)}`]);
    const [subC, subM] = opt(sub, candidBlob, motokoBlob);
    const [feeC, feeM] = opt(fee, String, showNat);
    const [timeC, timeM] = opt(time, String, showNat);
    return {
      kind: 'transfer',
      type: '(TransferArg)',
      value:
        `(record { to = record { owner = principal "${principalText(owner)}"; subaccount = ${subC} }; ` +
        `amount = ${amount}; fee = ${feeC}; memo = null; from_subaccount = null; created_at_time = ${timeC} })`,
      motoko:
        `?{amount = ${showNat(amount)}; created_at_time = ${timeM}; fee = ${feeM}; from_subaccount = null; ` +
        `memo = null; to = {owner = ${principalText(owner)}; subaccount = ${subM}}}`,
    };
  },
];

export function randomCases(seed, count) {
  const r = generator(seed);
  return Array.from({ length: count }, (_, i) => ({ name: `#${i} (seed ${seed})`, ...SHAPES[i % SHAPES.length](r) }));
}
