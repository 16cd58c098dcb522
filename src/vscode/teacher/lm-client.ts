import type * as vscode from 'vscode';
import { ModelError, type ModelClient, type ModelMessage } from '../../teacher/backends/types';
import type { Lang } from '../../language/types';

/**
 * Wraps a VS Code language model (`request.model` in the participant, or one picked with
 * `vscode.lm.selectChatModels` from a user action) as a ModelClient. The editor values it
 * needs are injected, so the chat handler can be tested in plain Node with a fake model.
 */
export interface LmApi {
  userMessage(text: string): unknown;
  assistantMessage(text: string): unknown;
  /** A cancellation token that fires when `signal` aborts. */
  token(signal: AbortSignal | undefined): { readonly token: unknown; dispose(): void };
  /** The `code` of a `vscode.LanguageModelError`, or undefined for anything else. */
  languageModelErrorCode(error: unknown): string | undefined;
}

/** The part of `vscode.LanguageModelChat` the teacher uses. */
export interface LanguageModelLike {
  readonly name: string;
  readonly vendor?: string;
  sendRequest(messages: unknown[], options?: { justification?: string }, token?: unknown): Thenable<{ readonly text: AsyncIterable<string> }>;
}

function friendly(code: string, lang: Lang, cause?: string): string {
  const ko = lang === 'ko';
  if (code === 'NoPermissions') return ko ? '언어 모델 사용 동의가 없어요' : 'permission to use the language model was not given';
  if (code === 'Blocked') return ko ? '언어 모델 사용이 일시적으로 막혔어요 (사용량 한도)' : 'the language model is temporarily blocked (usage limit)';
  if (code === 'NotFound') return ko ? '선택한 언어 모델을 찾을 수 없어요' : 'the selected language model is no longer available';
  if (cause?.includes('off_topic')) return ko ? '모델이 이 질문을 주제 밖이라고 판단했어요' : 'the model considered this off topic';
  return ko ? '언어 모델 요청이 실패했어요' : 'the language model request failed';
}

/**
 * The LM API knows only User and Assistant messages (`LanguageModelChatMessageRole.System` is
 * still a proposed API, vscode.proposed.languageModelSystem.d.ts, so a published extension
 * cannot use it). Its documentation puts instructions in a User message: the persona and rules
 * go first, as a User message of their own, before the conversation, never mixed into the
 * learner's words.
 */
export function toLmMessages(messages: readonly ModelMessage[], api: Pick<LmApi, 'userMessage' | 'assistantMessage'>): unknown[] {
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  const rest = messages.filter((m) => m.role !== 'system').map((m) => (m.role === 'assistant' ? api.assistantMessage(m.content) : api.userMessage(m.content)));
  return system.length ? [api.userMessage(system.join('\n\n')), ...rest] : rest;
}

export function lmClient(model: LanguageModelLike, api: LmApi, lang: () => Lang): ModelClient {
  return {
    id: 'vscode',
    label: model.vendor ? `${model.name} (${model.vendor})` : model.name,
    async *stream(messages: readonly ModelMessage[], signal?: AbortSignal): AsyncIterable<string> {
      const converted = toLmMessages(messages, api);
      const cancel = api.token(signal);
      try {
        const response = await model.sendRequest(
          converted,
          { justification: lang() === 'ko' ? 'AI 엔지니어링 선생님이 코드 리뷰와 힌트를 만들기 위해 사용합니다.' : 'The AI Engineering Teacher uses it for reviews and hints.' },
          cancel.token,
        );
        for await (const piece of response.text) {
          if (signal?.aborted) throw new ModelError('cancelled', 'cancelled');
          yield piece;
        }
        if (signal?.aborted) throw new ModelError('cancelled', 'cancelled');
      } catch (error) {
        if (error instanceof ModelError) throw error;
        if (signal?.aborted) throw new ModelError('cancelled', 'cancelled');
        const code = api.languageModelErrorCode(error);
        if (code !== undefined) throw new ModelError('unavailable', friendly(code, lang(), String((error as { cause?: unknown }).cause ?? '')));
        throw new ModelError('network', 'the language model request failed');
      } finally {
        cancel.dispose();
      }
    },
  };
}

/** The real editor values for `lmClient`. */
export function vscodeLmApi(api: typeof vscode): LmApi {
  return {
    userMessage: (text) => api.LanguageModelChatMessage.User(text),
    assistantMessage: (text) => api.LanguageModelChatMessage.Assistant(text),
    token(signal) {
      const source = new api.CancellationTokenSource();
      const onAbort = () => source.cancel();
      if (signal?.aborted) source.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      return {
        token: source.token,
        dispose: () => {
          signal?.removeEventListener('abort', onAbort);
          source.dispose();
        },
      };
    },
    languageModelErrorCode: (error) => (error instanceof api.LanguageModelError ? error.code : undefined),
  };
}
