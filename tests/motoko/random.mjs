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

// How `candid decode` prints: digits grouped in nat, int, nat32, nat64 and
// int64 (not in nat16, int16 or int32); text escapes quotes, backslashes and
// control characters, blobs also every byte from 0x80.
function cliQuoted(units, blob) {
  let out = '';
  for (const u of units) {
    const c = typeof u === 'number' ? u : u.codePointAt(0);
    if (c === 0x22 || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c < 0x20 || c === 0x7f || (blob && c >= 0x80)) out += '\\' + c.toString(16).padStart(2, '0');
    else out += typeof u === 'number' ? String.fromCharCode(c) : u;
  }
  return `"${out}"`;
}
const GROUPED = new Set(['nat', 'int', 'nat32', 'nat64', 'int64']);
const cliNumber = (v, type) => `${GROUPED.has(type) ? grouped(v) : v} : ${type}`;

// A value of each shape, drawn, then written for either direction:
// `decode` for candid encode -> Motoko, `encode` for Motoko -> candid decode
// (Random.mo draws the same values for the shapes that have one).
const BIG = {
  draw: (r) => ({ nat: r.bits(r.int(200)), int: r.bits(r.int(200)) * (r.int(2) ? -1n : 1n) }),
  decode: ({ nat, int }) => ({
    kind: 'big',
    type: '(nat, int)',
    value: `(${nat}, ${int})`,
    motoko: `?(${showNat(nat)}, ${showInt(int)})`,
  }),
  encode: ({ nat, int }) => ({ type: '(nat, int)', cli: `(${cliNumber(nat, 'nat')}, ${cliNumber(int, 'int')})` }),
};
const FIXED_SHAPE = {
  // Near the edges more often than not: the extremes and small values.
  draw: (r) =>
    FIXED.map(([, width, signed]) => {
      const span = 1n << width;
      const v = r.pick([0n, 1n, span - 1n, span / 2n, span / 2n - 1n, r.bits(Number(width))]);
      return signed && v >= span / 2n ? v - span : v;
    }),
  decode: (values) => ({
    kind: 'fixed',
    type: `(${FIXED.map(([t]) => t).join(', ')})`,
    value: `(${values.join(', ')})`,
    motoko: `?(${values.map((v, i) => (FIXED[i][2] ? showInt(v) : showNat(v))).join(', ')})`,
  }),
  encode: (values) => ({
    type: `(${FIXED.map(([t]) => t).join(', ')})`,
    cli: `(${values.map((v, i) => cliNumber(v, FIXED[i][0])).join(', ')})`,
  }),
};
const TEXTS = {
  draw: (r) => ({ t: text(r, 12), b: bytes(r, 12), p: principalText(bytes(r, 29)) }),
  decode: ({ t, b, p }) => ({
    kind: 'texts',
    type: '(text, blob, principal)',
    value: `(${candidText(t)}, ${candidBlob(b)}, principal "${p}")`,
    motoko: `?(${motokoText(t)}, ${motokoBlob(b)}, ${p})`,
  }),
  encode: ({ t, b, p }) => ({
    type: '(text, blob, principal)',
    cli: `(${cliQuoted([...t], false)}, blob ${cliQuoted(b, true)}, principal "${p}")`,
  }),
};
const VEC_OPT = {
  draw: (r) => ({ items: Array.from({ length: r.int(8) }, () => r.int(5)), small: r.int(256) }),
  // vec opt Big read as [?Small]: cases C and D become null.
  decode: ({ items, small }) => {
    const candid = items.map(
      (c) =>
        [
          'null',
          'opt variant { A }',
          `opt variant { B = ${small} }`,
          'opt variant { C = "c" }',
          'opt variant { D = 1 }',
        ][c],
    );
    const motoko = items.map((c) => ['null', '?(#A)', `?(#B(${small}))`, 'null', 'null'][c]);
    return {
      kind: 'vec-opt-small',
      type: '(vec opt Big)',
      value: `(vec { ${candid.join('; ')} })`,
      motoko: `?[${motoko.join(', ')}]`,
    };
  },
  // Random.mo encodes [?Small] with 3 and 4 as null.
  encode: ({ items, small }) => {
    const cli = items.map(
      (c) => ['null', 'opt variant { A }', `opt variant { B = ${small} : nat8 }`, 'null', 'null'][c],
    );
    return { type: '(vec opt Small)', cli: `(vec {${cli.length ? ` ${cli.join('; ')} ` : ''}})` };
  },
};
const MAP = {
  draw: (r) => Array.from({ length: r.int(5) }, () => [text(r, 6), r.bits(r.int(100))]),
  decode: (entries) => ({
    kind: 'map',
    type: '(vec record { text; nat })',
    value: `(vec { ${entries.map(([k, v]) => `record { ${candidText(k)}; ${v} }`).join('; ')} })`,
    motoko: `?[${entries.map(([k, v]) => `(${motokoText(k)}, ${showNat(v)})`).join(', ')}]`,
  }),
};
const TRANSFER = {
  draw: (r) => ({
    owner: principalText(bytes(r, 29)),
    sub: r.int(2) ? bytes(r, 32) : null,
    amount: r.bits(r.int(130)),
    fee: r.int(2) ? r.bits(r.int(70)) : null,
    time: r.int(2) ? r.bits(64) : null,
  }),
  decode: ({ owner, sub, amount, fee, time }) => {
    const opt = (v, c, m) => (v === null ? ['null', 'null'] : [`opt ${c(v)}`, `?${m(v)}`]);
    const [subC, subM] = opt(sub, candidBlob, motokoBlob);
    const [feeC, feeM] = opt(fee, String, showNat);
    const [timeC, timeM] = opt(time, String, showNat);
    return {
      kind: 'transfer',
      type: '(TransferArg)',
      value:
        `(record { to = record { owner = principal "${owner}"; subaccount = ${subC} }; ` +
        `amount = ${amount}; fee = ${feeC}; memo = null; from_subaccount = null; created_at_time = ${timeC} })`,
      motoko:
        `?{amount = ${showNat(amount)}; created_at_time = ${timeM}; fee = ${feeM}; from_subaccount = null; ` +
        `memo = null; to = {owner = ${owner}; subaccount = ${subM}}}`,
    };
  },
};

const DECODE_SHAPES = [BIG, FIXED_SHAPE, TEXTS, VEC_OPT, MAP, TRANSFER];
const ENCODE_SHAPES = [BIG, FIXED_SHAPE, TEXTS, VEC_OPT]; // the order of Random.mo's `message`

// Cases for candid encode -> Motoko, shaped like MOTOKO_DECODE of cases.mjs.
export function randomCases(seed, count) {
  const r = generator(seed);
  return Array.from({ length: count }, (_, i) => {
    const shape = DECODE_SHAPES[i % DECODE_SHAPES.length];
    return { name: `#${i} (seed ${seed})`, ...shape.decode(shape.draw(r)) };
  });
}

// What `candid decode` must print for Random.mo's message i (seed, count as
// given to the program), shaped like ENCODED of cases.mjs.
export function randomEncoded(seed, count) {
  const r = generator(seed);
  return Array.from({ length: count }, (_, i) => {
    const shape = ENCODE_SHAPES[i % ENCODE_SHAPES.length];
    return { label: `random-${i}`, ...shape.encode(shape.draw(r)) };
  });
}
