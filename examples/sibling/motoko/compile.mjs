// Compiles Main.mo (importing ../Sibling.mo) to an IC canister module with
// the Motoko compiler of tests/motoko (moc 4.10.0 from npm, pinned):
//   node compile.mjs OUT_DIR   writes OUT_DIR/main.wasm and OUT_DIR/main.did
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../tests/motoko/package.json', import.meta.url));
const mo = require('motoko');
mo.loadPackage(require('motoko/packages/latest/core.json'));
const out = process.argv[2];
const here = new URL('.', import.meta.url).pathname;
mo.write('sibling/Sibling.mo', readFileSync(here + '../Sibling.mo', 'utf8'));
mo.write('sibling/motoko/Main.mo', readFileSync(here + 'Main.mo', 'utf8'));
const { wasm, candid } = mo.wasm('sibling/motoko/Main.mo', 'ic');
writeFileSync(`${out}/main.wasm`, wasm);
writeFileSync(`${out}/main.did`, candid);
