// The Motoko comparison (bench/motoko/run.sh): in one Node 24 process,
// Motoko's from_candid/to_candid (Bench.mo compiled by moc to WASI) against
// libcandid's core built for wasm64 (kernel.c), on the same bench messages:
//   node run.mjs KERNEL.wasm MESSAGES_DIR CACHE_DIR [--quick]
// prints per case and operation
//   motoko CASE OP motoko_ns=N libcandid_ns=N ratio=R
// (ratio = Motoko's time over libcandid's; Motoko has one mode, it reads
// the type table on every call). OP, through the --fast stubs of bench.did
// (what a stub user gets): decode_warm_fast (the stub's own message: its
// generated decoder), decode_cold_fast (the same value behind a header the
// stub did not generate, foreignHeader: the interpreter, no plan cache),
// encode_fast (the generated encoder, header precomputed); through the
// interpreter at the hand descriptors: decode_warm (plan cache),
// decode_cold, encode_warm (header built once), encode_cold (built per
// call). Then which cases reach the target: at least 3x warm on the fast
// paths, never slower cold (decode_cold_fast; encode_fast has no cold).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const here = new URL('.', import.meta.url).pathname;
const [kernelPath, messagesDir, cacheDir, flag] = process.argv.slice(2);
const quick = flag === '--quick';
const MARKER = 'LIBCANDID-MOTOKO-BENCH-INPUT:';
const CAPACITY = 2 * 1024 * 1024; // the messages of all cases
// Short measurements, many of them, best taken: the machine is shared, and
// the minimum is the run least disturbed by other processes.
const TARGET_NS = (quick ? 0.04 : 0.1) * 1e9; // time per measurement
const REPEATS = quick ? 5 : 9; // best of

// Bench.mo's case numbers; encode is left out where Motoko's value is not
// the one libcandid encodes (rec16as4 decodes 16 fields at 4).
const CASES = [
  { name: 'a', kind: 0 },
  { name: 'b', kind: 1 },
  { name: 'd', kind: 2 },
  { name: 'e1', kind: 3 },
  { name: 'e2ok', kind: 4 },
  { name: 'e2err', kind: 4 },
  { name: 'f', kind: 5 },
  { name: 'optlist', kind: 5 },
  { name: 'variantlist', kind: 6 },
  { name: 'map', kind: 7 },
  { name: 'rec16as4', kind: 8, decodeOnly: true },
  { name: 'results', kind: 9 },
];

function compileMotoko() {
  const require = createRequire(join(here, '../../tests/motoko/package.json')); // the pinned moc
  const version = require('motoko/package.json').version;
  const source = readFileSync(join(here, 'Bench.mo'), 'utf8').replace(`${MARKER}@PAD@`, MARKER + 'x'.repeat(CAPACITY));
  const key = createHash('sha256').update(version).update(source).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `bench-${key}.wasm`);
  if (existsSync(cached)) return readFileSync(cached);
  const mo = require('motoko');
  mo.loadPackage(require('motoko/packages/latest/core.json'));
  mo.write('Bench.mo', source);
  let out;
  try {
    out = mo.wasm('Bench.mo', 'wasi');
  } catch (e) {
    throw new Error(`moc: ${e.message}`); // not the minified compiler's source line
  }
  writeFileSync(cached, out.wasm);
  return Buffer.from(out.wasm);
}

function uleb(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n);
  return Buffer.from(out);
}

