import { TRACK_IDS } from '../../curriculum/loader';
import { parseWeekArgs } from '../../curriculum/progress';
import { gradeAnswer } from '../../teacher/grading';
import { answerLanguage } from '../../teacher/intent';
import { offlineTeacher } from '../../teacher/offline';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../command';
import { commandHelp, oneOf, parseOptions, resolveLang, type OptionTable } from '../options';
import { loadShippedCurriculum } from './weeks';

/**
 * `ai-teacher checkpoint <track> <week> --answer TEXT`: grades an answer to the week's checkpoint
 * offline, on meaning, the same way the editor does. Exit 0 passed, 1 not yet, 2 usage.
 */

const OPTIONS = {
  answer: { type: 'string', value: 'TEXT', help: "your answer to the week's checkpoint question" },
  json: { type: 'boolean', help: 'print {passed, covered, missing, feedback} as JSON' },
} as const satisfies OptionTable;

export const HELP = commandHelp(
  'ai-teacher checkpoint <track> <week> --answer TEXT [--lang ko|en] [--json]',
  `Grades an answer to a week's checkpoint offline, on meaning, as the editor does.`,
  OPTIONS,
  'Exit codes: 0 passed, 1 not yet, 2 usage error.',
);

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (positionals.length !== 2)
    throw new UsageError({
      ko: '<track> <week> 를 지정하세요 (예: ai-teacher checkpoint beginner 1 --answer "...")',
      en: 'expected <track> <week> (try: ai-teacher checkpoint beginner 1 --answer "...")',
    });
  const ref = parseWeekArgs([positionals[0], positionals[1]]);
  if (!ref)
    throw new UsageError({
      ko: `알 수 없는 주차입니다: "${positionals.join(' ')}" (트랙: ${TRACK_IDS.join(', ')}; 주차는 숫자)`,
      en: `unknown week "${positionals.join(' ')}" (tracks: ${TRACK_IDS.join(', ')}; weeks are numbers)`,
    });
  const answer = values.answer?.trim();
  if (!answer) throw new UsageError({ ko: '--answer TEXT 로 답을 주세요', en: 'missing --answer TEXT' });
  const fixed = oneOf('lang', values.lang, ['ko', 'en'] as const);
  const lang = answerLanguage(fixed ?? 'auto', resolveLang(undefined, io.env), answer);
  const curriculum = loadShippedCurriculum(io.stderr);
  const week = curriculum?.weeks.find((w) => w.id === ref);
  const checkpoint = week?.checkpoints[0];
  if (!curriculum || !week || !checkpoint) throw new UsageError({ ko: `${ref} 에는 체크포인트가 없습니다`, en: `the course has no checkpoint for ${ref}` });
  const grade = gradeAnswer(checkpoint, answer, lang);
  if (values.json) {
    io.stdout(`${JSON.stringify({ passed: grade.passed, covered: grade.covered, missing: grade.missing, feedback: grade.feedback })}\n`);
  } else {
    const response = offlineTeacher({
      intent: 'checkpoint',
      lang,
      message: answer,
      profile: {},
      history: [],
      week: ref,
      grade,
      curriculum: { curriculum, current: ref, checkpoint },
    });
    io.stdout(response.markdown);
  }
  return grade.passed ? EXIT_OK : EXIT_FINDINGS;
}
