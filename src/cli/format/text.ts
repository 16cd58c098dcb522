import type { Severity } from '../../language/types';
import { firstQuestion, type FileReport, type FormatWriter, type RunInfo } from './report';

/**
 * One line per finding, `file:line:col  rule-id  [category]  message`, then the rule's first
 * teacher question indented below it; notices (skipped files, syntax errors, crashed rules)
 * follow their file's findings; a summary closes the output.
 */
export function textWriter(run: RunInfo): FormatWriter {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let skipped = 0;
  let printed = false;
  return {
    begin: () => '',
    file(file: FileReport) {
      files++;
      if (file.result.summary === undefined) skipped++;
      const out: string[] = [];
      for (const finding of file.result.findings) {
        counts[finding.severity]++;
        const { line, column } = finding.range.start;
        out.push(`${file.path}:${line + 1}:${column + 1}  ${finding.ruleId}  [${finding.category}]  ${finding.message}`);
        const question = firstQuestion(run.rules, finding.ruleId, run.lang);
        if (question) out.push(`    ? ${question}`);
      }
      for (const notice of file.result.notices) {
        const where = notice.range ? `${file.path}:${notice.range.start.line + 1}:${notice.range.start.column + 1}` : file.path;
        out.push(`${where}  (${notice.kind})  ${notice.message}`);
      }
      if (out.length) printed = true;
      return out.map((line) => `${line}\n`).join('');
    },
    end: () => `${printed ? '\n' : ''}${summaryLine(run, counts, files, skipped)}\n`,
  };
}

function summaryLine(run: RunInfo, counts: Record<Severity, number>, files: number, skipped: number): string {
  const total = counts.error + counts.warning + counts.info;
  if (run.lang === 'ko') {
    const detail = total ? ` (error ${counts.error}, warning ${counts.warning}, info ${counts.info})` : '';
    return `파일 ${files}개 검사, 발견 ${total}건${detail}${skipped ? `, 건너뛴 파일 ${skipped}개` : ''}`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = total ? ` (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)` : '';
  return `${plural(total, 'finding')}${detail} in ${plural(files, 'file')} checked${skipped ? `, ${plural(skipped, 'file')} skipped` : ''}`;
}
