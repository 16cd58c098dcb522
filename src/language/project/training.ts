import type { Deployment } from './deploy';
import type { PythonFacts } from './facts';
import type { ModuleMap } from './modules';

/** Commands that train a model: `python train.py`, `python scripts/train_model.py`, `python -m pkg.train`. */
const TRAINING = /(^|[/_.-])train(ing)?([/_.-]|$)|(^|[/_.-])fit([/_.-]|$)|(^|[/_.-])grid_?search/i;

export function isTrainingCommand(words: readonly string[]): boolean {
  if (!/^python(\d(\.\d+)?)?$/.test(words[0]?.slice(words[0].lastIndexOf('/') + 1) ?? '')) return false;
  const args = words.slice(1).filter((w) => !/^-[^m]/.test(w));
  const target = args[0] === '-m' ? args[1] : args[0];
  return target !== undefined && TRAINING.test(target.replace(/\.py$/, '').replace(/\./g, '/'));
}

/** The parts of the project view the job test reads (kept narrow so the YAML rules need not import the whole view). */
interface JobView {
  readonly deployments: readonly Deployment[];
  readonly python: ReadonlyMap<string, PythonFacts>;
}

/**
 * Compose services that run a training job and exit: every program the service starts (its
 * `command:`, or the CMD of the image it builds) is a Python file that trains a model when run
 * and serves nothing (no routes, app objects, listeners, worker loops), and the service publishes
 * no port. Such a job has nothing to health-check and must not be restarted: `restart: always`
 * would retrain forever. Returns the compose file and the line of each such service's name.
 */
export function composeTrainingJobs(view: JobView): { file: string; line: number }[] {
  const jobs: { file: string; line: number }[] = [];
  for (const deployment of view.deployments) {
    if (deployment.kind !== 'compose' || deployment.published.length > 0 || deployment.launches.length === 0) continue;
    const trainsAndExits = deployment.launches.every((launch) => {
      const facts = launch.target ? view.python.get(launch.target) : undefined;
      return facts?.trains === true && !facts.serves && facts.routes.length === 0 && facts.objects.length === 0 && facts.listeners.length === 0 && !facts.workerLoopLines;
    });
    if (trainsAndExits) jobs.push({ file: deployment.file, line: deployment.range.start.line });
  }
  return jobs;
}

/**
 * Modules whose functions run after the script that imports them has seeded the global
 * generators: reached, through static imports or `import_module("name")`, from a file that
 * seeds (`torch.manual_seed`, `seed_everything`, a `set_random_seed()` helper) and runs as a
 * script. The seed belongs at the entry point, once per process; asking every imported trainer
 * module for its own is a wrong lesson. (Module-level code of such a module runs at import, which
 * may be before the seed: the callers check what runs where.)
 */
export function seededFromEntry(view: { readonly python: ReadonlyMap<string, PythonFacts>; readonly modules: ModuleMap }): Set<string> {
  const reached = new Set<string>();
  const queue: { path: string; depth: number }[] = [];
  for (const [path, facts] of view.python) if (facts.seeds && (facts.hasMainGuard || facts.trains)) queue.push({ path, depth: 0 });
  const visited = new Set(queue.map((q) => q.path));
  while (queue.length > 0) {
    const { path, depth } = queue.shift()!;
    const facts = view.python.get(path);
    if (!facts || depth >= 4) continue;
    const names = [...facts.imports.flatMap((i) => (i.name ? [i.module, joinModule(i.module, i.name)] : [i.module])), ...(facts.dynamicImports ?? [])];
    for (const name of names) {
      const target = view.modules.module(path, name);
      if (!target || visited.has(target)) continue;
      visited.add(target);
      reached.add(target);
      queue.push({ path: target, depth: depth + 1 });
    }
  }
  return reached;
}

function joinModule(module: string, name: string): string {
  return /\.$/.test(module) ? `${module}${name}` : `${module}.${name}`;
}
