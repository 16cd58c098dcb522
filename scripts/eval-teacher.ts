/**
 * `npm run eval:teacher [-- --holdout] [-- --verbose]`: how well the offline teacher understands.
 *
 * Free questions (test/eval/free-questions.*.json) go through the conversation core as a learner
 * would type them in the panel; an answer passes when it is on topic (its first topic is one the
 * set expects, or it refuses a solution request, or it honestly says it does not know), in the
 * question's language, and asks a question back. Checkpoint answers (checkpoint-answers.*.json)
 * are graded by the same core: real answers (good, paraphrase) must pass, gaming answers (a
 * keyword salad, a negation, off-topic) must fail. The dev sets are what the teacher was tuned
 * on; the holdout sets were written at the same time and are only run to estimate unseen material.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCurriculum } from '../src/curriculum/loader';
import type { Curriculum, WeekStatus } from '../src/curriculum/types';
import type { Lang, WeekRef } from '../src/language/types';
import { TeacherCore } from '../src/teacher/backends/gateway';
import { Conversation } from '../src/teacher/conversation';
import { emptyMemory } from '../src/teacher/memory';

const ROOT = path.resolve(__dirname, '..');
const holdout = process.argv.includes('--holdout');
const verbose = process.argv.includes('--verbose');
const set = holdout ? 'holdout' : 'dev';

interface FreeQuestion {
  readonly q: string;
  readonly lang: Lang;
  readonly topics: readonly string[];
}
interface CheckpointAnswer {
  readonly week: WeekRef;
  readonly kind: 'good' | 'paraphrase' | 'salad' | 'negation' | 'offtopic';
  readonly lang: Lang;
  readonly answer: string;
}

function read<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test/eval', name), 'utf8')) as T;
}

function conversation(curriculum: Curriculum, current?: WeekRef): Conversation {
  let memory = emptyMemory();
  const statuses = new Map<WeekRef, WeekStatus>();
  return new Conversation({
    teacher: new TeacherCore({ mode: () => 'offline', sources: [] }),
    langSetting: () => 'auto',
    displayLang: () => 'en',
    curriculum: async () => curriculum,
    progress: { status: (w) => statuses.get(w) ?? 'not-started', setStatus: async (w, s) => void statuses.set(w, s), current: () => current },
    profile: () => ({ level: 'beginner' }),
    saveProfile: async () => undefined,
    memory: { get: () => memory, set: async (m) => void (memory = m) },
  });
}

const HANGUL = /[\uac00-\ud7a3]/;

/** The answer is in the question's language: Korean prose for a Korean question, no Korean in an English one. */
function inLanguage(markdown: string, lang: Lang): boolean {
  const prose = markdown.split('\n').filter((l) => l.trim() && !l.startsWith('```') && !/^\s*#/.test(l));
  const korean = prose.filter((l) => HANGUL.test(l)).length;
  return lang === 'ko' ? korean >= prose.length * 0.6 : korean === 0;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a';
}

async function freeQuestions(curriculum: Curriculum): Promise<void> {
  const { questions } = read<{ questions: FreeQuestion[] }>(`free-questions.${set}.json`);
  let passed = 0;
  const byLang: Record<Lang, [number, number]> = { ko: [0, 0], en: [0, 0] };
  const failures: string[] = [];
  for (const item of questions) {
    const result = await conversation(curriculum).respond(
      { text: item.q, intent: 'chat' },
      {
        history: [
          { role: 'learner', text: '안녕하세요' },
          { role: 'teacher', text: '반가워요!' },
        ],
        files: [],
      },
    );
    const topic = result.topics[0] ?? (result.intent === 'chat' ? 'unknown' : result.intent);
    const onTopic = item.topics.includes(topic);
    const language = result.lang === item.lang && inLanguage(result.markdown, item.lang);
    const asks = /[?？]\s*(\*\*)?\s*$/m.test(result.markdown);
    const ok = onTopic && language && asks;
    byLang[item.lang][1]++;
    if (ok) {
      passed++;
      byLang[item.lang][0]++;
    } else
      failures.push(
        `  - ${item.q}  → topic ${topic}${onTopic ? '' : ` (expected ${item.topics.join('|')})`}${language ? '' : `, answered in ${result.lang}`}${asks ? '' : ', no question back'}`,
      );
  }
  console.log(`Free questions (${set}): ${pct(passed, questions.length)} on topic, in the question's language, with a question back`);
  console.log(`  Korean ${pct(...byLang.ko)} · English ${pct(...byLang.en)}`);
  if (failures.length && (verbose || !holdout)) console.log(failures.join('\n'));
}

async function checkpointAnswers(curriculum: Curriculum): Promise<void> {
  const { answers } = read<{ answers: CheckpointAnswer[] }>(`checkpoint-answers.${set}.json`);
  const counts: Record<CheckpointAnswer['kind'], [number, number]> = { good: [0, 0], paraphrase: [0, 0], salad: [0, 0], negation: [0, 0], offtopic: [0, 0] };
  const failures: string[] = [];
  for (const item of answers) {
    const result = await conversation(curriculum, item.week).respond({ text: item.answer, intent: 'checkpoint', week: item.week }, { history: [], files: [] });
    const passedCheckpoint = result.response.checkpoint?.passed === true;
    const real = item.kind === 'good' || item.kind === 'paraphrase';
    const ok = real ? passedCheckpoint : !passedCheckpoint;
    counts[item.kind][1]++;
    if (ok) counts[item.kind][0]++;
    else failures.push(`  - ${item.week} ${item.kind} (${item.lang}): ${real ? 'did not pass' : 'passed'}: ${item.answer.slice(0, 100)}`);
  }
  const sum = (kinds: CheckpointAnswer['kind'][]) => kinds.reduce<[number, number]>((acc, k) => [acc[0] + counts[k][0], acc[1] + counts[k][1]], [0, 0]);
  console.log(`Checkpoint answers (${set}): real answers passing ${pct(...sum(['good', 'paraphrase']))}; gaming answers failing ${pct(...sum(['salad', 'negation', 'offtopic']))}`);
  console.log(
    `  good ${pct(...counts.good)} · paraphrase ${pct(...counts.paraphrase)} · salad failing ${pct(...counts.salad)} · negation failing ${pct(...counts.negation)} · off-topic failing ${pct(...counts.offtopic)}`,
  );
  if (failures.length && (verbose || !holdout)) console.log(failures.join('\n'));
}

async function main(): Promise<void> {
  const { curriculum, errors } = loadCurriculum(path.join(ROOT, 'curriculum'));
  if (errors.length) throw new Error(errors.join('\n'));
  await freeQuestions(curriculum);
  await checkpointAnswers(curriculum);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
