import type { Range } from '../types';
import type { AppObjectFact, MountFact, PythonFacts, RouteFact } from './facts';
import { dirname, type ModuleMap } from './modules';
import { escapeRegExp } from '../regexp';
import { memoKey } from '../memo-key';

/**
 * Web applications across modules: each app object with every route it serves once its
 * routers, blueprints, namespaces and sub-applications are mounted, wherever they are defined.
 */

export interface ServedRoute {
  /** The full path, prefixes included, e.g. `/api/v1/health`. */
  readonly path: string;
  readonly methods?: readonly string[];
  /** Where the route is declared. */
  readonly file: string;
  readonly range: Range;
  readonly health: boolean;
  /** Served by the framework itself (FastAPI's /docs, Flask's /static). */
  readonly implicit?: boolean;
}

export interface AppView {
  readonly path: string;
  readonly object: AppObjectFact | undefined;
  readonly framework: AppObjectFact['framework'] | 'django';
  readonly routes: readonly ServedRoute[];
  /** Prefixes served by mounted sub-applications whose routes are unknown (`app.mount("/metrics", make_asgi_app())`). */
  readonly prefixes: readonly { readonly prefix: string; readonly file: string; readonly range: Range }[];
  /** False when something is mounted that the index cannot follow, so the route list may be incomplete. */
  readonly complete: boolean;
  /** Every module whose routes or mounts contribute to the app. */
  readonly files: readonly string[];
  /** Where to report about the app as a whole: its creation, or the first entry of Django's root URLconf. */
  readonly anchor: Range;
}

const HEALTH_WORD = /^_?(health|healthz|healthy|livez|readyz|ready|readiness|liveness|live|alive|ping|heartbeat|status)([-_]?(check|probe))?$/i;

