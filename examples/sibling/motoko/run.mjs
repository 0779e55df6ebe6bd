// Runs the Motoko actor (main.wasm, from compile.mjs) against the C sibling
// canister (sibling32.wasm or sibling64.wasm) under an emulation of the ic0 imports both use:
// the Motoko update makes an inter-canister call, the emulation delivers
// it to the sibling's query, hands the reply to the Motoko callback (through
// the module's table, which it exports for the purpose), and checks what the
// Motoko canister finally answers.
//   node run.mjs MAIN.wasm SIBLING.wasm 32|64 CANDID_CLI
// Prints PASS/FAIL per call and "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [mainFile, sibFile, width, cli] = process.argv.slice(2);
const sibI = width === '64' ? BigInt : Number; // the sibling's pointer-sized values
const did = new URL('../sibling.did', import.meta.url).pathname;
const N = Number, B = BigInt;


class Trap extends Error {}
const MAIN_ID = Buffer.from([0x01]), SIB_ID = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x01, 0x30, 0x00, 0x01, 0x01, 0x01]);
const sys = { ctx: null, building: null, pending: [], stable: Buffer.alloc(0), timer: 0n, log: [] };
let main;
const mem = () => new Uint8Array(main.exports.mem.buffer);
const read = (p, n) => Buffer.from(mem().subarray(N(p), N(p) + N(n)));
const copyOut = (dst, src, off, size) => {
  if (N(off) + N(size) > src.length) throw new Trap('copy out of range');
  mem().set(src.subarray(N(off), N(off) + N(size)), N(dst));
};
function respond(r) {
  const cc = sys.ctx.callContext;
  if (!cc || cc.response) throw new Trap('no call to answer');
  cc.response = r;
}
const ic0 = {
  msg_arg_data_size: () => B(sys.ctx.arg.length),
  msg_arg_data_copy: (d, o, s) => copyOut(d, sys.ctx.arg, o, s),
  msg_caller_size: () => B(sys.ctx.caller.length),
  msg_caller_copy: (d, o, s) => copyOut(d, sys.ctx.caller, o, s),
  msg_reject_code: () => sys.ctx.rejectCode ?? 0,
  msg_reject_msg_size: () => B(sys.ctx.rejectMsg.length),
  msg_reject_msg_copy: (d, o, s) => copyOut(d, sys.ctx.rejectMsg, o, s),
  msg_reply_data_append: (p, n) => { sys.ctx.callContext.data.push(read(p, n)); },
  msg_reply: () => respond({ reply: Buffer.concat(sys.ctx.callContext.data) }),
  msg_reject: (p, n) => respond({ code: 4, message: read(p, n).toString() }),
  msg_cycles_refunded128: (d) => { mem().fill(0, N(d), N(d) + 16); },
  canister_self_size: () => B(MAIN_ID.length),
  canister_self_copy: (d, o, s) => copyOut(d, MAIN_ID, o, s),
  canister_status: () => 1,
  is_controller: () => 0,
  debug_print: (p, n) => { sys.log.push(read(p, n).toString()); },
  trap: (p, n) => { throw new Trap(read(p, n).toString()); },
  call_new: (cs, cn, ms, mn, replyFun, replyEnv, rejectFun, rejectEnv) => {
    sys.building = { callee: read(cs, cn), method: read(ms, mn).toString(), replyFun, replyEnv, rejectFun, rejectEnv,
      arg: [], callContext: sys.ctx.callContext };
  },
  call_data_append: (p, n) => { sys.building.arg.push(read(p, n)); },
  call_cycles_add128: () => {},
  call_with_best_effort_response: () => {},
  call_on_cleanup: (fun, env) => { sys.building.cleanup = [fun, env]; },
  call_perform: () => {
    const c = sys.building;
    sys.building = null;
    c.arg = Buffer.concat(c.arg);
    sys.pending.push(c);
    return 0;
  },
  stable64_size: () => B(sys.stable.length / 65536),
  stable64_grow: (n) => {
    const old = B(sys.stable.length / 65536);
    sys.stable = Buffer.concat([sys.stable, Buffer.alloc(N(n) * 65536)]);
    return old;
  },
  stable64_read: (d, o, s) => copyOut(d, sys.stable, o, s),
  stable64_write: (o, p, s) => { read(p, s).copy(sys.stable, N(o)); },
  time: () => 1_700_000_000_000_000_000n,
  performance_counter: () => 0n,
  global_timer_set: (t) => { const old = sys.timer; sys.timer = t; return old; },
};

// Runs fn as one message of the Motoko canister; a trap answers its call
// (if unanswered) with reject 5.
function execute(ctx, fn) {
  sys.ctx = ctx;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Trap) && !(e instanceof WebAssembly.RuntimeError)) throw e;
    if (ctx.callContext && !ctx.callContext.response) ctx.callContext.response = { code: 5, message: `trapped: ${e.message}` };
  } finally {
    sys.ctx = null;
  }
}

