/**
 * The typed message protocol between the extension and the teacher panel webview
 * (vscode-eslint's `$shared/customMessages.ts` pattern). Both sides import these types, and
 * both sides parse what they receive with the total functions at the end of this file: a
 * message that does not match is dropped (and logged by the caller), never trusted.
 *
 * This module is plain data and code without `vscode` or DOM dependencies.
 */

export type PanelLang = 'ko' | 'en';
export type TabId = 'review' | 'chat' | 'curriculum';
export const TABS: readonly TabId[] = ['review', 'chat', 'curriculum'];

export type PanelIntent = 'greeting' | 'review' | 'hint' | 'explain' | 'design' | 'checkpoint' | 'week' | 'progress' | 'chat';
export const INTENTS: readonly PanelIntent[] = ['greeting', 'review', 'hint', 'explain', 'design', 'checkpoint', 'week', 'progress', 'chat'];

export type BackendId = 'offline' | 'vscode' | 'openai';
export interface BackendInfo {
  readonly id: BackendId;
  readonly label: string;
}

/** One hint level of a card: 1 a question, 2 a concept pointer, 3 a TODO scaffold. */
export interface HintView {
  readonly level: 1 | 2 | 3;
  /** Markdown for levels 1 and 2; the scaffold's plain text for level 3 (shown as code). */
  readonly text: string;
}

/** A finding as a teacher card. `id` is opaque to the webview and stable across re-lints. */
export interface CardView {
  readonly id: string;
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly category: string;
  readonly categoryLabel: string;
  /** One-based line for display. */
  readonly line: number;
  readonly message: string;
  /** Why the rule rated this case above or below its default severity, when it did. */
  readonly severityReason?: string;
  /** The teacher's first question (Markdown). */
  readonly question: string;
  /** Why it matters in production (Markdown). */
  readonly why: string;
  /** The hint levels unlocked so far (help is earned by attempts). */
  readonly hints: readonly HintView[];
  /** The next hint level and why it is still locked (what to do to open it), when one is. */
  readonly locked?: { readonly level: 2 | 3; readonly reason: string };
}

export type ReviewStatus = 'ok' | 'no-file' | 'unsupported' | 'pending';

export interface ReviewView {
  readonly status: ReviewStatus;
  /** The file's display name and its URI string (the URI is only echoed back, never opened by the webview). */
  readonly file?: { readonly name: string; readonly uri: string };
  readonly cards: readonly CardView[];
}

export type WeekStatusView = 'not-started' | 'in-progress' | 'checkpoint-passed' | 'done';

export interface WeekView {
  /** `beginner/1`. */
  readonly ref: string;
  readonly track: string;
  readonly number: number;
  readonly title: string;
  readonly status: WeekStatusView;
  readonly current: boolean;
}

export interface TrackView {
  readonly id: string;
  readonly title: string;
  readonly weeks: readonly WeekView[];
}

/** A mistake the learner keeps making, with the prompt that starts a short review of it. */
export interface MistakeView {
  readonly ruleId: string;
  readonly count: number;
  /** Weeks it appeared in, e.g. `beginner/1`. */
  readonly weeks: readonly string[];
  /** It was fixed once and came back. */
  readonly cameBack: boolean;
  /** What the review button sends to the teacher (`/explain <rule>`). */
  readonly prompt: string;
}

export interface CurriculumView {
  readonly tracks: readonly TrackView[];
  readonly mistakes?: readonly MistakeView[];
  readonly current?: {
    readonly ref: string;
    readonly title: string;
    readonly status: WeekStatusView;
    readonly checkpoint?: { readonly id: string; readonly question: string };
  };
}

/** What left the machine for one answer (the footer says it). Absent `to`: nothing did. */
export interface SentView {
  /** The model that received the question and the conversation. */
  readonly to?: string;
  /** The learner's file that went with them. */
  readonly file?: string;
  readonly lines?: number;
  readonly selection?: boolean;
}

export interface ChatTurnView {
  readonly role: 'learner' | 'teacher';
  readonly text: string;
}

export interface FollowupView {
  readonly label: string;
  /** What is sent to the teacher; may be empty (e.g. "review again"). */
  readonly prompt: string;
  /** The teacher's command for the followup (`hint`, `review` ...); plain chat when absent. */
  readonly intent?: PanelIntent;
}

