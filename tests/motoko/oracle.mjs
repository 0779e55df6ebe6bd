// The Motoko compiler as an independent oracle for libcandid (run by
// tests/motoko/run, under Node 24, which loads moc's 64-bit Wasm modules):
//   node oracle.mjs CANDID_CLI CACHE_DIR [MODE=TYPED_PROGRAM ...]
// compiles Oracle.mo once (cached by the hash of its source and the compiler),
// then checks three directions against the tables of cases.mjs:
//   motoko-decode  messages encoded by `candid encode` decode in Motoko,
//   cli-decode     Motoko's to_candid bytes decode in `candid decode`,
//   bytes          hand-written messages decode alike in both,
//   coercions      messages by `candid encode` read at other types, in both,
//   references     the same for func and service references,
//   random         seeded random values (random.mjs) as in motoko-decode,
//   random-encode  and as in cli-decode, drawn by Random.mo;
//                  ORACLE_SEED and ORACLE_RANDOM (their number) change them;
//   typed-decode   Motoko's to_candid bytes decoded by typed/typed.c into
//                  generated C types, per code-generation MODE (fast, no-fast),
//   typed-encode   the generated encoders' bytes decoded by Motoko (typed.mjs),
//   typed-modes    the modes' encodings byte for byte alike.
// Each prints "<direction>: N passed, N failed"; the last line is the total.
// ORACLE_SHOW=1 prints every answer as well.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { BYTES, COERCIONS, DID, ENCODED, KINDS, KNOWN, MOTOKO_DECODE, REFERENCES } from './cases.mjs';
import { randomCases, randomEncoded } from './random.mjs';
import { TYPED_ENCODED } from './typed.mjs';

const here = new URL('.', import.meta.url).pathname;
const [cli, cacheDir, ...typedArgs] = process.argv.slice(2);
const TYPED = typedArgs.map((a) => ({ mode: a.slice(0, a.indexOf('=')), program: a.slice(a.indexOf('=') + 1) }));
const MARKER = 'LIBCANDID-MOTOKO-ORACLE-INPUT:';
const CAPACITY = 512 * 1024; // bytes of messages per run of the program (10,000 rows take 220 KiB)
const SEED = Number(process.env.ORACLE_SEED ?? 1);
const RANDOM = Number(process.env.ORACLE_RANDOM ?? 120);

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

// Oracle.mo compiled to a WASI module, from the cache when the source and the
// compiler are the ones it was built from.
function compile() {
  const require = createRequire(import.meta.url);
  const version = require('motoko/package.json').version;
  const source = readFileSync(join(here, 'Oracle.mo'), 'utf8').replace(`${MARKER}@PAD@`, MARKER + 'x'.repeat(CAPACITY));
  const random = readFileSync(join(here, 'Random.mo'), 'utf8');
  const key = createHash('sha256').update(version).update(source).update(random).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `oracle-${key}.wasm`);
  if (existsSync(cached)) {
    console.log(`motoko ${version}: Oracle.mo compiled earlier (${cached})`);
    return readFileSync(cached);
  }
  const t = Date.now();
  const mo = require('motoko');
  mo.loadPackage(require('motoko/packages/latest/core.json'));
  mo.write('Oracle.mo', source);
  mo.write('Random.mo', random);
  let out;
  try {
    out = mo.wasm('Oracle.mo', 'wasi');
  } catch (e) {
    throw new Error(`moc: ${e.message}`); // not the minified compiler's source line
  }
  for (const old of readdirSync(cacheDir)) if (/^oracle-.*\.wasm$/.test(old)) rmSync(join(cacheDir, old));
  writeFileSync(cached, out.wasm);
  console.log(`motoko ${version}: compiled Oracle.mo in ${seconds(t)} s`);
  return Buffer.from(out.wasm);
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

