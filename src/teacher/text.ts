import { findingOrder, mostSevereFirst, type Category, type Finding, type Lang, type Localized } from '../language/types';
import type { TeacherSection } from './types';

/** Small helpers the offline teacher's modules share: language picking, themes, ordering. */

export function t(lang: Lang, text: Localized): string {
  return text[lang];
}

export function loc(ko: string, en: string): Localized {
  return { ko, en };
}

/** 1-based line label in the teacher's voice ("14번째 줄" / "line 14"). */
export function lineLabel(lang: Lang, zeroBasedLine: number): string {
  return lang === 'ko' ? `${zeroBasedLine + 1}번째 줄` : `line ${zeroBasedLine + 1}`;
}

/** The seed groups review questions by theme; several lint categories share a theme. */
export type Theme = 'security' | 'stability' | 'scalability' | 'monitoring' | 'reproducibility' | 'delivery';

export const THEME_OF: Readonly<Record<Category, Theme>> = {
  security: 'security',
  validation: 'security',
  'error-handling': 'stability',
  reliability: 'stability',
  health: 'stability',
  scalability: 'scalability',
  observability: 'monitoring',
  reproducibility: 'reproducibility',
  delivery: 'delivery',
};

export const THEME_TITLE: Readonly<Record<Theme, Localized>> = {
  security: loc('보안', 'Security'),
  stability: loc('안정성', 'Reliability'),
  scalability: loc('확장성', 'Scalability'),
  monitoring: loc('모니터링', 'Monitoring'),
  reproducibility: loc('재현성', 'Reproducibility'),
  delivery: loc('배포', 'Delivery'),
};

/** Weights break ties between findings of the same severity: a leaked secret outranks a missing log line. */
export const CATEGORY_WEIGHT: Readonly<Record<Category, number>> = {
  security: 9,
  validation: 8,
  'error-handling': 7,
  reliability: 6,
  health: 6,
  scalability: 5,
  observability: 4,
  reproducibility: 3,
  delivery: 2,
};

/** Most important first: severity, then category weight, then position (stable and deterministic). */
export function byImportance(a: Finding, b: Finding): number {
  return mostSevereFirst(a.severity, b.severity) || CATEGORY_WEIGHT[b.category] - CATEGORY_WEIGHT[a.category] || findingOrder(a, b);
}

/** A fence longer than any backtick run inside `code`, so learner text can never close it early. */
export function fence(code: string, info = ''): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${code.replace(/\n+$/, '')}\n${ticks}`;
}

/** Sections become the Markdown the CLI prints and the chat streams; one place decides the layout. */
export function renderSections(sections: readonly TeacherSection[]): string {
  return sections
    .map((s) => (s.title ? `${s.title}\n\n${s.markdown}` : s.markdown).trim())
    .filter((s) => s.length > 0)
    .join('\n\n')
    .concat('\n');
}

/** Case-insensitive containment that also ignores spaces, because Korean spacing varies ("모델드리프트"). */
export function mentions(text: string, phrase: string): boolean {
  const hay = text.toLowerCase();
  const needle = phrase.toLowerCase().trim();
  if (!needle) return false;
  if (hay.includes(needle)) return true;
  return hay.replace(/\s+/g, '').includes(needle.replace(/\s+/g, ''));
}

export function anyMention(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => mentions(text, p));
}
