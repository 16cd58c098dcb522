import type { Lang, LintResult } from '../../language/types';
import { askFromMessages, type CodeSnippet, type PlainMessage } from '../../teacher/model-messages';
import type { CurriculumContext, TeacherGateway, TeacherRequest } from '../../teacher/types';
import { TEACHER_MODEL } from '../ids';

/**
 * How the extension's own language model answers a conversation, without editor types so unit
 * tests can drive it: the messages become a teacher request (a fenced Python/YAML block is linted
 * and reviewed), and the teacher — offline, or the configured endpoint under the no-solution guard
 * — streams the answer.
 */
export interface ModelAnswerDeps {
  /** The teacher without the editor's own models (this model must never end up calling itself). */
  readonly teacher: TeacherGateway;
  lang(): Lang;
  lint(code: CodeSnippet, lang: Lang): Promise<LintResult>;
  course(): Promise<CurriculumContext>;
}

export async function answerMessages(deps: ModelAnswerDeps, messages: readonly PlainMessage[], onText: (piece: string) => void, signal?: AbortSignal): Promise<void> {
  const ask = askFromMessages(messages, deps.lang());
  const needsCourse = ask.intent === 'week' || ask.intent === 'progress' || ask.intent === 'checkpoint' || ask.intent === 'chat';
  const review = ask.code ? { path: ask.code.path, text: ask.code.text, result: await deps.lint(ask.code, ask.lang) } : undefined;
  const request: TeacherRequest = {
    intent: ask.intent,
    lang: ask.lang,
    message: ask.message,
    profile: {},
    history: ask.history,
    ...(review ? { review } : {}),
    ...(ask.ruleId ? { ruleId: ask.ruleId } : {}),
    ...(needsCourse ? { curriculum: await deps.course() } : {}),
  };
  const course = request.curriculum;
  // A checkpoint is about the current week's question; the teacher grades the learner's words against it.
  const checkpoint = ask.intent === 'checkpoint' ? course?.curriculum?.weeks.find((w) => w.id === course.current)?.checkpoints[0] : undefined;
  await deps.teacher.ask(checkpoint ? { ...request, curriculum: { ...course, checkpoint } } : request, { signal, onChunk: onText });
}

/** The text of a request message's parts: text parts and the text inside tool results; data parts are skipped. */
export function partsText(content: readonly unknown[]): string {
  const pieces: string[] = [];
  for (const part of content) {
    const value = (part as { value?: unknown }).value;
    if (typeof value === 'string') pieces.push(value);
    const inner = (part as { content?: unknown }).content;
    if (Array.isArray(inner)) pieces.push(partsText(inner));
  }
  return pieces.filter(Boolean).join('\n');
}

/** Whether a model handed to the participant is this one (then the participant asks the teacher directly instead). */
export function isTeacherModel(model: unknown): boolean {
  return (model as { vendor?: unknown } | undefined)?.vendor === TEACHER_MODEL.vendor;
}
