import { ignoreMatcher, type ProjectConfig } from '../../language/config';
import { gitIgnoreLevel, isGitIgnored, isSkippedDirName } from '../../language/exclusions';

/**
 * Decides which files "Review Workspace" skips, on paths relative to the workspace folder with
 * forward slashes. `files.exclude` is applied earlier by `workspace.findFiles`; this adds what the
 * CLI skips too (language/exclusions.ts): tool and environment folders and every `.gitignore` of
 * the folder, and the project config's `ignore` globs.
 */
export interface GitIgnoreFile {
  /** The folder holding the .gitignore, relative to the workspace folder ('' at the root). */
  readonly dir: string;
  readonly text: string;
}

export function reviewFilter(gitignores: readonly GitIgnoreFile[], config: ProjectConfig): (relativePath: string) => boolean {
  // Shallow to deep, so a nested .gitignore overrides its parents.
  const levels = gitignores
    .map((file) => gitIgnoreLevel(trimSlashes(file.dir), file.text))
    .sort((a, b) => (a.dir === '' ? 0 : a.dir.split('/').length) - (b.dir === '' ? 0 : b.dir.split('/').length));
  const configured = ignoreMatcher(config);
  return (relativePath) => {
    const path = trimSlashes(relativePath.replace(/\\/g, '/'));
    if (path === '' || configured(path)) return true;
    if (path.split('/').slice(0, -1).some(isSkippedDirName)) return true;
    return isGitIgnored(levels, path, false);
  };
}

function trimSlashes(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}
