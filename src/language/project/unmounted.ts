import { isTestFileName } from '../python/test-code';
import type { AppView } from './apps';
import type { AppObjectFact, PythonFacts } from './facts';
import type { ModuleMap } from './modules';

/**
 * Routers nothing mounts: a Flask `Blueprint`, FastAPI `APIRouter` or flask-restx `Namespace`
 * with routes, in a project that has an app in the same service, that no `register_blueprint`,
 * `include_router`, `add_namespace` or `Api(...)` names and whose module no other module imports.
 * Its routes do not exist in the running service.
 *
 * Only what the index proves counts: any doubt means "mounted". A mount whose target the index
 * cannot follow (a loop over a list of routers, `getattr`, a factory's parameter, a call), a
 * module that binds names dynamically (`import *`, `globals()`), `importlib`/`pkgutil` anywhere in
 * the tree, or any import of the router's module by a module other than a test: the router
 * may be mounted, and nothing is said.
 */
export interface UnmountedRouter {
  readonly path: string;
  readonly object: AppObjectFact;
  /** The paths its routes declare, as written. */
  readonly routes: readonly string[];
}

const ROUTER_MOUNTS = new Set(['include_router', 'register_blueprint', 'add_namespace']);
const DYNAMIC_IMPORT = /^(importlib|pkgutil|runpy)(\.|$)/;

export function unmountedRouters(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap, apps: readonly AppView[], serviceRoot: (path: string) => string): UnmountedRouter[] {
  const candidates: { path: string; object: AppObjectFact; id: string }[] = [];
  for (const [path, facts] of python) {
    for (const object of facts.objects) if (object.role === 'router' && object.name && !object.opaque) candidates.push({ path, object, id: `${path}#${object.name}` });
  }
  if (candidates.length === 0) return [];
  const appRoots = new Set(apps.filter((app) => app.framework !== 'django' && app.object?.role === 'app').map((app) => serviceRoot(app.path)));
  const mounted = new Set<string>();
  // Doubt anywhere counts everywhere: a mount the index cannot follow may sit in another service's folder.
  let doubtful = false;
  const objects = new Set<string>();
  for (const [path, facts] of python) for (const object of facts.objects) if (object.name) objects.add(`${path}#${object.name}`);
  for (const [path, facts] of python) {
    if (facts.boundNames?.opaque || facts.imports.some((i) => DYNAMIC_IMPORT.test(i.module) || i.name === 'import_module')) doubtful = true;
    for (const mount of facts.mounts) {
      const target = mount.target ? modules.resolve(path, mount.target) : undefined;
      if (target) mounted.add(target);
      // A router mounted through something the index cannot follow (a loop, a parameter, a call) may be any of them.
      if (ROUTER_MOUNTS.has(mount.kind) && (!target || !objects.has(target))) doubtful = true;
    }
  }
  if (doubtful) return [];
  const routesOf = new Map<string, string[]>();
  for (const [path, facts] of python) {
    for (const route of facts.routes) {
      if (route.owner === 'urlpatterns') continue;
      const id = modules.resolve(path, route.owner) ?? `${path}#${route.owner}`;
      routesOf.set(id, [...(routesOf.get(id) ?? []), route.path]);
    }
  }
  const result: UnmountedRouter[] = [];
  for (const { path, object, id } of candidates) {
    const routes = routesOf.get(id);
    if (!routes || mounted.has(id) || !appRoots.has(serviceRoot(path)) || importedElsewhere(python, modules, path)) continue;
    result.push({ path, object, routes });
  }
  return result;
}

/** Does a module other than `path` (tests aside) import it, as a module or a name from it? */
function importedElsewhere(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap, path: string): boolean {
  for (const [other, facts] of python) {
    if (other === path || isTestFileName(other)) continue;
    for (const fact of facts.imports) {
      if (modules.module(other, fact.module) === path) return true;
      const sub = fact.name ? (fact.module.endsWith('.') ? `${fact.module}${fact.name}` : `${fact.module}.${fact.name}`) : undefined;
      if (sub && modules.module(other, sub) === path) return true;
    }
  }
  return false;
}
