import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang, Localized, WeekRef } from '../language/types';
import type { Resource, Week } from './types';

/**
 * Creates a week's exercise folder: `ai-teacher/<track>/week-NN-<slug>/` with a README and the
 * starter files. It never overwrites: an existing folder is reported, not touched, and every
 * file is written with an exclusive-create flag so even a concurrent run cannot clobber one.
 */
export const WORKSPACE_FOLDER = 'ai-teacher';

export interface ScaffoldFile {
  /** Path relative to the week folder, `/`-separated. */
  readonly path: string;
  readonly content: string;
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

/** The files of a week folder: the README first, then the starter files. */
export function scaffoldFiles(week: Week, lang: Lang = 'ko'): ScaffoldFile[] {
  return [{ path: 'README.md', content: renderReadme(week, lang) }, ...week.starterFiles.map((f) => ({ path: f.path, content: f.content }))];
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

const HEADINGS: Record<string, Localized> = {
  objectives: { ko: '학습 목표', en: 'Learning objectives' },
  concepts: { ko: '핵심 개념', en: 'Key concepts' },
  exercise: { ko: '실습 과제', en: 'Exercise' },
  files: { ko: '시작 파일', en: 'Starter files' },
  done: { ko: '완료 조건', en: 'Definition of done' },
  checkpoint: { ko: '체크포인트', en: 'Checkpoint' },
  resources: { ko: '추천 학습 자료', en: 'Resources' },
};

const TEXTS = {
  doneRules: {
    ko: '저장했을 때 다음 진단이 더 이상 나타나지 않아야 합니다:',
    en: 'When you save, none of these diagnostics may remain:',
  },
  doneCheckpoint: {
    ko: '그리고 체크포인트 질문에 답해 선생님과 이야기해 보세요 (선생님 패널의 커리큘럼 탭, 또는 채팅에서 `@ai-engineer-teacher /checkpoint`).',
    en: "And answer the checkpoint question with the teacher (the Teacher panel's Curriculum tab, or `@ai-engineer-teacher /checkpoint` in chat).",
  },
  noSolution: {
    ko: '> 선생님은 완성된 답을 드리지 않아요. 막히면 진단의 "선생님께 묻기"로 힌트를 받아 보세요.',
    en: '> The teacher never hands out a finished solution. When stuck, use "Ask the Teacher" on a diagnostic for a hint.',
  },
  main: { ko: '먼저 열어 볼 파일', en: 'open this first' },
} satisfies Record<string, Localized>;

/** The week's README in the learner's language; the other language's title stays as a subtitle. */
export function renderReadme(week: Week, lang: Lang): string {
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  const h = (key: keyof typeof HEADINGS) => `## ${HEADINGS[key][lang]}`;
  const lines: string[] = [
    `# ${week.id} · ${week.title[lang]}`,
    '',
    `_${week.title[other]}_ · ${week.seedSection}`,
    '',
    week.intro[lang],
    '',
    TEXTS.noSolution[lang],
    '',
    h('objectives'),
    '',
    ...week.objectives.map((o) => `- ${o[lang]}`),
    '',
    h('concepts'),
    '',
    ...week.concepts.map((c) => `- ${c[lang]}`),
    '',
    h('exercise'),
    '',
    week.exercise[lang],
    '',
    h('files'),
    '',
    ...week.starterFiles.map((f) => `- \`${f.path}\`${f.main ? ` (${TEXTS.main[lang]})` : ''}`),
    '',
    h('done'),
    '',
    TEXTS.doneRules[lang],
    '',
    ...week.definitionOfDone.clearRules.map((r) => `- \`${r}\``),
    ...(week.definitionOfDone.notes ?? []).map((n) => `- ${n[lang]}`),
    '',
    TEXTS.doneCheckpoint[lang],
    '',
    h('checkpoint'),
    '',
    ...week.checkpoints.map((c) => `> ${c.question[lang]}`),
    '',
    h('resources'),
    '',
    ...week.resources.map((r) => `- ${renderResource(r, lang)}`),
    '',
  ];
  return lines.join('\n');
}

function renderResource(resource: Resource, lang: Lang): string {
  const title = resource.url ? `[${resource.title}](${resource.url})` : resource.title;
  return resource.note ? `${title} — ${resource.note[lang]}` : title;
}