/** Messages the extension sends to the webview. */
export type ToWebview =
  | { readonly type: 'init'; readonly lang: PanelLang; readonly strings: Readonly<Record<string, string>>; readonly backend?: BackendInfo }
  | { readonly type: 'review'; readonly review: ReviewView }
  | { readonly type: 'curriculum'; readonly curriculum: CurriculumView }
  | { readonly type: 'backend'; readonly backend: BackendInfo }
  | { readonly type: 'focus'; readonly tab: TabId; readonly cardId?: string }
  /** Ask on the learner's behalf (from a command): the webview adds the turn and sends `ask`. */
  | { readonly type: 'runAsk'; readonly text: string; readonly intent: PanelIntent; readonly cardId?: string; readonly week?: string }
  | { readonly type: 'prefill'; readonly text: string }
  | { readonly type: 'chatChunk'; readonly id: string; readonly markdown: string }
  | {
      readonly type: 'chatEnd';
      readonly id: string;
      readonly markdown: string;
      readonly followups: readonly FollowupView[];
      readonly backend?: BackendId;
      readonly guarded: boolean;
      readonly stopped: boolean;
      readonly sent?: SentView;
    }
  | { readonly type: 'chatError'; readonly id: string; readonly message: string };

/** Messages the webview sends to the extension. */
export type ToExtension =
  | { readonly type: 'ready' }
  | {
      readonly type: 'ask';
      readonly id: string;
      readonly text: string;
      readonly intent: PanelIntent;
      readonly cardId?: string;
      readonly week?: string;
      readonly history: readonly ChatTurnView[];
    }
  | { readonly type: 'stop'; readonly id: string }
  | { readonly type: 'insertScaffold'; readonly cardId: string }
  /** A code block's "Copy": the extension puts the text on the clipboard. */
  | { readonly type: 'copyText'; readonly text: string }
  /** A code block's "Insert as TODO scaffold": the text goes into the editor as comments, never as code. */
  | { readonly type: 'insertCode'; readonly text: string }
  | { readonly type: 'goToLine'; readonly cardId: string }
  | { readonly type: 'startWeek'; readonly track: string; readonly week: number }
  | { readonly type: 'continueWeek' }
  | { readonly type: 'selectBackend' }
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly message: string };

/** Bounds that keep a hostile or buggy peer from flooding the other side. */
/** `history` matches the panel's transcript (MAX_TRANSCRIPT): the whole conversation reaches the teacher. */
export const LIMITS = { text: 20_000, markdown: 200_000, history: 200, cards: 200, id: 200 } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number = LIMITS.text): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const optStr = (o: Obj, key: string, max?: number): string | undefined | null => {
  if (o[key] === undefined) return undefined;
  return str(o[key], max) ?? null;
};
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined);
function list<T>(v: unknown, max: number, item: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: T[] = [];
  for (const x of v) {
    const parsed = item(x);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

const BACKENDS: readonly BackendId[] = ['offline', 'vscode', 'openai'];
const LANGS: readonly PanelLang[] = ['ko', 'en'];
const SEVERITIES = ['error', 'warning', 'info'] as const;
const STATUSES: readonly ReviewStatus[] = ['ok', 'no-file', 'unsupported', 'pending'];
const WEEK_STATUSES: readonly WeekStatusView[] = ['not-started', 'in-progress', 'checkpoint-passed', 'done'];
const LOG_LEVELS = ['info', 'warn', 'error'] as const;

function backend(v: unknown): BackendInfo | undefined {
  if (!isObj(v)) return undefined;
  const id = oneOf(BACKENDS, v.id);
  const label = str(v.label, 500);
  return id && label !== undefined ? { id, label } : undefined;
}

function hint(v: unknown): HintView | undefined {
  if (!isObj(v)) return undefined;
  const level = v.level === 1 || v.level === 2 || v.level === 3 ? v.level : undefined;
  const text = str(v.text);
  return level && text !== undefined ? { level, text } : undefined;
}

function card(v: unknown): CardView | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id, LIMITS.id);
  const ruleId = str(v.ruleId, 200);
  const severity = oneOf(SEVERITIES, v.severity);
  const category = str(v.category, 100);
  const categoryLabel = str(v.categoryLabel, 100);
  const line = num(v.line);
  const message = str(v.message);
  const question = str(v.question);
  const why = str(v.why);
  const hints = list(v.hints, 3, hint);
  const severityReason = optStr(v, 'severityReason', 1000);
  let locked: CardView['locked'];
  if (v.locked !== undefined) {
    const l = v.locked as Obj;
    const level = isObj(l) && (l.level === 2 || l.level === 3) ? l.level : undefined;
    const reason = isObj(l) ? str(l.reason, 2000) : undefined;
    if (!level || reason === undefined) return undefined;
    locked = { level, reason };
  }
  if (id === undefined || ruleId === undefined || !severity || category === undefined || categoryLabel === undefined) return undefined;
  if (line === undefined || message === undefined || question === undefined || why === undefined || !hints || severityReason === null) return undefined;
  return { id, ruleId, severity, category, categoryLabel, line, message, question, why, hints, ...(severityReason ? { severityReason } : {}), ...(locked ? { locked } : {}) };
}