// The message with one unused entry (opt null) appended to its type
// table: the same value, a header no stub generates (most bench messages
// are byte for byte what the stub sends, so they would take its fast path).
function foreignHeader(msg) {
  let at = 4;
  const leb = () => {
    let v = 0;
    let shift = 1;
    for (;;) {
      const b = msg[at++];
      v += (b & 0x7f) * shift;
      shift *= 128;
      if (b < 0x80) return v;
    }
  };
  const count = leb();
  const tableStart = at;
  const refs = (n) => {
    for (let k = 0; k < n; k++) leb();
  };
  for (let e = 0; e < count; e++) {
    const op = msg[at++];
    if (op === 0x6e || op === 0x6d) leb(); // opt, vec: one type
    else if (op === 0x6c || op === 0x6b) refs(2 * leb()); // record, variant: (id, type)*
    else if (op === 0x6a) { // func: args, results, annotations (bytes)
      refs(leb());
      refs(leb());
      at += leb();
    } else if (op === 0x69) { // service: (name, type)*
      for (let n = leb(); n > 0; n--) {
        at += leb();
        leb();
      }
    } else throw new Error(`type table entry 0x${op.toString(16)} not known to foreignHeader`);
  }
  const rest = msg.subarray(at);
  return Buffer.concat([msg.subarray(0, 4), uleb(count + 1), msg.subarray(tableStart, at), Buffer.from([0x6e, 0x7f]), rest]);
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

// Bench.mo over jobs [{ kind, op, message, iterations, repeats }]: per job
// the best ns per iteration. The module is compiled once; each job runs in
// a fresh instance (a fresh heap: the garbage of earlier jobs weighed on
// later ones by up to 10x) whose first and count fields are set in its
// memory before start. The program's lines are timed by the moment of
// their fd_write.
async function motokoRun(wasm, messages, jobs) {
  const parts = [u32(0), u32(0), u32(messages.length)];
  for (const m of messages) parts.push(u32(m.length), m);
  parts.push(u32(jobs.length));
  for (const j of jobs) parts.push(u32(j.kind), u32(j.op === 1 ? 1 : 0), u32(j.message), u32(j.iterations), u32(j.repeats));
  const input = Buffer.concat(parts);
  if (input.length > CAPACITY) throw new Error(`${input.length} bytes of input exceed ${CAPACITY}`);
  const patched = Buffer.from(wasm);
  input.copy(patched, patched.indexOf(MARKER) + MARKER.length);
  const module = await WebAssembly.compile(patched);
  const times = [];
  for (const [i, j] of jobs.entries()) {
    const outPath = join(tmpdir(), `motoko-bench-${process.pid}.out`);
    const fd = openSync(outPath, 'w');
    const wasi = new WASI({ version: 'preview1', args: ['bench'], env: {}, stdout: fd, stderr: fd, returnOnExit: true });
    const stamps = [];
    const imports = {
      ...wasi.wasiImport,
      fd_write: (...args) => {
        stamps.push(process.hrtime.bigint());
        return wasi.wasiImport.fd_write(...args);
      },
    };
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports });
    const memory = Buffer.from(instance.exports.memory.buffer);
    const at = memory.indexOf(MARKER);
    if (at < 0 || memory.indexOf(MARKER, at + 1) >= 0) throw new Error('input marker not found once in memory');
    Buffer.concat([u32(i), u32(1)]).copy(memory, at + MARKER.length);
    wasi.start(instance);
    closeSync(fd);
    const lines = readFileSync(outPath, 'utf8').split('\n').filter(Boolean);
    rmSync(outPath);
    // debugPrint writes a line in w calls (text, newline): a loop runs from
    // the last write of its "T" line to the first of the next line.
    const w = stamps.length / lines.length;
    if (!Number.isInteger(w) || lines.length !== 2 * j.repeats)
      throw new Error(`${j.name}: ${lines.length} lines in ${stamps.length} writes: ${lines.at(-1)}`);
    let best = Infinity;
    for (let r = 0; r < 2 * j.repeats; r += 2) {
      const end = lines[r + 1];
      if (lines[r] !== 'T' || !end.startsWith('T ok ')) throw new Error(`${j.name}: Motoko printed ${end}`);
      const count = Number(end.slice(5).replaceAll('_', ''));
      if (j.op !== 1 && count !== j.iterations) throw new Error(`${j.name}: ${count} of ${j.iterations} decodes gave a value`);
      best = Math.min(best, Number(stamps[(r + 1) * w] - stamps[(r + 1) * w - 1]) / j.iterations);
    }
    times.push(best);
  }
  return times;
}

// libcandid's ns per iteration of f(iterations) -> ns: a calibrated count, best of REPEATS.
function perIteration(f) {
  let n = 1;
  let ns = f(n);
  while (ns < TARGET_NS / 10 && n < 1 << 24) {
    n *= 4;
    ns = f(n);
  }
  n = Math.max(1, Math.round((n * TARGET_NS) / Math.max(ns, 1)));
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) best = Math.min(best, f(n) / n);
  return best;
}

