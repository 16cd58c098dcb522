import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../language/config';
import { gitIgnoreLevel, isGitIgnored, isSkippedDirName, type GitIgnoreLevel } from '../language/exclusions';
import { accessNotice, languageOf, notRegularNotice, readSourceFile } from '../language/source';
import type { EngineNotice, Lang } from '../language/types';

/** Our own config file is YAML too, but it is not the learner's code. */
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/**
 * Expands the paths given on the command line into the files to lint, in a deterministic
 * order (targets in the order given, each walked depth-first with entries sorted by code unit).
 *
 * Folders are skipped when they are tool or environment output (SKIPPED_DIRS in
 * language/exclusions.ts, any folder with a `pyvenv.cfg`), when a `.gitignore` excludes them
 * (nested files too, read from the repository root down; negations work), or when the config's
 * `ignore` globs match. Like ruff, a path named explicitly on the command line is linted even if
 * it would be excluded, unless `forceExclude` is set (useful for pre-commit hooks, which pass
 * every changed file). Symbolic links to files are followed; symbolic links to folders are not,
 * so the walk cannot cycle.
 *
 * Each folder costs one `readdir` (its entries carry their types, and a virtual environment is
 * told by the `pyvenv.cfg` among them); only symbolic links with a Python or YAML name are
 * `stat`ed. What cannot be linted is not dropped silently: a FIFO, socket or device with a
 * Python or YAML name, a link that loops or leads nowhere, a folder that cannot be read each
 * become an entry with a notice, in walk order.
 */

export interface WalkOptions {
  /** Also exclude explicitly named files and folders when a rule would exclude them. */
  readonly forceExclude?: boolean;
  /** Extra exclusion (the config's ignore globs), asked for every file and folder. */
  readonly isExcluded?: (absolutePath: string, isDirectory: boolean) => boolean;
  /** Also collect files whose name this accepts (the project model's Dockerfiles, requirements files, start scripts). */
  readonly include?: (name: string) => boolean;
  /** Language of the notices. */
  readonly lang?: Lang;
}

export interface WalkEntry {
  /** Absolute path. */
  readonly path: string;
  /** Why this path is not linted; absent for a file to lint. */
  readonly notice?: EngineNotice;
  /** The path was named on the command line rather than found inside a folder. */
  readonly named: boolean;
}

export interface WalkResult {
  /** Files to lint and paths that cannot be, de-duplicated, in walk order. */
  readonly entries: WalkEntry[];
  /** The absolute paths of the files to lint (the entries without a notice). */
  readonly files: string[];
  /** Targets that do not exist. */
  readonly missing: string[];
}

export function collectFiles(targets: readonly string[], cwd: string, options: WalkOptions = {}): WalkResult {
  const walk = new Walk(options);
  const missing: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch (error) {
      if (isMissing(absolute)) missing.push(target);
      else walk.add({ path: absolute, notice: accessNotice(error, walk.lang), named: true });
      continue;
    }
    const isDirectory = stats.isDirectory();
    const levels = ancestorGitIgnores(isDirectory ? absolute : path.dirname(absolute));
    if (options.forceExclude && (isExcluded(absolute, isDirectory, levels, options) || insideSkippedFolder(absolute, isDirectory, cwd))) continue;
    if (isDirectory) walk.directory(absolute, levels, true);
    else walk.add({ path: absolute, notice: stats.isFile() ? undefined : notRegularNotice(stats, walk.lang), named: true });
  }
  const entries = walk.entries;
  return { entries, files: entries.filter((e) => !e.notice).map((e) => e.path), missing };
}

