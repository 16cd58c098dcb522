/**
 * `node --import tsx scripts/profile-relint.ts [iterations]`: where the one-line re-lint of the
 * 1,000-line Python service spends its time. Prints wall and CPU p50/p95 for the whole
 * `lintDocument`, the model build alone and each Python rule alone, so a change to one of them
 * can be judged on its own figures rather than on the noisy total.
 */
import { performance } from 'node:perf_hooks';
import { LintEngine } from '../src/language/engine';
import { nodeModulesWasm } from '../src/language/parser';
import { PythonModel } from '../src/language/python/model';
import { isFileRule, type PythonContext } from '../src/language/rule';
import { pythonService } from './bench-corpus';

const RUNS = Number(process.argv[2] ?? 400);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function time(name: string, body: (i: number) => void): void {
  for (let i = 0; i < 50; i++) body(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = cpuMs();
    const t = performance.now();
    body(i);
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(3).padStart(7);
  console.log(`${name.padEnd(36)} wall p50 ${f(pct(wall, 50))} p95 ${f(pct(wall, 95))}   cpu p50 ${f(pct(cpu, 50))} p95 ${f(pct(cpu, 95))}`);
}

async function main(): Promise<void> {
  const engine = await LintEngine.create(nodeModulesWasm(process.cwd()));
  const text = pythonService();
  const lines = text.split('\n');
  lines[Math.floor(lines.length / 2)] += '  # edited';
  const versions = [text, lines.join('\n')];
  engine.lintDocument('svc.py', text);
  time('lintDocument (one-line re-lint)', (i) => engine.lintDocument('svc.py', versions[(i + 1) % 2]));
  time('lintText (full)', () => engine.lintText('svc.py', text));

  const only = process.argv.includes('--total');
  if (only) return;
  // The cached tree of the last lintDocument call stands for the re-parsed tree.
  const tree = (engine as unknown as { cache: Map<string, { tree: PythonContext['tree'] }> }).cache.get('svc.py')!.tree;
  time('new PythonModel', () => new PythonModel(tree, 'svc.py'));
  time('rule queries (all rules, one run)', () => engine.matchRules('python', tree));
  const matched = engine.matchRules('python', tree);
  for (const rule of engine.rules) {
    if (rule.language !== 'python' || !isFileRule(rule)) continue;
    const models = Array.from({ length: RUNS + 50 }, () => new PythonModel(tree, 'svc.py'));
    const matches = matched.get(rule.id) ?? [];
    time(`rule ${rule.id}`, (i) => rule.check({ path: 'svc.py', text: versions[0], tree, model: models[i % models.length], matches, report: () => undefined }));
  }
}

void main();
