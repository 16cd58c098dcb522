import { loadCurriculum } from '../../curriculum/loader';
import { findCurriculumRoot } from '../../curriculum/location';
import type { Curriculum } from '../../curriculum/types';
import type { Lang } from '../../language/types';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { commandHelp, parseOptions, resolveLang, type OptionTable } from '../options';

/** Loads the course data shipped with the CLI; errors go to stderr and make the result undefined. */
export function loadShippedCurriculum(stderr: (text: string) => void, fromDir = __dirname): Curriculum | undefined {
  const root = findCurriculumRoot(fromDir);
  if (!root) {
    stderr('ai-teacher: cannot find the curriculum folder next to the program\n');
    return undefined;
  }
  const { curriculum, errors } = loadCurriculum(root);
  for (const error of errors) stderr(`ai-teacher: curriculum: ${error}\n`);
  return curriculum.weeks.length > 0 ? curriculum : undefined;
}

/** The human listing: tracks, then one line per week with its focus rules. */
export function formatWeeks(curriculum: Curriculum, lang: Lang): string {
  const lines: string[] = [];
  for (const track of curriculum.tracks) {
    lines.push(`${track.title[lang]} (${track.id}, ${track.weeks})`);
    for (const week of curriculum.weeks.filter((w) => w.track === track.id)) {
      lines.push(`  ${week.id.padEnd(16)} ${week.title[lang]}`);
      lines.push(`  ${''.padEnd(16)} ${week.focusRules.join(', ')}`);
    }
    lines.push('');
  }
  lines.push(lang === 'ko' ? '시작하기: ai-teacher start <track> <week> [dir]' : 'Start one: ai-teacher start <track> <week> [dir]');
  return `${lines.join('\n')}\n`;
}

/** The machine listing: stable fields only (no starter file contents). */
export function weeksJson(curriculum: Curriculum): unknown {
  return {
    tracks: curriculum.tracks.map((track) => ({
      ...track,
      weeks: curriculum.weeks
        .filter((w) => w.track === track.id)
        .map((w) => ({
          id: w.id,
          number: w.number,
          slug: w.slug,
          title: w.title,
          seedSection: w.seedSection,
          focusRules: w.focusRules,
          checkpoints: w.checkpoints.map((c) => c.question),
          starterFiles: w.starterFiles.map((f) => f.path),
        })),
    })),
  };
}

const OPTIONS = {
  json: { type: 'boolean', help: 'print the tracks and weeks as JSON (ids, titles, focus rules, checkpoints, starter files)' },
} as const satisfies OptionTable;

export const HELP = commandHelp('ai-teacher weeks [--json] [--lang ko|en]', 'Lists the curriculum: its tracks and, for each week, its id, title and the rules in focus.', OPTIONS);

/** `ai-teacher weeks [--json] [--lang ko|en]`: the tracks and weeks of the curriculum. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, OPTIONS, 0);
  const lang = resolveLang(values.lang, io.env);
  const curriculum = loadShippedCurriculum(io.stderr);
  if (!curriculum) return EXIT_USAGE;
  io.stdout(values.json ? `${JSON.stringify(weeksJson(curriculum), null, 2)}\n` : formatWeeks(curriculum, lang));
  return EXIT_OK;
}
