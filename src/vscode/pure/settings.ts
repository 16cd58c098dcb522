import { CATEGORIES, type Category, type Lang } from '../../language/types';
import type { BackendMode } from '../../teacher/backends/gateway';
import { DEFAULT_BASE_URL, DEFAULT_MODEL, normaliseTeacherSettings } from '../../teacher/backends/settings';
import { toExtraSettings } from './focus-settings';

/**
 * The extension's settings as one typed, frozen value. Raw values come from the user's
 * settings.json and can be anything, so every field is normalised by a total function that
 * falls back to the default instead of throwing (vscode-eslint `CodeActionsOnSaveMode.from`).
 * This module does not import `vscode`, so it runs in plain Node tests.
 */
export type RunMode = 'onSave' | 'onType' | 'off';
export type DiagnosticLevel = 'error' | 'warning' | 'info' | 'hint';
export type LevelOverride = DiagnosticLevel | 'off';
export type TeacherLanguage = 'auto' | Lang;
export type TeacherBackend = BackendMode;

export interface Settings {
  readonly enable: boolean;
  readonly run: RunMode;
  /** Keys are rule ids or category names; a rule id wins over its category. */
  readonly severityOverrides: Readonly<Record<string, LevelOverride>>;
  readonly categories: readonly Category[];
  readonly maxProblemsPerFile: number;
  readonly teacherLanguage: TeacherLanguage;
  readonly backend: TeacherBackend;
  readonly openaiBaseUrl: string;
  readonly openaiModel: string;
  readonly allowRemoteModel: boolean;
  /** Offer the exercise focus mode (AI completions off) when a week starts or opens. */
  readonly focusModeOffer: boolean;
  /** More settings focus mode writes, setting id -> value (see `pure/focus-settings.ts`). */
  readonly focusModeExtra: Readonly<Record<string, unknown>>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  run: 'onSave',
  severityOverrides: Object.freeze({}),
  categories: Object.freeze([...CATEGORIES]),
  maxProblemsPerFile: 100,
  teacherLanguage: 'auto',
  backend: 'auto',
  openaiBaseUrl: DEFAULT_BASE_URL,
  openaiModel: DEFAULT_MODEL,
  allowRemoteModel: false,
  focusModeOffer: true,
  focusModeExtra: Object.freeze({}),
} satisfies Settings);

/** The upper bound keeps a typo such as 1e9 from flooding the Problems panel. */
export const MAX_PROBLEMS_LIMIT = 10_000;

/** Setting keys under the `aiTeacher` section, exactly as package.json contributes them. */
export const SETTING_KEYS = [
  'enable',
  'lint.run',
  'lint.severityOverrides',
  'lint.categories',
  'lint.maxProblemsPerFile',
  'teacher.language',
  'teacher.backend',
  'openai.baseUrl',
  'openai.model',
  'privacy.allowRemoteModel',
  'focusMode.offer',
  'focusMode.extraSettings',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Reads every setting through `get` (e.g. `WorkspaceConfiguration.get`) and normalises it. */
export function normaliseSettings(get: (key: SettingKey) => unknown): Settings {
  const read = (key: SettingKey): unknown => {
    try {
      return get(key);
    } catch {
      return undefined;
    }
  };
  const teacher = normaliseTeacherSettings((key) => read(key as SettingKey));
  return Object.freeze({
    enable: toBoolean(read('enable'), DEFAULT_SETTINGS.enable),
    run: toRunMode(read('lint.run')),
    severityOverrides: toOverrides(read('lint.severityOverrides')),
    categories: toCategories(read('lint.categories')),
    maxProblemsPerFile: toMaxProblems(read('lint.maxProblemsPerFile')),
    teacherLanguage: toEnum(read('teacher.language'), ['auto', 'ko', 'en'] as const, DEFAULT_SETTINGS.teacherLanguage),
    // The teacher owns what its backend settings mean; one normaliser serves both sides.
    backend: teacher.backend,
    openaiBaseUrl: teacher.baseUrl,
    openaiModel: teacher.model,
    allowRemoteModel: teacher.allowRemoteModel,
    focusModeOffer: toBoolean(read('focusMode.offer'), DEFAULT_SETTINGS.focusModeOffer),
    focusModeExtra: toExtraSettings(read('focusMode.extraSettings')),
  });
}

/** The teacher's language: the setting, or VS Code's display language (`ko`, `ko-KR` ...) when `auto`. */
export function resolveLang(setting: TeacherLanguage, displayLanguage: string | undefined): Lang {
  if (setting === 'ko' || setting === 'en') return setting;
  return typeof displayLanguage === 'string' && displayLanguage.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function toBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

export function toRunMode(value: unknown): RunMode {
  if (typeof value !== 'string') return DEFAULT_SETTINGS.run;
  const lower = value.trim().toLowerCase();
  if (lower === 'onsave' || lower === 'save') return 'onSave';
  if (lower === 'ontype' || lower === 'type') return 'onType';
  if (lower === 'off' || lower === 'never') return 'off';
  return DEFAULT_SETTINGS.run;
}

export function toLevelOverride(value: unknown): LevelOverride | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'error' || lower === 'warning' || lower === 'info' || lower === 'hint' || lower === 'off') return lower;
  if (lower === 'information') return 'info';
  if (lower === 'warn') return 'warning';
  if (lower === 'none') return 'off';
  return undefined;
}

export function toOverrides(value: unknown): Readonly<Record<string, LevelOverride>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return DEFAULT_SETTINGS.severityOverrides;
  const result: Record<string, LevelOverride> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const level = toLevelOverride(raw);
    if (level && key.trim()) result[key.trim()] = level;
  }
  return Object.freeze(result);
}

export function toCategories(value: unknown): readonly Category[] {
  if (!Array.isArray(value)) return DEFAULT_SETTINGS.categories;
  const wanted = new Set(value.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toLowerCase()));
  // Keep the canonical order so two equal settings give equal values.
  return Object.freeze(CATEGORIES.filter((category) => wanted.has(category)));
}

export function toMaxProblems(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_SETTINGS.maxProblemsPerFile;
  return Math.min(MAX_PROBLEMS_LIMIT, Math.max(1, Math.floor(n)));
}

export function toEnum<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  if (typeof value !== 'string') return fallback;
  const trimmed = value.trim();
  return (allowed as readonly string[]).includes(trimmed) ? (trimmed as T) : fallback;
}
