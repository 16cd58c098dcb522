// Where the editor's first check of the bench's 1,000-line Python file (bench-python.mjs) goes,
// without the browser: the engine bundled as the extension bundles it (esbuild, the
// fast-tree-sitter patch), driven through the steps the extension runs (services-impl.ts,
// checks.ts), each in a fresh process of the editor's Node (code-server's, from the bench's
// setup, when installed; this Node otherwise), timed in wall and main-thread CPU per step.
//
//   node scripts/vscode/profile-first-check.mjs [--reps N] [--scenarios cold,warm] [--against DIR]
//
// Scenarios:
//   cold  the document is open when the extension activates: the parser runtime, its grammar,
//         then the check (its queries compile inside it), as a learner's first Python file;
//   warm  the extension activated first: runtime, grammar, the queries, the parser's sample and
//         every rules warm-up step (`LintEngine.warmUpRule`), then the check.
// After the check a second document (the same text) is checked: the warm figure to compare.
// `--against DIR`: another checkout of the project (a git worktree) measured in the same run, the
// processes of the two alternating, with the CPU ratios of this tree to it. CPU is what to read on
// a loaded machine (wall times there are mostly waiting for a core).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPython } from './bench-python.mjs';
import { cacheRoot, layouts } from './setup.mjs';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..', '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

if (argv[0] === '--child') await child(argv[1], argv[2], argv[3], argv[4]);
else await main();

/** One fresh process: the steps of one scenario, each `[wall ms, CPU ms]`. */
async function child(scenario, bundle, wasmRoot, file) {
  const text = fs.readFileSync(file, 'utf8');
  const cpu = () => {
    const usage = process.threadCpuUsage?.() ?? process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const out = { steps: {} };
  let wall = performance.now();
  let used = cpu();
  const step = (name) => {
    const [w, c] = [performance.now(), cpu()];
    out.steps[name] = [w - wall, c - used];
    [wall, used] = [w, c];
  };
  const E = createRequire(bundle)(bundle);
  step('load the bundle');
  const engine = await E.LintEngine.create(E.nodeModulesWasm(wasmRoot), E.ALL_RULES, []);
  step('parser runtime');
  await engine.prepare(['python']);
  step('python grammar');
  if (scenario === 'warm') {
    engine.compileQueries('python');
    step('queries compiled');
    engine.warmUp('python');
    step('parser sample');
    let largest = 0;
    let count = 0;
    for (let before = cpu(); engine.warmUpRule('python'); before = cpu()) {
      largest = Math.max(largest, cpu() - before);
      count++;
    }
    step('rules warm-up');
    out.warmUpSteps = count;
    out.largestStepCpu = largest;
  }
  const options = { lang: 'en', language: 'python', facts: false };
  const result = engine.lintDocument('file:///bench_1000.py', text, { ...options, onPhase: (phase) => step(`check: ${phase}`) });
  step('check: returned');
  out.findings = result.findings.length;
  engine.lintDocument('file:///again.py', text, options);
  step('a second document');
  console.log(JSON.stringify(out));
}

/** The engine of a checkout bundled as the extension bundles it. */
async function bundle(tree, outfile) {
  const { build } = await import(pathToFileURL(path.join(tree, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const { fastTreeSitter } = await import(pathToFileURL(path.join(tree, 'scripts', 'fast-tree-sitter.mjs')).href);
  const entry = path.join(path.dirname(outfile), `${path.basename(outfile, '.cjs')}-entry.ts`);
  const src = (file) => JSON.stringify(path.join(tree, 'src', 'language', file));
  fs.writeFileSync(entry, `export { LintEngine } from ${src('engine')};\nexport { nodeModulesWasm } from ${src('parser')};\nexport { ALL_RULES } from ${src('rules')};\n`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    nodePaths: [path.join(tree, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    plugins: [fastTreeSitter],
  });
}

async function main() {
  const reps = Number(option('--reps', 5));
  const scenarios = option('--scenarios', 'cold,warm').split(',');
  const against = option('--against');
  const editorNode = layouts(cacheRoot())
    .map((layout) => layout.node)
    .find((node) => fs.existsSync(node));
  const node = editorNode ?? process.execPath;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-first-check-'));
  const file = path.join(tmp, 'bench_1000.py');
  fs.writeFileSync(file, benchPython());
  const trees = [{ name: 'this tree', root: ROOT }, ...(against ? [{ name: path.basename(path.resolve(against)), root: path.resolve(against) }] : [])];
  for (const [i, tree] of trees.entries()) {
    tree.bundle = path.join(tmp, `engine-${i}.cjs`);
    await bundle(tree.root, tree.bundle);
  }
  console.log(
    `first check of the bench's 1,000-line Python file, ${reps} fresh processes per tree and scenario (${editorNode ? "the editor's Node" : 'this Node'}, load ${os.loadavg()[0].toFixed(1)}):`,
  );
  const runs = new Map();
  for (let rep = 0; rep < reps; rep++) {
    for (const scenario of scenarios) {
      for (const tree of rep % 2 ? [...trees].reverse() : trees) {
        const out = JSON.parse(execFileSync(node, [SELF, '--child', scenario, tree.bundle, tree.root, file], { encoding: 'utf8' }));
        const key = `${scenario}\u0000${tree.name}`;
        runs.set(key, [...(runs.get(key) ?? []), out]);
      }
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const fmt = (n) => n.toFixed(1).padStart(7);
  const checkCpu = (out) => Object.entries(out.steps).reduce((sum, [name, [, c]]) => sum + (name.startsWith('check: ') ? c : 0), 0);
  for (const scenario of scenarios) {
    for (const tree of trees) {
      const outs = runs.get(`${scenario}\u0000${tree.name}`);
      console.log(`\n${scenario}, ${tree.name} (${outs[0].findings} findings), median wall / CPU ms:`);
      for (const name of Object.keys(outs[0].steps)) {
        console.log(`  ${fmt(median(outs.map((o) => o.steps[name]?.[0] ?? 0)))} / ${fmt(median(outs.map((o) => o.steps[name]?.[1] ?? 0)))}  ${name}`);
      }
      console.log(`  the check's CPU: ${median(outs.map(checkCpu)).toFixed(1)} ms`);
      if (outs[0].warmUpSteps !== undefined)
        console.log(`  rules warm-up: ${outs[0].warmUpSteps} steps, the largest ${median(outs.map((o) => o.largestStepCpu)).toFixed(1)} ms of CPU`);
    }
    if (trees.length === 2) {
      const [a, b] = trees.map((tree) => runs.get(`${scenario}\u0000${tree.name}`));
      const ratio = (get) => (median(a.map(get)) / median(b.map(get))).toFixed(2);
      const warmUp = (o) => o.steps['rules warm-up']?.[1] ?? 0;
      console.log(`  this tree / ${trees[1].name} (CPU): the check ${ratio(checkCpu)}x${a[0].warmUpSteps !== undefined ? `, the rules warm-up ${ratio(warmUp)}x` : ''}`);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
