import type { FileFacts, ImportFact, PythonFacts } from './facts';

/**
 * Python module resolution over the indexed files. A project is linted from wherever the
 * learner opened it, so a module is found by the tail of its path (`app.routers.v1` is
 * `.../app/routers/v1.py` or `.../app/routers/v1/__init__.py`); when several files fit, the one
 * closest to the importing file wins. Relative imports resolve against the importing file.
 */
export class ModuleMap {
  /**
   * Files by the last part of their module name (`v1` for `.../routers/v1.py`). The dotted
   * names a file can be imported under (its last one to eight parts) are matched against these
   * candidates when a module is first looked up: listing every suffix of every file up front
   * was a sixth of the project pass's memory on a large tree.
   */
  private readonly byLast = new Map<string, string[]>();
  /** Dotted name -> files that can be imported under it, for the names looked up so far. */
  private readonly byName = new Map<string, readonly string[]>();
  /** Dotted name -> its candidates' `Nearest` index, for the names with many candidates that fell back to `closest`. */
  private readonly nearest = new Map<string, Nearest>();
  constructor(readonly python: ReadonlyMap<string, PythonFacts>) {
    for (const path of python.keys()) {
      const parts = moduleParts(path);
      const last = parts[parts.length - 1];
      if (last === undefined) continue;
      const list = this.byLast.get(last);
      if (list) list.push(path);
      else this.byLast.set(last, [path]);
    }
  }

  /** The files that can be imported as `module`, in the order of the index. */
  private named(module: string): readonly string[] {
    let found = this.byName.get(module);
    if (found) return found;
    const wanted = module.split('.');
    const candidates = wanted.length > MAX_MODULE_PARTS ? undefined : this.byLast.get(wanted[wanted.length - 1]);
    found = candidates?.filter((path) => endsWithParts(moduleParts(path), wanted)) ?? [];
    this.byName.set(module, found);
    return found;
  }

  /** The file of an absolute or relative module imported from `from`. */
  module(from: string, module: string): string | undefined {
    if (module.startsWith('.')) {
      const dots = /^\.+/.exec(module)![0].length;
      let dir = dirname(from);
      for (let i = 1; i < dots; i++) dir = dirname(dir);
      const rest = module.slice(dots);
      const base = rest ? `${dir}/${rest.replace(/\./g, '/')}` : dir;
      return this.fileAt(base);
    }
    const candidates = this.named(module);
    if (candidates.length === 0) return undefined;
    if (candidates.length === 1) return candidates[0];
    // The nearest folder above the importing file that holds the module: a few set lookups,
    // where comparing paths with every candidate would cost a monorepo of many services dearly.
    const tail = module.replace(/\./g, '/');
    for (let dir = dirname(from); ; dir = dirname(dir)) {
      const found = this.fileAt(dir ? `${dir}/${tail}` : tail);
      if (found) return found;
      if (dir === '' || dir === '/' || dir === dirname(dir)) break;
    }
    if (candidates.length < NEAREST_INDEX_MIN) return closest(from, candidates);
    // Many files named alike (`utils`, `config` in every service of a monorepo): scanning them all
    // for every import made the pass grow with the square of the tree.
    let nearest = this.nearest.get(module);
    if (!nearest) this.nearest.set(module, (nearest = new Nearest(candidates)));
    return nearest.to(from);
  }

  /** Where a name bound by an import points: a module file, or an attribute of one. */
  imported(from: string, local: string, scope?: string): { path: string; attribute?: string } | undefined {
    const facts = this.python.get(from);
    // The import in the caller's own function wins, then a module-level one, then any other.
    let found: ImportFact | undefined;
    let rank = 0;
    for (const i of facts?.imports ?? []) {
      if (i.local !== local) continue;
      const own = scope !== undefined && i.scope === scope ? 3 : i.scope === undefined ? 2 : 1;
      if (own >= rank) [found, rank] = [i, own];
    }
    if (!found) return undefined;
    if (found.name === undefined) {
      const path = this.module(from, found.module);
      return path ? { path } : undefined;
    }
    // `from pkg import sub` may import a submodule rather than an attribute.
    const submodule = found.module.startsWith('.')
      ? this.module(from, `${found.module}${found.module.endsWith('.') ? '' : '.'}${found.name}`)
      : this.module(from, `${found.module}.${found.name}`);
    if (submodule) return { path: submodule };
    const path = this.module(from, found.module);
    return path ? { path, attribute: found.name } : undefined;
  }

  /**
   * The object a dotted expression names, as `path#name`: `router` defined here, `v1.router`
   * through `from app.routers import v1`, `v1_router` through `from .v1 import router as v1_router`.
   */
  resolve(from: string, expression: string, depth = 0, scope?: string): string | undefined {
    const segments = expression.split('.');
    const head = segments[0];
    if (!head) return undefined;
    const facts = this.python.get(from);
    const importedAs = facts?.imports.some((i) => i.local === head);
    if (!importedAs) return segments.length === 1 ? `${from}#${head}` : undefined;
    const target = this.imported(from, head, scope);
    if (!target) return undefined;
    let path = target.path;
    let rest = segments.slice(1);
    if (target.attribute !== undefined) {
      // An imported name may itself be an import in that module (`from .routers import api_router`).
      if (rest.length === 0)
        return depth < 6 && this.python.get(path)?.imports.some((i) => i.local === target.attribute)
          ? this.resolve(path, target.attribute, depth + 1)
          : `${path}#${target.attribute}`;
      rest = [target.attribute, ...rest];
    }
    while (rest.length > 1) {
      const sub = this.module(path, `.${rest[0]}`) ?? this.module(path, rest[0]);
      if (!sub || sub === path) return undefined;
      path = sub;
      rest = rest.slice(1);
    }
    if (rest.length === 0) return undefined;
    return depth < 6 && this.python.get(path)?.imports.some((i) => i.local === rest[0]) ? this.resolve(path, rest[0], depth + 1) : `${path}#${rest[0]}`;
  }

