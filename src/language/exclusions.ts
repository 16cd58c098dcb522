import ignore, { type Ignore } from 'ignore';

/**
 * What the checker never reviews, shared by the CLI's walker and the editor's Review Workspace so
 * both skip the same files. Pure: callers read the folders and `.gitignore` files their own way
 * (Node's fs, VS Code's workspace.fs) and pass paths with forward slashes.
 */

/** Tool and environment output, dependencies and experiment logs. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'venv',
  '.venv',
  '.direnv',
  'site-packages',
  'mlruns',
  'wandb',
  '__pycache__',
  '.ipynb_checkpoints',
  'dist',
  'build',
  '.eggs',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.pytype',
  '.vscode-test',
  '.ai-teacher-cache',
]);

export function isSkippedDirName(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.endsWith('.egg-info');
}

/** One `.gitignore` and the folder holding it ('' for the base the paths are relative to). */
export interface GitIgnoreLevel {
  readonly dir: string;
  readonly matcher: Ignore;
}

export function gitIgnoreLevel(dir: string, text: string): GitIgnoreLevel {
  return { dir: dir.replace(/\/+$/, ''), matcher: ignore().add(text) };
}

/**
 * Is `target` ignored by these `.gitignore` files, given from the shallowest to the deepest? A
 * deeper file overrides a shallower one (its `!pattern` un-ignores), as git does.
 */
export function isGitIgnored(levels: readonly GitIgnoreLevel[], target: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const relative = level.dir === '' ? target : target.startsWith(`${level.dir}/`) ? target.slice(level.dir.length + 1) : undefined;
    if (!relative) continue;
    const result = level.matcher.test(relative + (isDirectory ? '/' : ''));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
