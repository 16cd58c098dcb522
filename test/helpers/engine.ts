import * as path from 'node:path';
import { LintEngine } from '../../src/language/engine';
import { nodeModulesWasm } from '../../src/language/parser';

export const ROOT = path.resolve(__dirname, '..', '..');

let shared: Promise<LintEngine> | undefined;

/** One engine per test process: the WASM grammars load once. */
export function engine(): Promise<LintEngine> {
  shared ??= LintEngine.create(nodeModulesWasm(ROOT));
  return shared;
}