  private fileAt(base: string): string | undefined {
    for (const candidate of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`]) if (this.python.has(candidate)) return candidate;
    return undefined;
  }
}

/** A file is importable under its last one to eight module name parts. */
const MAX_MODULE_PARTS = 8;

/** `app/routers/v1.py` -> app, routers, v1; a package's `__init__.py` is named by its folder. */
function moduleParts(path: string): string[] {
  const parts = path
    .replace(/\.pyi?$/, '')
    .split('/')
    .filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts;
}

function endsWithParts(parts: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > parts.length) return false;
  for (let i = 1; i <= tail.length; i++) if (parts[parts.length - i] !== tail[tail.length - i]) return false;
  return true;
}

/** The folders above a file, nearest first, ending with '' (which holds everything, absolute paths included). */
/**
 * Is this a module named after the package it wraps (`services/redis.py` doing `from redis import
 * asyncio`)? Its own absolute import of that name can only mean the installed package, so the file
 * does not shadow the package for the rest of the project either.
 */
export function wrapsPackage(facts: PythonFacts | undefined, name: string): boolean {
  return facts?.imports.some((fact) => !fact.module.startsWith('.') && fact.module.split('.')[0] === name) ?? false;
}

export function ancestors(path: string): string[] {
  const result: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    result.push(dir);
    if (dir === '' || dir === '/' || dir === dirname(dir)) return dir === '' ? result : [...result, ''];
  }
}

/** `relative` resolved against the folder `base` (`.` and `..` folded; a `..` above `base` is kept). */
export function joinDir(base: string, relative: string): string {
  const parts = (base ? base.split('/') : []).concat(relative.split('/'));
  const result: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && result.length > 0)) continue;
    if (part === '..' && result.length > 0 && result[result.length - 1] !== '..' && result[result.length - 1] !== '') result.pop();
    else result.push(part);
  }
  return result.join('/');
}

/** The last part of a `/`-separated path: the file's own name. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? (slash === 0 ? '/' : '') : path.slice(0, slash);
}

/** The candidate sharing the longest leading directory path with `from`. */
export function closest(from: string, candidates: readonly string[]): string {
  let best = candidates[0];
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = commonPrefix(from, candidate);
    if (score > bestScore || (score === bestScore && candidate.length < best.length)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** From how many candidates `ModuleMap.module` reads `closest` from a `Nearest` index rather than by scanning. */
const NEAREST_INDEX_MIN = 16;

/**
 * `closest(from, candidates)` for one list of candidates and any `from`, in as many map lookups as
 * `from` has folders. `closest` counts the folder prefixes (`a/`, `a/b/`) `from` shares with a
 * candidate, so the winners are the candidates under `from`'s longest prefix that holds any, and
 * among them the shortest, the first in order; kept here for every prefix of every candidate.
 */
export class Nearest {
  private readonly under = new Map<string, string>();
  /** The winner when `from` shares no folder with any candidate. */
  private readonly anywhere: string;

  constructor(candidates: readonly string[]) {
    let anywhere = candidates[0];
    for (const candidate of candidates) {
      if (candidate.length < anywhere.length) anywhere = candidate;
      for (let slash = candidate.indexOf('/'); slash !== -1; slash = candidate.indexOf('/', slash + 1)) {
        const prefix = candidate.slice(0, slash + 1);
        const best = this.under.get(prefix);
        if (best === undefined || candidate.length < best.length) this.under.set(prefix, candidate);
      }
    }
    this.anywhere = anywhere;
  }

  to(from: string): string {
    for (let slash = from.lastIndexOf('/'); slash !== -1; slash = slash === 0 ? -1 : from.lastIndexOf('/', slash - 1)) {
      const best = this.under.get(from.slice(0, slash + 1));
      if (best !== undefined) return best;
    }
    return this.anywhere;
  }
}

/** How many folders two paths share from the start (their file names never count). */
function commonPrefix(a: string, b: string): number {
  // Compared in place: splitting both paths for every candidate of every import was most of
  // the project pass's garbage on a large monorepo.
  let count = 0;
  for (let start = 0; ;) {
    const end = a.indexOf('/', start);
    if (end < 0 || end !== b.indexOf('/', start)) return count;
    for (let k = start; k < end; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return count;
    count++;
    start = end + 1;
  }
}

/** The project modules `from` imports, directly or through other project modules, up to `depth` imports away. */
export function importedModules(modules: ModuleMap, python: ReadonlyMap<string, PythonFacts>, from: string, depth: number): string[] {
  const seen = new Set<string>([from]);
  let frontier = [from];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const path of frontier)
      for (const i of python.get(path)?.imports ?? []) {
        const target = modules.imported(path, i.local)?.path;
        if (!target || seen.has(target)) continue;
        seen.add(target);
        next.push(target);
      }
    frontier = next;
  }
  seen.delete(from);
  return [...seen];
}

/** A distribution or module name as pip compares them (`Scikit_Learn` and `scikit-learn` are one). */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

/** Every package the project's requirements files name, normalised (see `normalName`). */
export function requiredNames(files: ReadonlyMap<string, FileFacts>): Set<string> {
  const names = new Set<string>();
  for (const facts of files.values()) if (facts.kind === 'requirements') for (const p of facts.packages) names.add(normalName(p.name));
  return names;
}
