/**
 * `node --import tsx scripts/profile-relint.ts [iterations] [--total]`: where the lint of the
 * 1,000-line Python service spends its time. Prints wall and CPU p50/p95 for the whole
 * one-line re-lint (`lintDocument`) and full lint, the parse, the one query run, each layer of
 * the file model, and for each Python rule its check alone and the extra cost of its query
 * patterns in the combined query, so a change to one of them can be judged on its own figures
 * rather than on the noisy total. Rule authors: a query whose structure is not selective (a
 * name predicate on every call) shows up here as a large query cost; use `callees` instead.
 *
 * `--relint` prints instead where the one-line re-lint spends its time: the incremental parse,
 * finding the model's nodes again plus the region's query run, the model and the rules, and each
 * Python rule's check inside the re-lint with its declared scope (`local`), most costly first: a
 * rule without one re-runs on the whole file after every edit.
 *
 * `--corpus` prints instead what a full lint of the realistic bench corpus (bench-corpus.ts,
 * without the accuracy corpus's holdout cases) costs: the parse, the query run and a cursor walk
 * (the floor), each model layer, and each Python rule's check over every file, most costly first,
 * on models whose layers are already built (best of three passes, CPU). These are the sources as
 * tsx runs them, about twice the shipped bundle's cost; read the ranking and the shares. Then, for
 * each rule, what a per-file gate (skipping a rule whose prerequisites are absent) could save: the
 * files it runs on, those it finds something in, the cost of the calls that find nothing, and how
 * many of them end at an early return (under 5 µs) and what those cost together.
 *
 * `--yaml` prints instead the same for the multi-document YAML stream of the bench: the full lint's
 * and the one-line re-lint's stages (parse, model and rules, results) and each YAML rule's check
 * in both, with how many documents it checked per lint: in the re-lint a rule re-runs on every
 * document of its kinds when its check reads `context.model` or `context.text` (engine.ts,
 * `YamlReusable`), on the edited document alone otherwise.
 */
import { performance } from 'node:perf_hooks';
import type { Tree } from 'web-tree-sitter';
import { LintEngine } from '../src/language/engine';
import * as path from 'node:path';
import { nodeModulesWasm, ParserHost, walkAll } from '../src/language/parser';
import { PYTHON_COLLECTED, PythonModel, type PythonNodes } from '../src/language/python/model';
import { QuerySet, type QueryRun } from '../src/language/query';
import { isFileRule, type PythonContext, type PythonRule, type Rule } from '../src/language/rule';
import { ALL_RULES } from '../src/language/rules';
import { multiDocYaml, pythonService, realisticPythonCorpus } from './bench-corpus';

const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 400);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Times `body` and prints its percentiles; returns the CPU p50. */
function time(name: string, body: (i: number) => void, print = true): number {
  // The warm-up takes the indices after the measured ones: a body that reads a fresh model per
  // index (the model layers below) must not find it built by the warm-up.
  for (let i = 0; i < 50; i++) body(RUNS + i);
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
  if (print) console.log(`${name.padEnd(44)} wall p50 ${f(pct(wall, 50))} p95 ${f(pct(wall, 95))}   cpu p50 ${f(pct(cpu, 50))} p95 ${f(pct(cpu, 95))}`);
  return pct(cpu, 50);
}

/** Where the one-line re-lint's time goes: its stages, and each Python rule's check within it. */
async function relint(): Promise<void> {
  const spent = new Map<string, number>();
  // Each Python rule's check, wrapped in a clock; the engine runs them as it would the originals.
  const rules = ALL_RULES.map((rule): Rule => {
    if (!isFileRule(rule) || rule.language !== 'python') return rule;
    const check = rule.check;
    return {
      ...rule,
      check: (context: PythonContext) => {
        const start = performance.now();
        try {
          check(context);
        } finally {
          spent.set(rule.id, (spent.get(rule.id) ?? 0) + performance.now() - start);
        }
      },
    };
  });
  const engine = await LintEngine.create(nodeModulesWasm(process.cwd()), rules);
  const text = pythonService();
  const lines = text.split('\n');
  lines[Math.floor(lines.length / 2)] += '  # edited';
  const versions = [text, lines.join('\n')];
  engine.lintDocument('svc.py', text);
  const stages = timeStages(
    (onPhase, i) => engine.lintDocument('svc.py', versions[(i + 51) % 2], { onPhase }),
    () => spent.clear(),
  );
  const ms = (total: number) => (total / RUNS).toFixed(3).padStart(7);
  const all = stages.parsed + stages.matched + stages.checked + stages.after;
  console.log(`one-line re-lint, wall mean ${ms(all)} ms:`);
  console.log(`  incremental parse                        ${ms(stages.parsed)}`);
  console.log(`  nodes found again + the region's query   ${ms(stages.matched)}`);
  console.log(`  model, file facts and rules              ${ms(stages.checked)}`);
  console.log(`  of which the rules' checks               ${ms([...spent.values()].reduce((sum, t) => sum + t, 0))}`);
  console.log(`  results                                  ${ms(stages.after)}`);
  console.log("\nEach Python rule's check in the re-lint (first use of a model layer is paid by the first rule to ask), by scope:");
  for (const [id, total] of [...spent].sort((a, b) => b[1] - a[1])) {
    const scope = (engine.rule(id) as PythonRule | undefined)?.local;
    console.log(`  ${ms(total)}  ${id.padEnd(44)} ${scope === undefined ? 'file' : scope === true ? 'local' : scope}`);
  }
}

