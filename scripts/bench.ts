/**
 * `npm run bench`: figures, not a test. Every goal of the speed issue is printed as a ratio of
 * two figures measured in the same run, with the tools' runs interleaved round by round, so a
 * loaded machine slows both sides of a ratio alike and cannot flatter or hide a change.
 *
 *  - Whole processes on 40 copies of a realistic Python corpus (bench-corpus.ts): the CLI with
 *    `--no-cache`, the CLI with a warm cache, Ruff's WebAssembly build (scripts/bench-ruff.mjs,
 *    default flags and `--liftoff-only`, the better one counts) and Bandit (Debian's package,
 *    `apt-get install bandit`; skipped with a note when it is not installed). Wall time, CPU
 *    time and peak RSS (GNU time's %M when /usr/bin/time exists).
 *  - In-process, warm, on the same files: the engine against Ruff-wasm and against the floor of
 *    its own approach (web-tree-sitter parse plus one cursor walk of every file in JS).
 *  - The 1,005-line service: full lint and one-line re-lint (`lintDocument`), p50 and p95.
 *  - The YAML stream, and the CLI's peak memory on a generated 5,000-file tree.
 *
 * Needs `npm run build` first (dist/cli.js). `--quick` for a short run. CPU time is user +
 * system over all threads; for children it comes from GNU time or /proc/self/stat.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { LintEngine } from '../src/language/engine';
import { multiDocYaml, pythonService, realisticPythonCorpus } from './bench-corpus';

type EngineModule = typeof import('./bench-engine');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUFF = path.join(ROOT, 'scripts', 'bench-ruff.mjs');
const quick = process.argv.includes('--quick');
const ITERATIONS = quick ? 40 : 200;
const COPIES = 40;
const ROUNDS = quick ? 2 : 5;
const TREE_FILES = quick ? 500 : 5000;
/** `--only engine,inprocess,whole,tree` runs some parts (all by default; the tree only without --quick). */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const part = (name: string) => !only || only.includes(name);
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** `--source`: measure the TypeScript sources as tsx loads them instead of the bundled engine (see bench-engine.ts). */
const fromSource = process.argv.includes('--source');

/**
 * The in-process engine as it ships: bench-engine.ts bundled by esbuild with the options of
 * esbuild.config.mjs for Node (CommonJS, node20, web-tree-sitter's `import.meta.url` shim, the
 * fast-tree-sitter patch), then required. The sources themselves with `--source`.
 */
async function engineModule(tmp: string): Promise<EngineModule> {
  if (fromSource) return import('./bench-engine');
  const { build } = await import('esbuild');
  const { fastTreeSitter } = (await import(pathToFileURL(path.join(__dirname, 'fast-tree-sitter.mjs')).href)) as { fastTreeSitter: import('esbuild').Plugin };
  const outfile = path.join(tmp, 'bench-engine.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'bench-engine.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    plugins: [fastTreeSitter],
  });
  return createRequire(__filename)(outfile) as EngineModule;
}
let E: EngineModule;

