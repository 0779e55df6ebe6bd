// Type-checks Motoko modules made by `candid bind --target motoko` with the
// Motoko compiler: node check.mjs CANDID_CLI FILE.did... Each module is
// checked on its own and imported by an actor that declares the service at
// its type and calls a method of it, as a canister using the binding would.
// Then the way back: moc's own Candid for `Service` (the result type of a
// probe method, as mo.candid prints it) must be structurally equal to the
// .did's service (`candid check --strict`), which proves every escaped
// name maps back to its Candid name or id.
// Prints one line per file and "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const require = createRequire(new URL('../motoko/package.json', import.meta.url));
const mo = require('motoko');
mo.loadPackage(require('motoko/packages/latest/core.json'));

const [cli, ...dids] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'motoko-bind-'));
let passed = 0, failed = 0;

// A user of the binding: the actor reference at the service's type, and a
// call of its first method when it takes no arguments (any method's type is
// checked by the declaration already).
function user(mod, src) {
  const m = /public type Service = actor \{\n\s+(\w+) : shared (?:query |composite query )?\(\) ->/.exec(src);
  const call = m ? `ignore (await s.${m[1]}());` : '';
  return `import B "${mod}";
persistent actor User {
  transient let s : B.Service = actor ("aaaaa-aa");
  public func use() : async () { ignore s; ${call} };
};
`;
}

// moc's Candid of B.Service, made the main service of a .did, against the
// original.
function roundTrip(mod, did, problems) {
  const probe = `Probe_${mod}.mo`;
  mo.write(probe, `import B "${mod}";
persistent actor { public query func probe() : async B.Service { actor ("aaaaa-aa") } };
`);
  const text = mo.candid(probe);
  const m = typeof text === 'string' && /service : \{\n  probe: \(\) -> \(([\s\S]*)\) query;\n\}\n?$/.exec(text);
  if (!m) {
    problems.push(`mo.candid gave no probe service: ${JSON.stringify(text).slice(0, 300)}`);
    return;
  }
  const back = join(out, `${mod}.back.did`);
  writeFileSync(back, `${text.slice(0, m.index)}service : ${m[1].replace(/^\s*service\s*/, '')}\n`);
  try {
    execFileSync(cli, ['check', back, did, '--strict'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    problems.push(`moc's Candid of Service differs: ${String(e.stderr).trim()}`);
  }
}

for (const did of dids) {
  const name = basename(did, '.did').replace(/[^A-Za-z0-9]/g, '_');
  const problems = [];
  try {
    execFileSync(cli, ['bind', '--target', 'motoko', '-o', out, '--name', name, did], { stdio: ['ignore', 'ignore', 'pipe'] });
    const src = readFileSync(join(out, name + '.mo'), 'utf8');
    mo.write(name + '.mo', src);
    const files = [name + '.mo'];
    if (src.includes('public type Service =')) {
      mo.write('User_' + name + '.mo', user(name, src));
      files.push('User_' + name + '.mo');
    }
    for (const f of files)
      for (const d of mo.check(f))
        if (d.severity === 1) problems.push(`${f}:${d.range.start.line + 1}: ${d.message}`);
    if (!problems.length && src.includes('public type Service =')) roundTrip(name, did, problems);
  } catch (e) {
    problems.push(String(e.stderr || e.message).trim());
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL ${basename(did)}\n  ${problems.slice(0, 5).join('\n  ')}`);
  } else {
    passed++;
    console.log(`ok   ${basename(did)}`);
  }
}
rmSync(out, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