/** A health-check path: its last segment is a health word (`/api/v1/health`, `/health/live`), with no path parameters (`/jobs/{id}/status` is not one). */
export function isHealthPath(path: string): boolean {
  if (/[{<]/.test(path)) return false;
  const segments = path.split('/').filter(Boolean);
  return segments.length > 0 && HEALTH_WORD.test(segments[segments.length - 1]);
}
export const METRICS_PATH = /(^|\/)metrics(\/|$)/i;

/** Routes a framework serves without being asked (unless switched off, which the model does not follow). */
const IMPLICIT_ROUTES: Partial<Record<AppView['framework'], readonly string[]>> = {
  fastapi: ['/docs', '/docs/oauth2-redirect', '/redoc', '/openapi.json'],
  flask: ['/static/<path:filename>'],
};
const ZERO: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

interface NodeEntry {
  object?: AppObjectFact;
  path: string;
  readonly routes: { route: RouteFact; file: string }[];
  readonly mounts: { mount: MountFact; file: string }[];
}

/** Builds every app (Flask, FastAPI, Starlette, Quart, Django's root URLconf) of the index. */
export function resolveApps(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap): AppView[] {
  const nodes = new Map<string, NodeEntry>();
  const node = (id: string, path: string) => {
    let entry = nodes.get(id);
    if (!entry) nodes.set(id, (entry = { path, routes: [], mounts: [] }));
    return entry;
  };
  const identity = (file: string, owner: string) => modules.resolve(file, owner) ?? `${file}#${owner}`;
  for (const [file, facts] of python) {
    for (const object of facts.objects) if (object.name) node(`${file}#${object.name}`, file).object = object;
    for (const route of facts.routes) {
      const id = route.owner === 'urlpatterns' ? `${file}#urlpatterns` : identity(file, route.owner);
      node(id, id.slice(0, id.lastIndexOf('#'))).routes.push({ route, file });
    }
    for (const mount of facts.mounts) {
      const id = mount.owner === 'urlpatterns' ? `${file}#urlpatterns` : identity(file, mount.owner);
      node(id, id.slice(0, id.lastIndexOf('#'))).mounts.push({ mount, file });
    }
  }

  const apps: AppView[] = [];
  for (const [id, entry] of nodes) {
    if (entry.object?.role !== 'app') continue;
    apps.push(expand(id, entry, entry.object.framework, nodes, modules, identity, python));
  }
  for (const root of djangoRoots(python, modules, nodes)) apps.push(expand(root, nodes.get(root)!, 'django', nodes, modules, identity, python));
  return apps;
}

function expand(
  rootId: string,
  root: NodeEntry,
  framework: AppView['framework'],
  nodes: ReadonlyMap<string, NodeEntry>,
  modules: ModuleMap,
  identity: (file: string, owner: string) => string,
  python: ReadonlyMap<string, PythonFacts>,
): AppView {
  const routes: ServedRoute[] = [];
  const prefixes: AppView['prefixes'][number][] = [];
  const files = new Set<string>([root.path]);
  let complete = !root.object?.opaque;
  const visit = (entry: NodeEntry, prefix: string, seen: ReadonlySet<NodeEntry>) => {
    for (const { route, file } of entry.routes) {
      const path = joinPath(prefix, route.path);
      files.add(file);
      routes.push({ path, methods: route.methods, file, range: route.range, health: isHealthPath(path) || route.documentedHealth === true });
    }
    for (const { mount, file } of entry.mounts) {
      files.add(file);
      const targetId = mount.kind === 'django-include' ? djangoModule(modules, file, mount.target) : mount.target ? identity(file, mount.target) : undefined;
      const target = targetId ? nodes.get(targetId) : undefined;
      if (target && seen.has(target)) continue;
      if (target && seen.size < 12) {
        if (target.object?.opaque) complete = false;
        visit(target, joinPath(prefix, mountPrefix(framework, mount, target.object)), new Set([...seen, target]));
      } else if (mount.kind === 'api' && targetId && python.has(targetId.slice(0, targetId.lastIndexOf('#')))) {
        // `db.init_app(app)`, `migrate.init_app(app, db)`, `cors.init_app(app)`: a Flask extension
        // bound to the app. Its module is indexed and it is neither an API nor a router there, so it
        // adds no routes; only an object the index cannot find leaves the route list open. Its
        // module still belongs to the app: an extension such as flask-healthz or
        // prometheus-flask-exporter bound there serves the health or metrics route.
        files.add(targetId.slice(0, targetId.lastIndexOf('#')));
        continue;
      } else if (mount.prefix && mount.prefix !== '/') {
        prefixes.push({ prefix: joinPath(prefix, mount.prefix), file, range: mount.range });
      } else {
        complete = false;
      }
    }
  };
  visit(root, '', new Set([root]));
  for (const path of IMPLICIT_ROUTES[framework] ?? []) routes.push({ path, methods: ['GET'], file: root.path, range: root.object?.range ?? ZERO, health: false, implicit: true });
  const anchor = root.object?.range ?? [...root.routes.map((r) => r.route.range), ...root.mounts.map((m) => m.mount.range)].sort((a, b) => a.start.line - b.start.line)[0] ?? ZERO;
  return { path: rootId.slice(0, rootId.lastIndexOf('#')), object: root.object, framework, routes, prefixes, complete, files: [...files], anchor };
}

/** FastAPI adds `include_router(prefix=)` to the router's own prefix; Flask and flask-restx let the mount's prefix replace it. */
function mountPrefix(framework: AppView['framework'], mount: MountFact, target: AppObjectFact | undefined): string {
  if (framework === 'fastapi' || framework === 'starlette') return joinPath(mount.prefix ?? '', target?.prefix ?? '');
  return mount.prefix ?? target?.prefix ?? '';
}

function djangoModule(modules: ModuleMap, from: string, module: string | undefined): string | undefined {
  const path = module ? modules.module(from, module) : undefined;
  return path ? `${path}#urlpatterns` : undefined;
}

/** Django's root URLconf: named by ROOT_URLCONF, else every urls.py no other one includes. */
function djangoRoots(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap, nodes: ReadonlyMap<string, NodeEntry>): string[] {
  const declared = [...python]
    .flatMap(([file, facts]) => (facts.rootUrlconf ? [djangoModule(modules, file, facts.rootUrlconf)] : []))
    .filter((id): id is string => id !== undefined && nodes.has(id));
  if (declared.length) return [...new Set(declared)];
  const included = new Set<string>();
  for (const [id, entry] of nodes) {
    if (!id.endsWith('#urlpatterns')) continue;
    for (const { mount, file } of entry.mounts) {
      const target = mount.kind === 'django-include' ? djangoModule(modules, file, mount.target) : undefined;
      if (target) included.add(target);
    }
  }
  return [...nodes.keys()].filter((id) => id.endsWith('#urlpatterns') && !included.has(id));
}

export function joinPath(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 && path === '' ? joined.replace(/\/$/, '') : joined;
}

const routePatterns = new Map<string, RegExp>();

/** Does a route path (with `{param}` or `<int:param>` segments) serve this concrete path? Trailing slashes redirect, so they do not matter. */
export function routeMatches(route: string, path: string): boolean {
  const normalise = (p: string) => p.replace(/\/+$/, '') || '/';
  let pattern = routePatterns.get(route);
  if (!pattern) {
    const source = normalise(route)
      .split('/')
      .map((segment) => (/^\{[^}]+:path\}$|^<path:[^>]+>$/.test(segment) ? '.*' : /^\{[^}]+\}$|^<[^>]+>$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
      .join('/');
    pattern = new RegExp(`^${source}$`);
    if (routePatterns.size > 10_000) routePatterns.clear();
    routePatterns.set(memoKey(route), pattern);
  }
  return pattern.test(normalise(path));
}

/** Is this concrete path served by the app: a route, or a mounted sub-application's prefix? */
export function servedBy(app: AppView, path: string): { route?: ServedRoute; prefix?: string } | undefined {
  const route = app.routes.find((r) => routeMatches(r.path, path));
  if (route) return { route };
  const prefix = app.prefixes.find((p) => path === p.prefix || path.startsWith(p.prefix.endsWith('/') ? p.prefix : `${p.prefix}/`));
  return prefix ? { prefix: prefix.prefix } : undefined;
}

/** The directory an app's service lives in: the nearest folder above it with a Dockerfile or requirements file. */
export function serviceRoot(appPath: string, markers: ReadonlySet<string>): string {
  for (let dir = dirname(appPath); ; dir = dirname(dir)) {
    if (markers.has(dir)) return dir;
    if (dir === '' || dir === '/' || dir === dirname(dir)) return '';
  }
}

/**
 * Each project module a service imports, with the first service that imports it: what such a
 * module does at its top level runs at every start of that service. `topLevelOnly` leaves out
 * imports written inside a function (they run when the function is called, not at the start).
 */
export function servicesImporting(python: ReadonlyMap<string, PythonFacts>, modules: ModuleMap, { topLevelOnly = false } = {}): Map<string, string> {
  const importedBy = new Map<string, string>();
  for (const [path, facts] of python) {
    if (!facts.serves) continue;
    for (const fact of facts.imports) {
      if (topLevelOnly && fact.scope) continue;
      const target = modules.module(path, fact.name ? `${fact.module}.${fact.name}` : fact.module) ?? modules.module(path, fact.module);
      if (target && target !== path && !importedBy.has(target)) importedBy.set(target, path);
    }
  }
  return importedBy;
}
