import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../language/config';
import { gitIgnoreLevel, isGitIgnored, isSkippedDirName, type GitIgnoreLevel } from '../language/exclusions';
import { languageOf } from '../language/source';

/** Our own config file is YAML too, but it is not the learner's code. */
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/**
 * Expands the paths given on the command line into the files to lint, in a deterministic
 * order (targets in the order given, each walked depth-first with entries sorted by code unit).
 *
 * Folders are skipped when they are tool or environment output (SKIPPED_DIRS in
 * language/exclusions.ts, any folder with a
 * `pyvenv.cfg`), when a `.gitignore` excludes them (nested files too, read from the repository
 * root down; negations work), or when the config's `ignore` globs match. Like ruff, a path named
 * explicitly on the command line is linted even if it would be excluded, unless `forceExclude`
 * is set (useful for pre-commit hooks, which pass every changed file). Symbolic links to files are
 * followed; symbolic links to folders are not, so cycles cannot happen.
 */

export interface WalkOptions {
  /** Also exclude explicitly named files and folders when a rule would exclude them. */
  readonly forceExclude?: boolean;
  /** Extra exclusion (the config's ignore globs), asked for every file and folder. */
  readonly isExcluded?: (absolutePath: string, isDirectory: boolean) => boolean;
  /** Also collect files whose name this accepts (the project model's Dockerfiles, requirements files, start scripts). */
  readonly include?: (name: string) => boolean;
}

export interface WalkResult {
  /** Absolute paths, de-duplicated, in walk order. */
  readonly files: string[];
  /** Targets that do not exist or cannot be read. */
  readonly missing: string[];
}

export function collectFiles(targets: readonly string[], cwd: string, options: WalkOptions = {}): WalkResult {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    const isDirectory = stat.isDirectory();
    const levels = ancestorGitIgnores(isDirectory ? absolute : path.dirname(absolute));
    if (options.forceExclude && (isExcluded(absolute, isDirectory, levels, options) || insideSkippedFolder(absolute, isDirectory, cwd))) continue;
    if (!isDirectory) add(absolute);
    else walkDirectory(absolute, levels, options, add);
  }
  return { files, missing };
}

function walkDirectory(dir: string, parentLevels: readonly GitIgnoreLevel[], options: WalkOptions, add: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const names = new Set(entries.map((e) => e.name));
  const levels = names.has('.gitignore') && parentLevels.at(-1)?.dir !== toPosix(dir) ? withGitIgnore(parentLevels, dir) : parentLevels;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      isDirectory = false;
      isFile = safeIsFile(full);
    }
    if (isDirectory) {
      if (isSkippedDirName(entry.name) || isExcluded(full, true, levels, options) || isVirtualEnv(full)) continue;
      walkDirectory(full, levels, options, add);
    } else if (isFile && (languageOf(entry.name) || options.include?.(entry.name)) && !CONFIG_NAMES.has(entry.name) && !isExcluded(full, false, levels, options)) {
      add(full);
    }
  }
}

function isVirtualEnv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'));
}

function safeIsFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isExcluded(absolute: string, isDirectory: boolean, levels: readonly GitIgnoreLevel[], options: WalkOptions): boolean {
  return Boolean(options.isExcluded?.(absolute, isDirectory)) || isGitIgnored(levels, toPosix(absolute), isDirectory);
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
  for (let dir = start; ; ) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function withGitIgnore(levels: readonly GitIgnoreLevel[], dir: string): readonly GitIgnoreLevel[] {
  try {
    return [...levels, gitIgnoreLevel(toPosix(dir), fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'))];
  } catch {
    return levels;
  }
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
  return file.split(path.sep).join('/');
}
