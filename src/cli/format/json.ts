import { VERSION } from '../version';
import * as path from 'node:path';
import { displayPath, questionAsker, Tally, type FileReport, type FormatWriter, type RunInfo } from './report';

/**
 * Machine-readable output: `{ tool, version, files: [...], totals }`, one entry per file with its
 * status (`checked`, `partial`, `skipped`, `error`), findings and notices. Ranges are zero-based
 * like the engine's (`range`); `line` and `column` repeat the start one-based, as the text output
 * prints it. `totals` counts files by status and findings by severity and category (the same
 * Tally as the text summary). Written file by file, one line per file: pretty-printing each entry
 * and re-indenting it took 4% of a large run.
 */
export function jsonWriter(run: RunInfo): FormatWriter {
  const tally = new Tally();
  const question = questionAsker(run);
  return {
    begin: () => `{\n  "tool": "ai-teacher",\n  "version": ${JSON.stringify(VERSION)},\n  "files": [`,
    file(file: FileReport) {
      const first = tally.files === 0;
      const status = tally.add(file);
      const entry = {
        path: file.path,
        status,
        findings: file.result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          messageId: finding.messageId,
          message: finding.message,
          category: finding.category,
          severity: finding.severity,
          line: finding.range.start.line + 1,
          column: finding.range.start.column + 1,
          range: finding.range,
          question: question(finding),
          data: finding.data,
          related: finding.related?.map((r) => ({
            path: displayPath(run.cwd, path.resolve(run.cwd, r.path)),
            line: r.range.start.line + 1,
            column: r.range.start.column + 1,
            range: r.range,
            message: r.message,
          })),
        })),
        notices: file.result.notices,
        summary: file.result.summary,
      };
      return `${first ? '' : ','}\n    ${JSON.stringify(entry)}`;
    },
    end: () => `${tally.files ? '\n  ' : ''}],\n  "totals": ${JSON.stringify(tally.totals())}\n}\n`,
  };
}
