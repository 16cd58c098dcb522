import type { Curriculum, ProgressStore, WeekStatus } from '../../curriculum/types';
import type { Finding, Lang, Range, WeekRef } from '../../language/types';
import type { ModelClient } from '../../teacher/backends/types';
import { guessIntent } from '../../teacher/chat';
import { rankedGroups } from '../../teacher/review';
import type { ChatTurn, LearnerProfile, ReviewTarget, TeacherFollowup, TeacherGateway, TeacherIntent, TeacherRequest, TeacherResponse } from '../../teacher/types';
import { PARTICIPANT_ID, Commands } from '../ids';

/**
 * The chat participant's request handler as a plain function: every editor value comes in
 * through `ChatDeps` or the structural request/stream/token types below, so unit tests drive
 * it with fakes and without the `vscode` module.
 */

export interface ChatReferenceLike {
  readonly id: string;
  readonly value: unknown;
}
export interface ChatRequestLike {
  readonly prompt: string;
  readonly command?: string;
  readonly references: readonly ChatReferenceLike[];
  readonly model?: unknown;
}
export interface ChatContextLike {
  readonly history: readonly unknown[];
}
export interface ChatStreamLike {
  markdown(value: string): void;
  anchor(value: unknown, title?: string): void;
  button(command: { command: string; title: string; arguments?: unknown[] }): void;
  progress(value: string): void;
}
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}
export interface ChatResultLike {
  readonly errorDetails?: { readonly message: string };
  readonly metadata: ChatMetadata;
}
export interface ChatMetadata {
  readonly command: string;
  readonly intent: TeacherIntent;
  readonly backend: TeacherResponse['backend'];
  readonly followups: readonly TeacherFollowup[];
  readonly ruleId?: string;
  readonly week?: WeekRef;
}

/** A file to review and the editor's handle for it (a Uri), used for anchors and buttons. */
export interface ReviewSource {
  readonly target: ReviewTarget;
  readonly uri: unknown;
}

export interface ChatDeps {
  readonly teacher: TeacherGateway;
  lang(): Lang;
  /** `#file` references first; without any, the active editor (its selection when there is one). */
  reviewSources(references: readonly ChatReferenceLike[]): Promise<readonly ReviewSource[]>;
  curriculum(): Promise<Curriculum | undefined>;
  readonly progress: Pick<ProgressStore, 'status' | 'setStatus' | 'current'>;
  profile(): LearnerProfile;
  saveProfile(profile: LearnerProfile): Promise<void>;
  /** `new vscode.Location(uri, range)` for `stream.anchor`. */
  location(uri: unknown, range: Range): unknown;
  /** `request.model` as a ModelClient (undefined when there is none). */
  modelClient(model: unknown): ModelClient | undefined;
  log?(message: string): void;
}

const MAX_FILES = 3;
const MAX_ANCHORS = 5;

/** Both sides of this participant's past turns, from `context.history` (duck-typed: request and response turns). */
export function historyTurns(history: readonly unknown[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const turn of history) {
    const t = turn as { participant?: string; prompt?: string; command?: string; response?: readonly unknown[] };
    if (t.participant && t.participant !== PARTICIPANT_ID) continue;
    if (typeof t.prompt === 'string') {
      turns.push({ role: 'learner', text: t.command ? `/${t.command} ${t.prompt}`.trim() : t.prompt });
    } else if (Array.isArray(t.response)) {
      const text = t.response
        .map((part) => {
          const value = (part as { value?: unknown }).value;
          if (typeof value === 'string') return value;
          const inner = (value as { value?: unknown } | undefined)?.value;
          return typeof inner === 'string' ? inner : '';
        })
        .join('');
      if (text) turns.push({ role: 'teacher', text });
    }
  }
  return turns;
}

/** "/hint debug-mode-enabled 2" → rule and level; a bare number is a level. */
export function parseHintPrompt(prompt: string): { ruleId?: string; level?: number } {
  const words = prompt.trim().split(/\s+/).filter(Boolean);
  const ruleId = words.find((w) => /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(w));
  const level = words.map(Number).find((n) => Number.isInteger(n) && n > 0);
  return { ...(ruleId ? { ruleId } : {}), ...(level ? { level } : {}) };
}

