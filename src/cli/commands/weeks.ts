import { loadCurriculum } from '../../curriculum/loader';
import { findCurriculumRoot } from '../../curriculum/location';
import type { Curriculum } from '../../curriculum/types';
import type { Lang } from '../../language/types';

/** A command of the `ai-teacher` CLI; main.ts keeps them in one table. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[]): Promise<number>;
}

/** Parses `--lang ko|en` (default Korean, the product's first language) and returns the other args. */
export function takeLang(args: readonly string[]): { lang: Lang; rest: string[]; error?: string } {
  const rest: string[] = [];
  let lang: Lang = 'ko';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--lang' ? args[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined && arg !== '--lang') rest.push(arg);
    else if (value === 'ko' || value === 'en') lang = value;
    else return { lang, rest, error: `--lang must be ko or en (got ${value ?? 'nothing'})` };
  }
  return { lang, rest };
}

/** Loads the course data shipped with the CLI; errors go to stderr and make the result undefined. */
export function loadShippedCurriculum(fromDir = __dirname): Curriculum | undefined {
  const root = findCurriculumRoot(fromDir);
  if (!root) {
    process.stderr.write('ai-teacher: cannot find the curriculum folder next to the program\n');
    return undefined;
  }
  const { curriculum, errors } = loadCurriculum(root);
  for (const error of errors) process.stderr.write(`ai-teacher: curriculum: ${error}\n`);
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

export const weeksCommand: CliCommand = {
  name: 'weeks',
  summary: 'list the curriculum tracks and weeks (--json, --lang ko|en)',
  async run(args) {
    const { lang, rest, error } = takeLang(args);
    const unknown = rest.filter((a) => a !== '--json');
    if (error || unknown.length > 0) {
      process.stderr.write(`${error ?? `unknown argument: ${unknown[0]}`}\nusage: ai-teacher weeks [--json] [--lang ko|en]\n`);
      return 2;
    }
    const curriculum = loadShippedCurriculum();
    if (!curriculum) return 2;
    process.stdout.write(rest.includes('--json') ? `${JSON.stringify(weeksJson(curriculum), null, 2)}\n` : formatWeeks(curriculum, lang));
    return 0;
  },
};
