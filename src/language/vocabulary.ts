import { defineStrings, translate } from '../shared/i18n';
import type { Category, Finding, Lang, Severity } from './types';

/**
 * The words every surface uses for the language layer's own terms: category names and severity
 * levels, in the teacher language. The Problems panel, the teacher panel's cards, the rule page
 * and the teacher's `/explain` all take them from here, so "security" never shows up in a Korean
 * screen and the two sides never drift.
 */
export const CATEGORY_LABELS = defineStrings<Category>(
  'categories',
  {
    validation: 'Validation',
    'error-handling': 'Error handling',
    observability: 'Observability',
    health: 'Health',
    security: 'Security',
    reliability: 'Reliability',
    scalability: 'Scalability',
    reproducibility: 'Reproducibility',
    delivery: 'Delivery',
  },
  {
    validation: '검증',
    'error-handling': '오류 처리',
    observability: '관측성',
    health: '헬스 체크',
    security: '보안',
    reliability: '안정성',
    scalability: '확장성',
    reproducibility: '재현성',
    delivery: '배포',
  },
);

/** Severity words; `hint` is the editor's fourth level (a user override can pick it). */
export const SEVERITY_LABELS = defineStrings<Severity | 'hint'>(
  'severities',
  { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  { error: '오류', warning: '경고', info: '정보', hint: '힌트' },
);

/** A category's label; an unknown category (from a newer rule set) shows as it is. */
export function categoryLabel(category: string, lang: Lang): string {
  return (CATEGORY_LABELS.en as Readonly<Record<string, string>>)[category] === undefined ? category : translate(CATEGORY_LABELS, lang, category as Category);
}

export function severityLabel(severity: string, lang: Lang): string {
  return (SEVERITY_LABELS.en as Readonly<Record<string, string>>)[severity] === undefined ? severity : translate(SEVERITY_LABELS, lang, severity as Severity);
}

/**
 * "info: the service loads its own model file once at start-up" when the rule rated this case
 * above or below its default and said why; `undefined` otherwise.
 */
export function severityNote(finding: Pick<Finding, 'severity' | 'severityReason'>, lang: Lang): string | undefined {
  return finding.severityReason ? `${severityLabel(finding.severity, lang)}: ${finding.severityReason}` : undefined;
}
