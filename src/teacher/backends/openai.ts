import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { Stream } from 'openai/streaming';
import { isLoopbackUrl } from './loopback';
import { ModelError, type ModelClient, type ModelMessage } from './types';

/**
 * An OpenAI-compatible Chat Completions endpoint (Ollama, vLLM, LM Studio, a hosted API),
 * through the `openai` package. Retries are ours, not the SDK's, so a retry never happens
 * after text has reached the learner, and the idle timeout covers a stream that stalls.
 */
export interface OpenAIClientOptions {
  readonly baseUrl: string;
  readonly model: string;
  /** From SecretStorage; local servers usually need none. Never logged. */
  readonly apiKey?: string;
  /** The explicit opt-in (`aiTeacher.privacy.allowRemoteModel`) to send learner code to a non-loopback endpoint. */
  readonly allowRemote: boolean;
  /** No byte for this long (before the first token or between tokens) ends the attempt. */
  readonly timeoutMs?: number;
  /** Extra attempts after a 429/5xx/network failure that happened before any text arrived. */
  readonly retries?: number;
  /** First backoff; doubles per attempt unless the server sends Retry-After. */
  readonly backoffMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_RETRY_AFTER_MS = 10_000;

export function remoteBlocked(options: Pick<OpenAIClientOptions, 'baseUrl' | 'allowRemote'>): boolean {
  return !options.allowRemote && !isLoopbackUrl(options.baseUrl);
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelError('cancelled', 'cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ModelError('cancelled', 'cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function retryable(error: ModelError): boolean {
  return error.kind === 'network' || (error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500));
}

function retryAfterMs(error: unknown): number | undefined {
  const header = error instanceof APIError ? error.headers?.get?.('retry-after') : undefined;
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, seconds * 1000)) : undefined;
}

function classify(error: unknown, outer: AbortSignal | undefined, timedOut: boolean): ModelError {
  if (error instanceof ModelError) return error;
  if (outer?.aborted) return new ModelError('cancelled', 'cancelled');
  if (timedOut) return new ModelError('timeout', 'the model did not answer in time');
  if (error instanceof APIUserAbortError) return new ModelError('cancelled', 'cancelled');
  if (error instanceof APIConnectionError) return new ModelError('network', 'could not reach the model endpoint');
  if (error instanceof APIError && typeof error.status === 'number') return new ModelError('http', `the model endpoint answered HTTP ${error.status}`, error.status);
  return new ModelError('network', 'the model request failed');
}

export function createOpenAIClient(options: OpenAIClientOptions): ModelClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const client = new OpenAI({ apiKey: options.apiKey || 'no-key', baseURL: options.baseUrl, maxRetries: 0, timeout: timeoutMs });
  return {
    id: 'openai',
    label: `${options.model} @ ${host(options.baseUrl)}`,
    async *stream(messages: readonly ModelMessage[], signal?: AbortSignal): AsyncIterable<string> {
      if (remoteBlocked(options)) throw new ModelError('not-allowed', 'remote model endpoints need aiTeacher.privacy.allowRemoteModel');
      for (let attempt = 0; ; attempt++) {
        const controller = new AbortController();
        const onAbort = () => controller.abort();
        signal?.addEventListener('abort', onAbort, { once: true });
        let timedOut = false;
        let timer: NodeJS.Timeout | undefined;
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs);
        };
        let yielded = false;
        try {
          if (signal?.aborted) throw new ModelError('cancelled', 'cancelled');
          arm();
          const response = await client.chat.completions
            .create({ model: options.model, messages: messages.map((m) => ({ role: m.role, content: m.content })), stream: true }, { signal: controller.signal })
            .asResponse();
          if (!/event-stream/i.test(response.headers.get('content-type') ?? '')) {
            // Some compatible servers ignore `stream: true` and send the whole completion at once.
            const completion = (await response.json()) as Partial<ChatCompletion>;
            const text = completion.choices?.[0]?.message?.content;
            if (text) {
              yielded = true;
              yield text;
            }
          } else {
            for await (const chunk of Stream.fromSSEResponse<ChatCompletionChunk>(response, controller, client)) {
              arm();
              const piece = chunk.choices[0]?.delta?.content;
              if (piece) {
                yielded = true;
                yield piece;
              }
            }
          }
          // The SDK may end the iteration quietly on abort; an aborted stream is never a complete answer.
          if (signal?.aborted) throw new ModelError('cancelled', 'cancelled');
          if (timedOut) throw new ModelError('timeout', 'the model did not answer in time');
          return;
        } catch (error) {
          const failure = classify(error, signal, timedOut);
          if (!yielded && attempt < retries && retryable(failure)) {
            await sleep(retryAfterMs(error) ?? backoffMs * 2 ** attempt, signal);
            continue;
          }
          throw failure;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        }
      }
    },
  };
}

/** Whether the endpoint answers at all (GET /models), for `auto` selection. Short and quiet. */
export async function probeOpenAI(baseUrl: string, apiKey: string | undefined, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok;
  } catch {
    return false;
  }
}
