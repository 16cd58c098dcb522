import { isSolutionRequest } from '../chat';
import { ruleScaffold } from '../catalog';
import { codeToSend, contextFor } from '../context-policy';
import { StreamGuard, detectInjection, type GuardContext } from '../guard';
import type { LineParser } from '../guard-classify';
import { offlineTeacher } from '../offline';
import { buildPrompt } from '../prompt';
import { rankedGroups } from '../review';
import type { AskOptions, SentContext, TeacherGateway, TeacherRequest, TeacherResponse } from '../types';
import { ModelError, type ModelClient } from './types';

/**
 * Backend selection and fallback, without any editor API: the VS Code side supplies the
 * sources (its LM model, the OpenAI-compatible endpoint) and this class decides which one
 * answers, passes the stream through the guard, and falls back to the offline teacher.
 */

export type BackendMode = 'auto' | 'vscode' | 'openai' | 'offline';

export function normaliseBackendMode(raw: unknown): BackendMode {
  return raw === 'vscode' || raw === 'openai' || raw === 'offline' ? raw : 'auto';
}

export interface BackendSource {
  readonly id: 'vscode' | 'openai';
  /** A ready client, or why there is none (shown only when this backend was chosen explicitly). */
  resolve(): Promise<{ readonly client?: ModelClient; readonly reason?: ModelError }>;
}

export interface TeacherCoreOptions {
  mode(): BackendMode;
  readonly sources: readonly BackendSource[];
  /** Where failures are recorded (never with keys or learner code). */
  log?(message: string): void;
  /**
   * The tree-sitter Python grammar for the guard, loaded on the first model answer. The guard
   * has a cheaper path when this is absent or fails.
   */
  parser?(): Promise<LineParser | undefined>;
}

/** Answers that must be the same every time (progress, assessments, the greeting) never go to a model. */
const DETERMINISTIC = new Set<TeacherRequest['intent']>(['greeting', 'week', 'progress', 'checkpoint']);

export function fallbackNote(error: unknown, lang: 'ko' | 'en'): string {
  const e = error instanceof ModelError ? error : undefined;
  const ko = lang === 'ko';
  const reason = (() => {
    switch (e?.kind) {
      case 'timeout':
        return ko ? '모델 응답 시간이 초과됐어요' : 'the model took too long';
      case 'http':
        return e.status === 429
          ? ko
            ? '모델 요청 한도를 넘었어요'
            : 'the model is rate-limited'
          : ko
            ? `모델 서버가 오류로 응답했어요 (HTTP ${e.status})`
            : `the model server answered with an error (HTTP ${e.status})`;
      case 'network':
        return ko ? '모델 서버에 연결하지 못했어요' : "couldn't reach the model server";
      case 'not-allowed':
        return ko
          ? '원격 모델로 코드를 보내는 것이 허용되지 않았어요 (`aiTeacher.privacy.allowRemoteModel`)'
          : 'sending code to a remote model is not allowed (`aiTeacher.privacy.allowRemoteModel`)';
      case 'unavailable':
        return e.message;
      default:
        return ko ? '모델 응답에 문제가 있었어요' : 'something went wrong with the model';
    }
  })();
  return ko ? `${reason}. 오프라인 선생님이 답할게요.` : `${reason[0].toUpperCase()}${reason.slice(1)}. The offline teacher answers instead.`;
}

/**
 * What the guard needs to know about a request: the scaffolds to offer instead of code, the
 * learner's own code (their file, even when it was not sent, and code in their messages) and
 * the teacher's earlier answers, which the conversation-wide code budget counts.
 */
export function guardContextFor(request: TeacherRequest, parser?: LineParser): GuardContext {
  const findings = request.review?.result.findings ?? (request.finding ? [request.finding] : []);
  const groups = rankedGroups(findings).slice(0, 3);
  const language = request.review?.result.summary?.language ?? (/\.ya?ml$/i.test(request.review?.path ?? '') ? 'yaml' : 'python');
  const scaffolds = groups.map((g) => ({ ruleId: g.ruleId, language, text: ruleScaffold(g.ruleId, g.findings[0].category, request.lang) }));
  if (request.ruleId && !groups.some((g) => g.ruleId === request.ruleId))
    scaffolds.unshift({ ruleId: request.ruleId, language, text: ruleScaffold(request.ruleId, 'reliability', request.lang) });
  const learnerWords = request.history.filter((t) => t.role === 'learner').map((t) => t.text);
  return {
    lang: request.lang,
    scaffolds,
    learnerCode: [request.review?.text, request.ownCode, ...learnerWords, request.message].filter(Boolean).join('\n'),
    history: request.history.filter((t) => t.role === 'teacher').map((t) => t.text),
    strict: detectInjection(request.message) || detectInjection(request.review?.text ?? '') || isSolutionRequest(request.message),
    ...(parser ? { parser } : {}),
  };
}