/** Without an explicit level, each /hint for the same rule in this conversation goes one level deeper. */
function nextHintLevel(history: readonly unknown[], ruleId: string | undefined): number {
  let asked = 0;
  for (const turn of history) {
    const t = turn as { prompt?: string; command?: string; participant?: string };
    if (t.command !== 'hint' || typeof t.prompt !== 'string') continue;
    if (t.participant && t.participant !== PARTICIPANT_ID) continue;
    const previous = parseHintPrompt(t.prompt).ruleId;
    if (!ruleId || !previous || previous === ruleId) asked++;
  }
  return asked + 1;
}

async function statuses(deps: ChatDeps, curriculum: Curriculum | undefined): Promise<Partial<Record<WeekRef, WeekStatus>>> {
  const out: Partial<Record<WeekRef, WeekStatus>> = {};
  for (const week of curriculum?.weeks ?? []) out[week.id] = deps.progress.status(week.id);
  return out;
}

export async function handleChatRequest(deps: ChatDeps, request: ChatRequestLike, context: ChatContextLike, stream: ChatStreamLike, token: CancellationLike): Promise<ChatResultLike> {
  const lang = deps.lang();
  const ko = lang === 'ko';
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) controller.abort();
  const history = historyTurns(context.history);
  const profile = deps.profile();
  const command = request.command ?? '';
  const message = request.prompt.trim();

  let intent: TeacherIntent;
  switch (command) {
    case 'review':
    case 'week':
    case 'checkpoint':
    case 'hint':
    case 'explain':
    case 'design':
    case 'progress':
      intent = command;
      break;
    default:
      // First meeting: no profile and no conversation yet, so introduce and ask the four questions.
      intent = !message || (history.length === 0 && Object.keys(profile).length === 0 && guessIntent(message) === 'greeting') ? 'greeting' : 'chat';
  }

  const base = { lang, message, profile, history } as const;
  const curriculumNeeded = intent === 'week' || intent === 'progress' || intent === 'checkpoint' || intent === 'chat';
  const curriculum = curriculumNeeded ? await deps.curriculum().catch(() => undefined) : undefined;
  const current = deps.progress.current();
  const courseContext = { curriculum, statuses: await statuses(deps, curriculum), current };
  const model = request.model ? deps.modelClient(request.model) : undefined;
  const ask = async (req: TeacherRequest): Promise<TeacherResponse> =>
    deps.teacher.ask(req, { signal: controller.signal, model, onChunk: (piece) => stream.markdown(piece) });

  try {
    let last: TeacherResponse | undefined;
    let ruleId: string | undefined;
    if (intent === 'review' || (intent === 'chat' && guessIntent(message) === 'review')) {
      stream.progress(ko ? '코드를 살펴보는 중…' : 'Reading your code…');
      const sources = (await deps.reviewSources(request.references)).slice(0, MAX_FILES);
      if (sources.length === 0) last = await ask({ ...base, intent: 'review' });
      else {
        for (const [i, source] of sources.entries()) {
          if (controller.signal.aborted) break;
          if (sources.length > 1) stream.markdown(`${i ? '\n\n---\n\n' : ''}### \`${source.target.path}\`\n\n`);
          last = await ask({ ...base, intent: 'review', review: source.target });
          ruleId ??= reviewExtras(deps, stream, source, lang);
        }
      }
    } else if (intent === 'hint' || intent === 'explain') {
      const parsed = parseHintPrompt(message);
      const sources = intent === 'hint' ? (await deps.reviewSources(request.references)).slice(0, 1) : [];
      const review = sources[0]?.target;
      const finding = parsed.ruleId ? review?.result.findings.find((f) => f.ruleId === parsed.ruleId) : undefined;
      ruleId = parsed.ruleId ?? (intent === 'hint' ? rankedGroups(review?.result.findings ?? [])[0]?.ruleId : undefined);
      const hintLevel = intent === 'hint' ? (parsed.level ?? nextHintLevel(context.history, ruleId)) : undefined;
      last = await ask({ ...base, intent, ruleId, finding, hintLevel, review, ...(intent === 'explain' ? { message: parsed.ruleId ?? message } : {}) });
      const target = finding ?? (ruleId ? review?.result.findings.find((f) => f.ruleId === ruleId) : undefined);
      if (target && sources[0]) stream.anchor(deps.location(sources[0].uri, target.range), `${sources[0].target.path}:${target.range.start.line + 1}`);
      if (intent === 'hint' && ruleId && (hintLevel ?? 1) >= 3 && sources[0] && target) scaffoldButton(stream, sources[0], target, lang);
    } else if (intent === 'checkpoint') {
      const week = curriculum?.weeks.find((w) => w.id === current);
      last = await ask({ ...base, intent, curriculum: { ...courseContext, checkpoint: week?.checkpoints[0] } });
      if (last.checkpoint?.passed && week && deps.progress.status(week.id) !== 'done') await deps.progress.setStatus(week.id, 'checkpoint-passed');
    } else if (intent === 'week' || intent === 'progress') {
      last = await ask({ ...base, intent, curriculum: courseContext });
      if (last.week) {
        const [track, number] = last.week.split('/');
        if (deps.progress.status(last.week) === 'not-started' || intent === 'week') {
          stream.button({ command: Commands.startWeek, title: ko ? `▶ ${last.week} 시작하기` : `▶ Start ${last.week}`, arguments: [{ track, week: Number(number) }] });
        }
      }
    } else {
      last = await ask({ ...base, intent, curriculum: courseContext });
      if (last.profile) await deps.saveProfile(last.profile);
    }
    return {
      metadata: {
        command,
        intent: last?.intent ?? intent,
        backend: last?.backend ?? 'offline',
        followups: last?.followups ?? [],
        ...(ruleId ? { ruleId } : {}),
        ...(last?.week ? { week: last.week } : {}),
      },
    };
  } catch (error) {
    // The gateway already falls back to the offline teacher; reaching here means even that failed.
    deps.log?.(`chat request failed: ${(error as Error)?.message ?? String(error)}`);
    const message = ko ? '답변을 만드는 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.' : 'Something went wrong while answering. Please try again in a moment.';
    return { errorDetails: { message }, metadata: { command, intent, backend: 'offline', followups: [] } };
  } finally {
    subscription.dispose();
  }
}

