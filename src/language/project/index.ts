import { resolveApps, serviceRoot, METRICS_PATH, type AppView } from './apps';
import { resolveDeployments, type Deployment, type LaunchAt } from './deploy';
import { resolveEntryPoints, type EntryPoints } from './entry-points';
import type { AppObjectFact, FileFacts, PythonFacts } from './facts';
import { ancestors, dirname, ModuleMap } from './modules';
import { unmountedRouters, type UnmountedRouter } from './unmounted';

export type { AppView, ServedRoute } from './apps';
export type { Deployment, LaunchAt, ProbeView } from './deploy';
export type { EntryPoints } from './entry-points';
export type { UnmountedRouter } from './unmounted';
export type { FileFacts } from './facts';

/**
 * The project index: the facts of every file of a project, by path (forward slashes; absolute
 * in the CLI, the URI path in the editor). Updating one file replaces that file's facts only;
 * the joined view (apps with their routes across modules, where each service runs and on
 * which port) is rebuilt lazily from the facts the first time it is asked for after a change.
 */
export class ProjectIndex {
  private files = new Map<string, FileFacts>();
  private cached: ProjectView | undefined;
  /** The view holds `files` itself: the next change copies them first (a tree's worth of entries held twice, otherwise). */
  private shared = false;
  private changes = 0;

  /** `root` only shortens paths in messages. */
  constructor(readonly root = '') {}

  get size(): number {
    return this.files.size;
  }

  /** Counts changes, so callers can tell whether a view they hold is stale. */
  get version(): number {
    return this.changes;
  }

  set(path: string, facts: FileFacts | undefined): void {
    if (!facts) {
      this.delete(path);
      return;
    }
    this.own().set(normalise(path), facts);
    this.changed();
  }

  delete(path: string): void {
    const key = normalise(path);
    if (this.files.has(key) && this.own().delete(key)) this.changed();
  }

  get(path: string): FileFacts | undefined {
    return this.files.get(normalise(path));
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  view(): ProjectView {
    if (!this.cached) {
      this.cached = new ProjectView(this.files, this.root);
      this.shared = true;
    }
    return this.cached;
  }

  /** The map to change: a copy of the one a view holds. */
  private own(): Map<string, FileFacts> {
    if (this.shared) {
      this.files = new Map(this.files);
      this.shared = false;
    }
    return this.files;
  }

  private changed(): void {
    this.changes++;
    this.cached = undefined;
  }
}

/** What the project rules read: the joined, resolved facts. Built once per index version. */
export class ProjectView {
  readonly python: ReadonlyMap<string, PythonFacts>;
  readonly modules: ModuleMap;
  readonly apps: readonly AppView[];
  readonly deployments: readonly Deployment[];
  private readonly markers: ReadonlySet<string>;
  private readonly byPath = new Map<string, AppView[]>();
  private readonly launchesByTarget = new Map<string, LaunchAt[]>();
  /** Every folder above a module that sets up metrics / registers the gRPC health service. */
  private readonly metricsDirs = new Set<string>();
  private readonly grpcHealthDirs = new Set<string>();
  /** Folders holding a serverless platform's project file (`vercel.json`), with the platform. */
  private readonly platformDirs = new Map<string, string>();
  private entries: EntryPoints | undefined;
  private unmounted: readonly UnmountedRouter[] | undefined;

  constructor(
    readonly files: ReadonlyMap<string, FileFacts>,
    readonly root = '',
  ) {
    const python = new Map<string, PythonFacts>();
    const markers = new Set<string>();
    for (const [path, facts] of files) {
      if (facts.kind === 'python') python.set(path, facts);
      else if (facts.kind === 'dockerfile' || facts.kind === 'requirements') markers.add(dirname(path));
      else if (facts.kind === 'platform') this.platformDirs.set(dirname(path), facts.platform);
    }
    this.python = python;
    this.markers = markers;
    this.modules = new ModuleMap(python);
    this.apps = resolveApps(python, this.modules);
    this.deployments = resolveDeployments(files, this.apps);
    for (const app of this.apps) this.byPath.set(app.path, [...(this.byPath.get(app.path) ?? []), app]);
    for (const deployment of this.deployments) {
      for (const launch of deployment.launches) if (launch.target) this.launchesByTarget.set(launch.target, [...(this.launchesByTarget.get(launch.target) ?? []), launch]);
    }
    for (const [path, facts] of python) {
      if (facts.metrics) ancestors(path).forEach((dir) => this.metricsDirs.add(dir));
      if (facts.grpcHealth) ancestors(path).forEach((dir) => this.grpcHealthDirs.add(dir));
    }
  }

