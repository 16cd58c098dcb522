import type { Range } from '../types';
import { copySources } from './copies';
import type { Deployment } from './deploy';
import type { FileFacts } from './facts';
import { ancestors, basename, dirname, joinDir } from './modules';
import { projectFileKind, type ProjectFileKind } from './text-facts';

/**
 * Inputs a build or a start command names that the repository does not hold: a COPY of a
 * requirements file or a script, a start command's module, a CI step's `python train.py`.
 * Only files the project model reads are judged (it cannot tell whether a `model.pkl` exists),
 * and only where the tree around them was read (not a lone file named on the command line).
 */

export interface MissingInput {
  readonly path: string;
  readonly range: Range;
  readonly kind: 'copy' | 'context' | 'start' | 'step';
  readonly target: string;
  /** For a copy outside the build context compose gives: that context, and where the file does sit (repository paths). */
  readonly context?: string;
  readonly at?: string;
  /** For a start command: the module of the build context that does create an app (`main` for `main.py`). */
  readonly found?: string;
}

/** Kinds whose absence the index can tell. Dotenv files are often git-ignored on purpose. */
const JUDGED: ReadonlySet<ProjectFileKind> = new Set(['python', 'requirements', 'script', 'dockerfile']);
/** A part only the build or the run knows: a variable, a glob, a heredoc, a URL. */
const OPAQUE = /[$*?[\]{}<>`]|:\/\/|^~|^-/;
/** Servers whose module argument is the project's own app (`uvicorn app.main:app`). */
const APP_SERVERS = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'granian']);
/** `python train.py` / `python3 -u src/train.py` in a CI step (not `python -m`, not `python -c`). */
const STEP_PYTHON = /(?:^|[\s;&|(])python(?:3(?:\.\d+)?)?(?:\s+-[uBOW]\S*)*\s+([\w./-]+\.py)\b/g;
/** `docker build -f path` / `--file path`. */
const STEP_DOCKERFILE = /\bdocker\s+(?:buildx\s+)?build\b[^\n;&|]*?\s(?:-f|--file)(?:=|\s+)(["']?)([^\s"';&|]+)\1/g;

class Tree {
  private readonly paths: string[];
  private readonly pathSet: ReadonlySet<string>;
  private readonly folders = new Set<string>();
  /** Built at the first question that needs them: the file names, and the files by folder (no Dockerfile). */
  private names: Set<string> | undefined;
  private byFolder: Map<string, string[]> | undefined;
  private readonly kinds = new Set<string>();
  private readonly produced: string;

  constructor(
    files: ReadonlyMap<string, FileFacts>,
    readonly root: string,
  ) {
    this.paths = [...files.keys()];
    this.pathSet = new Set(this.paths);
    for (const [path, facts] of files) {
      this.kinds.add(facts.kind);
      for (const dir of ancestors(path)) this.folders.add(dir);
    }
    // Files a script writes before the build reads them (`poetry export -o requirements.txt`, `> app.py`).
    const written: string[] = [];
    for (const facts of files.values()) {
      if (facts.kind === 'yaml') for (const run of facts.workflowRuns) written.push(run.value);
      if (facts.kind === 'script') for (const command of facts.commands) written.push(command.text);
    }
    this.produced = written.join('\n');
  }

  /** Any file whose path ends with `target` (where a script runs from is often unknown). */
  has(target: string): boolean {
    const wanted = target.replace(/^\.\//, '');
    return this.paths.some((p) => p === this.root + wanted || p.endsWith(`/${wanted}`) || p === wanted);
  }

  /** Seen from `dir` or any folder above it. */
  hasFrom(dir: string, target: string): boolean {
    return ancestors(`${dir}/x`).some((base) => this.pathSet.has(joinDir(base, target)) || this.folders.has(joinDir(base, target)));
  }

  /** `target` is a file or a folder (of files the index reads) directly under `dir`. */
  at(dir: string, target: string): boolean {
    const path = joinDir(dir, target);
    return this.pathSet.has(path) || this.folders.has(path);
  }

  /** Some file of this name exists, somewhere else. */
  named(target: string): boolean {
    this.names ??= new Set(this.paths.map(basename));
    return this.names.has(basename(target));
  }

  writes(target: string): boolean {
    const name = basename(target).replace(/[.]/g, '\\.');
    return new RegExp(`(?:>|-o|--output(?:-file)?[= ]|\\btee\\s+|\\bcp\\s+\\S+\\s+|\\bmv\\s+\\S+\\s+|\\bwget\\b[^\\n]*|\\bcurl\\b[^\\n]*)\\s*["']?[\\w./-]*${name}\\b`).test(
      this.produced,
    );
  }

  /** Some file the index reads sits in `dir` or below it. */
  walked(dir: string): boolean {
    return dir === '' ? this.paths.length > 0 : this.folders.has(dir);
  }

  /** The folder was walked: it holds a file besides the one asking, and the kind exists somewhere. */
  read(dir: string, kind: string, except: string): boolean {
    if (!this.kinds.has(kind)) return false;
    if (!this.byFolder) {
      this.byFolder = new Map();
      for (const p of this.paths) {
        if (projectFileKind(p) === 'dockerfile') continue;
        const folder = dirname(p);
        const list = this.byFolder.get(folder);
        if (list) list.push(p);
        else this.byFolder.set(folder, [p]);
      }
    }
    return this.byFolder.get(dir)?.some((p) => p !== except) ?? false;
  }
}

