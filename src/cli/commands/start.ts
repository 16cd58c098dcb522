import * as path from 'node:path';
import { findWeek } from '../../curriculum/loader';
import { parseWeekArgs } from '../../curriculum/progress';
import { freshCopyDirSync, mainStarterPath, scaffoldWeek, weekRelativeDir } from '../../curriculum/scaffold';
import { loadShippedCurriculum, takeLang, type CliCommand } from './weeks';

const USAGE = 'usage: ai-teacher start <track> <week> [dir] [--fresh] [--lang ko|en]\n       ai-teacher start beginner/1 [dir]\n';

/**
 * `ai-teacher start <track> <week> [dir]`: the same scaffolding as "Start Week N" in the editor.
 * It never overwrites; when the week folder exists it says so (exit 1), and `--fresh` creates a
 * fresh copy beside it (`week-01-mlops-basics-2`).
 */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'create a week folder with its README and starter files (never overwrites)',
  async run(args) {
    const { lang, rest, error } = takeLang(args);
    const fresh = rest.includes('--fresh');
    const positional = rest.filter((a) => a !== '--fresh');
    const bad = positional.find((a) => a.startsWith('--'));
    if (error || bad) {
      process.stderr.write(`${error ?? `unknown option: ${bad}`}\n${USAGE}`);
      return 2;
    }
    const single = positional[0]?.includes('/');
    const ref = single ? parseWeekArgs([positional[0]]) : parseWeekArgs(positional.slice(0, 2));
    const dirArg = single ? positional[1] : positional[2];
    if (!ref || positional.length > (single ? 2 : 3)) {
      process.stderr.write(USAGE);
      return 2;
    }
    const curriculum = loadShippedCurriculum();
    if (!curriculum) return 2;
    const week = findWeek(curriculum, ref);
    if (!week) {
      process.stderr.write(`ai-teacher: no week ${ref} (see: ai-teacher weeks)\n`);
      return 2;
    }
    const root = path.resolve(dirArg ?? '.');
    const defaultDir = path.join(root, ...weekRelativeDir(week).split('/'));
    const result = scaffoldWeek(root, week, { lang, dir: fresh ? freshCopyDirSync(defaultDir) : undefined });
    const relative = path.relative(process.cwd(), result.dir);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : result.dir;
    if (result.status === 'exists') {
      process.stdout.write(
        lang === 'ko'
          ? `이미 있습니다: ${shown}\n아무것도 덮어쓰지 않았어요. 새 복사본을 만들려면 --fresh 를 붙이세요.\n`
          : `Already exists: ${shown}\nNothing was overwritten. Add --fresh to create a fresh copy beside it.\n`,
      );
      return 1;
    }
    process.stdout.write(`${lang === 'ko' ? '만들었습니다' : 'Created'}: ${shown}\n`);
    for (const file of result.files) process.stdout.write(`  ${file}${file === mainStarterPath(week) ? ' *' : ''}\n`);
    process.stdout.write(
      lang === 'ko'
        ? `README.md와 ${mainStarterPath(week)}부터 열어 보세요. 확인: ai-teacher check ${path.join(shown, mainStarterPath(week))}\n`
        : `Open README.md and ${mainStarterPath(week)} first. Check it with: ai-teacher check ${path.join(shown, mainStarterPath(week))}\n`,
    );
    return 0;
  },
};
