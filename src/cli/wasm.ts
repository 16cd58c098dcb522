import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledWasm, nodeModulesWasm, type WasmLocations } from '../language/parser';

/** The grammars sit next to the bundle (dist/cli.js); run from source they come from node_modules. */
export function wasmLocations(): WasmLocations {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter-python.wasm'))) return bundledWasm(__dirname);
  return nodeModulesWasm(path.resolve(__dirname, '..', '..'));
}
