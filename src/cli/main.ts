import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintEngine } from '../language/engine';
import { bundledWasm, nodeModulesWasm, type WasmLocations } from '../language/parser';
import { startCommand } from './commands/start';
import { teachCommand } from './commands/teach';
import { weeksCommand } from './commands/weeks';

/** The grammars sit next to the bundle (dist/cli.js); from source they come from node_modules. */
export function wasmLocations(): WasmLocations {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter-python.wasm'))) return bundledWasm(__dirname);
  return nodeModulesWasm(path.resolve(__dirname, '..', '..'));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const table = [weeksCommand, startCommand, teachCommand];
  const found = table.find((c) => c.name === command);
  if (found) return found.run(rest);
  if (command !== 'check' || rest.length === 0) {
    process.stderr.write('usage: ai-teacher check <paths...> | weeks [--json] | start <track> <week> [dir]\n');
    return 2;
  }
  const engine = await LintEngine.create(wasmLocations());
  let count = 0;
  for (const file of rest) {
    const result = engine.lintBytes(file, fs.readFileSync(file));
    for (const f of result.findings) {
      count++;
      process.stdout.write(`${file}:${f.range.start.line + 1}:${f.range.start.column + 1}: ${f.ruleId} [${f.category}] ${f.message}\n`);
    }
  }
  return count > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ai-teacher: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
