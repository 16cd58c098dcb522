import { TRACK_IDS } from '../../curriculum/loader';
import { parseWeekArgs } from '../../curriculum/progress';
import { gradeAnswer } from '../../teacher/grading';
import { answerLanguage } from '../../teacher/intent';
import { offlineTeacher } from '../../teacher/offline';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../command';
import { oneOf, parseOptions, resolveLang } from '../options';
import { loadShippedCurriculum } from './weeks';

/**
 * `ai-teacher checkpoint <track> <week> --answer TEXT`: grades an answer to the week's checkpoint
 * offline, on meaning, the same way the editor does. Exit 0 passed, 1 not yet, 2 usage.
 */

export const CHECKPOINT_USAGE = 'usage: ai-teacher checkpoint <track> <week> --answer TEXT [--lang ko|en] [--json]\n';

const OPTIONS = {
  answer: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, true);
  if (values.help) {
    io.stdout(CHECKPOINT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`expected <track> <week>\n${CHECKPOINT_USAGE}`);
  const ref = parseWeekArgs([positionals[0], positionals[1]]);
  if (!ref) throw new UsageError(`unknown week "${positionals.join(' ')}" (tracks: ${TRACK_IDS.join(', ')}; weeks are numbers)`);
  const answer = values.answer?.trim();
  if (!answer) throw new UsageError(`missing --answer TEXT\n${CHECKPOINT_USAGE}`);
  const fixed = oneOf('lang', values.lang, ['ko', 'en'] as const);
  const lang = answerLanguage(fixed ?? 'auto', resolveLang(undefined, io.env), answer);
  const curriculum = loadShippedCurriculum(io.stderr);
  const week = curriculum?.weeks.find((w) => w.id === ref);
  const checkpoint = week?.checkpoints[0];
  if (!curriculum || !week || !checkpoint) throw new UsageError(`the course has no checkpoint for ${ref}`);
  const grade = gradeAnswer(checkpoint, answer, lang);
  if (values.json) {
    io.stdout(`${JSON.stringify({ passed: grade.passed, covered: grade.covered, missing: grade.missing, feedback: grade.feedback })}\n`);
  } else {
    const response = offlineTeacher({ intent: 'checkpoint', lang, message: answer, profile: {}, history: [], week: ref, grade, curriculum: { curriculum, current: ref, checkpoint } });
    io.stdout(response.markdown);
  }
  return grade.passed ? EXIT_OK : EXIT_FINDINGS;
}
