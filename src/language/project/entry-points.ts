import type { AppView } from './apps';
import { launchesIn, splitCommand } from './commands';
import type { Deployment } from './deploy';
import type { FileFacts, PythonFacts } from './facts';
import { dirname, joinDir, type ModuleMap } from './modules';

/**
 * Which Python files the project actually runs as its service: the files a launcher starts
 * (Dockerfile CMD/ENTRYPOINT, compose `command:`, Kubernetes `command`/`args`, Procfiles and
 * start scripts, each read in deploy.ts), everything those files import from the project, and
 * the modules that contribute routes to an app one of them serves.
 *
 * An app created in a file outside that set (a `demo.py`, an old `main_v1.py`, a notebook
 * export) is one nothing starts: a reviewer speaks about the served app, not about the stub's
 * missing health route or metrics. When no launcher of the tree reaches an app, nothing is known
 * and every app counts as served (`known` is false).
 */
export interface EntryPoints {
  /** Some launcher of the tree starts a file that serves an app: "not served" means something. */
  readonly known: boolean;
  /** The files launched, the project modules they import, and the modules of the apps they serve. */
  readonly served: ReadonlySet<string>;
  /**
   * Files whose apps nothing starts, beside a served app of the same service (empty when `known`
   * is false): every module of those apps that no served app shares.
   */
  readonly unserved: ReadonlySet<string>;
}

const MAX_IMPORT_DEPTH = 12;

export function resolveEntryPoints(
  files: ReadonlyMap<string, FileFacts>,
  python: ReadonlyMap<string, PythonFacts>,
  modules: ModuleMap,
  apps: readonly AppView[],
  deployments: readonly Deployment[],
  serviceRoot: (path: string) => string,
): EntryPoints {
  const launched = new Set<string>();
  const servedApps = new Set<AppView>();
  /** Apps some deployment runs, however it was tied to them (a build context, a nearby folder): never called unserved. */
  const deployed = new Set<AppView>();
  for (const deployment of deployments) {
    for (const launch of deployment.launches) if (launch.target) launched.add(launch.target);
    deployment.apps.forEach((app) => deployed.add(app));
    if (deployment.link === 'command') deployment.apps.forEach((app) => servedApps.add(app));
  }
  // Start scripts no deployment runs (`run.sh`, `start_api.sh`) still say how the project is started.
  for (const [path, facts] of files) {
    if (facts.kind !== 'script') continue;
    for (const command of facts.commands) {
      for (const launch of launchesIn(splitCommand(command.text))) {
        const target = launch.file ? fileNear(python, dirname(path), launch.file) : launch.module ? modules.module(path, launch.module) : undefined;
        if (target) launched.add(target);
      }
    }
  }
  const served = importClosure(python, modules, launched);
  for (const app of apps) if (served.has(app.path)) servedApps.add(app);
  for (const app of servedApps) {
    served.add(app.path);
    app.files.forEach((file) => served.add(file));
  }
  // "Not served" is known only beside a served app: in the same service (the folder of its
  // Dockerfile or requirements file). Another service of the tree whose start command the tree
  // does not hold (a second image, a lesson run from its README) is not a stub.
  const servedRoots = new Set([...servedApps].filter((app) => app.framework !== 'django').map((app) => serviceRoot(app.path)));
  const unserved = new Set<string>();
  for (const app of apps) {
    if (app.framework === 'django' || servedApps.has(app) || deployed.has(app) || served.has(app.path) || !servedRoots.has(serviceRoot(app.path))) continue;
    for (const file of [app.path, ...app.files]) if (!served.has(file)) unserved.add(file);
  }
  return { known: servedRoots.size > 0, served, unserved };
}

/** The launched files and every project module they import, directly or through each other. */
function importClosure(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap, roots: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  let layer = [...roots].filter((path) => python.has(path));
  for (let depth = 0; layer.length > 0 && depth <= MAX_IMPORT_DEPTH; depth++) {
    const next: string[] = [];
    for (const path of layer) {
      if (seen.has(path)) continue;
      seen.add(path);
      for (const fact of python.get(path)?.imports ?? []) {
        const base = modules.module(path, fact.module);
        if (base && !seen.has(base)) next.push(base);
        // `from pkg import routes`: the name may be a submodule.
        const sub = fact.name ? modules.module(path, fact.module.endsWith('.') ? `${fact.module}${fact.name}` : `${fact.module}.${fact.name}`) : undefined;
        if (sub && !seen.has(sub)) next.push(sub);
      }
    }
    layer = next;
  }
  return seen;
}

/** The Python file a start script runs (`python api.py`), relative to the script's folder or the tree. */
function fileNear(python: ReadonlyMap<string, PythonFacts>, dir: string, file: string): string | undefined {
  const near = joinDir(dir, file);
  if (python.has(near)) return near;
  const tail = `/${file.replace(/^\.\//, '')}`;
  const matches = [...python.keys()].filter((path) => path.endsWith(tail) || path === file);
  return matches.length === 1 ? matches[0] : undefined;
}
