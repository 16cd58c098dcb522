import * as path from 'node:path';
import type { EngineNotice, Finding, Lang, LintResult, RuleMeta, Severity } from '../../language/types';

/** What `check` hands to a formatter: every file it looked at, in walk order. */
export interface CheckReport {
  readonly cwd: string;
  readonly lang: Lang;
  readonly rules: readonly RuleMeta[];
  readonly files: readonly FileReport[];
}

export interface FileReport {
  /** Relative to the working directory with forward slashes (`../` when outside it). */
  readonly path: string;
  readonly absolutePath: string;
  readonly result: LintResult;
}

export type Formatter = (report: CheckReport) => string;

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

export function allFindings(report: CheckReport): { file: FileReport; finding: Finding }[] {
  return report.files.flatMap((file) => file.result.findings.map((finding) => ({ file, finding })));
}

export function allNotices(report: CheckReport): { file: FileReport; notice: EngineNotice }[] {
  return report.files.flatMap((file) => file.result.notices.map((notice) => ({ file, notice })));
}

/** The first Socratic question of a rule, in the requested language. */
export function firstQuestion(rules: readonly RuleMeta[], ruleId: string, lang: Lang): string | undefined {
  return rules.find((r) => r.id === ruleId)?.questions[0]?.[lang];
}