function judged(target: string): ProjectFileKind | undefined {
  if (!target || OPAQUE.test(target) || target.startsWith('/') || target.startsWith('..')) return undefined;
  const kind = projectFileKind(target);
  return kind && JUDGED.has(kind) ? kind : undefined;
}

export function missingInputs(files: ReadonlyMap<string, FileFacts>, deployments: readonly Deployment[], root: string): MissingInput[] {
  const tree = new Tree(files, root);
  const result: MissingInput[] = [];
  const seen = new Set<string>();
  const miss = (path: string, range: Range, kind: MissingInput['kind'], target: string, probe?: string, found?: string) => {
    const key = `${path}:${range.start.line}:${target}`;
    // A reproduction or a partial checkout leaves files out: only a file of that name elsewhere (moved, renamed folder, typo) tells,
    // or, for a server's `module:app`, the app the build context does create in another module.
    if (seen.has(key) || tree.writes(target) || (!found && !tree.named(probe ?? target))) return;
    seen.add(key);
    result.push({ path, range, kind, target, ...(found && { found }) });
  };
  const contexts = composeContexts(files);
  for (const [path, facts] of files) {
    if (facts.kind === 'dockerfile') {
      const dir = dirname(path);
      const given = contexts.get(path);
      for (const stage of facts.stages)
        for (const copy of stage.copies ?? []) {
          const { sources, fromStage } = copySources(copy);
          if (fromStage) continue;
          for (const source of sources) {
            const target = source.replace(/^\.\//, '').replace(/\/+$/, '');
            const outside = given && outsideGivenContext(tree, given, target);
            if (outside) {
              const key = `${path}:${copy.range.start.line}:${target}`;
              if (!seen.has(key) && seen.add(key)) result.push({ path, range: copy.range, kind: 'context', target: source, context: outside.context, at: outside.at });
              continue;
            }
            const kind = judged(target);
            if (kind && tree.read(dir, kind, path) && !tree.hasFrom(dir, target)) miss(path, copy.range, 'copy', source);
          }
        }
    }
    if (facts.kind !== 'yaml' || !tree.read(dirname(path).replace(/(^|\/)\.github\/workflows$/, ''), 'python', path)) continue;
    for (const run of facts.workflowRuns) {
      for (const match of run.value.matchAll(STEP_PYTHON)) if (judged(match[1]) && !tree.has(match[1])) miss(path, lineOf(run, match[0]), 'step', match[1]);
      for (const match of run.value.matchAll(STEP_DOCKERFILE))
        if (judged(basename(match[2])) === 'dockerfile' && !tree.has(match[2])) miss(path, lineOf(run, match[0]), 'step', match[2]);
    }
  }
  for (const deployment of deployments) {
    // Only what the repository builds: a third-party image's own command runs its own files.
    if (!deployment.dockerfile && deployment.kind !== 'procfile') continue;
    const dir = deployment.dockerfile ? dirname(deployment.dockerfile) : dirname(deployment.file);
    if (!tree.read(dir, 'python', deployment.dockerfile ?? deployment.file)) continue;
    for (const at of deployment.launches) {
      if (at.target) continue;
      const { launch } = at;
      const module = launch.module && (APP_SERVERS.has(launch.server) || tree.hasFrom(dir, launch.module.split('.')[0])) ? launch.module : undefined;
      const target = launch.file ?? (module ? `${module.replace(/\./g, '/')}.py` : undefined);
      if (!target || !judged(target) || tree.has(target) || (module && tree.has(`${module.replace(/\./g, '/')}/__init__.py`))) continue;
      const found = module && APP_SERVERS.has(launch.server) && deployment.dockerfile && renamedFrom(files, module) ? onlyAppModule(files, dir) : undefined;
      miss(at.file, at.range, 'start', launch.file ?? module!, target, found);
    }
  }
  return result;
}

/**
 * The build contexts compose gives each Dockerfile it builds (`build: context: ./backend`, with
 * `dockerfile:` relative to it), as repository folders. A context only the run knows (a variable,
 * a URL or git source) is left out.
 */
function composeContexts(files: ReadonlyMap<string, FileFacts>): Map<string, string[]> {
  const contexts = new Map<string, string[]>();
  for (const [file, facts] of files) {
    if (facts.kind !== 'yaml') continue;
    for (const service of facts.compose) {
      if (!service.build) continue;
      const written = `${service.build.context}${service.build.dockerfile ?? ''}`;
      if (/\$|:\/\/|^git@/.test(written)) continue;
      const dir = joinDir(dirname(file), service.build.context.trim() || '.');
      const dockerfile = joinDir(dir, (service.build.dockerfile ?? 'Dockerfile').trim());
      const list = contexts.get(dockerfile);
      if (!list) contexts.set(dockerfile, [dir]);
      else if (!list.includes(dir)) list.push(dir);
    }
  }
  return contexts;
}

/**
 * A COPY source that none of the contexts compose gives holds, while a folder above the context
 * does: the Dockerfile was written for the repository root (`COPY pyproject.toml` with
 * `context: ./backend`). Only files and folders the index reads count (a model file it cannot
 * see is never judged), and only contexts that were read (hold a file themselves).
 */
function outsideGivenContext(tree: Tree, contexts: readonly string[], target: string): { context: string; at: string } | undefined {
  if (!target || target === '.' || OPAQUE.test(target) || target.startsWith('/') || target.startsWith('..')) return undefined;
  for (const context of contexts) if (tree.at(context, target) || !tree.walked(context)) return undefined;
  const context = contexts[0];
  // Folders above the context, up to the repository root (never the folders the repository sits in).
  const above = ancestors(`${context}/x`).find((dir) => dir !== context && `${dir}/`.startsWith(tree.root || `${dir}/`) && tree.at(dir, target));
  return above === undefined ? undefined : { context, at: joinDir(above, target) };
}

/**
 * `module` names a top-level module of the project that could have been renamed (`app` for a
 * service now in main.py): a single name, not an installed package's (no requirements file
 * installs it), and not a `wsgi`/`asgi` entry shim, a file a partial copy of a repository often
 * leaves out while the app it imports is there. A dotted path (`app.drift`) is a file of a
 * package that may just as well have been left out.
 */
function renamedFrom(files: ReadonlyMap<string, FileFacts>, module: string): boolean {
  if (module.includes('.') || /^[wa]sgi$/.test(module)) return false;
  const normal = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '_');
  for (const facts of files.values()) if (facts.kind === 'requirements' && facts.packages.some((p) => normal(p.name) === normal(module))) return false;
  return true;
}

