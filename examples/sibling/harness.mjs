// Runs the sibling canister's module under the part of the IC System API
// (module "ic0") it imports, as a test harness: each case delivers a query
// with argument bytes and checks the reply (decoded by the candid CLI and
// compared with the expected value's text) or the reject; a trap counts as
// a reject (code 5), as on the IC.
//   node harness.mjs MODULE.wasm 32|64 CANDID_CLI
// (Node 24: wasm64 needs memory64; older Node wants --experimental-wasm-memory64.)
// Prints PASS/FAIL per case (SHOW=1: the rejects' texts too) and
// "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [file, width, cli] = process.argv.slice(2);
if (!file || (width !== '32' && width !== '64') || !cli) {
  console.error('usage: harness.mjs MODULE.wasm 32|64 CANDID_CLI');
  process.exit(2);
}
const did = new URL('sibling.did', import.meta.url).pathname;
const wide = width === '64';
const toI = (n) => (wide ? BigInt(n) : n);
const num = (v) => Number(v);

class Trap extends Error {}
let ctx = null; // the message being executed: { arg, reply: [], answer }
const mem = () => new Uint8Array(instance.exports.memory.buffer);
const read = (p, n) => Buffer.from(mem().subarray(num(p), num(p) + num(n)));
function answer(a) {
  if (ctx.answer) throw new Trap('the call has already been answered');
  ctx.answer = a;
}
const ic0 = {
  msg_arg_data_size: () => toI(ctx.arg.length),
  msg_arg_data_copy: (dst, off, size) => {
    if (num(off) + num(size) > ctx.arg.length) throw new Trap('msg_arg_data_copy out of range');
    mem().set(ctx.arg.subarray(num(off), num(off) + num(size)), num(dst));
  },
  msg_reply_data_append: (src, size) => {
    if (ctx.answer) throw new Trap('msg_reply_data_append after the answer');
    ctx.reply.push(read(src, size));
  },
  msg_reply: () => answer({ reply: Buffer.concat(ctx.reply) }),
  msg_reject: (src, size) =>
    answer({ reject: 4, message: new TextDecoder('utf-8', { fatal: true }).decode(read(src, size)) }),
  trap: (src, size) => {
    throw new Trap(read(src, size).toString());
  },
};
const module = await WebAssembly.compile(readFileSync(file));
const missing = WebAssembly.Module.imports(module).filter((i) => i.module !== 'ic0' || !(i.name in ic0));
if (missing.length) {
  console.log(`FAIL imports the harness lacks: ${missing.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  process.exit(1);
}
const instance = await WebAssembly.instantiate(module, { ic0 });

// One query: the export "canister_query METHOD" on the argument bytes.
function query(method, arg) {
  const fn = instance.exports[`canister_query ${method}`];
  if (!fn) return { reject: 3, message: `no method ${method}` };
  ctx = { arg, reply: [], answer: null };
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Trap) && !(e instanceof WebAssembly.RuntimeError)) throw e;
    return { reject: 5, message: `trapped: ${e.message}` };
  }
  return ctx.answer || { reject: 5, message: 'no answer' };
}

// The candid CLI, values and messages through stdin (they may be large).
const candid = (input, ...args) =>
  execFileSync(cli, [...args, '-'], { input, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
const encode = (method, text, reply) =>
  Buffer.from(candid(text, 'encode', '-d', did, '-m', method, ...(reply ? ['--reply'] : [])), 'hex');
const decodeReply = (method, bytes) => candid(bytes.toString('hex'), 'decode', '-d', did, '-m', method, '--reply');

// A blob argument built here, for sizes the command line is not for.
function blobArg(bytes) {
  const leb = [];
  let n = bytes.length;
  do {
    leb.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
  return Buffer.concat([Buffer.from('DIDL\x01\x6d\x7b\x01\x00', 'latin1'), Buffer.from(leb), bytes]);
}
const blobText = (b) => `(blob "${[...b].map((x) => '\\' + x.toString(16).padStart(2, '0')).join('')}")`;

let passed = 0, failed = 0;
// want: { reply: TEXT } (the expected value) or { reject: SUBSTRING }.
function check(name, method, arg, want) {
  let got, ok;
  try {
    const r = query(method, arg);
    if (want.reject !== undefined) {
      got = r.reply ? `reply ${r.reply.toString('hex')}` : `reject ${r.reject}: ${r.message}`;
      ok = r.reject === 4 && r.message.includes(want.reject);
      if (ok && process.env.SHOW) console.log(`    ${got}`);
    } else if (!r.reply) {
      got = `reject ${r.reject}: ${r.message}`;
      ok = false;
    } else {
      got = decodeReply(method, r.reply);
      const expect = decodeReply(method, encode(method, want.reply, true));
      ok = got === expect;
      if (!ok) got += `\n    expected ${expect}`;
    }
  } catch (e) {
    got = `error ${e.message}`;
    ok = false;
  }
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} wasm${width} ${name}${ok ? '' : `\n    got ${got}`}`);
}

