import { compareRuleIds, mostSevereFirst, type Finding, type Lang, type Range } from '../../language/types';
import { categoryLabel, severityNote } from '../../language/vocabulary';
import type { DiagnosticLevel, LevelOverride, Settings } from './settings';

/**
 * The pure half of the Finding -> Diagnostic conversion: which findings are shown, with which
 * level, message and range, and which are cut by the per-file cap. `convert.ts` turns the
 * result into `vscode.Diagnostic` objects and does nothing else.
 */
export interface DiagnosticPlan {
  readonly finding: Finding;
  readonly level: DiagnosticLevel;
  /**
   * The category in brackets in the teacher language, the rendered message, and the rule's reason
   * when it rated this case away from its default: "[보안] ... (정보: 서비스가 시작할 때 ...)".
   */
  readonly message: string;
  readonly range: Range;
}

export type PlanSettings = Pick<Settings, 'severityOverrides' | 'categories' | 'maxProblemsPerFile'>;

/**
 * The engine's severity, unless the user overrides the rule or its category. Security and health
 * rules default to warning or error (a meta test holds them to it); one of their findings shows
 * as info only when the rule judged that case mild, such as a service loading its own model file
 * at start-up.
 */
export function levelOf(finding: Finding, overrides: Readonly<Record<string, LevelOverride>>): LevelOverride {
  return overrides[finding.ruleId] ?? overrides[finding.category] ?? finding.severity;
}

export function planDiagnostics(findings: readonly Finding[], settings: PlanSettings, lang: Lang = 'en'): DiagnosticPlan[] {
  const categories = new Set(settings.categories);
  const shown: DiagnosticPlan[] = [];
  for (const finding of findings) {
    if (!categories.has(finding.category)) continue;
    const level = levelOf(finding, settings.severityOverrides);
    if (level === 'off') continue;
    shown.push({ finding, level, message: diagnosticMessage(finding, level, lang), range: normaliseRange(finding.range) });
  }
  if (shown.length <= settings.maxProblemsPerFile) return shown.sort(byPosition);
  // Over the cap, keep the most severe problems, then show them in document order.
  return shown
    .sort((a, b) => mostSevereFirst(a.level, b.level) || byPosition(a, b))
    .slice(0, Math.max(0, settings.maxProblemsPerFile))
    .sort(byPosition);
}

/** The reason only stands when the level shown is the one the rule chose (no user override). */
export function diagnosticMessage(finding: Finding, level: DiagnosticLevel, lang: Lang): string {
  const note = level === finding.severity ? severityNote(finding, lang) : undefined;
  return `[${categoryLabel(finding.category, lang)}] ${finding.message}${note ? ` (${note})` : ''}`;
}

/** A range whose end is before its start (which VS Code rejects) becomes an empty range at the start. */
export function normaliseRange(range: Range): Range {
  const start = { line: Math.max(0, range.start.line), column: Math.max(0, range.start.column) };
  const end = { line: Math.max(0, range.end.line), column: Math.max(0, range.end.column) };
  const endBeforeStart = end.line < start.line || (end.line === start.line && end.column < start.column);
  return { start, end: endBeforeStart ? start : end };
}

function byPosition(a: DiagnosticPlan, b: DiagnosticPlan): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || compareRuleIds(a.finding.ruleId, b.finding.ruleId);
}
