import type { ReviewTarget, TeacherIntent, TeacherRequest } from './types';

/**
 * Whether the learner's open file (or their selection) goes with a question to a model. It
 * goes when the question is about it: a review, a hint, an explanation of one of its
 * findings, or a message that points at the code ("my code", "이 코드", "line 12", the file's
 * name, a function or variable defined in it). Small talk and general questions go alone.
 * Pure: the caller decides what "the file" is; this only decides whether it is needed.
 */

export type ContextReason = 'review' | 'hint' | 'finding' | 'refers-to-code' | 'line' | 'file-name' | 'symbol';

export interface ContextDecision {
  /** `selection` when the learner selected part of the file: only that part is needed. */
  readonly send: 'none' | 'file' | 'selection';
  readonly reason?: ContextReason;
}

export interface ContextQuestion {
  readonly intent: TeacherIntent;
  readonly message: string;
  /** The question is about a finding in the file (a review card, a quick fix, a hint button). */
  readonly aboutFinding?: boolean;
  readonly file?: {
    readonly path: string;
    readonly text: string;
    /** The selected text, when there is a non-empty selection. */
    readonly selection?: string;
  };
}

/** Words that point at the learner's own code, in either language. */
const REFERS_TO_CODE = [
  /\b(?:my|this|our|the attached|the open|the current)\s+(?:code|file|script|function|class|service|app|api|endpoint|handler|route|manifest|deployment|yaml|workflow|dockerfile|compose file|pipeline|config(?:uration)?|implementation|model server)\b/i,
  /\b(?:here|above|below)\b.{0,20}\b(?:code|line|function)\b/i,
  /\bin (?:my|this) (?:code|file)\b|\bwhat(?:'s| is) wrong with (?:my|this|it)\b|\bfix (?:my|this|it)\b|\b(?:review|check|look at) (?:my|this|it)\b/i,
  /(?<![가-힣])(?:내|제|저의|나의|이|이번|지금|위|아래|우리)\s*(?:코드|파일|스크립트|함수|클래스|서비스|앱|엔드포인트|핸들러|매니페스트|디플로이먼트|워크플로|설정|구현)/,
  /(?:제가|내가)\s*(?:짠|작성한|만든|쓴|고친)/,
  /(?<![가-힣])여기(?:서|에서|에|의)?(?![가-힣])/,
];

/** "line 12", "L12", "12번째 줄", "12행", "12번 줄", "lines 3-5". */
const LINE_REFERENCE = /\blines?\s*\d+|\bL\d+\b|\d+\s*(?:번째\s*)?(?:줄|행|라인)|\d+\s*번\s*줄/i;

/** Names a file defines: functions, classes, module-level variables, YAML names and keys. */
export function definedNames(text: string): Set<string> {
  // The indent before a name is read within its line (`[^\S\r\n\u2028\u2029]*`): a `\s*` that ran
  // across blank lines retried every split of them from every line start (17 s on 2000 empty lines).
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    if (name && name.length >= 3) names.add(name);
  };
  for (const m of text.matchAll(/^[^\S\r\n\u2028\u2029]*(?:async\s+)?def\s+([A-Za-z_]\w*)|^[^\S\r\n\u2028\u2029]*class\s+([A-Za-z_]\w*)|^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)/gm))
    add(m[1] ?? m[2] ?? m[3]);
  for (const m of text.matchAll(/^[^\S\r\n\u2028\u2029]*(?:-\s*)?name:\s*["']?([\w.-]+)/gm)) add(m[1]);
  for (const m of text.matchAll(/^ {0,2}([A-Za-z_][\w-]*):\s*$/gm)) add(m[1]);
  return names;
}

/**
 * A name counts when it is written like code: in backticks, called (`predict()`), or shaped
 * like an identifier (snake_case, camelCase, dotted). A plain word such as "model" or "app"
 * is a word, not a reference to the file.
 */
function mentionsName(message: string, names: Set<string>): boolean {
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\`[^\`]*\\b${escaped}\\b[^\`]*\``).test(message)) return true;
    if (new RegExp(`(?<![\\w.])${escaped}\\s*\\(`).test(message)) return true;
    const identifierShaped = /[_.-]|[a-z][A-Z]/.test(name) || /^[A-Z][a-z]+[A-Z]/.test(name);
    if (identifierShaped && new RegExp(`(?<![\\w.])${escaped}(?![\\w])`).test(message)) return true;
  }
  return false;
}

function fileNamed(message: string, path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? '';
  return base.length > 0 && message.toLowerCase().includes(base.toLowerCase());
}

export function decideContext(question: ContextQuestion): ContextDecision {
  const file = question.file;
  if (!file || !file.text.trim()) return { send: 'none' };
  const send = file.selection?.trim() ? 'selection' : 'file';
  switch (question.intent) {
    case 'greeting':
    case 'week':
    case 'progress':
    case 'checkpoint':
      // These answers never go to a model (they must be the same every time).
      return { send: 'none' };
    case 'review':
      return { send, reason: 'review' };
    case 'hint':
      return { send, reason: 'hint' };
    case 'explain':
      if (question.aboutFinding) return { send, reason: 'finding' };
      break;
    default:
      if (question.aboutFinding) return { send, reason: 'finding' };
  }
  const message = question.message;
  if (REFERS_TO_CODE.some((re) => re.test(message))) return { send, reason: 'refers-to-code' };
  if (LINE_REFERENCE.test(message)) return { send, reason: 'line' };
  if (fileNamed(message, file.path)) return { send, reason: 'file-name' };
  if (mentionsName(message, definedNames(file.text))) return { send, reason: 'symbol' };
  return { send: 'none' };
}

/** The policy applied to a teacher request: its file, its selection, its finding. */
export function contextFor(request: TeacherRequest): ContextDecision {
  const review = request.review;
  const file = review ? { path: review.path, text: review.text, selection: selectedText(review) } : undefined;
  return decideContext({ intent: request.intent, message: request.message, aboutFinding: request.finding !== undefined, file });
}

/** The lines a review's selection covers, or undefined without a selection. */
export function selectedText(review: ReviewTarget): string | undefined {
  const range = review.selection;
  if (!range) return undefined;
  const lines = review.text.split('\n').slice(range.start.line, range.end.line + (range.end.column > 0 || range.end.line === range.start.line ? 1 : 0));
  const text = lines.join('\n');
  return text.trim() ? text : undefined;
}

/** The code a decision lets go to the model, with what the footer says about it. */
export function codeToSend(request: TeacherRequest, decision: ContextDecision): { readonly path: string; readonly text: string; readonly selection: boolean } | undefined {
  const review = request.review;
  if (!review || decision.send === 'none') return undefined;
  const selection = decision.send === 'selection' ? selectedText(review) : undefined;
  return { path: review.path, text: selection ?? review.text, selection: selection !== undefined };
}