// One run of the program over messages[start..] (as many as fit), its
// stdout as records: decodings by index, encodings by label.
async function runOnce(wasm, messages, start) {
  const parts = [u32(start), null, u32(SEED), u32(RANDOM)];
  let size = 16;
  let count = start;
  for (const skipped of messages.slice(0, start)) parts.push(Buffer.from([skipped.kind]), u32(0));
  size += 5 * start;
  for (const m of messages.slice(start)) {
    if (size + 5 + m.bytes.length > CAPACITY) break;
    parts.push(Buffer.from([m.kind]), u32(m.bytes.length), m.bytes);
    size += 5 + m.bytes.length;
    count++;
  }
  if (count === start && start < messages.length) throw new Error(`message ${start} exceeds ${CAPACITY} bytes`);
  parts[1] = u32(count);
  const patched = Buffer.from(wasm);
  const at = patched.indexOf(MARKER);
  if (at < 0 || patched.indexOf(MARKER, at + 1) >= 0) throw new Error('input marker not found once in the module');
  Buffer.concat(parts).copy(patched, at + MARKER.length);

  const outPath = join(tmpdir(), `motoko-oracle-${process.pid}.out`);
  const fd = openSync(outPath, 'w');
  const wasi = new WASI({ version: 'preview1', args: ['oracle'], env: {}, stdout: fd, stderr: fd, returnOnExit: true });
  let trapped = null;
  try {
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(patched), {
      wasi_snapshot_preview1: wasi.wasiImport,
    });
    wasi.start(instance);
  } catch (e) {
    trapped = e.message;
  }
  closeSync(fd);
  const lines = readFileSync(outPath, 'utf8').split('\n');
  rmSync(outPath);

  const records = [];
  let current = null;
  let ended = false;
  for (const line of lines) {
    if (line.startsWith('D ') || line.startsWith('E ')) {
      current = { tag: line[0], key: line.slice(2), hex: '' };
      records.push(current);
    } else if (line.startsWith('C ') && current) {
      current.hex += line.slice(2);
    } else if (line === 'END') {
      ended = true;
    } else if (line && current) {
      current.trap = (current.trap ? current.trap + ' ' : '') + line; // moc's IDL error message
    }
  }
  for (const r of records) r.text = Buffer.from(r.hex, 'hex').toString('utf8');
  return { records, ended, trapped, next: count };
}

// Decodes every message (restarting after one that traps) and collects the
// encodings: { decoded: [text | 'trap: ...'], encoded: { label: text } }.
async function runAll(wasm, messages) {
  const decoded = [];
  const encoded = {};
  let start = 0;
  let runs = 0;
  while (runs === 0 || start < messages.length) {
    const r = await runOnce(wasm, messages, start);
    runs++;
    for (const rec of r.records) {
      if (rec.tag === 'E') encoded[rec.key] = rec.text;
      else decoded[Number(rec.key)] = rec.text;
    }
    if (r.ended) {
      start = r.next;
      continue;
    }
    const last = r.records[r.records.length - 1];
    if (!last || last.tag !== 'D' || last.hex !== '') {
      throw new Error(`the program stopped outside a decoding: ${r.trapped ?? 'no END'}`);
    }
    decoded[Number(last.key)] = `trap: ${last.trap ?? r.trapped}`;
    start = Number(last.key) + 1;
  }
  return { decoded, encoded, runs };
}

// Runs the candid tool with `input` on its standard input (an argument may
// not exceed 128 KiB, and a list of 10,000 nodes does).
// A rejection is exit status 1 with the tool's own one-line message; any
// other failure (a signal, a sanitizer report) is a crash.
function candid(args, input) {
  try {
    return {
      ok: true,
      out: execFileSync(cli, args, { encoding: 'utf8', input, maxBuffer: 1 << 26, stdio: 'pipe' }).trim(),
    };
  } catch (e) {
    const err = (e.stderr || e.message).trim();
    const rejected = e.status === 1 && /^candid: [^\n]*$/.test(err);
    return { ok: false, rejected, out: err };
  }
}

const didPath = join(cacheDir, 'oracle.did');