/** Anchors to the learner's lines and the "insert scaffold" button after a review; returns the top rule. */
function reviewExtras(deps: ChatDeps, stream: ChatStreamLike, source: ReviewSource, lang: Lang): string | undefined {
  const groups = rankedGroups(source.target.result.findings);
  if (!groups.length) return undefined;
  stream.markdown(lang === 'ko' ? '\n\n📍 **살펴볼 줄:** ' : '\n\n📍 **Lines to look at:** ');
  for (const group of groups.slice(0, MAX_ANCHORS)) {
    const f = group.findings[0];
    stream.anchor(deps.location(source.uri, f.range), `${group.ruleId} (${f.range.start.line + 1})`);
    stream.markdown(' ');
  }
  stream.markdown('\n\n');
  scaffoldButton(stream, source, groups[0].findings[0], lang);
  return groups[0].ruleId;
}

function scaffoldButton(stream: ChatStreamLike, source: ReviewSource, finding: Finding, lang: Lang): void {
  stream.button({
    command: Commands.insertScaffold,
    title: lang === 'ko' ? '🧩 골격(TODO) 삽입' : '🧩 Insert TODO skeleton',
    // The command's contract, shared with the quick fix and the panel: (document uri, finding).
    arguments: [String(source.uri), finding],
  });
}

/** Followups for `ChatFollowupProvider`: what the teacher suggested as the natural next step. */
export function followupsFor(result: { readonly metadata?: unknown }): { prompt: string; label: string; command?: string }[] {
  const metadata = result.metadata as Partial<ChatMetadata> | undefined;
  return (metadata?.followups ?? []).map((f) => ({ prompt: f.prompt, label: f.label, ...(f.command ? { command: f.command } : {}) }));
}
