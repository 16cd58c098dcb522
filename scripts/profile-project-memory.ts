/**
 * `node --expose-gc --import tsx scripts/profile-project-memory.ts <folder> [copies]`: where the
 * live heap of `check --no-cache` goes on a large tree, phase by phase. Lints every Python, YAML
 * and project file under the folder once (the engine in-process, with facts), then holds the
 * facts as the CLI's project pass does (`withoutUnresolvableCalls`, `packFacts`, one `FactsPool`) for
 * `copies` copies of the tree under different roots, and prints after full collections: the
 * facts' live heap per file and per top-level field (each object counted under the first field
 * that reaches it, a copy's share of the pool under the first copy), the pool's own maps, the
 * project view, and each project rule's allocation and what it leaves behind. The heap of the
 * whole process is larger (code, the WASM memory, the walk's entries): read the shares.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintEngine } from '../src/language/engine';
import { nodeModulesWasm } from '../src/language/parser';
import { FactsPool, moduleTails, withoutUnresolvableCalls } from '../src/language/project/compact';
import type { FileFacts } from '../src/language/project/facts';
import { ProjectIndex } from '../src/language/project/index';
import { packFacts } from '../src/language/project/packed';
import { runProjectRules } from '../src/language/project/run';
import { projectFileKind, textFacts } from '../src/language/project/text-facts';
import { ALL_RULES } from '../src/language/rules';

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

function live(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

function factsOf(engine: LintEngine, root: string): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
        continue;
      }
      const kind = entry.isFile() ? projectFileKind(full) : undefined;
      if (!kind) continue;
      const text = fs.readFileSync(full, 'utf8');
      const facts = kind === 'python' || kind === 'yaml' ? engine.lintText(full, text, { facts: true }).facts : textFacts(full, text);
      if (facts) found.push([path.relative(root, full).split(path.sep).join('/'), JSON.stringify(facts)]);
    }
  };
  walk(root);
  return found;
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with node --expose-gc --import tsx');
  const [folder, copiesArg] = process.argv.slice(2);
  if (!folder) throw new Error('usage: profile-project-memory.ts <folder> [copies]');
  const copies = Math.max(1, Number(copiesArg ?? 1));
  const engine = await LintEngine.create(nodeModulesWasm(path.resolve(__dirname, '..')));
  const files = factsOf(engine, path.resolve(folder));
  const paths = Array.from({ length: copies }, (_, c) => files.map(([file]) => `/copy_${c}/${file}`)).flat();
  const tails = moduleTails(paths);
  const perFile = (bytes: number) => `${(bytes / MB).toFixed(1)} MB, ${(bytes / paths.length).toFixed(0)} B/file`;
  console.log(`${files.length} files x ${copies} copies, facts JSON ${(files.reduce((n, [, json]) => n + json.length, 0) / files.length).toFixed(0)} B/file`);

  // Per field: each file's facts reduced to that one field, in a pool of its own.
  const fields = new Map<string, number>();
  for (const field of new Set(files.flatMap(([, json]) => Object.keys(JSON.parse(json) as object)))) {
    const start = live();
    const pool = new FactsPool();
    const held = paths.map((_, i) => {
      const facts = withoutUnresolvableCalls(JSON.parse(files[i % files.length][1]) as FileFacts, tails) as unknown as Record<string, unknown>;
      return pool.compact({ kind: facts.kind, [field]: facts[field] } as unknown as FileFacts);
    });
    fields.set(field, live() - start);
    held.length = 0;
  }

  const start = live();
  const index = new ProjectIndex('/');
  let pool: FactsPool | undefined = new FactsPool();
  for (const [i, file] of paths.entries())
    index.set(file, pool.compact(packFacts(withoutUnresolvableCalls(JSON.parse(files[i % files.length][1]) as FileFacts, tails), (text) => pool!.string(text))));
  const withPool = live();
  pool = undefined;
  const facts = live();
  console.log(`facts in the index: ${perFile(facts - start)}; the pool's maps: ${perFile(withPool - facts)}`);
  for (const [field, bytes] of [...fields].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${field.padEnd(24)} ${perFile(bytes)}`);
  const view = index.view();
  void view.entryPoints;
  const viewed = live();
  console.log(`project view (with entry points): ${perFile(viewed - facts)}`);
  const rows: [string, number, number][] = [];
  for (const rule of ALL_RULES.filter((r) => r.project)) {
    const before = live();
    runProjectRules(index, { rules: [rule] });
    const allocated = process.memoryUsage().heapUsed - before;
    rows.push([rule.id, allocated, live() - before]);
  }
  console.log('project rules, most allocating first (allocated / left behind, MB):');
  for (const [id, allocated, kept] of rows.sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${id.padEnd(40)} ${(allocated / MB).toFixed(1)} / ${(kept / MB).toFixed(1)}`);
  const before = live();
  const result = runProjectRules(index);
  console.log(`all project rules at once leave ${perFile(live() - before)} (${result.findings.size} files with findings)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