function cliEncode(type, value) {
  const r = candid(['encode', '-d', didPath, '-t', type, '-'], value);
  if (!r.ok) throw new Error(`candid encode -t '${type}' '${value}': ${r.out}`);
  return r.out;
}

function cliDecode(type, hex) {
  const r = candid(['decode', '-d', didPath, '-t', type, '-'], hex);
  if (r.ok) return r.out;
  return r.rejected ? 'reject' : `crash: ${r.out}`;
}

// Motoko's answer for a message that must not decode: null (a type mismatch)
// or a trap (malformed bytes) both mean "rejected".
function motokoAnswer(text) {
  return text === 'null' || text.startsWith('trap: ') ? 'reject' : text;
}

// Long answers (a list of 10,000 nodes) cut for the log.
function clip(text) {
  return text.length > 300 ? `${text.slice(0, 300)}... (${text.length} characters)` : text;
}

// typed.c's encodings by label ("LABEL HEX" lines).
function typedEncode(program) {
  const out = execFileSync(program, ['encode'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return Object.fromEntries(out.trim().split('\n').map((line) => line.split(' ', 2)));
}

// typed.c's checks of Motoko's encodings: one "ok NAME" or "FAIL NAME: why"
// line per check, exit status 0 when all passed.
function typedDecode(direction, program, encoded) {
  const input = Object.entries(encoded).map(([label, hex]) => `${label} ${hex}\n`).join('');
  let out;
  let status = 0;
  try {
    out = execFileSync(program, ['decode'], { encoding: 'utf8', input, maxBuffer: 1 << 26, stdio: 'pipe' });
  } catch (e) {
    out = e.stdout ?? '';
    status = e.status ?? e.signal;
  }
  for (const line of out.split('\n').filter(Boolean)) {
    if (line.startsWith('ok ')) check(direction, line.slice(3), 'ok', 'ok');
    else check(direction, line, 'ok', line);
  }
  check(direction, 'exit status', 'exit 1 only with a FAIL line', status === 0 || /^FAIL /m.test(out) ? 'exit 1 only with a FAIL line' : `exit ${status}`);
}

const tally = {};
let knownHits = 0;

function check(direction, name, expected, actual, raw = actual) {
  const t = (tally[direction] ??= { passed: 0, failed: 0 });
  const known = KNOWN[`${direction}:${name}`];
  const ok = expected === actual;
  if (process.env.ORACLE_SHOW) console.log(`SHOW ${direction} ${name}: ${raw}`);
  if (known && !ok) {
    knownHits++;
    console.log(`KNOWN ${direction} ${name}: ${known}\n      expected ${clip(expected)}\n      got      ${clip(raw)}`);
    return;
  }
  if (ok && !known) {
    t.passed++;
    return;
  }
  t.failed++;
  if (known) console.log(`FAIL ${direction} ${name}: passes now, remove it from KNOWN`);
  else console.log(`FAIL ${direction} ${name}\n      expected ${clip(expected)}\n      got      ${clip(raw)}`);
}

// Not a check (the spec leaves the order of the type table and the choice
// among equivalent types to the encoder), but a measure of byte interop:
// how many of Motoko's messages `candid encode` reproduces byte for byte from
// their decoded text at the type Motoko encoded at.
function reportSameBytes(encoded) {
  const differ = [];
  const seen = new Set();
  for (const c of ENCODED) {
    if (!c.exact) continue;
    seen.add(c.label);
    const ours = candid(['encode', '-d', didPath, '-t', c.type, '-'], c.cli);
    if (!ours.ok || ours.out !== encoded[c.label]) {
      differ.push(c.label);
      if (process.env.ORACLE_SHOW)
        console.log(`SHOW bytes of ${c.label}: motoko ${encoded[c.label]}, candid ${ours.out}`);
    }
  }
  const detail = differ.length ? ` (differ: ${differ.join(', ')})` : '';
  console.log(`same bytes from candid encode: ${seen.size - differ.length} of ${seen.size}${detail}`);
}

async function main() {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(didPath, DID);
  const wasm = compile();

  const random = randomCases(SEED, RANDOM);
  const messages = [];
  for (const c of [...MOTOKO_DECODE, ...random, ...COERCIONS, ...REFERENCES]) {
    messages.push({ kind: KINDS.indexOf(c.kind), bytes: Buffer.from(cliEncode(c.type, c.value), 'hex') });
  }
  for (const c of BYTES) messages.push({ kind: KINDS.indexOf(c.kind), bytes: Buffer.from(c.hex, 'hex') });
  const typedAt = messages.length;
  for (const t of TYPED) {
    t.encoded = typedEncode(t.program);
    for (const c of TYPED_ENCODED)
      messages.push({ kind: KINDS.indexOf(c.kind), bytes: Buffer.from(t.encoded[c.label] ?? '', 'hex') });
  }
  if (messages.some((m) => m.kind < 0)) throw new Error('a case names a kind that KINDS lacks');

  const t = Date.now();
  const { decoded, encoded, runs } = await runAll(wasm, messages);
  console.log(
    `ran ${messages.length} decodings and ${Object.keys(encoded).length} encodings in ${runs} run(s) of the module, ${seconds(t)} s`,
  );

  const motoko = (i) => [motokoAnswer(decoded[i] ?? 'missing'), decoded[i]];
  MOTOKO_DECODE.forEach((c, i) => check('motoko-decode', c.name, c.motoko, ...motoko(i)));
  for (const c of ENCODED) {
    const hex = encoded[c.label];
    let expected = c.cli ?? cliDecode(c.type, cliEncode(c.type, c.roundtrip));
    if (c.roundtrip && !expected.startsWith('(')) expected = `a value, not the roundtrip's ${expected}`;
    check('cli-decode', `${c.label} at ${c.type}`, expected, hex === undefined ? 'missing' : cliDecode(c.type, hex));
  }
  for (const c of randomEncoded(SEED, RANDOM)) {
    const hex = encoded[c.label];
    check('random-encode', c.label, c.cli, hex === undefined ? 'missing' : cliDecode(c.type, hex));
  }
  reportSameBytes(encoded);
  random.forEach((c, i) => check('random', c.name, c.motoko, ...motoko(MOTOKO_DECODE.length + i)));
  let at = MOTOKO_DECODE.length + random.length;
  for (const [direction, table] of [
    ['coercions', COERCIONS],
    ['references', REFERENCES],
  ]) {
    for (const c of table) {
      check(direction, `${c.name} (motoko)`, c.motoko, ...motoko(at));
      check(direction, `${c.name} (libcandid)`, c.cli, cliDecode(c.expected, messages[at].bytes.toString('hex')));
      at++;
    }
  }
  const bytesAt = at;
  BYTES.forEach((c, i) => {
    check('bytes', `${c.name} (motoko)`, c.motoko, ...motoko(bytesAt + i));
    check('bytes', `${c.name} (libcandid)`, c.cli, cliDecode(c.type, c.hex));
  });

  TYPED.forEach((t, r) => {
    TYPED_ENCODED.forEach((c, i) =>
      check(`typed-encode (${t.mode})`, `${c.label} at ${c.kind}`, c.motoko, ...motoko(typedAt + r * TYPED_ENCODED.length + i)),
    );
    typedDecode(`typed-decode (${t.mode})`, t.program, encoded);
  });
  for (const t of TYPED.slice(1)) {
    for (const [label, hex] of Object.entries(TYPED[0].encoded))
      check('typed-modes', `${label}: ${TYPED[0].mode} and ${t.mode}`, hex, t.encoded[label] ?? 'missing');
  }

  let passed = 0;
  let failed = 0;
  for (const [direction, t] of Object.entries(tally)) {
    console.log(`${direction}: ${t.passed} passed, ${t.failed} failed`);
    passed += t.passed;
    failed += t.failed;
  }
  console.log(`${knownHits} known disagreement(s) not counted (tests/motoko/README.md)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

try {
  await main();
} catch (e) {
  console.log(`FAIL oracle: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
