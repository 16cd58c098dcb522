import * as path from 'node:path';
import * as vscode from 'vscode';
import { LintEngine } from '../language/engine';
import { bundledWasm } from '../language/parser';
import { registerCurriculum, standaloneCurriculumServices } from './curriculum';

/** Minimal composition root; the editor adapter issue fills it in. */
export function activate(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('ai-teacher');
  context.subscriptions.push(collection);
  let engine: Promise<LintEngine> | undefined;
  const lint = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'python' && document.languageId !== 'yaml') return;
    engine ??= LintEngine.create(bundledWasm(path.join(context.extensionPath, 'dist')));
    const result = (await engine).lintDocument(document.uri.toString(), document.getText(), { language: document.languageId });
    collection.set(
      document.uri,
      result.findings.map((f) => {
        const d = new vscode.Diagnostic(new vscode.Range(f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column), f.message);
        d.source = 'AI Teacher';
        d.code = f.ruleId;
        return d;
      }),
    );
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void lint(d)),
    vscode.workspace.onDidSaveTextDocument((d) => void lint(d)),
  );
  vscode.workspace.textDocuments.forEach((d) => void lint(d));
  registerCurriculum(context, standaloneCurriculumServices(context));
}

export function deactivate(): void {}
