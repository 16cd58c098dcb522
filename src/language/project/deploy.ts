import type { Range } from '../types';
import type { AppView } from './apps';
import { launchesIn, portOption, splitCommand, type Launch } from './commands';
import type { ComposePortFact, ContainerPortFact, DockerfileFacts, FileFacts, InstructionFact, PortValue, PythonFacts, ScriptFacts, StageFact } from './facts';
import { ancestors, closest, dirname, joinDir } from './modules';
import { repository } from '../yaml/images';
import { projectFileKind } from './text-facts';

/**
 * Where and how the project's services run: Dockerfiles, compose services, Kubernetes
 * containers and Procfiles, each with the command that starts it, the app it runs, the port
 * that app listens on and the health checks pointed at it.
 */

/** A command that starts a server, and where it is written. */
export interface LaunchAt {
  readonly launch: Launch;
  readonly file: string;
  readonly range: Range;
  /** The Python file it runs, when found. */
  readonly target?: string;
}

export interface ProbeView {
  readonly label: string;
  readonly file: string;
  readonly range: Range;
  /** An HTTP check: the path it requests (query string removed). */
  readonly path?: string;
  readonly pathRange?: Range;
  readonly port?: number | string;
  readonly portRange?: Range;
}

export type DeploymentKind = 'kubernetes' | 'compose' | 'dockerfile' | 'procfile';

export interface Deployment {
  readonly kind: DeploymentKind;
  readonly file: string;
  readonly name: string;
  readonly range: Range;
  readonly image?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly launches: readonly LaunchAt[];
  readonly dockerfile?: string;
  readonly apps: readonly AppView[];
  /**
   * How the apps were found: the start command names them; the build context (or the image's
   * name) points at one; or the nearest folder above the manifest holds exactly one.
   */
  readonly link?: 'command' | 'context' | 'nearby';
  /** The port(s) the app server listens on, when every start path is known. */
  readonly listenPorts?: readonly number[];
  /** Where those ports are set (the start command, or the `app.run(port=...)` call). */
  readonly listenSources: readonly { readonly file: string; readonly range: Range }[];
  /** Other ports the app opens itself (a Prometheus exporter, a gRPC server). */
  readonly extraPorts: readonly number[];
  /** Kubernetes: the pod template's labels, which Services select on. */
  readonly labels: Readonly<Record<string, string>>;
  readonly declaredPorts: readonly ContainerPortFact[];
  readonly published: readonly ComposePortFact[];
  readonly probes: readonly ProbeView[];
  /** Not a development setup (`Dockerfile.dev`, `.devcontainer/`, compose overrides, `*.dev.yml`). */
  readonly production: boolean;
}

export function resolveDeployments(files: ReadonlyMap<string, FileFacts>, apps: readonly AppView[]): Deployment[] {
  const context = new Context(files, apps);
  const deployments: Deployment[] = [];
  for (const [file, facts] of files) {
    if (facts.kind === 'dockerfile') {
      const dockerfile = context.dockerfile(file);
      if (dockerfile) deployments.push(dockerfile);
    } else if (facts.kind === 'script' && /(^|\/)procfile$/i.test(file)) {
      for (const command of facts.commands) {
        const launches = context.launches(splitCommand(command.text), {}, file, command.range, dirname(file));
        deployments.push(
          context.finish({
            kind: 'procfile',
            file,
            name: command.text,
            range: command.range,
            env: {},
            launches,
            contextDir: dirname(file),
            declaredPorts: [],
            published: [],
            probes: [],
            production: true,
          }),
        );
      }
    } else if (facts.kind === 'yaml') {
      for (const service of facts.compose) deployments.push(context.compose(file, service));
      for (const workload of facts.workloads) {
        for (const container of workload.containers) if (!container.init) deployments.push(context.container(file, workload.kind, workload.labels, container));
      }
    }
  }
  return deployments;
}

/** A deployment before it is tied to an app. */
interface Draft extends Pick<
  Deployment,
  'kind' | 'file' | 'name' | 'range' | 'image' | 'env' | 'launches' | 'dockerfile' | 'declaredPorts' | 'published' | 'probes' | 'production'
> {
  /** The folder the image is built from (or the manifest's, when nothing is built). */
  readonly contextDir: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** A compose service with `build:` (its context holds the code, Dockerfile or not). */
  readonly built?: boolean;
  /** The manifest gives its own start command (compose `command:`, a container's `command`). */
  readonly commanded?: boolean;
  /**
   * A compose build names a Dockerfile the project does not read (`dockerfile: mlflow`, a file
   * named for another program): what that image starts is unknown.
   */
  readonly unreadDockerfile?: boolean;
}

