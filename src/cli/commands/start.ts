import * as path from 'node:path';
import { findWeek } from '../../curriculum/loader';
import { parseWeekArgs } from '../../curriculum/progress';
import { freshCopyDirSync, mainStarterPath, scaffoldWeek, weekRelativeDir } from '../../curriculum/scaffold';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { resolveLang } from '../options';
import { loadShippedCurriculum, takeLang } from './weeks';

const USAGE = 'usage: ai-teacher start <track> <week> [dir] [--fresh] [--lang ko|en]\n       ai-teacher start beginner/1 [dir]\n';

/**
 * `ai-teacher start <track> <week> [dir]`: the same scaffolding as "Start Week N" in the editor.
 * It never overwrites; when the week folder exists it says so (exit 1), and `--fresh` creates a
 * fresh copy beside it (`week-01-mlops-basics-2`).
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { lang: flag, rest, error } = takeLang(args);
  const lang = resolveLang(flag, io.env);
  const fresh = rest.includes('--fresh');
  const positional = rest.filter((a) => a !== '--fresh');
  const bad = positional.find((a) => a.startsWith('--'));
  if (error || bad) {
    io.stderr(`${error ?? `unknown option: ${bad}`}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const single = positional[0]?.includes('/');
  const ref = single ? parseWeekArgs([positional[0]]) : parseWeekArgs(positional.slice(0, 2));
  const dirArg = single ? positional[1] : positional[2];
  if (!ref || positional.length > (single ? 2 : 3)) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  const curriculum = loadShippedCurriculum(io.stderr);
  if (!curriculum) return EXIT_USAGE;
  const week = findWeek(curriculum, ref);
  if (!week) {
    io.stderr(`ai-teacher: no week ${ref} (see: ai-teacher weeks)\n`);
    return EXIT_USAGE;
  }
  const root = path.resolve(io.cwd, dirArg ?? '.');
  const defaultDir = path.join(root, ...weekRelativeDir(week).split('/'));
  const result = scaffoldWeek(root, week, { lang, dir: fresh ? freshCopyDirSync(defaultDir) : undefined });
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
