// Prints "ok FILE" or "reject FILE: reason" for each .did file named, as
// the reference parser judges it: @icp-sdk/bindgen parses and type-checks
// the file (imports included) before generating TypeScript.
import { wasmGenerate, wasmInit } from './node_modules/@icp-sdk/bindgen/dist/esm/core/generate/rs.js';

await wasmInit();
for (const file of process.argv.slice(2)) {
  try {
    wasmGenerate({ did_file_path: file, service_name: 'x', declarations: { root_exports: false } });
    console.log(`ok ${file}`);
  } catch (e) {
    console.log(`reject ${file}: ${String(e).split('\n')[0]}`);
  }
}
