import type { Lang } from '../language/types';
import type { TeacherIntent } from './types';
import { FenceTracker } from './guard-budget';
import { anyMention } from './text';

/**
 * Reading what the learner wants, in one place for every surface: slash commands, the intent of
 * free text, requests for a finished solution in any phrasing, and the language to answer in.
 */

export const COMMANDS: readonly TeacherIntent[] = ['review', 'week', 'checkpoint', 'hint', 'explain', 'design', 'progress'];

/** `/hint debug-mode-enabled 2` → the command and the rest; anything else → undefined. */
export function parseSlash(text: string): { intent: TeacherIntent; rest: string } | undefined {
  const m = /^\s*\/(\w+)\s*([\s\S]*)$/.exec(text);
  const intent = m && COMMANDS.find((c) => c === m[1].toLowerCase());
  return intent ? { intent, rest: m[2].trim() } : undefined;
}

/** "debug-mode-enabled 2" (what hint followups send and learners type) → the rule and the hint level. */
export function parseRulePrompt(prompt: string): { ruleId?: string; level?: number } {
  const words = prompt.trim().split(/\s+/).filter(Boolean);
  const ruleId = words.find((w) => /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(w));
  const level = words.map(Number).find((n) => Number.isInteger(n) && n > 0);
  return { ...(ruleId ? { ruleId } : {}), ...(level ? { level: Math.min(level, 3) } : {}) };
}

// A request for the finished thing: a verb of handing over, and a finished artefact.
const EN_GIVE = /\b(write|give|send|paste|provide|show|make|create|generate|produce|code|build|fix|finish|complete|do|just)\b/i;
const EN_FINISHED =
  /\b(full|complete|completed|whole|entire|finished|final|working|fixed|corrected|ready|production[- ]ready|correct|exact)\b[\w\s./-]{0,25}?\b(code|solution|answer|implementation|version|file|script|program|dockerfile|yaml|manifest|workflow|config|app|service|pipeline|example|snippet)\b|\b(app|main|train|serve|model|server)\.py\b|\bdockerfile\b|\bk8s yaml\b|\byaml files?\b/i;
const EN_PHRASES = [
  'write it for me',
  'do it for me',
  'for me instead',
  'write the code',
  'give me the code',
  'give me the answer',
  'just the answer',
  'just give me',
  'the answer please',
  'no questions',
  'skip the questions',
  'without questions',
  'stop asking',
  'paste the solution',
  'full solution',
  'complete code',
  'finished code',
  'fixed version',
];
/** Asking the teacher to do the work itself: "can you fix it", "just implement it for me". */
const EN_DO_IT =
  /\b(just|please|can you|could you|would you|will you)\s+(fix|implement|write|code|build|finish|complete|solve|generate|paste|rewrite)\b|\b(fix|implement|write|code|build|finish|complete|solve|do|make|generate|create|rewrite)\b.{0,40}\bfor me\b/i;
const KO_OBJECT = /(코드|정답|솔루션|구현|완성본|파일|yaml|도커\s*파일|dockerfile|매니페스트|스크립트|예제|예시|풀이|\.py\b|\.ya?ml\b)/i;
/** Verbs that hand the work itself over ("고쳐 줘", "대신 해 줘"); asking to review or explain is not this. */
const KO_DO_IT =
  /(고쳐|수정해|완성해|구현해|작성해|짜|만들어|대신\s*해|해결해|바꿔|채워)\s*(줘|주세요|주실래요|줄래|주시겠어요|주라|줄\s*수)|(코드|예제|예시|풀이|정답|답)(로|를|을|만|좀)?\s*(좀\s*)?(보여|알려)\s*(줘|주세요|주실래요|줄래)/;
const KO_FINISHED = /(전체|완성|완전한|최종|정답|고친|수정된|동작하는|작동하는|돌아가는|다\s*된|통째로|전부|다\s*짜)/;
const KO_GIVE =
  /(줘|짜\s*주|짜\s*줘|짜줘|작성해\s*주|작성해\s*줘|만들어\s*주|만들어\s*줘|보내\s*주|보내\s*줘|알려\s*주|알려\s*줘|줘요|주세요|달라|써\s*주|써\s*줘|보여\s*주|보여\s*줘|주시면|해\s*주|해\s*줘|붙여|복사)/;
const KO_PHRASES = [
  '대신 작성',
  '대신 짜',
  '대신 만들',
  '다 만들어',
  '그냥 알려줘',
  '그냥 알려 줘',
  '답 알려',
  '답만',
  '답을 알려',
  '정답 좀',
  '질문 말고',
  '질문하지 말고',
  '질문 그만',
];

/** Asking for the finished solution, in either language and in many phrasings. */
export function isSolutionRequest(message: string): boolean {
  // Judged on the learner's words: code they pasted ("CMD python app.py") asks for nothing.
  const text = withoutCode(message).trim();
  if (!text) return false;
  if (anyMention(text, EN_PHRASES) || anyMention(text, KO_PHRASES)) return true;
  if ((EN_FINISHED.test(text) && EN_GIVE.test(text)) || EN_DO_IT.test(text) || KO_DO_IT.test(text)) return true;
  return KO_OBJECT.test(text) && KO_FINISHED.test(text) && KO_GIVE.test(text);
}

/** The message without its fenced code blocks (read as Markdown renders them); inline code stays, since it often names what is asked for. */
function withoutCode(message: string): string {
  const fences = new FenceTracker();
  return message
    .split('\n')
    .filter((line) => fences.next(line).kind === 'text')
    .join('\n');
}

const INTENT_WORDS: readonly (readonly [TeacherIntent, readonly string[]])[] = [
  ['greeting', ['안녕', '처음 뵙', 'hello', 'hi there', 'nice to meet']],
  ['hint', ['힌트', 'hint', '막혔', '막혀', 'stuck']],
  ['review', ['리뷰', '봐주세요', '봐 주세요', '검토', 'review', 'check my', 'look at my']],
  ['checkpoint', ['체크포인트', 'checkpoint', '퀴즈', 'quiz']],
  ['progress', ['진도', '진행 상황', '진행상황', 'my progress', 'how far']],
  ['week', ['주차', 'this week', '과제가 뭐', 'assignment', 'start week']],
  ['design', ['설계', '아키텍처', '어떻게 배포', '배포해야', '구축하려', 'architecture', 'how should i deploy', 'how do i deploy', 'how should we deploy', 'system for']],
];

/** The intent of a message without a slash command; `chat` (a free question) when nothing fits. */
export function guessIntent(message: string): TeacherIntent {
  for (const [intent, words] of INTENT_WORDS) if (anyMention(message, words)) return intent;
  return 'chat';
}

const HANGUL = /[\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]{2,}/g;

/**
 * The language of the answer: the learner's setting when they fixed one; otherwise the
 * question's own language (any Hangul means Korean, English words mean English), and the
 * display language when the text says nothing (a rule id, an empty prompt).
 */
export function answerLanguage(setting: 'auto' | Lang, displayLang: Lang, text: string): Lang {
  if (setting !== 'auto') return setting;
  const prose = text.replace(/`[^`]*`|\/\w+|\b[a-z0-9]+(-[a-z0-9]+)+\b|\b\w+\.(py|ya?ml|json|pkl)\b/gi, ' ');
  if ((prose.match(HANGUL) ?? []).length > 0) return 'ko';
  const words = (prose.match(LATIN) ?? []).filter((w) => !/^(api|ml|ai|llm|gpu|cpu|k8s|yaml|json|http|url|id)$/i.test(w));
  return words.length >= 2 ? 'en' : displayLang;
}