// Motoko's ns per operation for every case: a calibration run, then the
// measured one with as many iterations as fill TARGET_NS.
async function motokoTimes(wasm, messages) {
  const jobs = [];
  CASES.forEach((c, message) => {
    for (const op of c.decodeOnly ? [0] : [0, 1]) {
      const iterations = Math.max(1, Math.floor(20000 / messages[message].length));
      jobs.push({ name: c.name, kind: c.kind, op, message, iterations, repeats: 2 });
    }
    // from_candid of the stub's own message (op 2) where its bytes differ,
    // and of the foreign header's (op 3), so that each libcandid op is set
    // against Motoko on the same bytes
    for (const [op, at] of [[2, CASES.length + message], [3, 2 * CASES.length + message]]) {
      if (messages[at].equals(messages[message])) continue;
      const iterations = Math.max(1, Math.floor(20000 / messages[at].length));
      jobs.push({ name: c.name, kind: c.kind, op, message: at, iterations, repeats: 2 });
    }
  });
  const estimate = await motokoRun(wasm, messages, jobs);
  jobs.forEach((j, i) => {
    j.iterations = Math.max(1, Math.round(TARGET_NS / estimate[i]));
    j.repeats = REPEATS;
  });
  const times = await motokoRun(wasm, messages, jobs);
  const byCase = {};
  jobs.forEach((j, i) => ((byCase[j.name] ??= [])[j.op] = times[i]));
  for (const t of Object.values(byCase)) t[2] ??= t[0]; // the same bytes as op 0
  return byCase;
}

async function main() {
  mkdirSync(cacheDir, { recursive: true });
  const t0 = Date.now();
  const wasm = compileMotoko();
  const { instance } = await WebAssembly.instantiate(readFileSync(kernelPath), {});
  const k = instance.exports;
  const memory = () => new Uint8Array(k.memory.buffer);
  const cString = (ptr) => {
    const m = memory();
    let end = Number(ptr);
    while (m[end]) end++;
    return Buffer.from(m.subarray(Number(ptr), end)).toString();
  };
  const index = {};
  for (let i = 0; ; i++) {
    const p = k.bench_name(i);
    if (!p) break;
    index[cString(p)] = i;
  }
  const own = CASES.map((c) => readFileSync(join(messagesDir, `${c.name}.bin`)));
  const messages = [
    ...own,
    ...CASES.map((c) => readFileSync(join(messagesDir, `${c.name}.gen.bin`))),
    ...own.map(foreignHeader),
  ];
  const motoko = await motokoTimes(wasm, messages);
  const summary = [];
  CASES.forEach((c, i) => {
    const [mine, gen, foreign] = [0, 1, 2].map((k) => messages[k * CASES.length + i]);
    // kernel.c's ops: [name, op number, message, Motoko's op, judged at]
    const ops = [
      ['decode_warm_fast', 4, gen, 2, 3],
      ['decode_cold_fast', 5, foreign, 3, 1],
      ['encode_fast', 6, gen, 1, 3],
      ['decode_warm', 0, mine, 0, null],
      ['decode_cold', 1, mine, 0, null],
      ['encode_warm', 2, mine, 1, null],
      ['encode_cold', 3, mine, 1, null],
    ].filter(([name]) => !(c.decodeOnly && name.startsWith('encode')));
    const misses = [];
    for (const [name, op, msg, mop, limit] of ops) {
      memory().set(msg, Number(k.bench_input()));
      const lib = (n) => {
        const t = process.hrtime.bigint();
        const r = k.bench_loop(index[c.name], msg.length, op, n);
        const ns = Number(process.hrtime.bigint() - t);
        if ((r & 0xffn) !== 0n) throw new Error(`${c.name} ${name}: libcandid status ${r & 0xffn}`);
        if (name.startsWith('decode') && r !== 0n) throw new Error(`${c.name} ${name}: libcandid status ${r}`);
        return ns;
      };
      const ns = perIteration(lib);
      const ratio = motoko[c.name][mop] / ns;
      if (limit !== null && ratio < limit) misses.push(`${name} ${ratio.toFixed(2)}x < ${limit}x`);
      console.log(
        `motoko ${c.name} ${name} motoko_ns=${Math.round(motoko[c.name][mop])} libcandid_ns=${Math.round(ns)} ratio=${ratio.toFixed(2)}`,
      );
    }
    summary.push({ name: c.name, misses });
  });
  const met = summary.filter((s) => !s.misses.length).map((s) => s.name);
  console.log(`motoko target (fast stubs >= 3x warm, >= 1x cold) met by ${met.length} of ${summary.length}: ${met.join(' ') || 'none'}`);
  for (const s of summary) if (s.misses.length) console.log(`motoko target missed by ${s.name}: ${s.misses.join(', ')}`);
  console.log(`motoko bench took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

try {
  await main();
} catch (e) {
  console.log(`motoko bench failed: ${e.message}`);
  process.exitCode = 1;
}