const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(2)} ms`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const goals: { goal: string; met: boolean | undefined; figure: string }[] = [];
const goal = (name: string, value: number | undefined, limit: number, figure: string) => goals.push({ goal: name, met: value === undefined ? undefined : value <= limit, figure });

interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly cpuP50: number;
  readonly cpuP95: number;
}

function summarise(wall: number[], cpu: number[]): Timing {
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
}

/** Runs each body once per round, in turn, after a warm-up: the interleaving shares the machine's load. */
function interleaved(runs: number, bodies: ((i: number) => void)[]): Timing[] {
  for (let i = 0; i < Math.min(10, runs); i++) bodies.forEach((body) => body(i));
  const wall = bodies.map((): number[] => []);
  const cpu = bodies.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    bodies.forEach((body, b) => {
      const startCpu = cpuMs();
      const start = performance.now();
      body(i);
      wall[b].push(performance.now() - start);
      cpu[b].push(cpuMs() - startCpu);
    });
  }
  return bodies.map((_, b) => summarise(wall[b], cpu[b]));
}

function engineFigures(lint: LintEngine, name: string, file: string, text: string, editLine: number): void {
  const lineCount = text.split('\n').length;
  const findings = lint.lintText(file, text).findings.length;
  // Re-lint after a one-line edit: alternate between two versions of one line, as typing does.
  const edited = text.split('\n');
  edited[editLine] = `${edited[editLine]}  # edited`;
  const versions = [text, edited.join('\n')];
  const key = `bench-${file}`;
  lint.lintDocument(key, text);
  const [full, incremental] = interleaved(ITERATIONS, [() => lint.lintText(file, text), (i) => lint.lintDocument(key, versions[(i + 1) % 2])]);
  lint.forget(key);
  console.log(`\n${name}: ${lineCount} lines, ${findings} findings with ${lint.rules.length} rules`);
  console.log(
    `  full parse+lint   wall p50 ${ms(full.p50)}  p95 ${ms(full.p95)}   cpu p50 ${ms(full.cpuP50)}  p95 ${ms(full.cpuP95)}   ${fmt((lineCount * 1000) / full.p50)} lines/s`,
  );
  console.log(`  one-line re-lint  wall p50 ${ms(incremental.p50)}  p95 ${ms(incremental.p95)}   cpu p50 ${ms(incremental.cpuP50)}  p95 ${ms(incremental.cpuP95)}  (lintDocument)`);
  console.log(`    re-lint / full lint: ${ratio(incremental.cpuP50, full.cpuP50)} cpu, ${ratio(incremental.p50, full.p50)} wall (p50)`);
  if (file.endsWith('.py')) {
    goal('one-line re-lint <= 0.15x a full lint of the 1,005-line service (cpu p50, same run)', incremental.cpuP50 / full.cpuP50, 0.15, ratio(incremental.cpuP50, full.cpuP50));
    goal('one-line re-lint < 5 ms p95 (wall; judged on a quiet machine)', incremental.p95, 5, `${ms(incremental.p95)} wall, ${ms(incremental.cpuP95)} cpu`);
  }
}