/** The YAML stream's full lint and one-line re-lint: stages, and each YAML rule's check (see the header). */
async function yaml(): Promise<void> {
  const spent = new Map<string, { ms: number; calls: number }>();
  const rules = ALL_RULES.map((rule): Rule => {
    if (!isFileRule(rule) || rule.language !== 'yaml') return rule;
    const check = rule.check;
    return {
      ...rule,
      check: (context, document) => {
        const start = performance.now();
        try {
          check(context, document);
        } finally {
          const entry = spent.get(rule.id) ?? { ms: 0, calls: 0 };
          entry.ms += performance.now() - start;
          entry.calls++;
          spent.set(rule.id, entry);
        }
      },
    };
  });
  const engine = await LintEngine.create(nodeModulesWasm(process.cwd()), rules);
  const text = multiDocYaml(500);
  const lines = text.split('\n');
  lines[Math.floor(lines.length / 2)] += '  # edited';
  const versions = [text, lines.join('\n')];
  engine.lintDocument('stack.yaml', text);
  const ms = (total: number) => (total / RUNS).toFixed(3).padStart(7);
  for (const full of [true, false]) {
    const name = full ? 'full lint (lintText)' : 'one-line re-lint (lintDocument)';
    const stages = timeStages(
      (onPhase, i) => (full ? engine.lintText('stack.yaml', text, { onPhase }) : engine.lintDocument('stack.yaml', versions[(i + 51) % 2], { onPhase })),
      () => spent.clear(),
    );
    const checks = [...spent.values()].reduce((sum, entry) => sum + entry.ms, 0);
    console.log(`\n${name}, ${text.split('\n').length} lines, wall mean ${ms(stages.parsed + stages.matched + stages.checked + stages.after)} ms:`);
    console.log(`  parse (by documents in a re-lint)        ${ms(stages.parsed)}`);
    console.log(`  model and rules                          ${ms(stages.matched + stages.checked)}`);
    console.log(`  of which the rules' checks               ${ms(checks)}`);
    console.log(`  results                                  ${ms(stages.after)}`);
    console.log('  the costliest YAML rules, documents checked per lint:');
    for (const [id, entry] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`  ${ms(entry.ms)}  ${id.padEnd(44)} ${(entry.calls / RUNS).toFixed(1)}`);
  }
}

type Stages = { parsed: number; matched: number; checked: number; after: number };

/**
 * Wall time per lint stage (the engine's `onPhase` marks, the rest after the last mark), summed over
 * `RUNS` lints after 50 warm-up lints; `reset` clears the caller's own tallies when the warm-up ends.
 */
function timeStages(lint: (onPhase: (phase: 'parsed' | 'matched' | 'checked') => void, i: number) => unknown, reset: () => void): Stages {
  const stages: Stages = { parsed: 0, matched: 0, checked: 0, after: 0 };
  for (let i = -50; i < RUNS; i++) {
    if (i === 0) {
      reset();
      stages.parsed = stages.matched = stages.checked = stages.after = 0;
    }
    let last = performance.now();
    lint((phase) => {
      const now = performance.now();
      stages[phase] += now - last;
      last = now;
    }, i);
    stages.after += performance.now() - last;
  }
  return stages;
}

