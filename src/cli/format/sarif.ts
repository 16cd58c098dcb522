import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { noticeStatus, type FileStatus } from '../../language/notices';
import type { EngineNotice, Range, RuleMeta, Severity } from '../../language/types';
import { questionsOfRule } from '../../teacher/catalog';
import { VERSION } from '../version';
import { displayPath, Tally, type FileReport, type FormatWriter, type RunInfo } from './report';

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. Locations are relative to the working
 * directory through the `%SRCROOT%` base id, with forward slashes; lines and columns are
 * one-based, columns in UTF-16 code units (SARIF's default `columnKind`), end column exclusive.
 * Notices (skipped files, syntax errors, rules that failed) become tool execution notifications,
 * levelled by the status they give the file (error, partial: warning, skipped: note); the run's
 * `properties.totals` are the same counts as the JSON totals and the text summary.
 */
const SRCROOT = '%SRCROOT%';
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const NOTICE_LEVEL: Readonly<Record<FileStatus, 'error' | 'warning' | 'note'>> = { error: 'error', partial: 'warning', skipped: 'note', checked: 'note' };

export function sarifWriter(run: RunInfo): FormatWriter {
  const rules = [...run.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications: object[] = [];
  const tally = new Tally();
  let results = 0;
  // Everything but the results goes around them; JSON key order does not matter to readers,
  // so `invocations` (with the notices collected along the way) comes after `results`.
  const head = {
    tool: { driver: { name: 'ai-teacher', version: VERSION, semanticVersion: VERSION, rules: rules.map((rule) => ruleDescriptor(rule, run.lang)) } },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(run.cwd) } },
    columnKind: 'utf16CodeUnits',
  };
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  return {
    begin: () =>
      `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    ${indent(JSON.stringify(head, null, 2).slice(0, -2), '    ')},\n      "results": [`,
    file(file: FileReport) {
      tally.add(file);
      notifications.push(...file.result.notices.map((notice) => notification(file, notice)));
      return file.result.findings
        .map((finding) => {
          const result = {
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [location(file, finding.range)],
            // A cross-file finding names the files that cause it (the app's routes behind a probe).
            ...(finding.related?.length
              ? { relatedLocations: finding.related.map((r, id) => ({ id, ...location(relatedFile(run.cwd, r.path), r.range), message: { text: r.message } })) }
              : {}),
            properties: { category: finding.category },
          };
          return `${results++ === 0 ? '' : ','}\n        ${indent(JSON.stringify(result, null, 2), '        ')}`;
        })
        .join('');
    },
    end: () => {
      // A file that could not be read or checked makes the run unsuccessful; skipped files do not.
      const invocations = [{ executionSuccessful: tally.status.error === 0, toolExecutionNotifications: notifications }];
      const properties = { totals: tally.totals() };
      return `${results ? '\n      ' : ''}],\n      "invocations": ${indent(JSON.stringify(invocations, null, 2), '      ')},\n      "properties": ${indent(JSON.stringify(properties, null, 2), '      ')}\n    }\n  ]\n}\n`;
    },
  };
}

function ruleDescriptor(rule: RuleMeta, lang: RunInfo['lang']) {
  const questions = questionsOfRule(rule, lang)
    .map((q) => `- ${q}`)
    .join('\n');
  const text = `${rule.docs.summary[lang]}\n\n${rule.docs.why[lang]}`;
  const fence = rule.language;
  const markdown = [
    rule.docs.summary[lang],
    '',
    rule.docs.why[lang],
    '',
    `**${lang === 'ko' ? '나쁜 예' : 'Bad example'}**`,
    '',
    `\`\`\`${fence}\n${rule.docs.bad.trimEnd()}\n\`\`\``,
    '',
    `**${lang === 'ko' ? '스스로 생각해 볼 질문' : 'Questions to think about'}**`,
    '',
    questions,
  ].join('\n');
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.docs.summary[lang] },
    fullDescription: { text },
    help: {
      text: `${text}\n\n${questionsOfRule(rule, lang)
        .map((q) => `? ${q}`)
        .join('\n')}`,
      markdown,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, tags: [rule.category, ...(rule.anchors ?? [])], language: rule.language, weeks: rule.weeks },
  };
}

function location(file: FileReport, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: artifact(file),
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.column + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.column + 1,
      },
    },
  };
}

/** Inside the working directory: a relative URI on %SRCROOT%; outside it: an absolute file URI. */
function artifact(file: FileReport): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file.path) || file.path.startsWith('/') || file.path.startsWith('../')) return { uri: pathToFileURL(file.absolutePath).href };
  return { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A related location's file, from its path in the project index (absolute, forward slashes). */
function relatedFile(cwd: string, indexPath: string): FileReport {
  const absolutePath = path.resolve(cwd, indexPath);
  return { path: displayPath(cwd, absolutePath), absolutePath, result: { path: absolutePath, findings: [], notices: [] } };
}

function notification(file: FileReport, notice: EngineNotice) {
  return {
    level: NOTICE_LEVEL[noticeStatus(notice) ?? 'checked'],
    message: { text: `${file.path}: ${notice.message}` },
    descriptor: { id: notice.kind },
    properties: { status: noticeStatus(notice) ?? 'checked', ...(notice.code ? { code: notice.code } : {}) },
    ...(notice.ruleId ? { associatedRule: { id: notice.ruleId } } : {}),
    locations: [notice.range ? location(file, notice.range) : { physicalLocation: { artifactLocation: artifact(file) } }],
  };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