function writeFiles(dir: string, files: [string, string][]): void {
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** CPU seconds used by reaped children so far (Linux), or undefined elsewhere. */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface ChildRun {
  readonly seconds: number;
  readonly cpu: number | undefined;
  /** Peak resident memory in MB, when GNU time is there to measure it. */
  readonly rssMb: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
}

function runChild(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): ChildRun {
  const report = path.join(os.tmpdir(), `ai-teacher-bench-time-${process.pid}.txt`);
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, args];
  const before = childrenCpuSeconds();
  const start = performance.now();
  const result = spawnSync(file, argv, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const after = childrenCpuSeconds();
  let rssMb: number | undefined;
  let cpu = before !== undefined && after !== undefined ? after - before : undefined;
  if (GNU_TIME) {
    const [kb, user, system] = (fs.readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    rssMb = kb / 1024;
    cpu = user + system;
    fs.rmSync(report, { force: true });
  }
  return { seconds, cpu, rssMb, status: result.status, stdout: result.stdout ?? '' };
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

interface Whole {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number | undefined;
}

const pick = (runs: ChildRun[]): Whole => ({
  wall: median(runs.map((r) => r.seconds)),
  cpu: median(runs.map((r) => r.cpu ?? r.seconds)),
  rssMb: runs.some((r) => r.rssMb !== undefined) ? Math.max(...runs.map((r) => r.rssMb ?? 0)) : undefined,
});
const wholeLine = (name: string, w: Whole, note = '') =>
  console.log(`  ${name.padEnd(34)} ${w.wall.toFixed(3)} s wall  ${w.cpu.toFixed(3)} s cpu  ${w.rssMb === undefined ? '' : `peak ${w.rssMb.toFixed(0)} MB`}  ${note}`);

/** Whole processes, interleaved round by round, on COPIES copies of the realistic corpus. */
function wholeProcesses(tmp: string, corpus: [string, string][]): void {
  const dir = path.join(tmp, 'corpus');
  for (let i = 0; i < COPIES; i++) writeFiles(path.join(dir, `copy_${String(i).padStart(2, '0')}`), corpus);
  const lines = corpus.reduce((n, [, text]) => n + text.split('\n').length, 0) * COPIES;
  console.log(
    `\nWhole processes on ${COPIES} copies of the realistic Python corpus (${fmt(corpus.length * COPIES)} files, ${fmt(lines)} lines), median of ${ROUNDS} interleaved rounds:`,
  );
  if (!fs.existsSync(CLI)) {
    console.log('  dist/cli.js missing: run `npm run build` for the whole-process figures');
    return;
  }
  const haveBandit = hasCommand('bandit');
  const cli = [CLI, 'check', '.', '--format', 'json'];
  const runs = { noCache: [] as ChildRun[], warm: [] as ChildRun[], ruff: [] as ChildRun[], ruffLiftoff: [] as ChildRun[], bandit: [] as ChildRun[] };
  runChild(process.execPath, cli, dir); // fills the cache for the warm runs
  // The files were written a moment before that run, too young for their `stat` to stand for
  // their content (src/cli/run-record.ts): the second run records the report the warm runs replay.
  runChild(process.execPath, cli, dir);
  for (let round = 0; round < ROUNDS; round++) {
    runs.noCache.push(runChild(process.execPath, [...cli, '--no-cache'], dir));
    runs.warm.push(runChild(process.execPath, cli, dir));
    runs.ruff.push(runChild(process.execPath, [RUFF, '.'], dir));
    runs.ruffLiftoff.push(runChild(process.execPath, ['--liftoff-only', RUFF, '.'], dir));
    if (haveBandit) runs.bandit.push(runChild('bandit', ['-q', '-r', '.', '-f', 'json', '-o', path.join(tmp, 'bandit.json')], dir));
  }
  const findings = (JSON.parse(runs.noCache[0].stdout) as { totals: { findings: number } }).totals.findings;
  const noCache = pick(runs.noCache);
  const warm = pick(runs.warm);
  const ruff = pick(runs.ruff);
  const ruffLiftoff = pick(runs.ruffLiftoff);
  const ruffBest = ruffLiftoff.wall <= ruff.wall ? ruffLiftoff : ruff;
  wholeLine('ai-teacher check --no-cache', noCache, `${fmt(findings)} findings`);
  wholeLine('ai-teacher check, warm cache', warm);
  const ruffFindings = (JSON.parse(runs.ruff[0].stdout) as { findings: number }).findings;
  wholeLine('ruff-wasm (S, BLE, T20)', ruff, `${fmt(ruffFindings)} findings`);
  wholeLine('ruff-wasm, node --liftoff-only', ruffLiftoff);
  console.log(`    CLI --no-cache / ruff-wasm at its best: ${ratio(noCache.wall, ruffBest.wall)} wall, ${ratio(noCache.cpu, ruffBest.cpu)} cpu`);
  goal('CLI --no-cache <= 1.5x Ruff-wasm at its best setting (wall, whole processes)', noCache.wall / ruffBest.wall, 1.5, ratio(noCache.wall, ruffBest.wall));
  goal('CLI --no-cache peak RSS < 150 MB', noCache.rssMb, 150, noCache.rssMb === undefined ? 'unknown (no /usr/bin/time)' : `${noCache.rssMb.toFixed(0)} MB`);
  if (!haveBandit) {
    console.log('  bandit: not installed, the Bandit ratios are skipped (Debian: apt-get install bandit)');
    goal('CLI --no-cache <= 0.12x Bandit (wall)', undefined, 0.12, 'Bandit not installed');
    goal('CLI with a warm cache <= 0.02x Bandit (wall)', undefined, 0.02, 'Bandit not installed');
    return;
  }
  const bandit = pick(runs.bandit);
  const version = execFileSync('bandit', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  wholeLine(version, bandit, `(exit ${runs.bandit[0].status})`);
  console.log(`    CLI --no-cache / Bandit: ${ratio(noCache.wall, bandit.wall)} wall, ${ratio(noCache.cpu, bandit.cpu)} cpu`);
  console.log(`    CLI warm cache / Bandit: ${ratio(warm.wall, bandit.wall)} wall, ${ratio(warm.cpu, bandit.cpu)} cpu`);
  goal('CLI --no-cache <= 0.12x Bandit (wall, whole processes)', noCache.wall / bandit.wall, 0.12, ratio(noCache.wall, bandit.wall));
  goal('CLI with a warm cache <= 0.02x Bandit (wall, whole processes)', warm.wall / bandit.wall, 0.02, ratio(warm.wall, bandit.wall));
}

/** In-process, warm: the engine against Ruff-wasm and against parse plus one walk, on the same files. */
async function inProcess(lint: LintEngine, corpus: [string, string][]): Promise<void> {
  const files = Array.from({ length: COPIES }, (_, i) => corpus.map(([name, text]): [string, string] => [`copy_${i}/${name}`, text])).flat();
  const ruffModule = await import('@astral-sh/ruff-wasm-nodejs');
  const { Workspace, PositionEncoding } = (ruffModule as unknown as { default?: typeof ruffModule }).default ?? ruffModule;
  const workspace = new Workspace({ lint: { select: ['S', 'BLE', 'T20'] } }, PositionEncoding.Utf16);
  const host = await E.ParserHost.create(E.nodeModulesWasm(ROOT), ['python']);
  const ours = () => files.forEach(([name, text]) => lint.lintText(name, text));
  const ruff = () => files.forEach(([, text]) => workspace.check(text));
  const floor = () =>
    files.forEach(([, text]) => {
      const tree = host.parse('python', text);
      E.walkAll(tree);
      tree.delete();
    });
  const [engine, ruffT, floorT] = interleaved(quick ? 3 : 7, [ours, ruff, floor]);
  console.log(`\nIn-process, warm, on the same ${fmt(files.length)} files (cpu, median of ${quick ? 3 : 7} interleaved rounds):`);
  console.log(`  ai-teacher engine (lintText)      ${(engine.cpuP50 / 1000).toFixed(3)} s cpu  ${(engine.p50 / 1000).toFixed(3)} s wall`);
  console.log(`  ruff-wasm ${String(Workspace.version()).padEnd(7)}, in-process    ${(ruffT.cpuP50 / 1000).toFixed(3)} s cpu  ${(ruffT.p50 / 1000).toFixed(3)} s wall`);
  console.log(`  floor: parse + one cursor walk    ${(floorT.cpuP50 / 1000).toFixed(3)} s cpu  ${(floorT.p50 / 1000).toFixed(3)} s wall`);
  console.log(`    engine / ruff-wasm: ${ratio(engine.cpuP50, ruffT.cpuP50)} cpu;  engine / floor: ${ratio(engine.cpuP50, floorT.cpuP50)} cpu`);
  goal('engine in-process <= 2x Ruff-wasm (cpu)', engine.cpuP50 / ruffT.cpuP50, 2, ratio(engine.cpuP50, ruffT.cpuP50));
  goal('engine in-process <= 1.2x its parse-plus-walk floor (cpu)', engine.cpuP50 / floorT.cpuP50, 1.2, ratio(engine.cpuP50, floorT.cpuP50));
}

function peakMemory(tmp: string): void {
  if (!fs.existsSync(CLI)) return;
  const py = pythonService(120);
  const yml = multiDocYaml(60);
  const dir = path.join(tmp, 'tree');
  const files: [string, string][] = [];
  for (let i = 0; i < TREE_FILES; i++) {
    const folder = `pkg${Math.floor(i / 50)}/sub${i % 5}`;
    files.push(i % 3 === 2 ? [`${folder}/deploy_${i}.yaml`, yml] : [`${folder}/module_${i}.py`, py]);
  }
  writeFiles(dir, files);
  const run = runChild(process.execPath, [CLI, 'check', '.', '--format', 'json', '--no-cache'], dir);
  const json = JSON.parse(run.stdout) as { totals: { files: number; findings: number } };
  console.log(`\nCLI --no-cache on a generated ${fmt(TREE_FILES)}-file tree (${fmt(json.totals.findings)} findings, --format json):`);
  console.log(
    `  ${run.seconds.toFixed(2)} s wall  ${run.cpu?.toFixed(2) ?? '?'} s cpu  ${fmt(json.totals.files / run.seconds)} files/s  peak RSS ${run.rssMb === undefined ? 'unknown' : `${run.rssMb.toFixed(0)} MB`}`,
  );
}

/**
 * The project pass on a 5,000-file tree of 1,000 small services (FastAPI app, router, package
 * file, Dockerfile, Kubernetes manifest each): the cost of extracting facts during the lint,
 * building the joined view and running the project rules, and the re-run after one file changed.
 */
function projectFigures(lint: LintEngine): void {
  const services = TREE_FILES / 5;
  const files: [string, string][] = [];
  for (let i = 0; i < services; i++) {
    const dir = `/tree/svc${i}`;
    files.push(
      [`${dir}/app/main.py`, 'from fastapi import FastAPI\nfrom app.routers import api\napp = FastAPI()\napp.include_router(api.router, prefix="/v1")\n'],
      [`${dir}/app/routers/api.py`, 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/health")\ndef health():\n    return {}\n'],
      [`${dir}/app/__init__.py`, ''],
      [`${dir}/Dockerfile`, `FROM python:3.12-slim\nUSER 1000\nCMD ["uvicorn", "app.main:app", "--port", "8000"]\n`],
      [
        `${dir}/k8s.yaml`,
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: svc${i}\nspec:\n  containers:\n    - name: svc${i}\n      image: acme/svc${i}:1\n      readinessProbe:\n        httpGet:\n          path: ${i % 100 === 7 ? '/health' : '/v1/health'}\n          port: 8000\n`,
      ],
    );
  }
  const parsed = files.filter(([file]) => /\.(py|yaml)$/.test(file));
  const cpu0 = cpuMs();
  for (const [file, text] of parsed) lint.lintText(file, text);
  const plain = cpuMs() - cpu0;
  const index = new E.ProjectIndex('/tree');
  const cpu1 = cpuMs();
  for (const [file, text] of files) index.set(file, /\.(py|yaml)$/.test(file) ? lint.lintText(file, text, { facts: true }).facts : E.textFacts(file, text));
  const withFacts = cpuMs() - cpu1;
  const [full] = interleaved(quick ? 3 : 10, [
    () => {
      index.set(files[0][0], index.get(files[0][0]));
      E.runProjectRules(index);
    },
  ]);
  const findings = [...E.runProjectRules(index).findings.values()].reduce((n, list) => n + list.length, 0);
  const one = lint.lintText(files[0][0], files[0][1], { facts: true }).facts;
  const [incremental] = interleaved(quick ? 3 : 10, [
    () => {
      index.set(files[0][0], one);
      E.runProjectRules(index);
    },
  ]);
  console.log(`\nProject pass on a ${fmt(files.length)}-file tree (${fmt(services)} services, ${findings} cross-file findings):`);
  console.log(
    `  lint of its Python and YAML files, cpu      ${fmt(plain)} ms, with facts ${fmt(withFacts)} ms (+${(((withFacts - plain) / plain) * 100).toFixed(0)}%, Dockerfiles included)`,
  );
  console.log(`  view + project rules, whole tree           p50 ${ms(full.p50)} wall, ${ms(full.cpuP50)} cpu`);
  console.log(`  after one file changed (re-index + pass)   p50 ${ms(incremental.p50)} wall, ${ms(incremental.cpuP50)} cpu`);
}

async function main(): Promise<void> {
  const startLoad = loadavg();
  console.log(`ai-teacher bench on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${startLoad}${quick ? ' (quick)' : ''}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-bench-'));
  E = await engineModule(tmp);
  console.log(`In-process figures measure ${fromSource ? 'the TypeScript sources (tsx, --source)' : 'the engine bundled as it ships (esbuild; --source for the sources)'}.`);
  const lint = await E.LintEngine.create(E.nodeModulesWasm(ROOT));
  if (part('engine')) {
    const python = pythonService(1000);
    engineFigures(lint, 'Python service', 'service.py', python, Math.floor(python.split('\n').length / 2));
    const yaml = multiDocYaml(500);
    engineFigures(lint, 'Multi-document YAML', 'stack.yaml', yaml, Math.floor(yaml.split('\n').length / 2));
  }
  const corpus = realisticPythonCorpus(ROOT);
  if (part('inprocess')) await inProcess(lint, corpus);
  if (part('project')) projectFigures(lint);
  try {
    if (part('whole')) wholeProcesses(tmp, corpus);
    if (only ? part('tree') : !quick) peakMemory(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nGoals, each a ratio of figures from this run (load average at the start ${startLoad}, now ${loadavg()}; the editor's goals follow from bench:editor):`);
  for (const { goal: name, met, figure } of goals) console.log(`  ${met === undefined ? 'n/a   ' : met ? 'met   ' : 'MISSED'}  ${name}: ${figure}`);
}

void main();
