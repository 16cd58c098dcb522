import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang, WeekRef } from '../language/types';
import { generateFile } from './generated';
import { renderReadme, renderStarter } from './render';
import type { Week } from './types';

export { renderReadme };

/**
 * Creates a week's exercise folder: `ai-teacher/<track>/week-NN-<slug>/` with a README and the
 * starter files. It never overwrites: an existing folder is reported, not touched, and every
 * file is written with an exclusive-create flag so even a concurrent run cannot clobber one.
 */
export const WORKSPACE_FOLDER = 'ai-teacher';

export interface ScaffoldFile {
  /** Path relative to the week folder, `/`-separated. */
  readonly path: string;
  /** Text for the README and starter files, bytes for generated files. */
  readonly content: string | Uint8Array;
}

/** `.../ai-teacher/<track>/week-NN-<slug>[-N]/...`: the week folder a file belongs to. */
const WEEK_PATH = /^(.*[\\/]ai-teacher[\\/](beginner|intermediate|advanced|capstone)[\\/]week-(\d{2})-[a-z0-9-]+)(?:[\\/]|$)/;

/** Which week an exercise file belongs to (fresh copies too), and that week's folder. */
export function weekOfPath(filePath: string): { week: WeekRef; dir: string } | undefined {
  const match = WEEK_PATH.exec(filePath);
  return match ? { week: `${match[2]}/${Number(match[3])}` as WeekRef, dir: match[1] } : undefined;
}

export type ScaffoldResult =
  | { readonly status: 'created'; readonly dir: string; readonly files: readonly string[] }
  | { readonly status: 'exists'; readonly dir: string };

export interface ScaffoldOptions {
  readonly lang?: Lang;
  /** Write into this folder (e.g. a fresh copy) instead of the week's default folder. */
  readonly dir?: string;
}

/** `week-01-mlops-basics` */
export function weekFolderName(week: Pick<Week, 'number' | 'slug'>): string {
  return `week-${String(week.number).padStart(2, '0')}-${week.slug}`;
}

/** `ai-teacher/beginner/week-01-mlops-basics`, `/`-separated, relative to the workspace root. */
export function weekRelativeDir(week: Pick<Week, 'track' | 'number' | 'slug'>): string {
  return `${WORKSPACE_FOLDER}/${week.track}/${weekFolderName(week)}`;
}

/**
 * The files of a week folder, all in one language: the README first, then the starter files
 * rendered from their bilingual source, then the generated files (a model the starter loads).
 */
export function scaffoldFiles(week: Week, lang: Lang = 'ko'): ScaffoldFile[] {
  return [
    { path: 'README.md', content: renderReadme(week, lang) },
    ...week.starterFiles.map((f) => ({ path: f.path, content: renderStarter(f.content, lang) })),
    ...(week.generatedFiles ?? []).map((f) => ({ path: f.path, content: generateFile(f.generator) })),
  ];
}

/** The file opened next to the README. */
export function mainStarterPath(week: Week): string {
  return (week.starterFiles.find((f) => f.main) ?? week.starterFiles[0])?.path ?? 'README.md';
}

export function scaffoldWeek(root: string, week: Week, options: ScaffoldOptions = {}): ScaffoldResult {
  const dir = options.dir ?? path.join(root, ...weekRelativeDir(week).split('/'));
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    // Creating the week folder itself non-recursively is the lock: whoever creates it owns it.
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { status: 'exists', dir };
    throw error;
  }
  return { status: 'created', dir, files: writeFilesExclusive(dir, scaffoldFiles(week, options.lang)) };
}

/**
 * Writes files with the exclusive-create flag: a file that exists (for instance one another
 * process wrote after we created the folder) is kept, and left out of the returned list.
 */
export function writeFilesExclusive(dir: string, files: readonly ScaffoldFile[]): string[] {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.writeFileSync(target, file.content, { flag: 'wx' });
      written.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return written;
}

/**
 * The first free sibling of a week folder: `week-01-mlops-basics-2`, `-3`, ... `exists` is
 * injected so the VS Code side can ask its own file system.
 */
export async function freshCopyDir(dir: string, exists: (candidate: string) => boolean | Promise<boolean>): Promise<string> {
  for (let n = 2; ; n++) {
    const candidate = `${dir}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
}

export function freshCopyDirSync(dir: string): string {
  for (let n = 2; ; n++) {
    const candidate = `${dir}-${n}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}
