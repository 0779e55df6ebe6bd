// Runs the example ledger canister's messages under an emulation of the IC
// System API (module "ic0"), enough of it to execute the paths that only
// exist in Wasm: calls the system refuses, rejects longer than the relay's
// buffer, traps with a message; and the ledger's own answers (a relay in
// flight, an invalid account). Each scenario checks the exact answer bytes
// and that a message is answered once (a second answer traps, as on the IC).
//   node [--experimental-wasm-memory64] tools/wasm/ic0-emu.mjs MODULE.wasm 32|64
// (the flag for wasm64 on Node releases before memory64 shipped)
// Prints PASS/FAIL per scenario; exits non-zero on any FAIL.
import { readFile } from 'node:fs/promises';

const [file, width] = process.argv.slice(2);
if (!file || (width !== '32' && width !== '64')) {
  console.error('usage: ic0-emu.mjs MODULE.wasm 32|64');
  process.exit(2);
}
const wide = width === '64';
// Pointer-sized values (the spec's I) are i64 on wasm64: BigInt in JS.
const toI = (n) => (wide ? BigInt(n) : n);
const fromI = (v) => Number(v);

// ---- LEB128, for the test bytes and for patching the module ----
function leb(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}
function readLeb(bytes, pos) {
  let v = 0, shift = 0, b;
  do {
    b = bytes[pos++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [v, pos];
}

// The IC reaches callbacks through the module's table without an export;
// JS cannot, so the emulation exports table 0 (as "emu_table") itself.
function exportTable(bytes) {
  let out = [...bytes.subarray(0, 8)];
  let pos = 8, patched = false;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = readLeb(bytes, pos + 1);
    let body = [...bytes.subarray(start, start + size)];
    if (id === 7) {
      const [count, rest] = readLeb(body, 0);
      const name = [...Buffer.from('emu_table')];
      body = [...leb(count + 1), ...body.slice(rest), ...leb(name.length), ...name, 1, 0];
      patched = true;
    }
    // concat, not push(...body): a section as large as the code section
    // overflows the call stack as arguments
    out = out.concat([id, ...leb(body.length)], body);
    pos = start + size;
  }
  if (!patched) throw new Error('no export section');
  return new Uint8Array(out);
}

class Trap extends Error {}

// ---- the emulated system ----
const sys = {
  ctx: null,          // the message being executed
  building: null,     // the call under construction
  pending: [],        // calls performed, waiting for their answer
  refuse: 0,          // what call_perform returns
  traps: [],          // messages passed to ic0.trap
};
let mem = () => new Uint8Array(instance.exports.memory.buffer);
const read = (p, n) => Buffer.from(mem().subarray(fromI(p), fromI(p) + fromI(n)));
function copyOut(dst, src, off, size) {
  const o = fromI(off), n = fromI(size);
  if (o + n > src.length) throw new Trap(`copy out of range: ${o}+${n} > ${src.length}`);
  mem().set(src.subarray(o, o + n), fromI(dst));
}
function respond(kind, detail) {
  const c = sys.ctx;
  if (!c.callContext) throw new Trap('no call context to answer');
  if (c.callContext.response) throw new Trap(`ic0.msg_${kind}: the call has already been responded to`);
  c.callContext.response = detail;
}
const ic0 = {
  msg_arg_data_size: () => toI(sys.ctx.arg.length),
  msg_arg_data_copy: (dst, off, size) => copyOut(dst, sys.ctx.arg, off, size),
  msg_caller_size: () => toI(sys.ctx.caller.length),
  msg_caller_copy: (dst, off, size) => copyOut(dst, sys.ctx.caller, off, size),
  msg_reject_code: () => sys.ctx.rejectCode,
  msg_reject_msg_size: () => toI(sys.ctx.rejectMsg.length),
  msg_reject_msg_copy: (dst, off, size) => copyOut(dst, sys.ctx.rejectMsg, off, size),
  msg_reply_data_append: (src, size) => {
    const cc = sys.ctx.callContext;
    if (cc.response) throw new Trap('ic0.msg_reply_data_append: the call has already been responded to');
    cc.replyData = Buffer.concat([cc.replyData, read(src, size)]);
  },
  msg_reply: () => respond('reply', { reply: sys.ctx.callContext.replyData }),
  msg_reject: (src, size) => {
    const text = read(src, size);
    new TextDecoder('utf-8', { fatal: true }).decode(text); // the IC requires UTF-8
    respond('reject', { code: 4, message: text });
  },
  canister_self_size: () => toI(1),
  canister_self_copy: (dst, off, size) => copyOut(dst, Buffer.from([0x01]), off, size),
  call_new: (cs, cn, ns, nn, replyFun, replyEnv, rejectFun, rejectEnv) => {
    sys.building = {
      callee: read(cs, cn), method: read(ns, nn).toString(), replyFun, replyEnv, rejectFun,
      rejectEnv, arg: Buffer.alloc(0), callContext: sys.ctx.callContext,
    };
  },
  call_on_cleanup: (fun, env) => { sys.building.cleanup = [fun, env]; },
  call_data_append: (src, size) => {
    sys.building.arg = Buffer.concat([sys.building.arg, read(src, size)]);
  },
  call_cycles_add128: () => {},
  call_perform: () => {
    if (!sys.building) throw new Trap('ic0.call_perform: no call under construction');
    const call = sys.building;
    sys.building = null;
    if (sys.refuse) return sys.refuse;
    sys.pending.push(call);
    return 0;
  },
  trap: (src, size) => {
    const text = read(src, size).toString();
    sys.traps.push(text);
    throw new Trap(text);
  },
};

const module = await WebAssembly.compile(exportTable(await readFile(file)));
const imports = WebAssembly.Module.imports(module);
const missing = imports.filter((i) => i.module !== 'ic0' || !(i.name in ic0));
if (missing.length) {
  console.log(`FAIL imports the emulation lacks: ${missing.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  process.exit(1);
}
const instance = await WebAssembly.instantiate(module, { ic0 });

// Runs fn as one message; a trap ends it (and answers its call context
// with reject 5, unless answered), as on the IC.
function execute(ctx, fn) {
  sys.ctx = ctx;
  try {
    fn();
    return null;
  } catch (e) {
    const text = e instanceof Trap ? e.message : `${e.constructor.name}: ${e.message}`;
    sys.building = null;
    if (ctx.callContext && !ctx.callContext.response)
      ctx.callContext.response = { code: 5, message: Buffer.from(`Canister trapped: ${text}`) };
    return text;
  } finally {
    sys.ctx = null;
  }
}
function update(method, caller, arg) {
  const callContext = { replyData: Buffer.alloc(0), response: null };
  const trap = execute({ arg, caller, callContext }, () => instance.exports[method]());
  return { callContext, trap };
}
// Answers the oldest pending call with a reply or a reject.
function answer(outcome) {
  const call = sys.pending.shift();
  const table = instance.exports.emu_table;
  const ctx = { caller: call.callee, callContext: call.callContext, arg: Buffer.alloc(0) };
  if (outcome.reply) {
    ctx.arg = outcome.reply;
    return execute(ctx, () => table.get(fromI(call.replyFun))(call.replyEnv));
  }
  ctx.rejectCode = outcome.code;
  ctx.rejectMsg = outcome.message;
  return execute(ctx, () => table.get(fromI(call.rejectFun))(call.rejectEnv));
}

// ---- the scenarios ----
const ALICE = Buffer.from([0xa1, 0x1c, 0xe0]);
const SIBLING = Buffer.from([0x0a]);
const DIDL = (...b) => Buffer.from([0x44, 0x49, 0x44, 0x4c, ...b]);
const principalArg = (p) => DIDL(0x00, 0x01, 0x68, 0x01, ...leb(p.length), ...p);
// (variant { Ok : nat; Err : text }), the relay's answer
const feeResult = (tag, ...value) =>
  DIDL(0x01, 0x6b, 0x02, 0xbc, 0x8a, 0x01, 0x7d, 0xc5, 0xfe, 0xd2, 0x01, 0x71, 0x01, 0x00, tag, ...value);
const textValue = (t) => [...leb(t.length), ...t];
const hex = (b) => (b ? Buffer.from(b).toString('hex') : String(b));

let fails = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} wasm${width} ${name}`);
  if (!ok) {
    console.log(`  ${detail.length > 400 ? detail.slice(0, 400) + '...' : detail}`);
    fails++;
  }
}
function expectResponse(name, r, want) {
  const got = r.callContext.response;
  const same = got && (want.reply ? got.reply && got.reply.equals(want.reply)
    : got.code === want.code && got.message && got.message.equals(want.message));
  check(name, same && !r.trap, `want ${JSON.stringify({ ...want, reply: hex(want.reply), message: want.message?.toString() })}` +
    `, got ${JSON.stringify(got && { ...got, reply: hex(got.reply), message: got.message?.toString() })}, trap ${r.trap}`);
}

{
  const r = update('canister_init', ALICE, Buffer.alloc(0));
  check('canister_init', !r.trap, `trap ${r.trap}`);
  // (record { owner : principal; subaccount : opt blob }) for Alice
  const account = DIDL(0x03, 0x6c, 0x02, ...leb(947296307), 0x68, ...leb(1349681965), 0x01,
    0x6e, 0x02, 0x6d, 0x7b, 0x01, 0x00, 0x01, ...leb(ALICE.length), ...ALICE, 0x00);
  expectResponse('icrc1_balance_of replies with the supply',
    update('canister_query icrc1_balance_of', ALICE, account),
    { reply: DIDL(0x00, 0x01, 0x7d, ...leb(1000000000)) });
}
{
  // the system refuses the call: the ledger answers once, itself
  sys.refuse = 2;
  const r = update('canister_update relay_fee', ALICE, principalArg(SIBLING));
  sys.refuse = 0;
  expectResponse('refused call_perform is answered once', r,
    { code: 4, message: Buffer.from('cannot call the sibling') });
  check('refused call leaves nothing pending', sys.pending.length === 0, `${sys.pending.length} pending`);
}
{
  // a sibling's reply, relayed
  const r = update('canister_update relay_fee', ALICE, principalArg(SIBLING));
  check('relay_fee performs a call to fee_info', sys.pending.length === 1 &&
    sys.pending[0].method === 'fee_info' && sys.pending[0].arg.equals(DIDL(0x00, 0x00)),
    `pending ${JSON.stringify(sys.pending.map((c) => [c.method, hex(c.arg)]))}`);
  // record { fee : nat } = 10_000
  const trap = answer({ reply: DIDL(0x01, 0x6c, 0x01, ...leb(5094982), 0x7d, 0x01, 0x00, ...leb(10000)) });
  expectResponse('relayed reply', { ...r, trap }, { reply: feeResult(0x00, ...leb(10000)) });
}
{
  // a reject of "x" and 1,000 two-byte characters: relayed cut at 1,023 bytes
  const r = update('canister_update relay_fee', ALICE, principalArg(SIBLING));
  const long = Buffer.from('x' + '\u00e9'.repeat(1000));
  const trap = answer({ code: 4, message: long });
  expectResponse('long multibyte reject relayed on a character boundary', { ...r, trap },
    { reply: feeResult(0x01, ...textValue(long.subarray(0, 1023))) });
}
{
  // a second relay while one is in flight is turned away (the call and its
  // target buffer are shared), then the first completes
  const r1 = update('canister_update relay_fee', ALICE, principalArg(SIBLING));
  const r2 = update('canister_update relay_fee', ALICE, principalArg(SIBLING));
  expectResponse('relay in flight turns a second one away', r2,
    { code: 4, message: Buffer.from('a relay is in flight; try again') });
  const trap = answer({ reply: DIDL(0x01, 0x6c, 0x01, ...leb(5094982), 0x7d, 0x01, 0x00, ...leb(7)) });
  expectResponse('first relay completes', { ...r1, trap }, { reply: feeResult(0x00, ...leb(7)) });
}
{
  // candid encode -d examples/ledger/ledger.did -t '(TransferArg)'
  //   '(record { to = record { owner = principal "aaaaa-aa"; subaccount = opt blob "short" }; amount = 1 })'
  const arg = Buffer.from('4449444c0a6c06fbca0101c6fcb60202ba89e5c20403a2de94eb060482f3f3910c05d8a38ca80d7d6c02' +
    'b3b0dac30368ad86ca8305066e7d6e076e086e786e096d7b6d7b6d7b01000100010573686f72740000000001', 'hex');
  // candid encode -d examples/ledger/ledger.did -t '(variant { Ok : nat; Err : TransferError })'
  //   '(variant { Err = variant { GenericError = record { error_code = 2;
  //     message = "invalid account: a subaccount is 32 bytes" } } })'
  const want = Buffer.from('4449444c086b02bc8a017dc5fed201016b08d1c4987c02c291ecb9027f94c1c7890403eb82a8970404a1c3' +
    'ebfd0705f087e6db090693e5bec80c7feb9cdbd50f076c02c7ebc4d00971c498b1b50d7d6c019bb3bea60a7d6c018bbdf29b017d6c01' +
    'bf9bb7f00d7d6c01a3bb918c0a786c019cbab69c027d0100010029696e76616c6964206163636f756e743a2061207375626163636f75' +
    '6e7420697320333220627974657302', 'hex');
  expectResponse('an invalid account is GenericError 2, not "ledger full"',
    update('canister_update icrc1_transfer', ALICE, arg), { reply: want });
}
{
  // a caller over 29 bytes: candid_trap's message reaches the caller
  const r = update('canister_init', Buffer.alloc(30, 7), Buffer.alloc(0));
  check('candid_trap passes its message through ic0.trap',
    r.trap === 'caller buffer too small' && sys.traps.at(-1) === 'caller buffer too small',
    `trap ${r.trap}, ic0.trap calls ${JSON.stringify(sys.traps)}`);
}
process.exit(fails ? 1 : 0);
