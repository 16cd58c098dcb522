// Reads a V8 CPU profile (.cpuprofile, e.g. from `npm run bench:editor -- --profile`) and prints
// where the time went: self time by area (the extension's bundle, VS Code's extension host,
// WebAssembly, garbage collection, idle), the functions with the most self time, and the
// inclusive time of the functions named on the command line.
//   node scripts/vscode/profile-summary.mjs FILE.cpuprofile [--top N] [--total name1,name2]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which part of the process a call frame belongs to. */
function areaOf({ functionName, url }) {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'VS Code / V8 (program)';
  if (url.startsWith('wasm://')) return 'WebAssembly (tree-sitter)';
  if (/dist\/extension(-main)?\.js$/.test(url)) return 'extension bundle';
  if (/dist\/test\//.test(url)) return 'bench test';
  if (!url) return 'native / builtins';
  return 'VS Code extension host';
}

export function summariseProfile(profile, { top = 25, totals = [] } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const byArea = new Map();
  const byFunction = new Map();
  const inclusive = new Map(totals.map((name) => [name, 0]));
  for (const [id, ms] of self) {
    const frame = nodes.get(id).callFrame;
    const area = areaOf(frame);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    if (totals.length) {
      // Inclusive time: every named function on this sample's stack, once per stack.
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const name = nodes.get(at).callFrame.functionName;
        if (inclusive.has(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, inclusive.get(name) + ms);
        }
      }
    }
  }
  const lines = [`  profile: ${total.toFixed(0)} ms sampled`];
  lines.push('  self time by area:');
  for (const [area, ms] of [...byArea].sort((a, b) => b[1] - a[1])) lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${area}`);
  lines.push(`  top ${top} functions by self time:`);
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  if (totals.length) {
    lines.push('  inclusive time of:');
    for (const [name, ms] of inclusive) lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const file = argv.find((arg) => arg.endsWith('.cpuprofile'));
  if (!file) {
    console.error('usage: node scripts/vscode/profile-summary.mjs FILE.cpuprofile [--top N] [--total a,b]');
    process.exit(2);
  }
  const top = argv.includes('--top') ? Number(argv[argv.indexOf('--top') + 1]) : 25;
  const totals = argv.includes('--total') ? argv[argv.indexOf('--total') + 1].split(',') : [];
  console.log(summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), { top, totals }));
}
