// A whole-process Ruff run for `npm run bench`: Ruff's WebAssembly build (the npm package
// @astral-sh/ruff-wasm-nodejs) checks every .py file under a folder with the rules that overlap
// ours (S: bandit, BLE: blind except, T20: print), the way `ruff check` would. The bench runs it
// with default V8 flags and with `--liftoff-only` (no optimising compile of Ruff's 10 MB of
// WebAssembly), and compares against the better of the two.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ruff from '@astral-sh/ruff-wasm-nodejs';

const { Workspace, PositionEncoding } = ruff;

function pythonFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pythonFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.py')) out.push(full);
  }
  return out;
}

const workspace = new Workspace({ lint: { select: ['S', 'BLE', 'T20'] } }, PositionEncoding.Utf16);
let findings = 0;
const files = pythonFiles(process.argv[2] ?? '.');
for (const file of files) findings += workspace.check(fs.readFileSync(file, 'utf8')).length;
process.stdout.write(`${JSON.stringify({ files: files.length, findings })}\n`);
