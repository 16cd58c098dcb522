import { noticeStatus } from '../../language/notices';
import type { EngineNotice, Finding } from '../../language/types';
import { questionAsker, Tally, type FileReport, type FormatWriter, type RunInfo } from './report';
import { makeStyle, type Style } from './style';

/**
 * The human output, grouped by file as ESLint's and Ruff's are: the file's path as a header,
 * then one line per notice and finding, `line:col  severity  rule-id  [category]  message`, the
 * rule's first teacher question below each finding, and a summary with counts per severity and
 * per category and the files that were not (fully) checked. Notices come first, so a reader
 * knows a file was only partly parsed before reading its findings.
 *
 * With `statistics`, a table of counts per rule replaces the per-file lines.
 */
export function textWriter(run: RunInfo): FormatWriter {
  const style = makeStyle(run.color ?? false);
  const tally = new Tally();
  const question = questionAsker(run);
  let printed = false;
  return {
    begin: () => '',
    file(file: FileReport) {
      tally.add(file);
      if (run.statistics) return '';
      const rows = [
        ...file.result.notices.filter((n) => !run.quiet || noticeStatus(n) === 'error').map((n) => noticeRow(n, style)),
        ...file.result.findings.map((f) => findingRow(f, style)),
      ];
      if (rows.length === 0) return '';
      printed = true;
      return `${style.underline(file.path)}\n${table(rows, run, style, question)}`;
    },
    end: () => {
      const body = run.statistics ? statistics(tally, style) : '';
      return `${body}${printed || body ? '\n' : ''}${summary(run, tally, style)}`;
    },
  };
}

interface Row {
  readonly where: string;
  readonly level: string;
  readonly paint: (text: string) => string;
  readonly label: string;
  readonly category: string;
  readonly message: string;
  readonly ruleId?: string;
  readonly finding?: Finding;
}

function findingRow(finding: Finding, style: Style): Row {
  const { line, column } = finding.range.start;
  return {
    where: `${line + 1}:${column + 1}`,
    level: finding.severity,
    paint: style.severity(finding.severity),
    label: finding.ruleId,
    category: `[${finding.category}]`,
    message: finding.message,
    ruleId: finding.ruleId,
    finding,
  };
}

function noticeRow(notice: EngineNotice, style: Style): Row {
  const status = noticeStatus(notice) ?? 'checked';
  const start = notice.range?.start;
  return {
    where: start ? `${start.line + 1}:${start.column + 1}` : '',
    level: status === 'checked' ? 'note' : status,
    paint: style.status(status),
    label: `(${notice.code ?? notice.kind})`,
    category: '',
    message: notice.message,
  };
}

/** Columns aligned within the file, as ESLint's stylish output does. */
function table(rows: readonly Row[], run: RunInfo, style: Style, ask: (finding: Finding) => string | undefined): string {
  const width = (pick: (row: Row) => string) => Math.max(...rows.map((row) => pick(row).length));
  const [where, level, label, category] = [width((r) => r.where), width((r) => r.level), width((r) => r.label), width((r) => r.category)];
  const indent = ' '.repeat(2 + where + 2 + level + 2);
  let out = '';
  for (const row of rows) {
    // A notice has no category: its message follows its label directly.
    const cells = row.ruleId
      ? [style.dim(row.where.padEnd(where)), row.paint(row.level.padEnd(level)), row.label.padEnd(label), style.dim(row.category.padEnd(category)), row.message]
      : [style.dim(row.where.padEnd(where)), row.paint(row.level.padEnd(level)), row.label, row.message];
    out += `  ${cells.join('  ')}`.trimEnd() + '\n';
    const question = row.finding && run.questions !== false ? ask(row.finding) : undefined;
    if (question) out += `${indent}${style.dim(`? ${question}`)}\n`;
  }
  return out;
}

/** `--statistics`: findings per rule, most first, like `ruff check --statistics`. */
function statistics(tally: Tally, style: Style): string {
  const rows = [...tally.rules].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  if (rows.length === 0) return '';
  const count = Math.max(...rows.map(([, r]) => String(r.count).length));
  const id = Math.max(...rows.map(([ruleId]) => ruleId.length));
  return rows
    .map(([ruleId, r]) => `${String(r.count).padStart(count)}  ${style.severity(r.severity)(r.severity.padEnd(7))}  ${ruleId.padEnd(id)}  ${style.dim(`[${r.category}]`)}\n`)
    .join('');
}

function summary(run: RunInfo, tally: Tally, style: Style): string {
  const ko = run.lang === 'ko';
  const { severity: s, status } = tally;
  const total = tally.findings;
  const checked = status.checked + status.partial;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bySeverity = (['error', 'warning', 'info'] as const)
    .map((level) => style.severity(level)(ko ? `${level} ${s[level]}` : level === 'info' ? `${s.info} info` : plural(s[level], level)))
    .join(', ');
  const detail = total ? ` (${bySeverity})` : '';
  const lines = [
    ko ? `${style.bold(`파일 ${checked}개 검사, 발견 ${total}건`)}${detail}` : `${style.bold(plural(total, 'finding'))}${detail} in ${plural(checked, 'file')} checked`,
  ];
  if (total) {
    const byCategory = tally
      .categories()
      .map(([category, n]) => `${category} ${n}`)
      .join(', ');
    lines.push(ko ? `분류별: ${byCategory}` : `by category: ${byCategory}`);
  }
  const notFully = [
    status.partial ? (ko ? `일부만 검사 ${status.partial}개 (문법 오류나 인코딩)` : `${status.partial} partly (syntax error or undecodable bytes)`) : '',
    status.skipped ? (ko ? `건너뜀 ${status.skipped}개` : `${status.skipped} skipped`) : '',
    status.error ? (ko ? `검사하지 못함 ${status.error}개` : `${status.error} could not be checked`) : '',
  ].filter(Boolean);
  if (notFully.length) lines.push(ko ? `다 검사하지 못한 파일: ${notFully.join(', ')}` : `not fully checked: ${notFully.join(', ')}`);
  if (tally.omitted) {
    lines.push(
      ko
        ? `그중 ${tally.omitted}건은 파일당 표시 한도를 넘어 목록에서 생략했습니다 (--max-per-file)`
        : `${tally.omitted} of them not listed (over the per-file cap; see --max-per-file)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
