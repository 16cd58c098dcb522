import type { Finding, LintResult, Range, WeekRef } from '../language/types';
import { answersGreeting } from './profile';
import { contextFor } from './context-policy';
import { COMMANDS, guessIntent, isSolutionRequest, parseRulePrompt, parseSlash } from './intent';
import type { ChatTurn, LearnerProfile, TeacherIntent, TeacherRequest } from './types';

/**
 * What a learner's turn asks for, decided once for every surface: the participant passes its
 * `request.command`, the panel its button's intent and the card's finding, the CLI only text.
 */

/** A file the conversation may look at: the open editor, a `#file` reference, `--file`. */
export interface ConversationFile {
  /** Workspace-relative path: shown to the learner and the key of what the teacher remembers. */
  readonly path: string;
  readonly text: string;
  readonly result: LintResult;
  readonly selection?: Range;
  /** The surface's own handle (a URI), echoed back in anchors and buttons. */
  readonly handle?: unknown;
}

export interface LearnerInput {
  /** What the learner typed; may start with a slash command. */
  readonly text: string;
  /** The chat participant's `request.command`. */
  readonly command?: string;
  /** The intent of a panel button or followup; `chat` for the input box. */
  readonly intent?: TeacherIntent;
  /** The finding of a panel card or a command argument. */
  readonly finding?: Finding;
  readonly week?: WeekRef;
}

export interface ResolvedTurn {
  readonly intent: TeacherIntent;
  /** The learner's words without the command. */
  readonly message: string;
  readonly ruleId?: string;
  readonly level?: number;
  /** A free answer to the hint the conversation is on: it counts as an attempt. */
  readonly answersHint?: boolean;
}

const QUESTION_END = /[?？]\s*$|(까요|나요|가요|인가|을까|ㄹ까|니까요|죠)\s*[?？]?\s*$/;

/**
 * The one reading of a turn. `focusRule` is the rule the last hint was about, when the last
 * teacher turn was that hint: a plain answer then is an attempt, not a new question.
 */
export function resolveTurn(input: LearnerInput, history: readonly ChatTurn[], profile: LearnerProfile, hasFile: boolean, focusRule?: string): ResolvedTurn {
  const text = input.text.trim();
  const command = input.command ? COMMANDS.find((c) => c === input.command) : undefined;
  const slash = command ? undefined : parseSlash(text);
  const explicit = command ?? slash?.intent ?? (input.intent && input.intent !== 'chat' ? input.intent : undefined);
  const message = slash ? slash.rest : text;
  if (explicit) {
    const named = explicit === 'hint' || explicit === 'explain' ? parseRulePrompt(message) : {};
    return { intent: explicit, message, ...named };
  }
  if (!message || (history.length === 0 && Object.keys(profile).length === 0 && guessIntent(message) === 'greeting') || answersGreeting(history))
    return { intent: 'greeting', message };
  if (isSolutionRequest(message)) return { intent: 'chat', message };
  const lastTeacher = [...history].reverse().find((t) => t.role === 'teacher')?.text ?? '';
  if (focusRule && lastTeacher.includes(focusRule) && message.length >= 8 && !QUESTION_END.test(message) && guessIntent(message) === 'chat') {
    return { intent: 'hint', message, ruleId: focusRule, answersHint: true };
  }
  const guessed = guessIntent(message);
  // Reviewing needs a file; without one a "review" message is a question about reviewing.
  if (guessed === 'review') return { intent: hasFile ? 'review' : 'chat', message };
  if (guessed === 'checkpoint') return { intent: 'checkpoint', message: '' };
  if (guessed === 'hint') return { intent: 'hint', message, ...parseRulePrompt(message) };
  return { intent: guessed, message };
}

/**
 * Whether a question needs the open file: the guard's context policy (a review, a hint, an
 * explanation of a finding, or the learner refers to their code or names something it defines),
 * asked with the very request the gateway will get, so the conversation core and the gateway
 * reach one decision from the same input.
 */
export function wantsFile(request: TeacherRequest): boolean {
  return contextFor(request).send !== 'none';
}
