import * as path from 'node:path';
import { fileStatus, type FileStatus } from '../../language/notices';
import { firstQuestion } from '../../teacher/catalog';
import { SEVERITY_RANK, type Category, type Finding, type Lang, type LintResult, type RuleMeta, type Severity } from '../../language/types';

/** What a formatter knows before the first file. */
export interface RunInfo {
  readonly cwd: string;
  readonly lang: Lang;
  readonly rules: readonly RuleMeta[];
  /** Text output: colour escapes on. */
  readonly color?: boolean;
  /** Text output: leave out the teacher's question under each finding. */
  readonly questions?: boolean;
  /** Text output: a table of counts per rule instead of the findings. */
  readonly statistics?: boolean;
  /** Only errors are reported (`--quiet`); the text output also hides notices that are not errors. */
  readonly quiet?: boolean;
}

/** Every file `check` looked at, in walk order (used by `format` below and by tests). */
export interface CheckReport extends RunInfo {
  readonly files: readonly FileReport[];
}

export interface FileReport {
  /**
   * As the user named it: under an absolute target, absolute; otherwise relative to the working
   * directory (`../` when outside it). Forward slashes.
   */
  readonly path: string;
  readonly absolutePath: string;
  /** What is shown: under the per-file cap, its `findings` are the most severe ones. */
  readonly result: LintResult;
  /** Every finding, counted in the totals; `result.findings` when nothing was left out. */
  readonly found?: readonly Finding[];
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

/** Distinct questions a run remembers before it starts over, so memory stays flat. */
const QUESTION_MEMO_LIMIT = 10_000;

/**
 * The teacher's first question under each finding, for the text and JSON output. It depends only
 * on the rule, the category and the finding's data, which repeat across a tree (the same rule
 * about the same name in many files), so each distinct one is filled from its templates once:
 * filling them for every finding was a tenth of a warm run's time.
 */
export function questionAsker(run: RunInfo): (finding: Finding) => string | undefined {
  const memo = new Map<string, string | undefined>();
  return (finding) => {
    const key = `${finding.ruleId}\u0000${finding.category}\u0000${finding.data === undefined ? '' : JSON.stringify(finding.data)}`;
    if (memo.has(key)) return memo.get(key);
    const question = firstQuestion(finding, run.lang, run.rules);
    if (memo.size >= QUESTION_MEMO_LIMIT) memo.clear();
    memo.set(key, question);
    return question;
  };
}

/** Forward slashes: `displayPath` of an absolute target stays absolute (never `../../etc/passwd`). */
export function displayPath(cwd: string, absolute: string, asGivenAbsolute = false): string {
  if (asGivenAbsolute) return absolute.split(path.sep).join('/');
  const relative = path.relative(cwd, absolute);
  if (relative === '' || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/**
 * The one count of a run, shared by the text summary, the JSON totals and the SARIF run
 * properties, so the three always agree: files by status, every finding by severity, category
 * and rule (those the per-file cap left out of the listing too), and how many were left out.
 */
export class Tally {
  files = 0;
  readonly status: Record<FileStatus, number> = { checked: 0, partial: 0, skipped: 0, error: 0 };
  readonly severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  readonly category = new Map<Category, number>();
  readonly rules = new Map<string, { count: number; category: Category; severity: Severity }>();
  omitted = 0;

  add(file: FileReport): FileStatus {
    const { result } = file;
    const status = fileStatus(result);
    this.files++;
    this.status[status]++;
    const found = file.found ?? result.findings;
    this.omitted += found.length - result.findings.length;
    for (const finding of found) {
      this.severity[finding.severity]++;
      this.category.set(finding.category, (this.category.get(finding.category) ?? 0) + 1);
      const rule = this.rules.get(finding.ruleId);
      if (!rule) this.rules.set(finding.ruleId, { count: 1, category: finding.category, severity: finding.severity });
      else {
        rule.count++;
        if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[rule.severity]) rule.severity = finding.severity;
      }
    }
    return status;
  }

  get findings(): number {
    return this.severity.error + this.severity.warning + this.severity.info;
  }

  /** Categories by count, most first (ties by name), for the summary. */
  categories(): [Category, number][] {
    return [...this.category].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** The JSON form, also put in SARIF's run properties. */
  totals(): object {
    return {
      files: this.files,
      findings: this.findings,
      ...this.status,
      severity: { ...this.severity },
      category: Object.fromEntries(this.categories()),
      omitted: this.omitted,
    };
  }
}
