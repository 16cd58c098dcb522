import type { Lang, LintResult, SourceLanguage } from '../language/types';
import { ruleMeta } from './catalog';
import type { ChatTurn, CurriculumContext, TeacherGateway, TeacherIntent, TeacherRequest } from './types';

/**
 * The extension's own language model ("AI Teacher (offline)") receives plain chat messages from
 * whoever calls it: the Chat view with another participant, an agent, another extension. This
 * module turns such a conversation into what the teacher understands — the learner's last words,
 * the turns before them, an intent, and a code block to review — and asks the teacher, without any
 * editor API.
 */

export interface PlainMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface CodeSnippet {
  readonly language: SourceLanguage;
  readonly text: string;
  /** A file name for the review's acknowledgement and the rules that look at file names. */
  readonly path: string;
}

export interface ConversationAsk {
  readonly lang: Lang;
  readonly intent: TeacherIntent;
  /** The last user message without its slash command and code block. */
  readonly message: string;
  readonly history: readonly ChatTurn[];
  readonly code?: CodeSnippet;
  readonly ruleId?: string;
}

const COMMANDS: ReadonlySet<TeacherIntent> = new Set(['review', 'week', 'checkpoint', 'hint', 'explain', 'design', 'progress']);
const PYTHON_INFO = /^(py|python|python3)$/i;
const YAML_INFO = /^(ya?ml|docker-compose|compose|k8s|kubernetes)$/i;
const HANGUL = /[\uac00-\ud7a3]/;
const LATIN = /[A-Za-z]{3,}/;

/** Hangul in the learner's words means Korean; plain Latin words mean English; otherwise the setting decides. */
export function languageOfText(text: string, fallback: Lang): Lang {
  if (HANGUL.test(text)) return 'ko';
  return LATIN.test(text.replace(/```[\s\S]*?(```|$)/g, '')) ? 'en' : fallback;
}

/** The first fenced block that is Python or YAML (by its info string, else by its look). */
export function fencedCode(text: string): { readonly language: SourceLanguage; readonly text: string; readonly start: number; readonly end: number } | undefined {
  const fence = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const match of text.matchAll(fence)) {
    const info = match[3].trim().split(/\s+/)[0] ?? '';
    const body = match[4];
    const language = PYTHON_INFO.test(info) ? 'python' : YAML_INFO.test(info) ? 'yaml' : info ? undefined : guessLanguage(body);
    if (language) return { language, text: body, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

function guessLanguage(code: string): SourceLanguage | undefined {
  if (/^\s*(import |from \S+ import |def |class |@\w+|if __name__)/m.test(code)) return 'python';
  if (/^\s*(apiVersion|kind|services|jobs|on|groups|steps):/m.test(code) || /^\s*-\s+\w+:/m.test(code)) return 'yaml';
  return undefined;
}

/** A rule id the learner mentioned (`debug-mode-enabled`), if the teacher knows it. */
export function mentionedRule(text: string): string | undefined {
  for (const word of text.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/g) ?? []) if (ruleMeta(word)) return word;
  return undefined;
}

export function askFromMessages(messages: readonly PlainMessage[], fallbackLang: Lang): ConversationAsk {
  const lastUser = messages
    .map((m, i) => [m, i] as const)
    .filter(([m]) => m.role === 'user')
    .at(-1);
  const raw = lastUser?.[0].text ?? '';
  const history: ChatTurn[] = messages.slice(0, lastUser?.[1] ?? 0).map((m) => ({ role: m.role === 'user' ? 'learner' : 'teacher', text: m.text }));
  const found = fencedCode(raw);
  let words = (found ? raw.slice(0, found.start) + raw.slice(found.end) : raw).trim();
  const slash = /^\/(\w+)\b/.exec(words);
  const command = slash && COMMANDS.has(slash[1] as TeacherIntent) ? (slash[1] as TeacherIntent) : undefined;
  if (command) words = words.slice(slash![0].length).trim();
  const ruleId = mentionedRule(words);
  const code = found ? { language: found.language, text: found.text, path: found.language === 'python' ? 'snippet.py' : 'snippet.yaml' } : undefined;
  // Code without a command is a request to look at it; a rule id without code is a question about the rule.
  const intent: TeacherIntent = command ?? (code ? 'review' : ruleId && /\b(why|what|explain|설명|왜|뭐)/i.test(words) ? 'explain' : 'chat');
  return {
    lang: languageOfText(raw, fallbackLang),
    intent,
    message: intent === 'explain' && ruleId ? ruleId : words,
    history,
    ...(code ? { code } : {}),
    ...(ruleId ? { ruleId } : {}),
  };
}

/** The intents whose answer depends on the learner's course (the week, its checkpoint, progress). */
const COURSE_INTENTS: ReadonlySet<TeacherIntent> = new Set(['week', 'progress', 'checkpoint', 'chat']);

export interface ModelAnswerDeps {
  /** The teacher without the editor's own models (this model must never end up calling itself). */
  readonly teacher: TeacherGateway;
  lang(): Lang;
  lint(code: CodeSnippet, lang: Lang): Promise<LintResult>;
  course(): Promise<CurriculumContext>;
}

/**
 * Answers a conversation: a fenced Python/YAML block is linted and reviewed, the course is loaded
 * only for the intents that need it (a checkpoint is then the current week's, as everywhere), and
 * the teacher — offline, or the configured endpoint under the no-solution guard — streams the answer.
 */
export async function answerMessages(deps: ModelAnswerDeps, messages: readonly PlainMessage[], onText: (piece: string) => void, signal?: AbortSignal): Promise<void> {
  const ask = askFromMessages(messages, deps.lang());
  const request: TeacherRequest = {
    intent: ask.intent,
    lang: ask.lang,
    message: ask.message,
    profile: {},
    history: ask.history,
    ...(ask.code ? { review: { path: ask.code.path, text: ask.code.text, result: await deps.lint(ask.code, ask.lang) } } : {}),
    ...(ask.ruleId ? { ruleId: ask.ruleId } : {}),
    ...(COURSE_INTENTS.has(ask.intent) ? { curriculum: await deps.course() } : {}),
  };
  await deps.teacher.ask(request, { signal, onChunk: onText });
}