class Context {
  private readonly dockerfiles: string[];
  /** Production Dockerfiles by the name tokens of their place (`inference-service/Dockerfile` -> inference). */
  private readonly dockerfilesByToken = new Map<string, string[]>();
  private readonly composeImages = new Map<string, string>();
  /** The Dockerfiles each compose file builds for one of its services. */
  private readonly composeBuilt = new Map<string, Set<string>>();
  private readonly appsByPath = new Map<string, AppView[]>();
  /** Files by kind and by name, for finding the file a command names without scanning them all. */
  private readonly byName = new Map<string, string[]>();
  /** The apps and production Dockerfiles inside each folder (at any depth), and the apps by the name tokens of their folder. */
  private readonly appsUnder = new Map<string, AppView[]>();
  private readonly dockerfilesUnder = new Map<string, string[]>();
  private readonly appsByToken = new Map<string, AppView[]>();
  /** The folders that directly hold Python files. */
  private readonly pythonDirs = new Set<string>();

  constructor(
    private readonly files: ReadonlyMap<string, FileFacts>,
    private readonly apps: readonly AppView[],
  ) {
    this.dockerfiles = [...files].filter(([path, facts]) => facts.kind === 'dockerfile' && isProductionDockerfile(path)).map(([path]) => path);
    for (const path of this.dockerfiles) {
      for (const token of new Set(tokens(path.split('/').slice(-3).join(' ')))) {
        const list = this.dockerfilesByToken.get(token);
        if (list) list.push(path);
        else this.dockerfilesByToken.set(token, [path]);
      }
    }
    for (const app of apps) {
      if (!linkable(app)) continue;
      push(this.appsByPath, app.path, app);
      for (const dir of ancestors(app.path)) push(this.appsUnder, dir, app);
      for (const token of new Set(tokens(dirname(app.path).split('/').slice(-2).join(' ')))) push(this.appsByToken, token, app);
    }
    for (const path of this.dockerfiles) for (const dir of ancestors(path)) push(this.dockerfilesUnder, dir, path);
    for (const [path, facts] of files) if (facts.kind === 'python') this.pythonDirs.add(dirname(path));
    for (const [path, facts] of files) {
      const key = `${facts.kind}:${path.slice(path.lastIndexOf('/') + 1)}`;
      const list = this.byName.get(key);
      if (list) list.push(path);
      else this.byName.set(key, [path]);
    }
    for (const [file, facts] of files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.compose) {
        const dockerfile = service.build ? this.composeDockerfile(file, service.build) : undefined;
        if (dockerfile && service.image) this.composeImages.set(repository(service.image), dockerfile);
        if (dockerfile) this.composeBuilt.set(file, (this.composeBuilt.get(file) ?? new Set()).add(dockerfile));
      }
    }
  }

  dockerfile(file: string): Deployment | undefined {
    const facts = this.files.get(file) as DockerfileFacts;
    const stage = facts.stages[facts.stages.length - 1];
    if (!stage) return undefined;
    const env = stageEnv(facts, stage);
    const probes: ProbeView[] = [];
    const check = inherited(facts, stage, 'healthcheck');
    if (check) {
      const probe = httpCheck('HEALTHCHECK', file, check.range, check.words ? check.words.join(' ') : check.text, undefined, env);
      if (probe) probes.push(probe);
    }
    const ports = stage.expose.map((e) => ({ port: e.port, range: e.range }));
    const launches = this.dockerLaunches(file, env);
    return this.finish({
      kind: 'dockerfile',
      file,
      name: file,
      range: stage.range,
      env,
      launches,
      dockerfile: file,
      contextDir: dirname(file),
      declaredPorts: ports,
      published: [],
      probes,
      production: isProductionDockerfile(file),
      commanded: this.startsOtherProgram(file, launches),
    });
  }

  compose(file: string, service: Extract<FileFacts, { kind: 'yaml' }>['compose'][number]): Deployment {
    const dockerfile = service.build ? this.composeDockerfile(file, service.build) : service.image ? this.imageDockerfile(service.image, file) : undefined;
    const dockerEnv = dockerfile ? dockerfileEnv(this.files.get(dockerfile) as DockerfileFacts) : {};
    const env = { ...dockerEnv, ...service.environment };
    const launches =
      service.command && service.commandRange
        ? this.launches(service.command, env, file, service.commandRange, dockerfile ? dirname(dockerfile) : dirname(file))
        : dockerfile
          ? this.dockerLaunches(dockerfile, env)
          : [];
    const probes: ProbeView[] = [];
    if (service.healthcheck) {
      const probe = httpCheck('healthcheck', file, service.healthcheck.urlRange ?? service.healthcheck.range, service.healthcheck.command, service.healthcheck.urlRange, env);
      if (probe) probes.push(probe);
    }
    const contextDir = service.build ? joinDir(dirname(file), service.build.context) : dockerfile ? dirname(dockerfile) : dirname(file);
    const production = !/(^|\/)([^/]*\.)?(dev|development|local|test|override)\.ya?ml$|(^|\/)[^/]*override[^/]*\.ya?ml$/i.test(file);
    return this.finish({
      kind: 'compose',
      file,
      name: service.name,
      range: service.nameRange,
      image: service.image,
      env,
      launches,
      dockerfile,
      contextDir,
      declaredPorts: [],
      published: service.ports,
      probes,
      production,
      built: service.build !== undefined,
      unreadDockerfile:
        service.build?.dockerfile !== undefined &&
        !dockerfile &&
        (projectFileKind(service.build.dockerfile) !== 'dockerfile' || this.buildsAnother(contextDir, service.build.dockerfile)),
      commanded: service.command !== undefined && service.command.length > 0 ? true : dockerfile !== undefined && this.startsOtherProgram(dockerfile, launches),
    });
  }

  /**
   * A compose build names a Dockerfile the tree does not have (`dockerfile: torch_serving.dockerfile`)
   * while its context folder holds another one (`backend_app.dockerfile`): the app in that context
   * is what the other image starts, not this one.
   */
  private buildsAnother(contextDir: string, named: string): boolean {
    const base = named.slice(named.lastIndexOf('/') + 1);
    return this.dockerfiles.some((path) => dirname(path) === contextDir && path.slice(path.lastIndexOf('/') + 1) !== base);
  }

  container(
    file: string,
    workloadKind: string,
    labels: Readonly<Record<string, string>>,
    container: Extract<FileFacts, { kind: 'yaml' }>['workloads'][number]['containers'][number],
  ): Deployment {
    const image = container.image ?? this.chartImage(file, container.imageTemplate);
    const dockerfile = image && !isThirdPartyImage(image) ? this.imageDockerfile(image, file) : undefined;
    const env = { ...(dockerfile ? dockerfileEnv(this.files.get(dockerfile) as DockerfileFacts) : {}), ...container.env };
    let launches: LaunchAt[] = [];
    if (container.command && container.commandRange)
      launches = this.launches([...container.command, ...(container.args ?? [])], env, file, container.commandRange, dockerfile ? dirname(dockerfile) : dirname(file));
    else if (dockerfile) launches = this.dockerLaunches(dockerfile, env, container.args, file, container.commandRange);
    const probes: ProbeView[] = container.probes.map((probe) => ({
      label: `${probe.type}Probe`,
      file,
      range: probe.pathRange ?? probe.portRange ?? probe.range,
      path: probe.handler === 'httpGet' ? cleanPath(probe.path ?? '/') : undefined,
      pathRange: probe.pathRange,
      port: probe.port,
      portRange: probe.portRange,
    }));
    return this.finish({
      kind: 'kubernetes',
      file,
      name: container.name,
      range: container.nameRange,
      image,
      env,
      launches,
      dockerfile,
      contextDir: dockerfile ? dirname(dockerfile) : dirname(file),
      declaredPorts: container.ports,
      published: [],
      probes,
      production: workloadKind !== 'Job' && workloadKind !== 'CronJob',
      labels,
      commanded: container.command !== undefined && container.command.length > 0,
    });
  }

  /** Links the draft to apps and works out the ports. */
  finish(draft: Draft): Deployment {
    let apps: AppView[] = [];
    let link: Deployment['link'];
    let scope: string | undefined;
    const targets = draft.launches.flatMap((l) => (l.target ? [l.target] : []));
    const thirdParty = draft.image !== undefined && isThirdPartyImage(draft.image) && !draft.dockerfile;
    if (thirdParty) return { ...draft, labels: draft.labels ?? {}, apps: [], listenSources: [], extraPorts: [] };
    if (targets.length) {
      apps = this.appsRunBy(targets);
      if (apps.length) link = 'command';
    }
    // A start command of the manifest's own that launches nothing we can read (`webserver` of an
    // Airflow image, `streamlit run ui.py`) runs some other program: the app in the build context
    // is not what listens there.
    if (!link && draft.commanded && draft.launches.length === 0) return { ...draft, labels: draft.labels ?? {}, apps: [], listenSources: [], extraPorts: [] };
    // Nor does one that runs a Python file of the project which neither is nor imports an app
    // (`python src/serving/gradio_app.py` beside a FastAPI app in the same image): that file is
    // the program listening there.
    if (!link && draft.commanded && targets.length > 0 && targets.every((target) => this.files.has(target)))
      return { ...draft, labels: draft.labels ?? {}, apps: [], listenSources: [], extraPorts: [] };
    // An image built from a Dockerfile the project cannot read (`dockerfile: mlflow`) starts a
    // program of its own: the app that happens to share its build context is only a guess.
    if (!link && draft.unreadDockerfile) return { ...draft, labels: draft.labels ?? {}, apps: [], listenSources: [], extraPorts: [] };
    // A build context is real only where something is built: a Dockerfile, a compose `build:`, a Procfile's folder.
    if (!link && (draft.kind === 'dockerfile' || draft.kind === 'procfile' || draft.dockerfile || draft.built)) {
      // The start command names no module the index holds, but the build context holds exactly one app.
      const inContext = this.appsUnder.get(draft.contextDir) ?? [];
      if (inContext.length === 1) [apps, link] = [inContext, 'context'];
    }
    if (!link && draft.image) {
      // `image: acme/churn-monitoring` and an app under `monitoring-service/`.
      const byName = this.appsNamedLike(draft.image);
      if (byName.length === 1) [apps, link] = [byName, 'context'];
    }
    if (!link && (draft.kind === 'kubernetes' || draft.kind === 'compose')) {
      // The nearest folder above the manifest that holds an app: one app there is the one it deploys.
      // A guess that needs backing: some port of the manifest is the one that app listens on.
      const near = this.nearestApps(draft.file);
      // A compose service built from a folder of its own runs what that folder holds, not an app beside it.
      const outsideBuild = draft.built === true && near.apps.length === 1 && !isInside(near.apps[0].path, draft.contextDir);
      if (near.apps.length === 1 && !outsideBuild && this.portsAgree(draft, near.apps[0])) [apps, link, scope] = [near.apps, 'nearby', near.dir];
    }
    // A Dockerfile near an app the manifest was only guessed to run may start it some other way.
    const startUnknown = scope !== undefined && this.dockerfilesUnder.has(scope);
    const { listenPorts, listenSources, extraPorts } = this.ports(draft, apps, startUnknown);
    return { ...draft, labels: draft.labels ?? {}, apps, link, listenPorts, listenSources, extraPorts };
  }

  launches(words: readonly string[], env: Readonly<Record<string, string>>, file: string, range: Range, contextDir: string, depth = 0): LaunchAt[] {
    const result: LaunchAt[] = [];
    for (const found of launchesIn(words, env)) {
      // gunicorn reads `gunicorn.conf.py` from its working directory, which may bind another port.
      const launch = found.server === 'gunicorn' && found.portDefaulted && this.hasGunicornConfig(contextDir) ? { ...found, port: undefined, loopback: undefined } : found;
      if (launch.server === 'script') {
        const script = launch.file ? this.findFile(launch.file, contextDir, 'script') : undefined;
        const facts = script ? (this.files.get(script) as ScriptFacts) : undefined;
        if (facts && depth < 2) {
          for (const command of facts.commands) result.push(...this.launches(splitCommand(command.text), env, script!, command.range, contextDir, depth + 1));
          continue;
        }
      }
      const target = launch.file ? this.findFile(launch.file, contextDir, 'python') : launch.module ? this.findModule(launch.module, contextDir) : undefined;
      result.push({ launch, file, range, target });
    }
    return result;
  }

  private dockerLaunches(dockerfile: string, env: Readonly<Record<string, string>>, argsOverride?: readonly string[], overrideFile?: string, overrideRange?: Range): LaunchAt[] {
    const facts = this.files.get(dockerfile) as DockerfileFacts;
    const stage = facts.stages[facts.stages.length - 1];
    if (!stage) return [];
    const entrypoint = inherited(facts, stage, 'entrypoint');
    const cmd = inherited(facts, stage, 'cmd');
    const words = (i: InstructionFact | undefined) => i?.words ?? (i ? splitCommand(i.text) : []);
    let command: readonly string[];
    if (entrypoint && !entrypoint.words) command = words(entrypoint);
    else command = [...words(entrypoint), ...(argsOverride ?? words(cmd))];
    if (command.length === 0) return [];
    const at =
      argsOverride && overrideFile && overrideRange
        ? { file: overrideFile, range: overrideRange }
        : { file: dockerfile, range: (cmd && !argsOverride ? cmd : entrypoint)?.range ?? stage.range };
    const launches = this.launches(command, env, at.file, at.range, dirname(dockerfile));
    // An entrypoint script that ends in `exec "$@"` runs CMD: look at CMD on its own too.
    if (entrypoint?.words && cmd && !argsOverride && launches.every((l) => l.launch.server === 'script' || !l.target))
      launches.push(...this.launches(words(cmd), env, dockerfile, cmd.range, dirname(dockerfile)));
    return launches;
  }

  /**
   * The image's own start command runs a program that launches nothing we can read
   * (`streamlit run ui.py`, `mlflow server`, `node server.js`): the app in its build context is
   * not what listens there. A shell, a script or `python` we could not follow says nothing.
   */
  private startsOtherProgram(dockerfile: string, launches: readonly LaunchAt[]): boolean {
    if (launches.length > 0) return false;
    const facts = this.files.get(dockerfile);
    if (facts?.kind !== 'dockerfile') return false;
    const stage = facts.stages[facts.stages.length - 1];
    const start = stage && (inherited(facts, stage, 'entrypoint') ?? inherited(facts, stage, 'cmd'));
    const first = start ? (start.words ?? splitCommand(start.text)).find((w) => w !== '') : undefined;
    return first !== undefined && !/(^|\/)(sh|bash|ash|dash|zsh|tini|dumb-init|python[\d.]*|env)$|\.sh$|^\$/.test(first);
  }

  private hasGunicornConfig(contextDir: string): boolean {
    return (this.byName.get('python:gunicorn.conf.py') ?? []).concat(this.byName.get('python:gunicorn_config.py') ?? []).some((path) => isInside(path, contextDir));
  }

  private composeDockerfile(composeFile: string, build: { context: string; dockerfile?: string }): string | undefined {
    const dir = joinDir(dirname(composeFile), build.context);
    const candidate = `${dir ? `${dir}/` : ''}${build.dockerfile ?? 'Dockerfile'}`.replace(/\/\.\//g, '/');
    return this.files.get(candidate)?.kind === 'dockerfile' ? candidate : undefined;
  }

  /**
   * A Helm template's image read back from its chart's values file: `⟨.Values.image.repository⟩:⟨.Values.image.tag⟩`
   * with `image.repository: acme/api` is `acme/api`, which names the Dockerfile that builds it as a
   * written image would. A repository only `helm template` knows (a helper, a pipeline, a key the
   * values lack) stays unknown; a tag may (the Dockerfile is found by the repository alone).
   */
  private chartImage(file: string, template: string | undefined): string | undefined {
    const at = file.lastIndexOf('/templates/');
    if (template === undefined || (at < 0 && !file.startsWith('templates/'))) return undefined;
    const root = at < 0 ? '' : `${file.slice(0, at)}/`;
    const values = [`${root}values.yaml`, `${root}values.yml`].map((path) => this.files.get(path)).find((facts) => facts?.kind === 'yaml');
    const known = values?.kind === 'yaml' ? values.imageValues : undefined;
    if (!known) return undefined;
    const image = template.replace(/⟨\s*\$?\.Values\.([\w.-]+)\s*⟩/g, (placeholder, key: string) => known[key] ?? placeholder);
    return repository(image).includes('⟨') || image.startsWith(':') ? undefined : image;
  }

  /** The Dockerfile that builds an image: a compose service says so, or the image's name matches the Dockerfile's folder, or there is only one. */
  private imageDockerfile(image: string, from?: string): string | undefined {
    const repo = repository(image);
    const fromCompose = this.composeImages.get(repo);
    if (fromCompose) return fromCompose;
    if (isThirdPartyImage(image)) return undefined;
    const scores = new Map<string, number>();
    for (const token of new Set(tokens(repo.slice(repo.lastIndexOf('/') + 1))))
      for (const path of this.dockerfilesByToken.get(token) ?? []) scores.set(path, (scores.get(path) ?? 0) + 1);
    const best = Math.max(0, ...scores.values());
    const top = [...scores].filter(([, score]) => score === best);
    if (best > 0 && top.length === 1) return top[0][0];
    // Otherwise: the nearest folder above the manifest with Dockerfiles in it holds only one, and every app there is in its context.
    // A Dockerfile the same compose file builds for another service is that service's image: an
    // image of another name pulled next to it (`someone/chat-ui`) is not built from it.
    const nearest = from ? this.nearestDockerfile(from) : undefined;
    return nearest && !this.composeBuilt.get(from!)?.has(nearest) ? nearest : undefined;
  }

  private nearestDockerfile(from: string): string | undefined {
    for (const dir of ancestors(from)) {
      const inside = this.dockerfilesUnder.get(dir);
      if (!inside) continue;
      const only = inside.length === 1 ? inside[0] : undefined;
      if (!only || !(this.appsUnder.get(dir) ?? []).every((app) => isInside(app.path, dirname(only)))) return undefined;
      // A manifest kept beside code of its own (`ui/app.py` + `ui/deployment.yml`) runs an image of
      // that code, not the one a sibling folder builds (`api/Dockerfile`).
      const home = dirname(from);
      return !isInside(from, dirname(only)) && this.pythonDirs.has(home) ? undefined : only;
    }
    return undefined;
  }

  private portsAgree(draft: Draft, app: AppView): boolean {
    const written = [...draft.declaredPorts.map((p) => p.port), ...draft.probes.map((p) => p.port), ...draft.published.map((p) => p.target)].filter(
      (p): p is number => typeof p === 'number',
    );
    const facts = this.files.get(app.path);
    const listeners = facts?.kind === 'python' ? facts.listeners.filter((l) => l.runsAsScript && l.via !== 'metrics-server') : [];
    const expected = listeners.length
      ? listeners.map((l) => (l.port?.env !== undefined ? (portOption(draft.env[l.port.env])?.value ?? l.port.value) : l.port?.value) ?? l.defaultPort)
      : [DEFAULT_PORT[app.framework]];
    return written.some((port) => expected.includes(port));
  }

  private nearestApps(from: string): { apps: AppView[]; dir: string } {
    for (const dir of ancestors(from)) {
      const apps = this.appsUnder.get(dir);
      if (apps) return { apps, dir };
    }
    return { apps: [], dir: '' };
  }

  private appsNamedLike(image: string): AppView[] {
    const repo = repository(image);
    const scores = new Map<AppView, number>();
    for (const token of new Set(tokens(repo.slice(repo.lastIndexOf('/') + 1)))) for (const app of this.appsByToken.get(token) ?? []) scores.set(app, (scores.get(app) ?? 0) + 1);
    const best = Math.max(0, ...scores.values());
    const top = [...scores].filter(([, score]) => score === best);
    return best > 0 && top.length === 1 ? [top[0][0]] : [];
  }

  private appsRunBy(targets: readonly string[]): AppView[] {
    const direct = [...new Set(targets)].flatMap((target) => this.appsByPath.get(target) ?? []);
    if (direct.length) return direct;
    // `wsgi.py` holding `from app import create_app; app = create_app()`: the app lives in a module it imports.
    const imported = new Set<string>();
    for (const target of targets) {
      const facts = this.files.get(target) as PythonFacts | undefined;
      for (const i of facts?.imports ?? []) {
        for (const app of this.apps)
          if (linkable(app) && moduleTail(app.path).endsWith(i.module.replace(/^\.+/, '')) && i.module.replace(/^\.+/, '') !== '') imported.add(app.path);
      }
    }
    return this.apps.filter((app) => linkable(app) && imported.has(app.path));
  }

  private ports(draft: Draft, apps: readonly AppView[], startUnknown: boolean): Pick<Deployment, 'listenPorts' | 'listenSources' | 'extraPorts'> {
    const value = (port: PortValue | undefined, fallback?: number) =>
      port?.env !== undefined ? (portOption(draft.env[port.env])?.value ?? port.value ?? fallback) : (port?.value ?? fallback);
    const listenersOf = (file: string) => {
      const facts = this.files.get(file);
      return facts?.kind === 'python' ? facts.listeners : [];
    };
    const extra = new Set<number>();
    for (const app of apps) {
      for (const file of app.files) {
        for (const listener of listenersOf(file)) {
          const port = value(listener.port, listener.defaultPort);
          if ((listener.via === 'metrics-server' || listener.via === 'grpc') && port !== undefined) extra.add(port);
        }
      }
    }
    const sources: { file: string; range: Range }[] = [];
    /** The ports a Python file opens when run as a script; undefined when it opens none or one is unknown. */
    const scriptPorts = (file: string): number[] | undefined => {
      const servers = listenersOf(file).filter((l) => l.runsAsScript && l.via !== 'metrics-server' && l.via !== 'grpc');
      const ports = servers.map((l) => value(l.port, l.defaultPort));
      sources.push(...servers.map((l) => ({ file, range: l.range })));
      return servers.length > 0 && ports.every((p) => p !== undefined) ? (ports as number[]) : undefined;
    };
    const listen = new Set<number>();
    let unknown = startUnknown;
    if (draft.launches.length === 0) {
      const fromApps = apps.map((app) => scriptPorts(app.path));
      if (fromApps.length === 0 || fromApps.some((p) => p === undefined)) unknown = true;
      else for (const ports of fromApps) ports!.forEach((p) => listen.add(p));
    }
    for (const { launch, target, file, range } of draft.launches) {
      if (launch.server !== 'python') sources.push({ file, range });
      const ports = launch.server === 'python' ? (target ? scriptPorts(target) : undefined) : launch.server === 'script' ? undefined : [value(launch.port)];
      if (!ports || ports.some((p) => p === undefined)) unknown = true;
      else ports.forEach((p) => listen.add(p!));
    }
    const known = !unknown && listen.size > 0;
    return { listenPorts: known ? [...listen] : undefined, listenSources: known ? sources : [], extraPorts: [...extra] };
  }

  private findFile(file: string, contextDir: string, kind: FileFacts['kind']): string | undefined {
    const wanted = file.replace(/^\.\//, '').replace(/^\/+/, '');
    const direct = contextDir ? `${contextDir}/${wanted}` : wanted;
    if (this.files.get(direct)?.kind === kind) return direct;
    const candidates = this.byName.get(`${kind}:${wanted.slice(wanted.lastIndexOf('/') + 1)}`) ?? [];
    if (candidates.length === 0) return undefined;
    const inside = candidates.filter((path) => isInside(path, contextDir));
    const exact = inside.filter((path) => path.endsWith(`/${wanted}`) || path === wanted);
    const pool = exact.length ? exact : inside.length ? inside : candidates.length === 1 ? candidates : [];
    return pool.length ? closest(`${contextDir}/x`, pool) : undefined;
  }

  private findModule(module: string, contextDir: string): string | undefined {
    const tail = module.replace(/\./g, '/');
    const base = contextDir ? `${contextDir}/${tail}` : tail;
    for (const direct of [`${base}.py`, `${base}/__init__.py`]) if (this.files.get(direct)?.kind === 'python') return direct;
    const last = tail.slice(tail.lastIndexOf('/') + 1);
    const candidates = [...(this.byName.get(`python:${last}.py`) ?? []), ...(this.byName.get('python:__init__.py') ?? [])].filter(
      (path) => path.endsWith(`/${tail}.py`) || path === `${tail}.py` || path.endsWith(`/${tail}/__init__.py`),
    );
    const inside = candidates.filter((path) => isInside(path, contextDir));
    const pool = inside.length ? inside : candidates.length === 1 ? candidates : [];
    return pool.length ? closest(`${contextDir}/x`, pool) : undefined;
  }
}

/** The effective instruction of a stage, following `FROM <earlier stage>`. */
function inherited(facts: DockerfileFacts, stage: StageFact, key: 'cmd' | 'entrypoint' | 'healthcheck' | 'user'): InstructionFact | undefined {
  let current: StageFact | undefined = stage;
  for (let depth = 0; current && depth < 10; depth++) {
    const value: InstructionFact | undefined = current[key];
    if (value) return value;
    const image: string = current.image;
    current = facts.stages.find((s) => s !== current && s.alias !== undefined && s.alias.toLowerCase() === image.toLowerCase());
  }
  return undefined;
}

export { inherited as inheritedInstruction };

function stageEnv(facts: DockerfileFacts, stage: StageFact): Record<string, string> {
  const chain: StageFact[] = [];
  let current: StageFact | undefined = stage;
  while (current && chain.length < 10 && !chain.includes(current)) {
    chain.unshift(current);
    const image: string = current.image;
    current = facts.stages.find((s) => s.alias !== undefined && s.alias.toLowerCase() === image.toLowerCase());
  }
  return Object.assign({}, ...chain.map((s) => s.env)) as Record<string, string>;
}

function dockerfileEnv(facts: DockerfileFacts | undefined): Record<string, string> {
  const stage = facts?.stages[facts.stages.length - 1];
  return facts && stage ? stageEnv(facts, stage) : {};
}

const LOCAL_URL = /https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|\$\{?HOSTNAME\}?)(?::(\d{1,5}|\$\{?\w+(?::-\d{1,5})?\}?))?(\/[^\s'"`)\\]*)?/i;

/** An HTTP health check against the container itself (`curl -f http://localhost:8000/health`). */
function httpCheck(label: string, file: string, range: Range, command: string, urlRange: Range | undefined, env: Readonly<Record<string, string>>): ProbeView | undefined {
  const url = LOCAL_URL.exec(command);
  if (!url) return undefined;
  // `http://127.0.0.1:{os.getenv("PORT", "8000")}/health`: a port is written, but as code this cannot read.
  const unread = url[2] === undefined && command.charAt(url.index + url[0].length) === ':';
  const port = unread ? undefined : url[2] === undefined ? (url[0].startsWith('https') ? 443 : 80) : (portOption(url[2], env)?.value ?? url[2]);
  const path = unread ? (/^:\{[^}]*\}(\/[^\s'"`)\\]*)/.exec(command.slice(url.index + url[0].length))?.[1] ?? '/') : (url[3] ?? '/');
  return { label, file, range, path: cleanPath(path), pathRange: urlRange, port, portRange: urlRange };
}

function cleanPath(path: string): string {
  const withoutQuery = path.split(/[?#]/)[0];
  return withoutQuery.startsWith('/') ? withoutQuery : `/${withoutQuery}`;
}

/** The runtime (last) stage of every production Dockerfile among the files, with its path and facts. */
export function* runtimeStages(files: ReadonlyMap<string, FileFacts>): Generator<{ path: string; facts: DockerfileFacts; stage: StageFact }> {
  for (const [path, facts] of files) {
    if (facts.kind !== 'dockerfile' || !isProductionDockerfile(path)) continue;
    const stage = facts.stages[facts.stages.length - 1];
    if (stage) yield { path, facts, stage };
  }
}

/** The user name (or uid) of a USER instruction, without its group. */
export function userName(user: InstructionFact): string {
  return user.text.trim().split(/[\s:]/)[0] ?? '';
}

export function isProductionDockerfile(path: string): boolean {
  return !/(^|\/)\.devcontainer\//.test(path) && !/(^|[/.\-_])(dev|development|local|test|debug)([.\-_]|$)[^/]*$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

export function isInside(path: string, dir: string): boolean {
  return dir === '' || dir === '.' || path.startsWith(`${dir}/`);
}

function moduleTail(path: string): string {
  return path.replace(/(\/__init__)?\.pyi?$/, '').replace(/\//g, '.');
}

const GENERIC = new Set([
  'app',
  'api',
  'service',
  'svc',
  'server',
  'web',
  'ml',
  'model',
  'models',
  'image',
  'docker',
  'dockerfile',
  'src',
  'backend',
  'latest',
  'the',
  'py',
  'python',
  'k8s',
  'deploy',
  'prod',
  'production',
]);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !GENERIC.has(t));
}

const THIRD_PARTY = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mysql-server',
  'mariadb',
  'redis',
  'redis-stack',
  'mongo',
  'mongodb',
  'memcached',
  'nginx',
  'nginx-unprivileged',
  'httpd',
  'traefik',
  'haproxy',
  'envoy',
  'caddy',
  'rabbitmq',
  'kafka',
  'cp-kafka',
  'zookeeper',
  'cp-zookeeper',
  'elasticsearch',
  'kibana',
  'logstash',
  'opensearch',
  'grafana',
  'prometheus',
  'alertmanager',
  'node-exporter',
  'pushgateway',
  'loki',
  'promtail',
  'tempo',
  'jaeger',
  'all-in-one',
  'opentelemetry-collector',
  'opentelemetry-collector-contrib',
  'minio',
  'localstack',
  'busybox',
  'alpine',
  'ubuntu',
  'debian',
  'centos',
  'vault',
  'consul',
  'etcd',
  'cassandra',
  'neo4j',
  'clickhouse-server',
  'influxdb',
  'telegraf',
  'mlflow',
  'serving',
  'tritonserver',
  'torchserve',
  'seldon-core-executor',
  'kserve-controller',
  'jupyter',
  'base-notebook',
  'scipy-notebook',
  'airflow',
  'superset',
  'metabase',
  'adminer',
  'pgadmin4',
  'mailhog',
  'qdrant',
  'pgvector',
  'timescaledb',
  'postgis',
  'valkey',
  'meilisearch',
  'typesense',
  'open-webui',
  'litellm',
  'langfuse',
  'weaviate',
  'milvus',
  'chroma',
  'ollama',
  'vllm',
  'vllm-openai',
  'text-generation-inference',
  'label-studio',
  'spark',
  'flink',
  'nats',
  'keycloak',
  'registry',
  'pause',
]);

/** Names that, anywhere in an image's name, mean a well-known server (`acme/ml-airflow`, `team/custom-grafana`). */
const THIRD_PARTY_TOKENS = new Set([
  'postgres',
  'postgresql',
  'pgvector',
  'mysql',
  'mariadb',
  'redis',
  'mongo',
  'mongodb',
  'nginx',
  'traefik',
  'rabbitmq',
  'kafka',
  'zookeeper',
  'elasticsearch',
  'kibana',
  'grafana',
  'prometheus',
  'alertmanager',
  'loki',
  'jaeger',
  'minio',
  'localstack',
  'airflow',
  'mlflow',
  'triton',
  'tritonserver',
  'torchserve',
  'jupyter',
  'superset',
  'metabase',
  'keycloak',
  'vault',
  'consul',
]);

/** An image the project does not build (a database, a proxy, a model server): its probes are not about the learner's app. */
export function isThirdPartyImage(image: string): boolean {
  const repo = repository(image).toLowerCase();
  if (
    /^(bitnami|grafana|prom|quay\.io\/prometheus|docker\.elastic\.co|confluentinc|jaegertracing|otel|hashicorp|minio|localstack|registry\.k8s\.io|k8s\.gcr\.io|nvcr\.io|seldonio|kserve|pytorch|tensorflow|apache|ghcr\.io\/mlflow)\//.test(
      repo,
    )
  )
    return true;
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  return THIRD_PARTY.has(name) || name.split(/[^a-z0-9]+/).some((token) => THIRD_PARTY_TOKENS.has(token));
}

/** The port an app's usual server listens on when nothing says otherwise (`flask run`, uvicorn, runserver). */
const DEFAULT_PORT: Readonly<Record<AppView['framework'], number>> = { flask: 5000, quart: 5000, restx: 5000, fastapi: 8000, starlette: 8000, django: 8000 };

/** Apps a deployment can run: an app object, or Django's root URLconf. */
function linkable(app: AppView): boolean {
  return app.object !== undefined || app.framework === 'django';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