function review(v: unknown): ReviewView | undefined {
  if (!isObj(v)) return undefined;
  const status = oneOf(STATUSES, v.status);
  const cards = list(v.cards, LIMITS.cards, card);
  let file: ReviewView['file'];
  if (v.file !== undefined) {
    if (!isObj(v.file)) return undefined;
    const name = str(v.file.name, 1000);
    const uri = str(v.file.uri, 5000);
    if (name === undefined || uri === undefined) return undefined;
    file = { name, uri };
  }
  return status && cards ? { status, file, cards } : undefined;
}

function week(v: unknown): WeekView | undefined {
  if (!isObj(v)) return undefined;
  const ref = str(v.ref, 100);
  const track = str(v.track, 100);
  const number = num(v.number);
  const title = str(v.title, 1000);
  const status = oneOf(WEEK_STATUSES, v.status);
  const current = bool(v.current);
  if (ref === undefined || track === undefined || number === undefined || title === undefined || !status || current === undefined) return undefined;
  return { ref, track, number, title, status, current };
}

function track(v: unknown): TrackView | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id, 100);
  const title = str(v.title, 1000);
  const weeks = list(v.weeks, 100, week);
  return id !== undefined && title !== undefined && weeks ? { id, title, weeks } : undefined;
}

function mistake(v: unknown): MistakeView | undefined {
  if (!isObj(v)) return undefined;
  const ruleId = str(v.ruleId, 200);
  const count = num(v.count);
  const weeks = list(v.weeks, 50, (w) => str(w, 100));
  const cameBack = bool(v.cameBack);
  const prompt = str(v.prompt, 500);
  if (ruleId === undefined || count === undefined || !weeks || cameBack === undefined || prompt === undefined) return undefined;
  return { ruleId, count, weeks, cameBack, prompt };
}

function curriculum(v: unknown): CurriculumView | undefined {
  if (!isObj(v)) return undefined;
  const tracks = list(v.tracks, 20, track);
  if (!tracks) return undefined;
  let mistakes: MistakeView[] | undefined;
  if (v.mistakes !== undefined) {
    mistakes = list(v.mistakes, 20, mistake);
    if (!mistakes) return undefined;
  }
  const withMistakes = mistakes ? { mistakes } : {};
  if (v.current === undefined) return { tracks, ...withMistakes };
  const c = v.current;
  if (!isObj(c)) return undefined;
  const ref = str(c.ref, 100);
  const title = str(c.title, 1000);
  const status = oneOf(WEEK_STATUSES, c.status);
  if (ref === undefined || title === undefined || !status) return undefined;
  let checkpoint: { id: string; question: string } | undefined;
  if (c.checkpoint !== undefined) {
    if (!isObj(c.checkpoint)) return undefined;
    const id = str(c.checkpoint.id, 200);
    const question = str(c.checkpoint.question);
    if (id === undefined || question === undefined) return undefined;
    checkpoint = { id, question };
  }
  return { tracks, ...withMistakes, current: { ref, title, status, checkpoint } };
}

function strings(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) {
    const s = str(value, 2000);
    if (s === undefined) return undefined;
    out[key] = s;
  }
  return out;
}

function turn(v: unknown): ChatTurnView | undefined {
  if (!isObj(v)) return undefined;
  const role = oneOf(['learner', 'teacher'] as const, v.role);
  const text = str(v.text, LIMITS.markdown);
  return role && text !== undefined ? { role, text } : undefined;
}

function sent(v: unknown): SentView | undefined {
  if (!isObj(v)) return undefined;
  const to = optStr(v, 'to', 500);
  const file = optStr(v, 'file', 1000);
  const lines = v.lines === undefined ? undefined : num(v.lines);
  const selection = v.selection === undefined ? undefined : bool(v.selection);
  if (to === null || file === null || (v.lines !== undefined && lines === undefined) || (v.selection !== undefined && selection === undefined)) return undefined;
  return { to, file, lines, selection };
}

function followup(v: unknown): FollowupView | undefined {
  if (!isObj(v)) return undefined;
  const label = str(v.label, 500);
  const prompt = str(v.prompt);
  const intent = v.intent === undefined ? undefined : oneOf(INTENTS, v.intent);
  if (label === undefined || prompt === undefined || (v.intent !== undefined && !intent)) return undefined;
  return intent ? { label, prompt, intent } : { label, prompt };
}