  /**
   * The serverless platform that runs this file as a function (a `vercel.json` in its folder or
   * above), when no launcher of the tree (Dockerfile, compose, Kubernetes, Procfile) starts it
   * as a process: the platform starts one per request, so there is no probe to answer.
   */
  serverless(path: string): string | undefined {
    if (this.platformDirs.size === 0 || this.launchesByTarget.has(path)) return undefined;
    for (const dir of ancestors(path)) {
      const platform = this.platformDirs.get(dir);
      if (platform) return platform;
    }
    return undefined;
  }

  /** Apps created in this file (an app object assigned here, or Django's root URLconf here). */
  appsIn(path: string): AppView[] {
    return this.byPath.get(path) ?? [];
  }

  /** The commands, in deployments, that run this Python file (directly or as a module). */
  launchesOf(path: string): LaunchAt[] {
    return this.launchesByTarget.get(path) ?? [];
  }

  /** Which files the tree's launchers start (entry-points.ts), built the first time a rule asks. */
  get entryPoints(): EntryPoints {
    return (this.entries ??= resolveEntryPoints(this.files, this.python, this.modules, this.apps, this.deployments, (path) => this.serviceRoot(path)));
  }

  /** Routers with routes that nothing in the tree mounts (unmounted.ts), built the first time a rule asks. */
  get unmountedRouters(): readonly UnmountedRouter[] {
    return (this.unmounted ??= unmountedRouters(this.python, this.modules, this.apps, (path) => this.serviceRoot(path)));
  }

  /**
   * Is this file part of an app that nothing the tree runs starts (a demo, an old version, a
   * notebook export beside the served app)? False whenever no launcher of the tree reaches an app.
   */
  unserved(path: string): boolean {
    return this.entryPoints.unserved.has(path);
  }

  /** The folder a module's service lives in (the nearest one with a Dockerfile or requirements file). */
  serviceRoot(path: string): string {
    return serviceRoot(path, this.markers);
  }

  /** Does a module of the same service as `path` register the standard gRPC health service? */
  grpcHealthInService(path: string): boolean {
    return this.grpcHealthDirs.has(this.serviceRoot(path));
  }

  /**
   * The first Flask or FastAPI app created in each file: what the per-file "once per app"
   * rules speak about. `mounts` says whether that file mounts routers or sub-applications, in
   * which case those rules leave the decision to the project pass.
   */
  fileApps(): { app: AppView & { readonly object: AppObjectFact }; mounts: boolean }[] {
    const result: { app: AppView & { readonly object: AppObjectFact }; mounts: boolean }[] = [];
    for (const [path, facts] of this.python) {
      const first = facts.objects.find((o) => o.factory === 'flask.Flask' || o.factory === 'fastapi.FastAPI');
      const app = first && this.appsIn(path).find((a) => a.object === first);
      if (!app) continue;
      const mounts = facts.mounts.some((m) => m.kind === 'include_router' || m.kind === 'register_blueprint' || m.kind === 'mount' || m.kind === 'add_namespace');
      result.push({ app: app as AppView & { readonly object: AppObjectFact }, mounts });
    }
    return result;
  }

  /**
   * An app object that serves nothing, beside one of the same service that does: a second
   * `Flask(__name__)` in a helper module (often to hang config on), with no route and no router
   * mounted. Asking it for a health route or metrics would be asking the wrong object.
   */
  idleApp(app: AppView): boolean {
    if (app.routes.some((r) => !r.implicit) || app.prefixes.length > 0 || app.files.length > 1) return false;
    const facts = this.python.get(app.path);
    if (!facts || facts.routes.length > 0 || facts.mounts.length > 0) return false;
    const root = this.serviceRoot(app.path);
    return this.apps.some((other) => other.path !== app.path && other.routes.some((r) => !r.implicit) && this.serviceRoot(other.path) === root);
  }

  /** Metrics are set up somewhere in the app's service: a module of its folder imports a metrics library, or a route serves /metrics. */
  instrumented(app: AppView): boolean {
    // A /metrics route counts where its module speaks a metrics format; one that reads back the
    // model's evaluation scores (`json.load(open("metrics.json"))`) tells nothing about the service.
    if (app.routes.some((r) => METRICS_PATH.test(r.path) && this.python.get(r.file)?.metrics !== false) || app.prefixes.some((p) => METRICS_PATH.test(p.prefix))) return true;
    if (app.files.some((file) => this.python.get(file)?.metrics)) return true;
    return this.metricsDirs.has(this.serviceRoot(app.path));
  }

  /** A path for messages: relative to the project root when inside it. */
  display(path: string): string {
    const root = this.root.replace(/\/+$/, '');
    return root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  }
}

export function normalise(path: string): string {
  return path.replace(/\\/g, '/');
}
