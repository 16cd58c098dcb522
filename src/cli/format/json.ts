import { VERSION } from '../version';
import * as path from 'node:path';
import { displayPath, firstQuestion, type FileReport, type FormatWriter, type RunInfo } from './report';

/**
 * Machine-readable output: `{ tool, version, files: [...], totals }`, one entry per file with
 * its findings and notices. Ranges are zero-based like the engine's (`range`); `line` and
 * `column` repeat the start one-based, as the text output prints it. Written file by file.
 */
export function jsonWriter(run: RunInfo): FormatWriter {
  let files = 0;
  let findings = 0;
  const indent = (json: string) => json.replace(/\n/g, '\n    ');
  return {
    begin: () => `{\n  "tool": "ai-teacher",\n  "version": ${JSON.stringify(VERSION)},\n  "files": [`,
    file(file: FileReport) {
      const entry = {
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
          question: firstQuestion(run.rules, finding.ruleId, run.lang),
          data: finding.data,
          related: finding.related?.map((r) => ({ path: displayPath(run.cwd, path.resolve(run.cwd, r.path)), line: r.range.start.line + 1, column: r.range.start.column + 1, range: r.range, message: r.message })),
        })),
        notices: file.result.notices,
        summary: file.result.summary,
      };
      findings += entry.findings.length;
      return `${files++ === 0 ? '' : ','}\n    ${indent(JSON.stringify(entry, null, 2))}`;
    },
    end: () => `${files ? '\n  ' : ''}],\n  "totals": ${JSON.stringify({ files, findings })}\n}\n`,
  };
}