/** Validates a message for the webview; `undefined` for anything unknown or malformed. */
export function parseToWebview(value: unknown): ToWebview | undefined {
  if (!isObj(value)) return undefined;
  switch (value.type) {
    case 'init': {
      const lang = oneOf(LANGS, value.lang);
      const table = strings(value.strings);
      const b = value.backend === undefined ? undefined : backend(value.backend);
      if (!lang || !table || (value.backend !== undefined && !b)) return undefined;
      return { type: 'init', lang, strings: table, backend: b };
    }
    case 'review': {
      const r = review(value.review);
      return r ? { type: 'review', review: r } : undefined;
    }
    case 'curriculum': {
      const c = curriculum(value.curriculum);
      return c ? { type: 'curriculum', curriculum: c } : undefined;
    }
    case 'backend': {
      const b = backend(value.backend);
      return b ? { type: 'backend', backend: b } : undefined;
    }
    case 'focus': {
      const tab = oneOf(TABS, value.tab);
      const cardId = optStr(value, 'cardId', LIMITS.id);
      if (!tab || cardId === null) return undefined;
      return { type: 'focus', tab, cardId };
    }
    case 'runAsk': {
      const text = str(value.text);
      const intent = oneOf(INTENTS, value.intent);
      const cardId = optStr(value, 'cardId', LIMITS.id);
      const w = optStr(value, 'week', 100);
      if (text === undefined || !intent || cardId === null || w === null) return undefined;
      return { type: 'runAsk', text, intent, cardId, week: w };
    }
    case 'prefill': {
      const text = str(value.text);
      return text === undefined ? undefined : { type: 'prefill', text };
    }
    case 'chatChunk': {
      const id = str(value.id, LIMITS.id);
      const markdown = str(value.markdown, LIMITS.markdown);
      return id !== undefined && markdown !== undefined ? { type: 'chatChunk', id, markdown } : undefined;
    }
    case 'chatEnd': {
      const id = str(value.id, LIMITS.id);
      const markdown = str(value.markdown, LIMITS.markdown);
      const followups = list(value.followups, 10, followup);
      const b = value.backend === undefined ? undefined : oneOf(BACKENDS, value.backend);
      const guarded = bool(value.guarded);
      const stopped = bool(value.stopped);
      const what = value.sent === undefined ? undefined : sent(value.sent);
      if (id === undefined || markdown === undefined || !followups || guarded === undefined || stopped === undefined) return undefined;
      if ((value.backend !== undefined && !b) || (value.sent !== undefined && !what)) return undefined;
      return { type: 'chatEnd', id, markdown, followups, backend: b, guarded, stopped, sent: what };
    }
    case 'chatError': {
      const id = str(value.id, LIMITS.id);
      const message = str(value.message);
      return id !== undefined && message !== undefined ? { type: 'chatError', id, message } : undefined;
    }
    default:
      return undefined;
  }
}

/** Validates a message from the webview; `undefined` for anything unknown or malformed. */
export function parseToExtension(value: unknown): ToExtension | undefined {
  if (!isObj(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'continueWeek':
    case 'selectBackend':
      return { type: value.type };
    case 'ask': {
      const id = str(value.id, LIMITS.id);
      const text = str(value.text);
      const intent = oneOf(INTENTS, value.intent);
      const cardId = optStr(value, 'cardId', LIMITS.id);
      const w = optStr(value, 'week', 100);
      const history = list(value.history, LIMITS.history, turn);
      if (id === undefined || text === undefined || !intent || cardId === null || w === null || !history) return undefined;
      return { type: 'ask', id, text, intent, cardId, week: w, history };
    }
    case 'stop': {
      const id = str(value.id, LIMITS.id);
      return id === undefined ? undefined : { type: 'stop', id };
    }
    case 'insertScaffold':
    case 'goToLine': {
      const cardId = str(value.cardId, LIMITS.id);
      return cardId === undefined ? undefined : { type: value.type, cardId };
    }
    case 'copyText':
    case 'insertCode': {
      const text = str(value.text);
      return text === undefined ? undefined : { type: value.type, text };
    }
    case 'startWeek': {
      const t = str(value.track, 100);
      const w = num(value.week);
      if (t === undefined || w === undefined || !Number.isInteger(w) || w < 1) return undefined;
      return { type: 'startWeek', track: t, week: w };
    }
    case 'log': {
      const level = oneOf(LOG_LEVELS, value.level);
      const message = str(value.message, 5000);
      return level && message !== undefined ? { type: 'log', level, message } : undefined;
    }
    default:
      return undefined;
  }
}

/** A short description of a rejected message for the log, without echoing its (possibly large) content. */
export function describeRejected(value: unknown): string {
  if (!isObj(value)) return `non-object message (${Array.isArray(value) ? 'array' : typeof value})`;
  const type = typeof value.type === 'string' ? value.type.slice(0, 50) : typeof value.type;
  return `message of type ${JSON.stringify(type)} with keys ${Object.keys(value).slice(0, 10).join(', ')}`;
}
