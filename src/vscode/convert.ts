import * as vscode from 'vscode';
import type { Finding, Lang, Range, SourceLanguage } from '../language/types';
import { Commands, DIAGNOSTIC_SOURCE } from './ids';
import { planDiagnostics, type PlanSettings } from './pure/diagnostic-plan';
import type { TextInsertion } from './pure/insertion';
import { planScaffoldInsertion } from './pure/scaffold-plan';
import type { DiagnosticLevel } from './pure/settings';

/**
 * The adapter's conversions between the core's plain data and VS Code objects, kept in one
 * place (ruff_server, ast-grep's `utils.rs`): Finding -> Diagnostic and Scaffold -> WorkspaceEdit.
 */
const SEVERITY: Readonly<Record<DiagnosticLevel, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

/** A `command:` URI that opens the rule explanation; used as the diagnostic code's target. */
export function explainRuleUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${Commands.explainRule}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/**
 * The one Finding -> Diagnostic conversion. `uri` is the file's: a finding caused by another
 * file (a probe vs the app's routes) points at it as related information, found on the same
 * scheme and authority by its path.
 */
export function toDiagnostics(findings: readonly Finding[], settings: PlanSettings, lang: Lang, uri?: vscode.Uri): vscode.Diagnostic[] {
  return planDiagnostics(findings, settings, lang).map((plan) => {
    const diagnostic = new vscode.Diagnostic(toVscodeRange(plan.range), plan.message, SEVERITY[plan.level]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: plan.finding.ruleId, target: explainRuleUri(plan.finding.ruleId) };
    if (uri && plan.finding.related?.length) {
      // A per-file rule's related place is in the linted document itself, whose path is its key (the URI).
      const at = (p: string) => (p === uri.toString() ? uri : uri.with({ path: p }));
      diagnostic.relatedInformation = plan.finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(at(r.path), toVscodeRange(r.range)), r.message));
    }
    return diagnostic;
  });
}

/** True when a diagnostic (possibly a copy made by VS Code) shows this finding. */
export function diagnosticShows(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return false;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return String(code) === finding.ruleId && diagnostic.range.start.line === finding.range.start.line && diagnostic.range.start.character === finding.range.start.column;
}

export function insertionEdit(uri: vscode.Uri, insertion: TextInsertion, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  edit.insert(uri, new vscode.Position(insertion.line, insertion.column), insertion.text);
  return edit;
}

/** The one Scaffold -> WorkspaceEdit conversion: a single insertion, never a replacement. */
export function scaffoldEdit(document: vscode.TextDocument, finding: Finding, scaffold: string, language: SourceLanguage): vscode.WorkspaceEdit {
  return scaffoldEditAt(document, finding.range.start.line, scaffold, language);
}

/** A scaffold (or any code from the teacher) as comment lines above `line`. */
export function scaffoldEditAt(document: vscode.TextDocument, line: number, scaffold: string, language: SourceLanguage): vscode.WorkspaceEdit {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const insertion = planScaffoldInsertion(documentLines(document), line, scaffold, language, eol);
  return insertionEdit(document.uri, insertion);
}

export function documentLines(document: vscode.TextDocument): string[] {
  return Array.from({ length: document.lineCount }, (_, index) => document.lineAt(index).text);
}

/** The core language of a document, from its language id (compose and workflow files are YAML). */
export function sourceLanguageOf(document: vscode.TextDocument): SourceLanguage | undefined {
  switch (document.languageId) {
    case 'python':
      return 'python';
    case 'yaml':
    case 'dockercompose':
    case 'github-actions-workflow':
    case 'ansible':
    case 'helm':
      return 'yaml';
    default:
      return undefined;
  }
}

export const LINTED_LANGUAGES = ['python', 'yaml', 'dockercompose', 'github-actions-workflow'] as const;

/** Languages of files only the project model reads; their findings come from the project pass. */
export const PROJECT_LANGUAGES: readonly string[] = ['dockerfile', 'pip-requirements', 'shellscript', 'procfile', 'dotenv', 'properties'];

/** Schemes whose documents are linted: real files, unsaved editors, and remote/virtual file systems we can read. */
export const LINTED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** The documents the hover and code action providers serve: linted languages on linted schemes only. */
export const LINTED_SELECTOR: vscode.DocumentSelector = [...LINTED_LANGUAGES, ...PROJECT_LANGUAGES].flatMap((language) =>
  [...LINTED_SCHEMES].map((scheme) => ({ language, scheme })),
);
