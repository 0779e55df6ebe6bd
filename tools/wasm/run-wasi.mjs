// Runs a wasm32-wasi command module under Node.js's WASI and exits with its
// status: node tools/wasm/run-wasi.mjs MODULE.wasm
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const wasi = new WASI({ version: 'preview1', args: [process.argv[2]], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(process.argv[2]));
// wasiImport works on every Node release with WASI (getImportObject is newer).
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
process.exit(wasi.start(instance));
