import ignore from 'ignore';
import { ignoreMatcher, type ProjectConfig } from '../../language/config';

/**
 * Decides which files "Review Workspace" skips, on paths relative to the workspace folder with
 * forward slashes. `files.exclude` is applied earlier by `workspace.findFiles`; this adds the
 * folders nobody wants reviewed, every `.gitignore` of the folder, and the project config's
 * `ignore` globs.
 */
export const ALWAYS_SKIPPED = ['node_modules/', '.git/', '.venv/', 'venv/', '__pycache__/', '.tox/', '.mypy_cache/', 'site-packages/'];

export interface GitIgnoreFile {
  /** The folder holding the .gitignore, relative to the workspace folder ('' at the root). */
  readonly dir: string;
  readonly text: string;
}

export function reviewFilter(gitignores: readonly GitIgnoreFile[], config: ProjectConfig): (relativePath: string) => boolean {
  const always = ignore().add(ALWAYS_SKIPPED);
  const scoped = gitignores.map((file) => ({ dir: trimSlashes(file.dir), matcher: ignore().add(file.text) }));
  const configured = ignoreMatcher(config);
  return (relativePath) => {
    const path = trimSlashes(relativePath.replace(/\\/g, '/'));
    if (path === '' || always.ignores(path) || configured(path)) return true;
    for (const { dir, matcher } of scoped) {
      if (dir === '') {
        if (matcher.ignores(path)) return true;
      } else if (path.startsWith(`${dir}/`) && matcher.ignores(path.slice(dir.length + 1))) {
        return true;
      }
    }
    return false;
  };
}

function trimSlashes(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}
