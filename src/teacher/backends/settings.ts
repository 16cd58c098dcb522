import { normaliseBackendMode, type BackendMode } from './gateway';

/** The teacher's backend settings, read once per use and normalised by total functions (never throws). */
export interface TeacherSettings {
  readonly backend: BackendMode;
  readonly baseUrl: string;
  readonly model: string;
  readonly allowRemoteModel: boolean;
}

export const DEFAULT_BASE_URL = 'http://127.0.0.1:11434/v1';
export const DEFAULT_MODEL = 'llama3.1';

export function normaliseTeacherSettings(get: (key: string) => unknown): TeacherSettings {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);
  const baseUrl = httpUrl(text(get('openai.baseUrl'), DEFAULT_BASE_URL)) ?? DEFAULT_BASE_URL;
  return Object.freeze({
    backend: normaliseBackendMode(get('teacher.backend')),
    baseUrl,
    model: text(get('openai.model'), DEFAULT_MODEL),
    allowRemoteModel: get('privacy.allowRemoteModel') === true,
  });
}

/** Only http(s) endpoints: a `file:` or other URL falls back to the default. */
function httpUrl(value: string): string | undefined {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}