/** Each stage and each Python rule's check over the realistic corpus (see the header). */
async function corpus(): Promise<void> {
  const wasm = nodeModulesWasm(process.cwd());
  const host = await ParserHost.create(wasm, ['python']);
  const language = host.language('python');
  const rules = ALL_RULES.filter((rule): rule is PythonRule => isFileRule(rule) && rule.language === 'python');
  const set = QuerySet.compile(language, rules, PYTHON_COLLECTED);
  const files = realisticPythonCorpus(path.resolve(__dirname, '..')).filter(([name]) => !name.includes('/holdout/'));
  const parsed = files.map(([name, text]) => {
    const tree = host.parse('python', text);
    return { name, text, tree, run: set.run(tree.rootNode) };
  });
  const best = (body: () => void) => {
    let least = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const start = cpuMs();
      body();
      least = Math.min(least, cpuMs() - start);
    }
    return least;
  };
  const models = () => parsed.map(({ name, text, tree, run }) => new PythonModel(tree, name, text, run.nodes as PythonNodes));
  const rows: [string, number][] = [
    ['parse', best(() => files.forEach(([, text]) => host.parse('python', text).delete()))],
    ['query run (model kinds + rule patterns)', best(() => parsed.forEach(({ tree }) => set.run(tree.rootNode)))],
    ['floor: one cursor walk', best(() => parsed.forEach(({ tree }) => walkAll(tree)))],
  ];
  // Each layer on fresh models whose earlier layers are already built, so each row is its own cost.
  const layers: [string, (m: PythonModel) => unknown][] = [
    ['imports', (m) => m.imports],
    ['calls (resolution, instances)', (m) => m.calls],
    ['framework, handlers, role', (m) => m.role],
  ];
  layers.forEach(([layer, read], k) => {
    let least = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const built = models();
      built.forEach((m) => layers.slice(0, k).forEach(([, before]) => before(m)));
      const start = cpuMs();
      built.forEach(read);
      least = Math.min(least, cpuMs() - start);
    }
    rows.push([`model layer: ${layer}`, least]);
  });
  console.log(`${files.length} files (the realistic bench corpus, holdout left out), CPU ms per pass, best of 3:`);
  for (const [name, ms] of rows) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  const costs: [string, number][] = [];
  const gates: Gate[] = [];
  for (const rule of rules) {
    let least = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      // Fresh models with their layers built, so that no helper's per-model memo is warm.
      const built = models();
      built.forEach((m) => [m.calls, m.role, m.mainGuard]);
      const start = cpuMs();
      built.forEach((model, i) => {
        const { name, text, tree, run } = parsed[i];
        const matches = run.byRule.get(rule.id) ?? [];
        const calls = rule.callees ? model.callsNamed(rule.callees) : [];
        if ((rule.query || rule.callees) && matches.length === 0 && calls.length === 0) return;
        try {
          rule.check({ path: name, text, tree, model, matches, calls, report: () => undefined });
        } catch {
          // a failing rule is the fixture tests' business
        }
      });
      least = Math.min(least, cpuMs() - start);
    }
    costs.push([rule.id, least]);
    gates.push(gateOf(rule, models(), parsed));
  }
  costs.sort((a, b) => b[1] - a[1]);
  console.log(`\nEach Python rule's check over the corpus (all ${rules.length}: ${costs.reduce((sum, [, ms]) => sum + ms, 0).toFixed(0)} ms), most costly first:`);
  for (const [id, ms] of costs) console.log(`  ${ms.toFixed(1).padStart(8)}  ${id}`);
  printGates(gates, files.length);
}

/** What a per-file gate could save for one rule: the calls that find nothing, and those that end at a cheap early return. */
interface Gate {
  readonly id: string;
  /** Files where the engine calls the rule's check (its query and callees, if any, found something). */
  readonly ran: number;
  readonly found: number;
  /** CPU of the calls that reported nothing. */
  readonly silentMs: number;
  /** Calls that reported nothing within EARLY_MS: the rule's own early returns (a text hint, no handlers, a test path). */
  readonly early: number;
  readonly earlyMs: number;
}

/** A call that finds nothing in less than this ended at an early return (a regex over the text costs a few microseconds). */
const EARLY_MS = 0.005;

