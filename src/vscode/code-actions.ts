import * as vscode from 'vscode';
import type { Finding } from '../language/types';
import { documentLines, insertionEdit, LINTED_SELECTOR, scaffoldEdit, sourceLanguageOf } from './convert';
import { Commands, DIAGNOSTIC_SOURCE } from './ids';
import { planIgnoreComment } from './pure/ignore-plan';
import { say } from './pure/strings';
import type { AdapterServices } from './services-impl';

/**
 * Quick fixes on a finding. None of them writes a solution: they lead to the teacher, insert the
 * rule's TODO scaffold as comments, or silence the rule where the learner decides it does not apply.
 */
export function registerCodeActions(context: vscode.ExtensionContext, services: AdapterServices): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(LINTED_SELECTOR, new TeacherCodeActions(services), {
      providedCodeActionKinds: TeacherCodeActions.kinds,
    }),
  );
}

export class TeacherCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: AdapterServices) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.services.findingAt(document.uri, diagnostic);
      if (!finding) continue;
      actions.push(...this.actionsFor(document, diagnostic, finding));
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
    const uri = document.uri.toString();
    const language = sourceLanguageOf(document) ?? 'python';
    const rule = this.services.ruleMeta(finding.ruleId);
    const lang = this.services.lang();
    const make = (title: string) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      return action;
    };

    const ask = make(say(lang, 'quickfix.ask', { rule: finding.ruleId }));
    ask.command = { title: ask.title, command: Commands.askTeacher, arguments: [uri, finding] };
    const actions = [ask];

    if (rule) {
      const scaffold = make(say(lang, 'quickfix.scaffold', { rule: finding.ruleId }));
      scaffold.edit = scaffoldEdit(document, finding, rule.scaffold[lang], language);
      actions.push(scaffold);
    }

    const ignore = make(say(lang, 'quickfix.ignore', { rule: finding.ruleId }));
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const plan = planIgnoreComment(documentLines(document), finding.range.start.line, finding.ruleId, language, eol);
    if (plan.kind === 'insert') ignore.edit = insertionEdit(document.uri, plan.insertion);
    else ignore.disabled = { reason: say(lang, 'ignore.unsupported') };
    actions.push(ignore);

    const disable = make(say(lang, 'quickfix.disable', { rule: finding.ruleId }));
    disable.command = { title: disable.title, command: Commands.disableRule, arguments: [finding.ruleId, uri] };
    if (!vscode.workspace.getWorkspaceFolder(document.uri)) disable.disabled = { reason: say(lang, 'config.noFolder') };
    else if (!vscode.workspace.isTrusted) disable.disabled = { reason: say(lang, 'config.restricted') };
    actions.push(disable);
    return actions;
  }
}
