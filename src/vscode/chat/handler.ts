import type { Finding, Lang, Range, WeekRef } from '../../language/types';
import type { ModelClient } from '../../teacher/backends/types';
import type { Conversation, TurnResult } from '../../teacher/conversation';
import type { ConversationFile } from '../../teacher/turn';
import type { ChatTurn, ReviewTarget, TeacherFollowup, TeacherIntent, TeacherResponse } from '../../teacher/types';
import { PARTICIPANT_ID, Commands } from '../ids';

/**
 * The chat participant's request handler: a translator between VS Code's chat request and the
 * conversation core, which decides everything. Editor values come in through `ChatDeps` and the
 * structural types below, so unit tests drive it with fakes and without the `vscode` module.
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
  readonly conversation: Conversation;
  /** The display language, for the handler's own words (progress, errors). */
  lang(): Lang;
  /** `#file` references first; without any, the active editor (its selection when there is one). */
  reviewSources(references: readonly ChatReferenceLike[]): Promise<readonly ReviewSource[]>;
  /** `new vscode.Location(uri, range)` for `stream.anchor`. */
  location(uri: unknown, range: Range): unknown;
  /** `request.model` as a ModelClient (undefined when there is none). */
  modelClient(model: unknown): ModelClient | undefined;
  log?(message: string): void;
}

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

function files(sources: readonly ReviewSource[]): ConversationFile[] {
  return sources.map((s) => ({ path: s.target.path, text: s.target.text, result: s.target.result, selection: s.target.selection, handle: s.uri }));
}

export async function handleChatRequest(
  deps: ChatDeps,
  request: ChatRequestLike,
  context: ChatContextLike,
  stream: ChatStreamLike,
  token: CancellationLike,
): Promise<ChatResultLike> {
  const ko = deps.lang() === 'ko';
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) controller.abort();
  const command = request.command ?? '';
  try {
    if (command === 'review') stream.progress(ko ? '코드를 살펴보는 중…' : 'Reading your code…');
    const sources = await deps.reviewSources(request.references);
    const result = await deps.conversation.respond(
      { text: request.prompt, command: request.command },
      { history: historyTurns(context.history), files: files(sources) },
      { signal: controller.signal, model: request.model ? deps.modelClient(request.model) : undefined, onChunk: (piece) => stream.markdown(piece) },
    );
    if (!controller.signal.aborted) extras(deps, stream, result);
    return {
      metadata: {
        command,
        intent: result.intent,
        backend: result.response.backend,
        followups: result.response.followups,
        ...(result.ruleId ? { ruleId: result.ruleId } : {}),
        ...(result.week ? { week: result.week } : {}),
      },
    };
  } catch (error) {
    // The core already falls back to the offline teacher; reaching here means even that failed.
    deps.log?.(`chat request failed: ${(error as Error)?.message ?? String(error)}`);
    const message = ko ? '답변을 만드는 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.' : 'Something went wrong while answering. Please try again in a moment.';
    return { errorDetails: { message }, metadata: { command, intent: 'chat', backend: 'offline', followups: [] } };
  } finally {
    subscription.dispose();
  }
}

/** Anchors to the learner's lines, the insert-scaffold and start-week buttons the turn offers. */
function extras(deps: ChatDeps, stream: ChatStreamLike, result: TurnResult): void {
  const ko = result.lang === 'ko';
  if (result.intent === 'review' && result.anchors.length) {
    stream.markdown(ko ? '\n\n📍 **살펴볼 줄:** ' : '\n\n📍 **Lines to look at:** ');
    for (const { file, finding } of result.anchors) {
      stream.anchor(deps.location(file.handle, finding.range), `${finding.ruleId} (${finding.range.start.line + 1})`);
      stream.markdown(' ');
    }
    stream.markdown('\n\n');
  } else if (result.intent === 'hint') {
    for (const { file, finding } of result.anchors) stream.anchor(deps.location(file.handle, finding.range), `${file.path}:${finding.range.start.line + 1}`);
  }
  if (result.scaffold) scaffoldButton(stream, result.scaffold.file.handle, result.scaffold.finding, result.lang);
  if (result.startWeek) {
    const [track, number] = result.startWeek.split('/');
    stream.button({ command: Commands.startWeek, title: ko ? `▶ ${result.startWeek} 시작하기` : `▶ Start ${result.startWeek}`, arguments: [{ track, week: Number(number) }] });
  }
}

function scaffoldButton(stream: ChatStreamLike, uri: unknown, finding: Finding, lang: Lang): void {
  stream.button({
    command: Commands.insertScaffold,
    title: lang === 'ko' ? '🧩 골격(TODO) 삽입' : '🧩 Insert TODO skeleton',
    // The command's contract, shared with the quick fix and the panel: (document uri, finding).
    arguments: [String(uri), finding],
  });
}

/** Followups for `ChatFollowupProvider`: what the teacher suggested as the natural next step. */
export function followupsFor(result: { readonly metadata?: unknown }): { prompt: string; label: string; command?: string }[] {
  const metadata = result.metadata as Partial<ChatMetadata> | undefined;
  return (metadata?.followups ?? []).map((f) => ({ prompt: f.prompt, label: f.label, ...(f.command ? { command: f.command } : {}) }));
}