export class TeacherCore implements TeacherGateway {
  constructor(private readonly options: TeacherCoreOptions) {}

  /** The client that would answer, or a note when the chosen backend cannot. */
  async pick(preferred?: ModelClient): Promise<{ client?: ModelClient; failure?: ModelError }> {
    const mode = this.options.mode();
    if (mode === 'offline') return {};
    if (preferred && (mode === 'auto' || mode === preferred.id)) return { client: preferred };
    const sources = this.options.sources.filter((s) => mode === 'auto' || s.id === mode);
    let failure: ModelError | undefined;
    for (const source of sources) {
      try {
        const { client, reason } = await source.resolve();
        if (client) return { client };
        failure ??= reason;
      } catch (error) {
        failure ??= error instanceof ModelError ? error : new ModelError('unavailable', String((error as Error)?.message ?? error));
      }
    }
    // In auto mode "no model" is the normal offline case, not a failure worth a note.
    return mode === 'auto' ? {} : { failure: failure ?? new ModelError('unavailable', 'no model') };
  }

  /** The model that would answer (for checkpoint grading beside `ask`); undefined offline. */
  async modelFor(preferred?: ModelClient): Promise<ModelClient | undefined> {
    return (await this.pick(preferred)).client;
  }

  async describeBackend(): Promise<{ readonly id: TeacherResponse['backend']; readonly label: string }> {
    const { client } = await this.pick();
    return client ? { id: client.id, label: client.label } : { id: 'offline', label: 'Offline teacher' };
  }

  async ask(request: TeacherRequest, options: AskOptions = {}): Promise<TeacherResponse> {
    const offline = offlineTeacher(request);
    const emit = (piece: string) => options.onChunk?.(piece);
    if (DETERMINISTIC.has(request.intent) || offline.intent === 'greeting' || (request.intent !== 'review' && isSolutionRequest(request.message))) {
      emit(offline.markdown);
      return offline;
    }
    const { client, failure } = await this.pick(options.model);
    if (!client) return this.fallback(request, offline, failure, '', emit);

    const decision = contextFor(request);
    const code = codeToSend(request, decision);
    const sent: SentContext = { to: client.label, ...(code ? { code: { path: code.path, lines: code.text.split('\n').length, selection: code.selection } } : {}) };
    const parser = await this.options.parser?.().catch(() => undefined);
    let text = '';
    const guard = new StreamGuard(guardContextFor(request, parser), (piece) => {
      text += piece;
      emit(piece);
    });
    try {
      for await (const piece of client.stream(buildPrompt(request, offline, decision), options.signal)) {
        if (options.signal?.aborted) break;
        guard.push(piece);
      }
      guard.end();
    } catch (error) {
      guard.end();
      if (options.signal?.aborted || (error instanceof ModelError && error.kind === 'cancelled')) {
        return { ...offline, markdown: text, sections: [{ kind: 'text', markdown: text }], backend: client.id, guarded: guard.caught > 0, sent };
      }
      this.options.log?.(`teacher backend ${client.id} failed: ${error instanceof ModelError ? `${error.kind} ${error.message}` : String((error as Error)?.name ?? 'error')}`);
      // A refused remote endpoint fails before anything leaves the machine.
      const left = !(error instanceof ModelError && error.kind === 'not-allowed');
      return { ...this.fallback(request, offline, error, text, emit), ...(left ? { sent } : {}) };
    }
    if (!text.trim() && !options.signal?.aborted)
      return {
        ...this.fallback(request, offline, new ModelError('unavailable', request.lang === 'ko' ? '모델이 빈 응답을 보냈어요' : 'the model sent an empty answer'), text, emit),
        sent,
      };
    return {
      intent: offline.intent,
      markdown: text,
      sections: [{ kind: 'text', markdown: text }],
      followups: offline.followups,
      backend: client.id,
      sent,
      ...(guard.caught > 0 ? { guarded: true } : {}),
      ...(offline.week ? { week: offline.week } : {}),
    };
  }

  private fallback(request: TeacherRequest, offline: TeacherResponse, error: unknown, already: string, emit: (s: string) => void): TeacherResponse {
    if (!error) {
      emit(offline.markdown);
      return offline;
    }
    const note = fallbackNote(error, request.lang);
    const tail = `${already ? '\n\n' : ''}> ⚠️ ${note}\n\n${offline.markdown}`;
    emit(tail);
    return { ...offline, markdown: already + tail, sections: [{ kind: 'note', markdown: `> ⚠️ ${note}` }, ...offline.sections], note };
  }
}