// sha256: every padding boundary (55/56 bytes: one or two final blocks),
// and 1 MB; expected digests from node:crypto.
for (const n of [0, 3, 55, 56, 63, 64, 119, 1000000]) {
  const data = Buffer.alloc(n, 0);
  for (let i = 0; i < n; i++) data[i] = (i * 31 + 7) & 0xff;
  check(`sha256 of ${n} bytes`, 'sha256', blobArg(data), { reply: blobText(createHash('sha256').update(data).digest()) });
}
check('sha256 "abc"', 'sha256', encode('sha256', '(blob "abc")'), {
  reply: blobText(Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex')),
});

// find: positions in characters, not bytes.
const finds = [
  ['("héllo wörld", "wö", 0)', '(opt 6)'],
  ['("日本語日本語", "日本", 1)', '(opt 3)'],
  ['("abababc", "ababc", 0)', '(opt 2)'],
  ['("aaa", "aa", 1)', '(opt 1)'],
  ['("aaa", "aa", 2)', '(null)'],
  ['("abc", "", 3)', '(opt 3)'],
  ['("abc", "", 4)', '(null)'],
  ['("🎉x🎉y", "🎉y", 0)', '(opt 2)'],
  ['("", "a", 0)', '(null)'],
];
for (const [arg, reply] of finds) check(`find ${arg}`, 'find', encode('find', arg), { reply });
const needle = 'ab'.repeat(100000) + 'c';
check('find a 200 KB needle in 400 KB (linear time)', 'find',
  encode('find', `("${'ab'.repeat(200000)}c", "${needle}", 0)`), { reply: '(opt 200000)' });

// varints both ways, and the decoder's errors with their offsets.
const max = '18_446_744_073_709_551_615';
const bytes = '"\\00\\7f\\80\\01\\ac\\02\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\01"';
check('varint_encode', 'varint_encode', encode('varint_encode', `(vec { 0; 127; 128; 300; ${max} })`), {
  reply: `(blob ${bytes})`,
});
check('varint_encode of nothing', 'varint_encode', encode('varint_encode', '(vec {})'), { reply: '(blob "")' });
check('varint_decode', 'varint_decode', encode('varint_decode', `(blob ${bytes})`), {
  reply: `(variant { ok = vec { 0; 127; 128; 300; ${max} } })`,
});
check('varint_decode truncated', 'varint_decode', encode('varint_decode', '(blob "\\05\\80")'), {
  reply: '(variant { err = variant { truncated = record { offset = 1 } } })',
});
check('varint_decode overflow', 'varint_decode',
  encode('varint_decode', '(blob "\\01\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\02")'), {
    reply: '(variant { err = variant { overflow = record { offset = 1 } } })',
  });

// Bad requests get a reject (code 4, the canister's) with a message: no
// trap, no second answer.
check('malformed argument', 'sha256', Buffer.from('DIDL\x00\x01\x7a', 'latin1'), { reject: '' });
check('argument of another type', 'find', encode('sha256', '(blob "abc")'), { reject: '' });
// 1,048,576 nat64 values: 8 MiB, beyond the 2 MiB the stubs take.
const many = Buffer.concat([Buffer.from('DIDL\x01\x6d\x78\x01\x00\x80\x80\x40', 'latin1'), Buffer.alloc(8 << 20, 0xff)]);
check('arguments beyond 2 MiB', 'varint_encode', many, { reject: 'too large' });
// 1.5 million one-byte varints: 12 MB of nat64, more than the 8 MiB arena.
check('varint_decode beyond the arena', 'varint_decode', blobArg(Buffer.alloc(1500000, 0)),
  { reject: 'more memory than the canister' });

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
