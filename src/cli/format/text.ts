import type { Severity } from '../../language/types';
import { allFindings, firstQuestion, type CheckReport } from './report';

/**
 * One line per finding, `file:line:col  rule-id  [category]  message`, then the rule's first
 * teacher question indented below it; notices (skipped files, syntax errors, crashed rules)
 * follow their file's findings; a summary closes the output.
 */
export function formatText(report: CheckReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const finding of file.result.findings) {
      const { line, column } = finding.range.start;
      out.push(`${file.path}:${line + 1}:${column + 1}  ${finding.ruleId}  [${finding.category}]  ${finding.message}`);
      const question = firstQuestion(report.rules, finding.ruleId, report.lang);
      if (question) out.push(`    ? ${question}`);
    }
    for (const notice of file.result.notices) {
      const where = notice.range ? `${file.path}:${notice.range.start.line + 1}:${notice.range.start.column + 1}` : file.path;
      out.push(`${where}  (${notice.kind})  ${notice.message}`);
    }
  }
  if (out.length) out.push('');
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: CheckReport): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { finding } of allFindings(report)) counts[finding.severity]++;
  const total = counts.error + counts.warning + counts.info;
  const skipped = report.files.filter((f) => f.result.summary === undefined).length;
  const files = report.files.length;
  if (report.lang === 'ko') {
    const detail = total ? ` (error ${counts.error}, warning ${counts.warning}, info ${counts.info})` : '';
    return `파일 ${files}개 검사, 발견 ${total}건${detail}${skipped ? `, 건너뛴 파일 ${skipped}개` : ''}`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = total ? ` (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)` : '';
  return `${plural(total, 'finding')}${detail} in ${plural(files, 'file')} checked${skipped ? `, ${plural(skipped, 'file')} skipped` : ''}`;
}
