/**
 * What the teacher needs from a language model: a stream of text for a list of messages.
 * The VS Code LM API and OpenAI-compatible endpoints both fit behind it; neither leaks here.
 */
export interface ModelMessage {
  /**
   * `system` carries the persona and the teaching rules. OpenAI-compatible endpoints get it as a
   * system message; the VS Code LM API has no system role, so its client sends it as the first
   * user message, the documented place for instructions there.
   */
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ModelClient {
  readonly id: 'vscode' | 'openai';
  /** Shown in the panel footer and notes, e.g. "GPT-4o (VS Code)" or "llama3.1 @ 127.0.0.1". */
  readonly label: string;
  stream(messages: readonly ModelMessage[], signal?: AbortSignal): AsyncIterable<string>;
}

export type ModelErrorKind = 'timeout' | 'cancelled' | 'http' | 'network' | 'not-allowed' | 'unavailable';

/** Every backend failure becomes one of these, so the fallback note can say what happened without details like keys. */
export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
