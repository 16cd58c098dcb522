import * as path from 'node:path';
import type { Lang, LintResult, RuleMeta } from '../../language/types';

/** What a formatter knows before the first file. */
export interface RunInfo {
  readonly cwd: string;
  readonly lang: Lang;
  readonly rules: readonly RuleMeta[];
}

/** Every file `check` looked at, in walk order (used by `format` below and by tests). */
export interface CheckReport extends RunInfo {
  readonly files: readonly FileReport[];
}

export interface FileReport {
  /** Relative to the working directory with forward slashes (`../` when outside it). */
  readonly path: string;
  readonly absolutePath: string;
  readonly result: LintResult;
}

/**
 * Output is streamed: `check` writes each file's part as soon as the file is linted and keeps
 * nothing, so memory stays flat on trees with thousands of files and findings.
 */
export interface FormatWriter {
  begin(): string;
  file(file: FileReport): string;
  end(): string;
}

export type FormatterFactory = (run: RunInfo) => FormatWriter;

/** The whole output for a finished report (the streamed parts joined). */
export function format(factory: FormatterFactory, report: CheckReport): string {
  const writer = factory(report);
  return writer.begin() + report.files.map((file) => writer.file(file)).join('') + writer.end();
}

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** The first Socratic question of a rule, in the requested language. */
export function firstQuestion(rules: readonly RuleMeta[], ruleId: string, lang: Lang): string | undefined {
  return rules.find((r) => r.id === ruleId)?.questions[0]?.[lang];
}