/** One pass over fresh models with their layers built, each call timed on its own (hrtime). */
function gateOf(rule: PythonRule, built: PythonModel[], parsed: readonly { name: string; text: string; tree: Tree; run: QueryRun }[]): Gate {
  built.forEach((m) => [m.calls, m.role, m.mainGuard]);
  let ran = 0;
  let found = 0;
  let silentMs = 0;
  let early = 0;
  let earlyMs = 0;
  built.forEach((model, i) => {
    const { name, text, tree, run } = parsed[i];
    const matches = run.byRule.get(rule.id) ?? [];
    const calls = rule.callees ? model.callsNamed(rule.callees) : [];
    if ((rule.query || rule.callees) && matches.length === 0 && calls.length === 0) return;
    let reports = 0;
    const start = process.hrtime.bigint();
    try {
      rule.check({ path: name, text, tree, model, matches, calls, report: () => void reports++ });
    } catch {
      // a failing rule is the fixture tests' business
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    ran++;
    if (reports > 0) {
      found++;
      return;
    }
    silentMs += ms;
    if (ms < EARLY_MS) {
      early++;
      earlyMs += ms;
    }
  });
  return { id: rule.id, ran, found, silentMs, early, earlyMs };
}

function printGates(gates: Gate[], files: number): void {
  const calls = gates.reduce((sum, g) => sum + g.ran, 0);
  const early = gates.reduce((sum, g) => sum + g.early, 0);
  const earlyMs = gates.reduce((sum, g) => sum + g.earlyMs, 0);
  const silentMs = gates.reduce((sum, g) => sum + g.silentMs, 0);
  console.log(
    `\nWhat a per-file gate could save (one pass, each call timed): ${calls} calls of ${gates.length} rules on ${files} files; ` +
      `${early} end at an early return (< ${EARLY_MS * 1000} µs, nothing found) costing ${earlyMs.toFixed(1)} ms in all, ` +
      `the ceiling of a gate on facts the rules already test first; the calls that find nothing cost ${silentMs.toFixed(0)} ms. Most silent cost first:`,
  );
  console.log(`  ${'rule'.padEnd(40)} ${'ran'.padStart(5)} ${'found'.padStart(5)} ${'silent ms'.padStart(9)} ${'early'.padStart(5)} ${'early ms'.padStart(8)}`);
  for (const g of [...gates].sort((a, b) => b.silentMs - a.silentMs))
    console.log(
      `  ${g.id.padEnd(40)} ${String(g.ran).padStart(5)} ${String(g.found).padStart(5)} ${g.silentMs.toFixed(1).padStart(9)} ${String(g.early).padStart(5)} ${g.earlyMs.toFixed(2).padStart(8)}`,
    );
}

async function main(): Promise<void> {
  if (process.argv.includes('--relint')) return relint();
  if (process.argv.includes('--corpus')) return corpus();
  if (process.argv.includes('--yaml')) return yaml();
  const wasm = nodeModulesWasm(process.cwd());
  const engine = await LintEngine.create(wasm);
  const host = await ParserHost.create(wasm);
  const text = pythonService();
  const lines = text.split('\n');
  lines[Math.floor(lines.length / 2)] += '  # edited';
  const versions = [text, lines.join('\n')];
  engine.lintDocument('svc.py', text);
  time('lintDocument (one-line re-lint)', (i) => engine.lintDocument('svc.py', versions[(i + 1) % 2]));
  time('lintText (full)', () => engine.lintText('svc.py', text));
  if (process.argv.includes('--total')) return;

  time('parse', () => host.parse('python', text).delete());
  const tree = host.parse('python', text);
  time('floor: one cursor walk in JS', () => walkAll(tree));
  const language = host.language('python');
  const rules = engine.rules.filter((rule): rule is PythonRule => rule.language === 'python' && isFileRule(rule));
  const combined = QuerySet.compile(language, rules, PYTHON_COLLECTED);
  time('one query run (model kinds + all rule patterns)', () => combined.run(tree.rootNode));
  const nodesOnly = QuerySet.compile(language, [], PYTHON_COLLECTED);
  const base = time('  of which the model kinds alone', () => nodesOnly.run(tree.rootNode));
  const nodes = combined.run(tree.rootNode).nodes as PythonNodes;

  // Fresh models per iteration, so each layer is measured from cold.
  const fresh = () => Array.from({ length: RUNS + 50 }, () => new PythonModel(tree, 'svc.py', text, nodes));
  let models = fresh();
  time('model layer: imports', (i) => models[i].imports);
  time('model layer: calls (resolution, instances)', (i) => models[i].calls);
  time('model layer: framework, handlers, role', (i) => models[i].role);
  models = fresh();
  time('model: summary (all layers)', (i) => models[i].summary());

  const matched = combined.run(tree.rootNode).byRule;
  console.log('\nPer rule: its check alone (model layers already built), and what its patterns add to the query run');
  for (const rule of rules) {
    models = fresh();
    models.forEach((m) => m.summary());
    const matches = matched.get(rule.id) ?? [];
    const check = time(`rule ${rule.id}`, (i) => {
      const model = models[i];
      const calls = rule.callees ? model.callsNamed(rule.callees) : [];
      rule.check({ path: 'svc.py', text, tree, model, matches, calls, report: () => undefined });
    });
    if (!rule.query) continue;
    const own = QuerySet.compile(language, [rule], PYTHON_COLLECTED);
    const withRule = time('', () => own.run(tree.rootNode), false);
    console.log(`${''.padEnd(6)}query patterns add ${(withRule - base).toFixed(3)} ms cpu p50 (${matches.length} matches); check ${check.toFixed(3)} ms`);
  }
}

void main();