/**
 * The one Python module under `dir` (a build context) that creates a Flask, FastAPI, Starlette
 * or Quart app, as a dotted module path relative to `dir`; undefined when there are none or
 * several (which one the command meant is then a guess). Tests do not count.
 */
function onlyAppModule(files: ReadonlyMap<string, FileFacts>, dir: string): string | undefined {
  const prefix = dir ? `${dir}/` : '';
  const modules = new Set<string>();
  for (const [path, facts] of files) {
    if (facts.kind !== 'python' || !path.startsWith(prefix) || /(^|\/)(tests?|test_[^/]*|[^/]*_test\.py)(\/|$)/.test(path.slice(prefix.length))) continue;
    if (facts.objects.some((object) => object.role === 'app'))
      modules.add(
        path
          .slice(prefix.length)
          .replace(/\.py$/, '')
          .replace(/\/__init__$/, '')
          .replace(/\//g, '.'),
      );
  }
  return modules.size === 1 ? [...modules][0] : undefined;
}

/** The line of a run script holding `text` (the script's first line when not found). */
function lineOf(run: { readonly raw: string; readonly value: string; readonly range: Range }, text: string): Range {
  const index = run.raw.indexOf(text.trim());
  if (index < 0) return run.range;
  const line = run.range.start.line + (run.raw.slice(0, index).match(/\n/g)?.length ?? 0);
  return line === run.range.start.line ? run.range : { start: { line, column: 0 }, end: { line, column: 0 } };
}
