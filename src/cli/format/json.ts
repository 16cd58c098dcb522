import { VERSION } from '../version';
import { firstQuestion, type CheckReport } from './report';

/**
 * Machine-readable output: one entry per file with its findings and notices. Ranges are
 * zero-based like the engine's (`range`); `line` and `column` repeat the start one-based, as
 * the text output prints it.
 */
export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    path: file.path,
    findings: file.result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      message: finding.message,
      category: finding.category,
      severity: finding.severity,
      line: finding.range.start.line + 1,
      column: finding.range.start.column + 1,
      range: finding.range,
      question: firstQuestion(report.rules, finding.ruleId, report.lang),
      data: finding.data,
    })),
    notices: file.result.notices,
    summary: file.result.summary,
  }));
  const findings = files.reduce((n, f) => n + f.findings.length, 0);
  return `${JSON.stringify({ tool: 'ai-teacher', version: VERSION, files, totals: { files: files.length, findings } }, null, 2)}\n`;
}