/** Not even a dangling link: nothing at that path at all. */
function isMissing(absolute: string): boolean {
  try {
    fs.lstatSync(absolute);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

class Walk {
  readonly entries: WalkEntry[] = [];
  readonly lang: Lang;
  private readonly seen = new Set<string>();

  constructor(private readonly options: WalkOptions) {
    this.lang = options.lang ?? 'en';
  }

  add(entry: WalkEntry): void {
    if (this.seen.has(entry.path)) return;
    this.seen.add(entry.path);
    this.entries.push(entry);
  }

  directory(dir: string, parentLevels: readonly GitIgnoreLevel[], named: boolean): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.add({ path: dir, notice: accessNotice(error, this.lang), named });
      return;
    }
    let gitIgnore = false;
    for (const entry of entries) {
      // A virtual environment found inside the tree is skipped; one named explicitly is walked.
      if (!named && entry.name === 'pyvenv.cfg') return;
      if (entry.name === '.gitignore') gitIgnore = true;
    }
    const levels = gitIgnore && parentLevels.at(-1)?.dir !== toPosix(dir) ? withGitIgnore(parentLevels, dir) : parentLevels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) this.entry(dir, entry, levels);
  }

  private entry(dir: string, entry: fs.Dirent, levels: readonly GitIgnoreLevel[]): void {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDirName(entry.name) && !isExcluded(full, true, levels, this.options)) this.directory(full, levels, false);
      return;
    }
    if (!(languageOf(entry.name) || this.options.include?.(entry.name)) || CONFIG_NAMES.has(entry.name) || isExcluded(full, false, levels, this.options)) return;
    if (entry.isFile()) {
      this.add({ path: full, named: false });
      return;
    }
    // A link, a special file, or a file system that does not report types: ask for the target.
    let stats: fs.Stats;
    try {
      stats = fs.statSync(full);
    } catch (error) {
      const notice = accessNotice(error, this.lang);
      // A dangling link inside a folder is left behind, not broken: skipped rather than an error.
      const dangling = notice.code === 'not-found' && entry.isSymbolicLink();
      this.add({ path: full, notice: dangling ? { ...notice, kind: 'skipped', code: 'broken-link' } : notice, named: false });
      return;
    }
    // Links to folders are not followed (so the walk cannot cycle); links to files are.
    if (stats.isDirectory()) return;
    this.add({ path: full, notice: stats.isFile() ? undefined : notRegularNotice(stats, this.lang), named: false });
  }
}

function isVirtualEnv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'));
}

function isExcluded(absolute: string, isDirectory: boolean, levels: readonly GitIgnoreLevel[], options: WalkOptions): boolean {
  return Boolean(options.isExcluded?.(absolute, isDirectory)) || (levels.length > 0 && isGitIgnored(levels, toPosix(absolute), isDirectory));
}

/**
 * For --force-exclude: would the walk have skipped a folder on the way to this explicitly named
 * path? Checked below the repository root, or below the working directory outside a repository.
 */
function insideSkippedFolder(absolute: string, isDirectory: boolean, cwd: string): boolean {
  const base = repositoryRoot(absolute) ?? path.resolve(cwd);
  const relative = path.relative(base, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const segments = relative.split(path.sep);
  const folders = isDirectory ? segments : segments.slice(0, -1);
  let dir = base;
  for (const segment of folders) {
    dir = path.join(dir, segment);
    if (isSkippedDirName(segment) || isVirtualEnv(dir)) return true;
  }
  return false;
}

function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A `.gitignore` is read like source: bounded, and never if it is a FIFO or a device. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

function withGitIgnore(levels: readonly GitIgnoreLevel[], dir: string): readonly GitIgnoreLevel[] {
  const read = readSourceFile(path.join(dir, '.gitignore'), MAX_GITIGNORE_BYTES);
  return read.ok ? [...levels, gitIgnoreLevel(toPosix(dir), Buffer.from(read.bytes).toString('utf8'))] : levels;
}

/**
 * The .gitignore files that apply to `dir` from above: from the repository root (the nearest
 * ancestor holding `.git`) down to `dir` itself. Outside a repository only `dir`'s own file counts.
 */
function ancestorGitIgnores(dir: string): readonly GitIgnoreLevel[] {
  const chain: string[] = [];
  let current = dir;
  let root: string | undefined;
  for (;;) {
    chain.push(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      root = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const dirs = root ? chain.reverse() : [dir];
  let levels: readonly GitIgnoreLevel[] = [];
  for (const folder of dirs) if (fs.existsSync(path.join(folder, '.gitignore'))) levels = withGitIgnore(levels, folder);
  return levels;
}

/** The shared exclusion helpers work on forward-slash paths. */
function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}
