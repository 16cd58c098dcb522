import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRACK_IDS } from '../../curriculum/loader';
import { freshCopyDirSync, mainStarterPath, scaffoldWeek, weekRelativeDir } from '../../curriculum/scaffold';
import type { Curriculum, Week } from '../../curriculum/types';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../command';
import { commandHelp, parseOptions, resolveLang, type OptionTable } from '../options';
import { loadShippedCurriculum } from './weeks';

const OPTIONS = {
  fresh: { type: 'boolean', help: 'when the week folder exists, create a fresh copy beside it (week-01-...-2)' },
} as const satisfies OptionTable;

export const HELP = commandHelp(
  'ai-teacher start <track> <week> [dir] [--fresh]\n       ai-teacher start <track>/<week> [dir] [--fresh]',
  `Creates ai-teacher/<track>/week-NN-<slug>/ under dir (default: the current folder) with the
week's README and starter files, as "Start Week N" does in the editor. It never overwrites:
when the week folder exists it says so and exits 1. Tracks: ${TRACK_IDS.join(', ')} (see ai-teacher weeks).`,
  OPTIONS,
);

/**
 * `ai-teacher start <track> <week> [dir]`: the same scaffolding as "Start Week N" in the editor.
 * It never overwrites; when the week folder exists it says so (exit 1), and `--fresh` creates a
 * fresh copy beside it (`week-01-mlops-basics-2`). Every mistake gets a one-line reason (exit 2).
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 3);
  const lang = resolveLang(values.lang, io.env);
  const { track, number, dirArg } = parseWeek(positionals);
  const curriculum = loadShippedCurriculum(io.stderr);
  if (!curriculum) return EXIT_USAGE;
  const week = findWeekOrExplain(curriculum, track, number);
  const root = path.resolve(io.cwd, dirArg ?? '.');
  checkTargetFolder(root, dirArg ?? '.');
  const defaultDir = path.join(root, ...weekRelativeDir(week).split('/'));
  let result: ReturnType<typeof scaffoldWeek>;
  try {
    result = scaffoldWeek(root, week, { lang, dir: values.fresh ? freshCopyDirSync(defaultDir) : undefined });
  } catch (error) {
    // Permissions, a read-only disk, a file appearing where a folder should be: say so, no stack.
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError({ ko: `${dirArg ?? '.'} 에 주차 폴더를 만들 수 없습니다 (${code})`, en: `cannot create the week folder under ${dirArg ?? '.'} (${code})` });
  }
  const relative = path.relative(io.cwd, result.dir);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : result.dir;
  if (result.status === 'exists') {
    io.stdout(
      lang === 'ko'
        ? `이미 있습니다: ${shown}\n아무것도 덮어쓰지 않았어요. 새 복사본을 만들려면 --fresh 를 붙이세요.\n`
        : `Already exists: ${shown}\nNothing was overwritten. Add --fresh to create a fresh copy beside it.\n`,
    );
    return EXIT_FINDINGS;
  }
  io.stdout(`${lang === 'ko' ? '만들었습니다' : 'Created'}: ${shown}\n`);
  for (const file of result.files) io.stdout(`  ${file}${file === mainStarterPath(week) ? ' *' : ''}\n`);
  io.stdout(
    lang === 'ko'
      ? `README.md와 ${mainStarterPath(week)}부터 열어 보세요. 확인: ai-teacher check ${path.join(shown, mainStarterPath(week))}\n`
      : `Open README.md and ${mainStarterPath(week)} first. Check it with: ai-teacher check ${path.join(shown, mainStarterPath(week))}\n`,
  );
  return EXIT_OK;
}

/**
 * `<track> <week> [dir]` or `<track>/<week> [dir]`, strictly: a known track, a whole week
 * number, nothing after it (`beginner/1/x` is refused, not read as week 1).
 */
export function parseWeek(positionals: readonly string[]): { track: string; number: number; dirArg?: string } {
  const [first, ...rest] = positionals;
  if (first === undefined)
    throw new UsageError({
      ko: '주차를 지정하세요: ai-teacher start <track> <week> [dir] (목록: ai-teacher weeks)',
      en: 'which week? ai-teacher start <track> <week> [dir] (list: ai-teacher weeks)',
    });
  const slash = first.indexOf('/');
  const track = slash === -1 ? first : first.slice(0, slash);
  const weekText = slash === -1 ? rest[0] : first.slice(slash + 1);
  const dirArg = slash === -1 ? rest[1] : rest[0];
  if (slash !== -1 && rest.length > 1) throw new UsageError({ ko: `남는 인자가 있습니다: "${rest[1]}"`, en: `unexpected argument "${rest[1]}"` });
  if (!(TRACK_IDS as readonly string[]).includes(track)) {
    throw new UsageError({ ko: `알 수 없는 트랙입니다: "${track}" (트랙: ${TRACK_IDS.join(', ')})`, en: `unknown track "${track}" (tracks: ${TRACK_IDS.join(', ')})` });
  }
  if (weekText === undefined || weekText === '')
    throw new UsageError({ ko: `${track} 의 몇 주차인지 적어 주세요 (예: ai-teacher start ${track} 1)`, en: `which week of ${track}? (for example: ai-teacher start ${track} 1)` });
  if (!/^\d+$/.test(weekText)) {
    const lead = /^\d+/.exec(weekText)?.[0];
    const given = slash === -1 ? weekText : first;
    throw new UsageError(
      lead
        ? { ko: `주차 번호 뒤에 남는 글자가 있습니다: "${given}" (예: ${track}/${lead})`, en: `unexpected text after the week number: "${given}" (write ${track}/${lead})` }
        : { ko: `주차는 숫자여야 합니다 (받은 값: "${weekText}")`, en: `the week must be a number (got "${weekText}")` },
    );
  }
  return { track, number: Number(weekText), dirArg };
}

function findWeekOrExplain(curriculum: Curriculum, track: string, number: number): Week {
  const week = curriculum.weeks.find((w) => w.track === track && w.number === number);
  if (week) return week;
  const numbers = curriculum.weeks.filter((w) => w.track === track).map((w) => w.number);
  const range = numbers.length ? `${Math.min(...numbers)}-${Math.max(...numbers)}` : '-';
  throw new UsageError({ ko: `${track} 트랙에는 ${number}주차가 없습니다 (주차: ${range})`, en: `${track} has no week ${number} (weeks: ${range})` });
}

/** The folder to create the week in must be a folder (or not exist yet): a file there is a clear error. */
function checkTargetFolder(root: string, shown: string): void {
  for (let dir = root; ; dir = path.dirname(dir)) {
    let stats: fs.Stats | undefined;
    try {
      stats = fs.statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError({ ko: `${shown} 을(를) 확인할 수 없습니다 (${code})`, en: `cannot use ${shown} (${code})` });
    }
    if (stats && !stats.isDirectory()) {
      const what = dir === root ? shown : dir;
      throw new UsageError({
        ko: `${what} 은(는) 폴더가 아니라 파일입니다: 주차를 만들 폴더를 지정하세요`,
        en: `${what} is a file, not a folder: give a folder to create the week in`,
      });
    }
    if (stats || path.dirname(dir) === dir) return;
  }
}