// The sibling: a C canister with its own minimal ic0.
const sibling = await (async () => {
  let inst, s = null;
  const m = () => new Uint8Array(inst.exports.memory.buffer);
  const rd = (p, n) => Buffer.from(m().subarray(N(p), N(p) + N(n)));
  const imports = {
    msg_arg_data_size: () => sibI(s.arg.length),
    msg_arg_data_copy: (d, o, n) => { m().set(s.arg.subarray(N(o), N(o) + N(n)), N(d)); },
    msg_reply_data_append: (p, n) => { s.data.push(rd(p, n)); },
    msg_reply: () => { s.out = { reply: Buffer.concat(s.data) }; },
    msg_reject: (p, n) => { s.out = { code: 4, message: rd(p, n) }; },
    trap: (p, n) => { throw new Trap(rd(p, n).toString()); },
  };
  inst = (await WebAssembly.instantiate(readFileSync(sibFile), { ic0: imports })).instance;
  return (method, arg) => {
    const f = inst.exports[`canister_query ${method}`] || inst.exports[`canister_update ${method}`];
    if (!f) return { code: 3, message: Buffer.from(`no method ${method}`) };
    s = { arg, data: [], out: null };
    try {
      f();
    } catch (e) {
      return { code: 5, message: Buffer.from(`trapped: ${e.message}`) };
    }
    return s.out;
  };
})();

const mod = await WebAssembly.compile(readFileSync(mainFile));
const lacking = WebAssembly.Module.imports(mod).filter((i) => i.module !== 'ic0' || !(i.name in ic0));
if (lacking.length) {
  console.log(`FAIL imports the emulation lacks: ${lacking.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  process.exit(1);
}
main = await WebAssembly.instantiate(mod, { ic0 });

const candid = (input, ...args) =>
  execFileSync(cli, [...args, '-'], { input, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
const enc = (text) => Buffer.from(candid(text, 'encode'), 'hex');
const dec = (bytes) => candid(bytes.toString('hex'), 'decode');

let passed = 0, failed = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `\n    ${detail}`}`);
  if (ok) passed++; else failed++;
}

// Delivers the pending calls to the sibling and their answers to Motoko's
// callbacks until none is left; returns the calls made.
function settle() {
  const made = [];
  while (sys.pending.length) {
    const c = sys.pending.shift();
    made.push(c.method);
    const r = sibling(c.method, c.arg);
    const table = main.exports.table; // moc exports its memory and table
    const ctx = { caller: SIB_ID, callContext: c.callContext, arg: Buffer.alloc(0) };
    if (r.reply) {
      ctx.arg = r.reply;
      execute(ctx, () => table.get(c.replyFun)(c.replyEnv));
    } else {
      ctx.rejectCode = r.code;
      ctx.rejectMsg = r.message;
      execute(ctx, () => table.get(c.rejectFun)(c.rejectEnv));
    }
  }
  return made;
}
function update(method, argText) {
  const callContext = { data: [], response: null };
  execute({ arg: enc(argText), caller: Buffer.from([0x04]), callContext }, () => main.exports[`canister_update ${method}`]());
  const made = settle();
  return { made, response: callContext.response };
}

// canister_init with the sibling's id (any valid principal: the emulation
// routes every call to the sibling).
{
  const callContext = { data: [], response: null };
  execute({ arg: enc('("rrkah-fqaaa-aaaaa-aaaaq-cai")'), caller: Buffer.from([0x04]), callContext },
    () => main.exports.canister_init());
  check('canister_init', !callContext.response, JSON.stringify(callContext.response) + ' ' + sys.log.join('\n'));
}
const want = (text) => dec(enc(text));
const show = (r) => (r.response?.reply ? dec(r.response.reply) : JSON.stringify(r.response && { ...r.response, message: String(r.response.message) }));
{
  const r = update('digest', '("abc")');
  const digest = createHash('sha256').update('abc').digest();
  const w = want(`(blob "${[...digest].map((x) => '\\' + x.toString(16).padStart(2, '0')).join('')}")`);
  check('digest("abc"): Motoko -> sha256 -> Motoko', r.made.join() === 'sha256' && r.response?.reply && dec(r.response.reply) === w,
    `calls ${r.made}, got ${show(r)}, want ${w}`);
}
{
  const r = update('indexOf', '("日本語日本語", "語")');
  check('indexOf("日本語日本語", "語") = ?2', r.made.join() === 'find' && r.response?.reply && dec(r.response.reply) === want('(opt 2 : opt nat)'),
    `calls ${r.made}, got ${show(r)}`);
}
{
  const r = update('roundTrip', '(vec { 0 : nat64; 300 : nat64; 18446744073709551615 : nat64 })');
  check('roundTrip: varint_encode then varint_decode', r.made.join() === 'varint_encode,varint_decode' &&
    r.response?.reply && dec(r.response.reply) === want('(true)'), `calls ${r.made}, got ${show(r)}`);
}
{
  const r = update('decode', '(blob "\\05\\80")');
  check('decode: the sibling\'s error variant', r.response?.reply &&
    dec(r.response.reply) === want('("error: #truncated({offset = 1})")'), `got ${show(r)}`);
}
{
  // 1.5 million one-byte varints: more than the sibling's arena, so it
  // rejects, and Motoko's reject callback turns that into the text.
  const zeros = '\\00'.repeat(1500000);
  const r = update('decode', `(blob "${zeros}")`);
  check('decode: the sibling\'s reject reaches Motoko\'s catch', r.response?.reply &&
    dec(r.response.reply) === want('("rejected: sibling: the request needs more memory than the canister\'s arena")'),
    `got ${show(r)}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
