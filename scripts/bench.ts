/**
 * `npm run bench`: figures, not a test. Measures the engine on a realistic 1,000-line Python
 * service and a 500-line multi-document YAML (full parse + lint, and re-lint after a one-line
 * edit through `lintDocument`), the peak memory of the CLI on a 5,000-file tree, and the same
 * Python files side by side with Bandit (if installed) and Ruff's WASM build (S, BLE, T20).
 * Needs `npm run build` first for the CLI figures (dist/cli.js).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LintEngine } from '../src/language/engine';
import { nodeModulesWasm } from '../src/language/parser';
import { multiDocYaml, pythonService } from './bench-corpus';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const ITERATIONS = quick ? 30 : 200;
const COMPARE_FILES = quick ? 10 : 40;
const TREE_FILES = quick ? 500 : 5000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(2)} ms`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function time(runs: number, body: (i: number) => void): { p50: number; p95: number; total: number } {
  for (let i = 0; i < Math.min(10, runs); i++) body(i); // warm-up: JIT and WASM tiers
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body(i);
    samples.push(performance.now() - start);
  }
  const total = samples.reduce((a, b) => a + b, 0);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), total };
}

function engineFigures(lint: LintEngine, name: string, file: string, text: string, editLine: number): void {
  const lineCount = text.split('\n').length;
  const findings = lint.lintText(file, text).findings.length;
  const full = time(ITERATIONS, () => lint.lintText(file, text));
  const seconds = full.total / 1000;
  console.log(`\n${name}: ${lineCount} lines, ${findings} findings with today's ${lint.rules.length} rules`);
  console.log(`  full parse+lint   p50 ${ms(full.p50)}  p95 ${ms(full.p95)}  ${fmt((lineCount * ITERATIONS) / seconds)} lines/s  ${fmt(ITERATIONS / seconds)} files/s`);

  // Re-lint after a one-line edit: alternate between two versions of one line, as typing does.
  const lines = text.split('\n');
  const edited = [...lines];
  edited[editLine] = `${edited[editLine]}  # edited`;
  const versions = [text, edited.join('\n')];
  const key = `bench-${file}`;
  lint.lintDocument(key, text);
  const incremental = time(ITERATIONS, (i) => lint.lintDocument(key, versions[(i + 1) % 2]));
  lint.forget(key);
  console.log(`  one-line re-lint  p50 ${ms(incremental.p50)}  p95 ${ms(incremental.p95)}  (lintDocument, incremental parse)`);
  return void (name.startsWith('Python') && goals.push(['incremental re-lint of the 1,000-line file < 5 ms p95', incremental.p95 < 5, ms(incremental.p95)]));
}

const goals: [string, boolean, string][] = [];

function writeFiles(dir: string, count: number, make: (i: number) => [string, string]): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const [name, content] = make(i);
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    files.push(file);
  }
  return files;
}

function wallClock(command: string, args: string[], cwd: string): { seconds: number; status: number | null; stderr: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { seconds: (performance.now() - start) / 1000, status: result.status, stderr: result.stderr ?? String(result.error ?? '') };
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

async function compare(lint: LintEngine, tmp: string): Promise<void> {
  const base = pythonService(1000);
  // Same service, varied a little per file so nothing is cached across files.
  const files = writeFiles(path.join(tmp, 'compare'), COMPARE_FILES, (i) => [`svc_${i}.py`, base.replace(/recommend/g, `recommend${i}`)]);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const lineCount = texts.reduce((n, t) => n + t.split('\n').length, 0);
  console.log(`\nSide by side on ${files.length} Python files (${fmt(lineCount)} lines):`);

  const oursRuns = time(5, () => files.forEach((f, i) => lint.lintText(f, texts[i])));
  const ours = oursRuns.p50 / 1000;
  console.log(`  ai-teacher engine (in-process)   ${ours.toFixed(3)} s   ${fmt(lineCount / ours)} lines/s`);

  // Ruff's WASM build in the same process, rules S (bandit), BLE (blind except), T20 (print).
  const ruffModule = await import('@astral-sh/ruff-wasm-nodejs');
  const { Workspace, PositionEncoding } = (ruffModule as unknown as { default?: typeof ruffModule }).default ?? ruffModule;
  const workspace = new Workspace({ lint: { select: ['S', 'BLE', 'T20'] } }, PositionEncoding.Utf16);
  const ruffFindings = (workspace.check(texts[0]) as unknown[]).length;
  const ruffRuns = time(5, () => texts.forEach((t) => workspace.check(t)));
  const ruff = ruffRuns.p50 / 1000;
  console.log(`  ruff-wasm ${String(Workspace.version()).padEnd(8)} (in-process)   ${ruff.toFixed(3)} s   ${fmt(lineCount / ruff)} lines/s  (${ruffFindings} findings per file)`);
  console.log(`    ratio ai-teacher / ruff-wasm: ${(ours / ruff).toFixed(2)}x the time`);
  goals.push(['full lint no slower than 2x Ruff-wasm', ours <= 2 * ruff, `${(ours / ruff).toFixed(2)}x`]);

  let cli: number | undefined;
  if (fs.existsSync(CLI)) {
    const run = wallClock(process.execPath, [CLI, 'check', '.', '--format', 'json'], path.join(tmp, 'compare'));
    cli = run.seconds;
    console.log(`  ai-teacher CLI (whole run)       ${cli.toFixed(3)} s   node dist/cli.js check, start-up included`);
  } else {
    console.log('  ai-teacher CLI: dist/cli.js missing, run `npm run build` for the whole-run figure');
  }

  if (!hasCommand('bandit')) {
    console.log('  bandit: not installed, skipped (Debian: apt-get install bandit)');
    return;
  }
  const version = execFileSync('bandit', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const bandit = wallClock('bandit', ['-q', '-r', '.', '-f', 'json', '-o', path.join(tmp, 'bandit.json')], path.join(tmp, 'compare'));
  console.log(`  ${version.padEnd(32)} ${bandit.seconds.toFixed(3)} s   whole run (exit ${bandit.status})`);
  console.log(`    ratio bandit / ai-teacher engine: ${(bandit.seconds / ours).toFixed(1)}x faster`);
  if (cli !== undefined) console.log(`    ratio bandit / ai-teacher CLI whole run: ${(bandit.seconds / cli).toFixed(1)}x faster`);
  goals.push(['full lint >= 10x faster than Bandit', bandit.seconds / (cli ?? ours) >= 10, `${(bandit.seconds / (cli ?? ours)).toFixed(1)}x (${cli !== undefined ? 'CLI whole run' : 'engine'})`]);
}

function peakMemory(tmp: string): void {
  if (!fs.existsSync(CLI)) {
    console.log('\nPeak memory: dist/cli.js missing, run `npm run build`');
    return;
  }
  const py = pythonService(120);
  const yml = multiDocYaml(60);
  const dir = path.join(tmp, 'tree');
  writeFiles(dir, TREE_FILES, (i) => {
    const folder = `pkg${Math.floor(i / 50)}/sub${i % 5}`;
    return i % 3 === 2 ? [`${folder}/deploy_${i}.yaml`, yml] : [`${folder}/module_${i}.py`, py];
  });
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], {
    cwd: dir,
    env: { ...process.env, AI_TEACHER_REPORT_MAXRSS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - start) / 1000;
  const rss = /maxRSS (\d+) KB/.exec(result.stderr ?? '');
  const json = JSON.parse(result.stdout) as { totals: { files: number; findings: number } };
  console.log(`\nCLI on a ${fmt(TREE_FILES)}-file tree (${json.totals.files} files, ${fmt(json.totals.findings)} findings, --format json):`);
  console.log(`  wall ${seconds.toFixed(2)} s  ${fmt(json.totals.files / seconds)} files/s  peak RSS ${rss ? `${(Number(rss[1]) / 1024).toFixed(0)} MB` : 'unknown'}`);
}

async function main(): Promise<void> {
  console.log(`ai-teacher bench on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}${quick ? ' (quick)' : ''}`);
  const lint = await LintEngine.create(nodeModulesWasm(ROOT));
  const python = pythonService(1000);
  engineFigures(lint, 'Python service', 'service.py', python, Math.floor(python.split('\n').length / 2));
  const yaml = multiDocYaml(500);
  engineFigures(lint, 'Multi-document YAML', 'stack.yaml', yaml, Math.floor(yaml.split('\n').length / 2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-bench-'));
  try {
    await compare(lint, tmp);
    peakMemory(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\nGoals:');
  for (const [goal, met, figure] of goals) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${goal}: ${figure}`);
}

void main();
